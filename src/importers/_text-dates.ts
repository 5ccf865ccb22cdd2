/**
 * The dates of a story copied from a page: which of the stamps read is its first publication and which its
 * update, their instants in the desk's zone (or the zone or offset they print), and the stamps that refuse
 * the story (a publication that names no instant beside updates only, a time the zone skips or repeats);
 * and the place and day of its dateline lead.
 */
import { isValidTimeZone, parseDeskTime } from '../core/_dates.js';
import type { Diagnostic } from '../types.js';
import type { Line } from './_page.js';
import type { Stamp } from './_stamps.js';
import { datelineDay, laterStamp, type Timed, unknownCity } from './_story.js';
import { lookupCity, regionZone } from './gazetteer.js';
import { cityName, key } from './_regions.js';
import type { TextLead } from './_lead.js';
import type { RecordFieldsOut } from './types.js';
import { GIVES, problems, q } from './_text-problems.js';

/** A stamp line that names no instant (`Published: February 5, 2025`, `Updated 5 hours ago`), and what it gives. */
export interface UntimedLine {
  n: number;
  text: string;
  kind: Stamp['kind'];
  gives: keyof typeof GIVES;
}

/** What a page's stamp lines gave. */
export interface PageStamps {
  /** The stamps read, in the order printed. */
  stamps: readonly Stamp[];
  /** Stamp lines that name no instant: no headline, and no paragraph of the story. */
  untimed: readonly UntimedLine[];
  /** Publication stamps in a form not read (after the first stamp). */
  unreadPublished: readonly { n: number; text: string }[];
}

/**
 * The story's first publication and update from the stamps its page prints (`page`): its date as printed,
 * `dated` with its instant where the zone names one, and `updated` when it is later. Undefined when the
 * story is refused, the reasons added to `diagnostics`.
 */
export function storyDates(page: PageStamps, file: string, deskZone: string, lines: readonly Line[], diagnostics: Diagnostic[], notes: string[]): { date: string; dated: Timed; updated?: string } | undefined {
  const { stamps, untimed, unreadPublished } = page;
  const refused = (d: Diagnostic): undefined => {
    diagnostics.push(d);
    return undefined;
  };
  const published = stamps.find((s) => s.kind === 'published');
  // A publication stamp that names no instant beside update stamps only: the first update's time would be
  // taken for the first publication's (QA: `Published: February 5, 2025` over `Updated: February 5, 2025
  // 10:30 AM EST` went out dated 10:30, under the publication line as its headline). Refused, naming it.
  const firstUntimed = untimed.find((l) => l.kind === 'published');
  if (published === undefined && firstUntimed !== undefined) return refused(problems.untimed(file, firstUntimed, firstUntimed.gives));
  // A publication stamp in a form not read, beside update stamps only: refused as well, saying why it was not read.
  const firstUnread = unreadPublished[0];
  if (published === undefined && firstUnread !== undefined) return refused(problems.ambiguous(file, firstUnread, deskZone));
  for (const l of unreadPublished) notes.push(`stamp in a form not read, not used: ${q(l.text)}`);
  for (const l of untimed) notes.push(`stamp that ${GIVES[l.gives]}, not used: ${q(l.text)}`);
  // Of several update stamps (a page that lists its editions), the latest is the update, and without a
  // publication stamp the earliest is the first publication; in the order printed when one names no instant.
  // (The later one was noted "not used", and the story lost its update.)
  const updates = stamps.filter((s) => s.kind === 'updated');
  const stampTime = (s: Stamp): number => {
    const t = isValidTimeZone(deskZone) || s.offset || s.clock !== undefined ? parseDeskTime(s.value, s.clock ?? (s.offset ? 'UTC' : deskZone)) : undefined;
    return t?.ok === true ? t.instant.getTime() : NaN;
  };
  const ordered = updates.length >= 2 && updates.every((s) => !Number.isNaN(stampTime(s))) ? [...updates].sort((a, b) => stampTime(a) - stampTime(b)) : updates;
  const updated = updates.length >= 2 && ordered !== updates ? ordered[ordered.length - 1] : updates[0];
  const date = published ?? ordered[0];
  for (const s of stamps) {
    if (s !== published && s !== updated) notes.push(`another ${s.kind} stamp, not used: ${q(s.value)}`);
  }
  const zoneKnown = isValidTimeZone(deskZone);
  const instants = new Map<Stamp, Date>();
  for (const s of new Set([date, updated])) {
    if (s === undefined) continue;
    if (!s.offset && !zoneKnown) {
      diagnostics.push(problems.noZone(file, s.n, deskZone));
      continue;
    }
    // A time the zone skips or repeats names no instant, whether the stamp names its clock (`1:30 AM ET` on
    // the day New York repeats it) or leaves it to the site's zone (`2025-11-02 01:30` on a New York desk):
    // refused alike, naming both instants of a repeated hour, as NITF and ninjs stamps are (`clockError`).
    const zone = s.clock ?? (s.offset ? 'UTC' : deskZone);
    const t = parseDeskTime(s.value, zone);
    const field = s === date ? 'date' : 'updated';
    if (t.ok) instants.set(s, t.instant);
    else if (t.problem === 'format') diagnostics.push(problems.badDate(file, s.n, s.value));
    else diagnostics.push(problems.clockTime(file, s.n, field, s.value, zone, t));
  }
  if (date === undefined) return refused(problems.noDate(file, lines, deskZone));
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  // The update stamp is the record's `updated` only when it is later than the first publication, in
  // whichever order and zones the stamps are printed: an earlier one is noted and not used, as NITF's
  // date.release and ninjs's versioncreated are (`laterStamp`); the build refuses an update before the date.
  const timed = (s: Stamp): Timed => {
    const instant = instants.get(s);
    return instant === undefined ? { value: s.value, hasTime: true } : { value: s.value, hasTime: true, instant };
  };
  const dated: Timed = timed(date);
  if (updated !== undefined && updated !== date) {
    const later = laterStamp(dated, timed(updated), notes, 'the update stamp');
    if (later !== undefined) return { date: date.value, dated, updated: later };
  }
  return { date: date.value, dated };
}

/**
 * The dateline of a lead read from the copy (`line`: where it is printed): the city as the gazetteer names it,
 * with its country and zone (an unknown or ambiguous city gets none, and a warning asking for it), and the
 * day the lead prints, read in the city's zone against the first publication (`dated`).
 */
export function leadDateline(lead: TextLead, line: number, dated: Timed, file: string, diagnostics: Diagnostic[], notes: string[]): NonNullable<RecordFieldsOut['dateline']> {
  const printed = lead.region === undefined ? lead.city : `${lead.city}, ${lead.region}`;
  const found = lookupCity(lead.city, lead.region);
  // The gazetteer's name, but for accents it lacks that the lead prints (`SÃO PAULO` is São Paulo, not its Sao Paulo).
  const titled = cityName(lead.city);
  const accented = found.found && key(titled) === key(found.city) && /\p{M}/u.test(titled.normalize('NFD'));
  const dateline: NonNullable<RecordFieldsOut['dateline']> = { city: found.found && !accented ? found.city : titled };
  if (found.found) {
    dateline.country = found.country;
    dateline.timezone = found.timezone;
  } else if (found.reason === 'unknown') {
    diagnostics.push(problems.datelineZone(file, line, unknownCity(q(printed), lead.region, lead.region === undefined ? undefined : regionZone(lead.region))));
  } else {
    const shown = found.candidates.length > 6 ? [...found.candidates.slice(0, 6), `${found.candidates.length - 6} more`] : found.candidates;
    diagnostics.push(problems.datelineZone(file, line,
      `dateline city ${q(printed)} names places in different time zones (${shown.join('; ')}): add "dateline.timezone" (an IANA zone) to the record`));
  }
  if (lead.day !== undefined) {
    const d = datelineDay(lead.month, lead.day, dated, dateline.timezone, notes, lead.printedDate, lead.year);
    if (d !== undefined) dateline.date = d;
  }
  return dateline;
}
