/**
 * Whether a body shows a reader any text, or only photos: a body of photos alone (`![A man wades …](…)`,
 * `<img …>`) gives its items no summary, as a body with nothing in it gives none (W_NO_TEXT). A caption is
 * text: with no paragraph of words, the summary is the body's text, a caption's included (summary.ts).
 */

/** A URL in a Markdown link or image, with one level of parentheses in it (`x_(1).jpg`). */
const URL = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)`;
/** A Markdown image, alone or as a link's text (`[![A man](a.jpg)](big.jpg)`), or an `<img>`. */
const PHOTO = new RegExp(String.raw`!\[[^\]\n]*\]${URL}|\[!\[[^\]\n]*\]${URL}\]${URL}|<img\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'iy');
/**
 * What shows nothing: space, or a tag (whose quoted attributes may hold ">"). (A comment counts as text:
 * Markdown reads what follows it on its line as HTML, and the summary can be that line.)
 */
const NOTHING = /\s+|<\/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/iy;
/** A script or style block, which sanitising removes whole. */
const HIDDEN = /<(script|style)\b/iy;

/** Whether `text` holds anything but photos, tags, hidden blocks and space. Reads only as far as the first such character. */
export function hasWords(text: string): boolean {
  let at = 0;
  let closerLeft = true;
  while (at < text.length) {
    PHOTO.lastIndex = at;
    if (PHOTO.test(text)) {
      at = PHOTO.lastIndex;
      continue;
    }
    HIDDEN.lastIndex = at;
    const hidden = closerLeft ? HIDDEN.exec(text) : null;
    if (hidden !== null) {
      // (Searched once per block, and not again once one has no closer: linear in the text.)
      const closer = new RegExp(`</${hidden[1] ?? ''}`, 'ig');
      closer.lastIndex = HIDDEN.lastIndex;
      const end = closer.exec(text)?.index;
      if (end !== undefined) {
        const gt = text.indexOf('>', end);
        at = gt < 0 ? text.length : gt + 1;
        continue;
      }
      closerLeft = false;
    }
    NOTHING.lastIndex = at;
    if (!NOTHING.test(text)) return true;
    at = NOTHING.lastIndex;
  }
  return false;
}
