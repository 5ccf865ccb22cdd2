/**
 * Record files that are not what a record can be: bytes that are not UTF-8, a file far too large (or a
 * link to /dev/zero), a named pipe, and a directory that cannot be listed. Each is an error naming the
 * file (and line), and every other record is still read, in the same run, by the build and by `check`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDiagnostic, loadArticles, loadConfig } from '../src/index.js';
import { makeSite, record, runCli } from './_helpers.js';

// A directory root cannot be kept from listing (chmod 000 does not stop root): readdir fails for it here.
const UNLISTABLE = 'locked-by-test';
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const readdirSync = ((path: fs.PathLike, options?: unknown) => {
    if (String(path).endsWith(UNLISTABLE)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (real.readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(path, options);
  }) as typeof real.readdirSync;
  return { ...real, default: { ...real, readdirSync }, readdirSync };
});

const run = runCli;

describe('record files that cannot be records', () => {
  it('a record whose file name is not UTF-8 is an error at that file, in build and check, not a record left out', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      // "café.md" in Latin-1: the é is one byte, 0xE9, which is no UTF-8.
      const name = Buffer.concat([Buffer.from(join(site.dir, 'articles/caf')), Buffer.from([0xe9]), Buffer.from('.md')]);
      fs.writeFileSync(name, record('cafe'));
      // And a directory so named, with a record in it; and a file so named that is no record.
      const dir = Buffer.concat([Buffer.from(join(site.dir, 'articles/d')), Buffer.from([0xe9])]);
      fs.mkdirSync(dir);
      fs.writeFileSync(Buffer.concat([dir, Buffer.from('/inside.md')]), record('inside'));
      fs.writeFileSync(Buffer.concat([Buffer.from(join(site.dir, 'articles/notes')), Buffer.from([0xe9]), Buffer.from('.txt')]), 'not a record');
      // And a link so named to a directory of records.
      fs.mkdirSync(join(site.dir, 'real'));
      fs.writeFileSync(join(site.dir, 'real/linked.md'), record('linked'));
      fs.symlinkSync('../real', Buffer.concat([Buffer.from(join(site.dir, 'articles/l')), Buffer.from([0xe9])]));
      for (const command of ['build', 'check']) {
        const r = await runCli([command], site.dir);
        expect(r.code, command).toBe(1);
        expect(r.stderr, command).toMatch(/articles\/d\uFFFD: cannot list the directory \(its name is not UTF-8 .*\(E_DIR_UNREADABLE\)/);
        expect(r.stderr, command).toMatch(/articles\/l\uFFFD: cannot list the directory \(its name is not UTF-8 .*\(E_DIR_UNREADABLE\)/);
        expect(r.stderr, command).not.toContain('notes');
        expect(r.stderr, command).toMatch(/articles\/caf\uFFFD\.md: cannot read the file: its name is not UTF-8 .* rename it \(E_FILE_UNREADABLE\)/);
      }
    } finally {
      await site.cleanup();
    }
  });

  it('reports each problem at its file, and reads every other record', async () => {
    const site = await makeSite({
      'articles/a.md': record('a'),
      // Windows-1252: "Café", "José".
      'articles/latin.md': '',
      'articles/z/after.md': record('after'),
      [`articles/${UNLISTABLE}/hidden.md`]: record('hidden'),
    });
    try {
      await writeFile(join(site.dir, 'articles/latin.md'), Buffer.from('---\nid: latin\ntitle: "Caf\xe9"\ndate: 2025-02-05 09:24\nauthors: ["Jos\xe9"]\n---\nBody.\n', 'latin1'));
      // Sparse: 17 MiB of zeros, then a record read after it must still be read whole and right.
      await writeFile(join(site.dir, 'articles/huge.md'), '');
      await truncate(join(site.dir, 'articles/huge.md'), 17 * 1024 * 1024);
      await symlink('/dev/zero', join(site.dir, 'articles/zero.md'));
      execFileSync('mkfifo', [join(site.dir, 'articles/pipe.md')]);
      const config = await loadConfig('dateline.config.json', site.dir);
      const loaded = await loadArticles(config, site.dir);
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([
        'articles/huge.md: cannot read the file: too large for a record (over 16 MiB) (E_FILE_UNREADABLE)',
        'articles/latin.md:3: the file is not UTF-8 (from the bytes 0xE9 0x22 0x0A): its text would be changed where it cannot be decoded; save it as UTF-8 (E_NOT_UTF8)',
        `articles/${UNLISTABLE}: cannot list the directory (EACCES: no permission): the records in it were not read (E_DIR_UNREADABLE)`,
        'articles/pipe.md: cannot read the file: not a regular file (a pipe or a device) (E_FILE_UNREADABLE)',
        'articles/zero.md: cannot read the file: not a regular file (a pipe or a device) (E_FILE_UNREADABLE)',
      ]);
      expect(loaded.articles.map((a) => a.id).sort()).toEqual(['a', 'after']);
      // The build (with its cache, and the stat of every file) says the same, and writes nothing.
      const r = await run(['build'], site.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('articles/latin.md:3: the file is not UTF-8');
      expect(r.stderr).toContain('5 errors in 5 files');
      expect(fs.existsSync(join(site.dir, 'dist'))).toBe(false);
    } finally {
      await site.cleanup();
    }
  });

  it('names the line of the first bytes that are not UTF-8, after valid multi-byte text', async () => {
    const site = await makeSite({ 'articles/a.md': '' });
    try {
      // "é" in UTF-8 on line 3, then a lone continuation byte on line 6, then an overlong "/".
      const bytes = Buffer.concat([Buffer.from('---\nid: a\ntitle: Café 新闻\ndate: 2025-02-05 09:24\n---\nBody '), Buffer.from([0x80]), Buffer.from(' and '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]);
      await writeFile(join(site.dir, 'articles/a.md'), bytes);
      await mkdir(join(site.dir, 'articles/ok'));
      const loaded = await loadArticles(await loadConfig('dateline.config.json', site.dir), site.dir);
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([
        'articles/a.md:6: the file is not UTF-8 (from the bytes 0x80 0x20 0x61): its text would be changed where it cannot be decoded; save it as UTF-8 (E_NOT_UTF8)',
      ]);
    } finally {
      await site.cleanup();
    }
  });
});

describe('a loop of links among the articles', () => {
  // QA of the library: the whole directory was said to be missing (E_ARTICLES_DIR_MISSING), every valid
  // record hidden, with advice to create it.
  it('a link to a directory that holds the articles directory, or to /proc, is not walked: named, and every other record is read (QA: out of memory)', async () => {
    const site = await makeSite({ 'articles/a.md': record('a'), 'articles/z/b.md': record('b') });
    try {
      await symlink('/proc', join(site.dir, 'articles/proc'));
      await symlink('..', join(site.dir, 'articles/z/up'));
      await symlink('../..', join(site.dir, 'articles/z/top'));
      const loaded = await loadArticles(await loadConfig('dateline.config.json', site.dir), site.dir);
      const why = 'a link to a directory that holds the articles directory, or to the system\'s, is not followed';
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([
        `articles/proc: cannot list the directory (${why}): the records in it were not read (E_DIR_UNREADABLE)`,
        `articles/z/top: cannot list the directory (${why}): the records in it were not read (E_DIR_UNREADABLE)`,
      ]);
      // (`z/up` is the articles directory itself, walked once already.)
      expect(loaded.articles.map((a) => a.id).sort()).toEqual(['a', 'b']);
    } finally {
      await site.cleanup();
    }
  });

  it('is named at each link, as a directory that cannot be listed, and every other record is read; import names it too', async () => {
    const copy = ['Harbour reopens', '', 'Updated: 2025-02-05 09:24', '', 'WASHINGTON — The port reopened on Tuesday.', ''].join('\n');
    const site = await makeSite({ 'articles/a.md': record('a'), 'articles/z/b.md': record('b'), 'copy.txt': copy });
    try {
      await symlink('loopB', join(site.dir, 'articles/loopA'));
      await symlink('loopA', join(site.dir, 'articles/loopB'));
      // Links with a record's name are records that cannot be read, once each (review: also named as
      // directories when every entry was asked its type, as after a directory with a record's name).
      await symlink('l2.md', join(site.dir, 'articles/l1.md'));
      await symlink('l1.md', join(site.dir, 'articles/l2.md'));
      await mkdir(join(site.dir, 'articles/dir.md'));
      const loaded = await loadArticles(await loadConfig('dateline.config.json', site.dir), site.dir);
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([
        'articles/l1.md: cannot read the file: ELOOP: it is a symbolic link in a loop of links (to itself, or to links that lead back to it), which reaches no file (E_FILE_UNREADABLE)',
        'articles/l2.md: cannot read the file: ELOOP: it is a symbolic link in a loop of links (to itself, or to links that lead back to it), which reaches no file (E_FILE_UNREADABLE)',
        'articles/loopA: cannot list the directory (ELOOP: a loop of links): the records in it were not read (E_DIR_UNREADABLE)',
        'articles/loopB: cannot list the directory (ELOOP: a loop of links): the records in it were not read (E_DIR_UNREADABLE)',
      ]);
      expect(loaded.articles.map((a) => a.id).sort()).toEqual(['a', 'b']);
      const r = await run(['import', 'copy.txt'], site.dir);
      expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('articles/loopA: cannot list the directory (ELOOP: a loop of links)')]);
    } finally {
      await site.cleanup();
    }
  });
});

describe('import beside a directory that cannot be listed', () => {
  it('imports nothing: a story whose record is in it would be given a second record with its id', async () => {
    const copy = ['Trump, Netanyahu set for pivotal talks', '', 'Updated: 2025-02-05 09:24', '', 'WASHINGTON — The two leaders met on Tuesday.', ''].join('\n');
    const site = await makeSite({ 'articles/a.md': record('a'), [`articles/${UNLISTABLE}/hidden.md`]: record('hidden'), 'copy.txt': copy });
    try {
      const r = await run(['import', 'copy.txt'], site.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`articles/${UNLISTABLE}: cannot list the directory (EACCES: no permission): a story whose record is in it would be given a second one, so nothing was imported (E_IMPORT_DIR_UNREADABLE)`);
      const written = (fs.readdirSync(join(site.dir, 'articles'), { recursive: true }) as string[]).filter((n) => n.endsWith('.md')).sort();
      expect(written).toEqual(['a.md', `${UNLISTABLE}/hidden.md`]);
    } finally {
      await site.cleanup();
    }
  });
});
