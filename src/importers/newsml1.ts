/**
 * NewsML 1.x (IPTC's first NewsML, still AFP's and national agencies' delivery) → article records. Each
 * `NewsItem` of a `NewsML` document is a story: its `PublicIdentifier` without the revision (the id a corrected
 * revision keeps), `FirstCreated` and a later `ThisRevisionCreated`, `Status` (`Withheld`, `Canceled`: no
 * record, as NewsML-G2's pubStatus); its `NewsLines` (`HeadLine`, `ByLine`, `DateLine`, `CreditLine`,
 * `CopyrightLine`), the `Provider`'s party (the agency), the `Location` the story comes from (its city and
 * country), `Language` and `Keyword`s; the text `ContentItem` (NITF, or paragraphs, in its `DataContent`), and a
 * photo `ContentItem` with its address as the picture. The story is made as NewsML-G2's is (`_story.ts`).
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { collectBlocks, renderBlocks, type Block, type Collected, type ImageCandidate, positive } from './_blocks.js';
import { takeClosingCredits } from './_closing.js';
import { Credits } from './_credits.js';
import { createdStamps, permanentId, pickImage, placedDateline, readStamp, storyDateline, WITHDRAWN, withoutRepeatedHeadline } from './_story.js';
import { attr, child, children, descendants, squash, textOf, unique, type El } from './_tree.js';
import { lineFinder } from './_xml-copy.js';
import { inlineNitf } from './nitf.js';
import { parseHtml } from './_html.js';
import { withoutWireMarks } from './record.js';
import { isLanguageTag } from '../core/validate.js';
import type { ImportContext, ImportedStory, ImportResult, RecordFieldsOut } from './types.js';

/** A `NewsItem`'s start tag in the text, for the lines its messages name. */
const ITEM_START = /<NewsItem(?=[\s>])/g;

/** The stories of a `NewsML` document (its root already read). */
export function importNewsml1(root: El, text: string, ctx: ImportContext): ImportResult {
  const items = children(root, 'NewsItem');
  const starts = [...text.matchAll(ITEM_START)].map((m) => m.index);
  const lineAt = lineFinder(text);
  const result: ImportResult = { stories: [], diagnostics: [] };
  if (items.length === 0) result.diagnostics.push(diagnostic(Errors.ImportFormatUnknown, { file: ctx.file, line: 1 }, 'this NewsML document holds no NewsItem: nothing to import'));
  for (const [k, item] of items.entries()) {
    const from = starts[k] ?? 0;
    const one = readItem(item, { text, from, to: starts[k + 1] ?? text.length, lineAt }, ctx);
    result.diagnostics.push(...one.diagnostics);
    if (one.story !== undefined) result.stories.push(one.story);
    if (one.withdrawn !== undefined) result.withdrawn ??= one.withdrawn;
  }
  return result;
}

/** A `FormalName` (or a `Property`'s `Value`), trimmed. */
const formal = (el: El | undefined): string => squash(attr(el, 'FormalName') ?? '');
/** The value of the `Property` of that name under `el`. */
const property = (el: El | undefined, name: string): string => squash(attr(children(el, 'Property').find((p) => formal(p).toLowerCase() === name.toLowerCase()), 'Value') ?? '');

function readItem(item: El, place: { text: string; from: number; to: number; lineAt: (offset: number) => number }, ctx: ImportContext): { story?: ImportedStory; diagnostics: Diagnostic[]; withdrawn?: { id: string; status: string } } {
  const { file } = ctx;
  const notes: string[] = [];
  const at = (name: string, field = name): { file: string; line: number | undefined; field: string } => {
    const found = new RegExp(`<${name}[\\s/>]`).exec(place.text.slice(place.from, place.to));
    return { file, line: place.lineAt(found === null ? place.from : place.from + found.index), field: `NewsItem/${field}` };
  };
  const ident = child(child(item, 'Identification'), 'NewsIdentifier');
  const provider = squash(textOf(child(ident, 'ProviderId')));
  const dateId = squash(textOf(child(ident, 'DateId')));
  const itemId = squash(textOf(child(ident, 'NewsItemId')));
  // The id of every revision: the public identifier without its revision (`…:TX-PAR-FXW86:1` → `…:TX-PAR-FXW86`).
  const publicId = squash(textOf(child(ident, 'PublicIdentifier')));
  const id = provider !== '' && dateId !== '' && itemId !== '' ? `urn:newsml:${provider}:${dateId}:${itemId}` : publicId.replace(/:\d+[A-Z]?$/u, '') || undefined;
  if (id !== undefined && publicId !== '' && id !== publicId) notes.push(`PublicIdentifier ${JSON.stringify(publicId)}: the id is the item's without its revision, which a corrected revision keeps`);

  const management = child(item, 'NewsManagement');
  const status = formal(child(management, 'Status')).toLowerCase();
  if (WITHDRAWN[status] !== undefined) {
    return { diagnostics: [diagnostic(Errors.ImportNotPublished, at('Status', 'NewsManagement/Status'), status, WITHDRAWN[status] ?? '')], ...(id === undefined ? {} : { withdrawn: { id, status } }) };
  }

  const top = child(item, 'NewsComponent');
  const lines = child(top, 'NewsLines') ?? descendants(top, 'NewsLines')[0];
  const line = (name: string): string => squash(textOf(child(lines, name)));
  const title = line('HeadLine');
  if (title === '') return { diagnostics: [diagnostic(Errors.ImportNoHeadline, at('HeadLine', 'NewsLines/HeadLine'), 'the NewsItem has no HeadLine in its NewsLines; a record needs its headline')] };

  const stamp = (name: string): string | undefined => squash(textOf(child(management, name))) || undefined;
  const missing = 'the NewsItem has neither a NewsManagement/FirstCreated nor a ThisRevisionCreated (such as <FirstCreated>20250205T092400+0800</FirstCreated>)';
  const stamped = createdStamps({ first: stamp('FirstCreated'), version: stamp('ThisRevisionCreated') }, { first: 'FirstCreated', version: 'ThisRevisionCreated', embargoed: 'embargoed' }, (name) => at(name, `NewsManagement/${name}`), missing, ctx.timezone, notes);
  if ('diagnostics' in stamped) return { diagnostics: stamped.diagnostics };
  const published = stamped.published;
  const diagnostics: Diagnostic[] = [];
  const fields: RecordFieldsOut = { id: '', title: withoutWireMarks(title, notes), ...stamped.fields };

  const described = descendants(top, 'DescriptiveMetadata')[0];
  const language = formal(child(described, 'Language')) || squash(attr(item, 'lang') ?? '');
  if (language !== '' && isLanguageTag(language)) fields.language = language;
  else if (language !== '') notes.push(`language ${JSON.stringify(language)} is no language tag: not used`);
  const keywords = unique([...children(described, 'Property'), ...descendants(described, 'Property')].filter((p) => formal(p).toLowerCase() === 'keyword').map((p) => squash(attr(p, 'Value') ?? '')).filter(Boolean));
  if (keywords.length > 0) fields.tags = keywords;

  // Credits: the credit line and the provider are the agency; the byline the authors.
  const credits = new Credits(notes);
  if (line('CreditLine') !== '') credits.agency(line('CreditLine'), 'the credit line');
  const party = formal(descendants(child(top, 'AdministrativeMetadata'), 'Party')[0]);
  if (party !== '') credits.agency(party, 'infosource');
  if (line('ByLine') !== '') credits.byline(line('ByLine'));
  const copyright = line('CopyrightLine');
  if (copyright !== '') fields.rights = copyright;

  const body = readBody(top, credits, notes);
  notes.push(...body.notes);
  withoutRepeatedHeadline(body.blocks, title, notes);
  takeClosingCredits(body.blocks, credits, notes);

  // The dateline: the location the story comes from, its printed DateLine's date (`STOCKHOLM, Aug 29, 2014 (AFP) -`).
  const origin = descendants(described, 'Location').find((l) => (attr(l, 'HowPresent') ?? 'Origin') === 'Origin');
  const city = property(origin, 'City');
  const country = property(origin, 'Country');
  const region = property(origin, 'CountryArea') || property(origin, 'WorldRegion');
  const dated = readStamp(fields.date, ctx.timezone) ?? published;
  const located = placedDateline({ city, ...(region === '' ? {} : { region }), ...(country === '' ? {} : { country }) }, line('DateLine'), dated, credits, notes, file, diagnostics);
  const dateline = storyDateline(located, body.blocks, dated, credits, notes, file, diagnostics);
  if (dateline !== undefined) fields.dateline = dateline;
  credits.into(fields);

  const image = pickImage([...pictures(top), ...body.images], notes);
  if (image !== undefined) fields.image = image;
  fields.id = permanentId(id, 'PublicIdentifier', title, published.value, ctx.timezone, notes);
  return { story: { fields, body: renderBlocks(body.blocks), notes }, diagnostics };
}

/** The text `ContentItem`'s body: NITF (its body.content, byline and taglines), or the paragraphs its `DataContent` holds. */
function readBody(top: El | undefined, credits: Credits, notes: string[]): Collected {
  const items = descendants(top, 'ContentItem');
  const text = items.find((c) => /^text$/iu.test(formal(child(c, 'MediaType'))) && child(c, 'DataContent') !== undefined) ?? items.find((c) => child(c, 'DataContent') !== undefined);
  const content = child(text, 'DataContent');
  if (content === undefined) {
    notes.push('no body');
    return { blocks: [], images: [], notes: [] };
  }
  const nitf = inlineNitf(content, credits, notes);
  if (nitf !== undefined) return { ...nitf, blocks: [...nitf.blocks, ...nitf.taglines.map((t): Block => ({ kind: 'p', inline: [{ text: t }] }))] };
  // (HTML as text, in a CDATA section, as ANA-MPE sends it: `<![CDATA[<P>…</P>]]>`.)
  const markup = content.children.every((c) => typeof c === 'string') && /<[a-zA-Z]/u.test(textOf(content));
  return markup ? collectBlocks(parseHtml(textOf(content))) : collectBlocks({ ...content, name: 'body' });
}

/** The photos of the item: each photo `ContentItem` with an address, its component's headline the caption and credit line the credit. */
function pictures(top: El | undefined): ImageCandidate[] {
  const out: ImageCandidate[] = [];
  for (const component of [top, ...descendants(top, 'NewsComponent')]) {
    for (const c of children(component, 'ContentItem')) {
      const href = squash(attr(c, 'Href') ?? '');
      if (href === '' || !/^(?:photo|graphic|image)$/iu.test(formal(child(c, 'MediaType')))) continue;
      const traits = child(c, 'Characteristics');
      const img: ImageCandidate = { url: href };
      const w = positive(property(traits, 'Width'));
      const h = positive(property(traits, 'Height'));
      if (w !== undefined) img.width = w;
      if (h !== undefined) img.height = h;
      const lines = child(component, 'NewsLines');
      const caption = squash(textOf(child(lines, 'HeadLine')));
      const credit = squash(textOf(child(lines, 'CreditLine')));
      if (caption !== '' && component !== top) img.caption = caption;
      if (credit !== '' && component !== top) img.credit = credit;
      out.push(img);
    }
  }
  return out;
}
