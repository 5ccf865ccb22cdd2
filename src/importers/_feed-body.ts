/**
 * What the feed importers (`feed.ts`: RSS and Atom; `feed-json.ts`: JSON Feed) share of an item's content:
 * its HTML or text read into blocks, and the byline a site prints over the story (Dateline's own feeds do).
 */
import { agencyKey } from './_agencies.js';
import { collectBlocks, plainText, type Block, type Collected } from './_blocks.js';
import { parseByline } from './_bylines.js';
import type { Credits } from './_credits.js';
import { parseHtml } from './_html.js';
import { squash } from './_tree.js';
import { isValidTimeZone } from '../core/_dates.js';
import { hrefOf } from '../core/_record-urls.js';
import type { Diagnostic } from '../types.js';
import { resolveDateline, type DatelineOut } from './_story.js';

/** Content as HTML (parsed into blocks) or text (a paragraph per blank-line-separated chunk). */
export function bodyOf(value: string, kind: 'html' | 'text'): Collected {
  if (kind === 'html') return collectBlocks(parseHtml(value));
  const chunks = /\n\s*\n/.test(value) ? value.split(/\n\s*\n/) : value.split('\n');
  return { blocks: chunks.map(squash).filter(Boolean).map((t): Block => ({ kind: 'p', inline: [{ text: t }] })), images: [], notes: [] };
}

/**
 * A byline printed over the story (`By Helen Marsh`, as Dateline's own feeds print it at the head of the
 * content): taken off the body; its authors are the entry's when it names none, and a name it adds is noted.
 */
export function headByline(blocks: Block[], credits: Credits, notes: string[]): void {
  const first = blocks[0];
  // (Names in a script written right to left are isolated in it: U+2066–U+2069.)
  const text = first?.kind === 'p' ? plainText(first.inline).replace(/[\u2066-\u2069]/gu, '').trim() : '';
  const zh = /^作者[:：]\s*(.+)$/u.exec(text)?.[1];
  const names = zh !== undefined ? zh.split(/\s*[、，,]\s*/u).filter(Boolean) : parseByline(text)?.authors.map((a) => a.name) ?? [];
  if (names.length === 0) return;
  blocks.shift();
  if (credits.authors.length === 0) {
    if (zh !== undefined) for (const n of names) credits.person(n);
    else credits.byline(text);
    return;
  }
  const others = names.filter((n) => !credits.authors.includes(n));
  if (others.length > 0) notes.push(`the byline over the story ${JSON.stringify(text)} names ${others.map((n) => JSON.stringify(n)).join(', ')}, whom the entry does not credit: not an author`);
}

/** Whether a creator named is the agency the item credits (Dateline's feeds credit a story with no byline to it): no author. */
export const isTheAgency = (name: string, agency: string): boolean => agency !== '' && agencyKey(name) === agencyKey(agency);

/**
 * The dateline a Dateline feed gives of its story (`dl:dateline`, `_dateline`): its city, country, zone and date
 * as the site that wrote it had them. A zone the tz database lacks is looked up again, as any dateline city's is.
 */
export function givenDateline(given: { city: string; country: string; timezone: string; date: string }, what: string, file: string, diagnostics: Diagnostic[], notes: string[]): DatelineOut | undefined {
  const { city, timezone, date } = given;
  if (city === '') return undefined;
  const country = given.country === '' ? undefined : given.country;
  const dateline: DatelineOut = isValidTimeZone(timezone) ? { city, ...(country === undefined ? {} : { country }), timezone } : resolveDateline(city, country, country, file, diagnostics);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) dateline.date = date;
  else if (date !== '') notes.push(`${what} date ${JSON.stringify(date)} is no date: not used`);
  return dateline;
}

/** A URL a record's `url`, an author's or the agency's page takes: absolute http(s), as the build checks it. */
export const pageUrl = (url: string): boolean => /^https?:\/\//i.test(url) && typeof hrefOf(url, 'https://example.invalid/') === 'string';
