/**
 * The package as a project installs it: what `npm pack` puts in it, and a strict TypeScript project
 * type-checking against its declaration files (made by `prepack`), not against Dateline's sources.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'dateline-consumer-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

it('npm pack ships the code, its types (made by prepack), the README and the licence, not tests, benchmarks or samples', () => {
  // Packed from a copy, so that prepack writes its types/ there, not into the checkout.
  const copy = mkdtempSync(join(tmpdir(), 'dateline-pack-'));
  try {
    for (const part of ['package.json', 'tsconfig.json', 'tsconfig.types.json', 'README.md', 'LICENSE', 'bin', 'src', 'tests', 'bench', 'articles', 'dateline.config.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { files: { path: string }[] }[];
    const paths = (packed?.files ?? []).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/dateline.js', 'src/index.ts', 'src/cli.ts', 'types/index.d.ts', 'types/pipeline/build.d.ts']));
    expect(paths.filter((p) => /^(?:tests|bench|articles|scratch|node_modules|\.ci)\//.test(p) || p === 'dateline.config.json')).toEqual([]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}, 120_000);

it('a strict project (exactOptionalPropertyTypes, no skipLibCheck) type-checks the README\'s library example against the declarations', () => {
  const modules = join(project, 'node_modules');
  const pkg = join(modules, 'dateline');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'src'), join(pkg, 'src'));
  // What prepack makes.
  execFileSync(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.types.json'), '--outDir', join(pkg, 'types')], { cwd: ROOT });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  writeFileSync(join(project, 'package.json'), '{"type":"module"}');
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true,
      noPropertyAccessFromIndexSignature: true, noUncheckedIndexedAccess: true, skipLibCheck: false, noEmit: true, types: ['node'],
    },
    include: ['app.ts'],
  }));
  writeFileSync(join(project, 'app.ts'), [
    "import { buildFeeds, createHandler, directoryStore, formatDiagnostic, loadArticles, loadConfig, resolveConfig, writeOutputs } from 'dateline';",
    "const config = await loadConfig('dateline.config.json');",
    'const { articles, diagnostics } = await loadArticles(config);',
    "if (diagnostics.some((d) => d.severity === 'error')) throw new Error(diagnostics.map(formatDiagnostic).join('\\n'));",
    'const built = buildFeeds(articles, config);',
    "await writeOutputs('dist', built.files, 'dist', built.mtimes);",
    "const response = await createHandler(directoryStore('dist'))(new Request('http://localhost/rss.xml'));",
    "const inCode = resolveConfig({ title: 'Desk', siteUrl: 'https://example.com/', description: 'd', language: 'en', timezone: 'UTC' });",
    'console.log(response.status, built.outputs.size, inCode.config?.ttl, inCode.diagnostics.length);',
    '',
  ].join('\n'));
  const listed = execFileSync(process.execPath, [TSC, '-p', project, '--listFiles'], { cwd: project, encoding: 'utf8' });
  // Checked against the declarations only.
  expect(listed).toContain(join(pkg, 'types', 'index.d.ts'));
  expect(listed).not.toContain(join(pkg, 'src'));
}, 120_000);
