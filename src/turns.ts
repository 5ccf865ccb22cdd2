/**
 * Turns in one process, per key (a directory): a holder waits until every earlier holder of any of its
 * keys has ended its turn. Used by the output stage (output/dist.ts) and by whole builds
 * (pipeline/build.ts), each with its own keys.
 */
export type TakeTurn = (keys: readonly string[]) => Promise<() => void>;

/** A set of turns; `take(keys)` resolves, in its turn, to the function that ends it (calling it again does nothing). */
export function turns(): TakeTurn {
  const tails = new Map<string, Promise<void>>();
  return async (keys) => {
    const before = Promise.all(keys.map((k) => tails.get(k)));
    let end: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      end = resolve;
    });
    // After those before it and after this one: a turn ended early does not let a later one in first.
    const queued = before.then(() => mine);
    for (const k of keys) tails.set(k, queued);
    await before;
    return () => {
      end();
      for (const k of keys) if (tails.get(k) === queued) tails.delete(k);
    };
  };
}
