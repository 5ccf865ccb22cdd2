/** Shared test helpers: read outputs back with independent parsers, and make throwaway sites. */
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { main } from '../src/index.js';
import { resolveConfig } from '../src/core/config.js';
import { validateRecords } from '../src/core/validate.js';
import { formatDiagnostic } from '../src/errors.js';
import { recordText } from '../src/importers/record.js';
import type { ImportedStory } from '../src/importers/types.js';
import { readMarkdownRecord } from '../src/sources/markdown.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Elements that may repeat are always arrays, so tests index them the same way whatever the count.
  isArray: (name, jpath) =>
    ['item', 'entry', 'category', 'dc:creator', 'dc:contributor', 'dl:contributor', 'author', 'contributor', 'atom:link'].includes(name) ||
    (name === 'link' && String(jpath).startsWith('feed.')),
});

/** Drops the whitespace-only text that indentation leaves beside child elements. */
function dropIndentation(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropIndentation);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '#text' && typeof x === 'string' && x.trim() === '' && Object.keys(v).length > 1) continue;
    out[k] = dropIndentation(x);
  }
  return out;
}

/** Asserts well-formedness with XMLValidator, then parses. */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  expect(valid, typeof valid === 'object' ? JSON.stringify(valid.err) : '').toBe(true);
  return dropIndentation(parser.parse(xml));
}

/** Text of an element that may carry attributes. */
export function text(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  return (node as Record<string, string>)['#text'];
}

export const SITE_CONFIG = {
  title: 'Test Desk',
  siteUrl: 'https://news.example.com/',
  feedBaseUrl: 'https://news.example.com/feeds/',
  description: 'Test feeds',
  language: 'en',
  idPrefix: 'tag:news.example.com,2025:',
  timezone: 'Asia/Shanghai',
  datelineStyle: { default: 'xinhua', zh: 'xinhua-zh' },
};

/** Creates a site in a fresh temporary directory: `files` maps relative paths to contents. */
export async function makeSite(files: Record<string, string | Uint8Array>, config: object = SITE_CONFIG): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-test-'));
  await writeFile(join(dir, 'dateline.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await mkdir(join(dir, 'articles'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A minimal valid Markdown record; `extra` lines are appended to the front matter. */
export function record(id: string, extra = '', body = 'Body text.'): string {
  return `---\nid: ${id}\ntitle: Title of ${id}\ndate: 2025-02-05 09:24\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}---\n${body}\n`;
}

/** Small deterministic PRNG (mulberry32), so a failure names its seed and replays. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the `dateline` command in-process (`main`) with an io that collects what it prints. */
export async function runCli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** The bytes (base64) of every file in a directory (recursively), by relative path: trees compared without their times. */
export async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })) as string[]) {
    const bytes = await readFile(join(dir, name)).catch(() => undefined);
    if (bytes !== undefined) out.set(name, bytes.toString('base64'));
  }
  return out;
}

/** Bytes and mtimes of every file in a directory (recursively), by relative path. */
export async function snapshotDir(dir: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number; ino: number }>> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number; ino: number }>();
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name);
    const s = await stat(path).catch(() => undefined); // (a link to nothing yet is no file)
    if (s?.isFile() === true) out.set(name, { bytes: await readFile(path), mtimeMs: s.mtimeMs, ino: s.ino });
  }
  return out;
}

/** An imported story's record as the build reads it, on the test site (SITE_CONFIG): no problem at all, not even a warning. */
export function expectImportAccepted(story: ImportedStory): void {
  const config = resolveConfig(SITE_CONFIG, 'cfg', () => 1).config!;
  const read = readMarkdownRecord(recordText(story), 'x.md', 'x');
  expect(read.diagnostics).toEqual([]);
  expect(validateRecords([read.record!], config).diagnostics.map(formatDiagnostic)).toEqual([]);
}

/**
 * An importer's result holding one story, checked whole: its diagnostics as lines (`lines`), its record's text
 * against the hand-checked golden `expected`, its notes, and the record as the build reads it.
 */
export function expectOneWholeRecord(result: { lines: string[]; stories: ImportedStory[] }, expected: string, notes: string[], lines: string[] = []): void {
  expect(result.lines).toEqual(lines);
  expect(result.stories).toHaveLength(1);
  const story = result.stories[0]!;
  expect(recordText(story)).toBe(expected);
  expect(story.notes).toEqual(notes);
  expectImportAccepted(story);
}
