/**
 * Dateline city → IANA zone, from the city-timezones gazetteer (7,300 cities with population, province
 * and zone, maintained on npm). A name that matches cities in different zones is ambiguous and is never
 * guessed, except by the wire convention that a dateline city standing alone names the dominant city of
 * that name (LONDON is London, England): a match twenty times more populous than every match in another
 * zone. (Portland, Oregon is only twelve times Portland, Maine, so PORTLAND alone stays ambiguous.)
 */
import cityTimezones from 'city-timezones';
import { COUNTRY_ALSO, key, nameForms, REGION_COUNTRIES, regionKey } from './_region-names.js';
import { cityName, regionWrittenOut } from './_regions.js';
import { ZH_CITIES } from './_zh-cities.js';

export type CityLookup =
  | { found: true; city: string; country: string; timezone: string }
  | { found: false; reason: 'unknown' }
  | { found: false; reason: 'ambiguous'; candidates: string[] };

const DOMINANCE = 20;


type Entry = (typeof cityTimezones.cityMapping)[number];
let index: Map<string, Entry[]> | undefined;

/**
 * The gazetteer's faults, corrected (each by a UTC offset that differs from the right zone's):
 * - cities it gives no zone (`Perm`): the zone here; the others without one (Antarctic stations) are left out;
 * - border towns it puts in a neighbour's zone (`Cobija`, Bolivia, in Brazil's America/Rio_Branco);
 * - China keeps one official time, Beijing's (Asia/Shanghai), and its agencies date datelines by it, but
 *   the gazetteer puts cities of Gansu, Tibet and even Guangdong in Asia/Urumqi (UTC+6), the tz database's
 *   zone for Xinjiang's local time: every Chinese city is Asia/Shanghai (Urumqi's too: `新华社乌鲁木齐2月7日电`
 *   is dated in Beijing time), as are the old names Asia/Chongqing and Asia/Harbin.
 */
const ZONE_FIXES: Readonly<Record<string, string>> = {
  'Perm|RU': 'Asia/Yekaterinburg', 'Penza|RU': 'Europe/Moscow', 'Urmia|IR': 'Asia/Tehran', 'Comodoro Rivadavia|AR': 'America/Argentina/Catamarca',
  'Chilecito|AR': 'America/Argentina/La_Rioja', 'Fort St. John|CA': 'America/Dawson_Creek', 'San Juan del Sur|NI': 'America/Managua',
  'Cobija|BO': 'America/La_Paz', 'Puerto Heath|BO': 'America/La_Paz', 'Cuangar|NA': 'Africa/Windhoek', 'Mbamba Bay|TZ': 'Africa/Dar_es_Salaam',
};

function zoneOf(e: Entry): string | undefined {
  const given: string | null = e.timezone; // null for some, whatever its type declaration says
  const fixed = ZONE_FIXES[`${e.city}|${e.iso2}`];
  if (fixed !== undefined || given === null) return fixed;
  if (e.iso2 === 'CN') return 'Asia/Shanghai';
  return given;
}

/**
 * Dateline names the gazetteer spells otherwise (some misspelt: `Shenyeng`), or lacks: `UNITED NATIONS`
 * is datelined from New York. Keys as `key` makes them.
 */
const ALIASES: Readonly<Record<string, string>> = {
  'united nations': 'New York', kiev: 'Kyiv', macao: 'Macau', yangon: 'Rangoon', mecca: 'Makkah', 'kuwait city': 'Kuwait',
  shenyang: 'Shenyeng', shijiazhuang: 'Shijianzhuang', 'xi an': 'Xian', mudanjiang: 'Mudangiang', 'tel aviv': 'Tel Aviv-Yafo',
  // The spellings wires print now for cities of the wars in Ukraine and the Middle East, where the gazetteer keeps an
  // older one (QA: `ODESA, Ukraine`, `LVIV`, `DNIPRO`, `ERBIL`, `HOMS`, `HEBRON, West Bank` were unknown, their zone
  // asked for). `|` and a region: the region that spelling names (Odessa, Texas is a tenth of Odessa, Ukraine).
  odesa: 'Odessa|Ukraine', lviv: 'Lvov', dnipro: 'Dnipropetrovsk', mykolaiv: 'Mykolayiv', zaporizhzhia: 'Zaporizhzhya', 'kryvyi rih': 'Kryvyy Rih',
  vinnytsia: 'Vinnytsya', kupiansk: 'Kupyansk', uzhhorod: 'Uzhgorod', khmelnytskyi: 'Khmelnytskyy', kropyvnytskyi: 'Kirovohrad',
  severodonetsk: 'Sievierodonetsk', slovyansk: 'Sloviansk', erbil: 'Irbil', raqqa: 'Ar Raqqah', 'deir ez zor': 'Dayr az Zawr', 'deir el zor': 'Dayr az Zawr',
  benghazi: 'Banghazi', misrata: 'Misratah', hodeidah: 'Al Hudaydah', taiz: 'Taizz', homs: 'Hims', latakia: 'Al Ladhiqiyah', sidon: 'Saida|Lebanon',
  hebron: 'Al Khalil', kismayo: 'Kismaayo', beersheba: 'Beer Sheva', 'gaza strip': 'Gaza', 'khan yunis': 'Khan Younis',
  // And others wires print that it spells otherwise (QA: `GAZA CITY`, `GUATEMALA CITY`, `N'DJAMENA`, `SEVASTOPOL` were unknown).
  'gaza city': 'Gaza', 'guatemala city': 'Guatemala', 'n djamena': 'Ndjamena', sevastopol: 'Sevastapol', naypyitaw: 'Naypyidaw', 'nay pyi taw': 'Naypyidaw',
  mekelle: 'Mekele', 'guantanamo bay': 'Guantanamo', 'palm beach': 'West Palm Beach', 'rishon letzion': 'Rishon LeZion',
  'tai an': 'Taian', 'ulan bator': 'Ulaanbaatar', xiongan: "Xiong'an",
  // Names wires still print for cities that renamed themselves (Reuters' items locate its Bangalore desk so: unknown).
  bangalore: 'Bengaluru|India', bombay: 'Mumbai|India', madras: 'Chennai|India', calcutta: 'Kolkata|India', poona: 'Pune|India',
  peking: 'Beijing|China', saigon: 'Ho Chi Minh City|Vietnam', dacca: 'Dhaka|Bangladesh',
};

/**
 * French, Spanish, Italian and Portuguese names of the cities AFP's, EFE's, ANSA's and Lusa's leads name most (`PÉKIN`,
 * `LONDRES`, `ROMA`, `LISBOA`): the gazetteer's English name and its country. With a region printed, only where the
 * region is that city's (`Roma, Lazio`): `ROMA, Australia` is Queensland's Roma, and `ROMA` alone Rome (QA: it was
 * Queensland's, and the dateline's date taken on Brisbane's clock). Keys as `key` makes them.
 */
const EXONYMS: Readonly<Record<string, string>> = {
  roma: 'Rome|Italy', londres: 'London|United Kingdom', londra: 'London|United Kingdom', pekin: 'Beijing|China', pequim: 'Beijing|China', pechino: 'Beijing|China',
  geneve: 'Geneva|Switzerland', ginebra: 'Geneva|Switzerland', ginevra: 'Geneva|Switzerland', genebra: 'Geneva|Switzerland',
  bruxelles: 'Brussels|Belgium', bruselas: 'Brussels|Belgium', bruxelas: 'Brussels|Belgium', moscou: 'Moscow|Russia', moscu: 'Moscow|Russia', mosca: 'Moscow|Russia',
  'nueva york': 'New York|United States', 'nova york': 'New York|United States', 'nova iorque': 'New York|United States',
  lisboa: 'Lisbon|Portugal', lisbonne: 'Lisbon|Portugal', lisbona: 'Lisbon|Portugal', milano: 'Milan|Italy', napoli: 'Naples|Italy', torino: 'Turin|Italy',
  firenze: 'Florence|Italy', venezia: 'Venice|Italy', genova: 'Genoa|Italy', atenas: 'Athens|Greece', athenes: 'Athens|Greece', atene: 'Athens|Greece',
  varsovie: 'Warsaw|Poland', varsovia: 'Warsaw|Poland', varsavia: 'Warsaw|Poland', vienne: 'Vienna|Austria', viena: 'Vienna|Austria',
  berlino: 'Berlin|Germany', parigi: 'Paris|France', 'le caire': 'Cairo|Egypt', 'el cairo': 'Cairo|Egypt', 'il cairo': 'Cairo|Egypt', 'o cairo': 'Cairo|Egypt',
  jerusalen: 'Jerusalem|Israel', gerusalemme: 'Jerusalem|Israel', beyrouth: 'Beirut|Lebanon',
  damas: 'Damascus|Syria', damasco: 'Damascus|Syria', teheran: 'Tehran|Iran', 'la haye': 'The Hague|Netherlands', 'la haya': 'The Hague|Netherlands', 'l aia': 'The Hague|Netherlands',
  copenhague: 'Copenhagen|Denmark', estocolmo: 'Stockholm|Sweden', stoccolma: 'Stockholm|Sweden', 'la havane': 'Havana|Cuba', 'la habana': 'Havana|Cuba',
  mexico: 'Mexico City|Mexico', 'ciudad de mexico': 'Mexico City|Mexico', 'cidade do mexico': 'Mexico City|Mexico', tokio: 'Tokyo|Japan', toquio: 'Tokyo|Japan',
  seul: 'Seoul|South Korea', 'nova delhi': 'New Delhi|India', 'nueva delhi': 'New Delhi|India', 'nuova delhi': 'New Delhi|India',
  kiiv: 'Kyiv|Ukraine', 'ciudad del vaticano': 'Vatican City|Vatican', 'citta del vaticano': 'Vatican City|Vatican',
};

/**
 * Cities wires dateline from that the gazetteer lacks (QA: `DEIR AL-BALAH, Gaza Strip`, `JENIN, West Bank`,
 * `POKROVSK, Ukraine`, `TYRE, Lebanon` were unknown; `POKROVSK` alone was the gazetteer's Pokrovsk in Yakutia, nine
 * hours off): the city, its country's ISO code and name, its zone, and its population before the wars, which
 * weighs it against a namesake (`RAFAH` alone is Gaza's; Pokrovsk alone stays ambiguous).
 */
const EXTRA_CITIES: ReadonlyArray<[string, string, string, string, number, string?]> = [
  ['Khan Younis', 'PS', 'Palestine', 'Asia/Gaza', 205_000], ['Rafah', 'PS', 'Palestine', 'Asia/Gaza', 171_000], ['Jabalia', 'PS', 'Palestine', 'Asia/Gaza', 172_000],
  ['Deir al-Balah', 'PS', 'Palestine', 'Asia/Gaza', 75_000], ['Nuseirat', 'PS', 'Palestine', 'Asia/Gaza', 85_000], ['Beit Lahia', 'PS', 'Palestine', 'Asia/Gaza', 90_000],
  ['Beit Hanoun', 'PS', 'Palestine', 'Asia/Gaza', 52_000], ['Jenin', 'PS', 'Palestine', 'Asia/Hebron', 50_000], ['Tulkarm', 'PS', 'Palestine', 'Asia/Hebron', 65_000],
  ['Jericho', 'PS', 'Palestine', 'Asia/Hebron', 21_000], ['Qalqilya', 'PS', 'Palestine', 'Asia/Hebron', 52_000], ['Bethlehem', 'PS', 'Palestine', 'Asia/Hebron', 28_000],
  ['Tubas', 'PS', 'Palestine', 'Asia/Hebron', 20_000], ['Tyre', 'LB', 'Lebanon', 'Asia/Beirut', 200_000], ['Nabatieh', 'LB', 'Lebanon', 'Asia/Beirut', 80_000],
  ['Baalbek', 'LB', 'Lebanon', 'Asia/Beirut', 82_000], ['Hama', 'SY', 'Syria', 'Asia/Damascus', 700_000], ['Sderot', 'IL', 'Israel', 'Asia/Jerusalem', 35_000],
  ['Ashkelon', 'IL', 'Israel', 'Asia/Jerusalem', 150_000], ['Eilat', 'IL', 'Israel', 'Asia/Jerusalem', 53_000], ['Kiryat Shmona', 'IL', 'Israel', 'Asia/Jerusalem', 22_000],
  ['Bakhmut', 'UA', 'Ukraine', 'Europe/Kyiv', 70_000], ['Pokrovsk', 'UA', 'Ukraine', 'Europe/Kyiv', 60_000], ['Avdiivka', 'UA', 'Ukraine', 'Europe/Kyiv', 31_000],
  ['Toretsk', 'UA', 'Ukraine', 'Europe/Kyiv', 30_000], ['Chasiv Yar', 'UA', 'Ukraine', 'Europe/Kyiv', 12_000], ['Vuhledar', 'UA', 'Ukraine', 'Europe/Kyiv', 14_000],
  ['Sloviansk', 'UA', 'Ukraine', 'Europe/Kyiv', 105_000], ['Izium', 'UA', 'Ukraine', 'Europe/Kyiv', 45_000], ['Enerhodar', 'UA', 'Ukraine', 'Europe/Kyiv', 50_000],
  ['Sievierodonetsk', 'UA', 'Ukraine', 'Europe/Kyiv', 100_000], ['Sudzha', 'RU', 'Russia', 'Europe/Moscow', 5_000],
  ['Ashdod', 'IL', 'Israel', 'Asia/Jerusalem', 225_000], ['Netanya', 'IL', 'Israel', 'Asia/Jerusalem', 220_000], ['Herzliya', 'IL', 'Israel', 'Asia/Jerusalem', 100_000],
  ['Rishon LeZion', 'IL', 'Israel', 'Asia/Jerusalem', 255_000], ['Tiberias', 'IL', 'Israel', 'Asia/Jerusalem', 45_000], ['Safed', 'IL', 'Israel', 'Asia/Jerusalem', 37_000],
  ['Nahariya', 'IL', 'Israel', 'Asia/Jerusalem', 60_000], ['Metula', 'IL', 'Israel', 'Asia/Jerusalem', 2_000],
  // (And the towns of summits, launches and bases: with the province a US state, a Canadian one or an Italian region is read by.)
  ['Davos', 'CH', 'Switzerland', 'Europe/Zurich', 11_000], ['Sharm el-Sheikh', 'EG', 'Egypt', 'Africa/Cairo', 73_000],
  ['Cape Canaveral', 'US', 'United States of America', 'America/New_York', 10_000, 'Florida'], ['Kananaskis', 'CA', 'Canada', 'America/Edmonton', 250, 'Alberta'],
  ['Lampedusa', 'IT', 'Italy', 'Europe/Rome', 6_000, 'Sicily'], ['Kinmen', 'TW', 'Taiwan', 'Asia/Taipei', 140_000], ['Panmunjom', 'KR', 'South Korea', 'Asia/Seoul', 100],
  ['Pahalgam', 'IN', 'India', 'Asia/Kolkata', 10_000, 'Jammu and Kashmir'], ['Ramstein Air Base', 'DE', 'Germany', 'Europe/Berlin', 8_000, 'Rhineland-Palatinate'],
  // Chinese towns Xinhua and China Daily dateline from (QA: `XIONG'AN`, `BOAO`, `YAN'AN` were unknown): Beijing time, as
  // every Chinese city.
  ["Xiong'an", 'CN', 'China', 'Asia/Shanghai', 1_200_000], ['Boao', 'CN', 'China', 'Asia/Shanghai', 30_000],
  ["Yan'an", 'CN', 'China', 'Asia/Shanghai', 2_200_000], ['Ordos', 'CN', 'China', 'Asia/Shanghai', 2_200_000], ['Zhangjiajie', 'CN', 'China', 'Asia/Shanghai', 1_500_000],
  ['Huangshan', 'CN', 'China', 'Asia/Shanghai', 1_300_000], ['Qufu', 'CN', 'China', 'Asia/Shanghai', 600_000], ['Beidaihe', 'CN', 'China', 'Asia/Shanghai', 80_000],
  ['Zhoushan', 'CN', 'China', 'Asia/Shanghai', 1_150_000], ['Yiwu', 'CN', 'China', 'Asia/Shanghai', 1_850_000], ['Jinghong', 'CN', 'China', 'Asia/Shanghai', 650_000],
  ['Khorgos', 'CN', 'China', 'Asia/Shanghai', 100_000], ['Ruili', 'CN', 'China', 'Asia/Shanghai', 270_000], ['Hekou', 'CN', 'China', 'Asia/Shanghai', 110_000],
  ['Hunchun', 'CN', 'China', 'Asia/Shanghai', 230_000], ['Suifenhe', 'CN', 'China', 'Asia/Shanghai', 70_000],
];

let regionNames: Intl.DisplayNames | undefined;
/** The English name of an ISO 3166 region (`Antigua & Barbuda`), if ICU has one. */
function isoName(code: string): string | undefined {
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  try {
    return regionNames.of(code);
  } catch {
    return undefined; // not a region code
  }
}

/**
 * Whether a city of the gazetteer is in the region printed after it (`r` as `regionKey` makes it). `own`:
 * by the name of the territory it is in, not of the country it belongs to (St.-Denis, Réunion, is in
 * France's entry too).
 */
const inRegion = (e: Entry, r: string, own = false): boolean =>
  REGION_COUNTRIES[r] === e.iso2 || COUNTRY_ALSO[r]?.includes(e.iso2) === true ||
  [e.state_ansi, e.iso2, e.iso3].some((v) => v !== undefined && key(String(v)) === r) ||
  [e.province, own ? undefined : e.country, isoName(e.iso2)].some((v) => typeof v === 'string' && nameForms(v).includes(r));

/** A name's `St` as `Saint` and `Saint` as `St` (keys as `key` makes them), or undefined without either. */
function otherSaint(k: string): string | undefined {
  const swapped = k.replace(/(^| )(st|saint)(?= |$)/g, (_, before: string, word: string) => `${before}${word === 'st' ? 'saint' : 'st'}`);
  return swapped === k ? undefined : swapped;
}

/** Index by name, and by the part before a comma ("Washington, D.C." is also "Washington"). */
function byName(): Map<string, Entry[]> {
  if (index === undefined) {
    index = new Map();
    for (const raw of cityTimezones.cityMapping) {
      const timezone = zoneOf(raw);
      if (timezone === undefined) continue;
      const e: Entry = { ...raw, timezone };
      for (const name of new Set([e.city, e.city_ascii, e.city.split(',')[0] ?? e.city])) {
        const k = key(name);
        const list = index.get(k) ?? [];
        if (!list.includes(e)) list.push(e);
        index.set(k, list);
      }
    }
    for (const [city, iso2, country, timezone, pop, province] of EXTRA_CITIES) {
      const e = { city, city_ascii: city, iso2, iso3: '', country, province: province ?? '', timezone, pop, lat: 0, lng: 0 } as unknown as Entry;
      index.set(key(city), [...(index.get(key(city)) ?? []), e]);
    }
  }
  return index;
}

/**
 * Looks up a dateline city; `region` is what follows it in the dateline (a US state abbreviation, a
 * state, province or country name), which narrows the matches.
 */
export function lookupCity(city: string, region?: string): CityLookup {
  if (/\p{Script=Han}/u.test(city)) {
    // A Chinese name is kept as printed; its zone comes from the gazetteer's entry for the English name.
    const english = ZH_CITIES.get(city.trim());
    const found = english === undefined ? undefined : lookupCity(english[0], english[1] ?? region);
    return found?.found === true ? { ...found, city: city.trim() } : { found: false, reason: 'unknown' };
  }
  // Cities apart by slashes, as Reuters datelines a story reported from several (`BEIJING/WASHINGTON`):
  // each looked up (the region, if any, is the last's); one zone if all are in it, else ambiguous.
  const parts = city.split('/').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length > 1) return severalCities(parts, region);
  const exonym = EXONYMS[key(city)];
  if (exonym !== undefined) {
    // The city keeps the name printed (`Roma`), and the zone and country of the city it names; with a region that
    // is its own (`Roma, Italia`, `Milano, Lombardia`: ANSA's NewsML-G2 locates so), too. (`ROMA, Australia` is
    // Queensland's.)
    const [english, country] = exonym.split('|');
    const found = lookupCity(english ?? exonym, region ?? country);
    if (found.found) return { ...found, city: cityName(city.trim()) };
  }
  const alias = ALIASES[key(city)];
  if (alias !== undefined) {
    // The city keeps the name printed (UNITED NATIONS is not New York in a dateline).
    const [aliasCity, aliasRegion] = alias.split('|');
    const found = lookupCity(aliasCity ?? alias, region ?? aliasRegion);
    return found.found ? { ...found, city: cityName(city.trim()) } : found;
  }
  let matches = byName().get(key(city)) ?? [];
  if (region !== undefined) {
    // (An abbreviation written out: AP's `Ky.`, CP's `Ont.` and `NS`.)
    const r = regionKey(regionWrittenOut(region));
    let narrowed = matches.filter((e) => inRegion(e, r));
    // The name with its `Saint` spelt the other way (`ST. JOHN'S, Antigua` is the gazetteer's Saint John's),
    // where the name as printed matches no city in the region, and the region names the territory (not
    // `SAINT-DENIS, France`, the gazetteer's St.-Denis being Réunion's).
    const other = narrowed.length === 0 ? otherSaint(key(city)) : undefined;
    if (other !== undefined) narrowed = (byName().get(other) ?? []).filter((e) => inRegion(e, r, true));
    // A region none of the matches is in (MOSCOW, Idaho; PARIS, Texas; TRIPOLI, Lebanon) says the city is
    // another, which the gazetteer lacks: unknown, never the namesake abroad. So does a region it does not
    // know (QA: GEORGETOWN, Penang was Georgetown, Guyana, and the dateline a day early); the spellings wires
    // print for countries it names otherwise are in REGION_COUNTRIES.
    if (narrowed.length > 0) matches = narrowed;
    else return { found: false, reason: 'unknown' };
  }
  if (matches.length === 0) return { found: false, reason: 'unknown' };
  const zones = new Set(matches.map((e) => e.timezone));
  const sorted = [...matches].sort((a, b) => b.pop - a.pop);
  const top = sorted[0] as Entry;
  const dominant = sorted.slice(1).every((e) => e.timezone === top.timezone || top.pop >= DOMINANCE * e.pop);
  if (zones.size > 1 && !dominant) {
    return { found: false, reason: 'ambiguous', candidates: sorted.map((e) => `${e.city}, ${e.province ? `${e.province}, ` : ''}${e.country} (${e.timezone})`) };
  }
  return { found: true, city: top.city.split(',')[0] ?? top.city, country: top.country, timezone: top.timezone };
}

/**
 * The one time zone of a region or country the copy names with a city the gazetteer lacks (`GROSSETO, Italy`,
 * `CHATHAM, Mass.`, `Milton Keynes` located in the United Kingdom): the zone of every place the gazetteer has
 * there, when they all share it, with the region's country as the gazetteer names it; undefined for a region it
 * does not know or one across zones (`South Dakota`, `Russia`). The warning asking for the city's zone names it;
 * it is never taken for the city's (a town may lie across a line the gazetteer's places do not show).
 */
export function regionZone(region: string): { timezone: string; country: string } | undefined {
  const r = regionKey(regionWrittenOut(region));
  if (r === '') return undefined;
  // (The places of every region key, listed once: a file of thousands of stories from towns it lacks, each in a
  // region of its own, asked of every place for each, a second a story.)
  const index = regionIndex();
  const codes = [REGION_COUNTRIES[r], ...(COUNTRY_ALSO[r] ?? [])].filter((c): c is string => c !== undefined);
  const places = [...(index.get(r) ?? []), ...codes.flatMap((c) => index.get(`\u0000${c}`) ?? [])];
  const zones = new Set(places.map((e) => e.timezone));
  const first = places[0];
  return zones.size === 1 && first !== undefined ? { timezone: first.timezone, country: first.country } : undefined;
}

/** The gazetteer's places by each region key they are in (`inRegion`'s), and by `\0` and their country code. */
function regionIndex(): Map<string, Entry[]> {
  if (regions !== undefined) return regions;
  const built = new Map<string, Entry[]>();
  const put = (k: string, e: Entry): void => {
    const list = built.get(k) ?? [];
    if (list[list.length - 1] !== e) list.push(e);
    built.set(k, list);
  };
  // (An entry is in the index under each of its names: each counted once.)
  const seen = new Set<Entry>();
  for (const list of byName().values()) {
    for (const e of list) {
      if (seen.has(e)) continue;
      seen.add(e);
      put(`\u0000${e.iso2}`, e);
      for (const v of [e.state_ansi, e.iso2, e.iso3]) if (v !== undefined) put(key(String(v)), e);
      for (const v of [e.province, e.country, isoName(e.iso2)]) if (typeof v === 'string') for (const form of nameForms(v)) put(form, e);
    }
  }
  regions = built;
  return built;
}
let regions: Map<string, Entry[]> | undefined;

/**
 * The countries whose papers open a story with the city and a colon (`NEW DELHI: The …`, `DUBAI:`,
 * `KUALA LUMPUR:`): South Asia, the Gulf and South-East Asia.
 */
const COLON_LEAD_COUNTRIES = new Set(['IN', 'PK', 'BD', 'LK', 'NP', 'BT', 'MV', 'AF', 'AE', 'SA', 'QA', 'KW', 'BH', 'OM', 'MY', 'SG', 'BN', 'PH', 'ID']);

/**
 * Whether `CITY: ` opening a paragraph may be a dateline: a city in one of the countries whose papers print
 * it so, or one of a million people or more, which those papers dateline from abroad (`WASHINGTON:`,
 * `LONDON:`). `READING:`, `NICE:`, `SPLIT:` and `MOBILE:` open paragraphs as labels as often.
 */
export function colonLeadCity(city: string): boolean {
  const name = key((ALIASES[key(city)] ?? city).split('|')[0] ?? city);
  return (byName().get(name) ?? []).some((e) => e.pop >= 1_000_000 || COLON_LEAD_COUNTRIES.has(e.iso2));
}

/** `lookupCity` of cities apart by slashes: all found in one zone, or unknown if one is, or else ambiguous. */
function severalCities(parts: readonly string[], region: string | undefined): CityLookup {
  const each = parts.map((p, k) => lookupCity(p, k === parts.length - 1 ? region : undefined));
  if (each.some((e) => !e.found && e.reason === 'unknown')) return { found: false, reason: 'unknown' };
  const found = each.flatMap((e) => (e.found ? [e] : []));
  const first = found[0];
  if (first !== undefined && found.length === each.length && found.every((e) => e.timezone === first.timezone)) {
    return { found: true, city: found.map((e) => e.city).join('/'), country: [...new Set(found.map((e) => e.country))].join('/'), timezone: first.timezone };
  }
  return { found: false, reason: 'ambiguous', candidates: each.flatMap((e) => (e.found ? [`${e.city}, ${e.country} (${e.timezone})`] : e.reason === 'ambiguous' ? e.candidates : [])) };
}
