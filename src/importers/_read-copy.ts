/**
 * A file of copy read into the text each importer takes, with its format: refused, said why, when it is not
 * text, is in an encoding it does not declare, is markup too deep to read, or is not the format given. A
 * saved e-mail message is opened first (`_message.ts`): each message it holds is copy of its own, with the
 * file's line of each of its lines.
 */
import { VOID_ELEMENTS } from './_tree.js';
import { diagnostic, Errors, failureReason } from '../errors.js';
import { firstBadBytes, readFileBytes } from '../sources/index.js';
import type { Diagnostic } from '../types.js';
import { isMessage, openMessage, type Opened } from './_message.js';
import { q } from './_text-problems.js';
import type { ImportFormat } from './types.js';
import { decodeLabelled } from './_windows-1252.js';

export interface Copy {
  text: string;
  format: ImportFormat;
  /** The file's line (1-based) of each line of `text`, when they are not the same (a message's decoded text). */
  lines?: readonly number[];
  /** What opening the file left out, for each story's report. */
  notes: readonly string[];
}

/** The file's copy, and why what it holds cannot be imported (the file, or an attachment of a message). */
export interface ReadCopy {
  copies: Copy[];
  diagnostics: Diagnostic[];
}

/** Reads the file at `path` (shown as `shown`); `format`: the one given (`--format`), else each copy's is detected. */
export async function readCopy(path: string, shown: string, format: ImportFormat | undefined): Promise<ReadCopy> {
  let bytes: Buffer;
  try {
    bytes = readFileBytes(path);
  } catch (e) {
    return { copies: [], diagnostics: [diagnostic(Errors.FileUnreadable, { file: shown }, failureReason(e))] };
  }
  // (A message in quoted-printable or base64, or in another charset, is decoded from its bytes.)
  if (!((format === undefined || format === 'text') && isMessage(bytes))) {
    const one = copyOf(bytes, shown, format);
    return 'text' in one ? { copies: [one], diagnostics: [] } : { copies: [], diagnostics: [one] };
  }
  let opened: Opened[];
  try {
    opened = await openMessage(bytes);
  } catch (e) {
    return { copies: [], diagnostics: [diagnostic(Errors.ImportMessageUnreadable, { file: shown }, e instanceof Error ? e.message : String(e))] };
  }
  const read: ReadCopy = { copies: [], diagnostics: [] };
  for (const m of opened) {
    if (m.kind === 'message') {
      read.copies.push({ text: m.text, format: 'text', lines: m.lines, notes: m.notes });
      continue;
    }
    // A file of copy attached: read as a file is, its format detected; said at the attachment's line.
    const one = copyOf(Buffer.from(m.bytes), shown, undefined);
    if ('text' in one) read.copies.push({ ...one, lines: one.text.split('\n').map(() => m.line), notes: m.notes });
    else read.diagnostics.push({ ...one, line: m.line, message: `the attachment ${q(m.name)}: ${one.message}` });
  }
  return read;
}

/** A file's bytes as copy (one story's file, or an attachment's), or why they are not. */
function copyOf(bytes: Buffer, shown: string, format: ImportFormat | undefined): Copy | Diagnostic {
  // A wire terminal's capture (SOH, SYN or ZCZC first) in 8-bit text, as the wires send it (dpa's `Zürich`, in
  // Latin-1: refused as no UTF-8): read as Windows-1252, noted.
  const terminal = decode(bytes) === undefined && !bytes.includes(0) && /^[\u0016\u0001]|^\s*ZCZC\b/u.test(bytes.subarray(0, 16).toString('latin1'));
  if (terminal) return withFormat(decodeLabelled(bytes, 'windows-1252'), shown, format, ['the capture is not UTF-8: read as Windows-1252, the 8-bit text wire terminals receive']);
  const text = decode(bytes);
  if (text === undefined || text.trim() === '') {
    // Text in another encoding (a desk's Windows-1252) is said to be so, where it stops being UTF-8; NUL bytes make a file binary.
    // (UTF-16, as some Windows tools save text, starts with its byte-order mark: its NUL bytes are no binary.)
    const utf16 = text === undefined && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const bad = utf16 ? { line: 1, shown: `0x${(bytes[0] ?? 0).toString(16).toUpperCase()} 0x${(bytes[1] ?? 0).toString(16).toUpperCase()}, UTF-16's byte-order mark` }
      : text === undefined && !bytes.includes(0) ? firstBadBytes(bytes) : undefined;
    return bad !== undefined
      ? diagnostic(Errors.NotUtf8, { file: shown, line: bad.line }, bad.shown)
      : diagnostic(text === undefined ? Errors.ImportBinary : Errors.ImportEmpty, { file: shown });
  }
  return withFormat(text, shown, format, []);
}

/** Decoded copy with its format (the one given, else detected), or why it is not of that format. */
function withFormat(text: string, shown: string, format: ImportFormat | undefined, notes: string[]): Copy | Diagnostic {
  // (`--format text` on NITF or ninjs read their markup as a page, and asked for a stamp it printed none of.)
  const found = detectFormat(text);
  if (format === 'text' && found !== 'text' && typeof found === 'string') return diagnostic(Errors.ImportFormatGiven, { file: shown, line: 1 }, FORMAT_NAMES[found]);
  const detected = format ?? found;
  if (typeof detected !== 'string') return diagnostic(Errors.ImportFormatUnknown, { file: shown, line: 1 }, detected.unknown);
  // Markup nested deeper than any wire copy's, found before it is read: reading it took time that grew
  // faster than the depth (QA: 50,000 levels of <div> in a ninjs body, 26 s), until the stack ran out.
  // (ninjs bodies are HTML inside JSON strings, escaped as the writer chose (`\u003c`): their reader counts
  // their depth itself, `parseHtml`.)
  const deep = detected === 'nitf' || detected === 'newsml' || detected === 'feed' ? tooDeepAt(text) : undefined;
  if (deep !== undefined) return diagnostic(Errors.ImportTooDeep, { file: shown, line: deep });
  return { text, format: detected, notes };
}

/** The formats as messages name them. */
const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = { text: 'raw text', nitf: 'NITF', newsml: 'NewsML-G2', ninjs: 'ninjs', feed: 'a feed (RSS, Atom or JSON Feed)' };

/** Detects the format from content: NITF, NewsML-G2 or a feed's XML (by its root element), ninjs JSON, or raw text. */
export function detectFormat(text: string): ImportFormat | { unknown: string } {
  const head = text.trimStart();
  if (head.startsWith('<')) {
    // The root element's name, past the declaration, comments, processing instructions and a DOCTYPE (in any namespace prefix).
    const root = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>))*\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(head)?.[1];
    if (root === 'nitf') return 'nitf';
    if (root === 'newsItem' || root === 'newsMessage' || root === 'NewsML') return 'newsml';
    if (root === 'rss' || root === 'RDF' || (root === 'feed' && head.includes('http://www.w3.org/2005/Atom'))) return 'feed';
    // (A <feed> of Atom 0.3, or of no namespace, was said to be none of the roots read, <feed> among them.)
    if (root === 'feed') return { unknown: `this <feed> is not Atom 1.0 (its namespace is not http://www.w3.org/2005/Atom${head.includes('http://purl.org/atom/ns#') ? ': it is Atom 0.3\'s, http://purl.org/atom/ns#' : ''}); Dateline reads Atom 1.0, RSS and JSON Feed` };
    // (NITF inside another envelope, as before.)
    if (/<nitf[\s>]/.test(head)) return 'nitf';
    return { unknown: `this is XML but not copy Dateline reads (the root element is <${root ?? '?'}>: NITF's <nitf>, NewsML-G2's <newsItem> or <newsMessage>, or a feed's <rss> or Atom <feed>)` };
  }
  // (A list of items, `[{…}, {…}]`, was read as a page of raw text, and refused for want of a stamp.)
  if (/^\[\s*[{\]]/.test(head)) return { unknown: 'this is a JSON list: a ninjs file holds one item, one object, so give each item a file of its own' };
  // (A JSON Feed says so in its version: `"version": "https://jsonfeed.org/version/1.1"`.)
  if (head.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) return 'feed';
  if (head.startsWith('{')) {
    return /"(uri|headlines?|versioncreated|firstcreated|body_html|bodies)"\s*:/.test(head)
      ? 'ninjs'
      : { unknown: 'this is JSON but not ninjs (no uri, headline or body)' };
  }
  return 'text';
}

/**
 * Decodes a file as UTF-8 text, refusing binary content; XML whose declaration names another encoding
 * (`<?xml version="1.0" encoding="ISO-8859-1"?>`, as older NITF systems write it) in that encoding.
 */
function decode(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const declared = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
    if (declared === undefined || /^utf-?8$/i.test(declared)) return undefined;
    try {
      return decodeLabelled(bytes, declared, true);
    } catch {
      return undefined;
    }
  }
}

/** Markup nested deeper than this is none a wire sends (NITF and HTML bodies nest a few dozen levels). */
const MAX_MARKUP_DEPTH = 1000;
/**
 * The line where the markup of NITF nests deeper than MAX_MARKUP_DEPTH, if it does: one pass over its tags,
 * outside comments and CDATA sections (which hold text).
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  const tag = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(\/)?([A-Za-z][\w.:-]*)[^<>]*?(\/?)>/g;
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    if (m[2] === undefined || VOID_ELEMENTS.has(m[2].toLowerCase())) continue;
    // (A closing tag with no opening one before it counts for nothing.)
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (m[3] !== '/') depth += 1;
    if (depth > MAX_MARKUP_DEPTH) return text.slice(0, m.index).split('\n').length;
  }
  return undefined;
}
