/**
 * A line like a byline with a bar and no "By" (`Jane Doe | AP`), as some pages print one under the headline.
 * Pages print section labels, bureaus, places and topics in the same form (`Special Report | Reuters`,
 * `Hong Kong | Xinhua`, `White House | AP`), and no list of words tells them all from names, so the text
 * importer does not read it as a byline: it is no headline, and the desk is told to add "By" if it is one
 * (a line whose names are plainly no person's, by the words below, is noted as a line not used).
 */
import { parseByline, type Byline } from './_bylines.js';
import { isBureau, isPublicationName } from './_names.js';
import { parseAgencyLine } from './_agencies.js';
import { isBroadcaster, isPublication } from './_contributors.js';
import { isPlace, isPlaceName } from './_places.js';
import { isRegionName } from './_regions.js';

/** Words of a page's labels and sections, which no person's name of two words is made of (`Breaking News`, `Fact Check`). */
const LABEL_WORDS = new Set([
  'news', 'report', 'reports', 'reporting', 'update', 'updates', 'updated', 'live', 'breaking', 'exclusive', 'interview', 'interviews', 'check', 'fact',
  'facts', 'video', 'videos', 'photo', 'photos', 'picture', 'pictures', 'gallery', 'graphics', 'analysis', 'opinion', 'opinions', 'special', 'feature',
  'features', 'explainer', 'explained', 'market', 'markets', 'business', 'sport', 'sports', 'world', 'latest', 'top', 'stories', 'headlines', 'editorial',
  'commentary', 'politics', 'economy', 'technology', 'tech', 'science', 'health', 'culture', 'entertainment', 'lifestyle', 'travel', 'weather',
  'briefing', 'podcast', 'insight', 'investigation', 'investigations', 'spotlight', 'focus', 'desk', 'bureau', 'staff', 'newsroom', 'wire',
  'international', 'national', 'global', 'regional', 'local', 'metro', 'finance', 'climate', 'sponsored', 'watch', 'alert', 'roundup', 'recap',
  'preview', 'highlights',
]);

/** A section's label alone, of up to three words all a label's (`Opinion`, `World News`, `Business`). */
export function sectionLabel(text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/u);
  return words.length <= 3 && words.every((w) => LABEL_WORDS.has(w.replace(/[.:'’]+$/u, '')));
}

/** The article a masthead opens with, in English, Spanish, French or Italian. */
const MASTHEAD_ARTICLE = /^(?:The|El|La|Le|Les|Los|Las|Il)\s+\p{Lu}/u;

/**
 * A masthead alone on its line (`The Washington Post`, `Financial Times`, `BBC News`, `El País`, `The Hindu`): a
 * paper's name in a form papers take (`isPublication`, after "The" or not), a broadcaster's, or an article and
 * one word. A headline may read so (`Hard Times`): the caller asks only where a masthead stands.
 */
export function mastheadAlone(text: string): boolean {
  const t = text.trim();
  const words = t.split(' ').length;
  if (words > 5 || /[.!?:;,]$/u.test(t)) return false;
  return isPublication(t.replace(/^(?:The|THE) /u, '')) || isBroadcaster(t) || (MASTHEAD_ARTICLE.test(t) && words === 2);
}

/** A name of a byline without "By" that may be a person's: no place, region, bureau or label word (`Breaking News`, `New Delhi`). */
function looksLikePerson(name: string): boolean {
  const text = name.trim();
  if (isPlaceName(text) || isRegionName(text) || isBureau(text)) return false;
  // (A masthead after its article, `The Guardian`, `El País`, `Le Monde`, `La Nación`, is no one's name: QA, El País over
  // its stamp's place was read as the byline.)
  if (MASTHEAD_ARTICLE.test(text)) return false;
  return !text.split(/[\s-]+/u).some((w) => LABEL_WORDS.has(w.toLowerCase().replace(/[.'’]+$/u, '')));
}

/**
 * `Jane Doe | AP`, `Jane Doe | Photos by Tom Hale`: names of two words or more in Latin letters that look
 * like people's (`looksLikePerson`) before the bar, an agency or a credit after it, and nothing else. The
 * caller takes it only where a byline stands (right under the headline; after the stamp, before any other
 * byline and not after a photo link, where it is the photo's credit): `Business News | Reuters` before the
 * headline is the site's.
 */
export function barByline(text: string): Byline | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (/^by\s/iu.test(line) || !/^[^|]+\|[^|]+$/u.test(line)) return undefined;
  const b = parseByline(`By ${line}`);
  if (b === undefined || (b.agency === undefined && b.contributors === undefined)) return undefined;
  const clean = b.publication === undefined && b.titles === undefined && b.notNames === undefined && b.places === undefined && b.surnameFirst === undefined && b.moreSurnameFirst === undefined && b.keptWhole === undefined && b.moreAgencies === undefined && b.withKept === undefined;
  const person = (a: Byline['authors'][number]): boolean => /^\p{Script=Latin}+(?:[ '’.-]+\p{Script=Latin}+)*\.?$/u.test(a.name) && a.name.includes(' ') && looksLikePerson(a.name);
  return clean && b.authors.length > 0 && b.authors.every(person) ? b : undefined;
}

/**
 * `Jane Doe, Reuters`, `JANE DOE, Nikkei staff writer`, `JANE DOE and TOM HALE, Nikkei staff writers`: names of two
 * words or more that look like people's, then a comma and an agency, a title or a publication, and nothing else, as
 * Nikkei Asia prints its byline without "By". A headline reads so too rarely (`Trump, Netanyahu set for talks`
 * names no one of two words); the caller takes it, as a line with a bar, only for no headline, noted.
 */
export function commaByline(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  if (/^by\s/iu.test(line) || !/^[^,]+, [^,]+$/u.test(line) || /[.!?]$/u.test(line)) return false;
  const b = parseByline(`By ${line}`);
  const person = (a: Byline['authors'][number]): boolean => /^\p{Script=Latin}+(?:[ '’.-]+\p{Script=Latin}+)*$/u.test(a.name) && a.name.includes(' ') && looksLikePerson(a.name);
  return b !== undefined && b.authors.length > 0 && b.authors.every(person) && (b.agency !== undefined || (b.titles?.length ?? 0) > 0 || b.publication !== undefined);
}

/**
 * `Jane Roe in Berlin`, `Jane Roe and Tom Reed in Kyiv`: names of two words or more that look like people's,
 * then `in` and a city or region the gazetteer knows, as the Guardian prints its byline above the stamp
 * without "By". A headline reads the same (`Storm Darragh in Cork`), so the caller takes it only for no
 * headline, noted, as a line with a bar.
 */
export function nameInPlace(text: string): boolean {
  const m = /^(.+?) in (\p{Lu}.*)$/u.exec(text.replace(/\s+/g, ' ').trim());
  if (m === null || !(isPlaceName(m[2] ?? '') || isRegionName(m[2] ?? ''))) return false;
  const names = (m[1] ?? '').split(/, | and /u);
  return names.every((n) => /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u.test(n) && looksLikePerson(n));
}

/** A person's name alone on a line (`Jane Doe`): two to four words with capitals that look like a person's. */
export const personAlone = (text: string): boolean => {
  const t = text.replace(/\s+/g, ' ').trim();
  return /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u.test(t) && looksLikePerson(t);
};

/**
 * `BBC News, Doha`, `CNN, Cairo`: a broadcaster and a place, as the BBC prints the line under a byline of a
 * name alone (`Jane Doe`). The outlet and the place, or undefined.
 */
export function outletInPlace(text: string): { outlet: string; place: string } | undefined {
  const m = /^([^,]+), ([^,]+)$/u.exec(text.replace(/\s+/g, ' ').trim());
  const [outlet, place] = [m?.[1] ?? '', m?.[2] ?? ''];
  return m !== null && isBroadcaster(outlet) && isPlace(place) ? { outlet, place } : undefined;
}

/**
 * A publication's credit with the wires' on a line of its own (`The Guardian with agencies`, `Le Monde avec AFP`,
 * `El País con agencias`): the agency (or the wires alone, `Agencies`) and the publication. (QA: the line over
 * the stamp was the headline.) A headline reads so only when its first words are a masthead's.
 */
export function publicationWithAgency(text: string): { publication: string; agency: { name: string; via?: string } } | undefined {
  // (After `Par` or `Por`, as Le Figaro prints it: `Par Le Figaro avec AFP`.)
  const m = /^(?:(?:Par|Por)\s+)?(?<publication>\S.{0,60}?) (?:with|avec|con) (?<agency>\S.{0,40}?)\.?$/u.exec(text.replace(/\s+/g, ' ').trim());
  const publication = m?.groups?.['publication'] ?? '';
  if (m === null || !(MASTHEAD_ARTICLE.test(publication) || isPublicationName(publication) || isBroadcaster(publication))) return undefined;
  const agency = parseAgencyLine((m.groups?.['agency'] ?? '').replace(/^(?:agences|agencias)$/iu, 'Agencies'));
  return agency === undefined ? undefined : { publication, agency };
}
