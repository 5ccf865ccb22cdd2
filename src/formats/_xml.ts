/** What the XML writers share: namespaces, one XMLBuilder configuration, and element helpers. */
import { XMLBuilder } from 'fast-xml-parser';
import type { Dateline, ImageField, Agency } from '../types.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  /** Media RSS; the trailing slash is part of the namespace (the validator flags it missing). */
  media: 'http://search.yahoo.com/mrss/',
  /** Dateline's own elements: the structured dateline and agency provenance. */
  dl: 'https://dateline.dev/ns/1.0/',
  /** RFC 5005 feed history: `fh:archive` marks an archive document. */
  fh: 'http://purl.org/syndication/history/1.0',
} as const;

/** Documentation of the `dl:` elements and the JSON Feed `_dateline`/`_credits` extensions. */
export const EXTENSION_DOCS = 'https://dateline.dev/ns/1.0/';

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | XmlNode | XmlNode[] | string[] | undefined;

/**
 * Our own escaping: the builder's entity processing is the slowest part of writing long HTML content.
 * Native replaceAll passes beat a callback per character; escaping `>` also keeps any `]]>` harmless.
 */
function escapeXml(v: unknown): string {
  const s = String(v);
  if (!/[&<>"]/.test(s)) return s;
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * Marks a value as HTML (content, RSS description). The builder hands text to the value processor
 * without its element's name when the element has attributes, so the mark travels in the value: U+0000
 * can never occur in real text, since XML forbids it and every input is stripped of it.
 */
const HTML_MARK = '\u0000';
export const html = (markup: string): string => `${HTML_MARK}${markup}`;

/**
 * Plain text and HTML are both escaped with the predefined entities. (The RSS Best Practices Profile
 * suggests `&#x26;`/`&#x3C;` in plain text, but fast-xml-parser, which many JavaScript readers use, leaves
 * numeric references undecoded by default and would show them literally.) HTML keeps `"` escaped too.
 */
function escapeText(v: unknown): string {
  const s = String(v);
  if (s.startsWith(HTML_MARK)) return escapeXml(s.slice(1));
  if (!/[&<>]/.test(s)) return s;
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // Otherwise an attribute whose value is "true" is written bare (`<guid isPermaLink>`), which is not XML.
  suppressBooleanAttributes: false,
  processEntities: false,
  tagValueProcessor: (_name, value) => escapeText(value),
  attributeValueProcessor: (_name, value) => escapeXml(value),
});

/**
 * Serialises a document. The builder leaves out `undefined` members and empty lists, so optional fields need no branches.
 * `stylesheet` adds an `<?xml-stylesheet?>` processing instruction (W3C "Associating Style Sheets with XML
 * documents"), which browsers apply and feed readers ignore. Its pseudo-attribute takes the predefined
 * entities, and escaping `>` keeps a `?>` in the URL from ending the instruction.
 */
export function renderXml(root: XmlNode, stylesheet?: string, items?: { before: string; fragments: readonly string[] }): string {
  const pi = stylesheet === undefined ? '' : `<?xml-stylesheet type="text/xsl" href="${escapeXml(stylesheet)}"?>\n`;
  let body = (builder.build(root) as string).trimEnd();
  if (items !== undefined && items.fragments.length > 0) {
    const at = body.lastIndexOf(items.before);
    body = `${body.slice(0, at)}${items.fragments.join('')}${body.slice(at)}`;
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n${pi}${body}\n`;
}

/**
 * The text of one repeated child (an RSS `item`, an Atom `entry`) exactly as the builder writes it at
 * `depth` (1: a child of the root, 2: of the root's child), so a document can be assembled from
 * fragments rendered once per build and shared by every feed that carries the item: the builder's output
 * for a list of children is the concatenation of each child's output at the same depth.
 */
export function renderFragment(name: string, node: XmlNode, depth: 1 | 2): string {
  const wrapped = depth === 1 ? { a: { [name]: [node] } } : { a: { b: { [name]: [node] } } };
  const text = builder.build(wrapped) as string;
  const open = depth === 1 ? '<a>\n' : '<a>\n  <b>\n';
  const close = depth === 1 ? '</a>\n' : '  </b>\n</a>\n';
  return text.slice(open.length, text.length - close.length);
}

/** Memoises a fragment per item object and context (items are immutable once built, and shared by feeds). */
export function fragmentCache(): (item: object, context: string, render: () => string) => string {
  const cache = new WeakMap<object, { context: string; text: string }>();
  return (item, context, render) => {
    const hit = cache.get(item);
    if (hit !== undefined && hit.context === context) return hit.text;
    const text = render();
    cache.set(item, { context, text });
    return text;
  };
}

/** `media:content` with caption and photographer credit (Media RSS 1.5.1; EBU role codes). */
export function mediaContent(image: ImageField | undefined): XmlNode | undefined {
  if (image?.url === undefined) return undefined;
  return {
    '@url': image.url,
    '@type': image.type,
    '@medium': 'image',
    '@width': image.width,
    '@height': image.height,
    'media:description': image.caption === undefined ? undefined : { '@type': 'plain', '#text': image.caption },
    'media:credit': image.credit === undefined ? undefined : { '@role': 'photographer', '@scheme': 'urn:ebu', '#text': image.credit },
  };
}

/** `dl:dateline`: the printed dateline with its parts as attributes. */
export function datelineElement(d: Dateline | undefined): XmlNode | undefined {
  if (d === undefined) return undefined;
  return { '@city': d.city, '@country': d.country, '@timezone': d.timezone, '@date': d.date, '#text': d.text };
}

/** `dl:agency`: the agency the copy came from, with `via` and the original story URL. */
export function agencyElement(a: Agency | undefined): XmlNode | undefined {
  if (a === undefined) return undefined;
  return { '@via': a.via, '@url': a.url, '#text': a.name };
}
