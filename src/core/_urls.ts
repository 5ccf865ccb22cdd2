/**
 * `new URL(value, base).href` without building a URL, for the shapes records hold by the thousand: an
 * http(s) URL with a plain host and path, and a path of plain segments under a base that ends in `/`.
 * Validation resolves several URLs per record, and the URL objects were a tenth of reading a record.
 * Anything else is left to URL (undefined here): ports, queries, fragments, percent-escapes, dot
 * segments, upper case or numeric hosts and `xn--` labels, which URL rewrites or checks.
 * tests/urls.test.ts compares the two on generated and tricky values.
 */

/** URL schemes a link of a story keeps (`tel:` for a tip line): the build's sanitiser's, and the importers' (`_blocks.ts`). */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/** Lower-case labels, the last one starting with a letter (a numeric last label makes an IPv4 address). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Segments of characters a path keeps as they are, none of them `.` or `..` (each starts with one of these). */
const PATH = /^(?:\/(?:[A-Za-z0-9_~!$&'()*+,;=:@-][A-Za-z0-9._~!$&'()*+,;=:@-]*)?)+$/;
const SEGMENTS = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$/;

/** The href URL would give, or undefined when only URL can say. */
export function quickHref(value: string, base: string): string | undefined {
  const scheme = value.startsWith('https://') ? 8 : value.startsWith('http://') ? 7 : 0;
  if (scheme > 0) {
    const slash = value.indexOf('/', scheme);
    if (slash < 0) return undefined;
    const host = value.slice(scheme, slash);
    return HOST.test(host) && !host.includes('xn--') && PATH.test(value.slice(slash)) ? value : undefined;
  }
  return SEGMENTS.test(value) && plainBase(base) ? base + value : undefined;
}

/** The last base asked about (records resolve against the site's URL, or their own: one memo is enough). */
let lastBase = { base: '', plain: false };

/** Whether a base is an href URL keeps as it is, ending in `/` with nothing after its path. */
function plainBase(base: string): boolean {
  if (lastBase.base !== base) lastBase = { base, plain: base.endsWith('/') && quickHref(base, '') === base };
  return lastBase.plain;
}

/**
 * An href as RFC 3986 allows it: URL (WHATWG) keeps `|`, `^`, `[`, `]` in paths and queries, and `{`,
 * `}`, `` ` `` in queries and fragments, a `%` that starts no escape and a second `#`, which the W3C
 * validator reports as InvalidUriChar. Each is percent-encoded after the authority; an href without them
 * is returned as it is (the common case, one regular expression test).
 */
export function rfc3986Href(href: string): string {
  if (!NOT_URI.test(href)) return href;
  const start = href.indexOf('/', href.indexOf('//') + 2);
  if (start < 0) return href;
  const hash = href.indexOf('#', start);
  const encode = (part: string, fragment: boolean): string =>
    part.replace(fragment ? /[|^[\]{}`#]|%(?![0-9A-Fa-f]{2})/g : /[|^[\]{}`]|%(?![0-9A-Fa-f]{2})/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return hash < 0
    ? href.slice(0, start) + encode(href.slice(start), false)
    : href.slice(0, start) + encode(href.slice(start, hash), false) + '#' + encode(href.slice(hash + 1), true);
}
const NOT_URI = /[|^[\]{}`]|%(?![0-9A-Fa-f]{2})|#[^#]*#/;
