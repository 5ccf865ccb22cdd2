/**
 * Regions printed after a city and a comma: AP's state abbreviations (`PORTLAND, Ore.`, `Washington,
 * D.C.`), and the states, provinces and countries of the city-timezones gazetteer (`Yangon, Myanmar`).
 */
import cityTimezones from 'city-timezones';
import { key, REGION_COUNTRIES, REGIONS_ACROSS } from './_region-names.js';

/** US state abbreviations of AP datelines ("PORTLAND, Ore."), to tell same-named US cities apart. */
const AP_STATES: Record<string, string> = {
  'Ala.': 'Alabama', 'Ariz.': 'Arizona', 'Ark.': 'Arkansas', 'Calif.': 'California', 'Colo.': 'Colorado', 'Conn.': 'Connecticut',
  'Del.': 'Delaware', 'Fla.': 'Florida', 'Ga.': 'Georgia', 'Ill.': 'Illinois', 'Ind.': 'Indiana', 'Kan.': 'Kansas', 'Ky.': 'Kentucky',
  'La.': 'Louisiana', 'Md.': 'Maryland', 'Mass.': 'Massachusetts', 'Mich.': 'Michigan', 'Minn.': 'Minnesota', 'Miss.': 'Mississippi',
  'Mo.': 'Missouri', 'Mont.': 'Montana', 'Neb.': 'Nebraska', 'Nev.': 'Nevada', 'N.H.': 'New Hampshire', 'N.J.': 'New Jersey',
  'N.M.': 'New Mexico', 'N.Y.': 'New York', 'N.C.': 'North Carolina', 'N.D.': 'North Dakota', 'Okla.': 'Oklahoma', 'Ore.': 'Oregon',
  'Pa.': 'Pennsylvania', 'R.I.': 'Rhode Island', 'S.C.': 'South Carolina', 'S.D.': 'South Dakota', 'Tenn.': 'Tennessee',
  'Vt.': 'Vermont', 'Va.': 'Virginia', 'Wash.': 'Washington', 'W.Va.': 'West Virginia', 'Wis.': 'Wisconsin', 'Wyo.': 'Wyoming',
};

/**
 * Provinces, territories and states outside the United States as wires abbreviate them after a city (CP's
 * `LONDON, Ont.`, `SYDNEY, N.S.`; Canada Post's `ON`, `NS`; Australia's `NSW`, `Qld`), to tell same-named
 * cities apart as AP's state abbreviations do. (Not the postal codes that are countries' codes too: `NL`,
 * `PE`, `SK`, `YT`; nor `NT`, Canada's Northwest Territories and Australia's Northern Territory both, which
 * the gazetteer reads as Australia's: `DARWIN, NT`.)
 */
const OTHER_REGION_ABBREVIATIONS: Record<string, string> = {
  'Ont.': 'Ontario', ON: 'Ontario', 'Que.': 'Quebec', QC: 'Quebec', 'B.C.': 'British Columbia', BC: 'British Columbia',
  'Alta.': 'Alberta', AB: 'Alberta', 'Sask.': 'Saskatchewan', 'Man.': 'Manitoba', MB: 'Manitoba', 'N.B.': 'New Brunswick',
  NB: 'New Brunswick', 'N.S.': 'Nova Scotia', NS: 'Nova Scotia', 'P.E.I.': 'Prince Edward Island', PEI: 'Prince Edward Island',
  'Nfld.': 'Newfoundland and Labrador', 'N.L.': 'Newfoundland and Labrador', 'Y.T.': 'Yukon', 'N.W.T.': 'Northwest Territories',
  NWT: 'Northwest Territories', 'Nvt.': 'Nunavut', 'Nun.': 'Nunavut', NU: 'Nunavut',
  'N.S.W.': 'New South Wales', NSW: 'New South Wales', 'Vic.': 'Victoria', 'Qld.': 'Queensland', Qld: 'Queensland', QLD: 'Queensland',
  'Tas.': 'Tasmania', 'N.T.': 'Northern Territory', 'A.C.T.': 'Australian Capital Territory', ACT: 'Australian Capital Territory',
};

/** A region printed after a city, its abbreviation written out (AP's `Ky.`, CP's `Ont.`, `NS`); any other as printed. */
export const regionWrittenOut = (region: string): string => AP_STATES[region.trim()] ?? OTHER_REGION_ABBREVIATIONS[region.trim()] ?? region;

export { key } from './_region-names.js';

/** Regions the gazetteer does not name as provinces or countries, as wires print them after a city (as `key` makes them). */
const moreRegions = (): string[] => [...Object.keys(REGION_COUNTRIES), ...REGIONS_ACROSS];

let regions: Set<string> | undefined;

/**
 * `D.C.`, one of AP's state abbreviations (`Calif.`) or a dotted one of OTHER_REGION_ABBREVIATIONS (CP's
 * `Ont.`, `N.S.W.`): a region whose full stop is its own. (Not the two-letter ones with dots, `B.C.`,
 * `N.S.`, which initials print alike.)
 */
export function isRegionAbbreviation(part: string): boolean {
  const text = part.trim();
  return text === 'D.C.' || AP_STATES[text] !== undefined || (text.endsWith('.') && !/^\p{Lu}\.\p{Lu}\.$/u.test(text) && OTHER_REGION_ABBREVIATIONS[text] !== undefined);
}

/** The English names of the ISO 3166 regions (countries and territories), as `key` compares them. */
function isoRegionNames(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name !== undefined && name !== code) out.push(key(name));
    }
  }
  return out;
}

/**
 * `D.C.`, `Calif.`, `California`, `Hong Kong`, `Myanmar`, `the Philippines`, `Guangdong`: a state,
 * province or country (the gazetteer's, the English names of ISO 3166 regions, and a few more).
 */
export function isRegionName(part: string): boolean {
  const text = part.trim().replace(/^the\s+/u, '');
  if (isRegionAbbreviation(text) || !/^\p{Lu}/u.test(text)) return isRegionAbbreviation(text);
  if (regions === undefined) {
    regions = new Set(moreRegions());
    for (const e of cityTimezones.cityMapping) {
      for (const v of [e.province, e.country]) if (typeof v === 'string' && v !== '') regions.add(key(v));
    }
    for (const name of isoRegionNames()) regions.add(name);
  }
  return regions.has(key(text));
}

let bracketRegions: Set<string> | undefined;
/** The few regions in capitals that brackets after a city may hold (`(UAE)`); other capitals there are an agency's (`(NAN)`). */
const CAPITAL_REGIONS = new Set(['US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'UAE', 'U.A.E.']);

/**
 * A region brackets after a dateline city may hold in place of an agency (`KYIV (Ukraine) —`, `PORTLAND
 * (Maine) —`): a country, a US state, a Canadian province or an Australian state, as written (a first
 * capital, not all capitals). Not every province the gazetteer knows: Iran's Fars and Thailand's Nan are
 * agencies' names too (`TEHRAN (Fars) —`, `ABUJA (NAN) —`).
 */
export function isBracketRegion(part: string): boolean {
  const text = part.trim().replace(/^the\s+/u, '');
  if (CAPITAL_REGIONS.has(text) || isRegionAbbreviation(text)) return true;
  if (!/^\p{Lu}/u.test(text) || (text === text.toUpperCase() && /\p{Lu}\p{Lu}/u.test(text))) return false;
  if (bracketRegions === undefined) {
    bracketRegions = new Set(moreRegions());
    for (const e of cityTimezones.cityMapping) {
      if (typeof e.country === 'string' && e.country !== '') bracketRegions.add(key(e.country));
      if (['United States of America', 'Canada', 'Australia'].includes(e.country) && typeof e.province === 'string' && e.province !== '') bracketRegions.add(key(e.province));
    }
    for (const name of isoRegionNames()) bracketRegions.add(name);
  }
  return bracketRegions.has(key(text));
}

/** AP's prefixes printed in lower case in a name in capitals (`McALLEN`, `DeKALB`, `LaGRANGE`). */
const AP_PREFIX = /^(?:Mc|Mac|De|Di|Du|La|Le)(?=\p{Lu}{2})/u;

/**
 * `WASHINGTON` → `Washington`, `SAINT-DENIS` → `Saint-Denis`, `FORT McMURRAY` → `Fort McMurray`,
 * `BEIJING/WASHINGTON` → `Beijing/Washington`; Chinese
 * names, and names in title case, are kept as printed.
 */
export function cityName(printed: string): string {
  const words = printed.split(/([\s/-])/);
  const capitals = words.map((w) => w.replace(AP_PREFIX, '')).join('');
  if (!/[A-Z]/.test(printed) || capitals !== capitals.toUpperCase()) return printed;
  return words.map((w) => {
    const prefix = AP_PREFIX.exec(w)?.[0] ?? '';
    return prefix + w.slice(prefix.length).toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase());
  }).join('');
}
