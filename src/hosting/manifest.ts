/** The feeds → what servers need to serve them: validators, precompressed siblings, the manifest. Pure. */
import { FEED_FILES } from '../core/model.js';
import type { EncodedVariant, FeedModel, Format, Manifest, Outputs, ServedFile } from '../types.js';
import { brotli, gzip, httpDate, strongEtag, wholeSeconds } from './encode.js';

/** The manifest's name in the output directory. Servers read it; it is renamed into place last. */
export const MANIFEST_FILE = '_dateline.json';

/** Media type of each feed, with its charset (the writers always write UTF-8). */
export const MEDIA_TYPES: Record<Format, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Content codings of the precompressed siblings, with the suffix of each sibling's file name. */
export const ENCODINGS = [
  { coding: 'gzip', suffix: '.gz', encode: gzip },
  { coding: 'br', suffix: '.br', encode: brotli },
] as const;

export interface ServedFeeds {
  manifest: Manifest;
  /** The outputs, the feeds' siblings and the manifest, by file name. */
  files: Outputs;
  /** The mtime each feed and sibling must have: its Last-Modified instant. */
  mtimes: Map<string, Date>;
}

const utf8 = new TextEncoder();

/**
 * `outputs` maps file names to texts (the build's `outputs`): each is written as it is, and each feed
 * among them (rss.xml, atom.xml, feed.json) gets its siblings and its manifest entry.
 */
export function serveFeeds(outputs: ReadonlyMap<string, string>, model: FeedModel): ServedFeeds {
  const files: Outputs = new Map(outputs);
  const mtimes = new Map<string, Date>();
  const entries: [string, ServedFile][] = [];
  const modified = wholeSeconds(model.updated);
  // By file name, so that the manifest's keys come out in the same order every time.
  const formats = (Object.keys(FEED_FILES) as Format[]).sort((a, b) => (FEED_FILES[a] < FEED_FILES[b] ? -1 : 1));
  for (const format of formats) {
    const name = FEED_FILES[format];
    const text = outputs.get(name);
    if (text === undefined) continue;
    const bytes = utf8.encode(text);
    mtimes.set(name, modified);
    const encodings: ServedFile['encodings'] = {};
    for (const { coding, suffix, encode } of ENCODINGS) {
      const encoded = encode(bytes);
      const variant: EncodedVariant = { file: `${name}${suffix}`, etag: strongEtag(encoded), bytes: encoded.byteLength };
      encodings[coding] = variant;
      files.set(variant.file, encoded);
      mtimes.set(variant.file, modified);
    }
    const links: ServedFile['links'] = { self: model.selfUrl[format] };
    if (model.hub !== undefined) links.hub = model.hub;
    entries.push([name, {
      type: MEDIA_TYPES[format],
      etag: strongEtag(bytes),
      lastModified: httpDate(modified),
      bytes: bytes.byteLength,
      maxAge: model.ttl * 60,
      encodings,
      links,
    }]);
  }
  const manifest: Manifest = { version: 1, files: Object.fromEntries(entries) };
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, files, mtimes };
}

/** The `Link` header value of a served file (`<self>; rel="self", <hub>; rel="hub"`), or undefined when it has no links. */
export function linkHeader(links: ServedFile['links']): string | undefined {
  const parts = [
    ...(links.self === undefined ? [] : [`<${links.self}>; rel="self"`]),
    ...(links.hub === undefined ? [] : [`<${links.hub}>; rel="hub"`]),
  ];
  return parts.length === 0 ? undefined : parts.join(', ');
}
