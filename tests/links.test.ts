/**
 * Two published stories with one link (core/links.ts, W_LINK_SHARED): warned about by `check` and by every
 * kind of build alike (without the cache, with it on the full path, planned again from the signatures, and
 * on the fast path that plans nothing), and by the library's loadArticles.
 */
import { readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, loadConfig, validateRecords } from '../src/index.js';
import { filesOf, makeSite, rng, runCli, SITE_CONFIG } from './_helpers.js';

const ONE = 'https://news.example.com/one.html';

/** A Markdown record; its first extra line is line 5. */
const story = (id: string, lines: readonly string[] = [], date = '2025-02-05 09:24', body = 'Body text.'): string =>
  `---\nid: ${id}\ntitle: Title of ${id}\ndate: ${date}\n${lines.map((l) => `${l}\n`).join('')}---\n${body}\n`;

interface Shared {
  file?: string;
  line?: number;
  field?: string;
  message: string;
}

const sharedOf = (json: { diagnostics: (Shared & { code: string })[] }): Shared[] =>
  json.diagnostics.filter((d) => d.code === 'W_LINK_SHARED').map(({ file, line, field, message }) => ({ file, line, field, message }));

async function build(dir: string, args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  const r = await runCli(['build', '--json', ...args], dir);
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
}

describe('the link of a record without url', () => {
  it('escapes what a URL would read otherwise in the file\'s name (#, ?, %, \\): the page of that name, not a fragment, query or other page (QA)', async () => {
    const names = ['q&a #1', 'why?', '100%25 sure', '50%', 'a\\b', '国际/新闻 1', 'plain', 'javascript:alert(1)', 'notes/10:30 update'];
    const site = await makeSite(Object.fromEntries(names.map((n, i) => [`articles/${n}.md`, story(`s${i}`)])));
    try {
      const loaded = await loadArticles(await loadConfig(undefined, site.dir), site.dir);
      expect(loaded.diagnostics).toEqual([]);
      const urls = Object.fromEntries(loaded.articles.map((a) => [a.file.replace(/^articles\//, ''), a.url]));
      expect(urls).toEqual({
        'q&a #1.md': 'https://news.example.com/q&a%20%231.html',
        'why?.md': 'https://news.example.com/why%3F.html',
        '100%25 sure.md': 'https://news.example.com/100%2525%20sure.html',
        '50%.md': 'https://news.example.com/50%25.html',
        'a\\b.md': 'https://news.example.com/a%5Cb.html',
        '国际/新闻 1.md': 'https://news.example.com/%E5%9B%BD%E9%99%85/%E6%96%B0%E9%97%BB%201.html',
        'plain.md': 'https://news.example.com/plain.html',
        // (A ":" in the first segment would be a scheme: review. Later, a path's ":" is as it is.)
        'javascript:alert(1).md': 'https://news.example.com/javascript%3Aalert(1).html',
        'notes/10:30 update.md': 'https://news.example.com/notes/10:30%20update.html',
      });
      // Each decodes to its file's path, as a server maps a URL to a file.
      for (const [file, url] of Object.entries(urls)) expect(decodeURIComponent(new URL(url).pathname)).toBe(`/${file.replace(/\.md$/, '.html')}`);
      // The build links the same (its cache's compact form of links made from paths included).
      expect((await build(site.dir, [])).code).toBe(0);
      const again = await build(site.dir, []);
      const items = JSON.parse(await readFile(join(site.dir, 'dist', 'feed.json'), 'utf8')).items as { url: string }[];
      expect([again.code, items.map((i) => i.url).sort()]).toEqual([0, Object.values(urls).sort()]);
    } finally {
      await site.cleanup();
    }
  });
});

describe('stories that share a link', () => {
  it('the later one in path order is warned about at its url line, naming the first; drafts, fragments and queries make no pair', async () => {
    const site = await makeSite({
      'articles/a.md': story('a', [`url: ${ONE}`]),
      // Relative to siteUrl: the same link.
      'articles/b.md': story('b', ['url: one.html']),
      'articles/c.md': story('c', [`url: ${ONE}#more`]),
      'articles/d.md': story('d', [`url: ${ONE}`, 'draft: true']),
      'articles/f.md': story('f', [`url: ${ONE}?page=2`]),
      'articles/g.md': story('g', [`url: ${ONE}`]),
      // No url: both link to their path with .html.
      'articles/e.json': `${JSON.stringify({ id: 'e-json', title: 'E', date: '2025-02-05 09:24', body: 'x' })}\n`,
      'articles/e.md': story('e-md'),
    });
    try {
      const checked = await runCli(['check', '--json'], site.dir);
      expect(checked.code, checked.stderr).toBe(0);
      const expected: Shared[] = [
        { file: 'articles/b.md', line: 5, field: 'url', message: expect.stringContaining(`links to "${ONE}", as articles/a.md does`) as unknown as string },
        // (No line: the record has no url key, so there is none to point at.)
        { file: 'articles/e.md', line: undefined, field: 'url', message: expect.stringContaining('links to "https://news.example.com/e.html", as articles/e.json does') as unknown as string },
        { file: 'articles/g.md', line: 5, field: 'url', message: expect.stringContaining(`links to "${ONE}", as articles/a.md does`) as unknown as string },
      ];
      expect(sharedOf(JSON.parse(checked.stdout))).toEqual(expected);
      expect(checked.stderr).toContain(`articles/b.md:5: url: warning: links to "${ONE}", as articles/a.md does`);

      for (const args of [['--no-cache'], ['--out', 'cached']]) {
        const built = await build(site.dir, args);
        expect(built.code, built.stderr).toBe(0);
        expect(sharedOf(built.json), args.join(' ')).toEqual(expected);
      }
      // The feeds carry both stories, each with the link it was given.
      const rss = await readFile(join(site.dir, 'cached', 'rss.xml'), 'utf8');
      expect(rss.split(`<link>${ONE}</link>`)).toHaveLength(4);

      // The library: loadArticles reports them with the records' problems (without a line: the CLI finds it).
      const config = await loadConfig(undefined, site.dir);
      const loaded = await loadArticles(config, site.dir);
      expect(loaded.diagnostics.filter((d) => d.code === 'W_LINK_SHARED').map((d) => [d.file, d.field])).toEqual([['articles/b.md', 'url'], ['articles/e.md', 'url'], ['articles/g.md', 'url']]);
      // And validateRecords, from records read by the caller.
      const raws = ['a', 'b'].map((id) => ({ file: `${id}.md`, kind: 'markdown' as const, data: { id, title: id, date: '2025-02-05 09:24', url: 'one.html' }, body: 'x', slugPath: id, lineOf: () => 4 }));
      const validated = validateRecords(raws, config);
      expect(validated.diagnostics.map((d) => [d.code, d.file, d.message.slice(0, 50)])).toEqual([['W_LINK_SHARED', 'b.md', `links to "${ONE}", as a.md does`.slice(0, 50)]]);
      expect(validated.articles).toHaveLength(2);
    } finally {
      await site.cleanup();
    }
  });

  it('are listed at their line among the record\'s other problems, in text and in --json', async () => {
    const site = await makeSite({ 'articles/a.md': story('a', [`url: ${ONE}`]), 'articles/b.md': story('b', ['section: "  "', `url: ${ONE}`]) });
    try {
      for (const command of ['check', 'build']) {
        const r = await runCli([command, '--json'], site.dir);
        expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; line?: number }) => [d.code, d.line]), command).toEqual([['W_NAME_EMPTY', 5], ['W_LINK_SHARED', 6]]);
        expect(r.stderr.split('\n').filter((l) => l.startsWith('articles/')).map((l) => l.split(':')[1]), command).toEqual(['5', '6']);
      }
    } finally {
      await site.cleanup();
    }
  });

  it('are warned about with an error in another record too (every problem in one run)', async () => {
    const site = await makeSite({ 'articles/a.md': story('a', [`url: ${ONE}`]), 'articles/b.md': story('b', [`url: ${ONE}`]), 'articles/c.md': story('c', [], '2025-13-01 09:00') });
    try {
      const built = await build(site.dir, []);
      expect(built.code).toBe(1);
      expect(built.json.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['E_DATE_FORMAT', 'W_LINK_SHARED']);
    } finally {
      await site.cleanup();
    }
  });

  it('a site of the main feed alone, built without the cache, warns about old stories it let go as a build with the cache does', async () => {
    const records: Record<string, string> = {};
    // Twelve stories, a day apart; the feed carries the newest three. The oldest two share a link, and
    // one of the newest shares one with an old story.
    for (let n = 0; n < 12; n++) {
      const url = n < 2 ? 'url: old.html' : n === 3 || n === 11 ? 'url: again.html' : '';
      records[`articles/s${String(n).padStart(2, '0')}.md`] = story(`s${n}`, url === '' ? [] : [url], `2025-02-${String(n + 1).padStart(2, '0')} 09:00`);
    }
    const site = await makeSite(records, { ...SITE_CONFIG, itemsPerFeed: 3 });
    try {
      const lean = await build(site.dir, ['--no-cache', '--out', 'lean']);
      const full = await build(site.dir, ['--out', 'full']);
      expect(lean.code, lean.stderr).toBe(0);
      expect(sharedOf(lean.json).map((d) => d.file)).toEqual(['articles/s01.md', 'articles/s11.md']);
      expect(lean.json.diagnostics).toEqual(full.json.diagnostics);
      expect(await filesOf(join(site.dir, 'lean'))).toEqual(await filesOf(join(site.dir, 'full')));
    } finally {
      await site.cleanup();
    }
  });
});

describe('shared links and the cache', () => {
  /** The records as they are now, by name: a link (or none), a body, a draft flag. */
  type State = Record<string, { url?: string; body: string; draft?: boolean; day: number }>;
  const write = (s: State[string], name: string): string =>
    story(name, [...(s.url === undefined ? [] : [`url: ${s.url}`]), ...(s.draft === true ? ['draft: true'] : [])], `2025-03-${String(s.day).padStart(2, '0')} 08:00`, s.body);

  it('after random edits of links, bodies, drafts, adds and deletes, the report and the tree equal a clean build every time', async () => {
    const CONFIG = { ...SITE_CONFIG, itemsPerFeed: 4, feeds: { sections: true, archives: true, brotliQuality: 1 } };
    const POOL = ['one.html', 'two.html', 'https://elsewhere.example/story', undefined];
    /** Builds on the fast path (the plans reused) that warned: the warnings came from the cache. */
    let fastWarned = 0;
    for (const seed of [1, 2, 3]) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
      const state: State = {};
      for (let n = 0; n < 10; n++) state[`articles/r${n}.md`] = { url: pick(POOL), body: `Body ${n}.`, day: 1 + Math.floor(r() * 28) };
      const site = await makeSite(Object.fromEntries(Object.entries(state).map(([k, v]) => [k, write(v, k.slice(9, -3))])), CONFIG);
      let clock = Date.UTC(2024, 0, 1) / 1000;
      const settle = async (name: string): Promise<void> => {
        clock += 7;
        await utimes(join(site.dir, name), clock, clock);
      };
      try {
        for (const name of Object.keys(state)) await settle(name);
        expect((await build(site.dir, [])).code).toBe(0);
        let next = 10;
        const seen = { fast: 0, replanned: 0, warned: 0 };
        for (let step = 0; step < 14; step++) {
          const names = Object.keys(state).sort();
          const target = pick(names);
          const op = Math.floor(r() * 6);
          let label = `seed ${seed}, step ${step}`;
          if (op === 0 && names.length > 3) {
            delete state[target];
            await unlink(join(site.dir, target));
            label += `: delete ${target}`;
          } else {
            let name = target;
            if (op === 1) {
              name = `articles/r${next++}.md`;
              state[name] = { url: pick(POOL), body: 'New.', day: 1 + Math.floor(r() * 28) };
              label += `: add ${name}`;
            } else {
              const s = state[target] as State[string];
              if (op === 2) s.body = `${s.body} More.`;
              else if (op === 3) s.draft = s.draft !== true;
              else s.url = pick(POOL);
              label += `: ${['', '', 'body', 'draft', 'link', 'link'][op]} of ${target}`;
            }
            await writeFile(join(site.dir, name), write(state[name] as State[string], name.slice(9, -3)));
            await settle(name);
          }
          const result = await build(site.dir, []);
          expect(result.code, `${label}: ${result.stderr}`).toBe(0);
          expect(result.json.cache.used, label).toBe(true);
          if (result.json.cache.plansReused === true) seen.fast += 1;
          if (result.json.cache.replanned === true) seen.replanned += 1;
          if (sharedOf(result.json).length > 0) seen.warned += 1;
          if (sharedOf(result.json).length > 0 && result.json.cache.plansReused === true) fastWarned += 1;
          await rm(join(site.dir, 'clean'), { recursive: true, force: true });
          const clean = await build(site.dir, ['--no-cache', '--out', 'clean']);
          expect(result.json.diagnostics, `${label}: the report`).toEqual(clean.json.diagnostics);
          expect(await filesOf(join(site.dir, 'dist')), label).toEqual(await filesOf(join(site.dir, 'clean')));
          // Who is warned: each published story whose link an earlier one (in path order) has.
          const owners = new Map<string, string>();
          const expected: string[] = [];
          for (const name of Object.keys(state).sort()) {
            const s = state[name] as State[string];
            if (s.draft === true) continue;
            const link = s.url === undefined ? `https://news.example.com/${name.slice(9, -3)}.html` : new URL(s.url, 'https://news.example.com/').href;
            if (owners.has(link)) expected.push(name);
            else owners.set(link, name);
          }
          expect(sharedOf(result.json).map((d) => d.file), label).toEqual(expected);
        }
        // Each way a build goes was taken, and warned.
        expect(seen.fast, `seed ${seed}`).toBeGreaterThan(0);
        expect(seen.replanned, `seed ${seed}`).toBeGreaterThan(0);
        expect(seen.warned, `seed ${seed}`).toBeGreaterThan(0);
      } finally {
        await site.cleanup();
      }
    }
    expect(fastWarned).toBeGreaterThan(0);
  }, 120_000);

  it('the owner of a link deleted: the next story with it is warned about, naming the one after', async () => {
    const site = await makeSite({ 'articles/a.md': story('a', [`url: ${ONE}`]), 'articles/b.md': story('b', [`url: ${ONE}`]), 'articles/c.md': story('c', [`url: ${ONE}`]) }, { ...SITE_CONFIG, feeds: { brotliQuality: 1 } });
    try {
      for (const name of ['a', 'b', 'c']) await utimes(join(site.dir, `articles/${name}.md`), 1_700_000_000, 1_700_000_000);
      const first = await build(site.dir, []);
      expect(sharedOf(first.json).map((d) => [d.file, /as (\S+) does/.exec(d.message)?.[1]])).toEqual([['articles/b.md', 'articles/a.md'], ['articles/c.md', 'articles/a.md']]);
      await unlink(join(site.dir, 'articles/a.md'));
      const after = await build(site.dir, []);
      expect(after.json.cache.replanned).toBe(true);
      expect(sharedOf(after.json)).toEqual([{ file: 'articles/c.md', line: 5, field: 'url', message: expect.stringContaining('as articles/b.md does') }]);
    } finally {
      await site.cleanup();
    }
  });
});
