/**
 * NewsML-G2 (IPTC, 2.x) → article records. What agencies deliver (Reuters, AFP, AP, dpa, ANSA): a
 * `newsItem` of text alone, or a `newsMessage` whose `itemSet` holds the story's text item, its pictures'
 * items and the `packageItem` that groups them. Each text item is a story; a picture item the package puts
 * with it (or, with no package, the only story's) is its picture; other items (video, graphics' packages,
 * concepts) are noted.
 *
 * Of an item: `itemMeta` (`pubStatus`, `firstCreated`, `versionCreated`, `embargoed`, `edNote`), `contentMeta`
 * (`headline`, `by`, `creator`, `contributor`, `creditline`, `infoSource`, `located`, `dateline`,
 * `language`, `subject`, `keyword`, `description`), `rightsInfo`, and the `contentSet`'s body: XHTML or NITF
 * inline (`inlineXML`), or text or HTML (`inlineData`). What is made of them (credits, dateline, picture,
 * stamps, id) is shared with the NITF and ninjs importers (`_story.ts`, `_credits.ts`, `_blocks.ts`).
 */
import { isLanguageTag } from '../core/validate.js';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { collectBlocks, renderBlocks, type Block, type Collected, type ImageCandidate, positive } from './_blocks.js';
import { headByline, takeClosingCredits, takeCreditLine } from './_closing.js';
import { Credits } from './_credits.js';
import { agencyKey, parseAgencyLine } from './_agencies.js';
import {
  createdStamps, largestRendition, permanentId, pickImage, placedDateline, readStamp, storyDateline, WITHDRAWN, type DatelineOut, type Timed, withoutRepeatedHeadline,
} from './_story.js';
import { attr, child, children, descendants, squash, textOf, unique, type El } from './_tree.js';
import { lineFinder, readXmlCopy } from './_xml-copy.js';
import { inlineNitf } from './nitf.js';
import { importNewsml1 } from './newsml1.js';
import { parseHtml } from './_html.js';
import { withoutWireMarks } from './record.js';
import type { ImportContext, ImportedStory, ImportResult, Importer, RecordFieldsOut } from './types.js';

/** The items a `newsMessage`'s `itemSet` may hold. */
const ITEMS = new Set(['newsItem', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);
/** An item's start tag in the text (any namespace prefix), for the lines each item's messages name. */
const ITEM_START = /<(?:[\w.-]+:)?(newsItem|packageItem|conceptItem|knowledgeItem|planningItem|catalogItem)(?=[\s/>])/g;

/** An item with where it starts and ends in the text, and the line of an offset in it. */
interface Placed {
  el: El;
  from: number;
  to: number;
  lineAt: (offset: number) => number;
}

export const importNewsml: Importer = (text: string, ctx: ImportContext): ImportResult => {
  const read = readXmlCopy(text, ctx.file);
  if ('problem' in read) return { stories: [], diagnostics: [read.problem] };
  const root = read.roots.find((n): n is El => typeof n !== 'string');
  // (NewsML 1.x, AFP's: a reader of its own.)
  if (root?.name === 'NewsML') return importNewsml1(root, text, ctx);
  if (root === undefined || (root.name !== 'newsItem' && root.name !== 'newsMessage')) {
    const what = `this is XML but not NewsML-G2 (the root element is <${root?.name ?? '?'}>, not <newsItem> or <newsMessage>)`;
    return { stories: [], diagnostics: [diagnostic(Errors.ImportFormatUnknown, { file: ctx.file, line: 1 }, what)] };
  }
  const items = placed(text, root.name === 'newsItem' ? [root] : children(root, 'itemSet').flatMap((s) => s.children.filter((c): c is El => typeof c !== 'string' && ITEMS.has(c.name))));
  const texts = items.filter((i) => i.el.name === 'newsItem' && kindOf(i.el) === 'text');
  const pictures = new Map(items.filter((i) => i.el.name === 'newsItem' && kindOf(i.el) === 'picture').map((i) => [attr(i.el, 'guid') ?? '', i.el] as const));
  const stories = new Set(texts);
  const others = items.filter((i) => !stories.has(i) && i.el.name !== 'packageItem' && !pictures.has(attr(i.el, 'guid') ?? ''));
  if (texts.length === 0) {
    const held = unique(items.map((i) => (i.el.name === 'newsItem' ? `${attr(child(child(i.el, 'itemMeta'), 'itemClass'), 'qcode') ?? 'no itemClass'} newsItem` : i.el.name)));
    const what = `this NewsML-G2 holds no story (no newsItem of text, itemClass ninat:text), only: ${held.join(', ') || 'no item'}; Dateline imports stories`;
    return { stories: [], diagnostics: [diagnostic(Errors.ImportFormatUnknown, { file: ctx.file, line: 1 }, what)] };
  }
  // A story's pictures are those a package's group holds with it, when it is that group's only story (a
  // group of several stories, a day's top news, says no picture is one story's); with no package at all,
  // the message's, when it is the only story.
  const textIds = new Set(texts.map((t) => attr(t.el, 'guid') ?? ''));
  const grouped = new Map<string, El[]>();
  const packaged = new Set<string>();
  for (const p of items.filter((i) => i.el.name === 'packageItem')) {
    for (const g of descendants(p.el, 'group')) {
      const refs = children(g, 'itemRef').map((r) => attr(r, 'residref') ?? '');
      const held = refs.filter((r) => textIds.has(r));
      for (const story of held) packaged.add(story);
      const story = held[0];
      if (story === undefined || held.length > 1) continue;
      const list = grouped.get(story) ?? [];
      for (const r of refs) {
        const picture = pictures.get(r);
        if (picture !== undefined) list.push(picture);
      }
      grouped.set(story, list);
    }
  }
  const result: ImportResult = { stories: [], diagnostics: [] };
  for (const [k, item] of texts.entries()) {
    const guid = attr(item.el, 'guid') ?? '';
    const own = packaged.has(guid) ? [...new Set(grouped.get(guid) ?? [])] : texts.length === 1 ? [...pictures.values()] : [];
    const notes: string[] = [];
    if (!packaged.has(guid) && texts.length > 1 && pictures.size > 0) notes.push(`no packageItem puts the message's ${pictures.size} picture${pictures.size === 1 ? '' : 's'} with this story: not used`);
    else if (packaged.has(guid) && !grouped.has(guid) && pictures.size > 0) notes.push('the package groups this story with other stories only: none of their pictures is its own, not used');
    // (The items not imported, said once, with the message's first story.)
    if (k === 0) for (const o of others) notes.push(`${o.el.name === 'newsItem' ? `${attr(child(child(o.el, 'itemMeta'), 'itemClass'), 'qcode') ?? 'no itemClass'} item` : o.el.name} ${JSON.stringify(attr(o.el, 'guid') ?? '')}: only stories and their pictures are imported`);
    const one = readItem(text, item, own, notes, ctx);
    result.diagnostics.push(...one.diagnostics);
    if (one.story !== undefined) result.stories.push(one.story);
    if (one.withdrawn !== undefined) result.withdrawn ??= one.withdrawn;
  }
  return result;
};

/** The items with their places in the text: the n-th start tag of an item is the n-th item (`ITEMS`) of the tree. */
function placed(text: string, els: El[]): Placed[] {
  const starts = [...text.matchAll(ITEM_START)].map((m) => m.index);
  const all = starts.length > 0 ? starts : [0];
  const lineAt = lineFinder(text);
  // (Items of a package nest no items; the tree's items and the text's start tags are in one order.)
  return els.map((el, i) => ({ el, from: all[i] ?? 0, to: all[i + 1] ?? text.length, lineAt }));
}

/** What an item holds, by its itemClass (`ninat:text`, `ninat:picture`, …); an item without one is text when it has a body. */
function kindOf(item: El): 'text' | 'picture' | 'other' {
  const qcode = attr(child(child(item, 'itemMeta'), 'itemClass'), 'qcode')?.trim().toLowerCase();
  const kind = qcode?.slice(qcode.indexOf(':') + 1);
  if (kind === 'text') return 'text';
  if (kind === 'picture' || kind === 'graphic') return 'picture';
  if (qcode === undefined) return child(child(item, 'contentSet'), 'inlineXML') !== undefined || child(child(item, 'contentSet'), 'inlineData') !== undefined ? 'text' : 'other';
  return 'other';
}

/** A concept's name: its `name` child (the first in English where several languages are given), else its `literal`. */
function nameOf(el: El | undefined): string {
  const names = children(el, 'name');
  const english = names.find((n) => /^en\b/i.test(attr(n, 'lang') ?? ''));
  return squash(textOf(english ?? names[0])) || squash(attr(el, 'literal') ?? '');
}

/** The last part of a QCode (`stat:canceled` → `canceled`), lowercased. */
const codeOf = (qcode: string | undefined): string | undefined => qcode?.trim().toLowerCase().replace(/^[^:]*:/, '');

function readItem(text: string, item: Placed, pictures: El[], notes: string[], ctx: ImportContext): { story?: ImportedStory; diagnostics: Diagnostic[]; withdrawn?: { id: string; status: string } } {
  const { file } = ctx;
  const el = item.el;
  const meta = child(el, 'itemMeta');
  const cm = child(el, 'contentMeta');
  const guid = attr(el, 'guid')?.trim();
  /** Where an element of this item is: its line (the item's text searched), and its path. */
  const at = (name: string, field: string): { file: string; line: number | undefined; field: string } => {
    const found = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s/>]`).exec(text.slice(item.from, item.to));
    return { file, line: found === null ? undefined : item.lineAt(item.from + found.index), field: `newsItem/${field}` };
  };

  // Not released: no record (an error, as NITF's and ninjs' kill notices are: a copy imported before needs a person).
  const status = codeOf(attr(child(meta, 'pubStatus'), 'qcode') ?? attr(child(meta, 'pubStatus'), 'literal'));
  if (status !== undefined && WITHDRAWN[status] !== undefined) {
    return { diagnostics: [diagnostic(Errors.ImportNotPublished, at('pubStatus', 'itemMeta/pubStatus@qcode'), status, WITHDRAWN[status])], ...(guid ? { withdrawn: { id: guid, status } } : {}) };
  }

  const title = headline(cm, meta, child(el, 'contentSet'), notes);
  if (title === undefined) {
    const missing = 'the item has no text in contentMeta/headline and no itemMeta/title; write the headline as <headline> in the <contentMeta>';
    return { diagnostics: [diagnostic(Errors.ImportNoHeadline, at(child(cm, 'headline') !== undefined ? 'headline' : cm !== undefined ? 'contentMeta' : 'itemMeta', 'contentMeta/headline'), missing)] };
  }

  // Dates: firstCreated is the first publication (versionCreated when it is the only one); a later versionCreated an update.
  const stamp = (name: string): string | undefined => squash(textOf(child(meta, name))) || undefined;
  const missing = 'the item has neither an itemMeta/firstCreated nor a versionCreated, nor a contentMeta/contentCreated (such as <firstCreated>2025-02-05T09:24:00+08:00</firstCreated>)';
  // (An archive's item, its itemMeta stamps empty, dated by its content's (STT's archive: real items were refused).)
  const content = (name: string): string | undefined => squash(textOf(child(cm, name))) || undefined;
  const archived = stamp('firstCreated') === undefined && stamp('versionCreated') === undefined && content('contentCreated') !== undefined;
  if (archived) notes.push('no firstCreated or versionCreated: the first publication is contentCreated, when the content was made');
  const names = archived ? { first: 'contentCreated', version: 'contentModified', embargoed: 'embargoed' } : { first: 'firstCreated', version: 'versionCreated', embargoed: 'embargoed' };
  const where = (name: string): { file: string; line: number | undefined; field: string } => {
    const parent = name.startsWith('content') ? cm : meta;
    return at(child(parent, name) === undefined ? 'itemMeta' : name, `${parent === cm ? 'contentMeta' : 'itemMeta'}/${name}`);
  };
  const stamped = createdStamps(archived ? { first: content('contentCreated'), version: content('contentModified'), embargoed: stamp('embargoed') } : { first: stamp('firstCreated'), version: stamp('versionCreated'), embargoed: stamp('embargoed') }, names, where, missing, ctx.timezone, notes);
  if ('diagnostics' in stamped) return { diagnostics: stamped.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const fields: RecordFieldsOut = { id: '', title: withoutWireMarks(title, notes), ...stamped.fields };
  const published = stamped.published;
  for (const edNote of children(meta, 'edNote').map((n) => squash(textOf(n))).filter(Boolean)) notes.push(`editorial note (for the desk, not published) ${JSON.stringify(edNote)}`);

  const language = attr(child(cm, 'language'), 'tag')?.trim() ?? (attr(el, 'lang') ?? attr(el, 'xml:lang'))?.trim();
  // (One that is no language tag is noted, not written: the build would refuse the record.)
  if (language !== undefined && language !== '' && isLanguageTag(language)) fields.language = language;
  else if (language !== undefined && language !== '') notes.push(`language ${JSON.stringify(language)} is no language tag: not used`);
  const tags = readTags(cm, notes);
  if (tags.length > 0) fields.tags = tags;

  // Descriptions: the summary (role drol:summary, or none).
  const summaries: string[] = [];
  for (const d of children(cm, 'description')) {
    const value = squash(textOf(d));
    const role = codeOf(attr(d, 'role'));
    if (value === '') continue;
    if (role === undefined || ['summary', 'abstract', 'teaser', 'description'].includes(role)) summaries.push(value);
    else notes.push(`description (${attr(d, 'role')}) ${JSON.stringify(value)}: not used`);
  }
  if (summaries[0] !== undefined) fields.summary = summaries[0];
  for (const s of summaries.slice(1)) notes.push(`another description ${JSON.stringify(s)}: the first is the summary`);

  // Credits: the credit line and the sources are the agency; the byline (else the creators) the authors.
  const credits = new Credits(notes);
  const creditline = squash(textOf(child(cm, 'creditline')));
  if (creditline !== '') credits.agency(creditline, 'the credit line');
  for (const s of unique(children(cm, 'infoSource').map(nameOf))) credits.agency(s, 'infosource');
  readPeople(cm, credits, notes);

  const body = readBody(child(el, 'contentSet'), credits, notes);
  const blocks = body.blocks;
  notes.push(...body.notes);
  // Credit lines closing the body, and the end mark, as the other importers read them.
  withoutRepeatedHeadline(blocks, title, notes);
  headByline(blocks, credits, notes);
  takeClosingCredits(blocks, credits, notes);
  for (const line of body.taglines) {
    if (takeCreditLine(line, credits)) continue;
    blocks.push({ kind: 'p', inline: [{ text: line }] });
    notes.push(`tagline ${JSON.stringify(line)} is not a credit line: kept at the end of the body`);
  }

  // The dateline: where the item was located, the date its printed dateline gives.
  const dated = readStamp(fields.date, ctx.timezone) ?? published;
  const dateline = storyDateline(readDateline(cm, dated, credits, notes, file, diagnostics), blocks, dated, credits, notes, file, diagnostics);
  if (dateline !== undefined) fields.dateline = dateline;
  credits.into(fields);

  const image = pickImage([...pictures.flatMap((p) => pictureOf(p, notes)), ...body.images], notes);
  if (image !== undefined) fields.image = image;
  const rights = readRights(children(el, 'rightsInfo'), notes);
  if (rights !== undefined) fields.rights = rights;

  const markdown = renderBlocks(blocks);
  // Derived from the first publication, not an embargo's, when the guid will not do.
  fields.id = permanentId(guid, 'guid', title, published.value, ctx.timezone, notes);
  return { story: { fields, body: markdown, notes }, diagnostics };
}

/**
 * The headline: the one without a role, else the main one, else the first; else itemMeta/title, noted; else that
 * of the NITF the content holds (its `hl1`, else its `head/title`), noted, as Scoop's items give theirs alone.
 */
function headline(cm: El | undefined, meta: El | undefined, contentSet: El | undefined, notes: string[]): string | undefined {
  const lines = children(cm, 'headline').filter((h) => squash(textOf(h)) !== '');
  const main = lines.find((h) => attr(h, 'role') === undefined) ?? lines.find((h) => codeOf(attr(h, 'role')) === 'main') ?? lines[0];
  if (main !== undefined) return squash(textOf(main));
  const title = squash(textOf(child(meta, 'title')));
  if (title !== '') {
    notes.push(`no contentMeta/headline: the headline is itemMeta/title ${JSON.stringify(title)}`);
    return title;
  }
  const nitf = descendants(contentSet, 'nitf')[0];
  const hl1 = squash(textOf(descendants(nitf, 'hl1')[0]));
  const nitfTitle = hl1 || squash(textOf(child(child(nitf, 'head'), 'title')));
  if (nitfTitle === '') return undefined;
  notes.push(`no contentMeta/headline: the headline is the NITF content's (${hl1 !== '' ? 'hl1' : 'head/title'}) ${JSON.stringify(nitfTitle)}`);
  return nitfTitle;
}

/** Subjects with a code alone a note names, at most. */
const UNNAMED_SHOWN = 5;

/** Tags: the names of the subjects and the keywords. A subject with a code alone names nothing a reader can follow: noted. */
function readTags(cm: El | undefined, notes: string[]): string[] {
  const unnamed: string[] = [];
  const names: string[] = [];
  for (const s of children(cm, 'subject')) {
    const name = nameOf(s);
    if (name !== '') names.push(name);
    else if (attr(s, 'qcode') !== undefined) unnamed.push(attr(s, 'qcode') ?? '');
  }
  // (Agencies code dozens of subjects: the first few are named, and how many.)
  const shown = unnamed.length > UNNAMED_SHOWN ? `${unnamed.slice(0, UNNAMED_SHOWN).join(', ')} and ${unnamed.length - UNNAMED_SHOWN} more` : unnamed.join(', ');
  if (unnamed.length > 0) notes.push(`subject${unnamed.length === 1 ? '' : 's'} without a name (${shown}): not tags`);
  return unique([...names, ...children(cm, 'keyword').map((k) => squash(textOf(k)))]);
}

/**
 * The authors: the byline (`by`), as a wire's byline is read; without one, the creators. Creators the byline
 * does not name, and contributors (an editor, a translator), are noted: credits are never dropped silently,
 * nor made up from the desk's roles.
 */
function readPeople(cm: El | undefined, credits: Credits, notes: string[]): void {
  const bylines = children(cm, 'by').map((b) => squash(textOf(b))).filter(Boolean);
  const by = bylines.join(' ');
  const creators = children(cm, 'creator').map((c) => ({ name: nameOf(c), role: attr(c, 'role') })).filter((c) => c.name !== '');
  for (const b of bylines) credits.byline(b);
  // (A creator that is the agency, as Reuters' items name it, `<creator literal="Reuters"/>`, its infoSource too: the
  // agency, no author. Real items were credited "by Reuters; agency Reuters".)
  const sources = children(cm, 'infoSource').map(nameOf).filter(Boolean);
  const isAgency = (name: string): boolean => sources.some((s) => agencyKey(s) === agencyKey(name)) || parseAgencyLine(name) !== undefined;
  for (const c of creators) {
    if (by === '' && isAgency(c.name)) {
      credits.agency(c.name, 'infosource');
      notes.push(`creator ${JSON.stringify(c.name)} names the agency: no author`);
    } else if (by === '') credits.person(c.name);
    else if (!credits.authors.includes(c.name) && !by.includes(c.name)) notes.push(`creator ${JSON.stringify(c.name)}${c.role === undefined ? '' : ` (${c.role})`} is not in the byline: not an author`);
  }
  for (const c of children(cm, 'contributor')) {
    const name = nameOf(c);
    if (name !== '') notes.push(`contributor ${JSON.stringify(name)}${attr(c, 'role') === undefined ? '' : ` (${attr(c, 'role')})`}: a desk's role, not a credit of the story`);
  }
}

/**
 * The body: the first XHTML or NITF `inlineXML`, else the first `inlineData` (text, or HTML); others noted.
 * NITF's `body.end` taglines come back to be read as credit lines.
 */
function readBody(set: El | undefined, credits: Credits, notes: string[]): Collected & { taglines: string[] } {
  const contents = (set?.children ?? []).filter((c): c is El => typeof c !== 'string' && ['inlineXML', 'inlineData', 'remoteContent'].includes(c.name));
  const typeOf = (c: El): string => (attr(c, 'contenttype') ?? '').toLowerCase();
  const chosen = contents.find((c) => c.name === 'inlineXML' && /html|nitf/.test(typeOf(c))) ?? contents.find((c) => c.name === 'inlineXML') ?? contents.find((c) => c.name === 'inlineData');
  for (const c of contents) if (c !== chosen) notes.push(`another content (${c.name}${typeOf(c) === '' ? '' : ` ${typeOf(c)}`}): not used`);
  const none = { blocks: [], images: [], notes: [], taglines: [] };
  if (chosen === undefined) {
    notes.push('no body');
    return none;
  }
  if (chosen.name === 'inlineData') {
    const value = textOf(chosen);
    if (/html/.test(typeOf(chosen)) || (typeOf(chosen) === '' && /^\s*</.test(value))) return { ...collectBlocks(parseHtml(value)), taglines: [] };
    const chunks = /\n\s*\n/.test(value) ? value.split(/\n\s*\n/) : value.split('\n');
    return { blocks: chunks.map(squash).filter(Boolean).map((t): Block => ({ kind: 'p', inline: [{ text: t }] })), images: [], notes: [], taglines: [] };
  }
  // NITF inline: its body.content (and its body.head's byline, when the item's contentMeta gave none).
  const nitf = inlineNitf(chosen, credits, notes);
  if (nitf !== undefined) return nitf;
  // XHTML: its body (an html element's, or the content itself).
  const body = descendants(chosen, 'body')[0] ?? chosen;
  return { ...collectBlocks({ ...body, name: 'body' }), taglines: [] };
}

/**
 * The dateline: the `located` concept (its name, and the country and region it is within), else the city
 * the printed `dateline` names; the date as the printed dateline gives it (`placedDateline`).
 */
function readDateline(cm: El | undefined, published: Timed, credits: Credits, notes: string[], file: string, diagnostics: Diagnostic[]): DatelineOut | undefined {
  const located = child(cm, 'located');
  const city = nameOf(located);
  let country: string | undefined;
  let region: string | undefined;
  for (const b of children(located, 'broader')) {
    const type = codeOf(attr(b, 'type'));
    const name = nameOf(b);
    if (name === '') continue;
    if (type === 'country') country ??= name;
    else if (type !== undefined && /area|region|state|province/.test(type)) region ??= name;
    else if (type === undefined) country ??= name;
  }
  if (city === '' && located !== undefined) notes.push('located without a name: not used');
  return placedDateline({ city, ...(region === undefined ? {} : { region }), ...(country === undefined ? {} : { country }) }, squash(textOf(child(cm, 'dateline'))), published, credits, notes, file, diagnostics);
}

/** A picture item as the story's picture: its largest web rendition, its caption and its credit. */
function pictureOf(item: El, notes: string[]): ImageCandidate[] {
  const cm = child(item, 'contentMeta');
  const guid = attr(item, 'guid') ?? '';
  const renditions = children(child(item, 'contentSet'), 'remoteContent').filter((r) => (attr(r, 'href') ?? '').trim() !== '');
  const best = largestRendition(renditions, (r) => attr(r, 'contenttype'), (r) => (positive(attr(r, 'width')) ?? 0) * (positive(attr(r, 'height')) ?? 0));
  const img: ImageCandidate = {};
  if (best !== undefined) {
    img.url = (attr(best, 'href') ?? '').trim();
    const type = attr(best, 'contenttype')?.trim();
    if (type !== undefined && type !== '') img.type = type;
    const w = positive(attr(best, 'width'));
    const h = positive(attr(best, 'height'));
    if (w !== undefined) img.width = w;
    if (h !== undefined) img.height = h;
  }
  const descriptions = children(cm, 'description');
  const caption = descriptions.find((d) => codeOf(attr(d, 'role')) === 'caption') ?? descriptions.find((d) => attr(d, 'role') === undefined);
  const captionText = squash(textOf(caption)) || squash(textOf(child(cm, 'headline')));
  if (captionText !== '') img.caption = captionText;
  const credit = squash(textOf(child(cm, 'creditline'))) || squash(textOf(child(cm, 'by'))) || nameOf(child(cm, 'creator'));
  if (credit !== '') img.credit = credit;
  if (best === undefined && img.caption === undefined && img.credit === undefined) {
    notes.push(`picture ${JSON.stringify(guid)} has no rendition with an href, caption or credit: not used`);
    return [];
  }
  return [img];
}


/** The rights: the copyright notice, else its holder's name; usage terms are the desk's. */
function readRights(infos: El[], notes: string[]): string | undefined {
  let rights: string | undefined;
  for (const info of infos) {
    const notice = squash(textOf(child(info, 'copyrightNotice')));
    const holder = nameOf(child(info, 'copyrightHolder'));
    rights ??= notice !== '' ? notice : holder !== '' ? `Copyright ${holder}` : undefined;
    const usage = squash(textOf(child(info, 'usageTerms')));
    if (usage !== '') notes.push(`usage terms (for the desk) ${JSON.stringify(usage)}`);
  }
  return rights;
}
