/** The only readers of the articles directory and the configuration file. */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadValidatedConfig, saveValidatedConfig } from '../cache/store.js';
import { resolveConfig, setAside, standInConfig } from '../core/config.js';
import { DatelineError, diagnostic, Errors, failureReason } from '../errors.js';
import type { Diagnostic, SiteConfig } from '../types.js';
import { display, sortDiagnostics, type Loaded } from './_files.js';
import { lineFeeds } from './json.js';
import { readPastSyntax } from './_past-syntax.js';
import { parseJson } from './_positions.js';
import { loadAllRecords } from './cached.js';
import { firstBadBytes } from './_read.js';
import { overlapProblems } from '../apart.js';

export { display, listRecordFiles, sortDiagnostics, type Loaded } from './_files.js';
export { firstBadBytes, readFileBytes, readRecordText } from './_read.js';

export const DEFAULT_CONFIG_FILE = 'dateline.config.json';

/** What `loadConfig` learnt of each configuration's file: its warnings (W_TEXT_LOOKS_LIKE_HTML), and the lines of the keys it sets. */
const READ = new WeakMap<SiteConfig, { warnings: Diagnostic[]; lineOf: (key: string) => number | undefined }>();

/**
 * A configuration validated by this process and not yet remembered in the cache (`rememberConfig`): the
 * cache's directory, the key, and what to write, made when it was validated (the configuration object
 * may be changed later).
 */
const PENDING = new WeakMap<SiteConfig, { dir: string; key: string; text: string }>();

/** Keys whose lines `dirSetting` asks for. */
const LINED = ['articlesDir', 'outDir'] as const;

/** What `config.json` in the cache holds (cache/store.ts). */
interface Validated {
  config: SiteConfig;
  warnings: Diagnostic[];
  lines: Partial<Record<(typeof LINED)[number], number>>;
}

/**
 * Where a build remembers the configuration it validated (its cache directory), and the code it runs
 * (pipeline/version.ts): a file with the same bytes, name and code is taken as validated then.
 */
export interface ConfigMemo {
  dir: string;
  code: string;
}

/** The key of a configuration file's validation: its bytes, its name as diagnostics show it, the code, and the time zone data. */
function memoKey(memo: ConfigMemo, shown: string, bytes: Buffer): string {
  const tz = `${process.versions.tz ?? '?'}/${process.versions.icu ?? '?'}`;
  return createHash('sha256').update(`${memo.code}\0${tz}\0${shown}\0`).update(bytes).digest('base64url');
}

/**
 * Remembers in the cache a configuration that `loadConfig` validated with a memo: called by a build that
 * succeeded, under its cache's lock. A failure to write is no failure of the build (the next one validates).
 */
export async function rememberConfig(config: SiteConfig): Promise<void> {
  const pending = PENDING.get(config);
  if (pending === undefined) return;
  PENDING.delete(config);
  await saveValidatedConfig(pending.dir, pending.key, pending.text).catch(() => undefined);
}

/** The warnings the configuration file gave when it was read (none for a configuration made otherwise). */
export function configWarnings(config: SiteConfig): Diagnostic[] {
  return READ.get(config)?.warnings ?? [];
}

/** Where a directory's setting is, for E_DIRS_OVERLAP: its key's line when the file sets it (`given`), else a default's key alone. */
export function dirSetting(config: SiteConfig, file: string, field: 'articlesDir' | 'outDir'): { where: { file: string; line: number | undefined; field: string }; given: boolean } {
  const line = READ.get(config)?.lineOf(field);
  return { where: { file, line, field }, given: line !== undefined };
}

/**
 * Reads and validates the configuration file; throws a DatelineError listing every problem. `articlesDir`
 * and `outDir` (from `cwd`) must lie apart (E_DIRS_OVERLAP), unless `apart: false`: the commands check the
 * directories they will use themselves (`build --out` replaces `outDir`).
 */
export async function loadConfig(file: string = DEFAULT_CONFIG_FILE, cwd: string = process.cwd(), { apart = true, memo }: { apart?: boolean; memo?: ConfigMemo } = {}): Promise<SiteConfig> {
  const path = resolve(cwd, file);
  const shown = display(path, cwd);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DatelineError([diagnostic(Errors.ConfigUnreadable, { file: shown }, failureReason(e))], { cause: e });
  }
  // (Only without `apart`, which needs the file's parse: the build checks its directories itself.)
  const key = memo === undefined || apart ? undefined : memoKey(memo, shown, bytes);
  if (memo !== undefined && key !== undefined) {
    const known = await loadValidatedConfig(memo.dir, key).then((text) => (text === undefined ? undefined : (JSON.parse(text) as Validated)), () => undefined);
    if (known !== undefined && typeof known.config === 'object' && known.config !== null && Array.isArray(known.warnings) && typeof known.lines === 'object' && known.lines !== null) {
      READ.set(known.config, { warnings: known.warnings, lineOf: (k) => (LINED as readonly string[]).includes(k) ? known.lines[k as (typeof LINED)[number]] : undefined });
      return known.config;
    }
  }
  // Refused as a record is: read as UTF-8, a Latin-1 "é" in the title went into every feed as U+FFFD (QA).
  if (!isUtf8(bytes)) {
    const bad = firstBadBytes(bytes);
    throw new DatelineError([diagnostic(Errors.NotUtf8, { file: shown, line: bad.line }, bad.shown)]);
  }
  const text = bytes.toString('utf8');
  // A byte-order mark, as some Windows editors write: not part of the JSON (records are read the same way).
  // (Its lines end as a record's may: a CR alone is a line feed, as `readJsonRecord` reads it.)
  const parsed = parseJson(lineFeeds(text.replace(/^\uFEFF/, '')), shown);
  if (parsed.diagnostics.length > 0) throw new DatelineError(parsed.diagnostics);
  const { config, diagnostics } = resolveConfig(parsed.data, shown, parsed.lineOf);
  if (config === undefined) throw new DatelineError(diagnostics);
  const set = (field: string): boolean => typeof parsed.data === 'object' && parsed.data !== null && Object.hasOwn(parsed.data, field);
  const lineOf = (k: string): number | undefined => (set(k) ? parsed.lineOf([k]) : undefined);
  READ.set(config, { warnings: diagnostics, lineOf });
  if (memo !== undefined && key !== undefined) {
    const validated: Validated = { config, warnings: diagnostics, lines: {} };
    for (const k of LINED) {
      const line = lineOf(k);
      if (line !== undefined) validated.lines[k] = line;
    }
    const text = JSON.stringify(validated);
    // Remembered only when the text gives back the same values (it does for what JSON can hold).
    if (isDeepStrictEqual(JSON.parse(text), validated)) PENDING.set(config, { dir: memo.dir, key, text });
  }
  if (apart) {
    // (A library caller writes the build's files where `outDir` says: among the records, the next read
    // would take the feeds for records.)
    // (At the key's line when the file sets it; a default is named by the key alone, as `build` names it.)
    const dir = (field: 'articlesDir' | 'outDir') => ({ path: resolve(cwd, config[field]), shown: config[field], given: set(field), where: { file: shown, line: set(field) ? parsed.lineOf([field]) : undefined, field } });
    const problems = overlapProblems({ articles: dir('articlesDir'), out: dir('outDir') });
    // (With the file's warnings, which a run it stops would not say otherwise.)
    if (problems.length > 0) throw new DatelineError(sortDiagnostics([...diagnostics, ...problems]));
  }
  return config;
}

/** The records' problems that depend on a key of the configuration, by the key. */
const DATELINE_STYLE = [Errors.DatelineZoneNeeded, Errors.DatelineNotChinese];
const DECIDED_BY: Readonly<Record<string, readonly { code: string }[]>> = {
  // (The instant of a desk time, and so the dateline's day, whether its year can be written, and whether a
  // correction stamped in another form comes after it: QA.)
  timezone: [Errors.DateOutOfRange, Errors.DateNonexistent, Errors.DateAmbiguous, Errors.DatelineDateLater, Errors.UpdatedBeforeDate],
  language: DATELINE_STYLE, datelineStyle: DATELINE_STYLE, datelineDated: DATELINE_STYLE,
  idPrefix: [Errors.IdNotUri],
  // (A relative `url` is resolved against it, and a link made from a record's path is under it.)
  siteUrl: [Errors.LinkShared],
};

/**
 * The records' problems, for a run that the configuration's errors stop: read with `standInConfig`'s
 * configuration (the keys in error set aside), so that one run reports both. Undefined when the records
 * cannot be read as the configuration means them: a file not read, or one that cannot be read past its syntax
 * errors (`readPastSyntax`), `articlesDir` in error or unsure. `replaced`: the keys set aside; `files`: the
 * records read; `pastSyntax`, when the file did not parse: the other keys' problems, as they would be said
 * once it does.
 */
export async function recordsDespiteConfig(file: string = DEFAULT_CONFIG_FILE, cwd: string = process.cwd()): Promise<{ diagnostics: Diagnostic[]; replaced: string[]; files: number; pastSyntax?: { configDiagnostics: Diagnostic[] } } | undefined> {
  let text: string;
  try {
    text = lineFeeds((await readFile(resolve(cwd, file), 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const parsed = parseJson(text, file);
  // A file that does not parse is read past its syntax errors, with the keys they leave unsure set aside;
  // the other keys' errors are reported, as they would be once the syntax is right.
  const past = parsed.diagnostics.length > 0 ? readPastSyntax(text) : undefined;
  if (parsed.diagnostics.length > 0 && past === undefined) return undefined;
  const standIn = standInConfig(past?.data ?? parsed.data, past?.unsure);
  if (standIn === undefined) return undefined;
  const loaded = await loadAllRecords(standIn.config, cwd, { remember: false, keepBodies: false });
  // What the keys set aside decide is not said: it would be the stand-ins' (a desk time read in UTC, a
  // dateline in the default style), not the site's.
  const unsure = new Set(standIn.replaced.flatMap((k) => DECIDED_BY[k] ?? []).map((e) => e.code));
  const records = { diagnostics: [...loaded.diagnostics, ...loaded.sharedLinks].filter((d) => !unsure.has(d.code)), replaced: standIn.replaced, files: loaded.files };
  if (past === undefined) return records;
  const checked = resolveConfig(setAside(past.data, past.unsure), display(resolve(cwd, file), cwd), past.lineOf);
  return { ...records, pastSyntax: { configDiagnostics: checked.diagnostics } };
}

/** Reads every record under `config.articlesDir` (any depth) and validates them all: the build's reader, without a cache. */
export async function loadArticles(config: SiteConfig, cwd: string = process.cwd()): Promise<Loaded> {
  const { articles, diagnostics, sharedLinks, files } = await loadAllRecords(config, cwd, { remember: false, keepBodies: true });
  const more = [...configWarnings(config), ...sharedLinks];
  return { articles, diagnostics: more.length === 0 ? diagnostics : sortDiagnostics([...diagnostics, ...more]), files };
}
