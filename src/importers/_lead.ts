/**
 * The dateline lead of raw copy: the first paragraph's, also one printed alone on its line, and whether
 * what looks like one is a dateline or a sentence that starts with a word in capitals and a dash.
 */
import { lookupCity } from './gazetteer.js';
import { isRegionAbbreviation, isRegionName } from './_regions.js';
import { parseDatelineLead, type DatelineLead } from './_dateline-lead.js';
import { parseAgencyLine } from './_agencies.js';
import { PARTICLES } from './_particles.js';

export type TextLead = DatelineLead & { reporters?: string };

/**
 * A paragraph's dateline lead, also one printed alone on its line (`WASHINGTON, Feb. 4 (Xinhua) --`), when
 * it is a dateline (`isDateline`). The text importer's, and ninjs' and NITF's when the copy gives no dateline
 * of its own (`leadDateline`), so that the three read a lead alike.
 */
export function leadOf(b: { text: string }): TextLead | undefined {
  const lead = printedLead(b.text);
  return lead !== undefined && isDateline(lead) ? lead : undefined;
}

/** What reads as a lead at the head of a paragraph, or alone on its line (`rest` empty), dateline or not. */
export function printedLead(text: string): TextLead | undefined {
  const found = parseDatelineLead(text);
  if (found !== undefined) return found;
  const alone = parseDatelineLead(`${text} \u0001`);
  return alone !== undefined && alone.rest === '\u0001' ? { ...alone, rest: '' } : undefined;
}

/**
 * A lead with a date or an agency (`WASHINGTON, Feb. 4 (Xinhua) --`, `GAZA CITY (AP) —`) is a dateline, as
 * in ninjs and NITF, and so is a Chinese one (`新华社北京2月5日电`, which `parseDatelineLead` reads
 * strictly), and one with a region after a city that is no region itself (`PORTLAND, Ore. — the city
 * council voted.`; `US, China — trade talks resumed.` names two countries). Any other, a word in capitals
 * and a dash as China Daily pages print a dateline, is one unless the sentence after it starts with a
 * lower-case Latin word (a brand's aside: `eBay`, `iPhone`): `NEW YORK — $5 billion`, `GLENWHARF — $2
 * million…` and `PARIS — The museums` are datelines, `NATO — already stretched …`, `WATCH (video) — the
 * moment …`, `MOBILE — phone sales fell` and `WASHINGTON — the Senate voted` sentences. Before a lower-case
 * word only a city the gazetteer knows, before a name's particle, is one (`THE HAGUE — van der Berg`).
 * (The city need not be known otherwise: a town the gazetteer lacks gets a warning asking for its zone.)
 */
export function isDateline(lead: DatelineLead): boolean {
  if (/\p{Script=Han}/u.test(lead.city)) return true;
  // Cities apart by slashes only with their agency, as Reuters prints them (`BEIJING/WASHINGTON, Feb 4
  // (Reuters) -`): `US/CHINA — Talks resumed` is a sentence's topic.
  if (lead.city.includes('/') && lead.agency === undefined) return false;
  if (lead.month !== undefined) return datedLead(lead);
  if (lead.agency !== undefined && parseAgencyLine(lead.agency) !== undefined) return true;
  // A word in Arabic or Hebrew letters and a dash (`ירושלים - …`, `قال - …`) has no capitals to say it is a
  // city: only with an agency the list knows (`القاهرة (رويترز) -`, above).
  if (/^[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(lead.city)) return false;
  const place = lookupCity(lead.city, lead.region);
  const known = place.found || place.reason === 'ambiguous';
  // (`PORTLAND` is a region's name somewhere too; the gazetteer knows it as a city with `Ore.`.)
  // (A known city's region may be abbreviated in its country's style: `SAN JUAN, P.R.`, `TORONTO, Ont.`.)
  if (lead.region !== undefined && (isRegionAbbreviation(lead.region) || isRegionName(lead.region) || (known && OTHER_ABBREVIATIONS.has(lead.region))) && (known || !isRegionName(lead.city))) return true;
  // A country or region the gazetteer knows no city of, or two letters it does not know (`US — China talks
  // resumed`, `TAIWAN — The vote`, `AI — The model failed`), with neither agency nor date, is a sentence's word:
  // wires date a story from a city.
  if (!known && (isRegionName(lead.city) || /^\p{L}{2}$/u.test(lead.city))) return false;
  if (!lowerCase(lead.rest)) return true;
  // Before a lower-case word, only a city the gazetteer knows, and only before a name's particle (`THE
  // HAGUE — van der Berg`, `CAIRO — al-Sisi`): many cities are words too (`MOBILE — phone sales fell`,
  // `READING — the list`), and the sentence after a dateline starts with a capital.
  return known && PARTICLE_FIRST.test(lead.rest);
}

/** The sentence after a lead starts with a lower-case Latin word (not a brand's `eBay`, `iPhone`). */
const lowerCase = (rest: string): boolean => /^\p{Script=Latin}/u.test(rest) && /^\p{Ll}/u.test(rest) && !/^\p{Ll}+\p{Lu}/u.test(rest);

/**
 * A lead with a month and a day: a dateline with the date in AP's or Reuters' form (with any agency in
 * brackets, or none) (`WASHINGTON, Feb. 4 --`, `BEIJING, Oct. 12 -- the city opened …`; an unknown town gets a
 * warning asking for its zone). A date in another form (`looseDate`: `4 February`, `February 4`) starts
 * prose too, so without an agency only after a city the gazetteer knows, and not before a lower-case word
 * (but a name's particle): `PARIS, December 12 --` is a dateline, `BERLIN, 9 November -- a date Germans
 * remember` and `D-DAY, 6 June - Veterans gathered` are not. Kyodo's, Yonhap's and TASS's leads come with
 * their agency.
 */
function datedLead(lead: DatelineLead): boolean {
  if (lead.looseDate !== true || lead.agency !== undefined) return true;
  const place = lookupCity(lead.city, lead.region);
  const known = place.found || place.reason === 'ambiguous';
  return known && (!lowerCase(lead.rest) || PARTICLE_FIRST.test(lead.rest));
}

/**
 * A name that starts with its particles, then a capital (`van der Berg`, `al-Sisi`, `de la Cruz`, `ter
 * Stegen`, `d'Alema`): not `de facto`, `la carte`, `van loads`, `do you`.
 */
const PARTICLE_FIRST = new RegExp(String.raw`^(?:(?:${PARTICLES})(?:\s+|-))+\p{Lu}|^(?:d|dell|dall|l)['’]\p{Lu}`, 'u');

/**
 * Abbreviated provinces, territories and states that wires print after a city outside the United States
 * (AP's for the states are `isRegionAbbreviation`'s): not any word with a dot (`Jan.`, `Inc.`, `St.`).
 */
const OTHER_ABBREVIATIONS = new Set([
  'P.R.', 'V.I.', 'B.C.', 'Alta.', 'Sask.', 'Man.', 'Ont.', 'Que.', 'N.B.', 'N.S.', 'P.E.I.', 'Nfld.', 'N.L.', 'Y.T.', 'N.W.T.', 'Nvt.', 'Nun.',
  'N.S.W.', 'Vic.', 'Qld.', 'Tas.', 'S.A.', 'W.A.', 'N.T.', 'A.C.T.',
]);
