/**
 * The scenarios of bench/build.ts, for one corpus directory (see bench/corpus.ts). Each one says how to
 * prepare a run (untimed), what command to time, and how to check what it wrote.
 *
 *   dateline main         `dateline build --no-cache --quiet`, dateline.config.json: the main feed only,
 *                         the same work as the baselines. Clean dist/ before each run.
 *   dateline all          the same with dateline.all.json (sections, tags, authors, archives) into
 *                         dist-all/. Clean before each run.
 *   dateline incremental  setup (untimed): a full build of dateline.all.json into dist-inc/ with the cache
 *                         on (--cache .bench-cache). Each run: edit one article (untimed; a different file
 *                         each time, spread over the corpus, alternately appending a sentence to the body
 *                         and changing the title), then time the same build with the cache.
 *   dateline publish      the same build after one story is published (untimed: a new record, the newest,
 *                         a copy of an existing one under a new id, title and date, mtime in the past).
 *   dateline no-change    the same build with nothing edited since the last one.
 *   naive, naive-lazy     bench/naive-build.mjs (with --lazy: Markdown only for the 50 feed items).
 *   hugo                  `hugo --quiet` over the Hugo copy (only when hugo is installed): the home RSS.
 *   hugo all              `hugo --quiet` over hugo-all/: the feeds of dateline.all.json, in three formats.
 * After the runs, the incremental output is compared byte for byte with a clean --no-cache build of the
 * edited corpus (dist-verify/); any difference fails the bench. The published records are removed then.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONFIG_FILE } from './corpus.js';
import { BenchFailure, checkItems, compareTrees, feedsInJson, feedsOnDisk, listFiles, measure, ROOT, type Command, type Sample } from './_runner.js';

export const DATELINE = join(ROOT, 'bin', 'dateline.js');
const NAIVE = join(ROOT, 'bench', 'naive-build.mjs');
const CACHE = '.bench-cache';

export interface Scenario {
  name: string;
  /** `dateline build` options it relies on (checked against `dateline build --help` up front). */
  needs: string[];
  /** Untimed, once, before the warm-up run. */
  setup?(): void;
  /** Untimed, before every run (the warm-up included). */
  prepare(): void;
  /** The timed command; `json` asks for --json instead of --quiet (the warm-up, when supported). */
  command(json: boolean): Command;
  /** Checks the warm-up run's output. */
  check(s: Sample, json: boolean): void;
  /** Once, after the timed runs. */
  verify?(): void;
}

export const SCENARIO_NAMES = ['dateline main', 'dateline all', 'dateline incremental', 'dateline publish', 'dateline no-change', 'naive', 'naive-lazy', 'hugo', 'hugo all'];
/** Where `dateline publish` writes its records (removed after the bench: the corpus stays as generated). */
const PUBLISHED = join('articles', 'published-by-bench');

/** What the warm-up prints about the feeds, and fails on when they are not what the scenario makes. */
function checkFeeds(name: string, corpus: string, out: string, s: Sample, json: boolean, main: boolean, log: (s: string) => void): void {
  checkItems(name, join(corpus, out, 'rss.xml'));
  const disk = feedsOnDisk(join(corpus, out));
  if (main && disk !== 1) throw new BenchFailure(`${name}: expected the main feed only in ${out}/, found ${disk} feeds`);
  if (!main && disk <= 1) throw new BenchFailure(`${name}: only the main feed in ${out}/ with ${ALL_CONFIG_FILE}: is the "feeds" configuration key implemented?`);
  let note = '--json not supported';
  if (json) {
    const j = feedsInJson(s.stdout);
    if (!j.parsed) throw new BenchFailure(`${name}: --json printed something that is not one JSON object:\n${s.stdout.slice(0, 500)}`);
    if (j.feeds !== undefined && j.feeds !== disk) throw new BenchFailure(`${name}: --json reports ${j.feeds} feeds, ${out}/ holds ${disk}`);
    note = j.feeds === undefined ? `--json has no feed count (keys: ${j.keys?.join(', ')})` : `--json agrees`;
  }
  log(`  ${name}: ${disk} feed${disk === 1 ? '' : 's'} in ${out}/, main feed 50 items (${note})`);
}

/** Shared by `dateline incremental` and `dateline no-change`: one cached output tree and its edits. */
class Incremental {
  private ready = false;
  private failed: string | undefined;
  /** After verify: '' when the trees matched, else why not. */
  private verified: string | undefined;
  private files: string[] = [];
  private edits = 0;
  private published = 0;
  constructor(private corpus: string, private dateline: string, private log: (s: string) => void) {}

  command(json: boolean, cache = true, out = 'dist-inc'): Command {
    const args = [this.dateline, 'build', '--config', ALL_CONFIG_FILE, '--out', out, ...(cache ? ['--cache', CACHE] : ['--no-cache']), json ? '--json' : '--quiet'];
    return { exe: 'node', args, cwd: this.corpus };
  }

  /** The untimed full build with the cache, once for both scenarios (a failure fails both). */
  setup(json: boolean): void {
    if (this.ready) return;
    if (this.failed !== undefined) throw new BenchFailure(`the shared setup failed: ${this.failed}`);
    try {
      for (const d of ['dist-inc', CACHE]) rmSync(join(this.corpus, d), { recursive: true, force: true });
      const s = measure('setup (full build with the cache)', this.command(json));
      checkFeeds('setup (full build with the cache)', this.corpus, 'dist-inc', s, json, false, this.log);
    } catch (e) {
      if (e instanceof BenchFailure) this.failed = e.message;
      throw e;
    }
    this.files = listFiles(join(this.corpus, 'articles'));
    this.ready = true;
  }

  /** Edits a different article each time, spread over the corpus: a sentence appended, or a new title. */
  edit(): void {
    const k = this.edits++;
    const n = this.files.length;
    const file = join(this.corpus, 'articles', this.files[(k * 7919 + 17) % n]!);
    const text = readFileSync(file, 'utf8');
    let edited: string;
    if (k % 2 === 0) {
      edited = `${text}\nEditors added this sentence in revision ${k + 1} of the benchmark.\n`;
    } else {
      edited = text.replace(/^title: (".*")$/m, (_, t: string) => `title: ${JSON.stringify(`${JSON.parse(t) as string} (revised ${k + 1})`)}`);
      if (edited === text) throw new BenchFailure(`dateline incremental: no title line to edit in ${file}`);
    }
    writeFileSync(file, edited);
  }

  /**
   * Publishes a story: a copy of an existing record under a new id and title, dated after every story
   * of the corpus (2026-01-01, a minute apart), with an mtime in the past (no racy re-read of others).
   */
  publish(): void {
    const k = this.published++;
    const source = readFileSync(join(this.corpus, 'articles', this.files[(k * 4099 + 5) % this.files.length]!), 'utf8');
    const id = `bench-published-${k + 1}`;
    const text = source
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^title: .*$/m, `title: "Story published by the benchmark, number ${k + 1}"`)
      .replace(/^date: .*$/m, `date: 2026-01-01 ${String(Math.floor(k / 60) % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}`);
    if (!text.includes(`id: ${id}`)) throw new BenchFailure(`dateline publish: no id line in the record copied`);
    const dir = join(this.corpus, PUBLISHED);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${id}.md`);
    writeFileSync(file, text);
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  }

  /** A clean build of the edited corpus must equal the incremental output, byte for byte. */
  verify(): void {
    if (this.verified !== undefined) {
      if (this.verified !== '') throw new BenchFailure(`the shared check failed: ${this.verified}`);
      return;
    }
    if (!this.ready) return;
    this.verified = 'the clean build failed';
    rmSync(join(this.corpus, 'dist-verify'), { recursive: true, force: true });
    measure('dateline incremental (verify: clean build)', this.command(false, false, 'dist-verify'));
    const diff = compareTrees(join(this.corpus, 'dist-inc'), join(this.corpus, 'dist-verify'));
    if (diff.length > 0) {
      this.verified = `dist-inc/ differs from a clean build`;
      throw new BenchFailure(`after ${this.edits} edits, dist-inc/ (cached builds) differs from dist-verify/ (a clean --no-cache build):\n  ${diff.join('\n  ')}`);
    }
    this.verified = '';
    this.log(`  incremental: dist-inc/ after ${this.edits} edits and ${this.published} stories published equals a clean build, ${listFiles(join(this.corpus, 'dist-verify')).length} files byte for byte`);
    rmSync(join(this.corpus, PUBLISHED), { recursive: true, force: true });
  }
}

/** `dateline` is the bin/dateline.js to run (another checkout's, with --dateline). */
export function scenarios(corpus: string, dateline: string, jsonSupported: boolean, log: (s: string) => void): Scenario[] {
  const clean = (...dirs: string[]) => (): void => {
    for (const d of dirs) rmSync(join(corpus, d), { recursive: true, force: true });
  };
  const inc = new Incremental(corpus, dateline, log);
  const quietOrJson = (json: boolean): string => (json ? '--json' : '--quiet');
  return [
    {
      name: 'dateline main', needs: ['--no-cache', '--quiet'], prepare: clean('dist'),
      command: (json) => ({ exe: 'node', args: [dateline, 'build', '--no-cache', quietOrJson(json)], cwd: corpus }),
      check: (s, json) => checkFeeds('dateline main', corpus, 'dist', s, json, true, log),
    },
    {
      name: 'dateline all', needs: ['--config', '--out', '--no-cache', '--quiet'], prepare: clean('dist-all'),
      command: (json) => ({ exe: 'node', args: [dateline, 'build', '--config', ALL_CONFIG_FILE, '--out', 'dist-all', '--no-cache', quietOrJson(json)], cwd: corpus }),
      check: (s, json) => checkFeeds('dateline all', corpus, 'dist-all', s, json, false, log),
    },
    {
      name: 'dateline incremental', needs: ['--config', '--out', '--cache', '--no-cache', '--quiet'],
      setup: () => inc.setup(jsonSupported), prepare: () => inc.edit(), command: (json) => inc.command(json),
      check: (s, json) => checkFeeds('dateline incremental', corpus, 'dist-inc', s, json, false, log),
      verify: () => inc.verify(),
    },
    {
      name: 'dateline publish', needs: ['--config', '--out', '--cache', '--no-cache', '--quiet'],
      setup: () => inc.setup(jsonSupported), prepare: () => inc.publish(), command: (json) => inc.command(json),
      check: (s, json) => checkFeeds('dateline publish', corpus, 'dist-inc', s, json, false, log),
      verify: () => inc.verify(),
    },
    {
      name: 'dateline no-change', needs: ['--config', '--out', '--cache', '--no-cache', '--quiet'],
      setup: () => inc.setup(jsonSupported), prepare: () => undefined, command: (json) => inc.command(json),
      check: (s, json) => checkFeeds('dateline no-change', corpus, 'dist-inc', s, json, false, log),
      verify: () => inc.verify(),
    },
    {
      name: 'naive', needs: [], prepare: clean('naive-dist'),
      command: () => ({ exe: 'node', args: [NAIVE], cwd: corpus }),
      check: () => checkItems('naive', join(corpus, 'naive-dist', 'rss.xml')),
    },
    {
      name: 'naive-lazy', needs: [], prepare: clean('naive-dist'),
      command: () => ({ exe: 'node', args: [NAIVE, '--lazy'], cwd: corpus }),
      check: () => checkItems('naive-lazy', join(corpus, 'naive-dist', 'rss.xml')),
    },
    {
      name: 'hugo', needs: [], prepare: clean('hugo/public', 'hugo/resources'),
      command: () => ({ exe: 'hugo', args: ['--quiet'], cwd: join(corpus, 'hugo') }),
      check: () => checkItems('hugo', join(corpus, 'hugo', 'public', 'index.xml')),
    },
    {
      name: 'hugo all', needs: [], prepare: clean('hugo-all/public', 'hugo-all/resources'),
      command: () => ({ exe: 'hugo', args: ['--quiet'], cwd: join(corpus, 'hugo-all') }),
      check: () => {
        const pub = join(corpus, 'hugo-all', 'public');
        checkItems('hugo all', join(pub, 'index.xml'));
        const documents = listFiles(pub).filter((f) => /(?:^|\/)(?:index\.xml|atom\.xml|feed\.json)$/.test(f)).length;
        if (documents < 3 * 5) throw new BenchFailure(`hugo all: only ${documents} feed documents in hugo-all/public/`);
        log(`  hugo all: ${documents} feed documents in hugo-all/public/`);
      },
    },
  ];
}

/** The `dateline build` options `--help` lists (undefined when the help itself fails). */
export function datelineBuildOptions(dateline: string): Set<string> | undefined {
  try {
    const s = measure('dateline build --help', { exe: 'node', args: [dateline, 'build', '--help'], cwd: ROOT });
    return new Set(s.stdout.match(/--[a-z][a-z-]*/g) ?? []);
  } catch {
    return undefined;
  }
}
