/**
 * Copy as a wire terminal receives it, in its transmission envelope: ANPA 1312 (AP's, and the American
 * wires': a header line, the text between STX and ETX, head lines marked `^…<`, paragraphs indented, a
 * dash typed ` _ `, the time of transmission after the text, `AP-WF-02-05-25 0924GMT`), and IPTC 7901
 * (Xinhua's and the national agencies': `ZCZC`, a header line, the headline, indented paragraphs, the
 * time after the text, `050924 GMT FEB 25`, then `NNNN`; dpa's: SOH, no `ZCZC`, the head ending ` =`, paragraphs a
 * blank line apart, what is not for publication after them). Each message of a capture is opened into the
 * page the text importer reads (headline, stamp, byline, paragraphs), and its envelope is noted: the
 * header, the wire's slug and version, its note to editors. The time of transmission is the version's
 * instant, in the zone it names: `Published:` for a first version, `Updated:` for a later one (a lead, a
 * writethru, a correction), as a page stamps them. Lines of diagnostics are the capture's own.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { EMBARGOED_COPY, WITHDRAWN } from './_story.js';
import { q } from './_text-problems.js';
import { joinLines } from './_text-body.js';
import { markdownTable } from './record.js';
import type { ImportContext, ImportedStory, ImportResult, Importer } from './types.js';

/** One message opened: the page's lines, the capture's line of each (1-based), and what the envelope said. */
interface Opened {
  lines: string[];
  from: number[];
  notes: string[];
  /** ANPA's slug (`BC-ML--Gulf-Talks`) and, for an add (a further take of the story), its version (`1st Add`). */
  slug?: string;
  add?: string;
  /** The message's paragraphs, with the capture's line of each: what an add gives the take it continues. */
  paragraphs: { text: string; n: number }[];
  /** Its head's lines (an add has none but by mistake: then noted). */
  head: { text: string; n: number }[];
  /** The capture's line of its header. */
  start: number;
  /** The wire's summary of the story, among its head lines (AP's). */
  summary?: string;
  /** ANPA's agate tables, each standing in the page as the paragraph `tableToken(k)` (see `withTables`). */
  tables: string[][][];
}

/**
 * A kill or a withdrawal: the agency pulls a story it sent (ANPA's slug version `KILL`, `Mandatory Kill`,
 * `Elimination`, `Withdrawal`; a headline or keyword that opens so, `KILL: …`, `WITHDRAWN -`).
 */
const KILL_VERSION = /\b(?:Mandatory )?(?:KILL|Kill|ELIMINATION|Elimination|WITHDRAWAL|Withdrawal|WITHDRAWN|Withdrawn)\b/u;
export const KILL_HEADLINE = /^(?:AP[- ])?(?:(?:MANDATORY|Mandatory) )?(?:KILL|Kill|WITHDRAWN|Withdrawn|WITHDRAWAL|Withdrawal|ELIMINATION|Elimination)\b\s*(?:[:\-—–]|$)/u;

/** A note to editors or a slug version saying the story is held (`Eds: ADVANCE for release Sunday`, `Embargoed until …`, ANPA's `Adv09`). */
const EMBARGO_NOTE = /\b(?:embargo(?:ed)?|hold for release|advance for (?:release|use)|for release (?:at|on|until|after|not before))\b/iu;
const ADVANCE_VERSION = /\bAdv\d{1,2}\b|\bAdvance\b/iu;

/** An ANPA add: a further take of a story sent before, its paragraphs to follow that take's (`1st Add`, `2nd Add`). */
const ADD = /^\d+(?:st|nd|rd|th) Add\b|^Add\b/iu;

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
const EOT = '\u0004';
/** The other control characters a capture holds (SYN before a message, a terminal's DC codes): none is text. */
const CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;

/** ANPA's header: service level and story number, selector, priority, category, slug, date, words (`a0123  r i BC-US--Gaza-Talks 02-05 0612`). */
const ANPA_HEADER = /^[a-z]\d{4}\s+(?:[a-z]{1,5}\s+)?[a-z]\s+[a-z]\s+\S.*$/u;
/**
 * The slug line opening ANPA text: `BC-US--Gaza-Talks,1st Ld-Writethru,0612`; as AP sends it, its words apart and
 * its count of words in three digits or fewer (`BC-US--Giant Lobster Death, 1st Ld-Writethru,127`).
 */
const ANPA_SLUG = /^(?<slug>[A-Z]{2,4}-(?:[A-Z]{2,4}--[^,]*[^,\s]|[^,\s]+|[^,]*[^,\s](?=(?:,[^,]+)?,\d{1,5}$)))(?:,\s*(?<version>[^,]+?))??(?:,\d{1,5})?,?$/u;
/**
 * AP's keyword line, the second of its header (the first is the service, story number and selector): priority,
 * category, slug, version, date and words (`r d BC-US--GiantLobsterDeath 1stLd-Writethru   08-29 0590`).
 */
const ANPA_KEYWORD_LINE = /^[a-z] [a-z]\s+(?:am|pm|bc|ap)-\S.*\s\d{1,2}-\d{1,2}(?:\s+\d{1,5})?$/iu;
/** AP's line of the photos sent with a story, by their transmission numbers (`AP Photo XNP101, XNP102`). */
const PHOTO_NUMBERS = /^AP Photos? [A-Z]{2,5}\d{2,4}(?:,\s*[A-Z]{2,5}\d{2,4})*\.?$/u;
/** ANPA's time of transmission: `AP-WF-02-05-25 0924GMT`, `APNY-02-05-25 0924EST` (month, day, year, hours and minutes, zone). */
const ANPA_TRAILER = /^(?<wire>[A-Z]{2,4}(?:-[A-Z]{2,3})?)-(?<month>\d{2})-(?<day>\d{2})-(?<year>\d{2}) (?<hh>\d{2})(?<mm>\d{2}) ?(?<zone>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$/u;
/** GMT, and the zones of the American wires' bureaus, each a fixed offset, standard or daylight, as the abbreviation says. */
const ANPA_ZONES: Readonly<Record<string, string>> = {
  GMT: '+00:00', UTC: '+00:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};
/**
 * The American wires (AP's bureaus, `AP-WF`, `APNY`; UPI's), whose trailers' EST or CST are America's. Another
 * wire's (`AAP-SY-… 0924EST`, Australia's Eastern time as it may be) is read only in GMT or UTC.
 */
const AMERICAN_WIRE = /^(?:AP(?:-[A-Z]{2,3}|[A-Z]{2})?|UPI(?:-[A-Z]{2,3})?)$/u;
/**
 * IPTC 7901's time of transmission: day, hours and minutes, GMT, month, year (`050924 GMT FEB 25`; dpa's `131137 GMT
 * Nov 13`, and at times without its GMT, `211259 Nov 18`).
 */
const IPTC_TRAILER = /^(?<day>\d{2})(?<hh>\d{2})(?<mm>\d{2})(?<gmt> (?:GMT|UTC))? (?<month>JAN|FEB|MAR|MÄR|MRZ|APR|MAY|MAI|JUN|JUL|AUG|SEP|OCT|OKT|NOV|DEC|DEZ) (?<year>\d{2}|\d{4})$/iu;
/** A trailer's month, in English or (dpa's, `Okt`) German. */
const TRAILER_MONTH: Readonly<Record<string, number>> = { MÄR: 3, MRZ: 3, MAI: 5, OKT: 10, DEZ: 12 };
/** IPTC 7901's header as dpa sends it after SOH, with no ZCZC: the service and number, priority, category, words (`eca062 4 i 211 ccccb dpa 061`). */
const IPTC_HEADER = /^[a-z]{2,5}\d{1,5}\s+\d\s+[a-z]{1,2}\s+\d{1,5}\b/iu;
/** dpa's labels over its headline: the kind of version (`1ST LEAD`, `REFILE`, `EXTRA`, `(Achtung)`). */
const IPTC_LABEL = /^(?:\d+(?:ST|ND|RD|TH) LEAD|LEAD|REFILE|EXTRA|URGENT|FLASH|CORRECTION|CORRECTS?|\(Achtung\)|ACHTUNG)$/iu;
/** What a wire sends after the story for its customers alone (dpa's: `The following information is not intended for publication`, its contacts). */
const NOT_FOR_PUBLICATION = /^the following (?:information )?is not (?:intended )?for publication$/iu;
/**
 * An ANPA line led by `^` that ends with neither `<` nor `=`: text on a line of its own, not a head line. As
 * received: not an agate table's row, which a control character leads (`\x08^;W;L;Pct`; its tables are still
 * read as text).
 */
const CARET_LINE = /^\^(?![^\n]*[<=]\s*$)/u;
/**
 * A row of an ANPA agate table (AP's standings, results in columns): a backspace leads it, a DLE holds two
 * words of a cell together (`Tampa<DLE> Bay`); the header's first cell is empty. Its cells are parted by `;`
 * (`^;W;L;Pct;GB`), or, in AP's later layout, the first by a US and the others by RS fillers and spaces
 * (`Tampa<DLE> Bay<US><RS> 73<RS> <RS> 52`).
 */
const AGATE_ROW = /^\u0008/u;

/** The cells of an agate row as received (`AGATE_ROW`), or undefined for a row of one cell (a line of text). */
function agateCells(raw: string): string[] | undefined {
  const row = raw.replace(/^\u0008\^?/u, '').replace(/\u0010/gu, '').replace(/[<=]\s*$/u, '');
  const clean = (cell: string): string => agateCell(cell.replace(CONTROLS, ' ').replace(/\s+/gu, ' '));
  if (row.includes(';')) return row.split(';').map(clean);
  const us = row.indexOf('\u001f');
  if (us < 0) return undefined;
  return [clean(row.slice(0, us)), ...row.slice(us + 1).split(/[\u001e\s]+/u).filter((c) => c !== '').map(clean)];
}
/**
 * What stands for table `k` in the page the text importer reads (a paragraph no copy holds: private-use
 * characters, refused in the copy itself), replaced by the table once the story is read (`withTables`).
 */
const tableToken = (k: number): string => `\uE000${k}\uE000`;
/**
 * A paragraph of AP's that is a table's row, its cells parted by `;` (`Amsterdam;42;50;rn;0.08`, the header's first
 * empty: AP's weather tables): four cells or more, each of four words at most, none ending a sentence (prose with
 * semicolons is no row). Undefined for any other paragraph.
 */
function semicolonRow(line: string): string[] | undefined {
  const cells = line.split(';');
  if (cells.length < 4 || cells.some((c) => c.trim().split(/\s+/u).length > 4 || /[.!?]["”’)]?$/u.test(c.trim()))) return undefined;
  return cells.map(agateCell);
}

/** A cell of an agate table as printed: AP's `{` is a half (`6{` games behind is 6½), `_` alone a dash. */
const agateCell = (cell: string): string => {
  const t = cell.trim().replace(/\{/gu, '½');
  return t === '_' ? '—' : t;
};

/** dpa's sign-off closing the copy: the agency and its editors' initials (`dpa wsz jln npr`). */
const DPA_SIGN_OFF = /^dpa(?: [a-z]{2,4}){1,6}$/u;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** A version after the first: a lead, a writethru, an update, a correction, a substitute (`1st Ld-Writethru`, `2nd Update`, `Correction`, `Sub`). */
const LATER_VERSION = /\b(?:Ld|Lead|Writethru|Write-thru|Update|Updates|Correction|Corrected|Corrects|Sub|Insert|Add)\b/iu;
/** A note to editors that opens by saying what this version changed (`Eds: Updates with …`, `Eds: Corrects …`): not the first. */
const LATER_NOTE = /^(?:Updates|Updated|Recasts|Corrects|Corrected|Changes|Subs|Substitutes|Adds|Rewrites|Writethru|New throughout|Refiles)\b/iu;
/** AP's line under the byline: `Associated Press`, `Associated Press Writer`, `AP Business Writer`. */
const WRITER_LINE = /^(?:The )?(?:Associated Press|AP)(?: [A-Z][A-Za-z-]*){0,3}$/u;
/** The wire's note to editors over the copy: `Eds: Updates with …`, `Editors: …`, `EDITOR'S NOTE — …`. */
const EDITORS = /^(?:Eds?|Editors?|EDS|EDITORS)\s*:|^EDITOR['’]S NOTE\b/u;
/** A wire's keyword over the headline, words in capitals joined by dashes or slashes (`MIDEAST-TRUCE-TALKS`). */
const KEYWORD = /^[A-Z0-9]+(?:[-/][A-Z0-9]+)+$/u;
/** The end of a take with more to come, or of the story (`MORE`, `(MORE)`, `END`). */
const TAKE_END = /^\(?(?:MORE|END)\)?$/u;
/** A copyright line after the text: `(Copyright 2025 The Associated Press. All Rights Reserved.)`. */
const COPYRIGHT = /^\(?(?:Copyright|©|\(c\))\s.*\)?$/iu;

/** Whether text is wire terminal copy: an ANPA message (its control characters, or its header over a slug line) or an IPTC 7901 one. */
export function isTerminalCopy(text: string): boolean {
  const head = text.replace(/^[\u0016\s]+/u, '');
  if (/^ZCZC\b/u.test(head)) return /^NNNN\s*$/mu.test(text);
  if (head.startsWith(SOH) && text.includes(STX) && text.includes(ETX)) return true;
  // (The first two lines only: a page of 100,000 lines is not split to look at them.)
  const lineAt = (from: number): { text: string; next: number } => {
    const end = head.slice(from).search(/\r\n|\r|\n/u);
    return end < 0 ? { text: head.slice(from), next: -1 } : { text: head.slice(from, from + end), next: from + end + (head.startsWith('\r\n', from + end) ? 2 : 1) };
  };
  const first = lineAt(0);
  return first.next >= 0 && headerOverSlug(first.text, lineAt(first.next).text);
}

/** ANPA's header line over its slug line: how a message copied without its control characters opens. */
const headerOverSlug = (line: string, next: string): boolean => ANPA_HEADER.test(line.trim()) && ANPA_SLUG.test(unmark(next.replace(CONTROLS, '')));

/**
 * ANPA's typewriter text as type sets it: its dash, an underscore between spaces (`WASHINGTON (AP) _ The …`), and
 * its quotation marks, two accents and two apostrophes (``Look Good Feel Better'').
 */
const typeset = (line: string): string => line.replace(/ _ /gu, ' — ').replace(/ _$/u, ' —').replace(/``/gu, '“').replace(/''/gu, '”');

/** A head line without ANPA's marks: `^` at its start (set apart), `<` or `=` at its end (the end of a line set alone). */
const unmark = (line: string): string => line.trim().replace(/^\^/u, '').replace(/[<=]$/u, '').trim();

/** `2025-02-05 09:24 +00:00`, a stamp the text importer reads, from a trailer's parts; undefined for a day or a time no calendar has. */
function instant(year: string, month: number, day: string, hh: string, mm: string, offset: string): string | undefined {
  const y = Number(year.length === 2 ? `20${year}` : year);
  const d = new Date(Date.UTC(y, month - 1, Number(day), Number(hh), Number(mm)));
  if (month < 1 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== Number(day) || d.getUTCHours() !== Number(hh) || Number(mm) > 59) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${day} ${hh}:${mm} ${offset}`;
}

/** The messages of a capture: each a run of lines (with the line number of the first), in order. */
function messages(lines: readonly string[]): { start: number; lines: string[] }[] {
  const out: { start: number; lines: string[] }[] = [];
  let open: { start: number; lines: string[] } | undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/^\u0016+/u, '');
    // (An ANPA message copied without its control characters opens with its header over its slug line.)
    const opens = /^ZCZC\b/u.test(line.trim()) || line.startsWith(SOH) || headerOverSlug(line, lines[i + 1] ?? '');
    if (opens && open !== undefined && open.lines.some((l) => l.trim() !== '')) out.push(open);
    if (opens || open === undefined) open = { start: i + 1, lines: [] };
    open.lines.push(line);
    if (/^NNNN\s*$/u.test(line.trim()) || line.includes(EOT)) {
      out.push(open);
      open = undefined;
    }
  }
  if (open !== undefined && open.lines.some((l) => l.trim() !== '')) out.push(open);
  return out;
}

/**
 * One message opened into a page: its head lines first (the headline, then the stamp, then the byline),
 * then its paragraphs, one line each. Paragraphs start indented (a tab, two spaces or more, or ideographic spaces); a line not
 * indented after one runs on (the wire wrapped it).
 */
function open(message: { start: number; lines: string[] }, file: string): Opened | { error: Diagnostic; slug?: string } {
  /** A kill or a withdrawal of a story, by the line that says so; a hold (an embargo, an advance). */
  let killed: { text: string; n: number } | undefined;
  let held: { text: string; n: number } | undefined;
  const notes: string[] = [];
  const opening = message.lines.find((l) => l.trim() !== '')?.replace(CONTROLS, '').trim() ?? '';
  const kind = /^ZCZC\b/u.test(opening) || IPTC_HEADER.test(opening) ? 'IPTC 7901' : 'ANPA 1312';
  /** IPTC 7901 as dpa sends it: its head ends at the line ending ` =`, its paragraphs stand a blank line apart. */
  let headEnded = false;
  let gap = false;
  /** Past the line saying what follows is not for publication: the lines it leaves out. */
  let withheld: number | undefined;
  let stamp: { text: string; n: number } | undefined;
  let later = false;
  let slugName: string | undefined;
  let add: string | undefined;
  const head: { text: string; n: number }[] = [];
  /** Each paragraph's lines as the wire wrapped them (joined once at the end: `joinLines`). */
  const wrapped: { lines: string[]; n: number }[] = [];
  let started = false;
  let headerSeen = false;
  /** The byline a writer's line was joined to. */
  let joined: { text: string; n: number } | undefined;
  const tables: string[][][] = [];
  /** The table the last line was a row of: the next row goes on with it. */
  let table: string[][] | undefined;
  /** Copy that holds the tables' stand-ins itself is read without tables (its rows as paragraphs). */
  const tablesRead = kind === 'ANPA 1312' && !message.lines.some((l) => l.includes('\uE000'));
  /**
   * The body starts at a table: the head's lines after the headline, but for the byline, are the story's
   * first paragraphs (a standings' `All Times EDT`, `AMERICAN LEAGUE`, `East Division` over its first table).
   */
  const startBody = (): void => {
    const after = head.splice(1);
    head.push(...after.filter((h) => /^By\s/iu.test(h.text)));
    for (const h of after) if (!/^By\s/iu.test(h.text)) wrapped.push({ lines: [h.text], n: h.n });
  };
  // (Two head lines AP sent on one, `^*9006< ^AP-Top-Entertainment-Headlines,0176<`: apart, each on the line.)
  const rows = message.lines.flatMap((raw, k) => (kind === 'ANPA 1312' ? raw.split(/(?<=[<=])\s+(?=\^)/u) : [raw]).map((r) => ({ raw: r, n: message.start + k })));
  for (const { raw, n } of rows) {
    // (Chinese copy indents a paragraph by two ideographic spaces, `　　新华社…`.)
    // (AP indents by a tab and three spaces: real captures' paragraphs were read as head lines.)
    const indented = /^(?:\t| {2,}|\u3000+)[\t \u3000]*\S/u.test(raw.replace(/^[\u0001-\u0003]+/u, ''));
    const text = raw.replace(CONTROLS, '').trim();
    if (text === '') {
      if (started) gap = true;
      continue;
    }
    if (/^(?:ZCZC|NNNN)$/u.test(text)) continue;
    if (!headerSeen) {
      // The header: for the terminal's routing, not the story.
      headerSeen = true;
      notes.push(`the wire's ${kind} header left out: ${q(text)}`);
      continue;
    }
    // (AP's header goes on over a second line, its keyword line, before the text: real captures' was the headline.)
    if (kind === 'ANPA 1312' && head.length === 0 && !started && slugName === undefined && ANPA_KEYWORD_LINE.test(text)) {
      notes.push(`the wire's keyword line left out: ${q(text)}`);
      continue;
    }
    const line = kind === 'ANPA 1312' ? typeset(unmark(text)) : unmark(text);
    const cells = !tablesRead ? undefined : AGATE_ROW.test(raw) ? agateCells(raw) : indented && kind === 'ANPA 1312' ? semicolonRow(unmark(text)) : undefined;
    if (cells !== undefined && cells.length > 1) {
      if (!started) startBody();
      if (table === undefined) {
        tables.push((table = []));
        wrapped.push({ lines: [tableToken(tables.length - 1)], n });
      }
      table.push(cells);
      started = true;
      gap = false;
      continue;
    }
    const afterTable = table !== undefined;
    table = undefined;
    const anpa = ANPA_TRAILER.exec(line)?.groups;
    const iptc = IPTC_TRAILER.exec(text)?.groups;
    if (iptc !== undefined && iptc['gmt'] === undefined) notes.push(`the time of transmission ${q(text)} names no zone: read as GMT, as the wire's others say`);
    if (withheld !== undefined && anpa === undefined && iptc === undefined) {
      withheld += 1;
      continue;
    }
    if (anpa !== undefined || iptc !== undefined) {
      const zone = anpa?.['zone'] ?? '';
      const offset = zone === 'GMT' || zone === 'UTC' || AMERICAN_WIRE.test(anpa?.['wire'] ?? '') ? ANPA_ZONES[zone] : undefined;
      if (anpa !== undefined && offset === undefined) {
        return { error: diagnostic(Errors.ImportNoDate, { file, line: n }, `the time of transmission ${q(text)} is in ${zone}, which this wire (${q(anpa['wire'] ?? '')}) may mean of another country than America's: write the stamp with its UTC offset over the story ("Published: 2025-02-05 09:24 +10:00")`, true) , ...(slugName === undefined ? {} : { slug: slugName }) };
      }
      const at = anpa !== undefined
        ? instant(anpa['year'] ?? '', Number(anpa['month']), anpa['day'] ?? '', anpa['hh'] ?? '', anpa['mm'] ?? '', offset ?? '+00:00')
        : instant(iptc?.['year'] ?? '', TRAILER_MONTH[(iptc?.['month'] ?? '').toUpperCase()] ?? MONTHS.indexOf((iptc?.['month'] ?? '').toUpperCase()) + 1, iptc?.['day'] ?? '', iptc?.['hh'] ?? '', iptc?.['mm'] ?? '', '+00:00');
      if (at === undefined) return { error: diagnostic(Errors.ImportNoDate, { file, line: n }, `the time of transmission ${q(text)} names no day or time a calendar has`, true) , ...(slugName === undefined ? {} : { slug: slugName }) };
      if (stamp === undefined) stamp = { text: at, n };
      else notes.push(`a second time of transmission, not used: ${q(text)}`);
      continue;
    }
    // (dpa's rule over it, `* * * *`, is its too: elsewhere such a rule may part a story's sections.)
    if (started && (NOT_FOR_PUBLICATION.test(line) || (kind === 'IPTC 7901' && /^\* \* \* \*$/u.test(line)))) {
      withheld = 1;
      continue;
    }
    if (TAKE_END.test(line) && started) {
      notes.push(`the wire's mark of a take left out: ${q(line)}`);
      continue;
    }
    if (COPYRIGHT.test(text) && started) {
      notes.push(`the wire's copyright line left out: ${q(text)}`);
      continue;
    }
    if (kind === 'IPTC 7901' && !started && !headEnded && head.length === 0 && /^[^\s/][^/]*(?:\/[^/]+)*\/$/u.test(line)) {
      notes.push(`the wire's keyword left out: ${q(line)}`);
      continue;
    }
    if (kind === 'IPTC 7901' && !started && !headEnded && IPTC_LABEL.test(line)) {
      notes.push(`the wire's label over the headline left out: ${q(line)}`);
      if (/LEAD|REFILE|CORRECT/iu.test(line)) later = true;
      continue;
    }
    if (!started && !indented && !headEnded) {
      // (dpa's head ends at the line ending ` =`: what follows is the story, indented or not.)
      if (kind === 'IPTC 7901' && /\s=$/u.test(text)) headEnded = true;
      const slug = ANPA_SLUG.exec(line)?.groups;
      if (kind === 'ANPA 1312' && head.length === 0 && slug !== undefined) {
        if (KILL_VERSION.test(slug['version'] ?? '')) killed ??= { text: line, n };
        if (ADVANCE_VERSION.test(slug['version'] ?? '')) held ??= { text: line, n };
        later = LATER_VERSION.test(slug['version'] ?? '');
        slugName = slug['slug'];
        if (ADD.test(slug['version'] ?? '')) add = slug['version'];
        const version = slug['version'] ? (add !== undefined ? 'a further take' : later ? 'a version after the first' : 'a version of its own') : undefined;
        notes.push(`the wire's slug left out: ${q(line)}${version === undefined ? '' : `, ${version} (${q(slug['version'] ?? '')})`}`);
        continue;
      }
      if (head.length === 0 && KILL_HEADLINE.test(line)) killed ??= { text: line, n };
      if (head.length === 0 && KEYWORD.test(line)) {
        notes.push(`the wire's keyword left out: ${q(line)}`);
        continue;
      }
      if (kind === 'ANPA 1312' && /^\*\d{2,6}$/u.test(line)) {
        notes.push(`the wire's code left out: ${q(line)}`);
        continue;
      }
      if (kind === 'ANPA 1312' && PHOTO_NUMBERS.test(line)) {
        notes.push(`the wire's numbers of the photos sent with the story left out: ${q(line)}`);
        continue;
      }
      if (EDITORS.test(line) || /^\((?:Eds?|Editors?)\s*:/u.test(line)) {
        notes.push(`the wire's note to editors left out: ${q(line)}`);
        if (EMBARGO_NOTE.test(line)) held ??= { text: line, n };
        if (LATER_NOTE.test(line.replace(EDITORS, '').trim())) later = true;
        continue;
      }
      // (AP's head lines end with `<` or, a byline's, `=`; a line led by `^` with neither after the headline is
      // text, a line of its own: the items of a digest, `AP Top Entertainment News`, were joined into one.)
      if (kind === 'ANPA 1312' && head.length > 0 && CARET_LINE.test(raw)) {
        wrapped.push({ lines: [line], n });
        started = true;
        gap = false;
        continue;
      }
      const previous = head[head.length - 1];
      // (One such line, right under the byline: `By JANE DOE, Associated Press Writer`, as the text importer reads it.)
      if (previous !== undefined && previous !== joined && /^By\s/iu.test(previous.text) && WRITER_LINE.test(line)) {
        previous.text = `${previous.text}, ${line}`;
        joined = previous;
        continue;
      }
      head.push({ text: line, n });
      continue;
    }
    const last = wrapped[wrapped.length - 1];
    if (indented || last === undefined || afterTable || (gap && kind === 'IPTC 7901') || (kind === 'ANPA 1312' && /^\^/u.test(raw))) wrapped.push({ lines: [line], n });
    else last.lines.push(line);
    started = true;
    gap = false;
  }
  // A story the agency pulled is no story to publish, whatever else the message says.
  if (killed !== undefined) {
    return { error: diagnostic(Errors.ImportNotPublished, { file, line: killed.n }, `killed or withdrawn (${q(killed.text)})`, WITHDRAWN['canceled'] ?? '') , ...(slugName === undefined ? {} : { slug: slugName }) };
  }
  if (held !== undefined) return { error: diagnostic(Errors.ImportNotPublished, { file, line: held.n }, `under embargo (${q(held.text)})`, EMBARGOED_COPY) , ...(slugName === undefined ? {} : { slug: slugName }) };
  if (stamp === undefined) {
    const example = kind === 'ANPA 1312' ? '"AP-WF-02-05-25 0924GMT"' : '"050924 GMT FEB 25"';
    return { error: diagnostic(Errors.ImportNoDate, { file, line: message.start }, `the ${kind} message has no time of transmission after its text (such as ${example}), or one in a zone not read`, true) , ...(slugName === undefined ? {} : { slug: slugName }) };
  }
  // (A space between words, none between Chinese characters.)
  const paragraphs = wrapped.map((p) => ({ text: joinLines(p.lines), n: p.n }));
  if (withheld !== undefined) notes.push(`the wire's information not for publication left out (${withheld} line${withheld === 1 ? '' : 's'}, its contacts and links)`);
  const signOff = paragraphs[paragraphs.length - 1];
  if (kind === 'IPTC 7901' && signOff !== undefined && DPA_SIGN_OFF.test(signOff.text)) {
    paragraphs.pop();
    notes.push(`the wire's sign-off left out: ${q(signOff.text)}`);
  }
  // An alert (AP's `APNewsAlert`) has no head line: its one sentence, without the dateline's lead, is its headline
  // too, as the wire means it (real captures were refused for want of a headline).
  const alert = head.length === 0 && kind === 'ANPA 1312' && paragraphs.length === 1 ? paragraphs[0] : undefined;
  // A table with no head line (AP's weather tables): its slug's words are its name, as AP's own listings show it.
  const slugTitle = head.length === 0 && alert === undefined && tables.length > 0 && slugName !== undefined ? slugName.replace(/^[A-Z]{2,4}-[A-Z]{2,4}--/u, '').trim() : '';
  if (slugTitle !== '') {
    head.push({ text: slugTitle, n: message.start });
    notes.push(`no head line: the headline is the slug's words, ${q(slugTitle)}`);
  }
  if (alert !== undefined) {
    const text = alert.text.replace(/^[\p{Lu}][\p{Lu}\p{M} .,'’-]*(?:,[^()]{1,40})? \([^()]{1,30}\) [—–-] /u, '');
    head.push({ text, n: alert.n });
    notes.push(`no head line: the headline is the alert's text, ${q(text)}`);
  }
  // A long line among the head lines after the headline, over the byline (AP's summary of the story): the record's
  // summary (on the page it would be taken for the headline, or run into the story).
  const summary = kind === 'ANPA 1312' ? head.slice(1).find((h, i, all) => !/^By\s/iu.test(h.text) && h.text.length > 60 && all.slice(i + 1).some((b) => /^By\s/iu.test(b.text))) : undefined;
  if (summary !== undefined) head.splice(head.indexOf(summary), 1);
  const [headline, ...rest] = head;
  const lines: string[] = [];
  const from: number[] = [];
  const put = (text: string, n: number): void => {
    lines.push(text);
    from.push(n);
  };
  if (headline !== undefined) put(headline.text, headline.n);
  put(`${later ? 'Updated' : 'Published'}: ${stamp.text}`, stamp.n);
  notes.push(later ? 'the time of transmission read as an update\'s: this version is not the story\'s first, whose publication may be earlier' : 'the time of transmission read as the first publication\'s');
  for (const r of rest) put(r.text, r.n);
  for (const p of paragraphs) {
    put('', p.n);
    put(p.text, p.n);
  }
  if (summary !== undefined) notes.push(`the wire's summary of the story is the record's summary: ${q(summary.text)}`);
  return { lines, from, notes, paragraphs, head, start: message.start, tables, ...(slugName === undefined ? {} : { slug: slugName }), ...(add === undefined ? {} : { add }), ...(summary === undefined ? {} : { summary: summary.text }) };
}

/**
 * The text importer, for copy in a transmission envelope: each message of the capture opened and imported
 * as a page; other text as it is.
 */
export function terminalImporter(importText: Importer): Importer {
  return (input: string, ctx: ImportContext): ImportResult => {
    if (!isTerminalCopy(input)) return importText(input, ctx);
    const out: ImportResult = { stories: [], diagnostics: [] };
    const pages: Opened[] = [];
    /** The last story of each slug, which an add continues. */
    const bySlug = new Map<string, Opened>();
    /** The slugs of messages refused: an add to one is not imported either. */
    const refused = new Set<string>();
    for (const message of messages(input.split(/\r\n|\r|\n/u))) {
      const opened = open(message, ctx.file);
      if ('error' in opened) {
        out.diagnostics.push(opened.error);
        if (opened.slug !== undefined) refused.add(opened.slug);
        continue;
      }
      // An add's paragraphs follow the take it continues, sent before it in the capture; alone, it is no story.
      const take = opened.add === undefined ? undefined : bySlug.get(opened.slug ?? '');
      if (opened.add !== undefined && take === undefined) {
        const why = refused.has(opened.slug ?? '') ? 'whose take in this capture was refused (above): it is imported with that take, once the take can be' : 'a further take of a story: import it in one file after the take it continues';
        out.diagnostics.push(diagnostic(Errors.ImportNoHeadline, { file: ctx.file, line: opened.start }, `this is an add to ${q(opened.slug ?? '')} (${q(opened.add)}), ${why}`));
        continue;
      }
      if (take !== undefined) {
        // (The add's tables go on after the take's: their stand-ins numbered on.)
        const shift = take.tables.length;
        take.tables.push(...opened.tables);
        for (const p of opened.paragraphs) {
          take.lines.push('', p.text.replace(/\uE000(\d+)\uE000/gu, (_, k: string) => tableToken(Number(k) + shift)));
          take.from.push(p.n, p.n);
        }
        take.notes.push(`the wire's add at line ${opened.start} (${q(opened.add ?? '')}) joined to the story: ${opened.paragraphs.length} paragraph${opened.paragraphs.length === 1 ? '' : 's'}; its time of transmission not used`);
        // (What its envelope said, and a line of a head an add should not have: noted, not lost.)
        take.notes.push(...opened.notes.filter((n) => !n.startsWith('the time of transmission')), ...opened.head.map((h) => `a line over the add's paragraphs, not used: ${q(h.text)}`));
        continue;
      }
      pages.push(opened);
      if (opened.slug !== undefined) bySlug.set(opened.slug, opened);
    }
    for (const page of pages) {
      const r = importOpened(importText, page, ctx, page.start);
      out.diagnostics.push(...r.diagnostics);
      out.stories.push(...r.stories.map((st) => withTables(page.summary === undefined ? st : { ...st, fields: { ...st.fields, summary: page.summary } }, page.tables)));
    }
    return out;
  };
}

/**
 * A story read from a page with its tables in place of their stand-ins (`tableToken`), each a GFM table, its
 * first row the header. A stand-in the story lost (it should not) has its table put at the end, noted:
 * nothing the wire sent is dropped.
 */
function withTables(story: ImportedStory, tables: readonly string[][][]): ImportedStory {
  if (tables.length === 0) return story;
  let body = story.body;
  const notes = [...story.notes];
  for (const [k, rows] of tables.entries()) {
    const at = body.indexOf(tableToken(k));
    const markdown = markdownTable(rows);
    if (at >= 0) body = `${body.slice(0, at)}${markdown}${body.slice(at + tableToken(k).length)}`;
    else {
      body = `${body}\n\n${markdown}`;
      notes.push(`the wire's table ${k + 1} (${rows.length} rows) put at the end of the story: its place was lost`);
    }
  }
  notes.push(`the wire's agate ${tables.length === 1 ? 'table' : `tables (${tables.length})`} kept as ${tables.length === 1 ? 'a table' : 'tables'}`);
  return { ...story, body, notes };
}

/**
 * A page opened from copy in an envelope (a terminal's, an e-mail's), imported as text: its diagnostics at the
 * copy's lines (`from`: the copy's line of each line of the page; `lineless`: the line of one that names none),
 * its stories with what the envelope said first.
 */
export function importOpened(importText: Importer, page: { lines: readonly string[]; from: readonly number[]; notes: readonly string[] }, ctx: ImportContext, lineless?: number): ImportResult {
  const r = importText(page.lines.join('\n'), ctx);
  const at = (line: number | undefined): number | undefined => (line === undefined ? lineless : (page.from[line - 1] ?? lineless ?? line));
  return {
    diagnostics: r.diagnostics.map((d) => {
      const line = at(d.line);
      return line === undefined ? d : { ...d, line };
    }),
    stories: r.stories.map((s) => ({ ...s, notes: [...page.notes, ...s.notes] })),
  };
}
