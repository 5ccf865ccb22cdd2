/**
 * What a body may ask of the renderers, checked before they run: a few kilobytes of hostile or broken
 * Markdown or HTML could otherwise hold a build up for minutes and fill memory (QA):
 * - lists nested by indentation, or quotes by `>`: marked reads each level's lines again, so 1,000 levels
 *   (1 MB of indentation) took 15 s and 0.8 GB; `MARKDOWN_DEPTH` levels take milliseconds;
 * - a GFM table whose header has hundreds of columns over rows that write few: marked pads every row to
 *   the header's width, so 11 KB (300 columns × 5,000 lines of `|`) became 1.5 million empty cells, 33 s
 *   and a 33 MB rss.xml; `TABLE_PADDING` empty cells are about 100 KB;
 * - HTML elements nested 100,000 deep: the HTML parser under the sanitiser keeps its open elements in an
 *   array it shifts, quadratic in the depth (6.5 s at 100,000; 1.3 s at 50,000); `ELEMENT_DEPTH` takes a
 *   millisecond.
 * Each check is linear and, for an ordinary story, a quick test that finds nothing to count.
 */
import type * as Htmlparser2 from 'htmlparser2';
import { lazyRequire } from './_lazy.js';
import { escapeHtml } from './_text.js';

/** Lists and quotes nested deeper than this: no story's are (an e-mail thread's quotes reach a dozen). */
export const MARKDOWN_DEPTH = 100;
/** Cells a table's rows leave empty under its header, over all its tables. */
export const TABLE_PADDING = 10_000;
/**
 * Cells of all a body's tables, headers and rows (a results table of 3,000 counties by 8 columns is
 * 24,000). Small tables cost most: 120,000 of two cells each (960 KB) took 10.8 s and 1.3 GB (review);
 * 50,000 cells in them take about a second and 150 MB.
 */
export const TABLE_CELLS = 50_000;
/** HTML elements open at once, as the sanitiser's parser counts them (browsers stop nesting at 512). */
export const ELEMENT_DEPTH = 1_000;

/**
 * Whether a line's start could open `MARKDOWN_DEPTH` levels: half that many characters of list markers,
 * `>` or indentation (an item's content is at least two columns in, a tab is up to four). A loop over line
 * starts rather than a regular expression: a fifth of the time, on every body rendered.
 */
const PREFIX = new Uint8Array(128);
for (const c of ' \t>*+-0123456789.)') PREFIX[c.charCodeAt(0)] = 1;
function deepStartPossible(text: string): boolean {
  const run = MARKDOWN_DEPTH / 2;
  for (let at = 0; at < text.length;) {
    let k = at;
    for (let c = text.charCodeAt(k); k - at < run && c < 128 && PREFIX[c] === 1; c = text.charCodeAt(k)) k += 1;
    if (k - at >= run) return true;
    const nl = text.indexOf('\n', k);
    if (nl < 0) return false;
    at = nl + 1;
  }
  return false;
}
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The width of the list marker at `at` (`-`, `*`, `+`, `1.`, `1)` before a space, a tab or the end), or 0. */
function markerAt(line: string, at: number): number {
  const c = line.charCodeAt(at);
  let end = at;
  if (c === 45 || c === 42 || c === 43) end = at + 1;
  else {
    while (end - at < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end += 1;
    const after = line.charCodeAt(end);
    if (end === at || (after !== 46 && after !== 41)) return 0;
    end += 1;
  }
  const next = line.charCodeAt(end);
  return end === line.length || next === 32 || next === 9 ? end - at : 0;
}

/**
 * Whether lists and quotes nest deeper than `MARKDOWN_DEPTH` anywhere: the `>` at a line's start, plus the
 * list items it is inside of. An item is inside every open item whose content starts at or before its
 * marker's column; an item ends only when a marker at or left of its own comes (a line of text between
 * may be a lazy continuation, which ends nothing). Meant never to count less than marked nests; where
 * marked reads a lazy line's indentation again as structure it can nest a level or two deeper than
 * counted (a fuzzer's finding, bounded: no way was found to make more of it).
 */
export function markdownTooDeep(markdown: string): boolean {
  const text = lf(markdown);
  if (!deepStartPossible(text)) return false;
  /** The content column of each open list item, innermost last. */
  const open: number[] = [];
  /** The quotes the line before was in: a line without `>` after it may be a lazy continuation, still in them. */
  let before = 0;
  for (const line of text.split('\n')) {
    let i = 0;
    let column = 0;
    let quotes = 0;
    // A line that is not blank may continue the paragraph of the line before, in that line's quotes, however
    // few `>` it has (review: a quote 99 deep, then lines of items without `>`: marked nested them 198
    // deep, the count said 100). The larger of the two counts, so that quoted lines do not add up.
    const carried = line.trim() === '' ? 0 : before;
    const spaces = (): number => {
      let n = 0;
      for (; line[i] === ' ' || line[i] === '\t'; i += 1) n += line[i] === '\t' ? 4 - ((column + n) % 4) : 1;
      return n;
    };
    column += spaces();
    before = 0;
    if (THEMATIC_BREAK.test(line.slice(i))) continue;
    // Quotes and list markers, in any order (`- > - > x`, `> > - x`): within a line the columns only
    // grow, so an item opened here pops nothing opened here.
    for (;;) {
      if (line[i] === '>') {
        quotes += 1;
        i += 1;
        // (Tabs after it from the column past it: review, a tab's width was taken from the `>`'s own.)
        column += 1;
        column += spaces();
      } else {
        const width = markerAt(line, i);
        if (width === 0) break;
        while (open.length > 0 && (open[open.length - 1] as number) > column) open.pop();
        i += width;
        column += width;
        // A tab after the marker at its narrowest, a column (marked widens it from the item's own start,
        // not the line's: review, `-\tx` under `\t-\tx` nested 620 deep, counted as 1): an item's content
        // taken to start sooner holds more of the items after it, never fewer.
        let after = 0;
        for (; line[i] === ' ' || line[i] === '\t'; i += 1) after += 1;
        const content = column + (after > 4 || after === 0 ? 1 : after);
        open.push(content);
        column = content + Math.max(0, after - 4);
      }
      if (Math.max(quotes, carried) + open.length > MARKDOWN_DEPTH) return true;
    }
    before = Math.max(quotes, carried);
  }
  return false;
}

/** Line ends as marked reads them: `\r\n` and a lone `\r` are `\n` (QA: CRLF hid what LF showed). */
const lf = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** A delimiter row's characters (`| :--- | ---: |`), once the `>` and spaces before it are off. */
const DELIMITER_CHARS = /^[|:\- \t]+$/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
/**
 * Rows (their quote markers off) that end a table in marked, with words after them (a narrower test than
 * marked's, so the count may run on past marked's end, never stop before it): a heading, or a list item
 * that could interrupt a paragraph, `-`, `*`, `+`, `1.` or `1)` (review: `2. x` ended the count here, and
 * marked padded 30,000 such rows to 500 cells: 3.2 GB).
 */
const TABLE_ENDS = /^ {0,3}(?:(?:[-*+]|1[.)])[ \t]+\S|#{1,6}[ \t]+\S)/;

/**
 * The cells of a table row as marked splits them (its `splitCells`): at pipes not escaped (after an even
 * run of backslashes), less the first cell and then the last where they are blank (`|` alone is none).
 */
function cellsOf(row: string): number {
  let pipes = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < row.length; i += 1) {
    if (row.charCodeAt(i) !== 124) continue;
    let slashes = 0;
    while (row.charCodeAt(i - 1 - slashes) === 92) slashes += 1;
    if (slashes % 2 === 1) continue;
    pipes += 1;
    if (first < 0) first = i;
    last = i;
  }
  // (A row of no pipe is one cell, or none when blank as JavaScript trims: a no-break space.)
  if (pipes === 0) return row.trim() === '' ? 0 : 1;
  let cells = pipes + 1;
  if (row.slice(0, first).trim() === '') cells -= 1;
  if (cells > 0 && row.slice(last + 1).trim() === '') cells -= 1;
  return cells;
}

/**
 * How many cells GFM tables would add to rows shorter than their header (`padding`), and how many cells
 * they have in all (`cells`: each row as wide as its header, as marked makes it), over the body; counting
 * stops past `TABLE_PADDING` or `TABLE_CELLS`. A table is a delimiter row (`|---|---|`) under a line with a
 * pipe; its rows run to the next blank line (marked may end one sooner: the counts are never less than marked's).
 */
export function tableWork(markdown: string): { padding: number; cells: number } {
  const work = { padding: 0, cells: 0 };
  if (!markdown.includes('|') || !markdown.includes('-')) return work;
  const lines = lf(markdown).split('\n');
  for (let i = 1; i < lines.length; i += 1) {
    const line = (lines[i] as string).replace(/^[ \t>]*/, '');
    if (!line.includes('-') || !DELIMITER_CHARS.test(line) || !(line.includes('|') || (lines[i - 1] as string).includes('|'))) continue;
    const cells = line.replace(/^[ \t]*\|/, '').replace(/\|[ \t]*$/, '').split('|');
    if (!cells.every((c) => DELIMITER_CELL.test(c))) continue;
    work.cells += cells.length;
    let j = i + 1;
    // (Only spaces make a line blank to marked here: a line of a tab or a no-break space is a row. A list item
    // or a heading ends the table, as in marked.)
    for (; j < lines.length && !/^ *$/.test(lines[j] as string); j += 1) {
      // (Quote markers off, as the delimiter row's are; the indentation after them kept: `    - x` is a row.)
      const row = (lines[j] as string).replace(/^(?:[ \t]*>)*/, '');
      if (TABLE_ENDS.test(row)) break;
      work.padding += Math.max(0, cells.length - cellsOf(row));
      work.cells += cells.length;
      if (work.padding > TABLE_PADDING || work.cells > TABLE_CELLS) return work;
    }
    if (work.cells > TABLE_CELLS) return work;
    i = j;
  }
  return work;
}

/** The empty cells tables would be padded with (`tableWork`'s `padding`). */
export const tablePadding = (markdown: string): number => tableWork(markdown).padding;

// What the sanitiser's HTML parser (htmlparser2) closes when an element opens, and its void elements.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])], ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])], ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((n): [string, Set<string>] => [n, new Set(FORM)]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']
    .map((n): [string, Set<string>] => [n, new Set(P)]),
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose opening starts, and whose closing ends, a foreign context (where `<x/>` closes): htmlparser2's. */
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

type Hooks = Partial<Htmlparser2.TokenizerCallbacks>;

/** Runs the sanitiser's own tokenizer over `html` with these callbacks (the rest do nothing); `stop` pauses it. */
function tokenize(html: string, hooks: (stop: () => void) => Hooks): void {
  const { Tokenizer } = lazyRequire.htmlparser2();
  const none = (): void => undefined;
  let tokenizer: InstanceType<typeof Tokenizer> | undefined;
  const given = hooks(() => tokenizer?.pause());
  const cbs: Htmlparser2.TokenizerCallbacks = {
    onattribdata: none, onattribentity: none, onattribend: none, onattribname: none, oncdata: none, onclosetag: none, oncomment: none,
    ondeclaration: none, onend: none, onopentagend: none, onopentagname: none, onprocessinginstruction: none, onselfclosingtag: none,
    ontext: none, ontextentity: none, ...given,
  };
  tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
}

/**
 * Whether HTML nests more than `ELEMENT_DEPTH` elements at once, as the sanitiser's parser holds them open:
 * its own tokenizer reads the tags (so a `</a` in an attribute, a comment or a script's text is none, as
 * for the parser: review), and its rules follow here: what an opening closes, void elements, `<x/>` closing
 * only in SVG and MathML, and a closing tag closing down to its element (or nothing, when none is open).
 * Linear: a closing tag pops what it closes once, and the open elements are counted by name.
 */
export function elementsTooDeep(html: string): boolean {
  let tags = 0;
  for (let at = html.indexOf('<'); at !== -1 && tags <= ELEMENT_DEPTH; at = html.indexOf('<', at + 1)) tags += 1;
  if (tags <= ELEMENT_DEPTH) return false;
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  /** Innermost last: in SVG or MathML (true), or in HTML (false), as the parser's foreignContext. */
  const foreign: boolean[] = [false];
  let tagname = '';
  let deep = false;
  const pop = (): void => {
    const name = stack.pop() as string;
    openCount.set(name, (openCount.get(name) ?? 1) - 1);
  };
  tokenize(html, (stop) => ({
    onopentagname(start, end) {
      const name = html.slice(start, end).toLowerCase();
      tagname = name;
      const closes = IMPLIES_CLOSE.get(name);
      if (closes !== undefined) while (stack.length > 0 && closes.has(stack[stack.length - 1] as string)) pop();
      if (VOID.has(name)) return;
      stack.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
      if (stack.length > ELEMENT_DEPTH) {
        deep = true;
        stop();
      }
    },
    onselfclosingtag() {
      if (foreign[foreign.length - 1] === true && stack[stack.length - 1] === tagname) pop();
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      if (VOID.has(name) || (openCount.get(name) ?? 0) === 0) return;
      while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
      pop();
    },
  }));
  return deep;
}

const BLOCK = new Set(['p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table',
  'tr', 'td', 'th', 'figure', 'figcaption', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'details', 'summary', 'address']);
/** Elements whose text is not shown: a script's or a style's is code (review: it was published). */
const HIDDEN = new Set(['script', 'style']);

/**
 * For HTML too deep to sanitise: its text in paragraphs, read by the sanitiser's tokenizer (linear), without
 * tags, comments or the text of scripts and styles; a block element's tag ends a paragraph. Escaped: the
 * sanitiser then reads it flat.
 */
export function withoutTags(html: string): string {
  const paragraphs: string[] = [];
  let text = '';
  let hidden = 0;
  const cut = (): void => {
    const p = text.replace(/\s+/g, ' ').trim();
    if (p !== '') paragraphs.push(`<p>${escapeHtml(p)}</p>`);
    text = '';
  };
  tokenize(html, () => ({
    ontext(start, end) {
      if (hidden === 0) text += html.slice(start, end);
    },
    ontextentity(codepoint) {
      if (hidden === 0) text += String.fromCodePoint(codepoint);
    },
    onopentagname(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (HIDDEN.has(name)) hidden += 1;
      else if (BLOCK.has(name)) cut();
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      else if (BLOCK.has(name)) cut();
    },
  }));
  cut();
  return paragraphs.join('\n');
}
