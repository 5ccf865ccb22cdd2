/**
 * `dateline import`: wire copy in, article records out. Reads each file, detects its format, runs the
 * importer, checks every story with the build's own validation, and writes one Markdown record per story
 * without ever overwriting a different record silently. Prints nothing: the CLI reports what this returns.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { validateRecords } from '../core/validate.js';
import { futureDates } from '../render/build.js';
import { diagnostic, Errors, systemCode } from '../errors.js';
import { display } from '../sources/index.js';
import { readMarkdownRecord } from '../sources/markdown.js';
import type { Diagnostic, SiteConfig } from '../types.js';
import { importNinjs } from './ninjs.js';
import { importNitf } from './nitf.js';
import { importNewsml } from './newsml.js';
import { importFeed } from './feed.js';
import { recordText } from './record.js';
import { importText } from './text.js';
import { terminalImporter } from './_terminal.js';
import { mailImporter } from './_mail.js';
import type { ImportedStory, ImportFormat, Importer, ImportResult } from './types.js';
import { asCorrection } from './_correction.js';
import { copyFiles, type CopyItem } from './_copy-files.js';
import { within } from '../paths.js';
import { readCopy } from './_read-copy.js';
export { detectFormat } from './_read-copy.js';
import { DryRun } from './_dry-run.js';
import { earlierEdition, firstPublications, keepFormerId, keepNeighbourDayId, olderEdition } from './_editions.js';
import { existingIds, freeBackupName, newPath, parsedRecord, readOld, recordData, sameRecord, takeDown, writeWhole } from './_record-files.js';

const IMPORTERS: Record<ImportFormat, Importer> = { text: terminalImporter(mailImporter(importText)), nitf: importNitf, newsml: importNewsml, ninjs: importNinjs, feed: importFeed };

export interface ImportOptions {
  config: SiteConfig;
  cwd: string;
  /** Directory the records go to; defaults to the config's articlesDir. */
  out?: string;
  format?: ImportFormat;
  dryRun?: boolean;
  force?: boolean;
  /**
   * Each file's report as soon as it is done. When given, the reports are handed over here and not
   * returned (`importFiles` resolves to an empty list): a bulk import of a hundred thousand files then
   * holds no story in memory once it is written.
   */
  onFile?: (report: FileReport) => void;
  /** Files never read as copy, even in a directory named (`dateline import` passes its configuration file). */
  skip?: readonly string[];
}

/**
 * `earlier edition`: not imported, the copy being an earlier edition of the story its record holds (the
 * record's first publication, an earlier last stamp: `older` says both); `not written`: the record could
 * not be written (`error`).
 */
export type StoryStatus = 'written' | 'replaced' | 'unchanged' | 'would write' | 'would replace' | 'refused' | 'earlier edition' | 'not written';

export interface StoryReport {
  story: ImportedStory;
  /** Where the record is (or would be), relative to the working directory. */
  path: string;
  status: StoryStatus;
  /** The old file kept when a record was replaced. */
  backup?: string;
  /** Replaced (or would be) over a record stamped later: the copy's latest stamp and the record's. */
  older?: { copy: string; record: string };
  /** `not written`: why (the system's code, `EACCES`, `ENOSPC`). */
  error?: string;
  /** `refused`: the file at the new story's path is no record (it cannot be read as one). */
  occupied?: boolean;
  /** `refused`: the copy's first publication and the record's, when they differ (`before`: the copy's is the earlier). */
  firsts?: { copy: string; record: string; before: boolean };
}

export interface FileReport {
  file: string;
  /** A report on a directory named, not a file: a directory in it that could not be listed, or what it held that is not copy. */
  directory?: true;
  format?: ImportFormat;
  stories: StoryReport[];
  diagnostics: Diagnostic[];
  /** False when the file could not be imported (an error in the file, or a record refused). */
  ok: boolean;
}

/**
 * Imports each file named, and the copy in each directory named (`copyFiles`). The files are read and the
 * records written with synchronous calls, one file after another (copy and records are small: waiting on
 * the thread pool for each was half the time of a bulk import), giving the event loop a turn every so
 * many files.
 */
export async function importFiles(files: readonly string[], opts: ImportOptions): Promise<FileReport[]> {
  // (One per call: what the run would have written, for the rest of the run to read.)
  const dry: DryRun | undefined = opts.dryRun === true ? new DryRun() : undefined;
  try {
    return await importAll(files, opts, dry);
  } finally {
    dry?.dispose();
  }
}

async function importAll(files: readonly string[], opts: ImportOptions, dry: DryRun | undefined): Promise<FileReport[]> {
  const out = resolve(opts.cwd, opts.out ?? opts.config.articlesDir);
  // The ids the build will read (the articles directory, wherever --out puts new records), and those
  // under --out when it is elsewhere: a story is replaced where its record is, never given a second one.
  const articles = resolve(opts.cwd, opts.config.articlesDir);
  const ids = await existingIds(articles, opts.cwd);
  if (!within(out, articles)) for (const [id, path] of await existingIds(out, opts.cwd)) if (!ids.has(id)) ids.set(id, path);
  const reports: FileReport[] = [];
  let done = 0;
  // (Not the records, nor the feeds the build writes, in a directory named.)
  for (const item of copyFiles(files, opts.cwd, [articles, out, resolve(opts.cwd, opts.config.outDir)], opts.skip)) {
    if (++done % 64 === 0) await new Promise((r) => setImmediate(r));
    const report = item.kind === 'file' ? await importOne(item.path, opts, ids, out, dry) : directoryReport(item, opts.cwd);
    if (opts.onFile !== undefined) opts.onFile(report);
    else reports.push(report);
  }
  return reports;
}

/** What a directory named left out, or a directory in it that could not be listed, as a report of its own. */
function directoryReport(item: Exclude<CopyItem, { kind: 'file' }>, cwd: string): FileReport {
  const file = display(resolve(cwd, item.path), cwd);
  const d = item.kind === 'unlisted'
    ? diagnostic(Errors.ImportCopyUnlisted, { file }, item.code)
    : diagnostic(Errors.ImportLeftOut, { file }, item.left, item.examples.join(', '), item.found);
  return { file, directory: true, stories: [], diagnostics: [d], ok: item.kind !== 'unlisted' };
}

async function importOne(file: string, opts: ImportOptions, ids: Map<string, string>, out: string, dry: DryRun | undefined): Promise<FileReport> {
  const shown = display(resolve(opts.cwd, file), opts.cwd);
  const report: FileReport = { file: shown, stories: [], diagnostics: [], ok: true };
  const read = await readCopy(resolve(opts.cwd, file), shown, opts.format);
  report.diagnostics.push(...read.diagnostics);
  if (read.diagnostics.length > 0) report.ok = false;
  if (read.copies.length === 0) return report;
  report.format = read.copies[0]?.format;
  const result: ImportResult = { stories: [], diagnostics: [] };
  for (const copy of read.copies) {
    let one: ImportResult;
    try {
      one = IMPORTERS[copy.format](copy.text, { file: shown, timezone: opts.config.timezone });
    } catch (e) {
      // Markup nested thousands deep exhausts the readers' recursion: this file fails, the others are read.
      if (!(e instanceof RangeError)) throw e;
      report.diagnostics.push(diagnostic(Errors.ImportTooDeep, { file: shown }));
      report.ok = false;
      return report;
    }
    // (A message's lines said as the file's, and what opening it left out noted in each story.)
    const lines = copy.lines;
    result.diagnostics.push(...(lines === undefined ? one.diagnostics : one.diagnostics.map((d) => (d.line === undefined ? d : { ...d, line: lines[d.line - 1] ?? d.line }))));
    result.stories.push(...one.stories.map((s) => (copy.notes.length === 0 ? s : { ...s, notes: [...copy.notes, ...s.notes] })));
    if (one.withdrawn !== undefined) result.withdrawn = one.withdrawn;
  }
  report.diagnostics.push(...result.diagnostics);
  if (result.diagnostics.some((d) => d.severity === 'error')) report.ok = false;
  // A kill notice for a story already published here: name the record, and with --force take it down
  // (then the notice has done what it asks: no error for it).
  const killed = result.withdrawn === undefined ? undefined : ids.get(result.withdrawn.id);
  if (result.withdrawn !== undefined && killed !== undefined) {
    const where = display(killed, opts.cwd);
    const data = recordData(killed, where);
    const notice = (d: Diagnostic): boolean => d.code !== Errors.ImportNotPublished.code;
    if (data?.['draft'] === true) {
      report.diagnostics = report.diagnostics.filter(notice);
      report.diagnostics.push(diagnostic(Errors.ImportAlreadyDown, { file: shown }, result.withdrawn.id, where));
    } else if (opts.force && !opts.dryRun) {
      const done = takeDown(killed);
      if (done === 'unreadable') report.diagnostics.push(diagnostic(Errors.ImportTakeDownFailed, { file: shown }, result.withdrawn.id, where));
      else {
        report.diagnostics = report.diagnostics.filter(notice);
        report.diagnostics.push(diagnostic(Errors.ImportTakenDown, { file: shown }, result.withdrawn.id, where));
      }
    } else report.diagnostics.push(diagnostic(Errors.ImportWithdrawnLive, { file: shown }, result.withdrawn.id, where));
    report.ok = !report.diagnostics.some((d) => d.severity === 'error');
  }
  for (const imported of result.stories) {
    const story = keepNeighbourDayId(keepFormerId(imported, ids, opts.config.timezone, dry), ids, opts.config.timezone, dry);
    const entry = place(story, out, ids, opts, dry);
    report.stories.push(entry);
    if (entry.status === 'not written') {
      report.ok = false;
      report.diagnostics.push(diagnostic(Errors.ImportWriteFailed, { file: shown }, entry.path, entry.error ?? ''));
      continue;
    }
    if (entry.status === 'refused') {
      report.ok = false;
      // (In a dry run, a record an earlier copy of the run would write is said to be so: it "already exists"
      // only in the run it stands for. Review.)
      const known = ids.get(story.fields.id);
      const path = known !== undefined && dry?.has(known) === true ? `${entry.path} (as this dry run would write it from an earlier copy)` : entry.path;
      report.diagnostics.push(entry.occupied === true
        ? diagnostic(Errors.ImportPathTaken, { file: shown }, path)
        : entry.firsts?.before === true
          ? diagnostic(Errors.ImportPublishedBefore, { file: shown }, story.fields.id, path, entry.firsts.record, entry.firsts.copy)
          : entry.older !== undefined
            ? diagnostic(Errors.ImportRecordNewer, { file: shown }, story.fields.id, path, entry.older.record, entry.older.copy)
            : entry.firsts !== undefined
              ? diagnostic(Errors.ImportPublishedAfter, { file: shown }, story.fields.id, path, entry.firsts.record, entry.firsts.copy)
              : diagnostic(Errors.ImportRecordExists, { file: shown }, story.fields.id, path));
    }
    // (Said only when the copy's text did replace a later one's.)
    if (entry.older !== undefined && (entry.status === 'replaced' || entry.status === 'would replace')) report.diagnostics.push(diagnostic(Errors.ImportOlderEdition, { file: shown }, entry.path, entry.older.record, entry.older.copy));
    // The record as written (with what the desk had fixed in it), not the copy alone.
    if (entry.status !== 'earlier edition') report.diagnostics.push(...attention(entry.story, shown, opts.config));
  }
  return report;
}

/**
 * Runs the build's own validation on the record text, so an import never writes a record the build would
 * misread: what the build would refuse, and what it would warn about (a dateline date after the story's
 * first publication there), is said now, to the desk that has the copy at hand.
 */
function attention(story: ImportedStory, file: string, config: SiteConfig, now = Date.now()): Diagnostic[] {
  const read = readMarkdownRecord(recordText(story), `${story.fields.id}.md`, story.fields.id);
  const validated = read.record === undefined ? undefined : validateRecords([read.record], config);
  // (And a stamp ahead of the clock, which the build warns about: said now, as the others are.)
  const article = validated?.articles[0];
  const future = article === undefined ? [] : futureDates([{ file, published: article.published, updated: article.updated ?? article.published }], [], now, config.timezone);
  const problems = [...read.diagnostics, ...(validated?.diagnostics ?? []), ...future];
  return problems.map((d) =>
    diagnostic(d.severity === 'error' ? Errors.ImportNeedsAttention : Errors.ImportBuildWarning, { file }, `${d.field === undefined ? '' : `${d.field}: `}${d.message} (${d.code})`));
}

function place(imported: ImportedStory, out: string, ids: Map<string, string>, opts: ImportOptions, dry?: DryRun): StoryReport {
  const existing = ids.get(imported.fields.id);
  let target = existing ?? newPath(out, imported, opts.config.timezone);
  // A file at a new story's path is another story's record (every record's id is in `ids`), or no record
  // at all: never replaced, nor taken for this story's (QA: two wire ids alike in their first 80
  // characters shared one path, and --force put one story over the other).
  // (One that is no record, a file the desk broke, is not passed by: it is refused as before, since it may
  // be this story's, and a second record would give the id twice.)
  // What is at a path, read and parsed once: its text, and its fields when it is a record.
  const at = (path: string): { text: string | undefined; data: Record<string, unknown> | undefined } => {
    const text = dry?.get(path) ?? readOld(path);
    return { text, data: text === undefined ? undefined : parsedRecord(text, extname(path).toLowerCase() === '.json', display(path, opts.cwd))?.data };
  };
  let there = at(target);
  let occupied = false;
  if (existing === undefined && there.text !== undefined) {
    const id = there.data?.['id'];
    if (typeof id === 'string' && id.trim() !== imported.fields.id) {
      target = newPath(out, imported, opts.config.timezone, true);
      there = at(target);
    } else occupied = typeof id !== 'string';
  }
  const shown = display(target, opts.cwd);
  const old = there.text;
  // Over a record: its first publication, and what the desk added that the copy does not carry, are kept.
  const data = there.data;
  const story = data === undefined ? imported : asCorrection(imported, data, opts.config.timezone);
  // A record the desk keeps as JSON stays JSON (Markdown in a .json file is no record).
  const json = extname(target).toLowerCase() === '.json';
  const text = recordText(story, json);
  // (Copy that says it was first published before the record's date is no copy of the record, whatever the
  // rest says: the record keeps its own date, so the two read alike, and it was called unchanged.)
  const firsts = data === undefined ? undefined : firstPublications(imported, data, opts.config.timezone);
  if (firsts?.before !== true && (old === text || (old !== undefined && sameRecord(old, json, text, json)))) return { story, path: shown, status: 'unchanged' };
  // Over a record stamped later: an earlier edition (editions come in out of order, and an inbox imported
  // again holds them all). Kept out without --force; forced, said.
  const older = data === undefined ? undefined : olderEdition(imported, data, opts.config.timezone);
  if (old !== undefined && !opts.force) {
    const earlier = older !== undefined && data !== undefined && earlierEdition(imported, data, opts.config.timezone);
    return { story, path: shown, status: earlier ? 'earlier edition' : 'refused', ...(older === undefined ? {} : { older }), ...(firsts === undefined ? {} : { firsts }), ...(occupied ? { occupied } : {}) };
  }
  if (opts.dryRun) {
    // As the real run would: the next story of the run finds this one's record.
    ids.set(story.fields.id, target);
    dry?.set(target, text);
    return { story, path: shown, status: old === undefined ? 'would write' : 'would replace', ...(older === undefined ? {} : { older }) };
  }
  const entry: StoryReport = { story, path: shown, status: old === undefined ? 'written' : 'replaced', ...(older === undefined ? {} : { older }) };
  try {
    mkdirSync(dirname(target), { recursive: true });
    if (old !== undefined) {
      // (A copy: the record stays in place until the new one replaces it whole.)
      const backup = freeBackupName(target);
      copyFileSync(target, backup);
      entry.backup = display(backup, opts.cwd);
    }
    writeWhole(target, text);
  } catch (e) {
    // The records' directory cannot be written (no permission, a full disk, a read-only mount): this story
    // is not written, and said so; the others are tried.
    const code = systemCode(e);
    if (code === undefined) throw e;
    return { story, path: shown, status: 'not written', error: code };
  }
  ids.set(story.fields.id, target);
  return entry;
}
