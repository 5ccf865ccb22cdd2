/**
 * Dateline city → IANA zone, from the city-timezones gazetteer (7,300 cities with population, province
 * and zone, maintained on npm). A name that matches cities in different zones is ambiguous and is never
 * guessed, except by the wire convention that a dateline city standing alone names the dominant city of
 * that name (LONDON is London, England): a match twenty times more populous than every match in another
 * zone. (Portland, Oregon is only twelve times Portland, Maine, so PORTLAND alone stays ambiguous.)
 */
import cityTimezones from 'city-timezones';

export type CityLookup =
  | { found: true; city: string; country: string; timezone: string }
  | { found: false; reason: 'unknown' }
  | { found: false; reason: 'ambiguous'; candidates: string[] };

const DOMINANCE = 20;

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

type Entry = (typeof cityTimezones.cityMapping)[number];
let index: Map<string, Entry[]> | undefined;

const key = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Index by name, and by the part before a comma ("Washington, D.C." is also "Washington"). */
function byName(): Map<string, Entry[]> {
  if (index === undefined) {
    index = new Map();
    for (const e of cityTimezones.cityMapping) {
      for (const name of new Set([e.city, e.city_ascii, e.city.split(',')[0] ?? e.city])) {
        const k = key(name);
        const list = index.get(k) ?? [];
        if (!list.includes(e)) list.push(e);
        index.set(k, list);
      }
    }
  }
  return index;
}

/**
 * Looks up a dateline city; `region` is what follows it in the dateline (a US state abbreviation, a
 * state, province or country name), which narrows the matches.
 */
export function lookupCity(city: string, region?: string): CityLookup {
  let matches = byName().get(key(city)) ?? [];
  if (region !== undefined && matches.length > 0) {
    const r = key(AP_STATES[region] ?? region);
    const narrowed = matches.filter((e) => [e.province, e.state_ansi, e.country, e.iso2, e.iso3].some((v) => v !== undefined && key(String(v)) === r));
    if (narrowed.length > 0) matches = narrowed;
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
