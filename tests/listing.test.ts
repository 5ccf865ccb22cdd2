/**
 * Which files under articles/ are records: every .md, .markdown and .json at any depth, not hidden ones
 * and nothing under a hidden directory, through links as a stat would see them, and a link back up the
 * tree walked once rather than forever. And each is read whole, however long.
 */
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, loadConfig, main } from '../src/index.js';
import { makeSite, record } from './_helpers.js';

describe('finding and reading record files', () => {
  it('finds records at any depth, skips hidden files and directories, follows links once', async () => {
    const site = await makeSite({
      'articles/a.md': record('a'),
      'articles/2025/02/b.MD': record('b'),
      'articles/2025/02/c.json': JSON.stringify({ id: 'c', title: 'C', date: '2025-02-05 09:24', body: 'Text.' }),
      'articles/2025/02/notes.txt': 'not a record',
      'articles/2025/.drafts/d.md': record('d'),
      'articles/.e.md': record('e'),
      'elsewhere/f.md': record('f'),
      // Directories named like records: walked, as any directory is.
      'articles/2025/03/odd.md/g.md': record('g'),
      'other.json/h.md': record('h'),
    });
    try {
      await symlink(join(site.dir, 'elsewhere'), join(site.dir, 'articles', 'linked'));
      await symlink(join(site.dir, 'articles'), join(site.dir, 'articles', '2025', 'loop'));
      await symlink(join(site.dir, 'other.json'), join(site.dir, 'articles', 'link.json'));
      await mkdir(join(site.dir, 'articles', 'empty'));
      const config = await loadConfig('dateline.config.json', site.dir);
      const expected = [
        ['a', 'articles/a.md'],
        ['b', 'articles/2025/02/b.MD'],
        ['c', 'articles/2025/02/c.json'],
        ['f', 'articles/linked/f.md'],
        ['g', 'articles/2025/03/odd.md/g.md'],
        ['h', 'articles/link.json/h.md'],
      ];
      // Read without a cache (no stat before each read), and built with one (a stat of every file).
      const loaded = await loadArticles(config, site.dir);
      // (The text file is named: a desk may take it for a record.)
      expect(loaded.diagnostics.map((d) => [d.code, d.message])).toEqual([['W_RECORDS_LEFT_OUT', expect.stringContaining('"2025/02/notes.txt"')]]);
      expect(loaded.files).toBe(6);
      expect(loaded.articles.map((a) => [a.id, a.file]).sort()).toEqual(expected);
      for (const args of [['--no-cache'], [], []]) {
        let out = '';
        expect(await main(['build', '--json', ...args], { stdout: (t) => (out += t), stderr: () => undefined, cwd: site.dir })).toBe(0);
        expect(JSON.parse(out).records).toMatchObject({ files: 6, published: 6 });
      }
    } finally {
      await site.cleanup();
    }
  });

  it('a symbolic link that leads nowhere is reported as such, with and without the cache', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      await symlink(join(site.dir, 'gone.md'), join(site.dir, 'articles', 'dangling.md'));
      await symlink(join(site.dir, 'articles', 'loop.md'), join(site.dir, 'articles', 'loop.md'));
      for (const args of [['--no-cache'], []]) {
        let err = '';
        expect(await main(['build', ...args], { stdout: () => undefined, stderr: (t) => (err += t), cwd: site.dir })).toBe(1);
        expect(err).toContain('articles/dangling.md: cannot read the file: ENOENT: it is a symbolic link to a file that does not exist (E_FILE_UNREADABLE)');
        expect(err).toContain('articles/loop.md: cannot read the file: ELOOP: it is a symbolic link in a loop of links (to itself, or to links that lead back to it), which reaches no file (E_FILE_UNREADABLE)');
      }
    } finally {
      await site.cleanup();
    }
  });

  it('reads records larger than the read buffer, and the small ones after them, whole', async () => {
    const long = Array.from({ length: 25000 }, (_, i) => `Paragraph ${i} of the long read, with é and 中文.`).join('\n\n');
    const site = await makeSite({
      'articles/1-small.md': record('small-1', '', 'Short one.'),
      'articles/2-long.md': record('long', '', long),
      'articles/3-small.md': record('small-2', '', 'Short two.'),
    });
    try {
      const config = await loadConfig('dateline.config.json', site.dir);
      const loaded = await loadArticles(config, site.dir);
      expect(loaded.diagnostics).toEqual([]);
      const body = (id: string): string => loaded.articles.find((a) => a.id === id)?.body.text ?? '';
      expect(Buffer.byteLength(long)).toBeGreaterThan(1 << 20);
      // The body is the text after the front matter, its final newline included.
      expect(body('long')).toBe(`${long}\n`);
      expect(body('small-1')).toBe('Short one.\n');
      expect(body('small-2')).toBe('Short two.\n');
    } finally {
      await site.cleanup();
    }
  });
});
