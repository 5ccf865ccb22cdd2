/**
 * What both importers make of a story once its body is read: the credits (bylines, agency, contributors),
 * the dateline (city, zone from the gazetteer, the printed lead the body need not repeat), the one picture
 * of the record, the reading and comparing of time stamps, the permanent id, and the advice for copy the
 * agency has not released.
 */
import { isLocalDate, parseDeskTime } from '../core/_dates.js';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { isPermanentId } from '../core/ids.js';
import { dropChars, plainText, type Block, type ImageCandidate } from './_blocks.js';
import { squash, unique } from './_tree.js';
import { agencyOfJob, agencyOfPublication, isBureau, isJobPhrase, isLoneInitial, isModifierOnly, isPublicationName, JOB_TITLE, keptWhole, keptWholeNote, looksLikeName, nameAndAgency, nameCase, surnameFirst, surnameFirstThenPlace } from './_bylines.js';
import { isPostNominal, nameSuffix, withSuffix } from './_suffix.js';
import { personWithComma } from './_person.js';
import { isPlace } from './_places.js';
import { lookupCity } from './gazetteer.js';
import { leadOf, printedLead } from './_lead.js';
import { agenciesNamed, agencyKey, besidesAuthors, cityName, datelineDate, parseAgencyLine, parseContributorLine, reporterNames, splitPhotoCredit } from './lines.js';
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

// ----- Credits -----

/** How an agency ranks by where it is named (lower first): the copy's own fields, a line closing the story, the byline, the lead. */
const RANK: Readonly<Record<string, number>> = { infosource: 0, 'the credit line': 0, distributor: 0, 'the dateline lead': 3 };
const RANK_AT_END = 1;
const RANK_BYLINE = 2;

/** Collects bylines, the agency and contributors as they are found, and writes them into the fields once. */
export class Credits {
  authors: string[] = [];
  contributors: { name: string; location?: string; role?: string }[] = [];
  private agencyValue: { name: string; via?: string } | undefined;
  /** Where the agency was named (`source`), and how that ranks (`RANK`). */
  private agencyFrom = { source: '', rank: 0 };
  /** Set while the lines closing the story are read (`atEnd`). */
  private closing = false;

  constructor(private readonly notes: string[]) {}

  /** Reads the lines closing the story (`_closing.ts`): an agency they name outranks the byline's. */
  atEnd(read: () => void): void {
    this.closing = true;
    try {
      read();
    } finally {
      this.closing = false;
    }
  }

  /**
   * The agency. Of two agencies, the one named where it ranks higher (`RANK`: the copy's own fields, then a
   * line closing the story, as the text importer ranks it, then the byline, then the lead), else the first
   * found; the other is noted, never dropped silently. One agency by two names (`AP`, `Associated Press`)
   * keeps the name found first, and a later line that says more of it (`Agencies via Xinhua` after
   * `Xinhua`) refines it.
   */
  agency(given: string | { name: string; via?: string }, source: string): void {
    const line = typeof given === 'string' ? given : given.via === undefined ? given.name : `${given.via} via ${given.name}`;
    const parsed = typeof given === 'string' ? (parseAgencyLine(line) ?? { name: squash(line) }) : given;
    if (parsed.name === '') return;
    const rank = this.closing ? RANK_AT_END : (RANK[source] ?? RANK_BYLINE);
    const current = this.agencyValue;
    const shown = (a: { name: string; via?: string }): string => JSON.stringify(a.via === undefined ? a.name : `${a.via} via ${a.name}`);
    // (One agency by its two names, `Associated Press` and `AP`, is the same: `agencyKey`.)
    const same = current !== undefined && agencyKey(parsed.name) === agencyKey(current.name);
    // (An agency one line names among others, `Xinhua` and `Agencies - Xinhua`, is no other.)
    const within = (a: { name: string; via?: string }, b: { name: string; via?: string }): boolean => agenciesNamed(a).every((x) => agenciesNamed(b).map(agencyKey).includes(agencyKey(x)));
    const among = current !== undefined && !same && within(parsed, current);
    if (current === undefined || (same && current.via === undefined && parsed.via !== undefined)) this.agencyValue = parsed;
    else if (!same && !among && rank < this.agencyFrom.rank) {
      if (!within(current, parsed)) this.notes.push(`${this.agencyFrom.source} names the agency ${shown(current)}, but the agency is ${shown(parsed)}: not used`);
      this.agencyValue = parsed;
    } else if (!among && (!same || (parsed.via !== undefined && parsed.via !== current.via))) {
      this.notes.push(`${source} names the agency ${JSON.stringify(squash(line))}, but the agency is ${shown(current)}: not used`);
      return;
    } else return;
    this.agencyFrom = { source: this.closing && source === 'the byline' ? 'the byline at the end of the body' : source, rank };
  }

  /**
   * One person as a wire marks it up (NITF's <person>): a credit to an agency's staff (`Reuters Staff`) is
   * the agency, a name with its agency after it (`Jim Morris Associated Press`) both, and a name written
   * surname first (`Smith, John`, `de la Cruz, Maria`) is turned round and noted. The element is one
   * person: a comma in it never parts two names (`personWithComma`).
   */
  person(text: string): void {
    if (text.includes(',')) {
      const read = personWithComma(text);
      if (read.agency !== undefined) this.agency(read.agency, 'the byline');
      this.notes.push(...read.notes);
      this.authors.push(read.name);
      return;
    }
    const withAgency = nameAndAgency(text);
    if (withAgency !== undefined) {
      this.agency(withAgency.agency, 'the byline');
      if (withAgency.name !== undefined) this.authors.push(withAgency.name);
      if (withAgency.title !== undefined) this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(withAgency.title)}`);
      return;
    }
    this.authors.push(text);
  }

  /**
   * A byline as a wire gives it in one string: `By Li Wen, Xinhua correspondent`, `Reporting by Li Wen;
   * Editing by Ma Jun`, `Text and photos by Jane Doe`, `记者 孙静`, `新华社记者 孙静 王磊`. The prefix goes,
   * each name is an author, a job title is noted, and the other credits (`Editing by`, `Additional
   * reporting by`) are contributors with their roles.
   */
  byline(text: string): void {
    // After a bar, an agency or a publication (`By ZHANG YI | China Daily`), as a text byline has it.
    const [names = '', ...after] = squash(text).split(/\s*\|\s*/);
    for (const part of after.filter(Boolean)) {
      const agency = parseAgencyLine(part.replace(/^the\s+/iu, '')) ?? agencyOfPublication(part);
      const people = agency === undefined ? parseContributorLine(part) : undefined;
      if (agency !== undefined) this.agency(agency, 'the byline');
      else if (people !== undefined) this.contributors.push(...people);
      else this.notes.push(`publication after the byline not kept (not a known agency): ${JSON.stringify(part)}`);
    }
    for (const segment of names.split(/\s*;\s*/).filter(Boolean)) {
      const by = /^(?:(?:reporting|written|words|text|story|text and (?:photos?|pictures)|words and (?:photos?|pictures))\s+)?by[:\s]+(.+)$/i.exec(segment);
      if (by === null && /^[A-Z][a-z]+(?: [a-z]+)? by /.test(segment)) {
        const people = parseContributorLine(segment);
        if (people !== undefined) this.contributors.push(...people);
        else this.notes.push(`byline text ${JSON.stringify(segment)} is not a name: not used`);
        continue;
      }
      this.names(by?.[1] ?? segment);
    }
  }

  private names(plain: string): void {
    // Chinese: titles before the names (新华社记者, 本报记者), names apart by spaces or 、.
    const zh = /^(?:新华社|中新社|本报)?(?:特约|实习|摄影)?(?:记者|通讯员)[:：\s]*(.+)$/u.exec(plain);
    const cjkOnly = /^[\p{Script=Han}\s、，,]+$/u.test(plain);
    if (zh !== null) this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(plain.slice(0, plain.length - (zh[1] ?? '').length).trim())}`);
    if (zh !== null || cjkOnly) {
      this.authors.push(...reporterNames(zh?.[1] ?? plain));
      return;
    }
    // `Jane Doe and Tom Hale, Staff Writers`: after a comma, a job phrase in any case is a title; before
    // it, a job word is a surname only when capitalised (`Tom Writer`), a title in lower case.
    const reversed = surnameFirst(plain);
    if (reversed !== undefined) {
      this.notes.push(`byline ${JSON.stringify(plain)} read as one name, surname first: ${JSON.stringify(reversed)}`);
      this.authors.push(reversed);
      return;
    }
    // `Doe, Jane, Washington`: the name turned round, the place noted.
    const placed = surnameFirstThenPlace(plain);
    if (placed !== undefined) {
      this.notes.push(`byline ${JSON.stringify(placed.printed)} read as one name, surname first: ${JSON.stringify(placed.name)}`);
      this.notes.push(`byline place not kept (a byline has no field for it): ${JSON.stringify(placed.place)}`);
      this.authors.push(placed.name);
      return;
    }
    // `Doe, Florence`: kept whole, as the text importer keeps it.
    const whole = keptWhole(plain);
    if (whole !== undefined) {
      this.notes.push(keptWholeNote(whole));
      this.authors.push(whole);
      return;
    }
    const first = this.authors.length;
    plain.split(/\s*,\s*/).forEach((part, i) => {
      const suffix = nameSuffix(part);
      if (i > 0 && suffix !== undefined && this.authors.length > first) {
        this.authors[this.authors.length - 1] = withSuffix(this.authors[this.authors.length - 1] ?? '', suffix);
        return;
      }
      // (`The Associated Press and Tom Hale`: split at "and" below, an agency and a person; `The New York
      // Times and Tom Hale` stays a publication.)
      const lead = part.trim().split(/\s+(?:and|AND|&)\s+/u)[0] ?? '';
      const agencyNamed = isPublicationName(part) && parseAgencyLine(lead.replace(/^the\s+/iu, '')) !== undefined;
      if (i > 0 && isLoneInitial(part)) {
        this.notes.push(`byline text ${JSON.stringify(part)} is not a name: not used`);
        return;
      }
      const trade = i === 0 ? undefined : agencyOfPublication(part);
      if (trade !== undefined) {
        // (`Hiroshi Tanaka, Kyodo News`: the agency, by its full name.)
        this.agency(trade, 'the byline');
        return;
      }
      // (A city or a state: `By Jane Doe, Texas`, `…, Washington, D.C.`.)
      const other = i === 0 ? undefined : isPlace(part) && parseAgencyLine(part) === undefined ? 'place' : isPublicationName(part) && !agencyNamed ? 'publication' : agencyOfStaff(part) === undefined && (isJobPhrase(part) || isBureau(part) || isModifierOnly(part) || isPostNominal(part)) ? 'title' : undefined;
      if (other !== undefined) {
        // (`Li Wen, Xinhua writer`: the agency, as `Xinhua writer Li Wen` gives it.)
        const agency = other === 'title' ? agencyOfJob(part) : undefined;
        if (agency !== undefined) this.agency(agency, 'the byline');
        this.notes.push(`byline ${other} not kept (a byline has no field for it): ${JSON.stringify(part)}`);
        return;
      }
      for (const [k, named] of part.split(/\s*(?:&|\band\b)\s*/i).map((x) => x.trim()).filter(Boolean).entries()) {
        // `Jane Doe, Jr. and Tom Hale`: the suffix belongs to the name before the comma.
        const trailing = k === 0 && i > 0 ? nameSuffix(named) : undefined;
        if (trailing !== undefined && this.authors.length > first) {
          this.authors[this.authors.length - 1] = withSuffix(this.authors[this.authors.length - 1] ?? '', trailing);
          continue;
        }
        // (As in parseByline: what directly follows a comma, before an "and".)
        if (k === 0 && i > 0 && isLoneInitial(named)) {
          this.notes.push(`byline text ${JSON.stringify(named)} is not a name: not used`);
          continue;
        }
        // (`Jane Doe, Texas and Tom Hale`: the place of the name before the comma.)
        if (k === 0 && i > 0 && isPlace(named) && parseAgencyLine(named) === undefined) {
          this.notes.push(`byline place not kept (a byline has no field for it): ${JSON.stringify(named)}`);
          continue;
        }
        if (k === 0 && i > 0 && isModifierOnly(named)) {
          this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(named)}`);
          continue;
        }
        // `Li Wen in Beijing`: the place is not a name.
        // (Any place in capitals, as the text importer reads one: `Jane Doe in Texas`, `JANE DOE IN GLENWHARF`.)
        const located = /^(.+?)\s+(?:in|IN)\s+(\p{Lu}.*)$/u.exec(named);
        const placed = located !== null && (isPlace(located[2] ?? '') || looksLikeName(located[2] ?? ''));
        if (placed) this.notes.push(`byline place not kept (a byline has no field for it): ${JSON.stringify(located?.[2])}`);
        const n = placed ? (located?.[1] ?? named) : named;
        const staffOf = agencyOfStaff(n);
        const unThe = n.replace(/^the\s+/iu, '');
        if (parseAgencyLine(n) !== undefined) this.agency(n, 'the byline');
        else if (unThe !== n && parseAgencyLine(unThe) !== undefined) this.agency(unThe, 'the byline');
        else if (staffOf !== undefined) this.agency(staffOf, 'the byline');
        else if (JOB_TITLE.test(n) || STAFF.test(n)) this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(n)}`);
        else if (nameAndAgency(n) !== undefined) this.person(n);
        else if (/^[\p{Lu}\p{Lo}]/u.test(n)) this.authors.push(n);
        else this.notes.push(`byline text ${JSON.stringify(n)} is not a name: not used`);
      }
    });
  }

  into(fields: RecordFieldsOut): void {
    // Names printed in capitals (`JIM MORRIS`, `ZHANG YI`) are cased as names, as the text importer does,
    // so that one writer has one author feed whichever importer read her copy.
    const authors = unique(this.authors.map(nameCase));
    if (authors.length > 0) fields.authors = authors;
    if (this.agencyValue !== undefined) fields.agency = this.agencyValue;
    const seen = new Set<string>();
    const contributors = besidesAuthors(this.contributors.filter((c) => !seen.has(c.name) && seen.add(c.name)), authors, this.notes);
    if (contributors.length > 0) fields.contributors = contributors;
  }
}

/** The agency of a credit to its staff (`Reuters Staff`), if that is one. */
function agencyOfStaff(text: string): string | undefined {
  const agency = /^(.+?)\s+staff$/i.exec(text)?.[1];
  return agency !== undefined && parseAgencyLine(agency) !== undefined ? agency : undefined;
}

const STAFF = /^(?:staff(?: writers?| reporters?)?|(?:our|a) correspondent)$/i;

// ----- Datelines -----

const placeKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A dateline city with its zone from the gazetteer, narrowed by the region or country the copy gives. An
 * unknown or ambiguous city keeps no zone and gets a warning asking for one.
 */
export function resolveDateline(printedCity: string, region: string | undefined, country: string | undefined, file: string, diagnostics: Diagnostic[]): DatelineOut {
  const city = cityName(squash(printedCity));
  const found = lookupCity(city, region);
  const dateline: DatelineOut = { city };
  const named = country !== undefined && country !== '' ? country : found.found ? found.country : undefined;
  if (named !== undefined) dateline.country = named;
  if (found.found) dateline.timezone = found.timezone;
  else {
    const why = found.reason === 'unknown' ? 'is not in the gazetteer, so its time zone is unknown' : `names places in different time zones (${found.candidates.join('; ')})`;
    const detail = `dateline city ${JSON.stringify(city)} ${why}: add "dateline.timezone" (an IANA zone) to the record`;
    diagnostics.push(diagnostic(Errors.ImportDatelineZone, { file, field: 'dateline.timezone' }, detail));
  }
  return dateline;
}

/**
 * The dateline printed at the head of the body, when the structured copy gives none (no ninjs `located`,
 * no NITF `<dateline>`), read as the text importer reads it (`leadOf`): the lead goes, its agency and date
 * are kept. `DENVER (AP) —`, `WASHINGTON, Feb. 4 --`, `PARIS — The museums …` are datelines;
 * `NICE — that is how …`, `MOBILE — phone sales fell` and `NATO — already stretched …` sentences.
 */
export function leadDateline(blocks: Block[], date: string, credits: Credits, notes: string[], file: string, diagnostics: Diagnostic[]): DatelineOut | undefined {
  const first = blocks[0];
  const lead = first?.kind === 'p' ? leadOf({ text: plainText(first.inline) }) : undefined;
  if (lead === undefined) return undefined;
  const dateline = resolveDateline(lead.city, lead.region, undefined, file, diagnostics);
  takeDuplicateLead(blocks, dateline, date, credits, notes);
  notes.push(`dateline read from the body's first paragraph (the copy gives none): ${JSON.stringify(lead.city)}`);
  return dateline;
}

/**
 * If the first paragraph opens with a printed dateline for the same city as the structured one
 * (`WASHINGTON, Feb. 4 (Xinhua) --`), the lead is taken out so the build does not print it twice. What
 * it says that the fields lack (the agency, the date) is kept in the fields.
 */
export function takeDuplicateLead(blocks: Block[], dateline: DatelineOut, date: string, credits: Credits, notes: string[]): void {
  const first = blocks[0];
  if (first?.kind !== 'p') return;
  const plain = plainText(first.inline);
  // (Also a lead alone on its line: `WASHINGTON, Feb. 4 (Xinhua) --`.)
  const lead = printedLead(plain);
  if (lead === undefined) return;
  if (placeKey(cityName(lead.city)) !== placeKey(dateline.city)) {
    notes.push(`the first paragraph opens with the dateline ${JSON.stringify(lead.city)}, not ${JSON.stringify(dateline.city)}: kept in the body`);
    return;
  }
  if (lead.agency !== undefined) credits.agency(lead.agency, 'the dateline lead');
  // Reporters named in the lead (`新华社北京2月5日电（记者孙静）`) are authors, after those a byline or a
  // signature named, as the text importer credits them: a credit is never dropped.
  if (lead.reporters !== undefined) credits.authors.push(...reporterNames(lead.reporters).filter((n) => !credits.authors.includes(n)));
  if (dateline.date === undefined && lead.month !== undefined && lead.day !== undefined) {
    const d = datelineDate(lead.month, lead.day, date);
    if (d !== undefined) dateline.date = d;
  }
  const rest = dropChars(first.inline, plain.length - plain.trimStart().length + (plain.trim().length - lead.rest.length));
  if (rest.length > 0) first.inline = rest;
  else blocks.shift();
}

// ----- Pictures -----

/** The record's picture: the first one; caption and credit split when the caption carries the credit. */
export function pickImage(images: ImageCandidate[], notes: string[]): ImageOut | undefined {
  // The first picture the copy gives; one it only describes (a caption and credit without a URL) when
  // it gives none.
  const first = images.find((i) => i.url !== undefined) ?? images[0];
  if (first === undefined) return undefined;
  for (const o of images) {
    if (o === first) continue;
    // (Two pictures without a URL are two pictures: only a URL says it is the same one.)
    if (o.url !== first.url || o.url === undefined) notes.push(`another picture${o.url === undefined ? '' : ` ${o.url}`}${o.caption === undefined ? '' : ` (${JSON.stringify(o.caption)})`}${o.credit === undefined ? '' : ` credited ${JSON.stringify(o.credit)}`}: a record has one`);
    else if (o.caption !== undefined && o.caption !== first.caption) notes.push(`the same picture again, captioned ${JSON.stringify(o.caption)}: the first caption is kept`);
  }
  const image: ImageOut = first.url === undefined ? {} : { url: first.url };
  let caption = first.caption ?? first.alt;
  let credit = first.credit;
  if (caption !== undefined) {
    const split = splitPhotoCredit(caption);
    if (split !== undefined && (credit === undefined || placeKey(split.credit) === placeKey(credit))) {
      caption = split.caption;
      credit = split.credit;
    }
  }
  if (caption !== undefined && caption !== '') image.caption = caption;
  if (credit !== undefined && credit !== '') image.credit = credit;
  if (first.type !== undefined) image.type = first.type;
  if (first.width !== undefined) image.width = first.width;
  if (first.height !== undefined) image.height = first.height;
  return image;
}

// ----- Time stamps and ids -----

export interface Stamp {
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
export function readStamp(raw: string, zone: string): Stamp | undefined {
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
  const stamp: Stamp = { value, date, hasTime: true, offset: off !== undefined };
  if (t.ok) stamp.instant = t.instant;
  return stamp;
}

/**
 * Notes a stamp with a time but no UTC offset, which the formats' own rules do not foresee (ninjs wants
 * RFC 3339) or leave to the sender (NITF): it is read as wall-clock time in the site's zone, and the desk
 * should know that this was a reading, not what the copy said.
 */
export function noteLocalStamp(name: string, raw: string, stamp: Stamp | undefined, zone: string, notes: string[]): void {
  if (stamp?.hasTime === true && !stamp.offset) notes.push(`${name} ${JSON.stringify(raw)} has no UTC offset: read as wall-clock time in the site's zone (${zone})`);
}

/** `later` as the record's `updated` when it is after `first`; an earlier or equal one is no correction. */
export function laterStamp(first: Stamp, later: Stamp | undefined, notes: string[], name: string): string | undefined {
  if (later === undefined || !later.hasTime) return undefined;
  if (first.instant === undefined || later.instant === undefined) {
    notes.push(`${name} ${JSON.stringify(later.value)} cannot be compared with the first publication: not used`);
    return undefined;
  }
  if (later.instant.getTime() > first.instant.getTime()) return later.value;
  // Earlier than the first publication: the copy contradicts itself, and the desk should know.
  if (later.instant.getTime() < first.instant.getTime()) notes.push(`${name} ${JSON.stringify(later.value)} is earlier than the first publication: not used`);
  return undefined;
}

/** The copy's own id when it is usable as a permanent key, else one derived from the content. */
export function permanentId(own: string | undefined, name: string, title: string, date: string, zone: string, notes: string[]): string {
  if (own !== undefined && own !== '') {
    if (isPermanentId(own)) return own;
    notes.push(`${name} ${JSON.stringify(own)} has spaces or control characters: the id is derived from the content instead`);
  }
  return contentId(title, date, zone);
}
