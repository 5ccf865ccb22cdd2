/**
 * NITF 3.x → article records (IPTC NITF 3.6; field list in shared/reference/news-feeds.md §4). The XML is
 * checked for well-formedness first, so a truncated file is named with the line where it breaks; then the
 * structured head (doc-id, norm dates, section, keywords, copyright, management status) and body.head
 * (headline, byline, distributor, dateline) become fields, and body.content becomes the Markdown body.
 *
 * Only what is NITF's own is here; the element tree is in `_tree.ts`, the body's blocks in `_blocks.ts`, and
 * credits, datelines, the picture, time stamps and ids (shared with the ninjs importer) in `_story.ts`.
 */
import { localDate } from '../core/_dates.js';
import { isLanguageTag } from '../core/validate.js';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { collectBlocks, renderBlocks, type Collected } from './_blocks.js';
import {
  clockError, datelineDay, laterStamp, leadDateline, noteLocalStamp, permanentId, pickImage, readStamp, resolveDateline, storyDateline, WITHDRAWN, type DatelineOut, type Timed, withoutRepeatedHeadline,
} from './_story.js';
import { Credits } from './_credits.js';
import { attr, child, children, descendants, lineOf, squash, textOf, unique, type El } from './_tree.js';
import { readXmlCopy } from './_xml-copy.js';
import { printedDateline } from './_dateline-lead.js';
import { parseAgencyLine } from './_agencies.js';
import { printedDay } from './_months.js';
import { agencyOfJob, agencyOfPublication, isJobPhrase } from './_names.js';
import { headByline, takeClosingCredits, takeCreditLine } from './_closing.js';
import { nameSuffix, withSuffix } from './_suffix.js';
import type { ImportContext, ImportResult, Importer, RecordFieldsOut } from './types.js';
import { withoutWireMarks } from './record.js';

/** management-status values under which the agency has not released the story (NITF 3.x docdata), with advice. */
const NOT_PUBLISHED: Readonly<Record<string, string>> = {
  embargoed: 'the agency has not released this story yet, so no record is written; import the file again once the embargo is lifted',
  ...WITHDRAWN,
};

export const importNitf: Importer = (text: string, ctx: ImportContext): ImportResult => {
  const { file } = ctx;
  const read = readXmlCopy(text, file);
  if ('problem' in read) return { stories: [], diagnostics: [read.problem] };
  const roots = read.roots;
  const nitf = roots.find((n): n is El => typeof n !== 'string' && n.name === 'nitf');
  if (nitf === undefined) {
    const root = roots.find((n): n is El => typeof n !== 'string');
    const what = `this is XML but not NITF (the root element is <${root?.name ?? '?'}>, not <nitf>)`;
    return { stories: [], diagnostics: [diagnostic(Errors.ImportFormatUnknown, { file, line: 1 }, what)] };
  }
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = child(nitf, 'body');
  const bodyHead = child(body, 'body.head');
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];

  // Not released: no record at all. An error, not a warning: nothing was imported, and a kill notice
  // (withheld/canceled) needs a person to act on any earlier copy of the story.
  const status = docdata?.attrs['management-status']?.trim().toLowerCase();
  if (status !== undefined && NOT_PUBLISHED[status] !== undefined) {
    const where = { file, line: lineOf(text, 'management-status'), field: 'nitf/head/docdata@management-status' };
    const own = attr(child(docdata, 'doc-id'), 'id-string')?.trim();
    return { stories: [], diagnostics: [diagnostic(Errors.ImportNotPublished, where, status, NOT_PUBLISHED[status])], ...(own && WITHDRAWN[status] !== undefined ? { withdrawn: { id: own, status } } : {}) };
  }

  // Headline: hedline/hl1, else head/title (NITF's title of the document, usually the same words).
  const hedline = child(bodyHead, 'hedline');
  let title = squash(textOf(child(hedline, 'hl1')));
  if (title === '') {
    title = squash(textOf(child(head, 'title')));
    if (title !== '') notes.push(`no hedline/hl1: the headline is head/title ${JSON.stringify(title)}`);
  }
  if (title === '') {
    const missing = 'the NITF has no text in body.head/hedline/hl1 and no head/title; write the headline as <hl1> in the <hedline>';
    return { stories: [], diagnostics: [diagnostic(Errors.ImportNoHeadline, { file, field: 'nitf/body/body.head/hedline/hl1' }, missing)] };
  }

  // Dates: date.issue is the first publication; a later date.release is a correction.
  const issueRaw = attr(child(docdata, 'date.issue'), 'norm');
  const releaseRaw = attr(child(docdata, 'date.release'), 'norm');
  const issue = issueRaw === undefined ? undefined : readStamp(issueRaw, ctx.timezone);
  const release = releaseRaw === undefined ? undefined : readStamp(releaseRaw, ctx.timezone);
  for (const [raw, stamp, name] of [[issueRaw, issue, 'date.issue'], [releaseRaw, release, 'date.release']] as const) {
    if (raw !== undefined) noteLocalStamp(name, raw, stamp, ctx.timezone, notes);
    const where = { file, line: lineOf(text, `<${name}`), field: `nitf/head/docdata/${name}@norm` };
    if (raw !== undefined && (stamp === undefined || !stamp.hasTime)) {
      diagnostics.push(diagnostic(Errors.FieldType, where, 'a NITF norm date and time like "20250205T092400+0800"', JSON.stringify(raw)));
    }
    // (A wall-clock time the site's zone skips or repeats names no instant: refused, as text copy's is.)
    const clock = stamp === undefined || raw === undefined ? undefined : clockError(stamp, ctx.timezone, where, raw);
    if (clock !== undefined) diagnostics.push(clock);
  }
  if (diagnostics.length > 0) return { stories: [], diagnostics };
  let published = issue;
  let corrected = release;
  if (published === undefined && release !== undefined) {
    notes.push('no date.issue: the first publication is date.release');
    published = release;
    corrected = undefined;
  }
  if (published === undefined) {
    const missing = 'the NITF docdata has neither a date.issue nor a date.release norm date (such as <date.issue norm="20250205T092400+0800"/>)';
    return { stories: [], diagnostics: [diagnostic(Errors.ImportNoDate, { file, field: 'nitf/head/docdata/date.issue' }, missing)] };
  }

  const fields: RecordFieldsOut = { id: '', title: withoutWireMarks(title, notes), date: published.value };
  const updated = laterStamp(published, corrected, notes, 'date.release');
  if (updated !== undefined) fields.updated = updated;

  const section = squash(attr(child(head, 'pubdata'), 'position.section') ?? '');
  if (section !== '') fields.section = section;
  const tags = unique(children(child(docdata, 'key-list'), 'keyword').map((k) => squash(k.attrs['key'] ?? textOf(k))));
  if (tags.length > 0) fields.tags = tags;

  // Summary: the abstract; else the subheadline (hl2) of the hedline.
  const abstract = squash(textOf(child(bodyHead, 'abstract')));
  const decks = children(hedline, 'hl2').map((h) => squash(textOf(h))).filter(Boolean);
  if (abstract !== '') {
    fields.summary = abstract;
    for (const d of decks) notes.push(`hedline/hl2 ${JSON.stringify(d)}: the abstract is the summary`);
  } else if (decks.length > 0) fields.summary = decks.join(' ');

  const language = nitf.attrs['lang'] ?? body?.attrs['lang'] ?? head?.attrs['lang'];
  if (language !== undefined && isLanguageTag(language.trim())) fields.language = language.trim();
  else if (language !== undefined && language.trim() !== '') notes.push(`language ${JSON.stringify(language.trim())} is no language tag: not used`);

  // Credits: bylines (people, not their titles), the distributor as agency.
  const credits = new Credits(notes);
  const distributor = child(bodyHead, 'distributor');
  const distributed = squash(textOf(child(distributor, 'org') ?? distributor));
  if (distributed !== '') credits.agency(distributed, 'distributor');
  for (const byline of children(bodyHead, 'byline')) readByline(byline, credits, notes);

  // Body, then what the body says about the dateline and the picture.
  const collected = collectBlocks(child(body, 'body.content'));
  notes.push(...collected.notes);
  const blocks = collected.blocks;

  // The end of body.content: the end mark, credit lines and reporters signed there; then body.end's
  // taglines. Read before the dateline's lead, as ninjs and text copy are, so that an agency line closing
  // the story ranks before the lead's agency (`DENVER (UPI) —` … `United Press International`).
  withoutRepeatedHeadline(blocks, title, notes);
  headByline(blocks, credits, notes);
  takeClosingCredits(blocks, credits, notes);
  const untaken: string[] = [];
  for (const tagline of children(child(body, 'body.end'), 'tagline')) {
    const line = squash(textOf(tagline));
    if (line === '') continue;
    // As a line closing the body is read (contributors, an agency line, an editor, reporters, a byline).
    if (takeCreditLine(line, credits)) continue;
    untaken.push(line);
  }

  // Dateline: structured location, and the local date at the city from story.date.
  const dl = child(bodyHead, 'dateline');
  const structured = dl === undefined ? undefined : readNitfDateline(dl, published, ctx, diagnostics, notes);
  if (structured !== undefined) {
    const dateline = storyDateline(structured, blocks, published, credits, notes, file, diagnostics);
    if (dateline !== undefined) fields.dateline = dateline;
  } else if (dl === undefined) {
    const dateline = leadDateline(blocks, published, credits, notes, file, diagnostics);
    if (dateline !== undefined) fields.dateline = dateline;
  }

  const image = pickImage(collected.images, notes);
  if (image !== undefined) fields.image = image;
  // (A tagline that is no credit line stays at the end of the body, after the dateline is read.)
  for (const line of untaken) {
    blocks.push({ kind: 'p', inline: [{ text: line }] });
    notes.push(`tagline ${JSON.stringify(line)} is not a credit line: kept at the end of the body`);
  }
  credits.into(fields);

  const rights = readRights(child(docdata, 'doc.copyright'), child(bodyHead, 'rights'));
  if (rights !== undefined) fields.rights = rights;

  const markdown = renderBlocks(blocks);
  const docId = attr(child(docdata, 'doc-id'), 'id-string')?.trim();
  fields.id = permanentId(docId, 'doc-id', title, fields.date, ctx.timezone, notes);
  return { stories: [{ fields, body: markdown, notes }], diagnostics };
};

/**
 * NITF carried inside another document (NewsML-G2's `inlineXML`, AP's Atom `content`): its body.content, its
 * taglines, and its body.head's byline where the carrier's own fields credited no author (they come first).
 * Undefined when `container` holds no NITF.
 */
export function inlineNitf(container: El, credits: Credits, notes: string[]): (Collected & { taglines: string[] }) | undefined {
  if (child(container, 'nitf') === undefined && descendants(container, 'body.content').length === 0) return undefined;
  const content = descendants(container, 'body.content')[0];
  const head = descendants(container, 'body.head')[0];
  if (credits.authors.length === 0) for (const b of children(head, 'byline')) readByline(b, credits, notes);
  const taglines = descendants(container, 'tagline').map((t) => squash(textOf(t))).filter(Boolean);
  return { ...collectBlocks(content), taglines };
}

/** A NITF `<byline>` into the credits: its `<person>`s (with a suffix printed after one), its `<byttl>` titles, the agency it names. */
export function readByline(byline: El, credits: Credits, notes: string[]): void {
  const { people, rest } = bylinePeople(byline);
  for (const t of children(byline, 'byttl').map((b) => squash(textOf(b))).filter(Boolean)) {
    // (A title that names an agency, `AP Sports Writer`, gives it, as in a byline of text.)
    const agency = parseAgencyLine(t) ?? agencyOfPublication(t) ?? agencyOfJob(t);
    if (agency !== undefined) credits.agency(agency, 'the byline');
    notes.push(`byline title (byttl) ${JSON.stringify(t)}: a record has no field for it`);
  }
  if (people.length === 0) {
    credits.byline(rest);
    return;
  }
  for (const p of people) credits.person(p);
  // What is left between the names ("By", "and", commas) may still name an agency: "By Kenji Sato, Xinhua".
  const leftover = rest.replace(/^by\b/i, '').split(/\s*(?:,|;|\||&|\band\b)\s*/i).map((s) => s.trim()).filter(Boolean);
  for (const l of leftover) {
    const agency = parseAgencyLine(l) === undefined && isJobPhrase(l) ? agencyOfJob(l) : undefined;
    const trade = agencyOfPublication(l);
    if (parseAgencyLine(l) !== undefined) credits.agency(l, 'the byline');
    else if (trade !== undefined) credits.agency(trade, 'the byline');
    else if (agency !== undefined) {
      credits.agency(agency, 'the byline');
      notes.push(`byline title not kept (a byline has no field for it): ${JSON.stringify(l)}`);
    } else notes.push(`byline text ${JSON.stringify(l)} is not a name: not used`);
  }
}

/**
 * The byline's people, each with a suffix printed after its element (`<person>Jim Roe</person>, Jr.` →
 * `Jim Roe Jr.`), and the text around them (the elements as commas).
 */
function bylinePeople(byline: El): { people: string[]; rest: string } {
  const people: string[] = [];
  const rest: string[] = [];
  let after = false;
  for (const c of byline.children) {
    if (typeof c !== 'string' && (c.name === 'person' || c.name === 'byttl')) {
      const name = c.name === 'person' ? squash(textOf(c)) : '';
      if (name !== '') people.push(name);
      after = name !== '';
      rest.push(' , ');
      continue;
    }
    let text = typeof c === 'string' ? c : textOf(c);
    const m = after ? /^\s*,\s*(\S+?)(?=\s*(?:$|[,;|&]|\band\b))/u.exec(text) : null;
    const suffix = m === null ? undefined : nameSuffix(m[1] ?? '');
    if (m !== null && suffix !== undefined) {
      people[people.length - 1] = withSuffix(people[people.length - 1] ?? '', suffix);
      text = text.slice(m[0].length);
    }
    after = false;
    rest.push(text);
  }
  return { people, rest: squash(rest.join('')) };
}

function readNitfDateline(dl: El, published: Timed, ctx: ImportContext, diagnostics: Diagnostic[], notes: string[]): DatelineOut | undefined {
  const location = child(dl, 'location');
  let city = squash(textOf(child(location, 'city')));
  const state = squash(textOf(child(location, 'state'))) || squash(textOf(child(location, 'region')));
  const country = squash(textOf(child(location, 'country')));
  let lead: ReturnType<typeof printedDateline>['lead'];
  if (city === '') {
    // An unmarked dateline such as "TOKYO, March 11": the part before the date.
    ({ lead, city } = printedDateline(squash(dl.children.map((c) => (typeof c === 'string' ? c : c.name === 'story.date' ? '' : textOf(c))).join(''))));
  }
  if (city === '') {
    notes.push('dateline without a city: not used');
    return undefined;
  }
  // (The region an unmarked dateline prints, `Portland, Ore., Feb. 4`, narrows the city as a state would.)
  const dateline = resolveDateline(city, state || country || lead?.region || undefined, country || undefined, ctx.file, diagnostics);
  const storyDateEl = child(dl, 'story.date');
  const storyDate = attr(storyDateEl, 'norm');
  const printedDate = squash(textOf(storyDateEl));
  if (storyDate !== undefined) {
    const stamp = readStamp(storyDate, dateline.timezone ?? ctx.timezone);
    if (stamp === undefined) notes.push(`story.date ${JSON.stringify(storyDate)} is not a NITF norm date: not used`);
    // With an offset it is an instant, whose date at the dateline city is the one to print.
    else dateline.date = stamp.offset && stamp.instant !== undefined && dateline.timezone !== undefined ? localDate(stamp.instant, dateline.timezone) : stamp.date;
  } else if (printedDate !== '') {
    // A date in words without its `norm` ("March 4, 2025"): the agency's, as a lead's printed date is.
    const date = wordsDate(printedDate, published, dateline.timezone, notes);
    if (date !== undefined) dateline.date = date;
  } else if (lead?.day !== undefined) {
    // The date the unmarked dateline prints ("TOKYO, March 11"), read as the text importer reads a lead's.
    const d = datelineDay(lead.month, lead.day, published, dateline.timezone, notes, lead.printedDate, lead.year);
    if (d !== undefined) dateline.date = d;
  }
  return dateline;
}

/** The date a `story.date` prints in words: as printed with its year, or the year a lead's month and day is given. */
function wordsDate(printed: string, published: Timed, zone: string | undefined, notes: string[]): string | undefined {
  const day = printedDay(printed);
  if (day === undefined) {
    notes.push(`story.date ${JSON.stringify(printed)} is not a date Dateline reads (a norm attribute, "March 4", "4 March 2025" or 2025-03-04): not used`);
    return undefined;
  }
  if (day.year === undefined) return datelineDay(day.month, day.day, published, zone, notes, printed);
  const date = `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date) {
    notes.push(`story.date ${JSON.stringify(printed)} is not a calendar date: not used`);
    return undefined;
  }
  return date;
}

function readRights(copyright: El | undefined, rights: El | undefined): string | undefined {
  const holder = squash(copyright?.attrs['holder'] ?? '');
  const year = squash(copyright?.attrs['year'] ?? '');
  const parts: string[] = [];
  if (holder !== '' || year !== '') parts.push(['Copyright', year, holder].filter(Boolean).join(' '));
  const statement = squash(textOf(rights));
  if (statement !== '' && !parts.some((p) => statement.includes(p))) parts.push(statement);
  if (parts.length === 0) return undefined;
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/[.\s]*$/, '.') : p)).join(' ');
}
