/**
 * What a record's credit fields must be: names on one line and with something to see, addresses Atom can
 * carry, and each person credited once. validate.ts applies these to each record.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Contributor, Diagnostic, Person } from '../types.js';
import { fieldName, type FieldPath } from './_paths.js';

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
  return /[\t\n\r]/.test(value) ? value.trim().replace(/[ \t\n\r]*[\t\n\r][ \t\n\r]*/g, ' ') : value.trim();
}

/** Text with nothing to see: spaces, and the format characters that print nothing (a zero-width space, joiners, marks of direction, soft hyphens, variation selectors). */
export const INVISIBLE = /^[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]+$/;

export const EMAIL_IN_TEXT = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[A-Za-z]{2,}/;

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
export const EMAIL = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*$`);
/**
 * A credit given twice is printed and emitted twice. The same byline again (case and composition aside),
 * or a contributor repeated with the same place and role, is left out with a warning; a contributor who
 * is also a byline is kept, with a warning, since one person may report and edit.
 */
export function withoutRepeats(
  authors: Person[], authorPaths: readonly { path: FieldPath }[],
  contributors: Contributor[], contributorPaths: readonly { path: FieldPath }[],
  warn: (path: FieldPath, d: (where: { file: string; line?: number; field?: string }) => Diagnostic) => void,
): { authors: Person[]; contributors: Contributor[] } {
  if (authors.length + contributors.length < 2) return { authors, contributors };
  const key = (name: string): string => name.normalize('NFC').toLowerCase();
  const bylines = new Map<string, FieldPath>();
  const keptAuthors = authors.filter((a, k) => {
    const path = authorPaths[k]!.path;
    const first = a.name === '' ? undefined : bylines.get(key(a.name));
    if (first !== undefined) warn(path, (w) => diagnostic(Errors.CreditRepeated, w, a.name, fieldName(first)));
    else if (a.name !== '') bylines.set(key(a.name), path);
    return first === undefined;
  });
  const seen = new Map<string, FieldPath>();
  const keptContributors = contributors.filter((c, k) => {
    const path = contributorPaths[k]!.path;
    const whole = [c.name, c.location ?? '', c.role ?? ''].map(key).join('\n');
    const first = c.name === '' ? undefined : seen.get(whole);
    if (first !== undefined) {
      warn(path, (w) => diagnostic(Errors.CreditRepeated, w, c.name, fieldName(first)));
      return false;
    }
    seen.set(whole, path);
    const byline = bylines.get(key(c.name));
    if (byline !== undefined) warn(path, (w) => diagnostic(Errors.CreditAlsoByline, w, c.name, fieldName(byline)));
    return true;
  });
  return { authors: keptAuthors, contributors: keptContributors };
}
