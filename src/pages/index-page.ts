/**
 * The page people see at the feeds' address (`index.html`, and `GET /` of `dateline serve`): every feed
 * with its format, item count and last update, the latest stories with their datelines and credits, and
 * autodiscovery `<link rel="alternate">` tags. Standalone (inline CSS, no script, nothing fetched), so it
 * works wherever `dist/` is served and in browsers without XSLT. Pure: same model, same bytes.
 */
import { formatRfc3339 } from '../core/_dates.js';
import { isRightToLeft } from '../core/_direction.js';
import { escapeHtml } from '../core/_text.js';
import { FEED_FILES, FEED_TYPES, FORMAT_NAMES } from '../core/model.js';
import { namesNeedSemicolons } from '../core/credits.js';
import type { FeedItem, FeedModel, Format, Person } from '../types.js';
import { PAGE_CSS, readableDate, type FeedLink } from './_page.js';

export type { FeedLink } from './_page.js';

/** The page's file name in the output directory, beside the feeds (so its relative feed links work). */
export const INDEX_FILE = 'index.html';

export interface IndexPageOptions {
  /** How many of the newest items to show; 20 unless told. */
  latest?: number;
  /** The site's other feeds (sections, tags, authors, archives), listed after the main feed. */
  directory?: readonly FeedDirectoryEntry[];
}

/** One of the site's other feeds, as the page lists it. */
export interface FeedDirectoryEntry {
  kind: 'main' | 'section' | 'tag' | 'author' | 'archive';
  /** Section, tag or author name; the month of an archive. */
  name: string;
  /** Directory of its documents, relative to the page (`sections/world/`). */
  dir: string;
  title: string;
  items: number;
  updated: Date;
}

const DIRECTORY_HEADINGS: readonly [FeedDirectoryEntry['kind'], string, string][] = [
  ['section', 'sections', 'Sections'],
  ['tag', 'tags', 'Tags'],
  ['author', 'authors', 'Authors'],
  ['archive', 'archives', 'Archives (RFC 5005, newest first)'],
];

const FORMAT_ORDER: readonly Format[] = ['rss', 'atom', 'json'];
const SHORT_NAMES: Record<Format, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** The main feed's three documents, as the build writes them: `rss.xml`, `atom.xml`, `feed.json` at `model.selfUrl`. */
export function feedLinks(model: FeedModel): FeedLink[] {
  return FORMAT_ORDER.map((format) => ({ format, file: FEED_FILES[format], url: model.selfUrl[format], title: `${model.title} (${SHORT_NAMES[format]})` }));
}

/** The autodiscovery tags, one per line, for publishers to paste into the `<head>` of their site's pages. */
export function renderDiscoverySnippet(feeds: readonly FeedLink[]): string {
  return feeds.map((f) => `${discoveryLink(f)}\n`).join('');
}

function discoveryLink(f: FeedLink): string {
  return `<link rel="alternate" type="${FEED_TYPES[f.format]}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.url)}">`;
}

export function renderIndexPage(model: FeedModel, feeds: readonly FeedLink[], options: IndexPageOptions = {}): string {
  const latest = model.items.slice(0, Math.max(0, options.latest ?? 20));
  const siteLang = langAttr(model.language);
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}: feeds</title>`,
    `<meta name="description" content="${escapeHtml(model.description)}">`,
    '<meta name="generator" content="Dateline">',
    ...feeds.map(discoveryLink),
    '<style>',
    PAGE_CSS,
    '</style>',
    '</head>',
    '<body>',
    '<div class="wrap">',
    '<header>',
    `<h1${siteLang}>${escapeHtml(model.title)}</h1>`,
    `<p class="lede"${siteLang}>${escapeHtml(model.description)}</p>`,
    '<p class="note">These are news feeds. To follow them, copy a feed’s address into your feed reader.</p>',
    '</header>',
    '<main>',
    '<section aria-labelledby="feeds">',
    '<h2 id="feeds">Feeds</h2>',
    ...(feeds.length === 0 ? ['<p>No feeds.</p>'] : ['<ul class="feeds">', ...feeds.map((f) => feedEntry(model, f)), '</ul>']),
    '</section>',
    ...directorySections(model, options.directory ?? []),
    '<section aria-labelledby="latest">',
    '<h2 id="latest">Latest stories</h2>',
    ...(latest.length === 0 ? ['<p>No stories yet.</p>'] : ['<ol class="items">', ...latest.map((i) => itemEntry(model, i)), '</ol>']),
    '</section>',
    '</main>',
    '<footer>',
    `<p>${model.copyright === undefined ? '' : `<span${siteLang}>${escapeHtml(model.copyright)}</span> `}Feeds made with Dateline.</p>`,
    '</footer>',
    '</div>',
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}

/** One section per kind of feed: name, item count, last update, and its three documents. */
function directorySections(model: FeedModel, directory: readonly FeedDirectoryEntry[]): string[] {
  const out: string[] = [];
  for (const [kind, id, heading] of DIRECTORY_HEADINGS) {
    const entries = directory.filter((e) => e.kind === kind);
    if (entries.length === 0) continue;
    out.push(`<section aria-labelledby="${id}">`, `<h2 id="${id}">${heading}</h2>`, '<ul class="directory">');
    for (const e of entries) {
      const docs = FORMAT_ORDER.map((f) => `<a href="${escapeHtml(encodeURI(`${e.dir}${FEED_FILES[f]}`))}" type="${FEED_TYPES[f]}">${SHORT_NAMES[f]}</a>`);
      // <bdi>: a name in a right-to-left script (or with a stray direction mark) does not reorder the line's counts and links.
      // Its direction is its own (bdi's auto), not the site's: "C++" on an Arabic site is not "++C" (QA).
      out.push(`<li><bdi class="name"${nameLang(model.language)}>${escapeHtml(e.name)}</bdi> <span class="meta">${e.items} ${e.items === 1 ? 'item' : 'items'} · ${time(e.updated, model.timezone)}</span> ${docs.join(' · ')}</li>`);
    }
    out.push('</ul>', '</section>');
  }
  return out;
}

function feedEntry(model: FeedModel, f: FeedLink): string {
  const count = model.items.length;
  return [
    '<li>',
    `<h3><a href="${escapeHtml(f.file)}" type="${FEED_TYPES[f.format]}"${langAttr(model.language)}>${escapeHtml(f.title)}</a> <span class="format">${FORMAT_NAMES[f.format]}</span></h3>`,
    // (A feed with no items yet has no date of its own: the feeds' 1970 is no date to show people.)
    `<p class="meta">${count === 0 ? 'no items yet' : `${count} ${count === 1 ? 'item' : 'items'} · last updated ${time(model.updated, model.timezone)}`}</p>`,
    `<p class="address">Address: <code>${escapeHtml(f.url)}</code></p>`,
    '</li>',
  ].join('\n');
}

function itemEntry(model: FeedModel, i: FeedItem): string {
  const lang = i.language ?? model.language;
  const title = escapeHtml(i.title);
  const meta = [`Published ${time(i.published, model.timezone)}`];
  if (i.updated.getTime() !== i.published.getTime()) meta.push(`updated ${time(i.updated, model.timezone)}`);
  const dateline = i.dateline === undefined ? undefined : `<span class="dateline">${escapeHtml(i.dateline.text)}</span>`;
  const summary = i.summary === undefined ? undefined : escapeHtml(i.summary);
  const lede = dateline !== undefined && summary !== undefined ? `${dateline} ${summary}` : (dateline ?? summary);
  const credits: string[] = [];
  const chrome = (label: string): string => (langAttr(lang) === '' ? label : `<span${ENGLISH(lang)}>${label}</span>`);
  // With no byline the model credits the agency as creator; its agency line already says so.
  const agencyOnly = i.creators.length === 1 && i.agency !== undefined && i.creators[0]?.name === i.agency.name;
  if (i.creators.length > 0 && !agencyOnly) credits.push(`${chrome('By')} ${joinNames(i.creators.map(person), namesNeedSemicolons(i.creators.map((c) => c.name)))}`);
  // (Their words are English or Chinese: left to right, in a right-to-left story too.)
  for (const line of i.creditLines) credits.push(isRightToLeft(lang) ? `<span dir="ltr">${escapeHtml(line)}</span>` : escapeHtml(line));
  if (i.image?.credit !== undefined) credits.push(`${chrome('Photo:')} ${escapeHtml(i.image.credit)}`);
  return [
    '<li>',
    `<article${langAttr(lang)}>`,
    `<h3>${isWebUrl(i.url) ? `<a href="${escapeHtml(i.url)}">${title}</a>` : title}</h3>`,
    `<p class="meta"${langAttr(lang) === '' ? '' : ENGLISH(lang)}>${meta.join(' · ')}</p>`,
    ...(lede === undefined ? [] : [`<p class="summary">${lede}</p>`]),
    ...credits.map((c) => `<p class="credits">${c}</p>`),
    '</article>',
    '</li>',
  ].join('\n');
}

function time(instant: Date, zone: string): string {
  return `<time datetime="${formatRfc3339(instant, zone)}">${escapeHtml(readableDate(instant, zone))}</time>`;
}

function person(p: Person): string {
  const name = `<bdi>${escapeHtml(p.name)}</bdi>`;
  return p.url !== undefined && isWebUrl(p.url) ? `<a href="${escapeHtml(p.url)}">${name}</a>` : name;
}

/** As the content's byline joins them (core/credits.ts), over the names' HTML. */
function joinNames(names: string[], semicolons: boolean): string {
  if (semicolons) return names.join('; ');
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Links only to the web: a record cannot smuggle `javascript:` or `data:` into the page. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * The chrome is English; text in another language says so, for screen readers and hyphenation, and text
 * in a right-to-left language says its direction (an Arabic headline starts at the right).
 */
function langAttr(lang: string): string {
  return lang.toLowerCase() === 'en' ? '' : ` lang="${escapeHtml(lang)}"${isRightToLeft(lang) ? ' dir="rtl"' : ''}`;
}

/** A feed's name: in the site's language, most likely, but in the direction of its own letters. */
function nameLang(lang: string): string {
  return lang.toLowerCase() === 'en' ? '' : ` lang="${escapeHtml(lang)}"`;
}

/** English chrome inside text in `lang`: left to right again inside a right-to-left story. */
const ENGLISH = (lang: string): string => ` lang="en"${isRightToLeft(lang) ? ' dir="ltr"' : ''}`;
