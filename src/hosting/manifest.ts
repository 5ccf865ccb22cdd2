/** The feeds → what servers need to serve them: validators, precompressed siblings, the manifest. Pure. */
import { FEED_FILES, FEED_TYPES } from '../core/model.js';
import type { EncodedVariant, FeedModel, Format, Manifest, ServedFile } from '../types.js';
import { brotli, brotliAsync, byteLength, gzip, gzipAsync, httpDate, strongEtag, wholeBytes, wholeSeconds, type Bytes } from './encode.js';

/** The manifest's name in the output directory. Servers read it; it is renamed into place last. */
export const MANIFEST_FILE = '_dateline.json';

/** Media type of each feed, with its charset (the writers always write UTF-8). */
export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  rss: `${FEED_TYPES.rss}; charset=utf-8`,
  atom: `${FEED_TYPES.atom}; charset=utf-8`,
  json: `${FEED_TYPES.json}; charset=utf-8`,
};
/**
 * RSS and Atom: a browser shows these types as text and applies a feed's `<?xml-stylesheet?>` only to XML
 * types, so both servers give a browser the same bytes as `application/xml` (`dateline serve`'s
 * `mediaType`, nginx.conf's twin locations).
 */
export const XML_FEED = /^application\/(?:rss|atom)\+xml\b/;

/** Content codings of the precompressed siblings, with the suffix of each sibling's file name. */
export const ENCODINGS = [
  { coding: 'gzip', suffix: '.gz' },
  { coding: 'br', suffix: '.br' },
] as const;

export type Coding = (typeof ENCODINGS)[number]['coding'];

/** One feed's documents as the build renders them. */
export interface FeedDocuments {
  /** File name (relative to the output directory) → text, or its UTF-8 bytes (whole or in pieces). */
  outputs: ReadonlyMap<string, string | Bytes>;
  model: FeedModel;
  /** Whether to write `.gz`/`.br` siblings. */
  precompress: boolean;
}

/** What one feed adds to a build: its files with their siblings, its manifest entries and the files' mtimes. */
export interface ServedFeed<B extends Bytes = Uint8Array> {
  entries: [string, ServedFile][];
  files: Map<string, B>;
  mtimes: Map<string, Date>;
}

const utf8 = new TextEncoder();
const FORMAT_OF = new Map((Object.entries(FEED_FILES) as [Format, string][]).map(([f, name]) => [name, f]));

/** The format of a feed document from its file name (`sections/world/atom.xml` → atom). */
function formatOf(file: string): Format | undefined {
  return FORMAT_OF.get(file.slice(file.lastIndexOf('/') + 1));
}

/** A feed's served files, compressing synchronously (brotli at `brotliQuality`, gzip -9), each in one buffer. */
export function serveFeed(feed: FeedDocuments, brotliQuality: number): ServedFeed {
  const plain = new Map([...feed.outputs].map(([name, content]) => [name, wholeBytes(encoded(content))]));
  return assemble(feed, plain, (coding, bytes) => (coding === 'gzip' ? gzip(bytes) : brotli(bytes, brotliQuality)));
}

/**
 * The same as `serveFeed`, with the compression on libuv's thread pool (all of a feed's documents at
 * once). The served files are bytes (each text encoded once), so the texts can be let go; a document in
 * pieces stays in pieces unless it is compressed.
 */
export async function serveFeedAsync(feed: FeedDocuments, brotliQuality: number): Promise<ServedFeed<Bytes>> {
  const plain = new Map([...feed.outputs].map(([name, content]) => [name, feed.precompress ? wholeBytes(encoded(content)) : encoded(content)]));
  const done = new Map<string, Uint8Array>();
  if (feed.precompress) {
    await Promise.all([...plain].flatMap(([name, bytes]) => ENCODINGS.map(async ({ coding }) => {
      const whole = wholeBytes(bytes);
      done.set(`${coding} ${name}`, coding === 'gzip' ? await gzipAsync(whole) : await brotliAsync(whole, brotliQuality));
    })));
  }
  return assemble(feed, plain, (coding, _bytes, name) => done.get(`${coding} ${name}`) ?? new Uint8Array());
}

/** A document's UTF-8 bytes: text encoded, bytes as they are. */
const encoded = (content: string | Bytes): Bytes => (typeof content === 'string' ? utf8.encode(content) : content);

function assemble<B extends Bytes>(feed: FeedDocuments, plain: ReadonlyMap<string, B>, encode: (coding: Coding, bytes: B, name: string) => Uint8Array): ServedFeed<B | Uint8Array> {
  const files = new Map<string, B | Uint8Array>(plain);
  const mtimes = new Map<string, Date>();
  const entries: [string, ServedFile][] = [];
  // (File times and HTTP dates of feeds from before 1970 stop at the epoch, which every server and cache
  // reads.)
  const modified = wholeSeconds(new Date(Math.max(0, feed.model.updated.getTime())));
  for (const [name, bytes] of plain) {
    const format = formatOf(name);
    if (format === undefined) continue;
    mtimes.set(name, modified);
    const encodings: ServedFile['encodings'] = {};
    if (feed.precompress) {
      for (const { coding, suffix } of ENCODINGS) {
        const encoded = encode(coding, bytes, name);
        const variant: EncodedVariant = { file: `${name}${suffix}`, etag: strongEtag(encoded), bytes: encoded.byteLength };
        encodings[coding] = variant;
        files.set(variant.file, encoded);
        mtimes.set(variant.file, modified);
      }
    }
    const links: ServedFile['links'] = { self: feed.model.selfUrl[format] };
    if (feed.model.hub !== undefined) links.hub = feed.model.hub;
    entries.push([name, {
      type: MEDIA_TYPES[format],
      etag: strongEtag(bytes),
      lastModified: httpDate(modified),
      bytes: byteLength(bytes),
      maxAge: feed.model.ttl * 60,
      encodings,
      links,
    }]);
  }
  return { entries, files, mtimes };
}

/** The manifest of a build from its feeds' entries, by file name so the keys come out in the same order every time. */
export function manifestOf(entries: Iterable<[string, ServedFile]>): { manifest: Manifest; text: string } {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const manifest: Manifest = { version: 1, files: Object.fromEntries(sorted) };
  return { manifest, text: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The `Link` header value of a served file (`<self>; rel="self", <hub>; rel="hub"`), or undefined when it has no links. */
export function linkHeader(links: ServedFile['links']): string | undefined {
  const parts = [
    ...(links.self === undefined ? [] : [`<${links.self}>; rel="self"`]),
    ...(links.hub === undefined ? [] : [`<${links.hub}>; rel="hub"`]),
  ];
  return parts.length === 0 ? undefined : parts.join(', ');
}
