/** Articles → the files of a build. Pure: no fs, no clock, no environment; same input, same bytes. */
import { writeAtom } from '../formats/atom.js';
import { writeJsonFeed } from '../formats/jsonfeed.js';
import { writeRss } from '../formats/rss.js';
import type { Article, Diagnostic, FeedModel, Format, Outputs, SiteConfig } from '../types.js';
import { buildModel, FEED_FILES } from './model.js';

export const WRITERS: Record<Format, (m: FeedModel) => string> = { rss: writeRss, atom: writeAtom, json: writeJsonFeed };

export interface BuildResult {
  /** File name (relative to the output directory) → contents. */
  outputs: Outputs;
  model: FeedModel;
  /** Warnings found while rendering (unsafe markup removed, …). */
  diagnostics: Diagnostic[];
}

export function buildFeeds(articles: readonly Article[], config: SiteConfig): BuildResult {
  const { model, diagnostics } = buildModel(articles, config);
  const outputs: Outputs = new Map();
  for (const format of Object.keys(WRITERS) as Format[]) outputs.set(FEED_FILES[format], WRITERS[format](model));
  return { outputs, model, diagnostics };
}
