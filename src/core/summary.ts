/**
 * Summaries: the excerpt of a rendered body (its first paragraph with text, cut at a word boundary), and
 * `summaryOf`, the same text for feeds that carry no content, mostly found without rendering the body.
 */
import { decodeHTML } from 'entities';
import type { Body } from '../types.js';
import { markdownHtml } from './_markdown.js';
import { closeBidi, mayHoldForbidden, stripForbidden } from './_text.js';
import { isLeadingNote, renderBody, wordsStart } from './content.js';

/**
 * Plain text of the body's first paragraph that has any (not one that holds only a photo), cut at a word
 * boundary: the summary when none was written. A body with no paragraph of text (a list, a heading, a
 * table) gives its text as a whole.
 */
export function excerpt(html: string, max = EXCERPT_MAX): string | undefined {
  // (Each block's direction controls are closed where it ends, as its end closes them in the content.)
  return paragraphExcerpt(html, max) ?? cutText(html.split(BLOCK_END).map((block) => closeBidi(plainText(block)).text).join(' '), max);
}

/** The first paragraph with text, cut; undefined when no paragraph has any. */
function paragraphExcerpt(html: string, max: number): string | undefined {
  let afterPhoto = false;
  let previousEnd = 0;
  let note: string | undefined;
  // (A figure is a photo whatever its caption holds, a paragraph included: passed over whole, as the dateline passes it.)
  const body = html.includes('<figure') ? withoutFigures(html) : html;
  for (const m of body.matchAll(PARAGRAPH)) {
    // (A photo and its caption in italics is passed over, as the dateline passes over it: review. What is
    // between two paragraphs decides whether the second follows a photo: photos alone do; a heading, list,
    // quote or loose text does not.)
    const between = body.slice(previousEnd, m.index);
    const rest = between.replace(PHOTO_HTML, '');
    // A note followed by anything but a paragraph (past photos) is the summary, as the dateline then leads it.
    if (note !== undefined && /\S/.test(rest)) return note;
    if (/\S/.test(rest)) afterPhoto = false;
    else if (rest.length < between.length && /<img\b/i.test(between)) afterPhoto = true;
    previousEnd = m.index + m[0].length;
    const inner = m[1] ?? '';
    const words = wordsStart(inner, afterPhoto);
    afterPhoto = words === undefined && /<img\b/i.test(inner) && !/<em>/i.test(inner);
    if (words === undefined) continue;
    const cut = cutText(plainText(inner.slice(words)), max);
    // A note before the story (`Editor's note: …`) is passed over, as the dateline passes it, when a
    // paragraph of words follows it.
    if (cut !== undefined && isLeadingNote(inner.slice(words))) note ??= cut;
    else if (cut !== undefined) return cut;
  }
  return note;
}

const PARAGRAPH = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g;
/** Photos between paragraphs: images, alone or in a link. */
const PHOTO_HTML = /<img\b[^<>]*>|<a\b[^<>]*>\s*(?=<img\b)|(?<=<img\b[^<>]*>\s*)<\/a>/gi;

/** `html` with each figure (to its first `</figure>`) as a photo marker; found with indexOf, linear on unclosed ones. */
function withoutFigures(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = html.indexOf('<figure', at);
    const end = start < 0 ? -1 : html.indexOf('</figure>', start);
    if (end < 0) return out + html.slice(at);
    out += `${html.slice(at, start)}<img>`;
    at = end + '</figure>'.length;
  }
}
const BLOCK_END = /<\/(?:li|h[1-6]|td|th|dd|dt|pre|blockquote|div|tr|figcaption)>/g;
/**
 * The text of some HTML: a line break is a space (`Line one<br>line two`), other tags are nothing, and a
 * footnote's mark (`<sup>[1]</sup>`, _markdown.ts) goes with its tags: a summary has no notes to point at.
 */
const plainText = (html: string): string =>
  stripForbidden(decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<sup>\[\d+\]<\/sup>/g, '').replace(/<[^>]*>/g, ''))).text;

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
  // A direction control the paragraph opens is closed in the excerpt, as it is in a written summary
  // (validate.ts): the paragraph's end closed it in the content, and a cut may fall before its closer.
  if (end >= text.length) return closeBidi(text).text;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return `${closeBidi((space > max * 0.6 ? cut.slice(0, space) : cut.slice(0, wordStart(text, end, max * 0.6) ?? graphemeStart(text, end))).replace(/[\s,;:.—–-]+$/, '')).text}…`;
}

let words: Intl.Segmenter | undefined;

/**
 * The start of the word that `end` falls in, for text without spaces where it is cut: Chinese, Japanese and
 * Thai words come from ICU's dictionaries (`中国` is not cut into `中…`). Undefined when that is not after
 * `floor` (one long word, such as a URL): the cut is then at a grapheme.
 */
function wordStart(text: string, end: number, floor: number): number | undefined {
  words ??= new Intl.Segmenter('und', { granularity: 'word' });
  const from = Math.max(0, end - 64);
  let at: number | undefined;
  for (const w of words.segment(text.slice(from, end + 64))) {
    if (from + w.index > end) break;
    at = from + w.index;
  }
  // (The slice's own start is a boundary only where the text's is.)
  return at !== undefined && at > floor && (at > from || from === 0) ? at : undefined;
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
  // (A note before the story, whose summary is a later paragraph's: the full path.)
  const note = plain !== undefined && isLeadingNote(plain);
  const cut = plain === undefined || note ? undefined : cutText(plain, EXCERPT_MAX);
  if (cut !== undefined) {
    summaryPaths.fast += 1;
    summaryPaths.withoutMarked += 1;
    return cut;
  }
  if (block !== undefined && !note) {
    const html = markdownHtml(block);
    // A setext heading or a table makes the block something other than a paragraph: the first <p> is later.
    // (Only a paragraph with text: the lead block alone cannot say that no later one has any.)
    // (Not with an image that sanitising would drop, a URL of another scheme or none, or one a lazy loader's
    // attributes may replace: whether it stays decides what a caption is: review.)
    const text = html.startsWith('<p>') && (!html.includes('<em>') || imagesKept(html)) ? paragraphExcerpt(html, EXCERPT_MAX) : undefined;
    // (The lead block alone cannot say whether a note in it is followed by words: the full path.)
    if (text !== undefined && !isLeadingNote(text)) {
      summaryPaths.fast += 1;
      return text;
    }
  }
  summaryPaths.full += 1;
  return excerpt(renderBody(body, SUMMARY_BASE).html);
}

/** Whether sanitising keeps every image of `html` as it is: an http(s) or relative `src`, no srcset or lazy loader's URL. */
function imagesKept(html: string): boolean {
  if (!html.includes('<img')) return true;
  for (const m of html.matchAll(/<img\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    if (/\s(?:srcset|data-src|data-lazy-src|data-original)\s*=/i.test(attrs)) return false;
    const src = /\ssrc\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    if (src === undefined || src.trim() === '') return false;
    try {
      if (!/^https?:$/.test(new URL(decodeHTML(src).trim(), SUMMARY_BASE).protocol)) return false;
    } catch {
      return false;
    }
  }
  return true;
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
