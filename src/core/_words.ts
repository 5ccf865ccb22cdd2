/**
 * Whether a body shows a reader any words, or only photos: a body of photos alone (`![A man wades …](…)`,
 * `<figure>…</figure>`) gives its items no summary, as a body with nothing in it gives none (W_NO_TEXT).
 */

/** A photo: a Markdown image, an `<img>`, or a whole `<figure>` (whose caption the summary passes over too). */
const PHOTO = /!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>]*>|<figure\b[\s\S]*?<\/figure\s*>/iy;
/** What shows nothing: space, a tag, a character reference, or a character that is no letter, number or mark. */
const NOTHING = /\s+|<[^>]*>|&#?\w+;|[^\p{L}\p{N}\p{M}]/uy;
/** A caption in emphasis straight after a photo, on one line (`*A man wades …*`, `<em>…</em>`): the summary's rule. */
const CAPTION = /\s*(?:\*[^*\n]+\*|_[^_\n]+_|<em>[^<]*<\/em>)/iy;

/**
 * Whether `text` holds a letter or number that is not part of a photo, its caption, a tag or a character
 * reference. Reads only as far as the first such word: most bodies open with one.
 */
export function hasWords(text: string): boolean {
  let at = 0;
  while (at < text.length) {
    PHOTO.lastIndex = at;
    if (PHOTO.test(text)) {
      at = PHOTO.lastIndex;
      CAPTION.lastIndex = at;
      if (CAPTION.test(text)) at = CAPTION.lastIndex;
      continue;
    }
    NOTHING.lastIndex = at;
    if (!NOTHING.test(text)) return true;
    at = NOTHING.lastIndex;
  }
  return false;
}
