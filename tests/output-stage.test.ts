/**
 * The output stage (src/output/dist.ts) on its own: a file whose bytes did not change is not rewritten,
 * and a caller that has just read a target (a spliced feed's previous document) can hand its bytes over
 * instead of the stage reading the file again.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatelineError, OutputStage, runBuild, strongEtag, writeOutputs } from '../src/index.js';
import { makeSite, record, runCli, SITE_CONFIG } from './_helpers.js';

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-stage-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Commits `stage` once its `staged` files are written, after a directory is put where `blocked` goes (its
 * absence or its file checked while staging): the rename there fails. The commit's error.
 */
async function commitBlocked(stage: OutputStage, dir: string, staged: number, blocked: string): Promise<unknown> {
  const stageDir = join(dir, `.dateline-stage-${process.pid}`);
  while ((await readdir(stageDir).catch(() => [])).length < staged) await new Promise((r) => setTimeout(r, 1));
  await mkdir(join(blocked, 'sub'), { recursive: true });
  return stage.commit().catch((e: unknown) => e);
}

describe('OutputStage', () => {
  it('rewrites only the files whose bytes changed', async () => {
    await withDir(async (dir) => {
      await writeFile(join(dir, 'same.xml'), 'same');
      await writeFile(join(dir, 'other.xml'), 'before');
      const [same, other] = await Promise.all([stat(join(dir, 'same.xml')), stat(join(dir, 'other.xml'))]);
      const stage = new OutputStage(dir);
      await stage.put('same.xml', 'same');
      await stage.put('other.xml', new TextEncoder().encode('after'));
      await stage.put('new/file.json', '{}');
      expect(await stage.commit()).toEqual([
        { name: 'new/file.json', bytes: 2, changed: true },
        { name: 'other.xml', bytes: 5, changed: true },
        { name: 'same.xml', bytes: 4, changed: false },
      ]);
      expect((await stat(join(dir, 'same.xml'))).ino).toBe(same.ino);
      expect((await stat(join(dir, 'other.xml'))).ino).not.toBe(other.ino);
      expect(await readFile(join(dir, 'other.xml'), 'utf8')).toBe('after');
      expect(await readFile(join(dir, 'new/file.json'), 'utf8')).toBe('{}');
    });
  });

  // QA of the library: a name from a caller's data could write anywhere (`../x` was written beside the
  // directory), and a file put after commit was silently never written.
  it('refuses a name that is not a file inside the directory, and a file put after commit, and writes nothing then', async () => {
    await withDir(async (dir) => {
      const out = join(dir, 'out');
      for (const name of ['../escape.txt', 'x/../../escape.txt', '/tmp/abs.txt', './a.txt', 'a//b.txt', 'a/', '', 'a\\..\\b', 'a\0b', `.dateline-stage-${process.pid}/0`, `tags/.dateline-stage-1~rss.xml`]) {
        const stage = new OutputStage(out);
        const e = await stage.put(name, 'x').then(() => undefined, (err: unknown) => err);
        expect(e, name).toBeInstanceOf(DatelineError);
        expect((e as DatelineError).diagnostics.map((d) => d.code), name).toEqual(['E_OUTPUT_NAME']);
        await stage.abort();
        await expect(writeOutputs(out, new Map([['ok.txt', 'y'], [name, 'x']]))).rejects.toThrow(/E_OUTPUT_NAME|is no name of a file inside the output directory/);
      }
      expect((await readdir(dir)).filter((n) => n !== 'out')).toEqual([]);
      expect(await readdir(out).catch(() => [])).toEqual([]);
      const stage = new OutputStage(out);
      await stage.put('a.txt', 'a');
      await stage.commit();
      for (const late of [() => stage.put('late.txt', 'late'), () => stage.commit()]) {
        const e = await late().then(() => undefined, (err: unknown) => err);
        expect((e as DatelineError).diagnostics.map((d) => d.code)).toEqual(['E_STAGE_ENDED']);
      }
      expect(await readdir(out)).toEqual(['a.txt']);
      const aborted = new OutputStage(out);
      await aborted.put('c.txt', 'c');
      await aborted.abort();
      const e = await aborted.put('d.txt', 'd').then(() => undefined, (err: unknown) => err);
      expect([(e as DatelineError).diagnostics[0]?.code, (e as DatelineError).message]).toEqual(['E_STAGE_ENDED', expect.stringContaining('has ended already')]);
      expect(await readdir(out)).toEqual(['a.txt']);
      // A new stage into the directory takes its turn as before.
      expect(await writeOutputs(out, new Map([['b.txt', 'b']]))).toEqual([{ name: 'b.txt', bytes: 1, changed: true }]);
    });
  });

  it('compares with the bytes the caller says the target holds, without reading it again', async () => {
    await withDir(async (dir) => {
      // The file on disk differs from what the caller read: the stage goes by the caller's bytes, so an
      // equal content is left alone and a different one is written.
      await writeFile(join(dir, 'kept.xml'), 'on disk');
      await writeFile(join(dir, 'changed.xml'), 'on disk');
      const kept = await stat(join(dir, 'kept.xml'));
      const stage = new OutputStage(dir);
      await stage.put('kept.xml', 'as read', undefined, Buffer.from('as read'));
      await stage.put('changed.xml', 'new', undefined, new TextEncoder().encode('as read'));
      expect(await stage.commit()).toEqual([
        { name: 'changed.xml', bytes: 3, changed: true },
        { name: 'kept.xml', bytes: 7, changed: false },
      ]);
      expect((await stat(join(dir, 'kept.xml'))).ino).toBe(kept.ino);
      expect(await readFile(join(dir, 'kept.xml'), 'utf8')).toBe('on disk');
      expect(await readFile(join(dir, 'changed.xml'), 'utf8')).toBe('new');
    });
  });

  it('writes a file given in pieces as their bytes one after another, and compares it piece by piece', async () => {
    await withDir(async (dir) => {
      const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
      await writeFile(join(dir, 'same.xml'), '<a>北京</a>\n');
      await writeFile(join(dir, 'shifted.xml'), '<a>北京</a>\n');
      const same = await stat(join(dir, 'same.xml'));
      // Three thousand pieces: more than one writev can take (IOV_MAX is 1,024 on Linux).
      const many = Array.from({ length: 3000 }, (_, k) => enc(`<i>${k} — ü</i>\n`));
      const stage = new OutputStage(dir);
      await stage.put('same.xml', [enc('<a>'), enc('北'), enc('京</a>\n')]);
      // The same length, one byte different: a change.
      await stage.put('shifted.xml', [enc('<a>北京</b'), enc('>\n')]);
      await stage.put('many.xml', many);
      await stage.put('empty.xml', []);
      const total = many.reduce((n, p) => n + p.byteLength, 0);
      expect(await stage.commit()).toEqual([
        { name: 'empty.xml', bytes: 0, changed: true },
        { name: 'many.xml', bytes: total, changed: true },
        { name: 'same.xml', bytes: 14, changed: false },
        { name: 'shifted.xml', bytes: 14, changed: true },
      ]);
      expect((await stat(join(dir, 'same.xml'))).ino).toBe(same.ino);
      expect(await readFile(join(dir, 'shifted.xml'), 'utf8')).toBe('<a>北京</b>\n');
      expect((await readFile(join(dir, 'many.xml'))).equals(Buffer.concat(many))).toBe(true);
      expect(await readFile(join(dir, 'empty.xml'), 'utf8')).toBe('');
      // The ETag of pieces is the ETag of their bytes.
      expect(strongEtag(many)).toBe(strongEtag(Buffer.concat(many)));
    });
  });

  it('a target that cannot be read fails the build before anything is renamed; one that cannot be replaced puts back what was', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, 'in-the-way.xml'));
      const stage = new OutputStage(dir, 'out');
      await stage.put('a.xml', 'a');
      await stage.put('tags/new/rss.xml', 'n');
      await stage.put('in-the-way.xml', 'b');
      const error = await stage.commit().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatelineError);
      expect((error as DatelineError).diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
        ['E_WRITE_FAILED', 'out', 'cannot write the output: in-the-way.xml: EISDIR (a directory is in the way of the file); the previous output is untouched'],
      ]);
      // Nothing is left: no temporary files, and no directory made for the new feed.
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(['in-the-way.xml']);
    });
    await withDir(async (dir) => {
      // The directory appears after the file was staged (its absence checked): the rename fails. The
      // files renamed before it are put back: the one it replaced as it was (bytes, mtime, inode), a new
      // one removed, and nothing of the stage is left.
      await mkdir(join(dir, 'feeds'));
      await writeFile(join(dir, 'feeds', 'a.xml'), 'old a');
      await utimes(join(dir, 'feeds', 'a.xml'), 1_600_000_000, 1_600_000_000);
      const before = await stat(join(dir, 'feeds', 'a.xml'));
      const stage = new OutputStage(dir, 'out');
      await stage.put('feeds/a.xml', 'a');
      await stage.put('feeds/new.xml', 'new');
      await stage.put('feeds/z.xml', 'z');
      const error = await commitBlocked(stage, dir, 3, join(dir, 'feeds', 'z.xml'));
      expect((error as DatelineError).diagnostics.map((d) => d.message)).toEqual([
        expect.stringMatching(/^cannot write the output: feeds\/z\.xml: (EISDIR \(a directory is in the way of the file\)|ENOTEMPTY|EEXIST); the previous output is untouched$/),
      ]);
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(['feeds', 'feeds/a.xml', 'feeds/z.xml', 'feeds/z.xml/sub']);
      expect(await readFile(join(dir, 'feeds', 'a.xml'), 'utf8')).toBe('old a');
      const after = await stat(join(dir, 'feeds', 'a.xml'));
      expect([after.ino, after.mtimeMs, after.nlink]).toEqual([before.ino, before.mtimeMs, 1]);
    });
    await withDir(async (dir) => {
      // A directory put where a file to be replaced was: its rename must fail, so none is made.
      await writeFile(join(dir, 'a.xml'), 'old a');
      await writeFile(join(dir, 'z.xml'), 'old z');
      const stage = new OutputStage(dir, 'out');
      await stage.put('a.xml', 'a');
      await stage.put('z.xml', 'z');
      await rm(join(dir, 'z.xml'));
      const error = await commitBlocked(stage, dir, 2, join(dir, 'z.xml'));
      expect((error as DatelineError).diagnostics.map((d) => d.message)).toEqual(['cannot write the output: z.xml: EISDIR (a directory is in the way of the file); the previous output is untouched']);
      expect([await readFile(join(dir, 'a.xml'), 'utf8'), (await readdir(dir)).sort()]).toEqual(['old a', ['a.xml', 'z.xml']]);
    });
    await withDir(async (dir) => {
      // A name staged twice: its previous file goes back once, whole.
      await writeFile(join(dir, 'a.xml'), 'old a');
      const stage = new OutputStage(dir, 'out');
      await stage.put('a.xml', 'new 1');
      await stage.put('a.xml', 'new 2');
      await stage.put('z.xml', 'z');
      const error = await commitBlocked(stage, dir, 3, join(dir, 'z.xml'));
      expect((error as DatelineError).diagnostics[0]?.message).toMatch(/the previous output is untouched$/);
      expect([await readFile(join(dir, 'a.xml'), 'utf8'), (await readdir(dir)).sort()]).toEqual(['old a', ['a.xml', 'z.xml']]);
    });
    await withDir(async (dir) => {
      // A file that cannot be given a second name (one too long for it): no rename is undone, since undoing
      // some could pair new ETags with old bytes; the error says how many files were replaced.
      const long = `${'a'.repeat(240)}.xml`;
      await writeFile(join(dir, long), 'old long');
      await writeFile(join(dir, 'b.xml'), 'old b');
      const stage = new OutputStage(dir, 'out');
      await stage.put(long, 'new long');
      await stage.put('b.xml', 'new b');
      await stage.put('z.xml', 'z');
      const error = await commitBlocked(stage, dir, 3, join(dir, 'z.xml'));
      expect((error as DatelineError).diagnostics[0]?.message).toMatch(/; 2 of 3 files were already replaced \(the manifest is the old one\); build again once it is fixed$/);
      expect([await readFile(join(dir, long), 'utf8'), await readFile(join(dir, 'b.xml'), 'utf8')]).toEqual(['new long', 'new b']);
      expect((await readdir(dir)).sort()).toEqual([long, 'b.xml', 'z.xml']);
    });
    await withDir(async (dir) => {
      // A commit that succeeds leaves no second name of a file it replaced.
      await writeFile(join(dir, 'a.xml'), 'old a');
      const stage = new OutputStage(dir, 'out');
      await stage.put('a.xml', 'a');
      await stage.commit();
      expect(await readdir(dir)).toEqual(['a.xml']);
      expect([await readFile(join(dir, 'a.xml'), 'utf8'), (await stat(join(dir, 'a.xml'))).nlink]).toEqual(['a', 1]);
    });
  });
});

describe('nginx.conf\'s marker (_config/etags-<hash>)', () => {
  it('the previous one is removed before any file is replaced and the new one made after them all; a failed commit puts the previous one back', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, '_config'));
      await writeFile(join(dir, '_config', 'etags-0000000000000001'), 'old marker');
      await writeFile(join(dir, 'a.xml'), 'old a');
      const stage = new OutputStage(dir, 'out');
      await stage.put('_config/etags-0000000000000002', 'new marker');
      await stage.put('a.xml', 'a');
      await stage.put('z.xml', 'z');
      const error = await commitBlocked(stage, dir, 3, join(dir, 'z.xml'));
      expect((error as DatelineError).diagnostics[0]?.message).toMatch(/the previous output is untouched$/);
      expect((await readdir(join(dir, '_config'))).sort()).toEqual(['etags-0000000000000001']);
      expect(await readFile(join(dir, 'a.xml'), 'utf8')).toBe('old a');
    });
    await withDir(async (dir) => {
      await mkdir(join(dir, '_config'));
      await writeFile(join(dir, '_config', 'etags-0000000000000001'), 'old marker');
      await writeFile(join(dir, '_config', 'etags-0000000000000003'), 'a killed build\'s');
      await writeFile(join(dir, '_config', 'nginx.conf'), 'old conf');
      const stage = new OutputStage(dir, 'out');
      await stage.put('_config/etags-0000000000000002', 'new marker');
      await stage.put('_config/nginx.conf', 'new conf');
      await stage.put('a.xml', 'a');
      await stage.commit();
      expect((await readdir(join(dir, '_config'))).sort()).toEqual(['etags-0000000000000002', 'nginx.conf']);
    });
    await withDir(async (dir) => {
      // The same marker (the same nginx.conf): nothing of it changes.
      await mkdir(join(dir, '_config'));
      await writeFile(join(dir, '_config', 'etags-0000000000000001'), 'marker');
      const stage = new OutputStage(dir, 'out');
      await stage.put('_config/etags-0000000000000001', 'marker');
      await stage.put('index.html', 'page');
      await stage.commit();
      expect((await readdir(join(dir, '_config'))).sort()).toEqual(['etags-0000000000000001']);
    });
    await withDir(async (dir) => {
      // A library caller writing a feed and no nginx.conf: the marker goes, so nginx sends no ETag of the
      // last build for the new bytes (review: it stayed, and a reload relabelled them).
      await mkdir(join(dir, '_config'));
      await writeFile(join(dir, '_config', 'etags-0000000000000001'), 'marker');
      await writeOutputs(dir, new Map([['rss.xml', 'new feed']]));
      expect(await readdir(join(dir, '_config'))).toEqual([]);
      // Nothing changed: nothing removed.
      await writeFile(join(dir, '_config', 'etags-0000000000000001'), 'marker');
      await writeOutputs(dir, new Map([['rss.xml', 'new feed']]));
      expect(await readdir(join(dir, '_config'))).toEqual(['etags-0000000000000001']);
    });
  });

  it('a build of the sample site writes one, named in its nginx.conf, and a build that changes a feed replaces it', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const markers = async (): Promise<string[]> => (await readdir(join(site.dir, 'dist', '_config'))).filter((n) => n.startsWith('etags-'));
      expect((await runCli(['build'], site.dir)).code).toBe(0);
      const [first] = await markers();
      expect(await readFile(join(site.dir, 'dist', '_config', 'nginx.conf'), 'utf8')).toContain(`if (!-f $document_root/_config/${first!}) {`);
      await writeFile(join(site.dir, 'articles', 'a.md'), record('a', '', 'Body text, corrected.'));
      expect((await runCli(['build'], site.dir)).code).toBe(0);
      const second = await markers();
      expect(second).toHaveLength(1);
      expect(second[0]).not.toBe(first);
      expect(await readFile(join(site.dir, 'dist', '_config', 'nginx.conf'), 'utf8')).toContain(`if (!-f $document_root/_config/${second[0]!}) {`);
    } finally {
      await site.cleanup();
    }
  });
});

describe('the last build\'s manifest', () => {
  it('is read as any input is: every feed file it lists, and the siblings its entry records (both, when the entry is damaged), are removed when stale; nothing else, whatever the entries hold', async () => {
    // (It crashed the build: an entry of null threw a TypeError reading its encodings; a directory named, EISDIR.)
    await withDir(async (dir) => {
      const served = (file: string) => ({ type: 'application/rss+xml; charset=utf-8', etag: `"${file}"`, lastModified: 'Wed, 05 Feb 2025 01:24:00 GMT', bytes: 1, maxAge: 900, encodings: {}, links: {} });
      const feeds = ['tags/gone/rss.xml', 'tags/gone/rss.xml.gz', 'tags/null/atom.xml', 'tags/odd/feed.json', 'tags/odd/feed.json.br', 'archive/2025-01/rss.xml'];
      for (const f of feeds) {
        await mkdir(join(dir, f, '..'), { recursive: true });
        await writeFile(join(dir, f), 'x');
      }
      // Not feed files: the build lists none such, and a damaged manifest naming them removes nothing.
      await mkdir(join(dir, 'archive/2025-02'), { recursive: true });
      await writeFile(join(dir, 'notes.txt'), 'the desk\'s');
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({
        version: 1,
        // A hand-edited or truncated manifest: entries of the wrong shape, a sibling that is not an object, a
        // directory, a name outside, a file that is no feed.
        files: {
          'tags/gone/rss.xml': { ...served('gone'), encodings: { gzip: { file: 'tags/gone/rss.xml.gz', etag: '"g"', bytes: 1 } } }, 'tags/null/atom.xml': null, 'tags/odd/feed.json': { ...served('odd'), encodings: { br: 'x' } }, 'archive/2025-01/rss.xml': 7,
          'archive/2025-02': {}, '../outside/rss.xml': served('x'), 'notes.txt': served('n'),
        },
      }));
      await writeOutputs(dir, new Map([['rss.xml', '<rss/>']]));
      const left = ((await readdir(dir, { recursive: true })) as string[]).filter((n) => !['tags', 'archive'].includes(n)).sort();
      expect(left).toEqual(['_dateline.json', 'archive/2025-02', 'notes.txt', 'rss.xml']);
      // A manifest whose files are not an object at all is no manifest.
      await writeFile(join(dir, '_dateline.json'), '{"version":1,"files":null}');
      await writeOutputs(dir, new Map([['atom.xml', '<feed/>']]));
      expect((await readdir(dir)).sort()).toEqual(['_dateline.json', 'archive', 'atom.xml', 'notes.txt', 'rss.xml']);
    });
  });

  it('names only files the build wrote: a link to a directory outside, or to another feed\'s, does not let it remove what is there', async () => {
    await withDir(async (dir) => {
      const outside = join(dir, 'outside');
      const out = join(dir, 'out');
      await mkdir(outside);
      await mkdir(join(out, 'sections/china'), { recursive: true });
      for (const f of ['victim.txt', 'rss.xml', 'rss.xml.gz']) await writeFile(join(outside, f), 'keep');
      await symlink(outside, join(out, 'ext'));
      // A feed's directory that is a link: outside, and to another feed's directory of this build.
      await symlink(outside, join(out, 'sections/linked'));
      await symlink('../sections/china', join(out, 'sections/alias'));
      await writeFile(join(out, '_dateline.json'), JSON.stringify({ version: 1, files: { 'ext/victim.txt': {}, 'sections/linked/rss.xml': 5, 'sections/alias/rss.xml': { encodings: { gzip: {} } } } }));
      await writeOutputs(out, new Map([['rss.xml', '<rss/>'], ['sections/china/rss.xml', '<rss/>'], ['sections/china/rss.xml.gz', 'gz']]));
      for (const f of ['victim.txt', 'rss.xml', 'rss.xml.gz']) expect(await readFile(join(outside, f), 'utf8'), f).toBe('keep');
      expect(await readFile(join(out, 'sections/china/rss.xml'), 'utf8')).toBe('<rss/>');
      expect(await readFile(join(out, 'sections/china/rss.xml.gz'), 'utf8')).toBe('gz');
    });
  });

  it('a stale feed in a feed directory the desk made a link is left where the link leads, and the build says so (W_STALE_KEPT)', async () => {
    const site = await makeSite({ 'articles/a.md': record('a', 'section: World'), 'articles/b.md': record('b', 'section: Sport') }, { ...SITE_CONFIG, feeds: { sections: true } });
    try {
      expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
      // The desk moves Sport's feeds to another disk and links them back.
      const away = join(site.dir, 'away');
      await mkdir(away);
      for (const f of ['rss.xml', 'atom.xml', 'feed.json']) await writeFile(join(away, f), await readFile(join(site.dir, 'dist/sections/sport', f)));
      await rm(join(site.dir, 'dist/sections/sport'), { recursive: true });
      await symlink(away, join(site.dir, 'dist/sections/sport'));
      await rm(join(site.dir, 'articles/b.md'));
      const r = await runCli(['build', '--no-cache', '--json'], site.dir);
      expect(r.code).toBe(0);
      expect((await readdir(away)).sort()).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
      const kept = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'W_STALE_KEPT').map((d: { file: string }) => d.file).sort();
      expect(kept).toEqual(['dist/sections/sport/atom.xml', 'dist/sections/sport/feed.json', 'dist/sections/sport/rss.xml']);
      expect(r.stderr).toContain('dist/sections/sport/rss.xml: warning: a feed file the last build wrote, which this build no longer makes, was left in place (sections/sport is a link, which a build does not make): servers still send it; remove it by hand if it should go (W_STALE_KEPT)');
    } finally {
      await site.cleanup();
    }
  });

  it('removes a stale name that differs from a feed of this build only in case or composition only when it is another file', async () => {
    await withDir(async (dir) => {
      // Here, on a file system that does not fold names, the listed spellings are files of their own, and go.
      // (Where it folds them, as NTFS and APFS do, they are the feeds this build just wrote, the same inode: kept.)
      for (const d of ['sections/China', 'sections/cafe\u0301']) {
        await mkdir(join(dir, d), { recursive: true });
        await writeFile(join(dir, d, 'rss.xml'), 'listed');
      }
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({ version: 1, files: { 'sections/China/rss.xml': {}, 'sections/cafe\u0301/rss.xml': {} } }));
      await writeOutputs(dir, new Map([['sections/china/rss.xml', '<rss/>'], ['sections/caf\u00e9/rss.xml', '<rss/>']]));
      for (const f of ['sections/China/rss.xml', 'sections/cafe\u0301/rss.xml']) expect(await readFile(join(dir, f), 'utf8').catch(() => 'gone'), f).toBe('gone');
      for (const f of ['sections/china/rss.xml', 'sections/caf\u00e9/rss.xml']) expect(await readFile(join(dir, f), 'utf8'), f).toBe('<rss/>');
    });
  });
});

describe('what a killed build left', () => {
  it('its stage directory goes, and so do the feed directories it made and never filled', async () => {
    await withDir(async (dir) => {
      // A pid no process has (Linux pids stay below 2^22).
      await mkdir(join(dir, '.dateline-stage-4194999'), { recursive: true });
      await writeFile(join(dir, '.dateline-stage-4194999', '0'), 'half');
      await mkdir(join(dir, 'tags', 'gaza'), { recursive: true });
      await mkdir(join(dir, 'tags', 'empty', 'deeper'), { recursive: true });
      await mkdir(join(dir, 'sections', 'world'), { recursive: true });
      await writeFile(join(dir, 'sections', 'world', 'rss.xml'), 'kept');
      await new OutputStage(dir).previousFiles();
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(['sections', 'sections/world', 'sections/world/rss.xml']);
    });
  });

  it('only in the directories feeds use: an empty directory of the site\'s own is left alone', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, '.dateline-stage-4194999'), { recursive: true });
      await mkdir(join(dir, 'static', 'uploads'), { recursive: true });
      await mkdir(join(dir, '.well-known'), { recursive: true });
      await mkdir(join(dir, 'tags', 'x'), { recursive: true });
      await new OutputStage(dir).previousFiles();
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(['.well-known', 'static', 'static/uploads']);
    });
  });

  it('the copies it was making beside targets on another file system go too, in every directory the last build wrote', async () => {
    await withDir(async (dir) => {
      const site = await makeSite({ 'articles/a.md': record('a', 'section: World') }, { ...SITE_CONFIG, feeds: { sections: true } });
      try {
        expect((await runBuild({ cwd: site.dir, outDir: dir, cacheDir: false })).ok).toBe(true);
        await mkdir(join(dir, '.dateline-stage-4194999'), { recursive: true });
        await writeFile(join(dir, 'sections', 'world', '.dateline-stage-4194999-rss.xml'), 'half');
        await writeFile(join(dir, '.dateline-stage-4194999-atom.xml'), 'half');
        await writeFile(join(dir, '_config', '.dateline-stage-4194999-nginx.conf'), 'half');
        // In a feed directory the killed build made (no manifest names it yet).
        await mkdir(join(dir, 'tags', 'new'), { recursive: true });
        await writeFile(join(dir, 'tags', 'new', '.dateline-stage-4194999-rss.xml'), 'half');
        // A live build's copy (pid 1 is always alive) stays.
        await writeFile(join(dir, 'sections', 'world', '.dateline-stage-1-feed.json'), 'live');
        await new OutputStage(dir).previousFiles();
        const left = (await readdir(dir, { recursive: true })).filter((n) => n.includes('.dateline-stage-'));
        expect(left).toEqual([join('sections', 'world', '.dateline-stage-1-feed.json')]);
      } finally {
        await site.cleanup();
      }
    });
  });

  it('without a killed build, empty directories are left alone (they may be the site\'s)', async () => {
    await withDir(async (dir) => {
      await mkdir(join(dir, 'media'), { recursive: true });
      await new OutputStage(dir).previousFiles();
      expect(await readdir(dir)).toEqual(['media']);
    });
  });
});

describe('two writers into one directory in one process', () => {
  it('take turns: both writeOutputs calls succeed, and the directory holds what the second wrote', async () => {
    await withDir(async (dir) => {
      const manifest = (names: string[]): string => JSON.stringify({ version: 1, files: Object.fromEntries(names.map((n) => [n, { bytes: 1 }])) });
      const first = new Map([['atom.xml', 'A'], ['feed.json', 'B'], ['_dateline.json', manifest(['atom.xml', 'feed.json'])]]);
      const second = new Map([['rss.xml', 'C'], ['_dateline.json', manifest(['rss.xml'])]]);
      const results = await Promise.allSettled([writeOutputs(dir, first), writeOutputs(dir, second)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      // The second started from the first's manifest: the first's files are stale and go.
      expect((await readdir(dir)).sort()).toEqual(['_dateline.json', 'rss.xml']);
    });
  });

  it('also through a symbolic link to the directory: one directory, one turn at a time', async () => {
    await withDir(async (dir) => {
      const out = join(dir, 'out');
      await mkdir(out);
      await symlink(out, join(dir, 'link'));
      const manifest = (names: string[]): string => JSON.stringify({ version: 1, files: Object.fromEntries(names.map((n) => [n, { bytes: 1 }])) });
      const first = new Map([['atom.xml', 'A'], ['feed.json', 'B'], ['_dateline.json', manifest(['atom.xml', 'feed.json'])]]);
      const second = new Map([['rss.xml', 'C'], ['_dateline.json', manifest(['rss.xml'])]]);
      const results = await Promise.allSettled([writeOutputs(out, first), writeOutputs(join(dir, 'link'), second)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect((await readdir(out)).sort()).toEqual(['_dateline.json', 'rss.xml']);
    });
  });

  it('two runBuild calls at once into one dist/ both succeed and leave what a single build leaves', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 30; n++) files[`articles/a${n}.md`] = record(`a${n}`, `tags: [t${n % 4}]\nsection: S${n % 3}`);
    const config = { ...SITE_CONFIG, feeds: { sections: true, tags: true, archives: true } };
    const site = await makeSite(files, config);
    const alone = await makeSite(files, config);
    try {
      const reports = await Promise.all([runBuild({ cwd: site.dir, cacheDir: false }), runBuild({ cwd: site.dir, cacheDir: false })]);
      expect(reports.map((r) => r.ok)).toEqual([true, true]);
      expect((await runBuild({ cwd: alone.dir, cacheDir: false })).ok).toBe(true);
      expect(await tree(join(site.dir, 'dist'))).toEqual(await tree(join(alone.dir, 'dist')));
    } finally {
      await site.cleanup();
      await alone.cleanup();
    }
  }, 60_000);
});

describe('two cached builds at once in one process', () => {
  it('take turns whole (cache read to cache saved): every ETag in the manifest is its file\'s, and the tree is a clean build\'s', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 30; n++) files[`articles/a${n}.md`] = record(`a${n}`, `tags: [t${n % 4}]\nsection: S${n % 3}`);
    const config = { ...SITE_CONFIG, feeds: { sections: true, tags: true, archives: true } };
    const site = await makeSite(files, config);
    try {
      expect((await runBuild({ cwd: site.dir })).ok).toBe(true);
      for (let round = 0; round < 3; round++) {
        // Each build sees another edit: the second starts once the first has rendered its feeds (before
        // it writes them), with one more record changed; in the last round the first edit is also taken
        // back, so that to the second, which starts from the same cache, a1's feeds are as they were.
        const before = await readFile(join(site.dir, 'articles/a1.md'), 'utf8');
        await writeFile(join(site.dir, 'articles/a1.md'), record('a1', `tags: [t1]\nsection: S1`, `Body ${round}, first.`));
        let second: ReturnType<typeof runBuild> | undefined;
        const first = runBuild({
          cwd: site.dir,
          onProgress: (p) => {
            if (p.phase !== 'feeds' || p.done !== p.total || second !== undefined) return;
            writeFileSync(join(site.dir, 'articles/a2.md'), record('a2', `tags: [t2]\nsection: S2`, `Body ${round}, second.`));
            if (round === 2) writeFileSync(join(site.dir, 'articles/a1.md'), before);
            second = runBuild({ cwd: site.dir });
            second.catch(() => undefined);
          },
        });
        expect((await first).ok).toBe(true);
        expect((await second)?.ok).toBe(true);
        const manifest = JSON.parse(await readFile(join(site.dir, 'dist/_dateline.json'), 'utf8')) as { files: Record<string, { etag: string }> };
        for (const [name, entry] of Object.entries(manifest.files)) expect(strongEtag(await readFile(join(site.dir, 'dist', name))), `round ${round}: ${name}`).toBe(entry.etag);
        const clean = await runBuild({ cwd: site.dir, cacheDir: false, outDir: 'dist-clean' });
        expect(clean.ok).toBe(true);
        const [a, b] = [await tree(join(site.dir, 'dist')), await tree(join(site.dir, 'dist-clean'))];
        expect(a, `round ${round}`).toEqual(b);
      }
    } finally {
      await site.cleanup();
    }
  }, 60_000);
});

/** Every file under `dir` with its bytes (as text). */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const st = await stat(join(dir, name));
    if (st.isFile()) out[name] = (await readFile(join(dir, name))).toString('base64');
  }
  return out;
}
