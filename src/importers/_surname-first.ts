/** Bylines written surname first (`By Smith, John`, `By Doe, Jane and Hale, Tom`): turned round, or kept whole as printed. */
import { parseAgencyLine } from './_agencies.js';
import { isPlace, isPlaceNotGivenName } from './_places.js';
import { isPostNominal, nameSuffix } from './_suffix.js';
import { agencyOfPublication, isBureau, isInitials, isJobPhrase, isJobWord, isModifierOnly, isPublicationName, isStaffCredit, looksLikeName } from './_names.js';
import { NAME_PARTICLES } from './_particles.js';

/**
 * A surname printed alone before a comma: one capitalised word, after a name's particles in lower case
 * (`Doe`, `de la Cruz`), or in capitals as a byline in capitals prints them (`DE LA CRUZ`; not `AL`, `EL`,
 * `LE`, `DO`, `Y`, which are given names or words as often: `AL SMITH`).
 */
/**
 * In bylines printed in capitals (`DE LA CRUZ, MARIA`): not all of NAME_PARTICLES, whose capitals are
 * also words and abbreviations (`AL`, a state; `E`, `Y`, `DO`, `TE`).
 */
const CAPITAL_PARTICLES = ['DE', 'DEL', 'DELLA', 'DER', 'DEN', 'DA', 'DAS', 'DOS', 'DU', 'DI', 'LA', 'VAN', 'VON', 'BIN', 'BINTI', 'IBN'];
const SURNAME = String.raw`(?:(?:${[...NAME_PARTICLES, ...CAPITAL_PARTICLES].join('|')})\s+)*[\p{Lu}][\p{L}\p{M}'’-]+`;
export const isSurnameAlone = (text: string): boolean => new RegExp(`^${SURNAME}$`, 'u').test(text.trim());

/**
 * A byline of one name written surname first, as some systems store it: `Smith, John`, `Doe, Jane A.`,
 * `de la Cruz, Maria` gives `John Smith`. A surname alone before the comma (`isSurnameAlone`; no job
 * word, `Correspondent, Asia`) and one given name or initial (with an initial) after it; not a title cut
 * short (`Doe, Senior`), though Junior is a given name too (`Santos, Junior`), nor letters (`Hale, MP`),
 * nor a place that is no given name too (`Doe, Texas`, `Doe, Florence`; `Lee, Georgia` is turned round):
 * see `keptWhole`.
 */
export function surnameFirst(names: string): string | undefined {
  const m = new RegExp(String.raw`^(${SURNAME}),\s*((?:[\p{Lu}][\p{L}\p{M}'’-]+|\p{Lu}\.)(?:\s+\p{Lu}\.)?)$`, 'u').exec(names.trim());
  const [surname = '', given = ''] = m === null ? [] : [m[1], m[2]];
  if (m === null || (isModifierOnly(given) && !/^Junior$/iu.test(given)) || /^(?:staff|correspondents?|reporters?|writers?|editors?|photographers?)$/i.test(given) || nameSuffix(given) !== undefined || isPlaceNotGivenName(given) || parseAgencyLine(surname) !== undefined || parseAgencyLine(given) !== undefined) return undefined;
  if (isPostNominal(given) || /^\p{Lu}{2}$/u.test(given) || isJobWord(surname) || isJobPhrase(surname)) return undefined;
  return `${given} ${surname}`;
}

/**
 * A name written surname first (`surnameFirst`), then its place after another comma (`Doe, Jane,
 * Washington`, `Doe, Jane, Washington, D.C.`), as NITF reads such a <person>: the name turned round, the
 * surname-first part as printed, and the place, which a byline has no field for.
 */
export function surnameFirstThenPlace(names: string): { name: string; printed: string; place: string } | undefined {
  const parts = names.trim().split(/\s*,\s*/u);
  const printed = parts.slice(0, 2).join(', ');
  const name = parts.length < 3 ? undefined : surnameFirst(printed);
  return name !== undefined && parts.slice(2).every((p) => isPlace(p) && parseAgencyLine(p) === undefined) ? { name, printed, place: parts.slice(2).join(', ') } : undefined;
}

/**
 * A byline of a surname alone and, after the comma, a place or initials (`By Doe, Florence`, `By Doe,
 * Texas`, `By Vance, J.D.`, `By Hale, MP`), or of a job and a place (`By Correspondent, Asia`; not of the
 * staff and a place, `By Staff, Texas`, read as `By Staff` is with the place noted): a name
 * written surname first whose given name is a place's or initials as much as a name and its place or
 * letters, or no name at all. Kept whole, as printed, as NITF keeps such a <person> (`personWithComma`),
 * and noted; never cut to the surname, nor made two people. Not with an agency on either side (`Xinhua,
 * Beijing`). The text kept; undefined for any other byline.
 */
export function keptWhole(names: string): string | undefined {
  const [first = '', second, ...more] = names.trim().split(/\s*,\s*/u);
  if (second === undefined || more.length > 0 || parseAgencyLine(first) !== undefined || parseAgencyLine(second) !== undefined) return undefined;
  // (A staff credit and a place, `Staff, Texas`, is read as `Staff` alone is, and the place as after a name's: `isStaffCredit`.)
  if (isStaffCredit(first)) return undefined;
  const job = isJobWord(first) || isJobPhrase(first) || isModifierOnly(first);
  if (job) return isPlace(second) ? `${first}, ${second}` : undefined;
  return isSurnameAlone(first) && (isPlace(second) || isInitials(second)) ? `${first}, ${second}` : undefined;
}

/**
 * A byline that starts with a surname alone, a comma and a given name, and names more after them (`Doe,
 * Jane, Tom Hale`, `Doe, Jane and Tom Hale`, `Doe, Jane, Reuters`, `Doe, Jane with Tom Hale`): where the
 * first two would be turned round alone (`surnameFirst`), the name turned round (`Jane Doe`), the pair as
 * printed, and the byline to read with the name in its place (`Jane Doe, Tom Hale`). Each later pair of a
 * surname alone, a comma and a given name is turned round too (`Doe, Jane and Hale, Tom`, `Lee, Ann, Kim,
 * Min`: `more`); where one would be left a word alone that may be a surname or a given name (`Doe, Jane,
 * Hale, Reuters`, `Doe, Jane and Hale`), or the list is longer than any byline's (`MAX_BYLINE_PARTS`), the
 * whole byline is kept, as printed, for one credit. Where the
 * first two would not be turned round, and the given part may be a name's (`Doe, Jane Ann, Tom Hale`), a
 * place's or initials (`keptWhole`: `Doe, Florence, Tom Hale`), the whole byline too: never cut into a
 * surname and a given name as two people (`Doe`, `Jane`), nor one of them dropped.
 * Undefined for any other byline (and for the two-part ones and the places after them that `surnameFirst`,
 * `keptWhole` and `surnameFirstThenPlace` read).
 */
export function surnameFirstThenMore(names: string):
  | { name: string; printed: string; rewritten: string; more?: { name: string; printed: string }[] }
  | { whole: string }
  | undefined {
  const text = names.replace(/\s+/g, ' ').trim();
  const parts = text.split(/ ?, ?/u);
  const [first = '', second = ''] = parts;
  if (parts.length < 2 || !isSurnameAlone(first) || isJobWord(first) || isJobPhrase(first) || parseAgencyLine(first) !== undefined) return undefined;
  const [given = '', ...others] = second.split(/ (?:and|AND|&|with|With|WITH) /u);
  if (others.length === 0 && surnameFirstThenPlace(text) !== undefined) return undefined;
  const printed = `${first}, ${given}`;
  const name = surnameFirst(printed);
  // (A surname and given names that `surnameFirst` does not turn round, `By King, Martin Luther`, `By Doe,
  // Jane Ann`, are kept whole below, as with more after them: never the surname alone as one author.)
  if (others.length === 0 && parts.length === 2 && name !== undefined) return undefined;
  if (name !== undefined) {
    const read = pairsTurnedRound(text);
    return read === undefined ? { whole: text } : { name, printed, rewritten: read.rewritten, ...(read.more.length > 0 ? { more: read.more } : {}) };
  }
  // (Not turned round: kept whole if the given part may be a name's, a place's or initials; after it an
  // agency, a suffix, letters or a title are read as after any name: `Doe, Jr., Tom Hale`, `Hale, Reuters`.)
  const named = looksLikeName(given) && parseAgencyLine(given) === undefined && agencyOfPublication(given) === undefined && !isPublicationName(given) &&
    nameSuffix(given) === undefined && !isPostNominal(given) && !isJobPhrase(given) && !isJobWord(given) && !isBureau(given) && !isModifierOnly(given);
  return named || keptWhole(printed) !== undefined ? { whole: text } : undefined;
}

/**
 * A byline whose first name is printed as names are (`Jane Doe and Hale, Tom`, `Jane Doe, Hale, Tom`) with
 * a later name written surname first: each later pair of a surname alone, a comma and a given name turned
 * round (`Jane Doe and Tom Hale`, the pairs as printed in `more`), as after a first name written so
 * (`pairsTurnedRound`). Where a word would be left alone that may be a surname or a given name (`Jane Doe
 * and Hale`, `Jane Doe, Hale, Reuters`), or the list is longer than any byline's, the whole byline, as
 * printed, for one credit: never a lone surname or given name as an author. Undefined when no later part
 * is such a word (the byline is read as before), and for a byline that starts with one (`Hale, Reuters`,
 * `surnameFirstThenMore`'s).
 */
export function laterSurnameFirst(names: string): { rewritten: string; more: { name: string; printed: string }[] } | { whole: string } | undefined {
  const text = names.replace(/\s+/g, ' ').trim();
  // (No byline names dozens of people: a longer list is read as before, and in time on hostile copy.)
  const tokens = text.split(BETWEEN_NAMES, 2 * MAX_BYLINE_PARTS + 1);
  if (tokens.length > 2 * MAX_BYLINE_PARTS) return undefined;
  const items = tokens.filter((_, k) => k % 2 === 0).map((t) => t.trim());
  // (A word alone after a person's name only: `The Guardian & Observer` is a publication's.)
  const person = (t: string): boolean => looksLikeName(t) && !isPublicationName(t) && parseAgencyLine(t) === undefined && agencyOfPublication(t) === undefined && !isPlace(t);
  if (items.length < 2 || isLoneNameWord(items[0] ?? '') || isSurnameAlone(items[0] ?? '') || !items.some((t, k) => k > 0 && isLoneNameWord(t) && person(items[k - 1] ?? ''))) return undefined;
  const read = pairsTurnedRound(text);
  return read === undefined || read.more.length === 0 ? { whole: text } : read;
}

/** The most parts (names, places, agencies, titles) a byline written surname first has its names turned round in. */
const MAX_BYLINE_PARTS = 24;

/** Between a byline's names: a comma (and an "and" after it), "and", "&" or "with". */
const BETWEEN_NAMES = /( ?, ?(?:(?:and|AND) )?| (?:and|AND|&|with|With|WITH) )/u;

/**
 * A byline whose first two parts are a name written surname first, with every pair of a surname alone, a
 * comma and a given name turned round (`Doe, Jane and Hale, Tom` → `Jane Doe and Tom Hale`), the later
 * pairs as printed (`more`); undefined when a word would be left alone that may be a surname or a given
 * name (`Doe, Jane, Hale, Reuters`: `Hale`), which is no one's whole name.
 */
function pairsTurnedRound(text: string): { rewritten: string; more: { name: string; printed: string }[] } | undefined {
  const tokens = text.split(BETWEEN_NAMES);
  // (No byline names dozens of people: a longer list is kept whole, and read in time on hostile copy.)
  if (tokens.length > 2 * MAX_BYLINE_PARTS) return undefined;
  const items = tokens.filter((_, k) => k % 2 === 0).map((t) => t.trim());
  const seps = tokens.filter((_, k) => k % 2 === 1).map((sep) => (sep.includes(',') ? `, ${/and/iu.test(sep) ? 'and ' : ''}` : ` ${sep.trim()} `));
  const more: { name: string; printed: string }[] = [];
  let rewritten = '';
  for (let k = 0; k < items.length;) {
    const item = items[k] ?? '';
    const comma = seps[k] === ', ';
    const pair = comma && k + 1 < items.length ? `${item}, ${items[k + 1] ?? ''}` : undefined;
    const name = pair !== undefined && isSurnameAlone(item) ? surnameFirst(pair) : undefined;
    if (name !== undefined && pair !== undefined) {
      if (k > 0) more.push({ name, printed: pair });
      rewritten += name + (seps[k + 1] ?? '');
      k += 2;
      continue;
    }
    if (isLoneNameWord(item)) return undefined;
    rewritten += item + (seps[k] ?? '');
    k += 1;
  }
  return { rewritten, more };
}

/**
 * One capitalised word that may be a surname or a given name (`Hale`, `Tom`): not a suffix, letters,
 * initials, a title, a place, an agency, a publication or the staff (`Jr.`, `PhD`, `Texas`, `Reuters`).
 */
function isLoneNameWord(part: string): boolean {
  const t = part.trim();
  return /^[\p{Lu}][\p{L}\p{M}'’-]+$/u.test(t) && nameSuffix(t) === undefined && !isPostNominal(t) && !isInitials(t) && !isPlace(t) &&
    parseAgencyLine(t) === undefined && agencyOfPublication(t) === undefined && !isPublicationName(t) && !isJobWord(t) && !isJobPhrase(t) &&
    !isModifierOnly(t) && !isStaffCredit(t) && !isBureau(t);
}

/** What `keptWhole` keeps after a surname alone or a job: a place or initials (`Doe, Florence`, `Vance, J.D.`, `Correspondent, Asia`). */
const placeOrInitials = (part: string): boolean => isPlace(part) || isInitials(part);

/** The note for a byline `keptWhole` keeps, or `surnameFirstThenMore` keeps whole. */
export const keptWholeNote = (printed: string): string =>
  !isSurnameAlone(printed.split(BETWEEN_NAMES)[0] ?? '')
    ? `byline ${JSON.stringify(printed)} names, after a name, a word alone that may be a surname or a given name, in a form not read (a name written surname first, or names apart): kept whole, as one credit`
    : / ?, ?[^,]* ?, ?| (?:and|AND|&) /u.test(printed) || !placeOrInitials(printed.split(',')[1] ?? '')
    ? `byline ${JSON.stringify(printed)} starts with a surname alone and a comma, then names more, in a form not read (a name written surname first, or names apart): kept whole, as one credit`
    : `byline ${JSON.stringify(printed)} is a surname and a place or initials (a name written surname first, or a name and its place or letters): kept whole, as one name`;
