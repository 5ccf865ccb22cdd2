/**
 * `feed.xsl` and the `<?xml-stylesheet?>` instruction that points the feeds at it. The stylesheet is
 * applied for real by xsltproc (libxslt, Debian's `xsltproc`), which, like a browser, follows the
 * instruction in the feed and resolves its relative href: the sample site's RSS and Atom must become a
 * page with the titles, datelines and credits, and the same credits as the index page shows.
 * Skipped when xsltproc is missing; .ci/run installs it, and under CI a missing xsltproc is a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, loadConfig, writeAtom, writeJsonFeed, writeRss, type FeedModel } from '../src/index.js';
import { feedLinks, renderIndexPage } from '../src/pages/index-page.js';
import { renderFeedStylesheet, STYLESHEET_FILE } from '../src/pages/stylesheet.js';
import { all, htmlProblems, parseDocument, textOf } from './_html.js';
import { parseXml } from './_helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const GAZA_URL = 'https://news.example.com/world/2025-02/05/gaza-talks.html';
const hasXsltproc = spawnSync('xsltproc', ['--version'], { stdio: 'ignore' }).status === 0;

let model: FeedModel;

beforeAll(async () => {
  const config = await loadConfig('dateline.config.json', root);
  const loaded = await loadArticles(config, root);
  expect(loaded.diagnostics).toEqual([]);
  model = buildFeeds(loaded.articles, config).model;
});

describe('<?xml-stylesheet?> in the feeds', () => {
  const PI = '<?xml-stylesheet type="text/xsl" href="feed.xsl"?>\n';

  /** The model without a stylesheet, as a library caller may build it. */
  const bare = (): FeedModel => {
    const { stylesheet: _unused, ...rest } = model;
    return rest;
  };

  it('is referenced by the build, and absent when a model has none', () => {
    expect(model.stylesheet).toBe(STYLESHEET_FILE);
    for (const xml of [writeRss(bare()), writeAtom(bare())]) expect(xml).not.toContain('xml-stylesheet');
  });

  it('follows the XML declaration in RSS and Atom, and changes nothing else', () => {
    const styled = { ...model, stylesheet: STYLESHEET_FILE };
    for (const write of [writeRss, writeAtom]) {
      const plain = write(bare());
      const xml = write(styled);
      expect(xml).toBe(plain.replace('<?xml version="1.0" encoding="utf-8"?>\n', `<?xml version="1.0" encoding="utf-8"?>\n${PI}`));
      expect(xml.split('\n')[1]).toBe(PI.trimEnd());
      const { '?xml-stylesheet': pi, ...rest } = parseXml(xml);
      expect(pi).toEqual({ '@type': 'text/xsl', '@href': 'feed.xsl' });
      expect(rest).toEqual(parseXml(plain));
    }
    expect(writeJsonFeed(styled)).toBe(writeJsonFeed(bare()));
  });

  it('escapes its href, so no URL can end the instruction or break the document', () => {
    const xml = writeRss({ ...model, stylesheet: 'https://cdn.example/x.xsl?a=1&b="2"?><evil/>' });
    expect(xml.split('\n')[1]).toBe('<?xml-stylesheet type="text/xsl" href="https://cdn.example/x.xsl?a=1&amp;b=&quot;2&quot;?&gt;&lt;evil/&gt;"?>');
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe('feed.xsl', () => {
  it('is well-formed XSLT 1.0 over the namespaces the writers use, with nothing unescaped', () => {
    const xsl = renderFeedStylesheet();
    expect(XMLValidator.validate(xsl)).toBe(true);
    expect(xsl).toBe(renderFeedStylesheet());
    expect(xsl).toContain('<xsl:stylesheet version="1.0"');
    for (const ns of ['http://www.w3.org/2005/Atom', 'http://purl.org/rss/1.0/modules/content/', 'http://purl.org/dc/elements/1.1/', 'http://search.yahoo.com/mrss/', 'https://dateline.dev/ns/1.0/']) {
      expect(xsl).toContain(`"${ns}"`);
    }
    expect(xsl).not.toContain('disable-output-escaping');
    expect(xsl).not.toMatch(/<script|url\(|@import/i);
  });
});

it.runIf(process.env['CI'])('CI has xsltproc (installed by .ci/run)', () => {
  expect(hasXsltproc, 'xsltproc --version failed; .ci/run should have installed the xsltproc package').toBe(true);
});

describe.skipIf(!hasXsltproc)('the sample feeds through xsltproc, as a browser would show them', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-xsl-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes the feed and feed.xsl side by side and lets xsltproc find the stylesheet through the instruction. */
  async function transform(name: string, xml: string): Promise<string> {
    await writeFile(join(dir, STYLESHEET_FILE), renderFeedStylesheet());
    await writeFile(join(dir, name), xml);
    const r = spawnSync('xsltproc', ['--nonet', name], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  }

  const credits = (article: ReturnType<typeof all>[number]): string[] =>
    all(article, 'p').filter((p) => p.attribs['class'] === 'credits').map(textOf);

  // (Review: an RSS item without a summary has its content as its description; the page showed its markup as text.)
  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s: an item without a summary (photos alone) shows no markup, and its credits', async (name, write) => {
    const { summary: _, dateline: __, ...first } = model.items[0]!;
    const item = { ...first, contentHtml: '<p><img src="https://img.example.com/a.jpg" alt="A man wades" /></p>\n<p class="credit">Photos by Jane Doe.</p>', creditLines: ['Photos by Jane Doe.'], contributors: [{ name: 'Jane Doe', role: 'Photos' }], creators: [], agency: undefined, image: undefined };
    const html = await transform(name, write({ ...model, items: [item as typeof model.items[number]], stylesheet: STYLESHEET_FILE }));
    expect(htmlProblems(html)).toEqual([]);
    const article = all(parseDocument(html), 'article')[0]!;
    expect(textOf(article)).not.toMatch(/<|&lt;/);
    expect(all(article, 'p').filter((p) => p.attribs['class'] === 'summary').map(textOf)).toEqual([]);
    expect(credits(article)).toEqual(['Photos by Jane Doe.']);
  });

  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s becomes a readable page with titles, datelines and credits', async (name, write) => {
    const html = await transform(name, write({ ...model, stylesheet: STYLESHEET_FILE }));
    expect(htmlProblems(html)).toEqual([]);
    const doc = parseDocument(html);
    expect(all(doc, 'script')).toEqual([]);
    expect(textOf(all(doc, 'h1')[0]!)).toBe(model.title);
    const note = textOf(all(doc, 'p').find((p) => p.attribs['class'] === 'note')!);
    expect(note).toContain('This is a feed: copy its address into your reader');
    expect(note).toContain(name === 'rss.xml' ? model.selfUrl.rss : model.selfUrl.atom);

    const articles = all(doc, 'article');
    expect(articles.map((a) => textOf(all(a, 'h3')[0]!))).toEqual(model.items.map((i) => i.title));
    expect(articles.map((a) => all(a, 'a')[0]?.attribs['href'])).toEqual(model.items.map((i) => i.url));
    // Summaries come out exactly as written, with the dateline leading them.
    model.items.forEach((item, n) => {
      const summary = all(articles[n]!, 'p').find((p) => p.attribs['class'] === 'summary');
      const expected = [item.dateline?.text, item.summary].filter((x) => x !== undefined).join(' ');
      expect(summary && textOf(summary), item.id).toBe(expected.replace(/\s+/g, ' ').trim());
    });

    const gaza = articles.find((a) => all(a, 'a')[0]?.attribs['href'] === GAZA_URL)!;
    expect(textOf(all(gaza, 'span').find((s) => s.attribs['class'] === 'dateline')!)).toBe('WASHINGTON, Feb. 4 (Xinhua) --');
    expect(credits(gaza)).toEqual(['Mike Gu in Hong Kong contributed to this story.', 'Agencies via Xinhua', 'Photo: DAWOUD ABU ALKAS/REUTERS']);
    expect(textOf(gaza)).toContain(name === 'rss.xml' ? 'Published Wed, 05 Feb 2025 01:24:00 GMT' : 'Published 2025-02-05 09:24 +08:00');

    // Every story's credits read as they do on the index page: bylines, credit lines, photo credit.
    const index = all(parseDocument(renderIndexPage(model, feedLinks(model))), 'article');
    expect(articles.map(credits)).toEqual(index.map(credits));
    expect(articles.flatMap(credits)).toContain('来源：新华社');
    expect(articles.flatMap(credits).some((c) => c.startsWith('By '))).toBe(true);
  });

  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s of a summary feed (no content): contributors, agency and a photo credit without a URL from their elements', async (name, write) => {
    const item = model.items.find((i) => i.url === GAZA_URL)!;
    const { contentHtml: _, ...rest } = item;
    const summaryFeed: FeedModel = { ...model, stylesheet: STYLESHEET_FILE, items: [{ ...rest, image: { caption: 'Falafel.', credit: 'DAWOUD ABU ALKAS/REUTERS' } }] };
    const article = all(parseDocument(await transform(name, write(summaryFeed))), 'article')[0]!;
    expect(credits(article)).toEqual(['Contributors: Mike Gu (Hong Kong)', 'Agencies via Xinhua', 'Photo: DAWOUD ABU ALKAS/REUTERS']);
    const three = [{ name: 'Li Wen', role: 'Reporting', location: 'Beijing' }, { name: 'Chen Yu', role: 'Photography' }, { name: 'Ann Roy' }];
    const more = all(parseDocument(await transform(name, write({ ...summaryFeed, items: [{ ...summaryFeed.items[0]!, contributors: three }] }))), 'article')[0]!;
    expect(credits(more)[0]).toBe('Contributors: Li Wen (Reporting, Beijing), Chen Yu (Photography), Ann Roy');
  });

  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s: names that hold a comma or "and" are listed with semicolons, as in the content', async (name, write) => {
    const items = [{ ...model.items[0]!, agency: undefined, creators: [{ name: 'Smith, John' }, { name: 'Jane Doe and Bob Roe' }, { name: 'Ann' }] }, { ...model.items[1]!, agency: undefined, creators: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }];
    const [first, second] = all(parseDocument(await transform(name, write({ ...model, stylesheet: STYLESHEET_FILE, items }))), 'article');
    expect(credits(first!)).toContain('By Smith, John; Jane Doe and Bob Roe; Ann');
    expect(credits(second!)).toContain('By A, B and C');
  });

  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s: right-to-left names stay isolated, each byline name in <bdi> and the credit lines\' LRI…PDI kept', async (name, write) => {
    const line = '\u2066مهدی‌زاده\u2069 in \u2066تهران\u2069 &amp; Jane Doe in Gaza contributed to this story.';
    const items = [{ ...model.items[0]!, agency: undefined, creators: [{ name: 'محمد عبد الله' }, { name: 'أحمد حسن' }], contentHtml: `<p>Body.</p>\n<p class="credit">${line}</p>` }];
    const [article] = all(parseDocument(await transform(name, write({ ...model, stylesheet: STYLESHEET_FILE, items }))), 'article');
    const [byline, credit] = all(article!, 'p').filter((p) => p.attribs['class'] === 'credits');
    expect(all(byline!, 'bdi').map((b) => [b.attribs['dir'], textOf(b)])).toEqual([['ltr', 'محمد عبد الله'], ['ltr', 'أحمد حسن']]);
    expect(textOf(byline!)).toBe('By محمد عبد الله and أحمد حسن');
    expect(textOf(credit!)).toBe('\u2066مهدی‌زاده\u2069 in \u2066تهران\u2069 & Jane Doe in Gaza contributed to this story.');
  });

  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s of a right-to-left site: its title and stories right to left, the English chrome left to right', async (name, write) => {
    const items = [{ ...model.items[0]!, language: 'he' }, { ...model.items[1]!, language: 'ku-Latn' }, { ...model.items[2]!, language: 'ur-Arab-PK' }, { ...model.items[3]!, language: 'sd-Deva' }, { ...model.items[4]!, language: undefined }];
    const doc = parseDocument(await transform(name, write({ ...model, language: 'ar', stylesheet: STYLESHEET_FILE, items })));
    expect(all(doc, 'html')[0]!.attribs['dir']).toBeUndefined();
    expect(all(doc, 'h1')[0]!.attribs).toEqual({ lang: 'ar', dir: 'rtl' });
    const [he, ku, ur, sd, site] = all(doc, 'article');
    // Each story in its own language (RSS items' dc:language, Atom entries' xml:lang), or the feed's (the
    // last, with none of its own). Sindhi in Devanagari runs left to right, as index.html has it.
    expect([he, ku, ur, sd, site].map((a) => a!.attribs['dir'])).toEqual(['rtl', undefined, 'rtl', undefined, 'rtl']);
    expect([he, ku, ur, sd].map((a) => a!.attribs['lang'])).toEqual(['he', 'ku-Latn', 'ur-Arab-PK', 'sd-Deva']);
    expect(site!.attribs['lang']).toBe('ar');
    expect(all(he!, 'p').find((p) => p.attribs['class'] === 'meta')!.attribs).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  it.each([
    ['rss.xml', writeRss],
    ['atom.xml', writeAtom],
  ] as const)('%s: markup in the feed stays text, and only web links are links', async (name, write) => {
    const item = model.items.find((i) => i.url === GAZA_URL)!;
    const hostile: FeedModel = {
      ...model,
      stylesheet: STYLESHEET_FILE,
      items: [
        {
          ...item,
          title: '<script>alert(1)</script>',
          url: 'javascript:alert(2)',
          summary: 'A &lt; B & C < D "q" <i>x</i>',
          creditLines: ['Line </p><script>alert(3)</script> &amp;'],
          contentHtml: `${(item.contentHtml ?? "").replace(/<p class="credit">[\s\S]*$/, '')}<p class="credit">Line &lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp;amp;</p>`,
        },
      ],
    };
    const doc = parseDocument(await transform(name, write(hostile)));
    expect(all(doc, 'script')).toEqual([]);
    expect(all(doc, 'i')).toEqual([]);
    const article = all(doc, 'article')[0]!;
    expect(all(article, 'a')).toEqual([]);
    expect(textOf(all(article, 'h3')[0]!)).toBe('<script>alert(1)</script>');
    expect(textOf(all(article, 'p').find((p) => p.attribs['class'] === 'summary')!)).toBe('WASHINGTON, Feb. 4 (Xinhua) -- A &lt; B & C < D "q" <i>x</i>');
    expect(credits(article)).toContain('Line </p><script>alert(3)</script> &amp;');
  });
});
