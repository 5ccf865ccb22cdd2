/**
 * RSS 2.0 (rssboard.org specification, RSS Best Practices Profile). Dates are RFC 822 in GMT; people are
 * `dc:creator`, never bare names in `<author>` (which must be an e-mail address); guids are permanent
 * ids with `isPermaLink="false"` unless the id is the article's URL.
 */
import { formatRfc822 } from '../core/_dates.js';
import { escapeHtml } from '../core/_text.js';
import type { FeedItem, FeedModel } from '../types.js';
import { fragmentCache, joinDocument, type DocumentParts } from './_document.js';
import { agencyElement, contributorElements, datelineElement, html, mediaContent, NS, photoCredit, renderFragment, xmlParts, type XmlNode } from './_xml.js';

const fragments = fragmentCache();
const render = (i: FeedItem) => (): string => renderFragment('item', item(i), 2);
const itemText = (i: FeedItem): string => fragments.text(i, '', render(i));
const itemBytes = (i: FeedItem): Uint8Array => fragments.bytes(i, '', render(i));

export function writeRss(m: FeedModel): string {
  return joinDocument(rssParts(m), m.items);
}

/** RSS's `image`: the wide logo with its size, or else the square icon (a reader then takes it as 88 × 31). */
function image(m: FeedModel): XmlNode | undefined {
  if (m.logo !== undefined) return { url: m.logo.url, title: m.title, link: m.homeUrl, width: m.logo.width, height: m.logo.height };
  return m.icon === undefined ? undefined : { url: m.icon, title: m.title, link: m.homeUrl };
}

/** The RSS document of a model around its items (each an `item` of the channel). */
export function rssParts(m: FeedModel): DocumentParts {
  const h = m.history;
  const channel: XmlNode = {
    title: m.title,
    link: m.homeUrl,
    // Read as HTML, as an item's is (the validator does: "description should not contain HTML"): plain text,
    // escaped as HTML first (QA: a tag named `x</title><script>` was markup in its feed's description).
    description: html(escapeHtml(m.description)),
    language: m.language,
    copyright: m.copyright,
    // The newest change, as pubDate and lastBuildDate both: some parsers (Perl's XML::Feed) read a
    // feed's date only from pubDate.
    pubDate: formatRfc822(m.updated),
    lastBuildDate: formatRfc822(m.updated),
    generator: 'Dateline',
    docs: 'https://www.rssboard.org/rss-specification',
    ttl: m.ttl,
    image: image(m),
    'atom:link': [
      { '@href': m.selfUrl.rss, '@rel': 'self', '@type': 'application/rss+xml' },
      ...(m.hub === undefined ? [] : [{ '@href': m.hub, '@rel': 'hub' }]),
      ...(h?.current === undefined ? [] : [{ '@href': h.current.rss, '@rel': 'current', '@type': 'application/rss+xml' }]),
      ...(h?.prevArchive === undefined ? [] : [{ '@href': h.prevArchive.rss, '@rel': 'prev-archive', '@type': 'application/rss+xml' }]),
      ...(h?.nextArchive === undefined ? [] : [{ '@href': h.nextArchive.rss, '@rel': 'next-archive', '@type': 'application/rss+xml' }]),
    ],
    'fh:archive': h?.archive === true ? '' : undefined,
  };
  const { head, tail } = xmlParts({
    rss: {
      '@version': '2.0',
      '@xmlns:atom': NS.atom,
      '@xmlns:content': NS.content,
      '@xmlns:dc': NS.dc,
      '@xmlns:media': NS.media,
      '@xmlns:dl': NS.dl,
      '@xmlns:fh': h === undefined ? undefined : NS.fh,
      channel,
    },
  }, m.stylesheet, '  </channel>');
  return { head, tail, separator: '', boundary: { text: '\n    <item>', offset: 1 }, fragment: itemText, fragmentBytes: itemBytes };
}

function item(i: FeedItem): XmlNode {
  return {
    title: i.title,
    link: i.url,
    // Readers render an RSS description as HTML; the summary is plain text, so it is escaped as HTML first.
    // An item without a summary (photos alone, or a dateline and credits) has its content as its description,
    // not content:encoded alone (the validator's NeedDescriptionBeforeContent: some readers show only the description).
    description: i.summary === undefined ? (i.contentHtml === undefined ? undefined : html(i.contentHtml)) : html(escapeHtml(i.summary)),
    'content:encoded': i.contentHtml === undefined || i.summary === undefined ? undefined : html(i.contentHtml),
    guid: { '@isPermaLink': i.id === i.url ? 'true' : 'false', '#text': i.id },
    pubDate: formatRfc822(i.published),
    'atom:updated': i.updated.getTime() === i.published.getTime() ? undefined : rfc3339Utc(i.updated),
    'dc:creator': i.creators.map((p) => p.name),
    'dc:contributor': i.contributors.map((c) => c.name),
    category: i.categories.map((c) => ({ '@domain': c.scheme, '#text': c.term })),
    'dc:rights': i.rights,
    // RSS has a language for the channel only: a story that gives its own (Atom's xml:lang, JSON Feed's language) says it here.
    'dc:language': i.language,
    'media:content': mediaContent(i.image),
    'media:credit': photoCredit(i.image),
    'dl:dateline': datelineElement(i.dateline),
    'dl:agency': agencyElement(i.agency),
    'dl:contributor': contributorElements(i.contributors),
  };
}

/** `atom:updated` in RSS is read by the same parsers as Atom's; UTC keeps it unambiguous beside GMT pubDates. */
function rfc3339Utc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
