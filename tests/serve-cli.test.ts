/**
 * `dateline serve`: usage through `main`, and the running command through `serveCommand` with an injected
 * `until` promise (so nothing waits for a signal) and the real build (`main(['build', ...])`).
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { watch } from 'node:fs';
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { serveCommand, type ServeHooks } from '../src/cli/serve.js';
import { main, type CliIO } from '../src/index.js';
import { makeSite, record, SITE_CONFIG } from './_helpers.js';

interface Io extends CliIO {
  out: () => string;
  err: () => string;
}

function collect(cwd: string): Io {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, out: () => out, err: () => err };
}

/** GET over loopback with node:http; resolves with the status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** Waits (bounded) until `test` holds. */
async function waitFor(what: string, test: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const build: ServeHooks['build'] = (args, io) => main(['build', ...args], io);

/**
 * Runs the real bin's `serve ARGS` in `dir`; once it listens, `during(url, out)` (out: its stdout so far);
 * then SIGTERM, which must close the server and exit 0.
 */
async function withBin(dir: string, args: string[], during: (url: string, out: () => string, err: () => string) => Promise<void>, nodeArgs: string[] = []): Promise<void> {
  const bin = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitFor('the server to start', () => out.includes('Press Ctrl-C to stop.'), 60_000);
    await during(/at (http:\/\/\S+\/)/.exec(out)?.[1] ?? '', () => out, () => err);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.endsWith('Stopped.\n')).toBe(true);
  } finally {
    child.kill('SIGKILL');
  }
}

/** Starts `serveCommand` in the background; `stop()` resolves `until` and returns the exit code. */
async function startServe(args: string[], io: Io, hooks: Partial<ServeHooks> = {}): Promise<{ url: string; stop: () => Promise<number> }> {
  let stop: () => void = () => undefined;
  const until = new Promise<void>((r) => (stop = r));
  let url: string | undefined;
  const done = serveCommand(args, io, 'USAGE\n', { build, until, ready: (u) => (url = u), pollMs: 40, ...hooks });
  // Fails fast if the command returns instead of serving.
  await Promise.race([waitFor('the server', () => url !== undefined), done.then((code) => Promise.reject(new Error(`exited ${code}: ${io.err()}`)))]);
  return {
    url: url ?? '',
    stop: async () => {
      stop();
      return done;
    },
  };
}

describe('dateline serve: usage', () => {
  it('--help prints the options', async () => {
    const io = collect('/');
    expect(await main(['serve', '--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: dateline serve [--port 8080] [--host 127.0.0.1] [--dir DIR] [--config FILE] [--watch]');
    expect(io.err()).toBe('');
  });

  it.each([
    [['--frob'], "Unknown option '--frob'"],
    [['--port', 'eighty'], '--port expects a port number from 0 to 65535, got "eighty".'],
    [['--port', '70000'], '--port expects a port number from 0 to 65535, got "70000".'],
    [['extra'], "Unexpected argument 'extra'"],
  ])('%j → exit 2 with the problem and the usage', async (argv, problem) => {
    const io = collect('/');
    expect(await main(['serve', ...argv], io)).toBe(2);
    expect(io.err().startsWith(problem)).toBe(true);
    expect(io.err()).toContain('Usage: dateline serve');
  });

  it('with nothing built and no --watch: exit 1, saying what to do', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const io = collect(site.dir);
      expect(await main(['serve', '--port', '0'], io)).toBe(1);
      expect(io.err()).toBe('Nothing to serve: dist/ is not a directory. Run "dateline build" first, or serve with --watch.\n');
    } finally {
      await site.cleanup();
    }
  });

  it('a broken configuration is reported like the build reports it: exit 1', async () => {
    const site = await makeSite({}, { title: 'x' });
    try {
      const io = collect(site.dir);
      expect(await main(['serve', '--port', '0'], io)).toBe(1);
      expect(io.err()).toContain('dateline.config.json');
      expect(io.err()).toContain('E_CONFIG_INVALID');
    } finally {
      await site.cleanup();
    }
  });

  it('a port in use: exit 1, naming it', async () => {
    const site = await makeSite({});
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    try {
      await mkdir(join(site.dir, 'out'));
      const port = (blocker.address() as { port: number }).port;
      const io = collect(site.dir);
      expect(await serveCommand(['--dir', 'out', '--port', String(port)], io, 'USAGE\n', { build, until: new Promise(() => undefined) })).toBe(1);
      expect(io.err()).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE). Choose another --port.\n`);
    } finally {
      blocker.close();
      await site.cleanup();
    }
  });

  it('never serves the articles (drafts too), however --dir names them', async () => {
    const site = await makeSite({ 'articles/d.md': record('d', 'draft: true') });
    try {
      for (const dir of ['articles', '.', './articles/..']) {
        const io = collect(site.dir);
        expect(await serveCommand(['--dir', dir, '--port', '0'], io, 'USAGE\n', { build, until: Promise.resolve() }), dir).toBe(1);
        expect(io.err()).toContain(`--dir: "${dir}" holds the articles directory "articles": the records (drafts too) would be served; serve the output directory ("dist").`);
      }
    } finally {
      await site.cleanup();
    }
  });

  it('says when the directory is not a Dateline build (no manifest)', async () => {
    const site = await makeSite({});
    try {
      await mkdir(join(site.dir, 'out'));
      const io = collect(site.dir);
      expect(await serveCommand(['--dir', 'out', '--port', '0'], io, 'USAGE\n', { build, until: Promise.resolve() })).toBe(0);
      expect(io.err()).toBe("Note: out/ has no _dateline.json, so it is not a Dateline build: its files are served as they are, without the manifest's ETags and headers.\n");
    } finally {
      await site.cleanup();
    }
  });

  it('--watch into a directory the build refuses: the message names --dir, and says the build made nothing', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const io = collect(site.dir);
      expect(await serveCommand(['--watch', '--dir', 'articles/out', '--port', '0'], io, 'USAGE\n', { build, until: Promise.resolve() })).toBe(1);
      expect(io.err()).toContain('--dir: the output directory "articles/out" is inside the articles directory "articles"');
      expect(io.err()).not.toContain('--out');
      expect(io.err()).toContain('Nothing to serve: articles/out/ is not a directory, and the build did not make it.');
    } finally {
      await site.cleanup();
    }
  });
});

describe('dateline serve: running', () => {
  it('--dir serves that directory without reading any configuration, and stops when asked', async () => {
    const site = await makeSite({});
    try {
      await rm(join(site.dir, 'dateline.config.json'));
      await mkdir(join(site.dir, 'public'));
      await writeFile(join(site.dir, 'public', 'hello.txt'), 'hello\n');
      const io = collect(site.dir);
      const s = await startServe(['--dir', 'public', '--port', '0'], io);
      expect(io.out()).toBe(`Serving public/ at ${s.url}. Press Ctrl-C to stop.\n`);
      expect(await get(`${s.url}hello.txt`)).toEqual({ status: 200, body: 'hello\n' });
      expect(await s.stop()).toBe(0);
      expect(io.out().endsWith('Stopped.\n')).toBe(true);
      await expect(get(`${s.url}hello.txt`)).rejects.toThrow();
    } finally {
      await site.cleanup();
    }
  });

  // Review: with a hub in the configuration, the build's last line was its note on the hub, and serve
  // printed that instead of what it wrote.
  it('--watch with a hub: each build\'s summary, then its note that the hub was not told', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') }, { ...SITE_CONFIG, hub: 'http://127.0.0.1:9/' });
    try {
      const io = collect(site.dir);
      const s = await startServe(['--watch', '--port', '0'], io);
      expect(io.out().split('\n').slice(0, 2)).toEqual([
        expect.stringMatching(/^Built the main feed from 1 record \(1 published, 0 drafts\) in \d+\.\d\d s: \d+ files? written to dist\/\.$/),
        'The hub was not told of 3 changed feeds (no --ping): the next build --ping sends their pings.',
      ]);
      await writeFile(join(site.dir, 'articles', 'b.md'), record('b'));
      await waitFor('the rebuild', () => io.out().split('\n').some((l) => l.startsWith('Rebuilt ')));
      expect(io.out().split('\n').find((l) => l.startsWith('Rebuilt '))).toMatch(/^Rebuilt the main feed from 2 records \(2 published, 0 drafts\) in \d+\.\d\d s: \d+ files? written to dist\/, \d+ unchanged\.$/);
      expect(await s.stop()).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('--watch builds, serves, rebuilds on a change, and keeps the old files when a rebuild fails', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const io = collect(site.dir);
      const s = await startServe(['--watch', '--port', '0'], io);
      expect(io.out().split('\n')[0]).toMatch(/^Built the main feed from 1 record .* s: \d+ files? written to dist\/\.$/);
      expect(io.out()).toContain(`Serving dist/ at ${s.url}; rebuilding on changes to articles/ and dateline.config.json. Press Ctrl-C to stop.\n`);
      const first = await get(`${s.url}rss.xml`);
      expect(first.status).toBe(200);
      expect(first.body).toContain('Title of a');

      // A new article, in a new subdirectory: one rebuild, and the feed has it.
      await mkdir(join(site.dir, 'articles', 'world'));
      await writeFile(join(site.dir, 'articles', 'world', 'b.md'), record('b'));
      await waitFor('the first rebuild', () => io.out().split('\n').filter((l) => l.startsWith('Rebuilt ')).length === 1);
      expect((await get(`${s.url}rss.xml`)).body).toContain('Title of b');

      // A broken article: the rebuild fails with the diagnostics, and the previous feed is still served.
      await writeFile(join(site.dir, 'articles', 'c.md'), '---\nid: c\ntitle: C\ndate: not a date\n---\nBody.\n');
      await waitFor('the failed rebuild', () => io.out().includes('Rebuild failed (exit 1); still serving the previous files.\n'));
      expect(io.err()).toContain('articles/c.md:4: date:');
      expect(io.err()).toContain('Nothing was written.');
      const after = await get(`${s.url}rss.xml`);
      expect(after.status).toBe(200);
      expect(after.body).toContain('Title of b');
      expect(after.body).not.toContain('<title>C</title>');

      // Fixing it rebuilds again; a change to the configuration does too.
      await writeFile(join(site.dir, 'articles', 'c.md'), record('c'));
      await waitFor('the second rebuild', () => io.out().split('\n').filter((l) => l.startsWith('Rebuilt ')).length === 2);
      expect((await get(`${s.url}rss.xml`)).body).toContain('Title of c');
      await writeFile(join(site.dir, 'dateline.config.json'), JSON.stringify({ ...SITE_CONFIG, title: 'Renamed Desk' }));
      await waitFor('the third rebuild', () => io.out().split('\n').filter((l) => l.startsWith('Rebuilt ')).length === 3);
      expect((await get(`${s.url}rss.xml`)).body).toContain('<title>Renamed Desk</title>');

      expect(await s.stop()).toBe(0);
      // One stdout line per rebuild, plus the serving and stopping lines.
      expect(io.out().split('\n').filter((l) => l !== '')).toHaveLength(7);
    } finally {
      await site.cleanup();
    }
  });

  it.each([
    ['on file events alone (the clock looks every ten minutes)', { idlePollMs: 600_000 }],
    ['on the clock alone (no file events)', { fileEvents: false }],
  ] as const)('--watch rebuilds %s: a record in a directory made or replaced since it started, a configuration saved by renaming', async (_how, hooks) => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const io = collect(site.dir);
      const s = await startServe(['--watch', '--port', '0'], io, hooks);
      const rebuilds = (): number => io.out().split('\n').filter((l) => l.startsWith('Rebuilt ')).length;
      const rebuilt = async (n: number, what: string, text: string): Promise<void> => {
        await waitFor(what, () => rebuilds() === n);
        expect((await get(`${s.url}rss.xml`)).body).toContain(text);
      };
      const world = join(site.dir, 'articles', 'world');
      await mkdir(world);
      await writeFile(join(world, 'b.md'), record('b'));
      await rebuilt(1, 'a record in a new directory', 'Title of b');
      // Edited in place in that directory (watched since the last look).
      await writeFile(join(world, 'b.md'), record('b').replace('Title of b', 'Title of b, edited'));
      await rebuilt(2, 'the record edited', 'Title of b, edited');
      // The directory replaced by another of its name, then a record edited in it in place.
      await rm(world, { recursive: true });
      await mkdir(world);
      await writeFile(join(world, 'b.md'), record('b').replace('Title of b', 'Title of b, again'));
      await rebuilt(3, 'the directory replaced', 'Title of b, again');
      await writeFile(join(world, 'b.md'), record('b').replace('Title of b', 'Title of b, once more'));
      await rebuilt(4, 'a record edited in the new directory', 'Title of b, once more');
      // The configuration saved as editors save it: a new file renamed over it.
      await writeFile(join(site.dir, 'config.tmp'), JSON.stringify({ ...SITE_CONFIG, title: 'Renamed Desk' }));
      await rename(join(site.dir, 'config.tmp'), join(site.dir, 'dateline.config.json'));
      await rebuilt(5, 'the configuration renamed over', '<title>Renamed Desk</title>');
      expect(await s.stop()).toBe(0);
      expect(io.err()).toBe('');
    } finally {
      await site.cleanup();
    }
  });

  it('--watch says when a directory cannot be watched (the system\'s limit of watches), and looks every interval instead', async () => {
    const site = await makeSite({ 'articles/a.md': record('a'), 'articles/world/b.md': record('b') });
    try {
      const io = collect(site.dir);
      // A system at its limit: the second directory's watch fails as inotify's does (ENOSPC).
      const watchDir: ServeHooks['watchDir'] = (dir, listener) => {
        if (dir.endsWith('world')) throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
        return watch(dir, { persistent: false }, listener);
      };
      const s = await startServe(['--watch', '--port', '0'], io, { idlePollMs: 600_000, watchDir });
      expect(io.err()).toBe('--watch: cannot watch articles/world/ for changes (ENOSPC: the system\'s limit of watches, fs.inotify.max_user_watches, is reached); looking every 40 ms instead.\n');
      await writeFile(join(site.dir, 'articles', 'world', 'b.md'), record('b').replace('Title of b', 'Title of b, edited'));
      await waitFor('the rebuild', () => io.out().split('\n').some((l) => l.startsWith('Rebuilt ')));
      expect((await get(`${s.url}rss.xml`)).body).toContain('Title of b, edited');
      expect(await s.stop()).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('polls during rebuilds always get a whole feed, old or new, never a torn one', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const io = collect(site.dir);
      const s = await startServe(['--watch', '--port', '0'], io);
      const rebuilds = (): number => io.out().split('\n').filter((l) => l.startsWith('Rebuilt ')).length;
      let polls = 0;
      const poller = (async () => {
        const bodies: string[] = [];
        // Bounded: stops after the rebuilds below, or after 2,000 polls.
        while (rebuilds() < 3 && polls < 2_000) {
          const r = await get(`${s.url}rss.xml`);
          expect(r.status).toBe(200);
          bodies.push(r.body);
          polls++;
        }
        return bodies;
      })();
      for (let i = 0; i < 3; i++) {
        await writeFile(join(site.dir, 'articles', `n${i}.md`), record(`n${i}`, '', 'More text. '.repeat(200 * (i + 1))));
        await waitFor(`rebuild ${i + 1}`, () => rebuilds() === i + 1);
      }
      const bodies = await poller;
      expect(polls).toBeGreaterThan(0);
      for (const body of bodies) {
        expect(XMLValidator.validate(body)).toBe(true);
        expect(body.trimEnd().endsWith('</rss>')).toBe(true);
      }
      expect(await s.stop()).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('the real bin answers requests while --watch rebuilds: the build runs on a thread of its own', async () => {
    // (QA: a rebuild ran on the server's thread, and requests waited out its render: 20 s time-outs during a
    // 59 s rebuild. One story of 6 MB renders for a second or more at a stretch; a request made meanwhile
    // waited for all of it. The longest wait is compared with the rebuild's own time, on this machine.)
    const paragraph = `${'Talks resume in *Doha* this week, officials said, and [more](https://example.com/x) follows. '.repeat(40)}\n\n`;
    const site = await makeSite({
      'articles/big.md': record('big', '', paragraph.repeat(1800)),
      'articles/a.md': record('a', '', 'Body.'),
    });
    try {
      await withBin(site.dir, ['--watch', '--port', '0'], async (url, out) => {
        await writeFile(join(site.dir, 'articles/a.md'), record('a', '', 'Body, corrected.'));
        const waits: number[] = [];
        while (!out().includes('Rebuilt ')) {
          const t = performance.now();
          const r = await get(`${url}feed.xsl`);
          waits.push(performance.now() - t);
          expect(r.status).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const seconds = Number(/^Rebuilt .* in (\d+\.\d\d) s/m.exec(out())?.[1]);
        expect(seconds).toBeGreaterThan(0.5);
        expect(Math.max(...waits), `waits ${waits.map((w) => w.toFixed(0)).join(' ')} ms; rebuilt in ${seconds} s`).toBeLessThan((seconds * 1000) / 4);
        expect(out()).toMatch(/^Rebuilt the main feed from 2 records \(2 published, 0 drafts(?:, 1 not read again)?\) in \d+\.\d\d s: \d+ files? written to dist\/, \d+ unchanged\.$/m);
        expect((await get(`${url}feed.json`)).body).toContain('Body, corrected.');
      });
    } finally {
      await site.cleanup();
    }
  }, 120_000);

  // Review: a rebuild's thread that ran out of memory left the locks it held, which name this process, and
  // every later rebuild waited for them for ever (Ctrl-C too). The served directory is named through a link
  // (the build locks the directory it leads to).
  it('the real bin: a rebuild whose thread runs out of memory fails, and the next rebuild is not held back by its locks', async () => {
    const paragraph = `${'Talks resume in *Doha* this week, officials said, and [more](https://example.com/x) follows. '.repeat(40)}\n\n`;
    const site = await makeSite({ 'articles/a.md': record('a', '', 'Body.') });
    try {
      await mkdir(join(site.dir, 'dist'));
      await symlink('dist', join(site.dir, 'pub'));
      // (The heap's limit is the worker's too: a story of 6 MB needs several hundred MB to build.)
      await withBin(site.dir, ['--watch', '--port', '0', '--dir', 'pub'], async (url, out, err) => {
        await writeFile(join(site.dir, 'articles/big.md'), record('big', '', paragraph.repeat(1800)));
        await waitFor('the rebuild to fail', () => out().includes('Rebuild failed (exit 70); still serving the previous files.\n'), 60_000);
        expect(err()).toContain("Internal error in Dateline: the build's thread stopped");
        await rm(join(site.dir, 'articles/big.md'));
        await writeFile(join(site.dir, 'articles/a.md'), record('a', '', 'Body, corrected.'));
        await waitFor('the next rebuild', () => out().split('\n').some((l) => l.startsWith('Rebuilt ')), 30_000);
        expect((await get(`${url}feed.json`)).body).toContain('Body, corrected.');
      }, ['--max-old-space-size=120']);
    } finally {
      await site.cleanup();
    }
  }, 120_000);

  // Review: serve released only the output directory it started with; one the configuration names since
  // (outDir edited under --watch) kept the dead thread's lock, and every later rebuild waited on it.
  it('the real bin: a rebuild that dies holding an output directory the configuration named since does not hold back the next', async () => {
    const paragraph = `${'Talks resume in *Doha* this week, officials said, and [more](https://example.com/x) follows. '.repeat(40)}\n\n`;
    const site = await makeSite({ 'articles/a.md': record('a', '', 'Body.') });
    try {
      await withBin(site.dir, ['--watch', '--port', '0'], async (_url, out) => {
        await writeFile(join(site.dir, 'articles/big.md'), record('big', '', paragraph.repeat(1800)));
        await writeFile(join(site.dir, 'dateline.config.json'), `${JSON.stringify({ ...SITE_CONFIG, outDir: 'out2' }, null, 2)}\n`);
        await waitFor('the rebuild to fail', () => out().includes('Rebuild failed (exit 70); still serving the previous files.\n'), 60_000);
        await rm(join(site.dir, 'articles/big.md'));
        await waitFor('the next rebuild', () => out().split('\n').some((l) => l.startsWith('Rebuilt ')), 30_000);
        expect(await readFile(join(site.dir, 'out2', 'feed.json'), 'utf8')).toContain('Title of a');
      }, ['--max-old-space-size=120']);
    } finally {
      await site.cleanup();
    }
  }, 120_000);

  it('the real bin serves until SIGTERM, then closes and exits 0', async () => {
    const site = await makeSite({});
    try {
      await mkdir(join(site.dir, 'dist'));
      await writeFile(join(site.dir, 'dist', 'hello.txt'), 'hello\n');
      await withBin(site.dir, ['--port', '0'], async (url) => {
        expect(await get(`${url}hello.txt`)).toEqual({ status: 200, body: 'hello\n' });
      });
    } finally {
      await site.cleanup();
    }
  });
});
