/**
 * Recognisers for the lines of wire copy that carry structure: the dateline lead, contributor taglines,
 * agency lines and photo credits. Shared by every importer; each returns undefined when the line is not
 * of its kind, so a caller can keep the line as body text and nothing is lost.
 */
import { colonLeadCity, lookupCity } from './gazetteer.js';
import { cityName, isBracketRegion, isRegionAbbreviation, isRegionName } from './_regions.js';
import { ZH_CITIES } from './_zh-cities.js';
import { parseWireLead } from './_wire-leads.js';
import { nameSuffix, withSuffix } from './_suffix.js';
import { PARTICLES } from './_particles.js';
import { MONTH_NAME, monthNumber } from './_months.js';

// ----- Dateline leads -----

export interface DatelineLead {
  /**
   * As printed, e.g. `WASHINGTON` or `华盛顿`; of Kyodo's, Yonhap's and TASS's leads, the gazetteer's English
   * name of a city their tables know (`【ワシントン共同】`, `МОСКВА`: `Washington`, `Moscow`), as the gazetteer
   * knows no other (`_wire-leads.ts`).
   */
  city: string;
  /** What followed the city: a US state abbreviation, a state or a country (`Ore.`, `Maine`, `Britain`). */
  region?: string;
  /** Month and day printed in the dateline, if any. */
  month?: number;
  day?: number;
  /** The year, where the lead prints one after the day (`Feb. 4, 2025`). */
  year?: number;
  /** The month and day as an English lead prints them (`Feb. 4`, `9 November`), for notes that quote them. */
  printedDate?: string;
  /**
   * The date is not in AP's or Reuters' form (`Feb. 4`, `Feb 4`, `March 4`): the day first (`4 February`)
   * or a month in full that they shorten (`February 4`). Prose starts so too (`BERLIN, 9 November -- a
   * date …`), so such a lead is a dateline only with an agency or a city the gazetteer knows (`isDateline`).
   */
  looseDate?: true;
  /** The agency printed in the dateline: `Xinhua`, `AP`, `Reuters`, `新华社`; `Kyodo`, `Yonhap`, `TASS` for their marks (共同, 연합뉴스, /ТАСС/). */
  agency?: string;
  /** The paragraph without its dateline. */
  rest: string;
  /** The language a wire's lead says its copy is in (Kyodo `ja`, Yonhap `ko`, TASS `ru`: `_wire-leads.ts`). */
  language?: string;
  /** What a wire's lead printed and the record does not keep (a desk's byline, an agency after `＝`), as notes. */
  notes?: string[];
}

/** A dateline's month: AP's forms (`Feb.`, `March`, `Sept.`), Reuters' (`Feb`), and names in full (`February`). */
const MONTH = MONTH_NAME;

/** A capital of the Latin script, accented too (`É`, `Ü`, or `E` and a combining accent): `MONTRÉAL`, `ZÜRICH`, `SÃO PAULO`. */
const CAP = String.raw`(?:(?=\p{Script=Latin})\p{Lu}\p{M}*)`;
/** A letter of the Latin script, in either case, with its accents: a region's (`Nuevo León`). */
const LETTER = String.raw`(?:(?=\p{Script=Latin})\p{L}\p{M}*)`;

/**
 * A word of a dateline city in capitals, or with AP's prefix in lower case where the name has one
 * (`McALLEN`, `DeKALB`, `LaGRANGE`, `FORT McMURRAY`).
 */
const CITY_WORD = String.raw`(?:Mc|Mac|De|Di|Du|La|Le)?${CAP}(?:${CAP}|[.'’])*`;

/** A word of a region's name: `Ore.`, `Nuevo León`'s, `d'Ivoire`, `Guinea-Bissau`, `Île-de-France`. */
const REGION_WORD = String.raw`(?:[dl]['’])?${CAP}(?:${LETTER}|[.'’])*(?:-(?:(?:de|du|des|la|le|les|sur|sous|en|et|os|am|an|im|upon|on)-)*${CAP}(?:${LETTER}|[.'’])*)*`;
/**
 * A region after a dateline city, its words apart by a space or a joining word in lower case (`Bosnia and
 * Herzegovina`, `St. Vincent and the Grenadines`, `Democratic Republic of the Congo`, `Castilla y León`).
 */
const REGION = String.raw`${REGION_WORD}(?: (?:(?:and|of|de|del|da|do|du|des|y|e|et)(?: the)? )?${REGION_WORD})*`;

/**
 * `WASHINGTON, Feb. 4 (Xinhua) --`, `BEIRUT (AP) —`, `PORTLAND, Ore. (AP) —`, `LONDON, Feb 4 (Reuters) -`,
 * `WASHINGTON —`; the month in full and the day first too (`PARIS, February 4 --`, `LONDON, 4 February
 * (AFP) -`), and a year after the day (`WASHINGTON, Feb. 4, 2025 (UPI) --`). The city is in capitals (several
 * apart by slashes, as Reuters prints them: `BEIJING/WASHINGTON, Feb 4 (Reuters) -`); the
 * separator is `--`, an em or en dash, or a spaced hyphen.
 */
const ENGLISH_LEAD = new RegExp(
  String.raw`^(?<city>${CITY_WORD}(?:(?:[ -]|\/)${CITY_WORD})*)` +
    String.raw`(?:, (?<region>(?!(?:${MONTH})\.? \d)${REGION}))?` +
    String.raw`(?:, (?:(?<month>${MONTH})(?<dot>\.)? (?<day>\d{1,2})(?:, (?<year>(?:19|20)\d\d))?|(?<dayFirst>\d{1,2})(?<ordinal>st|nd|rd|th)? (?<monthAfter>${MONTH})(?<dotAfter>\.)?(?:(?<yearComma>,)? (?<yearAfter>(?:19|20)\d\d))?))?` +
    String.raw`(?: \((?<agency>[^()]{1,40})\))?` +
    // (A colon after the agency, as the Associated Press of Pakistan's are printed: `ISLAMABAD, Feb 5 (APP): The …`;
    // a full stop and a hyphen, as EFE's: `MADRID, Feb 5 (EFE).- The …`.)
    String.raw`(?: ?(?:--|—|–| - )|(?<=\))(?<colon>:)|(?<=\))\.-)\s*(?<rest>\S[\s\S]*)$`,
  'u',
);

/**
 * The press-release wires' leads, as newsrooms receive them: PR Newswire's and Cision's between slashes
 * (`NEW YORK, Feb. 5, 2025 /PRNewswire/ -- `, `TORONTO, Feb. 5, 2025 /CNW/ - `) and Business Wire's between
 * double dashes (`NEW YORK--(BUSINESS WIRE)--`), written as the bracketed lead they stand for; GlobeNewswire's
 * is one already (`(GLOBE NEWSWIRE) --`). Each wire is credited by its own name.
 */
const SLASH_WIRE = /^(?<head>[^/\n]{2,120}?) \/(?<wire>PRNewswire(?:-[\w ]{1,30})?|CNW)\/ ?(?:--|—|–|-)\s*(?<rest>\S[\s\S]*)$/u;
const DASH_WIRE = /^(?<head>[^\n(]{2,120}?)--\((?<wire>BUSINESS WIRE|Business Wire)\)--\s*(?<rest>\S[\s\S]*)$/u;
/** TASS's English lead, the agency between slashes after the date and a full stop: `MOSCOW, February 5. /TASS/. Russia …`. */
const TASS_EN = /^(?<head>[^/\n]{2,80}?)\. \/TASS\/\.?\s*(?<rest>\S[\s\S]*)$/u;
/**
 * ANSA's English lead, the agency first: `(ANSA) - ROME, FEB 5 - The …` (the month in capitals), written as
 * the bracketed lead it stands for (`ROME, Feb 5 (ANSA) - The …`).
 */
const ANSA_FIRST = new RegExp(String.raw`^\((?<wire>ANSA)\) ?[-–—] ?(?<city>[^,\n()]{2,40}?)(?:, (?<month>${MONTH_NAME})(?<dot>\.)? (?<day>\d{1,2}))? ?[-–—] ?(?<rest>\S[\s\S]*)$`, 'iu');
export function agencyFirst(paragraph: string): string {
  const g = ANSA_FIRST.exec(paragraph)?.groups;
  if (g === undefined || g['city'] !== g['city']?.toUpperCase()) return paragraph;
  const month = g['month'] === undefined ? '' : `, ${(g['month'][0] ?? '').toUpperCase()}${g['month'].slice(1).toLowerCase()}${g['dot'] ?? ''} ${g['day']}`;
  return `${g['city']}${month} (${g['wire']}) - ${g['rest']}`;
}
const PRESS_WIRES: Readonly<Record<string, string>> = {
  prnewswire: 'PR Newswire', cnw: 'CNW', 'business wire': 'Business Wire', 'globe newswire': 'GlobeNewswire', globenewswire: 'GlobeNewswire', accesswire: 'ACCESSWIRE',
};
function asBracketedLead(paragraph: string): string {
  const tass = TASS_EN.exec(paragraph)?.groups;
  if (tass !== undefined) return `${tass['head']} (TASS) -- ${tass['rest']}`;
  const m = SLASH_WIRE.exec(paragraph) ?? DASH_WIRE.exec(paragraph);
  if (m?.groups === undefined) return paragraph;
  const wire = m.groups['wire'] ?? '';
  return `${m.groups['head']} (${PRESS_WIRES[wire.toLowerCase().replace(/-.*$/, '')] ?? wire}) -- ${m.groups['rest']}`;
}

/**
 * `新华社华盛顿2月4日电`, or without the date (`本报北京电`), optionally followed by the reporters in
 * full-width brackets; in traditional characters too (`新華社澳門3月2日電（記者郭鑫）`, `本報香港電`), and
 * Taiwan's Central News Agency's, which prints the day alone (`中央社台北20日電（記者蘇思云）`) and may name
 * its reporter before the city (`中央社記者楊明珠東京24日電`). Without a date, 电 must end the lead
 * (`新华社北京电力…` is not a dateline), and the city must be one the table of Chinese names knows or the
 * reporters follow; with one, 电 must not begin a word (`2月4日电视台`, `电讯`; `电台湾…` is read as a
 * lead, Taiwan being the likelier).
 */
// (And the websites of China News Service, People's Daily, China National Radio, CCTV, Guangming Daily and China
// Radio International, which print their own names in the lead: `中新网北京2月5日电`, `人民网北京2月5日电`, and
// `消息` for 电 as CNR prints it, `央广网北京2月5日消息`. QA: none was read.)
const ZH_AGENCY = '新华社|新華社|中新社|中新网|中新網|人民网|人民網|央广网|央廣網|央视网|央視網|光明网|光明網|国际在线|國際在線|中央社';
const ZH_DATED = String.raw`(?:(?<month>\d{1,2})月)?(?<day>\d{1,2})日(?:[专專]?[电電]|消息)`;
const CHINESE_LEAD = new RegExp(
  String.raw`^(?<agency>${ZH_AGENCY}|本报|本報)(?<city>[\p{Script=Han}·]{1,12}?)(?:${ZH_DATED}(?![视话影报子力网脑梯池器气车源线讯商信价竞視話報網腦氣車線訊價競])|[电電](?=[（(\s：:，,]|$))` +
    String.raw`(?:\s?[（(](?<reporters>[^）)]*)[）)])?[\s：:，,]*(?<rest>[\s\S]*)$`,
  'u',
);
/** The lead in brackets before the story, as the Central News Agency prints it: `（中央社記者楊明珠東京24日電）`, `（中央社台北20日電）`. */
const BRACKETED_LEAD = new RegExp(String.raw`^[（(](?<agency>${ZH_AGENCY})(?<city>[\p{Script=Han}·]{1,16}?)${ZH_DATED}[）)][\s：:，,]*(?<rest>[\s\S]*)$`, 'u');
/** A reporter before the city (`記者楊明珠東京`): the title. */
const REPORTER_FIRST = /^(?:特派|特约|特約)?[记記]者/u;

/**
 * `記者楊明珠東京` → the reporter and the city: the city a name the table knows, after a name of two to four
 * characters. Undefined when no such city ends it (the name and the city cannot be told apart).
 */
function reporterThenCity(printed: string): { reporter: string; city: string } | undefined {
  const rest = printed.replace(REPORTER_FIRST, '');
  for (let n = 2; n <= 4 && n < rest.length; n++) {
    const city = rest.slice(n);
    if (ZH_CITIES.has(city)) return { reporter: rest.slice(0, n), city };
  }
  return undefined;
}

/**
 * A lead in Arabic or Hebrew letters, which have no capitals: a city of one to three words, an agency in
 * brackets, and a dash (`القاهرة (رويترز) -`, `ירושלים -`). `isDateline` reads it as one only with an agency
 * it knows or a date; a NITF or ninjs dateline naming the same city takes it off as printed (`takeDuplicateLead`).
 */
const RTL_LEAD = /^(?<city>[\p{Script=Arabic}\p{Script=Hebrew}]+(?: [\p{Script=Arabic}\p{Script=Hebrew}]+){0,2})(?: \((?<agency>[^()]{1,40})\))? ?(?:--|—|–| - )\s*(?<rest>\S[\s\S]*)$/u;

/** Labels that lead a paragraph as a city would, with a dash: `EDITOR'S NOTE —`, `UPDATE -`, AP's `FILE -` over a file photo's caption. */
const NOT_PLACES = /^(?:FILE|FILE PHOTO|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|TODAY|TONIGHT|YESTERDAY|TOMORROW|EDITORS?['’]?S? NOTES?|NOTE|UPDATED?|CORRECTED|CORRECTION|CLARIFICATION|BREAKING(?: NEWS)?|(?:NEWS )?ANALYSIS|OPINION|COMMENTARY|EXPLAINER|REVIEW|OBITUARY|ADVISORY|EXCLUSIVE|WARNING|FACT CHECK|LIVE(?: UPDATES)?|WATCH|VIDEO|PHOTOS?|LISTEN|PODCAST|RECAP|PREVIEW|ÚLTIMA HORA|ANÁLISIS|OPINIÓN|CRÓNICA|EXCLUSIVA|ENTREVISTA|REPORTAJE|EN VIVO|URGENTE|EXCLUSIVITÉ|DÉCRYPTAGE|ÉDITORIAL|EDITORIAL|REPORTAGE|EN DIRECT|DIRECT|URGENT|EILMELDUNG|KOMMENTAR|ANALYSE|MEINUNG|INTERVIEW|AO VIVO|ÚLTIMO MINUTO|ÚLTIMAS NOTÍCIAS|ANÁLISE|OPINIÃO|REPORTAGEM|VÍDEO|VIDÉO|FOTOS|GALERÍA|ENQUÊTE|RÉCIT|CHRONIQUE|ENTRETIEN|PORTRAIT|RÉACTIONS|EXKLUSIV|HINTERGRUND|EXCLUSIF)$/;

/** NOT_PLACES without accents: all-capital copy often drops them (`ULTIMA HORA —`). */
const NOT_PLACES_BARE = new RegExp(NOT_PLACES.source.normalize('NFD').replace(/\p{M}/gu, ''));
const bare = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
/** Whether a word in capitals is a label, with its accents or without. */
const isLabel = (upper: string): boolean => NOT_PLACES.test(upper) || NOT_PLACES_BARE.test(bare(upper));

/** A word that leads as a city would and is none: a month, a weekday, `Today`, a label (`Editor's note`), in any case. */
export const notAPlace = (word: string): boolean => isLabel(word.trim().toUpperCase());

/**
 * Organisations' acronyms that lead a sentence in capitals and a dash as a city would (`NATO — Allies
 * agreed…`, `WHO — The agency said…`) and are never a town: never a dateline, whatever follows (an unknown
 * word in capitals otherwise is an unknown town's, `GLENWHARF — $2 million…`). Compared without dots (`U.N.`).
 */
const ORGANISATIONS = new Set([
  'NATO', 'UN', 'EU', 'WHO', 'IMF', 'OPEC', 'ASEAN', 'OECD', 'FBI', 'CIA', 'NASA', 'UNICEF', 'UNESCO', 'UNHCR', 'UNRWA', 'UNDP', 'WFP',
  'FIFA', 'UEFA', 'IOC', 'WTO', 'ICC', 'ICJ', 'IAEA', 'OSCE', 'APEC', 'BRICS', 'G7', 'G8', 'G20', 'INTERPOL', 'NSA', 'FDA', 'CDC', 'ECB',
]);

/**
 * Whether a dateline's brackets may hold its agency: not when they hold no letter (`(1989)`), start with a
 * year (`(1989 photo)`), are a day or a month alone (`(Monday)`), or are words all in lower case that the
 * list of agencies does not know (`(local time)`). Anything else may be an agency or a station (`(KTLA 5)`,
 * `(euronews)`, `(al-Ahram)`, `(The Globe and Mail)`, `(AP Photo/Jane Doe, File)`).
 */
function agencyLike(text: string): boolean {
  const t = text.trim();
  if (!/\p{L}/u.test(t) || /^(?:1[89]|20)\d{2}\b/.test(t) || DAY_OR_MONTH.test(t.replace(/\.$/, ''))) return false;
  // A date (`Feb. 5`, `Monday, Feb. 5`, `5 February`), a byline (`By Jane Doe`), a label (`Updated`, `Video`, `Local time`).
  if (A_DATE_IN.test(t) || /^by\s/i.test(t) || isLabel(t.toUpperCase()) || /^local time$/i.test(t)) return false;
  // Words in lower case the list of agencies does not know are a note (`(local time)`), and so are the
  // notes of one word that captions and pages print (`(pictured)`); another word in lower case is an
  // agency's (`(dpa)`, `(belga)`, `(interfax)`).
  if (NOTE_WORDS.test(t)) return false;
  return !(/\s/.test(t) && t === t.toLowerCase() && parseAgencyLine(t) === undefined);
}

/** Notes of one word that brackets after a name or a city hold: where a person stands in a photo, what a file is. */
const NOTE_WORDS = /^(?:pictured|observed|left|right|centre|center|above|below|top|inset|file|archive|illustration|illustrative|sponsored|translated|edited|cropped|unverified|unconfirmed|developing|provisional)$/i;

const A_DATE_IN = new RegExp(`(?:^|[\\s,])(?:(?:${MONTH_NAME})\\.?\\s+\\d{1,2}\\b|\\d{1,2}\\s+(?:${MONTH_NAME})\\b)`, 'i');

const DAY_OR_MONTH = new RegExp(`^(?:${MONTH_NAME}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)$`, 'i');

export function parseDatelineLead(paragraph: string): (DatelineLead & { reporters?: string }) | undefined {
  const zh = CHINESE_LEAD.exec(paragraph.trim()) ?? BRACKETED_LEAD.exec(paragraph.trim());
  // Without a date, a city the table knows or the reporters in brackets make a lead ("本报延安电（记者李华）");
  // "本报多次致电，对方未回应" is a sentence.
  if (zh?.groups !== undefined && (zh.groups['day'] !== undefined || zh.groups['reporters'] !== undefined || ZH_CITIES.has(zh.groups['city'] ?? ''))) {
    const g = zh.groups;
    // (The reporter before the city, `中央社記者楊明珠東京24日電`: a city the table knows must end it.)
    const split = REPORTER_FIRST.test(g['city'] ?? '') ? reporterThenCity(g['city'] ?? '') : undefined;
    if (REPORTER_FIRST.test(g['city'] ?? '') && split === undefined) return undefined;
    const lead: DatelineLead & { reporters?: string } = { city: split?.city ?? g['city'] ?? '', rest: (g['rest'] ?? '').trim() };
    // (`中央社台北20日電` prints the day alone: the month is the one that day falls in up to publication.)
    if (g['month'] !== undefined) lead.month = Number(g['month']);
    if (g['day'] !== undefined) lead.day = Number(g['day']);
    if (g['agency'] !== '本报' && g['agency'] !== '本報') lead.agency = g['agency'] ?? '';
    const reporters = [split?.reporter, g['reporters']].filter((r) => r !== undefined).join('、');
    if (reporters !== '') lead.reporters = reporters;
    return lead;
  }
  // Kyodo's, Yonhap's and TASS's (`【東京共同】`, `(서울=연합뉴스) 홍길동 기자 =`, `МОСКВА, 27 ноября. /ТАСС/.`).
  const wire = parseWireLead(paragraph.trim());
  if (wire !== undefined) return wire;
  const rtl = RTL_LEAD.exec(paragraph.trim());
  if (rtl?.groups !== undefined) {
    const lead: DatelineLead = { city: rtl.groups['city'] ?? '', rest: (rtl.groups['rest'] ?? '').trim() };
    if (rtl.groups['agency'] !== undefined) lead.agency = rtl.groups['agency'].trim();
    return lead;
  }
  const m = ENGLISH_LEAD.exec(asBracketedLead(agencyFirst(paragraph.trim())));
  if (m?.groups === undefined) return otherEnglishLead(paragraph.trim());
  const g = m.groups;
  // A lone capitalised word before a dash is a dateline only if it looks like a place, not an acronym-led sentence.
  if ((g['city'] ?? '').length < 2 || isLabel(g['city'] ?? '') || ORGANISATIONS.has((g['city'] ?? '').replace(/\./g, ''))) return undefined;
  // Brackets that hold no agency's name make prose, not a dateline: a year or a number (`BERLIN, 9 November
  // (1989) -- a date …`, `BERLIN (1989) — …`), a day, a note in lower case (`(Monday)`, `(local time)`).
  if (g['agency'] !== undefined && !agencyLike(g['agency'])) return undefined;
  // (The colon only after an agency the list knows: `NATO (North Atlantic Treaty Organization): …` spells out a name.)
  if (g['colon'] !== undefined && parseAgencyLine(g['agency'] ?? '') === undefined) return undefined;
  const lead: DatelineLead = { city: g['city'] ?? '', rest: (g['rest'] ?? '').trim() };
  if (g['region'] !== undefined) lead.region = g['region'];
  // A country or a state in the brackets is the city's, never its agency (`KYIV (Ukraine) —`).
  const region = g['agency'] !== undefined && isBracketRegion(g['agency']) ? g['agency'].trim() : undefined;
  if (region !== undefined) lead.region ??= region;
  const month = g['month'] ?? g['monthAfter'];
  if (month !== undefined) {
    lead.month = monthNumber(month);
    lead.day = Number(g['day'] ?? g['dayFirst']);
    lead.printedDate = g['dayFirst'] !== undefined ? `${g['dayFirst']}${g['ordinal'] ?? ''} ${g['monthAfter']}${g['dotAfter'] ?? ''}` : `${month}${g['dot'] ?? ''} ${g['day']}`;
    const year = g['year'] ?? g['yearAfter'];
    if (year !== undefined) {
      lead.year = Number(year);
      lead.printedDate += g['year'] !== undefined ? `, ${year}` : `${g['yearComma'] ?? ''} ${year}`;
    }
    if (g['dayFirst'] !== undefined || month.length > 5) lead.looseDate = true;
  }
  if (g['agency'] !== undefined && region === undefined) lead.agency = PRESS_WIRES[g['agency'].trim().toLowerCase()] ?? g['agency'];
  return lead;
}


const DAY_MS = 86_400_000;

/** Midnight UTC of a day (years below 100 too, which Date.UTC reads as 19xx). */
function utcDay(y: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(y, month - 1, day);
  return d.getTime();
}

/**
 * The full date of a dateline's month and day: the latest one on or before `last`, the day the story was
 * first published at the dateline city (a story is datelined on or before that day, so a dateline of Dec.
 * 31 on a story first published Jan. 1 is from the year before, and one of Dec. 20 on a story of July 1
 * too), or at most two days after it: a day or two later is the same year's, a typo or a later edition's
 * day, which the build warns about (W_DATELINE_DATE), not a day a year back. Only the year up to `last`
 * (366 days) is looked at: a Feb. 29 with none in it is undefined, as is a day no year has (Feb. 30).
 */
export function datelineDate(month: number, day: number, last: string): string | undefined {
  const year = Number(last.slice(0, 4));
  const lastMs = utcDay(year, Number(last.slice(5, 7)), Number(last.slice(8, 10)));
  for (const y of [year + 1, year, year - 1]) {
    const ms = utcDay(y, month, day);
    const d = new Date(ms);
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || ms > lastMs + DAYS_AFTER * DAY_MS || lastMs - ms > 366 * DAY_MS) continue;
    return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}

/** How many days after its first publication at the city a dateline's day is still read in that year. */
const DAYS_AFTER = 2;

// ----- Contributors -----

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
const looksLikeNameOrPlace = (s: string | undefined): boolean => {
  const words = (s ?? '').split(' ');
  return words.length <= 6 && /^[\p{Lu}\p{Lo}]/u.test(words[0] ?? '') && words.every((w) => NAME_WORD.test(w));
};

/**
 * The contributors, if every one reads as a name (and a place): otherwise the line is a sentence that
 * ends like a tagline ("Photographers say it contributed to this story."), and no credit is made of it.
 */
const named = (people: Contributor[]): Contributor[] | undefined =>
  people.length > 0 && people.every((p) => p.name.split(', ').every(looksLikeNameOrPlace) && (p.location === undefined || p.location.replace(/^the /, '').split(/, | and /).every(looksLikeNameOrPlace))) ? people : undefined;

// ----- Agencies -----

/** Agencies whose names stand alone on a credit line (wire services, and the generic "Agencies"). */
const AGENCIES = [
  'Xinhua', 'Agencies', 'AP', 'Associated Press', 'Reuters', 'AFP', 'Agence France-Presse', 'Bloomberg', 'dpa', 'EFE', 'ANSA',
  'Kyodo', 'Yonhap', 'TASS', 'RIA Novosti', 'PTI', 'IANS', 'AAP', 'CNA', 'Bernama', 'Anadolu', 'UPI', 'China Daily', 'CGTN',
  'China News Service', 'Central News Agency', '新华社', '新華社', '中新社', '中央社',
  // (Reuters and AFP in Arabic, Reuters in Hebrew, as their datelines print them: `القاهرة (رويترز) -`.)
  'رويترز', 'أ ف ب', 'ا ف ب', 'רויטרס',
  // Full names `agencyKey` knows that no other reading gives (`Kyodo News` and `Xinhua News Agency` are
  // read by their trade: `agencyOfPublication`), so that a name counted as an agency's is one.
  'Agence France Presse', 'Deutsche Presse-Agentur', 'United Press International', 'Press Trust of India', 'Australian Associated Press', 'Anadolu Agency',
  'APP', 'Associated Press of Pakistan',
  // National agencies whose leads newsrooms receive (`Jakarta (ANTARA) -`, `ABU DHABI, 5th February, 2025 (WAM) --`).
  'Antara', 'ANTARA', 'WAM', 'Emirates News Agency', 'Saudi Press Agency', 'QNA', 'Qatar News Agency', 'KUNA', 'IRNA', 'Interfax',
  'Sputnik', 'Lusa', 'Belga', 'ANP', 'PAP', 'Ukrinform', 'VNA', 'Prensa Latina',
  // The press-release wires (`asBracketedLead`).
  'PR Newswire', 'Business Wire', 'GlobeNewswire', 'CNW', 'ACCESSWIRE',
];
const AGENCY = `(?:${AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
/** Between agencies credited together: `Reuters - AP`, `AFP/Xinhua`, `Reuters, AFP`, `AFP and AP`. */
const JOINED = String.raw`(?:\s*[-–/,&]\s*|\s+and\s+)`;
/** (A chain of them, `Agencies via Reuters via Xinhua`, is the last one's, via the others. QA.) */
const AGENCY_LINE = new RegExp(`^(?:(?<via>${AGENCY}(?:(?:${JOINED}|\\s+via\\s+)${AGENCY})*)\\s+via\\s+)?(?<name>${AGENCY}(?:${JOINED}${AGENCY})*)\\.?$`, 'i');

/**
 * Leads of other wires and papers, each read only with a city the gazetteer knows (the city kept as printed):
 * - a city in title case before an agency the list knows in brackets and a dash: AFP's and dpa's English
 *   leads (`Paris (AFP) -`, `Berlin (dpa) -`, `Kyiv, Feb 4 (AFP) -`; `Macron (AFP) -` is not one);
 * - a city in any case, a date or none, and an agency the list knows with no dash, before a capital: PTI's
 *   and IANS's (`New Delhi, Feb 4 (PTI) The …`, `MUMBAI (IANS) Shares …`);
 * - a city in capitals and a colon before a capital, as Indian and Pakistani papers print it (`NEW DELHI: The
 *   …`); not a label (`UPDATE:`, `WATCH:`) or an organisation (`NATO:`);
 * - CNN's: a city in title case, its region, and `CNN —` (`Valencia, Spain CNN —`).
 */
let agencyLead: RegExp | undefined;
/** CNN's, the city in title case, its region, and CNN with no brackets: `Valencia, Spain CNN —`. */
const CNN_LEAD = new RegExp(String.raw`^(?<city>\p{Lu}[\p{L}.'’]*(?:[ -]\p{Lu}[\p{L}.'’]*)*)(?:, (?<region>${REGION}))? (?<agency>CNN) (?:—|–|--)\s+(?<rest>\S[\s\S]*)$`, 'u');
const COLON_LEAD = new RegExp(String.raw`^(?<city>${CITY_WORD}(?:[ -]${CITY_WORD})*): (?<rest>[\p{Lu}\d"“‘'][\s\S]*)$`, 'u');
function otherEnglishLead(paragraph: string): DatelineLead | undefined {
  agencyLead ??= new RegExp(
    String.raw`^(?<city>\p{Lu}[\p{L}.'’]*(?:[ -](?:\p{Lu}[\p{L}.'’]*|de|del|es|al|el|am|upon|on|sur|en))*)` +
      String.raw`(?:, (?<month>${MONTH})(?<dot>\.)? (?<day>\d{1,2}))? \((?<agency>${AGENCY}(?:${JOINED}${AGENCY})*)\)` +
      String.raw`(?: ?(?:--|—|–|-)\s+|\.-\s*|\s+(?=[\p{Lu}\d"“‘']))(?<rest>\S[\s\S]*)$`,
    'u',
  );
  const colon = COLON_LEAD.exec(paragraph)?.groups;
  const g = agencyLead.exec(paragraph)?.groups ?? colon ?? CNN_LEAD.exec(paragraph)?.groups;
  const city = g?.['city'];
  if (g === undefined || city === undefined || isLabel(city.toUpperCase()) || ORGANISATIONS.has(city.replace(/\./g, ''))) return undefined;
  if (g === colon && !colonLeadCity(city)) return undefined;
  const known = lookupCity(city, g['region']);
  if (!known.found && known.reason !== 'ambiguous') return undefined;
  const lead: DatelineLead = { city, rest: (g['rest'] ?? '').trim() };
  if (g['region'] !== undefined) lead.region = g['region'];
  if (g['agency'] !== undefined) lead.agency = g['agency'];
  if (g['month'] !== undefined) {
    lead.month = monthNumber(g['month']);
    lead.day = Number(g['day']);
    lead.printedDate = `${g['month']}${g['dot'] ?? ''} ${g['day']}`;
    if (g['month'].length > 5) lead.looseDate = true;
  }
  return lead;
}

/**
 * An agency line naming agencies but none of them (`Agencies`, `(With inputs from agencies)`): it says less
 * than an agency named elsewhere in the copy (the dateline's), which is kept over it.
 */
export const noAgencyNamed = (a: { name: string; via?: string }): boolean => a.via === undefined && /^(?:news\s+|wire\s+)?agenc(?:y|ies)$/i.test(a.name.trim());

/** `Agencies Via Xinhua` → `{name: 'Xinhua', via: 'Agencies'}`; `Xinhua`; `Reuters - AP`, `AFP and AP` (kept as printed). */
export function parseAgencyLine(line: string): { name: string; via?: string } | undefined {
  // (`The Associated Press` on a line of its own under a byline, as AP prints it: the agency. QA: it was
  // the headline.)
  const m = AGENCY_LINE.exec(line.trim().replace(/^the\s+(?=\S)/i, ''));
  if (m?.groups === undefined) return undefined;
  const canonical = (s: string): string => s.replace(new RegExp(AGENCY, 'gi'), (a) => AGENCIES.find((x) => x.toLowerCase() === a.toLowerCase()) ?? a);
  const out: { name: string; via?: string } = { name: canonical(m.groups['name'] ?? '') };
  if (m.groups['via'] !== undefined) out.via = canonical(m.groups['via']);
  return out;
}

/**
 * Each agency an agency line names, as `parseAgencyLine` spells them: `Agencies - Xinhua` → Agencies,
 * Xinhua. A name that is no agency line (`UNIAN`, `Xinhua Finance`) is one name.
 */
export function agenciesNamed(agency: { name: string; via?: string }): string[] {
  return [agency.name, agency.via].flatMap((s) => {
    if (s === undefined) return [];
    if (AGENCY_LINE.exec(s.trim()) === null) return [s];
    return (s.match(new RegExp(AGENCY, 'gi')) ?? []).map((a) => AGENCIES.find((x) => x.toLowerCase() === a.toLowerCase()) ?? a);
  });
}

/**
 * Names of one agency, full and short, as copy prints them (`Associated Press` and `AP`, `Agence
 * France-Presse` and `AFP`, `Kyodo News` and `Kyodo`, `Xinhua News Agency`, `新华社` and `Xinhua`): keys
 * that compare equal for the same agency. Only for comparing: a record keeps the agency as printed.
 */
const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'associated press': 'ap', 'agence france-presse': 'afp', 'agence france presse': 'afp', 'kyodo news': 'kyodo', 'xinhua news agency': 'xinhua',
  'xinhua news': 'xinhua', '新华社': 'xinhua', 'deutsche presse-agentur': 'dpa', 'yonhap news agency': 'yonhap', 'yonhap news': 'yonhap',
  'bloomberg news': 'bloomberg', 'united press international': 'upi', 'press trust of india': 'pti', 'australian associated press': 'aap',
  'anadolu agency': 'anadolu', 'associated press of pakistan': 'app', 'globe newswire': 'globenewswire', 'prnewswire': 'pr newswire', 'china news service': '中新社', '中新网': '中新社', '中新網': '中新社', '新華社': 'xinhua', '中央社': 'cna', 'central news agency': 'cna',
  'رويترز': 'reuters', 'أ ف ب': 'afp', 'ا ف ب': 'afp', 'רויטרס': 'reuters',
};
export const agencyKey = (name: string): string => {
  const k = name.trim().replace(/^the\s+/iu, '').replace(/\s+/gu, ' ').toLowerCase();
  return AGENCY_NAMES[k] ?? k;
};

// ----- Photo credits -----

/**
 * The agencies whose photo credits are read, one list for every form (review: each pattern had its own):
 * as they sign a photographer's name (`REUTERS/Ann Wang`), and alone (`(AFP)`, `— AFP`).
 */
const PHOTO_AGENCY = 'AP|AFP|Reuters|REUTERS|Xinhua|XINHUA|EPA(?:-EFE)?|Kyodo|KYODO|Yonhap|YONHAP|CNS|Bloomberg';
const PHOTO_AGENCY_ALONE = 'AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Xinhua|XINHUA|Bloomberg|Kyodo|KYODO|Yonhap|YONHAP';
/**
 * Those read alone after a caption's last sentence wherever the paragraph stands. (Not Kyodo and Yonhap:
 * "… the South's military said. Yonhap" ends a story's paragraph as often as a caption: review. They are
 * read so only where a caption stands.)
 */
const PHOTO_AGENCY_ALONE_ANYWHERE = 'AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Xinhua|XINHUA|Bloomberg';

/** AGENCY/Name, as Xinhua and Reuters sign: "(Xinhua/Li Xin)", "(REUTERS/Ann Wang)", "Xinhua/Li Xin"; the agency alone in brackets: "(AFP)". */
const WEAK_CREDITS: RegExp[] = [
  // Bloomberg's `Image:`, and `Picture:`, `Credit:`, which prose may print too (`Credit: the lifeblood of growth`).
  /^(?<caption>.*[.!?"”])\s+(?:Picture|Image|Credit):\s*(?<credit>\p{Lu}[^.]*?)\.?$/u,
  // A name and an agency in square brackets, as Al Jazeera signs, after the caption's last word or its full stop:
  // `Ships wait outside the port [Jane Doe/Reuters]`.
  /^(?<caption>.*\S)\s*\[(?<credit>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}\/(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4})\]$/u,
  // An agency and a name after a colon in brackets, as the ABC signs: `(Reuters: Jane Doe)`, `(ABC News: Jane Doe)`.
  new RegExp(String.raw`^(?<caption>.*[.!?"”])\s*\((?<credit>(?:${PHOTO_AGENCY}|ABC(?: News)?|AAP(?: Image)?|Getty Images): \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})\)$`, 'u'),
  // A name and a paper in brackets, as the New York Times signs: `(Jane Roe/The New York Times)`.
  /^(?<caption>.*[.!?"”])\s*\((?<credit>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}\/(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4})\)$/u,
  new RegExp(String.raw`^(?<caption>.*[.!?"”])\s*\((?<credit>(?:${PHOTO_AGENCY})\s*\/\s*\p{Lu}[^()]*)\)$`, 'u'),
  // (A file photo, as Reuters signs it: "REUTERS/Tingshu Wang/File Photo". QA.)
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+(?<credit>(?:${PHOTO_AGENCY})\/\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:\/File Photo)?)$`, 'u'),
  // "… on Monday. — AFP", the agency after a dash.
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+[—–]\s*(?<credit>${PHOTO_AGENCY_ALONE})$`),
  new RegExp(String.raw`^(?<caption>.*[.!?"”])\s*\((?<credit>${PHOTO_AGENCY_ALONE})\)$`),
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+(?<credit>${PHOTO_AGENCY_ALONE})$`),
];

/** Credit forms a word or mark says is a photo's (`Credit...`, `[Photo/…]`, `Photograph:`, `摄`). */
const MARKED_CREDITS: RegExp[] = [
  // The New York Times' `Credit...Jane Roe for The New York Times` after the caption (copied as one line, the
  // caption's full stop against it).
  /^(?<caption>.*\S)\s*Credit(?:\.\.\.|…)\s*(?<credit>\p{Lu}.*)$/u,
  /^(?<caption>.*\S)\s*\[Photo(?:\s+by\s+|\s*\/\s*|:\s*)(?<credit>[^\]]+)\]$/i,
  /^(?<caption>.*\S)\s*\(Photo(?:\s+by\s+|\s*\/\s*|:\s*)(?<credit>[^)]+)\)$/i,
  // Agency style: "(AP Photo/Abdel Kareem Hana)", the agency's "Photo" kept in the credit.
  new RegExp(String.raw`^(?<caption>.*\S)\s*\((?<credit>(?:${PHOTO_AGENCY}|Getty)\s+Photos?\s*\/\s*[^()]+)\)$`),
  // (And the Guardian's `Photograph:`, Bloomberg's `Photographer:`, and `Photo credit:`.)
  /^(?<caption>.*[.!?"”])\s+(?:Photo|Photograph|Photographer|Photo credit):\s*(?<credit>[^.]+?)\.?$/i,
  /^(?<caption>.*[.!?"”])\s+©\s*(?<credit>\p{Lu}[^©]*?)\.?$/u,
  // "Photo by Jane Roe/Getty Images": a name, capitalised, with no comma.
  /^(?<caption>.*[.!?"”])\s+Photo by\s+(?<credit>\p{Lu}[^.,]*?)\.?$/u,
  // Chinese: "（新华社记者李华摄）", "（视觉中国供图）", "（中央社記者王飛華攝）".
  /^(?<caption>.*\S)\s*[（(](?<credit>[^（）()]+?)\s*(?:摄|攝|供图|供圖)[）)]$/u,
];

/** The credit forms read wherever they stand (WEAK_CREDITS: only where a caption stands). */
const PHOTO_CREDITS: RegExp[] = [
  ...MARKED_CREDITS,
  // NAME/AGENCY at the end, as wire photo desks sign: "DAWOUD ABU ALKAS/REUTERS", "Mohamed Hossam/EPA-EFE".
  // (With spaces round the slash, as China Daily signs: "WANG JING / CHINA DAILY". QA.)
  /^(?<caption>.*[.!?"”)])\s+(?<credit>[A-Z][A-Z.'’ -]+\/[A-Z][A-Za-z.'’ -]+)$/,
  // (Spaced, only a name of two words or more and a paper in capitals: "US / EU" is no credit. Review.)
  /^(?<caption>.*[.!?"”)])\s+(?<credit>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)+ \/ [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)$/,
  // "[Photo provided to China Daily]": no name, but the credit the paper prints.
  /^(?<caption>.*\S)\s*\[(?<credit>Photos? provided (?:to|by) [^\]]+)\]$/i,
  /^(?<caption>.*[.!?"”)])\s+(?<credit>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}\/(?:[A-Z][A-Z.&'’-]+(?: [A-Z][A-Z.&'’-]+)*|Getty Images|Reuters|Bloomberg|Xinhua))$/u,
  // An agency's name alone after the caption's last sentence.
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+(?<credit>${PHOTO_AGENCY_ALONE_ANYWHERE})$`),
];

/**
 * Splits the credit off a photo caption: `… in Gaza City on Monday. DAWOUD ABU ALKAS/REUTERS`,
 * `… [Photo/Agencies]`, `… [Photo by Wang Jing/China Daily]`, `… Photo: Xinhua`, `…（新华社记者王晔摄）`.
 */
export function splitPhotoCredit(paragraph: string): { caption: string; credit: string; weak?: true } | undefined {
  const text = paragraph.trim();
  // Captions are short (and the patterns below are not all linear on long text); notes are not captions.
  if (text.length > 600 || /^(?:(?:editors?['’]?s? notes?|correction|clarification|note)\b|编者按|编者注)/i.test(text)) return undefined;
  for (const p of PHOTO_CREDITS) {
    const m = p.exec(text);
    if (m?.groups !== undefined) return { caption: (m.groups['caption'] ?? '').trim(), credit: (m.groups['credit'] ?? '').trim() };
  }
  // `weak`: forms a story's own paragraph also takes ("… a poll found. (Reuters/Ipsos)", "… the president.
  // (AFP)"), which the caller accepts only where a caption stands, before the dateline.
  for (const p of WEAK_CREDITS) {
    const m = p.exec(text);
    if (m?.groups !== undefined) return { caption: (m.groups['caption'] ?? '').trim(), credit: (m.groups['credit'] ?? '').trim(), weak: true };
  }
  return undefined;
}

/**
 * A caption and its credit in a form a word or mark says is a photo's (`… on Wednesday.Credit...Jane Roe for
 * The New York Times`, `… [Photo/Agencies]`): where a headline may stand too, only those are read.
 */
export function markedPhotoCredit(text: string): { caption: string; credit: string } | undefined {
  if (text.length > 600) return undefined;
  for (const p of MARKED_CREDITS) {
    const m = p.exec(text.trim());
    if (m?.groups !== undefined) return { caption: (m.groups['caption'] ?? '').trim(), credit: (m.groups['credit'] ?? '').trim() };
  }
  return undefined;
}

/**
 * A photo's source alone on a line, as the BBC prints it over the caption: a picture agency or library
 * (`Getty Images`, `AFP via Getty Images`, `EPA-EFE/REX/Shutterstock`, `PA Media`), or a name and one
 * (`Jane Doe/Getty Images`). Not a news agency alone (`Reuters`): alone on a line, that is the agency.
 */
export function photoSourceAlone(line: string): string | undefined {
  const text = line.trim();
  const library = String.raw`Getty Images|Shutterstock|Alamy|PA Media|PA Wire|EPA|EPA-EFE|NurPhoto|SOPA Images|Anadolu|REX`;
  const source = new RegExp(String.raw`^(?:(?:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}|${PHOTO_AGENCY})(?: via |\/))?(?:${library})(?:\/(?:${library}))*$`, 'u');
  return text.length <= 80 && source.test(text) ? text : undefined;
}

/**
 * A line that is a photo's credit and nothing else, as copy may close with it: `Photo: Jane Doe/Reuters`,
 * `Photos by Tom Hale`, `(Photo: AFP)`, `[Photo/Agencies]`, `Photo credit: Xinhua`. The credit, or undefined
 * (a sentence, `Photos by the agency showed …`; an image's URL, `Photo: https://…`).
 */
export function photoCreditAlone(line: string): string | undefined {
  const text = line.trim();
  if (text.length > 120) return undefined;
  const m = /^(?<open>[[(]?)(?:Photo(?:graph)?s?|Pictures?|Pic|Images?)(?: credit)?(?:\s+by\s+|\s*[:：/]\s*)(?<credit>.+?)(?<close>[\])]?)\.?$/i.exec(text);
  const credit = m?.groups?.['credit']?.trim();
  if (m === null || credit === undefined) return undefined;
  // Brackets that pair, a credit that starts with a capital (or a CJK name) and holds no sentence or URL.
  const paired = { '': '', '[': ']', '(': ')' }[m.groups?.['open'] ?? ''] === m.groups?.['close'];
  // (And names: a photographer's, an agency's, `Tom Reed/Reuters`, `Jane Doe and Tom Reed`. Review: `Photo:
  // Firefighters at the scene on Tuesday`, a caption, was made a credit.)
  const names = credit.split(/\s*\/\s*|, | and /);
  return paired && !/[.!?]\s|[[\]()]|:\/\//u.test(credit) && names.every(looksLikeNameOrPlace) ? credit : undefined;
}
