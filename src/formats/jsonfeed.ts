/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1). Dates are RFC 3339 with the publisher's offset. What the spec
 * has no field for travels in extensions, which readers ignore when unknown: `_dateline` (the structured
 * dateline) and `_credits` (agency provenance, contributors with location and role, photo caption and
 * credit, rights).
 */
import { formatRfc3339 } from '../core/_dates.js';
import { mailtoUrl } from '../core/_credit-fields.js';
import type { FeedItem, FeedModel, Person } from '../types.js';
import { fragmentCache, joinDocument, type DocumentParts } from './_document.js';
import { EXTENSION_DOCS } from './_xml.js';

type Json = { [key: string]: unknown };

/** Each item's JSON text at its place in the document (indented for `items`), rendered once per build. */
const fragments = fragmentCache();

/** JSON.stringify drops undefined members; the ASCII escape of U+2028/2029 keeps the file safe to embed in scripts. */
const stringify = (v: unknown): string => {
  const text = JSON.stringify(v, null, 2);
  return /[\u2028\u2029]/.test(text) ? text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : text;
};

/** An item as it stands in the items list, indented two levels: stringified inside a list inside an object. */
const HEAD = '{\n  "items": [\n';
const TAIL = '\n  ]\n}';
const itemText = (v: unknown): string => {
  const text = stringify({ items: [v] });
  return text.slice(HEAD.length, text.length - TAIL.length);
};

export function writeJsonFeed(m: FeedModel): string {
  return joinDocument(jsonFeedParts(m), m.items);
}

/** The JSON Feed document of a model around its items (the members of `items`, its last member). */
export function jsonFeedParts(m: FeedModel): DocumentParts {
  const date = (d: Date): string => formatRfc3339(d, m.timezone);
  const h = m.history;
  const item = (i: FeedItem): Json => ({
    id: i.id,
    url: i.url,
    external_url: i.agency?.url,
    title: i.title,
    summary: i.summary,
    content_html: i.contentHtml,
    // JSON Feed requires content_html or content_text: a summary-only item carries its summary as text.
    content_text: i.contentHtml === undefined ? i.summary ?? i.title : undefined,
    image: i.image?.url,
    date_published: date(i.published),
    date_modified: i.updated.getTime() === i.published.getTime() ? undefined : date(i.updated),
    authors: i.creators.length === 0 ? undefined : i.creators.map(person),
    tags: i.categories.length === 0 ? undefined : [...new Set(i.categories.map((c) => c.term))],
    language: i.language,
    _dateline: i.dateline === undefined
      ? undefined
      : { about: EXTENSION_DOCS, text: i.dateline.text, city: i.dateline.city, country: i.dateline.country, timezone: i.dateline.timezone, date: i.dateline.date },
    _credits: credits(i),
  });
  const feed: Json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: m.title,
    home_page_url: m.homeUrl,
    feed_url: m.selfUrl.json,
    description: m.description,
    icon: m.icon,
    favicon: m.favicon,
    language: m.language,
    authors: m.author === undefined ? undefined : [person(m.author)],
    hubs: m.hub === undefined ? undefined : [{ type: 'WebSub', url: m.hub }],
    // RFC 5005 paging in JSON Feed's terms: next_url is the next (older) page of items.
    next_url: h?.prevArchive?.json,
    _dateline: h === undefined ? undefined : {
      about: EXTENSION_DOCS,
      archive: h.archive,
      current_url: h.current?.json,
      prev_archive_url: h.prevArchive?.json,
      next_archive_url: h.nextArchive?.json,
    },
    items: [],
  };
  const text = stringify(feed);
  const render = (i: FeedItem) => (): string => itemText(item(i));
  const fragment = (i: FeedItem): string => fragments.text(i, m.timezone, render(i));
  const fragmentBytes = (i: FeedItem): Uint8Array => fragments.bytes(i, m.timezone, render(i));
  // `items` is the last member: its empty list closes the document, which is the document with no items.
  const empty = '  "items": []\n}';
  const head = `${text.slice(0, text.length - empty.length)}  "items": [\n`;
  return { head, tail: '\n  ]\n}\n', separator: ',\n', boundary: { text: ',\n    {\n', offset: 2 }, fragment, fragmentBytes, empty: `${text}\n` };
}

function person(p: Person): Json {
  return { name: p.name, url: p.url ?? (p.email === undefined ? undefined : mailtoUrl(p.email)) };
}

function credits(i: FeedItem): Json | undefined {
  const photo = i.image === undefined || (i.image.caption === undefined && i.image.credit === undefined)
    ? undefined
    : { caption: i.image.caption, credit: i.image.credit };
  if (i.agency === undefined && i.contributors.length === 0 && photo === undefined && i.rights === undefined) return undefined;
  return {
    about: EXTENSION_DOCS,
    // The agency line is always the last credit line (credits.ts appends it after the contributors).
    agency: i.agency === undefined ? undefined : { ...i.agency, line: i.creditLines[i.creditLines.length - 1] },
    contributors: i.contributors.length === 0 ? undefined : i.contributors,
    photo,
    rights: i.rights,
    lines: i.creditLines.length === 0 ? undefined : i.creditLines,
  };
}
