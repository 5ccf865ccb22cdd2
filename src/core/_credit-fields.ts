/**
 * What a record's credit fields must be: names on one line and with something to see, addresses Atom can
 * carry, and each person credited once. validate.ts applies these to each record.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Contributor, Diagnostic, Person } from '../types.js';
import { fieldName, type FieldPath } from './_paths.js';
import { roleKey } from './credits.js';

/**
 * A field that names someone or something, trimmed, with a tab, line feed or carriage return inside (and
 * the spaces around it) made one space. Such a value becomes an XML attribute (`dl:agency via`, `category
 * term`), where a parser reads each of them as a space, while JSON Feed would keep them: one value, read
 * alike by every parser. (Split and joined, not one expression: a long run of spaces costs linear time.)
 */
export function oneLine(value: string): string;
export function oneLine(value: string | undefined): string | undefined;
export function oneLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // (Word's line break U+000B, a form feed, NEL from mis-decoded Latin-1, and the Unicode separators too:
  // the XML clean-up would remove the first three and glue the words.)
  if (!/[\t\n\r\v\f\u0085\u2028\u2029]/.test(value)) return value.trim();
  return value.split(/[\t\n\r\v\f\u0085\u2028\u2029]/).map((part) => part.trim()).filter((part) => part !== '').join(' ');
}

/**
 * Characters that print nothing: spaces, format characters (Cf: a zero-width space, joiners, marks of
 * direction, soft hyphens, tag characters…), variation selectors, the blank Braille pattern, Hangul fillers.
 * Only a text made of nothing else is empty; inside or at the ends of a name they stay, since they shape
 * it (a Malayalam chillu's joiner, an emoji's variation selector, a flag's tag characters).
 */
const NOTHING = String.raw`\s\p{Cf}\u034F\u115F\u1160\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}`;
/** Text with nothing to see. */
const INVISIBLE = new RegExp(`^[${NOTHING}]+$`, 'u');

/** An optional name: `undefined` when it is empty or has nothing to see. (Printable ASCII is something to see: only a text without any is tested against the whole list.) */
export const visible = (value: string | undefined): string | undefined =>
  value === undefined || value === '' || (!/[\x21-\x7e]/.test(value) && INVISIBLE.test(value)) ? undefined : value;

/**
 * Whether a name holds an address ("Jane Doe (jane@paper.com)", "王晓岚 wangxl@xinhua.net。"): a word (what
 * is between characters no address holds) with one @, and a host with a dot and a letters-only last label.
 * Linear in the name.
 */
export function hasEmail(name: string): boolean {
  if (!name.includes('@')) return false;
  return name.split(/[^\p{L}\p{N}\p{M}@._%+'-]+/u).some((word) => {
    const at = word.indexOf('@');
    if (at <= 0 || word.indexOf('@', at + 1) >= 0) return false;
    // The host: what a host name holds after the @, without the dots and hyphens that end a sentence.
    let host = /^[A-Za-z0-9.-]*/.exec(word.slice(at + 1))![0];
    let end = host.length;
    while (end > 0 && (host[end - 1] === '.' || host[end - 1] === '-')) end--;
    host = host.slice(0, end);
    const dot = host.lastIndexOf('.');
    return dot > 0 && /^[A-Za-z]{2,}$/.test(host.slice(dot + 1));
  });
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/**
 * An addr-spec as Atom's `email` takes it (RFC 4287 §3.2.3, RFC 5322 §3.4.1): a dot-atom local part and a
 * host name whose last label holds a letter, in ASCII. (Not a quoted local part or an address literal,
 * which few readers handle; not `mailto:a@b.org`, which is a URL.) The configuration's author is checked
 * the same way.
 */
const EMAIL = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@(?:${LABEL}\\.)+(?=[A-Za-z0-9-]*[A-Za-z])${LABEL}$`);

/** Whether `value` is an address EMAIL takes, within RFC 5321's limits: 254 characters, a local part of 64, labels of 63. */
export const isEmail = (value: string): boolean =>
  value.length <= 254 && EMAIL.test(value) && value.indexOf('@') <= 64 && value.slice(value.indexOf('@') + 1).split('.').every((l) => l.length <= 63);

/**
 * The `mailto:` URL of an address (RFC 6068 §2): the characters of a local part that a URL reserves (`#`,
 * `?`, `%`, `/`, `=`, `&`…) percent-encoded, so that `news#desk@example.com` stays one address.
 */
export const mailtoUrl = (email: string): string =>
  `mailto:${email.replace(/[^A-Za-z0-9\-._~!$'()*+,;:@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;

/** Agencies a credit line names, as `key` would compare them: "via" beside one of these separates, in any case. */
const AGENCY_WORDS = new Set(['agencies', 'xinhua', 'reuters', 'ap', 'associated press', 'afp', 'agence france presse', 'getty images',
  'epa', 'efe', 'dpa', 'ansa', 'kyodo', 'yonhap', 'tass', 'ria novosti', 'upi', 'pti', 'aap', 'anadolu', 'bloomberg', 'cna', 'bernama', 'xinhua news agency']);
const agencyWord = (text: string): boolean =>
  text.length <= 40 && AGENCY_WORDS.has(text.trim().toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/ +/g, ' ').trim());

/**
 * An agency written as its credit line: `Agencies via Xinhua` is Xinhua, via Agencies; in a chain
 * (`Agencies via Reuters via Xinhua`) the agency is the last. "via" in lower case separates. Capitalised
 * (`Via`, `VIA`) it separates only beside an agency's name (`Reuters Via Xinhua`, `AFP VIA GETTY IMAGES`),
 * since elsewhere it may be part of a name (Via Rail, La Via Campesina). A lower-case "via" with nothing
 * on one side is no credit (`via Xinhua`).
 */
export function agencyLine(written: string): { name: string; via?: string } {
  if (!/v[ií]a/i.test(written)) return { name: written.trim() };
  // Words, not one expression over the text: a long run of spaces costs linear time.
  const words = written.trim().split(/\s+/);
  const isVia = (w: string): boolean => /^v[ií]a$/i.test(w);
  const lower = (w: string): boolean => w === 'via' || w === 'vía';
  if (words.length > 1 && isVia(words[0]!) && (lower(words[0]!) || (words.length <= 5 && agencyWord(words.slice(1).join(' '))))) words.shift();
  if (words.length > 1 && lower(words[words.length - 1]!)) words.pop();
  for (let k = words.length - 2; k >= 1; k--) {
    if (!isVia(words[k]!)) continue;
    // (An agency's name is a few words: only a short right side is joined to be looked up, so thousands of
    // "Via" cost linear time.)
    const named = (from: number, to: number): boolean => to - from <= 4 && agencyWord(words.slice(from, to).join(' '));
    if (lower(words[k]!) || named(k + 1, words.length) || [1, 2, 3].some((n) => k - n >= 0 && named(k - n, k))) {
      return { name: words.slice(k + 1).join(' '), via: words.slice(0, k).join(' ') };
    }
  }
  return { name: words.join(' ') };
}

/**
 * A credit given twice is printed and emitted twice. The same byline again (case and composition aside),
 * or a contributor again on the same line (the same role), is left out with a warning, and what it adds
 * (an address, a URL, a place) goes to the credit it repeats; one that says otherwise (another address,
 * another place) is kept, with a warning. A byline who also "contributed" (a contributor without a role)
 * is kept and named; with a role (Photography, Editing) it is a credit of its own.
 */
export function withoutRepeats(
  authors: Person[], authorPaths: readonly { path: FieldPath }[],
  contributors: Contributor[], contributorPaths: readonly { path: FieldPath }[],
  warn: (path: FieldPath, d: (where: { file: string; line?: number; field?: string }) => Diagnostic) => void,
): { authors: Person[]; contributors: Contributor[] } {
  if (authors.length + contributors.length < 2) return { authors, contributors };
  // Most stories credit each person once: their names are told apart first, and the folding (signatures,
  // compared fields) runs only for a list where two share one.
  const authorKeys = authors.map((a) => key(a.name));
  const keptAuthors = distinct(authorKeys) ? authors : keepOnce(authors, authorPaths, (a) => key(a.name), { url: (u) => u, email: key }, warn);
  const bylines = new Map<string, FieldPath>();
  authors.forEach((a, k) => {
    if (a.name !== '' && !bylines.has(authorKeys[k]!)) bylines.set(authorKeys[k]!, authorPaths[k]!.path);
  });
  const lineOf = (c: Contributor): string => `${key(c.name)}\n${roleKey(c.role)}`;
  const keptContributors = distinct(contributors.map(lineOf)) ? contributors : keepOnce(contributors, contributorPaths, lineOf, { location: key }, warn);
  if (bylines.size > 0) {
    const kept = new Set(keptContributors);
    contributors.forEach((c, k) => {
      const byline = c.name === '' || !kept.has(c) || roleKey(c.role) !== '' ? undefined : bylines.get(key(c.name));
      if (byline !== undefined) warn(contributorPaths[k]!.path, (w) => diagnostic(Errors.CreditAlsoByline, w, c.name, fieldName(byline)));
    });
  }
  return { authors: keptAuthors, contributors: keptContributors };
}

const distinct = (keys: readonly string[]): boolean => keys.length < 2 || new Set(keys).size === keys.length;

/** How names, places and addresses compare: case and Unicode composition aside, spaces as one. (Printable ASCII with single spaces needs only the case.) */
/** A credit's name as repeats are told apart: case, composition and runs of space aside. */
export const key = (text: string): string =>
  (/[^\x21-\x7e ]|  /.test(text) ? text.normalize('NFC').replace(/\s+/g, ' ') : text).toLowerCase();

/**
 * The credits of `list` with each repeat folded into an earlier one it does not contradict (the fields of
 * `compare`, compared as they say).
 */
function keepOnce<T extends Person | Contributor>(
  list: T[], paths: readonly { path: FieldPath }[], identity: (c: T) => string,
  compare: { [F in keyof T]?: (v: string) => string },
  warn: (path: FieldPath, d: (where: { file: string; line?: number; field?: string }) => Diagnostic) => void,
): T[] {
  type Kept = { at: FieldPath; credit: T; values: (string | undefined)[] };
  const seen = new Map<string, Kept[]>();
  /** Each kept credit by its name and every compared field as it was kept: an exact repeat is found however many came before. */
  const exact = new Map<string, Kept>();
  const signature = (id: string, values: readonly (string | undefined)[]): string => JSON.stringify([id, ...values]);
  const fields = Object.keys(compare) as (keyof T)[];
  const valuesOf = (c: T): (string | undefined)[] => fields.map((f) => (typeof c[f] === 'string' ? compare[f]!(c[f] as string) : undefined));
  return list.filter((c, k) => {
    const path = paths[k]!.path;
    if (c.name === '') return true;
    const id = identity(c);
    const earlier = seen.get(id) ?? [];
    const values = valuesOf(c);
    // (Against the first few kept under one name: a list of thousands of one name is no credit, and must not cost their square.)
    let fits: Kept | undefined = exact.get(signature(id, values));
    for (let j = 0; j < earlier.length && j < 16 && fits === undefined; j++) {
      const e = earlier[j]!;
      if (e.values.every((v, i) => v === undefined || values[i] === undefined || v === values[i])) fits = e;
    }
    if (fits !== undefined) {
      const into = fits;
      fields.forEach((f, i) => {
        if (into.credit[f] === undefined && c[f] !== undefined) {
          into.credit[f] = c[f];
          into.values[i] = values[i];
        }
      });
      warn(path, (w) => diagnostic(Errors.CreditRepeated, w, c.name, fieldName(into.at)));
      return false;
    }
    if (earlier.length > 0) warn(path, (w) => diagnostic(Errors.CreditRepeatedOtherwise, w, c.name, fieldName(earlier[0]!.at)));
    const entry = { at: path, credit: c, values };
    earlier.push(entry);
    if (earlier.length === 1) seen.set(id, earlier);
    exact.set(signature(id, values), entry);
    return true;
  });
}
