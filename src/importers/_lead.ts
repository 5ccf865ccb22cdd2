/**
 * The dateline lead of raw copy: the first paragraph's, also one printed alone on its line, and whether
 * what looks like one is a dateline or a sentence that starts with a word in capitals and a dash.
 */
import { lookupCity } from './gazetteer.js';
import { isRegionAbbreviation, isRegionName } from './_regions.js';
import { parseAgencyLine, parseDatelineLead, type DatelineLead } from './lines.js';

export type TextLead = DatelineLead & { reporters?: string };

/**
 * A paragraph's dateline lead, also one printed alone on its line (`WASHINGTON, Feb. 4 (Xinhua) --`), when
 * it is a dateline (`isDateline`).
 */
export function leadOf(b: { text: string }): TextLead | undefined {
  const found = parseDatelineLead(b.text);
  if (found !== undefined) return isDateline(found) ? found : undefined;
  const alone = parseDatelineLead(`${b.text} \u0001`);
  return alone !== undefined && alone.rest === '\u0001' && isDateline({ ...alone, rest: '' }) ? { ...alone, rest: '' } : undefined;
}

/**
 * A lead with a date or an agency (`WASHINGTON, Feb. 4 (Xinhua) --`, `GAZA CITY (AP) —`) is a dateline, as
 * in ninjs and NITF, and so is a Chinese one (`新华社北京2月5日电`, which `parseDatelineLead` reads
 * strictly), one on a city the gazetteer knows (`WASHINGTON — the Senate voted`, `NEW YORK — $5 billion`,
 * `THE HAGUE — van der Berg said`; so `NICE — that is how it ended.` is one on Nice), and one with a
 * region after a city that is no region itself (`PORTLAND, Ore. — the city council voted.`; `US, China —
 * trade talks resumed.` names two countries). Any other, a word in capitals and a dash as China Daily
 * pages print a dateline, is one unless the sentence after it starts with a lower-case Latin letter (a
 * brand's word aside: `eBay`, `iPhone`): `NATO — already stretched …` and `WATCH (video) — the moment …`
 * are sentences, `GLENWHARF — $2 million…` a dateline. (The city need not be known: a town the gazetteer
 * lacks gets a warning asking for its zone.)
 */
export function isDateline(lead: DatelineLead): boolean {
  if (/\p{Script=Han}/u.test(lead.city) || lead.month !== undefined) return true;
  if (lead.agency !== undefined && parseAgencyLine(lead.agency) !== undefined) return true;
  const place = lookupCity(lead.city, lead.region);
  if (place.found || place.reason === 'ambiguous') return true;
  if (lead.region !== undefined && (isRegionAbbreviation(lead.region) || isRegionName(lead.region)) && !isRegionName(lead.city)) return true;
  return !(/^\p{Script=Latin}/u.test(lead.rest) && /^\p{Ll}/u.test(lead.rest) && !/^\p{Ll}+\p{Lu}/u.test(lead.rest));
}
