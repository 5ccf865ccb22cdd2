/**
 * The cache's signatures (src/cache/signatures.ts): planning from them must give exactly the plans that
 * planning from the articles gives, since a build after a story is published plans from them
 * (pipeline/_replan.ts) and must write what a clean build writes (and warn as it warns: the links too). And ids compared without building
 * them (core/ids.ts `givesItemId`) must agree with ids built and normalised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannable, plannables, signatureColumns } from '../src/cache/signatures.js';
import { planFeeds, planFields, type Plannable, type Signed } from '../src/core/feeds.js';
import { givesItemId, itemId } from '../src/core/ids.js';
import { resolveConfig } from '../src/index.js';
import { SITE_CONFIG } from './_helpers.js';

const config = resolveConfig({ ...SITE_CONFIG, itemsPerFeed: 3, feeds: { sections: true, tags: { itemsPerFeed: 2, minArticles: 2 }, authors: { max: 2 }, archives: true } }).config;
if (config === undefined) throw new Error('test configuration');

// Names that collide as slugs, that differ only in NFC, that are Chinese or Arabic.
const NAMES = ['World', 'world', 'Café', 'Cafe\u0301', '国际新闻', 'أخبار', 'Rail', 'Trade Talks', 'trade-talks'];
const name = fc.constantFrom(...NAMES);
const article = fc.record({
  n: fc.integer({ min: 0, max: 10_000 }),
  id: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: undefined }),
  // From before 1970 (negative instants) to the 2030s, to the minute, so ties on the date happen.
  minutes: fc.integer({ min: -400_000, max: 35_000_000 }),
  draft: fc.boolean(),
  section: fc.option(name, { nil: undefined }),
  tags: fc.array(name, { maxLength: 3 }),
  authors: fc.array(name, { maxLength: 2 }),
  json: fc.boolean(),
  // Links under the site's URL (kept after it) and elsewhere (kept whole), some shared.
  // (`<path>`: the link a record without `url` has, kept as a number; `<whole path>` and `<other dir>` look like one.)
  link: fc.constantFrom('2025/a.html', '2025/b.html', 'x', '', '.html', 'https://elsewhere.example/x', 'https://elsewhere.example/x#2', '<path>', '<whole path>', '<other dir>'),
});

/** Plans as the comparison needs them: everything but the articles, which are given by path. */
const shape = (plans: ReturnType<typeof planFeeds<Plannable>>) => ({
  plans: plans.plans.map(({ articles, ...rest }) => ({ ...rest, files: articles.map((a) => a.file) })),
  diagnostics: plans.diagnostics,
});

describe('planning from the cache signatures', () => {
  it('gives the plans planning from the articles gives, and the signatures survive JSON', () => {
    fc.assert(
      fc.property(fc.uniqueArray(article, { selector: (a) => a.n, maxLength: 40 }), (drawn) => {
        const articles: Signed[] = drawn.map((a) => {
          const file = `articles/${a.n}.${a.json ? 'json' : 'md'}`;
          // Unique, as checkIds leaves them (planning breaks ties on the date by id); most the file's name.
          const stem = file.slice(0, file.lastIndexOf('.'));
          const made: Record<string, string> = { '<path>': `${stem.slice('articles/'.length)}.html`, '<whole path>': `${stem}.html`, '<other dir>': `les/${a.n}.html` };
          const link = made[a.link] ?? a.link;
          const url = link.startsWith('https:') ? link : `${config.siteUrl}${link}`;
          const out: Signed = { file, id: a.id === undefined ? String(a.n) : `${a.id}~${a.n}`, url, draft: a.draft, published: new Date(a.minutes * 60_000), tags: a.tags, authors: a.authors.map((n) => ({ name: n })) };
          if (a.section !== undefined) out.section = a.section;
          return out;
        });
        const columns = JSON.parse(JSON.stringify(signatureColumns(articles.map((a) => [a.file, a] as const), config.siteUrl)));
        // A link made from the record's path is kept as a number (most of a site without `url`).
        expect(columns.links.filter((l: unknown) => typeof l === 'number')).toHaveLength(drawn.filter((a) => a.link === '<path>' || a.link === '<whole path>').length);
        // Half of them through the changes file's form instead.
        const half = new Set(articles.filter((_, i) => i % 2 === 0).map((a) => a.file));
        const changes = Object.fromEntries(articles.filter((a) => half.has(a.file)).map((a) => [a.file, JSON.parse(JSON.stringify(planFields(a)))]));
        const stubs = [...plannables(columns, (f) => half.has(f), config.siteUrl), ...Object.entries(changes).map(([f, fields]) => plannable(f, fields))];
        expect(stubs).toHaveLength(articles.length);
        expect(shape(planFeeds(stubs, config))).toEqual(shape(planFeeds(articles, config)));
        // The links too, which the links shared across records are made from (core/links.ts).
        const links = (xs: Signed[]) => new Map(xs.map((a) => [a.file, a.url]));
        expect(links(stubs)).toEqual(links(articles));
      }),
      { numRuns: 300 },
    );
  });

  it('an id compared without being built matches exactly the ids built and normalised', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme-composite', maxLength: 4 }), fc.constantFrom('urn:x', 'https://a/b', 'tag:x,2025:', 'Cafe\u0301', 'Café', 'x:'));
    fc.assert(
      fc.property(text, text, text, (deskId, other, prefix) => {
        const cfg = { idPrefix: prefix };
        for (const permanent of [itemId(other, cfg).normalize('NFC'), itemId(deskId, cfg).normalize('NFC'), other]) {
          expect(givesItemId(deskId, permanent, cfg)).toBe(itemId(deskId, cfg).normalize('NFC') === permanent);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
