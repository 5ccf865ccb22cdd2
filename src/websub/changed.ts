/** Which feeds a build changed, as the URLs a WebSub hub knows them by. */
import { FEED_FILES } from '../core/model.js';
import type { FeedModel, Format } from '../types.js';

/**
 * The `selfUrl` of every feed document whose bytes the write changed (`writeOutputs`' `changed` flag), in
 * RSS, Atom, JSON Feed order. Other outputs (`index.html`, `feed.xsl`, compressed siblings, the manifest)
 * are not feeds, so they never cause a ping.
 */
export function changedFeedUrls(model: Pick<FeedModel, 'selfUrl'>, written: readonly { name: string; changed: boolean }[]): string[] {
  const changed = new Set(written.filter((w) => w.changed).map((w) => w.name));
  return (Object.keys(FEED_FILES) as Format[]).filter((f) => changed.has(FEED_FILES[f])).map((f) => model.selfUrl[f]);
}
