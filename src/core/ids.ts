/** Permanent item ids: the one id an article carries in every format, for as long as it exists. */
import type { SiteConfig } from '../types.js';

const URI = /^[a-z][a-z0-9+.-]*:/i;

/** The desk id under the site's prefix, or the id itself when it is already a URI (`urn:…`, `https://…`). */
export function itemId(deskId: string, config: Pick<SiteConfig, 'idPrefix'>): string {
  return URI.test(deskId) ? deskId : `${config.idPrefix}${deskId}`;
}
