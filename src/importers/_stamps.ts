/**
 * The stamp line of raw copy: `Updated: 2025-02-05 09:24`, `2025年02月05日 09:24（北京时间）`,
 * `Updated 9:24 PM EST, February 4, 2025`, `5 February 2025, 09:24 GMT`. An optional label, a date and a
 * time in either order, and an optional zone: an offset, or an abbreviation that names one offset (`EST`,
 * `CEST`, `JST`) or one zone (`ET`: New York's clock, daylight saving or not). Abbreviations that name
 * several (`CST` is US Central and China, `IST` India, Israel and Ireland, `BST` Britain and Bangladesh)
 * are not read: the copy must say which.
 */
import { formatRfc3339, offsetAt, offsetText, parseDeskTime } from '../core/_dates.js';
import { ROMANCE_MONTH, romanceMonth, MONTH_NAME, monthNumber, WEEKDAY_NAME, weekdayNumber } from './_months.js';
import { lookupCity } from './gazetteer.js';

export interface Stamp {
  n: number;
  kind: 'published' | 'updated';
  /** As a record holds it: `2025-02-05 09:24`, or `2025-02-05T09:24:00+08:00` when an offset or zone is printed. */
  value: string;
  offset: boolean;
  /** Something the reader should check: a summer date stamped with a standard-time abbreviation. */
  note?: string;
  /** A zone's clock (`ET`) at a time it skips or repeats: `value` is the wall-clock time, which names no instant. */
  clock?: string;
  /** The agency the stamp line names (`KYODO NEWS - …`: Kyodo). */
  agency?: string;
  /** The language its label is in, when French's, Spanish's, Italian's or Portuguese's (`Publié le`, `Actualizado el`, `Aggiornato il`, `Atualizado em`): the page's. */
  language?: 'fr' | 'es' | 'it' | 'pt';
}

/**
 * (After the label a colon, a spaced dash, as the Hindu prints it, `Updated - February 05, 2025 09:24 am IST`, or a space.)
 * French and Spanish pages' labels too (Le Monde's and AFP's `Publié le 05 février 2025 à 09h24`, `Mis à jour le …`;
 * El País' and EFE's `Publicado: 05/02/2025 09:24 CET`, `Actualizado el 5 de febrero de 2025 a las 10:30`).
 */
const LABEL = /^(?<label>(?:(?:first|last|originally) )?(?:updated|published|posted|modified|released|issued)(?: on| at)?|stand|date|time|(?:publiée?|mis à jour|mise à jour|modifiée?|actualisée?)(?: le| à)?|(?:publicad[oa]|actualizad[oa]|modificad[oa])(?: el| a las?| em| às)?|(?:pubblicat[oa]|aggiornat[oa]|modificat[oa])(?: il| alle)?|ultimo aggiornamento|atualizad[oa](?: em| às)?|发布时间|[發发][布佈]時間|更新时间|更新時間|发布日期|[發发][布佈]日期|时间|時間|日期|[發发][布佈](?=\s*[/／])|更新(?=\s*[/／]))(?:\s*[:：]\s*|\s*[/／]\s*|\s+[-–—]\s+|\s+|(?=\d))/i;
/**
 * A French, Spanish, Italian or Portuguese label (its accents, or its participle): `Publié`, `Mis à jour`, `Publicado`,
 * `Actualizado el`, `Pubblicato il`, `Ultimo aggiornamento`, `Atualizado em`.
 */
const ROMANCE_LABEL = /[éà]|ad[oa](?: el| em| às)?$|at[oa](?: il| alle)?$|aggiornamento$/iu;
/** The language of a label ROMANCE_LABEL matched, when only one language writes it so (`Publicado` alone is Spanish's and Portuguese's). */
function labelLanguage(label: string): Stamp['language'] {
  if (/[éà]/u.test(label)) return 'fr';
  if (/^(?:pubblicat|aggiornat|modificat|ultimo aggiornamento)/iu.test(label)) return 'it';
  if (/^atualizad|(?: em| às)$/iu.test(label)) return 'pt';
  if (/^actualizad|(?: el| a las?)$/iu.test(label)) return 'es';
  return /^(?:publicad|modificad)/iu.test(label) ? 'es' : undefined;
}
/** A Chinese weekday (`星期三`, `周三`, `(週三)`), as pages print it after the date or before it. */
const ZH_WEEKDAY = String.raw`[(（]?(?:星期|周|週|禮拜|礼拜)[一二三四五六日天][)）]?`;
const WEEKDAY = new RegExp(String.raw`^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day)?\.?,?\s+|${ZH_WEEKDAY}[,，]?\s*|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira),?\s+)`, 'iu');
const MONTH = String.raw`(${MONTH_NAME})\.?`;

interface DateParts { y: string; mo: string; d: string }
interface TimeParts { h: number; mi: string; s: string | undefined }

const DATES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => DateParts | undefined]> = [
  [/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?/, (m) => ({ y: m[1]!, mo: m[2]!, d: m[3]! })],
  // The day, the month's name and the year between hyphens, as Indian agencies print them (`05-Feb-2025`).
  [new RegExp(String.raw`^(\d{1,2})-${MONTH}-(\d{4})\b`, 'i'), (m) => ({ y: m[3]!, mo: String(monthNumber(m[2]!)), d: m[1]! })],
  // The day first with full stops, as German, Swiss, Austrian, Nordic and Russian pages print it (`05.02.2025`).
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/, (m) => ({ y: m[3]!, mo: m[2]!, d: m[1]! })],
  // With slashes, the day comes first on European pages (France 24's `05/02/2025`) and the month on American
  // ones: read only when one of the two is past 12, which tells them apart.
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/, (m) => {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return a > 12 && b <= 12 ? { y: m[3]!, mo: m[2]!, d: m[1]! } : b > 12 && a <= 12 ? { y: m[3]!, mo: m[1]!, d: m[2]! } : undefined;
  }],
  [new RegExp(String.raw`^${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i'), (m) => ({ y: m[3]!, mo: String(monthNumber(m[1]!)), d: m[2]! })],
  // French and Spanish, the day first (`5 février 2025`, `1er mars 2025`, `5 de febrero de 2025`, `05 feb 2025`).
  [new RegExp(String.raw`^(\d{1,2})(?:er)?\s+(?:de\s+)?(${ROMANCE_MONTH})\.?\s+(?:de\s+|del\s+)?(\d{4})(?![\d\p{L}])`, 'iu'), (m) => {
    const mo = romanceMonth(m[2]!);
    return mo === undefined ? undefined : { y: m[3]!, mo: String(mo), d: m[1]! };
  }],
  [new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i'), (m) => ({ y: m[3]!, mo: String(monthNumber(m[2]!)), d: m[1]! })],
];


/**
 * `09:24`, `9:24:05`, `9:24 p.m.`, `12:05 AM`, `下午3:15` (a 24-hour hour with AM/PM is no time). The
 * colon may be full-width (`09：24`), a full stop, as the Guardian prints (`09.24 GMT`), or an `h`, as French pages
 * print it (`10h30`); an `h` may follow the time too (`10:30h`).
 */
const TIME = /^(?:(上午|下午|오전|오후|午前|午後)\s*)?(\d{1,2})(?:[:：]|\.(?=\d{2}(?!\d))|h(?=\d{2}(?!\d)))(\d{2})(?:[:：](\d{2})(?:[.,]\d{1,9})?)?(?:\s*([ap])\.?\s?m\b\.?|\s*Uhr\b|h\b)?/i;
/** Between the date and the time: `T`, a space, a comma, `at`/`on`, a dash, bar or dot (`·`, `•`), a Chinese weekday (`2025年2月5日 星期三 10:10`). */
// (A full stop after a date of numbers, as Korean pages print it: `2025.02.05. 오전 9:24`.)
const BETWEEN = new RegExp(String.raw`^(?:T|\s*,?\s+(?:at|on|à|a las?|alle(?: ore)?|ore|às)\s+|\s*,\s*|\s*[-–—|·•]\s+|\s*[,，]?\s*${ZH_WEEKDAY}[,，]?\s*|\.?\s+)`, 'i');
/** An offset, UTC/GMT (+n), Beijing time, in any case; then an abbreviation, in capitals (`est` may be a word). */
const ZONE_TOKEN = /^\s*(?:[(（]\s*)?(z|[+-]\d{2}:?\d{2}|(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|bjt|beijing\s+time|北京时间|北京時間)(?:\s*[)）])?(?![a-z])/i;
// (After a comma too, as Sky News prints its clock: `Wednesday 5 February 2025 10:30, UK`.)
const ZONE_ABBREVIATION = /^\s*,?\s*(?:[(（]\s*)?([A-Z]{2,5})(?:\s*[)）])?(?![A-Za-z])/;

/** Abbreviations that name one offset, with the zone whose clock they belong to when it changes in summer. */
const FIXED: Readonly<Record<string, readonly [offset: string, zone?: string]>> = {
  EST: ['-05:00', 'America/New_York'], EDT: ['-04:00', 'America/New_York'], CDT: ['-05:00', 'America/Chicago'],
  MST: ['-07:00'], MDT: ['-06:00', 'America/Denver'], PST: ['-08:00', 'America/Los_Angeles'], PDT: ['-07:00', 'America/Los_Angeles'],
  AKST: ['-09:00', 'America/Anchorage'], AKDT: ['-08:00', 'America/Anchorage'], HST: ['-10:00'],
  WET: ['+00:00', 'Europe/Lisbon'], WEST: ['+01:00', 'Europe/Lisbon'], CET: ['+01:00', 'Europe/Paris'], CEST: ['+02:00', 'Europe/Paris'],
  EET: ['+02:00', 'Europe/Athens'], EEST: ['+03:00', 'Europe/Athens'], MSK: ['+03:00'],
  SAST: ['+02:00'], CAT: ['+02:00'], EAT: ['+03:00'], WAT: ['+01:00'], PKT: ['+05:00'], WIB: ['+07:00'], ICT: ['+07:00'],
  HKT: ['+08:00'], SGT: ['+08:00'], PHT: ['+08:00'], JST: ['+09:00'], KST: ['+09:00'],
  MYT: ['+08:00'], WITA: ['+08:00'], WIT: ['+09:00'], AWST: ['+08:00'], NPT: ['+05:45'], IRST: ['+03:30'], AFT: ['+04:30'],
  ACST: ['+09:30', 'Australia/Adelaide'], ACDT: ['+10:30', 'Australia/Adelaide'],
  AEST: ['+10:00', 'Australia/Sydney'], AEDT: ['+11:00', 'Australia/Sydney'], NZST: ['+12:00', 'Pacific/Auckland'], NZDT: ['+13:00', 'Pacific/Auckland'],
};
/** Abbreviations for a clock whose offset depends on the date. */
const CLOCKS: Readonly<Record<string, string>> = { ET: 'America/New_York', CT: 'America/Chicago', MT: 'America/Denver', PT: 'America/Los_Angeles', UK: 'Europe/London' };
/**
 * What an abbreviation means in copy from a desk whose own clock uses it, where the desk's zone decides
 * it: a Chicago desk's `CST` is US Central, a London desk's `BST` British Summer Time, an Indian desk's
 * `IST` India's. `null`: the abbreviation names the desk's clock and another, and the copy must say which
 * (a Havana desk's `CDT` is Cuba's or, in wire copy from the US, Chicago's; FIXED reads it as Chicago's
 * elsewhere). Not China's or Taiwan's `CST`: a Beijing or Taipei desk's copy stamped CST is more often US
 * wire copy than its own, which prints Beijing or Taipei time. By the desk's zone (the site's `timezone`), as the tz database names it and its links.
 */
const DESK_ABBREVIATIONS: ReadonlyArray<[zones: readonly string[], meanings: Readonly<Record<string, string | null>>]> = [
  [['America/Havana', 'Cuba'], { CDT: null }],
  [['America/Chicago', 'US/Central', 'CST6CDT', 'America/Winnipeg', 'Canada/Central', 'America/Menominee', 'America/Indiana/Knox', 'America/Indiana/Tell_City',
    'America/North_Dakota/Center', 'America/North_Dakota/New_Salem', 'America/North_Dakota/Beulah', 'America/Matamoros', 'America/Ojinaga', 'America/Rankin_Inlet', 'America/Resolute'], { CST: '-06:00' }],
  [['America/Regina', 'Canada/Saskatchewan', 'America/Swift_Current', 'America/Mexico_City', 'Mexico/General', 'America/Monterrey', 'America/Merida', 'America/Bahia_Banderas', 'America/Chihuahua',
    'America/Guatemala', 'America/Belize', 'America/El_Salvador', 'America/Tegucigalpa', 'America/Managua', 'America/Costa_Rica'], { CST: '-06:00' }],
  [['Asia/Kolkata', 'Asia/Calcutta'], { IST: '+05:30' }],
  [['Asia/Jerusalem', 'Asia/Tel_Aviv', 'Israel'], { IST: '+02:00', IDT: '+03:00' }],
  [['Europe/Dublin', 'Eire'], { IST: '+01:00' }],
  [['Europe/London', 'GB', 'GB-Eire', 'Europe/Belfast', 'Europe/Jersey', 'Europe/Guernsey', 'Europe/Isle_of_Man'], { BST: '+01:00' }],
  [['Asia/Dhaka', 'Asia/Dacca'], { BST: '+06:00' }],
  [['America/Halifax', 'Canada/Atlantic', 'Atlantic/Bermuda', 'America/Glace_Bay', 'America/Moncton', 'America/Goose_Bay', 'America/Thule'], { AST: '-04:00', ADT: '-03:00' }],
  [['America/Puerto_Rico', 'America/Santo_Domingo', 'America/Barbados', 'America/Martinique', 'America/Port_of_Spain'], { AST: '-04:00' }],
  [['Asia/Riyadh', 'Asia/Baghdad', 'Asia/Kuwait', 'Asia/Qatar', 'Asia/Bahrain', 'Asia/Aden'], { AST: '+03:00' }],
  [['Asia/Dubai', 'Asia/Muscat'], { GST: '+04:00' }],
];
const BY_DESK = new Map(DESK_ABBREVIATIONS.flatMap(([zones, meanings]) => zones.map((z) => [z, meanings] as const)));

/** The offset an abbreviation names in copy from a desk in `deskZone` (null: it names two there), when that desk's zone decides it. */
export function deskMeaning(abbreviation: string, deskZone: string | undefined): string | null | undefined {
  return deskZone === undefined ? undefined : BY_DESK.get(deskZone)?.[abbreviation];
}

/** Abbreviations FIXED reads that name another offset on some desks' clocks (`null` in DESK_ABBREVIATIONS). */
const AMBIGUOUS_ON_DESK: Readonly<Record<string, { names: string; offsets: string }>> = {
  CDT: { names: 'US Central or Cuba Daylight Time', offsets: '"-05:00" or "-04:00"' },
};

/** What an abbreviation that names several zones may mean (for the error that asks which). */
export function ambiguity(abbreviation: string): { names: string; offsets: string } | undefined {
  return AMBIGUOUS_ZONES[abbreviation] ?? AMBIGUOUS_ON_DESK[abbreviation];
}

/** Abbreviations that name more than one offset, and what they may mean. */
const AMBIGUOUS_ZONES: Readonly<Record<string, { names: string; offsets: string }>> = {
  CST: { names: 'US Central, Cuba or China Standard Time', offsets: '"-06:00", "-05:00" or "+08:00"' },
  IST: { names: 'India, Israel or Irish Standard Time', offsets: '"+05:30", "+02:00" or "+01:00"' },
  BST: { names: 'British Summer Time or Bangladesh Standard Time', offsets: '"+01:00" or "+06:00"' },
  AST: { names: 'Atlantic or Arabia Standard Time', offsets: '"-04:00" or "+03:00"' },
  GST: { names: 'Gulf Standard Time or South Georgia Time', offsets: '"+04:00" or "-02:00"' },
  ADT: { names: 'Atlantic or Arabia Daylight Time', offsets: '"-03:00" or "+04:00"' },
};

export const pad = (s: string | undefined): string => (s ?? '').padStart(2, '0');

type Zone = { offset: string; zone?: string; name?: string; desk?: true } | { clock: string } | undefined;

/**
 * The zone a printed token names: `{offset}` (with the zone of an abbreviation), `{clock}`, or undefined
 * when it names none. An abbreviation the desk's own zone uses means what it means there (`desk`).
 */
function zoneOf(printed: string, deskZone?: string): Zone {
  const t = printed.replace(/[()（）\s]/g, '');
  const upper = t.toUpperCase();
  if (/^(?:Z|GMT|UTC)$/.test(upper)) return { offset: 'Z' };
  if (/^(?:BJT|BEIJINGTIME|北京时间|北京時間)$/.test(upper)) return { offset: '+08:00' };
  const desk = deskMeaning(upper, deskZone);
  if (desk === null) return undefined;
  if (desk !== undefined && deskZone !== undefined) return { offset: desk, zone: deskZone, name: upper, desk: true };
  const fixed = FIXED[upper];
  if (fixed !== undefined) return { offset: fixed[0], zone: fixed[1], name: upper };
  const clock = CLOCKS[upper];
  if (clock !== undefined) return { clock };
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(upper);
  if (m === null || Number(m[2]) > 14) return undefined;
  return { offset: `${m[1]}${pad(m[2])}:${m[3] ?? '00'}` };
}

function readDate(s: string): { date: DateParts; rest: string } | undefined {
  for (const [re, parts] of DATES) {
    const m = re.exec(s);
    const date = m === null ? undefined : parts(m);
    if (m !== null) return date === undefined ? undefined : { date, rest: s.slice(m[0].length) };
  }
  return undefined;
}

function readTime(s: string): { time: TimeParts; rest: string } | undefined {
  const m = TIME.exec(s);
  if (m === null) return undefined;
  const hour = Number(m[2]);
  // (Both 下午 and "p.m." is no time: one says it twice, and a clash is a misprint.)
  // (And Korean's and Japanese's, as their pages print them: `오전 9:24`, `午後3:10`.)
  const zh = m[1] === undefined ? undefined : ['上午', '오전', '午前'].includes(m[1]) ? 'a' : 'p';
  if (zh !== undefined && m[5] !== undefined) return undefined;
  const ampm = zh ?? m[5]?.toLowerCase();
  if (ampm !== undefined ? hour < 1 || hour > 12 : hour > 23) return undefined;
  const h = ampm === undefined ? hour : (hour % 12) + (ampm === 'p' ? 12 : 0);
  return { time: { h, mi: m[3]!, s: m[4] }, rest: s.slice(m[0].length) };
}

/** A zone token, if one follows and names a zone this reader knows; otherwise `none`, and the text is left unread. */
function readZone(s: string, deskZone: string | undefined): { zone: NonNullable<Zone> | 'none'; rest: string } {
  const m = ZONE_TOKEN.exec(s) ?? ZONE_ABBREVIATION.exec(s);
  const zone = m === null ? undefined : zoneOf(m[1]!, deskZone);
  if (m !== null && zone !== undefined) return { zone, rest: s.slice(m[0].length) };
  // A city in brackets, as Le Monde prints its stamps (`at 9:24 am (Paris)`): that city's clock, when the
  // gazetteer knows one city of the name.
  const c = CITY_ZONE.exec(s);
  const city = c === null ? undefined : lookupCity(c[1] ?? '');
  return c !== null && city?.found === true ? { zone: { clock: city.timezone }, rest: s.slice(c[0].length) } : { zone: 'none', rest: s };
}
const CITY_ZONE = /^\s*[(（]\s*(\p{Lu}[\p{L}'’. -]{0,40}?)\s*[)）]/u;

/**
 * The date, time and zone of a stamp without its label: date first (`2025-02-05 09:24 EST`, `Feb. 5,
 * 2025, 9:24 a.m.`) or time first (`9:24 PM EST, February 4, 2025`). Undefined unless the whole text is read.
 */
function readWhen(text: string, deskZone: string | undefined): { date: DateParts; time: TimeParts; zone: NonNullable<Zone> | 'none' } | undefined {
  // A zone may lead (`北京时间2026年11月3日 09:24`, `GMT 5 Feb 2025 01:24`).
  const lead = ZONE_TOKEN.exec(text.replace(WEEKDAY, ''));
  const leading = lead === null ? undefined : zoneOf(lead[1]!);
  if (lead !== null && leading !== undefined) {
    const rest = readWhenAfterZone(text.replace(WEEKDAY, '').slice(lead[0].length).replace(/^\s*[,:：]?\s*/, ''), deskZone);
    return rest === undefined || rest.zone !== 'none' ? undefined : { ...rest, zone: leading };
  }
  return readWhenAfterZone(text, deskZone);
}

/**
 * Whether nothing follows the zone read, but its name in brackets after an offset, as a script's date prints it
 * (`Wed Feb 05 2025 10:30:00 GMT+0100 (Central European Standard Time)`).
 */
function zoneNameAfter(z: { zone: NonNullable<Zone> | 'none'; rest: string }): boolean {
  const rest = z.rest.trim();
  return rest === '' || (z.zone !== 'none' && /^\((?:[A-Z][a-z]+ ){1,4}Time\)$/.test(rest));
}

function readWhenAfterZone(text: string, deskZone: string | undefined): { date: DateParts; time: TimeParts; zone: NonNullable<Zone> | 'none' } | undefined {
  const s = text.replace(WEEKDAY, '');
  const d = readDate(s);
  if (d !== undefined) {
    // (Nothing between a Chinese date's 日 and its time, as People's Daily prints it: `2025年02月05日09:24`.)
    const sep = BETWEEN.exec(d.rest) ?? (/日$/u.test(s.slice(0, s.length - d.rest.length)) && /^\d/.test(d.rest) ? [''] : null);
    const t = sep === null ? undefined : readTime(d.rest.slice(sep[0].length));
    if (t === undefined) return undefined;
    const z = readZone(t.rest, deskZone);
    return zoneNameAfter(z) ? { date: d.date, time: t.time, zone: z.zone } : undefined;
  }
  const t = readTime(s);
  if (t === undefined) return undefined;
  const z = readZone(t.rest, deskZone);
  const sep = BETWEEN.exec(z.rest);
  const after = sep === null ? undefined : readDate(z.rest.slice(sep[0].length).replace(WEEKDAY, ''));
  return after !== undefined && after.rest.trim() === '' ? { date: after.date, time: t.time, zone: z.zone } : undefined;
}

/**
 * Stamp lines that name their outlet, not a label or a zone, on the outlet's own clock: Kyodo's English pages
 * (`KYODO NEWS - Feb 5, 2025 - 09:24`, then ` | World, All`: Japan's time) and Yonhap's (`All News 09:24
 * February 05, 2025`: Korea's). Read as published then.
 */
const OUTLET_STAMPS: readonly { label: RegExp; clock: string; agency?: string; updated?: true }[] = [
  { label: /^KYODO NEWS\s+[-–—]\s+(?=\p{L})/u, clock: 'Asia/Tokyo', agency: 'Kyodo' },
  { label: /^All (?:News|Headlines)\s+(?=\d)/, clock: 'Asia/Seoul' },
  // Yonhap's Korean pages (`송고시간2025-02-05 09:24`) and Korea's papers and portals (`입력 2025.02.05 09:24`,
  // `수정 2025.02.05 10:00`, `기사입력`, `최종수정`), on Korea's clock.
  { label: /^(?:송고시간|기사입력|입력)\s*[:：]?\s*(?=\d)/u, clock: 'Asia/Seoul' },
  { label: /^(?:최종수정|수정|업데이트)\s*[:：]?\s*(?=\d)/u, clock: 'Asia/Seoul', updated: true },
];

/**
 * The stamp a text is, or undefined: a label, a date and a time, a zone this reader knows (or none).
 * `deskZone`, the site's zone, decides what an abbreviation it uses means (`CST` on a Havana desk).
 */
export function parseStamp(text: string, n: number, deskZone?: string): Stamp | undefined {
  const outlet = OUTLET_STAMPS.find((o) => o.label.test(text));
  const stamp = readStamp(text, n, deskZone, outlet);
  if (stamp === undefined) return undefined;
  const label = outlet === undefined ? LABEL.exec(text)?.groups?.['label'] ?? '' : '';
  const language = ROMANCE_LABEL.test(label) ? labelLanguage(label) : undefined;
  return { ...stamp, ...(outlet?.agency === undefined ? {} : { agency: outlet.agency }), ...(language === undefined ? {} : { language }) };
}

function readStamp(text: string, n: number, deskZone: string | undefined, outlet: (typeof OUTLET_STAMPS)[number] | undefined): Stamp | undefined {
  const labelled = outlet === undefined ? LABEL.exec(text) : null;
  const after = outlet !== undefined ? text.replace(outlet.label, '') : labelled === null ? text : text.slice(labelled[0].length);
  // Under a French or Spanish label, a date with slashes is the day first (`Publicado: 05/02/2025`), as those pages print it.
  const dayFirst = ROMANCE_LABEL.test(labelled?.groups?.['label'] ?? '') ? after.replace(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/u, '$3-$2-$1') : after;
  const when = readWhen(dayFirst, deskZone);
  if (when === undefined) return undefined;
  const { date, time } = when;
  // (An outlet's stamp with no zone printed is on its own clock, not the site's.)
  const zone = when.zone === 'none' && outlet !== undefined ? { clock: outlet.clock } : when.zone;
  const day = `${date.y}-${pad(date.mo)}-${pad(date.d)}`;
  const clock = `${pad(String(time.h))}:${time.mi}`;
  const kind = outlet?.updated === true ? 'updated' : kindOfLabel(labelled?.groups?.['label']);
  const notes: string[] = [];
  const weekday = wrongWeekday(text, date);
  if (weekday !== undefined) notes.push(weekday);
  if (zone === 'none') {
    const plain: Stamp = { n, kind, value: `${day} ${clock}${time.s === undefined ? '' : `:${time.s}`}`, offset: false };
    if (notes.length > 0) plain.note = notes.join('; ');
    return plain;
  }
  const local = `${day} ${clock}:${time.s ?? '00'}`;
  if ('clock' in zone) {
    // The zone's clock on that day: an hour it skips or repeats is not a time this stamp can name.
    const t = parseDeskTime(local, zone.clock);
    const read: Stamp = t.ok ? { n, kind, value: formatRfc3339(t.instant, zone.clock), offset: true } : { n, kind, value: local.slice(0, 16), offset: false, clock: zone.clock };
    if (notes.length > 0) read.note = notes.join('; ');
    return read;
  }
  const value = `${day}T${local.slice(11)}${zone.offset}`;
  const stamp: Stamp = { n, kind, value, offset: true };
  const instant = parseDeskTime(value, 'UTC');
  if (zone.desk === true) notes.push(`${zone.name} names more than one zone: read as the site's zone's (${zone.zone}, ${zone.offset})`);
  if (zone.zone !== undefined && instant.ok) {
    const actual = offsetAt(zone.zone, instant.instant) / 60_000;
    const printed = zone.offset === 'Z' ? 0 : (zone.offset.startsWith('-') ? -1 : 1) * (Number(zone.offset.slice(1, 3)) * 60 + Number(zone.offset.slice(4)));
    if (actual !== printed) {
      notes.push(`the stamp says ${zone.name ?? zone.offset} (${zone.offset}), but ${zone.zone} was on ${offsetText(actual * 60)} then; read as printed: check the time`);
    }
  }
  if (notes.length > 0) stamp.note = notes.join('; ');
  return stamp;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_DAY = new RegExp(`(?:^|[^a-z])(${WEEKDAY_NAME})\\.?(?=$|[^a-z])`, 'i');
const ZH_DAY = /(?:星期|周|週|禮拜|礼拜)([一二三四五六日天])/;

/**
 * A note when the weekday a stamp prints is not its date's (`Thursday, Feb. 5, 2025`: a Wednesday): a typo
 * in the one or the other, which the date decides (QA: it was read without a word).
 */
function wrongWeekday(text: string, date: DateParts): string | undefined {
  const en = EN_DAY.exec(text);
  const zh = en === null ? ZH_DAY.exec(text) : null;
  const printed = en !== null ? weekdayNumber(en[1] ?? '')
    : zh !== null ? '日一二三四五六'.indexOf((zh[1] ?? '').replace('天', '日')) : -1;
  if (printed < 0) return undefined;
  const utc = new Date(0);
  utc.setUTCFullYear(Number(date.y), Number(date.mo) - 1, Number(date.d));
  const actual = utc.getUTCDay();
  if (actual === printed) return undefined;
  const day = `${date.y}-${pad(date.mo)}-${pad(date.d)}`;
  return `the stamp says ${en !== null ? DAYS[printed] : zh?.[0]}, but ${day} is a ${DAYS[actual]}: read as the date, ${day}: check it`;
}

/**
 * A stamp line that names no instant: a date and no time (`Published: February 5, 2025`, `Updated
 * 2025-02-05`), or how long ago (`Updated 5 hours ago`, `Published yesterday`), as a page shows it when
 * saved. Its kind, and which of the two; undefined for any other text. A record's date is the time of first
 * publication, which such a line does not give.
 */
export function untimedStamp(text: string): { kind: Stamp['kind']; gives: 'date' | 'ago' } | undefined {
  const labelled = LABEL.exec(text);
  if (labelled === null) return undefined;
  const rest = text.slice(labelled[0].length);
  const d = readDate(rest.replace(WEEKDAY, ''));
  const gives = d !== undefined && /^\s*\.?\s*$/.test(d.rest) ? 'date' : AGO.test(rest) ? 'ago' : undefined;
  if (gives === undefined) return undefined;
  return { kind: kindOfLabel(labelled.groups?.['label']), gives };
}

/** Whether a labelled stamp gives a time and no date (`updated 12:15 p.m. ET`), for the message that refuses it. */
export function timeAlone(text: string): boolean {
  const labelled = LABEL.exec(text);
  const t = labelled === null ? undefined : readTime(text.slice(labelled[0].length));
  return t !== undefined && readZone(t.rest, undefined).rest.trim() === '';
}

/**
 * A stamp printed with its time alone beside a stamp of the other kind on the same line: an update after the
 * first publication's (`February 5, 2025, 10:30 AM EST, updated 12:15 PM EST`), or the first publication after
 * the update's (the Sydney Morning Herald's `Updated February 5, 2025 — 12.15pm, first published at 10.30am`).
 * Read on that stamp's day, when both name their zone (or neither does) and the first publication is then no
 * later than the update; undefined otherwise (an update's time before the publication's may be the next day's).
 */
export function sameDayStamp(text: string, other: Stamp, deskZone?: string): Stamp | undefined {
  const labelled = LABEL.exec(text);
  if (labelled === null || other.clock !== undefined) return undefined;
  const kind = kindOfLabel(labelled.groups?.['label']);
  const rest = text.slice(labelled[0].length);
  if (kind === other.kind || readTime(rest) === undefined) return undefined;
  const read = readStamp(`${other.value.slice(0, 10)} ${rest}`, other.n, deskZone, undefined);
  if (read === undefined || read.offset !== other.offset || read.clock !== undefined) return undefined;
  const zone = deskZone ?? 'UTC';
  const [a, b] = [parseDeskTime(other.value, zone), parseDeskTime(read.value, zone)];
  if (!a.ok || !b.ok) return undefined;
  const [published, updated] = kind === 'updated' ? [a.instant, b.instant] : [b.instant, a.instant];
  return updated.getTime() >= published.getTime() ? { ...read, kind } : undefined;
}

/** Whether a text is a date alone, with no label and no time (Deutsche Welle's `February 5, 2025` under its byline). */
export function dateAlone(text: string): boolean {
  const d = readDate(text.trim().replace(WEEKDAY, ''));
  return d !== undefined && /^\s*\.?\s*$/.test(d.rest);
}

/** How long ago, as pages print it instead of a stamp: `5 hours ago`, `an hour ago`, `2 mins ago`, `just now`, `yesterday`. */
const AGO = /^(?:(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?)\s+ago|just now|yesterday|today)\s*\.?$/i;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date with slashes that may be day first or month first (`05/02/2025`: 5 February or May 2), which the
 * reader leaves unread: the date as printed and its two readings; undefined for any other text.
 */
export function ambiguousSlashDate(text: string): { printed: string; readings: [string, string] } | undefined {
  const m = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/.exec(text);
  const [a, b] = [Number(m?.[1]), Number(m?.[2])];
  if (m === null || a < 1 || b < 1 || a > 12 || b > 12 || a === b) return undefined;
  return { printed: m[0], readings: [`${a} ${MONTHS_EN[b - 1]}`, `${MONTHS_EN[a - 1]} ${b}`] };
}

/** The kind of stamp a text's label names (`Published on …`, `Updated: …`), or undefined when it opens with none. */
export function labelKind(text: string): Stamp['kind'] | undefined {
  const labelled = LABEL.exec(text);
  return labelled === null ? undefined : kindOfLabel(labelled.groups?.['label']);
}

/** What a label names: an update (`Updated`, `Last modified`, `更新时间`, German pages' `Stand`), or else the first publication. */
function kindOfLabel(label: string | undefined): Stamp['kind'] {
  return /updat|modif|更新|^stand$|mise? à jour|actuali|aggiorna|atualiza/i.test(label ?? '') ? 'updated' : 'published';
}

/** Whether a text opens with a label that names the first publication (`Published`, `Posted`, `发布时间`; not a bare `Date` or `Time`). */
export function publicationLabel(text: string): boolean {
  return /publi|post|releas|issu|[發发][布佈]/i.test(LABEL.exec(text)?.groups?.['label'] ?? '');
}

/** True for a text that is a stamp this reader reads (on a desk in `deskZone`). */
export const isStamp = (text: string, deskZone?: string): boolean => parseStamp(text, 0, deskZone) !== undefined;

/** Whether a text is a whole stamp but for a date with slashes that may be read either way (`05/02/2025 10:30 GMT`). */
export function stampButForDate(text: string, deskZone?: string): boolean {
  // (A stamp is short: a long line is no stamp, and is not scanned again. Hostile bench.)
  if (text.length > 200) return false;
  const slashed = ambiguousSlashDate(text);
  return slashed !== undefined && isStamp(text.replace(slashed.printed, '2025-01-01'), deskZone);
}

/**
 * Whether a text is a whole stamp but for the abbreviation after its time that names several zones, with no
 * label (the Hindustan Times' `Feb 05, 2025 10:30 AM IST`): refused as such, not as copy with no stamp.
 */
export function stampButForZone(text: string, deskZone?: string): boolean {
  if (text.length > 200) return false;
  const zone = ambiguousZone(text, deskZone);
  if (zone === undefined) return false;
  const without = text.replace(new RegExp(String.raw`\s*[(（]?${zone}[)）]?\s*$`), '');
  return without !== text && isStamp(without, deskZone);
}

/** What stands between a clock and the zone of letters after it: a.m. or p.m. in either case, a bracket (`9:24 p.m. (CST)`, `4:10 PM CST`). */
export const AFTER_CLOCK = String.raw`\d\s*(?:[aApP]\.?\s?[mM]\b\.?)?\s*[(（]?`;
const ZONE_AFTER_CLOCK = new RegExp(`${AFTER_CLOCK}([A-Z]{3})\\b`);

/** The ambiguous zone abbreviation a text ends its time with (`9:24 CST`), if any, and the desk's zone does not decide it. */
export function ambiguousZone(text: string, deskZone?: string): string | undefined {
  const m = ZONE_AFTER_CLOCK.exec(text);
  if (m === null) return undefined;
  const desk = deskMeaning(m[1]!, deskZone);
  return desk === null || (AMBIGUOUS_ZONES[m[1]!] !== undefined && desk === undefined) ? m[1] : undefined;
}
