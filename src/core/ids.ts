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
const URI_ID = /^(?:[\x21\x23\x24\x26-\x3b\x3d\x3f-\x5a\x5f\x61-\x7a\x7e]|%[0-9A-Fa-f]{2})+$/;

/** True for an id a record may carry. */
export const isPermanentId = (id: string): boolean => ID.test(id);

/** True for an id that also makes a valid URI in every format (an id that is not one draws a warning: ids never change, so it is kept). A URI has one fragment at most: one `#`. */
export const isUriId = (id: string): boolean => URI_ID.test(id) && id.indexOf('#') === id.lastIndexOf('#');

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

/** The desk id under the site's prefix, or the id itself when it is already a URI (`urn:…`, `https://…`). */
export function itemId(deskId: string, config: Pick<SiteConfig, 'idPrefix'>): string {
  return URI.test(deskId) ? deskId : `${config.idPrefix}${deskId}`;
}
