/**
 * Contributor taglines and the names in them (`Mike Gu in Hong Kong contributed to this story.`, `Reporting
 * by Jane Doe; Editing by Tom Hale`, `（记者陈静参与报道）`), Chinese reporters' name lists, and whether a
 * name is a publication's or a broadcaster's. Undefined when a line is not a tagline.
 */
import { agenciesNamed, agencyKey, parseAgencyLine } from './_agencies.js';
import { lookupCity } from './gazetteer.js';
import { cityName, isRegionAbbreviation, isRegionName } from './_regions.js';
import { nameSuffix, withSuffix } from './_suffix.js';
import { PARTICLES } from './_particles.js';

export interface Contributor {
  name: string;
  location?: string;
  role?: string;
  /** An outlet printed before the name as its owner (`CNN's`): no field holds it, so it is noted, then dropped. */
  outlet?: string;
}

/**
 * Contributors who are not also the story's authors: a tagline that credits the byline's writer again
 * (`By Jane Doe` … `Jane Doe in Paris contributed to this report.`) makes no second credit, and is noted.
 * One with a role (`Reporting by Jane Doe`, `Editing by Jane Doe`) says what she did, and stays.
 */
export function besidesAuthors(contributors: Contributor[], authors: readonly string[], notes: string[], agency?: { name: string; via?: string }): Contributor[] {
  const fold = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const named = new Set(authors.map(fold));
  // The story's agency contributing (`Xinhua contributed to this story.` under a `(Xinhua)` dateline) is
  // the agency's credit already (QA: it was a contributor too, printed and written twice).
  const agencies = new Set(agency === undefined ? [] : agenciesNamed(agency).map(agencyKey));
  for (const c of contributors) {
    if (c.outlet === undefined) continue;
    notes.push(`outlet before the contributor's name not kept (no field holds it): ${JSON.stringify(c.outlet)} of ${JSON.stringify(c.name)}`);
    delete c.outlet;
  }
  return contributors.filter((c) => {
    if (c.role !== undefined) return true;
    const shown = JSON.stringify(c.location === undefined ? c.name : `${c.name} in ${c.location}`);
    if (agencies.has(agencyKey(c.name))) {
      notes.push(`contributor ${shown} is the agency already: credited once, as the agency`);
      return false;
    }
    if (!named.has(fold(c.name))) return true;
    notes.push(`contributor ${shown} is an author already: credited once, as an author`);
    return false;
  });
}

function splitNames(list: string): string[] {
  return list
    .split(/,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Chinese reporters' names in a list (after a dateline, in a contributor line): `记者王晔 李明`, `陈静、李华` → 王晔, 李明. */
/** Chinese surnames of two characters: `欧阳 娜娜` is one person. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '呼延', '申屠', '澹台', '万俟', '闻人', '太史', '钟离',
  // (In traditional characters.)
  '歐陽', '司馬', '諸葛', '東方', '尉遲', '公孫', '長孫', '軒轅', '獨孤', '南宮', '西門', '澹臺', '萬俟', '聞人', '鍾離', '鐘離',
]);

/**
 * Chinese reporters' names: apart by `、` or commas, or by spaces between names; a name padded with a
 * space (`孙 静`, `王　磊`) or a two-character surname before its name (`欧阳 娜娜`) is one person. Titles
 * before a name (记者, 通讯员…) and the kind of work after the names (摄影报道, 摄) go.
 */
export function reporterNames(reporters: string): string[] {
  const out: string[] = [];
  for (const part of reporters.split(/[、,，]+/u)) {
    const TITLE = /^(?:本报|本報|新华社|新華社|中新社|中央社)?(?:特约|特約|特派|实习|實習|摄影|攝影)?(?:记者|記者|通讯员|通訊員|实习生|實習生)/u;
    // A title starts a new name (`王 晓 明 通讯员李 华` is two people): titled tokens begin a run of their own.
    const raw = part.split(/\s+/u).filter((t) => t !== '');
    const titled = new Set<number>();
    const tokens: string[] = [];
    for (const t of raw) {
      const bare = t.replace(TITLE, '');
      if (bare === '' || /^(?:[摄攝]影?(?:报道|報道|報導)|[摄攝]|报道|報道|報導|采写|採寫|[摄攝]影)$/u.test(bare)) continue;
      if (bare !== t) titled.add(tokens.length);
      tokens.push(bare);
    }
    const single = (t: string | undefined, k: number, first: boolean): boolean => t !== undefined && /^\p{Script=Han}$/u.test(t) && (first || !titled.has(k));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] ?? '';
      // Characters spaced out (`王 磊`, `张 晓 明`): a run of two or three is one name; of four, two names of two.
      let run = 0;
      while (single(tokens[i + run], i + run, run === 0)) run += 1;
      if (run >= 2) {
        const chars = tokens.slice(i, i + run);
        const sizes = run === 2 || run === 3 ? [run] : Array.from({ length: Math.ceil(run / 2) }, (_, k) => Math.min(2, run - 2 * k));
        let at = 0;
        for (const size of sizes) {
          out.push(chars.slice(at, at + size).join(''));
          at += size;
        }
        i += run - 1;
        continue;
      }
      // A name in Latin letters among Chinese ones (`记者 孙静 Li Wen`) is one person, however many words; so is
      // one in Cyrillic (TASS's correspondent, `/Корр. ТАСС Иван Петров/`).
      if (CASED_WORD.test(t)) {
        let end = i + 1;
        while (end < tokens.length && CASED_WORD.test(tokens[end] ?? '') && !titled.has(end)) end += 1;
        out.push(tokens.slice(i, end).join(' '));
        i = end - 1;
        continue;
      }
      // A two-character surname apart from the given name (`欧阳 娜娜`) is one person.
      const next = tokens[i + 1];
      if (next !== undefined && COMPOUND_SURNAMES.has(t) && /^\p{Script=Han}{1,2}$/u.test(next)) {
        out.push(t + next);
        i += 1;
      } else out.push(t);
    }
  }
  return out;
}

/** A word of a name in an alphabet with capitals (`Li`, `Иван`), which names write apart by spaces. */
const CASED_WORD = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** A line of reporters' names after the story: `记者：王晓岚 李华`, `（记者 王晓岚）`. */
const ZH_REPORTERS = /^(?:(?:新华社|新華社|本报|本報)?(?:特约|特約|实习|實習)?[记記]者\s*[:：\s]\s*((?:[\p{Script=Han}·]{2,4}(?:[\s、，,]+|$))+)|[（(](?:新华社|新華社|本报|本報)?(?:特约|特約|实习|實習)?[记記]者\s*[:：]?\s*((?:[\p{Script=Han}·]{2,4}(?:[\s、，,]+|(?=[）)])))+)[）)])$/u;

/**
 * A line of an interview's questions and answers: `问：…`, `答：…`, or `记者：`/`编辑：` asking a question
 * (`记者：降雨会持续多久？`), not a list of names (`记者：王晓岚，李华`).
 */
export const isInterviewLine = (text: string): boolean =>
  /^(?:问|問|答)\s*[:：]/u.test(text.trim()) || (/^(?:[记記]者|编辑|編輯)\s*[:：]/u.test(text.trim()) && /[？?]/u.test(text));

/**
 * The reporters of a signature at the end of Chinese copy (`记者：王晓岚 李华`, `（记者 王晓岚）`). In an
 * interview (`interview`: an earlier line asks or answers) the form without brackets is its last line
 * (`记者：谢谢`), not a signature; the bracketed one always is.
 */
export function zhSignature(text: string, interview: boolean): string[] | undefined {
  const m = ZH_REPORTERS.exec(text.trim());
  if (m === null || (m[1] !== undefined && interview)) return undefined;
  return reporterNames(m[1] ?? m[2] ?? '');
}

/**
 * Names apart by commas, where a region after a name's place is the place's (`Jane Doe in Washington,
 * D.C.`, `Aung Naing in Yangon, Myanmar`), not a person, and a suffix the name's (`Martin Luther King,
 * Jr.`, `Jim Roe, III in Boston` → `Martin Luther King Jr.`, `Jim Roe III in Boston`).
 */
function splitPeople(list: string): string[] {
  const out: string[] = [];
  // One word, a comma and one word, with no comma after (`Jane Doe and Hale, Tom`): found in one pass (a
  // search of the list for each part would be quadratic in a hostile one).
  const reversed = new Set<string>();
  if (list.includes(',')) for (const m of list.matchAll(SURNAME_COMMA_GIVEN)) reversed.add(m[1] ?? '');
  for (const part of splitNames(list)) {
    const last = out[out.length - 1];
    /** The place the part before ends with (`Tom Reed in London`), if it names one. */
    const place = last !== undefined && /\s(?:in|at)\s/u.test(last) ? last.split(/\s(?:in|at)\s/u).pop() ?? '' : undefined;
    const suffixed = last === undefined ? undefined : suffixOf(last, part);
    if (suffixed !== undefined) out[out.length - 1] = suffixed;
    // One word, a comma and one word (`Reporting by Jane Doe and Hale, Tom`): a name written surname first,
    // kept as printed, one person, not two ("Hale" and "Tom" were two contributors).
    else if (last !== undefined && reversed.has(`${last}, ${part}`) && ONE_WORD.test(last) && ONE_WORD.test(part) && !notGivenName(last) && !notGivenName(part)) out[out.length - 1] = `${last}, ${part}`;
    else if (place !== undefined && list.includes(`${place}, ${part}`) && isRegionName(part)) out[out.length - 1] = `${last}, ${part}`;
    // A place of two joined by "and" (`in Bosnia and Herzegovina`), or two places (`in London and Paris`),
    // after a name's place: the place, not another person (review: "Herzegovina" was made a reporter).
    else if (place !== undefined && placeAnd(place, part, list)) out[out.length - 1] = `${last} and ${part}`;
    else out.push(part);
  }
  return out;
}

/** Whether `place and part`, as the list prints it, is one place's name or `part` is a place of its own. */
function placeAnd(place: string, part: string, list: string): boolean {
  if (place === '' || !list.includes(`${place} and ${part}`)) return false;
  if (isRegionName(`${place} and ${part}`)) return true;
  const city = lookupCity(part);
  return !part.includes(' ') && (isRegionName(part) || city.found || city.reason === 'ambiguous');
}

/** A word after (or before) a comma that is an agency or a place, not half of a name (`Doe, Reuters`, `Hale, Texas`: review). */
function notGivenName(word: string): boolean {
  if (parseAgencyLine(word) !== undefined || isRegionName(word)) return true;
  const city = lookupCity(word);
  return city.found || city.reason === 'ambiguous';
}

/** One capitalised word (of a name). */
const ONE_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
/** Two such words either side of a comma, alone between separators (not a list of single words, `A, B, C`). */
const SURNAME_COMMA_GIVEN = /(?<![\p{L}\p{M}'’-]|, )(\p{Lu}[\p{L}\p{M}'’-]*, \p{Lu}[\p{L}\p{M}'’-]*)(?![\p{L}\p{M}'’-]|,)/gu;

/** The name before a comma with the suffix after it (`Jr.`, `Jr. in Atlanta`); none when the name has its place already. */
function suffixOf(name: string, part: string): string | undefined {
  const m = /^(\S+)((?:\s+(?:in|at)\s+\S.*)?)$/u.exec(part);
  const suffix = m === null ? undefined : nameSuffix(m[1] ?? '');
  if (suffix === undefined || /\s(?:in|at)\s/u.test(name)) return undefined;
  return `${withSuffix(name, suffix)}${m?.[2] ?? ''}`;
}

/** A role of a wire's credit line, which may follow a comma: `…, Additional reporting by`, `…, Edited by`. */
const NEWS_ROLE = /^(?:(?:additional|further) )?(?:reporting|editing|edited|writing|written|compiled|compiling|research|graphics?|photos?|photography|video|translation|translated|story|sub-editing|fact-checking) by /i;

/** A line's full stop, unless it ends a region's abbreviation (`in Washington, D.C.`). */
const withoutFullStop = (line: string): string => (isRegionAbbreviation(line.split(/,\s*/u).pop() ?? '') ? line : line.replace(/\.$/u, ''));

/**
 * A publication after a name and a comma (`Jane Doe, Detroit Free Press`, `Chicago Tribune`): no
 * contributor. Words no surname is end a publication's name; words some surnames are (Sun, Post, Star,
 * Press…: `Yilei Sun`, `Emily Post`) only after a place (`Chicago Sun`, `Detroit Free Press`). `strict`
 * (a byline, where a co-author follows a comma: `By Jane Doe, Victoria Sun`): those words only after a
 * region's initials (`USA TODAY`, `USA Today`); `Free Press` is a paper's anywhere.
 */
const PAPER = /(?:[\s-](?:Times|Free Press|Daily News|Morning News|Evening Standard)$)|(?:^|[\s-])Plain Dealer$|[\s-](?:Tribune|Gazette|Chronicle|Journal|Herald|Globe|Telegraph|Guardian|Observer|Inquirer|Enquirer|Examiner|Dispatch|Courier|Bulletin|Picayune|Constitution|Magazine|Newspapers?|Media|Network|Radio|Television|TV)$/u;
/**
 * Mastheads' last words that are also surnames (`Heath Ledger`, the review's): a paper only after a place,
 * another masthead's word or "The" (`Orlando Sentinel`, `Sun Sentinel`, `Journal Sentinel`, `The Ledger`),
 * a hyphen (`American-Statesman`), or two words or more (`Milwaukee Journal Sentinel`).
 */
const SURNAME_PAPER = /^(.+?)([\s-])(?:Sentinel|Ledger|Statesman|Advertiser)$/u;
const MASTHEAD_WORD = /^(?:The|Sun|Star|Post|Journal|Times|Tribune|Herald|News|Daily|Press|Evening|Morning|Register|Record)$/u;
function surnamePaper(name: string): boolean {
  const m = SURNAME_PAPER.exec(name);
  if (m === null) return false;
  const before = m[1] ?? '';
  if (m[2] === '-' || before.includes(' ') || MASTHEAD_WORD.test(before)) return true;
  const city = lookupCity(before);
  return city.found || city.reason === 'ambiguous' || isRegionName(before);
}
const PAPER_AFTER_PLACE = /^(.+?)(?:\s\p{Lu}[\p{L}-]*)?\s(?:Press|Post|News|Today|Record|Register|Review|Standard|Mirror|Express|Weekly|Monitor|Sun|Star|Daily)$/u;
export function isPublication(printed: string, strict = false): boolean {
  if (BROADCASTER.test(printed.trim())) return true;
  // (In capitals as bylines print them: `USA TODAY`, `DETROIT FREE PRESS`.)
  const capitals = printed === printed.toUpperCase();
  const name = capitals ? cityName(printed) : printed;
  if (PAPER.test(name) || surnamePaper(name)) return true;
  const m = PAPER_AFTER_PLACE.exec(name);
  const place = m?.[1];
  if (place === undefined) return false;
  if (strict) {
    // (In a byline, only after a region's initials, `USA Today`, or a place of several words, `Kansas City
    // Star`, `Palm Beach Post`: `Mary Jo Post`, `VIRGINIA SUN` are people.)
    const before = name.slice(0, name.lastIndexOf(' '));
    const known = lookupCity(before);
    return (/^(?:\p{Lu}{2,4}|(?:\p{Lu}\.){2,4})$/u.test(printed.slice(0, place.length)) && isRegionName(place)) ||
      (before.includes(' ') && (known.found || known.reason === 'ambiguous' || isRegionName(before)));
  }
  const city = lookupCity(place);
  return isRegionName(place) || city.found || city.reason === 'ambiguous';
}

function person(text: string, role?: string): Contributor {
  // An outlet's possessive before the name (`CNN's Tom Reed`, `Reuters' Li Wen`, `The Washington Post's Ann
  // Lee`) is no part of it: kept aside, and noted by `besidesAuthors` (review: the name was "CNN's Tom Reed").
  const owned = OUTLET_OWNS.exec(text);
  const outlet = owned === null ? undefined : owned[1] ?? '';
  const isOutlet = outlet !== undefined && (parseAgencyLine(outlet.replace(/^The\s+/, '')) !== undefined || isPublication(outlet) || isPublication(outlet.replace(/^The\s+/, '')));
  const rest = isOutlet && owned !== null ? text.slice(owned[0].length) : text;
  const m = /^(.+?)\s+(?:in|at)\s+(.+)$/.exec(rest);
  const c: Contributor = m === null ? { name: rest } : { name: (m[1] ?? '').trim(), location: (m[2] ?? '').trim() };
  if (role !== undefined) c.role = role;
  if (isOutlet) c.outlet = outlet;
  return c;
}
const OUTLET_OWNS = /^((?:The )?\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,4})['’]s? (?=\p{Lu})/u;

/** `Associated Press writer `, `AP reporters `: how wires introduce their own staff in a tagline. */
const STAFF_PREFIX = /^(?:The )?(?:Associated Press|AP|Reuters|AFP|Bloomberg|Xinhua) (?:writers?|reporters?|correspondents?|journalists?) (?=\p{Lu})/u;
/** Broadcasters, which sign their staff's copy as papers do (`By Jane Roe, CNN`): publications, not people. */
const BROADCASTER = /^(?:CNN(?: Business)?|BBC(?: News)?|NBC(?: News)?|CBS(?: News)?|ABC(?: News)?|NPR|PBS|Fox News|Sky News|Al Jazeera|DW|France 24|CNBC|NHK|Euronews|RFI|ITV News|Channel 4 News)$/u;
export const isBroadcaster = (printed: string): boolean => BROADCASTER.test(printed.trim());

/** A job printed before a contributor's name ("Photographer Lina Nasr contributed …"): the role, not the name. */
const ROLE_WORD = /^(Photographer|Reporter|Correspondent|Researcher|Videographer|Producer|Editor)\s+(?=\p{Lu})/u;

/**
 * `Mike Gu in Hong Kong contributed to this story.`, `X and Y contributed to this report.`,
 * `Reporting by X in Gaza; Additional reporting by Y; Editing by Z`, also in parentheses; in Chinese,
 * `（记者陈静参与报道）`. Names keep their locations.
 */
export function parseContributorLine(line: string): Contributor[] | undefined {
  const zh = /^[（(]\s*(?:(?:实习|實習)?[记記]者|通讯员|通訊員)?\s*(\p{Script=Han}[\p{Script=Han}·、，,\s]*?)\s*(?:也|亦)?(?:(?:参与|參與)(?:了)?(?:采写|採寫|报道|報道|報導)|(?:对|對)本文(?:亦)?有(?:贡献|貢獻))\s*[）)]。?$/u.exec(line.trim());
  if (zh !== null) return reporterNames(zh[1] ?? '').map((name) => ({ name }));
  // Reuters prints its tagline in parentheses: "(Reporting by X in London; Editing by Y)".
  const text = line.trim().replace(/\s+/g, ' ').replace(/^\(([^()]*)\)\.?$/, '$1');
  const contributed = /^(.+?) (?:also )?contributed( reporting)?( to this (?:story|report|article))?\.?$/i.exec(text);
  // (`… contributed.` alone only of people with their places, as wires sign it: `Japan and Australia also
  // contributed.` is a sentence.)
  const bare = contributed !== null && contributed[2] === undefined && contributed[3] === undefined;
  if (contributed !== null && (!bare || splitPeople((contributed[1] ?? '').replace(STAFF_PREFIX, '')).every((p) => /^\S+(?:\s+\S+)+\s+in\s+[\p{Lu}\p{Lo}]/u.test(p)))) {
    // "X in A and Y in B": split on the list separators, keeping "in <place>" with each name.
    // "Associated Press writer Jane Doe …": the wire's own staff line names the writer after the job.
    const list = (contributed[1] ?? '').replace(STAFF_PREFIX, '');
    return named(placeShared(splitPeople(list).map((p) => {
      const role = ROLE_WORD.exec(p);
      return role === null ? person(p) : person(p.slice(role[0].length), (role[1] ?? '').toLowerCase());
    })));
  }
  // "Jane Doe contributed reporting from Kyiv, Ukraine, and Tom Hale from Moscow.", as the New York Times
  // signs: each name with the place after "from" (the first's shared by the names before it).
  const from = /^(.+?) (?:also )?contributed (?:reporting|research) from (.+?)\.?$/i.exec(text);
  if (from !== null) {
    const clauses = (from[2] ?? '').split(/(?:[,;]? and |; )(?=\p{Lu}[^;]*? from \p{Lu})/u);
    const people = clauses.flatMap((clause, k) => {
      const m = k === 0 ? ['', from[1] ?? '', clause] : /^(.+?) from (.+)$/u.exec(clause);
      const place = withoutFullStop(m?.[2] ?? '').replace(/,$/, '');
      return splitPeople((m?.[1] ?? '').replace(STAFF_PREFIX, '')).map((p) => ({ ...person(p), location: place }));
    });
    return named(people);
  }
  // "— With assistance from Jane Doe and Tom Hale", as Bloomberg signs those who helped.
  const assisted = /^(?:[—–-]+\s*)?With assistance from (.+?)\.?$/i.exec(text);
  if (assisted !== null) return named(placeShared(splitPeople(assisted[1] ?? '').map((p) => person(p, 'assistance'))));
  // "Contributing: Aung Naing in Yangon; Mei Lin in Taipei", as US papers end a story ("Contributors:" too).
  const contributing = /^(?:Contributing(?: reporters?)?|Contributors?):\s*(.+)$/i.exec(text);
  if (contributing !== null) {
    const list = withoutFullStop(contributing[1] ?? '');
    // (An agency or a publication among them, "Contributing: John Bacon, USA TODAY; The Associated Press",
    // is no contributor: such a line is left as printed.)
    const segmentsOf = list.split(/\s*;\s*/).map((seg) => splitPeople(seg).map((p) => person(p)));
    // After a name and a comma, a name in capitals, one with "The" or one ending as papers' names do is a
    // publication (`John Bacon, USA TODAY`, `Jane Doe, Detroit Free Press`).
    const other = segmentsOf.some((seg) => seg.some((c, k) => parseAgencyLine(c.name.replace(/^the\s+/i, '')) !== undefined ||
      (k > 0 && (/^The\s/.test(c.name) || isPublication(c.name) || (/\p{Lu}{2}/u.test(c.name) && c.name === c.name.toUpperCase())))));
    return other ? undefined : named(segmentsOf.flat());
  }
  // (`Reporting by X in London, Additional reporting by Y; Editing by Z`: a comma before a role too.)
  const parts = withoutFullStop(text).split(/\s*;\s*/).flatMap((seg) => seg.split(/,\s*/).reduce<string[]>((out, piece) => {
    if (out.length > 0 && !NEWS_ROLE.test(piece)) out[out.length - 1] += `, ${piece}`;
    else out.push(piece);
    return out;
  }, []));
  // (`editing by`, as Reuters prints it too: QA.)
  // (And a colon after "by", as Deutsche Welle prints `Edited by: Jane Roe`.)
  const roles = parts.map((p) => /^([A-Z][a-z]+(?: [a-z]+| Reporting)?|(?:additional )?reporting|editing|writing) by:? (.+)$/.exec(p));
  if (roles.length === 0 || roles.some((r) => r === null)) return undefined;
  return named(roles.flatMap((r) => placeShared(splitPeople(r?.[2] ?? '').map((n) => person(n, (r?.[1] ?? '').toLowerCase())))));
}

/**
 * "Reporting by Jane Doe and Tom Hale in London": a place after the last of a list, and none before, is
 * every one's, as wires sign it (QA: London went to Tom Hale alone). "X in Paris and Y in London" keeps each's.
 */
function placeShared(people: Contributor[]): Contributor[] {
  const last = people[people.length - 1];
  if (people.length < 2 || last?.location === undefined || people.slice(0, -1).some((p) => p.location !== undefined)) return people;
  // (Only among people of one job: `Reporter Jane Doe and Photographer Tom Reed in London` says where the
  // photographer was. Review.)
  if (people.some((p) => p.role !== last.role)) return people;
  // (The place before the role, as a record of one written with its place has them.)
  return people.map((p) => (p.location === undefined ? { name: p.name, location: last.location, ...(p.role === undefined ? {} : { role: p.role }) } : p));
}

/**
 * A word of a person's name or a place: capitalised (`Gu`, `GU`, `O'Brien`, `Jean-Luc`), a particle
 * (`de`, `van`, `bin`, `al-Sayed`), Chinese characters, or a word of a script without case (`أحمد`, `דנה`,
 * `राजेश`, `김민수`, `さとう`, `สมชาย`; with Persian's joiners, `مهدی‌زاده`), where every word is written alike.
 */
const NAME_WORD = new RegExp(String.raw`^(?:\p{Lu}[\p{L}\p{M}.'’-]*|(?:${PARTICLES})|(?:al|el)-\p{Lu}[\p{L}\p{M}'’-]*|[dl]['’]\p{Lu}[\p{L}\p{M}'’-]*|[\p{Script=Han}·]+|\p{Lo}[\p{L}\p{M}.'’\u200C\u200D-]*)$`, 'u');
export const looksLikeNameOrPlace = (s: string | undefined): boolean => {
  const words = (s ?? '').split(' ');
  return words.length <= 6 && /^[\p{Lu}\p{Lo}]/u.test(words[0] ?? '') && words.every((w) => NAME_WORD.test(w));
};

/**
 * The contributors, if every one reads as a name (and a place): otherwise the line is a sentence that
 * ends like a tagline ("Photographers say it contributed to this story."), and no credit is made of it.
 */
const named = (people: Contributor[]): Contributor[] | undefined =>
  people.length > 0 && people.every((p) => p.name.split(', ').every(looksLikeNameOrPlace) && (p.location === undefined || p.location.replace(/^the /, '').split(/, | and /).every(looksLikeNameOrPlace))) ? people : undefined;
