/**
 * Differential test against the `feed` npm package (v6), an independent, widely used feed writer.
 *
 * The sample site is built with Dateline; the same items (title, link, id/guid, published and updated
 * instants, summary, content HTML taken from `built.model.items`) are handed to `feed`; both sets of
 * outputs are read back with fast-xml-parser / JSON.parse and must agree field by field. Two writers
 * that share no code agreeing on what a reader gets is good evidence that neither mis-escapes or
 * mis-dates these fields.
 *
 * Why `feed` is the reference here and not Dateline's writer:
 *  - It writes text as CDATA without removing characters XML 1.0 forbids: a title with U+0001 gives a
 *    document that is not well-formed (demonstrated below; libexpat rejects it with "not well-formed
 *    (invalid token)"). fast-xml-parser's XMLValidator does not check the Char production, so the test
 *    checks it directly. (`]]>` is NOT a defect in feed 6.0.0: xml-js splits the CDATA section
 *    correctly, `]]]]><![CDATA[>`, and the output stays well-formed.)
 *  - RSS `<author>` gets bare names (`<author>Jane Doe</author>`); RSS 2.0 requires an e-mail address
 *    there, which is why Dateline writes `dc:creator` (demonstrated below).
 *  - JSON Feed 1.0 only (`version: https://jsonfeed.org/version/1`, a single `author`), not 1.1.
 *  - Atom titles and summaries are `type="html"`: plain text containing `<` or `&` is read as markup.
 *  - Dates are UTC only (`toISOString`/`toUTCString`), never the publisher's offset; a missing `updated`
 *    falls back to the clock, so builds are not reproducible.
 *  - Atom ids go through `new URL()` (a bare desk id throws), and it mutates its input (podcast audio
 *    durations); it knows nothing of datelines, agencies, contributor roles, photo credits or sanitising.
 * So `feed` is always given fresh objects and explicit dates, and only the fields it models are compared.
 */
import { decodeHTML } from 'entities';
import { Feed, type Item } from 'feed';
import { XMLValidator } from 'fast-xml-parser';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, loadConfig, resolveConfig, validateRecords, type BuildResult, type FeedModel } from '../src/index.js';
import { parseXml, SITE_CONFIG, text } from './_helpers.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const instant = (s: unknown): number => {
  expect(typeof s, `date ${String(s)}`).toBe('string');
  const t = new Date(s as string).getTime();
  expect(Number.isNaN(t), `date ${String(s)}`).toBe(false);
  return t;
};

/** The same model, written by `feed`: fresh objects and explicit dates every time. */
function referenceFeed(model: FeedModel): Feed {
  const feed = new Feed({
    title: model.title,
    id: model.id,
    link: model.homeUrl,
    description: model.description,
    language: model.language,
    updated: new Date(model.updated.getTime()),
    generator: false,
    feedLinks: { rss: model.selfUrl.rss, atom: model.selfUrl.atom, json: model.selfUrl.json },
    ...(model.copyright === undefined ? {} : { copyright: model.copyright }),
  });
  for (const i of model.items) {
    const item: Item = {
      title: i.title,
      id: i.id,
      guid: i.id,
      link: i.url,
      date: new Date(i.updated.getTime()),
      published: new Date(i.published.getTime()),
      content: i.contentHtml,
    };
    if (i.summary !== undefined) item.description = i.summary;
    feed.addItem(item);
  }
  return feed;
}

let built: BuildResult;
let unsummarised: number;
let ours: { rss: any; atom: any; json: any };
let theirs: { rss: any; atom: any; json: any };

beforeAll(async () => {
  const config = await loadConfig('dateline.config.json', repoRoot);
  const loaded = await loadArticles(config, repoRoot);
  expect(loaded.diagnostics).toEqual([]);
  built = buildFeeds(loaded.articles, config);
  unsummarised = loaded.articles.filter((a) => !a.draft && a.summary === undefined).length;
  ours = {
    rss: parseXml(built.outputs.get('rss.xml')!),
    atom: parseXml(built.outputs.get('atom.xml')!),
    json: JSON.parse(built.outputs.get('feed.json')!),
  };
  const feed = referenceFeed(built.model);
  theirs = { rss: parseXml(feed.rss2()), atom: parseXml(feed.atom1()), json: JSON.parse(feed.json1()) };
});

describe('the sample site, written by Dateline and by `feed`, reads back the same', () => {
  it('covers every published sample article, including one with updated ≠ published and one without a written summary', () => {
    const items = built.model.items;
    expect(items.length).toBe(12);
    expect(items.some((i) => i.updated.getTime() !== i.published.getTime())).toBe(true);
    expect(unsummarised).toBeGreaterThan(0);
    expect(items.every((i) => i.summary !== undefined)).toBe(true);
    expect(ours.rss.rss.channel.item).toHaveLength(items.length);
    expect(theirs.rss.rss.channel.item).toHaveLength(items.length);
    expect(ours.atom.feed.entry).toHaveLength(items.length);
    expect(theirs.atom.feed.entry).toHaveLength(items.length);
    expect(ours.json.items).toHaveLength(items.length);
    expect(theirs.json.items).toHaveLength(items.length);
  });

  it('RSS 2.0: channel title, link, description, lastBuildDate', () => {
    const [a, b] = [ours.rss.rss.channel, theirs.rss.rss.channel];
    expect(text(a.title)).toBe(text(b.title));
    expect(a.link).toEqual(b.link);
    expect(text(a.description)).toBe(text(b.description));
    expect(instant(a.lastBuildDate)).toBe(instant(b.lastBuildDate));
  });

  it('RSS 2.0: item title, link, guid, pubDate, description, content:encoded', () => {
    const [as, bs] = [ours.rss.rss.channel.item as any[], theirs.rss.rss.channel.item as any[]];
    built.model.items.forEach((item, k) => {
      const [a, b] = [as[k], bs[k]];
      expect(text(a.title)).toBe(text(b.title));
      expect(text(a.title)).toBe(item.title);
      expect(a.link).toEqual(b.link);
      expect([a.link].flat()).toEqual([item.url]);
      expect(text(a.guid)).toBe(text(b.guid));
      expect(text(a.guid)).toBe(item.id);
      expect(instant(a.pubDate)).toBe(instant(b.pubDate));
      expect(instant(a.pubDate)).toBe(item.published.getTime());
      expect(text(a.description)).toBe(text(b.description));
      expect(decodeHTML(text(a.description) ?? '')).toBe(item.summary);
      expect(text(a['content:encoded'])).toBe(text(b['content:encoded']));
      expect(text(a['content:encoded'])).toBe(item.contentHtml);
      // `feed` has no RSS element for the update time; Dateline's atom:updated carries it.
      expect(instant(a['atom:updated'] ?? a.pubDate)).toBe(item.updated.getTime());
    });
  });

  it('Atom 1.0: feed id, title, updated', () => {
    const [a, b] = [ours.atom.feed, theirs.atom.feed];
    expect(text(a.id)).toBe(text(b.id));
    expect(text(a.title)).toBe(text(b.title));
    expect(instant(a.updated)).toBe(instant(b.updated));
  });

  it('Atom 1.0: entry title, alternate link, id, published, updated, summary, content', () => {
    const alternate = (e: any): string | undefined =>
      (e.link as any[]).find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate')?.['@href'];
    const [as, bs] = [ours.atom.feed.entry as any[], theirs.atom.feed.entry as any[]];
    built.model.items.forEach((item, k) => {
      const [a, b] = [as[k], bs[k]];
      expect(text(a.title)).toBe(text(b.title));
      expect(text(a.title)).toBe(item.title);
      expect(alternate(a)).toBe(alternate(b));
      expect(alternate(a)).toBe(item.url);
      expect(text(a.id)).toBe(text(b.id));
      expect(text(a.id)).toBe(item.id);
      expect(instant(a.published)).toBe(instant(b.published));
      expect(instant(a.updated)).toBe(instant(b.updated));
      expect(instant(a.updated)).toBe(item.updated.getTime());
      expect(text(a.summary)).toBe(text(b.summary));
      expect(text(a.summary)).toBe(item.summary);
      expect(text(a.content)).toBe(text(b.content));
      expect(text(a.content)).toBe(item.contentHtml);
    });
  });

  it('JSON Feed: feed title, home page, feed URL; item id, url, title, dates, summary, content_html', () => {
    const [a, b] = [ours.json, theirs.json];
    expect(a.title).toBe(b.title);
    expect(a.home_page_url).toBe(b.home_page_url);
    expect(a.feed_url).toBe(b.feed_url);
    built.model.items.forEach((item, k) => {
      const [x, y] = [a.items[k], b.items[k]];
      expect(x.id).toBe(y.id);
      expect(x.id).toBe(item.id);
      expect(x.url).toBe(y.url);
      expect(x.title).toBe(y.title);
      expect(instant(x.date_published)).toBe(instant(y.date_published));
      // Dateline leaves date_modified out when the article was never updated.
      expect(instant(x.date_modified ?? x.date_published)).toBe(instant(y.date_modified));
      expect(x.summary).toBe(y.summary);
      expect(x.content_html).toBe(y.content_html);
      expect(x.content_html).toBe(item.contentHtml);
    });
  });
});

describe('why `feed` is not the writer', () => {
  const config = resolveConfig(SITE_CONFIG, 'cfg', () => 1).config!;
  const title = 'Markets \u0001 close';

  it('a title with U+0001: feed writes it raw (not well-formed XML 1.0); Dateline strips it and warns', () => {
    const feed = new Feed({ title: 'Desk', id: 'https://news.example.com/', link: 'https://news.example.com/', updated: new Date(0), generator: false });
    feed.addItem({ title, id: 'https://news.example.com/a.html', link: 'https://news.example.com/a.html', date: new Date(0) });
    const theirsRss = feed.rss2();
    // XML 1.0 §2.2: U+0001 is not a Char, so the document is not well-formed. (XMLValidator does not check
    // Char, which is why the production is tested directly.)
    expect(theirsRss).toMatch(XML_FORBIDDEN);
    expect(theirsRss).toContain(`<title><![CDATA[${title}]]></title>`);

    const validated = validateRecords([{
      file: 'a.md', kind: 'markdown', data: { id: 'a', title, date: '2025-02-05 09:24' }, body: 'Body.', lineOf: () => 3, slugPath: 'a',
    }], config);
    expect(validated.diagnostics).toEqual([expect.objectContaining({ code: 'W_CHARS_STRIPPED', file: 'a.md', line: 3, field: 'title' })]);
    const oursRss = buildFeeds(validated.articles, config).outputs.get('rss.xml')!;
    expect(XMLValidator.validate(oursRss)).toBe(true);
    expect(oursRss).not.toMatch(XML_FORBIDDEN);
    expect(text(parseXml(oursRss).rss.channel.item[0].title)).toBe('Markets  close');
  });

  it('RSS <author> gets a bare name from feed; Dateline writes dc:creator and no <author>', () => {
    const feed = new Feed({ title: 'Desk', id: 'https://news.example.com/', link: 'https://news.example.com/', updated: new Date(0), generator: false });
    feed.addItem({ title: 'T', link: 'https://news.example.com/a.html', date: new Date(0), author: [{ name: 'Jane Doe' }] });
    expect(parseXml(feed.rss2()).rss.channel.item[0].author).toEqual(['Jane Doe']);

    const validated = validateRecords([{
      file: 'a.md', kind: 'markdown', data: { id: 'a', title: 'T', date: '2025-02-05 09:24', authors: ['Jane Doe'] }, body: 'B.', lineOf: () => 1, slugPath: 'a',
    }], config);
    const item = parseXml(buildFeeds(validated.articles, config).outputs.get('rss.xml')!).rss.channel.item[0];
    expect(item['dc:creator']).toEqual(['Jane Doe']);
    expect(item.author).toBeUndefined();
  });

  it('feed writes JSON Feed 1.0; Dateline writes 1.1', () => {
    expect(theirs.json.version).toBe('https://jsonfeed.org/version/1');
    expect(ours.json.version).toBe('https://jsonfeed.org/version/1.1');
  });
});
