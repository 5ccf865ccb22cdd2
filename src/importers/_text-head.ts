/**
 * The head of a page copied as text: its lines before the first stamp, after the breadcrumb when there is one.
 * Its bylines and agency lines are credits, its photo's caption over the stamp the photo's; the bylines papers
 * print without "By" in the layouts below are read; the headline and a standfirst are picked among the rest
 * (`pickHeadline`), and what is left is noted.
 */
import { parseAgencyLine } from './_agencies.js';
import { outletInPlace, personAlone, publicationWithAgency, sectionLabel } from './_bar-byline.js';
import { parseByline } from './_bylines.js';
import { pickHeadline } from './_headline.js';
import { IMAGE_LINE, type Line, NAV } from './_page.js';
import { markedPhotoCredit } from './_photo-credits.js';
import { isPlaceName } from './_places.js';
import { segments } from './_stamp-line.js';
import { parseStamp, publicationLabel } from './_stamps.js';
import { A_DATE_OR_TIME, q, readsAsProse, STAMP_LABEL } from './_text-problems.js';
import { barNote, type PageState, placesNote } from './_text-state.js';

/** `in Beijing`, `in Hong Kong`, `in Kyiv, Ukraine`: a place alone, after "in". */
const PLACE_ALONE = /^in \p{Lu}[\p{L}'’.-]*(?:,? \p{Lu}[\p{L}'’.-]*){0,3}$/u;

/**
 * Reads the head, `lines[crumb + 1]` up to `lines[firstStamp]` (the page's lines; `crumb` -1 without a breadcrumb,
 * `firstStamp` -1 without a stamp), into `page`; the headline's line, if one is found.
 */
export function readHead(page: PageState, lines: readonly Line[], crumb: number, firstStamp: number): Line | undefined {
  const { notes } = page;
  const headerEnd = firstStamp < 0 ? lines.length : firstStamp;
  const candidates: Line[] = [];
  /** The line right above the first byline of the head (null: none), as the Washington Post prints its standfirst. */
  let bylineUnder: Line | null | undefined;
  for (const l of lines.slice(crumb + 1, headerEnd)) {
    if (l.kind === 'id') page.takeId(l);
    else if (l.kind === 'image') page.imageUrl ??= IMAGE_LINE.exec(l.text)?.[1];
    // (A line of links, `Home | World | China`, is the site's; a byline with bars is not: `By Jane Doe | AFP | Reuters`.)
    else if (l.kind !== 'text' || (NAV.test(l.text) && parseByline(l.text) === undefined)) continue;
    else if (page.untimedLine(l)) continue;
    else if (page.reportedFrom(l)) continue;
    // A publication stamp in a form not read, over the stamp read (Euronews' `Published on 05/02/2025 - 10:30`
    // over its update): no headline (QA: it was), and the story is refused if no other gives that time.
    else if (STAMP_LABEL.test(l.text) && !readsAsProse(l.text) && publicationLabel(l.text) && A_DATE_OR_TIME.test(l.text)) page.unreadPublished.push({ n: l.n, text: l.text });
    else {
      const byline = parseByline(l.text);
      const agency = parseAgencyLine(l.text);
      // A caption with its credit over the stamp (the New York Times': `… on Wednesday.Credit...Jane Roe for
      // The New York Times`), in a form a word or mark says is a photo's: never the headline (QA: it was).
      const photo = page.caption === undefined ? markedPhotoCredit(l.text) : undefined;
      const credit = byline === undefined && agency === undefined ? publicationWithAgency(l.text) : undefined;
      if (byline !== undefined) {
        bylineUnder ??= candidates[candidates.length - 1] ?? null;
        page.takeByline(byline);
      } else if (agency !== undefined) page.agencies.push({ agency, printed: l.text });
      else if (credit !== undefined) {
        // (`Le Monde avec AFP`: the agency credited, the publication noted.)
        page.agencies.push({ agency: credit.agency, printed: l.text });
        notes.push(`publication not kept (a record has no field for it): ${q(credit.publication)}`);
      }
      else if (photo !== undefined && photo.caption !== '') page.caption = photo;
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
    page.takeByline(outletByline);
    notes.push(placesNote(outletLine?.place ?? ''));
  }
  // El País' byline: a name alone right over a stamp line that opens with the reporters' place (`Jane Doe`, then
  // `Madrid - FEB 05, 2025 - 10:30 CET`), under the headline. Read as `By Jane Doe` (the place is noted with the stamp
  // line). (QA: the name was noted only, and the standfirst above it was the headline.)
  const stampLine = lines[firstStamp];
  const stampSegments = stampLine === undefined ? [] : segments(stampLine.text);
  const stampAt = stampSegments.findIndex((seg) => parseStamp(seg, 0, page.timezone) !== undefined);
  const places = stampAt > 0 ? stampSegments.slice(0, stampAt) : [];
  const nameOverPlace = candidates[candidates.length - 1];
  const placeByline = outletByline === undefined && candidates.length >= 2 && nameOverPlace !== undefined && nameOverPlace.n === (stampLine?.n ?? 0) - 1 &&
    places.length > 0 && places.every(isPlaceName) && personAlone(nameOverPlace.text) ? parseByline(`By ${nameOverPlace.text}`) : undefined;
  if (placeByline !== undefined) {
    candidates.pop();
    bylineUnder ??= candidates[candidates.length - 1] ?? null;
    page.takeByline(placeByline);
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
    page.takeByline(placeLineByline);
    notes.push(placesNote(placeAlone?.text ?? ''));
  }
  const { top, standfirst, guardianByline, likeByline, masthead } = pickHeadline(candidates, crumb >= 0, bylineUnder);
  if (standfirst !== undefined) {
    page.fields.summary = standfirst.text;
    notes.push(`the sentence under the headline taken for the summary: ${q(standfirst.text)}`);
  }
  const headline = candidates[top];
  // A section's label alone taken for the headline, over a byline (`Opinion`, then `By Jane Doe`): the page may have
  // none, or one in a form not read; said, for the desk to check (QA: it went out as the title without a word).
  if (headline !== undefined && page.bylineRead && sectionLabel(headline.text)) {
    notes.push(`the headline ${q(headline.text)} reads as a section's label: the page may have no headline; check it`);
  }
  // (By index: `indexOf` for each line took 2.5 s on a head of 100,000 lines with no stamp. Hostile scan.)
  for (const [k, c] of candidates.entries()) {
    if (c === headline || c === standfirst) continue;
    if (c === masthead) {
      notes.push(`publication not kept (a record has no field for it): ${q(c.text)}`);
      continue;
    }
    const signed = c === guardianByline ? parseByline(`By ${c.text}`) : undefined;
    if (signed !== undefined) {
      page.takeByline(signed);
      continue;
    }
    notes.push(likeByline(k) && k > top ? barNote(c.text) : `found before the stamp and not used: ${q(c.text)}`);
  }
  return headline;
}
