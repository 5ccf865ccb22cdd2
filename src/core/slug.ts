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
 *  3. At most 64 code points (a surrogate pair is never split), then trailing "-" trimmed. A slug over a
 *     file name's 255 bytes of UTF-8 (four-byte letters) is hashed, its words cut to fit with the hash.
 *  4. The slug is the path only when it spells the name: when the name is its words, in any case or
 *     width, joined by spaces, "-", "_", ".", apostrophes or middle dots, or by invisible characters
 *     ("World News", "world-news", "U.S.", "O'Brien", "国际新闻", "الشرق الأوسط"). Any other name ("C++",
 *     "AT&T", "Sports 🏈 Weekly", one cut at 64 code points, a Windows device name such as "con") gets the
 *     slug + "--" + hash8(NFC name): "c--2ead0510". With nothing left ("!!!", "🙂", "   ") the slug is "x".
 *     A slug never holds "--" (runs of separators become one "-"), so a hashed path is never a plain one.
 *
 * So a name's path depends on that name alone: adding "C#" never moves "C++", which never had the plain
 * "c". The one exception is names whose paths are the same, or differ only in case (which Windows and
 * macOS file systems ignore): names that differ only in case, width, compatibility forms or separators
 * ("World News", "WORLD NEWS", "world-news"; "ﬁnance" and "finance"; "ΟΔΟΣ" and "οδοσ", whose slugs
 * differ only by a final sigma), and canonically equivalent spellings, which the build merges before
 * this (feeds.ts: names are compared in NFC). assignSlugs(names) sorts such names by code point (not
 * locale order, nor UTF-16's, which puts 𝐀 before Ａ); the first keeps its path, each other one gets slug + "--" +
 * hash8(name as given). If that is already a path in use, hash16 is tried, then hash16 + "-2", "-3"…
 * (only a hash collision gets there). Groups are handled in path order, so the result depends only on
 * the set of names. Such contested paths are reported (as collisions).
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
/**
 * A file name's limit, in bytes of UTF-8. A path segment over it (64 letters of four bytes, CJK
 * Extension B, or near that with a hash) could not be created: such a slug is hashed, its words cut to
 * fit. Only paths that could never be made are affected, so no feed moves.
 */
const MAX_NAME_BYTES = 255;

const utf8Bytes = (s: string): number => {
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
};

/** `words`, cut by code points (and trailing "-") so that with `suffix` it fits a file name. */
function fit(words: string, suffix: string): string {
  let out = words;
  while (out !== '' && utf8Bytes(out) + utf8Bytes(suffix) > MAX_NAME_BYTES) out = Array.from(out).slice(0, -1).join('').replace(/-+$/, '');
  return `${out === '' ? 'x' : out}${suffix}`;
}

/** A word: a letter or number, then letters, numbers and combining marks; none of them default-ignorable. */
const WORD = /(?:(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}])(?:(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{M}])*/gu;
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * What a name may be written with around its words that its slug only turns into "-": white space, "-",
 * "_", ".", apostrophes, middle dots (Latin and katakana), and invisible characters.
 */
const SEPARATORS = /(?:[\s\-_.'\u2018\u2019\u00B7\u30FB]|\p{Default_Ignorable_Code_Point})+/u;

/** Step 1: NFKC, lower case, NFC. */
const fold = (name: string): string => name.normalize('NFKC').toLowerCase().normalize('NFC');

/** Steps 1–3: the name's words joined by "-", at most 64 code points; '' when it has none. */
export function slugWords(name: string): string {
  const dashed = (fold(name).match(WORD) ?? []).join('-');
  return Array.from(dashed).slice(0, MAX_CODE_POINTS).join('').replace(/-+$/, '');
}

/**
 * The path segment for a name on its own (see the header): its slug when that spells it, else the slug
 * (or "x") + "--" + a hash of the name. Never empty, never '.' or '..', no '/', '\\', control or format characters.
 */
export function slugify(name: string): string {
  const words = slugWords(name);
  if (words !== '' && !WINDOWS_DEVICE.test(words) && utf8Bytes(words) <= MAX_NAME_BYTES && fold(name).split(SEPARATORS).filter((w) => w !== '').join('-') === words) return words;
  return fit(words, `--${hash8(name.normalize('NFC'))}`);
}

export interface SlugCollision {
  /** The path the names contested (the first one's; it keeps it). */
  slug: string;
  /** By `rank` (when given), then by code point: the first keeps the path. */
  names: string[];
  /** assigned[i] is the path given to names[i]; assigned[0] === slug. */
  assigned: string[];
}

export interface SlugAssignment {
  slugs: Map<string, string>;
  collisions: SlugCollision[];
}

/**
 * Paths for a set of names (duplicates in the input are ignored); distinct names always get paths that
 * differ even where case does not count (Windows and macOS file systems by default). Order of input
 * never matters. The build passes names in NFC, so canonically equivalent spellings are one name there.
 * Of names that make one path, the first by `rank` (lowest first; the build's is the name's first
 * publication, so a spelling in use keeps its path when a new one appears), then by code point, keeps it.
 */
export function assignSlugs(names: Iterable<string>, rank?: (name: string) => number): SlugAssignment {
  const byKey = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const key = caselessPath(slugify(name));
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [name]);
    else group.push(name);
  }
  const taken = new Set(byKey.keys());
  const slugs = new Map<string, string>();
  const collisions: SlugCollision[] = [];
  for (const key of [...byKey.keys()].sort(byCodePoints)) {
    const group = (byKey.get(key) ?? []).sort(rank === undefined ? byCodePoints : (a, b) => rank(a) - rank(b) || byCodePoints(a, b));
    const assigned = group.map((name, i) => {
      const s = i === 0 ? slugify(name) : disambiguate(slugWords(name) || 'x', name, taken);
      taken.add(caselessPath(s));
      slugs.set(name, s);
      return s;
    });
    if (group.length > 1) collisions.push({ slug: assigned[0] as string, names: group, assigned });
  }
  return { slugs, collisions };
}

/**
 * A path as a case-insensitive file system compares it: each code point by its uppercase, where that is
 * one code point (NTFS's table is one to one). Slugs are lower case already, so what this adds are the
 * letters with two lower-case forms: "οδος" and "οδοσ" (final sigma), "ı" and "i".
 */
export function caselessPath(path: string): string {
  let out = '';
  for (const c of path) {
    const u = c.toUpperCase();
    out += u.length === c.length ? u : c;
  }
  return out;
}

function disambiguate(slug: string, name: string, taken: ReadonlySet<string>): string {
  const short = fit(slug, `--${hash8(name)}`);
  if (!taken.has(caselessPath(short))) return short;
  const long = fit(slug, `--${hash16(name)}`);
  if (!taken.has(caselessPath(long))) return long;
  // Only reachable through a 64-bit hash collision; keeps the guarantee absolute.
  for (let k = 2; ; k += 1) {
    const numbered = fit(slug, `--${hash16(name)}-${k}`);
    if (!taken.has(caselessPath(numbered))) return numbered;
  }
}

/** Strings by code point (not UTF-16 unit): the order of names everywhere a tie must be broken the same. */
export function byCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i += 1;
  }
  return a.length - b.length;
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
