/**
 * The URLs a record gives (its own, a byline's, the agency's, the photo's) resolved against the site's or
 * the story's, and the link of a record that gives none; a URL mistyped (no scheme, a slash too many or too
 * few, a colon in a path) said as such rather than made a path of this site.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import type { At } from './_record-strings.js';
import { quickHref, rfc3986Href } from './_urls.js';

/** What a URL's problem is said with, where it is. */
export type UrlProblem = (where: ReturnType<At>) => Diagnostic;

/** `value` (as written) resolved against `base`: an absolute http(s) URL, or its problem. */
export function hrefOf(value: string, base: string): string | UrlProblem {
  const v = value;
  // `url: ""` would resolve to the base: the story's own page as its photo, byline link or agency story.
  if (v.trim() === '') return (w) => diagnostic(Errors.UrlEmpty, w);
  // A URL mistyped, which would become a path of this site or name another host: `https//news.example.com/a`
  // (no colon), `http:/news…` (one slash), `https:///world/a` (three: the host "world"), `www.example.com/a`.
  if (/^(?:https?\/\/|https?:\/(?!\/)|https?:\/{3}|https?:(?!\/)|www\.)/i.test(v.trim())) return (w) => diagnostic(Errors.UrlInvalid, w, v);
  // A colon before any slash with no scheme before it (`ht tp://example.com/a`, `news example:a`): no
  // relative path holds one there (RFC 3986, 4.2), and the URL parser would make it a path of this site.
  if (/^[^/?#:]*:/.test(v.trim()) && !/^[a-z][a-z0-9+.-]*:/i.test(v.trim())) return (w) => diagnostic(Errors.UrlInvalid, w, v);
  // A URL without its scheme (`news.example.com/world/a.html`, `twitter.com/jane`): a path of this site
  // to the URL parser, under the site's URL (`https://news.example.com/news.example.com/world/a.html`).
  const host = hostFirst(v.trim());
  if (host !== undefined) return (w) => diagnostic(Errors.UrlNoScheme, w, v.trim(), host);
  const quick = quickHref(v.trim(), base);
  if (quick !== undefined) return quick;
  // `//world/2025/story.html` (a slash too many) is a URL on the host "world", not a path of this site;
  // `//cdn.example.com/p.jpg` names a host, the site's scheme (a protocol-relative URL).
  if (/^[\\/]{2}/.test(v.trim())) {
    const host = /^[\\/]{2}([^\\/?#]*)/.exec(v.trim())?.[1] ?? '';
    if (!v.trim().startsWith('//') || !plausibleHost(host)) return (w) => diagnostic(Errors.UrlNetworkPath, w, v, host);
  }
  try {
    const u = new URL(v.trim(), base);
    if (u.protocol === 'http:' || u.protocol === 'https:') return rfc3986Href(u.href);
  } catch {
    // said below
  }
  return (w) => diagnostic(Errors.UrlInvalid, w, v);
}

/**
 * Characters of a file's name that a URL reads otherwise (a fragment, a query, an escape, a slash), so a
 * link made from the name escapes them: `q&a #1.md` → `q&a%20%231.html`, `why?.md` → `why%3F.html`,
 * `100%25 sure.md` → `100%2525%20sure.html` (QA: they linked to `q&a%20` and `why`, and to `100% sure.html`).
 */
const NOT_URL_TEXT = /[%#?\\]/;
const NOT_URL_TEXT_ALL = new RegExp(NOT_URL_TEXT.source, 'g');
const SCHEME_LIKE = /^[^/]*:/;
const percentEncoded = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** The link of a record without `url`: the site's URL, the file's path under the articles, `.html`. */
export function pathLink(slugPath: string, siteUrl: string): string {
  const escaped = NOT_URL_TEXT.test(slugPath) ? slugPath.replace(NOT_URL_TEXT_ALL, percentEncoded) : slugPath;
  // (A ":" before the first "/" would make the path a URL of its own scheme: `javascript:x.md`, review.)
  const path = `${SCHEME_LIKE.test(escaped) ? escaped.replace(/^[^/]*/, (first) => first.replaceAll(':', '%3A')) : escaped}.html`;
  return quickHref(path, siteUrl) ?? rfc3986Href(new URL(path, siteUrl).href);
}

/** Endings of web pages and images, which no top-level domain is: `//gaza-talks.html` is a path with a slash too many. */
const FILE_ENDINGS = new Set(['html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'shtml', 'cfm', 'xml', 'json', 'txt', 'pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'avif',
  'heic', 'heif', 'tif', 'tiff', 'bmp', 'ico', 'css', 'js', 'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'webm', 'mov', 'm3u8', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'rss']);

/**
 * The host a relative URL starts with, as a URL typed without its scheme does: `twitter.com/jane`,
 * `news.example.com/world/a.html`, `img.example.com` (a dotted name before a slash, or with two dots),
 * not a file's name (`a.html`, `photo.jpg`). Undefined for other values.
 */
function hostFirst(value: string): string | undefined {
  if (/^[/.#?\\]/.test(value) || /^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
  const first = /^[^/?#\\]*/.exec(value)?.[0] ?? '';
  const dots = first.split('.').length - 1;
  const next = value.charAt(first.length);
  // A dotted name before a slash, or with two dots; alone, one whose ending is a common top-level domain
  // (`reuters.com`). Before a query it is a page (`story.cfm?id=12`).
  const host = dots >= 2 || next === '/' || (next === '' && dots === 1 && COMMON_TLDS.has(first.slice(first.lastIndexOf('.') + 1).toLowerCase()));
  return host && plausibleHost(first) ? first : undefined;
}

/** Top-level domains a name alone is taken for a host by (`reuters.com`), none of them a file's ending. */
const COMMON_TLDS = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'info', 'news', 'io', 'co', 'uk', 'cn', 'de', 'fr', 'jp', 'ru', 'au', 'ca', 'eu', 'in', 'us', 'tv', 'hk', 'tw', 'kr', 'sg', 'br', 'es', 'it', 'nl', 'ch']);

/** A host a protocol-relative URL may name: a dotted name (any script) or an IPv4 address, not a file name. */
function plausibleHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(name)) return true;
  const labels = name.split('.');
  const last = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u.test(l)) && /^\p{L}/u.test(last) && !FILE_ENDINGS.has(last.toLowerCase());
}
