/**
 * Syndication feeds → article records: a partner's RSS 2.0 (or RSS 1.0) or Atom 1.0 feed, each item or entry
 * a story, as desks take copy from partner sites that send no wire. Read: the title; the link (the record's
 * `url`) and the guid or id (its id); `pubDate` or `published` the first publication, a later `atom:updated`
 * or `updated` the update; the authors (`dc:creator`, RSS `author`'s name, Atom `author`); the categories as
 * tags (one under a `…/sections` domain or scheme as the section, as Dateline's own feeds write it); the
 * content as the body (`content:encoded`, else the description; Atom `content`), and the description or
 * summary as the summary; the picture (`media:content`, an image `enclosure`, Atom's image link) with its
 * `media:credit`, else the item's `media:thumbnail`; with no content or description, Media RSS's
 * `media:description` as the body (YouTube's entries); the rights and language, the channel's where the item gives none. What Dateline's own feeds
 * add in their namespace is read back whole: `dl:dateline` (its city, country, zone and date), `dl:agency`
 * and `dl:contributor` (places and roles), so a story passed between two Dateline sites keeps its credits.
 * A wire's Atom (AP's WebFeeds): NITF as the content, `apcm:ContentMetadata`'s headline, byline and printed
 * dateline, `apnm:PublishingStatus`'s kills.
 */
import { isEmail } from '../core/_credit-fields.js';
import { imageType } from '../core/_media.js';
import { isLanguageTag } from '../core/validate.js';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { agencyKey } from './_agencies.js';
import { collectBlocks, renderBlocks, type Block, type Collected, type ImageCandidate, positive } from './_blocks.js';
import { bodyOf, creditCreator, givenDateline, isTheAgency, pageUrl, withoutFeedChrome } from './_feed-body.js';
import { importJsonFeed } from './feed-json.js';
import { headByline, takeClosingCredits } from './_closing.js';
import { Credits } from './_credits.js';
import { parseHtml } from './_html.js';
import { createdStamps, permanentId, pickImage, placedDateline, readStamp, storyDateline, type DatelineOut, WITHDRAWN, withoutRepeatedHeadline } from './_story.js';
import { agencyOfJob } from './_names.js';
import { inlineNitf } from './nitf.js';
import { attr, child, children, ownChild, ownChildren, squash, textOf, unique, type El } from './_tree.js';
import { lineFinder, readXmlCopy } from './_xml-copy.js';
import { withoutWireMarks } from './record.js';
import type { ImportContext, ImportedStory, ImportResult, Importer, RecordFieldsOut } from './types.js';

/** An item's or entry's start tag in the text, for the lines its messages name. */
const ENTRY_START = /<(?:[\w.-]+:)?(?:item|entry)(?=[\s/>])/g;
/** A category's domain or scheme that names the site's sections (Dateline's own feeds: `https://…/sections`). */
const SECTIONS = /\/sections\/?$/;

type Kind = 'rss' | 'atom';

/** What the channel or feed says for every item that says nothing of its own. */
interface Defaults {
  language?: string;
  rights?: string;
  /** The address relative links are read against: `xml:base`, else the feed's own (its self link), else its site's. */
  base?: string;
}

export const importFeed: Importer = (text: string, ctx: ImportContext): ImportResult => {
  if (text.trimStart().startsWith('{')) return importJsonFeed(text, ctx);
  const read = readXmlCopy(text, ctx.file);
  if ('problem' in read) return { stories: [], diagnostics: [read.problem] };
  const root = read.roots.find((n): n is El => typeof n !== 'string');
  const unknown = (what: string): ImportResult => ({ stories: [], diagnostics: [diagnostic(Errors.ImportFormatUnknown, { file: ctx.file, line: 1 }, what)] });
  let kind: Kind;
  let entries: El[];
  let defaults: Defaults;
  if (root?.name === 'rss' || root?.name === 'RDF') {
    const channel = child(root, 'channel');
    kind = 'rss';
    // (RSS 1.0 puts its items beside the channel.)
    entries = children(root.name === 'rss' ? channel : root, 'item');
    // (Namespaces are read without their prefixes: `dc:language` and `dc:rights` are `language` and `rights`.)
    defaults = { ...optional('language', squash(textOf(child(channel, 'language')))), ...optional('rights', squash(textOf(child(channel, 'copyright'))) || squash(textOf(child(channel, 'rights')))) };
    const base = absoluteBase(attr(children(channel, 'link').find((l) => attr(l, 'rel') === 'self'), 'href')) ?? absoluteBase(squash(textOf(children(channel, 'link').find((l) => attr(l, 'href') === undefined))));
    if (base !== undefined) defaults.base = base;
  } else if (root?.name === 'feed' || root?.name === 'entry') {
    kind = 'atom';
    entries = root.name === 'feed' ? children(root, 'entry') : [root];
    defaults = { ...optional('language', squash(attr(root, 'lang') ?? '')), ...optional('rights', squash(textOf(child(root, 'rights')))) };
    const own = absoluteBase(attr(children(root, 'link').find((l) => attr(l, 'rel') === 'self'), 'href')) ?? absoluteBase(attr(children(root, 'link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate'), 'href'));
    const base = absoluteBase(attr(root, 'base'), own) ?? own;
    if (base !== undefined) defaults.base = base;
  } else return unknown(`this is XML but not a feed (the root element is <${root?.name ?? '?'}>, not <rss>, <rdf:RDF> or Atom's <feed>)`);
  if (entries.length === 0) return unknown(`this ${kind === 'rss' ? 'RSS' : 'Atom'} feed holds no ${kind === 'rss' ? 'item' : 'entry'}: nothing to import`);
  const starts = [...text.matchAll(ENTRY_START)].map((m) => m.index);
  const lineAt = lineFinder(text);
  const result: ImportResult = { stories: [], diagnostics: [] };
  for (const [k, entry] of entries.entries()) {
    // (The n-th start tag is the n-th entry: feeds nest none.)
    const from = starts[k] ?? 0;
    const one = readEntry(entry, kind, defaults, { text, from, to: starts[k + 1] ?? text.length, lineAt }, ctx);
    result.diagnostics.push(...one.diagnostics);
    if (one.story !== undefined) result.stories.push(one.story);
    if (one.withdrawn !== undefined) result.withdrawn ??= one.withdrawn;
  }
  return result;
};

/** `href` as an absolute http(s) address, read against `base` when it is relative; undefined if it is none. */
function absoluteBase(href: string | undefined, base?: string): string | undefined {
  const h = squash(href ?? '');
  if (h === '') return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> => (value === '' ? {} : ({ [key]: value } as Record<K, string>));

/**
 * Text that may be HTML (an RSS title or description, Atom's `type="html"`), as plain text. So is text with HTML's
 * character references in it, escaped once more than text is (`&amp;nbsp;`, `&amp;#8217;`: a real feed's summaries
 * kept `&nbsp;` as words).
 */
function plainOf(el: El | undefined): string {
  if (el === undefined) return '';
  const value = textOf(el);
  return squash(attr(el, 'type') !== 'xhtml' && /<[a-zA-Z!/]|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.test(value) ? textOf(parseHtml(value)) : value);
}

function readEntry(entry: El, kind: Kind, defaults: Defaults, place: { text: string; from: number; to: number; lineAt: (offset: number) => number }, ctx: ImportContext): { story?: ImportedStory; diagnostics: Diagnostic[]; withdrawn?: { id: string; status: string } } {
  const { file } = ctx;
  const notes: string[] = [];
  const element = kind === 'rss' ? 'item' : 'entry';
  const at = (name: string): { file: string; line: number | undefined; field: string } => {
    const found = new RegExp(`<(?:[\\w.-]+:)?${name.replace(/^\w+:/, '')}[\\s/>]`).exec(place.text.slice(place.from, place.to));
    const offset = found === null ? place.from : place.from + found.index;
    return { file, line: place.lineAt(offset), field: `${element}/${name}` };
  };

  // Pulled by the agency (AP's `apnm:PublishingStatus` Withheld or Canceled): no record, as a NewsML-G2 item's
  // pubStatus; the record imported before is named, for `--force` to take down.
  const status = squash(textOf(child(child(entry, 'NewsManagement'), 'PublishingStatus'))).toLowerCase();
  const guid = squash(textOf(child(entry, kind === 'rss' ? 'guid' : 'id')));
  if (WITHDRAWN[status] !== undefined) {
    return { diagnostics: [diagnostic(Errors.ImportNotPublished, at('apnm:PublishingStatus'), status, WITHDRAWN[status] ?? '')], ...(guid === '' ? {} : { withdrawn: { id: guid, status } }) };
  }

  // AP's Atom feeds (WebFeeds) give their own fields in `apcm:ContentMetadata`: the headline, the byline, the
  // printed dateline; an entry may carry its headline there alone.
  const ap = child(entry, 'ContentMetadata');
  const apField = (name: string): string => squash(textOf(child(ap, name)));
  // (The item's own title, not Media RSS's `media:title` or another vocabulary's, which an item may give first:
  // a picture's title was the headline.)
  const entryTitle = plainOf(ownChild(entry, 'title'));
  const title = entryTitle || apField('HeadLine') || apField('ExtendedHeadLine');
  if (entryTitle === '' && title !== '') notes.push(`no ${element} title: the headline is apcm:${apField('HeadLine') !== '' ? 'HeadLine' : 'ExtendedHeadLine'}`);
  if (title === '') return { diagnostics: [diagnostic(Errors.ImportNoHeadline, at('title'), `the ${element} has no title; a record needs its headline`)] };

  // Dates: RSS's pubDate (RFC 822) or dc:date; Atom's published, else updated. A later update is the record's.
  const names = kind === 'rss'
    ? { first: child(entry, 'pubDate') !== undefined ? 'pubDate' : 'dc:date', version: 'atom:updated', embargoed: 'embargoed' }
    : { first: 'published', version: 'updated', embargoed: 'embargoed' };
  const raw = (name: string): string | undefined => squash(textOf(child(entry, name.replace(/^(?:dc|atom):/, '')))) || undefined;
  const first = raw(names.first);
  const missing = kind === 'rss' ? 'the item has neither a pubDate nor a dc:date (such as <pubDate>Wed, 05 Feb 2025 01:24:00 GMT</pubDate>)' : 'the entry has neither a published nor an updated date (such as <published>2025-02-05T09:24:00+08:00</published>)';
  const stamped = createdStamps({ first: first === undefined ? undefined : names.first === 'pubDate' ? rfc822(first, notes) : first, version: raw(names.version) }, names, at, missing, ctx.timezone, notes);
  if ('diagnostics' in stamped) return { diagnostics: stamped.diagnostics };
  const published = stamped.published;
  const diagnostics: Diagnostic[] = [];
  const fields: RecordFieldsOut = { id: '', title: withoutWireMarks(title, notes), ...stamped.fields };

  // (Links relative to the feed, as real feeds give them: `/livewire/…`, read against the entry's `xml:base`, else
  // the feed's base, its own address. QA: a real feed's every link was dropped.)
  const base = absoluteBase(attr(entry, 'base'), defaults.base) ?? defaults.base;
  const resolved = (u: string): string | undefined => (u === '' || /^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('#') || base === undefined ? undefined : absoluteBase(u, base));
  const absolute = (u: string): string => {
    const read = resolved(u);
    if (read !== undefined) notes.push(`link ${JSON.stringify(u)} read against the feed's address ${base}: ${read}`);
    return read ?? u;
  };
  // (An RSS item's link, else Atom's alternate link inside it, as .NET's SyndicationFeed writes it: `<a10:link href=…/>`.)
  const alternate = squash(attr(children(entry, 'link').find((l) => attr(l, 'href') !== undefined && (attr(l, 'rel') ?? 'alternate') === 'alternate'), 'href') ?? '');
  const url = absolute(kind === 'rss' ? squash(textOf(children(entry, 'link').find((l) => squash(textOf(l)) !== ''))) || alternate : alternate);
  if (url !== '' && pageUrl(url)) fields.url = url;
  else if (url !== '') notes.push(`link ${JSON.stringify(url)} is no page's URL: not used`);

  const categories = ownChildren(entry, 'category').map((c) => ({ name: kind === 'rss' ? squash(textOf(c)) : squash(attr(c, 'label') ?? attr(c, 'term') ?? ''), scheme: attr(c, kind === 'rss' ? 'domain' : 'scheme') ?? '' })).filter((c) => c.name !== '');
  const section = categories.find((c) => SECTIONS.test(c.scheme));
  if (section !== undefined) fields.section = section.name;
  const tags = unique(categories.filter((c) => c !== section).map((c) => c.name));
  if (tags.length > 0) fields.tags = tags;

  const language = squash(textOf(child(entry, 'language'))) || squash(attr(entry, 'lang') ?? '') || defaults.language;
  if (language !== undefined && isLanguageTag(language)) fields.language = language;
  else if (language !== undefined) notes.push(`language ${JSON.stringify(language)} is no language tag: not used`);

  const credits = new Credits(notes);
  const agency = child(entry, 'agency');
  const agencyName = squash(attr(agency, 'name') ?? textOf(agency));
  if (agencyName !== '') credits.agency({ name: agencyName, ...optional('via', squash(attr(agency, 'via') ?? '')) }, 'infosource');
  const people = readPeople(entry, kind, agencyName, credits, notes);
  // (AP's byline, where the entry names no author: `By JANE DOE`, its writer's title an attribute.)
  const apByline = child(ap, 'ByLine');
  if (credits.authors.length === 0 && apField('ByLine') !== '') {
    credits.byline(apField('ByLine'));
    const job = squash(attr(apByline, 'Title') ?? '');
    const agencyOfTitle = job === '' ? undefined : agencyOfJob(job);
    if (agencyOfTitle !== undefined) credits.agency(agencyOfTitle, 'the byline');
    if (job !== '') notes.push(`byline title ${JSON.stringify(job)}: a record has no field for it`);
  }

  const body = readBody(entry, kind, fields, credits, notes);
  notes.push(...body.notes);
  // (The links in the content too, against the same address.)
  for (const run of body.blocks.flatMap((b) => (b.kind === 'p' ? b.inline : b.kind === 'quote' ? b.paragraphs.flat() : b.kind === 'list' ? b.items.flat() : []))) {
    if (run.href !== undefined) run.href = resolved(run.href) ?? run.href;
  }
  withoutRepeatedHeadline(body.blocks, title, notes);
  withoutFeedChrome(body.blocks, notes);
  headByline(body.blocks, credits, notes);
  takeClosingCredits(body.blocks, credits, notes);

  const dated = readStamp(fields.date, ctx.timezone) ?? published;
  const given = ownDateline(child(entry, 'dateline'), file, diagnostics, notes) ?? (apField('DateLine') === '' ? undefined : placedDateline({ city: '' }, apField('DateLine'), dated, credits, notes, file, diagnostics));
  const dateline = storyDateline(given, body.blocks, dated, credits, notes, file, diagnostics);
  if (dateline !== undefined) fields.dateline = dateline;
  credits.into(fields);
  // The agency's own page of the story, and the authors' pages and addresses, as the feed gives them.
  const agencyUrl = squash(attr(agency, 'url') ?? '');
  if (fields.agency !== undefined && agencyKey(fields.agency.name) === agencyKey(agencyName) && agencyUrl !== '') {
    if (pageUrl(agencyUrl)) fields.agency = { ...fields.agency, url: agencyUrl };
    else notes.push(`dl:agency url ${JSON.stringify(agencyUrl)} is no page's URL: not used`);
  }
  if (fields.authors !== undefined) fields.authors = fields.authors.map((a) => (typeof a === 'string' ? people.get(a) ?? a : a));

  const candidates = [...pictures(entry, kind), ...body.images];
  // (Media RSS's thumbnail only where the item gives no picture: YouTube's, Reddit's and Blogger's items give
  // no other. Real feeds: no picture.)
  if (!candidates.some((c) => c.url !== undefined && c.url !== '')) candidates.push(...thumbnails(entry, notes));
  const image = pickImage(candidates.map((i) => (i.url === undefined ? i : { ...i, url: absolute(i.url) })), notes, fields.url);
  if (image !== undefined) fields.image = image;
  const rights = squash(textOf(child(entry, 'rights'))) || defaults.rights;
  if (rights !== undefined) fields.rights = rights;

  fields.id = permanentId(guid || fields.url, kind === 'rss' ? 'guid' : 'id', title, published.value, ctx.timezone, notes);
  return { story: { fields, body: renderBlocks(body.blocks), notes }, diagnostics };
}

/**
 * The authors: RSS's `dc:creator`s and `author` (`jane@example.com (Jane Doe)`: the name), Atom's `author`s.
 * A creator that is the agency `dl:agency` names (Dateline's feeds credit a story with no byline to it) is
 * no author; an e-mail address alone names no one, noted. The contributors: `dl:contributor` (with places
 * and roles), else `dc:contributor` or Atom's `contributor`.
 */
function readPeople(entry: El, kind: Kind, agency: string, credits: Credits, notes: string[]): Map<string, { name: string; url?: string; email?: string }> {
  /** Authors with a page or an address (Atom's `uri` and `email`, RSS's `jane@example.com (Jane Doe)`), by name. */
  const known = new Map<string, { name: string; url?: string; email?: string }>();
  const person = (name: string, url: string, email: string): string => {
    const page = pageUrl(url) ? url : '';
    const address = isEmail(email) ? email : '';
    if (url !== '' && page === '') notes.push(`author ${JSON.stringify(name)}'s page ${JSON.stringify(url)} is no page's URL: not used`);
    if (email !== '' && address === '') notes.push(`author ${JSON.stringify(name)}'s e-mail ${JSON.stringify(email)} is no address: not used`);
    if (name !== '' && (page !== '' || address !== '')) known.set(name, { name, ...optional('url', page), ...optional('email', address) });
    return name;
  };
  const atomAuthor = (a: El): string => person(squash(textOf(child(a, 'name'))), squash(textOf(child(a, 'uri'))), squash(textOf(child(a, 'email'))));
  const names = kind === 'rss'
    ? [...children(entry, 'creator').map((c) => squash(textOf(c))), ...children(entry, 'author').filter((a) => a.ns === entry.ns || a.ns === ATOM_NS).map((a) => {
      // (Atom's author inside an RSS item, as .NET's SyndicationFeed writes it: `<a10:author><a10:name>…`. Its
      // name, page and address ran together into one author's name.)
      if (child(a, 'name') !== undefined) return atomAuthor(a);
      const text = squash(textOf(a));
      const named = /^(\S+@\S+)\s*\((.+)\)$/.exec(text);
      if (named === null && /^\S+@\S+$/.test(text)) notes.push(`author ${JSON.stringify(text)} is an e-mail address, no name: not used`);
      return named !== null ? person(squash(named[2] ?? ''), '', named[1] ?? '') : /^\S+@\S+$/.test(text) ? '' : text;
    })]
    : ownChildren(entry, 'author').map(atomAuthor);
  // (A podcast's `itunes:author`, the name its apps show, where the item names no one else; another
  // vocabulary's author is no byline, noted.)
  const others = children(entry, 'author').filter((x) => x.ns !== entry.ns && x.ns !== ATOM_NS && squash(textOf(x)) !== '');
  // (Its namespace as feeds write it, in any case: `…/DTDs/Podcast-1.0.dtd` too.)
  const itunes = others.filter((x) => x.ns?.toLowerCase() === ITUNES_NS).map((x) => squash(textOf(x)));
  if (names.filter(Boolean).length === 0 && itunes.length > 0) {
    names.push(...itunes);
    notes.push(`the byline is the podcast's itunes:author: ${itunes.map((n) => JSON.stringify(n)).join(', ')}`);
  } else for (const a of others) notes.push(`author ${JSON.stringify(squash(textOf(a)))} of another vocabulary (${a.ns ?? 'none'}) not read as a byline`);
  for (const name of unique(names.filter(Boolean))) if (!isTheAgency(name, agency)) creditCreator(credits, name, known);
  const own = children(entry, 'contributor').filter((c) => attr(c, 'name') !== undefined);
  if (own.length > 0) {
    for (const c of own) {
      const location = squash(attr(c, 'location') ?? '');
      const role = squash(attr(c, 'role') ?? '');
      credits.contributors.push({ name: squash(attr(c, 'name') ?? ''), ...(location === '' ? {} : { location }), ...(role === '' ? {} : { role }) });
    }
    return known;
  }
  for (const c of children(entry, 'contributor')) {
    const name = squash(kind === 'rss' ? textOf(c) : textOf(child(c, 'name')));
    if (name !== '') credits.contributors.push({ name });
  }
  return known;
}

/**
 * The body: RSS's `content:encoded`, else its description (then the description is no summary); Atom's
 * `content` (HTML, XHTML or text). The summary: the description or Atom's `summary`, as plain text.
 */
function readBody(entry: El, kind: Kind, fields: RecordFieldsOut, credits: Credits, notes: string[]): Collected {
  // (Media RSS's `media:content`, a picture, has a `url`: Atom's own has none.)
  const content = kind === 'rss' ? child(entry, 'encoded') : ownChildren(entry, 'content').find((c) => attr(c, 'url') === undefined);
  // (The item's own, not Media RSS's `media:description` of a picture, nor iTunes' `itunes:summary`: a picture's
  // caption was the story.)
  const description = ownChild(entry, kind === 'rss' ? 'description' : 'summary');
  const summary = plainOf(description);
  if (content === undefined && kind === 'rss') {
    if (description === undefined) return mediaBody(entry, kind, notes);
    return bodyOf(textOf(description), 'html');
  }
  if (summary !== '') fields.summary = summary;
  if (content === undefined) return mediaBody(entry, kind, notes);
  if (attr(content, 'src') !== undefined) {
    notes.push(`content ${JSON.stringify(attr(content, 'src'))} is elsewhere (src): not fetched, no body`);
    return { blocks: [], images: [], notes: [] };
  }
  const type = kind === 'rss' ? 'html' : (attr(content, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return collectBlocks({ ...(child(content, 'div') ?? content), name: 'body' });
  // XML content holding NITF, as AP's Atom feeds carry each story (`type="text/xml"`): its body, pictures and
  // byline, as NITF's; its taglines closing the body, read as credit lines there.
  const nitf = /(?:^|[/+])xml$/.test(type) ? inlineNitf(content, credits, notes) : undefined;
  if (nitf !== undefined) return { ...nitf, blocks: [...nitf.blocks, ...nitf.taglines.map((t): Block => ({ kind: 'p', inline: [{ text: t }] }))] };
  return bodyOf(textOf(content), type === 'html' || type === 'text/html' ? 'html' : 'text');
}

/**
 * An item with no content and no description: the text Media RSS gives its media (`media:description`, in
 * a `media:group` or, in Atom, where no Atom element has that name, on the entry), as YouTube's feeds carry
 * a video's text (real feeds: no body); else none. Plain text unless its `type` says HTML.
 */
function mediaBody(entry: El, kind: Kind, notes: string[]): Collected {
  const groups = children(entry, 'group');
  const described = [...groups.map((g) => child(g, 'description')), ...groups.flatMap((g) => children(g, 'content')).map((c) => child(c, 'description')), kind === 'atom' ? child(entry, 'description') : undefined]
    .find((d) => d !== undefined && squash(textOf(d)) !== '');
  if (described === undefined) {
    notes.push('no body');
    return { blocks: [], images: [], notes: [] };
  }
  notes.push('no body: the text given with its media (media:description) is the body');
  return bodyOf(textOf(described), attr(described, 'type') === 'html' ? 'html' : 'text');
}

/** Atom's namespace: .NET's SyndicationFeed writes an RSS item's author in it (`<a10:author>`). */
const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Apple's podcast namespace (`itunes:author`), in lower case. */
const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
/** Media RSS's namespace (feeds write it with a closing slash or without). */
const MRSS_NS = 'http://search.yahoo.com/mrss';

/** Dateline's own `dl:dateline`, its parts as attributes. */
function ownDateline(el: El | undefined, file: string, diagnostics: Diagnostic[], notes: string[]): DatelineOut | undefined {
  const part = (name: string): string => squash(attr(el, name) ?? '');
  return el === undefined ? undefined : givenDateline({ city: part('city'), country: part('country'), timezone: part('timezone'), date: part('date') }, 'dl:dateline', file, diagnostics, notes);
}

/** The item's pictures: Media RSS's (in a `media:group` too), an image enclosure, Atom's image link; credits from `media:credit`. */
function pictures(entry: El, kind: Kind): ImageCandidate[] {
  const itemCredit = squash(textOf(children(entry, 'credit')[0]));
  // (Media RSS's description and title of the item's media, beside the item's own: the pictures' caption.)
  const foreign = (name: string): string => squash(textOf(children(entry, name).find((d) => d.ns !== entry.ns && (d.ns ?? '').startsWith(MRSS_NS))));
  const itemCaption = foreign('description') || foreign('title');
  const media = [...children(entry, 'content'), ...children(entry, 'group').flatMap((g) => children(g, 'content'))]
    .filter((m) => attr(m, 'url') !== undefined && (attr(m, 'medium') === 'image' || /^image\//i.test(attr(m, 'type') ?? '') || (attr(m, 'medium') === undefined && attr(m, 'type') === undefined)));
  const links = kind === 'rss'
    ? children(entry, 'enclosure').filter((e) => /^image\//i.test(attr(e, 'type') ?? '')).map((e) => ({ url: attr(e, 'url'), type: attr(e, 'type') }))
    : children(entry, 'link').filter((l) => attr(l, 'rel') === 'enclosure' && /^image\//i.test(attr(l, 'type') ?? '')).map((l) => ({ url: attr(l, 'href'), type: attr(l, 'type') }));
  const out: ImageCandidate[] = [];
  for (const m of media) {
    const img: ImageCandidate = { url: (attr(m, 'url') ?? '').trim() };
    const type = imageType(attr(m, 'type') ?? '');
    if (type !== undefined) img.type = type;
    const w = positive(attr(m, 'width'));
    const h = positive(attr(m, 'height'));
    if (w !== undefined) img.width = w;
    if (h !== undefined) img.height = h;
    const caption = squash(textOf(child(m, 'description'))) || squash(textOf(child(m, 'title'))) || itemCaption;
    if (caption !== '') img.caption = caption;
    const credit = squash(textOf(child(m, 'credit'))) || itemCredit;
    if (credit !== '') img.credit = credit;
    // One picture in several sizes, as the Guardian's feeds give each (`…/3000.jpg?w=140&…` and `?w=460&…`, one
    // credit): the largest, in the place of the first (real feeds: the smallest was the record's).
    const same = out.findIndex((o) => sameRendered(o, img));
    if (same < 0) out.push(img);
    else if ((img.width ?? 0) * (img.height ?? 1) > ((out[same] as ImageCandidate).width ?? 0) * ((out[same] as ImageCandidate).height ?? 1)) out[same] = img;
  }
  for (const l of links) {
    if (l.url === undefined || l.url.trim() === '') continue;
    const img: ImageCandidate = { url: l.url.trim() };
    const type = imageType(l.type ?? '');
    if (type !== undefined) img.type = type;
    if (itemCredit !== '') img.credit = itemCredit;
    out.push(img);
  }
  // A picture described without its URL: the credit alone (Dateline's feeds give it so).
  if (out.length === 0 && itemCredit !== '') out.push({ credit: itemCredit });
  return out;
}

/** The smallest thumbnail taken for a picture (the BBC's are 240 by 135, YouTube's 480 by 360). */
const MIN_THUMBNAIL = { width: 120, height: 80 };

/**
 * Media RSS's `media:thumbnail` of the item, of its `media:group` or of its media, the largest given: the
 * picture that stands for the item (a video's still, a small copy of the story's photo), noted.
 */
function thumbnails(entry: El, notes: string[]): ImageCandidate[] {
  const groups = children(entry, 'group');
  const media = [...children(entry, 'content'), ...groups.flatMap((g) => children(g, 'content'))];
  const all = [...children(entry, 'thumbnail'), ...groups.flatMap((g) => children(g, 'thumbnail')), ...media.flatMap((m) => children(m, 'thumbnail'))]
    .filter((t) => (attr(t, 'url') ?? '').trim() !== '');
  let best: El | undefined;
  const area = (t: El): number => (positive(attr(t, 'width')) ?? 0) * (positive(attr(t, 'height')) ?? 0);
  for (const t of all) if (best === undefined || area(t) > area(best)) best = t;
  if (best === undefined) return [];
  // (An icon's or an avatar's size is no story's picture: GitHub's feeds give its author's, 30 by 30.)
  const [bw, bh] = [positive(attr(best, 'width')), positive(attr(best, 'height'))];
  if ((bw !== undefined && bw < MIN_THUMBNAIL.width) || (bh !== undefined && bh < MIN_THUMBNAIL.height)) {
    notes.push(`the item's thumbnail (media:thumbnail, ${bw ?? '?'} by ${bh ?? '?'}) not taken for its picture: an icon's or an avatar's size`);
    return [];
  }
  const img: ImageCandidate = { url: (attr(best, 'url') ?? '').trim() };
  const w = positive(attr(best, 'width'));
  const h = positive(attr(best, 'height'));
  if (w !== undefined) img.width = w;
  if (h !== undefined) img.height = h;
  const credit = squash(textOf(children(entry, 'credit')[0]));
  if (credit !== '') img.credit = credit;
  notes.push(`the picture is the item's thumbnail (media:thumbnail): the feed gives no other`);
  return [img];
}

/** Two sizes of one picture: its address but for the query, one caption and credit, and a width given for each. */
function sameRendered(a: ImageCandidate, b: ImageCandidate): boolean {
  const path = (u: string | undefined): string => (u ?? '').replace(/[?#].*$/s, '');
  return a.width !== undefined && b.width !== undefined && path(a.url) !== '' && path(a.url) === path(b.url) && a.url !== b.url && a.credit === b.credit && a.caption === b.caption;
}

const MONTHS: Readonly<Record<string, string>> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };
/** The zones RFC 822 names by letters (GMT and UT, and the US zones), as offsets. */
const LETTERS: Readonly<Record<string, string>> = { GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };
const RFC822 = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,3})?\s*(?:\([^()]*\))?$/;

/**
 * An RFC 822 date (`Wed, 05 Feb 2025 01:24:00 GMT`, `5 Feb 25 09:24 +0800`) as the stamp readers take it
 * (`2025-02-05T01:24:00Z`); a zone of letters as RFC 822 defines it (`EST` −05:00, noted). Anything else is
 * given back as written, for the reader to refuse.
 */
function rfc822(raw: string, notes: string[]): string {
  const m = RFC822.exec(raw.trim());
  const month = m === null ? undefined : MONTHS[(m[2] ?? '').toLowerCase()];
  if (m === null || month === undefined) return raw;
  const [, d = '', , y = '', h = '', mi = '', s = '00', zone = 'Z'] = m;
  const year = y.length === 2 ? `${Number(y) < 50 ? '20' : '19'}${y}` : y;
  const letters = /^[A-Za-z]+$/.test(zone) ? LETTERS[zone.toUpperCase()] : undefined;
  if (/^[A-Za-z]+$/.test(zone) && letters === undefined) return raw;
  if (letters !== undefined && letters !== 'Z') notes.push(`pubDate zone ${zone} read as RFC 822 defines it (${letters})`);
  const offset = letters ?? `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${year}-${month}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s}${offset}`;
}
