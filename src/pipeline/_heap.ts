/**
 * V8's heap as the size check of large documents needs it (render/site.ts, DocumentBounds): its limit, and
 * how much is free, after a full collection when asked (garbage counts as used until then). Asked only
 * before joining large documents, near the limit, where V8 would otherwise abort the process.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

function collect(): void {
  if (gc === undefined) {
    // The usual way to reach V8's collector without starting Node with --expose-gc.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

export function heapNow(): { limit: number; left: (collect: boolean) => number } {
  return {
    limit: getHeapStatistics().heap_size_limit,
    left: (full) => {
      if (full) collect();
      const h = getHeapStatistics();
      return h.heap_size_limit - h.used_heap_size;
    },
  };
}
