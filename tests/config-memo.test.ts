/**
 * A build with the cache takes its configuration as validated before when the file's bytes, its name and
 * the code are those of the last build that validated it (the cache's config.json; sources/index.ts):
 * zod is not loaded then. What the build says and writes must be what validating gives.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, FEEDS_KEYS, schemaKeys } from '../src/core/config.js';
import { makeSite, record, runCli, SITE_CONFIG } from './_helpers.js';

const MEMO = join('.dateline-cache', 'config.json');

describe('the configuration validated before (the cache\'s config.json)', () => {
  it("the keys written out so that zod need not be loaded are the schemas' keys, in their order", () => {
    expect(schemaKeys()).toEqual({ config: [...CONFIG_KEYS], feeds: [...FEEDS_KEYS] });
  });

  it('gives the same warnings and files as validating, and is not used for other bytes or when damaged', async () => {
    // A setting that warns (W_TEXT_LOOKS_LIKE_HTML), and articlesDir set at a line of its own.
    const config = { ...SITE_CONFIG, title: 'The <b>Desk</b>', articlesDir: 'articles' };
    const site = await makeSite({ 'articles/a.md': record('a'), 'articles/b.md': record('b') }, config);
    try {
      const first = await runCli(['build', '--quiet'], site.dir);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain('W_TEXT_LOOKS_LIKE_HTML');
      const memo = await readFile(join(site.dir, MEMO), 'utf8');
      expect(memo).toContain('"title":"The <b>Desk</b>"');
      const rss = await readFile(join(site.dir, 'dist', 'rss.xml'), 'utf8');

      // Taken from the memo: the same warnings, and the same feed after an edit.
      await writeFile(join(site.dir, 'articles', 'b.md'), record('b', '', 'Body text, edited.'));
      const second = await runCli(['build', '--quiet'], site.dir);
      expect(second).toEqual({ ...first });
      const clean = await runCli(['build', '--quiet', '--no-cache', '--out', 'dist-clean'], site.dir);
      expect(clean.stderr).toBe(first.stderr);
      expect(await readFile(join(site.dir, 'dist', 'rss.xml'), 'utf8')).toBe(await readFile(join(site.dir, 'dist-clean', 'rss.xml'), 'utf8'));
      expect(rss).not.toBe('');

      // The lines of the directories' keys, as validation gives them (E_DIRS_OVERLAP names articlesDir's).
      const overlap = await runCli(['build', '--quiet', '--out', 'articles/out'], site.dir);
      const fresh = join(site.dir, '..', `${site.dir.split('/').pop()}-fresh`);
      await cp(site.dir, fresh, { recursive: true });
      try {
        await rm(join(fresh, '.dateline-cache'), { recursive: true, force: true });
        const without = await runCli(['build', '--quiet', '--out', 'articles/out'], fresh);
        expect(overlap).toEqual(without);
      } finally {
        await rm(fresh, { recursive: true, force: true });
      }

      // Other bytes are validated: an error is reported, not the memo's configuration used.
      await writeFile(join(site.dir, 'dateline.config.json'), `${JSON.stringify({ ...config, ttl: 0 }, null, 2)}\n`);
      const invalid = await runCli(['build', '--quiet'], site.dir);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain('ttl');

      // A damaged memo is ignored: the file is validated again.
      await writeFile(join(site.dir, 'dateline.config.json'), `${JSON.stringify(config, null, 2)}\n`);
      expect((await runCli(['build', '--quiet'], site.dir)).code).toBe(0);
      const damaged = (await readFile(join(site.dir, MEMO), 'utf8')).replace('The <b>Desk</b>', 'The <i>Desk</i>');
      await writeFile(join(site.dir, MEMO), damaged);
      const again = await runCli(['build', '--quiet'], site.dir);
      expect(again.code).toBe(0);
      expect(again.stderr).toBe(first.stderr);
      expect(await readFile(join(site.dir, 'dist', 'rss.xml'), 'utf8')).toContain('The &lt;b&gt;Desk&lt;/b&gt;');
    } finally {
      await site.cleanup();
    }
  });
});
