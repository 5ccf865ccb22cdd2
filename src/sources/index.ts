/** The only readers of the articles directory and the configuration file. */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { resolveConfig } from '../core/config.js';
import { validateRecords } from '../core/validate.js';
import { DatelineError, diagnostic, Errors } from '../errors.js';
import type { Article, Diagnostic, RawRecord, SiteConfig } from '../types.js';
import { parseJson } from './_positions.js';
import { readJsonRecord } from './json.js';
import { readMarkdownRecord } from './markdown.js';

export const DEFAULT_CONFIG_FILE = 'dateline.config.json';
const RECORD_EXTENSIONS = new Set(['.md', '.markdown', '.json']);

/** Paths in messages: relative to the working directory when inside it (`.` for itself), with `/` on every platform. */
export function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** Reads and validates the configuration file; throws a DatelineError listing every problem. */
export async function loadConfig(file: string = DEFAULT_CONFIG_FILE, cwd: string = process.cwd()): Promise<SiteConfig> {
  const path = resolve(cwd, file);
  const shown = display(path, cwd);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new DatelineError([diagnostic(Errors.ConfigUnreadable, { file: shown }, (e as NodeJS.ErrnoException).code ?? String(e))], { cause: e });
  }
  const parsed = parseJson(text, shown);
  if (parsed.diagnostics.length > 0) throw new DatelineError(parsed.diagnostics);
  const { config, diagnostics } = resolveConfig(parsed.data, shown, parsed.lineOf);
  if (config === undefined) throw new DatelineError(diagnostics);
  return config;
}

export interface Loaded {
  /** Valid records, drafts included (the model leaves drafts out). */
  articles: Article[];
  /** Every problem in every file; the articles with errors are not in `articles`. */
  diagnostics: Diagnostic[];
  /** Record files read. */
  files: number;
}

/** Record files under `root` (any depth), relative to it, sorted; hidden files and directories are skipped. */
export async function listRecordFiles(root: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true });
  return names
    .filter((n) => RECORD_EXTENSIONS.has(extname(n).toLowerCase()) && !n.split(sep).some((part) => part.startsWith('.')))
    .sort();
}

/** One record file's text → its raw record (or why it cannot be read). `name` is relative to the articles directory. */
export function readRecord(text: string, name: string, file: string): { record?: RawRecord; diagnostics: Diagnostic[] } {
  const slugPath = name.slice(0, -extname(name).length).split(sep).join('/');
  return extname(name).toLowerCase() === '.json' ? readJsonRecord(text, file, slugPath) : readMarkdownRecord(text, file, slugPath);
}

/** The diagnostic for an articles directory that cannot be listed. */
export function articlesDirMissing(root: string, cwd: string, e: unknown): Diagnostic {
  return diagnostic(Errors.ArticlesDirMissing, { file: display(root, cwd) }, (e as NodeJS.ErrnoException).code ?? String(e));
}

/** Reads every record under `config.articlesDir` (any depth) and validates them all. */
export async function loadArticles(config: SiteConfig, cwd: string = process.cwd()): Promise<Loaded> {
  const root = resolve(cwd, config.articlesDir);
  let paths: string[];
  try {
    paths = await listRecordFiles(root);
  } catch (e) {
    return { articles: [], diagnostics: [articlesDirMissing(root, cwd, e)], files: 0 };
  }
  const diagnostics: Diagnostic[] = [];
  const records: RawRecord[] = [];
  await Promise.all(
    paths.map(async (name) => {
      const path = join(root, name);
      const file = display(path, cwd);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        diagnostics.push(diagnostic(Errors.FileUnreadable, { file }, (e as NodeJS.ErrnoException).code ?? String(e)));
        return;
      }
      const r = readRecord(text, name, file);
      diagnostics.push(...r.diagnostics);
      if (r.record !== undefined) records.push(r.record);
    }),
  );
  const validated = validateRecords(records, config);
  return { articles: validated.articles, diagnostics: sortDiagnostics([...diagnostics, ...validated.diagnostics]), files: paths.length };
}

/** By file, then line: the order a person fixes them in. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const fa = a.d.file ?? '';
      const fb = b.d.file ?? '';
      if (fa !== fb) return fa < fb ? -1 : 1;
      return (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i;
    })
    .map((x) => x.d);
}
