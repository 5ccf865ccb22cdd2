/**
 * A forgiving HTML reader for the bodies wire copy carries as HTML text (ninjs `body_html`, NewsML-G2
 * `inlineData` of HTML): enough structure for paragraphs, headings, quotes, lists, links and pictures, read
 * into the element tree the importers share (`_tree.ts`).
 */
import { decodeHTML } from 'entities';
import { VOID_ELEMENTS, type El } from './_tree.js';

/** Opening one of these closes an open <p> (HTML's implied end tags). */
const CLOSES_P = new Set([
  'p', 'div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'blockquote', 'ul', 'ol', 'dl', 'table', 'figure', 'pre', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'details', 'fieldset', 'form',
]);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>|[^<]+|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** Markup nested deeper than this is none a wire sends. */
const MAX_HTML_DEPTH = 1000;

/** What a start tag closes when its end tag is left out (HTML's optional end tags), and inside what it stops looking. */
const IMPLIED_END: Readonly<Record<string, { closes: readonly string[]; within: readonly string[] }>> = {
  li: { closes: ['li'], within: ['ul', 'ol'] },
  dt: { closes: ['dt', 'dd'], within: ['dl'] },
  dd: { closes: ['dt', 'dd'], within: ['dl'] },
  tr: { closes: ['tr', 'td', 'th'], within: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { closes: ['td', 'th'], within: ['tr', 'table'] },
  th: { closes: ['td', 'th'], within: ['tr', 'table'] },
  option: { closes: ['option'], within: ['select', 'datalist', 'optgroup'] },
};

/** A forgiving HTML reader: enough structure for paragraphs, headings, quotes, lists, links and pictures. */
export function parseHtml(html: string): El {
  const root: El = { name: 'body', attrs: {}, children: [] };
  const stack: El[] = [root];
  const top = (): El => stack[stack.length - 1] as El;
  const closeTo = (name: string): void => {
    const i = stack.map((e) => e.name).lastIndexOf(name);
    if (i > 0) stack.length = i;
  };
  for (const m of html.matchAll(TOKEN)) {
    const [token, cdata, slash, rawName, rawAttrs] = m;
    if (rawName === undefined) {
      if (cdata !== undefined) top().children.push(cdata);
      else if (!/^<[!?]/.test(token)) top().children.push(decodeHTML(token));
      continue;
    }
    const name = rawName.toLowerCase();
    if (slash === '/') {
      closeTo(name);
      continue;
    }
    if (CLOSES_P.has(name) && stack.some((e) => e.name === 'p')) closeTo('p');
    // Elements whose end tag HTML lets a page leave out close at the next of their kind, within their
    // list or table (review: a table of 250 rows without </td> was refused as nested too deep).
    const implied = IMPLIED_END[name];
    if (implied !== undefined) {
      const names = stack.map((e) => e.name);
      const i = Math.max(...implied.closes.map((n) => names.lastIndexOf(n)));
      if (i > 0 && !names.slice(i + 1).some((n) => implied.within.includes(n))) stack.length = i;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? '').matchAll(ATTR)) attrs[(a[1] ?? '').toLowerCase()] = decodeHTML(a[2] ?? a[3] ?? a[4] ?? '');
    const el: El = { name, attrs, children: [] };
    top().children.push(el);
    if (!VOID_ELEMENTS.has(name) && !token.endsWith('/>')) stack.push(el);
    // Deeper than any wire copy's (the importer says E_IMPORT_TOO_DEEP): said here, as it is reached, for
    // markup written in any escape of JSON (`\u003c`), before what reads the tree runs out of stack.
    if (stack.length > MAX_HTML_DEPTH) throw new RangeError('markup nested too deep');
  }
  return root;
}
