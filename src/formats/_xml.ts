/** What the XML writers share: namespaces, escaping, the serialiser, and element helpers. */
import type { Agency, Contributor, Dateline, ImageField } from '../types.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  /** Media RSS; the trailing slash is part of the namespace (the validator flags it missing). */
  media: 'http://search.yahoo.com/mrss/',
  /** Dateline's own elements: the structured dateline, agency provenance and contributors' places and roles. */
  dl: 'https://dateline.dev/ns/1.0/',
  /** RFC 5005 feed history: `fh:archive` marks an archive document. */
  fh: 'http://purl.org/syndication/history/1.0',
} as const;

/** Documentation of the `dl:` elements and the JSON Feed `_dateline`/`_credits` extensions. */
export const EXTENSION_DOCS = 'https://dateline.dev/ns/1.0/';

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | XmlNode | XmlNode[] | string[] | undefined;

/**
 * Attribute and HTML escaping. Native replaceAll passes beat a callback per character; escaping `>` also
 * keeps any `]]>` harmless.
 */
function escapeXml(v: unknown): string {
  const s = String(v);
  if (!/[&<>"]/.test(s)) return s;
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * Marks a value as HTML (content, RSS description), in the value itself, so a tree stays plain data: U+0000
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

/**
 * Writes a node's members at `level`, the way fast-xml-parser's XMLBuilder does with the options the
 * writers once gave it (attributes as `@name`, text as `#text`, two-space indentation, empty elements
 * self-closed, `undefined` members and list entries left out). Ours, because the builder's generality
 * (path matching, name checks and entity passes on every node) made it the largest single cost of
 * writing a large site's feeds; `tests/xml-writer.test.ts` checks it against the builder itself.
 */
function members(node: XmlNode, level: number): { attrs: string; body: string } {
  let attrs = '';
  let body = '';
  for (const key in node) {
    const value = node[key];
    if (value === undefined) continue;
    if (key.charCodeAt(0) === 64 /* @ */) {
      if (typeof value !== 'object') attrs += ` ${key.slice(1)}="${escapeXml(value).replaceAll("'", '&apos;')}"`;
    } else if (key === '#text') {
      body += escapeText(value);
    } else if (Array.isArray(value)) {
      for (const entry of value) if (entry !== undefined) body += typeof entry === 'object' ? element(key, entry, level) : textElement(key, entry, level);
    } else if (typeof value === 'object') {
      body += element(key, value, level);
    } else {
      body += textElement(key, value, level);
    }
  }
  return { attrs, body };
}

const indent = (level: number): string => '  '.repeat(level);

function textElement(key: string, value: string | number, level: number): string {
  const text = escapeText(value);
  return text === '' ? `${indent(level)}<${key}/>\n` : `${indent(level)}<${key}>${text}</${key}>\n`;
}

function element(key: string, node: XmlNode, level: number): string {
  const { attrs, body } = members(node, level + 1);
  if (body === '') return `${indent(level)}<${key}${attrs}/>\n`;
  if (!body.includes('<')) return `${indent(level)}<${key}${attrs}>${body}</${key}>\n`;
  return `${indent(level)}<${key}${attrs}>\n${body}${indent(level)}</${key}>\n`;
}

/** The XML text of a tree: each top-level member at `level` (what the builder's `build` returns at 0). */
function xmlText(root: XmlNode, level = 0): string {
  return members(root, level).body;
}

/**
 * Serialises a document. `undefined` members and empty lists are left out, so optional fields need no branches.
 * `stylesheet` adds an `<?xml-stylesheet?>` processing instruction (W3C "Associating Style Sheets with XML
 * documents"), which browsers apply and feed readers ignore. Its pseudo-attribute takes the predefined
 * entities, and escaping `>` keeps a `?>` in the URL from ending the instruction.
 */
export function renderXml(root: XmlNode, stylesheet?: string): string {
  const { head, tail } = xmlParts(root, stylesheet, '');
  return head + tail;
}

/**
 * The document around its repeated children: `head` ends where they go, just before the last occurrence
 * of `before` (`  </channel>`), and `tail` is the rest.
 */
export function xmlParts(root: XmlNode, stylesheet: string | undefined, before: string): { head: string; tail: string } {
  const pi = stylesheet === undefined ? '' : `<?xml-stylesheet type="text/xsl" href="${escapeXml(stylesheet)}"?>\n`;
  const body = xmlText(root).trimEnd();
  const at = before === '' ? body.length : body.lastIndexOf(before);
  return { head: `<?xml version="1.0" encoding="utf-8"?>\n${pi}${body.slice(0, at)}`, tail: `${body.slice(at)}\n` };
}

/**
 * The text of one repeated child (an RSS `item`, an Atom `entry`) exactly as it is written at `depth`
 * (1: a child of the root, 2: of the root's child), so a document can be assembled from fragments
 * rendered once per build and shared by every feed that carries the item: a list of children is
 * written as the concatenation of each child at the same depth.
 */
export function renderFragment(name: string, node: XmlNode, depth: 1 | 2): string {
  return element(name, node, depth);
}

/**
 * `media:content` with the photographer credit (Media RSS 1.5.1; EBU role codes). No `media:description`
 * for the caption: feedparser, which many aggregators use, reads every `media:description`, even one inside
 * `media:content`, as the entry's description (kurtmckee/feedparser#53): it replaced the summary's
 * `summary_detail` in full-content feeds and became the story's content in summary feeds. The caption is
 * in the content's figure, and in JSON Feed's `_credits.photo`.
 */
export function mediaContent(image: ImageField | undefined): XmlNode | undefined {
  if (image?.url === undefined) return undefined;
  return {
    '@url': image.url,
    '@type': image.type,
    '@medium': 'image',
    '@width': image.width,
    '@height': image.height,
    'media:credit': image.credit === undefined ? undefined : { '@role': 'photographer', '@scheme': 'urn:ebu', '#text': image.credit },
  };
}

/**
 * The credit of a photo described without a URL (raw copy gives its caption and credit): Media RSS's
 * item-level `media:credit`, which applies to the item's media, so summary feeds, which carry no content,
 * keep it. (No `media:description`: see mediaContent.)
 */
export function photoCredit(image: ImageField | undefined): XmlNode | undefined {
  return image === undefined || image.url !== undefined || image.credit === undefined ? undefined : { '@role': 'photographer', '@scheme': 'urn:ebu', '#text': image.credit };
}

/*
 * feedparser keeps only the attributes of an element in a namespace it does not know, and drops its text
 * when it has any: so what the text says is an attribute too (`printed`, `name`), and every parser reads
 * the same values.
 */

/** `dl:dateline`: the printed dateline, with its parts and the printed text as attributes. */
export function datelineElement(d: Dateline | undefined): XmlNode | undefined {
  if (d === undefined) return undefined;
  return { '@city': d.city, '@country': d.country, '@timezone': d.timezone, '@date': d.date, '@printed': d.text, '#text': d.text };
}

/**
 * `dl:contributor`, one for each contributor in order: the name with the place and role that
 * `dc:contributor` and Atom's `contributor` have no room for ("Mike Gu in Hong Kong contributed…",
 * "Reporting by …"). The printed credit lines are in the content, which a summary feed leaves out; these
 * keep the details there too, as JSON Feed's `_credits.contributors` does.
 */
export function contributorElements(contributors: readonly Contributor[]): XmlNode[] | undefined {
  if (contributors.length === 0) return undefined;
  return contributors.map((c) => ({ '@name': c.name, '@location': c.location, '@role': c.role, '#text': c.name }));
}

/** `dl:agency`: the agency the copy came from (its name as text and as an attribute), with `via` and the original story URL. */
export function agencyElement(a: Agency | undefined): XmlNode | undefined {
  if (a === undefined) return undefined;
  return { '@name': a.name, '@via': a.via, '@url': a.url, '#text': a.name };
}
