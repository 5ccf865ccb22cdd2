/** Dateline's public API. Everything not exported here is internal. */
export { buildFeeds, type BuildResult } from './render/build.js';
export { resolveConfig } from './core/config.js';
export { buildModel, FEED_FILES } from './core/model.js';
export { planFeeds, usesSummaries, type FeedKind, type FeedPlan, type Plans } from './core/feeds.js';
export { SiteRenderer, feedHead, WRITERS, type RenderedFeed, type ItemStore } from './render/site.js';
export { slugify, assignSlugs, type SlugAssignment, type SlugCollision } from './core/slug.js';
export { runBuild, DEFAULT_CACHE_DIR, type BuildOptions, type BuildReport, type Progress } from './pipeline/build.js';
export { itemId } from './core/ids.js';
export { validateRecords, type Validated } from './core/validate.js';
export { parseDeskTime, formatRfc3339, formatRfc822, localDate } from './core/_dates.js';
export { renderDateline, styleFor } from './core/dateline.js';
export { Errors, DatelineError, formatDiagnostic } from './errors.js';
export { writeAtom } from './formats/atom.js';
export { writeJsonFeed } from './formats/jsonfeed.js';
export { writeRss } from './formats/rss.js';
export { committedStages, interruptStages, writeOutputs, OutputStage, type Written } from './output/dist.js';
export type { OnWait } from './locks.js';
export { hostingFiles, strongEtag, httpDate, MANIFEST_FILE, MEDIA_TYPES, NGINX_CONF_FILE, HEADERS_FILE, type Hosting, type Bytes } from './hosting/index.js';
export { loadArticles, loadConfig, DEFAULT_CONFIG_FILE, type Loaded } from './sources/index.js';
export { main, type CliIO } from './cli.js';
export { createHandler, type Handler, type HandlerOptions } from './serve/handler.js';
export { directoryStore, type FeedStore, type StoreEntry } from './serve/store.js';
export { startServer, DEFAULT_LIMITS, type Limits, type ServerOptions, type RunningServer } from './serve/node.js';
export { importFiles, detectFormat, type ImportOptions, type FileReport, type StoryReport } from './importers/index.js';
export { recordText } from './importers/record.js';
export type { ImportedStory, ImportFormat, ImportResult, Importer } from './importers/types.js';
export type * from './types.js';
export {
  renderIndexPage, renderDiscoverySnippet, renderFeedStylesheet, feedLinks, readerFiles, INDEX_FILE, SNIPPET_FILE, STYLESHEET_FILE, STYLESHEET_TYPE,
  type FeedLink,
} from './pages/index.js';
export { pingHub, describePing, type PingOptions, type PingResult } from './websub/ping.js';
export { changedFeedUrls } from './websub/changed.js';
