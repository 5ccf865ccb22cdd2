/** Pages for people: the index page, the autodiscovery snippet and the feeds' XSLT, as build outputs. */
import type { FeedModel } from '../types.js';
import { feedLinks, INDEX_FILE, renderDiscoverySnippet, renderIndexPage, type FeedDirectoryEntry } from './index-page.js';
import { renderFeedStylesheet, STYLESHEET_FILE } from './stylesheet.js';

export { feedLinks, INDEX_FILE, renderDiscoverySnippet, renderIndexPage, type FeedDirectoryEntry, type FeedLink, type IndexPageOptions } from './index-page.js';
export { renderFeedStylesheet, STYLESHEET_FILE, STYLESHEET_TYPE } from './stylesheet.js';

/** The snippet for publishers sits with the other generated configuration; it is not a page to serve. */
export const SNIPPET_FILE = '_config/autodiscovery.html';

/**
 * The reader-facing files of a build, by name relative to the output directory: `index.html` (listing
 * the main feed and, from `directory`, every other feed),
 * `feed.xsl` and `_config/autodiscovery.html`. Pure; the same model gives the same bytes.
 */
export function readerFiles(model: FeedModel, directory: readonly FeedDirectoryEntry[] = []): Map<string, string> {
  const links = feedLinks(model);
  return new Map([
    [INDEX_FILE, renderIndexPage(model, links, { directory })],
    [STYLESHEET_FILE, renderFeedStylesheet()],
    [SNIPPET_FILE, renderDiscoverySnippet(links)],
  ]);
}
