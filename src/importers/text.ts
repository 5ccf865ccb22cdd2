/**
 * Raw text → article record: the copy a web desk takes from a news page or a wire terminal. The model is
 * the layout of a China Daily page (issue 3): site promos, breadcrumb, headline, "Updated:" stamp, photo
 * caption, dateline lead, body with subheadings, credit lines, then the page footer.
 *
 * What is interpreted: page chrome is dropped (it belongs to the site, not the story); the breadcrumb gives
 * the section; the stamps give `date` and `updated` (wall-clock time in the publisher's zone unless an
 * offset is printed); bylines, the dateline lead, contributor taglines and agency lines become fields and
 * leave the body; every other paragraph stays in the body, in order, escaped so Markdown shows exactly the
 * text. What is found but cannot be used goes to `notes`, quoted; nothing is dropped silently and nothing
 * is guessed (an unknown or ambiguous dateline city gets no zone, and a warning).
 */
import { deskTimeProblem, type DeskTime, isValidTimeZone, parseDeskTime, whyZoneRefused } from '../core/_dates.js';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { lookupCity } from './gazetteer.js';
import { cityName, key } from './_regions.js';
import { parseDatelineLead, type DatelineLead } from './_dateline-lead.js';
import { besidesAuthors, isInterviewLine, parseContributorLine, reporterNames, type Contributor } from './_contributors.js';
import { agenciesNamed, agencyKey, noAgencyNamed, parseAgencyLine } from './_agencies.js';
import { markedPhotoCredit, photoCreditAlone, photoSourceAlone, splitPhotoCredit } from './_photo-credits.js';
import { contentId, markdownHeading, markdownText, withoutWireMarks } from './record.js';
import type { Importer, ImportResult, RecordFieldsOut } from './types.js';
import { type PageBlock, BREADCRUMB_SEP, classify, endsStory, ID_LINE, IMAGE_LINE, isListHeading, isRelated, type Line, NAV, RULE, endsSentence, withoutClosers, withoutLinkNoise } from './_page.js';
import { isPlaceName } from './_places.js';
import { CREDITED, segments } from './_stamp-line.js';
import { ambiguity, ambiguousSlashDate, ambiguousZone, dateAlone, labelKind, parseStamp, publicationLabel, sameDayStamp, stampButForDate, stampButForZone, timeAlone, untimedStamp, type Stamp } from './_stamps.js';
import { MONTH_NAME } from './_months.js';
import { type Byline, parseByline } from './_bylines.js';
import { isJobPhrase, nameCase } from './_names.js';
import { startsWithKnownName } from './_given-names.js';
import { keptWholeNote } from './_surname-first.js';
import { withNote } from './_with.js';
import { barByline, commaByline, nameInPlace, outletInPlace, personAlone } from './_bar-byline.js';
import { endsWithMark, innerEndMarkNote, innerEndMarks, MARK_ALONE, withoutEndMark } from './_end-mark.js';
import { leadOf, type TextLead } from './_lead.js';
import { closingCredit } from './_closing.js';
import { datelineDay, laterStamp, type Timed } from './_story.js';
import { copyLanguage } from './_language.js';

/** Whether the first block from `from` on that is not a stamp, id, image URL, byline or agency line leads with a dateline. */
function datelineAhead(blocks: readonly PageBlock[], from: number): boolean {
  for (const b of blocks.slice(from)) {
    if (b.kind === 'stamp' || b.kind === 'id' || b.kind === 'image' || (parseByline(b.text) ?? barByline(b.text)) !== undefined || parseAgencyLine(b.text) !== undefined) continue;
    return leadOf(b) !== undefined;
  }
  return false;
}

const q = (s: string): string => JSON.stringify(s);

// ----- Problems -----

/**
 * A date and a time soon after a label with no colon, in either order, as stamps print them (`Date
 * 2025-02-04 10:10 PM CST`, `Date Feb 4, 2025 10:10`, `Time 9:24 PM, Feb 4, 2025`, `Date 05.02.2025 09:24`,
 * `日期 2025年2月5日 10:10`): without both, `Date`, `Time`, `日期` and `时间` begin prose as often (`Time 2025 will
 * be remembered …`, `Date night: 5 couples …`, `Time 10:30 p.m. CST sirens sounded …`, `时间2025年过半`).
 */
const A_DATE = String.raw`(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:${MONTH_NAME})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_NAME})\.?,?\s+\d{4})`;
const A_TIME = String.raw`\d{1,2}[:：]\d{2}`;
/** A date or a time anywhere in a text (a headline such as `Released 3 hostages return home` has neither). */
const A_DATE_OR_TIME = new RegExp(String.raw`${A_DATE}|${A_TIME}`, 'i');
/** Right after the label: a date, then a time a few characters on (`, at`), or a time, then a date after its zone and day (`9:24 PM CST Wednesday Feb 5 2025`). */
const DATE_AND_TIME = String.raw`(?:${A_DATE}[^\n\d]{0,6}${A_TIME}|${A_TIME}[^\n\d]{0,24}${A_DATE})`;

/**
 * A line that says it is a stamp, with a stamp's label and a number soon after (`Updated: Feb. 5, 2025
 * 9:24 CST`), not an editor's note (`Updated: This story has been updated to …`). The bare labels `Date`,
 * `Time`, `日期`, `时间` with a colon, or before a date and a time (DATE_AND_TIME).
 */
const STAMP_LABEL = new RegExp(
  String.raw`^(?:(?:(?:(?:first|last|originally) )?(?:updated|published|posted|modified|released|issued)(?: on| at)?)(?![a-z])|(?:date|time|stand)(?=\s*[:：]|\s+${DATE_AND_TIME})(?![a-z])` +
    String.raw`|发布时间|[發发][布佈]時間|更新时间|更新時間|发布日期|[發发][布佈]日期|(?:时间|時間|日期)(?=\s*(?:[:：]|${DATE_AND_TIME})))\s*[:：]?(?:\s*[-–—](?=\s))?\s*[^\s\d]{0,12}\s*\d`,
  'i',
);

/**
 * The points of a summary box at block `at` (Reuters' `Summary`, `Key points`, `Highlights`, `In brief`, `At a
 * glance`): up to six short lines under the heading, with the dateline's paragraph right after them; undefined
 * otherwise (a heading of the story's own, with its paragraphs).
 */
function summaryBox(blocks: readonly PageBlock[], at: number): PageBlock[] | undefined {
  if (!/^(?:summary|key points|highlights|in brief|at a glance)\s*:?$/i.test(blocks[at]?.text ?? '')) return undefined;
  const points: PageBlock[] = [];
  for (let k = at + 1; k < blocks.length && k <= at + 6; k++) {
    const b = blocks[k] as PageBlock;
    if (points.length > 0 && leadOf(b) !== undefined) return points;
    if (b.kind !== 'text' || b.text.length > 200 || leadOf(b) !== undefined) return undefined;
    points.push(b);
  }
  return undefined;
}

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
const GIVES = { date: 'gives a date and no time', ago: 'gives no date, only how long before the page was saved' } as const;

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
function ambiguousStamp(lines: readonly { n: number; text: string }[], deskZone: string): { n: number; text: string } | undefined {
  return lines.flatMap((l) => [...segments(l.text), l.text].map((text) => ({ n: l.n, text })))
    .find((l) => ((STAMP_LABEL.test(l.text) && !readsAsProse(l.text) && ambiguousZone(l.text, deskZone) !== undefined) || stampButForZone(l.text, deskZone)));
}

/**
 * The New York Times' line under its byline, `Reporting from Cairo` (`from Kyiv, Ukraine`, `from the Gaza
 * border`): where the reporters were, which a byline has no field for. The places, or undefined for any
 * other text (a sentence that starts so ends with a full stop).
 */
function reportingFrom(text: string): string | undefined {
  const places = /^Reporting from (\S.{0,80})$/u.exec(text.trim())?.[1];
  return places === undefined || /[.!?]$/u.test(places) ? undefined : places;
}
const placesNote = (places: string): string => `byline place not kept (a byline has no field for it): ${q(places)}`;

/** Where a second story starts among a story's blocks, by its headline: see above. */
function secondStory(blocks: readonly PageBlock[], afterEndMark: ReadonlySet<PageBlock>): PageBlock | undefined {
  for (let k = 0; k + 1 < blocks.length; k++) {
    const b = blocks[k] as PageBlock;
    // (Only after the site's breadcrumb: a live page's entries and a list of related stories print a
    // headline, a stamp and a dateline each, and are the story's. Review.)
    // And the story's first paragraph after the stamp, a sentence or a dateline: a breadcrumb printed again
    // under the story, or a footer's, before a list of related headlines and their stamps, is the story's.
    // (Within the three lines after the stamp, as a byline or a photo line may come first; a sentence of
    // Chinese is short. Review.)
    // Or after the end mark of a wire story (`Enditem`, `（完）`, closing a paragraph or on a line of its
    // own, `afterEndMark`): Xinhua's pages print no breadcrumb, and a second story pasted after the first
    // was its body, under its headline (QA).
    // (There, only before a wire story's dateline lead: an editor's note or a correction after the mark, with
    // a stamp, is the story's. Review.)
    const crumb = b.kind === 'breadcrumb';
    const h = crumb || (b.kind === 'text' && withoutEndMark(b.text) !== undefined) ? k + 1 : afterEndMark.has(b) ? k : -1;
    if (h < 0) continue;
    const headline = blocks[h];
    const stamp = blocks[h + 1];
    const story = blocks.slice(h + 2, h + 5).some((p) => p.kind === 'text' && (leadOf(p) !== undefined || (crumb && endsSentence(p.text) && (p.text.length >= 30 || CJK.test(p.text)))));
    if (headline?.kind === 'text' && stamp?.kind === 'stamp' && story && headline.text.length <= 200 && !endsSentence(headline.text)) return headline;
  }
  return undefined;
}

/** A standfirst: a sentence of eight words or more that closes with a full stop. */
const isStandfirst = (text: string): boolean => /[^.]\.$/u.test(text) && text.split(' ').length >= 8;

/** The note for a line like a byline without "By" (`Jane Doe | AP`), which is not read as one. */
const barNote = (text: string): string =>
  `a line like a byline without "By", not read as one (a label or a place reads the same): ${q(text)}; write "By ${text.trim()}" if it is the byline`;

/** The importer's problems, in one place. */
const problems = {
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

// ----- Body -----

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}，。！？；：、（）「」『』]/u;

/** Hard-wrapped lines of one paragraph, joined: a space between words, nothing between CJK characters. */
function joinLines(lines: readonly string[]): string {
  // (Parts joined once, the last character kept aside: `acc.slice(-1)` on a string built by `+` flattened it
  // at every line, and a page of 100,000 one-letter lines took 30 s: QA.)
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    if (last === '') parts.length = 0;
    else if (!(CJK.test(last) && CJK.test(line.charAt(0)))) parts.push(' ');
    parts.push(line);
    last = line === '' ? (last === '' ? '' : ' ') : line.slice(-1);
  }
  return parts.join('');
}

/** Ends a sentence: the last character, after closing quotes and brackets, is a full stop, question or exclamation mark. */
/** Ends with any punctuation (a comma or dash runs on): what a subheading never does. */
const endsPunctuated = (s: string): boolean => /[.!?…:;,。！？；：，、—–-]$/u.test(withoutClosers(s));

/**
 * A subheading: one short line inside the body that starts with a word (or a quoted one) and has no final
 * punctuation ("'No guarantees'"), nor an end mark (`第一集：开端。（完）`, `……了了。（完）”`). The lead and the
 * last paragraph never are.
 */
function isSubheading(b: PageBlock): boolean {
  const t = b.text;
  return (
    !b.joined && [...t].length <= 70 && t.split(/\s+/).length <= 10 && /^["'“‘«(「『]?\p{L}/u.test(t) && !endsPunctuated(t) && !endsWithMark(t) && !looksLikeCredit(t)
  );
}

/** A credit line the recognisers could not read, or one away from the end: kept in the body, and noted. */
const CREDIT_LIKE = /^Contributing(?: reporters?)?:|contributed (?:reporting )?to this|\b(?:reporting|editing|writing) by\b|责任编辑|責任編輯/i;
const looksLikeCredit = (t: string): boolean => CREDIT_LIKE.test(t) || parseContributorLine(t) !== undefined || parseAgencyLine(t) !== undefined;

/** A wire's note of what a version changed: `(Updates with union comment in second paragraph.)`, `(Adds quote)`. */
const VERSION_NOTE = /^\((?:Updates|Adds|Recasts|Rewrites|Corrects|Refiles|Repeats|Changes|Removes|Inserts|Fixes)\b[^()]{0,200}\)\.?$/;
const versionNoteLeft = (text: string): string => `the wire's note of what this version changed left out: ${q(text)}`;
/**
 * A syndicating site's notice closing a wire story (NDTV's `(Except for the headline, this story has not been edited
 * by NDTV staff and is published from a syndicated feed.)`, Business Standard's `(Only the headline and picture of
 * this report may have been reworked by …)`): the site's word on its copy, not the story's.
 */
const SYNDICATION_NOTE = /^\(?(?:except for the headline, this (?:story|article) has not been edited by|only the headline and picture of this report may have been reworked by|this (?:story|article) (?:has been|is) (?:sourced|published|auto-generated) from a (?:third[- ]party )?syndicated feed)\b[^()]{0,200}\)?$/i;

/** `in Beijing`, `in Hong Kong`, `in Kyiv, Ukraine`: a place alone, after "in". */
const PLACE_ALONE = /^in \p{Lu}[\p{L}'’.-]*(?:,? \p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** A short paragraph about one of `authors`, starting with the name: `Jane Roe is a …`, `Jane Roe covers …`. */
function authorBiography(text: string, authors: readonly string[]): boolean {
  return text.length <= 500 && authors.some((a) => text.startsWith(`${a} `) && /^(?:is|was|covers|reports|writes|has (?:been|covered|reported|written))\b/.test(text.slice(a.length + 1)));
}

/** The note on a page's lines left out after the line that ended its story (if any were). */
function pageAfterEnd(ended: { text: string; left: string[] }, notes: string[]): void {
  const { text, left } = ended;
  if (left.length === 0) return;
  const shown = left.slice(0, 3).map(q).join(', ');
  notes.push(`the page's ${left.length === 1 ? 'line' : `${left.length} lines`} after ${q(text)} left out, as the page's own: ${shown}${left.length > 3 ? ', …' : ''}`);
}

// ----- The importer -----

export const importText: Importer = (input, ctx): ImportResult => {
  const file = ctx.file;
  const diagnostics: Diagnostic[] = [];
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { stories: [], diagnostics: [problems.empty(file)] };
  const bad = /[\u0000\uFFFD]/.exec(text);
  if (bad !== null) return { stories: [], diagnostics: [problems.binary(file, text.slice(0, bad.index).split(/\r\n|\r|\n/).length, bad[0] === '\u0000')] };

  // A run of spaces or tabs inside a line is one space, as a page shows it (and as Markdown would):
  // the line patterns below, which allow whitespace around separators, then never meet a long run
  // (100,000 spaces took them 35 s).
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((raw, i) => {
    // (And a second stamp's label glued to the first stamp's zone, as Reuters' line copies: `… 10:30 AM GMT+1Updated
    // 2 hours ago`, which was no stamp.)
    const t = withoutLinkNoise(raw.replace(/[^\S\r\n]{2,}/g, ' ').trim()).replace(/(?<=(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|\b[A-Z]{2,5}T)(?=Updated\b)/g, ' ');
    return { n: i + 1, text: t, kind: classify(t, ctx.timezone) };
  });
  const notes: string[] = [];
  const fields: Partial<RecordFieldsOut> = {};
  const stamps: Stamp[] = [];
  const authors: string[] = [];
  const agencies: { agency: { name: string; via?: string }; printed: string }[] = [];
  let explicitId: string | undefined;
  let imageUrl: string | undefined;
  /** The photo's caption and credit (over the stamp, as the New York Times prints them, or under it). */
  let caption: { caption: string; credit: string } | undefined;

  const takeId = (l: { text: string }): void => {
    const id = ID_LINE.exec(l.text)?.[1] ?? '';
    if (explicitId === undefined) explicitId = id;
    else if (id !== explicitId) notes.push(`second id line, not used: ${q(l.text)}`);
  };
  /** Contributors: taglines at the end, and a credit after a byline's bar. */
  const contributors: Contributor[] = [];
  /** Whether a byline was read (a byline without "By" after the stamp is read only before any other). */
  let bylineRead = false;
  /** `into`: where its agencies go (a byline at the end of the story ranks them with the agency lines there). */
  const takeByline = (b: Byline, into: typeof agencies = agencies): void => {
    bylineRead = true;
    for (const a of b.authors) {
      if (!authors.includes(a.name)) authors.push(a.name);
      if (a.location !== undefined) notes.push(`byline location not kept (a byline has no location field): ${q(a.printed)}`);
    }
    if (b.agency !== undefined) into.push({ agency: b.agency, printed: b.agency.name });
    for (const more of b.moreAgencies ?? []) into.push({ agency: more, printed: more.name });
    if (b.publication !== undefined) notes.push(`publication after the byline not kept (not a known agency): ${q(b.publication)}`);
    contributors.push(...(b.contributors ?? []));
    for (const t of b.titles ?? []) notes.push(`byline title not kept (a byline has no field for it): ${q(t)}`);
    for (const t of b.notNames ?? []) notes.push(`byline text ${q(t)} is not a name: not used`);
    for (const t of b.places ?? []) notes.push(placesNote(t));
    if (b.surnameFirst !== undefined) notes.push(`byline ${q(b.surnameFirst)} read as one name, surname first: ${q(b.surnameFirstName ?? b.authors[0]?.name ?? '')}`);
    for (const m of b.moreSurnameFirst ?? []) notes.push(`byline ${q(m.printed)} read as one name, surname first: ${q(nameCase(m.name))}`);
    if (b.keptWhole !== undefined) notes.push(keptWholeNote(b.keptWhole));
    for (const t of b.withKept ?? []) notes.push(withNote(t));
  };
  /** A stamp line, with the credits that share it. */
  const takeStampLine = (text: string, n: number): void => {
    const segs = segments(text);
    const read = segs.map((seg) => parseStamp(seg, n, ctx.timezone));
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
        stamps.push(stamp);
        if (stamp.note !== undefined) notes.push(`${stamp.note}: ${q(seg)}`);
        if (stamp.agency !== undefined) agencies.push({ agency: { name: stamp.agency }, printed: seg });
        continue;
      }
      // A stamp with its time alone after one of the other kind (`February 5, 2025, 10:30 AM EST, updated 12:15 PM
      // EST`; the Sydney Morning Herald's `Updated February 5, 2025 — 12.15pm, first published at 10.30am`): that
      // stamp's day, noted (the update was noted as not used, and the story went out never updated; the Herald's
      // line was refused).
      const first = firstRead >= 0 && firstRead < k ? read[firstRead] : undefined;
      const sameDay = first === undefined ? undefined : sameDayStamp(seg, first, ctx.timezone);
      if (sameDay !== undefined) {
        stamps.push(sameDay);
        notes.push(`${sameDay.kind === 'updated' ? 'update' : 'first publication'} read on the day of the stamp before it: ${q(seg)}`);
        continue;
      }
      // A first publication with no time beside the update (the New York Times' `Published Feb. 5, 2025
      // Updated Feb. 5, 2025, 9:24 a.m. ET`): as on a line of its own, the story is refused when no other
      // stamp gives that time (review: the update's time went out as the first publication's).
      if (untimedStamp(seg)?.kind === 'published') {
        untimedLine({ n, text: seg });
        continue;
      }
      // So is one in a form not read (Euronews' `Published on 05/02/2025 - 10:30 GMT+1 • Updated …`, whose date may
      // be read either way): QA, the update went out as the first publication, this part noted as not used.
      if (STAMP_LABEL.test(seg) && publicationLabel(seg)) {
        unreadPublished.push({ n, text: seg });
        continue;
      }
      const byline = parseByline(seg);
      const agency = parseAgencyLine(seg);
      if (byline !== undefined) takeByline(byline);
      else if (agency !== undefined) agencies.push({ agency, printed: seg });
      // A place before the stamp (El País' `Madrid - FEB 05, 2025 - 10:30 CET`): where the reporters were.
      else if (k < lastRead && isPlaceName(seg)) notes.push(placesNote(seg));
      else notes.push(`part of the stamp line not used: ${q(seg)}`);
    }
  };

  // Header: everything before the first stamp. What stands before the breadcrumb is the site's.
  const firstStamp = lines.findIndex((l) => l.kind === 'stamp');
  const headerEnd = firstStamp < 0 ? lines.length : firstStamp;
  const crumb = lines.slice(0, headerEnd).findIndex((l) => l.kind === 'breadcrumb');
  if (crumb >= 0) {
    const parts = (lines[crumb]?.text ?? '').split(BREADCRUMB_SEP).filter(Boolean);
    if (parts.length >= 2) fields.section = parts[parts.length - 1] ?? '';
  }
  const candidates: Line[] = [];
  /**
   * Stamp lines that name no instant (`Published: February 5, 2025`, `Updated 5 hours ago`): no headline,
   * and no paragraph of the story. One of first publication beside update stamps only refuses the story.
   */
  const untimed: { n: number; text: string; kind: Stamp['kind']; gives: keyof typeof GIVES }[] = [];
  const untimedLine = (l: { n: number; text: string }): boolean => {
    const u = untimedStamp(l.text);
    if (u !== undefined) untimed.push({ n: l.n, text: l.text, ...u });
    return u !== undefined;
  };
  /** Notes a `Reporting from …` line as the byline's place; whether it was one. */
  const reportedFrom = (l: { text: string }): boolean => {
    const places = reportingFrom(l.text);
    if (places !== undefined) notes.push(placesNote(places));
    return places !== undefined;
  };
  /** Publication stamps in a form not read (after the first stamp): with no other publication stamp, the story is refused. */
  const unreadPublished: { n: number; text: string }[] = [];
  /** The line right above the first byline of the head (null: none), as the Washington Post prints its standfirst. */
  let bylineUnder: Line | null | undefined;
  for (const l of lines.slice(crumb + 1, headerEnd)) {
    if (l.kind === 'id') takeId(l);
    else if (l.kind === 'image') imageUrl ??= IMAGE_LINE.exec(l.text)?.[1];
    // (A line of links, `Home | World | China`, is the site's; a byline with bars is not: `By Jane Doe | AFP | Reuters`.)
    else if (l.kind !== 'text' || (NAV.test(l.text) && parseByline(l.text) === undefined)) continue;
    else if (untimedLine(l)) continue;
    else if (reportedFrom(l)) continue;
    // A publication stamp in a form not read, over the stamp read (Euronews' `Published on 05/02/2025 - 10:30`
    // over its update): no headline (QA: it was), and the story is refused if no other gives that time.
    else if (STAMP_LABEL.test(l.text) && !readsAsProse(l.text) && publicationLabel(l.text) && A_DATE_OR_TIME.test(l.text)) unreadPublished.push({ n: l.n, text: l.text });
    else {
      const byline = parseByline(l.text);
      const agency = parseAgencyLine(l.text);
      // A caption with its credit over the stamp (the New York Times': `… on Wednesday.Credit...Jane Roe for
      // The New York Times`), in a form a word or mark says is a photo's: never the headline (QA: it was).
      const photo = caption === undefined ? markedPhotoCredit(l.text) : undefined;
      if (byline !== undefined) {
        bylineUnder ??= candidates[candidates.length - 1] ?? null;
        takeByline(byline);
      } else if (agency !== undefined) agencies.push({ agency, printed: l.text });
      else if (photo !== undefined && photo.caption !== '') caption = photo;
      // A place on the line under a name alone (`Jane Doe`, then `in Beijing`, as the South China Morning Post's
      // byline copies): one line, as it prints on one (QA: "in Beijing" was the headline).
      else if (PLACE_ALONE.test(l.text) && personAlone(candidates[candidates.length - 1]?.text ?? '')) {
        const name = candidates.pop() as Line;
        candidates.push({ ...name, text: `${name.text} ${l.text}` });
      } else candidates.push(l);
    }
  }
  // The BBC's byline: a name alone over its outlet and place (`Jane Doe`, then `BBC News, Doha`), the last two
  // lines before the stamp, under the headline. Read as `By Jane Doe, BBC News`, the place noted (QA: "BBC
  // News, Doha" was the headline, and the headline and the name were "not used").
  const outletLine = candidates.length >= 3 ? outletInPlace(candidates[candidates.length - 1]?.text ?? '') : undefined;
  const nameLine = outletLine === undefined ? undefined : candidates[candidates.length - 2];
  const outletByline = nameLine !== undefined && personAlone(nameLine.text) ? parseByline(`By ${nameLine.text}, ${outletLine?.outlet ?? ''}`) : undefined;
  if (outletByline !== undefined) {
    candidates.splice(candidates.length - 2, 2);
    takeByline(outletByline);
    notes.push(placesNote(outletLine?.place ?? ''));
  }
  // El País' byline: a name alone right over a stamp line that opens with the reporters' place (`Jane Doe`, then
  // `Madrid - FEB 05, 2025 - 10:30 CET`), under the headline. Read as `By Jane Doe` (the place is noted with the stamp
  // line). (QA: the name was noted only, and the standfirst above it was the headline.)
  const stampLine = lines[firstStamp];
  const stampSegments = stampLine === undefined ? [] : segments(stampLine.text);
  const stampAt = stampSegments.findIndex((seg) => parseStamp(seg, 0, ctx.timezone) !== undefined);
  const places = stampAt > 0 ? stampSegments.slice(0, stampAt) : [];
  const nameOverPlace = candidates[candidates.length - 1];
  const placeByline = outletByline === undefined && candidates.length >= 2 && nameOverPlace !== undefined && nameOverPlace.n === (stampLine?.n ?? 0) - 1 &&
    places.length > 0 && places.every(isPlaceName) && personAlone(nameOverPlace.text) ? parseByline(`By ${nameOverPlace.text}`) : undefined;
  if (placeByline !== undefined) {
    candidates.pop();
    bylineUnder ??= candidates[candidates.length - 1] ?? null;
    takeByline(placeByline);
  }
  // After a breadcrumb the headline comes first; without one, site lines may precede it, so it is the last line before the stamp.
  // A line under it like a byline without "By" (`Jane Doe | AP`) is no headline, and is not read as a
  // byline either: a label or a place reads the same (`White House | AP`, `Hong Kong | Reuters`). Noted.
  // So is one of names and a place (the Guardian's `Jane Roe in Berlin`) with a line above it.
  const bylineLike = (text: string): boolean => barByline(text) !== undefined || nameInPlace(text) || outletInPlace(text) !== undefined || commaByline(text);
  // So is a page's labelled credit line (Xinhua's `Source: Xinhua`, `Editor: huaxia`, each on its own line),
  // and a name alone (two or three words, as the South China Morning Post prints its byline) under a line
  // that ends no sentence: of three words or more when the name starts with a given name the importer knows,
  // of five or more otherwise. (QA: "Editor: huaxia" and "Jane Doe" were the headlines.)
  const nameUnderHeadline = (k: number): boolean => {
    const name = candidates[k]?.text ?? '';
    const above = candidates[k - 1]?.text ?? '';
    const words = above.split(' ').length;
    return personAlone(name) && name.split(' ').length <= 3 && words >= (startsWithKnownName(name) ? 3 : 5) && !/[.。]$/u.test(above);
  };
  // And a line that opens as a byline does, in a form not read (`By Jane Doe @janedoe`): noted as not used, never the
  // headline (QA: the headline above it was "not used").
  // (A given name the importer knows after "By": a headline may open so, `By Any Means Necessary`.)
  const unreadByline = (text: string): boolean => /^(?:By|BY)\s+\p{Lu}/u.test(text) && startsWithKnownName(text.slice(3).trim()) && parseByline(text) === undefined;
  // And a name alone over a job alone (`Jane Doe`, then `Reporter`, as Korean papers print their bylines): neither is the
  // headline (QA: "Reporter" was).
  const titleUnderName = (k: number): boolean => {
    const title = candidates[k]?.text ?? '';
    return k > 0 && title.split(' ').length <= 4 && isJobPhrase(title) && personAlone(candidates[k - 1]?.text ?? '');
  };
  const notHeadline = (k: number): boolean => bylineLike(candidates[k]?.text ?? '') || CREDITED.test(candidates[k]?.text ?? '') || nameUnderHeadline(k) || unreadByline(candidates[k]?.text ?? '') ||
    titleUnderName(k) || titleUnderName(k + 1);
  let top = crumb >= 0 ? 0 : candidates.length - 1;
  while (crumb < 0 && top > 0 && notHeadline(top)) top -= 1;
  // A standfirst under the headline, a sentence of eight words or more closing with a full stop (the New
  // York Times prints one), is no headline either: the line above it is, when that one ends no sentence.
  // So is one the Guardian prints without a full stop, between its headline and a byline of a name and a
  // place: where exactly two lines stand above that byline, the second of eight words or more, the first of
  // five or more ending no sentence; or three, the first a label of up to three words over the headline, as
  // the Guardian prints its section's (`Germany`, `Rail industry`: QA, the standfirst was the headline).
  const above = candidates[top - 1]?.text;
  const words = (text: string | undefined): number => (text ?? '').split(' ').length;
  const label = (text: string | undefined): boolean => words(text) <= 3 && !/[.!?。！？:：]$/u.test(text ?? '');
  // (Or over a byline with "By", as the Washington Post prints its standfirst: QA, it was the headline.)
  const signedUnder = top < candidates.length - 1 && nameInPlace(candidates[top + 1]?.text ?? '');
  const guardian = crumb < 0 && (top === 1 || (top === 2 && label(candidates[0]?.text))) && (signedUnder || (top === candidates.length - 1 && candidates[top] === bylineUnder)) &&
    words(candidates[top]?.text) >= 8 && words(above) >= 5 && !/[.!?。！？]$/u.test(above ?? '');
  // It is the story's summary, as its desk wrote it. (A headline may ask or exclaim: `Will the port survive
  // another storm?` over its standfirst had lost its place to it. Review.)
  // In that layout the name and place is the byline, which the headline and standfirst above it tell from a
  // headline: read as one (review: it was noted only, and the story went out with no author).
  const guardianByline = guardian && signedUnder ? candidates[top + 1] : undefined;
  // Bloomberg prints two such lines under its headline, over a byline with "By" (`Union says it will appeal
  // ruling by end of week`, `Walkout would have been third this month`): the first is the summary, the second
  // noted (QA: it was the headline).
  const deck = (k: number): boolean => words(candidates[k]?.text) >= 5 && !/[.!?。！？:：]$/u.test(candidates[k]?.text ?? '');
  const twoDecks = crumb < 0 && !guardian && top === candidates.length - 1 && candidates[top] === bylineUnder && (top === 2 || (top === 3 && label(candidates[0]?.text))) &&
    deck(top) && deck(top - 1) && deck(top - 2);
  let standfirst: Line | undefined;
  if (twoDecks) {
    standfirst = candidates[top - 1];
    top -= 2;
  } else if (crumb >= 0) {
    // After a breadcrumb the headline is the first line, and a standfirst may be the second.
    if (candidates.length === 2 && isStandfirst(candidates[1]?.text ?? '') && !/[.。]$/u.test(candidates[0]?.text ?? '')) standfirst = candidates[1];
  } else if (guardian || (above !== undefined && isStandfirst(candidates[top]?.text ?? '') && !/[.。]$/u.test(above) && words(above) >= 3)) {
    standfirst = candidates[top];
    top -= 1;
  }
  if (standfirst !== undefined) {
    fields.summary = standfirst.text;
    notes.push(`the sentence under the headline taken for the summary: ${q(standfirst.text)}`);
  }
  const headline = candidates[top];
  for (const c of candidates) {
    if (c === headline || c === standfirst) continue;
    const signed = c === guardianByline ? parseByline(`By ${c.text}`) : undefined;
    if (signed !== undefined) {
      takeByline(signed);
      continue;
    }
    const k = candidates.indexOf(c);
    notes.push((bylineLike(c.text) || nameUnderHeadline(k)) && k > top ? barNote(c.text) : `found before the stamp and not used: ${q(c.text)}`);
  }
  if (headline === undefined) diagnostics.push(problems.noHeadline(file));
  // A stamp in a zone that names several (`Published 10:10 PM CST, …`) is refused even beside a stamp that
  // is read: the copy's first publication may be the one not read, and its line would be taken for the headline.
  // Only in the head, before the stamp here and among the stamp's lines below: in the story, `Time: 7:30 p.m.
  // CST, the hour …` is a paragraph.
  const ambiguous = firstStamp < 0 ? undefined : ambiguousStamp(lines.slice(0, firstStamp), ctx.timezone);
  if (ambiguous !== undefined) diagnostics.push(problems.ambiguous(file, ambiguous, ctx.timezone));
  if (firstStamp < 0) diagnostics.push(problems.noDate(file, lines, ctx.timezone));
  if (ambiguous !== undefined) return { stories: [], diagnostics };
  if (headline === undefined || firstStamp < 0) return { stories: [], diagnostics };
  fields.title = withoutWireMarks(headline.text, notes);

  // Blocks from the stamp on. Copy that is hard-wrapped (most lines run on into the next without ending a
  // sentence) is read a paragraph per run of lines; other copy a paragraph per line.
  const region = lines.slice(firstStamp);
  const runOn = region.filter((l, i) => l.kind === 'text' && region[i + 1]?.kind === 'text');
  // (A short line counts for none: a page's lines set one under another, the BBC's byline `Jane Doe` over
  // `BBC News, Berlin` and its photo's credit over the caption, had the copy read as wrapped and joined.)
  const wrapped = runOn.length >= 2 && runOn.filter((l) => !endsSentence(l.text) && (l.text.length >= 30 || CJK.test(l.text))).length * 2 > runOn.length;
  const blocks: PageBlock[] = [];
  let open: { n: number; lines: string[] } | undefined;
  /** After a "Related" line: the headlines it lists are skipped, past blank lines when it heads a list. */
  let related: 'no' | 'line' | 'list' = 'no';
  /** The blocks that come right after an end mark on a line of its own (which is dropped as chrome). */
  const afterEndMark = new Set<PageBlock>();
  let markSeen = false;
  const push = (b: PageBlock): void => {
    if (markSeen) afterEndMark.add(b);
    markSeen = false;
    blocks.push(b);
  };
  const close = (): void => {
    if (open !== undefined) push({ n: open.n, text: joinLines(open.lines), kind: 'text', joined: open.lines.length > 1 });
    open = undefined;
  };
  /** After a line that ends the story (`endsStory`): the page's lines left out, until another story's head. */
  let ended: { text: string; left: string[] } | undefined;
  for (const l of region) {
    if (ended !== undefined && l.kind !== 'stamp' && l.kind !== 'breadcrumb') {
      if (l.kind === 'text') ended.left.push(l.text);
      continue;
    }
    if (ended !== undefined) pageAfterEnd(ended, notes);
    ended = undefined;
    // The headlines listed under "Related:" (a sentence ends the list: that is the story again).
    if (l.kind === 'text' && related !== 'no' && l.text.length <= 150 && !endsSentence(l.text)) continue;
    if (l.kind === 'blank' && related === 'list') continue;
    related = 'no';
    if (l.kind === 'promo' && open !== undefined && wrapped) {
      open.lines.push(l.text); // inside a wrapped paragraph, a line that starts like a promo is text
      continue;
    }
    if (l.kind !== 'text') {
      close();
      if (l.kind === 'promo') related = isListHeading(l.text) ? 'list' : isRelated(l.text) ? 'line' : 'no';
      if (l.kind !== 'blank' && l.kind !== 'promo' && l.kind !== 'chrome') push({ n: l.n, text: l.text, kind: l.kind, joined: false });
      // (A "Related" list or other furniture after the mark: what follows is no second story. Review.)
      if (l.kind === 'promo' || l.kind === 'chrome') markSeen = l.kind === 'chrome' && MARK_ALONE.test(l.text.trim());
      if (l.kind === 'chrome' && endsStory(l.text)) ended = { text: l.text, left: [] };
      continue;
    }
    if (open === undefined || !wrapped) {
      close();
      open = { n: l.n, lines: [l.text] };
    } else open.lines.push(l.text);
  }
  close();
  if (ended !== undefined) pageAfterEnd(ended, notes);

  // Before the body: more stamps, bylines, agency lines, the id, the image URL and the photo caption.
  /** A photo's credit alone under the stamp, before the story. */
  let headCredit: string | undefined;
  /** Lines like bylines without "By" in the head, left out of the body (see below). */
  const barLines: PageBlock[] = [];
  let i = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i] as PageBlock;
    if (b.kind === 'stamp') takeStampLine(b.text, b.n);
    // A second stamp in a form not read ("Updated: 2025-02-05 9:30 PM EST") is no paragraph of the story.
    // (One in a zone that names several was refused above.)
    else if (untimedLine(b)) continue;
    else if (reportedFrom(b)) continue;
    else if (STAMP_LABEL.test(b.text) && !readsAsProse(b.text)) {
      if (publicationLabel(b.text)) unreadPublished.push({ n: b.n, text: b.text });
      else notes.push(`stamp in a form not read, not used: ${q(b.text)}`);
    }
    else if (b.kind === 'id') takeId(b);
    else if (b.kind === 'image') imageUrl ??= IMAGE_LINE.exec(b.text)?.[1];
    else if (b.kind === 'breadcrumb') notes.push(`breadcrumb after the stamp, not used: ${q(b.text)}`);
    else {
      // A line like a byline without "By", `Jane Doe | AP`, where no byline was read yet and it is no photo
      // link's credit: not read as one, as under the headline, but a line of the head, noted, and the
      // stamps, bylines, photo and dateline after it are read. (It is the body if the story has no other.)
      // The BBC's byline under its stamp: a name alone over its outlet and place (`Jane Doe`, then `BBC
      // News, Berlin`), read as `By Jane Doe, BBC News`, the place noted (QA: both were the body's first lines).
      const next = blocks[i + 1];
      const outlet = !bylineRead && next?.kind === 'text' && personAlone(b.text) ? outletInPlace(next.text) : undefined;
      const signed = outlet === undefined ? undefined : parseByline(`By ${b.text}, ${outlet.outlet}`);
      if (signed !== undefined) {
        takeByline(signed);
        notes.push(placesNote(outlet?.place ?? ''));
        i += 1;
        continue;
      }
      // A photo's credit alone over the story, with no caption (the Global Times' `Photo: VCG`).
      const alone = caption === undefined && headCredit === undefined && next !== undefined ? photoCreditAlone(b.text) : undefined;
      if (alone !== undefined) {
        headCredit = alone;
        continue;
      }
      // Its photo: the source alone over the caption (`Getty Images`, then `Commuters waited …`), before the story.
      const source = caption === undefined && next?.kind === 'text' && next.text.length <= 200 && blocks[i + 2] !== undefined && parseDatelineLead(next.text) === undefined ? photoSourceAlone(b.text) : undefined;
      if (source !== undefined && next !== undefined) {
        caption = { caption: next.text, credit: source };
        i += 1;
        continue;
      }
      // So is a name alone that starts with a given name the importer knows, over the story, as NPR prints its byline
      // under its stamp (QA: it was the story's first heading, `## Jane Doe`).
      if (!bylineRead && blocks[i - 1]?.kind !== 'image' && (barByline(b.text) !== undefined || (next !== undefined && personAlone(b.text) && startsWithKnownName(b.text)))) {
        notes.push(`${barNote(b.text)}; left out of the body`);
        barLines.push(b);
        continue;
      }
      const byline = parseByline(b.text);
      const agency = parseAgencyLine(b.text);
      const found = caption === undefined && parseDatelineLead(b.text) === undefined ? splitPhotoCredit(b.text) : undefined;
      // A credit in a form a story's paragraph also takes counts only before the dateline (past the lines
      // this loop takes: a byline, the image URL, a dateline printed alone on its line).
      const photo = found === undefined || (found.weak === true && !datelineAhead(blocks, i + 1)) ? undefined : { caption: found.caption, credit: found.credit };
      if (byline !== undefined) takeByline(byline);
      else if (agency !== undefined) agencies.push({ agency, printed: b.text });
      else if (photo !== undefined) caption = photo;
      else {
        // Reuters' summary box over the story (`Summary`, then its points, then the dateline's paragraph): left out
        // of the body, noted with its points (QA: the points were headings of the story, and its dateline, agency
        // and all, a paragraph).
        const points = summaryBox(blocks, i);
        if (points === undefined) break;
        notes.push(`the page's summary box over the story left out: ${points.map((p) => q(p.text)).join('; ')}`);
        i += points.length;
      }
    }
  }
  // A labelled stamp closing the page (the Hindu prints `Published - …` under the story, its update above
  // it): a stamp, as in the head, and no paragraph of the story.
  let end = blocks.length;
  while (end > i + 1 && blocks[end - 1]?.kind === 'stamp' && STAMP_LABEL.test(blocks[end - 1]?.text ?? '')) end -= 1;
  const ambiguousLater = ambiguousStamp([...blocks.slice(0, i), ...blocks.slice(end)], ctx.timezone);
  if (ambiguousLater !== undefined) return { stories: [], diagnostics: [...diagnostics, problems.ambiguous(file, ambiguousLater, ctx.timezone)] };

  // A second story on the page (two pages pasted into one file): the site's breadcrumb, then a headline
  // and a stamp. Refused, not written into the first story's body.
  const second = secondStory(blocks.slice(i), afterEndMark);
  if (second !== undefined) return { stories: [], diagnostics: [...diagnostics, diagnostic(Errors.ImportSecondStory, { file, line: second.n }, second.text)] };
  for (const b of blocks.slice(end)) takeStampLine(b.text, b.n);
  // The body. Special lines inside it are kept as text: inside a story they are not what they look like.
  const body: PageBlock[] = [];
  for (const b of blocks.slice(i, end)) {
    if (b.kind === 'id' && explicitId === undefined) takeId(b);
    else {
      if (b.kind !== 'text') notes.push(`kept in the body, though it looks like a ${b.kind === 'image' ? 'photo link' : b.kind} line: ${q(b.text)}`);
      body.push({ ...b, kind: 'text' });
    }
  }
  // A story of nothing but such lines keeps them as its body.
  if (body.length === 0 && barLines.length > 0) {
    body.push(...barLines.map((b) => ({ ...b, kind: 'text' as const })));
    notes.push('the lines like bylines without "By" are the body: the story has no other paragraph');
  }

  // A wire's note of what this version changed, over the copy (Reuters' `(Adds union comment in paragraphs 4-5)`
  // over its dateline): for the desk, not the reader, as under it (below). Noted. (It was kept as the story's
  // first paragraph, the dateline read from the second.)
  const versionNote = body.length > 1 && VERSION_NOTE.test(body[0]?.text ?? '') ? body.shift() : undefined;
  if (versionNote !== undefined) notes.push(versionNoteLeft(versionNote.text));

  // The dateline leads the first paragraph; agency copy may print it alone on a line ("WASHINGTON, Feb. 4 (Xinhua) --").
  let lead: TextLead | undefined;
  let leadLine = 0;
  // Usually the first paragraph; after one short paragraph that is not the story's (an editor's note,
  // a caption whose credit is in a form not read), the second, the first staying where it is.
  // (There, only a lead with an agency, a date, a region or a city the gazetteer knows: "NATO — Already
  // stretched …" is a sentence. In either, `leadOf` reads a lead with neither agency nor date only before
  // a sentence that starts as one does: "NATO — already stretched …" is no dateline.)
  const strong = (l: DatelineLead | undefined): boolean => {
    if (l === undefined) return false;
    const place = lookupCity(l.city);
    return l.agency !== undefined || l.day !== undefined || l.region !== undefined || place.found || place.reason === 'ambiguous';
  };
  const at = body[0] === undefined ? -1 : leadOf(body[0]) !== undefined ? 0 : body[1] !== undefined && (body[0]?.text.length ?? 0) <= 600 && strong(leadOf(body[1])) ? 1 : -1;
  const first = body[at];
  if (first !== undefined) {
    lead = leadOf(first);
    if (lead !== undefined) {
      leadLine = first.n;
      notes.push(...(lead.notes ?? []));
      if (at === 1) notes.push(`dateline read from the second paragraph; the one before it is kept in the body: ${q(body[0]?.text ?? '')}`);
      if (lead.rest === '') body.splice(at, 1);
      else body[at] = { ...first, text: lead.rest };
    }
  }

  // Credit lines close the story: contributor taglines and agency lines, read from the end up.
  const trailingAgencies: typeof agencies = [];
  const closing: Contributor[] = [];
  // The end mark: "… a year. Enditem", "……持续恶化。（完）" (before the credit lines, or after them).
  // (（完） among the last paragraphs, taken off or not, says the copy is Chinese: `copyLanguage`.)
  const chineseEndMark = body.slice(-4).some((b) => /[（(]完[）)]["'”’」』\s]*$/u.test(b.text));
  const unmark = (): void => {
    const ending = body[body.length - 1];
    const unmarked = ending === undefined ? undefined : withoutEndMark(ending.text);
    if (ending !== undefined && unmarked !== undefined) body[body.length - 1] = { ...ending, text: unmarked };
  };
  unmark();
  /** A photo's credit alone closing the copy (`Photo: Jane Doe/Reuters`), among the credit lines. */
  let closingPhoto: { credit: string; block: PageBlock } | undefined;
  while (body.length > 0) {
    const last = body[body.length - 1] as PageBlock;
    // A rule closing the copy (AP's `___` over its credit line, which then stayed the last paragraph as
    // `\_\_\_`) is no paragraph of the story.
    if (body.length > 1 && RULE.test(last.text)) {
      body.pop();
      continue;
    }
    // A wire's note of what this version changed, closing the copy (Bloomberg's and Reuters' `(Updates with
    // union comment in second paragraph.)`, `(Adds quote in paragraph 5)`): for the desk, not the reader. Noted.
    if (body.length > 1 && VERSION_NOTE.test(last.text)) {
      notes.push(versionNoteLeft(last.text));
      body.pop();
      continue;
    }
    // A syndicating site's notice on its copy (NDTV's, Business Standard's): left out, noted (QA: it stayed the
    // story's last paragraph, saying a site's staff had not edited the desk's copy).
    if (body.length > 1 && SYNDICATION_NOTE.test(last.text)) {
      notes.push(`the syndicating site's notice left out: ${q(last.text)}`);
      body.pop();
      continue;
    }
    // A biography of one of the story's authors closing the page (the New York Times' `Jane Roe is a
    // correspondent for The Times based in Berlin …`): no paragraph of the story. Noted.
    if (body.length > 1 && authorBiography(last.text, authors)) {
      notes.push(`an author's biography closing the page left out: ${q(last.text)}`);
      body.pop();
      continue;
    }
    const alone = closingPhoto === undefined && body.length > 1 ? photoCreditAlone(last.text) : undefined;
    if (alone !== undefined) {
      closingPhoto = { credit: alone, block: last };
      body.pop();
      continue;
    }
    // "记者：王晓岚 李华": the reporters, as Chinese papers sign at the end (not an interview's last line).
    const interview = body.slice(0, -1).some((b) => isInterviewLine(b.text));
    const credit = closingCredit(last.text, interview);
    if (credit === undefined) break;
    if (credit.kind === 'signed') {
      for (const name of credit.names) if (!authors.includes(name)) authors.push(name);
    } else if (credit.kind === 'agency') trailingAgencies.unshift({ agency: credit.agency, printed: last.text });
    else if (credit.kind === 'people') closing.unshift(...credit.people);
    else {
      // A byline printed at the end ("By Wang Jing in Beijing"), as some papers sign.
      const named: typeof agencies = [];
      takeByline(credit.byline, named);
      trailingAgencies.unshift(...named);
    }
    body.pop();
  }
  unmark();
  // The mark after a sentence that only what pages print after a story follows ("……了了。（完）”" then
  // "（原标题：…）"): off too. A mark with more of the story after it (an episode list's "第一集：开端。（完）") stays.
  for (const { index, text: unmarked } of innerEndMarks(body.map((b) => b.text))) {
    const b = body[index] as PageBlock;
    body[index] = { ...b, text: unmarked };
    notes.push(innerEndMarkNote(b.text));
  }
  // The photo's credit, when the caption gave none (QA: `Photo: Jane Doe/Reuters` stayed the story's last
  // paragraph); the same credit as the caption's is said once; another is kept where it was, noted.
  let photoCredit = caption === undefined ? headCredit : undefined;
  if (closingPhoto !== undefined) {
    const first = caption?.credit ?? photoCredit;
    if (first === undefined) photoCredit = closingPhoto.credit;
    else if (first.toLowerCase() !== closingPhoto.credit.toLowerCase()) {
      body.push(closingPhoto.block);
      notes.push(`kept in the body: a photo credit after the ${caption === undefined ? 'first' : 'caption\'s'} own (${q(first)}): ${q(closingPhoto.block.text)}`);
    }
  }
  contributors.push(...closing);
  // Agency lines at the end are the story's credit; they come before a publication name next to the stamp.
  agencies.unshift(...trailingAgencies);
  for (const b of body) if (looksLikeCredit(b.text)) notes.push(`kept in the body, though it looks like a credit line: ${q(b.text)}`);

  // Dates.
  const published = stamps.find((s) => s.kind === 'published');
  // A publication stamp that names no instant beside update stamps only: the first update's time would be
  // taken for the first publication's (QA: `Published: February 5, 2025` over `Updated: February 5, 2025
  // 10:30 AM EST` went out dated 10:30, under the publication line as its headline). Refused, naming it.
  const firstUntimed = untimed.find((l) => l.kind === 'published');
  if (published === undefined && firstUntimed !== undefined) return { stories: [], diagnostics: [...diagnostics, problems.untimed(file, firstUntimed, firstUntimed.gives)] };
  // A publication stamp in a form not read, beside update stamps only: refused as well, saying why it was not read.
  const firstUnread = unreadPublished[0];
  if (published === undefined && firstUnread !== undefined) return { stories: [], diagnostics: [...diagnostics, problems.ambiguous(file, firstUnread, ctx.timezone)] };
  for (const l of unreadPublished) notes.push(`stamp in a form not read, not used: ${q(l.text)}`);
  for (const l of untimed) notes.push(`stamp that ${GIVES[l.gives]}, not used: ${q(l.text)}`);
  // Of several update stamps (a page that lists its editions), the latest is the update, and without a
  // publication stamp the earliest is the first publication; in the order printed when one names no instant.
  // (The later one was noted "not used", and the story lost its update.)
  const updates = stamps.filter((s) => s.kind === 'updated');
  const stampTime = (s: Stamp): number => {
    const t = isValidTimeZone(ctx.timezone) || s.offset || s.clock !== undefined ? parseDeskTime(s.value, s.clock ?? (s.offset ? 'UTC' : ctx.timezone)) : undefined;
    return t?.ok === true ? t.instant.getTime() : NaN;
  };
  const ordered = updates.length >= 2 && updates.every((s) => !Number.isNaN(stampTime(s))) ? [...updates].sort((a, b) => stampTime(a) - stampTime(b)) : updates;
  const updated = updates.length >= 2 && ordered !== updates ? ordered[ordered.length - 1] : updates[0];
  const date = published ?? ordered[0];
  for (const s of stamps) {
    if (s !== published && s !== updated) notes.push(`another ${s.kind} stamp, not used: ${q(s.value)}`);
  }
  const zoneKnown = isValidTimeZone(ctx.timezone);
  const instants = new Map<Stamp, Date>();
  for (const s of new Set([date, updated])) {
    if (s === undefined) continue;
    if (!s.offset && !zoneKnown) {
      diagnostics.push(problems.noZone(file, s.n, ctx.timezone));
      continue;
    }
    // A time the zone skips or repeats names no instant, whether the stamp names its clock (`1:30 AM ET` on
    // the day New York repeats it) or leaves it to the site's zone (`2025-11-02 01:30` on a New York desk):
    // refused alike, naming both instants of a repeated hour, as NITF and ninjs stamps are (`clockError`).
    const zone = s.clock ?? (s.offset ? 'UTC' : ctx.timezone);
    const t = parseDeskTime(s.value, zone);
    const field = s === date ? 'date' : 'updated';
    if (t.ok) instants.set(s, t.instant);
    else if (t.problem === 'format') diagnostics.push(problems.badDate(file, s.n, s.value));
    else diagnostics.push(problems.clockTime(file, s.n, field, s.value, zone, t));
  }
  if (date === undefined) return { stories: [], diagnostics: [...diagnostics, problems.noDate(file, lines, ctx.timezone)] };
  if (diagnostics.some((d) => d.severity === 'error')) return { stories: [], diagnostics };
  fields.date = date.value;
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
    if (later !== undefined) fields.updated = later;
  }

  // Language: from the script of the headline (Chinese copy has one mostly in Han characters), and of the
  // body where it says more (kana: Japanese; traditional characters: zh-Hant). See `copyLanguage`.
  // A Chinese lead (`新华社东京2月5日电`, read with a city in Han characters) or end mark says Chinese,
  // whatever Japanese title in kana the copy quotes.
  const chineseLead = lead !== undefined && /\p{Script=Han}/u.test(lead.city);
  const language = copyLanguage(fields.title, body.map((b) => b.text).join('\n'), { chineseLead, chineseEndMark, ...(lead?.language === undefined ? {} : { leadLanguage: lead.language }) });
  if (language !== undefined) fields.language = language;

  if (lead?.reporters !== undefined) for (const name of reporterNames(lead.reporters)) if (!authors.includes(name)) authors.push(name);
  if (authors.length > 0) fields.authors = authors;

  // Agency: an agency line says it best; otherwise the agency printed in the dateline.
  const printedAgency = lead?.agency === undefined ? undefined : (parseAgencyLine(lead.agency) ?? { name: lead.agency });
  const chosen = agencies[0];
  // A line naming agencies but none of them (`(With inputs from agencies)`, `AGENCIES`) says less than the
  // dateline's agency, which is kept (review: `Agencies` had taken Xinhua's place).
  if (printedAgency !== undefined && !noAgencyNamed(printedAgency) && agencies.length > 0 && agencies.every((a) => noAgencyNamed(a.agency))) {
    fields.agency = printedAgency;
    for (const a of agencies) notes.push(`agency line naming no agency, not used (the dateline names one): ${q(a.printed)}`);
  } else if (chosen !== undefined) {
    // One agency by two names (`By Jim Morris | AP`, then `Associated Press` closing the story) keeps the
    // name printed first, as ninjs and NITF keep it (`Credits.agency`), unless a later line says more of it
    // (`Agencies via Xinhua` after `Xinhua`): the line at the end ranks first only for an agency of its own.
    const same = [...agencies.slice(trailingAgencies.length), ...trailingAgencies].filter((a) => agencyKey(a.agency.name) === agencyKey(chosen.agency.name));
    const first = same[0] ?? chosen;
    const taken = (first.agency.via === undefined ? same.find((a) => a.agency.via !== undefined) : undefined) ?? first;
    fields.agency = taken.agency;
    for (const a of agencies.filter((x) => x !== taken)) {
      // (One agency by its two names, `Associated Press` and `AP`, is no other; nor is it when the chosen line
      // says more of it, `Agencies via Xinhua` over `Xinhua`, or names it among others, `Agencies - Xinhua`, as
      // ninjs and NITF read it.)
      const among = agenciesNamed(a.agency).every((x) => agenciesNamed(taken.agency).map(agencyKey).includes(agencyKey(x)));
      if (!among && (agencyKey(a.agency.name) !== agencyKey(chosen.agency.name) || (a.agency.via !== undefined && a.agency.via !== fields.agency.via))) notes.push(`another agency line, not used: ${q(a.printed)}`);
    }
    // (One agency by its two names, `Associated Press` and `(AP)`, is no other.)
    const named = agenciesNamed(chosen.agency).map(agencyKey);
    if (printedAgency !== undefined && !agenciesNamed(printedAgency).every((a) => named.includes(agencyKey(a)))) {
      notes.push(`agency in the dateline, not used (the agency line names another): ${q(lead?.agency ?? '')}`);
    }
  } else if (printedAgency !== undefined) fields.agency = printedAgency;
  // A publication after the byline that is the story's agency after all (`By Jane Roe, CNN` over CNN's lead,
  // `Valencia, Spain CNN —`) was kept: its note goes (review: it said "not kept" beside the agency CNN).
  const keptAfterAll = fields.agency === undefined ? undefined : `publication after the byline not kept (not a known agency): ${q(fields.agency.name)}`;
  for (let k = keptAfterAll === undefined ? -1 : notes.indexOf(keptAfterAll); k >= 0; k = notes.indexOf(keptAfterAll ?? '')) notes.splice(k, 1);
  const others = besidesAuthors(contributors, authors, notes, fields.agency);
  if (others.length > 0) fields.contributors = others;

  if (lead !== undefined) {
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
      diagnostics.push(problems.datelineZone(file, leadLine,
        `dateline city ${q(printed)} is not in the gazetteer, so its time zone is unknown: add "dateline.timezone" (an IANA zone) to the record`));
    } else {
      const shown = found.candidates.length > 6 ? [...found.candidates.slice(0, 6), `${found.candidates.length - 6} more`] : found.candidates;
      diagnostics.push(problems.datelineZone(file, leadLine,
        `dateline city ${q(printed)} names places in different time zones (${shown.join('; ')}): add "dateline.timezone" (an IANA zone) to the record`));
    }
    if (lead.day !== undefined) {
      const d = datelineDay(lead.month, lead.day, dated, dateline.timezone, notes, lead.printedDate, lead.year);
      if (d !== undefined) dateline.date = d;
    }
    fields.dateline = dateline;
  }

  /*
   * The photo. Page text has no image URL unless the copy carries an "Image:" line. The caption and credit
   * are still the photo's, so they go to `image` without a URL (the record schema allows that: the build
   * prints them as a caption line above the story, not in the first paragraph, which keeps the dateline
   * and the summary on the lead), and a note tells the desk the photo itself is missing. Keeping the
   * caption as the first body paragraph instead would give it the dateline and make it the summary.
   */
  if (caption !== undefined || imageUrl !== undefined || photoCredit !== undefined) {
    const image: NonNullable<RecordFieldsOut['image']> = {};
    if (imageUrl !== undefined) image.url = imageUrl;
    if (caption !== undefined) Object.assign(image, caption);
    if (photoCredit !== undefined) image.credit = photoCredit;
    fields.image = image;
    if (imageUrl === undefined) notes.push(`photo ${caption === undefined ? 'credit' : 'caption and credit'} found but no image URL: add image.url to show the photo`);
  }
  const markdown = body.map((b, k) => (k > 0 && k < body.length - 1 && isSubheading(b) ? markdownHeading(b.text) : markdownText(b.text))).join('\n\n');

  const id = explicitId ?? contentId(fields.title, fields.date, ctx.timezone);
  return { stories: [{ fields: { ...fields, id, title: fields.title, date: fields.date }, body: markdown, notes }], diagnostics };
};
