/**
 * The bundle bin/dateline.js runs is ASCII: its characters outside ASCII (in regular expressions and
 * `String.raw` templates, which esbuild leaves as written) are escaped, so V8 holds its 2 MB as one-byte
 * text. The escaped bundle must read copy exactly as the sources do: copy in many scripts and punctuations
 * (the importer holds most of those expressions) is imported through both and the reports compared.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { makeSite, runCli } from './_helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEXT_FIXTURES = join(ROOT, 'tests', 'fixtures', 'import', 'text');

/** Copy whose reading goes through the expressions with characters outside ASCII. */
const COPY: Record<string, string> = {
  'kyodo.txt': 'Port of Yokohama reopens\n\nPublished: 2025-02-05 09:24 +09:00\n\n【ワシントン共同＝山田太郎】米議会は週明けに予算案を可決した。\n\n港は三日ぶりに再開した。\n',
  'yonhap.txt': 'Port of Busan reopens\n\nPublished: 2025-02-05 09:24 +09:00\n\n(부산=연합뉴스) 홍길동 기자·이영희 인턴기자 = 항구가 다시 열렸다.\n\n항구가 사흘 만에 다시 열렸다.\n',
  'tass.txt': 'Port of Murmansk reopens\n\nPublished: 2025-02-05 09:24 +03:00\n\nМОСКВА, 4 февраля. /ТАСС/. Порт снова открылся во вторник.\n\nСуда ждали у мола.\n',
  'zh.txt': '港口重新开放\n\n发布时间：2025-02-05 09:24\n\n新华社北京2月5日电（记者 李明）港口周二重新开放。\n\n编者按：本文有更正。\n',
  'guardian.txt': 'Port reopens after storm\nShips queued for three days outside the breakwater before the harbour opened.\nJane Roe in Cork\nWed 5 Feb 2025 09.24 GMT\n\nThe port reopened on Tuesday.\n\nShips had queued outside the breakwater — some for days.\n\nPhotograph: Ann Lee/Reuters\n',
  'ap.txt': 'Port reopens\n\nUpdated 9:24 AM EST, February 5, 2025\n\nBy DAN O’BRIEN Associated Press\n\nFORT McMURRAY, Alta. (AP) — The port reopened on Tuesday.\n\nShips queued “for days” outside the breakwater.\n',
  'hindu.txt': 'Port of Mumbai reopens\n\nUpdated - February 05, 2025 09:24 am +05:30\n\nNEW DELHI: The port reopened on Tuesday.\n\nShips queued outside the breakwater.\n\n(With inputs from PTI)\n',
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

it('the bundle is ASCII, and imports copy in many scripts exactly as the sources do', async () => {
  const site = await makeSite(Object.fromEntries(Object.entries(COPY).map(([name, text]) => [`copy/${name}`, text])));
  cleanups.push(site.cleanup);
  for (const name of await readdir(TEXT_FIXTURES)) if (name.endsWith('.txt')) await copyFile(join(TEXT_FIXTURES, name), join(site.dir, 'copy', name));
  const argv = ['import', '--dry-run', 'copy'];
  const fromSources = await runCli(argv, site.dir);
  const fromBundle = spawnSync(process.execPath, [join(ROOT, 'bin', 'dateline.js'), ...argv], { cwd: site.dir, encoding: 'utf8' });
  // (What was read, story by story: a difference in any expression shows as a field read otherwise.)
  expect(fromSources.stdout).toMatch(/kyodo\.txt \(text\): 1 story[\s\S]*agency\s+Kyodo/);
  expect([fromBundle.status, fromBundle.stdout, fromBundle.stderr]).toEqual([fromSources.code, fromSources.stdout, fromSources.stderr]);

  const cache = join(ROOT, 'node_modules', '.cache', 'dateline');
  const bundles = (await readdir(cache)).filter((n) => n.startsWith('cli-') && !n.endsWith('.tmp'));
  expect(bundles.length).toBeGreaterThan(0);
  for (const b of bundles) {
    const bytes = await readFile(join(cache, b, 'cli.cjs'));
    expect(bytes.findIndex((byte) => byte > 0x7f), b).toBe(-1);
  }
}, 120_000);
