/** Bylines and editor lines of raw copy: names as printed, cased as names. */
import { isBroadcaster, parseContributorLine, type Contributor } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { isPlace } from './_places.js';
import { isRegionAbbreviation } from './_regions.js';
import { isPostNominal, nameSuffix } from './_suffix.js';
import { agencyAsAfterBar, agencyOfJob, agencyOfPublication, INSTITUTION, isBureau, isJobPhrase, isLoneInitial, isModifierOnly, isPublicationName, looksLikeName, nameAndAgency, nameCase, titleBeforeName } from './_names.js';
import { keptWhole, laterSurnameFirst, surnameFirst, surnameFirstThenMore, surnameFirstThenPlace } from './_surname-first.js';
import { isStaffTitle, keptAtCommaWith, nameBeforeWith, WITH, withAfterComma, withCreditLine, withNames, withStaff } from './_with.js';
// ----- Credits -----

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
 * The words after "By" that open a headline's idiom, never a name (`By Popular Demand`, `By Design`, `By Any Means
 * Necessary`, `By All Accounts`, `By Land and Sea`, `By No Means`, `By The Numbers`): a byline opens with a given name, or a surname with a
 * comma after it (`By Land, Jane` stays a byline). Words that are given names too (Chance, Grace, Hope) are not here.
 * (QA: such a headline under a section's label was credited as authors, and the label taken for the headline.)
 */
const IDIOM_OPENINGS = new Set(`popular design default accident invitation request proxy sea air rail road night heart far example degrees mistake
ballot committee decree numbers nature force choice necessity definition contrast comparison halves stealth surprise appointment order virtue
turns inches leaps stages consensus acclamation referendum mail any all every some many most each hook land foot book way day train bus car bike boat
plane ear water fire royal public election elections consent agreement tonight tomorrow now then midnight monday tuesday wednesday thursday friday
saturday sunday january february march september october november december`.split(/\s+/u));
const headlineIdiom = (rest: string): boolean => {
  // (After "the" too: `By The Numbers`, `By the Book`; `By The Associated Press` is an agency's byline.)
  const [first = '', second = ''] = rest.trim().replace(/^the /iu, '').split(' ');
  return IDIOM_OPENINGS.has(first.toLowerCase()) || (first.toLowerCase() === 'no' && second.toLowerCase() === 'means');
};

/** `Par`, `Por` or `di` and a capital: a French, Spanish, Portuguese or Italian byline's opening. */
const ROMANCE_BY = /^(?:Par|PAR|Por|POR|Di|DI|di)\s+(\p{Lu}.*)$/u;

/**
 * `By Jane Doe`, `By JANE DOE in Paris`, `By Jane Doe and John Roe`, `By Jane Doe, Reuters`,
 * `By MIKE GU in Hong Kong and AMY LI in Beijing | China Daily`.
 */
export function parseByline(text: string): Byline | undefined {
  // French, Spanish, Portuguese and Italian bylines (`Par Jeanne Dupont et Jean Martin`, `Por Juan Pérez y Ana Gómez en
  // Madrid`, `Por Ana Martins e Rui Costa, em Lisboa`, `di Giulia Rossi`): read as the English ones, and only when what
  // follows is names (a sentence may open so: `Par ailleurs`, `Por Dios`, `Di Maio lascia`).
  const romance = ROMANCE_BY.exec(text.trim());
  if (romance !== null) {
    const read = parseByline(`By ${(romance[1] ?? '').replace(/ (?:et|y|e) (?=\p{Lu})/gu, ' and ').replace(/,? (?:à|en|em|a) (?=\p{Lu})/gu, ' in ')}`);
    // (Names of two words or more: `Di Battista` is a surname, `di Roma` a place.)
    const names = read !== undefined && read.authors.length > 0 && read.authors.every((a) => a.name.includes(' '));
    return names && read.notNames === undefined && read.publication === undefined && read.titles === undefined ? read : undefined;
  }
  // (A bullet or a spaced dash after the name parts what a comma would: `By Jane Doe • Senior Correspondent`, `By Jane
  // Doe - Reuters`. QA: such a line was no byline, and the headline.)
  const m = /^(?:(?:Story|STORY|Written|WRITTEN|Words|WORDS|Text|TEXT|Reported|REPORTED) (?:by|BY)|By|BY)\s+(.+)$/u.exec(text.replace(/\s+/g, ' ').trim().replace(/ [•·–—-] /gu, ', '));
  if (m === null || headlineIdiom(m[1] ?? '')) return undefined;
  const out: Byline = { authors: [] };
  // A full stop ends the line, unless it ends an initial (`By Doe, Jane A.`), or a region's abbreviation,
  // letters or initials after a comma (`By Jane Doe, Washington, D.C.`, `…, M.D.`, `By Vance, J.D.`).
  // (And the Wall Street Journal's follow button after each name of two words or more, `By Jane Doe Follow and Tom Hale
  // Follow`: QA, the author was "Jane Doe Follow".)
  // (Parts, not a pattern with a lookbehind: one tried every start of a long byline, and a hostile test never ended.)
  const printed = withoutFollow(m[1] ?? '');
  const after = /,\s*([^,]+)$/u.exec(printed)?.[1] ?? '';
  // (And a suffix's: `By King, Martin Luther, Jr.`, kept whole as printed, keeps its `Jr.` as ninjs and NITF do.)
  // (And a suffix after the name with no comma, as AP prints it: `By Jane Roe Jr.`.)
  let names = /\s\p{Lu}\.$/u.test(printed) || nameSuffix(lastWord(printed)) !== undefined || isRegionAbbreviation(after) || isPostNominal(after) || nameSuffix(after) !== undefined || /^(?:\p{Lu}\.){2,3}$/u.test(after) ? printed : printed.replace(/\.$/u, '');
  names = agencyAsAfterBar(names);
  const bar = /^(.+?)\s*\|\s*(.+)$/u.exec(names);
  if (bar !== null) {
    names = bar[1] ?? '';
    readAfterBars(out, bar[2] ?? '');
  }
  const surnameFirstRead = readSurnameFirst(out, names, bar?.[2]);
  if (surnameFirstRead !== false) return surnameFirstRead;
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
  if (!readParts(out, names)) return undefined;
  // A byline of the agency alone (`By The Associated Press`) is a byline too, and one of the staff alone (`By Staff`).
  return out.authors.length > 0 || out.agency !== undefined || out.titles?.some(isStaffTitle) === true || out.publication !== undefined ? out : undefined;
}

/** The byline's agency, or one more (`moreAgencies`) when it names another. */
function addAgency(out: Byline, agency: { name: string; via?: string }): void {
  if (out.agency === undefined) out.agency = agency;
  else if (agency.name !== out.agency.name) (out.moreAgencies ??= []).push(agency);
}

/**
 * What follows the bars after the names: after each, an agency (`| The Associated Press`, `| Kyodo News`), a credit
 * (`| Photos by Tom Hale`), or a publication (`By Jane Doe | AFP | Reuters`: a second agency is noted, as ninjs and
 * NITF note it).
 */
function readAfterBars(out: Byline, bars: string): void {
  for (const after of bars.split(/\s*\|\s*/u).map((p) => p.trim()).filter(Boolean)) {
    const agency = parseAgencyLine(after.replace(/^the\s+/iu, '')) ?? agencyOfPublication(after);
    const people = agency === undefined ? parseContributorLine(after) : undefined;
    if (agency !== undefined) addAgency(out, agency);
    else if (people !== undefined) (out.contributors ??= []).push(...people);
    else out.publication = out.publication === undefined ? after : `${out.publication} | ${after}`;
  }
}

/**
 * Names written surname first (`By Doe, Jane`, `By Doe, Jane, Tom Hale`, `By Jane Doe and Hale, Tom`), or kept whole
 * where they may be a surname and a place (`By Doe, Florence`): the byline (undefined: none), or false for names in
 * none of these forms. `bars`: what followed the bars after the names, read again with the names turned round.
 */
function readSurnameFirst(out: Byline, names: string, bars: string | undefined): Byline | undefined | false {
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
    const rest = parseByline(`By ${later.rewritten}${bars === undefined ? '' : ` | ${bars}`}`);
    if (rest === undefined) return undefined;
    return { ...rest, moreSurnameFirst: [...later.more, ...(rest.moreSurnameFirst ?? [])] };
  }
  if (more === undefined) return false;
  const rest = parseByline(`By ${more.rewritten}`);
  if (rest === undefined) return undefined;
  if (rest.agency !== undefined) addAgency(out, rest.agency);
  for (const a of rest.moreAgencies ?? []) addAgency(out, a);
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

/**
 * The parts of a byline's names (parted at commas, "and", "&", and "with" between two names) read into `out`: authors
 * with their places, agencies, titles, a publication, places, parts that are no name. False when a part is none of
 * these and no name either: the line is no byline.
 */
function readParts(out: Byline, names: string): boolean {
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
    // (`Reuters Staff`, `Al Jazeera Staff`: whose staff, read below.)
    const staffOf = /^(.+?)\s+staff$/iu.exec(part.trim())?.[1];
    const suffix = nameSuffix(part);
    if (last !== undefined && suffix !== undefined) {
      last.name += ` ${suffix}`;
      last.printed += `, ${part}`;
      continue;
    }
    if (last !== undefined && names.includes(`, ${part}`)) {
      // `Jane Doe, Reuters Staff`: the agency; `ANNA LEE, SR. WRITER`, `Jane Doe, Paris Bureau`: no person.
      const staffAgency = staffOf === undefined ? undefined : parseAgencyLine(staffOf);
      if (staffAgency !== undefined) {
        addAgency(out, staffAgency);
        continue;
      }
      if (isJobPhrase(part) || isBureau(part) || isModifierOnly(part) || isPostNominal(part)) {
        const agency = agencyOfJob(part);
        if (agency !== undefined) addAgency(out, agency);
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
      addAgency(out, theAgency);
      continue;
    }
    const trade = last !== undefined ? agencyOfPublication(part) : undefined;
    if (trade !== undefined) {
      addAgency(out, trade);
      continue;
    }
    // (A writer's institution: `By Jane Doe, Michigan State University`, a title the byline has no field for.)
    // (Not a place so named: `By Jane Doe, College Park`.)
    if (last !== undefined && INSTITUTION.test(part) && !isPlace(part)) {
      (out.titles ??= []).push(part.trim());
      continue;
    }
    if (last !== undefined && out.publication === undefined && isPublicationName(part)) {
      out.publication = part.trim();
      continue;
    }
    // A place after a comma, a city or a state (`By Jane Doe, Texas`), and its state after it (`…, Washington, D.C.`);
    // after the agency alone (`By Xinhua, Beijing`), a place with no name to go with.
    if ((last !== undefined || out.agency !== undefined || out.titles?.some(isStaffTitle) === true) && names.includes(`, ${part}`) && isPlace(part) && parseAgencyLine(part) === undefined) {
      if (last === undefined) (out.places ??= []).push(part.trim());
      else {
        last.location = last.location === undefined ? nameCase(part.trim()) : `${last.location}, ${nameCase(part.trim())}`;
        last.printed += `, ${part}`;
      }
      continue;
    }
    const agency = parseAgencyLine(part);
    if (agency !== undefined) {
      addAgency(out, agency);
      continue;
    }
    const withAgency = nameAndAgency(part);
    if (withAgency !== undefined) {
      addAgency(out, withAgency.agency);
      if (withAgency.title !== undefined) (out.titles ??= []).push(withAgency.title);
      if (withAgency.name !== undefined) out.authors.push({ name: nameCase(withAgency.name), printed: part });
      continue;
    }
    // A broadcaster, or its staff (`By CNN`, `By Al Jazeera Staff`, `Jane Roe and BBC News Staff`), is no one's
    // name: the publication, noted (review: "Cnn" and "Al Jazeera Staff" were authors). (A paper's staff is a
    // title, below.)
    // So is a paper's name as the whole byline (`By Global Times`, `By The Washington Post`: QA, they were
    // authors).
    if (out.publication === undefined && (isBroadcaster(part) || (staffOf !== undefined && isBroadcaster(staffOf)) || (parts.length === 1 && out.withKept?.includes(part.trim()) !== true && isPublicationName(part)))) {
      out.publication = part.trim();
      continue;
    }
    // The paper's staff (`By Staff`, `STAFF WRITERS`) is no one's name: a title, noted, as ninjs and NITF note it.
    if (isStaffTitle(part)) {
      (out.titles ??= []).push(part.trim());
      continue;
    }
    // "with" not parted (`Jane Doe with Red Cross`): kept as printed, one credit, noted, as ninjs and NITF
    // keep it; after a comma (`Jane Doe, with Mercy Corps`), no name: noted. Nothing printed is lost.
    // (Not where the part before "with" starts in lower case: `By sea with the navy` is a sentence, no
    // byline. Anything else is kept: `Jane Doe (AP) with Tom Hale` is a credit, whatever else it holds.)
    if (out.withKept?.includes(part.trim()) === true && !/^\p{Ll}/u.test(part.trim())) {
      out.authors.push({ name: nameCase(part.trim()), printed: part });
      continue;
    }
    if (last !== undefined && /^with\s/iu.test(part.trim()) && names.includes(`, ${part}`)) {
      (out.notNames ??= []).push(part.trim());
      continue;
    }
    const p = /^(.+?)\s+(?:in|IN)\s+(.+)$/u.exec(part);
    // A job before the name (`Staff Writer Jane Doe`, `STAFF REPORTER JIM MORRIS IN BEIJING`): the name, and
    // the job a title, noted, as after a comma; the place split off first, as ninjs and NITF split it.
    const titled = titleBeforeName((p?.[1] ?? part).trim());
    if (titled !== undefined) (out.titles ??= []).push(titled.title);
    const name = titled?.name ?? (p?.[1] ?? part).trim();
    const location = p?.[2]?.trim();
    // The staff and a place (`STAFF REPORTER IN BEIJING`): a title and a place, noted, as ninjs and NITF note them.
    if (titled === undefined && location !== undefined && isStaffTitle(name)) {
      (out.titles ??= []).push(name);
      (out.places ??= []).push(location);
      continue;
    }
    if (!looksLikeName(name) || (location !== undefined && !looksLikeName(location))) return false;
    out.authors.push(location === undefined ? { name: nameCase(name), printed: part } : { name: nameCase(name), printed: part, location: nameCase(location) });
  }
  return true;
}

/**
 * `责任编辑：张三`, `编辑：张三 李四` (the editor line of Chinese pages; `【責任編輯：李華】`, `（編輯：張均懋）` in
 * traditional characters), optionally in brackets; the role as
 * printed. Names of two to five characters (or joined by `·`); a plain `编辑：` line in an interview
 * (`interview`) is its own last line (`编辑：谢谢`), not an editor.
 */
export function parseEditorLine(text: string, interview = false): Contributor[] | undefined {
  const en = englishEditors(text, interview);
  if (en !== undefined) return en;
  const m = /^([【[（(]?)(责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*([^】\]）)]+?)\s*[】\]）)]?$/u.exec(text.trim());
  if (m === null || (interview && m[1] === '' && (m[2] === '编辑' || m[2] === '編輯'))) return undefined;
  // (Names of two to five characters, or of parts joined by `·`: `阿依古丽·买买提`.)
  const names = (m[3] ?? '').split(/[\s、,，]+/u).filter(Boolean);
  const isName = (n: string): boolean => /^\p{Script=Han}{2,5}$/u.test(n) || (/^\p{Script=Han}+(?:·\p{Script=Han}+)+$/u.test(n) && n.length <= 16);
  if (names.length === 0 || !names.every((n) => isName(n) && parseAgencyLine(n) === undefined)) return undefined;
  return names.map((name) => ({ name, role: m[2] ?? '责任编辑' }));
}

/**
 * The editor line of English pages, as People's Daily closes its stories (`Web editor: Zhang Kaiwei, Liang Jun`,
 * also in brackets; `Editor: Jane Roe`): names of two to four capitalised words, the role as printed, in lower
 * case. Not Xinhua's `Editor: huaxia` (no name), and not a plain `Editor:` line in an interview (a speaker's).
 */
function englishEditors(text: string, interview: boolean): Contributor[] | undefined {
  const m = /^([[(]?)((?:Web |Chief |Managing |Copy )?[Ee]ditors?)\s*:\s*([^\])]+?)\s*[\])]?$/u.exec(text.trim());
  if (m === null || (interview && m[1] === '')) return undefined;
  const names = (m[3] ?? '').split(/\s*,\s*|\s+and\s+/u).filter(Boolean);
  const isName = (n: string): boolean => /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u.test(n) && parseAgencyLine(n) === undefined;
  if (names.length === 0 || !names.every(isName)) return undefined;
  const role = (m[2] ?? '').toLowerCase().replace(/s$/u, '');
  return names.map((name) => ({ name, role }));
}

/** Names without the follow button after each of two words or more (`Jane Doe Follow and Tom Hale Follow`). */
function withoutFollow(names: string): string {
  if (!names.includes(' Follow')) return names;
  return names.split(/( and | & |, )/u).map((part, i) => (i % 2 === 0 && part.endsWith(' Follow') && part.split(' ').length >= 3 ? part.slice(0, -' Follow'.length) : part)).join('');
}

/**
 * The text after the last whitespace (all of it when there is none). A scan from the end: `/\S+$/` tries
 * every start of a long run of letters before a space, and a 100,000-letter byline took it 27 s.
 */
function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && !/\s/u.test(text[i - 1] as string)) i -= 1;
  return text.slice(i);
}
