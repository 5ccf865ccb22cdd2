/**
 * The text importer's problems, in one place, and the stamp labels they name: a line that says it is a
 * stamp (`Updated: …`), and why one was not read (a zone that names several, a date with no time, a
 * slashed date read either way, a form not read), with what to write instead.
 */
import { type DeskTime, deskTimeProblem, whyZoneRefused } from '../core/_dates.js';
import { diagnostic, Errors } from '../errors.js';
import { type Line } from './_page.js';
import { segments } from './_stamp-line.js';
import { ambiguity, ambiguousSlashDate, ambiguousZone, dateAlone, labelKind, type Stamp, stampButForDate, stampButForZone, timeAlone, untimedStamp } from './_stamps.js';
import { MONTH_NAME } from './_months.js';

/** Quoted, as notes and messages quote the copy. */
export const q = (s: string): string => JSON.stringify(s);
/**
 * A date and a time soon after a label with no colon, in either order, as stamps print them (`Date
 * 2025-02-04 10:10 PM CST`, `Date Feb 4, 2025 10:10`, `Time 9:24 PM, Feb 4, 2025`, `Date 05.02.2025 09:24`,
 * `日期 2025年2月5日 10:10`): without both, `Date`, `Time`, `日期` and `时间` begin prose as often (`Time 2025 will
 * be remembered …`, `Date night: 5 couples …`, `Time 10:30 p.m. CST sirens sounded …`, `时间2025年过半`).
 */
const A_DATE = String.raw`(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:${MONTH_NAME})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_NAME})\.?,?\s+\d{4})`;
const A_TIME = String.raw`\d{1,2}[:：]\d{2}`;
/** A date or a time anywhere in a text (a headline such as `Released 3 hostages return home` has neither). */
export const A_DATE_OR_TIME = new RegExp(String.raw`${A_DATE}|${A_TIME}`, 'i');
/** Right after the label: a date, then a time a few characters on (`, at`), or a time, then a date after its zone and day (`9:24 PM CST Wednesday Feb 5 2025`). */
const DATE_AND_TIME = String.raw`(?:${A_DATE}[^\n\d]{0,6}${A_TIME}|${A_TIME}[^\n\d]{0,24}${A_DATE})`;

/**
 * A line that says it is a stamp, with a stamp's label and a number soon after (`Updated: Feb. 5, 2025
 * 9:24 CST`), not an editor's note (`Updated: This story has been updated to …`). The bare labels `Date`,
 * `Time`, `日期`, `时间` with a colon, or before a date and a time (DATE_AND_TIME).
 */
export const STAMP_LABEL = new RegExp(
  String.raw`^(?:(?:(?:(?:first|last|originally) )?(?:updated|published|posted|modified|released|issued)(?: on| at)?)(?![a-z])|(?:date|time|stand)(?=\s*[:：]|\s+${DATE_AND_TIME})(?![a-z])` +
    String.raw`|发布时间|[發发][布佈]時間|更新时间|更新時間|发布日期|[發发][布佈]日期|(?:时间|時間|日期)(?=\s*(?:[:：]|${DATE_AND_TIME})))\s*[:：]?(?:\s*[-–—](?=\s))?\s*[^\s\d]{0,12}\s*\d`,
  'i',
);

/** Why a stamp line was not read: a zone abbreviation that names several zones, a date with no time, or a form not read. */
function notRead(text: string, deskZone: string): string {
  const zone = ambiguousZone(text, deskZone);
  // (Of a line of two stamps, the one that names no instant: `Published February 5, 2025 Updated a day ago`.)
  const parts = segments(text);
  const untimedPart = parts.length > 1 ? parts.find((p) => untimedStamp(p)?.kind === 'published') : undefined;
  if (zone === undefined && untimedPart !== undefined) text = untimedPart;
  const untimed = untimedStamp(text);
  const slashed = ambiguousSlashDate(text);
  return zone !== undefined
    ? `the stamp ${q(text)} gives its time in ${zone}, which names more than one zone (${ambiguity(zone)?.names}); write the UTC offset it means instead (${ambiguity(zone)?.offsets})`
    : untimed !== undefined
      ? `the stamp ${q(text)} ${GIVES[untimed.gives]} (${writeItAs(untimed.kind)})`
      : slashed !== undefined
        ? `the stamp ${q(text)} gives the date ${slashed.printed}, which may be ${slashed.readings[0]} (the day first) or ${slashed.readings[1]} (the month first) (${writeItAs(labelKind(text) ?? 'updated')})`
        : timeAlone(text)
          ? `the stamp ${q(text)} gives a time and no date (${writeItAs(labelKind(text) ?? 'updated')})`
          : `the stamp ${q(text)} is in a form not read (${writeItAs(labelKind(text) ?? 'updated')})`;
}

/** What a stamp that names no instant gives (untimedStamp). */
export const GIVES = { date: 'gives a date and no time', ago: 'gives no date, only how long before the page was saved' } as const;

const writeItAs = (kind: Stamp['kind']): string =>
  `write it as "${kind === 'published' ? 'Published' : 'Updated'}: 2025-02-05 09:24", with its UTC offset, such as "-05:00", when the time is not the site's zone's`;

/**
 * A line that starts like a stamp and goes on as a sentence (`Time: 7:30 p.m. CST, the hour the snow was
 * heaviest, …`): after the time, a comma or semicolon and five words or more, most of them in lower case.
 * A stamp line goes on with its date at most (`Updated 8:24 PM EST, February 4, 2025`).
 */
export function readsAsProse(text: string): boolean {
  const after = /\d{1,2}[:：]\d{2}[^,;，；]*[,;，；]\s*(.*)$/u.exec(text)?.[1] ?? '';
  const words = after.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 5 && words.filter((w) => /^\p{Ll}/u.test(w)).length >= 3;
}

/**
 * The first of these lines' parts between bars, or of the lines, labelled as a stamp whose zone names
 * several (`Updated: 10:10 PM CST`): the part is quoted, not the whole line. A line that reads as a
 * sentence is the story's, not a stamp.
 */
export function ambiguousStamp(lines: readonly { n: number; text: string }[], deskZone: string): { n: number; text: string } | undefined {
  return lines.flatMap((l) => [...segments(l.text), l.text].map((text) => ({ n: l.n, text })))
    .find((l) => ((STAMP_LABEL.test(l.text) && !readsAsProse(l.text) && ambiguousZone(l.text, deskZone) !== undefined) || stampButForZone(l.text, deskZone)));
}

/** The importer's problems, in one place. */
export const problems = {
  empty: (file: string) => diagnostic(Errors.ImportEmpty, { file }),
  binary: (file: string, line: number, nul: boolean) => diagnostic(Errors.ImportBinary, { file, line }, nul ? 'nul' : 'replaced'),
  noHeadline: (file: string) =>
    diagnostic(Errors.ImportNoHeadline, { file }, 'give the headline on a line of its own before the "Updated:" or "Published:" stamp'),
  /** No stamp read: a line labelled like one (`Updated: Feb 5, 2025 9:24 EST`) is named, as a form not read. */
  noDate: (file: string, lines: readonly Line[], deskZone: string) => {
    // (Also a part of an info line: `By ZHANG YI | China Daily | Updated: 2025-02-05 24:11`.)
    // (Or a stamp with no label but for its zone, which names several: the Hindustan Times' `Feb 05, 2025 10:30 AM IST`;
    // or its date with slashes, which may be read either way: `05/02/2025 10:30 GMT`.)
    const labelled = lines.flatMap((l) => [l.text, ...segments(l.text)].map((text) => ({ n: l.n, text }))).find((l) => STAMP_LABEL.test(l.text) || stampButForZone(l.text, deskZone) || stampButForDate(l.text, deskZone));
    // (A date alone, with no label, as Deutsche Welle prints it under its byline: named as giving no time. QA: the
    // copy was said to have no stamp.)
    const dated = labelled === undefined ? lines.find((l) => l.kind === 'text' && dateAlone(l.text)) : undefined;
    if (dated !== undefined) return diagnostic(Errors.ImportNoDate, { file, line: dated.n }, `the date ${q(dated.text.trim())} gives no time (${writeItAs('published')})`, true);
    return labelled === undefined
      ? diagnostic(Errors.ImportNoDate, { file }, 'the copy has no "Published:" or "Updated:" stamp (such as "Updated: 2025-02-05 09:24")')
      : diagnostic(Errors.ImportNoDate, { file, line: labelled.n }, notRead(labelled.text, deskZone), true);
  },
  ambiguous: (file: string, stamp: { n: number; text: string }, deskZone: string) =>
    diagnostic(Errors.ImportNoDate, { file, line: stamp.n }, notRead(stamp.text, deskZone), true),
  /** A publication stamp that names no instant, beside update stamps only: their time is not the first publication's. */
  untimed: (file: string, stamp: { n: number; text: string }, gives: keyof typeof GIVES) =>
    diagnostic(Errors.ImportNoDate, { file, line: stamp.n }, `the stamp ${q(stamp.text)} ${GIVES[gives]}, and an update's time is not the first publication's (${writeItAs('published')})`, true),
  badDate: (file: string, line: number, value: string) => diagnostic(Errors.DateFormat, { file, line, field: 'date' }, value, deskTimeProblem(value)),
  clockTime: (file: string, line: number, field: string, value: string, zone: string, t: Exclude<DeskTime, { ok: true } | { problem: 'format' }>) =>
    t.problem === 'nonexistent'
      ? diagnostic(Errors.DateNonexistent, { file, line, field }, value, zone, t.earlier)
      : diagnostic(Errors.DateAmbiguous, { file, line, field }, value, zone, t.candidates),
  noZone: (file: string, line: number, zone: string) => diagnostic(Errors.ZoneUnknown, { file, line, field: 'date' }, zone, whyZoneRefused(zone)),
  datelineZone: (file: string, line: number, detail: string) => diagnostic(Errors.ImportDatelineZone, { file, line, field: 'dateline.timezone' }, detail),
};
