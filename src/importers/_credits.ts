/**
 * The credits of structured copy (ninjs, NITF) as they are found: bylines (a string, or NITF's <person>),
 * the agency (ranked by where it is named), contributors; written into the record's fields once.
 */
import { squash, unique } from './_tree.js';
import { agencyAsAfterBar, agencyOfJob, agencyOfPublication, INSTITUTION, isBureau, isJobPhrase, isLoneInitial, isModifierOnly, isPublicationName, JOB_TITLE, looksLikeName, nameAndAgency, nameCase, titleBeforeName } from './_names.js';
import { keptWhole, keptWholeNote, laterSurnameFirst, surnameFirst, surnameFirstThenMore, surnameFirstThenPlace } from './_surname-first.js';
import { isStaffOf, keptAtCommaWith, nameBeforeWith, WITH, withAfterComma, withNames, withCreditLine, withNote, withStaff } from './_with.js';
import { isPostNominal, nameSuffix, withSuffix } from './_suffix.js';
import { personWithComma } from './_person.js';
import { isPlace } from './_places.js';
import { besidesAuthors, isBroadcaster, parseContributorLine, reporterNames } from './_contributors.js';
import { agenciesNamed, agencyKey, noAgencyNamed, parseAgencyLine } from './_agencies.js';
import type { RecordFieldsOut } from './types.js';

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
    // (A dash or colon left after the name, as a credit line may end: STT's `STT–`.)
    const line = typeof given === 'string' ? given.replace(/[\s,;:–—-]+$/u, '') : given.via === undefined ? given.name : `${given.via} via ${given.name}`;
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
    // (A line naming no agency, `(With inputs from agencies)`, gives way to one naming it, wherever each is.)
    const unnamed = current !== undefined && !same && noAgencyNamed(parsed) !== noAgencyNamed(current);
    if (unnamed && noAgencyNamed(parsed)) {
      this.notes.push(`${source} names no agency (${JSON.stringify(squash(line))}), and the agency is ${shown(current)}: not used`);
      return;
    }
    if (current === undefined || (same && current.via === undefined && parsed.via !== undefined)) this.agencyValue = parsed;
    else if (!same && !among && (rank < this.agencyFrom.rank || unnamed)) {
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
    // The staff (`<person>Staff</person>`, `Times Staff`) is no one's name, and a job before a name
    // (`Staff Writer Jane Doe`) is a title: as in a byline of text.
    if (STAFF.test(text) || isStaffOf(text.replace(/^the\s+/iu, ''))) {
      this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(text)}`);
      return;
    }
    const titled = titleBeforeName(text);
    if (titled !== undefined) this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(titled.title)}`);
    this.authors.push(titled?.name ?? text);
  }

  /**
   * A byline as a wire gives it in one string: `By Li Wen, Xinhua correspondent`, `Reporting by Li Wen;
   * Editing by Ma Jun`, `Text and photos by Jane Doe`, `记者 孙静`, `新华社记者 孙静 王磊`. The prefix goes,
   * each name is an author, a job title is noted, and the other credits (`Editing by`, `Additional
   * reporting by`) are contributors with their roles.
   */
  byline(text: string): void {
    // After a bar, an agency or a publication (`By ZHANG YI | China Daily`), as a text byline has it.
    const [names = '', ...after] = agencyAsAfterBar(squash(text)).split(/\s*\|\s*/);
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
    // Chinese: titles before the names (新华社记者, 本报记者; 記者, 中央社記者 in traditional characters), names apart by spaces or 、.
    const zh = /^(?:新华社|新華社|中新社|中央社|本报|本報)?(?:特约|特約|实习|實習|摄影|攝影)?(?:记者|記者|通讯员|通訊員)[:：\s]*(.+)$/u.exec(plain);
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
    const keepWhole = (whole: string): void => {
      this.notes.push(keptWholeNote(whole));
      this.authors.push(whole);
    };
    const turned = (pairs: readonly { printed: string; name: string }[]): void => {
      for (const m of pairs) this.notes.push(`byline ${JSON.stringify(m.printed)} read as one name, surname first: ${JSON.stringify(m.name)}`);
    };
    // `Doe, Florence`: kept whole, as the text importer keeps it.
    const whole = keptWhole(plain);
    if (whole !== undefined) return keepWhole(whole);
    // `Doe, Jane, Tom Hale`: the name turned round, then the rest read as after any name; `Doe, Florence,
    // Tom Hale` kept whole, as the text importer reads them (`surnameFirstThenMore`).
    const more = surnameFirstThenMore(plain);
    if (more !== undefined && 'whole' in more) return keepWhole(more.whole);
    if (more !== undefined) {
      turned([more, ...(more.more ?? [])]);
      this.names(more.rewritten);
      return;
    }
    // `Jane Doe and Hale, Tom`: the later pair turned round; `Jane Doe and Hale` kept whole (`laterSurnameFirst`).
    const later = laterSurnameFirst(plain);
    if (later !== undefined && 'whole' in later) return keepWhole(later.whole);
    if (later !== undefined) {
      turned(later.more);
      this.names(later.rewritten);
      return;
    }
    // `Jane Doe, with Kwame Mensah`: a person after ", with" with no sign of one, kept as printed, one
    // credit, noted, as the text importer keeps it (`keptAtCommaWith`).
    if (keptAtCommaWith(plain)) {
      this.notes.push(withNote(plain));
      this.authors.push(plain);
      return;
    }
    const first = this.authors.length;
    plain.split(/\s*,\s*/).forEach((printed, i, all) => {
      // (`Jane Doe, with reporting by Tom Hale`: a credit line, its contributors with their role.)
      const credit = i === 0 ? undefined : withCreditLine(printed);
      if (credit !== undefined) {
        this.contributors.push(...credit);
        return;
      }
      // (`Jane Doe, with Tom Hale`: a co-author, as `Jane Doe with Tom Hale` has one; after a title too.)
      const before = i === 0 ? '' : nameBeforeWith(all, i);
      const part = (i === 0 ? undefined : withAfterComma(before, printed)) ?? printed;
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
      // (`Aaron Staples, Michigan State University`: the writer's institution, as The Conversation's and 360info's
      // bylines print it. Real copy credited the university as an author.)
      const other = i === 0 ? undefined : isPlace(part) && parseAgencyLine(part) === undefined ? 'place' : INSTITUTION.test(part) ? 'affiliation' : isPublicationName(part) && !agencyNamed ? 'publication' : agencyOfStaff(part) === undefined && (isJobPhrase(part) || isBureau(part) || isModifierOnly(part) || isPostNominal(part)) ? 'title' : undefined;
      if (other !== undefined) {
        // (`Li Wen, Xinhua writer`: the agency, as `Xinhua writer Li Wen` gives it.)
        const agency = other === 'title' ? agencyOfJob(part) : undefined;
        if (agency !== undefined) this.agency(agency, 'the byline');
        this.notes.push(`byline ${other} not kept (a byline has no field for it): ${JSON.stringify(part)}`);
        return;
      }
      // (`Jane Doe with Tom Hale`: two people, when both read as names, as the text importer parts them.)
      const people = part.split(/\s*(?:&|\band\b)\s*/i).map((x) => x.trim()).filter(Boolean).flatMap((x, k) => {
        // (`Jane Doe, with Tom Hale and Kwame Mensah`: the co-author after "with", then the others.)
        const after = k === 0 && i > 0 ? withAfterComma(before, x) : undefined;
        if (after !== undefined) return [after];
        // (`Jane Doe with Tribune staff`: the name, and the staff a title, as the text importer reads it.)
        const sides = withStaff(x) ?? withNames(x);
        if (sides === undefined && WITH.test(x)) this.notes.push(withNote(x));
        return sides ?? [x];
      });
      for (const [k, named] of people.entries()) {
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
        const located = /^(.+?)\s+(?:in|IN)\s+([\p{Lu}\p{Lo}].*)$/u.exec(named);
        const placed = located !== null && (isPlace(located[2] ?? '') || looksLikeName(located[2] ?? ''));
        if (placed) this.notes.push(`byline place not kept (a byline has no field for it): ${JSON.stringify(located?.[2])}`);
        const n = placed ? (located?.[1] ?? named) : named;
        const staffOf = agencyOfStaff(n);
        const unThe = n.replace(/^the\s+/iu, '');
        if (parseAgencyLine(n) !== undefined) this.agency(n, 'the byline');
        else if (unThe !== n && parseAgencyLine(unThe) !== undefined) this.agency(unThe, 'the byline');
        else if (staffOf !== undefined) this.agency(staffOf, 'the byline');
        // (A broadcaster or its staff, `By CNN`, `Al Jazeera Staff`: as the text importer reads it. Review.)
        else if (isBroadcaster(n.replace(/\s+staff$/iu, ''))) this.notes.push(`publication after the byline not kept (not a known agency): ${JSON.stringify(n)}`);
        else if (!WITH.test(n) && (JOB_TITLE.test(n) || STAFF.test(n) || isStaffOf(n.replace(/^the\s+/iu, '')))) this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(n)}`);
        else if (nameAndAgency(n) !== undefined) this.person(n);
        // (`Jane Doe, With Mercy Corps`: "With" capitalised after a comma starts no name, as "with" does not.)
        else if (k === 0 && i > 0 && /^with\s/iu.test(n)) this.notes.push(`byline text ${JSON.stringify(n)} is not a name: not used`);
        else if (titleBeforeName(n) !== undefined) {
          // A job before the name (`Staff Writer Jane Doe`): the name, and the job a title, noted.
          const { title, name } = titleBeforeName(n) as { title: string; name: string };
          this.notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(title)}`);
          this.authors.push(name);
        } else if (/^[\p{Lu}\p{Lo}]/u.test(n)) this.authors.push(n);
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
    const contributors = besidesAuthors(this.contributors.filter((c) => !seen.has(c.name) && seen.add(c.name)), authors, this.notes, this.agencyValue);
    if (contributors.length > 0) fields.contributors = contributors;
  }
}

/** The agency of a credit to its staff (`Reuters Staff`), if that is one. */
function agencyOfStaff(text: string): string | undefined {
  const agency = /^(.+?)\s+staff$/i.exec(text)?.[1];
  return agency !== undefined && parseAgencyLine(agency) !== undefined ? agency : undefined;
}

const STAFF = /^(?:staff(?: writers?| reporters?| reports?)?|wire (?:reports?|services?)|(?:our|a) correspondent)$/i;
