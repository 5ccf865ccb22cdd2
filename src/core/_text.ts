/** Text hygiene shared by every writer: characters XML 1.0 cannot carry, and HTML escaping. */

/**
 * XML 1.0 §2.2 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 * We also drop DEL and the C1 controls, which XML allows but discourages and which no newsroom means.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A quick test first: the same characters, with every surrogate counted (paired ones are fine, but only
 * the lookarounds above can say so, and they make a scan several times slower). Most text has none.
 */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ANY_FORBIDDEN = new RegExp(FORBIDDEN.source);

/** Whether the text may hold a forbidden character (false: certainly none). */
export function mayHoldForbidden(text: string): boolean {
  return SUSPECT.test(text) && ANY_FORBIDDEN.test(text);
}

/** Returns the text without forbidden characters and how many were removed. */
export function stripForbidden(text: string): { text: string; removed: number } {
  if (!mayHoldForbidden(text)) return { text, removed: 0 };
  let removed = 0;
  const clean = text.replace(FORBIDDEN, () => {
    removed += 1;
    return '';
  });
  return { text: clean, removed };
}

/** Text that looks like markup: a tag (`<b>`, `</i`) or a character reference (`&amp;`, `&#8217;`), which plain-text fields carry literally. */
export const MARKUP = /<[/a-z][^<>\s]*>?|&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The explicit direction controls: embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI). */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * The text with every direction embedding, override or isolate it opens closed at its end (PDF, PDI), as
 * Unicode's bidi algorithm pairs them (UAX #9, 3.3.2: a PDI closes the embeddings opened since its isolate;
 * a PDF closes only an embedding opened inside the current isolate), and how many were closed. An RLO
 * left open in a name turns round whatever a reader prints after it on the line: the other names of a
 * byline, the rest of a title.
 */
export function closeBidi(text: string): { text: string; closed: number } {
  return pairBidi(text, false);
}

/**
 * The text with its direction controls paired: closers that close nothing dropped, and what stays open
 * closed at the end (as `closeBidi`). For the parts of a field cut in two (an agency line at its "via"),
 * whose controls were paired across the cut.
 */
export function balancedBidi(text: string): string {
  return pairBidi(text, true).text;
}

/** closeBidi and balancedBidi: one walk of the controls, dropping closers that close nothing when asked. */
function pairBidi(text: string, dropStray: boolean): { text: string; closed: number } {
  if (!BIDI_CONTROL.test(text)) return { text, closed: 0 };
  /** Open controls, innermost last: true for an isolate, false for an embedding or override. */
  const open: boolean[] = [];
  // (Counted, so that PDIs with no isolate open do not each search the stack: linear in any text.)
  let isolates = 0;
  /** Where text is kept from, when stray closers are dropped (`kept` holds what came before). */
  let from = 0;
  let kept = '';
  const drop = (i: number): void => {
    if (!dropStray) return;
    kept += text.slice(from, i);
    from = i + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x202a && c <= 0x202b) || (c >= 0x202d && c <= 0x202e)) open.push(false);
    else if (c >= 0x2066 && c <= 0x2068) {
      open.push(true);
      isolates += 1;
    } else if (c === 0x202c) {
      if (open.length > 0 && open[open.length - 1] === false) open.pop();
      else drop(i);
    } else if (c === 0x2069) {
      if (isolates > 0) {
        open.length = open.lastIndexOf(true);
        isolates -= 1;
      } else drop(i);
    }
    // (A line break is not taken to end them: readers show most fields' line breaks as spaces.)
  }
  const body = from === 0 ? text : kept + text.slice(from);
  let tail = '';
  for (let k = open.length - 1; k >= 0; k--) tail += open[k] ? '\u2069' : '\u202C';
  return { text: body + tail, closed: open.length };
}
