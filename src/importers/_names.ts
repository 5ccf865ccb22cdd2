/** Name primitives shared by the byline readers: what reads as a name, its case, and the publications, agencies, jobs, titles and staff that are no one's name. */
import { isPublication } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { NAME_PARTICLES } from './_particles.js';
import { isPostNominal } from './_suffix.js';


/**
 * A word that starts a name: a capital, or a letter of a script without case (Arabic, Hebrew, Devanagari,
 * Hangul, kana, Thai: `محمد`, `דנה`, `राजेश`, `김민수`), where every word of a name is written alike. Lower
 * case starts no name (`By the way`).
 */
const NAME_START = /^[\p{Lu}\p{Lo}]/u;
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
  if (/\p{L}/u.test(s) && s !== s.toUpperCase() && s !== s.toLowerCase()) return surnameInCapitals(s);
  if (!/\p{L}/u.test(s) || s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  // (A roman numeral after the name stays in capitals: `JIM ROE III` → `Jim Roe III`; a "with" kept
  // between words, `JANE DOE WITH RED CROSS`, in lower case, as the byline reads in sentence case.)
  return s.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`).replace(/(?<=\S\s)(Ii|Iii|Iv)(?=$|[\s,])/gu, (r: string) => r.toUpperCase())
    .replace(/(?<=\S\s)With(?=\s\S)/gu, 'with')
    // (`MCDONALD` is McDonald, as every Mc name is written: QA, `Mcdonald` went into the author feed's path.
    // Not Mac, which is as often a name of its own: Mack, Macy.)
    .replace(/(?<=^|[\s'’-])Mc(\p{Ll})/gu, (_, c: string) => `Mc${c.toUpperCase()}`);
}

/**
 * A name whose given names are in title case and whose surname is in capitals, as AFP prints its writers' (`Adam
 * PLOWRIGHT`, `Jean-Pierre DUPONT`, `Anne LE MOAL`): the surname as a name is written. A suffix or post-nominal
 * after it (`III`, `MBE`) stays as it is; anything else is the name as printed.
 */
function surnameInCapitals(s: string): string {
  const words = s.trim().split(/\s+/u);
  const caps = (w: string): boolean => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase();
  const after = (w: string): boolean => /^(?:II|III|IV|V)$/u.test(w) || isPostNominal(w);
  const at = words.findIndex((w, i) => i > 0 && caps(w) && !after(w));
  if (at < 1 || !words.slice(0, at).every((w) => /^\p{Lu}[\p{Ll}'’.-]/u.test(w) || /^\p{Lu}\.$/u.test(w))) return s;
  const tail = words.slice(at);
  const end = tail.findIndex((w, i) => i > 0 && after(w));
  const surname = end < 0 ? tail : tail.slice(0, end);
  // (An agency after a name, `Jane Doe AP`, is no surname.)
  if (!surname.every(caps) || surname.some((w) => parseAgencyLine(w) !== undefined)) return s;
  return [...words.slice(0, at), ...surname.map(nameCase), ...(end < 0 ? [] : tail.slice(end))].join(' ');
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

/** Initials after a comma (`J.`, `J.D.`, `MP`): after a surname alone as likely the given name's as letters (`Vance, J.D.`, `Hale, MP`). */
export const isInitials = (part: string): boolean => /^(?:\p{Lu}\.){1,3}$|^\p{Lu}{2}$/u.test(part.trim());

/** A job word alone, which `isJobPhrase` reads only after a name (`Desk`, `Staff`, `Correspondent`): no one's surname. */
export const isJobWord = (part: string): boolean => /^(?:staff|desk|bureau|writer|reporter|editor|correspondent|team)$/iu.test(part.trim());

/** A credit to the paper's staff (`Staff`, `Staff Writers`, `STAFF REPORTER`, `Staff Reports`) or to the wires (`Wire Services`): no one's name, and no surname to keep whole with a place. */
export const isStaffCredit = (part: string): boolean => /^(?:staff(?: writers?| reporters?| reports?)?|wire (?:reports?|services?))$/iu.test(part.trim()) || OUR_STAFF.test(part.trim());
/**
 * The paper's own people unnamed, as British papers print them (`By Our Correspondent`, `By Our Foreign Staff`, `BY OUR
 * SPECIAL CORRESPONDENT`): no one's name, a title. (QA: "Our Foreign Staff" was an author.)
 */
const OUR_STAFF = /^our (?:[\p{L}'’-]+ ){0,3}(?:staff|correspondents?|reporters?|writers?|editors?|team|desk|critics?)$/iu;

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
 * An agency after a spaced slash or in brackets at the end of a byline (`Jane Doe / Bloomberg`, `Jane Doe
 * (Reuters)`), put after a bar, where bylines print one (`Jane Doe | Bloomberg`); so is a publication named
 * by its web address after a spaced slash, as NTB prints a partner's (`Geir Molnes / Faktisk.no`), which is
 * noted there; two people's names either side of one are joined by `and`. Any other byline as it is.
 */
export function agencyAsAfterBar(byline: string): string {
  const tail = /^(.+?)(?:\s\/\s*([^/|]+)|\s*\(([^()|]+)\))$/u.exec(byline);
  const agency = (tail?.[2] ?? tail?.[3])?.trim();
  if (tail === null || agency === undefined || byline.includes('|')) return byline;
  const site = tail[2] !== undefined && WEB_ADDRESS.test(agency);
  // (Two people's names either side of a spaced slash are two authors, as `and` would print them: `Jane Doe / Tom
  // Hale` was one author of that name, or none.)
  if (tail[2] !== undefined && !site && looksLikeName(tail[1] ?? '') && looksLikeName(agency) && parseAgencyLine(agency) === undefined) return `${tail[1]} and ${agency}`;
  if (!site && parseAgencyLine(agency.replace(/^the\s+/iu, '')) === undefined) return byline;
  return `${tail[1]} | ${agency}`;
}

/** A publication's web address as a byline prints it (`Faktisk.no`, `news.example.com`): no person's name has a dot between letters. */
const WEB_ADDRESS = /^(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{L}{2,12}$/u;

/**
 * A name with its agency after it and no comma, as AP signs (`JIM MORRIS Associated Press`): the name
 * and the agency; the name in capitals and the agency's job (`JOSH BOAK AP Economics Writer`):
 * the name, the agency and a title; or a credit to an agency's staff (`Reuters Staff`): the agency alone.
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
  // The name in capitals, then the agency's job with no comma, as AP prints it (`JOSH BOAK AP Economics
  // Writer`): the name, the agency, and the job a title. (Found once an agency's name starts the job.)
  for (let k = 2; k <= Math.min(6, words.length - 2); k++) {
    const title = words.slice(-k).join(' ');
    const name = words.slice(0, -k).join(' ');
    const agency = isJobPhrase(title) && parseAgencyLine(words[words.length - k] ?? '') !== undefined ? agencyOfJob(title) : undefined;
    if (agency !== undefined && name === name.toUpperCase() && /\p{Lu}{2}/u.test(name) && looksLikeName(name)) return { name, agency, title };
  }
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
 * A job printed before a name (`Staff Writer Jane Doe`, `Senior Correspondent Tom Hale`, `STAFF REPORTER
 * JIM MORRIS`): the job, a title, and the name. Only job modifiers before the job word (`JOB_MODIFIER`), or
 * none, and a name of two words or more after it: `Jane Writer Doe` and `Writer Doe` are people.
 */
export function titleBeforeName(part: string): { title: string; name: string } | undefined {
  const m = /^((?:(?:[\p{L}.]+)\s+){0,3}?)((?:correspondent|reporter|writer|editor|photographer|journalist|columnist|analyst)s?(?:[\s-]at[\s-]large)?)\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)+)$/iu.exec(part.trim());
  if (m === null) return undefined;
  const before = (m[1] ?? '').trim();
  const name = m[3] ?? '';
  // (Not a place or a phrase after the job, `Staff Reporter In Beijing`: a name starts with no preposition.
  // `Editor At Large` is a job, above; a surname may be one, `Anh To`: reviews.)
  if ((before !== '' && !JOB_MODIFIER.test(before)) || !looksLikeName(name) || parseAgencyLine(name) !== undefined || /^(?:in|at|of|for|on|from|with|to|by)\s/iu.test(name)) return undefined;
  return { title: `${m[1] ?? ''}${m[2] ?? ''}`, name };
}

/** `Paris Bureau`, `HONG KONG BUREAU`: where a reporter files from, not a person. */
export function isBureau(part: string): boolean {
  return /^(?:[\p{Lu}][\p{L}.'’-]*\s+)+(?:Bureau|BUREAU)$/u.test(part.trim());
}

/**
 * A writer's institution after the name in a byline (`…, Michigan State University`, `…, Institute of Physics`), as
 * The Conversation's and 360info's print it: no person (real copy credited the university as an author).
 */
export const INSTITUTION = /\b(?:University|Universit(?:é|y|à|ät|ad)|College|Institute|Institut|Hospital|Laboratory|Academy|Observatory|Polytechnic|School of [A-Z]\w+)\b/u;
