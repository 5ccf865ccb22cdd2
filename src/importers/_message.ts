/**
 * A saved e-mail message (`.eml`: RFC 5322 with MIME, as a mail client saves a message a wire service sent).
 * Its text may be quoted-printable or base64, in any charset, its subject in encoded words
 * (`=?UTF-8?Q?…?=`), its story in an HTML part alone, or in a message forwarded as an attachment: read as it
 * is, the headline was `Subject: =?UTF-8?Q?…` and the story held `=E2=80=94` and lines cut at `=`. postal-mime
 * decodes it; each message is then opened into the copy the mail reader takes (`_mail.ts`): `From`, `Date`
 * and `Subject` lines over the text, with the file's line of each of its lines.
 */
import PostalMime, { type Attachment, type Email } from 'postal-mime';
import { collectBlocks, plainText, type Block } from './_blocks.js';
import { squash, textOf, type El } from './_tree.js';
import { fieldOf, headerAt, leafParts, parameter, textLines, textPart, type Leaf } from './_message-lines.js';
import { parseHtml } from './_html.js';
import { q } from './_text-problems.js';
import { c1AsWindows1252, WINDOWS_1252_BYTES } from './_windows-1252.js';

/** One message, opened into copy the mail reader takes. */
export interface OpenedMessage {
  kind: 'message';
  /** `From`, `Date` and `Subject` lines, a blank line, the message's text. */
  text: string;
  /** The file's line (1-based) of each of `text`'s lines. */
  lines: number[];
  /** What was left out or read otherwise than as text, for the report. */
  notes: string[];
}

/** A file of copy sent as an attachment (a story's text, NITF or ninjs), to be read as a file of its own. */
export interface AttachedCopy {
  kind: 'attachment';
  name: string;
  bytes: Uint8Array;
  /** The file's line (1-based) of the attachment's part. */
  line: number;
  notes: string[];
}

export type Opened = OpenedMessage | AttachedCopy;

/** Header fields a pasted message never shows: a message's transport and MIME structure. */
const TRANSPORT = new Set(['mime-version', 'content-type', 'content-transfer-encoding', 'received', 'message-id', 'return-path', 'delivered-to', 'dkim-signature', 'x-mailer', 'user-agent', 'x-received', 'authentication-results', 'arc-seal', 'thread-index', 'x-originating-ip']);
/** How much of a file the test below reads: a message's header, with its delivery trail, is a few kilobytes. */
const HEAD_BYTES = 256 * 1024;
/** Forwarded messages are opened this deep, no deeper (a forward of a forward of …). */
const MAX_FORWARDS = 10;

/** An attachment's type or name that says it is copy (its format is detected from its content). */
const COPY_TYPE = /^(?:text\/plain|text\/xml|application\/(?:[\w.+-]+\+)?(?:xml|json))$/u;
const COPY_NAME = /\.(?:txt|text|xml|nitf|json|ninjs)$/iu;

/** An mbox file's separator line over a message (`From desk@example.com Wed Feb  5 01:24:00 2025`), which some clients save with it. */
const MBOX_FROM = /^From \S+/u;

/** The bytes as text, a character a byte (Latin-1): the lines of a message are found, and its bytes cut, by the same offsets. */
const latin1 = (bytes: Uint8Array, limit = bytes.length): string => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).toString('latin1');

/** The lines of spaces (or none) a file opens with: how many, and their bytes. */
function leadingBlank(bytes: Uint8Array): { lines: number; bytes: number } {
  const m = /^(?:[ \t]*\r?\n)+/u.exec(latin1(bytes, 4096));
  return m === null ? { lines: 0, bytes: 0 } : { lines: (m[0].match(/\n/gu) ?? []).length, bytes: m[0].length };
}

/**
 * Whether a file is a saved message: it opens with a header block (past an mbox separator line) that has a
 * subject, a sender or a date, and a field of a message's transport or MIME structure, which copy pasted
 * from a mail client (`_mail.ts`) does not show.
 */
export function isMessage(given: Uint8Array): boolean {
  const bytes = given.subarray(leadingBlank(given).bytes);
  // (Only the header block is read: up to its blank line, looked for in the bytes.)
  const head0 = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(HEAD_BYTES, bytes.length));
  const blank = [head0.indexOf('\n\n'), head0.indexOf('\n\r\n')].filter((i) => i >= 0);
  if (blank.length === 0) return false;
  const lines = latin1(bytes, Math.min(...blank) + 3).split(/\r?\n/u);
  const head = headerAt(lines, MBOX_FROM.test(lines[0] ?? '') ? 1 : 0);
  if (head === undefined || head.body >= lines.length) return false;
  const names = new Set(head.fields.map((f) => f.name));
  return names.has('subject') && (names.has('from') || names.has('date')) && [...names].some((n) => TRANSPORT.has(n));
}

/**
 * The stories of a saved message, or of each message of an mbox file (a mail client's folder, as Thunderbird
 * keeps one: messages each under a `From ` line; a body's own line opening `From ` written `>From `). Rejects
 * when a message cannot be parsed.
 */
export async function openMessage(given: Uint8Array): Promise<Opened[]> {
  // (Lines of spaces before the headers, as a message saved from another system may open: real ones were read as a
  // page, their headers the headline. Past them, each line of the message is the file's line but for them.)
  const blank = leadingBlank(given);
  if (blank.lines > 0) {
    return (await openMessage(given.subarray(blank.bytes))).map((m) => (m.kind === 'message' ? { ...m, lines: m.lines.map((n) => n + blank.lines) } : { ...m, line: m.line + blank.lines }));
  }
  const bytes = given;
  // (Only the first line tells an mbox file: a message alone is not read whole here too.)
  if (!MBOX_FROM.test(latin1(bytes, 80))) return openOne(bytes, 0);
  const text = latin1(bytes);
  // Each message from the line after its `From ` line (one at the file's start, or after a blank line).
  const starts = [0];
  for (const m of text.matchAll(/\r?\n\r?\nFrom \S/gu)) starts.push(m.index + m[0].length - 6);
  const opened: Opened[] = [];
  let line = 0;
  let from = 0;
  for (const [k, start] of starts.entries()) {
    line += (text.slice(from, start).match(/\n/gu) ?? []).length;
    from = start;
    const end = starts[k + 1] ?? text.length;
    const head = text.indexOf('\n', start) + 1;
    const message = text.slice(head, end).replace(/^>(>*From )/gmu, '$1');
    // (The file's line of each of the message's: past its `From ` line and the messages before it.)
    const shift = line + 1;
    for (const m of await openOne(Buffer.from(message, 'latin1'), 0)) {
      opened.push(m.kind === 'message' ? { ...m, lines: m.lines.map((n) => n + shift) } : { ...m, line: m.line + shift });
    }
  }
  return opened;
}

/**
 * One message's stories: the message itself; or, when it forwards messages as attachments or attaches files
 * of copy, each of those (the agency's; the sending message's text is left out, noted).
 */
async function openOne(bytes: Uint8Array, depth: number): Promise<Opened[]> {
  const lines = latin1(bytes).split(/\r?\n/u);
  const email = withWindows1252(await PostalMime.parse(bytes, { forceRfc822Attachments: true, maxNestingDepth: 50 }));
  const forwarded = depth < MAX_FORWARDS ? email.attachments.filter((a) => a.mimeType === 'message/rfc822') : [];
  const copies = email.attachments.filter((a) => a.mimeType !== 'message/rfc822' && (COPY_TYPE.test(a.mimeType) || COPY_NAME.test(a.filename ?? '')));
  if (forwarded.length === 0 && copies.length === 0) return [compose(email, lines)];
  const left = leftOut(email, new Set([...forwarded, ...copies]), forwarded.length > 0 ? 'forwarding' : 'sending');
  const leaves = leafParts(lines, 0, lines.length);
  const parts = forwardedParts(leaves);
  const opened: Opened[] = [];
  for (const [k, a] of forwarded.entries()) {
    const part = parts[k];
    // (The file's lines where the forwarded message was sent as it reads; else the attachment's first.)
    const line = (n: number): number => (part === undefined ? 1 : part.asIs ? part.body + n : part.body + 1);
    for (const m of await openOne(asBytes(a), depth + 1)) {
      opened.push(m.kind === 'message' ? { ...m, lines: m.lines.map(line), notes: [...left, ...m.notes] } : { ...m, line: line(m.line), notes: [...left, ...m.notes] });
    }
  }
  const named = namedParts(leaves);
  for (const a of copies) {
    const name = a.filename ?? 'an attachment';
    // (The part's first header line that names the file; the message's first line when none does.)
    const at = a.filename === null ? undefined : named.get(a.filename)?.shift();
    opened.push({ kind: 'attachment', name, bytes: asBytes(a), line: (at ?? 0) + 1, notes: [...left, `the e-mail's attachment read as the copy: ${q(name)}`] });
  }
  return opened;
}

/**
 * The message's subject and texts with Windows-1252's punctuation where postal-mime's decoding left C1 control
 * characters (`_windows-1252.ts`: Node.js 20 reads the label as ISO-8859-1), and how many there were. C1
 * controls are in no one's message: a text in UTF-8 that holds them was Windows-1252 once too.
 */
function withWindows1252(email: Email): Email & { c1?: number } {
  const read = (text: string | undefined): { text: string; count: number } | undefined => (text === undefined ? undefined : c1AsWindows1252(text));
  const [subject, text, html] = [read(email.subject), read(email.text), read(email.html)];
  if ((subject?.count ?? 0) + (text?.count ?? 0) + (html?.count ?? 0) === 0) return email;
  // (The HTML part's are counted only where it is the text read: a message with no plain-text part.)
  const count = (subject?.count ?? 0) + (text === undefined ? (html?.count ?? 0) : text.count);
  return {
    ...email,
    ...(subject === undefined ? {} : { subject: subject.text }),
    ...(text === undefined ? {} : { text: text.text }),
    ...(html === undefined ? {} : { html: html.text }),
    ...(count === 0 ? {} : { c1: count }),
  };
}

/** What the sending message held, noted as left out: its subject, the start of its text, the attachments not `read`. */
function leftOut(email: Email, read: ReadonlySet<Attachment>, which: 'forwarding' | 'sending'): string[] {
  const words = (email.text ?? '').trim().replace(/\s+/gu, ' ');
  return [
    `the ${which} e-mail left out${email.subject === undefined ? '' : `: ${q(email.subject)}`}${words === '' ? '' : `, its text ${q(words.length > 80 ? `${words.slice(0, 80)}…` : words)}`}`,
    ...attachmentNotes(email, read),
  ];
}

function asBytes(a: Attachment): Uint8Array {
  return typeof a.content === 'string' ? Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8') : a.content instanceof ArrayBuffer ? new Uint8Array(a.content) : a.content;
}

/**
 * Each part of the message that holds a forwarded message (`message/rfc822`), in order: the index of its body's
 * first line, and whether it was sent as it reads (not base64 or quoted-printable).
 */
function forwardedParts(leaves: readonly Leaf[]): { body: number; asIs: boolean }[] {
  return leaves
    .filter((p) => p.type === 'message/rfc822')
    .map((p) => ({ body: p.body, asIs: !/^\s*(?:base64|quoted-printable)/iu.test(fieldOf(p.head, 'content-transfer-encoding') ?? '') }));
}

/** The parts that name a file (`filename="…"`, `name="…"`), by the name: the index of each one's first header line, in order. */
function namedParts(leaves: readonly Leaf[]): Map<string, number[]> {
  const named = new Map<string, number[]>();
  for (const p of leaves) {
    const name = parameter(fieldOf(p.head, 'content-disposition') ?? '', 'filename') ?? parameter(fieldOf(p.head, 'content-type') ?? '', 'name');
    if (name === undefined) continue;
    const at = named.get(name);
    if (at === undefined) named.set(name, [p.head.fields[0]?.at ?? p.body]);
    else at.push(p.head.fields[0]?.at ?? p.body);
  }
  return named;
}

/** The message as copy: its From, Date and Subject over its text, each line with the file's line. */
function compose(email: Email & { c1?: number }, lines: readonly string[]): OpenedMessage {
  const head = headerAt(lines, 0);
  const at = (name: string): number => (head?.fields.find((f) => f.name === name)?.at ?? 0) + 1;
  const notes: string[] = [];
  if (email.c1 !== undefined) notes.push(`the e-mail's text read as Windows-1252 where it was decoded into control characters: ${email.c1} character${email.c1 === 1 ? '' : 's'} (its quotation marks and dashes)`);
  const part = textPart(lines);
  let text = (email.text ?? '').replace(/\r\n?/gu, '\n');
  if (part?.html === true || (part === undefined && email.html !== undefined)) {
    const read = htmlText(email.html ?? '');
    text = read.text;
    notes.push('the e-mail has no plain-text part: its HTML part read as text');
    if (read.signature !== undefined && read.signature !== '') notes.push(`the e-mail's signature left out: ${q(read.signature.length > 80 ? `${read.signature.slice(0, 80)}…` : read.signature)}`);
  }
  notes.push(...attachmentNotes(email, new Set()));
  if (text.endsWith('\n')) text = text.slice(0, -1);
  const textLineCount = text.split('\n').length;
  const body = part === undefined ? Array.from({ length: textLineCount }, () => (head?.body ?? 0) + 1) : textLines(lines, part, textLineCount);
  const from = email.from === undefined ? undefined : email.from.name !== '' ? `${email.from.name} <${email.from.address ?? ''}>`.replace(/ <>$/u, '') : email.from.address;
  const date = head === undefined ? undefined : fieldOf(head, 'date');
  const copy: string[] = [];
  const at1: number[] = [];
  const put = (line: string, n: number): void => {
    copy.push(line);
    at1.push(n);
  };
  if (from !== undefined) put(`From: ${from}`, at('from'));
  if (date !== undefined) {
    const zoned = withNumericZone(date.trim());
    if (zoned !== date.trim()) notes.push(`the e-mail's date zone read as RFC 5322 defines it: ${q(date.trim())} is ${q(zoned)}`);
    put(`Date: ${zoned}`, at('date'));
  }
  const subject = (email.subject ?? '').replace(/\s+/gu, ' ').trim();
  const repaired = utf8Read8Bit(subject);
  if (repaired !== undefined) notes.push(`the e-mail's subject held UTF-8 under another charset's label: read as UTF-8 (${q(subject)} is ${q(repaired)})`);
  put(`Subject: ${repaired ?? subject}`, at('subject'));
  put('', head?.body ?? 1);
  text.split('\n').forEach((line, k) => put(line, body[k] ?? 1));
  return { kind: 'message', text: copy.join('\n'), lines: at1, notes };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text whose bytes were UTF-8 read as one byte a character (an encoded word labelled `windows-1252` holding
 * UTF-8, as a mail client sent `TravTalk’s` that came out `TravTalkâ€™s`), read as UTF-8; undefined for
 * any other text. Only when every character is one byte's (Latin-1, or Windows-1252's) and those bytes are
 * UTF-8 with a character of two bytes or more: text in Latin-1 (`café`, `Zürich`) is not UTF-8, and
 * pairs such as `Ã©` make no one's words.
 */
export function utf8Read8Bit(text: string): string | undefined {
  // (UTF-8's lead bytes, 0xC2–0xF4, read one a character: `Â` to `ô`.)
  if (!/[\u00c2-\u00f4]/u.test(text)) return undefined;
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    const byte = code <= 0xff ? code : WINDOWS_1252_BYTES.get(c);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    const read = UTF8.decode(Uint8Array.from(bytes));
    return read !== text ? read : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The zones a message's date may name by letters (RFC 5322, 4.3: obsolete, but defined): the offsets they
 * are, whatever a page's `CST` or `UT` may mean elsewhere (China's, or no zone read). GMT is read as it is.
 */
const RFC5322_ZONES: Readonly<Record<string, string>> = {
  UT: '+0000', GMT: '+0000', EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700',
};

/** A message's date with a zone of letters written as its offset (`… 19:24:00 CST` → `… 19:24:00 -0600`). */
function withNumericZone(date: string): string {
  return date.replace(/(?<=\d:\d\d(?::\d\d)?\s+)(UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT)(?=\s*(?:\([^()]*\))?$)/u, (zone: string) => RFC5322_ZONES[zone] ?? zone);
}

/** Each attachment that is not a forwarded message, noted as left out (a photo has no URL a record can give). */
function attachmentNotes(email: Email, read: ReadonlySet<Attachment>): string[] {
  return email.attachments
    .filter((a) => !read.has(a) && a.related !== true)
    .map((a) => `the e-mail's attachment left out: ${a.filename === null ? 'a part' : q(a.filename)} (${a.mimeType})${a.mimeType.startsWith('image/') ? '; a record\'s picture is a URL: put it where the site serves pictures and give image.url' : ''}`);
}

/** An HTML message's text as a page reads: each block a paragraph, separated by blank lines; its signature apart. */
function htmlText(html: string): { text: string; signature?: string } {
  const line = (b: Block): string => {
    switch (b.kind) {
      case 'p':
        return plainText(b.inline);
      case 'h':
        return b.text;
      case 'quote':
        return b.paragraphs.map(plainText).join('\n\n');
      case 'list':
        return b.items.map(plainText).join('\n\n');
      case 'table':
        return b.rows.map((r) => r.join(' ')).join('\n\n');
    }
  };
  const root = parseHtml(html);
  const signature = cutSignature(root);
  const text = collectBlocks(root).blocks.map(line).map((s) => s.trim()).filter((s) => s !== '').join('\n\n');
  return { text, ...(signature === undefined ? {} : { signature }) };
}

/** Where mail clients put a signature in HTML: Gmail's, Thunderbird's and Apple Mail's classes, Outlook's id. */
const SIGNATURE = (el: El): boolean => /(?:^|\s)(?:gmail_signature|moz-signature|signature)(?:\s|$)/iu.test(el.attrs['class'] ?? '') || /^signature$/iu.test(el.attrs['id'] ?? '');

/** Takes the signature out of an HTML message (as a text part's under `-- ` is), and gives its words. */
function cutSignature(el: El): string | undefined {
  let cut: string | undefined;
  el.children = el.children.filter((c) => {
    if (typeof c === 'string') return true;
    if (SIGNATURE(c)) {
      cut = `${cut === undefined ? '' : `${cut} `}${squash(textOf(c))}`;
      return false;
    }
    const inner = cutSignature(c);
    if (inner !== undefined) cut = `${cut === undefined ? '' : `${cut} `}${inner}`;
    return true;
  });
  return cut;
}
