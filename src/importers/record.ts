/**
 * ImportedStory → the Markdown record the build reads: YAML front matter in the field order of the README,
 * then the body. Deterministic: the same story always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { isValidTimeZone, localDate, parseDeskTime } from '../core/_dates.js';
import { stringify } from 'yaml';
import type { ImportedStory, RecordFieldsOut } from './types.js';

const ORDER: (keyof RecordFieldsOut)[] = [
  'id', 'title', 'url', 'date', 'updated', 'section', 'tags', 'summary', 'language', 'authors', 'agency', 'contributors', 'dateline',
  'image', 'rights', 'draft',
];

/** The record as a Markdown file, or (`json`) as a JSON record with the Markdown in `body`, for a record kept as JSON. */
export function recordText(story: ImportedStory, json = false): string {
  const ordered: Record<string, unknown> = {};
  for (const k of ORDER) if (story.fields[k] !== undefined) ordered[k] = story.fields[k];
  if (json) return `${JSON.stringify({ ...ordered, body: story.body.trim() }, null, 2)}\n`;
  const yaml = stringify(ordered, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n${story.body.trim()}\n`;
}

/** A lowercase ASCII slug of at most `max` characters; empty for text with no ASCII letters or digits. */
export function slug(text: string, max = 48): string {
  const s = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return s.length <= max ? s : s.slice(0, max).replace(/-[^-]*$/, '') || s.slice(0, max);
}

/** Prefixes wires put on a corrected or updated story's headline ("CORRECTED-", "UPDATE 2-", "REFILE-", "RPT-"). */
const CORRECTION_MARKS = /^(?:(?:CORRECTED|REFILE|RPT|UPDATE\s*\d+|WRAPUP\s*\d+)\s*[-–—:]\s*)+/i;
/** The same as a headline carries them, strictly: `UPDATE 2-`, `CORRECTED-`, `REFILE-UPDATE 1-`. */
const WIRE_MARKS = /^(?:(?:CORRECTED|REFILE|RPT|UPDATE ?\d+|WRAPUP ?\d+)-)+/;

/**
 * A mark for the desk between runs of asterisks at either end of a headline, as STT sends its machine
 * translations (`… gained confidence*** TRANSLATED ***`): capitals and spaces between three asterisks or more.
 */
const STARRED_MARK = /^\s*\*{3,6} ?\p{Lu}[\p{Lu} ]{2,30}\*{3,6}|\*{3,6} ?\p{Lu}[\p{Lu} ]{2,30}\*{3,6}\s*$/u;

/**
 * The headline without a wire's marks (`UPDATE 2-German factory orders rebound` → `German factory orders
 * rebound`): they say which version of the story this is, which the feeds say with `updated`; kept, a
 * correction changed the headline readers see (QA). A mark for the desk between asterisks at either end
 * (`*** TRANSLATED ***`) goes too, noted: it tells the desk what the copy is, and no reader should see it.
 * A headline that is marks alone stays as it is.
 */
export function withoutWireMarks(title: string, notes: string[]): string {
  const starred = STARRED_MARK.exec(title)?.[0];
  const unstarred = starred === undefined || starred.trim().length === title.trim().length ? title : title.replace(starred, '').trim();
  if (unstarred !== title) notes.push(`the wire's mark ${JSON.stringify(starred?.trim())} is left out of the headline`);
  // (As wires print them, in capitals before a hyphen: "Update 2: what we know" is a headline. Review.)
  const mark = WIRE_MARKS.exec(unstarred)?.[0];
  if (mark === undefined || mark.length === unstarred.length) return unstarred;
  notes.push(`the wire's mark ${JSON.stringify(mark.trim())} is left out of the headline`);
  return unstarred.slice(mark.length);
}

/**
 * An id for copy that carries none, derived from its content so the same text always gets the same id:
 * `imp-20250205-trump-netanyahu-set-for-pivotal-talks-3f2a9c1b`.
 */
export function contentId(title: string, date: string, zone: string): string {
  // The headline and the day of the story's date, not the text or the time: a corrected story (a figure
  // fixed, a paragraph added, a later "Updated:" stamp the same day, which is all the date some copy has)
  // keeps its id, so importing the correction replaces the record (with --force) instead of adding a
  // second item. A wire's correction marks ("CORRECTED-", "UPDATE 2-", "REFILE-") are not part of the
  // headline. Only letters and digits are hashed, so the id survives changes of escaping, punctuation or
  // spacing. Two stories with one headline on one day would share an id: the import refuses the second.
  // The day is the instant's in the site's zone, however the copy wrote it (`20250205T012400+0800` and
  // `20250204T122400-0500` are one story); a time without an offset is already the site's wall clock.
  return idOf(title, siteDay(date, zone));
}

/**
 * The day (`YYYY-MM-DD`) of a record's `date` in the site's zone, however the copy wrote it: the day of
 * its id, and of the directory a new record goes to. (Without a valid site zone, as written.)
 */
export function siteDay(date: string, zone: string): string {
  const t = /(?:Z|[+-]\d\d:?\d\d)$/i.test(date) && isValidTimeZone(zone) ? parseDeskTime(date, zone) : undefined;
  return t?.ok === true ? localDate(t.instant, zone) : date.slice(0, 10);
}

/**
 * The id `contentId` gave before it took the day in the site's zone (2026-11-26): the day as the copy
 * wrote it. It differs only for a stamp with an offset whose day is another in the site's zone; an import
 * that finds a record with this id keeps it, so that importing the same copy again makes no second record.
 */
export function formerContentId(title: string, date: string): string {
  return idOf(title, date.slice(0, 10));
}

/** The derived id of a headline on a given day (`2025-02-05`), as contentId makes it. */
export function idOf(title: string, date10: string): string {
  const words = (t: string): string => t.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const headline = title.replace(CORRECTION_MARKS, '');
  const hash = createHash('sha256').update(`${words(headline)}\n${date10}`).digest('hex').slice(0, 8);
  const day = date10.replace(/-/g, '');
  // A title with no Latin words (Chinese copy) would slug to stray digits; the hash alone is clearer then.
  const titleSlug = slug(headline);
  return ['imp', day, /[a-z]{3}/.test(titleSlug) ? titleSlug : '', hash].filter(Boolean).join('-');
}

/**
 * Escapes a paragraph of plain copy so that Markdown renders exactly that text: inline markers anywhere,
 * and block markers (headings, quotes, list bullets and numbers, rules) at the start of the paragraph.
 */
export function markdownText(text: string): string {
  // `&` needs escaping only where it would start an entity (`&amp;`, `&#38;`); "AT&T" stays as typed.
  const inline = text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)/g, (c) => `\\${c}`);
  return inline.replace(/^(#{1,6}(?=\s|$)|[+-](?=\s|$)|=+$|-+$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A subheading of the copy as a Markdown heading, level 2. */
export function markdownHeading(text: string): string {
  return `## ${markdownText(text)}`;
}

/** Rows as a GFM table, the first row its header, each cell's text escaped (`|` too) and the rows made as wide as the widest. */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const row = (cells: readonly string[]): string => `| ${Array.from({ length: width }, (_, i) => markdownText(cells[i] ?? '')).join(' | ')} |`;
  const [header = [], ...rest] = rows;
  return [row(header), `|${' --- |'.repeat(width)}`, ...rest.map(row)].join('\n');
}
