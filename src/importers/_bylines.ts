/** Bylines and editor lines of raw copy: names as printed, cased as names. */
import { isPublication, parseAgencyLine, parseContributorLine, type Contributor } from './lines.js';
import { isPlace, isPlaceNotGivenName } from './_places.js';
import { isRegionAbbreviation } from './_regions.js';
import { isPostNominal, nameSuffix } from './_suffix.js';
import { startsWithKnownName } from './_given-names.js';
// ----- Credits -----

export const NAME_PARTICLES = new Set(['al', 'bin', 'binti', 'da', 'das', 'de', 'del', 'della', 'den', 'der', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'van', 'von', 'y']);

/**
 * A word that starts a name: a capital, or a letter of a script without case (Arabic, Hebrew, Devanagari,
 * Hangul, kana, Thai: `محمد`, `דנה`, `राजेश`, `김민수`), where every word of a name is written alike. Lower
 * case starts no name (`By the way`).
 */
export const NAME_START = /^[\p{Lu}\p{Lo}]/u;
/** The letters of a name's word: letters, their marks (Devanagari's and Thai's vowels), apostrophes, dots, hyphens, and the joiners of Persian (`مهدی‌زاده`). */
const NAME_LETTERS = /^[\p{L}][\p{L}\p{M}'’.\u200C\u200D-]*$/u;

export function looksLikeName(s: string): boolean {
  if (/\p{Script=Han}/u.test(s)) return /^[\p{Script=Han}·]{2,8}$/u.test(s);
  const words = s.split(' ');
  return (
    words.length <= 5 &&
    NAME_START.test(s) &&
    words.every((w) => NAME_LETTERS.test(w) && (NAME_START.test(w) || NAME_PARTICLES.has(w.toLowerCase())))
  );
}

/** `ZHANG YI` → `Zhang Yi` (China Daily prints bylines in capitals); names with lower case stay as printed. */
export function nameCase(s: string): string {
  if (!/\p{L}/u.test(s) || s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  // (A roman numeral after the name stays in capitals: `JIM ROE III` → `Jim Roe III`; a "with" kept
  // between words, `JANE DOE WITH RED CROSS`, in lower case, as the byline reads in sentence case.)
  return s.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`).replace(/(?<=\S\s)(Ii|Iii|Iv)(?=$|[\s,])/gu, (r: string) => r.toUpperCase())
    .replace(/(?<=\S\s)With(?=\s\S)/gu, 'with');
}

/** A publication named after a comma (`By Jane Doe, The New York Times`): no person starts with "The". */
export function isPublicationName(part: string): boolean {
  // (Or named as papers are: `USA TODAY`, `Detroit Free Press`, `Chicago Tribune`.)
  return /^(?:The|THE)\s+\p{Lu}/u.test(part.trim()) || isPublication(part.trim(), true);
}

/** An agency printed with its trade (`Kyodo News`, `BLOOMBERG NEWS`, `Xinhua News Agency`): the agency. */
export function agencyOfPublication(part: string): { name: string; via?: string } | undefined {
  const m = /^(?:the\s+)?(.+?)\s+(?:news(?:\s+agency|\s+service)?|press|wire)$/iu.exec(part.trim());
  return m === null ? undefined : parseAgencyLine(m[1] ?? '');
}

/**
 * A surname printed alone before a comma: one capitalised word, after a name's particles in lower case
 * (`Doe`, `de la Cruz`), or in capitals as a byline in capitals prints them (`DE LA CRUZ`; not `AL`, `EL`,
 * `LE`, `DO`, `Y`, which are given names or words as often: `AL SMITH`).
 */
const CAPITAL_PARTICLES = ['DE', 'DEL', 'DELLA', 'DER', 'DEN', 'DA', 'DAS', 'DOS', 'DU', 'DI', 'LA', 'VAN', 'VON', 'BIN', 'BINTI', 'IBN'];
const SURNAME = String.raw`(?:(?:${[...NAME_PARTICLES, ...CAPITAL_PARTICLES].join('|')})\s+)*[\p{Lu}][\p{L}\p{M}'’-]+`;
export const isSurnameAlone = (text: string): boolean => new RegExp(`^${SURNAME}$`, 'u').test(text.trim());

/** Initials after a comma (`J.`, `J.D.`, `MP`): after a surname alone as likely the given name's as letters (`Vance, J.D.`, `Hale, MP`). */
export const isInitials = (part: string): boolean => /^(?:\p{Lu}\.){1,3}$|^\p{Lu}{2}$/u.test(part.trim());

/** A job word alone, which `isJobPhrase` reads only after a name (`Desk`, `Staff`, `Correspondent`): no one's surname. */
export const isJobWord = (part: string): boolean => /^(?:staff|desk|bureau|writer|reporter|editor|correspondent|team)$/iu.test(part.trim());

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

/** A credit to the paper's staff (`Staff`, `Staff Writers`, `STAFF REPORTER`): no one's name, and no surname to keep whole with a place. */
export const isStaffCredit = (part: string): boolean => /^staff(?: writers?| reporters?)?$/iu.test(part.trim());

/**
 * A paper's staff named by its masthead (`Tribune staff`, `Sun-Times staff`, `TRIBUNE STAFF`): no one's name,
 * a title, as `Staff` is. "staff" in lower case after capitalised words, or in capitals after words that
 * start with no given name the list knows; not `Jonathan Staff`, a surname.
 */
export function isStaffOf(part: string): boolean {
  const m = /^((?:[\p{Lu}][\p{L}\p{M}.'’&-]*\s){1,4})(staff|STAFF)(?:\s(?:writers?|reporters?|WRITERS?|REPORTERS?))?$/u.exec(part.trim());
  return m !== null && (m[2] === 'staff' || !startsWithKnownName((m[1] ?? '').trim()));
}

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

/** What `keptWhole` keeps after a surname alone or a job: a place or initials (`Doe, Florence`, `Vance, J.D.`, `Correspondent, Asia`). */
const placeOrInitials = (part: string): boolean => isPlace(part) || isInitials(part);

/** The note for a byline `keptWhole` keeps, or `surnameFirstThenMore` keeps whole. */
export const keptWholeNote = (printed: string): string =>
  !isSurnameAlone(printed.split(BETWEEN_NAMES)[0] ?? '')
    ? `byline ${JSON.stringify(printed)} names, after a name, a word alone that may be a surname or a given name, in a form not read (a name written surname first, or names apart): kept whole, as one credit`
    : / ?, ?[^,]* ?, ?| (?:and|AND|&) /u.test(printed) || !placeOrInitials(printed.split(',')[1] ?? '')
    ? `byline ${JSON.stringify(printed)} starts with a surname alone and a comma, then names more, in a form not read (a name written surname first, or names apart): kept whole, as one credit`
    : `byline ${JSON.stringify(printed)} is a surname and a place or initials (a name written surname first, or a name and its place or letters): kept whole, as one name`;

/**
 * A part of a byline that is a job, not a person: `Xinhua correspondent`, `Tokyo bureau chief`, `Staff
 * Writer`. A job word in lower case (a surname such as Staff or Writer is capitalised), or a staff credit alone.
 */
const JOB_WORDS = String.raw`(?:correspondents?|reporters?|writers?|editors?|photographers?|journalists?|staff|bureau chief|contributors?|columnists?|analysts?)`;
export const JOB_TITLE = new RegExp(String.raw`\s${JOB_WORDS}$`);
const JOB_TITLE_ANY_CASE = new RegExp(String.raw`^(.*?)\s*\b${JOB_WORDS}$`, 'i');
/** Words that make a job phrase of what precedes a job word: `Senior Editor`, `Junior Reporter`, `Tokyo Bureau Chief`. */
const JOB_MODIFIER = /^(?:(?:senior|sr\.?|snr\.?|junior|chief|staff|special|foreign|political|diplomatic|business|economics|sports|science|health|associate|deputy|managing|executive|contributing|national|international|regional|local|photo|video|news|bureau|[\p{Lu}][\p{L}.]+ bureau)\s*)+$/iu;

/**
 * A byline part after a comma that is a job, not a person: a job word in lower case (`Xinhua
 * correspondent`), or one after an agency, a staff word or a job modifier (`Associated Press Writer`,
 * `Staff Writers`, `Senior Editor`). `Tom Writer` is a person.
 */
export function isJobPhrase(part: string): boolean {
  const m = JOB_TITLE_ANY_CASE.exec(part);
  if (m === null) return false;
  const before = (m[1] ?? '').trim();
  return JOB_TITLE.test(part) || before === '' || /bureau chief$/i.test(part) || agencyOfModifiers(before) !== undefined || JOB_MODIFIER.test(before);
}

/** The agency a job phrase names before its job word (`Xinhua writer`, `AP Sports Writer`, `Xinhua staff reporter`), if any. */
export function agencyOfJob(part: string): { name: string; via?: string } | undefined {
  const before = JOB_TITLE_ANY_CASE.exec(part.trim())?.[1]?.trim();
  return before === undefined || before === '' ? undefined : agencyOfModifiers(before);
}

/**
 * What comes before a job word when it is an agency, alone or with job modifiers or a beat after it
 * (`AP`, `AP Sports`, `Xinhua staff`, `AP Medical`, `AP White House`, `The Associated Press Chief
 * Political`): the agency. No person's name starts with an agency's.
 */
function agencyOfModifiers(before: string): { name: string; via?: string } | undefined {
  const words = before.replace(/^the\s+/iu, '').split(/\s+/u);
  for (let k = words.length; k >= 1; k--) {
    const rest = words.slice(k).join(' ');
    if (rest !== '' && !JOB_MODIFIER.test(rest) && !/^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u.test(rest)) continue;
    const agency = parseAgencyLine(words.slice(0, k).join(' '));
    if (agency !== undefined) return agency;
  }
  return undefined;
}

/** A byline part of job modifiers alone (`Senior`, `SR.`, `Chief`): a title cut short, not a person. */
export function isModifierOnly(part: string): boolean {
  return JOB_MODIFIER.test(part.trim());
}

/** A lone initial after a comma (`By Jane Doe, A.`): no name, and no part of the one before it. */
export function isLoneInitial(part: string): boolean {
  return /^\p{Lu}\.?$/u.test(part.trim());
}

/**
 * A name with its agency after it and no comma, as AP signs (`JIM MORRIS Associated Press`): the name
 * and the agency; or a credit to an agency's staff (`Reuters Staff`): the agency alone.
 */
export function nameAndAgency(part: string): { name?: string; agency: { name: string; via?: string }; title?: string } | undefined {
  const text = part.trim();
  // The agency and a job before the name: `Xinhua writer Li Wen`, `AP Correspondent Jim Morris`.
  const job = /^(?:the\s+)?(.+?)\s+((?:staff\s+)?(?:writer|reporter|correspondent|journalist|photographer)s?)\s+(\p{Lu}.*)$/iu.exec(text);
  const jobAgency = job === null ? undefined : agencyOfModifiers(job[1] ?? '');
  if (job !== null && jobAgency !== undefined && looksLikeName(job[3] ?? '')) return { name: job[3] ?? '', agency: jobAgency, title: `${job[1]} ${job[2]}` };
  const staffOf = /^(.+?)\s+staff$/iu.exec(text)?.[1];
  const staff = staffOf === undefined ? undefined : parseAgencyLine(staffOf.replace(/^the\s+/iu, ''));
  if (staff !== undefined) return { agency: staff };
  const words = text.split(/\s+/u);
  for (let k = Math.min(3, words.length - 2); k >= 1; k--) {
    const agency = parseAgencyLine(words.slice(-k).join(' '));
    const name = words.slice(0, -k).join(' ');
    // Only as AP prints it: the name in capitals, or an agency's name of several words (`Michael R.
    // Bloomberg` and `Mary Ann Efe` are names).
    // (Or an agency's acronym, which no surname is: `By Tom Hale AP`.)
    const acronym = k === 1 && /^[A-Z]{2,5}$/.test(words[words.length - 1] ?? '');
    if (agency !== undefined && looksLikeName(name) && (k > 1 || acronym || (name === name.toUpperCase() && /\p{Lu}{2}/u.test(name))) && !/\s\p{Lu}\.?$/u.test(name)) return { name, agency };
  }
  return undefined;
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

/** `Paris Bureau`, `HONG KONG BUREAU`: where a reporter files from, not a person. */
export function isBureau(part: string): boolean {
  return /^(?:[\p{Lu}][\p{L}.'’-]*\s+)+(?:Bureau|BUREAU)$/u.test(part.trim());
}

export interface Byline {
  authors: { name: string; printed: string; location?: string }[];
  agency?: { name: string; via?: string };
  /** A publication printed after a bar (`By Jane Doe | China Daily`) that is not a known agency. */
  publication?: string;
  /** Job titles and bureaus after a comma (`SR. WRITER`, `Paris Bureau`): no person, and no field for them. */
  titles?: string[];
  /** Set when the byline was one name written surname first (`By Smith, John`): as printed. */
  surnameFirst?: string;
  /** The name `surnameFirst` was turned round into, before a suffix after it was added (`By Doe, Jane, Jr., Tom Hale`: `Jane Doe`). */
  surnameFirstName?: string;
  /** More names written surname first after the first (`By Doe, Jane and Hale, Tom`): as printed, and turned round. */
  moreSurnameFirst?: { name: string; printed: string }[];
  /** Set when the byline was a surname and a place or initials, kept whole (`By Doe, Florence`: `keptWhole`): as printed. */
  keptWhole?: string;
  /** Agencies named after the first (`BY THE ASSOCIATED PRESS | Reuters`): a story has one; noted. */
  moreAgencies?: { name: string; via?: string }[];
  /** Parts after a comma that are no name (`By Jane Doe, A.`): noted, not made authors. */
  notNames?: string[];
  /** Places after a comma with no name before them (`By Xinhua, Beijing`): noted. */
  places?: string[];
  /** A credit after a bar (`By Jane Doe | Photos by Tom Hale`). */
  contributors?: Contributor[];
  /** Parts with a "with" in them not parted into two people (`withNames`): as printed, noted. */
  withKept?: string[];
}

/**
 * `By Jane Doe`, `By JANE DOE in Paris`, `By Jane Doe and John Roe`, `By Jane Doe, Reuters`,
 * `By MIKE GU in Hong Kong and AMY LI in Beijing | China Daily`.
 */
export function parseByline(text: string): Byline | undefined {
  const m = /^(?:By|BY)\s+(.+)$/u.exec(text.replace(/\s+/g, ' ').trim());
  if (m === null) return undefined;
  const out: Byline = { authors: [] };
  const addAgency = (agency: { name: string; via?: string }): void => {
    if (out.agency === undefined) out.agency = agency;
    else if (agency.name !== out.agency.name) (out.moreAgencies ??= []).push(agency);
  };
  // A full stop ends the line, unless it ends an initial (`By Doe, Jane A.`), or a region's abbreviation,
  // letters or initials after a comma (`By Jane Doe, Washington, D.C.`, `…, M.D.`, `By Vance, J.D.`).
  const printed = m[1] ?? '';
  const after = /,\s*([^,]+)$/u.exec(printed)?.[1] ?? '';
  // (And a suffix's: `By King, Martin Luther, Jr.`, kept whole as printed, keeps its `Jr.` as ninjs and NITF do.)
  let names = /\s\p{Lu}\.$/u.test(printed) || isRegionAbbreviation(after) || isPostNominal(after) || nameSuffix(after) !== undefined || /^(?:\p{Lu}\.){2,3}$/u.test(after) ? printed : printed.replace(/\.$/u, '');
  const bar = /^(.+?)\s*\|\s*(.+)$/u.exec(names);
  if (bar !== null) {
    names = bar[1] ?? '';
    // After each bar, an agency (`| The Associated Press`, `| Kyodo News`), a credit (`| Photos by Tom
    // Hale`), or a publication (`By Jane Doe | AFP | Reuters`: a second agency is noted, as ninjs and NITF note it).
    for (const after of (bar[2] ?? '').split(/\s*\|\s*/u).map((p) => p.trim()).filter(Boolean)) {
      const agency = parseAgencyLine(after.replace(/^the\s+/iu, '')) ?? agencyOfPublication(after);
      const people = agency === undefined ? parseContributorLine(after) : undefined;
      if (agency !== undefined) addAgency(agency);
      else if (people !== undefined) (out.contributors ??= []).push(...people);
      else out.publication = out.publication === undefined ? after : `${out.publication} | ${after}`;
    }
  }
  const reversed = surnameFirst(names);
  if (reversed !== undefined) return { ...out, authors: [{ name: nameCase(reversed), printed: names }], surnameFirst: names };
  const whole = keptWhole(names);
  if (whole !== undefined) return { ...out, authors: [{ name: nameCase(whole), printed: names }], keptWhole: whole };
  const placed = surnameFirstThenPlace(names);
  if (placed !== undefined) return { ...out, authors: [{ name: nameCase(placed.name), printed: names, location: placed.place }], surnameFirst: placed.printed };
  // `Doe, Jane, Tom Hale`: the name turned round, then the rest read as after any name; `Doe, Florence, Tom Hale` kept whole.
  const more = surnameFirstThenMore(names);
  if (more !== undefined && 'whole' in more) return { ...out, authors: [{ name: nameCase(more.whole), printed: names }], keptWhole: more.whole };
  // `Jane Doe and Hale, Tom`: the later pair turned round; `Jane Doe and Hale` kept whole.
  const later = more === undefined ? laterSurnameFirst(names) : undefined;
  if (later !== undefined && 'whole' in later) return { ...out, authors: [{ name: nameCase(later.whole), printed: names }], keptWhole: later.whole };
  if (later !== undefined) {
    // (Read again with the names turned round, and what the bars after them say.)
    const rest = parseByline(`By ${later.rewritten}${bar === null ? '' : ` | ${bar[2] ?? ''}`}`);
    if (rest === undefined) return undefined;
    return { ...rest, moreSurnameFirst: [...later.more, ...(rest.moreSurnameFirst ?? [])] };
  }
  if (more !== undefined) {
    const rest = parseByline(`By ${more.rewritten}`);
    if (rest === undefined) return undefined;
    if (rest.agency !== undefined) addAgency(rest.agency);
    for (const a of rest.moreAgencies ?? []) addAgency(a);
    const joined = (a: string[] | undefined, b: string[] | undefined): string[] | undefined => (a === undefined && b === undefined ? undefined : [...(a ?? []), ...(b ?? [])]);
    const contributors = out.contributors === undefined && rest.contributors === undefined ? undefined : [...(out.contributors ?? []), ...(rest.contributors ?? [])];
    const publication = [out.publication, rest.publication].filter((p) => p !== undefined).join(' | ');
    return {
      ...out, authors: rest.authors, surnameFirst: more.printed, surnameFirstName: nameCase(more.name), ...(more.more === undefined ? {} : { moreSurnameFirst: more.more }),
      ...(publication === '' ? {} : { publication }), ...(contributors === undefined ? {} : { contributors }),
      ...(joined(out.titles, rest.titles) === undefined ? {} : { titles: joined(out.titles, rest.titles) }),
      ...(joined(out.notNames, rest.notNames) === undefined ? {} : { notNames: joined(out.notNames, rest.notNames) }),
      ...(joined(out.places, rest.places) === undefined ? {} : { places: joined(out.places, rest.places) }),
      ...(joined(out.withKept, rest.withKept) === undefined ? {} : { withKept: joined(out.withKept, rest.withKept) }),
    };
  }
  // `Jane Doe, with Kwame Mensah`: a person after ", with" with no sign of one, kept as printed, one credit,
  // noted, as ninjs and NITF keep it (`keptAtCommaWith`); nothing printed is lost.
  if (keptAtCommaWith(names)) {
    const whole = names.trim();
    return { ...out, authors: [{ name: nameCase(whole), printed: whole }], withKept: [...(out.withKept ?? []), whole] };
  }
  // `Jane Doe, with reporting by Tom Hale`: a credit line, its contributors with their role.
  if (/,\s*(?:with|With|WITH)\s/u.test(names)) {
    const kept: string[] = [];
    for (const [i, part] of names.split(/\s*,\s*/u).entries()) {
      const credit = i === 0 ? undefined : withCreditLine(part);
      if (credit !== undefined) (out.contributors ??= []).push(...credit);
      else kept.push(part);
    }
    names = kept.join(', ');
  }
  // (`Jane Doe with Tom Hale`: two people, each an author, when both read as names; see `withNames`.)
  const parts = names.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i).filter(Boolean).flatMap((part, i, all) => {
    const after = i === 0 ? undefined : withAfterComma(nameBeforeWith(all, i), part);
    if (after !== undefined) return [after];
    // (`Jane Doe with Tribune staff`: the name, and the staff a title, as after a comma.)
    const sides = withStaff(part) ?? withNames(part);
    if (sides === undefined && WITH.test(part)) (out.withKept ??= []).push(part.trim());
    return sides ?? [part];
  });
  for (const part of parts) {
    const last = out.authors[out.authors.length - 1];
    const suffix = nameSuffix(part);
    if (last !== undefined && suffix !== undefined) {
      last.name += ` ${suffix}`;
      last.printed += `, ${part}`;
      continue;
    }
    if (last !== undefined && names.includes(`, ${part}`)) {
      // `Jane Doe, Reuters Staff`: the agency; `ANNA LEE, SR. WRITER`, `Jane Doe, Paris Bureau`: no person.
      const staffOf = /^(.+?)\s+staff$/iu.exec(part.trim())?.[1];
      const staffAgency = staffOf === undefined ? undefined : parseAgencyLine(staffOf);
      if (staffAgency !== undefined) {
        addAgency(staffAgency);
        continue;
      }
      if (isJobPhrase(part) || isBureau(part) || isModifierOnly(part) || isPostNominal(part)) {
        const agency = agencyOfJob(part);
        if (agency !== undefined) addAgency(agency);
        (out.titles ??= []).push(part.trim());
        continue;
      }
      if (isLoneInitial(part)) {
        (out.notNames ??= []).push(part.trim());
        continue;
      }
    }
    // `…, The Associated Press`, `By THE ASSOCIATED PRESS`: the agency, not a publication or a person.
    const theAgency = /^the\s/iu.test(part.trim()) ? parseAgencyLine(part.trim().replace(/^the\s+/iu, '')) : undefined;
    if (theAgency !== undefined) {
      addAgency(theAgency);
      continue;
    }
    const trade = last !== undefined ? agencyOfPublication(part) : undefined;
    if (trade !== undefined) {
      addAgency(trade);
      continue;
    }
    if (last !== undefined && out.publication === undefined && isPublicationName(part)) {
      out.publication = part.trim();
      continue;
    }
    // A place after a comma, a city or a state (`By Jane Doe, Texas`), and its state after it (`…, Washington, D.C.`);
    // after the agency alone (`By Xinhua, Beijing`), a place with no name to go with.
    if ((last !== undefined || out.agency !== undefined || out.titles?.some(isStaffCredit) === true) && names.includes(`, ${part}`) && isPlace(part) && parseAgencyLine(part) === undefined) {
      if (last === undefined) (out.places ??= []).push(part.trim());
      else {
        last.location = last.location === undefined ? nameCase(part.trim()) : `${last.location}, ${nameCase(part.trim())}`;
        last.printed += `, ${part}`;
      }
      continue;
    }
    const agency = parseAgencyLine(part);
    if (agency !== undefined) {
      addAgency(agency);
      continue;
    }
    const withAgency = nameAndAgency(part);
    if (withAgency !== undefined) {
      addAgency(withAgency.agency);
      if (withAgency.title !== undefined) (out.titles ??= []).push(withAgency.title);
      if (withAgency.name !== undefined) out.authors.push({ name: nameCase(withAgency.name), printed: part });
      continue;
    }
    // The paper's staff (`By Staff`, `STAFF WRITERS`) is no one's name: a title, noted, as ninjs and NITF note it.
    if (isStaffTitle(part)) {
      (out.titles ??= []).push(part.trim());
      continue;
    }
    // "with" not parted (`Jane Doe with Red Cross`): kept as printed, one credit, noted, as ninjs and NITF
    // keep it; after a comma (`Jane Doe, with Mercy Corps`), no name: noted. Nothing printed is lost.
    // (Only where the part before "with" reads as a name: `By sea with the navy` is a sentence, no byline.)
    if (out.withKept?.includes(part.trim()) === true && looksLikeName(part.trim().split(WITH)[0] ?? '')) {
      out.authors.push({ name: nameCase(part.trim()), printed: part });
      continue;
    }
    if (last !== undefined && /^with\s/iu.test(part.trim()) && names.includes(`, ${part}`)) {
      (out.notNames ??= []).push(part.trim());
      continue;
    }
    const p = /^(.+?)\s+(?:in|IN)\s+(.+)$/u.exec(part);
    const name = (p?.[1] ?? part).trim();
    const location = p?.[2]?.trim();
    if (!looksLikeName(name) || (location !== undefined && !looksLikeName(location))) return undefined;
    out.authors.push(location === undefined ? { name: nameCase(name), printed: part } : { name: nameCase(name), printed: part, location: nameCase(location) });
  }
  // A byline of the agency alone (`By The Associated Press`) is a byline too, and one of the staff alone (`By Staff`).
  return out.authors.length > 0 || out.agency !== undefined || out.titles?.some(isStaffCredit) === true ? out : undefined;
}

/**
 * `责任编辑：张三`, `编辑：张三 李四` (the editor line of Chinese pages; `【責任編輯：李華】`, `（編輯：張均懋）` in
 * traditional characters), optionally in brackets; the role as
 * printed. Names of two to five characters (or joined by `·`); a plain `编辑：` line in an interview
 * (`interview`) is its own last line (`编辑：谢谢`), not an editor.
 */
export function parseEditorLine(text: string, interview = false): Contributor[] | undefined {
  const m = /^([【[（(]?)(责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*([^】\]）)]+?)\s*[】\]）)]?$/u.exec(text.trim());
  if (m === null || (interview && m[1] === '' && (m[2] === '编辑' || m[2] === '編輯'))) return undefined;
  // (Names of two to five characters, or of parts joined by `·`: `阿依古丽·买买提`.)
  const names = (m[3] ?? '').split(/[\s、,，]+/u).filter(Boolean);
  const isName = (n: string): boolean => /^\p{Script=Han}{2,5}$/u.test(n) || (/^\p{Script=Han}+(?:·\p{Script=Han}+)+$/u.test(n) && n.length <= 16);
  if (names.length === 0 || !names.every((n) => isName(n) && parseAgencyLine(n) === undefined)) return undefined;
  return names.map((name) => ({ name, role: m[2] ?? '责任编辑' }));
}
