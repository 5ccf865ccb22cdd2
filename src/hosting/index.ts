/**
 * What a build writes for servers, beside the feeds: precompressed `.gz`/`.br` siblings, `_dateline.json`
 * (validators and headers per file, read by `dateline serve`), `_config/nginx.conf` and `_headers`.
 * Pure computation (hashing, zlib): no fs, no clock, no environment.
 */
import type { FeedModel, Manifest, Outputs, SiteConfig } from '../types.js';
import { headersFile } from './headers.js';
import { serveFeeds } from './manifest.js';
import { nginxConf } from './nginx.js';

export { MANIFEST_FILE, MEDIA_TYPES } from './manifest.js';
export { strongEtag, httpDate } from './encode.js';

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

/** `outputs`: the build's texts by file name; all of them are in `files`, the feeds with their siblings. */
export function hostingFiles(outputs: ReadonlyMap<string, string>, model: FeedModel, config: SiteConfig): Hosting {
  const { manifest, files, mtimes } = serveFeeds(outputs, model);
  files.set(NGINX_CONF_FILE, nginxConf(manifest, config.feedBaseUrl, config.title));
  files.set(HEADERS_FILE, headersFile(manifest, config.feedBaseUrl, config.title));
  return { manifest, files, mtimes };
}
