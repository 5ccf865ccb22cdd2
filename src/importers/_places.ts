/**
 * Places in credits: a city the gazetteer knows, a state, province, country or world region after a
 * byline's comma (`By Li Wen, Beijing`, `By Jane Doe, Texas`, `Washington, D.C.`), and the given names
 * that are places too (`Lee, Georgia`, `Smith, Jordan`), which a name written surname first may have.
 * Shared by the bylines of text (`_bylines.ts`) and the persons of NITF (`_person.ts`).
 */
import { lookupCity } from './gazetteer.js';
import { isRegionName } from './_regions.js';

/** A byline part that is a city, not a person (`By Li Wen, Beijing`): a name the gazetteer knows. */
export function isPlaceName(part: string): boolean {
  const found = lookupCity(part.trim());
  return found.found || found.reason === 'ambiguous';
}

const WORLD_REGION = /^(?:Europe|Asia|Africa|the Americas|North America|South America|Latin America|Central America|the Middle East|Middle East|Oceania|Asia[- ]Pacific|the Caribbean|Caribbean|the Gulf|Gulf)$/u;

/** A place after a comma: a city the gazetteer knows, or a state, country or region (`Texas`, `D.C.`, `Europe`). */
export const isPlace = (part: string): boolean => isPlaceName(part) || isRegionName(part) || WORLD_REGION.test(part.trim());

/** Given names that are also a country's, a state's or a region's (`Smith, Jordan`). */
const PLACE_GIVEN_NAMES = new Set(['Jordan', 'Georgia', 'India', 'Asia', 'Israel', 'Chad', 'Kenya', 'Virginia', 'Carolina', 'Dakota', 'Sierra', 'America', 'Africa', 'Europa', 'Florida', 'Montana', 'Nevada', 'Victoria', 'Tasmania', 'Lorraine', 'Normandy', 'Brittany', 'Iran', 'Oman', 'Cuba', 'Malaysia', 'Zaire']);

/**
 * After a surname written first, a place that may not be turned round into the given name: a city the
 * gazetteer knows (`Doe, Florence`, `Doe, Victoria`: the city is as likely as the name), or a state,
 * country or region that is no given name too (`Doe, Texas`; not `Lee, Georgia`, `Smith, Jordan`).
 */
export const isPlaceNotGivenName = (given: string): boolean => isPlaceName(given) || (isPlace(given) && !PLACE_GIVEN_NAMES.has(given.trim()));
