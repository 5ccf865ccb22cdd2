/**
 * A `<picture>` as a CMS pastes it: `<source>`s for other formats, and an `<img>` every browser falls back
 * to. The sanitiser keeps the `<img>`; the wrapper and the sources go without a word (nothing was unsafe
 * or lost). A picture with no `<img>` (which HTML requires, but pasted copy lacks) would lose its photo: its
 * first source with a `srcset` becomes the image (review: it went).
 */
const PICTURE_TAG = /<(\/?)picture(?=[\s>/])/gi;
const SOURCE = /<source(?=[\s/])/gi;
const IMG = /<img(?=[\s/>])/i;

/** Tags a picture is made of, said as removed by no warning. */
export const PICTURE_PARTS: readonly string[] = ['picture', 'source'];

/**
 * Where `pattern` next matches in `html` at or after a position. An answer is given again for any position
 * from where it was asked up to it, so that many tags left open (`<picture ` × 40,000), asked about in order,
 * do not each search to the end (review: 12.9 s for 360 KB); a position before it is searched afresh.
 */
function nextOf(html: string, pattern: RegExp): (from: number) => number {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let asked = -1;
  let found = -1;
  return (from) => {
    if (from >= asked && (found === -1 ? asked >= 0 : from <= found)) return found;
    re.lastIndex = from;
    asked = from;
    found = re.exec(html)?.index ?? -1;
    return found;
  };
}

/** `html` with each `<picture>` that has no `<img>` given its first `srcset` source as one. Linear. */
export function withPictureFallbacks(html: string): string {
  if (!/<picture/i.test(html)) return html;
  const tagEnd = nextOf(html, />/);
  const srcset = nextOf(html, /\ssrcset\s*=/i);
  let out = '';
  let from = 0;
  let open: number | undefined;
  // The first `<source srcset>` between `start` and `end` made the image, when nothing there is one.
  const fallBack = (start: number, end: number): void => {
    if (IMG.test(html.slice(start, end))) return;
    SOURCE.lastIndex = start;
    for (let m = SOURCE.exec(html); m !== null && m.index < end; m = SOURCE.exec(html)) {
      const close = tagEnd(m.index);
      const attribute = srcset(m.index);
      if (attribute === -1) return;
      if (close !== -1 && attribute > close) continue;
      out += `${html.slice(from, m.index)}<img`;
      from = m.index + '<source'.length;
      return;
    }
  };
  for (const m of html.matchAll(PICTURE_TAG)) {
    const at = m.index ?? 0;
    // (A tag's end, as the parser finds it: the next `>`; one never closed is no tag.)
    const close = tagEnd(at);
    if (close === -1) break;
    if (m[1] === '') open ??= close + 1;
    else if (open !== undefined) {
      fallBack(open, at);
      open = undefined;
    }
  }
  // (One never closed holds the rest, as the parser reads it.)
  if (open !== undefined) fallBack(open, html.length);
  return out + html.slice(from);
}
