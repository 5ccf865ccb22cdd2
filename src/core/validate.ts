/**
 * RawRecord → Article. Every problem in every record is collected (never only the first), each located at
 * the line of its key. Shape comes from the zod schema; meaning (times, zones, URLs, ids) is checked here.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Article, Body, Diagnostic, RawRecord, RecordInput, SiteConfig } from '../types.js';
import { describeValue } from './_paths.js';
import { oneLine, visible } from './_credit-fields.js';
import { hasWords } from './_words.js';
import { isPermanentId, isUriItemId, itemId, madeUpScheme } from './ids.js';
import { byFile, sharedLinks, type Linked } from './links.js';
import { fitsShape, recordSchemas } from './schema.js';
import { cleanStrings, deepestPath, MAX_DEPTH } from './_record-strings.js';
import { fromIssue } from './_record-issues.js';
import { fieldReader, whereIn, type FieldReader } from './_record-reader.js';
import { pathLink } from './_record-urls.js';
import { readCredits } from './_record-credits.js';
import { readDateline } from './_record-dateline.js';
import { readImage } from './_record-image.js';

export interface Validated {
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Valid articles not in `articles`: let go when read (RecordResult.omitted), counted here. */
  omitted: { published: number; drafts: number };
}

/**
 * What comparing records gives: W_LINK_SHARED (core/links.ts) apart from `diagnostics`, since a build
 * reports them with what planning says, which the cache keeps for the builds that plan nothing.
 */
export interface Compared extends Validated {
  sharedLinks: Diagnostic[];
}

/**
 * Validates every record and compares ids and links across them (the links shared are in `diagnostics`,
 * after the records'). Records are taken in path order, so output never depends on disk order.
 */
export function validateRecords(inputs: readonly (RawRecord | RecordInput)[], config: SiteConfig): Validated {
  const { sharedLinks, ...compared } = checkIds(inputs.map(completed).map((raw) => {
    const v = validateRecord(raw, config);
    const r: RecordResult = { ...v, file: raw.file, idLine: () => raw.lineOf(['id']) };
    if (v.article !== undefined && !v.article.draft) r.link = v.article.url;
    return r;
  }), config);
  return { ...compared, diagnostics: [...compared.diagnostics, ...sharedLinks] };
}

/** A caller's record with what it left out filled in (QA: a record without `lineOf` was a TypeError). */
function completed(input: RawRecord | RecordInput): RawRecord {
  if (typeof input.lineOf === 'function' && typeof input.slugPath === 'string' && input.kind !== undefined) return input as RawRecord;
  return {
    ...input,
    kind: input.kind ?? (typeof input.body === 'string' ? 'markdown' : 'json'),
    lineOf: typeof input.lineOf === 'function' ? input.lineOf : () => undefined,
    slugPath: typeof input.slugPath === 'string' ? input.slugPath : String(input.file).replace(/\\/g, '/').replace(/\.[^./]*$/, ''),
  };
}

/** One record's own validation, before ids are compared across records. */
export interface RecordResult {
  file: string;
  article?: Article;
  /** The record's id as written (also when the record has other errors). */
  id?: string;
  diagnostics: readonly Diagnostic[];
  /** Line of the record's `id` key, asked only to report a duplicate. */
  idLine: () => number | undefined;
  /** A valid article let go when it was read (no feed can show it), in place of `article`. */
  omitted?: 'published' | 'draft';
  /** A published article's link (also when it was let go), compared across records. */
  link?: string;
}

/** Compares ids and links across records (in path order) and collects the articles and every diagnostic. */
export function checkIds(results: readonly RecordResult[], config: SiteConfig): Compared {
  const sorted = [...results].sort(byFile);
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  const omitted = { published: 0, drafts: 0 };
  const linked: Linked[] = [];
  for (const r of sorted) {
    diagnostics.push(...r.diagnostics);
    // Compared as the feeds will carry them: trimmed, cleaned and prefixed, so `a`, `a ` and `<prefix>a` collide;
    // and in NFC, so a decomposed `café` (typed on a Mac) is the same id, not a second item that looks the same.
    if (r.id !== undefined) {
      const permanent = itemId(r.id, config).normalize('NFC');
      const first = owners.get(permanent);
      if (first !== undefined) {
        diagnostics.push(diagnostic(Errors.IdDuplicate, { file: r.file, line: r.idLine(), field: 'id' }, r.id, first));
        continue;
      }
      owners.set(permanent, r.file);
    }
    if (r.link !== undefined) linked.push({ file: r.file, url: r.link });
    if (r.article !== undefined) articles.push(r.article);
    else if (r.omitted === 'published') omitted.published += 1;
    else if (r.omitted === 'draft') omitted.drafts += 1;
  }
  return { articles, diagnostics, omitted, sharedLinks: sharedLinks(linked) };
}

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/** Whether a record's `language` is a language tag in the form the build takes (`en`, `zh-CN`, `zh-Hant-TW`). */
export const isLanguageTag = (value: string): boolean => LANGUAGE.test(value);

/** More tags than any story carries (wire copy has a few dozen at most): a list split wrongly, most likely. */
const MANY_TAGS = 100;
/** More bylines than any story carries: a list split wrongly (each may be an author feed carrying all of them: QA, 5,000 took 4.1 GB). */
const MANY_AUTHORS = 100;

/**
 * One record read into an article: its strings cleaned, its shape checked against the schema, then each
 * field's meaning (ids, URLs, times, credits, dateline, photo, tags); every problem said at its line. No
 * article when any is an error (the id, when it was read, for ids compared across records).
 */
export function validateRecord(raw: RawRecord, config: SiteConfig): { article?: Article; id?: string; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const at = whereIn(raw);
  if (raw.data === null || typeof raw.data !== 'object' || Array.isArray(raw.data)) {
    out.push(diagnostic(Errors.RecordNotObject, { file: raw.file, line: raw.lineOf([]) }, describeValue(raw.data)));
    return { diagnostics: out };
  }
  // (Checked before anything walks the data: 100,000 nested lists in 200 KB of JSON overflowed the stack, exit 70. QA.)
  const deep = deepestPath(raw.data, MAX_DEPTH);
  if (deep !== undefined) {
    out.push(diagnostic(Errors.RecordTooDeep, at(deep.slice(0, 1)), MAX_DEPTH));
    return { diagnostics: out };
  }
  const { data, bodyText } = cleanStrings(raw, at, out);

  const shape = fitsShape(data, raw.kind) ? undefined : recordSchemas()[raw.kind === 'json' ? 'JsonRecord' : 'MarkdownRecord'].safeParse(data);
  if (shape?.success === false) for (const issue of shape.error.issues) out.push(...fromIssue(issue, data, at, raw.sourceOf));

  // Meaning. Each check runs when its field has the right type, whatever else is wrong, so one run reports all.
  const r = fieldReader(data, config, at, out);
  const { str, fail } = r;
  const id = r.nonEmpty(['id']);
  if (id !== undefined && !isPermanentId(id)) fail(['id'], (w) => diagnostic(Errors.IdInvalid, w, id));
  else if (id !== undefined && !isUriItemId(id, config)) fail(['id'], (w) => diagnostic(Errors.IdNotUri, w, id));
  else if (id !== undefined) {
    const scheme = madeUpScheme(id);
    if (scheme !== undefined) fail(['id'], (w) => diagnostic(Errors.IdScheme, w, id, scheme));
  }
  const title = r.nonEmpty(['title']);
  const url = str(['url']) !== undefined ? r.absoluteUrl(['url'], config.siteUrl) : pathLink(raw.slugPath, config.siteUrl);
  const published = r.deskTime(['date']);
  const updated = r.deskTime(['updated']);
  if (published !== undefined && updated !== undefined && updated < published) {
    fail(['updated'], (w) => diagnostic(Errors.UpdatedBeforeDate, w, str(['updated']) ?? '', str(['date']) ?? ''));
  }
  const language = str(['language']);
  if (language !== undefined && !LANGUAGE.test(language)) fail(['language'], (w) => diagnostic(Errors.LanguageInvalid, w, language));
  const { credits, agency } = readCredits(r, url);
  const dateline = readDateline(r, published, agency, language);
  const image = readImage(r, url);

  let body: Body = { kind: 'markdown', text: bodyText };
  if (raw.kind === 'json') {
    const html = str(['content_html']);
    const md = str(['body']);
    if (html !== undefined && md !== undefined) fail(['content_html'], (w) => diagnostic(Errors.BodyConflict, w));
    body = html !== undefined ? { kind: 'html', text: html } : { kind: 'markdown', text: md ?? '' };
  }

  if (out.some((d) => d.severity === 'error') || id === undefined || title === undefined || url === undefined || published === undefined) {
    return id === undefined ? { diagnostics: out } : { id, diagnostics: out };
  }
  const article: Article = {
    id, title, url, published, tags: [], authors: credits.authors, contributors: credits.contributors, draft: data['draft'] === true, body, file: raw.file,
  };
  const bodyLine = raw.lineOf(raw.kind === 'json' ? [body.kind === 'html' ? 'content_html' : 'body'] : ['body']);
  if (bodyLine !== undefined) article.bodyLine = bodyLine;
  if (updated !== undefined && updated.getTime() !== published.getTime()) article.updated = updated;
  // A name that prints nothing (spaces, a no-break space, a zero-width space) is left out, and said: it
  // gave no feed and no category, without a word (QA).
  const sectionText = str(['section']);
  const section = visible(oneLine(sectionText));
  if (section) article.section = section;
  else if (sectionText !== undefined) out.push(diagnostic(Errors.NameEmpty, at(['section']), 'section'));
  article.tags = readTags(r);
  if (credits.authors.length > MANY_AUTHORS) out.push(diagnostic(Errors.ManyAuthors, at(['authors']), credits.authors.length));
  const summary = str(['summary'])?.trim();
  if (summary) article.summary = summary;
  // (A search for the first non-space, not trim(): that would copy every body.)
  else if (!/\S/.test(body.text)) out.push(diagnostic(Errors.NoText, { file: raw.file, line: bodyLine, field: body.kind === 'html' ? 'content_html' : 'body' }));
  // (A body that opens with a word has words: only one that opens with markup is read further.)
  else if (!/^\s*[\p{L}\p{N}]/u.test(body.text) && !hasWords(body.text)) out.push(diagnostic(Errors.NoText, { file: raw.file, line: bodyLine, field: body.kind === 'html' ? 'content_html' : 'body' }, true));
  if (language !== undefined) article.language = language;
  if (agency !== undefined) article.agency = agency;
  if (dateline !== undefined) article.dateline = dateline;
  if (image !== undefined) article.image = image;
  const rights = str(['rights'])?.trim();
  if (rights) article.rights = rights;
  return { article, id, diagnostics: out };
}


/** The record's tags: each that prints something (one that prints nothing said), a repeat said, a list of hundreds said once. */
function readTags(r: FieldReader): string[] {
  const tags: unknown[] = Array.isArray(r.data['tags']) ? r.data['tags'] : [];
  const out: string[] = [];
  /** Each tag's first place in the list, in NFC (the categories' spelling: model.ts), to say a repeat is one (QA: left out without a word). */
  const firstAt = new Map<string, number>();
  const repeats: { i: number; name: string; first: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (typeof t !== 'string') continue;
    const name = visible(oneLine(t));
    if (!name) {
      r.fail(['tags', i], (w) => diagnostic(Errors.NameEmpty, w, 'tag'));
      continue;
    }
    out.push(name);
    const key = name.normalize('NFC');
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else repeats.push({ i, name, first });
  }
  // (A list of hundreds, split wrongly, is said once: W_MANY_TAGS, not a warning for each repeat in it.)
  if (firstAt.size > MANY_TAGS) r.fail(['tags'], (w) => diagnostic(Errors.ManyTags, w, firstAt.size));
  else for (const t of repeats) r.fail(['tags', t.i], (w) => diagnostic(Errors.TagRepeated, w, t.name, t.first));
  return out;
}
