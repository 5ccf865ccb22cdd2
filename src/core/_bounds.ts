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

/** Lists and quotes nested deeper than this: no story's are (an e-mail thread's quotes reach a dozen). */
export const MARKDOWN_DEPTH = 100;
/** Cells a table's rows leave empty under its header, over all its tables. */
export const TABLE_PADDING = 10_000;
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
 * may be a lazy continuation, which ends nothing), so the count is never less than marked's.
 */
export function markdownTooDeep(text: string): boolean {
  if (!deepStartPossible(text)) return false;
  /** The content column of each open list item, innermost last. */
  const open: number[] = [];
  for (const line of text.split('\n')) {
    let i = 0;
    let column = 0;
    let quotes = 0;
    for (; i < line.length; i += 1) {
      const c = line[i];
      if (c === ' ') column += 1;
      else if (c === '\t') column += 4 - (column % 4);
      else if (c === '>') {
        quotes += 1;
        column += 1;
      } else break;
    }
    if (quotes > MARKDOWN_DEPTH) return true;
    if (markerAt(line, i) === 0 || THEMATIC_BREAK.test(line.slice(i))) continue;
    // (`- - - x` opens three lists on one line: within a line the columns only grow, so nothing pops.)
    for (let width = markerAt(line, i); width > 0; width = markerAt(line, i)) {
      while (open.length > 0 && (open[open.length - 1] as number) > column) open.pop();
      let spaces = 0;
      for (i += width; line[i] === ' ' || line[i] === '\t'; i += 1) spaces += 1;
      const content = column + width + (spaces > 4 || spaces === 0 ? 1 : spaces);
      open.push(content);
      if (quotes + open.length > MARKDOWN_DEPTH) return true;
      column = content + Math.max(0, spaces - 4);
    }
  }
  return false;
}

/** A delimiter row's characters (`| :--- | ---: |`), once the `>` and spaces before it are off. */
const DELIMITER_CHARS = /^[|:\- \t]+$/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** The cells of a table row as GFM splits them: at pipes not escaped, less one at each edge. */
function cellsOf(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i += 1) if (row.charCodeAt(i) === 124 && row.charCodeAt(i - 1) !== 92) pipes += 1;
  const trimmed = row.trim();
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.length > 1 ? 1 : 0);
}

/**
 * How many cells GFM tables would add to rows shorter than their header, over the body; counting stops past
 * `TABLE_PADDING`. A table is a delimiter row (`|---|---|`) under a line with a pipe; its rows run to the
 * next blank line (marked may end one sooner: the count is never less than marked's).
 */
export function tablePadding(text: string): number {
  if (!text.includes('|') || !text.includes('-')) return 0;
  const lines = text.split('\n');
  let padding = 0;
  for (let i = 1; i < lines.length; i += 1) {
    const line = (lines[i] as string).replace(/^[ \t>]*/, '');
    if (!line.includes('-') || !DELIMITER_CHARS.test(line) || !(line.includes('|') || (lines[i - 1] as string).includes('|'))) continue;
    const cells = line.replace(/^[ \t]*\|/, '').replace(/\|[ \t]*$/, '').split('|');
    if (!cells.every((c) => DELIMITER_CELL.test(c))) continue;
    let j = i + 1;
    for (; j < lines.length && (lines[j] as string).trim() !== ''; j += 1) {
      padding += Math.max(0, cells.length - cellsOf((lines[j] as string).replace(/^[ \t>]*/, '')));
      if (padding > TABLE_PADDING) return padding;
    }
    i = j;
  }
  return padding;
}

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
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)/g;

/**
 * Whether HTML nests more than `ELEMENT_DEPTH` elements at once, as the sanitiser's parser would hold them
 * open: its rules for what an opening closes, void elements, and a closing tag closing down to its
 * element (or nothing, when none is open). Every `<name` counts, in a comment, a script or an attribute
 * too, so the count is never less than the parser's. Linear: a closing tag pops what it closes once.
 */
export function elementsTooDeep(html: string): boolean {
  let tags = 0;
  for (let at = html.indexOf('<'); at !== -1 && tags <= ELEMENT_DEPTH; at = html.indexOf('<', at + 1)) tags += 1;
  if (tags <= ELEMENT_DEPTH) return false;
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const pop = (): void => {
    const name = stack.pop() as string;
    openCount.set(name, (openCount.get(name) ?? 1) - 1);
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = (m[2] as string).toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1] === '/') {
      if ((openCount.get(name) ?? 0) === 0) continue;
      while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
      pop();
      continue;
    }
    const closes = IMPLIES_CLOSE.get(name);
    if (closes !== undefined) while (stack.length > 0 && closes.has(stack[stack.length - 1] as string)) pop();
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (stack.length > ELEMENT_DEPTH) return true;
  }
  return false;
}

const BLOCK = /^(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|section|article|aside|header|footer|main|nav|details|summary|address)$/i;

/**
 * For HTML too deep to sanitise: its text in paragraphs, without the tags (and comments), which the
 * sanitiser then reads flat. A block element's tag ends a paragraph; any `<` left (a tag cut off) is text.
 */
export function withoutTags(html: string): string {
  return html.replace(/<!--(?:-?>|[^]*?(?:-->|$))/g, '').replace(/<\/?([a-zA-Z][^\s/>]*)[^<>]*>/g, (_, name: string) => (BLOCK.test(name) ? '\n\n' : ''))
    .split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '').map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`).join('\n');
}
