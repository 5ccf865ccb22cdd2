/**
 * A feed document as its writer assembles it: a head, the items' fragments with a separator between
 * them, and a tail. Every writer writes through `joinDocument`, so the parts are the document by
 * construction, and a build may assemble a document from fragments it did not render (an archive with
 * one corrected story: pipeline/_splice.ts).
 */
import type { FeedItem } from '../types.js';

export interface DocumentParts {
  head: string;
  tail: string;
  /** Between two fragments. */
  separator: string;
  /**
   * Each fragment but the first starts `offset` characters into a match of `text` (ASCII: a newline and
   * an item's exact indentation). Escaped text and JSON strings never hold it, so the matches in the
   * items of a document are exactly the fragments' starts; a count of them checks it.
   */
  boundary: { text: string; offset: number };
  fragment(item: FeedItem): string;
  /** The fragment's UTF-8 bytes (its writer keeps them, not the text, once they are asked for). */
  fragmentBytes(item: FeedItem): Uint8Array;
  /** The whole document when there are no items, if not head and tail. */
  empty?: string;
}

export function joinDocument(parts: DocumentParts, items: readonly FeedItem[]): string {
  if (items.length === 0 && parts.empty !== undefined) return parts.empty;
  let out = parts.head;
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : parts.separator) + parts.fragment(items[i] as FeedItem);
  return out + parts.tail;
}

/**
 * The same document as UTF-8 bytes, in pieces: the head, each fragment's bytes (its writer keeps them),
 * the separators and the tail. A build writes bytes: joining text makes a rope of every piece each writer
 * concatenated, and encoding it walks that rope again for each document that holds the item (a tenth of
 * a 10k-article site's build, all feeds); the pieces are written as they are (one `writev`), not copied.
 */
export function documentPieces(parts: DocumentParts, items: readonly FeedItem[]): Uint8Array[] {
  if (items.length === 0 && parts.empty !== undefined) return [Buffer.from(parts.empty)];
  const separator = parts.separator === '' ? undefined : Buffer.from(parts.separator);
  const pieces: Uint8Array[] = [Buffer.from(parts.head)];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && separator !== undefined) pieces.push(separator);
    pieces.push(parts.fragmentBytes(items[i] as FeedItem));
  }
  pieces.push(Buffer.from(parts.tail));
  return pieces;
}

/** A writer's fragments, memoised per item object and context, as text or as UTF-8 bytes. */
export interface Fragments {
  text(item: object, context: string, render: () => string): string;
  bytes(item: object, context: string, render: () => string): Uint8Array;
}

/** A fragment as text, or, once asked for, as UTF-8 bytes. */
interface Fragment {
  context: string;
  text: string | undefined;
  bytes: Buffer | undefined;
}

/**
 * Memoises a fragment per item object and context (items are immutable once built, and shared by feeds).
 * Once its bytes are asked for, they are kept instead of the text: a writer's text is a rope of small
 * strings, which every garbage collection walks while it lives.
 */
export function fragmentCache(): Fragments {
  const cache = new WeakMap<object, Fragment>();
  const entry = (item: object, context: string, render: () => string): Fragment => {
    const hit = cache.get(item);
    if (hit !== undefined && hit.context === context) return hit;
    const made: Fragment = { context, text: render(), bytes: undefined };
    cache.set(item, made);
    return made;
  };
  return {
    text(item, context, render) {
      const e = entry(item, context, render);
      return (e.text ??= (e.bytes as Buffer).toString('utf8'));
    },
    bytes(item, context, render) {
      const e = entry(item, context, render);
      if (e.bytes === undefined) {
        e.bytes = Buffer.from(e.text as string);
        e.text = undefined;
      }
      return e.bytes;
    },
  };
}
