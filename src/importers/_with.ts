/** "with" in a byline (`Jane Doe with Tom Hale`, `Jane Doe, with reporting by Tom Hale`) and a paper's staff (`Tribune staff`): two people, a credit line, a title, or kept as printed. */
import { parseContributorLine, type Contributor } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { isPlace } from './_places.js';
import { isPostNominal, nameSuffix } from './_suffix.js';
import { startsWithKnownName } from './_given-names.js';
import { agencyOfPublication, isBureau, isJobPhrase, isJobWord, isModifierOnly, isPublicationName, isStaffCredit, looksLikeName, nameAndAgency } from './_names.js';

/**
 * A paper's staff named by its masthead (`Tribune staff`, `Sun-Times staff`, `TRIBUNE STAFF`, `Times Staff`):
 * no one's name, a title, as `Staff` is. "staff" in lower case after capitalised words; in capitals, after
 * words that start with no given name the list knows; capitalised, after a masthead's last word
 * (`MASTHEAD_ENDS`), unless that word comes after one other that is neither a place nor a masthead's word
 * (`Kwame Times Staff`: a given name the list lacks and a surname that is a masthead's word, the review's;
 * `Chicago Tribune Staff`, `Star Tribune Staff`, `Dallas Morning News Staff` are mastheads). Not
 * `Jonathan Staff`, a surname.
 */
export function isStaffOf(part: string): boolean {
  const m = /^((?:[\p{Lu}][\p{L}\p{M}.'’&-]*\s){1,4})(staff|STAFF|Staff)(?:\s(?:writers?|reporters?|WRITERS?|REPORTERS?|Writers?|Reporters?))?$/u.exec(part.trim());
  if (m === null) return false;
  const before = (m[1] ?? '').trim();
  if (m[2] === 'staff') return true;
  if (m[2] === 'Staff') {
    const words = before.split(/\s+/u);
    const masthead = (w: string): boolean => MASTHEAD_ENDS.has((w.split('-').pop() ?? '').toLowerCase());
    if (!masthead(words[words.length - 1] ?? '')) return false;
    if (words.length === 2 && !masthead(words[0] ?? '') && !isPlace(words[0] ?? '')) return false;
  }
  return !startsWithKnownName(before);
}

/** The last words of mastheads (`Times`, `Sun-Times`, `Journal Sentinel`), before which a capitalised "Staff" is their staff. */
const MASTHEAD_ENDS = new Set(['times', 'tribune', 'post', 'sun', 'star', 'herald', 'globe', 'journal', 'gazette', 'chronicle', 'courier', 'examiner',
  'inquirer', 'enquirer', 'dispatch', 'bulletin', 'observer', 'guardian', 'telegraph', 'sentinel', 'ledger', 'bee', 'register', 'record', 'review',
  'standard', 'mirror', 'express', 'news', 'press', 'daily', 'weekly', 'monitor', 'democrat', 'republican', 'independent', 'citizen', 'picayune',
  'statesman', 'constitution', 'advertiser', 'dealer']);

/** The staff, or a masthead's, with "the" before it or not (`Staff`, `the Tribune staff`): a title. */
export const isStaffTitle = (part: string): boolean => {
  const t = part.trim().replace(/^(?:the|THE) /u, '');
  return isStaffCredit(t) || isStaffOf(t);
};

/**
 * `Jane Doe with staff`, `Jane Doe with Tribune staff`, `JANE DOE WITH STAFF`: the name, and the staff after
 * "with" (`isStaffCredit`, `isStaffOf`, or an agency's staff, `Reuters staff`), to read as a title (or the
 * agency) is read after a comma; undefined for any other part.
 */
export function withStaff(part: string): [string, string] | undefined {
  const text = part.replace(/\s+/g, ' ').trim();
  if (!WITH.test(text)) return undefined;
  const sides = text.split(WITH).map((s) => s.trim());
  const [name = '', printed = ''] = sides;
  // (`with the staff`, `with the Tribune staff`: the staff all the same.)
  const agencyStaff = /^(.+?) (?:staff|Staff|STAFF)$/u.exec(printed)?.[1];
  const isStaff = isStaffTitle(printed) || (agencyStaff !== undefined && parseAgencyLine(agencyStaff.replace(/^the\s+/iu, '')) !== undefined);
  return sides.length === 2 && isStaff && looksLikeName(name) && !isStaffCredit(name) ? [name, printed] : undefined;
}

/**
 * Words that make an organisation's or a programme's name, not a person's (`Human Rights Watch`, `Doctors
 * Without Borders`, `Friends of the Earth`): no "with" is taken as parting two people before or after one.
 */
const ORGANISATION_WORDS = new Set([
  'watch', 'borders', 'foundation', 'institute', 'council', 'group', 'association', 'society', 'center', 'centre', 'network', 'trust', 'fund',
  'league', 'union', 'committee', 'agency', 'service', 'services', 'bank', 'party', 'club', 'team', 'company', 'corporation', 'corp', 'inc', 'ltd',
  'llc', 'news', 'times', 'post', 'press', 'review', 'journal', 'magazine', 'radio', 'tv', 'television', 'university', 'college', 'school',
  'church', 'museum', 'partners', 'project', 'coalition', 'alliance', 'federation', 'ministry', 'department', 'office', 'bureau', 'police',
  'army', 'navy', 'desk', 'staff', 'reports', 'media', 'studio', 'studios', 'productions', 'international', 'global', 'world',
  // (Companies' and mastheads' words after a first word that may be a given name: Lee Enterprises, Sun Sentinel.)
  'enterprises', 'holdings', 'industries', 'publishing', 'publications', 'newspapers', 'communications', 'sentinel', 'tribune', 'herald',
  'gazette', 'courier', 'chronicle', 'telegraph', 'examiner', 'dispatch', 'inquirer', 'bulletin', 'daily', 'weekly', 'observer', 'guardian',
  // (And a relief body's: Mercy Corps, Peace Corps.)
  'corps',
]);

/**
 * A sign that words are a person's name, not an organisation's or a publication's of the same shape
 * (`Tom Hale` and `Red Cross`, `Ann Lee` and `Civil Eats`): a first word the compact list of given names
 * knows (`startsWithKnownName`: `Tom`, `Jane`, `Wang`), or one middle initial or two between a given name
 * and a surname (`Tom J. Hale`, `Ann M. R. Lee`).
 */
function hasPersonSign(words: readonly string[]): boolean {
  if (startsWithKnownName(words.join(' '))) return true;
  return words.length >= 3 && words.length <= 4 && words.slice(1, -1).every((w) => /^\p{Lu}\.$/u.test(w));
}

/**
 * What reads as one person's name beside a "with" (`withNames`): a name of two to five words, no place,
 * agency, title or organisation, and with a sign that it is a person's (`hasPersonSign`): any two
 * capitalised words may be an organisation (`Red Cross`, `Mercy Corps`, `Wall Street`), and a "with"
 * parted there would make it an author.
 */
function isPersonBesideWith(printed: string): boolean {
  // (A place after "in" goes with the name: `Tom Hale in Paris`.)
  const name = /^(.+?) (?:in|IN) \p{Lu}/u.exec(printed)?.[1] ?? printed;
  const words = name.split(' ');
  return (
    words.length >= 2 && hasPersonSign(words) && looksLikeName(name) && !/\p{Script=Han}/u.test(name) && !isPlace(name) && parseAgencyLine(name) === undefined &&
    parseAgencyLine(name.replace(/^the\s+/iu, '')) === undefined && nameAndAgency(name) === undefined && agencyOfPublication(name) === undefined &&
    !isPublicationName(name) && !isJobPhrase(name) && !isBureau(name) && !isModifierOnly(name) && !words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase().replace(/[.'’]+$/u, '')))
  );
}

/** A "with" between words of a byline, in lower case, capitalised or in capitals (`With` is read as `with` is; one space each side: bylines are squashed before). */
export const WITH = /\s(?:with|With|WITH)\s/u;

/**
 * `Jane Doe with Tom Hale` → `Jane Doe`, `Tom Hale`: a "with" parts two people (or more) only when every
 * side reads as a person's name (`isPersonBesideWith`). `Jane Doe with Human Rights Watch`, `Tom Hale with
 * the Navy`, `Ann Lee with Reuters` are no two people: undefined, for the caller to keep as it reads any
 * other byline, with `withNote`.
 */
export function withNames(part: string): string[] | undefined {
  const text = part.replace(/\s+/g, ' ').trim();
  if (!WITH.test(text)) return undefined;
  const sides = text.split(WITH).map((s) => s.trim());
  return sides.every(isPersonBesideWith) ? sides : undefined;
}

/**
 * `Jane Doe, with Tom Hale`: the name after a comma and a "with", when the part before the comma and the
 * name after "with" both read as people's names, as `withNames` parts them; undefined for any other part.
 */
export function withAfterComma(before: string, part: string): string | undefined {
  const name = /^(?:with|With|WITH) (.+)$/u.exec(part.replace(/\s+/g, ' ').trim())?.[1];
  // (The last name before the comma: `Jane Doe and Tom Hale, with Ann Lee`.)
  const last = before.replace(/\s+/g, ' ').trim().split(/ (?:with|With|WITH|and|AND|&) /u).pop() ?? '';
  return name !== undefined && isPersonBesideWith(last) && isPersonBesideWith(name) ? name : undefined;
}

/** What follows "with" at the head of a part after a comma (`with Tom Hale` → `Tom Hale`); undefined for any other part. */
const afterWith = (part: string): string | undefined => /^(?:with|With|WITH) (.+)$/u.exec(part.replace(/\s+/g, ' ').trim())?.[1];

/**
 * The part a ", with" follows, for `withAfterComma`: the nearest before it that is no title, staff, suffix,
 * letters or place (`Jane Doe, Staff Writer, with Tom Hale`: `Jane Doe`), looking back a few parts at most.
 */
export function nameBeforeWith(parts: readonly string[], i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const p = parts[k] ?? '';
    const other = isJobPhrase(p) || isBureau(p) || isModifierOnly(p) || isStaffTitle(p) || isPostNominal(p) || nameSuffix(p) !== undefined || (k > 0 && isPlace(p) && parseAgencyLine(p) === undefined);
    if (!other) return p;
  }
  return parts[i - 1] ?? '';
}

/**
 * Words after "with" that may be a person's name with no sign of it (`Kwame Mensah`): capitalised words,
 * no organisation's, company's or masthead's word (`Mercy Corps`), no agency, publication, place, title or staff.
 */
function mayBePersonAfterWith(name: string): boolean {
  const words = name.split(' ');
  return looksLikeName(name) && !/\p{Script=Han}/u.test(name) && !isPlace(name) && parseAgencyLine(name) === undefined && parseAgencyLine(name.replace(/^the\s+/iu, '')) === undefined &&
    nameAndAgency(name) === undefined && agencyOfPublication(name) === undefined && !isPublicationName(name) && !isJobPhrase(name) && !isJobWord(name) && !isStaffTitle(name) &&
    !isBureau(name) && !isModifierOnly(name) && !words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase().replace(/[.'’]+$/u, '')));
}

/**
 * `with reporting by Tom Hale` after a comma: a credit line (`Reporting by Tom Hale`, as the contributor-line
 * reader reads it), its contributors; undefined for any other part, and for one the reader cannot read.
 */
export function withCreditLine(part: string): Contributor[] | undefined {
  const rest = afterWith(part);
  if (rest === undefined || !/^\p{Ll}/u.test(rest) || !/\sby\s/u.test(rest)) return undefined;
  return parseContributorLine(`${rest.charAt(0).toUpperCase()}${rest.slice(1)}`);
}

/**
 * A byline with a part after a comma that starts with "with" and names someone who may be a person but
 * shows no sign of one (`Jane Doe, with Kwame Mensah`: `withAfterComma` does not part it), or a credit line
 * the contributor-line reader cannot read (`with photos by Tom Hale`): kept as printed, one credit, noted,
 * as `Jane Doe with Kwame Mensah` is. Nothing printed is lost. An organisation, an agency or a place after
 * it (`, with Mercy Corps`, `, with Reuters`) is noted as no name, as before: false.
 */
export function keptAtCommaWith(names: string): boolean {
  const parts = names.replace(/\s+/g, ' ').trim().split(/ ?, ?/u);
  return parts.some((part, i) => {
    const rest = i === 0 ? undefined : afterWith(part);
    if (rest === undefined) return false;
    if (/^\p{Ll}/u.test(rest)) return /\sby\s/u.test(rest) && withCreditLine(part) === undefined;
    const first = rest.split(/ (?:and|AND|&) | ?& ?/u)[0] ?? '';
    return withAfterComma(nameBeforeWith(parts, i), `with ${first}`) === undefined && mayBePersonAfterWith(first);
  });
}

/** The note for a byline with a "with" in it not parted (`withNames`). */
export const withNote = (printed: string): string =>
  `byline ${JSON.stringify(printed)} has "with" in it, but not between two people's names: not parted there`;
