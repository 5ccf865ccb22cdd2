/**
 * Markdown to HTML with marked (GFM), before sanitising: what Dateline changes in marked (a setext rule
 * skipped where no line could underline a heading, references to no character kept for the sanitiser to
 * count, footnotes), and bodies marked cannot render, or not in good time, shown as text.
 */
import type * as MarkedLib from 'marked';
import { escapeHtml } from './_text.js';
import { lazyRequire } from './_lazy.js';
import { markdownTooDeep, tableWork, TABLE_CELLS, TABLE_PADDING } from './_bounds.js';

/** Why a body would take marked seconds (slowRuns). */
export type SlowBody = 'runs' | 'links' | 'footnotes';
/** Why a body's tables are too large: rows padded with empty cells, or cells in all. */
export type LargeTables = 'padding' | 'cells';

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
function inlineTextOwn(this: { rules: { inline: { text: RegExp } }; lexer: { state: { inRawBlock: boolean } } }, src: string) {
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

/** Errors thrown by Dateline's own code inside marked (the override above): faults of ours, not a body marked cannot read. */
const ownFaults = new WeakSet<object>();
function inlineText(this: ThisParameterType<typeof inlineTextOwn>, src: string): ReturnType<typeof inlineTextOwn> {
  try {
    return inlineTextOwn.call(this, src);
  } catch (e) {
    if (typeof e === 'object' && e !== null) ownFaults.add(e);
    throw e;
  }
}

// `false` runs marked's own rule; `undefined` is "no setext heading here".
const lheading = (): false | undefined => (setextPossible ? false : undefined);

/**
 * The three renderers, made when a body is first rendered: a build that renders none (most builds after
 * an edit, whose items come from the cache) does not load marked or build its rules (_lazy.ts).
 * - `markdown`, and `markdownKeepingRefs` for a body that refers to no character (marked calls an
 *   override for every piece of text, 6% of rendering).
 * - `withFootnotes`: GFM footnotes (`a claim[^1]` … `[^1]: the source`), as GitHub renders them: a
 *   bracketed number where the note is called and the notes in a list at the end, after a rule. (Without
 *   the extension marked read a note's definition as a link's, and the call became a link to a page that
 *   does not exist.) The notes' links to each other point inside a page a feed reader does not show: they
 *   are plain text here. Only for a body that has a footnote, so the rest pay nothing for it.
 */
let renderers: { markdown: MarkedLib.Marked; markdownKeepingRefs: MarkedLib.Marked; withFootnotes: MarkedLib.Marked } | undefined;
function marked(): NonNullable<typeof renderers> {
  if (renderers !== undefined) return renderers;
  const { Marked } = lazyRequire.marked();
  const markedFootnote = lazyRequire.markedFootnote();
  return (renderers = {
    markdown: new Marked({ gfm: true, async: false }, { tokenizer: { lheading } }),
    markdownKeepingRefs: new Marked({ gfm: true, async: false }, { tokenizer: { lheading, inlineText } }),
    withFootnotes: new Marked({ gfm: true, async: false }, {
      tokenizer: { lheading, inlineText },
    }, markedFootnote({ description: 'Notes', refMarkers: true, headingClass: '', footnoteDivider: true })),
  });
}

/** Markdown to HTML with marked (GFM), before sanitising. */
export function markdownHtml(text: string): string {
  return markdownOrText(text).html;
}

/**
 * Whether marked's inline rules, or its footnote extension, would take seconds on a body, and why; work
 * quadratic in a run of text or a paragraph, each kind counted with the engine's own searches:
 * - `runs`: at every `*`, `_`, `~`, `` ` `` or `!` in a run of the characters an e-mail address may start
 *   with, its text rule (and GFM's autolink rule) scans the rest of the run for an `@`: a run of 100 KB of
 *   `_a` takes it 5 s (bench/RESULTS.md, fifteenth pass). The sum of breaks × length over the runs. And
 *   emphasis: marked pairs the `*` and `_` of a whole paragraph, so runs of them between spaces cost the
 *   paragraph's square (review: 942 KB of `_a` runs between spaces, 47 s): the sum of `*` and `_` × length
 *   over the paragraphs.
 * - `links`: links back to back with no ASCII white space between (`[a](b)[a](b)…`): at each, the link
 *   rule takes the URL to the end of the run, then cuts it back (900 KB: 27 s, review). The sum of `](` ×
 *   length over the runs.
 * - `footnotes`: at every `[^` the footnote extension reads to the next `]` or line end (`[^` × 75,000:
 *   18 s), and it looks each call's label up among all the notes (16,000 notes and calls: 3.9 s): the sum
 *   of those distances, and the number of marks.
 * Each has its bound, about a second of marked's time, and the shares add up (review: a body just under
 * each of them took 3.3 s). A body shorter than √SLOW_RUNS characters cannot reach them and is not scanned.
 */
const SLOW_RUNS = 4e8;
/** `*` and `_` × their paragraph's length: 196 KB of `_a` runs between spaces (1.9e10) took 1.4 s. */
const SLOW_EMPHASIS = 1e10;
/** `links` is cheaper a character: 40,000 links back to back (240 KB, 9.6e9) take 1.8 s. */
const SLOW_LINKS = 5e9;
/** The footnote extension's reads to the next `]`: 20,000 marks on a line of 40 KB (4e8) take 0.45 s. */
const SLOW_NOTE_READS = 1e9;
/** Footnote marks (`[^`, calls and notes) past which their lookups add up to a second or more: 10,000 notes and calls take 1.2–2.4 s. */
const FOOTNOTE_MARKS = 10_000;
/** A run of the characters an e-mail address may start with; the breaks in it (see `runs`). */
const EMAIL_RUN = /[A-Za-z0-9.!#$%&'*+/=?_`{|}~-]{100,}/g;
const RUN_BREAKS = /[*_~`!]/g;
function slowRuns(text: string): SlowBody | undefined {
  if (text.length * text.length < SLOW_RUNS) return undefined;
  let runs = 0;
  for (const [run] of text.matchAll(EMAIL_RUN)) {
    runs += (run.length - run.replace(RUN_BREAKS, '').length) * run.length;
    if (runs >= SLOW_RUNS) return 'runs';
  }
  let emphasis = 0;
  if (text.includes('*') || text.includes('_')) {
    // (Blank lines as marked reads them, CRLF and CR too: a long story written on Windows is many paragraphs.)
    for (const paragraph of text.split(/(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/)) {
      if (paragraph.length < 1000) continue;
      emphasis += (paragraph.length - paragraph.replace(/[*_]/g, '').length) * paragraph.length;
      if (emphasis >= SLOW_EMPHASIS) return 'runs';
    }
  }
  let links = 0;
  if (text.includes('](')) {
    for (const [run] of text.matchAll(/[^ \t\n\v\f\r]{1000,}/g)) {
      let count = 0;
      for (let at = run.indexOf(']('); at >= 0; at = run.indexOf('](', at + 2)) count += 1;
      links += count * run.length;
      if (links >= SLOW_LINKS) return 'links';
    }
  }
  let reads = 0;
  let marks = 0;
  if (text.includes('[^')) {
    let stop = -1;
    for (let at = text.indexOf('[^'); at >= 0; at = text.indexOf('[^', at + 2)) {
      marks += 1;
      if (stop < at) {
        const close = text.indexOf(']', at);
        const end = text.indexOf('\n', at);
        stop = Math.min(close < 0 ? text.length : close, end < 0 ? text.length : end);
      }
      reads += stop - at;
      if (reads >= SLOW_NOTE_READS) return 'footnotes';
    }
    if (marks > FOOTNOTE_MARKS) return 'footnotes';
  }
  // Each under its bound: their shares together.
  const shares: [SlowBody, number][] = [['runs', runs / SLOW_RUNS + emphasis / SLOW_EMPHASIS], ['links', links / SLOW_LINKS], ['footnotes', reads / SLOW_NOTE_READS + marks / FOOTNOTE_MARKS]];
  if (shares.reduce((sum, [, share]) => sum + share, 0) < 1) return undefined;
  return shares.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/**
 * Markdown to HTML, or the body as text, each paragraph escaped, rather than stopping or holding up the
 * build: `tooDeep` when marked could not render it, or not in good time (lists or quotes nested more than
 * a hundred deep: _bounds.ts; thousands exhaust its recursion), `tooSlow` when it would take seconds
 * (slowRuns), `tableTooLarge` when its tables would pad rows with more empty cells than TABLE_PADDING, or
 * have more than TABLE_CELLS cells,
 * `failed` (marked's message) when marked throws on it.
 */
export function markdownOrText(text: string): { html: string; tooDeep?: true; tooSlow?: SlowBody; tableTooLarge?: LargeTables; failed?: string } {
  const slow = slowRuns(text);
  if (slow !== undefined) return { html: asText(text), tooSlow: slow };
  if (markdownTooDeep(text)) return { html: asText(text), tooDeep: true };
  const tables = tableWork(text);
  if (tables.padding > TABLE_PADDING || tables.cells > TABLE_CELLS) return { html: asText(text), tableTooLarge: tables.padding > TABLE_PADDING ? 'padding' : 'cells' };
  setextPossible = UNDERLINE_END.test(text);
  noCharacterPossible = refersToNoCharacter(text);
  try {
    const { markdown, markdownKeepingRefs, withFootnotes } = marked();
    if (!text.includes('[^')) return { html: (noCharacterPossible ? markdownKeepingRefs : markdown).parse(text) as string };
    const html = (withFootnotes.parse(text) as string)
      .replace(/ ?<a href="#[^"]*" data-footnote-backref[^>]*>.*?<\/a>/g, '')
      .replace(/<a id="[^"]*" href="#[^"]*" data-footnote-ref[^>]*>([^<]*)<\/a>/g, '$1')
      // A rule above the notes, not a heading in English over a story in any language.
      .replace(/<h2 id="footnote-label"[^>]*>Notes<\/h2>\n?/g, '');
    return { html };
  } catch (e) {
    // marked-footnote keeps a body's state in its renderer, and a body marked stopped on midway left it set:
    // every later body with a footnote then failed (review). Made again for the next body.
    if (renderers !== undefined && text.includes('[^')) renderers = undefined;
    if (e instanceof RangeError) return { html: asText(text), tooDeep: true };
    // (A fault of Dateline's own override is an internal error, as any other: review.)
    if (typeof e === 'object' && e !== null && ownFaults.has(e)) throw e;
    // marked has faults of its own: `- x\n  >-\n      7` throws a TypeError in its quote rule (18.2.1; a
    // property test found it). One body it cannot read is shown as its text, not an end to the build.
    return { html: asText(text), failed: String(e instanceof Error ? e.message : e).split('\n')[0] as string };
  }
}

/** The body as text, each paragraph escaped: what a body that cannot be rendered shows. */
export const asText = (text: string): string => text.split(/\n[^\S\n]*\n/).map((p) => p.trim()).filter((p) => p !== '')
  .map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

/**
 * `text` with what Markdown shows as text blanked, line breaks kept: fenced and indented code, code spans,
 * HTML comments and an escaped `<` (`\<`, not `\\<`). For finding the line of markup sanitising removed
 * (model.ts): a `<script>` in a code span is shown, not removed. Linear in the text: a line at a time
 * for code blocks, and code spans paired by their backtick runs' lengths (a regular expression looking
 * for each run's closer took seconds on a hostile body: review).
 */
export function shownAsText(text: string): string {
  const out = text.split('\n');
  let fence: { char: string; length: number } | undefined;
  let paragraph = false;
  for (let i = 0; i < out.length; i++) {
    const line = out[i] as string;
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (opener !== null && opener[1]?.[0] === fence.char && (opener[1]?.length ?? 0) >= fence.length && /^ {0,3}(?:`+|~+)\s*$/.test(line)) fence = undefined;
      out[i] = blankLine(line);
    } else if (opener !== null && !(opener[1]?.[0] === '`' && line.slice(opener[0].length).includes('`'))) {
      fence = { char: opener[1]?.[0] ?? '`', length: opener[1]?.length ?? 3 };
      out[i] = blankLine(line);
    } else if (!paragraph && /^(?: {4}|\t)/.test(line) && line.trim() !== '') out[i] = blankLine(line);
    // (A heading ends its line: an indented line after it is code, as after a blank line.)
    paragraph = fence === undefined && out[i]?.trim() !== '' && !/^ {0,3}#{1,6}(?:\s|$)/.test(line);
  }
  // Code spans pair within a paragraph (a stray backtick in one does not pair with one paragraphs later: review).
  return out.join('\n').split(/(\n[ \t]*\n)/).map((part, k) => (k % 2 === 1 ? part : codeSpansBlanked(part))).join('').replace(/<!--(?:-?>|[^]*?(?:-->|$))/g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(?<!\\)((?:\\\\)*)\\</g, (_m, even: string) => `${even}  `);
}

const blankLine = (line: string): string => ' '.repeat(line.length);

/** Code spans blanked: a run of n backticks pairs with the next run of exactly n (CommonMark), found in one pass. */
function codeSpansBlanked(text: string): string {
  if (!text.includes('`')) return text;
  /** `opens`: not after an odd number of backslashes (an escaped backtick opens no span; inside one, where escapes do not apply, it closes it: review). */
  const runs: { at: number; length: number; opens: boolean }[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '`') {
      i += 1;
      continue;
    }
    let j = i;
    while (text[j] === '`') j += 1;
    let slashes = 0;
    while (text[i - 1 - slashes] === '\\') slashes += 1;
    runs.push({ at: i, length: j - i, opens: slashes % 2 === 0 });
    i = j;
  }
  // For each run, the index of the next run of the same length (built from the end: linear).
  const next = new Array<number>(runs.length).fill(-1);
  const lastOf = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const r = runs[k] as { at: number; length: number; opens: boolean };
    next[k] = lastOf.get(r.length) ?? -1;
    lastOf.set(r.length, k);
  }
  const chars = text.split('');
  for (let k = 0; k < runs.length; ) {
    const closer = next[k] ?? -1;
    if (closer < 0 || runs[k]?.opens !== true) {
      k += 1;
      continue;
    }
    const from = (runs[k] as { at: number }).at;
    const to = (runs[closer] as { at: number; length: number }).at + (runs[closer] as { length: number }).length;
    for (let c = from; c < to; c++) if (chars[c] !== '\n') chars[c] = ' ';
    k = closer + 1;
  }
  return chars.join('');
}
