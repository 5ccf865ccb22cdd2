/** Permanent item ids: the one id an article carries in every format, for as long as it exists. */
import type { SiteConfig } from '../types.js';

const URI = /^[a-z][a-z0-9+.-]*:/i;
/** No spaces or control characters: a key. */
const ID = /^[^\s\p{Cc}]+$/u;
/**
 * And nothing a URI (an Atom id, a tag: URI) cannot hold: printable ASCII but `" < > \ ^ \` { | } [ ]`, and
 * `%` only to start an escape. (Atom allows an IRI, but the W3C validator calls an id outside ASCII invalid:
 * InvalidTAG, InvalidURN, UriNotIri.)
 */
const URI_CHARS = /^[\x21\x23-\x3b\x3d\x3f-\x5a\x5f\x61-\x7a\x7e]+$/;
/** A `%` that starts no escape. (Two simple scans: one regex alternating per character was ten times slower.) */
const BARE_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/** True for an id a record may carry. */
export const isPermanentId = (id: string): boolean => ID.test(id);

/**
 * A `urn:` as RFC 2141 (and the W3C validator) has it: a namespace of 2 to 32 letters, digits and hyphens,
 * then letters, digits, `()+,-.:=@;$_!*'` and escapes (no `/ ? # ~ &`); `urn:uuid:` a UUID.
 */
const URN = /^urn:[a-z0-9][a-z0-9-]{1,31}:(?:[a-z0-9()+,\-.:=@;$_!*']|%[0-9a-f]{2})+$/i;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for an item id (the desk id as `itemId` makes it, prefix and all) that is a valid URI in every
 * format, as the W3C validator checks it. One that is not draws a warning: ids never change, so it is kept.
 * A URI has one fragment at most: one `#`.
 */
function isUriId(id: string): boolean {
  if (!URI_CHARS.test(id) || (id.includes('%') && BARE_PERCENT.test(id)) || id.indexOf('#') !== id.lastIndexOf('#')) return false;
  if (!/^urn:/i.test(id)) return true;
  return /^urn:uuid:/i.test(id) ? UUID_URN.test(id) : URN.test(id);
}

/** Prefixes seen, and whether a plain desk id after them makes a valid URI (asked once each). */
const goodPrefixes = new Map<string, boolean>();
/** A desk id of letters, digits, `.`, `_` and `-` alone: valid after any prefix that is, in every scheme checked. */
const PLAIN_ID = /^[A-Za-z0-9._-]+$/;

/** `isUriId(itemId(deskId, config))`, without making the string for the usual plain id. */
export function isUriItemId(deskId: string, config: Pick<SiteConfig, 'idPrefix'>): boolean {
  if (URI.test(deskId)) return isUriId(deskId);
  const prefix = config.idPrefix;
  let good = goodPrefixes.get(prefix);
  if (good === undefined) goodPrefixes.set(prefix, (good = isUriId(`${prefix}a`)));
  return good && PLAIN_ID.test(deskId) ? true : isUriId(itemId(deskId, config));
}

/** Only characters before the combining marks (U+0300): NFC leaves such text as it is, and two such texts joined. */
const NFC_STABLE = /^[\u0000-\u02ff]*$/;

/**
 * Whether a desk id's permanent id, in NFC as ids are compared (validate.ts, checkIds), is `permanent`;
 * without making the string when nothing needs normalising (one id compared with a whole site's).
 */
export function givesItemId(deskId: string, permanent: string, config: Pick<SiteConfig, 'idPrefix'>): boolean {
  const prefix = config.idPrefix;
  if (!NFC_STABLE.test(deskId) || !NFC_STABLE.test(prefix)) return itemId(deskId, config).normalize('NFC') === permanent;
  if (URI.test(deskId)) return deskId === permanent;
  return permanent.length === prefix.length + deskId.length && permanent.startsWith(prefix) && permanent.endsWith(deskId);
}

/**
 * Schemes in which an id is a URI of its own that no other site gives out: a `tag:` with the site's
 * domain, a `urn:` of a registered namespace, an `http(s):` or `info:` URI. Any other `word:` before an id
 * (`story:123`, `xin:2025:boj`) makes it a URI too, so it goes out without the site's prefix, but nothing
 * makes it unique beyond the site.
 */
const ID_SCHEMES = new Set(['tag', 'urn', 'http', 'https', 'info']);

/** The scheme of a desk id taken for a URI of its own in a scheme no one gives ids out in (`story:123` → `story`), else undefined. */
export function madeUpScheme(deskId: string): string | undefined {
  const m = URI.exec(deskId);
  if (m === null) return undefined;
  const scheme = m[0].slice(0, -1).toLowerCase();
  return ID_SCHEMES.has(scheme) ? undefined : scheme;
}

/** The desk id under the site's prefix, or the id itself when it is already a URI (`urn:…`, `https://…`). */
export function itemId(deskId: string, config: Pick<SiteConfig, 'idPrefix'>): string {
  return URI.test(deskId) ? deskId : `${config.idPrefix}${deskId}`;
}
