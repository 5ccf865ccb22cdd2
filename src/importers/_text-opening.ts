/**
 * The blocks of a page copied as text from its first stamp to the story (`pageBlocks`): more stamps, bylines,
 * agency lines, the id, the image URL, the photo's caption and credit, the page's summary box. They are read
 * into the page, and the story starts at the first block that is none of these.
 */
import { parseAgencyLine } from './_agencies.js';
import { barByline, outletInPlace, personAlone } from './_bar-byline.js';
import { parseByline } from './_bylines.js';
import { parseDatelineLead } from './_dateline-lead.js';
import { startsWithKnownName } from './_given-names.js';
import { leadOf } from './_lead.js';
import { IMAGE_LINE, type PageBlock } from './_page.js';
import { photoCreditAlone, photoSourceAlone, splitPhotoCredit } from './_photo-credits.js';
import { publicationLabel } from './_stamps.js';
import { embargoLine } from './_story.js';
import { summaryBox } from './_text-body.js';
import { q, readsAsProse, STAMP_LABEL } from './_text-problems.js';
import { barNote, type PageState, placesNote } from './_text-state.js';

/** Where the story starts, and what the blocks before it gave besides what went into the page. */
export interface Opening {
  /** The index of the story's first block. */
  start: number;
  /** A photo's credit alone under the stamp, before the story. */
  headCredit: string | undefined;
  /** Lines like bylines without "By" in the head, left out of the body (the body if the story has no other). */
  barLines: PageBlock[];
}

/** Whether the first block from `from` on that is not a stamp, id, image URL, byline or agency line leads with a dateline. */
function datelineAhead(blocks: readonly PageBlock[], from: number): boolean {
  for (const b of blocks.slice(from)) {
    if (b.kind === 'stamp' || b.kind === 'id' || b.kind === 'image' || (parseByline(b.text) ?? barByline(b.text)) !== undefined || parseAgencyLine(b.text) !== undefined) continue;
    return leadOf(b) !== undefined;
  }
  return false;
}

/** Reads the blocks before the story into `page`: where it starts, or the line saying the copy is under embargo. */
export function readOpening(page: PageState, blocks: readonly PageBlock[]): Opening | { embargo: PageBlock } {
  const { notes } = page;
  let headCredit: string | undefined;
  const barLines: PageBlock[] = [];
  let i = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i] as PageBlock;
    if (b.kind === 'stamp') page.takeStampLine(b.text, b.n);
    else if (embargoLine(b.text)) return { embargo: b };
    // A second stamp in a form not read ("Updated: 2025-02-05 9:30 PM EST") is no paragraph of the story.
    // (One in a zone that names several was refused before.)
    else if (page.untimedLine(b)) continue;
    else if (page.reportedFrom(b)) continue;
    else if (STAMP_LABEL.test(b.text) && !readsAsProse(b.text)) {
      if (publicationLabel(b.text)) page.unreadPublished.push({ n: b.n, text: b.text });
      else notes.push(`stamp in a form not read, not used: ${q(b.text)}`);
    }
    else if (b.kind === 'id') page.takeId(b);
    else if (b.kind === 'image') page.imageUrl ??= IMAGE_LINE.exec(b.text)?.[1];
    else if (b.kind === 'breadcrumb') notes.push(`breadcrumb after the stamp, not used: ${q(b.text)}`);
    else {
      // A line like a byline without "By", `Jane Doe | AP`, where no byline was read yet and it is no photo
      // link's credit: not read as one, as under the headline, but a line of the head, noted, and the
      // stamps, bylines, photo and dateline after it are read. (It is the body if the story has no other.)
      // The BBC's byline under its stamp: a name alone over its outlet and place (`Jane Doe`, then `BBC
      // News, Berlin`), read as `By Jane Doe, BBC News`, the place noted (QA: both were the body's first lines).
      const next = blocks[i + 1];
      const outlet = !page.bylineRead && next?.kind === 'text' && personAlone(b.text) ? outletInPlace(next.text) : undefined;
      const signed = outlet === undefined ? undefined : parseByline(`By ${b.text}, ${outlet.outlet}`);
      if (signed !== undefined) {
        page.takeByline(signed);
        notes.push(placesNote(outlet?.place ?? ''));
        i += 1;
        continue;
      }
      // A photo's credit alone over the story, with no caption (the Global Times' `Photo: VCG`).
      const alone = page.caption === undefined && headCredit === undefined && next !== undefined ? photoCreditAlone(b.text) : undefined;
      if (alone !== undefined) {
        headCredit = alone;
        continue;
      }
      // Its photo: the source alone over the caption (`Getty Images`, then `Commuters waited …`), before the story.
      const source = page.caption === undefined && next?.kind === 'text' && next.text.length <= 200 && blocks[i + 2] !== undefined && parseDatelineLead(next.text) === undefined ? photoSourceAlone(b.text) : undefined;
      if (source !== undefined && next !== undefined) {
        page.caption = { caption: next.text, credit: source };
        i += 1;
        continue;
      }
      // So is a name alone that starts with a given name the importer knows, over the story, as NPR prints its byline
      // under its stamp (QA: it was the story's first heading, `## Jane Doe`).
      if (!page.bylineRead && blocks[i - 1]?.kind !== 'image' && (barByline(b.text) !== undefined || (next !== undefined && personAlone(b.text) && startsWithKnownName(b.text)))) {
        notes.push(`${barNote(b.text)}; left out of the body`);
        barLines.push(b);
        continue;
      }
      const byline = parseByline(b.text);
      const agency = parseAgencyLine(b.text);
      const found = page.caption === undefined && parseDatelineLead(b.text) === undefined ? splitPhotoCredit(b.text) : undefined;
      // A credit in a form a story's paragraph also takes counts only before the dateline (past the lines
      // this loop takes: a byline, the image URL, a dateline printed alone on its line).
      const photo = found === undefined || (found.weak === true && !datelineAhead(blocks, i + 1)) ? undefined : { caption: found.caption, credit: found.credit };
      if (byline !== undefined) page.takeByline(byline);
      else if (agency !== undefined) page.agencies.push({ agency, printed: b.text });
      else if (photo !== undefined) page.caption = photo;
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
  return { start: i, headCredit, barLines };
}
