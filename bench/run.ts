/**
 * Writer benchmark: Dateline's writers against the `feed` package rendering the same items.
 * Run: npm run bench:writers [-- --items 50,500,5000 --runs 7]
 * Both sides get the same pre-rendered content HTML, so this measures feed writing, not Markdown.
 * Synthetic records are validated once up front; timings are medians of interleaved runs.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Feed } from 'feed';
import { buildModel, resolveConfig, validateRecords, writeAtom, writeJsonFeed, writeRss } from '../src/index.js';
import type { FeedModel, RawRecord } from '../src/index.js';

const { values } = parseArgs({ options: { items: { type: 'string', default: '50,500,5000' }, runs: { type: 'string', default: '7' } } });
const sizes = values.items.split(',').map(Number);
const runs = Number(values.runs);

const { config } = resolveConfig(
  { title: 'Bench', siteUrl: 'https://news.example.com/', idPrefix: 'tag:news.example.com,2025:', timezone: 'Asia/Shanghai', datelineStyle: 'xinhua' },
  'bench',
  () => 1,
);
if (config === undefined) throw new Error('bench config invalid');

const paragraph = 'Officials said the talks would continue later this week, with negotiators expected to meet again in Doha. '.repeat(4);
function records(n: number): RawRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `a${i}.md`,
    kind: 'markdown' as const,
    slugPath: `a${i}`,
    lineOf: () => 1,
    body: Array.from({ length: 8 }, () => paragraph).join('\n\n'),
    data: {
      id: `story-${i}`,
      title: `Story number ${i} & "friends"`,
      date: `2025-02-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      summary: 'A short summary of the story.',
      authors: ['Jane Doe', { name: 'Li Wen', email: 'li.wen@example.com' }],
      agency: { name: 'Xinhua', via: 'Agencies' },
      contributors: [{ name: 'Mike Gu', location: 'Hong Kong' }],
      dateline: { city: 'Washington', timezone: 'America/New_York' },
      image: { url: `https://img.example.com/${i}.jpg`, caption: 'A caption', credit: 'PHOTOGRAPHER/REUTERS' },
      tags: ['World', 'Gaza'],
    },
  }));
}

function viaFeedPackage(m: FeedModel): [string, string, string] {
  const feed = new Feed({
    title: m.title, description: m.description, id: m.id, link: m.homeUrl, language: m.language, copyright: m.copyright ?? '',
    updated: m.updated, feedLinks: { rss: m.selfUrl.rss, atom: m.selfUrl.atom, json: m.selfUrl.json },
  });
  for (const i of m.items) {
    feed.addItem({
      title: i.title, id: i.id, link: i.url, description: i.summary ?? '', content: i.contentHtml, date: i.updated, published: i.published,
      author: i.creators.map((p) => ({ name: p.name })), category: i.categories.map((c) => ({ name: c.term, domain: c.scheme })),
    });
  }
  return [feed.rss2(), feed.atom1(), feed.json1()];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

console.log(`node ${process.version}, ${runs} interleaved runs per size, median ms`);
console.log('| items | dateline rss | dateline rss+atom+json | feed@6 rss+atom+json | ratio |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const { articles } = validateRecords(records(n), config);
  const model = buildModel(articles, { ...config, itemsPerFeed: n }).model;
  const t = { rss: [] as number[], all: [] as number[], feed: [] as number[] };
  for (let r = 0; r < runs; r++) {
    let s = performance.now();
    writeRss(model);
    t.rss.push(performance.now() - s);
    s = performance.now();
    writeRss(model); writeAtom(model); writeJsonFeed(model);
    t.all.push(performance.now() - s);
    s = performance.now();
    viaFeedPackage(model);
    t.feed.push(performance.now() - s);
  }
  const [rss, all, feed] = [median(t.rss), median(t.all), median(t.feed)];
  console.log(`| ${n} | ${rss.toFixed(1)} | ${all.toFixed(1)} | ${feed.toFixed(1)} | ${(feed / all).toFixed(2)}× |`);
}
