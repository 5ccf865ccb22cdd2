/**
 * The dateline lead that opens a story's first paragraph (`WASHINGTON, Feb. 4 (Xinhua) --`, `新华社北京2月5日电`,
 * `Paris (AFP) -`): its city, region, date and agency, and the day it names. Undefined when the paragraph
 * opens with none, so a caller keeps it as body text and nothing is lost.
 */
import { AGENCY, JOINED, parseAgencyLine } from './_agencies.js';
import { colonLeadCity, lookupCity } from './gazetteer.js';
import { isBracketRegion } from './_regions.js';
import { ZH_CITIES } from './_zh-cities.js';
import { parseWireLead } from './_wire-leads.js';
import { MONTH_NAME, monthNumber, ROMANCE_MONTH, romanceLanguage, romanceMonth } from './_months.js';

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
    String.raw`(?:, (?:(?<month>${MONTH})(?<dot>\.)? (?<day>\d{1,2})(?:, (?<year>(?:19|20)\d\d))?|(?<dayFirst>\d{1,2})(?<ordinal>st|nd|rd|th)? (?<monthAfter>${MONTH})(?<dotAfter>\.)?(?:(?<yearComma>,)? (?<yearAfter>(?:19|20)\d\d))?|(?<dayRomance>\d{1,2})(?<er>er)? (?<de>de )?(?<monthRomance>${ROMANCE_MONTH})(?<dotRomance>\.)?(?<yearRomance> (?:de )?(?:19|20)\d\d)?))?` +
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
/**
 * AAP's lead, its name without brackets after the city and the date, the comma before the date left out at times:
 * `SYDNEY, March 22 AAP - Police …`, `SYDNEY March 22 AAP -` (its NITF's dateline). (Real AAP copy: no dateline
 * was read, and `MELBOURNE AAP -` was a city "Melbourne Aap".)
 */
const AAP_LEAD = /^(?<city>\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?)(?:,? (?<date>\p{Lu}\p{Ll}{2,8}\.? \d{1,2}))? AAP\s*(?:--|-|–|—)\s*(?<rest>\S[\s\S]*)$/u;
function asBracketedLead(paragraph: string): string {
  const tass = TASS_EN.exec(paragraph)?.groups;
  if (tass !== undefined) return `${tass['head']} (TASS) -- ${tass['rest']}`;
  const aap = AAP_LEAD.exec(paragraph)?.groups;
  if (aap !== undefined) return `${aap['city']}${aap['date'] === undefined ? '' : `, ${aap['date']}`} (AAP) -- ${aap['rest']}`;
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

/** A month and its day alone (`MARCH 04`, `Feb. 4`, `4 February`): a printed dateline's date, no city. */
const DATE_ALONE = new RegExp(`^(?:(?:${MONTH_NAME})\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:${MONTH_NAME})\\.?)$`, 'iu');

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
  // AFP's French and EFE's Spanish leads: the day, then the month in lower case (`DOHA, 5 fév 2025 (AFP) -`, `DOHA, 5 feb (EFE).-`).
  const romance = g['monthRomance'] === undefined ? undefined : romanceMonth(g['monthRomance']);
  if (romance !== undefined) {
    lead.month = romance;
    lead.day = Number(g['dayRomance']);
    lead.printedDate = `${g['dayRomance']}${g['er'] ?? ''} ${g['de'] ?? ''}${g['monthRomance']}${g['dotRomance'] ?? ''}${g['yearRomance'] ?? ''}`;
    if (g['yearRomance'] !== undefined) lead.year = Number(/\d{4}/u.exec(g['yearRomance'])?.[0]);
    lead.looseDate = true;
    // (The month's name says the copy's language, when only one of the two spells it so.)
    const language = romanceLanguage(g['monthRomance'] ?? '');
    if (language !== undefined) lead.language = language;
  }
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

/**
 * Leads of other wires and papers, each read only with a city the gazetteer knows (the city kept as printed):
 * - a city in title case before an agency the list knows in brackets and a dash: AFP's and dpa's English
 *   leads (`Paris (AFP) -`, `Berlin (dpa) -`, `Kyiv, Feb 4 (AFP) -`; `Macron (AFP) -` is not one), a
 *   partner's copy that the agency sends before its name (`San Diego (tca/dpa) -`: the Tribune Content
 *   Agency's, through dpa), credited as printed, as a lead in capitals has it (`SAN DIEGO (tca/dpa) -`);
 * - a city in any case, a date or none, and an agency the list knows with no dash, before a capital: PTI's
 *   and IANS's (`New Delhi, Feb 4 (PTI) The …`, `MUMBAI (IANS) Shares …`);
 * - a city in capitals and a colon before a capital, as Indian and Pakistani papers print it (`NEW DELHI: The
 *   …`); not a label (`UPDATE:`, `WATCH:`) or an organisation (`NATO:`);
 * - CNN's: a city in title case, its region, and `CNN —` (`Valencia, Spain CNN —`).
 */
let agencyLead: RegExp | undefined;
/** A partner's short name before its agency's, one word of letters (`tca` in `(tca/dpa)`). */
const PARTNER = String.raw`\p{L}[\p{L}\p{N}&.]{1,15}`;
/** CNN's, the city in title case, its region, and CNN with no brackets: `Valencia, Spain CNN —`. */
const CNN_LEAD = new RegExp(String.raw`^(?<city>\p{Lu}[\p{L}.'’]*(?:[ -]\p{Lu}[\p{L}.'’]*)*)(?:, (?<region>${REGION}))? (?<agency>CNN) (?:—|–|--)\s+(?<rest>\S[\s\S]*)$`, 'u');
const COLON_LEAD = new RegExp(String.raw`^(?<city>${CITY_WORD}(?:[ -]${CITY_WORD})*): (?<rest>[\p{Lu}\d"“‘'][\s\S]*)$`, 'u');
function otherEnglishLead(paragraph: string): DatelineLead | undefined {
  agencyLead ??= new RegExp(
    String.raw`^(?<city>\p{Lu}[\p{L}.'’]*(?:[ -](?:\p{Lu}[\p{L}.'’]*|de|del|es|al|el|am|upon|on|sur|en))*)` +
      String.raw`(?:, (?<month>${MONTH})(?<dot>\.)? (?<day>\d{1,2}))? \((?<agency>(?:${PARTNER}\/)?${AGENCY}(?:${JOINED}${AGENCY})*)\)` +
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
 * A dateline printed apart from the story (NITF's `<dateline>` without its `<city>`, NewsML-G2's
 * `<dateline>`): `TOKYO, March 11`, `London, 3 February`, `Portland, Ore., Feb. 4`. Read as a lead is, its
 * city in capitals or as a name; the city is the text before the first comma when no lead is read, and
 * none for words that name no place (`Today, Feb. 4`).
 */
export function printedDateline(printed: string): { lead: ReturnType<typeof parseDatelineLead>; city: string } {
  if (printed === '') return { lead: undefined, city: '' };
  const trimmed = printed.replace(/[\s,:—–-]+$/, '');
  // (A lead's city is in capitals; a dateline may print it as a name, "London, 3 February".)
  const direct = parseDatelineLead(`${trimmed} -- .`);
  const lead = direct ?? parseDatelineLead(`${trimmed.replace(/^[^,]+/, (c) => c.toUpperCase())} -- .`);
  const first = printed.split(',')[0]?.trim() ?? '';
  // (A date or a time is no city: Opta's items in Reuters' feed print `2018-01-03 20:13:08 GMT+00:00` there, and
  // IPTC's NewsML-G2 sample `MARCH 04, 2013`.)
  return { lead, city: direct?.city ?? (notAPlace(first) || /^\d/u.test(first) || DATE_ALONE.test(first) ? '' : first) };
}
