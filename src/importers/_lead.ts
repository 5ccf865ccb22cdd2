/**
 * The dateline lead of raw copy: the first paragraph's, also one printed alone on its line, and whether
 * what looks like one is a dateline or a sentence that starts with a word in capitals and a dash.
 */
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
 * strictly). One with neither, a city and a dash as China Daily pages print it (`WASHINGTON — Benjamin
 * …`), only with the story's sentence after it, a capital, a digit, a quote or a brand's word (`eBay`,
 * `iPhone`) first (or alone on its line): `NATO — already stretched …`, `NICE — that is how it ended.`, `US, China — trade talks resumed.`
 * are sentences. (The city need not be known: a town the gazetteer lacks gets a warning asking for its
 * zone. So `NICE — The mayor said …` is a dateline on Nice, as `PARIS — The museums …` is one on Paris.)
 */
export function isDateline(lead: DatelineLead): boolean {
  if (/\p{Script=Han}/u.test(lead.city) || lead.month !== undefined) return true;
  if (lead.agency !== undefined && parseAgencyLine(lead.agency) !== undefined) return true;
  return lead.rest === '' || /^["'“‘«(]?(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu})/u.test(lead.rest);
}
