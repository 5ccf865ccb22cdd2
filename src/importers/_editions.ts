/**
 * Editions of one story: copy that is an earlier edition of the story its record holds (its first
 * publication, an earlier last stamp), a story whose record has another first publication, and the ids a
 * record keeps across a change of how ids are made or across midnight.
 */
import { recordData } from './_record-files.js';
import { contentId, formerContentId, idOf } from './record.js';
import { formatRfc3339, isValidTimeZone, localDate, parseDeskTime } from '../core/_dates.js';
import type { ImportedStory } from './types.js';
import { latestStamp } from './_correction.js';
import type { DryRun } from './_dry-run.js';

/** The copy's latest stamp and the record's, when the copy's is the earlier: an earlier edition. */
export function olderEdition(copy: ImportedStory, record: Record<string, unknown>, zone: string): { copy: string; record: string } | undefined {
  const latest = (values: readonly unknown[]) => latestStamp(values, zone);
  // Against the record's latest stamp, an earlier edition's `updated` included (a desk's own `updated` may
  // draw the warning too: it says "if").
  const [c, r] = [latest([copy.fields.date, copy.fields.updated]), latest([record['date'], record['updated']])];
  return c !== undefined && r !== undefined && c.t < r.t ? { copy: c.v, record: r.v } : undefined;
}

/**
 * Whether copy is an earlier edition of the story its record holds: the record's first publication, and
 * its last stamp before the record's (an inbox imported again holds the first edition and every correction
 * since). Only then is it left out without an error. An edition that gives only its update stamp
 * (`Updated: 11:00`) cannot be told from another story of the headline and day by its stamps, nor safely
 * by its text (reviews: stories that share a paragraph, or one that begins with another's flash), so it is
 * refused (E_IMPORT_EXISTS) with a message that says how to tell: never left out without a word.
 */
export function earlierEdition(copy: ImportedStory, record: Record<string, unknown>, zone: string): boolean {
  const [first, last] = [latestStamp([copy.fields.date], zone), latestStamp([copy.fields.date, copy.fields.updated], zone)];
  const [recordFirst, recordLast] = [latestStamp([record['date']], zone), latestStamp([record['date'], record['updated']], zone)];
  if (first === undefined || last === undefined || recordFirst === undefined || recordLast === undefined) return false;
  return first.t === recordFirst.t && last.t < recordLast.t;
}

/** The copy's first publication and the record's, when they differ: perhaps another story of the headline. */
export function firstPublications(copy: ImportedStory, record: Record<string, unknown>, zone: string): { copy: string; record: string; before: boolean } | undefined {
  const [c, r] = [latestStamp([copy.fields.date], zone), latestStamp([record['date']], zone)];
  // (Both in the site's zone, so that "before" reads right: `2025-02-04T21:24:00-05:00` and `2025-02-05 09:24` did not.)
  const shown = (t: number, v: string): string => {
    if (!/[+-]\d\d:?\d\d$|Z$/i.test(v)) return v;
    const f = formatRfc3339(new Date(t), zone);
    return `${f.slice(0, 10)} ${f.slice(11, f.slice(17, 19) === '00' ? 16 : 19)}`;
  };
  return c !== undefined && r !== undefined && c.t !== r.t ? { copy: shown(c.t, c.v), record: shown(r.t, r.v), before: c.t < r.t } : undefined;
}

/**
 * A derived id made by the former rule (formerContentId) that a record already has, when the story's own
 * is new and that record is this story by the new rule (its headline and date give the story's id: not
 * a story of the same headline a day before): the record keeps its id, and a note says so.
 */
export function keepFormerId(story: ImportedStory, ids: ReadonlyMap<string, string>, zone: string, dry?: DryRun): ImportedStory {
  const { id, title, date } = story.fields;
  if (ids.has(id) || id !== contentId(title, date, zone)) return story;
  const former = formerContentId(title, date);
  const path = ids.get(former);
  if (former === id || path === undefined) return story;
  const existing = recordData(path, path, dry);
  const [oldTitle, oldDate] = [existing?.['title'], existing?.['date']];
  if (typeof oldTitle !== 'string' || typeof oldDate !== 'string' || contentId(oldTitle, oldDate, zone) !== id) return story;
  const note = `a record imported before has this story's former id ${JSON.stringify(former)} (made from the day as the copy wrote it): it keeps that id`;
  return { ...story, fields: { ...story.fields, id: former }, notes: [...story.notes, note] };
}

/** How far apart two editions of one story may be stamped across midnight: a correction comes within hours; a new story of one headline next morning is another. */
const EDITION_GAP_MS = 6 * 3_600_000;

/** The calendar day before or after `day` (`2025-03-30`), whatever the clocks do that night. */
const shiftDay = (day: string, by: number): string => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + by)).toISOString().slice(0, 10);

/**
 * A derived id whose day is the next (or the previous) of a record's with the same headline, stamped
 * within six hours of it: the same story, stamped across midnight in the site's zone (a correction at
 * 00:20 of a story filed at 23:50, or a London story's 17:45 GMT edition after its 15:10 one). The record
 * keeps its id, and a note says so. A story of the same headline a day later is another story.
 */
export function keepNeighbourDayId(story: ImportedStory, ids: ReadonlyMap<string, string>, zone: string, dry?: DryRun): ImportedStory {
  const { id, title, date } = story.fields;
  if (ids.has(id) || id !== contentId(title, date, zone) || !isValidTimeZone(zone)) return story;
  const copy = parseDeskTime(date, zone);
  if (!copy.ok) return story;
  for (const shift of [-1, 1]) {
    const neighbour = idOf(title, shiftDay(localDate(copy.instant, zone), shift));
    const path = ids.get(neighbour);
    if (neighbour === id || path === undefined) continue;
    const existing = recordData(path, path, dry);
    const t = typeof existing?.['date'] === 'string' ? parseDeskTime(existing['date'], zone) : undefined;
    if (t?.ok !== true || Math.abs(copy.instant.getTime() - t.instant.getTime()) > EDITION_GAP_MS) continue;
    const note = `the record ${JSON.stringify(neighbour)} has this headline and was first published ${shift < 0 ? 'the day before' : 'the day after'}, within six hours: the same story across midnight, it keeps that id`;
    return { ...story, fields: { ...story.fields, id: neighbour }, notes: [...story.notes, note] };
  }
  return story;
}
