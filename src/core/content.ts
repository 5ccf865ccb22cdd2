/**
 * The HTML body every format carries: Markdown rendered, markup sanitised, relative URLs made absolute
 * against the article URL, the dateline printed at its head and the credit lines at its end (most readers
 * show only the content, so credits that live only in metadata would be lost to them).
 */
import { decodeHTML } from 'entities';
import { Marked } from 'marked';
import markedFootnote from 'marked-footnote';
import sanitizeHtml from 'sanitize-html';
import type { Body, ImageField } from '../types.js';
import { escapeHtml, mayHoldForbidden, stripForbidden } from './_text.js';
import { rfc3986Href } from './_urls.js';

/**
 * A line that could underline a setext heading (`Title\n=====`) ends with `=` or `-` and whitespace
 * (marked turns CRs into line breaks, and tabs in list items into spaces). marked tries its setext rule at
 * every block, and that rule scans the whole paragraph for an underline: about a tenth of rendering a
 * story. A body with no such line end cannot hold one, in any quote or list either (they only take
 * markers off the start of lines), so the rule is skipped and every other rule runs as before.
 */
const UNDERLINE_END = /[=-][^\S\r\n]*(?:[\r\n]|$)/;
let setextPossible = true;
/** Whether the body refers to no character anywhere (inlineText below); most do not, and pay nothing for it. */
let noCharacterPossible = true;

/** marked's numeric character reference (`&#1;`, `&#x1;`), or an `&` that starts no reference. */
const NUMERIC_REF_OR_AMPERSAND = /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g;
const isNoCharacter = (cp: number): boolean => cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff);
const refersToNoCharacter = (text: string): boolean => text.includes('&#')
  && [...text.matchAll(NUMERIC_REF_OR_AMPERSAND)].some(([, dec, hex]) => (dec !== undefined || hex !== undefined)
    && isNoCharacter(hex !== undefined ? parseInt(hex, 16) : Number(dec)));
/**
 * marked decodes numeric character references in text, and one to no character (`&#0;`, a lone
 * surrogate, past U+10FFFF) to U+FFFD, which could not be told from a U+FFFD the desk wrote. Text
 * holding one is decoded here as marked does, that reference left as written, for renderBody to remove
 * and count; all other text takes marked's own rule (`false`).
 */
function inlineText(this: { rules: { inline: { text: RegExp } }; lexer: { state: { inRawBlock: boolean } } }, src: string) {
  if (!noCharacterPossible) return false;
  const cap = this.rules.inline.text.exec(src);
  if (cap === null || this.lexer.state.inRawBlock || !refersToNoCharacter(cap[0])) return false;
  const text = cap[0].replace(NUMERIC_REF_OR_AMPERSAND, (ref, dec: string | undefined, hex: string | undefined) => {
    if (dec === undefined && hex === undefined) return '&amp;';
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return isNoCharacter(cp) ? ref : cp === 38 ? '&amp;' : String.fromCodePoint(cp);
  });
  return { type: 'text' as const, raw: cap[0], text, escaped: false };
}

const markdown = new Marked({ gfm: true, async: false }, {
  // `false` runs marked's own rule; `undefined` is "no setext heading here".
  tokenizer: { lheading: () => (setextPossible ? false : undefined), inlineText },
});

/**
 * GFM footnotes (`a claim[^1]` … `[^1]: the source`), as GitHub renders them: a bracketed number where
 * the note is called and the notes in a list at the end, after a rule. (Without the extension marked read a note's
 * definition as a link's, and the call became a link to a page that does not exist.) The notes' links
 * to each other point inside a page a feed reader does not show: they are plain text here. Only for a
 * body that has a footnote, so the rest pay nothing for it.
 */
const withFootnotes = new Marked({ gfm: true, async: false }, {
  tokenizer: { lheading: () => (setextPossible ? false : undefined), inlineText },
}, markedFootnote({ description: 'Notes', refMarkers: true, headingClass: '', footnoteDivider: true }));

/** Markdown to HTML with marked (GFM), before sanitising. */
export function markdownHtml(text: string): string {
  return markdownOrText(text).html;
}

/**
 * How much work marked's inline rules would do on the runs of a body with no space in them. At every
 * `*`, `_`, `~`, `` ` `` or `!` in a run of the characters an e-mail address may start with, its text rule
 * (and GFM's autolink rule) scans the rest of the run for an `@`: a run of 100 KB of `_a` takes it 5 s,
 * quadratic in the run (bench/RESULTS.md, fifteenth pass). The sum of breaks × length over the runs;
 * a body shorter than √SLOW_RUNS characters cannot reach it and is not scanned.
 */
const SLOW_RUNS = 1e9;
const inEmailRun = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?_`{|}~-") inEmailRun[c.charCodeAt(0)] = 1;
for (const c of '*_~`!') inEmailRun[c.charCodeAt(0)] = 2;
function slowRuns(text: string): boolean {
  if (text.length * text.length < SLOW_RUNS) return false;
  let cost = 0;
  let start = 0;
  let breaks = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const kind = code < 128 ? inEmailRun[code] ?? 0 : 0;
    if (kind === 2) breaks += 1;
    else if (kind === 0) {
      cost += breaks * (i - start);
      if (cost >= SLOW_RUNS) return true;
      start = i + 1;
      breaks = 0;
    }
  }
  return false;
}

/**
 * Markdown to HTML, or the body as text, each paragraph escaped, rather than stopping or holding up the
 * build: `tooDeep` when marked could not render it (lists or quotes nested thousands deep, four
 * kilobytes of `- - - …`, exhaust its recursion), `tooSlow` when it would take seconds (slowRuns).
 */
function markdownOrText(text: string): { html: string; tooDeep?: true; tooSlow?: true } {
  if (slowRuns(text)) return { html: asText(text), tooSlow: true };
  setextPossible = UNDERLINE_END.test(text);
  noCharacterPossible = refersToNoCharacter(text);
  try {
    if (!text.includes('[^')) return { html: markdown.parse(text) as string };
    const html = (withFootnotes.parse(text) as string)
      .replace(/ ?<a href="#[^"]*" data-footnote-backref[^>]*>.*?<\/a>/g, '')
      .replace(/<a id="[^"]*" href="#[^"]*" data-footnote-ref[^>]*>([^<]*)<\/a>/g, '$1')
      // A rule above the notes, not a heading in English over a story in any language.
      .replace(/<h2 id="footnote-label"[^>]*>Notes<\/h2>\n?/g, '');
    return { html };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { html: asText(text), tooDeep: true };
  }
}

const asText = (text: string): string => text.split(/\n[^\S\n]*\n/).map((p) => p.trim()).filter((p) => p !== '')
  .map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr',
  'code', 'pre', 'kbd', 'a', 'img', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'span', 'div', 'time', 'section',
];
const ALLOWED_SET = new Set(ALLOWED_TAGS);
/** URL schemes kept in links (`tel:` for a tip line) and in images. */
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IMG_SCHEMES = ['http', 'https'];

export interface RenderedBody {
  html: string;
  /** What sanitising removed (`<script>`, `on… event handlers`, `javascript: URLs`), for a warning. */
  removed: string[];
  /** Characters XML forbids that character references in the body spelled out (`&#1;`), now removed. */
  forbidden: number;
  /** The Markdown nested too deep to render: the body is its text (see markdownOrText). */
  tooDeep?: boolean;
  /** The Markdown would take marked seconds to render (see slowRuns): the body is its text. */
  tooSlow?: boolean;
}

/** Renders and sanitises a body; URLs in it resolve against `baseUrl` (the article's URL). */
export function renderBody(body: Body, baseUrl: string): RenderedBody {
  const md = body.kind === 'markdown' ? markdownOrText(body.text) : undefined;
  const rendered = md?.html ?? body.text;
  // A character reference to no character XML can hold (`&#0;`, a lone surrogate, past U+10FFFF) would be
  // decoded to U+FFFD: removed, and counted with the forbidden characters.
  let noCharacter = 0;
  const raw = rendered.includes('&#') ? rendered.replace(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/g, (ref, hex: string | undefined, dec: string | undefined) => {
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (cp !== 0 && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff) return ref;
    noCharacter += 1;
    return '';
  }) : rendered;
  const tags = new Set<string>();
  for (const m of raw.matchAll(/<\s*([a-zA-Z][\w:-]*)/g)) {
    const tag = (m[1] ?? '').toLowerCase();
    if (!ALLOWED_SET.has(tag)) tags.add(tag);
  }
  const removed = [...tags].sort().map((t) => `<${t}>`);
  if (/<[^>]*\son[a-z]+\s*=/i.test(raw)) removed.push('on… event handlers');
  // Links and images of a scheme that is not kept (`javascript:`, `data:`, `ftp:`): the URL goes, and the desk is told.
  const schemes = new Set<string>();
  for (const m of raw.matchAll(/<\s*(a|img)\b[^>]*?\s(?:href|src)\s*=\s*["']?\s*([a-z][a-z0-9+.-]*):/gi)) {
    const scheme = (m[2] ?? '').toLowerCase();
    if (!(m[1]?.toLowerCase() === 'img' ? IMG_SCHEMES : LINK_SCHEMES).includes(scheme)) schemes.add(scheme);
  }
  for (const scheme of [...schemes].sort()) removed.push(`${scheme}: URLs`);
  const absolute = (url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    try {
      return rfc3986Href(new URL(url.trim(), baseUrl).href);
    } catch {
      return undefined;
    }
  };
  const html = sanitizeHtml(raw, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': ['lang', 'dir', 'title'],
      a: ['href', 'hreflang'],
      img: ['src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      ol: ['start'],
    },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: IMG_SCHEMES },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Removed with their content, not unwrapped: what they hold is not meant to be shown (a <template>'s
    // text became the summary).
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'href', absolute(attribs['href'])) }),
      img: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, 'src', absolute(attribs['src'])) }),
    },
    // What lost its URL (a scheme not kept, a URL that is none) is no image and no link: an image goes,
    // a link leaves its text.
    exclusiveFilter: (frame) =>
      frame.tag === 'img' && !frame.attribs['src'] ? true : frame.tag === 'a' && !frame.attribs['href'] ? 'excludeTag' : false,
  });
  // sanitize-html decodes character references, so `&#1;` would come out as a raw U+0001.
  const clean = stripForbidden(html.trim());
  return { html: clean.text, removed, forbidden: clean.removed + noCharacter, ...(md?.tooDeep === true ? { tooDeep: true } : {}),
    ...(md?.tooSlow === true ? { tooSlow: true } : {}) };
}

function withUrl(attribs: sanitizeHtml.Attributes, name: string, url: string | undefined): sanitizeHtml.Attributes {
  const out = { ...attribs };
  if (url === undefined) delete out[name];
  else out[name] = url;
  return out;
}

export interface Assembly {
  body: string;
  byline?: string;
  dateline?: string;
  image?: ImageField;
  creditLines: readonly string[];
}

/** The byline, the photo, then the body with the dateline leading its first paragraph, then the credit lines. */
export function assembleContent(a: Assembly): string {
  const parts: string[] = [];
  if (a.byline !== undefined) parts.push(`<p class="byline">${escapeHtml(a.byline)}</p>`);
  const photo = a.image === undefined ? '' : figure(a.image);
  if (photo !== '') parts.push(photo);
  let body = a.body;
  if (a.dateline !== undefined) {
    const lead = `<span class="dateline">${escapeHtml(a.dateline)}</span>`;
    // The dateline leads the story's first words: past paragraphs that hold only a photo.
    const at = datelineParagraph(body);
    body = at !== undefined ? `${body.slice(0, at)}<p>${lead} ${body.slice(at + 3)}` : `<p class="dateline">${lead}</p>${body === '' ? '' : `\n${body}`}`;
  }
  if (body !== '') parts.push(body);
  for (const line of a.creditLines) parts.push(`<p class="credit">${escapeHtml(line)}</p>`);
  return parts.join('\n');
}

/**
 * Where the paragraph the dateline leads starts: the body's first, or the first after paragraphs that hold
 * only images; undefined when the body does not open with paragraphs (a heading, a list).
 */
function datelineParagraph(body: string): number | undefined {
  let at = 0;
  while (body.startsWith('<p>', at)) {
    const end = body.indexOf('</p>', at);
    if (end < 0 || /[^\s]/.test(body.slice(at + 3, end).replace(/<img\b[^>]*>/gi, ''))) return at;
    at = end + 4;
    while (body[at] === '\n' || body[at] === ' ') at += 1;
  }
  return undefined;
}

function figure(image: ImageField): string {
  const alt = image.caption === undefined ? '' : ` alt="${escapeHtml(image.caption)}"`;
  const size = (image.width === undefined ? '' : ` width="${image.width}"`) + (image.height === undefined ? '' : ` height="${image.height}"`);
  const bits: string[] = [];
  if (image.caption !== undefined) bits.push(escapeHtml(image.caption));
  if (image.credit !== undefined) bits.push(`<span class="photo-credit">${escapeHtml(image.credit)}</span>`);
  const caption = bits.join(' ');
  // Copy can print a caption and credit for a photo the desk has no URL for: the credit is still shown.
  if (image.url === undefined) return caption === '' ? '' : `<p class="photo-caption">${caption}</p>`;
  return `<figure><img src="${escapeHtml(image.url)}"${alt}${size} />${caption === '' ? '' : `<figcaption>${caption}</figcaption>`}</figure>`;
}

/**
 * Plain text of the body's first paragraph that has any (not one that holds only a photo), cut at a word
 * boundary: the summary when none was written. A body with no paragraph of text (a list, a heading, a
 * table) gives its text as a whole.
 */
export function excerpt(html: string, max = EXCERPT_MAX): string | undefined {
  return paragraphExcerpt(html, max) ?? cutText(plainText(html.replace(BLOCK_END, ' ')), max);
}

/** The first paragraph with text, cut; undefined when no paragraph has any. */
function paragraphExcerpt(html: string, max: number): string | undefined {
  for (const m of html.matchAll(PARAGRAPH)) {
    const cut = cutText(plainText(m[1] ?? ''), max);
    if (cut !== undefined) return cut;
  }
  return undefined;
}

const PARAGRAPH = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g;
const BLOCK_END = /<\/(?:li|h[1-6]|td|th|dd|dt|pre|blockquote|div|tr|figcaption)>/g;
/** The text of some HTML: a line break is a space (`Line one<br>line two`), other tags are nothing. */
const plainText = (html: string): string => stripForbidden(decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))).text;

/** `text` with whitespace collapsed, cut to `max` code points at a word boundary (`…` marks a cut). */
function cutText(raw: string, max: number): string | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  // The end of the first `max` code points, in code units (a pair of surrogates is one code point);
  // without a surrogate among the first `max` code units, they are the first `max` code points.
  let end = HIGH_SURROGATE.test(text.slice(0, max)) ? 0 : Math.min(max, text.length);
  for (let n = end; n < max && end < text.length; n++) {
    const c = text.charCodeAt(end);
    end += c >= 0xd800 && c <= 0xdbff && end + 1 < text.length && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  if (end >= text.length) return text;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut.slice(0, graphemeStart(text, end))).replace(/[\s,;:.—–-]+$/, '')}…`;
}

let graphemes: Intl.Segmenter | undefined;

/** The start of the grapheme that `end` falls in: a cut there splits no flag, emoji sequence or accented letter. */
function graphemeStart(text: string, end: number): number {
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const from = Math.max(0, end - 64);
  let at = end;
  for (const g of graphemes.segment(text.slice(from, end + 64))) {
    if (from + g.index > end) break;
    at = from + g.index;
  }
  return at;
}

const EXCERPT_MAX = 300;
const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Characters and sequences with a meaning in marked's inline syntax, or that it escapes (`<`, `&`), or a hard break. */
const INLINE_SYNTAX = /[\\`*_~[\]!<>&|]| {2}\n/;

/**
 * Inline links with plain text and a plain destination, `[text](https://…)`, after a space, a line break
 * or at the start: marked makes each an `<a>` around exactly that text.
 */
const SIMPLE_LINK = /(^|[ \t\n])\[([^[\]\\`*_~<>&!|\n]+)\]\(([^\s()<>\\"'`]+)\)/g;
/**
 * `**strong**` and `*emphasis*` around text that starts and ends with a letter or digit and holds no
 * `*`, opening after a space, a line break or at the start, and closing before one, the end or
 * `.,;:?)`. Such delimiters flank their text whatever counts as whitespace or punctuation around them,
 * so marked pairs them as written.
 */
const SIMPLE_STRONG = /(^|[ \t\n])\*\*([\p{L}\p{N}](?:[^*\n]*?[\p{L}\p{N}])?)\*\*(?=$|[ \t\n.,;:?)])/gu;
const SIMPLE_EMPHASIS = /(^|[ \t\n])\*([\p{L}\p{N}](?:[^*\n]*?[\p{L}\p{N}])?)\*(?=$|[ \t\n.,;:?)])/gu;

/**
 * The text marked gives the paragraph block `block` (as `leadParagraph` returns it), when it can be told
 * without marked: no line after the first could open another block (each must be one PLAIN_START allows,
 * and not an ordered item), and once the simple links and emphasis above are replaced by their text, no
 * inline syntax is left. Autolinked URLs and addresses keep their text, and the quotes marked escapes
 * decode back, so the excerpt is this text's. Otherwise `undefined`.
 */
function paragraphText(lines: string): string | undefined {
  // The block ends with the newline before the empty line that closed it (if any): not a line of its own.
  const block = lines.endsWith('\n') ? lines.slice(0, -1) : lines;
  for (let pos = block.indexOf('\n'); pos !== -1; pos = block.indexOf('\n', pos + 1)) {
    const nl = block.indexOf('\n', pos + 1);
    const line = block.slice(pos + 1, nl === -1 ? block.length : nl);
    if (!PLAIN_START.test(line) || ORDERED_ITEM.test(line)) return undefined;
  }
  let text = block;
  if (text.includes('[')) text = text.replace(SIMPLE_LINK, '$1$2');
  if (text.includes('*')) text = text.replace(SIMPLE_STRONG, '$1$2').replace(SIMPLE_EMPHASIS, '$1$2');
  return INLINE_SYNTAX.test(text) ? undefined : text;
}

/** Base URL for `summaryOf`'s full path: URLs never reach an excerpt's text, so any base gives the same text. */
const SUMMARY_BASE = 'https://example.invalid/';

/** How many `summaryOf` calls took each path (`withoutMarked`: fast ones that did not call marked); tests read it to prove the fast paths are taken. */
export const summaryPaths = { fast: 0, full: 0, withoutMarked: 0 };

/**
 * The summary an article without one gets: exactly `excerpt(renderBody(body, url).html)` for every body, but
 * for an ordinary Markdown body only the opening paragraph is rendered and nothing is sanitised (see
 * `leadParagraph` for why that gives the same text). Anything doubtful takes the full path.
 */
export function summaryOf(body: Body): string | undefined {
  const block = body.kind === 'markdown' ? leadParagraph(body.text) : undefined;
  const plain = block === undefined ? undefined : paragraphText(block);
  // (A lead paragraph of only spaces, "[\t](…)", has no text: the summary is a later paragraph's.)
  const cut = plain === undefined ? undefined : cutText(plain, EXCERPT_MAX);
  if (cut !== undefined) {
    summaryPaths.fast += 1;
    summaryPaths.withoutMarked += 1;
    return cut;
  }
  if (block !== undefined) {
    const html = markdownHtml(block);
    // A setext heading or a table makes the block something other than a paragraph: the first <p> is later.
    // (Only a paragraph with text: the lead block alone cannot say that no later one has any.)
    const text = html.startsWith('<p>') ? paragraphExcerpt(html, EXCERPT_MAX) : undefined;
    if (text !== undefined) {
      summaryPaths.fast += 1;
      return text;
    }
  }
  summaryPaths.full += 1;
  return excerpt(renderBody(body, SUMMARY_BASE).html);
}

/** A first line that can only open a paragraph: letters, digits (not `1.`/`1)`), quotes, `(`, `[`, `!`, `$`, emphasis. */
const PLAIN_START = /^ {0,3}(?:[\p{L}\p{N}"'“‘„«‹¿¡([!$€£¥]|[*_]+[^\s*_])/u;
const ORDERED_ITEM = /^ {0,3}\d{1,9}[.)]/;
/** What marked leaves unescaped (`&copy;`, `&#1;`, `&x;`): entities sanitize-html and `excerpt` may decode differently. */
const ENTITY_LIKE = /&(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);/;

/** A bullet list item's start: a marker and a space, at the margin. */
const BULLET = /^[-*+] /;

/**
 * Where the first paragraph starts when the body opens with a tight bullet list of one-line items (one
 * marker, each item's text starting as PLAIN_START allows, no `<` or forbidden characters), then an empty
 * line, then a line at the margin that can only open a paragraph: such a list renders no <p>, so the
 * excerpt is that paragraph's. Otherwise `undefined`.
 */
function afterLeadList(src: string, start: number): number | undefined {
  const marker = src.slice(start, start + 2);
  let pos = start;
  for (;;) {
    const nl = src.indexOf('\n', pos);
    if (nl === -1) return undefined;
    const line = src.slice(pos, nl);
    if (line === '') break;
    if (!line.startsWith(marker) || !PLAIN_START.test(line.slice(2)) || ORDERED_ITEM.test(line.slice(2))) return undefined;
    pos = nl + 1;
  }
  const list = src.slice(start, pos);
  if (list.includes('<') || mayHoldForbidden(list)) return undefined;
  while (src.charCodeAt(pos) === 0x0a) pos++;
  return pos < src.length && /^[^\s]/.test(src.slice(pos, pos + 1)) ? pos : undefined;
}

/**
 * The Markdown body's first block, when rendering it alone and skipping sanitize-html cannot change the
 * first paragraph's text; otherwise `undefined`.
 *
 * Why it is exact. marked turns `\r\n`/`\r` into `\n`, skips lines of spaces/tabs, and then every block
 * rule it tries at the first line (indented code, fences, ATX heading, rule, quote, list, HTML, definition)
 * is ruled out by PLAIN_START; what is left (table, setext heading, paragraph) ends at the first empty or
 * spaces-only line, so tokenising the block alone gives the same first token, and a first token that is
 * not a paragraph shows as rendered HTML that does not start with `<p>`. The block may not contain other
 * whitespace-only lines (marked's paragraph runs on through a tab-only line while its setext rule stops
 * there). Inline rendering depends on the rest of the body only through link reference definitions, which
 * always contain `]:`. Without `<`, marked's paragraph HTML holds only p/em/strong/code/del/a/img/br, all
 * kept by sanitize-html with their text; without entity-like `&…;` and forbidden characters the text
 * decodes to the same characters whether or not it went through sanitize-html and `stripForbidden`.
 */
function leadParagraph(text: string): string | undefined {
  const src = text.includes('\r') ? text.replace(/\r\n|\r/g, '\n') : text;
  let start = /^(?:[ \t]*(?:\n|$))*/.exec(src)?.[0].length ?? 0;
  if (start >= src.length) return undefined;
  if (BULLET.test(src.slice(start, start + 2))) {
    start = afterLeadList(src, start) ?? -1;
    if (start < 0) return undefined;
  }
  if (src.startsWith('> ', start)) {
    const inner = leadQuote(src, start);
    return inner === undefined ? undefined : paragraphAt(inner, 0, src);
  }
  return paragraphAt(src, start, src);
}

/**
 * The text of a quote that opens the body, when each line of its first block starts with `> ` (without
 * the markers): its first paragraph is the body's first <p>. Otherwise `undefined`.
 */
function leadQuote(src: string, start: number): string | undefined {
  const lines: string[] = [];
  for (let pos = start; pos < src.length; ) {
    const nl = src.indexOf('\n', pos);
    const line = nl === -1 ? src.slice(pos) : src.slice(pos, nl);
    if (line === '') break;
    // marked takes a quote's markers off with a multiline `^`, which also starts a line after U+2028/U+2029.
    if (!line.startsWith('> ') || /[\u2028\u2029]/.test(line)) return undefined;
    lines.push(line.slice(2));
    if (nl === -1) break;
    pos = nl + 1;
  }
  return lines.join('\n');
}

/** The paragraph block starting at `start` of `src`, as leadParagraph checks it; `whole` is the body (for link definitions). */
function paragraphAt(src: string, start: number, whole: string): string | undefined {
  const first = src.slice(start, src.indexOf('\n', start) === -1 ? src.length : src.indexOf('\n', start));
  if (!PLAIN_START.test(first) || ORDERED_ITEM.test(first)) return undefined;
  let end = src.length;
  for (let pos = start; pos < src.length; ) {
    const nl = src.indexOf('\n', pos);
    const line = nl === -1 ? src.slice(pos) : src.slice(pos, nl);
    if (line === '' || (nl !== -1 && /^ +$/.test(line))) {
      end = pos;
      break;
    }
    if (/^\s*$/.test(line)) return undefined;
    if (nl === -1) break;
    pos = nl + 1;
  }
  const block = src.slice(start, end);
  if (block.includes('<') || ENTITY_LIKE.test(block) || mayHoldForbidden(block)) return undefined;
  if (block.includes('[') && whole.includes(']:')) return undefined;
  return block;
}
