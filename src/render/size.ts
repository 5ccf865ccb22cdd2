/**
 * How large a feed document may be. As text (the library's documents: buildFeeds, writeRss) a document
 * is one JavaScript string, and V8 holds no string longer than 2^29 − 24 code units (about 512 MiB). Well
 * before that, its heap runs out: the build held a feed's items, each format's item fragments, the joined
 * text (in two bytes a character as soon as one character is not Latin-1, an em dash in the title will
 * do) and its UTF-8 bytes at once. Measured on a monthly archive of 2 MB bodies with full content: about
 * 13.5 bytes of heap a byte of document at the peak, so V8's default heap of 4,144 MiB made documents of
 * 296 MiB and aborted the process (FATAL ERROR: Reached heap limit) at about 307 MiB. A build and `check`
 * now join each document from its items' UTF-8 bytes, outside the heap, and take far less of it; the
 * limits stay those measured for text, which errs towards refusing. A document past the limit is an
 * error naming it, found before it is made: while its items are made (their text alone is a lower bound
 * of its size), then exactly, from its parts, before they are joined. Pure.
 */
import type { DocumentParts } from '../formats/_document.js';
import { diagnostic, Errors } from '../errors.js';
import type { ContentMode, Diagnostic, FeedItem } from '../types.js';
import type { FeedKind } from '../core/feeds.js';
import { grouped } from '../core/_numbers.js';

/** V8's longest string, in UTF-16 code units; a document's UTF-8 bytes are never fewer. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;
/** Heap a document needs while it is made, per byte of it (13.5 measured, and room for the rest of the build). */
const HEAP_PER_DOCUMENT_BYTE = 16;
/** Documents from this size are named by a warning: many feed readers and aggregators will not fetch them. */
export const LARGE_DOCUMENT_BYTES = 100 * 2 ** 20;

/** The largest document a build makes (UTF-8 bytes), and what sets it (for messages). */
export interface DocumentLimit {
  bytes: number;
  /**
   * `heap`: V8's heap limit (a larger heap allows larger documents); `string`: the longest string;
   * `given`: the caller's; `memory`: the heap left when the feed was joined (heapLeftLimit).
   */
  by: 'heap' | 'string' | 'given' | 'memory';
  /** V8's heap limit, when it sets the limit. */
  heap?: number;
}

/**
 * The limit in a process whose V8 heap holds at most `heapLimit` bytes (`v8.getHeapStatistics()`'s
 * `heap_size_limit`), or, without one, what a string can hold. `bytes` sets it outright.
 */
export function documentLimit(heapLimit?: number, bytes?: number): DocumentLimit {
  if (bytes !== undefined) return { bytes, by: 'given' };
  const byHeap = heapLimit === undefined ? Infinity : Math.floor(heapLimit / HEAP_PER_DOCUMENT_BYTE);
  return byHeap >= MAX_STRING_LENGTH ? { bytes: MAX_STRING_LENGTH, by: 'string' } : { bytes: byHeap, by: 'heap', heap: heapLimit };
}

/** What sets the limit, as a clause. */
function limitClause(limit: DocumentLimit): string {
  switch (limit.by) {
    case 'given':
      return `this build makes documents of at most ${mib(limit.bytes)}`;
    case 'string':
      return `no document can pass ${mib(limit.bytes)}, the longest string JavaScript holds`;
    case 'heap':
      return `a build makes documents of at most ${mib(limit.bytes)} with V8's heap of ${mib(limit.heap ?? 0, 0)} (one takes up to ${HEAP_PER_DOCUMENT_BYTE} times its size in memory while it is made, with a margin: about 13.5 measured)`;
    case 'memory':
      return `too little of V8's heap of ${mib(limit.heap ?? 0, 0)} was left to make the feed's documents (the build's records and items held the rest; joining them takes about ${HEAP_PER_JOINED_UNIT} times their size)`;
  }
}

/** A size for messages: `322.4 MiB`, or below a MiB its bytes (`61,234 bytes`). */
export const mib = (bytes: number, digits = 1): string =>
  bytes < 2 ** 20 ? `${grouped(bytes)} bytes` : `${(bytes / 2 ** 20).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} MiB`;

/**
 * Fewer bytes than the item adds to each of its feed's documents: the text every format carries (the
 * content, summary, title, id and URL; escaping and UTF-8 only add to it). O(1).
 */
export function itemFloor(item: FeedItem): number {
  return (item.contentHtml?.length ?? 0) + (item.summary?.length ?? 0) + item.title.length + item.id.length + item.url.length;
}

/** UTF-8 length of a string, lone surrogates counted as the three bytes of U+FFFD that encoding gives them. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: two code units, four bytes
      i += 1;
    } else n += 2;
  }
  return n;
}

/**
 * The UTF-8 size of the document `joinDocument(parts, items)` gives, when it is more than `limit` bytes;
 * undefined when it is not. Worked out without joining it: from the lengths of its parts (each fragment
 * rendered, as joining would, and kept by its writer for the join), counted byte by byte only when three
 * bytes a code unit could pass the limit.
 */
export function documentOver(parts: DocumentParts, items: readonly FeedItem[], limit: number, units = documentUnits(parts, items)): number | undefined {
  if (units * 3 <= limit) return undefined;
  const bytes = documentBytes(parts, items);
  return bytes > limit ? bytes : undefined;
}

const piecesOf = (parts: DocumentParts, items: readonly FeedItem[]): string[] =>
  items.length === 0 && parts.empty !== undefined ? [parts.empty] : [parts.head, parts.tail, ...items.map((i) => parts.fragment(i))];

/** The document's length in UTF-16 code units, from its parts. */
export function documentUnits(parts: DocumentParts, items: readonly FeedItem[]): number {
  let units = Math.max(0, items.length - 1) * parts.separator.length;
  for (const p of piecesOf(parts, items)) units += p.length;
  return units;
}

/** The document's exact UTF-8 size, from its parts. */
export function documentBytes(parts: DocumentParts, items: readonly FeedItem[]): number {
  let bytes = Math.max(0, items.length - 1) * utf8Length(parts.separator);
  for (const p of piecesOf(parts, items)) bytes += utf8Length(p);
  return bytes;
}

/**
 * Heap a feed's documents take while they are joined, per code unit of them: the joined text (two bytes
 * a unit once one character is not Latin-1) and the ropes it is flattened from (their UTF-8 bytes are
 * outside the heap). Measured with a heap of 304 MiB: three documents of 50.3 million units in all were
 * made with 165 MB free (3.28 a unit), and 53.8 million with 156 MB free (2.90 a unit) aborted.
 */
const HEAP_PER_JOINED_UNIT = 3.2;

/**
 * The limit when the heap left is what stops a feed's documents: `heapLeft` bytes of V8's heap of
 * `heap` are free, and joining `units` code units would take more (HEAP_PER_JOINED_UNIT a unit). Only
 * near the heap's limit, where V8 would abort the process: the build's records and items hold the rest.
 */
export function heapLeftLimit(units: number, heapLeft: number, heap: number): DocumentLimit | undefined {
  return units * HEAP_PER_JOINED_UNIT > heapLeft ? { bytes: Math.max(0, Math.floor(heapLeft / HEAP_PER_JOINED_UNIT)), by: 'memory', heap } : undefined;
}

/**
 * E_DOCUMENT_TOO_LARGE, once for a feed: `sizes` are its documents past the limit, by name as shown
 * (`dist/archive/2025-02/rss.xml`), the first one the place named. With `floor`, each size is the text of
 * the first `made` of its `of` items, which the document would hold and more.
 */
export function documentTooLarge(sizes: readonly (readonly [string, number])[], limit: DocumentLimit, feed: { kind: FeedKind; content: ContentMode }, floor?: { made: number; of: number }): Diagnostic {
  const [file, bytes] = sizes[0] ?? ['', 0];
  const others = sizes.slice(1);
  const n = grouped;
  const size = floor === undefined
    ? `${mib(bytes)}${alsoSizes(others)}`
    : `over ${mib(bytes)}${others.length === 0 ? '' : `, and so would ${others.map(([name]) => name.slice(name.lastIndexOf('/') + 1)).join(' and ')}`} (the text of its first ${n(floor.made)} of ${n(floor.of)} items alone comes to that)`;
  let remedy = smaller(feed);
  // A larger heap helps up to the longest string (the flag takes MiB).
  if ((limit.by === 'heap' || limit.by === 'memory') && bytes <= MAX_STRING_LENGTH) {
    remedy += floor === undefined
      ? `, or give Node a larger heap (NODE_OPTIONS=--max-old-space-size=${Math.ceil((bytes * HEAP_PER_DOCUMENT_BYTE) / 2 ** 30) * 1024})`
      : `, or give Node a heap of about ${HEAP_PER_DOCUMENT_BYTE} times the document (NODE_OPTIONS=--max-old-space-size, in MiB)`;
  }
  return diagnostic(Errors.DocumentTooLarge, { file }, size, limitClause(limit), remedy);
}

/** W_DOCUMENT_LARGE, once for a feed, when any of its documents (`[name as shown, bytes]`) is that large: the largest named. */
export function largeDocuments(sizes: readonly (readonly [string, number])[], feed: { kind: FeedKind; content: ContentMode }): Diagnostic[] {
  const large = sizes.filter(([, bytes]) => bytes >= LARGE_DOCUMENT_BYTES).sort((a, b) => b[1] - a[1]);
  const [first, ...others] = large;
  if (first === undefined) return [];
  return [diagnostic(Errors.DocumentLarge, { file: first[0] }, `${mib(first[1])}${alsoSizes(others)}`, smaller(feed))];
}

/** ` (atom.xml 273.6 MiB and feed.json 252.4 MiB too)`: the other documents of a feed, by file name. */
function alsoSizes(others: readonly (readonly [string, number])[]): string {
  return others.length === 0 ? '' : ` (${others.map(([name, b]) => `${name.slice(name.lastIndexOf('/') + 1)} ${mib(b)}`).join(' and ')} too)`;
}

/** What makes a feed's documents smaller, in the configuration's words. */
function smaller(feed: { kind: FeedKind; content: ContentMode }): string {
  const full = feed.content === 'full';
  switch (feed.kind) {
    case 'main':
      return 'give the site a smaller "itemsPerFeed"';
    case 'archive':
      return full
        ? 'give archives "content": "summary" ("feeds": { "archives": { "content": "summary" } }), which leaves the bodies out of them'
        : 'a month\'s summaries alone make it: shorten the summaries';
    default: {
      const family = `${feed.kind}s`;
      return full
        ? `give ${family} "content": "summary" or a smaller "itemsPerFeed" ("feeds": { "${family}": { … } })`
        : `give ${family} a smaller "itemsPerFeed" ("feeds": { "${family}": { … } })`;
    }
  }
}
