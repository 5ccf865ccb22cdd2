/** Permanent item ids: the one id an article carries in every format, for as long as it exists. */
import type { SiteConfig } from '../types.js';

const URI = /^[a-z][a-z0-9+.-]*:/i;
/** No spaces or control characters: a key. */
const ID = /^[^\s\p{Cc}]+$/u;
/** And nothing a URI (an Atom id, a tag: URI) cannot hold. */
const URI_ID = /^(?:[^\s\p{Cc}"<>\\^`{|}[\]%]|%[0-9A-Fa-f]{2})+$/u;

/** True for an id a record may carry. */
export const isPermanentId = (id: string): boolean => ID.test(id);

/** True for an id that also makes a valid URI in every format (an id that is not one draws a warning: ids never change, so it is kept). */
export const isUriId = (id: string): boolean => URI_ID.test(id);

/** The desk id under the site's prefix, or the id itself when it is already a URI (`urn:…`, `https://…`). */
export function itemId(deskId: string, config: Pick<SiteConfig, 'idPrefix'>): string {
  return URI.test(deskId) ? deskId : `${config.idPrefix}${deskId}`;
}
