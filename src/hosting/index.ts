/**
 * What a build writes for servers, beside the feeds: precompressed `.gz`/`.br` siblings, `_dateline.json`
 * (validators and headers per file, read by `dateline serve`), `_config/nginx.conf` and `_headers`; and the
 * manifest read back, checked.
 * Pure computation (hashing, zlib): no fs, no clock, no environment.
 */
import type { Manifest, Outputs, SiteConfig } from '../types.js';
import { headersFile } from './headers.js';
import { MANIFEST_FILE, manifestOf, serveFeed, type FeedDocuments } from './manifest.js';
import { ETAGS_MARKER_PREFIX, nginxConf } from './nginx.js';

export { ETAGS_MARKER_PREFIX };

export { MANIFEST_FILE, MEDIA_TYPES, XML_FEED, manifestOf, serveFeedAsync, type FeedDocuments } from './manifest.js';
export { byteLength, strongEtag, httpDate, type Bytes } from './encode.js';
export { isServableName, manifestFiles, parseManifest } from './manifest-check.js';
export { parseHttpDate } from './http-date.js';

/** Where the generated server configuration goes, relative to the output directory. */
export const NGINX_CONF_FILE = '_config/nginx.conf';
export const HEADERS_FILE = '_headers';

export interface Hosting {
  manifest: Manifest;
  /** The build's outputs, the feeds' siblings, the manifest and the server configuration, by file name. */
  files: Outputs;
  /** The mtime each feed and sibling must have on disk: its Last-Modified instant. */
  mtimes: Map<string, Date>;
}

/** Every feed's documents with their siblings, the manifest and the server configuration (synchronous compression). */
export function hostingFiles(feeds: Iterable<FeedDocuments>, config: SiteConfig): Hosting {
  const files: Outputs = new Map();
  const mtimes = new Map<string, Date>();
  const entries = [];
  for (const feed of feeds) {
    const served = serveFeed(feed, config.feeds.brotliQuality);
    for (const [name, content] of served.files) files.set(name, content);
    for (const [name, mtime] of served.mtimes) mtimes.set(name, mtime);
    entries.push(...served.entries);
  }
  const { manifest, text } = manifestOf(entries);
  files.set(MANIFEST_FILE, text);
  for (const [name, content] of serverConfigFiles(manifest, config)) files.set(name, content);
  return { manifest, files, mtimes };
}

/**
 * `_config/nginx.conf`, the marker that tells it its ETags label the files in place
 * (`_config/etags-<hash>`: the output stage puts it in place last, and removes the previous one before any
 * other rename), and `_headers`, from the manifest.
 */
export function serverConfigFiles(manifest: Manifest, config: SiteConfig): Map<string, string> {
  const nginx = nginxConf(manifest, config.feedBaseUrl, config.title);
  return new Map([
    [NGINX_CONF_FILE, nginx.conf],
    [nginx.marker, MARKER_TEXT],
    [HEADERS_FILE, headersFile(manifest, config.feedBaseUrl, config.title)],
  ]);
}

const MARKER_TEXT = 'While this file is here, the nginx.conf beside it that names it labels the feeds in place with their ETags. A build removes it before it replaces a feed, and makes its own after.\n';
