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
import { lookupCity } from './gazetteer.js';
import type { DatelineLead } from './_dateline-lead.js';
import { besidesAuthors, reporterNames } from './_contributors.js';
import { contentId, markdownHeading, markdownText, withoutWireMarks } from './record.js';
import { invisibleOnly } from './_tree.js';
import type { Importer, ImportResult, RecordFieldsOut } from './types.js';
import { type PageBlock, BREADCRUMB_SEP, classify, type Line, withoutLinkNoise } from './_page.js';
import { leadOf, type TextLead } from './_lead.js';
import { copyLanguage } from './_language.js';
import { ambiguousStamp, problems, q, STAMP_LABEL } from './_text-problems.js';
import { leadDateline, storyDates } from './_text-dates.js';
import { EMBARGOED_COPY, embargoLine } from './_story.js';
import { storyAgency } from './_text-agency.js';
import { isSubheading, pageBlocks, secondStory, VERSION_NOTE, versionNoteLeft } from './_text-body.js';
import { PageState, type NumberedText } from './_text-state.js';
import { readHead } from './_text-head.js';
import { readOpening } from './_text-opening.js';
import { readEnding } from './_text-ending.js';
import { stampZoneByDateline } from './_text-zone-hint.js';

/** A page's lines, numbered and classified (`classify`). */
function pageLines(text: string, timezone: string): Line[] {
  // A run of spaces or tabs inside a line is one space, as a page shows it (and as Markdown would):
  // the line patterns, which allow whitespace around separators, then never meet a long run
  // (100,000 spaces took them 35 s).
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    // (And a second stamp's label glued to the first stamp's zone, as Reuters' line copies: `… 10:30 AM GMT+1Updated
    // 2 hours ago`, which was no stamp.)
    // (A tab, a vertical tab, a form feed or a NEL is a space: the build strips the last three, gluing the words beside.)
    const read = withoutLinkNoise(raw.replace(/[\t\v\f\u0085]/gu, ' ').replace(/[^\S\r\n]{2,}/g, ' ').trim()).replace(/(?<=(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|\b[A-Z]{2,5}T)(?=Updated\b)/g, ' ');
    // (A line of nothing but invisible characters, a direction mark or a zero-width space left by a copy, is blank: fuzzing,
    // one was the headline, a title the build refused as empty.)
    const t = invisibleOnly(read) ? '' : read;
    return { n: i + 1, text: t, kind: classify(t, timezone) };
  });
}

// ----- The importer -----

/**
 * A page read in phases, each in a file of its own: the head before the first stamp (`readHead`: the headline and
 * credits), the blocks from the stamp to the story (`readOpening`), the dateline lead, the lines closing the story
 * (`readEnding`), then the record's dates, language, credits, dateline and photo.
 */
export const importText: Importer = (input, ctx): ImportResult => {
  const result = importPage(input, ctx);
  if (result.stories.length > 0) return result;
  // A stamp in `IST` on a desk elsewhere, over a NEW DELHI dateline: India's, read as such (noted).
  const hinted = stampZoneByDateline(input, ctx.timezone);
  const again = hinted === undefined ? undefined : importPage(hinted.text, ctx);
  if (hinted === undefined || again === undefined || again.stories.length === 0) return result;
  for (const s of again.stories) s.notes.unshift(hinted.note);
  return again;
};

/** One reading of the page, in the phases above (`importText` reads it again when the dateline decides a stamp's zone). */
function importPage(input: string, ctx: Parameters<Importer>[1]): ImportResult {
  const file = ctx.file;
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { stories: [], diagnostics: [problems.empty(file)] };
  const bad = /[\u0000\uFFFD]/.exec(text);
  if (bad !== null) return { stories: [], diagnostics: [problems.binary(file, text.slice(0, bad.index).split(/\r\n|\r|\n/).length, bad[0] === '\u0000')] };

  const lines = pageLines(text, ctx.timezone);
  const page = new PageState(file, ctx.timezone);
  const { diagnostics, notes, fields } = page;

  // Header: everything before the first stamp. What stands before the breadcrumb is the site's.
  const firstStamp = lines.findIndex((l) => l.kind === 'stamp');
  const headerEnd = firstStamp < 0 ? lines.length : firstStamp;
  // Copy under embargo (`EMBARGOED UNTIL 00:01 GMT …` over a press release or a wire story): no record, which
  // the next build would publish before its time (QA: the line was "found before the stamp and not used").
  const embargoed = (l: NumberedText): ImportResult => ({ stories: [], diagnostics: [...diagnostics, diagnostic(Errors.ImportNotPublished, { file, line: l.n }, `under embargo (${q(l.text)})`, EMBARGOED_COPY)] });
  const headEmbargo = lines.slice(0, headerEnd).find((l) => embargoLine(l.text));
  if (headEmbargo !== undefined) return embargoed(headEmbargo);
  const crumb = lines.slice(0, headerEnd).findIndex((l) => l.kind === 'breadcrumb');
  if (crumb >= 0) {
    const parts = (lines[crumb]?.text ?? '').split(BREADCRUMB_SEP).filter(Boolean);
    if (parts.length >= 2) fields.section = parts[parts.length - 1] ?? '';
  }
  const headline = readHead(page, lines, crumb, firstStamp);
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

  // Blocks from the stamp on (`pageBlocks`); before the body: more stamps, bylines, agency lines, the id, the
  // image URL and the photo caption (`readOpening`).
  const { blocks, afterEndMark } = pageBlocks(lines.slice(firstStamp), notes);
  const opening = readOpening(page, blocks);
  if ('embargo' in opening) return embargoed(opening.embargo);
  const { start: i, headCredit, barLines } = opening;
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
  for (const b of blocks.slice(end)) page.takeStampLine(b.text, b.n);
  // The body. Special lines inside it are kept as text: inside a story they are not what they look like.
  const body: PageBlock[] = [];
  for (const b of blocks.slice(i, end)) {
    if (b.kind === 'id' && page.explicitId === undefined) page.takeId(b);
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
  // over its dateline): for the desk, not the reader, as under it (`readEnding`). Noted. (It was kept as the story's
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

  // Credit lines close the story: contributor taglines and agency lines, read from the end up (`readEnding`).
  const { trailingAgencies, chineseEndMark, photoCredit } = readEnding(page, body, headCredit);

  // Dates (`storyDates`).
  const dates = storyDates(page, file, ctx.timezone, lines, diagnostics, notes);
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
  const leadLanguage = lead?.language ?? page.stamps.find((s) => s.language !== undefined)?.language;
  const language = copyLanguage(fields.title, body.map((b) => b.text).join('\n'), { chineseLead, chineseEndMark, ...(leadLanguage === undefined ? {} : { leadLanguage }) });
  if (language !== undefined) fields.language = language;

  const { authors } = page;
  if (lead?.reporters !== undefined) for (const name of reporterNames(lead.reporters)) page.addAuthor(name);
  if (authors.length > 0) fields.authors = authors;

  // Agency (`storyAgency`): the agency lines closing the story rank first.
  const agency = storyAgency(page.agencies, trailingAgencies.length, lead?.agency, notes);
  if (agency !== undefined) fields.agency = agency;
  // A publication after the byline that is the story's agency after all (`By Jane Roe, CNN` over CNN's lead,
  // `Valencia, Spain CNN —`) was kept: its note goes (review: it said "not kept" beside the agency CNN).
  const keptAfterAll = fields.agency === undefined ? undefined : `publication after the byline not kept (not a known agency): ${q(fields.agency.name)}`;
  for (let k = keptAfterAll === undefined ? -1 : notes.indexOf(keptAfterAll); k >= 0; k = notes.indexOf(keptAfterAll ?? '')) notes.splice(k, 1);
  const others = besidesAuthors(page.contributors, authors, notes, fields.agency);
  if (others.length > 0) fields.contributors = others;

  if (lead !== undefined) fields.dateline = leadDateline(lead, leadLine, dated, file, diagnostics, notes);

  /*
   * The photo. Page text has no image URL unless the copy carries an "Image:" line. The caption and credit
   * are still the photo's, so they go to `image` without a URL (the record schema allows that: the build
   * prints them as a caption line above the story, not in the first paragraph, which keeps the dateline
   * and the summary on the lead), and a note tells the desk the photo itself is missing. Keeping the
   * caption as the first body paragraph instead would give it the dateline and make it the summary.
   */
  const headings = subheadings(body);
  const { caption, imageUrl } = page;
  if (caption !== undefined || imageUrl !== undefined || photoCredit !== undefined) {
    const image: NonNullable<RecordFieldsOut['image']> = {};
    if (imageUrl !== undefined) image.url = imageUrl;
    if (caption !== undefined) Object.assign(image, caption);
    if (photoCredit !== undefined) image.credit = photoCredit;
    fields.image = image;
    if (imageUrl === undefined) notes.push(`photo ${caption === undefined ? 'credit' : 'caption and credit'} found but no image URL: add image.url to show the photo`);
  }
  const markdown = body.map((b, k) => (headings.has(k) ? markdownHeading(b.text) : markdownText(b.text))).join('\n\n');

  const id = page.explicitId ?? contentId(fields.title, dates.date, ctx.timezone);
  return { stories: [{ fields: { ...fields, id, title: fields.title, date: dates.date }, body: markdown, notes }], diagnostics };
}

/**
 * Which body blocks are subheadings: short lines that part prose (`isSubheading`), not the lead or the last.
 * Short lines one after another, three or more, are a list (a digest of headlines, a day's results under
 * `Sunday's Games`), and a body of short lines alone is one too: their lines stay paragraphs. (QA: AP's
 * `AP Top Entertainment News` came out as headings between two paragraphs, its results as headings.)
 */
function subheadings(body: readonly PageBlock[]): Set<number> {
  const short = body.map((b) => isSubheading(b));
  const out = new Set<number>();
  if (!short.includes(false)) return out;
  for (let k = 0; k < body.length; ) {
    let end = k;
    while (end < body.length && short[end]) end += 1;
    if (end - k > 0 && end - k < 3) for (let i = k; i < end; i++) if (i > 0 && i < body.length - 1) out.add(i);
    k = Math.max(end, k + 1);
  }
  return out;
}
