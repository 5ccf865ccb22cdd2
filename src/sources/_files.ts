/** Finding and reading record files: what the loaders and the reading worker share. */
import { readdir } from 'node:fs/promises';
import { extname, relative, sep } from 'node:path';
import { diagnostic, Errors } from '../errors.js';
import type { Article, Diagnostic, RawRecord } from '../types.js';
import { readJsonRecord } from './json.js';
import { readMarkdownRecord } from './markdown.js';

const RECORD_EXTENSIONS = new Set(['.md', '.markdown', '.json']);

/** Paths in messages: relative to the working directory when inside it (`.` for itself), with `/` on every platform. */
export function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel.startsWith('..') ? path : rel).split(sep).join('/');
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
