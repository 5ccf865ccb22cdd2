/**
 * A stamp whose zone abbreviation names several zones (`IST`: India, Israel or Ireland) on a desk whose own
 * zone does not decide it, over a dateline lead whose city's clock uses it (`NEW DELHI, Feb 5 (PTI)`: India's):
 * the city says which it is, as the desk's zone would on a desk there (`DESK_ABBREVIATIONS`). The page is read
 * again with the abbreviation written as the offset it names there, and a note says so.
 */
import { lookupCity } from './gazetteer.js';
import { leadOf } from './_lead.js';
import { cityName } from './_regions.js';
import { AFTER_CLOCK, ambiguousZone, deskMeaning } from './_stamps.js';
import { ambiguousStamp } from './_text-problems.js';

/** How many lines after the stamp the dateline lead is looked for: the story's first paragraph, under a caption or a byline. */
const LEAD_WITHIN = 12;

/** The page with its ambiguous stamps' abbreviation written as the dateline city's offset, and the note; undefined when the city does not decide it. */
export function stampZoneByDateline(text: string, deskZone: string): { text: string; note: string } | undefined {
  // (A page with no such abbreviation at all, most pages refused, is not read again: one pattern over the text.)
  if (!new RegExp(`${AFTER_CLOCK}[A-Z]{3}\\b`).test(text)) return undefined;
  const raw = text.split(/\r\n|\r|\n/);
  const lines = raw.map((t, i) => ({ n: i + 1, text: t.replace(/\s+/g, ' ').trim() }));
  const stamp = ambiguousStamp(lines, deskZone);
  const abbreviation = stamp === undefined ? undefined : ambiguousZone(stamp.text, deskZone);
  if (stamp === undefined || abbreviation === undefined) return undefined;
  const lead = lines.slice(stamp.n, stamp.n + LEAD_WITHIN).map(leadOf).find((l) => l !== undefined);
  if (lead === undefined) return undefined;
  const found = lookupCity(cityName(lead.city), lead.region);
  const offset = found.found ? deskMeaning(abbreviation, found.timezone) : undefined;
  if (!found.found || typeof offset !== 'string') return undefined;
  // Every stamp of the page in that abbreviation (the Hindu prints its first publication under the story).
  const token = new RegExp(`(?<=${AFTER_CLOCK})${abbreviation}\\b`, 'g');
  const read = raw.map((line, i) => (ambiguousStamp([lines[i] ?? { n: 0, text: '' }], deskZone) === undefined ? line : line.replace(token, offset)));
  return { text: read.join('\n'), note: `${abbreviation} names more than one zone: read as the dateline city's (${found.timezone}, ${offset})` };
}
