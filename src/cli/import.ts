/** `dateline import`: argument parsing and the report a desk reads. Printing goes through the injected io. */
import { resolve } from 'node:path';
import { overlaps } from '../apart.js';
import { parseDeskTime } from '../core/_dates.js';
import { DatelineError, Errors, printable } from '../errors.js';
import { importFiles, type FileReport, type StoryReport } from '../importers/index.js';
import { IMPORT_FORMATS, type ImportFormat } from '../importers/types.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../sources/index.js';
import { countDiagnostics, parseCommand, plural, report, type CliIO } from './_report.js';
import type { Diagnostic } from '../types.js';
import { grouped } from '../core/_numbers.js';

export async function importCommand(args: readonly string[], io: CliIO, usage: string): Promise<number> {
  const parsed = parseCommand(io, usage, {
    args: [...args],
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals: files } = parsed;
  if (values.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(values.format)) {
    io.stderr(`Unknown format "${values.format}": use text, nitf, newsml, ninjs or feed.\n\n${usage}`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`Name at least one file to import.\n\n${usage}`);
    return 2;
  }
  let config;
  try {
    config = await loadConfig(values.config ?? DEFAULT_CONFIG_FILE, io.cwd, { apart: false });
  } catch (e) {
    if (e instanceof DatelineError) {
      report(io, e.diagnostics);
      return 1;
    }
    throw e;
  }
  // `--out` where the build never reads records: the build's output directory (records would be served),
  // or a directory holding the articles (`--out .`: records beside them, not among them). Elsewhere outside
  // the articles directory, a staging directory, it is said that the build does not read it.
  if (values.out !== undefined) {
    const out = resolve(io.cwd, values.out);
    const [articles, dist] = [resolve(io.cwd, config.articlesDir), resolve(io.cwd, config.outDir)];
    const why = overlaps(out, dist)
      ? `it is in the build's output directory (${config.outDir}): records there would be served, not built`
      : out !== articles && overlaps(articles, out)
        ? `it holds the articles directory (${config.articlesDir}): records written there are not read by the build; name a directory inside it, such as ${config.articlesDir}/wire`
        : overlaps(dist, out)
          ? `it holds the build's output directory (${config.outDir})`
          : undefined;
    if (why !== undefined) {
      io.stderr(`--out ${values.out}: ${why}.\n\n${usage}`);
      return 2;
    }
    if (!overlaps(out, articles)) io.stderr(`Note: --out ${values.out} is outside the articles directory (${config.articlesDir}): the build does not read the records written there until they are moved into it.\n`);
  }
  // Each file is described as it is done, its problems with it; the count of them all comes last. (A
  // bulk import of a directory keeps no report once it is printed.)
  const all: Diagnostic[] = [];
  let [failed, unlisted, stories, read] = [0, 0, 0, 0];
  const statuses = new Map<string, number>();
  // A dry run stopped by Ctrl-C, SIGTERM or a closed terminal exits through Node's exit event, which
  // removes its temporary files (_dry-run.ts): killed by the signal's default, it left them (review). (The
  // signal is taken at the next turn of the event loop, every 64 files.)
  const stop = io.signals === true && values['dry-run'] === true ? exitOnSignals() : undefined;
  try {
    await importFiles(files, {
      config,
      cwd: io.cwd,
      ...(values.out === undefined ? {} : { out: values.out }),
      ...(values.format === undefined ? {} : { format: values.format as ImportFormat }),
      dryRun: values['dry-run'] === true,
      force: values.force === true,
      skip: [values.config ?? DEFAULT_CONFIG_FILE],
      onFile: (r) => {
        // (A directory named: only what it left out, or a directory in it that could not be listed.)
        // (The copy's text, in titles and notes, may hold controls a terminal acts on: escaped.)
        if (r.directory !== true) io.stdout(printable(describeFile(r, config.timezone)));
        report(io, r.diagnostics, false);
        // (Kept for the count only: by severity and file.)
        for (const d of r.diagnostics) all.push({ code: d.code, severity: d.severity, message: '', ...(d.file === undefined ? {} : { file: d.file }) });
        if (r.directory === true) {
          if (!r.ok) unlisted += 1;
          return;
        }
        if (!r.ok) failed += 1;
        stories += r.stories.length;
        if (!unread(r)) read += 1;
        for (const st of r.stories) statuses.set(st.status, (statuses.get(st.status) ?? 0) + 1);
      },
    });
  } catch (e) {
    if (!(e instanceof DatelineError)) throw e;
    report(io, e.diagnostics);
    return 1;
  } finally {
    stop?.();
  }
  countDiagnostics(io, all);
  // What became of the stories, by how many (`1,200 written, 3 unchanged, 2 earlier editions`).
  const ORDER = ['written', 'would write', 'replaced', 'would replace', 'unchanged', 'earlier edition', 'refused', 'not written'];
  const tally = ORDER.filter((k) => (statuses.get(k) ?? 0) > 0).map((k) => {
    const n = statuses.get(k) ?? 0;
    return k === 'earlier edition' ? plural(n, 'earlier edition') : `${grouped(n)} ${k}`;
  });
  io.stdout(
    `${plural(read, 'file')} read, ${plural(stories, 'story')} found${tally.length > 0 ? ` (${tally.join(', ')})` : ''}` +
      `${values['dry-run'] === true ? ' (dry run: nothing written)' : ''}` +
      `${failed > 0 ? `; ${plural(failed, 'file')} could not be imported` : ''}` +
      `${unlisted > 0 ? `; ${plural(unlisted, 'directory')} could not be listed` : ''}.\n`,
  );
  return failed + unlisted > 0 ? 1 : 0;
}

/** A file that could not be read at all (missing, a directory, no permission). */
const unread = (r: FileReport): boolean => r.diagnostics.some((d) => d.code === Errors.FileUnreadable.code);

function describeFile(r: FileReport, timezone: string): string {
  if (unread(r)) return `${r.file}: not read\n`;
  const head = `${r.file}${r.format === undefined ? '' : ` (${r.format})`}: ${plural(r.stories.length, 'story')}\n`;
  return head + r.stories.map((s) => describeStory(s, timezone)).join('');
}

/** What the importer understood of one story, so the desk can check it before building. */
function describeStory(s: StoryReport, timezone: string): string {
  const f = s.story.fields;
  const lines: [string, string][] = [
    ['id', f.id],
    ['title', f.title],
    ['date', when(f.date, timezone)],
  ];
  if (f.updated !== undefined) lines.push(['updated', when(f.updated, timezone)]);
  if (f.section !== undefined) lines.push(['section', f.section]);
  if (f.dateline !== undefined) {
    const d = f.dateline;
    const place = [d.city, d.country].filter(Boolean).join(', ');
    lines.push(['dateline', `${place} (${d.timezone ?? 'zone unknown'})${d.date === undefined ? '' : `, local date ${d.date}`}`]);
  }
  const credits: string[] = [];
  if (f.authors !== undefined) credits.push(`by ${f.authors.map((a) => (typeof a === 'string' ? a : a.name)).join(', ')}`);
  if (f.agency !== undefined) credits.push(`agency ${f.agency.via === undefined ? f.agency.name : `${f.agency.via} via ${f.agency.name}`}`);
  if (f.contributors !== undefined) {
    credits.push(`contributors ${f.contributors.map((c) => `${c.name}${c.location ? ` (${c.location})` : ''}${c.role ? ` [${c.role}]` : ''}`).join(', ')}`);
  }
  if (f.image?.credit !== undefined) credits.push(`photo ${f.image.credit}`);
  if (credits.length > 0) lines.push(['credits', credits.join('; ')]);
  for (const n of s.story.notes) lines.push(['note', n]);
  const status = s.status === 'earlier edition' && s.older !== undefined
    ? `not imported: an earlier edition (stamped ${s.older.copy}) of the record, which is stamped ${s.older.record} (if that stamp is the desk's own \`updated\` and this is a correction it lacks, --force puts this text over the record)`
    : `${s.status}${s.backup === undefined ? '' : ` (old file kept as ${s.backup})`}`;
  return `  ${s.path}  ${status}\n${lines.map(([k, v]) => `    ${k.padEnd(9)} ${v}\n`).join('')}`;
}

/** A desk time with its zone and the instant it names: `2025-02-05 09:24 Asia/Shanghai (2025-02-05T01:24:00Z)`. */
function when(value: string, timezone: string): string {
  const t = parseDeskTime(value, timezone);
  const zone = /([+-]\d{2}:?\d{2}|Z)$/.test(value) ? '' : ` ${timezone}`;
  return t.ok ? `${value}${zone} (${t.instant.toISOString().replace('.000Z', 'Z')})` : `${value}${zone}`;
}

/** Exits with the signal's code (129, 130, 143) on SIGHUP, SIGINT or SIGTERM, running the exit hooks; what it returns undoes that. */
function exitOnSignals(): () => void {
  const codes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
  const handlers = Object.entries(codes).map(([signal, code]) => [signal, (): never => process.exit(code)] as const);
  for (const [signal, handler] of handlers) process.once(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
