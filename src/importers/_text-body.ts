/**
 * A page's story as the text importer reads it after the stamp: its lines made blocks (a paragraph per line,
 * or per run of hard-wrapped lines), where a second story starts, and the lines that close a story and
 * are not its paragraphs (a wire's version note, a syndicating site's notice, an author's biography).
 */
import { parseContributorLine } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { endsSentence, endsStory, isListHeading, isRelated, type Line, type PageBlock, withoutClosers } from './_page.js';
import { endsWithMark, MARK_ALONE, withoutEndMark } from './_end-mark.js';
import { leadOf } from './_lead.js';
import { q } from './_text-problems.js';
/**
 * The points of a summary box at block `at` (Reuters' `Summary`, `Key points`, `Highlights`, `In brief`, `At a
 * glance`): up to six short lines under the heading, with the dateline's paragraph right after them; undefined
 * otherwise (a heading of the story's own, with its paragraphs).
 */
export function summaryBox(blocks: readonly PageBlock[], at: number): PageBlock[] | undefined {
  if (!/^(?:summary|key points|highlights|in brief|at a glance)\s*:?$/i.test(blocks[at]?.text ?? '')) return undefined;
  const points: PageBlock[] = [];
  for (let k = at + 1; k < blocks.length && k <= at + 6; k++) {
    const b = blocks[k] as PageBlock;
    if (points.length > 0 && leadOf(b) !== undefined) return points;
    if (b.kind !== 'text' || b.text.length > 200 || leadOf(b) !== undefined) return undefined;
    points.push(b);
  }
  return undefined;
}

/**
 * Where a second story starts among a story's blocks (two pages pasted into one file), by its headline: the
 * site's breadcrumb, or the first story's end mark, then a headline, a stamp and the story's first paragraph.
 */
export function secondStory(blocks: readonly PageBlock[], afterEndMark: ReadonlySet<PageBlock>): PageBlock | undefined {
  for (let k = 0; k + 1 < blocks.length; k++) {
    const b = blocks[k] as PageBlock;
    // (Only after the site's breadcrumb: a live page's entries and a list of related stories print a
    // headline, a stamp and a dateline each, and are the story's. Review.)
    // And the story's first paragraph after the stamp, a sentence or a dateline: a breadcrumb printed again
    // under the story, or a footer's, before a list of related headlines and their stamps, is the story's.
    // (Within the three lines after the stamp, as a byline or a photo line may come first; a sentence of
    // Chinese is short. Review.)
    // Or after the end mark of a wire story (`Enditem`, `（完）`, closing a paragraph or on a line of its
    // own, `afterEndMark`): Xinhua's pages print no breadcrumb, and a second story pasted after the first
    // was its body, under its headline (QA).
    // (There, only before a wire story's dateline lead: an editor's note or a correction after the mark, with
    // a stamp, is the story's. Review.)
    const crumb = b.kind === 'breadcrumb';
    const h = crumb || (b.kind === 'text' && withoutEndMark(b.text) !== undefined) ? k + 1 : afterEndMark.has(b) ? k : -1;
    if (h < 0) continue;
    const headline = blocks[h];
    const stamp = blocks[h + 1];
    const story = blocks.slice(h + 2, h + 5).some((p) => p.kind === 'text' && (leadOf(p) !== undefined || (crumb && endsSentence(p.text) && (p.text.length >= 30 || CJK.test(p.text)))));
    if (headline?.kind === 'text' && stamp?.kind === 'stamp' && story && headline.text.length <= 200 && !endsSentence(headline.text)) return headline;
  }
  return undefined;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}，。！？；：、（）「」『』]/u;

/** Hard-wrapped lines of one paragraph, joined: a space between words, nothing between CJK characters. */
export function joinLines(lines: readonly string[]): string {
  // (Parts joined once, the last character kept aside: `acc.slice(-1)` on a string built by `+` flattened it
  // at every line, and a page of 100,000 one-letter lines took 30 s: QA.)
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    if (last === '') parts.length = 0;
    else if (!(CJK.test(last) && CJK.test(line.charAt(0)))) parts.push(' ');
    parts.push(line);
    last = line === '' ? (last === '' ? '' : ' ') : line.slice(-1);
  }
  return parts.join('');
}

/** Ends a sentence: the last character, after closing quotes and brackets, is a full stop, question or exclamation mark. */
/** Ends with any punctuation (a comma or dash runs on): what a subheading never does. */
const endsPunctuated = (s: string): boolean => /[.!?…:;,。！？；：，、—–-]$/u.test(withoutClosers(s));

/**
 * A subheading: one short line inside the body that starts with a word (or a quoted one) and has no final
 * punctuation ("'No guarantees'"), nor an end mark (`第一集：开端。（完）`, `……了了。（完）”`). The lead and the
 * last paragraph never are.
 */
export function isSubheading(b: PageBlock): boolean {
  const t = b.text;
  return (
    !b.joined && [...t].length <= 70 && t.split(/\s+/).length <= 10 && /^["'“‘«(「『]?\p{L}/u.test(t) && !endsPunctuated(t) && !endsWithMark(t) && !looksLikeCredit(t)
  );
}

/** A credit line the recognisers could not read, or one away from the end: kept in the body, and noted. */
const CREDIT_LIKE = /^Contributing(?: reporters?)?:|contributed (?:reporting )?to this|\b(?:reporting|editing|writing) by\b|责任编辑|責任編輯/i;
export const looksLikeCredit = (t: string): boolean => CREDIT_LIKE.test(t) || parseContributorLine(t) !== undefined || parseAgencyLine(t) !== undefined;

/** A wire's note of what a version changed: `(Updates with union comment in second paragraph.)`, `(Adds quote)`. */
export const VERSION_NOTE = /^\((?:Updates|Adds|Recasts|Rewrites|Corrects|Refiles|Repeats|Changes|Removes|Inserts|Fixes)\b[^()]{0,200}\)\.?$/;
export const versionNoteLeft = (text: string): string => `the wire's note of what this version changed left out: ${q(text)}`;
/**
 * A syndicating site's notice closing a wire story (NDTV's `(Except for the headline, this story has not been edited
 * by NDTV staff and is published from a syndicated feed.)`, Business Standard's `(Only the headline and picture of
 * this report may have been reworked by …)`): the site's word on its copy, not the story's.
 */
export const SYNDICATION_NOTE = /^\(?(?:except for the headline, this (?:story|article) has not been edited by|only the headline and picture of this report may have been reworked by|this (?:story|article) (?:has been|is) (?:sourced|published|auto-generated) from a (?:third[- ]party )?syndicated feed)\b[^()]{0,200}\)?$/i;

/** A short paragraph about one of `authors`, starting with the name: `Jane Roe is a …`, `Jane Roe covers …`. */
export function authorBiography(text: string, authors: ReadonlySet<string>): boolean {
  if (text.length > 500) return false;
  // (The names the text may open with, up to each space in its first 200 characters: not each author in turn,
  // which a page of thousands of bylines made quadratic.)
  for (let at = text.indexOf(' '); at > 0 && at <= 200; at = text.indexOf(' ', at + 1)) {
    if (authors.has(text.slice(0, at)) && /^(?:is|was|covers|reports|writes|has (?:been|covered|reported|written))\b/.test(text.slice(at + 1))) return true;
  }
  return false;
}

/** The note on a page's lines left out after the line that ended its story (if any were). */
function pageAfterEnd(ended: { text: string; left: string[] }, notes: string[]): void {
  const { text, left } = ended;
  if (left.length === 0) return;
  const shown = left.slice(0, 3).map(q).join(', ');
  notes.push(`the page's ${left.length === 1 ? 'line' : `${left.length} lines`} after ${q(text)} left out, as the page's own: ${shown}${left.length > 3 ? ', …' : ''}`);
}

/**
 * Blocks from the stamp on. Copy that is hard-wrapped (most lines run on into the next without ending a
 * sentence) is read a paragraph per run of lines; other copy a paragraph per line.
 */
export function pageBlocks(region: readonly Line[], notes: string[]): { blocks: PageBlock[]; afterEndMark: ReadonlySet<PageBlock> } {
  const runOn = region.filter((l, i) => l.kind === 'text' && region[i + 1]?.kind === 'text');
  // (A short line counts for none: a page's lines set one under another, the BBC's byline `Jane Doe` over
  // `BBC News, Berlin` and its photo's credit over the caption, had the copy read as wrapped and joined.)
  const wrapped = runOn.length >= 2 && runOn.filter((l) => !endsSentence(l.text) && (l.text.length >= 30 || CJK.test(l.text))).length * 2 > runOn.length;
  const blocks: PageBlock[] = [];
  let open: { n: number; lines: string[] } | undefined;
  /** After a "Related" line: the headlines it lists are skipped, past blank lines when it heads a list. */
  let related: 'no' | 'line' | 'list' = 'no';
  /** The blocks that come right after an end mark on a line of its own (which is dropped as chrome). */
  const afterEndMark = new Set<PageBlock>();
  let markSeen = false;
  const push = (b: PageBlock): void => {
    if (markSeen) afterEndMark.add(b);
    markSeen = false;
    blocks.push(b);
  };
  const close = (): void => {
    if (open !== undefined) push({ n: open.n, text: joinLines(open.lines), kind: 'text', joined: open.lines.length > 1 });
    open = undefined;
  };
  /** After a line that ends the story (`endsStory`): the page's lines left out, until another story's head. */
  let ended: { text: string; left: string[] } | undefined;
  for (const l of region) {
    if (ended !== undefined && l.kind !== 'stamp' && l.kind !== 'breadcrumb') {
      if (l.kind === 'text') ended.left.push(l.text);
      continue;
    }
    if (ended !== undefined) pageAfterEnd(ended, notes);
    ended = undefined;
    // The headlines listed under "Related:" (a sentence ends the list: that is the story again).
    if (l.kind === 'text' && related !== 'no' && l.text.length <= 150 && !endsSentence(l.text)) continue;
    if (l.kind === 'blank' && related === 'list') continue;
    related = 'no';
    if (l.kind === 'promo' && open !== undefined && wrapped) {
      open.lines.push(l.text); // inside a wrapped paragraph, a line that starts like a promo is text
      continue;
    }
    if (l.kind !== 'text') {
      close();
      if (l.kind === 'promo') related = isListHeading(l.text) ? 'list' : isRelated(l.text) ? 'line' : 'no';
      if (l.kind !== 'blank' && l.kind !== 'promo' && l.kind !== 'chrome') push({ n: l.n, text: l.text, kind: l.kind, joined: false });
      // (A "Related" list or other furniture after the mark: what follows is no second story. Review.)
      if (l.kind === 'promo' || l.kind === 'chrome') markSeen = l.kind === 'chrome' && MARK_ALONE.test(l.text.trim());
      if (l.kind === 'chrome' && endsStory(l.text)) ended = { text: l.text, left: [] };
      continue;
    }
    if (open === undefined || !wrapped) {
      close();
      open = { n: l.n, lines: [l.text] };
    } else open.lines.push(l.text);
  }
  close();
  if (ended !== undefined) pageAfterEnd(ended, notes);
  return { blocks, afterEndMark };
}
