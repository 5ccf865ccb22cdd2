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
 * alike by every parser.
 */
export function oneLine(value: string): string;
export function oneLine(value: string | undefined): string | undefined;
export function oneLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const line = /[\t\n\r]/.test(value) ? value.trim().replace(/[ \t\n\r]*[\t\n\r][ \t\n\r]*/g, ' ') : value.trim();
  // (What prints nothing at the ends goes too: "\u200cJane Doe" is "Jane Doe". Rare, so tested first.)
  return /^[\s\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|[\s\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]$/.test(line) && !INVISIBLE.test(line) ? line.replace(AT_ENDS, '') : line;
}

/**
 * Characters that print nothing: spaces, and format characters (a zero-width space, joiners, marks of
 * direction, soft hyphens, variation selectors, tag characters, the blank Braille pattern, Hangul fillers).
 */
const NOTHING = String.raw`\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}`;
/** Text with nothing to see. */
export const INVISIBLE = new RegExp(`^[${NOTHING}]+$`, 'u');
const AT_ENDS = new RegExp(`^[${NOTHING}]+|[${NOTHING}]+$`, 'gu');

/** An optional name: `undefined` when it has nothing to see, else as given with what prints nothing at its ends taken off. */
export function visible(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (INVISIBLE.test(value)) return undefined;
  return value.replace(AT_ENDS, '');
}

/** Whether a name holds an address ("Jane Doe (jane@paper.com)"): a word with one @ and a host with a dot and a letters-only last label. Linear in the name. */
export function hasEmail(name: string): boolean {
  if (!name.includes('@')) return false;
  return name.split(/[\s<>()[\]"',;]+/).some((word) => {
    const at = word.indexOf('@');
    if (at <= 0 || word.indexOf('@', at + 1) >= 0) return false;
    const host = word.slice(at + 1);
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

/** Whether `value` is an address EMAIL takes; past 254 characters (RFC 5321's limit) none is. */
export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);

/**
 * The `mailto:` URL of an address (RFC 6068 §2): the characters of a local part that a URL reserves (`#`,
 * `?`, `%`, `/`, `=`, `&`…) percent-encoded, so that `news#desk@example.com` stays one address.
 */
export const mailtoUrl = (email: string): string =>
  `mailto:${email.replace(/[^A-Za-z0-9\-._~!$'()*+,;:@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;

/**
 * An agency written as its credit line: `Agencies via Xinhua` is Xinhua, via Agencies; in a chain
 * (`Agencies via Reuters via Xinhua`) the agency is the last. "via" in lower case separates; capitalised,
 * it starts a name (Via Rail, La Via Campesina), except after "Agencies" (`Agencies Via Xinhua`, as China
 * Daily prints it). A lower-case "via" with nothing on one side is no credit (`via Xinhua`).
 */
export function agencyLine(written: string): { name: string; via?: string } {
  const text = written.replace(/^via\s+(?=\S)/, '').replace(/(?<=\S)\s+via$/, '');
  const chain = /^(\S.*)\s+via\s+(\S.*)$/.exec(text) ?? /^(agencies)\s+via\s+(\S.*)$/i.exec(text);
  return chain === null ? { name: text } : { name: chain[2]!.trim(), via: chain[1]!.trim() };
}

/**
 * A credit given twice is printed and emitted twice. The same byline again (case and composition aside),
 * or a contributor again on the same line (the same role), is left out with a warning, and what it adds
 * (an address, a URL, a place) goes to the first; one that says otherwise (another address, another
 * place) is kept, with a warning. A byline who also "contributed" (a contributor without a role) is kept
 * and named; with a role (Photography, Editing) it is a credit of its own.
 */
export function withoutRepeats(
  authors: Person[], authorPaths: readonly { path: FieldPath }[],
  contributors: Contributor[], contributorPaths: readonly { path: FieldPath }[],
  warn: (path: FieldPath, d: (where: { file: string; line?: number; field?: string }) => Diagnostic) => void,
): { authors: Person[]; contributors: Contributor[] } {
  if (authors.length + contributors.length < 2) return { authors, contributors };
  const key = (name: string): string => name.normalize('NFC').toLowerCase();
  /** Whether `b` may be folded into `a`: no field both give differently. Folds it when so. */
  const fold = <T extends object>(a: T, b: T, fields: readonly (keyof T)[]): boolean => {
    if (fields.some((f) => a[f] !== undefined && b[f] !== undefined && a[f] !== b[f])) return false;
    for (const f of fields) if (a[f] === undefined && b[f] !== undefined) a[f] = b[f];
    return true;
  };
  const bylines = new Map<string, { at: FieldPath; person: Person }>();
  const keptAuthors = authors.filter((a, k) => {
    const path = authorPaths[k]!.path;
    const first = a.name === '' ? undefined : bylines.get(key(a.name));
    if (first === undefined) {
      if (a.name !== '') bylines.set(key(a.name), { at: path, person: a });
      return true;
    }
    const folded = fold(first.person, a, ['url', 'email']);
    warn(path, (w) => diagnostic(folded ? Errors.CreditRepeated : Errors.CreditRepeatedOtherwise, w, a.name, fieldName(first.at)));
    return !folded;
  });
  const lines = new Map<string, { at: FieldPath; contributor: Contributor }>();
  const keptContributors = contributors.filter((c, k) => {
    const path = contributorPaths[k]!.path;
    const line = `${key(c.name)}\n${roleKey(c.role)}`;
    const first = c.name === '' ? undefined : lines.get(line);
    if (first !== undefined) {
      const folded = fold(first.contributor, c, ['location']);
      warn(path, (w) => diagnostic(folded ? Errors.CreditRepeated : Errors.CreditRepeatedOtherwise, w, c.name, fieldName(first.at)));
      return !folded;
    }
    if (c.name !== '') lines.set(line, { at: path, contributor: c });
    const byline = bylines.get(key(c.name));
    if (byline !== undefined && roleKey(c.role) === '') warn(path, (w) => diagnostic(Errors.CreditAlsoByline, w, c.name, fieldName(byline.at)));
    return true;
  });
  return { authors: keptAuthors, contributors: keptContributors };
}
