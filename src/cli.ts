/**
 * The `dateline` command. `main(argv, io)` is the only place that prints; it returns the exit code:
 * 0 ok, 1 content errors (the author's to fix), 2 usage, 70 an internal error (ours: the stack is printed).
 */
import pkg from '../package.json' with { type: 'json' };
import { checkFeeds, futureDates } from './render/build.js';
import { grouped } from './core/_numbers.js';
import { closest } from './core/_paths.js';
import { documentLimit } from './render/size.js';
import { DatelineError, Errors } from './errors.js';
import { DEFAULT_CACHE_DIR } from './pipeline/build.js';
import { heapNow } from './pipeline/_heap.js';
import { cacheDirs, overlapProblems } from './apart.js';
import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { configWarnings, DEFAULT_CONFIG_FILE, dirSetting, loadConfig, sortDiagnostics } from './sources/index.js';
import { loadAllRecords } from './sources/cached.js';
import { countDiagnostics, internalError, parseCommand, plural, report, type CliIO } from './cli/_report.js';
import { withRecordProblems } from './cli/_despite.js';
import { buildCommand, leftOut, tuneForSize, untuneForSize } from './cli/build.js';
// (Statically: the bundle loaded in a worker thread must find its builder's code there at once.)
import { offThreadBuilder } from './cli/_rebuild.js';
import { progressLine } from './cli/_progress.js';

export type { CliIO } from './cli/_report.js';

/** The commands, for "did you mean". */
const COMMANDS = ['build', 'check', 'import', 'serve'];

const USAGE: Record<string, string> = {
  main: `Usage: dateline <command> [options]

Turns article records into RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds.

Commands:
  build    validate the records and write the feeds
  check    validate the records without writing anything
  import   turn wire copy (raw text, NITF, ninjs) into article records
  serve    serve the built feeds over HTTP (with --watch, rebuild on change)

Run "dateline <command> --help" for a command's options, and "dateline --version" for the version.
`,
  build: `Usage: dateline build [--config FILE] [--out DIR] [--cache DIR | --no-cache] [--ping] [--allow-empty] [--quiet] [--json]

Validates every record under the articles directory and writes rss.xml, atom.xml and feed.json (and,
as the configuration's "feeds" asks, the same per section, tag and author, and monthly archives), the
.gz and .br siblings, index.html, feed.xsl, and what servers need (_dateline.json, _headers, _config/).
On any error nothing is written and the previous output stays as it was.

Options:
  --config FILE   site configuration (default: ${DEFAULT_CONFIG_FILE})
  --out DIR       output directory (default: the config's outDir, "dist")
  --cache DIR     where the build remembers what it read and wrote, so the next build redoes only
                  what changed (default: ${DEFAULT_CACHE_DIR}; safe to delete at any time)
  --no-cache      build from scratch, without reading or writing the cache
  --ping          notify the configured WebSub hub of the feeds that changed (a failed ping is
                  reported, does not fail the build, and is sent again by the next --ping)
  --allow-empty   build from an articles directory with no records where the last build's feeds
                  had stories (refused otherwise: E_ARTICLES_EMPTY)
  -q, --quiet     print only warnings and errors
  --json          print one JSON object summarising the build on stdout (and nothing else there;
                  it implies --quiet)
  -h, --help      show this help
`,
  check: `Usage: dateline check [--config FILE] [--quiet] [--json]

Validates the configuration and every record, and renders the feeds in memory, reporting every problem
in every file as "path:line: field: message (CODE)". Writes nothing.

Options:
  --config FILE   site configuration (default: ${DEFAULT_CONFIG_FILE})
  -q, --quiet     print only warnings and errors (as build does), not the summary
  --json          print one JSON object on stdout instead of the summary: ok, records, feeds,
                  mainFeedItems and every diagnostic (problems are printed on stderr as well)
  -h, --help      show this help
`,
  import: `Usage: dateline import FILE|DIR... [--format text|nitf|newsml|ninjs|feed] [--out DIR] [--dry-run] [--force] [--config FILE]

Turns agency copy into article records (Markdown with front matter), one per story, and says what it
found in each (id, title, date and zone, dateline, credits) and what it could not interpret. The format
is detected from the content unless --format is given. A directory is imported whole: its files of copy
(.txt, .text, .eml, .xml, .nitf, .newsml, .json, .ninjs, .rss, .atom, or none) at any depth, in name
order. A record that exists with different content is replaced only with --force, and the old file is
kept as a backup. Exits 1 if any file could not be imported.

Options:
  --format F      text, nitf, newsml (NewsML-G2, NewsML 1.x), ninjs or feed (RSS, Atom, JSON Feed) (default: detected)
  --out DIR       where records are written (default: the config's articlesDir, "articles")
  --dry-run       report what would be written, write nothing
  --force         replace existing records whose content differs (keeping FILE.bak)
  --config FILE   site configuration, for the publisher's time zone (default: ${DEFAULT_CONFIG_FILE})
  -h, --help      show this help
`,
  serve: `Usage: dateline serve [--port 8080] [--host 127.0.0.1] [--dir DIR] [--config FILE] [--watch]

Serves the output directory over HTTP as the build describes it in _dateline.json: feed media types,
ETag and Last-Modified with 304 Not Modified, precompressed gzip and brotli, Cache-Control and Link.
Runs until interrupted (Ctrl-C).

Options:
  --port N        port to listen on (default: 8080; 0 picks a free one)
  --host HOST     address to listen on (default: 127.0.0.1, this machine only)
  --dir DIR       directory to serve, and with --watch to build into (default: the config's outDir, "dist")
  --config FILE   site configuration (default: ${DEFAULT_CONFIG_FILE})
  --watch         build first, then rebuild when the articles or the configuration change; a failed
                  rebuild prints its errors and the previous files stay served
  -h, --help      show this help
`,
};

/** A command that is none (`dateline publish`, `dateline help buidl`): said with the one meant, if one is close, and the usage; exit 2. */
function unknownCommand(io: CliIO, name: string): number {
  const meant = closest(name, COMMANDS);
  io.stderr(`Unknown command "${name}".${meant === undefined ? '' : ` Did you mean "${meant}"?`}\n\n${USAGE['main']}`);
  return 2;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // Run from the sources (ES modules: no `require`), Dateline loads marked by `require` when it first
  // renders a body (core/_lazy.ts): said at the start, not as an internal error in the middle of a build.
  // (The bundle, bin/dateline.js, needs nothing of the sort.)
  if (typeof require !== 'function' && (process.features as { require_module?: boolean }).require_module !== true) {
    io.stderr(`Dateline needs Node 20.19 or later in 20.x, or 22.12 or later, to run from its sources (this is ${process.version}).\n`);
    return 1;
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === undefined) {
      io.stderr(USAGE['main'] ?? '');
      return 2;
    }
    // `dateline help build`, `dateline --help build`: the command's help (QA: the general help was printed).
    const asked = rest.length === 1 && !rest[0]?.startsWith('-') ? rest[0] : undefined;
    const about = asked !== undefined && Object.hasOwn(USAGE, asked) && asked !== 'main' ? USAGE[asked] : undefined;
    if (asked !== undefined && !['main', 'help', 'version'].includes(asked) && about === undefined) {
      // `dateline help buidl`: no such command, said as for `dateline buidl` (QA: the main help was printed, status 0).
      return unknownCommand(io, asked);
    }
    io.stdout(about ?? USAGE['main'] ?? '');
    return 0;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    io.stdout(`dateline ${pkg.version}\n`);
    return 0;
  }
  // Loaded on demand: the importers' gazetteer and the server are not needed to build.
  if (command === 'import') {
    try {
      return await (await import('./cli/import.js')).importCommand(rest, io, USAGE['import'] ?? '');
    } catch (e) {
      return internalError(io, e);
    }
  }
  if (command === 'serve') {
    const { serveCommand } = await import('./cli/serve.js');
    const rebuilder = offThreadBuilder(USAGE['build'] ?? '');
    return serveCommand(rest, io, USAGE['serve'] ?? '', { build: (args, buildIo) => main(['build', ...args], buildIo), ...(rebuilder === undefined ? {} : { rebuilder }) });
  }
  if (command !== 'build' && command !== 'check') {
    return unknownCommand(io, command);
  }
  let json = false;
  let quiet = false;
  let configFile = DEFAULT_CONFIG_FILE;
  try {
    if (command === 'build') return await buildCommand([...rest], io, USAGE['build'] ?? '');
    const parsed = parseCommand(io, USAGE[command] ?? '', {
      args: [...rest],
      options: { config: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (typeof parsed === 'number') return parsed;
    const values = parsed.values as { config?: string; quiet?: boolean; json?: boolean };
    json = values.json === true;
    quiet = values.quiet === true;
    configFile = values.config ?? DEFAULT_CONFIG_FILE;
    const config = await loadConfig(configFile, io.cwd, { apart: false });
    // The directories as `build` would use them (its default cache): apart, or the build refuses.
    const apart = overlapProblems({
      articles: { path: resolve(io.cwd, config.articlesDir), shown: config.articlesDir, ...dirSetting(config, configFile, 'articlesDir') },
      out: { path: resolve(io.cwd, config.outDir), shown: config.outDir, ...dirSetting(config, configFile, 'outDir') },
      cache: cacheDirs(io.cwd, undefined),
    });
    // On a terminal, the progress line a build shows, for its reading and planning (QA: a 10k site's check
    // was seconds of silence).
    const progress = io.progress === true && !quiet && !json ? progressLine(io.stderr, undefined, io.columns) : undefined;
    let loaded: Awaited<ReturnType<typeof loadAllRecords>>;
    let built: ReturnType<typeof checkFeeds>;
    try {
      // Bodies read again when a feed renders them, as a build does, not all held at once.
      loaded = await loadAllRecords(config, io.cwd, {
        remember: false, keepBodies: false, onProgress: (done, total) => {
          tuneForSize({ phase: 'read', done, total });
          progress?.update(done === total ? { phase: 'plan', done: 0, total: 1 } : { phase: 'read', done, total });
        },
      });
      // Documents too large for this process to make are errors, as the build finds them.
      built = checkFeeds(loaded.articles, config, documentLimit(getHeapStatistics().heap_size_limit), heapNow());
    } finally {
      progress?.done();
    }
    // "No published articles" says nothing more when records were refused or the directory is missing.
    const refused = loaded.diagnostics.some((d) => d.severity === 'error');
    // As build names them: the main feed's stories, and each feed's newest change.
    const future = futureDates(built.main, built.feeds, Date.now(), config.timezone);
    const all = sortDiagnostics([...apart, ...configWarnings(config), ...loaded.diagnostics, ...loaded.sharedLinks, ...built.diagnostics.filter((d) => !(refused && d.code === Errors.NoArticles.code)), ...future]);
    const errors = report(io, all);
    const published = loaded.articles.filter((a) => !a.draft).length;
    const drafts = loaded.articles.length - published;
    const items = built.model.items.length;
    if (json) {
      const records = { files: loaded.files, published, drafts };
      io.stdout(`${JSON.stringify({ ok: errors === 0, records, feeds: built.feeds.length, mainFeedItems: items, diagnostics: all })}\n`);
      return errors > 0 ? 1 : 0;
    }
    if (errors > 0 || quiet) return errors > 0 ? 1 : 0;
    io.stdout(`Read ${plural(loaded.files, 'record')} from ${config.articlesDir}/: ${grouped(published)} published, ${plural(drafts, 'draft')}.\n`);
    const others = built.feeds.length - 1;
    io.stdout(`All records are valid; ${others > 0 ? `the main feed would carry ${plural(items, 'item')}, and there would be ${plural(others, 'other feed')}` : `each feed would carry ${plural(items, 'item')}`}.\n`);
    for (const line of leftOut(built.groups, config)) io.stdout(`${line}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DatelineError) {
      const { diagnostics, note, setAside, checked } = await withRecordProblems(e.diagnostics, configFile, io.cwd);
      report(io, diagnostics, false);
      if (note !== undefined && !quiet) io.stderr(`${note}\n`);
      countDiagnostics(io, diagnostics);
      if (json) io.stdout(`${JSON.stringify({ ok: false, ...(checked === undefined ? {} : { records: { files: checked } }), diagnostics, ...(setAside === undefined ? {} : { setAside }) })}\n`);
      return 1;
    }
    return internalError(io, e);
  } finally {
    untuneForSize();
  }
}
