/**
 * The `dateline` command: `main(argv, io)` driven in-process with a fake io, plus the real bin in child
 * processes for what only a process can show (TZ/locale independence, exit status of `node bin/dateline.js`).
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { main, type CliIO } from '../src/index.js';
import { makeSite, parseXml, record, SITE_CONFIG, snapshotDir } from './_helpers.js';

const BIN = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
const FEEDS = ['atom.xml', 'feed.json', 'rss.xml'] as const;
/** Everything a build writes (issue 4): the feeds, their precompressed siblings, the manifest, server config, the reader pages. */
const OUTPUTS = [
  '_config/autodiscovery.html', '_config/nginx.conf', '_dateline.json', '_headers',
  ...FEEDS.flatMap((f) => [f, `${f}.br`, `${f}.gz`]),
  'feed.xsl', 'index.html',
] as const;
/** The same, as the output directory lists it (non-recursively). */
const TOP_LEVEL = ['_config', ...OUTPUTS.filter((f) => !f.startsWith('_config/'))].sort();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `main` with an io that collects what it prints: piped, as in CI, or as on a terminal (`terminal`:
 * its report in several lines; the progress line it draws on stderr is left out of `stderr`).
 */
async function run(argv: string[], cwd: string, { terminal = false }: { terminal?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    progress: terminal,
    terminal,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr: stderr.replace(/\r\x1b\[K[^\r\n]*/g, '') };
}

/** Runs `fn` with a fresh site and removes it afterwards. */
async function withSite<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>, config: object = SITE_CONFIG): Promise<T> {
  const site = await makeSite(files, config);
  try {
    return await fn(site.dir);
  } finally {
    await site.cleanup();
  }
}

/** A small valid site: two published articles (Markdown and JSON, one nested) and a draft. */
const GOOD_SITE: Record<string, string> = {
  'articles/a.md': record('a', 'dateline:\n  city: Geneva\n  timezone: Europe/Zurich\ntags: [diplomacy]'),
  'articles/world/b.json': `${JSON.stringify({ id: 'b', title: 'B', date: '2025-02-06 10:00', body: 'Hello *world*.' }, null, 2)}\n`,
  'articles/c.md': record('c', 'draft: true'),
};

/** Sets every output's mtime to a fixed past instant, so any rewrite is visible whatever the fs resolution. */
const PAST = new Date('2001-02-03T04:05:06Z');
async function ageOutputs(dir: string): Promise<void> {
  for (const f of FEEDS) await utimes(join(dir, f), PAST, PAST);
}

describe('help and usage', () => {
  it('--help prints the main usage on stdout and exits 0', async () => {
    const r = await run(['--help'], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Usage: dateline <command> [options]

      Turns article records into RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds.

      Commands:
        build    validate the records and write the feeds
        check    validate the records without writing anything
        import   turn wire copy (raw text, NITF, ninjs) into article records
        serve    serve the built feeds over HTTP (with --watch, rebuild on change)

      Run "dateline <command> --help" for a command's options, and "dateline --version" for the version.
      "
    `);
    // -h and `help` are the same thing.
    expect((await run(['-h'], tmpdir())).stdout).toBe(r.stdout);
    expect((await run(['help'], tmpdir())).stdout).toBe(r.stdout);
    // `help build` and `--help build` are build's help (QA: the main usage), and an unknown name the main usage.
    for (const command of ['build', 'check', 'import', 'serve']) {
      const own = (await run([command, '--help'], tmpdir())).stdout;
      expect(own).toMatch(new RegExp(`^Usage: dateline ${command}`));
      expect((await run(['help', command], tmpdir())).stdout).toBe(own);
      expect((await run(['--help', command], tmpdir())).stdout).toBe(own);
    }
    expect((await run(['help', 'main'], tmpdir())).stdout).toBe(r.stdout);
    // (`help` and `version` are commands too: review.)
    for (const name of ['help', 'version']) expect(await run(['help', name], tmpdir())).toMatchObject({ code: 0, stdout: r.stdout });
    // A name that is no command is said to be one, with what was meant, as `dateline buidl` (QA: the main usage, status 0).
    const unknown = await run(['help', 'buidl'], tmpdir());
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toMatch(/^Unknown command "buidl"\. Did you mean "build"\?\n\nUsage: dateline/);
    expect((await run(['help', 'publish'], tmpdir())).stderr).toMatch(/^Unknown command "publish"\.\n\nUsage: dateline/);
  });

  it('--version, -V and version print the version in package.json on stdout and exit 0', async () => {
    const { version } = JSON.parse(await readFile(join(dirname(BIN), '..', 'package.json'), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-V', 'version']) {
      const r = await run([flag], tmpdir());
      expect(r).toEqual({ code: 0, stdout: `dateline ${version}\n`, stderr: '' });
    }
    // And from the bundle the bin runs, which must carry the same file.
    const bin = spawnSync(process.execPath, [BIN, '--version'], { cwd: tmpdir(), encoding: 'utf8' });
    expect([bin.status, bin.stdout, bin.stderr]).toEqual([0, `dateline ${version}\n`, '']);
  });

  it('no command prints the usage as an error and exits 2', async () => {
    const r = await run([], tmpdir());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: dateline <command> [options]');
  });

  it('build --help', async () => {
    const r = await run(['build', '--help'], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Usage: dateline build [--config FILE] [--out DIR] [--cache DIR | --no-cache] [--ping] [--allow-empty] [--quiet] [--json]

      Validates every record under the articles directory and writes rss.xml, atom.xml and feed.json (and,
      as the configuration's "feeds" asks, the same per section, tag and author, and monthly archives), the
      .gz and .br siblings, index.html, feed.xsl, and what servers need (_dateline.json, _headers, _config/).
      On any error nothing is written and the previous output stays as it was.

      Options:
        --config FILE   site configuration (default: dateline.config.json)
        --out DIR       output directory (default: the config's outDir, "dist")
        --cache DIR     where the build remembers what it read and wrote, so the next build redoes only
                        what changed (default: .dateline-cache; safe to delete at any time)
        --no-cache      build from scratch, without reading or writing the cache
        --ping          notify the configured WebSub hub of the feeds that changed (a failed ping is
                        reported, does not fail the build, and is sent again by the next --ping)
        --allow-empty   build from an articles directory with no records where the last build's feeds
                        had stories (refused otherwise: E_ARTICLES_EMPTY)
        -q, --quiet     print only warnings and errors
        --json          print one JSON object summarising the build on stdout (and nothing else there;
                        it implies --quiet)
        -h, --help      show this help
      "
    `);
  });

  it('check --help', async () => {
    const r = await run(['check', '--help'], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Usage: dateline check [--config FILE] [--quiet] [--json]

      Validates the configuration and every record, and renders the feeds in memory, reporting every problem
      in every file as "path:line: field: message (CODE)". Writes nothing.

      Options:
        --config FILE   site configuration (default: dateline.config.json)
        -q, --quiet     print only warnings and errors (as build does), not the summary
        --json          print one JSON object on stdout instead of the summary: ok, records, feeds,
                        mainFeedItems and every diagnostic (problems are printed on stderr as well)
        -h, --help      show this help
      "
    `);
    expect((await run(['check', '-h'], tmpdir())).stdout).toBe(r.stdout);
  });

  it('--help does not read the site (works where there is no configuration)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-cli-empty-'));
    try {
      expect((await run(['build', '--help'], dir)).code).toBe(0);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('unknown command → exit 2, names it, and prints the usage on stderr', async () => {
    const r = await run(['publish'], tmpdir());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual(['Unknown command "publish".', '', 'Usage: dateline <command> [options]']);
    expect((await run(['biuld'], tmpdir())).stderr.split('\n')[0]).toBe('Unknown command "biuld". Did you mean "build"?');
  });

  it.each([
    [['build', '--frob'], "Unknown option '--frob'", 'Usage: dateline build'],
    [['build', '--jsno'], "Unknown option '--jsno'. Did you mean '--json'?", 'Usage: dateline build'],
    [['check', '--out', 'x'], "Unknown option '--out'", 'Usage: dateline check'],
    [['build', 'extra'], "Unexpected argument 'extra'", 'Usage: dateline build'],
    [['build', '--out'], "Option '--out <value>' argument missing", 'Usage: dateline build'],
    [['build', '--out='], "Option '--out' needs a value, not an empty one.", 'Usage: dateline build'],
    [['build', '--cache', ''], "Option '--cache' needs a value, not an empty one.", 'Usage: dateline build'],
    [['check', '--config='], "Option '--config' needs a value, not an empty one.", 'Usage: dateline check'],
    [['build', '--out', 'x', '--out', '-x'], 'Option \'--out\' needs a value; "-x" starts with a dash, so it reads as an option (write --out=-x if it is the value).', 'Usage: dateline build'],
    [['build', '--out', '--quiet'], "Option '--out' needs a value.", 'Usage: dateline build'],
  ])('%j → exit 2 with the problem and the command usage', async (argv, problem, usage) => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(argv, dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(problem)).toBe(true);
      expect(r.stderr).toContain(`\n\n${usage}`);
      // A usage error never builds.
      expect(await readdir(dir)).not.toContain('dist');
      // With --json, a pipeline parsing stdout gets an object saying what was wrong (QA: stdout was empty).
      const j = await run([...argv, '--json'], dir);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.stdout)).toEqual({ ok: false, usage: j.stderr.split('\n\n')[0], diagnostics: [] });
    });
  });

  it('--cache with --no-cache is a usage error, in JSON too with --json', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['build', '--cache', 'c', '--no-cache', '--json'], dir);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({ ok: false, usage: '--cache and --no-cache cannot be used together.', diagnostics: [] });
    });
  });
});

describe('a story dated ahead of the clock', () => {
  it.each([
    ['2025-02-05 09:35', null],
    ['2025-02-05 09:40', '15 minutes'],
    ['2025-02-05 10:54', '89 minutes'],
    ['2025-02-05 10:56', '2 hours'],
    ['2025-02-07 08:25', '47 hours'],
    ['2025-02-07 09:54', '2 days'],
  ])('dated %s, with the clock at 09:25: the warning says %s', async (date, ahead) => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-02-05T01:25:00Z') });
    try {
      await withSite({ 'articles/f.md': record('f').replace('date: 2025-02-05 09:24', `date: ${date}`) }, async (dir) => {
        const r = await run(['check'], dir);
        expect(r.code).toBe(0);
        if (ahead === null) expect(r.stderr).not.toContain('W_DATE_FUTURE');
        else expect(r.stderr).toMatch(new RegExp(`^articles/f\\.md:4: date: warning: \\S+ is ${ahead} after this machine's clock`, 'm'));
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('is named by build and check (W_DATE_FUTURE): a typo or a wrong zone keeps it at the top until then', async () => {
    const files = { 'articles/a.md': record('a'), 'articles/f.md': record('f', 'updated: 2205-02-05 09:24').replace('date: 2025-02-05 09:24', 'date: 2205-02-05 09:00') };
    await withSite(files, async (dir) => {
      for (const command of ['build', 'check']) {
        const r = await run([command], dir);
        expect(r.code, command).toBe(0);
        expect(r.stderr).toMatch(/^articles\/f\.md:4: date: warning: 2205-02-05T09:00:00\+08:00 is [\d,]+ days after this machine's clock: the story is published now, at the top of its feeds, and the feeds' update times and Last-Modified follow it until then; check the date and its zone \(W_DATE_FUTURE\)$/m);
        expect(r.stderr).toMatch(/^articles\/f\.md:5: updated: warning: 2205-02-05T09:24:00\+08:00 is [\d,]+ days after this machine's clock: the feeds' update times and Last-Modified follow the story's update until then; check the date and its zone \(W_DATE_FUTURE\)$/m);
        expect(r.stderr).not.toMatch(/^articles\/a\.md/m);
      }
    });
  });

  it('names that make the same path are located at the line of the name (W_SLUG_COLLISION), in build and check', async () => {
    const files = {
      'articles/a.md': record('a', 'tags: [Trade Talks, World News]'),
      'articles/b.md': record('b', 'section: World\ntags:\n  - Markets\n  - world news').replace('2025-02-05 09:24', '2025-02-06 09:24'),
    };
    await withSite(files, async (dir) => {
      for (const command of ['build', 'check']) {
        const r = await run([command], dir);
        expect(r.code, command).toBe(0);
        expect(r.stderr).toMatch(/^articles\/b\.md:8: tags\[1\]: warning: the tag names "World News" \(articles\/a\.md\), "world news" \(articles\/b\.md\) make the same path/m);
      }
    }, { ...SITE_CONFIG, feeds: { tags: true } });
  });

  it('an older story updated in the future is named too, though not in the main feed: its section\'s time follows it', async () => {
    const files = {
      'articles/old.md': record('old', 'section: World\nupdated: 2205-02-05 09:24'),
      'articles/new.md': record('new').replace('date: 2025-02-05 09:24', 'date: 2025-03-05 09:24'),
    };
    await withSite(files, async (dir) => {
      for (const args of [['check'], ['build'], ['build'], ['build', '--no-cache']]) {
        const r = await run(args, dir);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.stderr, args.join(' ')).toMatch(/^articles\/old\.md:6: updated: warning: 2205-02-05T09:24:00\+08:00 is [\d,]+ days after this machine's clock: the feeds' update times/m);
      }
    }, { ...SITE_CONFIG, itemsPerFeed: 1, feeds: { sections: true } });
  });
});

describe('build: directories that must lie apart', () => {
  const READ_OWN = 'the build would read its own files as records (and could replace a record with a feed); choose directories apart';
  const PUBLISHED = 'the records (drafts too) would be published with the feeds; choose directories apart';
  const CACHE_READ = 'the build would read the cache\'s files as records; choose directories apart (a hidden one, such as .cache among the articles, is never read)';
  const CACHE_PUBLISHED = 'the cache holds the records\' data (drafts too), which would be published with the feeds; choose directories apart';
  it.each([
    [{ outDir: 'articles' }, [], `dateline.config.json:13: outDir: the output directory "articles" is the same directory as the articles directory "articles": ${READ_OWN}`],
    [{ outDir: 'articles/out' }, [], `dateline.config.json:13: outDir: the output directory "articles/out" is inside the articles directory "articles": ${READ_OWN}`],
    [{}, ['--out', 'articles/world'], `--out: the output directory "articles/world" is inside the articles directory "articles": ${READ_OWN}`],
    // The option swallows what the configuration set apart: the option is the setting to change.
    [{}, ['--out', '.'], `--out: the articles directory "articles" is inside the output directory ".": ${PUBLISHED}`],
    [{}, ['--out', '.'], `--out: the cache directory ".dateline-cache" is inside the output directory ".": ${CACHE_PUBLISHED}`],
    [{ articlesDir: 'desk/articles' }, ['--out', 'desk'], `--out: the articles directory "desk/articles" is inside the output directory "desk": ${PUBLISHED}`],
    // (At outDir, which the file sets, not at articlesDir, left at its default: QA.)
    [{ outDir: '.' }, [], `dateline.config.json:13: outDir: the articles directory "articles" is inside the output directory ".": ${PUBLISHED}`],
    [{}, ['--cache', 'articles/cache'], `--cache: the cache directory "articles/cache" is inside the articles directory "articles": ${CACHE_READ}`],
    [{}, ['--cache', 'dist/cache'], `--cache: the cache directory "dist/cache" is inside the output directory "dist": ${CACHE_PUBLISHED}`],
  ] as const)('%j %j is refused before anything is read or written (exit 2 when an option is at fault, a usage error)', async (change, args, message) => {
    await withSite(GOOD_SITE, async (dir) => {
      const before = await snapshotDir(dir);
      const r = await run(['build', ...args], dir);
      expect(r.code).toBe(message.startsWith('--') ? 2 : 1);
      expect(r.stderr).toContain(`${message} (E_DIRS_OVERLAP)`);
      // An option is no file: the count says how many errors, not in how many files.
      if (message.startsWith('--')) expect(r.stderr).toMatch(/\n\d errors?\nNothing was written\.\n$/);
      expect(await snapshotDir(dir)).toEqual(before);
    }, { ...SITE_CONFIG, ...change });
  });

  it('a symbolic link does not hide an overlap', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      await symlink('articles', join(dir, 'outlink'));
      await mkdir(join(dir, 'dist'));
      await symlink('dist', join(dir, 'cachelink'));
      await symlink('public', join(dir, 'publink'));
      const before = await snapshotDir(dir);
      const out = await run(['build', '--out', 'outlink'], dir);
      expect([out.code, out.stderr]).toEqual([2, expect.stringContaining(`--out: the output directory "outlink" is the same directory as the articles directory "articles": ${READ_OWN} (E_DIRS_OVERLAP)`)]);
      const cache = await run(['build', '--cache', 'cachelink/c'], dir);
      expect([cache.code, cache.stderr]).toEqual([2, expect.stringContaining(`--cache: the cache directory "cachelink/c" is inside the output directory "dist": ${CACHE_PUBLISHED} (E_DIRS_OVERLAP)`)]);
      // A link to an output directory not made yet.
      const dangling = await run(['build', '--out', 'public', '--cache', 'publink'], dir);
      expect([dangling.code, dangling.stderr]).toEqual([2, expect.stringContaining(`--cache: the cache directory "publink" is the same directory as the output directory "public": ${CACHE_PUBLISHED} (E_DIRS_OVERLAP)`)]);
      expect(await snapshotDir(dir)).toEqual(before);
    });
  });

  it('an output directory named by a link to a directory not made yet is made where the link points', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      await symlink('public', join(dir, 'publink'));
      const r = await run(['build', '--out', 'publink', '--quiet'], dir);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(await readdir(join(dir, 'public'))).toContain('rss.xml');
    });
  });

  it('check says so too (it validates the configuration the build uses)', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['check'], dir);
      expect([r.code, r.stderr]).toEqual([1, expect.stringContaining(`dateline.config.json:13: outDir: the output directory "articles/dist" is inside the articles directory "articles": ${READ_OWN} (E_DIRS_OVERLAP)`)]);
    }, { ...SITE_CONFIG, outDir: 'articles/dist' });
  });

  it('the default cache in the way of the configuration\'s outDir is named with the options that move it', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['build'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the cache (.dateline-cache; --cache DIR or --no-cache): the cache directory ".dateline-cache" is inside the output directory');
    }, { ...SITE_CONFIG, outDir: '.' });
  });

  it('a hidden cache directory among the records is allowed: the build never reads it as records', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build', '--cache', 'articles/.cache'], dir)).code).toBe(0);
      expect((await run(['build', '--cache', 'articles/.cache'], dir)).code).toBe(0);
    });
  });
});

describe('build', () => {
  it('writes rss.xml, atom.xml and feed.json to dist/ and prints a summary: piped, one line; on a terminal, each file of a small site', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const piped = await run(['build', '--out', 'piped'], dir);
      expect([piped.code, piped.stderr]).toEqual([0, '']);
      expect(piped.stdout).toMatch(/^Built the main feed from 3 records \(2 published, 1 draft\) in \d+\.\d\d s: 16 files written to piped\/\.\n$/);
      const r = await run(['build'], dir, { terminal: true });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect((await readdir(join(dir, 'dist'))).sort()).toEqual(TOP_LEVEL);
      const size = async (f: string) => (await stat(join(dir, 'dist', f))).size;
      // nginx.conf's marker, named by its hash (hosting/nginx.ts).
      const marker = `_config/${(await readdir(join(dir, 'dist', '_config'))).find((n) => n.startsWith('etags-'))}`;
      // (The time, which varies, as 0.00 s.)
      expect(r.stdout.replace(/; \d+\.\d\d s\.\n/, '; 0.00 s.\n')).toBe(
        [
          'Read 3 records from articles/: 2 published, 1 draft.',
          'Feeds: the main feed (3 documents); 0.00 s.',
          `  dist/_config/autodiscovery.html  ${await size('_config/autodiscovery.html')} bytes`,
          `  dist/${marker}  ${await size(marker)} bytes`,
          `  dist/_config/nginx.conf  ${await size('_config/nginx.conf')} bytes`,
          `  dist/_dateline.json  ${await size('_dateline.json')} bytes`,
          `  dist/_headers  ${await size('_headers')} bytes`,
          `  dist/atom.xml  2 items, ${await size('atom.xml')} bytes`,
          `  dist/atom.xml.br  ${await size('atom.xml.br')} bytes`,
          `  dist/atom.xml.gz  ${await size('atom.xml.gz')} bytes`,
          `  dist/feed.json  2 items, ${await size('feed.json')} bytes`,
          `  dist/feed.json.br  ${await size('feed.json.br')} bytes`,
          `  dist/feed.json.gz  ${await size('feed.json.gz')} bytes`,
          `  dist/feed.xsl  ${await size('feed.xsl')} bytes`,
          `  dist/index.html  ${await size('index.html')} bytes`,
          `  dist/rss.xml  2 items, ${await size('rss.xml')} bytes`,
          `  dist/rss.xml.br  ${await size('rss.xml.br')} bytes`,
          `  dist/rss.xml.gz  ${await size('rss.xml.gz')} bytes`,
          'Wrote 16 files to dist/.',
          '',
        ].join('\n'),
      );
      // The files are the feeds, with the two published items.
      const rss = parseXml(await readFile(join(dir, 'dist/rss.xml'), 'utf8'));
      expect(rss.rss.channel.item).toHaveLength(2);
      const atom = parseXml(await readFile(join(dir, 'dist/atom.xml'), 'utf8'));
      expect(atom.feed.entry).toHaveLength(2);
      const feed = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8'));
      expect(feed.items.map((i: { id: string }) => i.id)).toEqual(['tag:news.example.com,2025:b', 'tag:news.example.com,2025:a']);
      // No temporary files are left beside the outputs.
      expect((await readdir(join(dir, 'dist'), { recursive: true })).sort()).toEqual([...OUTPUTS, marker, '_config'].sort());
    });
  });

  it('build --out other writes there and not to dist/', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['build', '--out', 'other'], dir, { terminal: true });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('  other/rss.xml  2 items, ');
      expect(r.stdout.endsWith('Wrote 16 files to other/.\n')).toBe(true);
      expect((await readdir(join(dir, 'other'))).sort()).toEqual(TOP_LEVEL);
      expect(await readdir(dir)).not.toContain('dist');
    });
  });

  it('outDir and --config come from the command line / configuration', async () => {
    await withSite(
      { ...GOOD_SITE, 'conf/site.json': JSON.stringify({ ...SITE_CONFIG, outDir: 'public/feeds' }) },
      async (dir) => {
        const r = await run(['build', '--config', 'conf/site.json'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout.endsWith(' s: 16 files written to public/feeds/.\n')).toBe(true);
        expect((await readdir(join(dir, 'public/feeds'))).sort()).toEqual(TOP_LEVEL);
      },
    );
  });

  it('check validates, prints a summary, writes nothing and exits 0 (with --quiet, nothing but problems)', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const before = (await readdir(dir, { recursive: true })).sort();
      const r = await run(['check'], dir);
      expect(r).toEqual({
        code: 0,
        stdout: 'Read 3 records from articles/: 2 published, 1 draft.\nAll records are valid; each feed would carry 2 items.\n',
        stderr: '',
      });
      expect(await run(['check', '--quiet'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
      await writeFile(join(dir, 'articles/d.md'), record('d', 'section: "  "'));
      const quiet = await run(['check', '-q'], dir);
      expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', expect.stringMatching(/^articles\/d\.md:5: section: warning: .*\(W_NAME_EMPTY\)\n1 warning\n$/)]);
      await rm(join(dir, 'articles/d.md'));
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
    });
  });

  it('check --json prints one JSON object for a pipeline: the counts and every diagnostic, ok false on an error', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['check', '--json'], dir);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout)).toEqual({ ok: true, records: { files: 3, published: 2, drafts: 1 }, feeds: 1, mainFeedItems: 2, diagnostics: [] });
    });
    await withSite({ ...GOOD_SITE, 'articles/bad.md': '---\nid: bad\ntitle: T\ndate: 2025-13-01 09:00\n---\nB\n' }, async (dir) => {
      const r = await run(['check', '--json'], dir);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { file: string; line: number; field: string; code: string }[] };
      expect(out.ok).toBe(false);
      expect(out.diagnostics).toMatchObject([{ file: 'articles/bad.md', line: 4, field: 'date', code: 'E_DATE_FORMAT' }]);
      expect(r.stderr).toContain('articles/bad.md:4: date:');
    });
    // A configuration that cannot be used: the same object, without the counts.
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['check', '--json'], dir);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: 'E_DIRS_OVERLAP' }] });
    }, { ...SITE_CONFIG, outDir: 'articles/dist' });
  });

  it('warnings alone do not fail a build: they are printed with a count and the feeds are written', async () => {
    await withSite({ 'articles/a.md': record('a', '', 'Text <script>alert(1)</script> more.'), 'articles/b.md': record('b').replace('title: Title of b', 'title: "Vote\\u0007 count"') }, async (dir) => {
      const r = await run(['build'], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        [
          'articles/a.md:6: body: warning: removed unsafe markup from the content: <script> (W_UNSAFE_MARKUP)',
          'articles/b.md:3: title: warning: removed 1 character that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates) (W_CHARS_STRIPPED)',
          '2 warnings',
          '',
        ].join('\n'),
      );
      expect(r.stdout.endsWith(' s: 16 files written to dist/.\n')).toBe(true);
    });
  });

  it('an invalid record: exit 1, every diagnostic and a count on stderr, dist/ untouched (bytes and mtimes)', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const dist = join(dir, 'dist');
      await ageOutputs(dist);
      const before = await snapshotDir(dist);

      // Break two records (two errors in one, one in another) and add a warning elsewhere.
      await writeFile(join(dir, 'articles/a.md'), '---\nid: a\ntitle: T\ndate: 12/03/2024\ncontributer: X\n---\nB\n');
      await writeFile(join(dir, 'articles/world/b.json'), '{\n  "id": "b",\n  "title": "B"\n  "date": "2025-02-06 10:00"\n}\n');
      await writeFile(join(dir, 'articles/d.md'), record('d').replace('title: Title of d', 'title: "D\\u0007"'));

      const r = await run(['build'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        [
          'articles/a.md:4: date: expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00", got "12/03/2024": write the date year first, as YYYY-MM-DD (which is the day and which the month in a date like 12/03/2024 depends on the country) (E_DATE_FORMAT)',
          'articles/a.md:5: contributer: unknown field; did you mean "contributors"? (E_FIELD_UNKNOWN)',
          'articles/d.md:3: title: warning: removed 1 character that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates) (W_CHARS_STRIPPED)',
          "articles/world/b.json:4: JSON syntax error: a comma is missing before this (between two keys, or two items of a list) (column 3) (E_JSON_SYNTAX)",
          '3 errors in 2 files, 1 warning',
          'Nothing was written.',
          '',
        ].join('\n'),
      );
      const after = await snapshotDir(dist);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, b] of before) {
        expect(after.get(name)!.bytes.equals(b.bytes), name).toBe(true);
        expect(after.get(name)!.mtimeMs, name).toBe(b.mtimeMs);
      }

      // check reports the same, without "Nothing was written."
      const c = await run(['check'], dir);
      expect(c.code).toBe(1);
      expect(c.stderr).toBe(r.stderr.replace('Nothing was written.\n', ''));
    });
  });

  it('an invalid configuration: exit 1 with the located diagnostic and a count', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['build'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('dateline.config.json:8: timezone: unknown time zone "Asia/Beijing"; did you mean "Asia/Shanghai"? (E_CONFIG_INVALID)\n'
        + '3 records checked with the configuration\'s key in error set aside ("timezone"), no problems found in them; what depends on it, and the feeds, are checked once the configuration is right.\n'
        + '1 error in 1 file\nNothing was written.\n');
      expect(await readdir(dir)).not.toContain('dist');
    }, { ...SITE_CONFIG, timezone: 'Asia/Beijing' });
  });

  it('an invalid configuration and invalid records: every error in one run (the records read with the keys in error set aside)', async () => {
    const site = {
      ...GOOD_SITE,
      'articles/d.md': record('d', 'updated: 2025-02-30 10:00'),
      'articles/e.md': '---\nid: e\ntitle: E\ndate: 2025-02-05 09:24\nurl: news.example.com/e\n---\nText.\n',
    };
    const { title: _, ...untitled } = SITE_CONFIG as Record<string, unknown>;
    await withSite(site, async (dir) => {
      for (const argv of [['build'], ['check']]) {
        const r = await run(argv, dir);
        expect(r.code, argv[0]).toBe(1);
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines.map((l) => l.replace(/^([^:]+(?::\d+)?): (\S+): .*\((\w+)\)$/, '$1 $2 $3')), argv[0]).toEqual([
          'dateline.config.json:1 title E_CONFIG_INVALID',
          'dateline.config.json:7 timezone E_CONFIG_INVALID',
          'dateline.config.json:12 itemsPerFeed E_CONFIG_INVALID',
          'articles/d.md:5 updated E_DATE_FORMAT',
          'articles/e.md:5 url E_URL_INVALID',
          '5 records checked with the configuration\'s 3 keys in error set aside ("timezone", "itemsPerFeed", "title"); what depends on them, and the feeds, are checked once the configuration is right.',
          '5 errors in 3 files',
          // (build only: check writes nothing in any case.)
          ...(argv[0] === 'build' ? ['Nothing was written.'] : []),
        ]);
      }
      for (const command of ['check', 'build']) {
        const j = await run([command, '--json'], dir);
        const parsed = JSON.parse(j.stdout) as { ok: boolean; diagnostics: { code: string; file: string }[]; setAside: string[]; records: unknown; durationMs?: number };
        expect(parsed.ok).toBe(false);
        expect(parsed.setAside).toEqual(['timezone', 'itemsPerFeed', 'title']);
        expect(parsed.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
          ...Array(3).fill('dateline.config.json E_CONFIG_INVALID'), 'articles/d.md E_DATE_FORMAT', 'articles/e.md E_URL_INVALID',
        ]);
        // What is known of the run: the records checked, and build's time (QA: neither was there).
        expect(parsed.records, command).toEqual({ files: 5 });
        if (command === 'build') expect(parsed.durationMs).toBeTypeOf('number');
      }
      expect(await readdir(dir)).not.toContain('dist');
    }, { ...untitled, itemsPerFeed: 0, timezone: 'CST' });
  });

  it('a build that fails, or changes nothing, leaves the output directory\'s own mtime as it was (its lock file is no change: QA); one that writes moves it', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const micros = async (): Promise<bigint> => (await stat(join(dir, 'dist'), { bigint: true })).mtimeNs / 1000n;
      const first = await micros();
      await new Promise((r) => setTimeout(r, 20));
      await writeFile(join(dir, 'articles/d.md'), record('d', 'updated: 2025-02-30 10:00'));
      expect((await run(['build'], dir)).code).toBe(1);
      expect(await micros()).toBe(first);
      await rm(join(dir, 'articles/d.md'));
      expect((await run(['build'], dir)).code).toBe(0);
      expect((await run(['build'], dir)).code).toBe(0);
      expect(await micros()).toBe(first);
      await writeFile(join(dir, 'articles/d.md'), record('d', ''));
      expect((await run(['build'], dir)).code).toBe(0);
      expect(await micros()).not.toBe(first);
    });
  });

  it('a first build that fails leaves no output or cache directory (made to hold the lock, removed again); the next build writes both', async () => {
    await withSite({ ...GOOD_SITE, 'articles/d.md': record('d', 'updated: 2025-02-30 10:00') }, async (dir) => {
      const r = await run(['build', '--out', 'site/public'], dir);
      expect(r.code).toBe(1);
      expect((await readdir(dir)).sort()).toEqual(['articles', 'dateline.config.json']);
      await rm(join(dir, 'articles/d.md'));
      expect((await run(['build', '--out', 'site/public'], dir)).code).toBe(0);
      expect((await readdir(dir)).sort()).toEqual(['.dateline-cache', 'articles', 'dateline.config.json', 'site']);
      expect(await readdir(join(dir, 'site/public'))).toContain('rss.xml');
      expect(await readdir(join(dir, 'site/public'))).not.toContain('.dateline-lock');
    });
  });

  it('records checked with keys set aside: what those keys decide is not said (it would be the stand-ins\', not the site\'s)', async () => {
    const site = {
      // Valid with the right zone and language; with UTC in place of the zone, its dateline's day is a day later
      // than the instant there (W_DATELINE_DATE), and with the default style for "fr_FR" it needs a zone.
      'articles/a.md': '---\nid: a\ntitle: A\ndate: 2025-03-01 20:00\ndateline: { city: London, timezone: Europe/London, date: 2025-03-02 }\n---\nText.\n',
      'articles/b.md': record('b', 'dateline: { city: Paris }'),
      'articles/c.md': record('c', 'updated: 2025-02-30 10:00'),
    };
    await withSite(site, async (dir) => {
      const r = await run(['check', '--json'], dir);
      const parsed = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[]; setAside: string[] };
      expect(parsed.setAside).toEqual(['language', 'timezone']);
      expect(parsed.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
        'dateline.config.json E_CONFIG_INVALID', 'dateline.config.json E_CONFIG_INVALID', 'articles/c.md E_DATE_FORMAT',
      ]);
      // With the keys right, a and b are valid as they are.
      await writeFile(join(dir, 'dateline.config.json'), JSON.stringify({ ...SITE_CONFIG, timezone: 'America/Los_Angeles', language: 'fr-FR', datelineStyle: { default: 'plain', en: 'reuters' } }));
      const fixed = JSON.parse((await run(['check', '--json'], dir)).stdout) as { diagnostics: { code: string; file: string }[] };
      expect(fixed.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['articles/c.md E_DATE_FORMAT']);
    }, { ...SITE_CONFIG, timezone: 'America/Los_Angles', language: 'fr_FR', datelineStyle: { default: 'plain', en: 'reuters' } });
  });

  it('a zone set aside: a correction stamped with its offset is not said to come before the story, which it does only in the stand-in UTC (QA)', async () => {
    // 20:05 in Shanghai is 12:05Z: the correction at 13:00Z is after it; read in UTC, 20:05Z, it was not.
    const site = { 'articles/d.md': '---\nid: d\ntitle: D\ndate: 2025-02-05 20:05\nupdated: 2025-02-05T13:00:00Z\n---\nText.\n' };
    await withSite(site, async (dir) => {
      const parsed = JSON.parse((await run(['check', '--json'], dir)).stdout) as { diagnostics: { code: string; file: string }[]; setAside: string[] };
      expect([parsed.setAside, parsed.diagnostics.map((d) => `${d.file} ${d.code}`)]).toEqual([['timezone'], ['dateline.config.json E_CONFIG_INVALID']]);
      await writeFile(join(dir, 'dateline.config.json'), JSON.stringify({ ...SITE_CONFIG, timezone: 'Asia/Shanghai' }));
      expect(JSON.parse((await run(['check', '--json'], dir)).stdout).diagnostics).toEqual([]);
    }, { ...SITE_CONFIG, timezone: 'Asia/Shangai' });
  });

  it('a configuration that does not parse (a comment, a comma too many, a key given twice, a comma missing): the records are still checked, and its other keys (QA)', async () => {
    const site = { ...GOOD_SITE, 'articles/d.md': record('d', 'updated: 2025-02-30 10:00') };
    const config = (lines: string[]) => `{\n  "title": "Desk",\n  "siteUrl": "https://news.example.com/",\n  "idPrefix": "tag:news.example.com,2025:",\n  "timezone": "Asia/Shanghai",\n${lines.join('\n')}\n}\n`;
    await withSite(site, async (dir) => {
      const cases: [string[], string[], string[]][] = [
        // A comment and `,,` leave nothing unsure.
        [['  // the desk\'s feed', '  "ttl": 15,,', '  "itemsPerFeed": 20'], [], ['dateline.config.json:6 E_JSON_SYNTAX', 'articles/d.md:5 E_DATE_FORMAT']],
        // A key given twice is set aside; another key's value error is said as it would be after the fix.
        [['  "ttl": 15,', '  "ttl": 20,', '  "itemsPerFeed": 0'], ['ttl', 'itemsPerFeed'], ['dateline.config.json:7 E_JSON_SYNTAX', 'dateline.config.json:8 E_CONFIG_INVALID', 'articles/d.md:5 E_DATE_FORMAT']],
        [['  "feeds": { "tags": true, "tags": false }'], ['feeds'], ['dateline.config.json:6 E_JSON_SYNTAX', 'articles/d.md:5 E_DATE_FORMAT']],
        // A comma missing: the key after it is unsure.
        [['  "ttl": 15', '  "itemsPerFeed": 20'], ['itemsPerFeed'], ['dateline.config.json:7 E_JSON_SYNTAX', 'articles/d.md:5 E_DATE_FORMAT']],
      ];
      for (const [lines, aside, said] of cases) {
        await writeFile(join(dir, 'dateline.config.json'), config(lines));
        for (const command of ['build', 'check']) {
          const r = await run([command, '--json'], dir);
          expect(r.code, lines.join()).toBe(1);
          const parsed = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number }[]; setAside: string[]; records: unknown };
          expect(parsed.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`), lines.join()).toEqual(said);
          expect([parsed.setAside, parsed.records]).toEqual([aside, { files: 4 }]);
        }
      }
      await writeFile(join(dir, 'dateline.config.json'), config(['  // the desk\'s feed', '  "ttl": 15']));
      const r = await run(['build'], dir);
      expect(r.stderr).toBe('dateline.config.json:6: JSON syntax error: JSON has no comments: take it out (column 3) (E_JSON_SYNTAX)\n'
        + 'articles/d.md:5: updated: expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00", got "2025-02-30 10:00": February 2025 has 28 days (E_DATE_FORMAT)\n'
        + '4 records checked with the configuration read past its syntax error; the feeds are checked once the configuration is right.\n'
        + '2 errors in 2 files\nNothing was written.\n');
      // A required key missing is said at line 1, as when the file parses.
      await writeFile(join(dir, 'dateline.config.json'), '{\n  // the desk\'s feed\n  "title": "Desk",\n}\n');
      const missing = JSON.parse((await run(['check', '--json'], dir)).stdout) as { diagnostics: { code: string; line: number; field?: string }[] };
      expect(missing.diagnostics.filter((d) => d.code === 'E_CONFIG_INVALID').map((d) => `${d.line} ${d.field}`)).toEqual(['1 siteUrl', '1 idPrefix', '1 timezone']);
      // `__proto__` is a key like any other, as JSON.parse reads it: it gives no title.
      await writeFile(join(dir, 'dateline.config.json'), config(['  // c', '  "__proto__": { "title": "X" }']).replace('  "title": "Desk",\n', ''));
      const proto = JSON.parse((await run(['check', '--json'], dir)).stdout) as { diagnostics: { code: string; field?: string }[] };
      expect(proto.diagnostics.filter((d) => d.code === 'E_CONFIG_INVALID').map((d) => d.field).sort()).toEqual(['__proto__', 'title']);
      // Unsure at articlesDir, or no object to be read: the records are not read, and that is said.
      for (const text of [config(['  "articlesDir": "stories\n']), '[1, 2\n']) {
        await writeFile(join(dir, 'dateline.config.json'), text);
        const stopped = await run(['check'], dir);
        expect(stopped.stderr).not.toContain('articles/d.md');
        expect(stopped.stderr).toContain('The records were not checked: the configuration cannot be read past its syntax error.\n');
      }
      expect(await readdir(dir)).not.toContain('dist');
    });
  });

  it('a configuration whose lines end in a CR alone is read as JSON reads it (yaml, which gives the lines, read a title with its quotes and escape)', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const text = `${JSON.stringify({ ...SITE_CONFIG, title: 'x' }, null, 2).replace('"title": "x"', '"title":\r"D\\u00e9sk"').replace(/\n/g, '\r')}\r`;
      await writeFile(join(dir, 'dateline.config.json'), text);
      const r = await run(['build'], dir);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const feed = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8')) as { title: string };
      expect(feed.title).toBe('Désk');
    });
  });

  it('an unknown key that means articlesDir, or named like a prototype\'s, or with a dot: no records read from a directory not meant; no valid key blamed', async () => {
    await withSite({ ...GOOD_SITE, 'articles/d.md': record('d', 'updated: 2025-02-30 10:00') }, async (dir) => {
      const misspelt = await run(['check'], dir);
      expect(misspelt.stderr).toBe('dateline.config.json:13: articleDir: unknown key; did you mean "articlesDir"? (E_CONFIG_INVALID)\n1 error in 1 file\n');
    }, { ...SITE_CONFIG, articleDir: 'stories' });
    await withSite({ ...GOOD_SITE, 'articles/d.md': record('d', 'updated: 2025-02-30 10:00') }, async (dir) => {
      const r = await run(['check'], dir);
      expect(r.stderr).toContain('articles/d.md:5: updated: ');
      expect(r.stderr).toContain('checked with the configuration\'s 2 keys in error set aside ("constructor", "feeds.x")');
    }, { ...SITE_CONFIG, constructor: 1, 'feeds.x': true, feeds: { sections: true } });
  });

  it('a configuration whose articles directory is in error: its errors alone (the records are not read from a directory it did not mean)', async () => {
    await withSite({ ...GOOD_SITE, 'articles/d.md': record('d', 'updated: 2025-02-30 10:00') }, async (dir) => {
      const r = await run(['check'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^dateline\.config\.json:\d+: articlesDir: .*\(E_CONFIG_INVALID\)\n1 error in 1 file\n$/);
    }, { ...SITE_CONFIG, articlesDir: '' });
  });

  it('a missing --config file: exit 1 naming the file', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = await run(['check', '--config', 'nope.json'], dir);
      expect(r).toEqual({ code: 1, stdout: '', stderr: 'nope.json: no such file; create it (the README lists the settings) or pass --config FILE (E_CONFIG_UNREADABLE)\n1 error in 1 file\n' });
    });
  });

  it('an output directory that cannot be created: exit 1 with E_WRITE_FAILED, nothing half-written', async () => {
    await withSite({ ...GOOD_SITE, blocker: 'a file, not a directory\n' }, async (dir) => {
      const r = await run(['build', '--out', 'blocker/feeds'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^\S*blocker\/feeds: cannot write the output: .*; the previous output is untouched \(E_WRITE_FAILED\)\n1 error in 1 file\n$/);
      expect(await readFile(join(dir, 'blocker'), 'utf8')).toBe('a file, not a directory\n');
    });
  });

  it('a directory in the way of an output file: exit 1 with E_WRITE_FAILED naming it, nothing replaced, no temporary files left', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const dist = join(dir, 'dist');
      await rm(join(dist, 'atom.xml'));
      await mkdir(join(dist, 'atom.xml', 'sub'), { recursive: true });
      const before = await snapshotDir(dist);
      await writeFile(join(dir, 'articles/a.md'), record('a', 'tags: [diplomacy, talks]'));
      const r = await run(['build'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('dist: cannot write the output: atom.xml: EISDIR (a directory is in the way of the file); the previous output is untouched (E_WRITE_FAILED)\n1 error in 1 file\n');
      expect(await snapshotDir(dist)).toEqual(before);
      expect((await readdir(dist, { recursive: true })).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  });

  it('an articles directory with no records where the last build published stories: exit 1, nothing replaced, unless --allow-empty', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const dist = join(dir, 'dist');
      const before = await snapshotDir(dist);
      // (A checkout that failed, a volume not mounted: the directory is there, and empty.)
      await rm(join(dir, 'articles'), { recursive: true });
      await mkdir(join(dir, 'articles'));
      for (const cache of [[], ['--no-cache']]) {
        const r = await run(['build', ...cache], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe('articles: no records found under articles, and the feeds the last build wrote have stories (an articles directory emptied by mistake, or not mounted, would take every story out of every feed); pass --allow-empty if the site has no stories now (E_ARTICLES_EMPTY)\n1 error in 1 file\nNothing was written.\n');
        expect(await snapshotDir(dist)).toEqual(before);
      }
      const allowed = await run(['build', '--allow-empty', '--json'], dir);
      expect(allowed.code).toBe(0);
      expect(JSON.parse(allowed.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['W_NO_ARTICLES']);
      expect(JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8')).items).toEqual([]);
      // With no stories published, an empty directory is no surprise: built, with the warning.
      expect((await run(['build', '--quiet'], dir))).toMatchObject({ code: 0, stderr: expect.stringContaining('W_NO_ARTICLES') });
    });
  });

  it('a file in the way of a feed\'s directory, with the cache: exit 1 with E_WRITE_FAILED, nothing replaced (it was exit 70, ENOTDIR)', async () => {
    await withSite({ ...GOOD_SITE, 'articles/d.md': record('d', 'section: World') }, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const dist = join(dir, 'dist');
      const section = (await readdir(join(dist, 'sections')))[0]!;
      await rm(join(dist, 'sections', section), { recursive: true });
      await writeFile(join(dist, 'sections', section), 'in the way\n');
      const before = await snapshotDir(dist);
      const r = await run(['build'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^dist: cannot write the output: sections/${section}/[a-z.]+: ENOTDIR \\(a file is in the way of a directory on its path\\); the previous output is untouched \\(E_WRITE_FAILED\\)\n1 error in 1 file\n$`));
      expect(await snapshotDir(dist)).toEqual(before);
    }, { ...SITE_CONFIG, feeds: { sections: { minArticles: 1 } } });
  });

  it('builds of two processes take turns: a build waits while another process holds the output directory, and takes over the lock of one killed', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const dist = join(dir, 'dist');
      /** The output, without the locks. */
      const output = async () => new Map([...(await snapshotDir(dist))].filter(([name]) => !name.startsWith('.dateline-lock')));
      const before = await output();
      // Another build, as this test stands in for it: a running process holds the lock.
      const other = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        await writeFile(join(dist, '.dateline-lock'), `${other.pid}\n`);
        await writeFile(join(dir, 'articles/a.md'), record('a', 'tags: [diplomacy, talks]'));
        let settled = false;
        const waiting = run(['build'], dir).finally(() => {
          settled = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        // (Nothing read or written while the other holds it.)
        expect([settled, await output()]).toEqual([false, before]);
        other.kill();
        const r = await waiting;
        expect([r.code, r.stderr]).toEqual([0, `Waiting for another build (process ${other.pid}) to finish with dist; if none is running, delete dist/.dateline-lock\n`]);
        expect(await readFile(join(dist, 'feed.json'), 'utf8')).toContain('talks');
      } finally {
        other.kill();
      }
      // Released when done, and a lock whose process is gone is taken over at once.
      expect((await readdir(dist)).filter((n) => n.startsWith('.dateline-lock'))).toEqual([]);
      await writeFile(join(dist, '.dateline-lock'), `${2 ** 22 + 12345}\n`);
      // (And a process of this host killed while it made its lock leaves its own file, named by host and pid.)
      const ns = /\d+/.exec(readlinkSync('/proc/self/ns/pid'))?.[0] ?? '';
      await writeFile(join(dist, `.dateline-lock.${`${hostname()}${ns}`.replace(/[^\w-]/g, '_')}.4194999`), '4194999\n');
      const r = await run(['build'], dir);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect((await readdir(dist)).filter((n) => n.startsWith('.dateline-lock'))).toEqual([]);
    });
  });

  it('files named like records that are not read as records are named, in every build (they were left out without a word)', async () => {
    const extra = { 'articles/a.md.bak': record('a'), 'articles/a.md.bak.2': record('a'), 'articles/world/story.txt': 'notes\n', 'articles/world/photo.jpg': 'jpg', 'articles/b.json~': '{}\n' };
    await withSite({ ...GOOD_SITE, ...extra }, async (dir) => {
      // (The import's second backup too: README audit.)
      const warning = 'articles: warning: 4 files are named like a record but not read as one (records end in .md, .markdown or .json): "a.md.bak", "a.md.bak.2", "b.json~", "world/story.txt" (W_RECORDS_LEFT_OUT)\n1 warning\n';
      for (const args of [['build', '--quiet'], ['build', '--quiet'], ['check']]) expect((await run(args, dir)).stderr, args.join(' ')).toBe(warning);
      await writeFile(join(dir, 'articles/a.md'), record('a', 'tags: [diplomacy, talks]'));
      expect((await run(['build', '--quiet'], dir)).stderr).toBe(warning);
    });
  });

  it('a cache that cannot be written is a warning: the build succeeds and says so', async () => {
    await withSite({ ...GOOD_SITE, 'not-a-dir': 'a file\n' }, async (dir) => {
      const r = await run(['build', '--cache', 'not-a-dir', '--json'], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^not-a-dir: warning: the cache could not be written \((EEXIST|ENOTDIR)\): the feeds are written, but the next build may not be able to use it \(W_CACHE_NOT_SAVED\)\n1 warning\n$/);
      const summary = JSON.parse(r.stdout);
      expect(summary.cache).toMatchObject({ used: false, saved: false, saveError: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) });
      expect(summary.ok).toBe(true);
      expect(summary.diagnostics.map((d: { code: string; file: string }) => [d.code, d.file])).toEqual([['W_CACHE_NOT_SAVED', 'not-a-dir']]);
      expect(await readFile(join(dir, 'not-a-dir'), 'utf8')).toBe('a file\n');
      for (const f of FEEDS) expect((await stat(join(dir, 'dist', f))).size).toBeGreaterThan(0);
    });
  });

  it('a second build with no change reports the files unchanged and does not rewrite them', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      const dist = join(dir, 'dist');
      await ageOutputs(dist);
      const before = await snapshotDir(dist);

      expect((await run(['build'], dir)).stdout).toMatch(/ s: 0 files written to dist\/, 16 unchanged\.\n$/);
      await ageOutputs(dist);
      const r = await run(['build'], dir, { terminal: true });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe('Read 3 records from articles/: 2 published, 1 draft.');
      for (const f of FEEDS) {
        expect(lines).toContain(`  dist/${f}  2 items, ${before.get(f)!.bytes.length} bytes (unchanged)`);
      }
      expect(lines.at(-2)).toBe(`Wrote 0 files to dist/ (${lines.filter((l) => l.endsWith('(unchanged)')).length} already held the same bytes).`);

      const after = await snapshotDir(dist);
      // The feeds aged above get their Last-Modified back as mtime (issue 4: static servers send the mtime),
      // in place: a rewrite would be a rename of a new file, with a new inode.
      const lastModified = Date.parse(JSON.parse(after.get('_dateline.json')!.bytes.toString('utf8')).files['rss.xml'].lastModified);
      for (const [name, b] of before) {
        expect(after.get(name)!.ino, name).toBe(b.ino);
        expect(after.get(name)!.mtimeMs, name).toBe((FEEDS as readonly string[]).includes(name) ? lastModified : b.mtimeMs);
        expect(after.get(name)!.bytes.equals(b.bytes), name).toBe(true);
      }
    });
  });

  it('after a change only the files whose bytes changed are rewritten (the feeds, their siblings, the manifest, nginx.conf and index.html), reported as such', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      expect((await run(['build'], dir)).code).toBe(0);
      await ageOutputs(join(dir, 'dist'));
      await writeFile(join(dir, 'articles/c.md'), record('c'));
      const r = await run(['build'], dir, { terminal: true });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Read 3 records from articles/: 3 published, 0 drafts.');
      const bytes = async (f: string) => (await stat(join(dir, 'dist', f))).size;
      // Only what depends on no item stays: the headers file, the stylesheet and the autodiscovery snippet.
      expect(r.stdout.split('\n').filter((l) => l.includes('(unchanged)'))).toEqual([
        `  dist/_config/autodiscovery.html  ${await bytes('_config/autodiscovery.html')} bytes (unchanged)`,
        `  dist/_headers  ${await bytes('_headers')} bytes (unchanged)`,
        `  dist/feed.xsl  ${await bytes('feed.xsl')} bytes (unchanged)`,
      ]);
      expect(r.stdout.endsWith('Wrote 13 files to dist/ (3 already held the same bytes).\n')).toBe(true);
      for (const f of FEEDS) expect((await stat(join(dir, 'dist', f))).mtimeMs).not.toBe(PAST.getTime());
    });
  });

  it('internal errors exit 70 with the stack on stderr', async () => {
    await withSite(GOOD_SITE, async (dir) => {
      let stderr = '';
      // The only clean trigger from outside: an io whose stdout fails (as a closed pipe would).
      const io: CliIO = {
        cwd: dir,
        stdout: () => {
          throw new Error('stdout is gone');
        },
        stderr: (t) => {
          stderr += t;
        },
      };
      expect(await main(['check'], io)).toBe(70);
      expect(stderr.startsWith('Internal error in Dateline (please report it with the input that caused it):\nError: stdout is gone\n    at ')).toBe(true);
    });
  });
});

describe('determinism', () => {
  /** Nested records with ties in publication time, so order can only come from the data. */
  const FILES: [string, string][] = [
    ['articles/world/asia/tokyo.md', record('tokyo', 'dateline:\n  city: Tokyo\n  timezone: Asia/Tokyo\nsection: World\ntags: [japan, asia]')],
    ['articles/world/europe/geneva.md', record('geneva', 'dateline:\n  city: Geneva\n  timezone: Europe/Zurich\nagency: Xinhua')],
    ['articles/business/markets.json', JSON.stringify({ id: 'markets', title: 'Markets', date: '2025-02-05 09:24', content_html: '<p>Up.</p>', tags: ['b', 'a'] })],
    ['articles/z.md', record('z', 'updated: 2025-02-06 08:00\nauthors:\n  - name: Jane Doe\n    email: jane@example.com')],
    ['articles/a.md', record('a', 'draft: true')],
  ];

  async function buildIn(order: [string, string][]): Promise<Map<string, Buffer>> {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-det-'));
    try {
      await writeFile(join(dir, 'dateline.config.json'), JSON.stringify(SITE_CONFIG));
      for (const [name, text] of order) {
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), text);
      }
      const r = await run(['build'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = new Map<string, Buffer>();
      for (const f of FEEDS) out.set(f, await readFile(join(dir, 'dist', f)));
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('two builds of the same site in two temp dirs, files created in different orders, are byte-identical', async () => {
    const first = await buildIn(FILES);
    const second = await buildIn([...FILES].reverse());
    const third = await buildIn([FILES[2]!, FILES[0]!, FILES[4]!, FILES[1]!, FILES[3]!]);
    for (const f of FEEDS) {
      expect(second.get(f)!.equals(first.get(f)!), f).toBe(true);
      expect(third.get(f)!.equals(first.get(f)!), f).toBe(true);
    }
    // Nothing of the temporary directory leaks into the output.
    for (const f of FEEDS) expect(first.get(f)!.toString('utf8')).not.toContain('dateline-det-');
  });
});

describe('the real bin', () => {
  /** A New York desk with instants next to DST changes, and datelines in zones on both hemispheres. */
  const TZ_SITE: Record<string, string> = {
    // 2025-03-09T06:30Z is 01:30 EST, half an hour before New York springs forward.
    'articles/spring.md': record('spring', 'dateline:\n  city: Auckland\n  timezone: Pacific/Auckland').replace('date: 2025-02-05 09:24', 'date: 2025-03-09T06:30:00Z'),
    // 2025-03-08T20:00Z is 15:00 EST; Auckland is already on 9 March.
    'articles/eve.md': record('eve', 'dateline:\n  city: London\n  timezone: Europe/London').replace('date: 2025-02-05 09:24', 'date: 2025-03-08T20:00:00Z'),
    // Just before the November overlap, in desk time.
    'articles/fall.md': record('fall', 'dateline:\n  city: Los Angeles\n  timezone: America/Los_Angeles').replace('date: 2025-02-05 09:24', 'date: 2025-11-02 00:30'),
    // Near midnight UTC, in summer in New York and winter in Auckland.
    'articles/midnight.md': record('midnight', 'dateline:\n  city: Sydney\n  timezone: Australia/Sydney').replace('date: 2025-02-05 09:24', 'date: 2025-07-01T23:59:59Z'),
  };
  const NEW_YORK = { ...SITE_CONFIG, timezone: 'America/New_York' };

  function runBin(args: string[], cwd: string, env: Record<string, string>) {
    return spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  }

  // util-linux's script(1) gives the bin a terminal (pseudo-terminal), as a person running it has.
  const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript).each([
    [{}, 'progress', 'report'],
    [{ CI: 'true' }, 'none', 'line'],
    [{ CI: '1' }, 'none', 'line'],
    [{ CI: '0' }, 'progress', 'report'],
    [{ CI: 'false' }, 'progress', 'report'],
    [{ CI: 'No' }, 'progress', 'report'],
    [{ CI: '' }, 'progress', 'report'],
    [{ TERM: 'dumb' }, 'none', 'report'],
  ] as const)('on a terminal with %j: %s line, summary as a %s', async (env, progress, summary) => {
    await withSite(GOOD_SITE, async (dir) => {
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" build --no-cache`, '/dev/null'], {
        cwd: dir,
        env: { ...process.env, CI: undefined, TERM: 'xterm', SHELL: '/bin/sh', ...env },
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      // (stdout and stderr both reach the terminal.)
      expect(r.stdout.includes('\r\x1b[K'), 'progress line').toBe(progress === 'progress');
      // (The report's first line follows the erased progress line.)
      expect(/^Built the main feed from 3 records/.test(r.stdout), 'one line').toBe(summary === 'line');
      expect(/(?:^|\x1b\[K)Read 3 records from articles\/: 2 published, 1 draft\.\r\n/.test(r.stdout), 'report').toBe(summary === 'report');
    });
  });

  it('gives byte-identical feeds whatever TZ and locale the machine has', async () => {
    await withSite(
      TZ_SITE,
      async (dir) => {
        const results: Map<string, Buffer>[] = [];
        for (const [i, TZ] of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'].entries()) {
          const out = join(dir, `out-${i}`);
          const stdout = execFileSync(process.execPath, [BIN, 'build', '--out', out], {
            cwd: dir,
            env: { ...process.env, TZ, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          expect(stdout).toContain(' s: 16 files written to ');
          const files = new Map<string, Buffer>();
          for (const f of FEEDS) files.set(f, await readFile(join(out, f)));
          results.push(files);
        }
        for (const f of FEEDS) {
          expect(results[1]!.get(f)!.equals(results[0]!.get(f)!), `${f} TZ=Pacific/Auckland vs UTC`).toBe(true);
          expect(results[2]!.get(f)!.equals(results[0]!.get(f)!), `${f} TZ=America/Los_Angeles vs UTC`).toBe(true);
        }
        // And the bytes are right, not merely equal: the New York offsets in force at each instant.
        const atom = results[0]!.get('atom.xml')!.toString('utf8');
        expect(atom).toContain('2025-03-09T01:30:00-05:00');
        expect(atom).toContain('2025-03-08T15:00:00-05:00');
        expect(atom).toContain('2025-11-02T00:30:00-04:00');
        expect(atom).toContain('2025-07-01T19:59:59-04:00');
        // Datelines carry the local date at the dateline city.
        const feed = JSON.parse(results[0]!.get('feed.json')!.toString('utf8'));
        const html = (id: string) => feed.items.find((i: { id: string }) => i.id.endsWith(`:${id}`)).content_html as string;
        expect(html('spring')).toContain('AUCKLAND, March 9 --');
        expect(html('eve')).toContain('LONDON, March 8 --');
        expect(html('midnight')).toContain('SYDNEY, July 2 --');
      },
      NEW_YORK,
    );
  });

  it('exits non-zero with the message when the configuration file is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-noconf-'));
    try {
      const r = runBin(['build'], dir, {});
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('dateline.config.json: no such file; create it (the README lists the settings) or pass --config FILE (E_CONFIG_UNREADABLE)\n1 error in 1 file\nNothing was written.\n');
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a reader that closes the pipe early (`| head -1`) does not make the build fail or print a stack', async () => {
    await withSite({ 'articles/a.md': record('a'), 'articles/b.md': record('b') }, async (dir) => {
      const child = spawn(process.execPath, [BIN, 'build'], { cwd: dir, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      // Nothing reads stdout: the first line the build writes meets a closed pipe (EPIPE).
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // The build finished: the feeds are there.
      for (const f of FEEDS) expect((await stat(join(dir, 'dist', f))).size).toBeGreaterThan(0);
    });
  });

  it('a closed stderr does not fail a build that has warnings to print', async () => {
    await withSite({ 'articles/a.md': record('a', 'summary: Q&amp;A'), 'articles/b.md': record('b') }, async (dir) => {
      const child = spawn(process.execPath, [BIN, 'build', '--quiet'], { cwd: dir, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      for (const f of FEEDS) expect((await stat(join(dir, 'dist', f))).size).toBeGreaterThan(0);
    });
  });

  it('exits 2 on a usage error', () => {
    const r = runBin(['publish'], tmpdir(), {});
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith('Unknown command "publish".\n')).toBe(true);
  });

  it('keeps the code cache of builds whose build cache is saved apart from the first build with a cache', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      // DATELINE_DEBUG=1: the launcher names the code cache it starts from.
      const kind = (r: { stderr: string }): string | undefined => /code cache of (\S+) runs/.exec(r.stderr)?.[1];
      // (Each form of the option, and the default directory.)
      for (const [args, dir] of [[['--cache', 'c1'], 'c1'], [['--cache=c2'], 'c2'], [[], '.dateline-cache']] as const) {
        const first = runBin(['build', '--quiet', ...args], site.dir, { DATELINE_DEBUG: '1' });
        expect(first.status, first.stderr).toBe(0);
        expect(kind(first)).toBe('build');
        expect((await stat(join(site.dir, dir, 'state.json'))).isFile()).toBe(true);
        await writeFile(join(site.dir, 'articles', 'a.md'), record('a', '', `Body text, edited for ${dir}.`));
        const next = runBin(['build', '--quiet', ...args], site.dir, { DATELINE_DEBUG: '1' });
        expect(next.status, next.stderr).toBe(0);
        expect(kind(next)).toBe('build-cached');
        // (Without the cache, whether one is saved or not: a kind of its own.)
        expect(kind(runBin(['build', '--quiet', '--no-cache', '--out', 'other'], site.dir, { DATELINE_DEBUG: '1' }))).toBe('build-clean');
      }
    } finally {
      await site.cleanup();
    }
  });

  it('starts from a code cache that the first three runs of a kind of command make, and later runs leave alone', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      // `check` (no other test runs it through the bin): one cache file, its generation counting the runs.
      const caches = async (): Promise<{ name: string; mtimeMs: number }[]> => {
        const root = join(dirname(BIN), '..', 'node_modules', '.cache', 'dateline');
        const out = [];
        for (const dir of await readdir(root)) {
          if (!dir.startsWith('cli-') || dir.endsWith('.tmp')) continue;
          for (const name of await readdir(join(root, dir))) if (name.startsWith('cli.cjs.check.')) out.push({ name, mtimeMs: (await stat(join(root, dir, name))).mtimeMs });
        }
        return out;
      };
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = runBin(['check'], site.dir, {});
        expect(r.status, r.stderr).toBe(0);
        const now = await caches();
        expect(now.length).toBe(1);
        seen.push(now[0]!.name);
      }
      // Each run makes the next generation, up to the third (an earlier test run may have made some).
      const first = Number(/\.(\d)\.v8cache$/.exec(seen[0] ?? '')?.[1]);
      expect(seen).toEqual(seen.map((_, i) => `cli.cjs.check.${Math.min(3, first + i)}.v8cache`));
      const last = await caches();
      runBin(['check'], site.dir, {});
      expect(await caches()).toEqual(last);
    } finally {
      await site.cleanup();
    }
  });
});
