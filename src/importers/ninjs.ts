/**
 * ninjs (IPTC News in JSON) 1.x and 2.x → article records. 1.x has `headline`, `byline`, `body_html`,
 * `description_text`, `infosource`, `subject` and associations/renditions keyed by name; 2.x has
 * `headlines[]`, `by`, `bodies[]`, `descriptions[]` with roles, `infosources[]`, `subjects[]` and arrays of
 * associations and renditions. Both are read by the same code; keys are matched without regard to case,
 * so camelCase 3.x copy gets as far as its fields agree with 2.x.
 *
 * The HTML body becomes Markdown paragraphs (links kept as links), so every record the importers write is
 * the same kind of file; nothing of the text is lost, but inline emphasis is not kept. Here are the ninjs
 * fields; the HTML reader is `_html.ts`, the element tree, the blocks and what is made of the story (credits,
 * dateline, picture, stamps, id) are shared with the NITF importer (`_tree.ts`, `_blocks.ts`, `_story.ts`).
 */
import { describeValue, fieldName } from '../core/_paths.js';
import { isLanguageTag } from '../core/validate.js';
import { diagnostic, Errors } from '../errors.js';
import { parseJson } from '../sources/_positions.js';
import type { Diagnostic } from '../types.js';
import { collectBlocks, renderBlocks, type Block, type ImageCandidate } from './_blocks.js';
import {
  createdStamps, largestRendition, locatedCity, permanentId, pickImage, readStamp, resolveDateline, storyDateline, WITHDRAWN, withoutRepeatedHeadline,
} from './_story.js';
import { Credits } from './_credits.js';
import { invisibleOnly, squash, textOf, unique } from './_tree.js';
import { parseHtml } from './_html.js';
import { splitPhotoCredit } from './_photo-credits.js';
import { headByline, takeClosingCredits } from './_closing.js';
import type { ImportContext, ImportResult, Importer, RecordFieldsOut } from './types.js';
import { withoutWireMarks } from './record.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The key of `o` spelled `name` in any case (ninjs 1.x/2.x are lowercase, 3.x camelCase). */
function keyOf(o: Obj, name: string): string | undefined {
  if (name in o) return name;
  return Object.keys(o).find((k) => k.toLowerCase() === name);
}

function get(o: unknown, name: string): unknown {
  if (!isObj(o)) return undefined;
  const k = keyOf(o, name);
  return k === undefined ? undefined : o[k];
}

function str(o: unknown, name: string): string | undefined {
  const v = get(o, name);
  // (Nor a value of invisible characters alone: a headline of one zero-width space, fuzzing.)
  return typeof v === 'string' && !invisibleOnly(v) ? v : undefined;
}

/** An array property, or the values of an object keyed by name (1.x associations and renditions). */
function entries(o: unknown, name: string): Obj[] {
  const v = get(o, name);
  if (Array.isArray(v)) return v.filter(isObj);
  if (isObj(v)) return Object.entries(v).filter((e): e is [string, Obj] => isObj(e[1])).map(([k, x]) => ({ name: k, ...x }));
  return [];
}

/** The types ninjs 1.x and 2.x give the fields this importer reads. */
const TYPES: Readonly<Record<string, 'text' | 'list' | 'list-or-object'>> = {
  uri: 'text', headline: 'text', by: 'text', firstcreated: 'text', versioncreated: 'text', embargoed: 'text', language: 'text', pubstatus: 'text',
  body_html: 'text', body_text: 'text', description_text: 'text', description_html: 'text', located: 'text', copyrightnotice: 'text',
  headlines: 'list', bodies: 'list', descriptions: 'list', keywords: 'list', subject: 'list-or-object', associations: 'list-or-object',
};

export const importNinjs: Importer = (text: string, ctx: ImportContext): ImportResult => {
  try {
    return readNinjs(text, ctx);
  } catch (e) {
    // Markup nested too deep (parseHtml): said at the field that holds it (review: the file alone was named).
    if (!(e instanceof RangeError)) throw e;
    const parsed = parseJson(text, ctx.file);
    let path: (string | number)[] | undefined;
    for (const wanted of SEARCHED) if ((path ??= tooDeepField(parsed.data, wanted)) !== undefined) break;
    if (path === undefined) throw e;
    return { stories: [], diagnostics: [diagnostic(Errors.ImportTooDeep, { file: ctx.file, line: parsed.lineOf(path), field: fieldName(path) })] };
  }
};

/**
 * Where to look for the field whose markup is too deep, in order (review: any string was searched, then
 * too few): the fields the importer reads as HTML, however their keys are cased (the body, the
 * description, an association's caption, the lists' values); then any `*_html`/`*_xhtml` field; then any
 * string.
 */
const HTML_READ = new Set(['body_html', 'body_xhtml', 'description_html', 'headline']);
const SEARCHED: readonly ((path: readonly (string | number)[]) => boolean)[] = [
  (path) => {
    const keys = path.map((p) => (typeof p === 'string' ? p.toLowerCase() : p));
    const last = keys[keys.length - 1];
    const top = keys.length === 1 || (keys.length === 3 && keys[0] === 'associations');
    return (top && HTML_READ.has(String(last))) || (last === 'value' && typeof keys[keys.length - 2] === 'number' && ['bodies', 'headlines', 'descriptions'].includes(String(keys[keys.length - 3])));
  },
  (path) => /_x?html$/i.test(String(path[path.length - 1] ?? '')),
  () => true,
];

/** The path of the first string of `data` whose markup parseHtml refuses as nested too deep (walked without recursion: the JSON may be deep too). */
function tooDeepField(data: unknown, wanted: (path: readonly (string | number)[]) => boolean): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (!value.includes('<') || !wanted(path)) continue;
      try {
        parseHtml(value);
      } catch (e) {
        if (e instanceof RangeError) return path;
        throw e;
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (isObj(value)) {
      for (const k of Object.keys(value).reverse()) stack.push({ value: value[k], path: [...path, k] });
    }
  }
  return undefined;
}

function readNinjs(text: string, ctx: ImportContext): ImportResult {
  const { file } = ctx;
  const parsed = parseJson(text, file);
  if (parsed.diagnostics.length > 0) {
    if (!endsEarly(text)) return { stories: [], diagnostics: parsed.diagnostics };
    const last = text.replace(/\s+$/, '').split('\n').length;
    return { stories: [], diagnostics: [diagnostic(Errors.JsonSyntax, { file, line: last }, 'the text ends before the JSON does; the file looks truncated')] };
  }
  const data = parsed.data;
  if (!isObj(data)) {
    const got = Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`;
    return { stories: [], diagnostics: [diagnostic(Errors.RecordNotObject, { file, line: 1 }, got)] };
  }
  const items = enveloped(data);
  if (items === undefined) return readItem(data, [], parsed.lineOf, ctx);
  // An API's response holding ninjs items (AP's Media API, `data.item` or `data.items[].item`; the BBC's,
  // `item[]`): each item a story, its fields named by their place in the response.
  const result: ImportResult = { stories: [], diagnostics: [] };
  if (items.length === 0) result.diagnostics.push(diagnostic(Errors.ImportFormatUnknown, { file, line: 1 }, 'this API response holds no ninjs item (its item or items are empty): nothing to import'));
  for (const { item, path } of items) {
    const one = readItem(item, path, parsed.lineOf, ctx);
    result.stories.push(...one.stories);
    result.diagnostics.push(...one.diagnostics);
    if (one.withdrawn !== undefined) result.withdrawn ??= one.withdrawn;
  }
  return result;
}

/** Keys only a ninjs item has at its top (an API's envelope has none of them). */
const ITEM_KEYS = ['uri', 'guid', 'headline', 'headlines', 'body_html', 'body_text', 'bodies', 'versioncreated', 'firstcreated'];

/**
 * The ninjs items of an API's response, with their paths in it: `item` or `items` (an object or a list), at the
 * top or under `data`, each entry's own `item` where it has one (AP's feed: `data.items[].item`). Undefined
 * for an item itself.
 */
function enveloped(data: Obj): { item: Obj; path: (string | number)[] }[] | undefined {
  if (ITEM_KEYS.some((k) => keyOf(data, k) !== undefined)) return undefined;
  const inner = get(data, 'data');
  for (const [holder, prefix] of [[data, []], [inner, ['data']]] as const) {
    if (!isObj(holder)) continue;
    for (const name of ['item', 'items']) {
      const key = keyOf(holder, name);
      const v = key === undefined ? undefined : holder[key];
      if (key === undefined || (!isObj(v) && !Array.isArray(v))) continue;
      const list: [unknown, (string | number)[]][] = Array.isArray(v) ? v.map((x, i) => [x, [...prefix, key, i]]) : [[v, [...prefix, key]]];
      return list.flatMap(([x, path]) => {
        const own = isObj(x) ? keyOf(x, 'item') : undefined;
        const item = own !== undefined && isObj(x) && isObj(x[own]) ? x[own] : x;
        return isObj(item) ? [{ item, path: own !== undefined && item !== x ? [...path, own] : path }] : [];
      });
    }
  }
  return undefined;
}

/** One ninjs item (`path`: where it is in the file; the top for a file of one item). */
function readItem(data: Obj, path: readonly (string | number)[], lineOf: (path: readonly (string | number)[]) => number | undefined, ctx: ImportContext): ImportResult {
  const { file } = ctx;
  const at = (name: string, field = name): { file: string; line: number | undefined; field: string } => ({
    file, line: lineOf([...path, keyOf(data, name) ?? name]), field: path.length === 0 ? field : `${fieldName([...path])}.${field}`,
  });
  // A field of another type than ninjs gives it (`"by": ["Joana Reis"]`, `"versioncreated": 20250312`) is
  // refused, named: it was left out without a word, and the story went out without its byline or update.
  const mistyped = Object.entries(TYPES).flatMap(([name, type]) => {
    const v = get(data, name);
    // (`null` is a field left unset, as exporters write it.)
    const fits = v === undefined || v === null || (type === 'text' ? typeof v === 'string' : type === 'list' ? Array.isArray(v) : Array.isArray(v) || isObj(v));
    return fits ? [] : [diagnostic(Errors.FieldType, at(name), type === 'text' ? 'text' : type === 'list' ? 'a list' : 'a list or an object', describeValue(v))];
  });
  if (mistyped.length > 0) return { stories: [], diagnostics: mistyped };
  const notes: string[] = [];

  // Not released: no record at all (an error, as for NITF: nothing was imported, and a kill needs a person).
  const status = str(data, 'pubstatus')?.trim().toLowerCase();
  if (status !== undefined && WITHDRAWN[status] !== undefined) {
    const own = ownId(data)?.value;
    return { stories: [], diagnostics: [diagnostic(Errors.ImportNotPublished, at('pubstatus'), status, WITHDRAWN[status])], ...(own ? { withdrawn: { id: own, status } } : {}) };
  }

  const title = headline(data);
  if (title === undefined) {
    const field = get(data, 'headlines') !== undefined ? 'headlines[0].value' : 'headline';
    const missing = 'the ninjs has no "headline" (1.x) and no "headlines" entry with a "value" (2.x)';
    return { stories: [], diagnostics: [diagnostic(Errors.ImportNoHeadline, at(field === 'headline' ? 'headline' : 'headlines', field), missing)] };
  }

  // Dates: firstcreated is the first publication (versioncreated when it is the only one, as 1.0 allowed).
  const missing = 'the ninjs has neither "firstcreated" nor "versioncreated" (such as "2025-02-05T09:24:00+08:00")';
  const raw = { first: str(data, 'firstcreated'), version: str(data, 'versioncreated'), embargoed: str(data, 'embargoed') };
  const stamped = createdStamps(raw, { first: 'firstcreated', version: 'versioncreated', embargoed: 'embargoed' }, (name) => at(name), missing, ctx.timezone, notes);
  if ('diagnostics' in stamped) return { stories: [], diagnostics: stamped.diagnostics };
  const { published } = stamped;
  const diagnostics: Diagnostic[] = [];
  const fields: RecordFieldsOut = { id: '', title: withoutWireMarks(title, notes), ...stamped.fields };

  const language = str(data, 'language')?.trim();
  // (One that is no language tag is noted, not written: the build would refuse the record. Fuzzing.)
  if (language !== undefined && isLanguageTag(language)) fields.language = language;
  else if (language !== undefined) notes.push(`language ${JSON.stringify(language)} is no language tag: not used`);
  const tags = unique([
    ...[...entries(data, 'subject'), ...entries(data, 'subjects')].map((s) => squash(str(s, 'name') ?? '')),
    ...(Array.isArray(get(data, 'keywords')) ? (get(data, 'keywords') as unknown[]) : []).filter((k): k is string => typeof k === 'string').map(squash),
  ]);
  if (tags.length > 0) fields.tags = tags;

  // Descriptions: the summary, and the story's credit line.
  const credits = new Credits(notes);
  const summaries: string[] = [];
  for (const d of descriptions(data)) {
    if (d.role === undefined || ['summary', 'description', 'abstract', 'teaser', 'lead'].includes(d.role)) summaries.push(d.text);
    else if (d.role === 'creditline') credits.agency(d.text, 'the credit line');
    else notes.push(`description (${d.role}) ${JSON.stringify(d.text)}: not used`);
  }
  if (summaries[0] !== undefined) fields.summary = summaries[0];
  for (const s of summaries.slice(1)) notes.push(`another description ${JSON.stringify(s)}: the first is the summary`);

  const sources = [...entries(data, 'infosource'), ...entries(data, 'infosources')].map((s) => squash(str(s, 'name') ?? '')).filter(Boolean);
  for (const s of unique(sources)) credits.agency(s, 'infosource');
  // (Superdesk, which writes most of the ninjs agencies send, names the provider in `source`, `AAP`, and no
  // infosource: the agency, noted.)
  const provider = squash(str(data, 'source') ?? '');
  if (sources.length === 0 && provider !== '') {
    credits.agency(provider, 'infosource');
    notes.push(`source ${JSON.stringify(provider)} read as the agency (the item names no infosource)`);
  }
  const by = str(data, 'byline') ?? str(data, 'by');
  if (by !== undefined) credits.byline(by);
  // Superdesk's `authors`, each with its role: where no byline names them, the writers are the authors; an editor's
  // role is the desk's, noted (as NewsML-G2's contributors are).
  for (const a of entries(data, 'authors')) {
    const name = squash(str(a, 'name') ?? '');
    const role = squash(str(a, 'role') ?? '').toLowerCase();
    if (name === '') continue;
    const writer = role === '' || /^(?:author|writer|reporter|correspondent|journalist)$/u.test(role);
    if (writer && by === undefined) credits.person(name);
    else if (!writer) notes.push(`author ${JSON.stringify(name)} (${role}): a desk's role, not a credit of the story`);
  }

  // The picture: the first picture association, else a picture in the body.
  const images = pictures(data, notes);
  const body = readBody(data, notes);
  images.push(...body.images);
  notes.push(...body.notes);
  const blocks = body.blocks;
  // Credit lines closing the body, as wires print them ("(Reporting by Lucy Craymer in Wellington; Editing
  // by Muralikumar Anantharaman)"), and the end mark: as NITF's taglines and text copy give them.
  withoutRepeatedHeadline(blocks, title, notes);
  headByline(blocks, credits, notes);
  takeClosingCredits(blocks, credits, notes);

  // The dateline's day is on or before the record's date (the embargo's, where it moved it).
  const dated = readStamp(fields.date, ctx.timezone) ?? published;
  const located = str(data, 'located');
  const [given = '', ...rest] = (located ?? '').split(',').map((s) => s.trim());
  // (One that names no city, `, `, is noted, and the lead read as where none is given. Fuzzing: the city was empty.)
  if (located !== undefined && given === '') notes.push(`located ${JSON.stringify(located)} names no city: not used`);
  const city = locatedCity(given, credits.authors, 'located', notes);
  const structured = city === '' ? undefined : resolveDateline(city, rest.join(', ') || undefined, undefined, file, diagnostics);
  const dateline = storyDateline(structured, blocks, dated, credits, notes, file, diagnostics);
  if (dateline !== undefined) fields.dateline = dateline;
  credits.into(fields);

  const image = pickImage(images, notes);
  if (image !== undefined) fields.image = image;

  const holder = str(data, 'copyrightholder');
  const rights = str(data, 'copyrightnotice') ?? (holder === undefined ? undefined : `Copyright ${squash(holder)}`);
  if (rights !== undefined) fields.rights = squash(rights);
  const usage = str(data, 'usageterms');
  if (usage !== undefined) notes.push(`usage terms (for the desk) ${JSON.stringify(squash(usage))}`);
  const ednote = str(data, 'ednote');
  if (ednote !== undefined) notes.push(`editorial note (for the desk, not published) ${JSON.stringify(squash(ednote))}`);
  const type = str(data, 'type');
  if (type !== undefined && !['text', 'composite'].includes(type)) notes.push(`type is ${JSON.stringify(type)}: imported as a text story`);

  const markdown = renderBlocks(blocks);
  // Derived from the creation stamp, not an embargo's (which a later version, its embargo lifted, lacks).
  const own = ownId(data);
  if (own?.name === 'guid') notes.push('no uri: the id is the guid');
  if (own?.signed !== undefined) notes.push(`uri ${JSON.stringify(own.signed)} has a query of the request's (AP's Media API signs each): the id is the uri without it, which altids.itemid names`);
  fields.id = permanentId(own?.value, own?.name ?? 'uri', title, published.value, ctx.timezone, notes);
  return { stories: [{ fields, body: markdown, notes }], diagnostics };
};

/**
 * The item's own id: its `uri`, else the `guid` Superdesk's ninjs gives instead. AP's Media API signs its `uri`
 * for the request (`…/content/5ee9…?qt=…&et=…`, another query at every request): the uri without its query,
 * which names the item (`altids.itemid`) for good.
 */
function ownId(data: Obj): { name: 'uri' | 'guid'; value: string; signed?: string } | undefined {
  for (const name of ['uri', 'guid'] as const) {
    const value = str(data, name)?.trim();
    if (value === undefined || value === '') continue;
    const itemId = str(get(data, 'altids'), 'itemid')?.trim();
    const query = value.indexOf('?');
    if (name === 'uri' && itemId && query > 0 && value.slice(0, query).endsWith(`/${itemId}`)) return { name, value: value.slice(0, query), signed: value };
    return { name, value };
  }
  return undefined;
}

/** True when JSON.parse fails at the very end of the text: the file stops before the JSON does. */
function endsEarly(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const position = /position (\d+)/.exec(message)?.[1];
    return /Unexpected end of JSON input/.test(message) || (position !== undefined && Number(position) >= text.trimEnd().length);
  }
}

/** 1.x `headline`; 2.x `headlines[]`, the one with role "main" else the first. */
function headline(o: unknown): string | undefined {
  const one = str(o, 'headline');
  if (one !== undefined) return squash(one) || undefined;
  const list = entries(o, 'headlines').filter((h) => str(h, 'value') !== undefined);
  const h = list.find((x) => str(x, 'role') === 'main') ?? list[0];
  if (h === undefined) return undefined;
  const value = str(h, 'value') ?? '';
  return squash(/html/i.test(str(h, 'contenttype') ?? '') ? textOf(parseHtml(value)) : value) || undefined;
}

/** 2.x `descriptions[]`, or 1.x `description_text` / `description_html` (as role-less descriptions). */
function descriptions(o: unknown): { role?: string; text: string }[] {
  const out: { role?: string; text: string }[] = [];
  for (const d of entries(o, 'descriptions')) {
    const value = str(d, 'value');
    if (value === undefined) continue;
    const text = squash(/html/i.test(str(d, 'contenttype') ?? '') ? textOf(parseHtml(value)) : value);
    const role = str(d, 'role')?.trim().toLowerCase();
    if (text !== '') out.push(role === undefined ? { text } : { role, text });
  }
  const plain = str(o, 'description_text');
  const html = str(o, 'description_html');
  if (plain !== undefined) out.push({ text: squash(plain) });
  else if (html !== undefined) out.push({ text: squash(textOf(parseHtml(html))) });
  return out;
}

/**
 * The body: 2.x `bodies[]` (HTML preferred, then plain text), or 1.x `body_html` / `body_text`. HTML is
 * read into blocks; plain text is one paragraph per blank-line-separated chunk.
 */
function readBody(o: Obj, notes: string[]): { blocks: Block[]; images: ImageCandidate[]; notes: string[] } {
  const bodies = entries(o, 'bodies').filter((b) => str(b, 'value') !== undefined);
  const isHtml = (b: Obj): boolean => /html/i.test(str(b, 'contenttype') ?? '');
  const main = (b: Obj): boolean => ['main', 'body', undefined].includes(str(b, 'role'));
  const chosen = bodies.find((b) => isHtml(b) && main(b)) ?? bodies.find(isHtml) ?? bodies.find(main) ?? bodies[0];
  let html: string | undefined;
  let plain: string | undefined;
  if (chosen !== undefined) {
    const value = str(chosen, 'value') ?? '';
    const contenttype = str(chosen, 'contenttype');
    if (isHtml(chosen) || (contenttype === undefined && /^\s*</.test(value))) html = value;
    else plain = value;
    for (const b of bodies) if (b !== chosen && (isHtml(b) || !isHtml(chosen))) notes.push(`another body (${str(b, 'role') ?? str(b, 'contenttype') ?? 'no role'}): not used`);
  } else {
    html = str(o, 'body_html') ?? str(o, 'body_xhtml');
    if (html === undefined) plain = str(o, 'body_text');
  }
  if (html !== undefined) return collectBlocks(parseHtml(html));
  if (plain !== undefined) {
    const chunks = /\n\s*\n/.test(plain) ? plain.split(/\n\s*\n/) : plain.split('\n');
    return { blocks: chunks.map(squash).filter(Boolean).map((text) => ({ kind: 'p', inline: [{ text }] })), images: [], notes: [] };
  }
  notes.push('no body');
  return { blocks: [], images: [], notes: [] };
}

/** Picture associations, in order; other associations are noted. */
function pictures(o: Obj, notes: string[]): ImageCandidate[] {
  const out: ImageCandidate[] = [];
  for (const a of entries(o, 'associations')) {
    const type = str(a, 'type') ?? '';
    const name = str(a, 'name') ?? str(a, 'uri') ?? '';
    if (type !== 'picture' && type !== 'graphic') {
      notes.push(`association ${JSON.stringify(name)} (${type || 'no type'}): only pictures are imported`);
      continue;
    }
    const renditions = entries(a, 'renditions').filter((r) => str(r, 'href') !== undefined);
    const mime = (r: Obj): string | undefined => str(r, 'mimetype') ?? str(r, 'contenttype');
    const best = largestRendition(renditions, mime, (r) => (num(get(r, 'width')) ?? 0) * (num(get(r, 'height')) ?? 0));
    // Without a rendition there is no picture to show, but its caption and credit are still the copy's.
    const img: ImageCandidate = {};
    if (best !== undefined) {
      img.url = (str(best, 'href') ?? '').trim();
      const type2 = mime(best);
      if (type2 !== undefined) img.type = type2.trim();
      const w = num(get(best, 'width'));
      const h = num(get(best, 'height'));
      if (w !== undefined) img.width = w;
      if (h !== undefined) img.height = h;
    }
    // Caption: its caption description (2.x) or description_text (1.x), else its headline.
    const ds = descriptions(a);
    const caption = ds.find((d) => d.role === 'caption') ?? ds.find((d) => d.role === undefined || d.role === 'description');
    const captionText = caption?.text ?? headline(a);
    if (captionText !== undefined) img.caption = captionText;
    // Credit: its credit line, else its byline.
    const credit = ds.find((d) => d.role === 'creditline')?.text ?? str(a, 'creditline') ?? str(a, 'byline') ?? str(a, 'by');
    if (credit !== undefined) img.credit = squash(credit);
    else if (captionText !== undefined && splitPhotoCredit(captionText) === undefined) notes.push(`picture ${JSON.stringify(name)} has no credit`);
    if (best === undefined && img.caption === undefined && img.credit === undefined) {
      notes.push(`picture ${JSON.stringify(name)} has no rendition with an href, caption or credit: not used`);
      continue;
    }
    out.push(img);
  }
  return out;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}
