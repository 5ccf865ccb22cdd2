/**
 * The block model both importers read a story body into: paragraphs (runs of text, links and hard breaks),
 * subheadings, block quotes with their source, lists, tables and the pictures found on the way. A NITF
 * body.content and an HTML body (ninjs) are walked by the same code (`collectBlocks`); `renderBlocks` writes
 * the blocks as Markdown, every character of the copy as text.
 */
import { BLOCK_LEVEL, child, children, CONTAINERS, descendants, DROPPED, HEADINGS, squash, textOf, type El } from './_tree.js';
import { markdownHeading, markdownTable, markdownText } from './record.js';
import { LINK_SCHEMES } from '../core/_urls.js';

// ----- The model -----

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
  /** Absent for a picture the copy describes without giving it (its caption and credit are still kept). */
  url?: string;
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

// ----- Reading a body -----

/** Reads a NITF body.content or an HTML body (already parsed into elements) into blocks, pictures and notes. */
export function collectBlocks(root: El | undefined): Collected {
  const out: Collected = { blocks: [], images: [], notes: [] };
  if (root !== undefined) walk(root, out);
  unlinkScripts(out);
  return out;
}

/** Whether a link's target is no page to go to: of a scheme the build's links do not keep (`javascript:`, `data:`, `file:`). */
const toNoPage = (href: string): boolean => {
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(href.replace(/[\s\u0000-\u001f]+/gu, ''))?.[1];
  return scheme !== undefined && !LINK_SCHEMES.includes(scheme.toLowerCase());
};

/**
 * Links to no page (`<a href="javascript:…">`) keep their text and lose their target, noted: the build's sanitiser would
 * drop them from the feeds, but the record, which a desk may copy elsewhere, carried them (fuzzing).
 */
function unlinkScripts(out: Collected): void {
  const inlines = out.blocks.flatMap((b) => (b.kind === 'p' ? [b.inline] : b.kind === 'quote' ? b.paragraphs : b.kind === 'list' ? b.items : []));
  const dropped = new Set<string>();
  for (const inline of inlines) {
    for (const i of inline) {
      if (i.href === undefined || !toNoPage(i.href)) continue;
      dropped.add(i.href);
      delete i.href;
    }
  }
  for (const href of dropped) out.notes.push(`a link to ${JSON.stringify(href.length > 60 ? `${href.slice(0, 60)}…` : href)} is to no page: its text kept, not the link`);
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
    // No picture to show, but its caption and credit are the copy's: kept (a photo credit is never lost).
    if (caption === '' && producer === '') {
      out.notes.push('media without a media-reference source, caption or credit: not used');
      return;
    }
    const described: ImageCandidate = {};
    if (caption !== '') described.caption = caption;
    if (producer !== '') described.credit = producer;
    out.images.push(described);
    return;
  }
  const img = picture((ref.attrs['source'] ?? ref.attrs['data-location'] ?? '').trim(), ref, 'alternate-text', caption);
  const mime = ref.attrs['mime-type']?.trim();
  if (mime) img.type = mime;
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
  // A reader-counting image, as feeds' content carries (`width="1" height="1"`, `height="0" width="0"
  // style="display:none"`): no picture of the story's, and not the one a record has (real feeds: Medium's, the
  // Washington Post's took the picture's place, or were noted as another).
  if (hiddenImage(img)) {
    out.notes.push(`a hidden or one-pixel image ${JSON.stringify(src.length > 60 ? `${src.slice(0, 60)}…` : src)} (a tracking image): not used`);
    if (el.name === 'figure') walk({ ...el, children: el.children.filter((c) => c !== img) }, out);
    return;
  }
  const caption = squash(textOf(child(el, 'figcaption')));
  // Anything else in the figure is still copy.
  if (el.name === 'figure') walk({ ...el, children: el.children.filter((c) => typeof c === 'string' || (c !== img && c.name !== 'figcaption' && !descendants(c, 'img').includes(img))) }, out);
  out.images.push(picture(src, img, 'alt', caption));
}

/** An image of no more than one pixel each way, or hidden by its style. */
function hiddenImage(img: El): boolean {
  const tiny = (v: string | undefined): boolean => v !== undefined && /^\s*[01](?:px)?\s*$/.test(v);
  return (tiny(img.attrs['width']) && tiny(img.attrs['height'])) || /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(img.attrs['style'] ?? '');
}

/** A picture at `url`, with the size and alternate text `el` gives it (in attribute `altName`) and its caption. */
function picture(url: string, el: El, altName: string, caption: string): ImageCandidate {
  const c: ImageCandidate = { url };
  const w = positive(el.attrs['width']);
  const h = positive(el.attrs['height']);
  if (w !== undefined) c.width = w;
  if (h !== undefined) c.height = h;
  const alt = squash(el.attrs[altName] ?? '');
  if (alt !== '') c.alt = alt;
  if (caption !== '') c.caption = caption;
  return c;
}

/** A picture's width or height as copy writes it (`640`, ` 640 `), or undefined for anything but a whole number above 0 a record can hold. */
export function positive(v: string | number | undefined): number | undefined {
  const n = typeof v === 'number' ? v : v === undefined || !/^\s*\d+\s*$/.test(v) ? NaN : Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
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
export function dropChars(inline: Inline[], n: number): Inline[] {
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

// ----- Markdown -----

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
        case 'table':
          return markdownTable(b.rows);
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
