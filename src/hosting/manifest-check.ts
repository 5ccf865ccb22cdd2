/**
 * The manifest (`_dateline.json`) read back from disk, checked as any input is: `dateline serve` serves by
 * it, and the next build removes the files of feeds that are gone by it. An entry that does not check out
 * is left out. And which names a server may serve at all. Pure.
 */
import type { EncodedVariant, Manifest, ServedFile } from '../types.js';
import { FEED_ROOTS } from '../core/feeds.js';
import { FEED_FILES } from '../core/model.js';
import { parseHttpDate } from './http-date.js';
import { ENCODINGS } from './manifest.js';

/**
 * Whether a relative name may be served at all: no empty, `.` or `..` segments, no dotfiles (temporary
 * files of an atomic write are dotfiles), no backslashes, NUL or other control characters, and nothing
 * whose first segment starts with `_`: that is where the build puts what is for servers, not readers
 * (`_dateline.json`, `_headers`, `_config/nginx.conf`), and the generated nginx configuration refuses
 * them too. Compared case-insensitively where it matters, for case-insensitive file systems.
 */
export function isServableName(name: string): boolean {
  if (name === '' || name.length > 1024 || /[\\\u0000-\u001f\u007f]/.test(name)) return false;
  if (name.startsWith('_')) return false;
  return name.split('/').every((seg) => seg !== '' && !seg.startsWith('.'));
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A quoted entity-tag (RFC 9110 §8.8.3), which is also safe to put in a header. */
const isEtag = (v: unknown): v is string => typeof v === 'string' && /^(W\/)?"[\x21\x23-\x7e]*"$/.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHeaderText = (v: unknown): v is string => typeof v === 'string' && /^[\x20-\x7e]+$/.test(v);

function checkVariant(v: unknown): EncodedVariant | undefined {
  if (!isObject(v) || typeof v['file'] !== 'string' || !isServableName(v['file']) || !isEtag(v['etag']) || !isCount(v['bytes'])) return undefined;
  return { file: v['file'], etag: v['etag'], bytes: v['bytes'] };
}

function checkLink(v: unknown): string | undefined {
  if (typeof v !== 'string' || !URL.canParse(v)) return undefined;
  // The serialised URL percent-encodes spaces, `<` and `>`, so it cannot break out of `<…>` in a Link header.
  const href = new URL(v).href;
  return isHeaderText(href) ? href : undefined;
}

function checkServed(v: unknown): ServedFile | undefined {
  if (!isObject(v)) return undefined;
  const { type, etag, lastModified, bytes, maxAge, encodings, links } = v;
  if (!isHeaderText(type) || !isEtag(etag) || typeof lastModified !== 'string' || parseHttpDate(lastModified) === undefined) return undefined;
  if (!isCount(bytes) || !isCount(maxAge)) return undefined;
  const served: ServedFile = { type, etag, lastModified, bytes, maxAge, encodings: {}, links: {} };
  if (isObject(encodings)) {
    const gzip = checkVariant(encodings['gzip']);
    const br = checkVariant(encodings['br']);
    if (gzip !== undefined) served.encodings.gzip = gzip;
    if (br !== undefined) served.encodings.br = br;
  }
  if (isObject(links)) {
    const self = checkLink(links['self']);
    const hub = checkLink(links['hub']);
    if (self !== undefined) served.links.self = self;
    if (hub !== undefined) served.links.hub = hub;
  }
  return served;
}

/** The manifest's entries by name, unchecked; undefined when the text is no manifest (of this version). */
function manifestEntries(text: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isObject(data) && data['version'] === 1 && isObject(data['files']) ? data['files'] : undefined;
}

/** The manifest's usable entries; an entry that does not check out is left out (its file is then static). */
export function parseManifest(text: string): Manifest | undefined {
  const entries = manifestEntries(text);
  if (entries === undefined) return undefined;
  const files: Record<string, ServedFile> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const served = isServableName(name) ? checkServed(entry) : undefined;
    if (served !== undefined) files[name] = served;
  }
  return { version: 1, files };
}

const FEED_DOCUMENTS: readonly string[] = Object.values(FEED_FILES);

/**
 * Whether `name` is one a build lists in its manifest: a feed document (`rss.xml`, `atom.xml`,
 * `feed.json`) at the output's root or in a feed's directory (`sections/world/`, `archive/2025-02/`), or a
 * precompressed sibling of one.
 */
export function isFeedFile(name: string): boolean {
  if (!isServableName(name)) return false;
  const parts = name.split('/');
  const base = (parts[parts.length - 1] ?? '').replace(/\.(?:gz|br)$/, '');
  if (!FEED_DOCUMENTS.includes(base)) return false;
  return parts.length === 1 || (parts.length === 3 && FEED_ROOTS.includes(parts[0] ?? ''));
}

/**
 * Every feed file the manifest lists, with its precompressed siblings (`.gz`, `.br`), for the next build
 * to remove those it no longer makes. Only names a build lists (`isFeedFile`): whatever else a damaged
 * manifest holds is passed over, and an entry's name is all that is needed (a damaged entry stands for
 * both siblings). Undefined when the text is no manifest.
 */
export function manifestFiles(text: string): string[] | undefined {
  const entries = manifestEntries(text);
  if (entries === undefined) return undefined;
  const files: string[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    if (!isFeedFile(name)) continue;
    files.push(name);
    // The siblings its entry records (most feeds have none: a build looks for no others); when the entry
    // is damaged, those a build may have written.
    const encodings = isObject(entry) && isObject(entry['encodings']) ? entry['encodings'] : undefined;
    for (const e of ENCODINGS) if (encodings === undefined || encodings[e.coding] !== undefined) files.push(`${name}${e.suffix}`);
  }
  return files;
}
