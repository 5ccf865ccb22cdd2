/** Articles → the files of a build. Pure: no fs, no clock, no environment; same input, same bytes. */
import { writeAtom } from '../formats/atom.js';
import { writeJsonFeed } from '../formats/jsonfeed.js';
import { writeRss } from '../formats/rss.js';
import { hostingFiles, type Hosting } from '../hosting/index.js';
import { readerFiles, STYLESHEET_FILE } from '../pages/index.js';
import type { Article, Diagnostic, FeedModel, Format, Manifest, Outputs, SiteConfig } from '../types.js';
import { buildModel, FEED_FILES } from './model.js';

export const WRITERS: Record<Format, (m: FeedModel) => string> = { rss: writeRss, atom: writeAtom, json: writeJsonFeed };

export interface BuildResult {
  /** The feeds: file name (relative to the output directory) → text. */
  outputs: Map<string, string>;
  /**
   * Everything the build writes (pass it to `writeOutputs`): `outputs`, the feeds' `.gz` and `.br`
   * siblings, `_dateline.json`, `_config/nginx.conf`, `_headers`, `index.html`, `feed.xsl` and
   * `_config/autodiscovery.html`. Computed on first use, as are
   * `manifest` and `mtimes`: brotli at its best quality takes tens of milliseconds a feed, which `check`
   * and callers that only read the feeds need not pay.
   */
  readonly files: Outputs;
  /** Validators and headers of each feed, as written to `_dateline.json`. */
  readonly manifest: Manifest;
  /** The mtime each feed and sibling gets on disk (its Last-Modified); pass it to `writeOutputs`. */
  readonly mtimes: ReadonlyMap<string, Date>;
  model: FeedModel;
  /** Warnings found while rendering (unsafe markup removed, …). */
  diagnostics: Diagnostic[];
}

export function buildFeeds(articles: readonly Article[], config: SiteConfig): BuildResult {
  const { model, diagnostics } = buildModel(articles, config);
  // Relative, so the stylesheet is always same-origin with the feed (browsers apply XSLT only then).
  model.stylesheet = STYLESHEET_FILE;
  const outputs = new Map<string, string>();
  for (const format of Object.keys(WRITERS) as Format[]) outputs.set(FEED_FILES[format], WRITERS[format](model));
  let hosting: Hosting | undefined;
  const served = (): Hosting => {
    if (hosting === undefined) {
      hosting = hostingFiles(outputs, model, config);
      // The page people read (index.html), the feeds' stylesheet and the autodiscovery snippet.
      for (const [name, text] of readerFiles(model)) hosting.files.set(name, text);
    }
    return hosting;
  };
  return {
    outputs,
    get files() {
      return served().files;
    },
    get manifest() {
      return served().manifest;
    },
    get mtimes() {
      return served().mtimes;
    },
    model,
    diagnostics,
  };
}
