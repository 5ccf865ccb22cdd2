/**
 * Letting articles go as they are read, when a build needs only the newest (a site with the main feed
 * alone, built without the cache). Every article read was kept until planning, though the feed shows 50
 * of them: 10,000 articles surviving two scavenges each were about a tenth of reading them. Now only the
 * newest published articles read so far are held; any other article read is marked `omitted` (counted as
 * published or draft, never in a feed) and its data dies young.
 *
 * The articles kept are exactly those planning would take: the feed's order is total (`byNewest`, the
 * id breaking ties), and a record that loses its id to another is an error that stops the build before
 * anything is planned. (The counts stay exact then too: ids are still compared for every record.)
 */
import { byNewest } from '../core/model.js';
import type { ReadResult } from './_read.js';

/** How many articles were let go (a hook for tests, as parseStats is; nothing reads it otherwise). */
export const newestStats = { omitted: 0 };

type Held = Extract<ReadResult, { kind: 'fresh' }> & { article: NonNullable<Extract<ReadResult, { kind: 'fresh' }>['article']> };

export class NewestArticles {
  /** A heap with the oldest article held on top (the one the next newer article replaces). */
  private readonly heap: Held[] = [];

  constructor(private readonly limit: number) {}

  /** Takes a result as read: its article is held, or omitted (and then, or later, let go). */
  offer(r: ReadResult): void {
    if (r.kind !== 'fresh' || r.article === undefined) return;
    const held = r as Held;
    if (held.article.draft) return omit(held, 'draft');
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push(held);
      this.up(heap.length - 1);
      return;
    }
    const oldest = heap[0];
    if (oldest === undefined || byNewest(held.article, oldest.article) >= 0) return omit(held, 'published');
    omit(oldest, 'published');
    heap[0] = held;
    this.down(0);
  }

  /** Whether `a` goes above `b`: it is older in the feed's order. */
  private above(a: Held, b: Held): boolean {
    return byNewest(a.article, b.article) > 0;
  }

  private up(i: number): void {
    const { heap } = this;
    const item = heap[i] as Held;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Held;
      if (!this.above(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  // (Records come in path order, which in a newsroom's tree is often date order: then every article
  // read replaces the top, so this loop runs for each one.)
  private down(i: number): void {
    const { heap } = this;
    const item = heap[i] as Held;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= heap.length) break;
      if (c + 1 < heap.length && this.above(heap[c + 1] as Held, heap[c] as Held)) c += 1;
      const child = heap[c] as Held;
      if (!this.above(child, item)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = item;
  }
}

function omit(r: Held, as: 'published' | 'draft'): void {
  const out = r as Extract<ReadResult, { kind: 'fresh' }>;
  // Set to undefined, not deleted: a deleted property gave each of 10,000 results a shape of its own.
  // A published story's link is still compared with every other's (core/links.ts): a string of its own,
  // since a `url` as written is a slice of the front matter, which it would keep alive (as _read.ts keeps ids).
  if (as === 'published') out.link = ` ${r.article.url}`.slice(1);
  out.article = undefined;
  out.omitted = as;
  newestStats.omitted += 1;
}
