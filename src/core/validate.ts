/**
 * RawRecord → Article. Every problem in every record is collected (never only the first), each located at
 * the line of its key. Shape comes from the zod schema; meaning (times, zones, URLs, ids) is checked here.
 */
import { isFixedZone } from './_zones.js';
import { isImageType, meantImageType, typeOfEnding } from './_media.js';
import type { z } from 'zod';
import { diagnostic, Errors } from '../errors.js';
import type {
  Agency, Article, Body, Contributor, DatelineField, Diagnostic, ImageField, Person, RawRecord, RecordInput, SiteConfig, SourceOf,
} from '../types.js';
import { describeValue, closest, fieldName, fieldPattern, valueAt, type FieldPath } from './_paths.js';
import { deskTimeProblem, isLocalDate, isValidTimeZone, localDate, parseDeskTime, whyZoneRefused, writableYear, zoneName } from './_dates.js';
import { agencyLine, hasEmail, isEmail, oneLine, visible, withoutRepeats } from './_credit-fields.js';
import { balancedBidi, closeBidi, MARKUP, mayHoldForbidden, stripForbidden } from './_text.js';
import { quickHref, rfc3986Href } from './_urls.js';
import { hasWords } from './_words.js';
import { withoutBy } from './credits.js';
import { renderDateline, styleFor, styleNeedsDate } from './dateline.js';
import { isPermanentId, isUriItemId, itemId, madeUpScheme } from './ids.js';
import { byFile, sharedLinks, type Linked } from './links.js';
import { EXPECTED, fitsShape, KNOWN_KEYS, recordSchemas } from './schema.js';

export interface Validated {
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Valid articles not in `articles`: let go when read (RecordResult.omitted), counted here. */
  omitted: { published: number; drafts: number };
}

/**
 * What comparing records gives: W_LINK_SHARED (core/links.ts) apart from `diagnostics`, since a build
 * reports them with what planning says, which the cache keeps for the builds that plan nothing.
 */
export interface Compared extends Validated {
  sharedLinks: Diagnostic[];
}

/**
 * Validates every record and compares ids and links across them (the links shared are in `diagnostics`,
 * after the records'). Records are taken in path order, so output never depends on disk order.
 */
export function validateRecords(inputs: readonly (RawRecord | RecordInput)[], config: SiteConfig): Validated {
  const { sharedLinks, ...compared } = checkIds(inputs.map(completed).map((raw) => {
    const v = validateRecord(raw, config);
    const r: RecordResult = { ...v, file: raw.file, idLine: () => raw.lineOf(['id']) };
    if (v.article !== undefined && !v.article.draft) r.link = v.article.url;
    return r;
  }), config);
  return { ...compared, diagnostics: [...compared.diagnostics, ...sharedLinks] };
}

/** A caller's record with what it left out filled in (QA: a record without `lineOf` was a TypeError). */
function completed(input: RawRecord | RecordInput): RawRecord {
  if (typeof input.lineOf === 'function' && typeof input.slugPath === 'string' && input.kind !== undefined) return input as RawRecord;
  return {
    ...input,
    kind: input.kind ?? (typeof input.body === 'string' ? 'markdown' : 'json'),
    lineOf: typeof input.lineOf === 'function' ? input.lineOf : () => undefined,
    slugPath: typeof input.slugPath === 'string' ? input.slugPath : String(input.file).replace(/\\/g, '/').replace(/\.[^./]*$/, ''),
  };
}

/** One record's own validation, before ids are compared across records. */
export interface RecordResult {
  file: string;
  article?: Article;
  /** The record's id as written (also when the record has other errors). */
  id?: string;
  diagnostics: readonly Diagnostic[];
  /** Line of the record's `id` key, asked only to report a duplicate. */
  idLine: () => number | undefined;
  /** A valid article let go when it was read (no feed can show it), in place of `article`. */
  omitted?: 'published' | 'draft';
  /** A published article's link (also when it was let go), compared across records. */
  link?: string;
}

/** Compares ids and links across records (in path order) and collects the articles and every diagnostic. */
export function checkIds(results: readonly RecordResult[], config: SiteConfig): Compared {
  const sorted = [...results].sort(byFile);
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  const omitted = { published: 0, drafts: 0 };
  const linked: Linked[] = [];
  for (const r of sorted) {
    diagnostics.push(...r.diagnostics);
    // Compared as the feeds will carry them: trimmed, cleaned and prefixed, so `a`, `a ` and `<prefix>a` collide;
    // and in NFC, so a decomposed `café` (typed on a Mac) is the same id, not a second item that looks the same.
    if (r.id !== undefined) {
      const permanent = itemId(r.id, config).normalize('NFC');
      const first = owners.get(permanent);
      if (first !== undefined) {
        diagnostics.push(diagnostic(Errors.IdDuplicate, { file: r.file, line: r.idLine(), field: 'id' }, r.id, first));
        continue;
      }
      owners.set(permanent, r.file);
    }
    if (r.link !== undefined) linked.push({ file: r.file, url: r.link });
    if (r.article !== undefined) articles.push(r.article);
    else if (r.omitted === 'published') omitted.published += 1;
    else if (r.omitted === 'draft') omitted.drafts += 1;
  }
  return { articles, diagnostics, omitted, sharedLinks: sharedLinks(linked) };
}

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

type Fields = Record<string, unknown>;

/**
 * Characters of a file's name that a URL reads otherwise (a fragment, a query, an escape, a slash), so a
 * link made from the name escapes them: `q&a #1.md` → `q&a%20%231.html`, `why?.md` → `why%3F.html`,
 * `100%25 sure.md` → `100%2525%20sure.html` (QA: they linked to `q&a%20` and `why`, and to `100% sure.html`).
 */
const NOT_URL_TEXT = /[%#?\\]/;
const NOT_URL_TEXT_ALL = new RegExp(NOT_URL_TEXT.source, 'g');
const SCHEME_LIKE = /^[^/]*:/;
const percentEncoded = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** The link of a record without `url`: the site's URL, the file's path under the articles, `.html`. */
function pathLink(slugPath: string, siteUrl: string): string {
  const escaped = NOT_URL_TEXT.test(slugPath) ? slugPath.replace(NOT_URL_TEXT_ALL, percentEncoded) : slugPath;
  // (A ":" before the first "/" would make the path a URL of its own scheme: `javascript:x.md`, review.)
  const path = `${SCHEME_LIKE.test(escaped) ? escaped.replace(/^[^/]*/, (first) => first.replaceAll(':', '%3A')) : escaped}.html`;
  return quickHref(path, siteUrl) ?? rfc3986Href(new URL(path, siteUrl).href);
}

/** More tags than any story carries (wire copy has a few dozen at most): a list split wrongly, most likely. */
const MANY_TAGS = 100;
/** More bylines than any story carries: a list split wrongly (each may be an author feed carrying all of them: QA, 5,000 took 4.1 GB). */
const MANY_AUTHORS = 100;

export function validateRecord(raw: RawRecord, config: SiteConfig): { article?: Article; id?: string; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  // A key holding characters XML forbids is named as JSON spells it (`"x\u0001y"`): they are not printed.
  const shown = (p: string | number): string | number => (typeof p === 'string' && stripForbidden(p).removed > 0 ? JSON.stringify(p) : p);
  const at = (path: FieldPath) => ({ file: raw.file, line: raw.lineOf(path), field: fieldName(path.map(shown)) });
  if (raw.data === null || typeof raw.data !== 'object' || Array.isArray(raw.data)) {
    out.push(diagnostic(Errors.RecordNotObject, { file: raw.file, line: raw.lineOf([]) }, describeValue(raw.data)));
    return { diagnostics: out };
  }
  // (Checked before anything walks the data: 100,000 nested lists in 200 KB of JSON overflowed the stack, exit 70. QA.)
  const deep = deepestPath(raw.data, MAX_DEPTH);
  if (deep !== undefined) {
    out.push(diagnostic(Errors.RecordTooDeep, at(deep.slice(0, 1)), MAX_DEPTH));
    return { diagnostics: out };
  }
  let data = (raw.clean !== true && anyForbidden(raw.data) ? clean(raw.data, [], (path, removed) => out.push(diagnostic(Errors.CharsStripped, at(path), removed))) : raw.data) as Fields;
  let bodyText = raw.body ?? '';
  const strippedBody = raw.clean === true ? { text: bodyText, removed: 0 } : stripForbidden(bodyText);
  if (strippedBody.removed > 0) {
    out.push(diagnostic(Errors.CharsStripped, { file: raw.file, line: raw.lineOf(['body']), field: 'body' }, strippedBody.removed));
    bodyText = strippedBody.text;
  }

  if (raw.noMarkup !== true) {
    const closed: [FieldPath, string][] = [];
    eachString(data, [], (path, text) => {
      const markup = MARKUP.exec(text)?.[0];
      if (markup !== undefined && PROSE.has(fieldPattern(path))) out.push(diagnostic(Errors.TextLooksLikeHtml, at([...path]), markup));
      // Text the feeds print (not an id or a URL, which would change) closes the direction controls it opens.
      const bidi = closeBidi(text);
      if (bidi.closed > 0 && PROSE.has(fieldPattern(path))) {
        out.push(diagnostic(Errors.BidiUnclosed, at([...path]), bidi.closed));
        closed.push([[...path], bidi.text]);
      }
    });
    for (const [path, text] of closed) data = withValue(data, path, text);
  }

  const shape = fitsShape(data, raw.kind) ? undefined : recordSchemas()[raw.kind === 'json' ? 'JsonRecord' : 'MarkdownRecord'].safeParse(data);
  if (shape?.success === false) for (const issue of shape.error.issues) out.push(...fromIssue(issue, data, at, raw.sourceOf));

  // Meaning. Each check runs when its field has the right type, whatever else is wrong, so one run reports all.
  const str = (path: FieldPath): string | undefined => {
    const v = valueAt(data, path);
    return typeof v === 'string' ? v : undefined;
  };
  const fail = (path: FieldPath, d: (where: ReturnType<typeof at>) => Diagnostic): undefined => {
    out.push(d(at(path)));
    return undefined;
  };
  const nonEmpty = (path: FieldPath): string | undefined => {
    const v = str(path);
    if (v === undefined) return undefined;
    const t = v.trim();
    return visible(t) === undefined ? fail(path, (w) => diagnostic(Errors.FieldEmpty, w)) : t;
  };
  // An address typed into a name ("Jane Doe (jane@paper.com)"): feedparser takes it for the e-mail and cuts
  // or drops the name, and the W3C validator warns (ContainsEmail).
  const nameWithEmail = (name: string, path: FieldPath, field?: 'email'): void => {
    if (hasEmail(name)) out.push(diagnostic(Errors.NameHasEmail, at(path), name, field !== undefined));
  };
  const absoluteUrl = (path: FieldPath, base: string): string | undefined => {
    const v = str(path);
    if (v === undefined) return undefined;
    // `url: ""` would resolve to the base: the story's own page as its photo, byline link or agency story.
    if (v.trim() === '') return fail(path, (w) => diagnostic(Errors.UrlEmpty, w));
    // A URL mistyped, which would become a path of this site or name another host: `https//news.example.com/a`
    // (no colon), `http:/news…` (one slash), `https:///world/a` (three: the host "world"), `www.example.com/a`.
    if (/^(?:https?\/\/|https?:\/(?!\/)|https?:\/{3}|https?:(?!\/)|www\.)/i.test(v.trim())) return fail(path, (w) => diagnostic(Errors.UrlInvalid, w, v));
    // A colon before any slash with no scheme before it (`ht tp://example.com/a`, `news example:a`): no
    // relative path holds one there (RFC 3986, 4.2), and the URL parser would make it a path of this site.
    if (/^[^/?#:]*:/.test(v.trim()) && !/^[a-z][a-z0-9+.-]*:/i.test(v.trim())) return fail(path, (w) => diagnostic(Errors.UrlInvalid, w, v));
    // A URL without its scheme (`news.example.com/world/a.html`, `twitter.com/jane`): a path of this site
    // to the URL parser, under the site's URL (`https://news.example.com/news.example.com/world/a.html`).
    const host = hostFirst(v.trim());
    if (host !== undefined) return fail(path, (w) => diagnostic(Errors.UrlNoScheme, w, v.trim(), host));
    const quick = quickHref(v.trim(), base);
    if (quick !== undefined) return quick;
    // `//world/2025/story.html` (a slash too many) is a URL on the host "world", not a path of this site;
    // `//cdn.example.com/p.jpg` names a host, the site's scheme (a protocol-relative URL).
    if (/^[\\/]{2}/.test(v.trim())) {
      const host = /^[\\/]{2}([^\\/?#]*)/.exec(v.trim())?.[1] ?? '';
      if (!v.trim().startsWith('//') || !plausibleHost(host)) return fail(path, (w) => diagnostic(Errors.UrlNetworkPath, w, v, host));
    }
    try {
      const u = new URL(v.trim(), base);
      if (u.protocol === 'http:' || u.protocol === 'https:') return rfc3986Href(u.href);
    } catch {
      // reported below
    }
    return fail(path, (w) => diagnostic(Errors.UrlInvalid, w, v));
  };
  const deskTime = (path: FieldPath): Date | undefined => {
    const v = str(path);
    if (v === undefined) return undefined;
    // (`date: ""` is as empty as `date: ~`: QA found one E_DATE_FORMAT, the other E_FIELD_EMPTY.)
    if (v.trim() === '') return fail(path, (w) => diagnostic(Errors.FieldEmpty, w));
    const t = parseDeskTime(v, config.timezone);
    if (t.ok) {
      if (!writableYear(t.instant, config.timezone)) return fail(path, (w) => diagnostic(Errors.DateOutOfRange, w, v, t.instant.toISOString().replace('.000Z', 'Z')));
      // A year mistyped (`0025`, `1025` for 2025): before any newspaper, so said; the story goes out as dated.
      if (t.instant.getTime() < FIRST_NEWSPAPER) out.push(diagnostic(Errors.DateEarly, at(path), v));
      return t.instant;
    }
    switch (t.problem) {
      case 'format':
        return fail(path, (w) => diagnostic(Errors.DateFormat, w, v, deskTimeProblem(v)));
      case 'nonexistent':
        return fail(path, (w) => diagnostic(Errors.DateNonexistent, w, v, config.timezone, t.earlier));
      case 'ambiguous':
        return fail(path, (w) => diagnostic(Errors.DateAmbiguous, w, v, config.timezone, t.candidates));
    }
  };

  const id = nonEmpty(['id']);
  if (id !== undefined && !isPermanentId(id)) fail(['id'], (w) => diagnostic(Errors.IdInvalid, w, id));
  else if (id !== undefined && !isUriItemId(id, config)) fail(['id'], (w) => diagnostic(Errors.IdNotUri, w, id));
  else if (id !== undefined) {
    const scheme = madeUpScheme(id);
    if (scheme !== undefined) fail(['id'], (w) => diagnostic(Errors.IdScheme, w, id, scheme));
  }
  const title = nonEmpty(['title']);
  const url = str(['url']) !== undefined ? absoluteUrl(['url'], config.siteUrl) : pathLink(raw.slugPath, config.siteUrl);
  // A byline's, the agency's or the photo's URL, resolved against the story's. `#`, `?` or `.` alone name no
  // link but the story itself, and a photo cannot be the story's page; a link to the story (an aggregator's
  // agency link, a live blog's post) may be meant.
  const linkOf = (path: FieldPath, photo = false): string | undefined => {
    const u = absoluteUrl(path, url ?? config.siteUrl);
    if (u === undefined) return undefined;
    const written = str(path)!.trim();
    const bare = (x: string): string => {
      const hash = x.indexOf('#');
      const cut = hash < 0 ? x : x.slice(0, hash);
      return cut.endsWith('?') ? cut.slice(0, -1) : cut;
    };
    const self = written === '#' || written === '?' || written === '.' || written === './' || (photo && url !== undefined && u.startsWith(bare(url)) && bare(u) === bare(url));
    return self ? fail(path, (w) => diagnostic(Errors.UrlIsStory, w, written)) : u;
  };
  const published = deskTime(['date']);
  const updated = deskTime(['updated']);
  if (published !== undefined && updated !== undefined && updated < published) {
    fail(['updated'], (w) => diagnostic(Errors.UpdatedBeforeDate, w, str(['updated']) ?? '', str(['date']) ?? ''));
  }
  const language = str(['language']);
  if (language !== undefined && !LANGUAGE.test(language)) fail(['language'], (w) => diagnostic(Errors.LanguageInvalid, w, language));

  const authorList = list(data, 'authors');
  const bylines: Person[] = authorList.map(({ value, path }) => {
    const p: Person = { name: oneLine(named(value) ?? '') };
    nonEmpty(typeof value === 'string' ? path : [...path, 'name']);
    nameWithEmail(p.name, typeof value === 'string' ? path : [...path, 'name'], 'email');
    const u = linkOf([...path, 'url']);
    if (u !== undefined) p.url = u;
    const email = str([...path, 'email']);
    if (email !== undefined) {
      if (email.trim() === '') fail([...path, 'email'], (w) => diagnostic(Errors.FieldEmpty, w));
      else if (isEmail(email.trim())) p.email = email.trim();
      else fail([...path, 'email'], (w) => diagnostic(Errors.EmailInvalid, w, email));
    }
    return p;
  });

  let agency: Agency | undefined;
  const agencyValue = data['agency'];
  const agencyName = named(agencyValue);
  if (agencyName !== undefined) {
    const via = visible(oneLine(str(['agency', 'via'])));
    // The credit line as the name (`agency: Agencies via Xinhua`) is the agency Xinhua, via Agencies, as
    // `{name: Xinhua, via: Agencies}` gives it: the dateline names Xinhua, not the whole line.
    agency = via ? { name: oneLine(agencyName) } : agencyLine(oneLine(agencyName));
    // (Direction controls were paired across the whole line: each side of its "via" pairs its own.)
    if (agency.via !== undefined) agency = { ...agency, name: balancedBidi(agency.name), via: balancedBidi(agency.via) };
    // (A side of the line with nothing to see: "Reuters via \u200b" names no agency.)
    if (agency.via !== undefined && visible(agency.via) === undefined) delete agency.via;
    if (visible(agency.name) === undefined && visible(agencyName.trim()) !== undefined) fail(typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name'], (w) => diagnostic(Errors.FieldEmpty, w));
    nonEmpty(typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name']);
    nameWithEmail(agency.name, typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name']);
    if (via) agency.via = via;
    // (The via too: an address there is printed in the credit line and dl:agency's via.)
    if (agency.via !== undefined) nameWithEmail(agency.via, via !== undefined ? ['agency', 'via'] : typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name']);
    const agencyUrl = linkOf(['agency', 'url']);
    if (agencyUrl !== undefined) agency.url = agencyUrl;
  }

  const contributorList = list(data, 'contributors');
  const credited: Contributor[] = contributorList.map(({ value, path }) => {
    const c: Contributor = { name: oneLine(named(value) ?? '') };
    nonEmpty(typeof value === 'string' ? path : [...path, 'name']);
    nameWithEmail(c.name, typeof value === 'string' ? path : [...path, 'name']);
    const location = visible(oneLine(str([...path, 'location'])));
    if (location) c.location = location;
    // "Reporting by" is the role "Reporting": the line adds "by".
    const written = oneLine(str([...path, 'role']));
    const role = visible(written === undefined ? undefined : withoutBy(written));
    if (role) c.role = role;
    return c;
  });
  const credits = withoutRepeats(bylines, authorList, credited, contributorList, (path, d) => out.push(d(at(path))));

  let dateline: DatelineField | undefined;
  const city = nonEmpty(['dateline', 'city']);
  if (city !== undefined) {
    dateline = { city: oneLine(city) };
    const country = visible(oneLine(str(['dateline', 'country'])));
    if (country) dateline.country = country;
    const zone = str(['dateline', 'timezone'])?.trim();
    if (zone !== undefined) {
      if (isValidTimeZone(zone)) dateline.timezone = zoneName(zone);
      // (A record of the archive may hold one from before they were refused: kept, as it was read then, and said.)
      else if (isFixedZone(zone)) {
        dateline.timezone = zone;
        out.push(diagnostic(Errors.ZoneFixed, at(['dateline', 'timezone']), zone, whyZoneRefused(zone)));
      } else fail(['dateline', 'timezone'], (w) => diagnostic(Errors.ZoneUnknown, w, zone, whyZoneRefused(zone)));
    }
    // The dateline prints the day at its city: that day's year must be writable too.
    if (published !== undefined && dateline.timezone !== undefined && !writableYear(published, dateline.timezone)) {
      fail(['date'], (w) => diagnostic(Errors.DateOutOfRange, w, str(['date']) ?? '', published.toISOString().replace('.000Z', 'Z')));
    }
    const date = str(['dateline', 'date'])?.trim();
    if (date !== undefined) {
      if (isLocalDate(date) && !date.startsWith('0000')) dateline.date = date;
      else fail(['dateline', 'date'], (w) => diagnostic(Errors.DateOnlyFormat, w, date, deskTimeProblem(date, false)));
    }
    const style = styleFor(config, language);
    // (A date given in a form not read, `date: 20250204`, is said as such: not also as none given.)
    if (zone === undefined && valueAt(data, ['dateline', 'date']) == null && styleNeedsDate(style, config.datelineDated)) {
      fail(['dateline'], (w) => diagnostic(Errors.DatelineZoneNeeded, w, style));
    }
    // Chinese datelines run the agency, city and date together: a name in Latin letters runs into them.
    if (style === 'xinhua-zh' && /[A-Za-z]/.test(city + (agency?.name ?? ''))) {
      const printed = renderDateline(style, { city, agency: agency?.name, language: language ?? config.language, plain: true, date: dateline.date ?? (published !== undefined && dateline.timezone !== undefined ? localDate(published, dateline.timezone) : undefined) }, config.datelineDated);
      fail(['dateline', 'city'], (w) => diagnostic(Errors.DatelineNotChinese, w, printed));
    }
    // A date the copy gives can be checked against the instant: a story is filed before it is published.
    if (dateline.date !== undefined && dateline.timezone !== undefined && published !== undefined) {
      const there = localDate(published, dateline.timezone);
      const given = dateline.date;
      if (given > there) fail(['dateline', 'date'], (w) => diagnostic(Errors.DatelineDateLater, w, given, city, there));
    }
  }

  let image: ImageField | undefined;
  const imageUrl = linkOf(['image', 'url'], true);
  if (data['image'] !== null && typeof data['image'] === 'object') {
    image = {};
    if (imageUrl !== undefined) image.url = imageUrl;
    for (const k of ['caption', 'credit'] as const) {
      const v = k === 'credit' ? visible(oneLine(str(['image', k]))) : str(['image', k])?.trim();
      if (v) image[k] = v;
    }
    const ext = imageUrl === undefined ? undefined : /\.([a-z0-9]+)$/i.exec(new URL(imageUrl).pathname)?.[1]?.toLowerCase();
    const given = str(['image', 'type'])?.trim();
    // A media type, as RSS's media:content and Atom's enclosure carry it (`jpeg` and `image/jpg` are none).
    // A type mistyped that means one clearly (`image/jpg`, `jpeg`, as earlier importers wrote it) is
    // written as that, with a warning; any other is an error.
    const meant = given !== undefined && given !== '' && !isImageType(given) ? meantImageType(given) : undefined;
    if (meant !== undefined) out.push(diagnostic(Errors.ImageTypeMeant, at(['image', 'type']), given ?? '', meant));
    else if (given !== undefined && given !== '' && !isImageType(given)) fail(['image', 'type'], (w) => diagnostic(Errors.ImageType, w, given));
    const type = meant ?? given ?? (ext === undefined ? undefined : typeOfEnding(ext));
    if (type && isImageType(type)) image.type = type;
    for (const k of ['width', 'height'] as const) {
      const v = valueAt(data, ['image', k]);
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) image[k] = v;
    }
  }

  let body: Body = { kind: 'markdown', text: bodyText };
  if (raw.kind === 'json') {
    const html = str(['content_html']);
    const md = str(['body']);
    if (html !== undefined && md !== undefined) fail(['content_html'], (w) => diagnostic(Errors.BodyConflict, w));
    body = html !== undefined ? { kind: 'html', text: html } : { kind: 'markdown', text: md ?? '' };
  }

  if (out.some((d) => d.severity === 'error') || id === undefined || title === undefined || url === undefined || published === undefined) {
    return id === undefined ? { diagnostics: out } : { id, diagnostics: out };
  }
  const article: Article = {
    id, title, url, published, tags: [], authors: credits.authors, contributors: credits.contributors, draft: data['draft'] === true, body, file: raw.file,
  };
  const bodyLine = raw.lineOf(raw.kind === 'json' ? [body.kind === 'html' ? 'content_html' : 'body'] : ['body']);
  if (bodyLine !== undefined) article.bodyLine = bodyLine;
  if (updated !== undefined && updated.getTime() !== published.getTime()) article.updated = updated;
  // A name that prints nothing (spaces, a no-break space, a zero-width space) is left out, and said: it
  // gave no feed and no category, without a word (QA).
  const sectionText = str(['section']);
  const section = visible(oneLine(sectionText));
  if (section) article.section = section;
  else if (sectionText !== undefined) out.push(diagnostic(Errors.NameEmpty, at(['section']), 'section'));
  const tags: unknown[] = Array.isArray(data['tags']) ? data['tags'] : [];
  article.tags = [];
  /** Each tag's first place in the list, in NFC (the categories' spelling: model.ts), to say a repeat is one (QA: left out without a word). */
  const firstAt = new Map<string, number>();
  const repeats: { i: number; name: string; first: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (typeof t !== 'string') continue;
    const name = visible(oneLine(t));
    if (!name) {
      out.push(diagnostic(Errors.NameEmpty, at(['tags', i]), 'tag'));
      continue;
    }
    article.tags.push(name);
    const key = name.normalize('NFC');
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else repeats.push({ i, name, first });
  }
  // (A list of hundreds, split wrongly, is said once: W_MANY_TAGS, not a warning for each repeat in it.)
  if (firstAt.size > MANY_TAGS) out.push(diagnostic(Errors.ManyTags, at(['tags']), firstAt.size));
  else for (const r of repeats) out.push(diagnostic(Errors.TagRepeated, at(['tags', r.i]), r.name, r.first));
  if (credits.authors.length > MANY_AUTHORS) out.push(diagnostic(Errors.ManyAuthors, at(['authors']), credits.authors.length));
  const summary = str(['summary'])?.trim();
  if (summary) article.summary = summary;
  // (A search for the first non-space, not trim(): that would copy every body.)
  else if (!/\S/.test(body.text)) out.push(diagnostic(Errors.NoText, { file: raw.file, line: bodyLine, field: body.kind === 'html' ? 'content_html' : 'body' }));
  // (A body that opens with a word has words: only one that opens with markup is read further.)
  else if (!/^\s*[\p{L}\p{N}]/u.test(body.text) && !hasWords(body.text)) out.push(diagnostic(Errors.NoText, { file: raw.file, line: bodyLine, field: body.kind === 'html' ? 'content_html' : 'body' }, true));
  if (language !== undefined) article.language = language;
  if (agency !== undefined) article.agency = agency;
  if (dateline !== undefined) article.dateline = dateline;
  if (image !== undefined) article.image = image;
  const rights = str(['rights'])?.trim();
  if (rights) article.rights = rights;
  return { article, id, diagnostics: out };
}

/** Copies plain data with forbidden XML characters removed from every string (and key), reporting each field. */
/**
 * The record's data without the characters XML forbids in its values, each removal reported at its path.
 * Keys stay as written: one holding such a character (`"ti\u0003tle"`) is no field the record has, and is
 * said as unknown at its line, with the one meant (QA: it was reported at line 1 under another name, or
 * taken for the field it spells without them, over the record's own).
 */
function clean(v: unknown, path: FieldPath, report: (path: FieldPath, removed: number) => void): unknown {
  if (typeof v === 'string') {
    // In a name, Word's line break (U+000B), a form feed or NEL stands between words: it is taken out as
    // elsewhere (and counted), but as a line break, which oneLine makes one space with the spaces around
    // it, so "Ann\u000bLee" is not glued into "AnnLee" nor "Ann \u000b Lee" spaced thrice.
    const between = /[\v\f\u0085]/.test(v) && NAME_FIELDS.has(fieldPattern(path)) ? (v.match(/[\v\f\u0085]/g) ?? []).length : 0;
    const s = stripForbidden(between > 0 ? v.replace(/[\v\f\u0085]/g, '\n') : v);
    if (s.removed + between > 0) report(path, s.removed + between);
    return s.text;
  }
  if (Array.isArray(v)) return v.map((x, i) => clean(x, [...path, i], report));
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = clean(x, [...path, k], report);
    return o;
  }
  return v;
}

/**
 * What the W3C validator takes for markup in a plain-text element (a tag opening or closing, a character
 * reference, a named entity): such text draws its ContainsHTML/CharacterData warnings.
 */
/** Fields that name someone or something (credits, places, categories). */
const NAME_FIELDS = new Set(['authors[]', 'authors[].name', 'contributors[]', 'contributors[].name', 'contributors[].location', 'contributors[].role',
  'agency', 'agency.name', 'agency.via', 'dateline.city', 'dateline.country', 'section', 'tags[]', 'image.credit']);
/** Fields that feeds carry as plain text. */
const PROSE = new Set(['title', 'summary', 'section', 'tags[]', 'authors[]', 'authors[].name', 'agency', 'agency.name', 'agency.via',
  'contributors[]', 'contributors[].name', 'contributors[].location', 'contributors[].role', 'dateline.city', 'dateline.country',
  'image.caption', 'image.credit', 'rights']);

/**
 * Calls `visit` with every string in the data and its path, in order. The path is one array changed as
 * the walk goes: a visitor that keeps it must copy it.
 */
function eachString(v: unknown, path: (string | number)[], visit: (path: FieldPath, text: string) => void): void {
  if (typeof v === 'string') visit(path, v);
  else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      eachString(v[i], path, visit);
      path.pop();
    }
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      path.push(k);
      eachString((v as Fields)[k], path, visit);
      path.pop();
    }
  }
}

/** The data with the value at `path` replaced, copying only the objects and arrays on the way to it. */
function withValue(v: Fields, path: FieldPath, value: string): Fields {
  const set = (at: unknown, depth: number): unknown => {
    if (depth === path.length) return value;
    const key = path[depth] as string | number;
    if (Array.isArray(at)) return at.map((x, i) => (i === key ? set(x, depth + 1) : x));
    const o = at as Fields;
    return { ...o, [key]: set(o[key], depth + 1) };
  };
  return set(v, 0) as Fields;
}

/** Whether any string or key in the data may hold a character `clean` would strip (false: none does). */
/** Nesting no record needs (its fields go three deep: `contributors[0].name`); past it, a record is not walked. */
const MAX_DEPTH = 64;

/** The path to a list or mapping nested deeper than `limit`, found without recursion; undefined when there is none. */
function deepestPath(data: unknown, limit: number): FieldPath | undefined {
  const stack: { value: unknown; path: FieldPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: FieldPath };
    if (value === null || typeof value !== 'object') continue;
    if (path.length > limit) return path;
    if (Array.isArray(value)) value.forEach((x, i) => stack.push({ value: x, path: [...path, i] }));
    else for (const [k, x] of Object.entries(value)) stack.push({ value: x, path: [...path, k] });
  }
  return undefined;
}

function anyForbidden(v: unknown): boolean {
  if (typeof v === 'string') return mayHoldForbidden(v);
  if (Array.isArray(v)) return v.some(anyForbidden);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => mayHoldForbidden(k) || anyForbidden(x));
  return false;
}

function named(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof (v as Fields)['name'] === 'string') return (v as Fields)['name'] as string;
  return undefined;
}

/** The entries of a list field that carry a name (a string, or an object with a string `name`), with their paths. */
function list(data: Fields, key: string): { value: unknown; path: FieldPath }[] {
  const v = data[key];
  return Array.isArray(v) ? v.map((value, i) => ({ value, path: [key, i] })).filter((e) => named(e.value) !== undefined) : [];
}

type At = (path: FieldPath) => { file: string; line: number | undefined; field: string };

/** 1605, the year of the first printed newspaper (Strasbourg's Relation): a story dated before it has a year mistyped. */
const FIRST_NEWSPAPER = Date.UTC(1605, 0, 1);

/** A record's fields by the names other systems (CMS exports, JSON Feed, Hugo, WordPress) give them. */
const SYNONYMS: Readonly<Record<string, string>> = {
  img: 'image', picture: 'image', photo: 'image', thumbnail: 'image', featured_image: 'image', media: 'image',
  published: 'date', pubdate: 'date', date_published: 'date', publishdate: 'date', published_at: 'date', datetime: 'date',
  modified: 'updated', date_modified: 'updated', updated_at: 'updated', lastmod: 'updated', last_modified: 'updated',
  category: 'section', categories: 'section', desk: 'section', keywords: 'tags', topics: 'tags', labels: 'tags',
  byline: 'authors', author: 'authors', writer: 'authors', writers: 'authors', reporter: 'authors', reporters: 'authors', by: 'authors',
  lang: 'language', locale: 'language', content: 'body', text: 'body', html: 'content_html', headline: 'title',
  link: 'url', permalink: 'url', href: 'url', description: 'summary', excerpt: 'summary', dek: 'summary', standfirst: 'summary',
  abstract: 'summary', copyright: 'rights', license: 'rights', location: 'dateline', place: 'dateline', source: 'agency', wire: 'agency',
  guid: 'id', uid: 'id', slug: 'id',
};

/** Turns one zod issue into diagnostics in our words, at the line of the key concerned. */
function fromIssue(issue: z.core.$ZodIssue, data: unknown, at: At, sourceOf?: SourceOf): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = KNOWN_KEYS[fieldPattern(path)] ?? [];
        // What other systems call a field first (`img` is no misspelt `id`), then a near spelling.
        // (Own keys only: `__proto__` or `constructor` would find Object's. QA: the build crashed.)
        const spelling = key.toLowerCase().replace(/[-\s]/g, '_');
        const synonym = path.length === 0 && Object.hasOwn(SYNONYMS, spelling) ? SYNONYMS[spelling] : undefined;
        // (The one meant by a key with characters XML forbids is the one it spells without them.)
        const seen = stripForbidden(key).text;
        return diagnostic(Errors.FieldUnknown, at([...path, key]), synonym ?? (seen === '' ? undefined : closest(seen, known)));
      });
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) return [diagnostic(Errors.FieldMissing, at(path))];
      // `title:` with nothing after it: YAML reads null, which is an empty field, not a wrong type.
      if (value === null && issue.expected === 'string') return [diagnostic(Errors.FieldEmpty, at(path))];
      // `date: 20250205`: YAML read a number where a time is written; put in quotes, it is still no time
      // (QA: told to quote it, which led only to E_DATE_FORMAT), so what a time looks like is said at once.
      const dated = DATED[fieldPattern(path)];
      if (dated !== undefined && (typeof value === 'number' || typeof value === 'boolean')) {
        const written = sourceOf?.(path) ?? String(value);
        return [diagnostic(dated === 'time' ? Errors.DateFormat : Errors.DateOnlyFormat, at(path), written, deskTimeProblem(written, dated === 'time') ?? (typeof value === 'number' ? 'YAML reads it as a number' : undefined))];
      }
      const expected = EXPECTED[fieldPattern(path)] ?? (issue.expected === 'string' ? 'text' : issue.expected);
      // `title: 1984`, `section: true`: YAML read a number or true/false, where quotes keep the text, as
      // written (`007`, not the 7 read).
      const written = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? sourceOf?.(path) ?? String(value) : undefined;
      const quote = written === undefined ? '' : `; put it in quotes to keep it as text (${JSON.stringify(written)})`;
      return [diagnostic(Errors.FieldType, at(path), expected, `${describeValue(value)}${quote}`)];
    }
    default: {
      const expected = EXPECTED[fieldPattern(path)] ?? issue.message;
      return [diagnostic(Errors.FieldType, at(path), expected, describeValue(valueAt(data, path)))];
    }
  }
}

/** The fields that hold a desk time or instant (`time`) or a local date. */
const DATED: Readonly<Record<string, 'time' | 'date'>> = { date: 'time', updated: 'time', 'dateline.date': 'date' };

/** Endings of web pages and images, which no top-level domain is: `//gaza-talks.html` is a path with a slash too many. */
const FILE_ENDINGS = new Set(['html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'shtml', 'cfm', 'xml', 'json', 'txt', 'pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'avif',
  'heic', 'heif', 'tif', 'tiff', 'bmp', 'ico', 'css', 'js', 'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'webm', 'mov', 'm3u8', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'zip', 'rss']);

/**
 * The host a relative URL starts with, as a URL typed without its scheme does: `twitter.com/jane`,
 * `news.example.com/world/a.html`, `img.example.com` (a dotted name before a slash, or with two dots),
 * not a file's name (`a.html`, `photo.jpg`). Undefined for other values.
 */
function hostFirst(value: string): string | undefined {
  if (/^[/.#?\\]/.test(value) || /^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
  const first = /^[^/?#\\]*/.exec(value)?.[0] ?? '';
  const dots = first.split('.').length - 1;
  const next = value.charAt(first.length);
  // A dotted name before a slash, or with two dots; alone, one whose ending is a common top-level domain
  // (`reuters.com`). Before a query it is a page (`story.cfm?id=12`).
  const host = dots >= 2 || next === '/' || (next === '' && dots === 1 && COMMON_TLDS.has(first.slice(first.lastIndexOf('.') + 1).toLowerCase()));
  return host && plausibleHost(first) ? first : undefined;
}

/** Top-level domains a name alone is taken for a host by (`reuters.com`), none of them a file's ending. */
const COMMON_TLDS = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'info', 'news', 'io', 'co', 'uk', 'cn', 'de', 'fr', 'jp', 'ru', 'au', 'ca', 'eu', 'in', 'us', 'tv', 'hk', 'tw', 'kr', 'sg', 'br', 'es', 'it', 'nl', 'ch']);

/** A host a protocol-relative URL may name: a dotted name (any script) or an IPv4 address, not a file name. */
function plausibleHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(name)) return true;
  const labels = name.split('.');
  const last = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u.test(l)) && /^\p{L}/u.test(last) && !FILE_ENDINGS.has(last.toLowerCase());
}
