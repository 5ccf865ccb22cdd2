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
  /** The whole document when there are no items, if not head and tail. */
  empty?: string;
}

export function joinDocument(parts: DocumentParts, items: readonly FeedItem[]): string {
  if (items.length === 0 && parts.empty !== undefined) return parts.empty;
  let out = parts.head;
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : parts.separator) + parts.fragment(items[i] as FeedItem);
  return out + parts.tail;
}

/** Memoises a fragment per item object and context (items are immutable once built, and shared by feeds). */
export function fragmentCache(): (item: object, context: string, render: () => string) => string {
  const cache = new WeakMap<object, { context: string; text: string }>();
  return (item, context, render) => {
    const hit = cache.get(item);
    if (hit !== undefined && hit.context === context) return hit.text;
    const text = render();
    cache.set(item, { context, text });
    return text;
  };
}
