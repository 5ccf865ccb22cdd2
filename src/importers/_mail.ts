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
import { SIGN_OFF } from './_end-mark.js';
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
/** A field a wire labels at the head of its copy (AAP's e-mail: `Headline: …`, `Abstract: …`). */
const LABELLED = /^(?<label>Headline|Head|Abstract|Summary|Standfirst)\s*:\s*(?<value>\S.*)$/iu;
/** How many lines the head of an e-mail's copy, over its byline or its story, may have. */
const HEAD_LINES = 12;

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
  const labelled = labelledHead(all, header.end);
  const subject = header.fields.find((f) => f.name === 'subject');
  const date = header.fields.find((f) => f.name === 'date') ?? header.fields.find((f) => f.name === 'sent');
  if (labelled !== undefined) {
    // The copy's own headline over the subject, which a desk's mail may give another (real copy: AAP's story under a
    // subject of another), and its summary as the sentence under it, which the text importer takes for the summary.
    if (subject !== undefined) notes.push(`the e-mail's subject not used: the copy's "Headline:" line is the headline (the subject was ${q(subject.value)})`);
    put(labelled.headline.text, labelled.headline.n);
    if (labelled.summary !== undefined) put(labelled.summary.text, labelled.summary.n);
    notes.push(...labelled.notes);
  } else if (subject !== undefined) {
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
  for (let i = labelled?.end ?? header.end; i < all.length; i++) {
    const line = all[i] ?? '';
    // A wire's sign-off ends its copy (AAP's `AAP be/`): what follows is the sender's (a signature with no `-- `,
    // a notice of confidentiality), left out, noted. (The sign-off itself is the text importer's to note.)
    if (SIGN_OFF.test(line.trim()) && /^\p{Lu}/u.test(line.trim())) {
      put(line, i + 1);
      const left = all.slice(i + 1).filter((l) => l.trim() !== '');
      if (left.length > 0) notes.push(`the e-mail's lines after the wire's sign-off left out, as the sender's: ${left.slice(0, 3).map(q).join(', ')}${left.length > 3 ? ', …' : ''}`);
      break;
    }
    if (SIGNATURE.test(line)) {
      const left = all.slice(i + 1).filter((l) => l.trim() !== '');
      notes.push(`the e-mail's signature left out${left.length > 0 ? `: ${left.slice(0, 3).map(q).join(', ')}${left.length > 3 ? ', …' : ''}` : ''}`);
      break;
    }
    put(line, i + 1);
  }
  return { lines, from, notes, ...(date === undefined ? { undated: header.fields[0]?.n ?? 1 } : {}) };
}

/**
 * The head of an e-mail's copy when it labels its headline (`Headline: …`), as AAP's service sends its
 * stories: that headline, the summary it labels (`Abstract:`), the other lines of the head (its codes and
 * keyword, `SDA`, `Gol PGA`) left out, noted, and where the story starts (its byline or its first paragraph).
 * A value may go on over lines until a blank one. Undefined for copy with no such label.
 */
function labelledHead(all: readonly string[], start: number): { headline: { text: string; n: number }; summary?: { text: string; n: number }; notes: string[]; end: number } | undefined {
  let headline: { text: string; n: number } | undefined;
  let summary: { text: string; n: number } | undefined;
  const codes: string[] = [];
  let i = start;
  for (let seen = 0; i < all.length && seen < HEAD_LINES; i++) {
    const line = (all[i] ?? '').trim();
    if (line === '') continue;
    seen += 1;
    // The byline, or a line of the story (longer than a head's codes), starts the story.
    if (/^By\s/u.test(line) || (line.split(/\s+/u).length > 6 && !LABELLED.test(line))) break;
    const m = LABELLED.exec(line)?.groups;
    if (m === undefined) {
      codes.push(line);
      continue;
    }
    let value = m['value'] ?? '';
    const n = i + 1;
    while (i + 1 < all.length && (all[i + 1] ?? '').trim() !== '' && !LABELLED.test((all[i + 1] ?? '').trim())) value += ` ${(all[++i] ?? '').trim()}`;
    if (/^head/iu.test(m['label'] ?? '')) headline ??= { text: value, n };
    else summary ??= { text: value, n };
  }
  if (headline === undefined) return undefined;
  const notes = codes.length === 0 ? [] : [`the copy's lines over its story, not its headline or summary, left out (its codes and keyword): ${codes.map(q).join(', ')}`];
  return { headline, ...(summary === undefined ? {} : { summary }), notes, end: i };
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
