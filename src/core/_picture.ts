/**
 * A `<picture>` as a CMS pastes it: `<source>`s for other formats, and an `<img>` every browser falls back
 * to. The sanitiser keeps the `<img>`; the wrapper and the sources go without a word (nothing was unsafe
 * or lost). A picture with no `<img>` (which HTML requires, but pasted copy lacks) would lose its photo: its
 * first source with a `srcset` becomes the image (review: it went).
 */
const PICTURE_TAG = /<(\/?)picture(?=[\s>/])[^>]*>/gi;
const SOURCE_WITH_SRCSET = /<source(?=[\s/])(?=[^>]*\ssrcset\s*=)/i;
const IMG = /<img(?=[\s/>])/i;

/** Tags a picture is made of, said as removed by no warning. */
export const PICTURE_PARTS: readonly string[] = ['picture', 'source'];

/** `html` with each `<picture>` that has no `<img>` given its first `srcset` source as one. Linear: each pair is read once. */
export function withPictureFallbacks(html: string): string {
  if (!/<picture/i.test(html)) return html;
  let out = '';
  let from = 0;
  let open: number | undefined;
  // The first `<source srcset>` between `start` and `end` made the image, when nothing there is one.
  const fallBack = (start: number, end: number): void => {
    const inner = html.slice(start, end);
    if (IMG.test(inner)) return;
    const source = SOURCE_WITH_SRCSET.exec(inner);
    if (source === null) return;
    out += `${html.slice(from, start + source.index)}<img`;
    from = start + source.index + '<source'.length;
  };
  for (const m of html.matchAll(PICTURE_TAG)) {
    const at = m.index ?? 0;
    if (m[1] === '') open ??= at + m[0].length;
    else if (open !== undefined) {
      fallBack(open, at);
      open = undefined;
    }
  }
  // (One never closed holds the rest, as the parser reads it.)
  if (open !== undefined) fallBack(open, html.length);
  return out + html.slice(from);
}
