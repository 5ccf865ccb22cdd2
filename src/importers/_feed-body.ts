/**
 * What the feed importers (`feed.ts`: RSS and Atom; `feed-json.ts`: JSON Feed) share of an item's content:
 * its HTML or text read into blocks, and what a site's feed adds to it.
 */
import { agencyKey } from './_agencies.js';
import { collectBlocks, plainText, type Block, type Collected, type Inline } from './_blocks.js';
import type { Credits } from './_credits.js';
import { parseHtml } from './_html.js';
import { relatedTitle } from './_page.js';
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
 * What a site's feed adds to a story's content, which is no copy of the story's, taken off the body and noted:
 * the link to the story's page closing an excerpt (`Continue reading...`, `Read more »`, `Continue reading on
 * Medium »`), WordPress's `The post … appeared first on …`, and a line linking another story (`Related: …`, as
 * the Guardian's feeds print it). The record keeps the story's page as its `url`.
 */
export function withoutFeedChrome(blocks: Block[], notes: string[]): void {
  const text = (b: Block | undefined): string => (b?.kind === 'p' ? plainText(b.inline).trim() : '');
  const links = (b: Block | undefined): Inline[] => (b?.kind === 'p' ? b.inline.filter((i) => i.href !== undefined && i.text.trim() !== '') : []);
  const dropped = (b: Block, what: string): void => void notes.push(`${what} ${JSON.stringify(text(b).length > 80 ? `${text(b).slice(0, 80)}…` : text(b))}: not the story's copy, not used`);
  for (let last = blocks.at(-1); last !== undefined; last = blocks.at(-1)) {
    const t = text(last);
    const linked = links(last);
    const readOn = linked.length === 1 && READ_ON.test(t) && READ_ON.test((linked[0]?.text ?? '').trim());
    const wordpress = linked.length > 0 && /^The post .+ appeared first on .+$/u.test(t);
    if (!readOn && !wordpress) break;
    blocks.pop();
    dropped(last, readOn ? "the feed's link to the story's page" : "the site's line under its feed's post");
  }
  for (let k = blocks.length - 1; k >= 0; k--) {
    const b = blocks[k] as Block;
    const linked = links(b);
    // (The labels the text importer knows such lines by, in every language it reads: `relatedTitle`.)
    const title = relatedTitle(text(b))?.trim();
    if (title === undefined || title === '' || linked.length !== 1 || (linked[0]?.text ?? '').trim() !== title) continue;
    blocks.splice(k, 1);
    dropped(b, 'a link to another story');
  }
}

/** A link's words that send the reader to the story's page. */
const READ_ON = /^(?:\[?(?:continue reading|read more|read the (?:full|rest of the|whole) (?:story|article|post)|keep reading|read on|more)(?:\s+(?:on|at)\s+\S.{0,40}?)?\s*(?:\.{3}|…|»|›|→|>>|\])?\]?)$/iu;

/**
 * An author as a feed names one (`dc:creator`, RSS `author`, an Atom or JSON Feed author's name), read as a byline,
 * as sites fill it: `David Smith in Washington` (the place noted), `Jane Doe and Tom Hale`, `Associated Press in
 * Nairobi` and `Staff and agencies` (the agency, no author). (Real feeds: the Guardian's authors were `Tom McCarthy in
 * New York` and `Associated Press`.) `known`, the authors' pages and addresses by the name given, gets the name read.
 */
export function creditCreator(credits: Credits, name: string, known: Map<string, { name: string; url?: string; email?: string }>): void {
  const before = credits.authors.length;
  credits.byline(name);
  const added = credits.authors.slice(before);
  const given = known.get(name);
  if (given !== undefined && added.length === 1 && added[0] !== undefined && added[0] !== name) known.set(added[0], { ...given, name: added[0] });
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
