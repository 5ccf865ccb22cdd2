/**
 * The page people read (`index.html`) and the autodiscovery snippet, on the sample site: strict HTML,
 * the alternate links, every feed with its count and last update, the latest stories with their
 * datelines and credits, nothing executable or fetched, and the same bytes on every render.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, formatRfc3339, loadArticles, loadConfig, type FeedModel } from '../src/index.js';
import { feedLinks, readerFiles, renderDiscoverySnippet, renderFeedStylesheet, renderIndexPage } from '../src/pages/index.js';
import { all, htmlProblems, parseDocument, textOf } from './_html.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const GAZA_URL = 'https://news.example.com/world/2025-02/05/gaza-talks.html';

let model: FeedModel;
let page: string;
let doc: ReturnType<typeof parseDocument>;

async function sampleModel(): Promise<FeedModel> {
  const config = await loadConfig('dateline.config.json', root);
  const loaded = await loadArticles(config, root);
  expect(loaded.diagnostics).toEqual([]);
  return buildFeeds(loaded.articles, config).model;
}

beforeAll(async () => {
  model = await sampleModel();
  page = renderIndexPage(model, feedLinks(model));
  doc = parseDocument(page);
});

describe('index page of the sample site', () => {
  it('is strict, complete HTML', () => {
    expect(htmlProblems(page)).toEqual([]);
    expect(all(doc, 'html')[0]?.attribs['lang']).toBe('en');
    expect(textOf(all(doc, 'title')[0]!)).toBe('Dateline Sample Desk: World: feeds');
    expect(all(doc, 'h1').map(textOf)).toEqual(['Dateline Sample Desk: World']);
  });

  it('carries an autodiscovery link per format in <head>, pointing at the feeds’ own URLs', () => {
    const head = all(doc, 'head')[0]!;
    const links = all(head, 'link').map((l) => ({ ...l.attribs }));
    expect(links).toEqual([
      { rel: 'alternate', type: 'application/rss+xml', title: 'Dateline Sample Desk: World (RSS)', href: model.selfUrl.rss },
      { rel: 'alternate', type: 'application/atom+xml', title: 'Dateline Sample Desk: World (Atom)', href: model.selfUrl.atom },
      { rel: 'alternate', type: 'application/feed+json', title: 'Dateline Sample Desk: World (JSON Feed)', href: model.selfUrl.json },
    ]);
    expect(model.selfUrl.rss).toBe('https://news.example.com/feeds/rss.xml');
  });

  it('lists every feed with its title, format, address, item count and last update', () => {
    const feeds = all(doc, 'ul').find((u) => u.attribs['class'] === 'feeds')!;
    const entries = all(feeds, 'li');
    expect(entries).toHaveLength(3);
    const updated = formatRfc3339(model.updated, model.timezone);
    expect(updated).toBe('2025-03-30T07:45:00+08:00');
    const expected = [
      ['rss.xml', 'Dateline Sample Desk: World (RSS)', 'RSS 2.0', model.selfUrl.rss],
      ['atom.xml', 'Dateline Sample Desk: World (Atom)', 'Atom 1.0', model.selfUrl.atom],
      ['feed.json', 'Dateline Sample Desk: World (JSON Feed)', 'JSON Feed 1.1', model.selfUrl.json],
    ] as const;
    entries.forEach((li, n) => {
      const [file, title, format, url] = expected[n]!;
      const a = all(li, 'a')[0]!;
      expect(a.attribs['href']).toBe(file);
      expect(textOf(a)).toBe(title);
      expect(textOf(li)).toContain(format);
      expect(textOf(li)).toContain(`Address: ${url}`);
      expect(textOf(li)).toContain('12 items · last updated 30 March 2025, 07:45 (UTC+08:00)');
      expect(all(li, 'time').map((t) => t.attribs['datetime'])).toEqual([updated]);
    });
  });

  it('shows the latest stories, newest first, each with its title linked', () => {
    const items = all(doc, 'article');
    expect(items).toHaveLength(model.items.length);
    expect(items.map((a) => textOf(all(a, 'h3')[0]!))).toEqual(model.items.map((i) => i.title));
    expect(items.map((a) => all(a, 'a')[0]?.attribs['href'])).toEqual(model.items.map((i) => i.url));
  });

  it('prints the Gaza story’s dateline, date and credits', () => {
    const gaza = all(doc, 'article').find((a) => all(a, 'a')[0]?.attribs['href'] === GAZA_URL)!;
    expect(gaza).toBeDefined();
    const text = textOf(gaza);
    expect(text).toContain('WASHINGTON, Feb. 4 (Xinhua) -- Trump welcomes Netanyahu');
    expect(all(gaza, 'span').find((s) => s.attribs['class'] === 'dateline') && textOf(all(gaza, 'span').find((s) => s.attribs['class'] === 'dateline')!)).toBe(
      'WASHINGTON, Feb. 4 (Xinhua) --',
    );
    expect(all(gaza, 'time').map((t) => t.attribs['datetime'])).toEqual(['2025-02-05T09:24:00+08:00']);
    expect(text).toContain('Published 5 February 2025, 09:24 (UTC+08:00)');
    const credits = all(gaza, 'p').filter((p) => p.attribs['class'] === 'credits').map(textOf);
    // No byline: the agency is the creator, and its line says so once.
    expect(credits).toEqual(['Mike Gu in Hong Kong contributed to this story.', 'Agencies via Xinhua', 'Photo: DAWOUD ABU ALKAS/REUTERS']);
  });

  it('prints bylines, updates and other languages', () => {
    const withByline = model.items.find((i) => i.creators.length > 0 && i.agency === undefined)!;
    const article = all(doc, 'article').find((a) => all(a, 'a')[0]?.attribs['href'] === withByline.url)!;
    expect(textOf(article)).toContain(`By ${withByline.creators.map((p) => p.name).join(' and ')}`);
    const zh = all(doc, 'article').find((a) => a.attribs['lang'] === 'zh');
    expect(zh && textOf(zh)).toContain('来源：新华社');
    const updated = model.items.find((i) => i.updated.getTime() !== i.published.getTime());
    if (updated !== undefined) {
      const a = all(doc, 'article').find((x) => all(x, 'a')[0]?.attribs['href'] === updated.url)!;
      expect(all(a, 'time').map((t) => t.attribs['datetime'])).toEqual([formatRfc3339(updated.published, model.timezone), formatRfc3339(updated.updated, model.timezone)]);
    }
  });

  it('runs nothing and fetches nothing', () => {
    expect(all(doc, 'script')).toEqual([]);
    for (const tag of ['iframe', 'object', 'embed', 'img', 'form']) expect(all(doc, tag), tag).toEqual([]);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/url\(|@import|javascript:/i);
    for (const l of all(doc, 'link')) expect(l.attribs['rel']).toBe('alternate');
  });

  it('gives the same bytes on every render, from a fresh build too', async () => {
    expect(renderIndexPage(model, feedLinks(model))).toBe(page);
    const again = await sampleModel();
    expect(renderIndexPage(again, feedLinks(again))).toBe(page);
  });

  it('shows only the newest `latest` items when told', () => {
    const short = parseDocument(renderIndexPage(model, feedLinks(model), { latest: 2 }));
    expect(all(short, 'article').map((a) => textOf(all(a, 'h3')[0]!))).toEqual(model.items.slice(0, 2).map((i) => i.title));
  });
});

describe('index page escaping and edge cases', () => {
  const hostile = (): FeedModel => ({
    ...model,
    title: 'Desk <script>alert(1)</script> & "friends"',
    description: '</style><script>alert(2)</script>',
    copyright: '© <b>us</b>',
    items: [
      {
        ...model.items[0]!,
        title: '<img src=x onerror=alert(3)>',
        url: 'javascript:alert(4)',
        summary: 'A & B < C "quoted"',
        creators: [{ name: 'Eve <i>', url: 'javascript:alert(5)' }, { name: 'Ann', url: 'https://ann.example/' }],
        creditLines: ['Line </p><script>'],
        dateline: { city: 'X', text: 'X <b>--</b>' },
        image: { credit: 'Photo & co' },
      },
    ],
  });

  it('escapes every field and links only to the web', () => {
    const m = hostile();
    const links = [{ format: 'rss' as const, file: 'a"b.xml', url: 'https://e.example/?a=1&b="2"', title: '<T>' }];
    const html = renderIndexPage(m, links);
    expect(htmlProblems(html)).toEqual([]);
    const d = parseDocument(html);
    expect(all(d, 'script')).toEqual([]);
    expect(all(d, 'img')).toEqual([]);
    expect(all(d, 'b')).toEqual([]);
    expect(html).not.toContain('href="javascript:');
    expect(textOf(all(d, 'title')[0]!)).toBe('Desk <script>alert(1)</script> & "friends": feeds');
    expect(textOf(all(d, 'h1')[0]!)).toBe(m.title);
    const link = all(all(d, 'head')[0]!, 'link')[0]!;
    expect(link.attribs).toEqual({ rel: 'alternate', type: 'application/rss+xml', title: '<T>', href: 'https://e.example/?a=1&b="2"' });
    const article = all(d, 'article')[0]!;
    expect(textOf(all(article, 'h3')[0]!)).toBe('<img src=x onerror=alert(3)>');
    expect(all(article, 'a').map((a) => a.attribs['href'])).toEqual(['https://ann.example/']);
    expect(textOf(article)).toContain('X <b>--</b> A & B < C "quoted"');
    expect(textOf(article)).toContain('By Eve <i> and Ann');
    expect(textOf(article)).toContain('Line </p><script>');
    expect(textOf(article)).toContain('Photo: Photo & co');
  });

  it('isolates names: a right-to-left one (or one with a stray direction mark) does not reorder its line', () => {
    const m: FeedModel = { ...model, items: [{ ...model.items[0]!, creators: [{ name: 'שלום 2025' }] }] };
    const directory = [
      { kind: 'tag' as const, name: 'abc\u202E', dir: 'tags/abc/', title: 'T', items: 1, updated: new Date(0) },
      { kind: 'tag' as const, name: 'שלום 2025', dir: 'tags/x/', title: 'T', items: 1, updated: new Date(0) },
    ];
    const html = renderIndexPage(m, [], { directory });
    expect(htmlProblems(html)).toEqual([]);
    const d = parseDocument(html);
    expect(all(d, 'bdi').map((b) => textOf(b))).toEqual(expect.arrayContaining(['abc\u202E', 'שלום 2025']));
    expect(all(all(d, 'article')[0]!, 'bdi').map((b) => textOf(b))).toEqual(['שלום 2025']);
  });

  it('a feed\'s name on a right-to-left site takes the direction of its own letters: "C++" is not shown "++C" (QA)', () => {
    const directory = ['C++', 'U.S.', 'مصر'].map((name, i) => ({ kind: 'tag' as const, name, dir: `tags/t${i}/`, title: 'T', items: 1, updated: new Date(0) }));
    const d = parseDocument(renderIndexPage({ ...model, language: 'ar' }, [], { directory }));
    const names = all(d, 'bdi').filter((b) => b.attribs['class'] === 'name');
    // (<bdi> without dir is dir=auto: each name's first strong letter decides.)
    expect(names.map((b) => [textOf(b), b.attribs])).toEqual(['C++', 'U.S.', 'مصر'].map((n) => [n, { class: 'name', lang: 'ar' }]));
  });

  it('gives right-to-left text its direction, and the English chrome inside it its own', () => {
    const html = renderIndexPage({ ...model, language: 'ar', title: 'مكتب الأخبار', items: [{ ...model.items[0]!, language: 'he' }, { ...model.items[1]!, language: 'ku-Latn' }] }, []);
    expect(htmlProblems(html)).toEqual([]);
    const d = parseDocument(html);
    expect(all(d, 'html')[0]!.attribs).toEqual({ lang: 'en' });
    expect(all(d, 'h1')[0]!.attribs).toEqual({ lang: 'ar', dir: 'rtl' });
    const [he, ku] = all(d, 'article');
    expect(he!.attribs).toEqual({ lang: 'he', dir: 'rtl' });
    expect(all(he!, 'p').find((p) => p.attribs['class'] === 'meta')!.attribs).toEqual({ class: 'meta', lang: 'en', dir: 'ltr' });
    // Kurdish in Latin script runs left to right.
    expect(ku!.attribs).toEqual({ lang: 'ku-Latn' });
    expect(renderIndexPage(model, [])).not.toContain(' dir=');
    // The script subtag decides: Sindhi in Devanagari runs left to right (as feed.xsl has it).
    expect(renderIndexPage({ ...model, language: 'sd-Deva' }, [])).not.toContain(' dir=');
    // Every language ICU calls right to left (three-letter codes too: Dari, N'Ko, Mazanderani), and
    // Arabic-script languages it does not know (Western Punjabi, Balochi); scripts such as Hanifi Rohingya.
    const dir = (language: string): string | undefined => all(parseDocument(renderIndexPage({ ...model, language }, [])), 'h1')[0]!.attribs['dir'];
    expect(['prs', 'nqo', 'pnb', 'mzn', 'lrc', 'heb', 'urd', 'bal', 'rhg-Rohg', 'ff-Adlm', 'az-Arab', 'pbt', 'arq'].map(dir)).toEqual(Array(13).fill('rtl'));
    expect(['prs-Latn', 'pa', 'tr', 'ru', 'az'].map(dir)).toEqual(Array(5).fill(undefined));
    // The list holds every language ICU (where it says) calls right to left.
    for (const code of ['ar', 'ara', 'arb', 'ars', 'ckb', 'cld', 'drw', 'fa', 'fas', 'he', 'heb', 'iw', 'ji', 'kas', 'ks', 'lrc', 'mzn', 'nqo', 'pbu', 'per', 'pes', 'prs', 'ps', 'pus', 'sd', 'snd', 'syr', 'tnf', 'ug', 'uig', 'ur', 'urd', 'ydd', 'yi', 'yid']) expect(dir(code), code).toBe('rtl');
  });

  it('lists names that hold a comma or "and" with semicolons, as the content\'s byline does', () => {
    const html = renderIndexPage({ ...model, items: [{ ...model.items[0]!, agency: undefined, creators: [{ name: 'Smith, John' }, { name: 'Jane Doe and Bob Roe' }, { name: 'Ann' }] }] }, []);
    expect(textOf(all(parseDocument(html), 'article')[0]!)).toContain('By Smith, John; Jane Doe and Bob Roe; Ann');
  });

  it('says so when there are no stories or no feeds', () => {
    const html = renderIndexPage({ ...model, items: [] }, []);
    expect(htmlProblems(html)).toEqual([]);
    expect(html).toContain('<p>No stories yet.</p>');
    expect(html).toContain('<p>No feeds.</p>');
    // A feed with no items shows no date (the feed's own, 1970, is for machines).
    const empty = renderIndexPage({ ...model, items: [], updated: new Date(0) }, feedLinks(model));
    expect(empty).toContain('<p class="meta">no items yet</p>');
    expect(empty).not.toContain('1970');
  });
});

describe('discovery snippet', () => {
  it('is the three alternate links, one a line, ready to paste', () => {
    expect(renderDiscoverySnippet(feedLinks(model))).toBe(
      '<link rel="alternate" type="application/rss+xml" title="Dateline Sample Desk: World (RSS)" href="https://news.example.com/feeds/rss.xml">\n' +
        '<link rel="alternate" type="application/atom+xml" title="Dateline Sample Desk: World (Atom)" href="https://news.example.com/feeds/atom.xml">\n' +
        '<link rel="alternate" type="application/feed+json" title="Dateline Sample Desk: World (JSON Feed)" href="https://news.example.com/feeds/feed.json">\n',
    );
  });

  it('escapes titles and URLs', () => {
    expect(renderDiscoverySnippet([{ format: 'json', file: 'f.json', url: 'https://e.example/?a&b', title: 'A "B" <C>' }])).toBe(
      '<link rel="alternate" type="application/feed+json" title="A &quot;B&quot; &lt;C&gt;" href="https://e.example/?a&amp;b">\n',
    );
    expect(htmlProblems(renderDiscoverySnippet(feedLinks(model)), { fragment: true })).toEqual([]);
  });
});

describe('the HTML check itself', () => {
  const ok = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><p>x</p></body></html>';
  it('passes a good page and catches what the HTML parser would repair', () => {
    expect(htmlProblems(ok)).toEqual([]);
    expect(htmlProblems(ok.replace('<p>x</p>', '<p><div>x</div></p>'))).not.toEqual([]);
    expect(htmlProblems(ok.replace('<p>x</p>', '<p>x'))).not.toEqual([]);
    expect(htmlProblems(ok.replace('<p>x</p>', '<span>x</p></span>'))).not.toEqual([]);
    expect(htmlProblems(ok.replace('<p>x</p>', '<p id="a">x</p><p id="a">y</p>'))).toEqual(['duplicate ids: a']);
    expect(htmlProblems(ok.replace(' lang="en"', ''))).toEqual(['<html> has no lang']);
    expect(htmlProblems(ok.replace('<!DOCTYPE html>\n', ''))).toEqual(['no <!DOCTYPE html> first']);
  });
});

describe('readerFiles', () => {
  it('gives the index page, the stylesheet and the snippet under their file names', () => {
    const files = readerFiles(model);
    expect([...files.keys()]).toEqual(['index.html', 'feed.xsl', '_config/autodiscovery.html']);
    expect(files.get('index.html')).toBe(page);
    expect(files.get('feed.xsl')).toBe(renderFeedStylesheet());
    expect(files.get('_config/autodiscovery.html')).toBe(renderDiscoverySnippet(feedLinks(model)));
  });
});
