/**
 * The record files an import finds and writes: the records already under the articles directory by id,
 * a record's fields as the build reads them, where a new record goes, and writing one whole or not at
 * all (with a backup of the one it replaces, or takes down).
 */
import { copyFileSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { DatelineError, diagnostic, Errors, failureReason } from '../errors.js';
import { readJsonRecord } from '../sources/json.js';
import { display, listRecordFiles, readRecordText } from '../sources/index.js';
import { readMarkdownRecord } from '../sources/markdown.js';
import { siteDay, slug } from './record.js';
import type { ImportedStory } from './types.js';
import type { DryRun } from './_dry-run.js';

/**
 * Existing records under `dir` by id, so an import finds the record it would replace wherever it lives.
 * A directory that cannot be listed (but one that does not exist yet) stops the import: a story whose
 * record is in it would be given a second record, with the same id, which the build refuses.
 */
export async function existingIds(dir: string, cwd: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  // The records the build would read, listed and read as it lists and reads them (a pipe or a huge file is not read).
  const unlisted: { name: string; code: string }[] = [];
  let names: string[] = [];
  try {
    names = await listRecordFiles(dir, true, unlisted);
  } catch (e) {
    const code = failureReason(e);
    if (code === 'ENOENT') return ids;
    unlisted.push({ name: '', code });
  }
  if (unlisted.length > 0) {
    throw new DatelineError(unlisted.map((u) => diagnostic(Errors.ImportDirUnreadable, { file: display(u.name === '' ? dir : join(dir, u.name), cwd) }, u.code)));
  }
  for (const name of names) {
    const path = join(dir, name);
    const id = recordData(path, display(path, cwd))?.['id'];
    if (typeof id === 'string' && !ids.has(id.trim())) ids.set(id.trim(), path);
  }
  return ids;
}

/** A record file's fields (or, in a dry run, those it would have written), read and parsed as the build does; undefined when it cannot be read or parsed. */
export function recordData(path: string, shown: string, dry?: DryRun): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = dry?.get(path) ?? readRecordText(path);
  } catch {
    return undefined;
  }
  return parsedRecord(text, extname(path).toLowerCase() === '.json', shown)?.data;
}

export function parsedRecord(text: string, json: boolean, shown: string): { data: Record<string, unknown>; body: string | undefined } | undefined {
  const r = json ? readJsonRecord(text, shown, '') : readMarkdownRecord(text, shown, '');
  const data = r.record?.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  // (A JSON record's Markdown is its `body` field: compared, like a Markdown record's body, without the edges' whitespace.)
  const fields = data as Record<string, unknown>;
  return { data: typeof fields['body'] === 'string' ? { ...fields, body: fields['body'].trim() } : fields, body: r.record?.body?.trim() };
}

/** The same record, whatever the order of its keys or its YAML style: the desk may have tidied it. */
export function sameRecord(old: string, oldIsJson: boolean, text: string, textIsJson: boolean): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
  const a = parsedRecord(old, oldIsJson, '');
  const b = parsedRecord(text, textIsJson, '');
  return a !== undefined && b !== undefined && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function freeBackupName(path: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${path}.bak` : `${path}.bak.${n}`;
    if (lstatSync(candidate, { throwIfNoEntry: false }) === undefined) return candidate;
  }
}

/**
 * Where a new record goes: `<out>/<year>/<month>/<slug of id>.md`, the month of its first publication in
 * the site's zone, as its id's day and its archive are (QA: a stamp of Jan. 31, 11:24 p.m. in New York,
 * Feb. 1 in Beijing, went to `2025/01` on a Beijing site). A slug can be the same for two ids (it is cut at
 * 80 characters, and keeps only letters and digits): with `distinct`, a hash of the whole id follows it,
 * for a story whose slug's file is another story's record.
 */
export function newPath(out: string, story: ImportedStory, zone: string, distinct = false): string {
  const date = siteDay(story.fields.date, zone);
  const base = slug(story.fields.id, 80) || 'story';
  const name = distinct ? `${base}-${createHash('sha256').update(story.fields.id).digest('hex').slice(0, 8)}` : base;
  return join(out, date.slice(0, 4), date.slice(5, 7), `${name}.md`);
}

/**
 * Sets `draft: true` in a record, touching nothing else: the line is put at the end of the front matter
 * (or `draft: false` becomes it), so comments, the YAML's style and the body stay byte for byte; a JSON
 * record gets the key. The old file is kept as a backup. `already` when it was a draft; `unreadable`
 * when it is no record this can edit.
 */
export function takeDown(path: string): 'done' | 'already' | 'unreadable' {
  const json = extname(path).toLowerCase() === '.json';
  let text: string;
  try {
    text = readRecordText(path);
  } catch {
    return 'unreadable';
  }
  const parsed = parsedRecord(text, json, path);
  if (parsed === undefined) return 'unreadable';
  if (parsed.data['draft'] === true) return 'already';
  let out: string | undefined;
  if (json) {
    // The record as written (its body untrimmed), with the key.
    try {
      out = `${JSON.stringify({ ...(JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>), draft: true }, null, 2)}\n`;
    } catch {
      return 'unreadable';
    }
  } else {
    const m = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n)((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/.exec(text);
    if (m !== null) {
      const [, open = '', front = '', nl = '\n', close = ''] = m;
      // A top-level `draft` key however written (`draft: false # ok`, `"draft" : no`) becomes `draft: true`.
      const draft = /^(["']?)draft\1[ \t]*:[^\r\n]*$/m;
      const next = draft.test(front) ? front.replace(draft, 'draft: true') : `${front}${nl}draft: true`;
      out = `${open}${next}${nl}${close}${text.slice(m[0].length)}`;
    }
  }
  if (out === undefined || parsedRecord(out, json, path)?.data['draft'] !== true) return 'unreadable';
  copyFileSync(path, freeBackupName(path));
  writeWhole(path, out);
  return 'done';
}

/**
 * Writes a record whole or not at all: into a hidden file beside it (never read as a record), then renamed
 * over it. Stopped midway (Ctrl-C, a full disk), an import leaves the record as it was, never half written,
 * and the path never stands empty while a build reads the articles.
 */
export function writeWhole(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** What is at a record's path, if anything can be read there. */
export function readOld(target: string): string | undefined {
  try {
    return readRecordText(target);
  } catch {
    return undefined;
  }
}
