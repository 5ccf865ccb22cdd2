/**
 * What both importers make of a story once its body is read (the credits are `_credits.ts`'s): the
 * dateline (city, zone from the gazetteer, the printed lead the body need not repeat), the one picture of
 * the record, the reading and comparing of time stamps, the permanent id, and the advice for copy the
 * agency has not released.
 */
import { imageType } from '../core/_media.js';
import { hrefOf } from '../core/_record-urls.js';
import { isLocalDate, localDate, parseDeskTime } from '../core/_dates.js';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { isPermanentId, madeUpScheme } from '../core/ids.js';
import { dropChars, plainText, type Block, type ImageCandidate } from './_blocks.js';
import { squash } from './_tree.js';
import type { Credits } from './_credits.js';
import { lookupCity, regionZone } from './gazetteer.js';
import { ZH_CITIES } from './_zh-cities.js';
import { JA_CITIES, KO_CITIES, RU_CITIES } from './_cjk-ru-cities.js';
import { leadOf, printedLead } from './_lead.js';
import { cityName } from './_regions.js';
import { datelineDate, printedDateline } from './_dateline-lead.js';
import { reporterNames } from './_contributors.js';
import { splitPhotoCredit, withoutCreditMarker } from './_photo-credits.js';
import { contentId } from './record.js';
import type { RecordFieldsOut } from './types.js';

export type DatelineOut = NonNullable<RecordFieldsOut['dateline']>;
type ImageOut = NonNullable<RecordFieldsOut['image']>;

// ----- Copy the agency has not released -----

const TAKE_DOWN = 'if it was imported before, take that record down (draft: true)';
const CANCELED = `the agency has withdrawn this story, so no record is written; ${TAKE_DOWN}`;

/**
 * Statuses under which the agency has pulled a story (NITF management-status, ninjs pubstatus), each with
 * its advice: no record is written, and a copy imported earlier needs a person to take it down.
 */
export const WITHDRAWN: Readonly<Record<string, string>> = {
  withheld: `the agency has withheld this story, so no record is written; ${TAKE_DOWN}`,
  canceled: CANCELED,
  cancelled: CANCELED,
};

/**
 * A line that says the copy is under embargo, or not for publication yet: `EMBARGOED UNTIL 00:01 GMT …`,
 * `Embargoed to 0001 GMT`, `EMBARGO: …`, `Under embargo until …`, `HOLD FOR RELEASE UNTIL …`, `For release at
 * 10 a.m. EST`, `Advance for release Sunday`, `NOT FOR PUBLICATION`. Not a headline that starts with the word
 * (`Embargo on Russian oil takes effect`), nor `FOR IMMEDIATE RELEASE`.
 */
const EMBARGO_WORDS = /^[([*\s]*(?:(?:strictly |under )?embargo(?:ed)?(?:\s*(?:until|till)\b|\s*[)\]*]*\s*$)|(?:strictly )?embargoed\s*(?:[:–—-]|to\b)|hold for release(?:\s*(?:[:–—-]|until\b|at\b|on\b)|\s*$)|for release (?:at|on|until|after|not before)\b|advance for (?:release|use)\b|not for (?:publication|release|broadcast)\b)/iu;
/** In capitals, a colon or a dash after it is the label's (`EMBARGO: 10:00 CET`); in a headline's case, the headline's (`Embargo: what it means`). */
const EMBARGO_LABEL = /^[([*\s]*EMBARGO(?:ED)?\s*[:–—-]/u;
export const embargoLine = (text: string): boolean => EMBARGO_WORDS.test(text) || EMBARGO_LABEL.test(text);

/** What a desk is told of copy under embargo, as a page or terminal copy prints it (the line stays in the copy). */
export const EMBARGOED_COPY = 'no record is written (the next build would publish it); once the embargo is lifted, take that line out of the copy and import it again';

// ----- Datelines -----

const placeKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Whether a lead's city and a dateline's name one city: as printed (`WASHINGTON` and `Washington`), or
 * through the Chinese city table (`_zh-cities.ts`), where a name in either script and its character
 * variants map to one English name (`臺北`, `台北` and `Taipei`; `东京` and `東京`; `華盛頓` and `华盛顿`).
 * (The table's 联合国, which it maps to New York for the zone, is no spelling of 纽约: it is compared as
 * the United Nations, so 联合国 and 聯合國, or UNITED NATIONS, name one place, and 纽约 another.)
 */
function sameCity(printed: string, city: string): boolean {
  if (placeKey(cityName(printed)) === placeKey(city)) return true;
  const english = (name: string): string | undefined => (/^(?:联合国|聯合國)$/u.test(name.trim()) ? 'United Nations' : ZH_CITIES.get(name.trim())?.[0] ?? wireCity(name));
  const a = english(printed);
  const b = english(city);
  if (a === undefined && b === undefined) return false;
  return placeKey(a ?? cityName(printed)) === placeKey(b ?? city);
}

/** A city in the Japanese, Korean or Russian tables (any case, `ВАШИНГТОН` or `Вашингтон`, Ё as Е): the gazetteer's English name, and its country where the tables give one. */
function wireEntry(name: string): readonly [string, string | undefined] | undefined {
  const n = name.trim();
  return JA_CITIES.get(n) ?? KO_CITIES.get(n) ?? RU_CITIES.get(n.toUpperCase().replace(/Ё/gu, 'Е'));
}

const wireCity = (name: string): string | undefined => wireEntry(name)?.[0];

/**
 * A dateline city with its zone from the gazetteer, narrowed by the region or country the copy gives. An
 * unknown or ambiguous city keeps no zone and gets a warning asking for one.
 */
export function resolveDateline(printedCity: string, region: string | undefined, country: string | undefined, file: string, diagnostics: Diagnostic[]): DatelineOut {
  // A city in Japanese, Korean or Russian that the wire leads' tables know (ninjs `located: "서울"`, NITF
  // `<city>Вашингтон</city>`): the gazetteer's English name, as the leads give it (review).
  // (The table first, `ソウル` as `Seoul`, as the lead gives it, but for a name in Han characters alone the
  // gazetteer knows, which Chinese copy prints and its datelines keep: `北京`; the table's country narrows
  // the gazetteer's city when the copy names no region it knows, `Санкт-Петербург` being Russia's, not
  // Florida's: review.)
  const printed = cityName(squash(printedCity));
  const wire = /^\p{Script=Han}+$/u.test(printed) && lookupCity(printed, region).found ? undefined : wireEntry(printed);
  const city = wire?.[0] ?? printed;
  let found = lookupCity(city, region);
  if (!found.found && wire?.[1] !== undefined) found = lookupCity(city, wire[1]);
  // A city given with its state or country in the one name (NewsML-G2's `located` `New York, NY`, ninjs'
  // `Paris, France`, `Springfield, Ill.`): the city, narrowed by what follows its comma, as a printed dateline's
  // region narrows it. (`Washington, D.C.` is the gazetteer's own name, found whole.)
  const comma = found.found ? null : /^([^,]+),\s*([^,]+)$/u.exec(city);
  const split = comma === null ? undefined : lookupCity((comma[1] ?? '').trim(), (comma[2] ?? '').trim());
  if (split?.found === true) found = split;
  const dateline: DatelineOut = { city: split?.found === true ? cityName((comma?.[1] ?? '').trim()) : city };
  // (A country given as its code, NewsML 1's `SWE`: the gazetteer's name for it.)
  const coded = country !== undefined && /^[A-Z]{2,3}$/u.test(country) && found.found;
  const named = country !== undefined && country !== '' && !coded ? country : found.found ? found.country : undefined;
  if (named !== undefined) dateline.country = named;
  if (found.found) dateline.timezone = found.timezone;
  else if (found.reason === 'unknown') {
    // (The warning names the zone of every place the gazetteer knows in its region or country, when they share one:
    // `regionZone`. Dateline does not take it: the desk does.)
    const hint = (region === undefined ? undefined : regionZone(region)) ?? (country === undefined ? undefined : regionZone(country));
    const within = region !== undefined && regionZone(region) !== undefined ? region : country;
    diagnostics.push(diagnostic(Errors.ImportDatelineZone, { file, field: 'dateline.timezone' }, unknownCity(JSON.stringify(city), within, hint)));
  } else {
    const detail = `dateline city ${JSON.stringify(city)} names places in different time zones (${found.candidates.join('; ')}): add "dateline.timezone" (an IANA zone) to the record`;
    diagnostics.push(diagnostic(Errors.ImportDatelineZone, { file, field: 'dateline.timezone' }, detail));
  }
  return dateline;
}

/**
 * What the warning says of a dateline city the gazetteer lacks (`shown`, quoted): that its zone is unknown, and
 * the one zone of the places it knows in the region or country printed with it, where they share one (`hint`):
 * the zone the desk most likely gives, never taken for it.
 */
export function unknownCity(shown: string, region: string | undefined, hint: { timezone: string } | undefined): string {
  const known = hint === undefined || region === undefined ? '' : ` (every place it knows in ${JSON.stringify(region)} is in ${hint.timezone})`;
  return `dateline city ${shown} is not in the gazetteer, so its time zone is unknown: add "dateline.timezone" (an IANA zone) to the record${known}`;
}

/** What a CMS writes where it knows no place (IPTC's sample `No-Data-Available`, `N/A`, `Unknown`): no city. */
const NO_PLACE = /^(?:no[-_ ]?data(?:[-_ ]available)?|n\/?a|none|unknown|not (?:available|applicable)|tbd|tba|null|undefined|[-–—?]+)$/iu;

/**
 * A located place's name as a dateline's city, or '' for one that is none, noted: a placeholder
 * (`No-Data-Available`), or the name of one of the story's authors (Superdesk's ninjs locating a story at
 * `Aaron J. Staples, Michigan`, its byline: the byline's name was the dateline city).
 */
export function locatedCity(city: string, authors: readonly string[], what: string, notes: string[]): string {
  const name = squash(city);
  if (name === '') return '';
  if (NO_PLACE.test(name)) {
    notes.push(`${what} ${JSON.stringify(name)} names no place: not used`);
    return '';
  }
  if (authors.some((a) => squash(a).toLowerCase() === name.toLowerCase())) {
    notes.push(`${what} ${JSON.stringify(name)} is the byline's name, no place: not used`);
    return '';
  }
  return city;
}

/**
 * The dateline of structured copy: the city it locates (NewsML-G2's `located`, with the region and country it is
 * within), else the city its printed dateline names (NewsML-G2's `dateline`, AP's `apcm:DateLine`: `WASHINGTON,
 * Feb. 4`), whose date and agency it keeps. A printed dateline naming another city than the one located gives
 * no date, noted.
 */
export function placedDateline(located: { city: string; region?: string; country?: string }, printed: string, published: Timed, credits: Credits, notes: string[], file: string, diagnostics: Diagnostic[]): DatelineOut | undefined {
  const { lead, city: printedCity } = printedDateline(printed);
  let { region } = located;
  let city = locatedCity(located.city, credits.authors, 'located', notes);
  const { country } = located;
  if (city === '') {
    city = printedCity;
    region = lead?.region;
  } else if (printedCity !== '' && lead !== undefined && squash(lead.city).toLowerCase() !== city.toLowerCase()) {
    notes.push(`the printed dateline ${JSON.stringify(printed)} names another city than located ${JSON.stringify(city)}: its date is not used`);
    return resolveDateline(city, region ?? country, country, file, diagnostics);
  }
  if (city === '') {
    if (printed !== '') notes.push(`dateline ${JSON.stringify(printed)} names no city: not used`);
    return undefined;
  }
  const dateline = resolveDateline(city, region ?? country, country, file, diagnostics);
  if (lead?.agency !== undefined) credits.agency(lead.agency, 'the dateline lead');
  if (lead?.day !== undefined) {
    const d = datelineDay(lead.month, lead.day, published, dateline.timezone, notes, lead.printedDate, lead.year);
    if (d !== undefined) dateline.date = d;
  }
  return dateline;
}

/**
 * The dateline printed at the head of the body, when the structured copy gives none (no ninjs `located`,
 * no NITF `<dateline>`), read as the text importer reads it (`leadOf`): the lead goes, its agency and date
 * are kept. `DENVER (AP) —`, `WASHINGTON, Feb. 4 --`, `PARIS — The museums …` are datelines;
 * `NICE — that is how …`, `MOBILE — phone sales fell` and `NATO — already stretched …` sentences.
 */
export function leadDateline(blocks: Block[], published: Timed, credits: Credits, notes: string[], file: string, diagnostics: Diagnostic[]): DatelineOut | undefined {
  const first = blocks[0];
  const lead = first?.kind === 'p' ? leadOf({ text: plainText(first.inline) }) : undefined;
  if (lead === undefined) return undefined;
  const dateline = resolveDateline(lead.city, lead.region, undefined, file, diagnostics);
  takeDuplicateLead(blocks, dateline, published, credits, notes);
  notes.push(`dateline read from the body's first paragraph (the copy gives none): ${JSON.stringify(lead.city)}`);
  return dateline;
}

/**
 * Whether a lead's region makes its city another place of the same name than the structured dateline's
 * (`LONDON, Ontario (AP) —` under located 伦敦 or London, a city in England): the gazetteer puts the city
 * with that region in another zone, or knows the region and no such city in it. A region that
 * agrees (`WASHINGTON, D.C.` under Washington) or that the gazetteer does not know is no sign.
 */
function otherPlace(city: string, region: string | undefined, dateline: DatelineOut): boolean {
  if (region === undefined || dateline.timezone === undefined) return false;
  const there = lookupCity(cityName(city), region);
  const anywhere = lookupCity(cityName(city));
  if (!there.found) return there.reason === 'unknown' && anywhere.found;
  // (The zone only: a structured country may be a code, GB beside United Kingdom.)
  return there.timezone !== dateline.timezone;
}

/**
 * A heading or paragraph opening the body that is the headline again (as a CMS's content repeats its title in
 * an `<h1>`): taken off, noted. Compared as text, in any case, without a closing full stop.
 */
export function withoutRepeatedHeadline(blocks: Block[], title: string, notes: string[]): void {
  const first = blocks[0];
  const text = first?.kind === 'h' ? first.text : first?.kind === 'p' ? plainText(first.inline) : undefined;
  const key = (t: string): string => squash(t).replace(/[.。]$/u, '').toLowerCase();
  if (text === undefined || key(text) !== key(title) || key(title) === '') return;
  blocks.shift();
  notes.push(`the body's first ${first?.kind === 'h' ? 'heading' : 'paragraph'} repeats the headline: left out`);
}

/**
 * The story's dateline: the one its structured fields give, the lead that repeats it taken off the body
 * (`takeDuplicateLead`); else the one the body's first paragraph prints (`leadDateline`), if any.
 */
export function storyDateline(structured: DatelineOut | undefined, blocks: Block[], published: Timed, credits: Credits, notes: string[], file: string, diagnostics: Diagnostic[]): DatelineOut | undefined {
  if (structured === undefined) return leadDateline(blocks, published, credits, notes, file, diagnostics);
  // A lead printed for another city than the one given is the dateline the story's readers see (Reuters' NewsML-G2
  // locates some stories at its Bangalore desk, over `DAMASCUS (Reuters) -`): kept beside the one given, the build
  // printed both (`BANGALORE, July 16 -- DAMASCUS (Reuters) - …`). The printed one is the dateline, noted; where the
  // gazetteer lacks its zone, the record gives none and the lead stays in the body.
  const first = blocks[0];
  const lead = first?.kind === 'p' ? printedLead(plainText(first.inline)) : undefined;
  if (lead !== undefined && (!sameCity(lead.city, structured.city) || otherPlace(lead.city, lead.region, structured))) {
    const found: Diagnostic[] = [];
    const printed = resolveDateline(lead.city, lead.region, undefined, file, found);
    const given = JSON.stringify(structured.city);
    const shown = JSON.stringify(lead.region === undefined ? lead.city : `${lead.city}, ${lead.region}`);
    // (A warning about the city given, which is not the dateline, goes.)
    for (let k = diagnostics.length - 1; k >= 0; k--) {
      const d = diagnostics[k] as Diagnostic;
      if (d.code === Errors.ImportDatelineZone.code && d.message.startsWith(`dateline city ${given} `)) diagnostics.splice(k, 1);
    }
    if (printed.timezone === undefined) {
      notes.push(`the story prints the dateline ${shown}, not ${given} as given, and the gazetteer lacks its zone: the record gives no dateline, and the printed one stays in the body`);
      return undefined;
    }
    notes.push(`the story prints the dateline ${shown}, not ${given} as given: the printed one is the dateline`);
    takeDuplicateLead(blocks, printed, published, credits, notes);
    return printed;
  }
  takeDuplicateLead(blocks, structured, published, credits, notes);
  return structured;
}

/**
 * If the first paragraph opens with a printed dateline for the same city as the structured one
 * (`WASHINGTON, Feb. 4 (Xinhua) --`; `中央社台北20日電` under `located` 臺北 or Taipei: `sameCity`), the lead is taken out so the build does not print it twice. What
 * it says that the fields lack (the agency, the date) is kept in the fields.
 */
export function takeDuplicateLead(blocks: Block[], dateline: DatelineOut, published: Timed, credits: Credits, notes: string[]): void {
  const first = blocks[0];
  if (first?.kind !== 'p') return;
  const plain = plainText(first.inline);
  // (Also a lead alone on its line: `WASHINGTON, Feb. 4 (Xinhua) --`.)
  const lead = printedLead(plain);
  if (lead === undefined) return;
  if (!sameCity(lead.city, dateline.city)) {
    notes.push(`the first paragraph opens with the dateline ${JSON.stringify(lead.city)}, not ${JSON.stringify(dateline.city)}: kept in the body`);
    return;
  }
  if (otherPlace(lead.city, lead.region, dateline)) {
    notes.push(`the first paragraph opens with the dateline ${JSON.stringify(`${lead.city}, ${lead.region ?? ''}`)}, not ${JSON.stringify(dateline.city)}: kept in the body`);
    return;
  }
  notes.push(...(lead.notes ?? []));
  if (lead.agency !== undefined) credits.agency(lead.agency, 'the dateline lead');
  // Reporters named in the lead (`新华社北京2月5日电（记者孙静）`) are authors, after those a byline or a
  // signature named, as the text importer credits them: a credit is never dropped.
  if (lead.reporters !== undefined) credits.authors.push(...reporterNames(lead.reporters).filter((n) => !credits.authors.includes(n)));
  if (dateline.date === undefined && lead.day !== undefined) {
    const d = datelineDay(lead.month, lead.day, published, dateline.timezone, notes, lead.printedDate, lead.year);
    if (d !== undefined) dateline.date = d;
  }
  const rest = dropChars(first.inline, plain.length - plain.trimStart().length + (plain.trim().length - lead.rest.length));
  if (rest.length > 0) first.inline = rest;
  else blocks.shift();
}

/**
 * The date of a dateline's month and day (`WASHINGTON, Dec. 20`), as all three importers read it: the
 * latest such day on or before the first publication's day at the dateline city (`datelineDate`); where
 * the city's zone is unknown, on or before the latest day anywhere at that instant (UTC+14). A day more
 * than two weeks before is kept, with a note to check it; a day not in the year up to then (Feb. 29 of
 * a year that has none) or in no year (Feb. 30) is not used, with a note.
 */
export function datelineDay(printedMonth: number | undefined, day: number, first: Timed, zone: string | undefined, notes: string[], asPrinted?: string, printedYear?: number): string | undefined {
  // A day printed without its month (`中央社台北20日電`): the month that day falls in on or before the first
  // publication there, or at most two days after it, as a month and day are read.
  // (Without an instant, the last day is already two days after the day as written: none more. Review.)
  const month = printedMonth ?? monthOfDay(day, lastDatelineDay(first, zone), first.instant === undefined ? 0 : 2);
  // (Quoted as the lead prints it where it is English, `9 November`: "11/9" would read as September to some desks.)
  const printed = JSON.stringify(asPrinted ?? (printedMonth === undefined ? `${day}` : `${month}/${day}`));
  const any = new Date(Date.UTC(2000, month - 1, day)); // (2000 has a Feb. 29)
  if (any.getUTCMonth() !== month - 1 || any.getUTCDate() !== day) {
    notes.push(`dateline date is not a calendar date, not used: ${printed}`);
    return undefined;
  }
  const last = lastDatelineDay(first, zone);
  const where = zone === undefined ? 'anywhere' : 'there';
  // A year printed too (`Feb. 4, 2025`) gives the date whole: as printed, with a note where it is not the
  // day a month and day alone would be read as (a story published again a year on), or is a day that year lacks.
  if (printedYear !== undefined) return printedDate(printedYear, month, day, last, where, printed, notes);
  const date = datelineDate(month, day, last);
  if (date === undefined) {
    notes.push(`dateline date ${printed} is no day of the year up to the first publication ${where} (${last}), not used: check the copy`);
    return undefined;
  }
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  if (days > DATELINE_DAYS_BEFORE) notes.push(`dateline date ${printed} is read as ${date}, ${days} days before the first publication ${where} (${last}): check it`);
  return date;
}

/** `datelineDay`'s date of a year, month and day printed in full. */
function printedDate(year: number, month: number, day: number, last: string, where: string, printed: string, notes: string[]): string | undefined {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  if (d.getUTCMonth() !== month - 1) {
    notes.push(`dateline date ${printed} is not a calendar date, not used`);
    return undefined;
  }
  const date = d.toISOString().slice(0, 10);
  const read = datelineDate(month, day, last);
  if (date !== read) notes.push(`dateline date ${printed} is kept as printed (${date}), not the latest such day up to the first publication ${where} (${last}): check it`);
  return date;
}

/**
 * The month of a day printed alone (`20日`): the month of `last` or of the `ahead` days after it when one
 * of them is that day (a 1st printed on Dec. 31 is January's: the desk's day, a day ahead of the city), else
 * `last`'s month when the day is in it before `last`, else the latest month before it that has the day (a
 * 31st printed on May 1 is March's).
 */
function monthOfDay(day: number, last: string, ahead: number): number {
  const [y, m, d] = [Number(last.slice(0, 4)), Number(last.slice(5, 7)), Number(last.slice(8, 10))];
  // (The year's place in the 400-year cycle of leap years: Date.UTC reads years below 100 as 19xx.)
  const cycle = 2000 + (y % 400);
  for (let after = 0; after <= ahead; after++) {
    const near = new Date(Date.UTC(cycle, m - 1, d + after));
    if (near.getUTCDate() === day) return near.getUTCMonth() + 1;
  }
  const has = (month: number): boolean => new Date(Date.UTC(cycle, month - 1, day)).getUTCDate() === day;
  if (has(m) && day <= d) return m;
  for (let back = 1; back < 12; back++) {
    const month = ((m - 1 - back + 12) % 12) + 1;
    if (has(month)) return month;
  }
  return m;
}

/** How many days before its first publication a dateline may name without a note. */
const DATELINE_DAYS_BEFORE = 14;

/** The last day a dateline may name: the first publication's day at the city, or the latest day anywhere then. */
function lastDatelineDay(first: Timed, zone: string | undefined): string {
  if (first.instant !== undefined) return localDate(first.instant, zone ?? 'Etc/GMT-14');
  // (No instant: a wall-clock time read nowhere. The day as written, and the two days that may be ahead of it somewhere.)
  const d = new Date(`${first.value.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 2);
  return d.toISOString().slice(0, 10);
}

// ----- Pictures -----

/** The record's picture: the first one; caption and credit split when the caption carries the credit. */
export function pickImage(given: ImageCandidate[], notes: string[], storyUrl?: string): ImageOut | undefined {
  // (Its address but for a fragment, as the build compares them.)
  const bare = (u: string): string => u.trim().replace(/#.*$/s, '').replace(/\?$/, '');
  // A URL the build would refuse (`: `, `| https://…`: fuzzing) is no picture's: noted, the caption and credit kept.
  const images = given.map((i): ImageCandidate => {
    // (Nor a fragment alone, `#x202e;…`, which names the story's own page, nor the story's page itself, a feed's
    // link given as its picture's too: fuzzing.)
    const self = i.url !== undefined && storyUrl !== undefined && bare(i.url) === bare(storyUrl);
    if (i.url === undefined || (!self && typeof hrefOf(i.url, 'https://example.invalid/') === 'string' && !i.url.trim().startsWith('#'))) return i;
    notes.push(`picture URL ${JSON.stringify(i.url)} is ${self ? 'the story\'s own page' : 'no URL a record takes'}: not used`);
    const rest = { ...i };
    delete rest.url;
    return rest;
  // (What is left of one that said nothing else, its type or size, is no picture.)
  }).filter((i) => i.url !== undefined || i.caption !== undefined || i.credit !== undefined || i.alt !== undefined);
  // The first picture the copy gives; one it only describes (a caption and credit without a URL) when
  // it gives none.
  const found = images.find((i) => i.url !== undefined) ?? images[0];
  if (found === undefined) return undefined;
  // The same picture given again fills in what the first gave not (a feed's media:content its size, the
  // body's figure its caption).
  const first: ImageCandidate = { ...found };
  for (const o of images) {
    if (o === found || o.url === undefined || o.url !== first.url) continue;
    for (const k of ['caption', 'credit', 'type', 'width', 'height', 'alt'] as const) if (first[k] === undefined && o[k] !== undefined) Object.assign(first, { [k]: o[k] });
  }
  for (const o of images) {
    if (o === found) continue;
    // (Two pictures without a URL are two pictures: only a URL says it is the same one.)
    if (o.url !== first.url || o.url === undefined) notes.push(`another picture${o.url === undefined ? '' : ` ${o.url}`}${o.caption === undefined ? '' : ` (${JSON.stringify(o.caption)})`}${o.credit === undefined ? '' : ` credited ${JSON.stringify(o.credit)}`}: a record has one`);
    else if (o.caption !== undefined && o.caption !== first.caption) notes.push(`the same picture again, captioned ${JSON.stringify(o.caption)}: the first caption is kept`);
  }
  const image: ImageOut = first.url === undefined ? {} : { url: first.url };
  let caption = first.caption ?? first.alt;
  // (A credit given with its marker, `Photograph: Jane Doe/Reuters`: the credit.)
  let credit = first.credit === undefined ? undefined : withoutCreditMarker(first.credit);
  if (caption !== undefined) {
    const split = splitPhotoCredit(caption);
    if (split !== undefined && (credit === undefined || placeKey(split.credit) === placeKey(credit))) {
      caption = split.caption;
      credit = split.credit;
    }
  }
  // (A caption that ends with the credit given apart, `… on Tuesday. Lin Qiao/Partner Daily`, as a body's figure prints it.)
  if (caption !== undefined && credit !== undefined && caption.length > credit.length && caption.endsWith(credit) && /[\s.]$/u.test(caption.slice(0, -credit.length))) caption = caption.slice(0, -credit.length).trim();
  if (caption !== undefined && caption !== '') image.caption = caption;
  if (credit !== undefined && credit !== '') image.credit = credit;
  // (A type the build takes: ninjs' `image/jpg` is `image/jpeg`, and `application/octet-stream` no image's.)
  const type = first.type === undefined ? undefined : imageType(first.type);
  if (type !== undefined) image.type = type;
  if (first.width !== undefined) image.width = first.width;
  if (first.height !== undefined) image.height = first.height;
  return image;
}

/** Picture types a reader shows. */
const WEB_IMAGE = /^image\/(?:jpeg|png|gif|webp|avif)$/i;

/**
 * Of a picture's renditions (ninjs', NewsML-G2's), the one to use: the largest (width × height) of those a reader
 * shows (a type of none said, or JPEG, PNG, GIF, WebP, AVIF), else the largest of all.
 */
export function largestRendition<T>(renditions: readonly T[], type: (r: T) => string | undefined, size: (r: T) => number): T | undefined {
  const web = renditions.filter((r) => type(r) === undefined || WEB_IMAGE.test(imageType(type(r) ?? '') ?? ''));
  return [...(web.length > 0 ? web : renditions)].sort((x, y) => size(y) - size(x))[0];
}

// ----- Time stamps and ids -----

/** A stamp as the three importers compare them: its value as a record holds it, and the instant it names. */
export interface Timed {
  value: string;
  /** False for a date alone. */
  hasTime: boolean;
  /** Undefined for a date alone, or a wall-clock time the zone skips or repeats. */
  instant?: Date;
}

export interface RecordStamp extends Timed {
  /** As a record holds it: an instant with its offset, or desk wall-clock time in the publisher zone. */
  value: string;
  /** The calendar date as written. */
  date: string;
  hasTime: boolean;
  /** True when the stamp carried an offset or Z. */
  offset: boolean;
  /** Undefined for a date alone, or a wall-clock time the zone skips or repeats. */
  instant?: Date;
}

const STAMP = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * NITF norm dates (`20250205T092400+0800`, `…Z`, `20250205T092400`, `20250205`) and ISO 8601 stamps
 * (`2025-02-05T09:24:00.000+08:00`). A time with an offset is kept as that instant
 * (`2025-02-05T09:24:00+08:00`); a time without one is wall-clock time in `zone` (`2025-02-05 09:24`).
 */
export function readStamp(raw: string, zone: string): RecordStamp | undefined {
  const m = STAMP.exec(raw.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, off] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isLocalDate(date)) return undefined;
  if (h === undefined) return off === undefined ? { value: date, date, hasTime: false, offset: false } : undefined;
  let value: string;
  if (off === undefined) value = `${date} ${h}:${mi}${s === undefined || s === '00' ? '' : `:${s}`}`;
  else {
    const digits = off.toUpperCase() === 'Z' ? 'Z' : off.replace(':', '');
    value = `${date}T${h}:${mi}:${s ?? '00'}${digits === 'Z' ? 'Z' : `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`}`;
  }
  const t = parseDeskTime(value, zone);
  if (!t.ok && t.problem === 'format') return undefined;
  const stamp: RecordStamp = { value, date, hasTime: true, offset: off !== undefined };
  if (t.ok) stamp.instant = t.instant;
  return stamp;
}

/** Where a stamp of the copy is, as a diagnostic names it. */
type Where = { file: string; line?: number | undefined; field: string };

/**
 * The first publication, update and embargo of copy stamped as IPTC's item models stamp it (NewsML-G2's
 * `firstCreated`, `versionCreated` and `embargoed`; ninjs's same fields, lowercased): `first` is the first
 * publication (`version` when it is the only one), a later `version` the update, and an embargo that has not
 * passed by either makes a draft dated when it lifts (`embargoFields`). A stamp that is none, or a wall-clock
 * time the site's zone skips or repeats (which names no instant), is refused where it is; copy with neither
 * stamp is refused (`missing`: what it lacks, in the format's words).
 */
export function createdStamps(
  raw: { first?: string | undefined; version?: string | undefined; embargoed?: string | undefined },
  names: { first: string; version: string; embargoed: string },
  where: (name: string) => Where,
  missing: string,
  zone: string,
  notes: string[],
): { published: RecordStamp; fields: Pick<RecordFieldsOut, 'date' | 'updated' | 'draft'> } | { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const stamps: { first?: RecordStamp; version?: RecordStamp } = {};
  for (const key of ['first', 'version'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    const stamp = readStamp(value, zone);
    // (A wall-clock time the site's zone skips or repeats names no instant: refused, as text copy's is.)
    const clock = stamp === undefined ? undefined : clockError(stamp, zone, where(names[key]), value);
    if (stamp === undefined || !stamp.hasTime) diagnostics.push(diagnostic(Errors.DateFormat, where(names[key]), value));
    else if (clock !== undefined) diagnostics.push(clock);
    else stamps[key] = stamp;
    noteLocalStamp(names[key], value, stamp, zone, notes);
  }
  // An embargo's wall-clock time the zone skips or repeats names no instant either: the story could not be
  // dated when it lifts.
  const until = raw.embargoed === undefined ? undefined : readStamp(raw.embargoed, zone);
  const embargoClock = until === undefined || raw.embargoed === undefined ? undefined : clockError(until, zone, where(names.embargoed), raw.embargoed);
  if (embargoClock !== undefined) diagnostics.push(embargoClock);
  if (diagnostics.length > 0) return { diagnostics };
  const published = stamps.first ?? stamps.version;
  if (published === undefined) return { diagnostics: [diagnostic(Errors.ImportNoDate, where(names.first), missing)] };
  if (stamps.first === undefined) notes.push(`no ${names.first}: the first publication is ${names.version}`);
  const fields: Pick<RecordFieldsOut, 'date' | 'updated' | 'draft'> = { date: published.value };
  if (stamps.first !== undefined) {
    const updated = laterStamp(stamps.first, stamps.version, notes, names.version);
    if (updated !== undefined) fields.updated = updated;
  }
  if (raw.embargoed !== undefined) embargoFields(raw.embargoed, published, stamps.version, zone, fields, notes);
  return { published, fields };
}

/**
 * An embargo (ninjs `embargoed`, NewsML-G2 `itemMeta/embargoed`): the time before which the story must not
 * appear. Without a clock we cannot tell whether it has passed, unless the copy itself was created after
 * it; otherwise the record is written as a draft.
 */
function embargoFields(raw: string, published: RecordStamp, version: RecordStamp | undefined, zone: string, fields: Pick<RecordFieldsOut, 'date' | 'updated' | 'draft'>, notes: string[]): void {
  const until = readStamp(raw, zone);
  const newest = [published, version].flatMap((s) => (s?.instant === undefined ? [] : [s.instant.getTime()]));
  if (until?.instant !== undefined && newest.some((t) => t >= (until.instant as Date).getTime())) return;
  fields.draft = true;
  // Published when the embargo lifts, not when the copy was created: the feeds date it then (and a
  // dateline of the embargo's day is no longer after the first publication).
  if (until?.instant !== undefined && published.instant !== undefined && until.instant.getTime() > published.instant.getTime()) {
    notes.push(`dated ${until.value}, when the embargo lifts (created ${fields.date}): change "date" if the story goes out later`);
    fields.date = until.value;
    const updated = fields.updated === undefined ? undefined : readStamp(fields.updated, zone)?.instant;
    if (fields.updated !== undefined && (updated === undefined || updated.getTime() <= until.instant.getTime())) delete fields.updated;
  }
  notes.push(`embargoed until ${raw.trim()}: written as a draft; remove "draft: true" once the embargo is lifted`);
}

/**
 * Notes a stamp with a time but no UTC offset, which the formats' own rules do not foresee (ninjs wants
 * RFC 3339) or leave to the sender (NITF): it is read as wall-clock time in the site's zone, and the desk
 * should know that this was a reading, not what the copy said.
 */
export function noteLocalStamp(name: string, raw: string, stamp: RecordStamp | undefined, zone: string, notes: string[]): void {
  if (stamp?.hasTime === true && !stamp.offset) notes.push(`${name} ${JSON.stringify(raw)} has no UTC offset: read as wall-clock time in the site's zone (${zone})`);
}

/** `later` as the record's `updated` when it is after `first`; an earlier or equal one is no correction. */
export function laterStamp(first: Timed, later: Timed | undefined, notes: string[], name: string): string | undefined {
  if (later === undefined || !later.hasTime) return undefined;
  if (first.instant === undefined || later.instant === undefined) {
    notes.push(`${name} ${JSON.stringify(later.value)} cannot be compared with the first publication: not used`);
    return undefined;
  }
  if (later.instant.getTime() > first.instant.getTime()) return later.value;
  // Earlier than the first publication: the copy contradicts itself, and the desk should know. (Not an
  // update printed to the minute within the first publication's minute: 09:24 after 09:24:30.)
  const sameMinute = !/\d:\d\d:\d\d/.test(later.value) && first.instant.getTime() - later.instant.getTime() < 60_000;
  if (later.instant.getTime() < first.instant.getTime() && !sameMinute) notes.push(`${name} ${JSON.stringify(later.value)} is earlier than the first publication: not used`);
  return undefined;
}

/**
 * The error for a wall-clock stamp (no offset) at a time `zone` skips or repeats, naming both instants of
 * a repeated one: the copy does not say which it means, and a record cannot carry the time (the build
 * would refuse it), so the import refuses it, whichever importer reads it and however the zone is named.
 */
export function clockError(stamp: Timed, zone: string, where: { file: string; line?: number | undefined; field: string }, written = stamp.value): Diagnostic | undefined {
  if (!stamp.hasTime || stamp.instant !== undefined) return undefined;
  const t = parseDeskTime(stamp.value, zone);
  if (t.ok || t.problem === 'format') return undefined;
  // (The message quotes the value as the file has it, `20251102T013000`, so the desk can find it.)
  return t.problem === 'nonexistent'
    ? diagnostic(Errors.DateNonexistent, where, written.trim(), zone, t.earlier)
    : diagnostic(Errors.DateAmbiguous, where, written.trim(), zone, t.candidates);
}

/** The copy's own id when it is usable as a permanent key, else one derived from the content. */
export function permanentId(own: string | undefined, name: string, title: string, date: string, zone: string, notes: string[]): string {
  if (own !== undefined && own !== '') {
    // (A partner's id in a scheme no one gives ids out in, YouTube's `yt:video:…`, Podlove's `podlove-2013-…:…`:
    // the build would carry it as it is, the partner's, and warn of it (W_ID_SCHEME) on every record. Its colons
    // as hyphens make it a plain id, which the site's prefix makes the site's: the same for the same item.)
    const scheme = isPermanentId(own) ? madeUpScheme(own) : undefined;
    if (scheme !== undefined) {
      const plain = own.replace(/:/gu, '-');
      notes.push(`${name} ${JSON.stringify(own)} is a URI in a scheme no one gives ids out in ("${scheme}:"): the id is ${JSON.stringify(plain)}, which the site's prefix makes its own`);
      return plain;
    }
    if (isPermanentId(own)) return own;
    notes.push(`${name} ${JSON.stringify(own)} has spaces or control characters: the id is derived from the content instead`);
  }
  return contentId(title, date, zone);
}
