/**
 * Zone names a desk may write that the tz database does not have, or has with another meaning than the
 * desk's, and what to write instead. Intl takes ICU's three-letter ids from Java (`CST` is Chicago's clock,
 * `IST` India's, `BST` Dhaka's, `CTT` Shanghai's): a Beijing desk that wrote `CST` got every story 14 hours
 * off, without a word. `EST` and `MST` are the tz database's, but fixed all year (New York and Denver
 * change their clocks), and `Etc/GMT+8` is UTC−08:00 (the sign is POSIX's, the other way round).
 */
import { closest } from './_paths.js';

/** ICU's ids that are no tz database name, and the tz database's fixed-offset `EST` and `MST`. */
const REFUSED = new Set([
  'ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT', 'IET', 'IST', 'JST', 'MIT', 'NET',
  'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST', 'EST', 'MST',
]);
/** `Etc/GMT+8`, `Etc/GMT-10` (not `Etc/GMT+0`, which is UTC). */
const ETC_OFFSET = /^Etc\/GMT([+-])0*([1-9]\d?)$/i;
/** An offset where a zone goes: `+08:00`, `UTC+8`, `GMT-5`. */
const OFFSET = /^(?:UTC|GMT)?\s*[+-−]\s*\d{1,2}(?::?\d{2})?$/i;

/** `EST`, `MST`, `Etc/GMT+8`: tz database names, fixed all year, that a record written before they were refused may hold. */
export const isFixedZone = (zone: string): boolean => /^(?:EST|MST)$/i.test(zone.trim()) || ETC_OFFSET.test(zone.trim());

/** Whether Intl knows a zone by this name that no desk should be given: see above. */
export const isRefusedZone = (zone: string): boolean => REFUSED.has(zone.trim().toUpperCase()) || ETC_OFFSET.test(zone.trim());

/** What an abbreviation may mean, as the zones to write instead (the first the likeliest). */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  CST: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'], CDT: ['America/Chicago'], CT: ['America/Chicago'],
  EST: ['America/New_York'], EDT: ['America/New_York'], ET: ['America/New_York'],
  MST: ['America/Denver', 'America/Phoenix'], MDT: ['America/Denver'], MT: ['America/Denver'],
  PST: ['America/Los_Angeles'], PDT: ['America/Los_Angeles'], PT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'], HST: ['Pacific/Honolulu'], AST: ['America/Halifax', 'Asia/Riyadh'], NST: ['America/St_Johns'],
  IST: ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin'], BST: ['Europe/London', 'Asia/Dhaka'], GST: ['Asia/Dubai'],
  WET: ['Europe/Lisbon'], CET: ['Europe/Paris'], CEST: ['Europe/Paris'], EET: ['Europe/Athens'], EEST: ['Europe/Athens'], MSK: ['Europe/Moscow'],
  SAST: ['Africa/Johannesburg'], CAT: ['Africa/Maputo'], EAT: ['Africa/Nairobi'], WAT: ['Africa/Lagos'],
  PKT: ['Asia/Karachi'], ICT: ['Asia/Bangkok'], WIB: ['Asia/Jakarta'], BJT: ['Asia/Shanghai'], CTT: ['Asia/Shanghai'], HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'], PHT: ['Asia/Manila'], JST: ['Asia/Tokyo'], KST: ['Asia/Seoul'],
  AEST: ['Australia/Sydney'], AEDT: ['Australia/Sydney'], ACT: ['Australia/Darwin'], AET: ['Australia/Sydney'], NZST: ['Pacific/Auckland'], NZDT: ['Pacific/Auckland'],
  AGT: ['America/Argentina/Buenos_Aires'], ART: ['America/Argentina/Buenos_Aires'], BET: ['America/Sao_Paulo'], CNT: ['America/St_Johns'],
  ECT: ['Europe/Paris'], IET: ['America/Indiana/Indianapolis'], MIT: ['Pacific/Apia'], NET: ['Asia/Yerevan'], PLT: ['Asia/Karachi'],
  PNT: ['America/Phoenix'], PRT: ['America/Puerto_Rico'], SST: ['Pacific/Pago_Pago', 'Asia/Singapore'], VST: ['Asia/Ho_Chi_Minh'],
};

/** Cities whose clock the tz database names after another city (`Asia/Beijing` is `Asia/Shanghai`'s). */
const CITIES: Readonly<Record<string, string>> = {
  beijing: 'Asia/Shanghai', guangzhou: 'Asia/Shanghai', shenzhen: 'Asia/Shanghai', wuhan: 'Asia/Shanghai', chengdu: 'Asia/Shanghai',
  delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', mumbai: 'Asia/Kolkata', bombay: 'Asia/Kolkata', bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata', chennai: 'Asia/Kolkata',
  washington: 'America/New_York', boston: 'America/New_York', miami: 'America/New_York', atlanta: 'America/New_York', philadelphia: 'America/New_York',
  'san francisco': 'America/Los_Angeles', seattle: 'America/Los_Angeles', 'las vegas': 'America/Los_Angeles', houston: 'America/Chicago', dallas: 'America/Chicago',
  ottawa: 'America/Toronto', montreal: 'America/Toronto', munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin', hamburg: 'Europe/Berlin',
  milan: 'Europe/Rome', geneva: 'Europe/Zurich', barcelona: 'Europe/Madrid', 'st petersburg': 'Europe/Moscow', osaka: 'Asia/Tokyo',
  canberra: 'Australia/Sydney', 'abu dhabi': 'Asia/Dubai', 'tel aviv': 'Asia/Jerusalem', 'rio de janeiro': 'America/Sao_Paulo',
  hanoi: 'Asia/Bangkok', 'ho chi minh city': 'Asia/Ho_Chi_Minh', saigon: 'Asia/Ho_Chi_Minh', islamabad: 'Asia/Karachi', 'new york': 'America/New_York',
  // (Spelt like another zone's city, which a misspelling's search would give: Rabat was Dakar's, an hour off
  // most of the year, and Brasília Bahia's. QA.)
  rabat: 'Africa/Casablanca', marrakesh: 'Africa/Casablanca', brasilia: 'America/Sao_Paulo', 'brasília': 'America/Sao_Paulo',
  edinburgh: 'Europe/London', manchester: 'Europe/London', glasgow: 'Europe/London', cardiff: 'Europe/London', belfast: 'Europe/London',
  'the hague': 'Europe/Amsterdam', rotterdam: 'Europe/Amsterdam', krakow: 'Europe/Warsaw', 'cape town': 'Africa/Johannesburg', pretoria: 'Africa/Johannesburg',
  abuja: 'Africa/Lagos', ankara: 'Europe/Istanbul', wellington: 'Pacific/Auckland', quebec: 'America/Toronto', 'san diego': 'America/Los_Angeles',
  'salt lake city': 'America/Denver', 'washington dc': 'America/New_York', 'hong kong': 'Asia/Hong_Kong', 'kuala lumpur': 'Asia/Kuala_Lumpur',
  'tel aviv yafo': 'Asia/Jerusalem', 'abidjan': 'Africa/Abidjan', 'kolkata': 'Asia/Kolkata', 'kathmandu': 'Asia/Kathmandu',
};

/**
 * ICU's canonical ids (CLDR's, which `Intl.supportedValuesOf` lists) that the tz database has since renamed:
 * its names are the ones to suggest (`Asia/Kathmandoo` was given the old `Asia/Katmandu`. QA).
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv', 'America/Buenos_Aires': 'America/Argentina/Buenos_Aires', 'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba', 'America/Jujuy': 'America/Argentina/Jujuy', 'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis', 'America/Louisville': 'America/Kentucky/Louisville', 'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk', 'Pacific/Ponape': 'Pacific/Pohnpei', 'Pacific/Enderbury': 'Pacific/Kanton', 'America/Godthab': 'America/Nuuk',
  'Africa/Asmera': 'Africa/Asmara', 'America/Coral_Harbour': 'America/Atikokan',
};

const quoted = (zones: readonly string[]): string =>
  zones.length === 1 ? `"${zones[0]}"` : `${zones.slice(0, -1).map((z) => `"${z}"`).join(', ')} or "${zones[zones.length - 1]}"`;

/**
 * Why a zone name is refused and what to write, for E_ZONE_UNKNOWN (`known`: the tz database names, to
 * find one a misspelling is near).
 */
export function zoneAdvice(zone: string, known: readonly string[]): string {
  const t = zone.trim();
  const etc = ETC_OFFSET.exec(t);
  if (etc !== null) {
    const hours = (etc[2] ?? '').padStart(2, '0');
    const [is, not] = etc[1] === '-' ? ['+', '−'] : ['−', '+'];
    return `"${t}" is UTC${is}${hours}:00, not UTC${not}${hours}:00 (the tz database's Etc names turn the sign round): write a city's zone, such as "Asia/Shanghai" or "America/Chicago", which knows its daylight saving too`;
  }
  if (OFFSET.test(t)) return `an offset is no zone: write a city's zone, such as "Asia/Shanghai" or "America/Chicago" (a time at another offset carries it in its date: "2025-02-05T09:24:00+08:00")`;
  const meant = ABBREVIATIONS[t.toUpperCase()];
  if (/^[A-Za-z]{2,5}$/.test(t) && meant !== undefined) {
    const fixed = /^(?:EST|MST)$/i.test(t) ? `, and "${t}" is fixed all year, without the daylight saving of ${meant[0]}` : '';
    const several = meant.length > 1 ? ' (it names more than one)' : '';
    return `"${t}" is an abbreviation${several}, not a place's zone${fixed}: write the tz database name of the place's clock, such as ${quoted(meant)}`;
  }
  const city = CITIES[(t.split('/').pop() ?? '').replace(/[_-]/g, ' ').toLowerCase()];
  // (Nearest to the old name or the new, given by the new: `Asia/Calcuta` and `Asia/Kolkatta` are Kolkata.)
  const found = city ?? closest(t, [...known.filter((k) => !isRefusedZone(k)), ...Object.values(RENAMED)]);
  const near = found === undefined ? undefined : (RENAMED[found] ?? found);
  return near !== undefined ? `did you mean "${near}"?` : 'use a tz database (IANA) name such as "America/New_York" or "Asia/Shanghai"';
}
