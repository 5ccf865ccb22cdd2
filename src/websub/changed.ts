/** Which feeds a build changed, as the URLs a WebSub hub knows them by. */
import { FEED_FILES } from '../core/model.js';

const ORDER = new Map((Object.values(FEED_FILES) as string[]).map((name, i) => [name, i]));

/**
 * The URL of every feed document whose bytes the write changed (`writeOutputs`' `changed` flag), feed by
 * feed (by directory), each in RSS, Atom, JSON Feed order. Other outputs (`index.html`, `feed.xsl`,
 * compressed siblings, the manifest) are not feeds, so they never cause a ping.
 */
export function changedFeedUrls(feedBaseUrl: string, written: readonly { name: string; changed: boolean }[]): string[] {
  const docs = written
    .filter((w) => w.changed)
    .map((w) => ({ name: w.name, dir: w.name.slice(0, w.name.lastIndexOf('/') + 1), order: ORDER.get(w.name.slice(w.name.lastIndexOf('/') + 1)) }))
    .filter((d): d is { name: string; dir: string; order: number } => d.order !== undefined);
  docs.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.order - b.order));
  return docs.map((d) => new URL(d.name, feedBaseUrl).href);
}
