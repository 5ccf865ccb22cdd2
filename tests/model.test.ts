/** The main feed's selection: newest first, drafts out, limited, dated by its newest change. */
import { describe, expect, it } from 'vitest';
import { buildFeeds, resolveConfig, validateRecords, type RawRecord, type SiteConfig } from '../src/index.js';
import { parseXml, SITE_CONFIG } from './_helpers.js';

function config(extra: object = {}): SiteConfig {
  const { config: c, diagnostics } = resolveConfig({ ...SITE_CONFIG, ...extra }, 'cfg', () => 1);
  expect(diagnostics).toEqual([]);
  return c!;
}

const rec = (id: string, date: string, extra: Record<string, unknown> = {}): RawRecord => ({
  file: `${id}.md`, kind: 'markdown', data: { id, title: `T ${id}`, date, ...extra }, body: 'Body.', lineOf: () => 1, slugPath: id,
});

function build(records: RawRecord[], c: SiteConfig = config()) {
  const v = validateRecords(records, c);
  expect(v.diagnostics).toEqual([]);
  return buildFeeds(v.articles, c);
}

describe('validateRecords for a library caller', () => {
  it('takes a record given as file, data and body alone (QA: a TypeError), and reports its problems', () => {
    const ok = validateRecords([{ file: 'desk/a.md', data: { id: 'a', title: 'A', date: '2025-02-05 09:24' }, body: 'Words.' }], config());
    expect([ok.diagnostics, ok.articles.map((a) => [a.id, a.body.kind])]).toEqual([[], [['a', 'markdown']]]);
    const json = validateRecords([{ file: 'b.json', data: { id: 'b', title: 'B', date: '2025-02-05 09:24', body: 'Words.' } }], config());
    expect(json.articles.map((a) => a.id)).toEqual(['b']);
    const bad = validateRecords([{ file: 'c.md', data: { id: 'c', title: 'C', date: '2025-03-30 01:30' }, body: 'Hi' }], config({ timezone: 'Europe/London' }));
    expect(bad.diagnostics.map((d) => [d.code, d.file, d.field])).toEqual([['E_DATE_NONEXISTENT', 'c.md', 'date']]);
  });
});

describe('the main feed', () => {
  it('lists published articles newest first, ties broken by id, drafts left out', () => {
    const built = build([
      rec('b', '2025-02-05 09:24'),
      rec('a', '2025-02-05 09:24'),
      rec('c', '2025-02-06 08:00'),
      rec('old', '2025-01-01 00:00'),
      rec('d', '2025-02-07 08:00', { draft: true }),
    ]);
    expect(built.model.items.map((i) => i.id.split(':').pop())).toEqual(['c', 'a', 'b', 'old']);
  });

  it('keeps only the newest itemsPerFeed items in every format', () => {
    const records = Array.from({ length: 12 }, (_, i) => rec(`n${String(i).padStart(2, '0')}`, `2025-02-${String(i + 1).padStart(2, '0')} 10:00`));
    const built = build(records, config({ itemsPerFeed: 5 }));
    const expected = ['n11', 'n10', 'n09', 'n08', 'n07'].map((id) => `tag:news.example.com,2025:${id}`);
    expect(parseXml(built.outputs.get('rss.xml')!).rss.channel.item.map((i: any) => i.guid['#text'])).toEqual(expected);
    expect(parseXml(built.outputs.get('atom.xml')!).feed.entry.map((e: any) => e.id)).toEqual(expected);
    expect(JSON.parse(built.outputs.get('feed.json')!).items.map((i: any) => i.id)).toEqual(expected);
  });

  it('is dated by the newest change among its items: a correction to an older story counts', () => {
    const built = build([rec('new', '2025-02-05 09:00'), rec('older', '2025-02-01 09:00', { updated: '2025-02-06 12:00' })]);
    expect(built.model.updated.toISOString()).toBe('2025-02-06T04:00:00.000Z');
    expect(parseXml(built.outputs.get('rss.xml')!).rss.channel.lastBuildDate).toBe('Thu, 06 Feb 2025 04:00:00 GMT');
    expect(parseXml(built.outputs.get('atom.xml')!).feed.updated).toBe('2025-02-06T12:00:00+08:00');
    // The correction does not move the story: order is by first publication.
    expect(built.model.items.map((i) => i.id.split(':').pop())).toEqual(['new', 'older']);
  });

  it('a feed of stories from before 1970 is dated by its newest, not the epoch', () => {
    const built = build([rec('ferry', '1850-03-01 10:00'), rec('older', '1849-12-31 09:00')]);
    expect(built.model.updated.toISOString()).toBe(built.model.items[0]!.published.toISOString());
    expect(built.model.updated.getTime()).toBeLessThan(0);
    expect(parseXml(built.outputs.get('atom.xml')!).feed.updated).toBe(parseXml(built.outputs.get('atom.xml')!).feed.entry[0].updated);
    expect(parseXml(built.outputs.get('rss.xml')!).rss.channel.lastBuildDate).toMatch(/ 1850 /);
  });

  it('an empty site still gives valid, stable feeds and says so', () => {
    const c = config();
    const built = buildFeeds([], c);
    expect(built.diagnostics.map((d) => d.code)).toEqual(['W_NO_ARTICLES']);
    expect(parseXml(built.outputs.get('atom.xml')!).feed.updated).toBe('1970-01-01T08:00:00+08:00');
    expect(JSON.parse(built.outputs.get('feed.json')!).items).toEqual([]);
    expect(buildFeeds([], c).outputs).toEqual(built.outputs);
  });

  it('uses an id that is already a URI as it is, and prefixes a desk id', () => {
    const built = build([rec('urn:uuid:6f1c0a52-5d4e-4b7e-9a51-1c2d3e4f5a6b', '2025-02-05 09:00'), rec('desk-1', '2025-02-04 09:00')]);
    expect(built.model.items.map((i) => i.id)).toEqual(['urn:uuid:6f1c0a52-5d4e-4b7e-9a51-1c2d3e4f5a6b', 'tag:news.example.com,2025:desk-1']);
  });

  it('keeps an id when the story is corrected (title, body and updated change; id does not)', () => {
    const before = build([rec('story', '2025-02-05 09:00')]).model.items[0]!;
    const after = build([{ ...rec('story', '2025-02-05 09:00', { title: 'Corrected title', updated: '2025-02-05 12:00' }), body: 'New body.' }]).model.items[0]!;
    expect(after.id).toBe(before.id);
    expect(after.published).toEqual(before.published);
    expect(after.updated.getTime()).toBeGreaterThan(before.updated.getTime());
  });

  it('marks an RSS guid as a permalink only when the id is the article URL', () => {
    const url = 'https://news.example.com/2025/story.html';
    const built = build([rec(url, '2025-02-05 09:00', { url })]);
    expect(parseXml(built.outputs.get('rss.xml')!).rss.channel.item[0].guid).toEqual({ '@isPermaLink': 'true', '#text': url });
  });
});

describe('URLs as RFC 3986 allows them', () => {
  it('percent-encodes |, ^, [ ] in record URLs and body links (the W3C validator\'s InvalidUriChar), in every format', () => {
    const built = build([
      rec('cd-%7C-ok', '2025-02-05 09:24', {
        url: 'https://news.example.com/search?q=gaza|israel&x=[1]',
        image: { url: 'https://img.example.com/p.jpg?crop=1|2', credit: 'X' },
        authors: [{ name: 'Li Wen', url: 'https://news.example.com/people/li^wen' }],
      }),
    ]);
    const rss = [parseXml(built.outputs.get('rss.xml')!).rss.channel.item].flat()[0];
    const atom = [parseXml(built.outputs.get('atom.xml')!).feed.entry].flat()[0];
    const json = JSON.parse(built.outputs.get('feed.json')!).items[0];
    const url = 'https://news.example.com/search?q=gaza%7Cisrael&x=%5B1%5D';
    expect([rss.link, [atom.link].flat().find((l: any) => l['@rel'] === 'alternate')['@href'], json.url]).toEqual([url, url, url]);
    expect([rss['media:content']['@url'], json.image]).toEqual(['https://img.example.com/p.jpg?crop=1%7C2', 'https://img.example.com/p.jpg?crop=1%7C2']);
    expect(json.authors[0].url).toBe('https://news.example.com/people/li%5Ewen');
    // An id with a percent-escape is an id like any other, the same in every format.
    expect([rss.guid['#text'], atom.id, json.id]).toEqual(Array(3).fill('tag:news.example.com,2025:cd-%7C-ok'));
    for (const doc of ['rss.xml', 'atom.xml', 'feed.json']) expect(built.outputs.get(doc)!, doc).not.toMatch(/https?:\/\/[^"<\s]*[|^[\]]/);
  });

  it('in body links and images too', () => {
    const built = build([{ ...rec('a', '2025-02-05 09:24'), body: 'See [the search](https://news.example.com/s?q=a|b) and ![p](/img/x[1].jpg).' }]);
    const json = JSON.parse(built.outputs.get('feed.json')!).items[0];
    expect(json.content_html).toContain('href="https://news.example.com/s?q=a%7Cb"');
    expect(json.content_html).toContain('src="https://news.example.com/img/x%5B1%5D.jpg"');
  });
});

describe('categories', () => {
  it('a tag written once composed and once decomposed is one category (as it is one tag feed)', () => {
    // (Each repeat is said too: W_TAG_REPEATED.)
    const v = validateRecords([rec('a', '2025-02-05 09:24', { tags: ['café', 'cafe\u0301', 'Gaza', 'Gaza'] })], config());
    expect(v.diagnostics.map((d) => [d.code, d.field])).toEqual([['W_TAG_REPEATED', 'tags[1]'], ['W_TAG_REPEATED', 'tags[3]']]);
    const built = buildFeeds(v.articles, config());
    expect(built.model.items[0]!.categories.map((c) => c.term)).toEqual(['café', 'Gaza']);
  });

  it('a tag that is the section\'s name, in any case or composition, is the section\'s one category in every format', () => {
    const built = build([rec('a', '2025-02-05 09:24', { section: 'Café', tags: ['cafe\u0301', 'CAFÉ', 'Gaza'] })]);
    expect(built.model.items[0]!.categories.map((c) => [c.term, c.scheme])).toEqual([['Café', 'https://news.example.com/sections'], ['Gaza', 'https://news.example.com/tags']]);
    const item = [parseXml(built.outputs.get('rss.xml')!).rss.channel.item].flat()[0];
    expect(JSON.stringify(item.category)).toBe(JSON.stringify(parseXml('<c><category domain="https://news.example.com/sections">Café</category><category domain="https://news.example.com/tags">Gaza</category></c>').c.category));
    expect(JSON.parse(built.outputs.get('feed.json')!).items[0].tags).toEqual(['Café', 'Gaza']);
  });
});

describe('URLs a record may give', () => {
  it('a protocol-relative URL naming a host (a CDN) takes the site\'s scheme; a relative path that starts like a scheme is a path', () => {
    const built = build([
      rec('cdn', '2025-02-05 09:24', { image: { url: '//cdn.example.com/p.jpg' } }),
      rec('md', '2025-02-05 09:27', { image: { url: '//point.md/ru/news/1.jpg' } }),
      rec('idn', '2025-02-05 09:28', { image: { url: '//新华网.中国/a.jpg' } }),
      rec('ip', '2025-02-05 09:29', { image: { url: '//192.168.10.5/a.jpg' } }),
      rec('deva', '2025-02-05 09:30', { image: { url: '//example.भारत/a.jpg' } }),
      rec('http3', '2025-02-05 09:25', { url: 'http/3-is-here.html' }),
      { ...rec('a51', '2025-02-05 09:26'), slugPath: 'a5[1]' },
    ]);
    const byId = (id: string) => built.model.items.find((i) => i.id.endsWith(`:${id}`))!;
    expect(byId('cdn').image?.url).toBe('https://cdn.example.com/p.jpg');
    expect(byId('deva').image?.url).toMatch(/^https:\/\/example\.xn--/);
    expect([byId('md').image?.url, byId('idn').image?.url, byId('ip').image?.url]).toEqual(['https://point.md/ru/news/1.jpg', 'https://xn--xkrr14bows.xn--fiqs8s/a.jpg', 'https://192.168.10.5/a.jpg']);
    expect(byId('http3').url).toBe('https://news.example.com/http/3-is-here.html');
    // A URL made from the file's name is encoded as a record's own is.
    expect(byId('a51').url).toBe('https://news.example.com/a5%5B1%5D.html');
  });
});

describe('names written over lines', () => {
  // A tab or line break in a name that becomes an XML attribute is read as a space by XML parsers (and
  // kept by JSON Feed and by parsers that skip attribute normalisation): it is made one space in the model.
  it('a tab or line break inside a credit, dateline, section or tag name is one space, the same in every format', () => {
    const built = build([rec('a', '2025-02-05 09:24', {
      authors: ['Zhang\tHao'],
      agency: { name: 'Xinhua\n', via: 'Agencies \n via' },
      contributors: [{ name: 'Mike\r\nGu', location: 'Hong\tKong', role: 'Reporting\n' }],
      dateline: { city: 'Washington\t', country: 'United\n\tStates', timezone: 'America/New_York' },
      section: 'World\nNews',
      tags: ['Middle\tEast'],
      image: { url: 'https://img.example.com/a.jpg', credit: 'DAWOUD ABU ALKAS/\nREUTERS' },
    })]);
    const item = built.model.items[0]!;
    expect(item.creators.map((p) => p.name)).toEqual(['Zhang Hao']);
    expect(item.agency).toEqual({ name: 'Xinhua', via: 'Agencies via' });
    expect(item.contributors).toEqual([{ name: 'Mike Gu', location: 'Hong Kong', role: 'Reporting' }]);
    expect([item.dateline?.city, item.dateline?.country]).toEqual(['Washington', 'United States']);
    expect(item.categories.map((c) => c.term)).toEqual(['World News', 'Middle East']);
    expect(item.image?.credit).toBe('DAWOUD ABU ALKAS/ REUTERS');
    const rss = parseXml(built.outputs.get('rss.xml')!).rss.channel.item[0];
    const json = JSON.parse(built.outputs.get('feed.json')!).items[0];
    expect([rss['dl:agency']['@name'], rss['dl:agency']['@via']]).toEqual([json._credits.agency.name, json._credits.agency.via]);
    expect([rss['dl:dateline']['@city'], rss['dl:dateline']['@country']]).toEqual([json._dateline.city, json._dateline.country]);
    const asJson = (els: any[]): unknown => els.map((c) => ({ name: c['@name'], location: c['@location'], role: c['@role'] }));
    expect(asJson(rss['dl:contributor'])).toEqual(json._credits.contributors);
    const atom = parseXml(built.outputs.get('atom.xml')!).feed.entry[0];
    expect(asJson(atom['dl:contributor'])).toEqual(json._credits.contributors);
    expect(atom.category.map((c: any) => c['@term'])).toEqual(json.tags);
  });
});

describe('zone names', () => {
  it('a zone written in another case is spelt as the tz database spells it, which case-sensitive software needs', () => {
    const c = config({ timezone: 'asia/shanghai' });
    expect(c.timezone).toBe('Asia/Shanghai');
    const built = build([rec('a', '2025-02-05 09:24', { dateline: { city: 'Washington', timezone: 'AMERICA/NEW_YORK' } })], c);
    expect(built.model.items[0]!.dateline).toMatchObject({ timezone: 'America/New_York', date: '2025-02-04' });
    expect(JSON.parse(built.outputs.get('feed.json')!).items[0]._dateline.timezone).toBe('America/New_York');
    // A name ICU's list lacks (the current spelling of a renamed zone, a link, EST) is kept as written:
    // ICU's own name for it may be another zone's (EST's is America/Panama) or an old one.
    const zoneOf = (timezone: string): string | undefined =>
      build([rec('b', '2025-02-05 09:24', { dateline: { city: 'Kolkata', timezone } })], c).model.items[0]!.dateline?.timezone;
    for (const name of ['Asia/Kolkata', 'US/Eastern', 'EST5EDT', 'CET', 'HST', 'Europe/Kyiv', 'Etc/GMT+0']) expect(zoneOf(name)).toBe(name);
    expect(zoneOf('asia/calcutta')).toBe('Asia/Calcutta');
  });
});

describe('contributor lines', () => {
  it('a role written as credit lines print it ("Reporting by:", "by -", "Contributing:") is the role itself', () => {
    const built = build([rec('a', '2025-02-05 09:24', {
      contributors: [{ name: 'Jane Doe', role: 'Reporting by:' }, { name: 'Bob Roe', role: 'Reporting by -' }, { name: 'Aung Naing', location: 'Yangon', role: 'Contributing:' },
        { name: 'Kim Lee', role: 'Standby' }, { name: 'Al Bo', role: 'Photos: AP' }, { name: 'Bo Ma', role: 'Research asst.' }, { name: 'Cy Po', role: 'Standby.' }],
    })]);
    expect(built.model.items[0]!.creditLines).toEqual(['Reporting by Jane Doe and Bob Roe.', 'Aung Naing in Yangon contributed to this story.', 'Standby by Kim Lee.', 'Photos: AP by Al Bo.', 'Research asst. by Bo Ma.', 'Standby. by Cy Po.']);
  });

  it('a line that ends in a name or place ending in a full stop ("D.C.", "Jr.") takes no second one (QA)', () => {
    const built = build([rec('a', '2025-02-05 09:24', {
      contributors: [{ name: 'Jane Doe', location: 'Washington, D.C.', role: 'Reporting' }, { name: 'Tom Hale', location: 'Washington, D.C.' },
        { name: 'Sam Poe Jr.', role: 'Editing' }, { name: 'Yahoo!', role: 'Photos' }, { name: 'Al Bo', role: 'Research' }],
    })]);
    expect(built.model.items[0]!.creditLines).toEqual(['Reporting by Jane Doe in Washington, D.C.', 'Tom Hale in Washington, D.C. contributed to this story.',
      'Editing by Sam Poe Jr.', 'Photos by Yahoo!', 'Research by Al Bo.']);
  });

  it('contributors\' names go out in NFC, as bylines do: one person credited both ways is spelt one way (QA)', () => {
    const built = build([rec('a', '2025-02-05 09:24', { authors: ['Ma\u0308rta Lind'], contributors: [{ name: 'Ma\u0308rta Lind', role: 'Photos' }] })]);
    const item = built.model.items[0]!;
    expect([item.creators[0]!.name, item.contributors[0]!.name, item.creditLines[0]]).toEqual(['M\u00e4rta Lind', 'M\u00e4rta Lind', 'Photos by M\u00e4rta Lind.']);
  });

  it('a Word line break (U+000B), NEL or a Unicode line separator inside a name is a space, not glued away (the first two counted as stripped)', () => {
    const v = validateRecords([rec('a', '2025-02-05 09:24', { authors: ['Ann\u000bLee'], contributors: [{ name: 'Cy \u0085 Po', role: 'Photos\u000c' }], tags: ['a\u2028b'], title: 'Wait\u0085 what' })], config());
    expect(v.diagnostics.map((d) => [d.code, d.field])).toEqual([['W_CHARS_STRIPPED', 'title'], ['W_CHARS_STRIPPED', 'authors[0]'], ['W_CHARS_STRIPPED', 'contributors[0].name'], ['W_CHARS_STRIPPED', 'contributors[0].role']]);
    // Outside names (a title: U+0085 there is more likely a mis-read "…") it is removed, as before.
    expect(v.articles[0]!.title).toBe('Wait what');
    const built = buildFeeds(v.articles, config());
    const item = built.model.items[0]!;
    expect([item.creators.map((p) => p.name), item.creditLines, item.categories.map((c) => c.term)]).toEqual([['Ann Lee'], ['Photos by Cy Po.'], ['a b']]);
  });

  it('one line per role however it is written ("Reporting", "reporting", "Reporting by"); a role of "contributor" is the line without one', () => {
    const built = build([rec('a', '2025-02-05 09:24', {
      contributors: [
        { name: 'Jane Doe', role: 'Reporting' },
        { name: 'Al Bo', role: 'Reporting by' },
        { name: 'Sam Poe', role: 'Editing' },
        { name: 'Kim Lee', role: 'reporting' },
        { name: 'Ed Fu', role: 'contributor' },
        { name: 'Mike Gu', location: 'Hong Kong' },
      ],
    })]);
    const item = built.model.items[0]!;
    expect(item.creditLines).toEqual([
      'Reporting by Jane Doe, Al Bo and Kim Lee.',
      'Editing by Sam Poe.',
      'Ed Fu and Mike Gu in Hong Kong contributed to this story.',
    ]);
    // The record's roles stay as written in JSON Feed's _credits, "by" aside.
    expect(JSON.parse(built.outputs.get('feed.json')!).items[0]._credits.contributors.map((c: any) => c.role ?? null))
      .toEqual(['Reporting', 'Reporting', 'Editing', 'reporting', 'contributor', null]);
  });
});

describe('an agency written as its credit line', () => {
  it.each([
    ['Agencies via Xinhua', { name: 'Xinhua', via: 'Agencies' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['Agencies Via Xinhua', { name: 'Xinhua', via: 'Agencies' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['Agencies via Reuters via Xinhua', { name: 'Xinhua', via: 'Agencies via Reuters' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['via Xinhua', { name: 'Xinhua' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['Xinhua via', { name: 'Xinhua' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['Viacom', { name: 'Viacom' }, 'WASHINGTON, Feb. 4 (Viacom) --'],
    // "Via" with a capital starts a name, except after "Agencies" (China Daily's "Agencies Via Xinhua").
    ['Via Rail', { name: 'Via Rail' }, 'WASHINGTON, Feb. 4 (Via Rail) --'],
    ['VIA Rail Canada', { name: 'VIA Rail Canada' }, 'WASHINGTON, Feb. 4 (VIA Rail Canada) --'],
    ['La Via Campesina', { name: 'La Via Campesina' }, 'WASHINGTON, Feb. 4 (La Via Campesina) --'],
    ['Agencies via Via Rail', { name: 'Via Rail', via: 'Agencies' }, 'WASHINGTON, Feb. 4 (Via Rail) --'],
    ['AGENCIES VIA XINHUA', { name: 'XINHUA', via: 'AGENCIES' }, 'WASHINGTON, Feb. 4 (XINHUA) --'],
    // Beside an agency's name, "Via" and "VIA" separate too.
    ['Reuters Via Xinhua', { name: 'Xinhua', via: 'Reuters' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['AFP VIA GETTY IMAGES', { name: 'GETTY IMAGES', via: 'AFP' }, 'WASHINGTON, Feb. 4 (GETTY IMAGES) --'],
    ['Via Xinhua', { name: 'Xinhua' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    // Spanish desks write "vía".
    ['EFE vía Reuters', { name: 'Reuters', via: 'EFE' }, 'WASHINGTON, Feb. 4 (Reuters) --'],
    ['Agencia EFE Vía AFP', { name: 'AFP', via: 'Agencia EFE' }, 'WASHINGTON, Feb. 4 (AFP) --'],
    ['Agencies Via Reuters Via Xinhua', { name: 'Xinhua', via: 'Agencies Via Reuters' }, 'WASHINGTON, Feb. 4 (Xinhua) --'],
  ])('%s is the agency %j; the dateline names it', (written, agency, printed) => {
    const built = build([rec('a', '2025-02-05 09:24', { agency: written, dateline: { city: 'Washington', timezone: 'America/New_York' } })]);
    expect(built.model.items[0]!.agency).toEqual(agency);
    expect(built.model.items[0]!.dateline?.text).toBe(printed);
  });
});

describe('e-mail addresses in JSON Feed', () => {
  it('a local part with characters a URL reserves is percent-encoded in the mailto: URL (RFC 6068), and Atom has the address as written', () => {
    const built = build([rec('a', '2025-02-05 09:24', { authors: [
      { name: 'News Desk', email: 'news#desk@example.com' }, { name: 'Ask', email: 'a?b=c@example.com' }, { name: 'Sale', email: '50%off@example.com' }, { name: 'Plain', email: "o'brien+feeds@example.ie" },
    ] })]);
    expect(JSON.parse(built.outputs.get('feed.json')!).items[0].authors.map((a: any) => a.url)).toEqual([
      'mailto:news%23desk@example.com', 'mailto:a%3Fb%3Dc@example.com', 'mailto:50%25off@example.com', "mailto:o'brien+feeds@example.ie",
    ]);
    expect(parseXml(built.outputs.get('atom.xml')!).feed.entry[0].author.map((a: any) => a.email)).toEqual([
      'news#desk@example.com', 'a?b=c@example.com', '50%off@example.com', "o'brien+feeds@example.ie",
    ]);
  });
});

describe('the configuration\'s author', () => {
  it('a name that prints nothing is refused, as a record\'s is', () => {
    const { diagnostics } = resolveConfig({ ...SITE_CONFIG, author: { name: '\u200b\u200d' } }, 'cfg', () => 1);
    expect(diagnostics.map((d) => [d.code, d.field, d.message])).toEqual([['E_CONFIG_INVALID', 'author.name', expect.stringContaining('must not be empty')]]);
  });

  it('a name holding an e-mail address is refused, naming author.email; an @ that is no address is a name', () => {
    for (const name of ['News Desk (desk@paper.example.com)', 'desk@paper.com', 'Desk <desk@paper.co.uk>.']) {
      const { config, diagnostics } = resolveConfig({ ...SITE_CONFIG, author: { name } }, 'cfg', () => 4);
      expect(config, name).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.field, d.line, d.message]), name).toEqual([['E_CONFIG_INVALID', 'author.name', 4, expect.stringContaining('holds an e-mail address: give the name alone and the address as author.email')]]);
    }
    for (const name of ['@newsdesk', 'Desk @ Home', 'News Desk']) expect(resolveConfig({ ...SITE_CONFIG, author: { name, email: 'desk@paper.com' } }, 'cfg', () => 1).diagnostics, name).toEqual([]);
  });
});

describe('the configuration\'s images', () => {
  const icon = 'https://news.example.com/static/icon-512.png';
  const wide = 'https://news.example.com/static/masthead-144x36.png';
  const images = (c: SiteConfig) => {
    const built = build([rec('a', '2025-02-05 09:24')], c);
    const rss = parseXml(built.outputs.get('rss.xml')!).rss.channel;
    const atom = parseXml(built.outputs.get('atom.xml')!).feed;
    const json = JSON.parse(built.outputs.get('feed.json')!);
    return { rssImage: rss.image, atomLogo: atom.logo, atomIcon: atom.icon, jsonIcon: json.icon, jsonFavicon: json.favicon };
  };

  it('a wide logo is Atom\'s logo and RSS\'s image with its size; the square icon stays JSON Feed\'s icon', () => {
    expect(images(config({ icon, favicon: 'https://news.example.com/favicon.ico', logo: { url: wide, width: 144, height: 36 } }))).toEqual({
      rssImage: { url: wide, title: 'Test Desk', link: 'https://news.example.com/', width: '144', height: '36' },
      atomLogo: wide, atomIcon: 'https://news.example.com/favicon.ico', jsonIcon: icon, jsonFavicon: 'https://news.example.com/favicon.ico',
    });
    // A URL alone: no size (a reader takes 88 × 31).
    expect(images(config({ logo: wide }))).toMatchObject({ rssImage: { url: wide }, atomLogo: wide, jsonIcon: undefined });
    expect(images(config({ logo: wide })).rssImage.width).toBeUndefined();
  });

  it('without a logo, the square icon stands in for it, as before there was one', () => {
    expect(images(config({ icon }))).toMatchObject({ rssImage: { url: icon }, atomLogo: icon, jsonIcon: icon });
  });

  it('a size RSS does not allow, or a logo that is no URL, is refused at its key', () => {
    const refused = (logo: unknown) => resolveConfig({ ...SITE_CONFIG, logo }, 'cfg', () => 3).diagnostics.map((d) => [d.code, d.field, d.line, d.message]);
    expect(refused({ url: wide, width: 300, height: 36 })).toEqual([['E_CONFIG_INVALID', 'logo.width', 3, expect.stringContaining('from 1 to 144')]]);
    expect(refused({ url: wide, width: 100, height: 401 })).toEqual([['E_CONFIG_INVALID', 'logo.height', 3, expect.stringContaining('from 1 to 400')]]);
    expect(refused({ url: 'masthead.png' })).toEqual([['E_CONFIG_INVALID', 'logo.url', 3, expect.stringContaining('absolute http(s) URL')]]);
    expect(refused(5)).toEqual([['E_CONFIG_INVALID', 'logo', 3, 'expected an image URL, or an object {url, width, height}, got the number 5']]);
    // (Review: an object is told what is wrong inside it, at that key; and a size is both or neither.)
    expect(refused({})).toEqual([['E_CONFIG_INVALID', 'logo.url', 3, 'required key is missing']]);
    expect(refused({ url: wide, width: 100.5, height: 20 })).toEqual([['E_CONFIG_INVALID', 'logo.width', 3, expect.stringContaining('a whole number of pixels')]]);
    expect(refused({ url: wide, width: 144 })).toEqual([['E_CONFIG_INVALID', 'logo.height', 3, expect.stringContaining('give both width and height, or neither')]]);
    expect(refused({ url: wide, widht: 144, height: 36 })).toEqual([['E_CONFIG_INVALID', 'logo.widht', 3, 'unknown key; did you mean "width"?']]);
    expect(refused({ url: wide, width: 144, colour: 'red' }).map((d) => d[1])).toEqual(['logo.colour', 'logo.height']);
    expect(refused({ uri: wide, width: 144, height: 36 }).map((d) => [d[1], d[3]])).toEqual([['logo.url', 'required key is missing'], ['logo.uri', 'unknown key; did you mean "url"?']]);
  });
});

describe('Chinese in traditional characters', () => {
  it('zh-TW, zh-HK, zh-MO and zh-Hant stories get 本報…電, 來源 and 對本文亦有貢獻; zh, zh-CN and zh-Hans-TW simplified; zha (Zhuang) English', () => {
    const c = config({ datelineStyle: { default: 'xinhua', zh: 'xinhua-zh' } });
    const story = (language: string) => rec(language, '2025-02-05 09:24', {
      language, dateline: { city: '台北', timezone: 'Asia/Taipei' }, authors: ['王小明'],
      contributors: [{ name: '李華', location: '香港' }], agency: { name: '中央社', via: '綜合' },
    });
    const staff = (language: string) => rec(`${language}-staff`, '2025-02-05 09:24', { language, dateline: { city: '台北', timezone: 'Asia/Taipei' } });
    const langs = ['zh-TW', 'zh-hk', 'zh-MO', 'zh-Hant', 'zh-Hant-CN', 'zh', 'zh-CN', 'zh-Hans-TW', 'zh-SG'];
    const built = build([...langs.map(story), ...langs.map(staff)], c);
    const byId = new Map(built.model.items.map((i) => [i.id.split(':').pop(), i]));
    for (const l of langs) {
      const trad = ['zh-TW', 'zh-hk', 'zh-MO', 'zh-Hant', 'zh-Hant-CN'].includes(l);
      const item = byId.get(l)!;
      expect([item.dateline?.text, item.creditLines], l).toEqual(trad
        ? ['中央社台北2月5日電', ['李華（香港）對本文亦有貢獻。', '來源：綜合（經中央社）']]
        : ['中央社台北2月5日电', ['李華（香港）对本文亦有贡献。', '来源：綜合（经中央社）']]);
      expect(byId.get(`${l}-staff`)!.dateline?.text, l).toBe(trad ? '本報台北2月5日電' : '本报台北2月5日电');
      // The content carries what the model says, after the byline.
      expect(item.contentHtml, l).toContain(trad ? '中央社台北2月5日電' : '中央社台北2月5日电');
      expect(item.contentHtml, l).toContain('作者：王小明');
    }
    // A language whose code only starts with the letters is not Chinese: English credit lines.
    const zhuang = build([rec('zha', '2025-02-05 09:24', { language: 'zha', contributors: [{ name: 'Vei Ming', location: 'Nanning' }], agency: 'Xinhua' })], c).model.items[0]!;
    expect(zhuang.creditLines).toEqual(['Vei Ming in Nanning contributed to this story.', 'Xinhua']);
  });
});

describe('right-to-left names in the lines Dateline prints', () => {
  const iso = (s: string): string => `\u2066${s}\u2069`;

  it('in the byline and credit lines (English or Chinese words: left to right), a value with right-to-left letters or direction controls is isolated between LRI and PDI, whole, in a credit line\'s paragraph that says dir="ltr"', () => {
    const built = build([rec('a', '2025-02-05 09:24', {
      authors: ['محمد عبد الله', 'أحمد حسن', 'דנה כהן'], agency: { name: 'رويترز', via: 'Agencies' },
      dateline: { city: 'القاهرة', timezone: 'Africa/Cairo' },
      contributors: [{ name: 'مهدی‌زاده', location: 'ميدان 6 أكتوبر' }, { name: 'Jane Doe', location: 'Gaza' }, { name: 'Li Wen', role: 'تصوير' }, { name: 'יוסי לוי (AP)', role: 'Editing' }],
      image: { url: 'https://img.example.com/a.jpg', caption: 'محمد سالم walks through the rubble on Feb. 3, 2025 & after.', credit: 'محمد سالم/REUTERS' },
    }), rec('b', '2025-02-05 09:20', { authors: ['Jane Doe', 'Li Wen'], dateline: { city: 'Beijing', timezone: 'Asia/Shanghai' }, agency: 'رويترز', contributors: [{ name: 'Ann \u202eLee\u202c' }, { name: 'محمد\u2069 عبد الله' }] })]);
    const [a, b] = built.model.items;
    // (The byline of a left-to-right story says no dir: a reader's dir="auto" would skip it and take the story's direction from what follows.)
    expect(a!.contentHtml).toContain(`<p class="byline">By ${iso('محمد عبد الله')}, ${iso('أحمد حسن')} and ${iso('דנה כהן')}</p>`);
    expect(a!.dateline?.text).toBe(`${iso('القاهرة')}, Feb. 5 (${iso('رويترز')}) --`);
    expect(a!.contentHtml).toContain(`<span class="dateline">${iso('القاهرة')}, Feb. 5 (${iso('رويترز')}) --</span>`);
    expect(a!.creditLines).toEqual([
      `${iso('مهدی‌زاده')} in ${iso('ميدان 6 أكتوبر')} and Jane Doe in Gaza contributed to this story.`,
      `${iso('تصوير')} by Li Wen.`,
      `Editing by ${iso('יוסי לוי (AP)')}.`,
      `Agencies via ${iso('رويترز')}`,
    ]);
    expect(a!.contentHtml).toContain(`<p class="credit" dir="ltr">Agencies via ${iso('رويترز')}</p>`);
    // The photo caption and credit are the story's words, left as they are (a reader finds their direction as the body's).
    expect(a!.contentHtml).toContain('<figcaption>محمد سالم walks through the rubble on Feb. 3, 2025 &amp; after. <span class="photo-credit">محمد سالم/REUTERS</span></figcaption>');
    // Latin names are as before; a name with direction controls is isolated with them paired (a stray PDI
    // dropped, which would end the isolate early); an agency alone is the whole line, left as it is.
    expect(b!.contentHtml).toContain('<p class="byline">By Jane Doe and Li Wen</p>');
    expect(b!.creditLines).toEqual([`${iso('Ann \u202eLee\u202c')} and ${iso('محمد عبد الله')} contributed to this story.`, 'رويترز']);
    expect(b!.contentHtml).toContain('<p class="credit">رويترز</p>');
    // The fields themselves stay as written.
    expect(JSON.parse(built.outputs.get('feed.json')!).items.find((i: any) => i.id.endsWith(':a'))._credits.contributors[0]).toEqual({ name: 'مهدی‌زاده', location: 'ميدان 6 أكتوبر' });
    // A message shows the dateline without isolates.
    const zh = validateRecords([rec('z', '2025-02-05 09:24', { language: 'zh', agency: 'Reuters', dateline: { city: 'غزة', timezone: 'Asia/Gaza' } })], config({ datelineStyle: { default: 'xinhua', zh: 'xinhua-zh' } }));
    expect(zh.diagnostics[0]?.message).toContain('would read "Reutersغزة2月5日电"');
  });

  it('in a right-to-left story: the dateline is left as it was (it leads an Arabic paragraph); the byline and credit lines say dir="ltr"', () => {
    const built = build([rec('a', '2025-02-05 09:24', {
      language: 'ar', agency: { name: 'رويترز', via: 'وكالات' }, dateline: { city: 'القاهرة', timezone: 'Africa/Cairo' }, authors: ['محمد عبد الله', 'أحمد حسن'],
      image: { url: 'https://img.example.com/a.jpg', caption: 'متظاهرون في القاهرة', credit: 'REUTERS/محمد سالم' },
    })]);
    const item = built.model.items[0]!;
    expect(item.dateline?.text).toBe('القاهرة, Feb. 5 (رويترز) --');
    expect(item.contentHtml).toContain('<figcaption>متظاهرون في القاهرة <span class="photo-credit">REUTERS/محمد سالم</span></figcaption>');
    expect(item.contentHtml).toContain(`<p class="byline" dir="ltr">By ${iso('محمد عبد الله')} and ${iso('أحمد حسن')}</p>`);
    expect(item.contentHtml).toContain(`<p class="credit" dir="ltr">${iso('وكالات')} via ${iso('رويترز')}</p>`);
  });
});

describe('relative URLs', () => {
  it('a path of the site that starts with a file\'s or a folder\'s name is a path, not taken for a host without its scheme', () => {
    const built = build([
      rec('c', '2025-02-05 09:24', { url: 'world/c.html', image: { url: 'photo.jpg' }, authors: [{ name: 'Jane Doe', url: '/staff/jane.doe' }] }),
      rec('d', '2025-02-05 09:25', { url: 'archive.2025/d.html', image: { url: './img.example.com/a.jpg' } }),
      // (Review: pages and pictures with a query were taken for hosts.)
      rec('e', '2025-02-05 09:26', { url: 'story.cfm?id=12', image: { url: 'photo.heic?w=800' } }),
    ]);
    const feed = JSON.parse(built.outputs.get('feed.json')!) as { items: { id: string; url: string; image?: string; authors?: { url?: string }[] }[] };
    const byId = new Map(feed.items.map((i) => [i.id.slice(-1), i]));
    expect([byId.get('c')?.url, byId.get('c')?.image, byId.get('c')?.authors?.[0]?.url]).toEqual(['https://news.example.com/world/c.html', 'https://news.example.com/world/photo.jpg', 'https://news.example.com/staff/jane.doe']);
    expect([byId.get('d')?.url, byId.get('d')?.image]).toEqual(['https://news.example.com/archive.2025/d.html', 'https://news.example.com/archive.2025/img.example.com/a.jpg']);
    expect([byId.get('e')?.url, byId.get('e')?.image]).toEqual(['https://news.example.com/story.cfm?id=12', 'https://news.example.com/photo.heic?w=800']);
  });
});

describe('a body of photos alone', () => {
  // (Review: the warning is said exactly when the items get no summary, in full-content and summary feeds.)
  it('gets W_NO_TEXT exactly when its items have no summary: a caption, an entity or an emoji is text; a linked photo, a script or style block is not', () => {
    const bodies = [
      '![A man wades](a.jpg)', '![A man wades](a.jpg)\n\n*A man wades through floodwater. Photo: AP*', '![a](a.jpg)\n_caption_',
      '<figure><img src="a.jpg"><figcaption>A man wades</figcaption></figure>', '&copy;', '🙂', '[![A man](a.jpg)](big.jpg)', '![a](x_(1).jpg)',
      '<script>alert(1)</script>', '<style>p{}</style>', '<img alt="a > b" src="a.jpg">', '![a](a.jpg)\n\nWASHINGTON — text', '<p><img src="a.jpg"></p>',
      '<!-- c -->![a](b.png)', '  \n![a](a.jpg)  \n\n<img src="b.png">\n',
    ];
    const records = bodies.map((body, i) => ({ ...rec(`b${i}`, '2025-02-05 09:24'), body }));
    for (const content of ['full', 'summary'] as const) {
      const c = config({ feeds: { tags: { content } } });
      const v = validateRecords(records.map((r) => ({ ...r, data: { ...(r.data as object), tags: ['x'] } })), c);
      const warned = new Set(v.diagnostics.filter((d) => d.code === 'W_NO_TEXT').map((d) => d.file));
      const built = buildFeeds(v.articles, c);
      const items = JSON.parse(built.outputs.get('tags/x/feed.json')!).items as { id: string; summary?: string }[];
      expect(items).toHaveLength(bodies.length);
      for (const item of items) {
        const file = `${item.id.slice(item.id.lastIndexOf(':') + 1)}.md`;
        expect([content, file, warned.has(file)]).toEqual([content, file, item.summary === undefined]);
      }
    }
    expect(validateRecords([{ ...rec('w', '2025-02-05 09:24'), body: '[![A man](a.jpg)](big.jpg)' }], config()).diagnostics.map((d) => d.code)).toEqual(['W_NO_TEXT']);
  });
});
