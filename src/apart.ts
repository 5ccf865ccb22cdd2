/**
 * The articles, output and cache directories must lie apart: an output directory among the articles
 * makes the build read its own feeds (and cache files) as records, and could replace a record with a feed;
 * articles or a cache inside the output directory would be published with the feeds, drafts too. Paths
 * are compared as written and as the file system resolves them, so a symbolic link does not hide an
 * overlap. `build` and `check` refuse such a configuration; `serve` refuses to serve the articles.
 */
import { relative, resolve, sep } from 'node:path';
import { diagnostic, Errors } from './errors.js';
import { realPath, within } from './paths.js';
import type { Diagnostic } from './types.js';

export const DEFAULT_CACHE_DIR = '.dateline-cache';

/** Whether `inner` is `outer` or inside it, as written or once links are resolved. */
export const overlaps = (inner: string, outer: string): boolean => within(inner, outer) || within(realPath(inner), realPath(outer));

type Where = { file: string; line?: number | undefined; field?: string };

export interface Dirs {
  /** Absolute directories, how each is shown and where it was set (`given`: written, not a default). */
  articles: { path: string; shown: string; where: Where; given?: boolean };
  out: { path: string; shown: string; where: Where; given?: boolean };
  cache?: { path: string; shown: string; where: Where };
}

const isOption = (where: { file: string }): boolean => where.file.startsWith('--');

/** Each overlap of the three directories, as an E_DIRS_OVERLAP naming the setting to change. */
export function overlapProblems({ articles, out, cache }: Dirs): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const same = (a: string, b: string): boolean => a === b || realPath(a) === realPath(b);
  // A directory the command line names (`--out .`) is the setting to change when it swallows one the
  // configuration set: the message is then the option's, a usage error.
  const inOut = (inner: Dirs['articles']): Dirs['articles']['where'] => (isOption(out.where) && !isOption(inner.where) ? out.where : inner.where);
  // An output directory left at its default that the articles directory written takes in: the setting to
  // change is the one written (`articlesDir: "dist"`), at its line (QA: outDir, never set, was named).
  const blameArticles = out.given === false && articles.given === true && !isOption(out.where);
  if (overlaps(out.path, articles.path)) {
    problems.push(blameArticles && same(out.path, articles.path)
      ? diagnostic(Errors.DirsOverlap, articles.where, 'the articles directory', articles.shown, 'the output directory', out.shown, true)
      : diagnostic(Errors.DirsOverlap, blameArticles ? articles.where : out.where, 'the output directory', out.shown, 'the articles directory', articles.shown, same(out.path, articles.path)));
  }
  // (And the output directory written, `outDir: "."`, when the articles directory is the default.)
  else if (overlaps(articles.path, out.path)) problems.push(diagnostic(Errors.DirsOverlap, articles.given === false && out.given === true ? out.where : inOut(articles), 'the articles directory', articles.shown, 'the output directory', out.shown, same(out.path, articles.path)));
  if (cache !== undefined) {
    // (A hidden directory among the records, such as `articles/.cache`, is never read as records.)
    const hidden = (root: string): boolean => relative(root, cache.path).split(sep).some((p) => p.startsWith('.'));
    const inArticles = (within(cache.path, articles.path) && !hidden(articles.path)) || (within(realPath(cache.path), realPath(articles.path)) && !hidden(realPath(articles.path)));
    if (inArticles) problems.push(diagnostic(Errors.DirsOverlap, cache.where, 'the cache directory', cache.shown, 'the articles directory', articles.shown, same(cache.path, articles.path)));
    else if (overlaps(cache.path, out.path)) problems.push(diagnostic(Errors.DirsOverlap, inOut(cache), 'the cache directory', cache.shown, 'the output directory', out.shown, same(cache.path, out.path)));
  }
  return problems;
}

/** The cache directory as `build` resolves it, and where a message should say it was set. */
export function cacheDirs(cwd: string, cacheDir: string | false | undefined): Dirs['cache'] {
  if (cacheDir === false) return undefined;
  const shown = cacheDir ?? DEFAULT_CACHE_DIR;
  // (Named by the option that sets it: `--cache DIR` to move it, `--no-cache` to do without.)
  const file = cacheDir !== undefined && cacheDir !== DEFAULT_CACHE_DIR ? '--cache' : `the cache (${DEFAULT_CACHE_DIR}; --cache DIR or --no-cache)`;
  return { path: resolve(cwd, shown), shown, where: { file } };
}
