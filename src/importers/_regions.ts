/**
 * Regions printed after a city and a comma: AP's state abbreviations (`PORTLAND, Ore.`, `Washington,
 * D.C.`), and the states, provinces and countries of the city-timezones gazetteer (`Yangon, Myanmar`).
 */
import cityTimezones from 'city-timezones';

/** US state abbreviations of AP datelines ("PORTLAND, Ore."), to tell same-named US cities apart. */
export const AP_STATES: Record<string, string> = {
  'Ala.': 'Alabama', 'Ariz.': 'Arizona', 'Ark.': 'Arkansas', 'Calif.': 'California', 'Colo.': 'Colorado', 'Conn.': 'Connecticut',
  'Del.': 'Delaware', 'Fla.': 'Florida', 'Ga.': 'Georgia', 'Ill.': 'Illinois', 'Ind.': 'Indiana', 'Kan.': 'Kansas', 'Ky.': 'Kentucky',
  'La.': 'Louisiana', 'Md.': 'Maryland', 'Mass.': 'Massachusetts', 'Mich.': 'Michigan', 'Minn.': 'Minnesota', 'Miss.': 'Mississippi',
  'Mo.': 'Missouri', 'Mont.': 'Montana', 'Neb.': 'Nebraska', 'Nev.': 'Nevada', 'N.H.': 'New Hampshire', 'N.J.': 'New Jersey',
  'N.M.': 'New Mexico', 'N.Y.': 'New York', 'N.C.': 'North Carolina', 'N.D.': 'North Dakota', 'Okla.': 'Oklahoma', 'Ore.': 'Oregon',
  'Pa.': 'Pennsylvania', 'R.I.': 'Rhode Island', 'S.C.': 'South Carolina', 'S.D.': 'South Dakota', 'Tenn.': 'Tennessee',
  'Vt.': 'Vermont', 'Va.': 'Virginia', 'Wash.': 'Washington', 'W.Va.': 'West Virginia', 'Wis.': 'Wisconsin', 'Wyo.': 'Wyoming',
};

/** A name as the gazetteer compares it: no accents, lower case, words apart by one space. */
export const key = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

let regions: Set<string> | undefined;

/** `D.C.`, `Calif.`, `California`, `Hong Kong`, `Myanmar`, `Guangdong`: a state, province or country. */
export function isRegionName(part: string): boolean {
  const text = part.trim();
  if (text === 'D.C.' || AP_STATES[text] !== undefined) return true;
  if (regions === undefined) {
    regions = new Set();
    for (const e of cityTimezones.cityMapping) {
      for (const v of [e.province, e.country]) if (typeof v === 'string' && v !== '') regions.add(key(v));
    }
  }
  return /^\p{Lu}/u.test(text) && regions.has(key(text));
}
