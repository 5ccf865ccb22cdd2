/**
 * Atom 1.0 (RFC 4287). Dates are RFC 3339 with the publisher's offset; every entry has an author (its
 * bylines, its agency, or the feed's author inherited per §4.2.1); agency provenance is `link rel="via"`.
 */
import { formatRfc3339 } from '../core/_dates.js';
import type { FeedItem, FeedModel, Person } from '../types.js';
import { fragmentCache, joinDocument, type DocumentParts } from './_document.js';
import { agencyElement, contributorElements, datelineElement, html, mediaContent, NS, photoCredit, renderFragment, xmlParts, type XmlNode } from './_xml.js';

const fragments = fragmentCache();

export function writeAtom(m: FeedModel): string {
  return joinDocument(atomParts(m), m.items);
}

/** The Atom document of a model around its items (each an `entry` of the feed). */
export function atomParts(m: FeedModel): DocumentParts {
  const date = (d: Date): string => formatRfc3339(d, m.timezone);
  const h = m.history;
  const entry = (i: FeedItem): XmlNode => ({
    '@xml:lang': i.language,
    id: i.id,
    title: { '@type': 'text', '#text': i.title },
    link: [
      { '@rel': 'alternate', '@type': 'text/html', '@href': i.url },
      ...(i.agency?.url === undefined ? [] : [{ '@rel': 'via', '@href': i.agency.url }]),
      ...(i.image?.url === undefined ? [] : [{ '@rel': 'enclosure', '@type': i.image.type, '@href': i.image.url }]),
    ],
    published: date(i.published),
    updated: date(i.updated),
    author: i.creators.map(person),
    contributor: i.contributors.map((c) => ({ name: c.name })),
    category: i.categories.map((c) => ({ '@term': c.term, '@scheme': c.scheme, '@label': c.term })),
    summary: i.summary === undefined ? undefined : { '@type': 'text', '#text': i.summary },
    content: i.contentHtml === undefined ? undefined : { '@type': 'html', '#text': html(i.contentHtml) },
    rights: i.rights === undefined ? undefined : { '@type': 'text', '#text': i.rights },
    'media:content': mediaContent(i.image),
    'media:credit': photoCredit(i.image),
    'dl:dateline': datelineElement(i.dateline),
    'dl:agency': agencyElement(i.agency),
    'dl:contributor': contributorElements(i.contributors),
  });
  const { head, tail } = xmlParts({
    feed: {
      '@xmlns': NS.atom,
      '@xmlns:media': NS.media,
      '@xmlns:dl': NS.dl,
      '@xmlns:fh': h === undefined ? undefined : NS.fh,
      '@xml:lang': m.language,
      id: m.id,
      title: { '@type': 'text', '#text': m.title },
      subtitle: { '@type': 'text', '#text': m.description },
      updated: date(m.updated),
      link: [
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': m.selfUrl.atom },
        { '@rel': 'alternate', '@type': 'text/html', '@href': m.homeUrl },
        ...(m.hub === undefined ? [] : [{ '@rel': 'hub', '@href': m.hub }]),
        ...(h?.current === undefined ? [] : [{ '@rel': 'current', '@type': 'application/atom+xml', '@href': h.current.atom }]),
        ...(h?.prevArchive === undefined ? [] : [{ '@rel': 'prev-archive', '@type': 'application/atom+xml', '@href': h.prevArchive.atom }]),
        ...(h?.nextArchive === undefined ? [] : [{ '@rel': 'next-archive', '@type': 'application/atom+xml', '@href': h.nextArchive.atom }]),
      ],
      'fh:archive': h?.archive === true ? '' : undefined,
      // A section's, tag's or archive's feed is the site's: its author is the site's, not "Desk — World".
      author: person(m.author ?? { name: m.siteTitle ?? m.title }),
      rights: m.copyright === undefined ? undefined : { '@type': 'text', '#text': m.copyright },
      icon: m.favicon,
      // RFC 4287 §4.2.8: a logo should be twice as wide as high; the square icon stands in when there is none.
      logo: m.logo?.url ?? m.icon,
      generator: 'Dateline',
    },
  }, m.stylesheet, '</feed>');
  const render = (i: FeedItem) => (): string => renderFragment('entry', entry(i), 1);
  const fragment = (i: FeedItem): string => fragments.text(i, m.timezone, render(i));
  const fragmentBytes = (i: FeedItem): Uint8Array => fragments.bytes(i, m.timezone, render(i));
  return { head, tail, separator: '', boundary: { text: '\n  <entry', offset: 1 }, fragment, fragmentBytes };
}

function person(p: Person): XmlNode {
  return { name: p.name, uri: p.url, email: p.email };
}
