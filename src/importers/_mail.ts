/**
 * Copy a desk saved from e-mail (pasted from a mail client, or a message's text): a block of header lines
 * (From, Date or Sent, Subject, To, Cc) over the story. Opened into the page the text importer reads: the
 * subject is the headline (without the `Fwd:` or `Re:` a forward or a reply put before it), the date the
 * stamp (when the message was sent, as a page's stamp is the version's time), the other header lines
 * noted. A forwarded message's own header at the head of the body is the one read (the agency's message),
 * the outer one noted; a signature under `-- ` is left out, noted. Lines of diagnostics are the copy's own.
 */
import { diagnostic, Errors } from '../errors.js';
import { importOpened, KILL_HEADLINE } from './_terminal.js';
import { WITHDRAWN } from './_story.js';
import { q } from './_text-problems.js';
import type { Diagnostic } from '../types.js';
import type { ImportContext, ImportResult, Importer } from './types.js';

/** A header line a mail client shows or a message holds. */
const HEADER = /^(?<name>From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Sender)\s*:\s*(?<value>.*)$/iu;
/** The line a mail client puts over a forwarded message's header (Gmail's, Outlook's, Apple Mail's). */
const FORWARDED = /^(?:-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}|Begin forwarded message:)$/iu;
/** What a forward or a reply puts before a subject, in English and as German and French clients write it. */
const PREFIXES = /^(?:(?:Fwd?|FW|Re|AW|WG|TR)\s*:\s*)+/iu;
/** A signature's separator: `-- ` on a line of its own (two dashes and a space, as mail writes it; some clients drop the space). */
const SIGNATURE = /^-- ?$/u;
/** A zone's name in brackets after a numeric offset (`+0800 (CST)`): a comment, the offset says the instant. */
const ZONE_COMMENT = /(?<=[+-]\d{4})\s*\([A-Za-z]{2,5}\)$/u;

interface Block {
  /** Each header line's name (lower case), value and line (1-based). */
  fields: { name: string; value: string; n: number }[];
  /** The index of the first line after the block. */
  end: number;
}

/** The block of header lines from `start` (past blank lines), when it has a subject and a sender or a date. */
function headerBlock(lines: readonly string[], start: number): Block | undefined {
  let i = start;
  while (i < lines.length && lines[i]?.trim() === '') i++;
  const fields: Block['fields'] = [];
  for (; i < lines.length && fields.length < 40; i++) {
    const m = HEADER.exec(lines[i]?.trim() ?? '')?.groups;
    if (m === undefined) break;
    fields.push({ name: (m['name'] ?? '').toLowerCase(), value: (m['value'] ?? '').trim(), n: i + 1 });
  }
  const has = (...names: string[]): boolean => fields.some((f) => names.includes(f.name));
  return has('subject') && has('from', 'date', 'sent') ? { fields, end: i } : undefined;
}

/** Copy that opens with a mail header block (a subject, and a sender or a date). */
export const isMailCopy = (text: string): boolean => headerBlock(text.split(/\r\n|\r|\n/u, 80), 0) !== undefined;

/** The copy opened into a page, with the copy's line of each of its lines, and the notes. */
function open(text: string): { lines: string[]; from: number[]; notes: string[]; killed?: { text: string; n: number }; undated?: number } | undefined {
  const all = text.split(/\r\n|\r|\n/u);
  const outer = headerBlock(all, 0);
  if (outer === undefined) return undefined;
  const notes: string[] = [];
  let header = outer;
  // A forwarded message: its own header, the agency's, after the line over it.
  let k = outer.end;
  while (k < all.length && all[k]?.trim() === '') k++;
  const inner = FORWARDED.test(all[k]?.trim() ?? '') ? headerBlock(all, k + 1) : undefined;
  if (inner !== undefined) {
    for (const f of outer.fields) notes.push(`the forwarding e-mail's header left out: ${q(`${all[f.n - 1]?.trim()}`)}`);
    notes.push(`the forwarded message's header read: ${q(all[k]?.trim() ?? '')}`);
    header = inner;
  }
  const lines: string[] = [];
  const from: number[] = [];
  const put = (line: string, n: number): void => {
    lines.push(line);
    from.push(n);
  };
  const subject = header.fields.find((f) => f.name === 'subject');
  const date = header.fields.find((f) => f.name === 'date') ?? header.fields.find((f) => f.name === 'sent');
  if (subject !== undefined) {
    const title = subject.value.replace(PREFIXES, '');
    // An agency's kill or withdrawal notice (`Subject: KILL: …`): no story to publish.
    if (KILL_HEADLINE.test(title)) return { lines: [], from: [], notes, killed: { text: subject.value, n: subject.n } };
    if (title !== subject.value) notes.push(`the e-mail's subject read as the headline, without ${q(subject.value.slice(0, subject.value.length - title.length).trim())}`);
    put(title, subject.n);
  }
  if (date !== undefined) {
    const value = date.value.replace(ZONE_COMMENT, '');
    put(`Date: ${value}`, date.n);
    notes.push(`the e-mail's ${date.name === 'sent' ? '"Sent"' : 'date'} read as the stamp: when the message was sent`);
  }
  for (const f of header.fields) {
    if (f !== subject && f !== date) notes.push(`the e-mail's header left out: ${q(all[f.n - 1]?.trim() ?? '')}`);
  }
  put('', header.end);
  for (let i = header.end; i < all.length; i++) {
    const line = all[i] ?? '';
    if (SIGNATURE.test(line)) {
      const left = all.slice(i + 1).filter((l) => l.trim() !== '');
      notes.push(`the e-mail's signature left out${left.length > 0 ? `: ${left.slice(0, 3).map(q).join(', ')}${left.length > 3 ? ', …' : ''}` : ''}`);
      break;
    }
    put(line, i + 1);
  }
  return { lines, from, notes, ...(date === undefined ? { undated: header.fields[0]?.n ?? 1 } : {}) };
}

const NO_DATE_FIELD = 'the e-mail has no "Date:" field, and its text no "Published:" or "Updated:" stamp; add the time it was sent to its header (such as "Date: Wed, 5 Feb 2025 09:24:00 +0800"), or a stamp to its text';

/** The text importer, for copy saved from e-mail: opened into a page first; other text as it is. */
export function mailImporter(importText: Importer): Importer {
  return (input: string, ctx: ImportContext): ImportResult => {
    const opened = isMailCopy(input) ? open(input) : undefined;
    if (opened === undefined) return importText(input, ctx);
    if (opened.killed !== undefined) {
      return { stories: [], diagnostics: [diagnostic(Errors.ImportNotPublished, { file: ctx.file, line: opened.killed.n }, `killed or withdrawn (${q(opened.killed.text)})`, WITHDRAWN['canceled'] ?? '')] };
    }
    const read = importOpened(importText, opened, ctx);
    const { undated } = opened;
    if (undated === undefined) return read;
    // A message with no date whose text has no stamp either: said in a message's words, at its header (the page's
    // advice, a "Published:" stamp, was no help to a desk holding an e-mail).
    const noStamp = (d: Diagnostic): boolean => d.code === Errors.ImportNoDate.code && d.line === undefined;
    return { ...read, diagnostics: read.diagnostics.map((d) => (noStamp(d) ? diagnostic(Errors.ImportNoDate, { file: ctx.file, line: undated }, NO_DATE_FIELD, true) : d)) };
  };
}
