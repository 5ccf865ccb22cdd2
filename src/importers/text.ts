/**
 * Raw text → article record: the copy a web desk takes from a news page or a wire terminal. The model is
 * the layout of a China Daily page (issue 3): site promos, breadcrumb, headline, "Updated:" stamp, photo
 * caption, dateline lead, body with subheadings, credit lines, then the page footer.
 *
 * What is interpreted: page chrome is dropped (it belongs to the site, not the story); the breadcrumb gives
 * the section; the stamps give `date` and `updated` (wall-clock time in the publisher's zone unless an
 * offset is printed); bylines, the dateline lead, contributor taglines and agency lines become fields and
 * leave the body; every other paragraph stays in the body, in order, escaped so Markdown shows exactly the
 * text. What is found but cannot be used goes to `notes`, quoted; nothing is dropped silently and nothing
 * is guessed (an unknown or ambiguous dateline city gets no zone, and a warning).
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { lookupCity } from './gazetteer.js';
import { parseDatelineLead, type DatelineLead } from './_dateline-lead.js';
import { besidesAuthors, isInterviewLine, reporterNames, type Contributor } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { markedPhotoCredit, photoCreditAlone, photoSourceAlone, splitPhotoCredit } from './_photo-credits.js';
import { contentId, markdownHeading, markdownText, withoutWireMarks } from './record.js';
import type { Importer, ImportResult, RecordFieldsOut } from './types.js';
import { type PageBlock, BREADCRUMB_SEP, classify, ID_LINE, IMAGE_LINE, type Line, NAV, RULE, withoutLinkNoise } from './_page.js';
import { isPlaceName } from './_places.js';
import { segments } from './_stamp-line.js';
import { parseStamp, publicationLabel, sameDayStamp, untimedStamp, type Stamp } from './_stamps.js';
import { type Byline, parseByline } from './_bylines.js';
import { nameCase } from './_names.js';
import { startsWithKnownName } from './_given-names.js';
import { keptWholeNote } from './_surname-first.js';
import { withNote } from './_with.js';
import { barByline, outletInPlace, personAlone, publicationWithAgency } from './_bar-byline.js';
import { pickHeadline } from './_headline.js';
import { innerEndMarkNote, innerEndMarks, withoutEndMark } from './_end-mark.js';
import { leadOf, type TextLead } from './_lead.js';
import { closingCredit } from './_closing.js';
import { copyLanguage } from './_language.js';
import { A_DATE_OR_TIME, ambiguousStamp, problems, q, readsAsProse, STAMP_LABEL } from './_text-problems.js';
import { leadDateline, storyDates, type UntimedLine } from './_text-dates.js';
import { EMBARGOED_COPY, embargoLine } from './_story.js';
import { storyAgency, type AgencyLine } from './_text-agency.js';
import { authorBiography, isSubheading, looksLikeCredit, pageBlocks, secondStory, summaryBox, SYNDICATION_NOTE, VERSION_NOTE, versionNoteLeft } from './_text-body.js';

/** Whether the first block from `from` on that is not a stamp, id, image URL, byline or agency line leads with a dateline. */
function datelineAhead(blocks: readonly PageBlock[], from: number): boolean {
  for (const b of blocks.slice(from)) {
    if (b.kind === 'stamp' || b.kind === 'id' || b.kind === 'image' || (parseByline(b.text) ?? barByline(b.text)) !== undefined || parseAgencyLine(b.text) !== undefined) continue;
    return leadOf(b) !== undefined;
  }
  return false;
}


/**
 * The New York Times' line under its byline, `Reporting from Cairo` (`from Kyiv, Ukraine`, `from the Gaza
 * border`): where the reporters were, which a byline has no field for. The places, or undefined for any
 * other text (a sentence that starts so ends with a full stop).
 */
function reportingFrom(text: string): string | undefined {
  const places = /^Reporting from (\S.{0,80})$/u.exec(text.trim())?.[1];
  return places === undefined || /[.!?]$/u.test(places) ? undefined : places;
}
const placesNote = (places: string): string => `byline place not kept (a byline has no field for it): ${q(places)}`;

/** `in Beijing`, `in Hong Kong`, `in Kyiv, Ukraine`: a place alone, after "in". */
const PLACE_ALONE = /^in \p{Lu}[\p{L}'’.-]*(?:,? \p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** The note for a line like a byline without "By" (`Jane Doe | AP`), which is not read as one. */
const barNote = (text: string): string =>
  `a line like a byline without "By", not read as one (a label or a place reads the same): ${q(text)}; write "By ${text.trim()}" if it is the byline`;

// ----- The importer -----

export const importText: Importer = (input, ctx): ImportResult => {
  const file = ctx.file;
  const diagnostics: Diagnostic[] = [];
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { stories: [], diagnostics: [problems.empty(file)] };
  const bad = /[\u0000\uFFFD]/.exec(text);
  if (bad !== null) return { stories: [], diagnostics: [problems.binary(file, text.slice(0, bad.index).split(/\r\n|\r|\n/).length, bad[0] === '\u0000')] };

  // A run of spaces or tabs inside a line is one space, as a page shows it (and as Markdown would):
  // the line patterns below, which allow whitespace around separators, then never meet a long run
  // (100,000 spaces took them 35 s).
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((raw, i) => {
    // (And a second stamp's label glued to the first stamp's zone, as Reuters' line copies: `… 10:30 AM GMT+1Updated
    // 2 hours ago`, which was no stamp.)
    const t = withoutLinkNoise(raw.replace(/[^\S\r\n]{2,}/g, ' ').trim()).replace(/(?<=(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|\b[A-Z]{2,5}T)(?=Updated\b)/g, ' ');
    return { n: i + 1, text: t, kind: classify(t, ctx.timezone) };
  });
  const notes: string[] = [];
  const fields: Partial<RecordFieldsOut> = {};
  const stamps: Stamp[] = [];
  const authors: string[] = [];
  /** The authors' names, to add each once (`includes` for each was quadratic in a page of many bylines). */
  const authorSet = new Set<string>();
  const addAuthor = (name: string): void => {
    if (authorSet.has(name)) return;
    authorSet.add(name);
    authors.push(name);
  };
  const agencies: AgencyLine[] = [];
  let explicitId: string | undefined;
  let imageUrl: string | undefined;
  /** The photo's caption and credit (over the stamp, as the New York Times prints them, or under it). */
  let caption: { caption: string; credit: string } | undefined;

  const takeId = (l: { text: string }): void => {
    const id = ID_LINE.exec(l.text)?.[1] ?? '';
    if (explicitId === undefined) explicitId = id;
    else if (id !== explicitId) notes.push(`second id line, not used: ${q(l.text)}`);
  };
  /** Contributors: taglines at the end, and a credit after a byline's bar. */
  const contributors: Contributor[] = [];
  /** Whether a byline was read (a byline without "By" after the stamp is read only before any other). */
  let bylineRead = false;
  /** `into`: where its agencies go (a byline at the end of the story ranks them with the agency lines there). */
  const takeByline = (b: Byline, into: typeof agencies = agencies): void => {
    bylineRead = true;
    for (const a of b.authors) {
      addAuthor(a.name);
      if (a.location !== undefined) notes.push(`byline location not kept (a byline has no location field): ${q(a.printed)}`);
    }
    if (b.agency !== undefined) into.push({ agency: b.agency, printed: b.agency.name });
    for (const more of b.moreAgencies ?? []) into.push({ agency: more, printed: more.name });
    if (b.publication !== undefined) notes.push(`publication after the byline not kept (not a known agency): ${q(b.publication)}`);
    contributors.push(...(b.contributors ?? []));
    for (const t of b.titles ?? []) notes.push(`byline title not kept (a byline has no field for it): ${q(t)}`);
    for (const t of b.notNames ?? []) notes.push(`byline text ${q(t)} is not a name: not used`);
    for (const t of b.places ?? []) notes.push(placesNote(t));
    if (b.surnameFirst !== undefined) notes.push(`byline ${q(b.surnameFirst)} read as one name, surname first: ${q(b.surnameFirstName ?? b.authors[0]?.name ?? '')}`);
    for (const m of b.moreSurnameFirst ?? []) notes.push(`byline ${q(m.printed)} read as one name, surname first: ${q(nameCase(m.name))}`);
    if (b.keptWhole !== undefined) notes.push(keptWholeNote(b.keptWhole));
    for (const t of b.withKept ?? []) notes.push(withNote(t));
  };
  /** A stamp line, with the credits that share it. */
  const takeStampLine = (text: string, n: number): void => {
    const segs = segments(text);
    const read = segs.map((seg) => parseStamp(seg, n, ctx.timezone));
    // A name and an agency between bars without "By" (`Jane Doe | AP | Updated: …`) is no byline, as on a
    // line of its own (`barByline`): noted whole, with what to write, and neither half taken.
    const unread = new Set<number>();
    for (let start = 0; start < segs.length; start++) {
      let end = start;
      while (end < segs.length && read[end] === undefined) end++;
      const pair = segs.slice(start, end);
      if (pair.length === 2 && barByline(pair.join(' | ')) !== undefined) {
        notes.push(barNote(pair.join(' | ')));
        unread.add(start).add(start + 1);
      }
      start = end;
    }
    // (Indices, not a slice for each part: a line of 30,000 parts took 22 s. Hostile scan.)
    const firstRead = read.findIndex((r) => r !== undefined);
    const lastRead = read.findLastIndex((r) => r !== undefined);
    for (const [k, seg] of segs.entries()) {
      if (unread.has(k)) continue;
      const stamp = read[k];
      if (stamp !== undefined) {
        stamps.push(stamp);
        if (stamp.note !== undefined) notes.push(`${stamp.note}: ${q(seg)}`);
        if (stamp.agency !== undefined) agencies.push({ agency: { name: stamp.agency }, printed: seg });
        continue;
      }
      // A stamp with its time alone after one of the other kind (`February 5, 2025, 10:30 AM EST, updated 12:15 PM
      // EST`; the Sydney Morning Herald's `Updated February 5, 2025 — 12.15pm, first published at 10.30am`): that
      // stamp's day, noted (the update was noted as not used, and the story went out never updated; the Herald's
      // line was refused).
      const first = firstRead >= 0 && firstRead < k ? read[firstRead] : undefined;
      const sameDay = first === undefined ? undefined : sameDayStamp(seg, first, ctx.timezone);
      if (sameDay !== undefined) {
        stamps.push(sameDay);
        notes.push(`${sameDay.kind === 'updated' ? 'update' : 'first publication'} read on the day of the stamp before it: ${q(seg)}`);
        continue;
      }
      // A first publication with no time beside the update (the New York Times' `Published Feb. 5, 2025
      // Updated Feb. 5, 2025, 9:24 a.m. ET`): as on a line of its own, the story is refused when no other
      // stamp gives that time (review: the update's time went out as the first publication's).
      if (untimedStamp(seg)?.kind === 'published') {
        untimedLine({ n, text: seg });
        continue;
      }
      // So is one in a form not read (Euronews' `Published on 05/02/2025 - 10:30 GMT+1 • Updated …`, whose date may
      // be read either way): QA, the update went out as the first publication, this part noted as not used.
      if (STAMP_LABEL.test(seg) && publicationLabel(seg)) {
        unreadPublished.push({ n, text: seg });
        continue;
      }
      const byline = parseByline(seg);
      const agency = parseAgencyLine(seg);
      if (byline !== undefined) takeByline(byline);
      else if (agency !== undefined) agencies.push({ agency, printed: seg });
      // A place before the stamp (El País' `Madrid - FEB 05, 2025 - 10:30 CET`): where the reporters were.
      else if (k < lastRead && isPlaceName(seg)) notes.push(placesNote(seg));
      else notes.push(`part of the stamp line not used: ${q(seg)}`);
    }
  };

  // Header: everything before the first stamp. What stands before the breadcrumb is the site's.
  const firstStamp = lines.findIndex((l) => l.kind === 'stamp');
  const headerEnd = firstStamp < 0 ? lines.length : firstStamp;
  // Copy under embargo (`EMBARGOED UNTIL 00:01 GMT …` over a press release or a wire story): no record, which
  // the next build would publish before its time (QA: the line was "found before the stamp and not used").
  const embargoed = (l: { n: number; text: string }): ImportResult => ({ stories: [], diagnostics: [...diagnostics, diagnostic(Errors.ImportNotPublished, { file, line: l.n }, `under embargo (${q(l.text)})`, EMBARGOED_COPY)] });
  const headEmbargo = lines.slice(0, headerEnd).find((l) => embargoLine(l.text));
  if (headEmbargo !== undefined) return embargoed(headEmbargo);
  const crumb = lines.slice(0, headerEnd).findIndex((l) => l.kind === 'breadcrumb');
  if (crumb >= 0) {
    const parts = (lines[crumb]?.text ?? '').split(BREADCRUMB_SEP).filter(Boolean);
    if (parts.length >= 2) fields.section = parts[parts.length - 1] ?? '';
  }
  const candidates: Line[] = [];
  /**
   * Stamp lines that name no instant (`Published: February 5, 2025`, `Updated 5 hours ago`): no headline,
   * and no paragraph of the story. One of first publication beside update stamps only refuses the story.
   */
  const untimed: UntimedLine[] = [];
  const untimedLine = (l: { n: number; text: string }): boolean => {
    const u = untimedStamp(l.text);
    if (u !== undefined) untimed.push({ n: l.n, text: l.text, ...u });
    return u !== undefined;
  };
  /** Notes a `Reporting from …` line as the byline's place; whether it was one. */
  const reportedFrom = (l: { text: string }): boolean => {
    const places = reportingFrom(l.text);
    if (places !== undefined) notes.push(placesNote(places));
    return places !== undefined;
  };
  /** Publication stamps in a form not read (after the first stamp): with no other publication stamp, the story is refused. */
  const unreadPublished: { n: number; text: string }[] = [];
  /** The line right above the first byline of the head (null: none), as the Washington Post prints its standfirst. */
  let bylineUnder: Line | null | undefined;
  for (const l of lines.slice(crumb + 1, headerEnd)) {
    if (l.kind === 'id') takeId(l);
    else if (l.kind === 'image') imageUrl ??= IMAGE_LINE.exec(l.text)?.[1];
    // (A line of links, `Home | World | China`, is the site's; a byline with bars is not: `By Jane Doe | AFP | Reuters`.)
    else if (l.kind !== 'text' || (NAV.test(l.text) && parseByline(l.text) === undefined)) continue;
    else if (untimedLine(l)) continue;
    else if (reportedFrom(l)) continue;
    // A publication stamp in a form not read, over the stamp read (Euronews' `Published on 05/02/2025 - 10:30`
    // over its update): no headline (QA: it was), and the story is refused if no other gives that time.
    else if (STAMP_LABEL.test(l.text) && !readsAsProse(l.text) && publicationLabel(l.text) && A_DATE_OR_TIME.test(l.text)) unreadPublished.push({ n: l.n, text: l.text });
    else {
      const byline = parseByline(l.text);
      const agency = parseAgencyLine(l.text);
      // A caption with its credit over the stamp (the New York Times': `… on Wednesday.Credit...Jane Roe for
      // The New York Times`), in a form a word or mark says is a photo's: never the headline (QA: it was).
      const photo = caption === undefined ? markedPhotoCredit(l.text) : undefined;
      const credit = byline === undefined && agency === undefined ? publicationWithAgency(l.text) : undefined;
      if (byline !== undefined) {
        bylineUnder ??= candidates[candidates.length - 1] ?? null;
        takeByline(byline);
      } else if (agency !== undefined) agencies.push({ agency, printed: l.text });
      else if (credit !== undefined) {
        // (`Le Monde avec AFP`: the agency credited, the publication noted.)
        agencies.push({ agency: credit.agency, printed: l.text });
        notes.push(`publication not kept (a record has no field for it): ${q(credit.publication)}`);
      }
      else if (photo !== undefined && photo.caption !== '') caption = photo;
      // A place on the line under a name alone (`Jane Doe`, then `in Beijing`, as the South China Morning Post's
      // byline copies): one line, as it prints on one (QA: "in Beijing" was the headline).
      else if (PLACE_ALONE.test(l.text) && personAlone(candidates[candidates.length - 1]?.text ?? '')) {
        const name = candidates.pop() as Line;
        candidates.push({ ...name, text: `${name.text} ${l.text}` });
      } else candidates.push(l);
    }
  }
  // The BBC's byline: a name alone over its outlet and place (`Jane Doe`, then `BBC News, Doha`), the last two
  // lines before the stamp, under the headline. Read as `By Jane Doe, BBC News`, the place noted (QA: "BBC
  // News, Doha" was the headline, and the headline and the name were "not used").
  const outletLine = candidates.length >= 3 ? outletInPlace(candidates[candidates.length - 1]?.text ?? '') : undefined;
  const nameLine = outletLine === undefined ? undefined : candidates[candidates.length - 2];
  const outletByline = nameLine !== undefined && personAlone(nameLine.text) ? parseByline(`By ${nameLine.text}, ${outletLine?.outlet ?? ''}`) : undefined;
  if (outletByline !== undefined) {
    candidates.splice(candidates.length - 2, 2);
    takeByline(outletByline);
    notes.push(placesNote(outletLine?.place ?? ''));
  }
  // El País' byline: a name alone right over a stamp line that opens with the reporters' place (`Jane Doe`, then
  // `Madrid - FEB 05, 2025 - 10:30 CET`), under the headline. Read as `By Jane Doe` (the place is noted with the stamp
  // line). (QA: the name was noted only, and the standfirst above it was the headline.)
  const stampLine = lines[firstStamp];
  const stampSegments = stampLine === undefined ? [] : segments(stampLine.text);
  const stampAt = stampSegments.findIndex((seg) => parseStamp(seg, 0, ctx.timezone) !== undefined);
  const places = stampAt > 0 ? stampSegments.slice(0, stampAt) : [];
  const nameOverPlace = candidates[candidates.length - 1];
  const placeByline = outletByline === undefined && candidates.length >= 2 && nameOverPlace !== undefined && nameOverPlace.n === (stampLine?.n ?? 0) - 1 &&
    places.length > 0 && places.every(isPlaceName) && personAlone(nameOverPlace.text) ? parseByline(`By ${nameOverPlace.text}`) : undefined;
  if (placeByline !== undefined) {
    candidates.pop();
    bylineUnder ??= candidates[candidates.length - 1] ?? null;
    takeByline(placeByline);
  }
  // El Mundo's: the name alone, then the place alone on the line over the stamp (`JUAN PÉREZ`, `Doha`): the byline, the
  // place noted. (QA: the place was the headline.)
  const placeAlone = candidates[candidates.length - 1];
  const nameOverPlaceAlone = candidates[candidates.length - 2];
  const placeLineByline = placeByline === undefined && outletByline === undefined && candidates.length >= 3 && placeAlone !== undefined && nameOverPlaceAlone !== undefined &&
    placeAlone.n === (stampLine?.n ?? 0) - 1 && nameOverPlaceAlone.n === placeAlone.n - 1 && isPlaceName(placeAlone.text) && personAlone(nameOverPlaceAlone.text)
    ? parseByline(`By ${nameOverPlaceAlone.text}`) : undefined;
  if (placeLineByline !== undefined) {
    candidates.splice(candidates.length - 2, 2);
    bylineUnder ??= candidates[candidates.length - 1] ?? null;
    takeByline(placeLineByline);
    notes.push(placesNote(placeAlone?.text ?? ''));
  }
  const { top, standfirst, guardianByline, likeByline } = pickHeadline(candidates, crumb >= 0, bylineUnder);
  if (standfirst !== undefined) {
    fields.summary = standfirst.text;
    notes.push(`the sentence under the headline taken for the summary: ${q(standfirst.text)}`);
  }
  const headline = candidates[top];
  // (By index: `indexOf` for each line took 2.5 s on a head of 100,000 lines with no stamp. Hostile scan.)
  for (const [k, c] of candidates.entries()) {
    if (c === headline || c === standfirst) continue;
    const signed = c === guardianByline ? parseByline(`By ${c.text}`) : undefined;
    if (signed !== undefined) {
      takeByline(signed);
      continue;
    }
    notes.push(likeByline(k) && k > top ? barNote(c.text) : `found before the stamp and not used: ${q(c.text)}`);
  }
  if (headline === undefined) diagnostics.push(problems.noHeadline(file));
  // A stamp in a zone that names several (`Published 10:10 PM CST, …`) is refused even beside a stamp that
  // is read: the copy's first publication may be the one not read, and its line would be taken for the headline.
  // Only in the head, before the stamp here and among the stamp's lines below: in the story, `Time: 7:30 p.m.
  // CST, the hour …` is a paragraph.
  const ambiguous = firstStamp < 0 ? undefined : ambiguousStamp(lines.slice(0, firstStamp), ctx.timezone);
  if (ambiguous !== undefined) diagnostics.push(problems.ambiguous(file, ambiguous, ctx.timezone));
  if (firstStamp < 0) diagnostics.push(problems.noDate(file, lines, ctx.timezone));
  if (ambiguous !== undefined) return { stories: [], diagnostics };
  if (headline === undefined || firstStamp < 0) return { stories: [], diagnostics };
  fields.title = withoutWireMarks(headline.text, notes);

  // Blocks from the stamp on (`pageBlocks`).
  const { blocks, afterEndMark } = pageBlocks(lines.slice(firstStamp), notes);

  // Before the body: more stamps, bylines, agency lines, the id, the image URL and the photo caption.
  /** A photo's credit alone under the stamp, before the story. */
  let headCredit: string | undefined;
  /** Lines like bylines without "By" in the head, left out of the body (see below). */
  const barLines: PageBlock[] = [];
  let i = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i] as PageBlock;
    if (b.kind === 'stamp') takeStampLine(b.text, b.n);
    else if (embargoLine(b.text)) return embargoed(b);
    // A second stamp in a form not read ("Updated: 2025-02-05 9:30 PM EST") is no paragraph of the story.
    // (One in a zone that names several was refused above.)
    else if (untimedLine(b)) continue;
    else if (reportedFrom(b)) continue;
    else if (STAMP_LABEL.test(b.text) && !readsAsProse(b.text)) {
      if (publicationLabel(b.text)) unreadPublished.push({ n: b.n, text: b.text });
      else notes.push(`stamp in a form not read, not used: ${q(b.text)}`);
    }
    else if (b.kind === 'id') takeId(b);
    else if (b.kind === 'image') imageUrl ??= IMAGE_LINE.exec(b.text)?.[1];
    else if (b.kind === 'breadcrumb') notes.push(`breadcrumb after the stamp, not used: ${q(b.text)}`);
    else {
      // A line like a byline without "By", `Jane Doe | AP`, where no byline was read yet and it is no photo
      // link's credit: not read as one, as under the headline, but a line of the head, noted, and the
      // stamps, bylines, photo and dateline after it are read. (It is the body if the story has no other.)
      // The BBC's byline under its stamp: a name alone over its outlet and place (`Jane Doe`, then `BBC
      // News, Berlin`), read as `By Jane Doe, BBC News`, the place noted (QA: both were the body's first lines).
      const next = blocks[i + 1];
      const outlet = !bylineRead && next?.kind === 'text' && personAlone(b.text) ? outletInPlace(next.text) : undefined;
      const signed = outlet === undefined ? undefined : parseByline(`By ${b.text}, ${outlet.outlet}`);
      if (signed !== undefined) {
        takeByline(signed);
        notes.push(placesNote(outlet?.place ?? ''));
        i += 1;
        continue;
      }
      // A photo's credit alone over the story, with no caption (the Global Times' `Photo: VCG`).
      const alone = caption === undefined && headCredit === undefined && next !== undefined ? photoCreditAlone(b.text) : undefined;
      if (alone !== undefined) {
        headCredit = alone;
        continue;
      }
      // Its photo: the source alone over the caption (`Getty Images`, then `Commuters waited …`), before the story.
      const source = caption === undefined && next?.kind === 'text' && next.text.length <= 200 && blocks[i + 2] !== undefined && parseDatelineLead(next.text) === undefined ? photoSourceAlone(b.text) : undefined;
      if (source !== undefined && next !== undefined) {
        caption = { caption: next.text, credit: source };
        i += 1;
        continue;
      }
      // So is a name alone that starts with a given name the importer knows, over the story, as NPR prints its byline
      // under its stamp (QA: it was the story's first heading, `## Jane Doe`).
      if (!bylineRead && blocks[i - 1]?.kind !== 'image' && (barByline(b.text) !== undefined || (next !== undefined && personAlone(b.text) && startsWithKnownName(b.text)))) {
        notes.push(`${barNote(b.text)}; left out of the body`);
        barLines.push(b);
        continue;
      }
      const byline = parseByline(b.text);
      const agency = parseAgencyLine(b.text);
      const found = caption === undefined && parseDatelineLead(b.text) === undefined ? splitPhotoCredit(b.text) : undefined;
      // A credit in a form a story's paragraph also takes counts only before the dateline (past the lines
      // this loop takes: a byline, the image URL, a dateline printed alone on its line).
      const photo = found === undefined || (found.weak === true && !datelineAhead(blocks, i + 1)) ? undefined : { caption: found.caption, credit: found.credit };
      if (byline !== undefined) takeByline(byline);
      else if (agency !== undefined) agencies.push({ agency, printed: b.text });
      else if (photo !== undefined) caption = photo;
      else {
        // Reuters' summary box over the story (`Summary`, then its points, then the dateline's paragraph): left out
        // of the body, noted with its points (QA: the points were headings of the story, and its dateline, agency
        // and all, a paragraph).
        const points = summaryBox(blocks, i);
        if (points === undefined) break;
        notes.push(`the page's summary box over the story left out: ${points.map((p) => q(p.text)).join('; ')}`);
        i += points.length;
      }
    }
  }
  // A labelled stamp closing the page (the Hindu prints `Published - …` under the story, its update above
  // it): a stamp, as in the head, and no paragraph of the story.
  let end = blocks.length;
  while (end > i + 1 && blocks[end - 1]?.kind === 'stamp' && STAMP_LABEL.test(blocks[end - 1]?.text ?? '')) end -= 1;
  const ambiguousLater = ambiguousStamp([...blocks.slice(0, i), ...blocks.slice(end)], ctx.timezone);
  if (ambiguousLater !== undefined) return { stories: [], diagnostics: [...diagnostics, problems.ambiguous(file, ambiguousLater, ctx.timezone)] };

  // A second story on the page (two pages pasted into one file): the site's breadcrumb, then a headline
  // and a stamp. Refused, not written into the first story's body.
  const second = secondStory(blocks.slice(i), afterEndMark);
  if (second !== undefined) return { stories: [], diagnostics: [...diagnostics, diagnostic(Errors.ImportSecondStory, { file, line: second.n }, second.text)] };
  for (const b of blocks.slice(end)) takeStampLine(b.text, b.n);
  // The body. Special lines inside it are kept as text: inside a story they are not what they look like.
  const body: PageBlock[] = [];
  for (const b of blocks.slice(i, end)) {
    if (b.kind === 'id' && explicitId === undefined) takeId(b);
    else {
      if (b.kind !== 'text') notes.push(`kept in the body, though it looks like a ${b.kind === 'image' ? 'photo link' : b.kind} line: ${q(b.text)}`);
      body.push({ ...b, kind: 'text' });
    }
  }
  // A story of nothing but such lines keeps them as its body.
  if (body.length === 0 && barLines.length > 0) {
    body.push(...barLines.map((b) => ({ ...b, kind: 'text' as const })));
    notes.push('the lines like bylines without "By" are the body: the story has no other paragraph');
  }

  // A wire's note of what this version changed, over the copy (Reuters' `(Adds union comment in paragraphs 4-5)`
  // over its dateline): for the desk, not the reader, as under it (below). Noted. (It was kept as the story's
  // first paragraph, the dateline read from the second.)
  const versionNote = body.length > 1 && VERSION_NOTE.test(body[0]?.text ?? '') ? body.shift() : undefined;
  if (versionNote !== undefined) notes.push(versionNoteLeft(versionNote.text));

  // The dateline leads the first paragraph; agency copy may print it alone on a line ("WASHINGTON, Feb. 4 (Xinhua) --").
  let lead: TextLead | undefined;
  let leadLine = 0;
  // Usually the first paragraph; after one short paragraph that is not the story's (an editor's note,
  // a caption whose credit is in a form not read), the second, the first staying where it is.
  // (There, only a lead with an agency, a date, a region or a city the gazetteer knows: "NATO — Already
  // stretched …" is a sentence. In either, `leadOf` reads a lead with neither agency nor date only before
  // a sentence that starts as one does: "NATO — already stretched …" is no dateline.)
  const strong = (l: DatelineLead | undefined): boolean => {
    if (l === undefined) return false;
    const place = lookupCity(l.city);
    return l.agency !== undefined || l.day !== undefined || l.region !== undefined || place.found || place.reason === 'ambiguous';
  };
  const at = body[0] === undefined ? -1 : leadOf(body[0]) !== undefined ? 0 : body[1] !== undefined && (body[0]?.text.length ?? 0) <= 600 && strong(leadOf(body[1])) ? 1 : -1;
  const first = body[at];
  if (first !== undefined) {
    lead = leadOf(first);
    if (lead !== undefined) {
      leadLine = first.n;
      notes.push(...(lead.notes ?? []));
      if (at === 1) notes.push(`dateline read from the second paragraph; the one before it is kept in the body: ${q(body[0]?.text ?? '')}`);
      if (lead.rest === '') body.splice(at, 1);
      else body[at] = { ...first, text: lead.rest };
    }
  }

  // Credit lines close the story: contributor taglines and agency lines, read from the end up.
  // (Gathered from the end up, then put in the order printed: `unshift` for each line was quadratic.)
  const trailingFromEnd: AgencyLine[][] = [];
  const closingFromEnd: Contributor[][] = [];
  // The end mark: "… a year. Enditem", "……持续恶化。（完）" (before the credit lines, or after them).
  // (（完） among the last paragraphs, taken off or not, says the copy is Chinese: `copyLanguage`.)
  const chineseEndMark = body.slice(-4).some((b) => /[（(]完[）)]["'”’」』\s]*$/u.test(b.text));
  const unmark = (): void => {
    const ending = body[body.length - 1];
    const unmarked = ending === undefined ? undefined : withoutEndMark(ending.text);
    if (ending !== undefined && unmarked !== undefined) body[body.length - 1] = { ...ending, text: unmarked };
  };
  unmark();
  /** A photo's credit alone closing the copy (`Photo: Jane Doe/Reuters`), among the credit lines. */
  let closingPhoto: { credit: string; block: PageBlock } | undefined;
  // How many of the body's paragraphs are an interview's lines, kept as paragraphs are taken off the end
  // (counted at each line, a page closing with 20,000 bylines took 15 s: hostile scan).
  let interviewLines = body.filter((b) => isInterviewLine(b.text)).length;
  const popLast = (): void => {
    const b = body.pop();
    if (b !== undefined && isInterviewLine(b.text)) interviewLines -= 1;
  };
  while (body.length > 0) {
    const last = body[body.length - 1] as PageBlock;
    // A rule closing the copy (AP's `___` over its credit line, which then stayed the last paragraph as
    // `\_\_\_`) is no paragraph of the story.
    if (body.length > 1 && RULE.test(last.text)) {
      popLast();
      continue;
    }
    // A wire's note of what this version changed, closing the copy (Bloomberg's and Reuters' `(Updates with
    // union comment in second paragraph.)`, `(Adds quote in paragraph 5)`): for the desk, not the reader. Noted.
    if (body.length > 1 && VERSION_NOTE.test(last.text)) {
      notes.push(versionNoteLeft(last.text));
      popLast();
      continue;
    }
    // A syndicating site's notice on its copy (NDTV's, Business Standard's): left out, noted (QA: it stayed the
    // story's last paragraph, saying a site's staff had not edited the desk's copy).
    if (body.length > 1 && SYNDICATION_NOTE.test(last.text)) {
      notes.push(`the syndicating site's notice left out: ${q(last.text)}`);
      popLast();
      continue;
    }
    // A biography of one of the story's authors closing the page (the New York Times' `Jane Roe is a
    // correspondent for The Times based in Berlin …`): no paragraph of the story. Noted.
    if (body.length > 1 && authorBiography(last.text, authorSet)) {
      notes.push(`an author's biography closing the page left out: ${q(last.text)}`);
      popLast();
      continue;
    }
    const alone = closingPhoto === undefined && body.length > 1 ? photoCreditAlone(last.text) : undefined;
    if (alone !== undefined) {
      closingPhoto = { credit: alone, block: last };
      popLast();
      continue;
    }
    // "记者：王晓岚 李华": the reporters, as Chinese papers sign at the end (not an interview's last line).
    const interview = interviewLines - (isInterviewLine(last.text) ? 1 : 0) > 0;
    const credit = closingCredit(last.text, interview);
    if (credit === undefined) break;
    if (credit.kind === 'signed') {
      for (const name of credit.names) addAuthor(name);
    } else if (credit.kind === 'agency') trailingFromEnd.push([{ agency: credit.agency, printed: last.text }]);
    else if (credit.kind === 'people') closingFromEnd.push(credit.people);
    else {
      // A byline printed at the end ("By Wang Jing in Beijing"), as some papers sign.
      const named: typeof agencies = [];
      takeByline(credit.byline, named);
      trailingFromEnd.push(named);
    }
    popLast();
  }
  const trailingAgencies = trailingFromEnd.reverse().flat();
  const closing = closingFromEnd.reverse().flat();
  unmark();
  // The mark after a sentence that only what pages print after a story follows ("……了了。（完）”" then
  // "（原标题：…）"): off too. A mark with more of the story after it (an episode list's "第一集：开端。（完）") stays.
  for (const { index, text: unmarked } of innerEndMarks(body.map((b) => b.text))) {
    const b = body[index] as PageBlock;
    body[index] = { ...b, text: unmarked };
    notes.push(innerEndMarkNote(b.text));
  }
  // The photo's credit, when the caption gave none (QA: `Photo: Jane Doe/Reuters` stayed the story's last
  // paragraph); the same credit as the caption's is said once; another is kept where it was, noted.
  let photoCredit = caption === undefined ? headCredit : undefined;
  if (closingPhoto !== undefined) {
    const first = caption?.credit ?? photoCredit;
    if (first === undefined) photoCredit = closingPhoto.credit;
    else if (first.toLowerCase() !== closingPhoto.credit.toLowerCase()) {
      body.push(closingPhoto.block);
      notes.push(`kept in the body: a photo credit after the ${caption === undefined ? 'first' : 'caption\'s'} own (${q(first)}): ${q(closingPhoto.block.text)}`);
    }
  }
  contributors.push(...closing);
  // Agency lines at the end are the story's credit; they come before a publication name next to the stamp.
  agencies.unshift(...trailingAgencies);
  for (const b of body) if (looksLikeCredit(b.text)) notes.push(`kept in the body, though it looks like a credit line: ${q(b.text)}`);

  // Dates (`storyDates`).
  const dates = storyDates({ stamps, untimed, unreadPublished }, file, ctx.timezone, lines, diagnostics, notes);
  if (dates === undefined) return { stories: [], diagnostics };
  fields.date = dates.date;
  if (dates.updated !== undefined) fields.updated = dates.updated;
  const { dated } = dates;

  // Language: from the script of the headline (Chinese copy has one mostly in Han characters), and of the
  // body where it says more (kana: Japanese; traditional characters: zh-Hant). See `copyLanguage`.
  // A Chinese lead (`新华社东京2月5日电`, read with a city in Han characters) or end mark says Chinese,
  // whatever Japanese title in kana the copy quotes.
  const chineseLead = lead !== undefined && /\p{Script=Han}/u.test(lead.city);
  // (And so does a French or Spanish stamp's label, `Publié le`, `Publicado`, when no lead says one: Le Monde prints none.)
  const leadLanguage = lead?.language ?? stamps.find((s) => s.language !== undefined)?.language;
  const language = copyLanguage(fields.title, body.map((b) => b.text).join('\n'), { chineseLead, chineseEndMark, ...(leadLanguage === undefined ? {} : { leadLanguage }) });
  if (language !== undefined) fields.language = language;

  if (lead?.reporters !== undefined) for (const name of reporterNames(lead.reporters)) addAuthor(name);
  if (authors.length > 0) fields.authors = authors;

  // Agency (`storyAgency`): the agency lines closing the story rank first.
  const agency = storyAgency(agencies, trailingAgencies.length, lead?.agency, notes);
  if (agency !== undefined) fields.agency = agency;
  // A publication after the byline that is the story's agency after all (`By Jane Roe, CNN` over CNN's lead,
  // `Valencia, Spain CNN —`) was kept: its note goes (review: it said "not kept" beside the agency CNN).
  const keptAfterAll = fields.agency === undefined ? undefined : `publication after the byline not kept (not a known agency): ${q(fields.agency.name)}`;
  for (let k = keptAfterAll === undefined ? -1 : notes.indexOf(keptAfterAll); k >= 0; k = notes.indexOf(keptAfterAll ?? '')) notes.splice(k, 1);
  const others = besidesAuthors(contributors, authors, notes, fields.agency);
  if (others.length > 0) fields.contributors = others;

  if (lead !== undefined) fields.dateline = leadDateline(lead, leadLine, dated, file, diagnostics, notes);

  /*
   * The photo. Page text has no image URL unless the copy carries an "Image:" line. The caption and credit
   * are still the photo's, so they go to `image` without a URL (the record schema allows that: the build
   * prints them as a caption line above the story, not in the first paragraph, which keeps the dateline
   * and the summary on the lead), and a note tells the desk the photo itself is missing. Keeping the
   * caption as the first body paragraph instead would give it the dateline and make it the summary.
   */
  if (caption !== undefined || imageUrl !== undefined || photoCredit !== undefined) {
    const image: NonNullable<RecordFieldsOut['image']> = {};
    if (imageUrl !== undefined) image.url = imageUrl;
    if (caption !== undefined) Object.assign(image, caption);
    if (photoCredit !== undefined) image.credit = photoCredit;
    fields.image = image;
    if (imageUrl === undefined) notes.push(`photo ${caption === undefined ? 'credit' : 'caption and credit'} found but no image URL: add image.url to show the photo`);
  }
  const markdown = body.map((b, k) => (k > 0 && k < body.length - 1 && isSubheading(b) ? markdownHeading(b.text) : markdownText(b.text))).join('\n\n');

  const id = explicitId ?? contentId(fields.title, dates.date, ctx.timezone);
  return { stories: [{ fields: { ...fields, id, title: fields.title, date: dates.date }, body: markdown, notes }], diagnostics };
};
