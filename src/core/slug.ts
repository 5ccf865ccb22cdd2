/**
 * Slugs: the path segment a section, tag or author feed lives under (`sections/<slug>/rss.xml`).
 * They are published URLs, so every step below is frozen: changing one moves feeds.
 *
 * slugify(name):
 *  1. NFKC, then toLowerCase() (locale-independent in JS), then NFC again: "ＡＢＣ" → "abc".
 *  2. Every maximal run of characters that are not letters, numbers or combining marks
 *     (/[^\p{L}\p{N}\p{M}]+/u) becomes one "-"; leading and trailing "-" are removed. Spaces, punctuation,
 *     symbols, emoji, controls and format characters (RLM, ZWSP, BOM…) never survive:
 *     "C++ & Rust" → "c-rust", "الشرق الأوسط" → "الشرق-الأوسط", "国际新闻" stays as it is.
 *     Two refinements keep slugs visible: default-ignorable code points (variation selectors, CGJ, Hangul
 *     fillers — letters and marks that render as nothing) count as separators too, and a combining mark
 *     that follows no letter or number is dropped with the separators ("❤️ News" → "news", not "\uFE0F-news").
 *     So the slug is the words (a letter or number, then letters, numbers or marks; none default-ignorable)
 *     joined by "-".
 *  3. At most 64 code points (a surrogate pair is never split), then trailing "-" trimmed.
 *  4. Nothing left ("!!!", "🙂", "   ") → "x-" + hash8(NFC name).
 *  5. A Windows device name (con, prn, aux, nul, com0–com9, lpt0–lpt9) → name + "-" + hash8(NFC name).
 *
 * assignSlugs(names): distinct names that share a slug are sorted with plain `<` (UTF-16 order, not
 * locale order); the first keeps the slug, each other one gets slug + "-" + hash8(name as given). If that is
 * already a slug in use (some name's plain slug, or an earlier assignment), hash16 is tried, then
 * hash16 + "-2", "-3"… Groups are handled in slug order, so the result depends only on the set of names.
 *
 * hash8 is FNV-1a 32-bit and hash16 FNV-1a 64-bit, as lowercase hex, over the name's UTF-8 bytes (a lone
 * surrogate, which UTF-8 cannot carry, is encoded as its own 3-byte sequence — WTF-8 — so different
 * strings never hash the same bytes).
 *
 * Stability caveat: steps 1–2 use the runtime's Unicode tables. Unicode keeps normalisation of assigned
 * characters fixed and practically never changes their case or category; but a character unassigned in
 * this Node's Unicode version (a separator today) may become a letter in a later one.
 */

const MAX_CODE_POINTS = 64;
/** A word: a letter or number, then letters, numbers and combining marks; none of them default-ignorable. */
const WORD = /(?:(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}])(?:(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{M}])*/gu;
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** A readable path segment for a name. Never empty, never '.' or '..', no '/', '\\', control or format characters. */
export function slugify(name: string): string {
  const text = name.normalize('NFKC').toLowerCase().normalize('NFC');
  const dashed = (text.match(WORD) ?? []).join('-');
  const slug = Array.from(dashed).slice(0, MAX_CODE_POINTS).join('').replace(/-+$/, '');
  if (slug === '') return `x-${hash8(name.normalize('NFC'))}`;
  if (WINDOWS_DEVICE.test(slug)) return `${slug}-${hash8(name.normalize('NFC'))}`;
  return slug;
}

export interface SlugCollision {
  slug: string;
  /** Sorted with plain `<`. */
  names: string[];
  /** assigned[i] is the slug given to names[i]; assigned[0] === slug. */
  assigned: string[];
}

export interface SlugAssignment {
  slugs: Map<string, string>;
  collisions: SlugCollision[];
}

/** Slugs for a set of names (duplicates in the input are ignored); distinct names always get distinct slugs. Order of input never matters. */
export function assignSlugs(names: Iterable<string>): SlugAssignment {
  const groups = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const slug = slugify(name);
    const group = groups.get(slug);
    if (group) group.push(name);
    else groups.set(slug, [name]);
  }

  const taken = new Set(groups.keys());
  const slugs = new Map<string, string>();
  const collisions: SlugCollision[] = [];
  for (const slug of [...groups.keys()].sort(byCodeUnits)) {
    const group = (groups.get(slug) ?? []).sort(byCodeUnits);
    const assigned = group.map((name, i) => {
      const s = i === 0 ? slug : disambiguate(slug, name, taken);
      taken.add(s);
      slugs.set(name, s);
      return s;
    });
    if (group.length > 1) collisions.push({ slug, names: group, assigned });
  }
  return { slugs, collisions };
}

function disambiguate(slug: string, name: string, taken: ReadonlySet<string>): string {
  const short = `${slug}-${hash8(name)}`;
  if (!taken.has(short)) return short;
  const long = `${slug}-${hash16(name)}`;
  if (!taken.has(long)) return long;
  // Only reachable through a 64-bit hash collision; keeps the guarantee absolute.
  for (let k = 2; ; k += 1) {
    const numbered = `${long}-${k}`;
    if (!taken.has(numbered)) return numbered;
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** UTF-8 bytes; a lone surrogate is encoded like any other code point (WTF-8), so the encoding is injective. */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

/** FNV-1a 32-bit, 8 lowercase hex digits. */
function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of utf8(text)) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** FNV-1a 64-bit, 16 lowercase hex digits. */
function hash16(text: string): string {
  const mask = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (const byte of utf8(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & mask;
  return h.toString(16).padStart(16, '0');
}
