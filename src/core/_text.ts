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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}
