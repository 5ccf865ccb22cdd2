/**
 * The reader-facing pages in a real browser: Debian's Chromium (/usr/bin/chromium), headless, driven by
 * playwright-core (no downloaded browser). The sample site is built in-process, written as the build
 * writes it and served by `dateline serve`'s own server on 127.0.0.1.
 *
 * - `index.html` (GET /): the feeds, their counts, the latest stories with datelines and credits, and
 *   the autodiscovery links in the DOM, with and without JavaScript, with nothing fetched and no errors.
 * - The feeds with their `<?xml-stylesheet?>`. What Chromium does (checked with Chromium 156):
 *   - It shows `application/rss+xml` and `application/atom+xml` as plain text, never looks at the
 *     instruction and never fetches feed.xsl (observed when `dateline serve` sent the feed types to
 *     browsers too; the nginx snippet still does). Readers get those types, as tests/serve-handler.test.ts
 *     checks.
 *   - `dateline serve` answers a request whose Accept asks for HTML (a person following a link) with
 *     the same bytes as `application/xml` (and `Vary: Accept`). Chromium parses that as XML and
 *     Chromium 156 still applies feed.xsl (with a console warning that XSLT is deprecated and will be
 *     removed); the test checks the page the stylesheet makes.
 *     Chromium 156 also lays its own red notice over the top of that page (`<xslt-warning-banner>`,
 *     fixed, in a shadow root, there with JavaScript off too: "This site uses XSLT; that functionality
 *     is being removed from this browser very soon…"). It covers the page's "This is a feed" note until
 *     the reader closes it, and the screenshots show it.
 *     If this Chromium has no XSLT any more, the test checks that the feed is not turned into a page
 *     and says so in the screenshot, rather than pretending.
 * Screenshots go to test-artifacts/ (git-ignored): index.png, index-dark.png, rss.png, atom.png, and
 * (rss.png and atom.png are the feeds as `dateline serve` sends them to a browser).
 *
 * Skipped when /usr/bin/chromium is missing; .ci/run installs it, and under CI a missing one is a failure.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, loadConfig, resolveConfig, startServer, validateRecords, writeOutputs, type FeedModel, type RunningServer } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(root, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const GAZA_URL = 'https://news.example.com/world/2025-02/05/gaza-talks.html';
const GAZA_DATELINE = 'WASHINGTON, Feb. 4 (Xinhua) --';
const GAZA_CREDITS = ['Mike Gu in Hong Kong contributed to this story.', 'Agencies via Xinhua', 'Photo: DAWOUD ABU ALKAS/REUTERS'];
/** Every wait is bounded: a hung browser fails the test instead of holding the run. */
const STEP_MS = 15_000;
const TEST_MS = 60_000;

/**
 * The few browser globals the page-side callbacks use. tsconfig has no DOM lib (the project is Node code),
 * and these functions run in the page, so they reach the globals through this type.
 */
interface InPage {
  document: { contentType: string; documentElement: { namespaceURI: string | null } };
  getComputedStyle(element: unknown): { backgroundColor: string; maxWidth: string };
}

it.runIf(process.env['CI'])('CI has Chromium (installed by .ci/run)', () => {
  expect(hasChromium, `${CHROMIUM} is missing; .ci/run should have installed Debian's chromium package`).toBe(true);
});

describe.skipIf(!hasChromium && !process.env['CI'])('the pages in headless Chromium', () => {
  let dir: string;
  let model: FeedModel;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let xsltInBrowser: boolean;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-browser-'));
    await mkdir(ARTIFACTS, { recursive: true });
    const config = await loadConfig('dateline.config.json', root);
    const loaded = await loadArticles(config, root);
    expect(loaded.diagnostics).toEqual([]);
    const built = buildFeeds(loaded.articles, config);
    model = built.model;
    await writeOutputs(dir, built.files, dir, built.mtimes);
    server = await startServer({ root: dir, host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 30_000,
    });
    // Whether this Chromium still has XSLT at all; the feed pages are checked against the answer.
    const { context, page } = await open();
    await page.goto(server.url, { timeout: STEP_MS });
    xsltInBrowser = await page.evaluate(() => 'XSLTProcessor' in globalThis);
    await context.close();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }, 30_000);

  interface Opened {
    context: BrowserContext;
    page: Page;
    /** URLs the page asked for. */
    requests: string[];
    /** Console errors and uncaught exceptions, except the favicon.ico lookup that Chromium makes by itself. */
    errors: string[];
    /** Console warnings. */
    warnings: string[];
  }

  /** A fresh context (its own cache and storage) with a light scheme, a desktop viewport and English. */
  async function open(options: BrowserContextOptions = {}): Promise<Opened> {
    const context = await browser!.newContext({ viewport: { width: 1024, height: 768 }, colorScheme: 'light', locale: 'en-GB', ...options });
    context.setDefaultTimeout(STEP_MS);
    const page = await context.newPage();
    const opened: Opened = { context, page, requests: [], errors: [], warnings: [] };
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The page declares no icon, so Chromium tries /favicon.ico, which the sample site does not have.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) opened.errors.push(m.text());
      if (m.type() === 'warning') opened.warnings.push(m.text());
    });
    return opened;
  }

  /** The text a person sees: innerText, which leaves out what CSS hides. Works with JavaScript off too. */
  const visibleText = (page: Page): Promise<string> => page.locator('body').innerText();

  /** Checks the index page's content, the same with and without JavaScript. */
  async function expectIndexContent(page: Page): Promise<void> {
    const text = await visibleText(page);
    for (const suffix of ['RSS', 'Atom', 'JSON Feed']) expect(text).toContain(`${model.title} (${suffix})`);
    expect(model.items).toHaveLength(12);
    expect(text.match(/\b12 items · last updated 30 March 2025, 07:45 \(UTC\+08:00\)/g)).toHaveLength(3);
    for (const format of ['RSS 2.0', 'Atom 1.0', 'JSON Feed 1.1']) await expect(page.getByText(format, { exact: true }).isVisible()).resolves.toBe(true);

    // Every story, newest first, and the Gaza story's dateline, date and credits, on screen.
    expect(await page.locator('article h3').allInnerTexts()).toEqual(model.items.map((i) => i.title));
    const gazaItem = model.items.find((i) => i.url === GAZA_URL)!;
    const gaza = page.locator('article', { has: page.locator(`a[href="${GAZA_URL}"]`) });
    await expect(gaza.locator('h3').innerText()).resolves.toBe(gazaItem.title);
    await expect(gaza.locator('.dateline').innerText()).resolves.toBe(GAZA_DATELINE);
    await expect(gaza.locator('.dateline').isVisible()).resolves.toBe(true);
    await expect(gaza.locator('.credits').allInnerTexts()).resolves.toEqual(GAZA_CREDITS);
    const gazaText = await gaza.innerText();
    expect(gazaText).toContain(`${GAZA_DATELINE} Trump welcomes Netanyahu`);
    expect(gazaText).toContain('Published 5 February 2025, 09:24 (UTC+08:00)');
    for (const s of [gazaItem.title, GAZA_DATELINE, ...GAZA_CREDITS]) expect(text).toContain(s);
    expect(text).toContain('DAWOUD ABU ALKAS/REUTERS');
    expect(text).toContain('来源：新华社');

    // Autodiscovery: the three alternate links, in the DOM the browser built (they are in <head>, not shown).
    const links = await page.locator('head link[rel="alternate"]').evaluateAll((els) =>
      els.map((l) => ({ type: l.getAttribute('type'), title: l.getAttribute('title'), href: l.getAttribute('href') })),
    );
    expect(links).toEqual([
      { type: 'application/rss+xml', title: `${model.title} (RSS)`, href: model.selfUrl.rss },
      { type: 'application/atom+xml', title: `${model.title} (Atom)`, href: model.selfUrl.atom },
      { type: 'application/feed+json', title: `${model.title} (JSON Feed)`, href: model.selfUrl.json },
    ]);
    // The feed links on the page resolve beside it, to the feeds this server serves.
    const hrefs = await page.locator('ul.feeds h3 a').evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.map((h) => new URL(h, page.url()).href)).toEqual(['rss.xml', 'atom.xml', 'feed.json'].map((f) => new URL(f, server!.url).href));
  }

  /** Nothing is wider than the screen: a phone reads the page without scrolling sideways. */
  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    await page.setViewportSize({ width: 360, height: 740 });
    const { scrollWidth, clientWidth } = await page.locator('html').evaluate((html) => ({ scrollWidth: html.scrollWidth, clientWidth: html.clientWidth }));
    expect(scrollWidth, 'page is wider than a 360px screen').toBeLessThanOrEqual(clientWidth);
  }

  it(
    'GET / shows the feeds, the latest stories with datelines and credits, and carries autodiscovery links',
    async () => {
      const { context, page, requests, errors } = await open();
      try {
        const response = await page.goto(server!.url, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
        await expect(page.title()).resolves.toBe(`${model.title}: feeds`);
        await expectIndexContent(page);
        await page.screenshot({ path: join(ARTIFACTS, 'index.png'), fullPage: true });
        await page.emulateMedia({ colorScheme: 'dark' });
        await expect(page.locator('body').evaluate((b) => (globalThis as unknown as InPage).getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(22, 22, 22)');
        await page.screenshot({ path: join(ARTIFACTS, 'index-dark.png'), fullPage: true });
        await expectNoSidewaysScroll(page);
        // Standalone: the page is the only request (no styles, fonts, images or scripts to fetch).
        expect(requests).toEqual([server!.url]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );

  it(
    'GET / reads the same with JavaScript disabled',
    async () => {
      const { context, page, errors } = await open({ javaScriptEnabled: false });
      try {
        const response = await page.goto(server!.url, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await expectIndexContent(page);
        expect(errors).toEqual([]);
        // Scripts really are off in this context: a page script does not run.
        await page.setContent('<title>off</title><script>document.title = "on"</script>');
        await expect(page.title()).resolves.toBe('off');
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );

  describe.each([
    ['rss.xml', () => model.selfUrl.rss],
    ['atom.xml', () => model.selfUrl.atom],
  ] as const)('%s', (file, selfUrl) => {
    const shot = file.replace('.xml', '');

    it(
      'as `dateline serve` sends it to a browser (Accept asks for HTML): application/xml, and Chromium applies feed.xsl if it still has XSLT',
      async () => {
        const { context, page, requests, errors, warnings } = await open();
        try {
          const response = await page.goto(new URL(file, server!.url).href, { waitUntil: 'load' });
          expect(response?.status()).toBe(200);
          expect(response?.headers()['content-type']).toBe('application/xml; charset=utf-8');
          expect(response?.headers()['vary']).toBe('Accept-Encoding, Accept');
          expect(errors).toEqual([]);

          if (!xsltInBrowser) {
            // This Chromium has no XSLT: the feed stays a feed (the XML viewer or the raw text), not a page.
            await expect(page.locator('.wrap').count()).resolves.toBe(0);
            await expect(page.locator(':root').textContent()).resolves.toContain(model.title);
            await page.screenshot({ path: join(ARTIFACTS, `${shot}.png`) });
            console.warn(`browser.test: this Chromium (${browser!.version()}) has no XSLT; ${file} is shown untransformed (${shot}.png)`);
            return;
          }

          expect(requests).toEqual([new URL(file, server!.url).href, new URL('feed.xsl', server!.url).href]);
          expect(warnings.some((w) => /XSLT/.test(w) && /deprecated/i.test(w))).toBe(true);
          await expect(page.evaluate(() => {
            const { document } = globalThis as unknown as InPage;
            return [document.contentType, document.documentElement.namespaceURI];
          })).resolves.toEqual(['text/html', 'http://www.w3.org/1999/xhtml']);
          await expect(page.title()).resolves.toBe(`${model.title} (feed)`);
          await expect(page.locator('h1').innerText()).resolves.toBe(model.title);
          const text = await visibleText(page);
          expect(text).toContain('This is a feed: copy its address into your reader to follow it.');
          expect(text).toContain(`Address: ${selfUrl()}`);

          expect(await page.locator('article h3').allInnerTexts()).toEqual(model.items.map((i) => i.title));
          const gaza = page.locator('article', { has: page.locator(`a[href="${GAZA_URL}"]`) });
          await expect(gaza.locator('.dateline').innerText()).resolves.toBe(GAZA_DATELINE);
          await expect(gaza.locator('.dateline').isVisible()).resolves.toBe(true);
          await expect(gaza.locator('.credits').allInnerTexts()).resolves.toEqual(GAZA_CREDITS);
          await expect(gaza.innerText()).resolves.toContain(file === 'rss.xml' ? 'Published Wed, 05 Feb 2025 01:24:00 GMT' : 'Published 2025-02-05 09:24 +08:00');
          for (const s of [GAZA_DATELINE, 'Mike Gu in Hong Kong contributed to this story.', 'DAWOUD ABU ALKAS/REUTERS', '来源：新华社']) expect(text).toContain(s);
          // The page is the stylesheet's; Chromium may add only its XSLT notice (see the top of this file).
          const body = await page.locator('body > *').evaluateAll((els) => els.map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`));
          expect(body.filter((e) => e !== 'xslt-warning-banner.')).toEqual(['div.wrap']);
          // The inline CSS took effect (the XSLT output is styled, not bare HTML).
          await expect(page.locator('.wrap').evaluate((w) => (globalThis as unknown as InPage).getComputedStyle(w).maxWidth)).resolves.toBe('736px');
          await page.screenshot({ path: join(ARTIFACTS, `${shot}.png`), fullPage: true });
          await expectNoSidewaysScroll(page);
        } finally {
          await context.close();
        }
      },
      TEST_MS,
    );
  });
  it(
    'right-to-left names in the content keep their order: each byline name, a mixed caption and credit, credit lines in English and Arabic stories',
    async () => {
      const { config } = resolveConfig({ title: 'T', siteUrl: 'https://news.example.com/', idPrefix: 'tag:news.example.com,2025:', timezone: 'Asia/Shanghai' }, 'cfg', () => 1);
      const rec = (id: string, data: Record<string, unknown>) => ({ file: `${id}.md`, kind: 'markdown' as const, data: { id, title: 'T', date: '2025-02-05 09:24', ...data }, body: 'Body.', lineOf: () => 1, slugPath: id });
      const v = validateRecords([rec('en', {
        authors: ['محمد عبد الله', 'أحمد حسن', 'דנה כהן'], agency: { name: 'رويترز', via: 'Agencies' }, dateline: { city: 'القاهرة', timezone: 'Africa/Cairo' },
        contributors: [{ name: 'Tom Hale', location: 'ميدان 6 أكتوبر' }],
        image: { url: 'https://img.example.com/a.jpg', caption: 'محمد سالم walks through the rubble on Monday.', credit: 'محمد سالم/REUTERS' },
      }), rec('ar', {
        language: 'ar', image: { url: 'https://img.example.com/b.jpg', caption: 'متظاهرون في القاهرة', credit: 'REUTERS/محمد سالم' },
        authors: ['محمد عبد الله', 'أحمد حسن'], contributors: [{ name: 'علي', role: 'تصوير' }, { name: 'سالم', role: 'تصوير' }],
      })], config!);
      expect(v.diagnostics).toEqual([]);
      const items = buildFeeds(v.articles, config!).model.items;
      const html = (id: string): string => items.find((i) => i.id.endsWith(`:${id}`))!.contentHtml!;
      const { context, page } = await open();
      try {
        await page.setContent(`<!doctype html><meta charset="utf-8"><div id="en" dir="ltr">${html('en')}</div><div id="ar" dir="rtl" lang="ar">${html('ar')}</div>`);
        /** The left edge of each word's first occurrence inside the element. */
        const x = (selector: string, words: string[]): Promise<number[]> => page.locator(selector).evaluate((el, ws) => {
          type N = { nodeType: number; textContent: string | null; childNodes: ArrayLike<N> };
          const texts: N[] = [];
          const walk = (n: N): void => { if (n.nodeType === 3) texts.push(n); else for (const c of Array.from(n.childNodes)) walk(c); };
          walk(el as unknown as N);
          const doc = (globalThis as unknown as { document: { createRange(): { setStart(n: N, o: number): void; setEnd(n: N, o: number): void; getBoundingClientRect(): { x: number } } } }).document;
          return ws.map((w) => {
            const t = texts.find((n) => (n.textContent ?? '').includes(w))!;
            const at = (t.textContent ?? '').indexOf(w);
            const r = doc.createRange();
            r.setStart(t, at);
            r.setEnd(t, at + w.length);
            return r.getBoundingClientRect().x;
          });
        }, words);
        // The byline: the names in the order written, left to right.
        const [first, second, third] = await x('#en .byline', ['محمد', 'أحمد', 'דנה']);
        expect(first!).toBeLessThan(second!);
        expect(second!).toBeLessThan(third!);
        // A caption that opens with an Arabic name: the name first (read right to left inside), then the English.
        const [muhammad, salem, walks] = await x('#en figcaption', ['محمد', 'سالم', 'walks']);
        expect(salem!).toBeLessThan(muhammad!);
        expect(muhammad!).toBeLessThan(walks!);
        // The credit "محمد سالم/REUTERS": the name, then the agency.
        const [name, reuters] = await x('#en .photo-credit', ['محمد', 'REUTERS']);
        expect(name!).toBeLessThan(reuters!);
        // A place in an English credit line: ميدان 6 أكتوبر read right to left (ميدان rightmost), after "in".
        const [inWord, maidan, october] = await x('#en .credit >> nth=0', [' in ', 'ميدان', 'أكتوبر']);
        expect(inWord!).toBeLessThan(october!);
        expect(october!).toBeLessThan(maidan!);
        // In the Arabic story the credit "REUTERS/محمد سالم" reads right to left: REUTERS rightmost.
        const [reutersAr, nameAr] = await x('#ar .photo-credit', ['REUTERS', 'محمد']);
        expect(nameAr!).toBeLessThan(reutersAr!);
        // Its byline and credit lines are English words: left to right, the names in order, in a right-to-left story.
        const arByline = await x('#ar .byline', ['By', 'محمد', ' and ', 'أحمد']);
        expect(arByline).toEqual([...arByline].sort((p, q) => p - q));
        const arCredit = await x('#ar .credit', ['تصوير', ' by ', 'علي', ' and ', 'سالم']);
        expect(arCredit).toEqual([...arCredit].sort((p, q) => p - q));
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );
});
