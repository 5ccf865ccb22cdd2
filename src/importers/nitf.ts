/**
 * NITF 3.x → article records (IPTC NITF 3.6; field list in shared/reference/news-feeds.md §4). The XML is
 * checked for well-formedness first, so a truncated file is named with the line where it breaks; then the
 * structured head (doc-id, norm dates, section, keywords, copyright, management status) and body.head
 * (headline, byline, distributor, dateline) become fields, and body.content becomes the Markdown body.
 *
 * The second half of this module is shared with the ninjs importer: the block model both bodies are read
 * into (paragraphs with their links, subheadings, block quotes, lists, pictures), the dateline lead and
 * gazetteer handling, and the reading of time stamps.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isLocalDate, localDate, parseDeskTime } from '../core/_dates.js';
import { diagnostic, Errors, type CatalogueEntry } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { lookupCity } from './gazetteer.js';
import { cityName, datelineDate, parseAgencyLine, parseContributorLine, parseDatelineLead, splitPhotoCredit } from './lines.js';
import { contentId, markdownHeading, markdownText } from './record.js';
import type { ImportContext, ImportResult, Importer, RecordFieldsOut } from './types.js';

// ----- NITF -----

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** management-status values under which the agency has not released the story (NITF 3.x docdata). */
const NOT_PUBLISHED: Record<string, string> = {
  embargoed: 'the agency has not released this story yet, so no record is written; import the file again once the embargo is lifted',
  withheld: 'the agency has withheld this story, so no record is written; if it was imported before, take that record down (draft: true)',
  canceled: 'the agency has withdrawn this story, so no record is written; if it was imported before, take that record down (draft: true)',
};
NOT_PUBLISHED['cancelled'] = NOT_PUBLISHED['canceled'] as string;

export const importNitf: Importer = (text: string, ctx: ImportContext): ImportResult => {
  const { file } = ctx;
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { stories: [], diagnostics: [xmlError(valid.err, text, file)] };

  const roots = toNodes(parser.parse(text) as unknown[]);
  const nitf = roots.find((n): n is El => typeof n !== 'string' && n.name === 'nitf');
  if (nitf === undefined) {
    const root = roots.find((n): n is El => typeof n !== 'string');
    const what = `this is XML but not NITF (the root element is <${root?.name ?? '?'}>, not <nitf>)`;
    return { stories: [], diagnostics: [diagnostic(Errors.ImportFormatUnknown, { file, line: 1 }, what)] };
  }
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = child(nitf, 'body');
  const bodyHead = child(body, 'body.head');
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];

  // Not released: no record at all. An error, not a warning: nothing was imported, and a kill notice
  // (withheld/canceled) needs a person to act on any earlier copy of the story.
  const status = docdata?.attrs['management-status']?.trim().toLowerCase();
  if (status !== undefined && NOT_PUBLISHED[status] !== undefined) {
    const where = { file, line: lineOf(text, 'management-status'), field: 'nitf/head/docdata@management-status' };
    return { stories: [], diagnostics: [diagnostic(Errors.FieldType, where, '"usable"', `${JSON.stringify(status)}: ${NOT_PUBLISHED[status]}`)] };
  }

  // Headline: hedline/hl1, else head/title (NITF's title of the document, usually the same words).
  const hedline = child(bodyHead, 'hedline');
  let title = squash(textOf(child(hedline, 'hl1')));
  if (title === '') {
    title = squash(textOf(child(head, 'title')));
    if (title !== '') notes.push(`no hedline/hl1: the headline is head/title ${JSON.stringify(title)}`);
  }
  if (title === '') {
    return { stories: [], diagnostics: [diagnostic(Errors.FieldMissing, { file, field: 'nitf/body/body.head/hedline/hl1' })] };
  }

  // Dates: date.issue is the first publication; a later date.release is a correction.
  const issueRaw = attr(child(docdata, 'date.issue'), 'norm');
  const releaseRaw = attr(child(docdata, 'date.release'), 'norm');
  const issue = issueRaw === undefined ? undefined : readStamp(issueRaw, ctx.timezone);
  const release = releaseRaw === undefined ? undefined : readStamp(releaseRaw, ctx.timezone);
  for (const [raw, stamp, name] of [[issueRaw, issue, 'date.issue'], [releaseRaw, release, 'date.release']] as const) {
    if (raw !== undefined && (stamp === undefined || !stamp.hasTime)) {
      const where = { file, line: lineOf(text, `<${name}`), field: `nitf/head/docdata/${name}@norm` };
      diagnostics.push(diagnostic(Errors.FieldType, where, 'a NITF norm date and time like "20250205T092400+0800"', JSON.stringify(raw)));
    }
  }
  if (diagnostics.length > 0) return { stories: [], diagnostics };
  let published = issue;
  let corrected = release;
  if (published === undefined && release !== undefined) {
    notes.push('no date.issue: the first publication is date.release');
    published = release;
    corrected = undefined;
  }
  if (published === undefined) {
    return { stories: [], diagnostics: [diagnostic(Errors.FieldMissing, { file, field: 'nitf/head/docdata/date.issue' })] };
  }

  const fields: RecordFieldsOut = { id: '', title, date: published.value };
  const updated = laterStamp(published, corrected, notes, 'date.release');
  if (updated !== undefined) fields.updated = updated;

  const section = squash(attr(child(head, 'pubdata'), 'position.section') ?? '');
  if (section !== '') fields.section = section;
  const tags = unique(children(child(docdata, 'key-list'), 'keyword').map((k) => squash(k.attrs['key'] ?? textOf(k))));
  if (tags.length > 0) fields.tags = tags;

  // Summary: the abstract; else the subheadline (hl2) of the hedline.
  const abstract = squash(textOf(child(bodyHead, 'abstract')));
  const decks = children(hedline, 'hl2').map((h) => squash(textOf(h))).filter(Boolean);
  if (abstract !== '') {
    fields.summary = abstract;
    for (const d of decks) notes.push(`hedline/hl2 ${JSON.stringify(d)}: the abstract is the summary`);
  } else if (decks.length > 0) fields.summary = decks.join(' ');

  const language = nitf.attrs['lang'] ?? body?.attrs['lang'] ?? head?.attrs['lang'];
  if (language !== undefined && language.trim() !== '') fields.language = language.trim();

  // Credits: bylines (people, not their titles), the distributor as agency.
  const credits = new Credits(notes);
  const distributor = child(bodyHead, 'distributor');
  const distributed = squash(textOf(child(distributor, 'org') ?? distributor));
  if (distributed !== '') credits.agency(distributed, 'distributor');
  for (const byline of children(bodyHead, 'byline')) readByline(byline, credits, notes);

  // Body, then what the body says about the dateline and the picture.
  const collected = collectBlocks(child(body, 'body.content'));
  notes.push(...collected.notes);
  const blocks = collected.blocks;

  // Dateline: structured location, and the local date at the city from story.date.
  const dl = child(bodyHead, 'dateline');
  if (dl !== undefined) {
    const dateline = readNitfDateline(dl, ctx, diagnostics, notes);
    if (dateline !== undefined) {
      takeDuplicateLead(blocks, dateline, fields.date, credits, notes);
      fields.dateline = dateline;
    }
  }

  const image = pickImage(collected.images, notes);
  if (image !== undefined) fields.image = image;

  // body.end: contributor taglines become fields; a tagline we cannot read stays in the body.
  for (const tagline of children(child(body, 'body.end'), 'tagline')) {
    const line = squash(textOf(tagline));
    if (line === '') continue;
    const contributors = parseContributorLine(line);
    if (contributors !== undefined && contributors.length > 0) {
      credits.contributors.push(...contributors);
      continue;
    }
    blocks.push({ kind: 'p', inline: [{ text: line }] });
    notes.push(`tagline ${JSON.stringify(line)} is not a contributor line: kept at the end of the body`);
  }
  credits.into(fields);

  const rights = readRights(child(docdata, 'doc.copyright'), child(bodyHead, 'rights'));
  if (rights !== undefined) fields.rights = rights;

  const markdown = renderBlocks(blocks);
  const docId = attr(child(docdata, 'doc-id'), 'id-string')?.trim();
  fields.id = permanentId(docId, 'doc-id', title, fields.date, markdown, notes);
  return { stories: [{ fields, body: markdown, notes }], diagnostics };
};

function xmlError(err: { code: string; msg: string; line: number; col?: number }, text: string, file: string): Diagnostic {
  // The validator reports elements still open at the end of the file at line 1; the problem is at the end.
  const open = /^Invalid '\[(.*)\]' found\.$/s.exec(err.msg);
  if (err.code === 'InvalidXml' && open !== null) {
    const names = [...(open[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    const lines = text.replace(/\s+$/, '').split('\n');
    const detail = `the file ends inside <${names[names.length - 1] ?? '?'}> (open: ${names.join(' > ')}); it looks truncated`;
    return diagnostic(Errors.FileUnreadable, { file, line: lines.length }, `the XML is not well-formed: ${detail}`);
  }
  const col = err.col === undefined ? '' : ` (column ${err.col})`;
  return diagnostic(Errors.FileUnreadable, { file, line: err.line }, `the XML is not well-formed: ${err.msg.replace(/\.$/, '')}${col}`);
}

function readByline(byline: El, credits: Credits, notes: string[]): void {
  const people = children(byline, 'person').map((p) => squash(textOf(p))).filter(Boolean);
  for (const t of children(byline, 'byttl').map((b) => squash(textOf(b))).filter(Boolean)) {
    notes.push(`byline title (byttl) ${JSON.stringify(t)}: a record has no field for it`);
  }
  const rest = squash(byline.children.map((c) => (typeof c === 'string' ? c : c.name === 'person' || c.name === 'byttl' ? ' , ' : textOf(c))).join(''));
  if (people.length === 0) {
    credits.byline(rest);
    return;
  }
  credits.authors.push(...people);
  // What is left between the names ("By", "and", commas) may still name an agency: "By Kenji Sato, Xinhua".
  const leftover = rest.replace(/^by\b/i, '').split(/\s*(?:,|;|&|\band\b)\s*/i).map((s) => s.trim()).filter(Boolean);
  for (const l of leftover) {
    if (parseAgencyLine(l) !== undefined) credits.agency(l, 'the byline');
    else notes.push(`byline text ${JSON.stringify(l)} is not a name: not used`);
  }
}

function readNitfDateline(dl: El, ctx: ImportContext, diagnostics: Diagnostic[], notes: string[]): DatelineOut | undefined {
  const location = child(dl, 'location');
  let city = squash(textOf(child(location, 'city')));
  const state = squash(textOf(child(location, 'state'))) || squash(textOf(child(location, 'region')));
  const country = squash(textOf(child(location, 'country')));
  if (city === '') {
    // An unmarked dateline such as "TOKYO, March 11": the part before the date.
    const printed = squash(dl.children.map((c) => (typeof c === 'string' ? c : c.name === 'story.date' ? '' : textOf(c))).join(''));
    const lead = printed === '' ? undefined : parseDatelineLead(`${printed.replace(/[\s,:—–-]+$/, '')} -- .`);
    city = lead?.city ?? printed.split(',')[0]?.trim() ?? '';
  }
  if (city === '') {
    notes.push('dateline without a city: not used');
    return undefined;
  }
  const dateline = resolveDateline(city, state || country || undefined, country || undefined, ctx.file, diagnostics);
  const storyDate = attr(child(dl, 'story.date'), 'norm');
  if (storyDate !== undefined) {
    const stamp = readStamp(storyDate, dateline.timezone ?? ctx.timezone);
    if (stamp === undefined) notes.push(`story.date ${JSON.stringify(storyDate)} is not a NITF norm date: not used`);
    // With an offset it is an instant, whose date at the dateline city is the one to print.
    else dateline.date = stamp.offset && stamp.instant !== undefined && dateline.timezone !== undefined ? localDate(stamp.instant, dateline.timezone) : stamp.date;
  }
  return dateline;
}

function readRights(copyright: El | undefined, rights: El | undefined): string | undefined {
  const holder = squash(copyright?.attrs['holder'] ?? '');
  const year = squash(copyright?.attrs['year'] ?? '');
  const parts: string[] = [];
  if (holder !== '' || year !== '') parts.push(['Copyright', year, holder].filter(Boolean).join(' '));
  const statement = squash(textOf(rights));
  if (statement !== '' && !parts.some((p) => statement.includes(p))) parts.push(statement);
  if (parts.length === 0) return undefined;
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/[.\s]*$/, '.') : p)).join(' ');
}

// ----- Shared with the ninjs importer: pending catalogue entries -----

const q = (s: string): string => JSON.stringify(s);

/**
 * Diagnostics the catalogue does not have yet (requested for src/errors.ts; until then they live here so
 * both importers say the same thing).
 */
export const PendingErrors = {
  DatelineZoneUnresolved: {
    code: 'W_IMPORT_DATELINE_ZONE',
    severity: 'warning',
    message: (city: string, why: string) => `dateline city ${q(city)} ${why}: add "dateline.timezone" (an IANA zone) to the record`,
  } satisfies CatalogueEntry<[string, string]>,
};

// ----- Shared: element trees -----

/** An element of NITF or of an HTML body, read into one shape. */
export interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

/** fast-xml-parser's preserveOrder output → elements and text, in document order. */
function toNodes(nodes: unknown[]): (El | string)[] {
  const out: (El | string)[] = [];
  for (const n of nodes) {
    const o = n as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [a, v] of Object.entries((o[':@'] ?? {}) as Record<string, unknown>)) attrs[a] = String(v);
    for (const [k, v] of Object.entries(o)) {
      if (k === ':@') continue;
      if (k === '#text') out.push(String(v));
      else if (Array.isArray(v)) out.push({ name: k, attrs, children: toNodes(v) });
    }
  }
  return out;
}

export function child(el: El | undefined, name: string): El | undefined {
  return el?.children.find((c): c is El => typeof c !== 'string' && c.name === name);
}

export function children(el: El | undefined, name: string): El[] {
  return (el?.children ?? []).filter((c): c is El => typeof c !== 'string' && c.name === name);
}

function attr(el: El | undefined, name: string): string | undefined {
  return el?.attrs[name];
}

/** All the text under a node, as written; block elements are kept apart by a line break. */
export function textOf(node: El | string | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (node.name === 'br') return '\n';
  const text = node.children.map(textOf).join('');
  return BLOCK_LEVEL.has(node.name) || SEPARATE.has(node.name) ? `\n${text}\n` : text;
}

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** 1-based line of the first occurrence of `needle`, or undefined. */
function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

// ----- Shared: the body as blocks -----

/** A run of paragraph text; `href` when it is the text of a link; `br` for a hard line break. */
export interface Inline {
  text: string;
  href?: string;
  br?: true;
}

export type Block =
  | { kind: 'p'; inline: Inline[] }
  | { kind: 'h'; text: string }
  | { kind: 'quote'; paragraphs: Inline[][]; source?: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; rows: string[][] };

export interface ImageCandidate {
  url: string;
  type?: string;
  width?: number;
  height?: number;
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface Collected {
  blocks: Block[];
  images: ImageCandidate[];
  notes: string[];
}

/** Containers whose children are read in place. */
const CONTAINERS = new Set(['figcaption', 'block', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'body', 'body.content', 'html', 'center']);
const HEADINGS = new Set(['hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Never reader text: scripts, styles, embeds and forms (the build would strip them anyway). */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'noscript', 'template', 'svg', 'video', 'audio', 'canvas', 'head', 'title', 'meta', 'link']);
/** Block elements whose text we keep as plain paragraphs, with a note that their layout was not kept. */
const FLATTENED = new Set(['nitf-table', 'pre', 'dl', 'fn', 'note', 'address', 'details', 'fieldset']);
/** Elements that are not block level but whose text is still apart from its neighbours'. */
const SEPARATE = new Set(['tr', 'td', 'th', 'dt', 'dd', 'caption', 'credit', 'figcaption', 'media-caption', 'media-producer']);
/** Elements that end the paragraph being collected. */
const BLOCK_LEVEL = new Set([...CONTAINERS, ...HEADINGS, ...DROPPED, ...FLATTENED, 'table', 'p', 'bq', 'blockquote', 'ul', 'ol', 'li', 'media', 'figure', 'hr', 'img']);

/** Reads a NITF body.content or an HTML body (already parsed into elements) into blocks, pictures and notes. */
export function collectBlocks(root: El | undefined): Collected {
  const out: Collected = { blocks: [], images: [], notes: [] };
  if (root !== undefined) walk(root, out);
  return out;
}

function walk(container: El, out: Collected): void {
  let pending: Inline[] = [];
  const flush = (): void => {
    for (const p of splitOnDoubleBreaks(pending)) out.blocks.push({ kind: 'p', inline: p });
    pending = [];
  };
  for (const c of container.children) {
    if (typeof c === 'string' || !BLOCK_LEVEL.has(c.name)) {
      pending.push(...inlineOf(c));
      continue;
    }
    flush();
    block(c, out);
  }
  flush();
}

function block(el: El, out: Collected): void {
  const name = el.name;
  if (CONTAINERS.has(name)) return walk(el, out);
  if (name === 'p') {
    for (const p of splitOnDoubleBreaks(inlineOf(el))) out.blocks.push({ kind: 'p', inline: p });
    return;
  }
  if (HEADINGS.has(name)) {
    const text = squash(textOf(el));
    if (text !== '') out.blocks.push({ kind: 'h', text });
    return;
  }
  if (name === 'bq' || name === 'blockquote') return quote(el, out);
  if (name === 'ul' || name === 'ol') {
    // Text outside any <li> is kept as an item of its own.
    const items: Inline[][] = [];
    let loose: Inline[] = [];
    for (const c of el.children) {
      if (typeof c !== 'string' && c.name === 'li') {
        items.push(trimInline(loose), trimInline(inlineOf(c)));
        loose = [];
      } else loose.push(...inlineOf(c));
    }
    items.push(trimInline(loose));
    const kept = items.filter((i) => i.length > 0);
    if (kept.length > 0) out.blocks.push({ kind: 'list', ordered: name === 'ol', items: kept });
    return;
  }
  if (name === 'li') {
    const item = trimInline(inlineOf(el));
    if (item.length > 0) out.blocks.push({ kind: 'list', ordered: false, items: [item] });
    return;
  }
  if (name === 'media') return media(el, out);
  if (name === 'table') return table(el, out);
  if (name === 'figure' || name === 'img') return figure(el, out);
  if (name === 'hr') return;
  if (DROPPED.has(name)) {
    const what = squash(el.attrs['src'] ?? textOf(el));
    out.notes.push(`<${name}>${what === '' ? '' : ` ${JSON.stringify(what.length > 60 ? `${what.slice(0, 60)}…` : what)}`}: not reader text, not used`);
    return;
  }
  // FLATTENED: keep every word, one paragraph per line.
  const texts = textOf(el).split(/\n\s*\n?/).map(squash).filter(Boolean);
  if (texts.length === 0) return;
  for (const t of texts) out.blocks.push({ kind: 'p', inline: [{ text: t }] });
  out.notes.push(`<${name}> kept as plain paragraphs: its layout is not kept`);
}

/** A table as a GFM table, its first row the header; a caption becomes the paragraph before it. */
function table(el: El, out: Collected): void {
  const caption = squash(textOf(child(el, 'caption')));
  if (caption !== '') out.blocks.push({ kind: 'p', inline: [{ text: caption }] });
  const rows = descendants(el, 'tr')
    .map((tr) => tr.children.filter((c): c is El => typeof c !== 'string' && (c.name === 'th' || c.name === 'td')).map((cell) => squash(textOf(cell))))
    .filter((r) => r.some(Boolean));
  if (rows.length > 0) out.blocks.push({ kind: 'table', rows });
}

function quote(el: El, out: Collected): void {
  // NITF `credit` (HTML `cite`, `footer`) names the source of the quote: it stays with the quote.
  const source = squash(el.children.filter((c): c is El => typeof c !== 'string' && ['credit', 'cite', 'footer'].includes(c.name)).map(textOf).join(' '));
  const inner: El = { name: 'block', attrs: {}, children: el.children.filter((c) => typeof c === 'string' || !['credit', 'cite', 'footer'].includes(c.name)) };
  const sub: Collected = { blocks: [], images: out.images, notes: out.notes };
  walk(inner, sub);
  const paragraphs = sub.blocks.flatMap((b): Inline[][] => {
    switch (b.kind) {
      case 'p':
        return [b.inline];
      case 'h':
        return [[{ text: b.text }]];
      case 'quote':
        return b.paragraphs;
      case 'list':
        return b.items;
      case 'table':
        return b.rows.map((r) => [{ text: r.join(' ') }]);
    }
  });
  if (paragraphs.length === 0 && source === '') return;
  const q: Block = { kind: 'quote', paragraphs };
  if (source !== '') q.source = source;
  out.blocks.push(q);
}

function media(el: El, out: Collected): void {
  const type = (el.attrs['media-type'] ?? '').toLowerCase();
  const caption = squash(textOf(child(el, 'media-caption')));
  const producer = squash(textOf(child(el, 'media-producer')));
  const refs = children(el, 'media-reference');
  if (type !== 'image' && type !== 'photo' && type !== 'graphic') {
    out.notes.push(`media (${type || 'no media-type'})${caption === '' ? '' : ` ${JSON.stringify(caption)}`}: only pictures are imported`);
    return;
  }
  // Several renditions of one picture: the largest.
  const size = (r: El): number => (positive(r.attrs['width']) ?? 0) * (positive(r.attrs['height']) ?? 0);
  const ref = [...refs].filter((r) => (r.attrs['source'] ?? r.attrs['data-location'] ?? '').trim() !== '').sort((a, b) => size(b) - size(a))[0];
  if (ref === undefined) {
    out.notes.push(`media without a media-reference source${caption === '' ? '' : ` (${JSON.stringify(caption)})`}: not used`);
    return;
  }
  const img: ImageCandidate = { url: (ref.attrs['source'] ?? ref.attrs['data-location'] ?? '').trim() };
  const mime = ref.attrs['mime-type']?.trim();
  if (mime) img.type = mime;
  const w = positive(ref.attrs['width']);
  const h = positive(ref.attrs['height']);
  if (w !== undefined) img.width = w;
  if (h !== undefined) img.height = h;
  const alt = squash(ref.attrs['alternate-text'] ?? '');
  if (alt !== '') img.alt = alt;
  if (caption !== '') img.caption = caption;
  if (producer !== '') img.credit = producer;
  out.images.push(img);
}

function figure(el: El, out: Collected): void {
  const img = el.name === 'img' ? el : descendants(el, 'img')[0];
  const src = img?.attrs['src']?.trim();
  if (img === undefined || !src) {
    if (el.name === 'figure') walk(el, out);
    return;
  }
  const caption = squash(textOf(child(el, 'figcaption')));
  // Anything else in the figure is still copy.
  if (el.name === 'figure') walk({ ...el, children: el.children.filter((c) => typeof c === 'string' || (c !== img && c.name !== 'figcaption' && !descendants(c, 'img').includes(img))) }, out);
  const c: ImageCandidate = { url: src };
  const w = positive(img.attrs['width']);
  const h = positive(img.attrs['height']);
  if (w !== undefined) c.width = w;
  if (h !== undefined) c.height = h;
  const alt = squash(img.attrs['alt'] ?? '');
  if (alt !== '') c.alt = alt;
  if (caption !== '') c.caption = caption;
  out.images.push(c);
}

function descendants(el: El, name: string): El[] {
  return el.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...descendants(c, name)]));
}

function positive(v: string | number | undefined): number | undefined {
  const n = typeof v === 'number' ? v : v === undefined || !/^\s*\d+\s*$/.test(v) ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The text of inline content, with links kept as links and line breaks as breaks; everything else is text. */
function inlineOf(node: El | string): Inline[] {
  if (typeof node === 'string') return [{ text: node }];
  if (node.name === 'br') return [{ text: '', br: true }];
  if (DROPPED.has(node.name)) return [];
  const inner = node.children.flatMap(inlineOf);
  const href = node.name === 'a' ? node.attrs['href']?.trim() : undefined;
  return href ? inner.map((i) => (i.br ? i : { ...i, href })) : inner;
}

function splitOnDoubleBreaks(inline: Inline[]): Inline[][] {
  const paragraphs: Inline[][] = [[]];
  let breaks = 0;
  for (const i of inline) {
    if (i.br) breaks++;
    else if (i.text.trim() === '' && breaks > 0) continue;
    else {
      const current = paragraphs[paragraphs.length - 1] as Inline[];
      if (breaks >= 2) paragraphs.push([i]);
      else {
        if (breaks === 1) current.push({ text: '', br: true });
        current.push(i);
      }
      breaks = 0;
    }
  }
  return paragraphs.map(trimInline).filter((p) => p.length > 0);
}

/** Collapses white space across runs and trims the paragraph; drops breaks at its edges. */
function trimInline(inline: Inline[]): Inline[] {
  const out: Inline[] = [];
  let space = true;
  for (const i of inline) {
    if (i.br) {
      if (out.length > 0) out.push(i);
      space = true;
      continue;
    }
    let text = i.text.replace(/\s+/g, ' ');
    if (space) text = text.replace(/^ /, '');
    if (text === '') continue;
    space = text.endsWith(' ');
    out.push(i.href === undefined ? { text } : { text, href: i.href });
  }
  while (out.length > 0) {
    const last = out[out.length - 1] as Inline;
    if (last.br) out.pop();
    else if (last.text.endsWith(' ')) {
      last.text = last.text.slice(0, -1);
      if (last.text === '') out.pop();
    } else break;
  }
  return out;
}

export const plainText = (inline: Inline[]): string => inline.map((i) => (i.br ? ' ' : i.text)).join('');

/** Removes the first `n` characters of plain text from a paragraph. */
function dropChars(inline: Inline[], n: number): Inline[] {
  const out: Inline[] = [];
  let left = n;
  for (const i of inline) {
    const len = i.br ? 1 : i.text.length;
    if (left >= len) {
      left -= len;
      continue;
    }
    out.push(left > 0 ? { ...i, text: i.text.slice(left) } : i);
    left = 0;
  }
  return trimInline(out);
}

/** Markdown for the blocks: paragraphs separated by blank lines, every character of the copy as text. */
export function renderBlocks(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return renderInline(b.inline);
        case 'h':
          return markdownHeading(b.text);
        case 'quote': {
          const lines = b.paragraphs.map((p) => `> ${renderInline(p).replace(/\n/g, '\n> ')}`);
          if (b.source !== undefined) lines.push(`> — ${markdownText(b.source)}`);
          return lines.join('\n>\n');
        }
        case 'list':
          return b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${renderInline(item).replace(/\n/g, '\n   ')}`).join('\n');
        case 'table': {
          const width = Math.max(...b.rows.map((r) => r.length));
          const row = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => markdownText(cells[i] ?? '')).join(' | ')} |`;
          const [header = [], ...rest] = b.rows;
          return [row(header), `|${' --- |'.repeat(width)}`, ...rest.map(row)].join('\n');
        }
      }
    })
    .filter((s) => s.trim() !== '')
    .join('\n\n');
}

function renderInline(inline: Inline[]): string {
  let out = '';
  for (let k = 0; k < inline.length; k++) {
    const i = inline[k] as Inline;
    if (i.br) {
      out += '\\\n';
      continue;
    }
    if (i.href === undefined) {
      out += markdownText(i.text);
      continue;
    }
    // Consecutive runs of one link are one link; spaces at its edges go outside the brackets.
    let text = i.text;
    while (k + 1 < inline.length && inline[k + 1]?.href === i.href && !inline[k + 1]?.br) text += (inline[++k] as Inline).text;
    const lead = /^\s*/.exec(text)?.[0] ?? '';
    const tail = /\s*$/.exec(text)?.[0] ?? '';
    const words = text.trim();
    out += words === '' ? text : `${lead}[${markdownText(words)}](${linkTarget(i.href)})${tail}`;
  }
  return out;
}

/** A link destination Markdown reads back unchanged: no spaces, parentheses or angle brackets. */
function linkTarget(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// ----- Shared: credits -----

type DatelineOut = NonNullable<RecordFieldsOut['dateline']>;
type ImageOut = NonNullable<RecordFieldsOut['image']>;

/** Collects bylines, the agency and contributors as they are found, and writes them into the fields once. */
export class Credits {
  authors: string[] = [];
  contributors: { name: string; location?: string; role?: string }[] = [];
  private agencyValue: { name: string; via?: string } | undefined;

  constructor(private readonly notes: string[]) {}

  /**
   * The first agency found wins, in the order the caller asks (the most authoritative element first). A
   * later line that says more about the same agency ("Agencies via Xinhua" after "Xinhua") refines it; a
   * different agency is noted, never dropped silently.
   */
  agency(line: string, source: string): void {
    const parsed = parseAgencyLine(line) ?? { name: squash(line) };
    if (parsed.name === '') return;
    const current = this.agencyValue;
    const same = current !== undefined && parsed.name.toLowerCase() === current.name.toLowerCase();
    if (current === undefined || (same && current.via === undefined && parsed.via !== undefined)) this.agencyValue = parsed;
    else if (!same || (parsed.via !== undefined && parsed.via !== current.via)) {
      this.notes.push(`${source} names the agency ${JSON.stringify(squash(line))}, but the agency is ${JSON.stringify(current.via === undefined ? current.name : `${current.via} via ${current.name}`)}: not used`);
    }
  }

  /** A byline as text: "By Ana Ruiz and Tom Hale", "By Jane Doe, Reuters" (an agency named in it is the agency). */
  byline(text: string): void {
    const names = squash(text).replace(/^by[:\s]+/i, '').split(/\s*(?:,|;|&|\band\b)\s*/i).map((s) => s.trim()).filter(Boolean);
    for (const n of names) {
      if (parseAgencyLine(n) !== undefined) this.agency(n, 'the byline');
      else if (/^[\p{Lu}\p{Lo}]/u.test(n)) this.authors.push(n);
      else this.notes.push(`byline text ${JSON.stringify(n)} is not a name: not used`);
    }
  }

  into(fields: RecordFieldsOut): void {
    const authors = unique(this.authors);
    if (authors.length > 0) fields.authors = authors;
    if (this.agencyValue !== undefined) fields.agency = this.agencyValue;
    const seen = new Set<string>();
    const contributors = this.contributors.filter((c) => !seen.has(c.name) && seen.add(c.name));
    if (contributors.length > 0) fields.contributors = contributors;
  }
}

// ----- Shared: datelines -----

const placeKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A dateline city with its zone from the gazetteer, narrowed by the region or country the copy gives. An
 * unknown or ambiguous city keeps no zone and gets a warning asking for one.
 */
export function resolveDateline(printedCity: string, region: string | undefined, country: string | undefined, file: string, diagnostics: Diagnostic[]): DatelineOut {
  const city = cityName(squash(printedCity));
  const found = lookupCity(city, region);
  const dateline: DatelineOut = { city };
  const named = country !== undefined && country !== '' ? country : found.found ? found.country : undefined;
  if (named !== undefined) dateline.country = named;
  if (found.found) dateline.timezone = found.timezone;
  else {
    const why = found.reason === 'unknown' ? 'is not in the gazetteer, so its time zone is unknown' : `names places in different time zones (${found.candidates.join('; ')})`;
    diagnostics.push(diagnostic(PendingErrors.DatelineZoneUnresolved, { file, field: 'dateline.timezone' }, city, why));
  }
  return dateline;
}

/**
 * If the first paragraph opens with a printed dateline for the same city as the structured one
 * (`WASHINGTON, Feb. 4 (Xinhua) --`), the lead is taken out so the build does not print it twice. What
 * it says that the fields lack (the agency, the date) is kept in the fields.
 */
export function takeDuplicateLead(blocks: Block[], dateline: DatelineOut, date: string, credits: Credits, notes: string[]): void {
  const first = blocks[0];
  if (first?.kind !== 'p') return;
  const plain = plainText(first.inline);
  const lead = parseDatelineLead(plain);
  if (lead === undefined) return;
  if (placeKey(cityName(lead.city)) !== placeKey(dateline.city)) {
    notes.push(`the first paragraph opens with the dateline ${JSON.stringify(lead.city)}, not ${JSON.stringify(dateline.city)}: kept in the body`);
    return;
  }
  if (lead.agency !== undefined) credits.agency(lead.agency, 'the dateline lead');
  if (lead.reporters !== undefined) notes.push(`reporters named in the dateline ${JSON.stringify(lead.reporters)}: not used (give them as authors)`);
  if (dateline.date === undefined && lead.month !== undefined && lead.day !== undefined) {
    const d = datelineDate(lead.month, lead.day, date);
    if (d !== undefined) dateline.date = d;
  }
  const rest = dropChars(first.inline, plain.length - plain.trimStart().length + (plain.trim().length - lead.rest.length));
  if (rest.length > 0) first.inline = rest;
  else blocks.shift();
}

// ----- Shared: pictures -----

/** The record's picture: the first one; caption and credit split when the caption carries the credit. */
export function pickImage(images: ImageCandidate[], notes: string[]): ImageOut | undefined {
  const [first, ...others] = images;
  for (const o of others) {
    if (o.url !== first?.url) notes.push(`another picture ${o.url}${o.caption === undefined ? '' : ` (${JSON.stringify(o.caption)})`}: a record has one`);
    else if (o.caption !== undefined && o.caption !== first.caption) notes.push(`the same picture again, captioned ${JSON.stringify(o.caption)}: the first caption is kept`);
  }
  if (first === undefined) return undefined;
  const image: ImageOut = { url: first.url };
  let caption = first.caption ?? first.alt;
  let credit = first.credit;
  if (caption !== undefined) {
    const split = splitPhotoCredit(caption);
    if (split !== undefined && (credit === undefined || placeKey(split.credit) === placeKey(credit))) {
      caption = split.caption;
      credit = split.credit;
    }
  }
  if (caption !== undefined && caption !== '') image.caption = caption;
  if (credit !== undefined && credit !== '') image.credit = credit;
  if (first.type !== undefined) image.type = first.type;
  if (first.width !== undefined) image.width = first.width;
  if (first.height !== undefined) image.height = first.height;
  return image;
}

// ----- Shared: time stamps and ids -----

export interface Stamp {
  /** As a record holds it: an instant with its offset, or desk wall-clock time in the publisher zone. */
  value: string;
  /** The calendar date as written. */
  date: string;
  hasTime: boolean;
  /** True when the stamp carried an offset or Z. */
  offset: boolean;
  /** Undefined for a date alone, or a wall-clock time the zone skips or repeats. */
  instant?: Date;
}

const STAMP = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * NITF norm dates (`20250205T092400+0800`, `…Z`, `20250205T092400`, `20250205`) and ISO 8601 stamps
 * (`2025-02-05T09:24:00.000+08:00`). A time with an offset is kept as that instant
 * (`2025-02-05T09:24:00+08:00`); a time without one is wall-clock time in `zone` (`2025-02-05 09:24`).
 */
export function readStamp(raw: string, zone: string): Stamp | undefined {
  const m = STAMP.exec(raw.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, off] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isLocalDate(date)) return undefined;
  if (h === undefined) return off === undefined ? { value: date, date, hasTime: false, offset: false } : undefined;
  let value: string;
  if (off === undefined) value = `${date} ${h}:${mi}${s === undefined || s === '00' ? '' : `:${s}`}`;
  else {
    const digits = off.toUpperCase() === 'Z' ? 'Z' : off.replace(':', '');
    value = `${date}T${h}:${mi}:${s ?? '00'}${digits === 'Z' ? 'Z' : `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`}`;
  }
  const t = parseDeskTime(value, zone);
  if (!t.ok && t.problem === 'format') return undefined;
  const stamp: Stamp = { value, date, hasTime: true, offset: off !== undefined };
  if (t.ok) stamp.instant = t.instant;
  return stamp;
}

/** `later` as the record's `updated` when it is after `first`; an earlier or equal one is no correction. */
export function laterStamp(first: Stamp, later: Stamp | undefined, notes: string[], name: string): string | undefined {
  if (later === undefined || !later.hasTime) return undefined;
  if (first.instant === undefined || later.instant === undefined) {
    notes.push(`${name} ${JSON.stringify(later.value)} cannot be compared with the first publication: not used`);
    return undefined;
  }
  return later.instant.getTime() > first.instant.getTime() ? later.value : undefined;
}

/** The copy's own id when it is usable as a permanent key, else one derived from the content. */
export function permanentId(own: string | undefined, name: string, title: string, date: string, body: string, notes: string[]): string {
  if (own !== undefined && own !== '') {
    if (/^[^\s\p{Cc}]+$/u.test(own)) return own;
    notes.push(`${name} ${JSON.stringify(own)} has spaces or control characters: the id is derived from the content instead`);
  }
  return contentId(title, date, body);
}

