/**
 * JSON Feed 1.0/1.1 → article records, each item a story (the third of the feeds `feed.ts` reads): `id`, `url`,
 * `title`, `summary`, `content_html` (else `content_text`) as the body, `image` as the picture, `date_published`
 * and a later `date_modified`, `authors` (1.1; 1.0's `author`) with their pages (a `mailto:` page is the
 * address), `tags`, `language` (the feed's where the item gives none). Dateline's own extensions are read
 * back: `_dateline` (city, country, zone, date) and `_credits` (the agency with `via` and its URL, the
 * contributors with places and roles, the photo's caption and credit, the rights).
 */
import { fieldName } from '../core/_paths.js';
import { isEmail } from '../core/_credit-fields.js';
import { isLanguageTag } from '../core/validate.js';
import { diagnostic, Errors } from '../errors.js';
import { parseJson } from '../sources/_positions.js';
import type { Diagnostic } from '../types.js';
import { renderBlocks, type ImageCandidate } from './_blocks.js';
import { headByline, takeClosingCredits } from './_closing.js';
import { Credits } from './_credits.js';
import { bodyOf, creditCreator, givenDateline, isTheAgency, pageUrl, withoutFeedChrome } from './_feed-body.js';
import { createdStamps, permanentId, pickImage, readStamp, storyDateline, type DatelineOut, withoutRepeatedHeadline } from './_story.js';
import { squash, unique } from './_tree.js';
import { withoutWireMarks } from './record.js';
import type { ImportContext, ImportedStory, ImportResult, RecordFieldsOut } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (o: unknown, key: string): string => (isObj(o) && typeof o[key] === 'string' ? squash(o[key]) : '');

export function importJsonFeed(text: string, ctx: ImportContext): ImportResult {
  const parsed = parseJson(text, ctx.file);
  if (parsed.diagnostics.length > 0) return { stories: [], diagnostics: parsed.diagnostics };
  const feed = parsed.data;
  const items = isObj(feed) && Array.isArray(feed['items']) ? feed['items'] : undefined;
  if (items === undefined || items.length === 0) {
    return { stories: [], diagnostics: [diagnostic(Errors.ImportFormatUnknown, { file: ctx.file, line: 1 }, 'this JSON Feed holds no item: nothing to import')] };
  }
  const language = str(feed, 'language');
  const result: ImportResult = { stories: [], diagnostics: [] };
  for (const [k, item] of items.entries()) {
    const at = (name: string): { file: string; line: number | undefined; field: string } => {
      const path = ['items', k, ...(isObj(item) && name in item ? [name] : [])];
      return { file: ctx.file, line: parsed.lineOf(path), field: fieldName(['items', k, name]) };
    };
    const one = readItem(item, language, at, ctx);
    result.diagnostics.push(...one.diagnostics);
    if (one.story !== undefined) result.stories.push(one.story);
  }
  return result;
}

function readItem(item: unknown, feedLanguage: string, at: (name: string) => { file: string; line: number | undefined; field: string }, ctx: ImportContext): { story?: ImportedStory; diagnostics: Diagnostic[] } {
  const notes: string[] = [];
  const title = str(item, 'title');
  if (title === '') return { diagnostics: [diagnostic(Errors.ImportNoHeadline, at('title'), 'the item has no title; a record needs its headline')] };
  const names = { first: 'date_published', version: 'date_modified', embargoed: 'embargoed' };
  const missing = 'the item has no date_published (such as "2025-02-05T09:24:00+08:00")';
  const published = str(item, 'date_published') || undefined;
  const modified = str(item, 'date_modified') || undefined;
  // (date_modified alone is no first publication: JSON Feed's date_published says when it was.)
  const stamped = published === undefined ? { diagnostics: [diagnostic(Errors.ImportNoDate, at('date_published'), missing)] } : createdStamps({ first: published, version: modified }, names, at, missing, ctx.timezone, notes);
  if ('diagnostics' in stamped) return { diagnostics: stamped.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const fields: RecordFieldsOut = { id: '', title: withoutWireMarks(title, notes), ...stamped.fields };

  const url = str(item, 'url');
  if (pageUrl(url)) fields.url = url;
  else if (url !== '') notes.push(`url ${JSON.stringify(url)} is no page's URL: not used`);
  const summary = str(item, 'summary');
  if (summary !== '') fields.summary = summary;
  const tags = unique((Array.isArray((item as Obj)['tags']) ? ((item as Obj)['tags'] as unknown[]) : []).filter((t): t is string => typeof t === 'string').map(squash));
  if (tags.length > 0) fields.tags = tags;
  const language = str(item, 'language') || feedLanguage;
  if (language !== '' && isLanguageTag(language)) fields.language = language;
  else if (language !== '') notes.push(`language ${JSON.stringify(language)} is no language tag: not used`);

  // Credits: Dateline's _credits (the agency, the contributors), the authors.
  const extra = isObj(item) ? (item['_credits'] as unknown) : undefined;
  const credits = new Credits(notes);
  const agency = isObj(extra) && isObj(extra['agency']) ? extra['agency'] : undefined;
  const agencyName = str(agency, 'name');
  if (agencyName !== '') credits.agency({ name: agencyName, ...(str(agency, 'via') === '' ? {} : { via: str(agency, 'via') }) }, 'infosource');
  const known = new Map<string, { name: string; url?: string; email?: string }>();
  const people = isObj(item) && Array.isArray(item['authors']) ? (item['authors'] as unknown[]) : isObj(item) && isObj(item['author']) ? [item['author']] : [];
  for (const p of people) {
    const name = str(p, 'name');
    if (name === '' || isTheAgency(name, agencyName)) continue;
    const page = str(p, 'url');
    const email = page.toLowerCase().startsWith('mailto:') ? decoded(page.slice(7)) : '';
    if (email !== '' && isEmail(email)) known.set(name, { name, email });
    else if (pageUrl(page)) known.set(name, { name, url: page });
    else if (page !== '') notes.push(`author ${JSON.stringify(name)}'s page ${JSON.stringify(page)} is no page's URL: not used`);
    creditCreator(credits, name, known);
  }
  for (const c of isObj(extra) && Array.isArray(extra['contributors']) ? (extra['contributors'] as unknown[]) : []) {
    const name = str(c, 'name');
    if (name !== '') credits.contributors.push({ name, ...(str(c, 'location') === '' ? {} : { location: str(c, 'location') }), ...(str(c, 'role') === '' ? {} : { role: str(c, 'role') }) });
  }

  const html = isObj(item) && typeof item['content_html'] === 'string' ? item['content_html'] : undefined;
  const text = isObj(item) && typeof item['content_text'] === 'string' ? item['content_text'] : undefined;
  const body = html !== undefined ? bodyOf(html, 'html') : text !== undefined && squash(text) !== summary && squash(text) !== title ? bodyOf(text, 'text') : { blocks: [], images: [], notes: ['no body'] };
  notes.push(...body.notes);
  withoutRepeatedHeadline(body.blocks, title, notes);
  withoutFeedChrome(body.blocks, notes);
  headByline(body.blocks, credits, notes);
  takeClosingCredits(body.blocks, credits, notes);

  const dated = readStamp(fields.date, ctx.timezone) ?? stamped.published;
  const dateline = storyDateline(ownDateline(isObj(item) ? item['_dateline'] : undefined, ctx.file, diagnostics, notes), body.blocks, dated, credits, notes, ctx.file, diagnostics);
  if (dateline !== undefined) fields.dateline = dateline;
  credits.into(fields);
  const agencyUrl = str(agency, 'url') || (agencyName !== '' ? str(item, 'external_url') : '');
  if (fields.agency !== undefined && agencyUrl !== '' && pageUrl(agencyUrl)) fields.agency = { ...fields.agency, url: agencyUrl };
  if (fields.authors !== undefined) fields.authors = fields.authors.map((a) => (typeof a === 'string' ? known.get(a) ?? a : a));

  const photo = isObj(extra) && isObj(extra['photo']) ? extra['photo'] : undefined;
  const picture: ImageCandidate = {};
  if (str(item, 'image') !== '') picture.url = str(item, 'image');
  if (str(photo, 'caption') !== '') picture.caption = str(photo, 'caption');
  if (str(photo, 'credit') !== '') picture.credit = str(photo, 'credit');
  const image = pickImage([...(Object.keys(picture).length > 0 ? [picture] : []), ...body.images], notes, fields.url);
  if (image !== undefined) fields.image = image;
  const rights = str(extra, 'rights');
  if (rights !== '') fields.rights = rights;

  fields.id = permanentId(str(item, 'id') || fields.url, 'id', title, stamped.published.value, ctx.timezone, notes);
  return { story: { fields, body: renderBlocks(body.blocks), notes }, diagnostics };
}

/** A URL's part with its escapes read (`%40`), or as written where one is malformed (`%E0%A4%A`). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Dateline's own `_dateline`. */
function ownDateline(d: unknown, file: string, diagnostics: Diagnostic[], notes: string[]): DatelineOut | undefined {
  return isObj(d) ? givenDateline({ city: str(d, 'city'), country: str(d, 'country'), timezone: str(d, 'timezone'), date: str(d, 'date') }, '_dateline', file, diagnostics, notes) : undefined;
}
