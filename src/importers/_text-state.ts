/**
 * What a page copied as text gives as it is read, phase by phase (`text.ts`): its notes and fields, stamps,
 * credits, id and photo; and the lines every phase takes the same way (an id line, a byline, a stamp's line,
 * a stamp that names no instant, `Reporting from …`).
 */
import type { Diagnostic } from '../types.js';
import type { Contributor } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { barByline } from './_bar-byline.js';
import { type Byline, parseByline } from './_bylines.js';
import { nameCase } from './_names.js';
import { ID_LINE } from './_page.js';
import { isPlaceName } from './_places.js';
import { segments } from './_stamp-line.js';
import { parseStamp, publicationLabel, sameDayStamp, untimedStamp, type Stamp } from './_stamps.js';
import { keptWholeNote } from './_surname-first.js';
import type { AgencyLine } from './_text-agency.js';
import type { UntimedLine } from './_text-dates.js';
import { q, STAMP_LABEL } from './_text-problems.js';
import { withNote } from './_with.js';
import type { RecordFieldsOut } from './types.js';

/** A line's number and text. */
export interface NumberedText {
  n: number;
  text: string;
}

export const placesNote = (places: string): string => `byline place not kept (a byline has no field for it): ${q(places)}`;

/** The note for a line like a byline without "By" (`Jane Doe | AP`), which is not read as one. */
export const barNote = (text: string): string =>
  `a line like a byline without "By", not read as one (a label or a place reads the same): ${q(text)}; write "By ${text.trim()}" if it is the byline`;

/**
 * The New York Times' line under its byline, `Reporting from Cairo` (`from Kyiv, Ukraine`, `from the Gaza
 * border`): where the reporters were, which a byline has no field for. The places, or undefined for any
 * other text (a sentence that starts so ends with a full stop).
 */
function reportingFrom(text: string): string | undefined {
  const places = /^Reporting from (\S.{0,80})$/u.exec(text.trim())?.[1];
  return places === undefined || /[.!?]$/u.test(places) ? undefined : places;
}

/** A page being read: what its lines gave so far, and how each phase takes the lines they share. */
export class PageState {
  readonly diagnostics: Diagnostic[] = [];
  readonly notes: string[] = [];
  readonly fields: Partial<RecordFieldsOut> = {};
  readonly stamps: Stamp[] = [];
  readonly authors: string[] = [];
  /** The authors' names, to add each once (`includes` for each was quadratic in a page of many bylines). */
  readonly authorSet = new Set<string>();
  readonly agencies: AgencyLine[] = [];
  /** Contributors: taglines at the end, and a credit after a byline's bar. */
  readonly contributors: Contributor[] = [];
  /**
   * Stamp lines that name no instant (`Published: February 5, 2025`, `Updated 5 hours ago`): no headline,
   * and no paragraph of the story. One of first publication beside update stamps only refuses the story.
   */
  readonly untimed: UntimedLine[] = [];
  /** Publication stamps in a form not read (after the first stamp): with no other publication stamp, the story is refused. */
  readonly unreadPublished: NumberedText[] = [];
  explicitId: string | undefined;
  imageUrl: string | undefined;
  /** The photo's caption and credit (over the stamp, as the New York Times prints them, or under it). */
  caption: { caption: string; credit: string } | undefined;
  /** Whether a byline was read (a byline without "By" after the stamp is read only before any other). */
  bylineRead = false;

  constructor(readonly file: string, readonly timezone: string) {}

  addAuthor(name: string): void {
    if (this.authorSet.has(name)) return;
    this.authorSet.add(name);
    this.authors.push(name);
  }

  takeId(l: { text: string }): void {
    const id = ID_LINE.exec(l.text)?.[1] ?? '';
    if (this.explicitId === undefined) this.explicitId = id;
    else if (id !== this.explicitId) this.notes.push(`second id line, not used: ${q(l.text)}`);
  }

  /** `into`: where its agencies go (a byline at the end of the story ranks them with the agency lines there). */
  takeByline(b: Byline, into: AgencyLine[] = this.agencies): void {
    const notes = this.notes;
    this.bylineRead = true;
    for (const a of b.authors) {
      this.addAuthor(a.name);
      if (a.location !== undefined) notes.push(`byline location not kept (a byline has no location field): ${q(a.printed)}`);
    }
    if (b.agency !== undefined) into.push({ agency: b.agency, printed: b.agency.name });
    for (const more of b.moreAgencies ?? []) into.push({ agency: more, printed: more.name });
    if (b.publication !== undefined) notes.push(`publication after the byline not kept (not a known agency): ${q(b.publication)}`);
    this.contributors.push(...(b.contributors ?? []));
    for (const t of b.titles ?? []) notes.push(`byline title not kept (a byline has no field for it): ${q(t)}`);
    for (const t of b.notNames ?? []) notes.push(`byline text ${q(t)} is not a name: not used`);
    for (const t of b.places ?? []) notes.push(placesNote(t));
    if (b.surnameFirst !== undefined) notes.push(`byline ${q(b.surnameFirst)} read as one name, surname first: ${q(b.surnameFirstName ?? b.authors[0]?.name ?? '')}`);
    for (const m of b.moreSurnameFirst ?? []) notes.push(`byline ${q(m.printed)} read as one name, surname first: ${q(nameCase(m.name))}`);
    if (b.keptWhole !== undefined) notes.push(keptWholeNote(b.keptWhole));
    for (const t of b.withKept ?? []) notes.push(withNote(t));
  }

  /** A stamp line that names no instant, kept (`untimed`); whether it was one. */
  untimedLine(l: NumberedText): boolean {
    const u = untimedStamp(l.text);
    if (u !== undefined) this.untimed.push({ n: l.n, text: l.text, ...u });
    return u !== undefined;
  }

  /** Notes a `Reporting from …` line as the byline's place; whether it was one. */
  reportedFrom(l: { text: string }): boolean {
    const places = reportingFrom(l.text);
    if (places !== undefined) this.notes.push(placesNote(places));
    return places !== undefined;
  }

  /** A stamp line, with the credits that share it. */
  takeStampLine(text: string, n: number): void {
    const notes = this.notes;
    const segs = segments(text);
    const read = segs.map((seg) => parseStamp(seg, n, this.timezone));
    // A name and an agency between bars without "By" (`Jane Doe | AP | Updated: …`) is no byline, as on a
    // line of its own (`barByline`): noted whole, with what to write, and neither half taken.
    const unread = new Set<number>();
    for (let start = 0; start < segs.length; start++) {
      let end = start;
      while (end < segs.length && read[end] === undefined) end++;
      const pair = segs.slice(start, end);
      if (pair.length === 2 && barByline(pair.join(' | ')) !== undefined) {
        notes.push(barNote(pair.join(' | ')));
        unread.add(start).add(start + 1);
      }
      start = end;
    }
    // (Indices, not a slice for each part: a line of 30,000 parts took 22 s. Hostile scan.)
    const firstRead = read.findIndex((r) => r !== undefined);
    const lastRead = read.findLastIndex((r) => r !== undefined);
    for (const [k, seg] of segs.entries()) {
      if (unread.has(k)) continue;
      const stamp = read[k];
      if (stamp !== undefined) {
        this.stamps.push(stamp);
        if (stamp.note !== undefined) notes.push(`${stamp.note}: ${q(seg)}`);
        if (stamp.agency !== undefined) this.agencies.push({ agency: { name: stamp.agency }, printed: seg });
        continue;
      }
      // A stamp with its time alone after one of the other kind (`February 5, 2025, 10:30 AM EST, updated 12:15 PM
      // EST`; the Sydney Morning Herald's `Updated February 5, 2025 — 12.15pm, first published at 10.30am`): that
      // stamp's day, noted (the update was noted as not used, and the story went out never updated; the Herald's
      // line was refused).
      const first = firstRead >= 0 && firstRead < k ? read[firstRead] : undefined;
      const sameDay = first === undefined ? undefined : sameDayStamp(seg, first, this.timezone);
      if (sameDay !== undefined) {
        this.stamps.push(sameDay);
        notes.push(`${sameDay.kind === 'updated' ? 'update' : 'first publication'} read on the day of the stamp before it: ${q(seg)}`);
        continue;
      }
      // A first publication with no time beside the update (the New York Times' `Published Feb. 5, 2025
      // Updated Feb. 5, 2025, 9:24 a.m. ET`): as on a line of its own, the story is refused when no other
      // stamp gives that time (review: the update's time went out as the first publication's).
      if (untimedStamp(seg)?.kind === 'published') {
        this.untimedLine({ n, text: seg });
        continue;
      }
      // So is one in a form not read (Euronews' `Published on 05/02/2025 - 10:30 GMT+1 • Updated …`, whose date may
      // be read either way): QA, the update went out as the first publication, this part noted as not used.
      if (STAMP_LABEL.test(seg) && publicationLabel(seg)) {
        this.unreadPublished.push({ n, text: seg });
        continue;
      }
      const byline = parseByline(seg);
      const agency = parseAgencyLine(seg);
      if (byline !== undefined) this.takeByline(byline);
      else if (agency !== undefined) this.agencies.push({ agency, printed: seg });
      // A place before the stamp (El País' `Madrid - FEB 05, 2025 - 10:30 CET`): where the reporters were.
      else if (k < lastRead && isPlaceName(seg)) notes.push(placesNote(seg));
      else notes.push(`part of the stamp line not used: ${q(seg)}`);
    }
  }
}
