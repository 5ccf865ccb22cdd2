/**
 * The sample site, end to end: golden files for every format (UPDATE_GOLDEN=1 rewrites them; review the
 * diff), then every output read back by an independent parser with assertions on the fields that matter.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, loadConfig, main, type BuildResult } from '../src/index.js';
import { parseXml, text } from './_helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = fileURLToPath(new URL('./golden/sample/', import.meta.url));

let built: BuildResult;
let rss: any;
let atom: any;
let json: any;

beforeAll(async () => {
  const config = await loadConfig('dateline.config.json', root);
  const loaded = await loadArticles(config, root);
  expect(loaded.diagnostics).toEqual([]);
  built = buildFeeds(loaded.articles, config);
  rss = parseXml(built.outputs.get('rss.xml')!).rss;
  atom = parseXml(built.outputs.get('atom.xml')!).feed;
  json = JSON.parse(built.outputs.get('feed.json')!);
});

// The main feed, and one section (summary-less full content), tag (summaries only) and author feed.
const GOLDEN = ['rss.xml', 'atom.xml', 'feed.json', 'sections/欧洲/rss.xml', 'tags/利率/atom.xml', 'authors/王晓岚/feed.json'];
const goldenPath = (name: string): string => `${goldenDir}${name.replaceAll('/', '__')}`;

describe('golden files', () => {
  it.each(GOLDEN)('%s matches tests/golden/sample', async (name) => {
    const path = goldenPath(name);
    const actual = built.outputs.get(name)!;
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) await writeFile(path, actual);
    expect(actual).toBe(await readFile(path, 'utf8'));
  });

  // The library keeps every body; `dateline build` keeps none and reads a body again where a feed renders it.
  it('are what `dateline build` writes, without the cache, with it, and with it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-golden-'));
    let errors = '';
    try {
      const runs = [['--no-cache'], ['--cache', join(dir, 'cache')], ['--cache', join(dir, 'cache')]];
      for (const [i, args] of runs.entries()) {
        const out = join(dir, `out-${i}`);
        const io = { stdout: () => {}, stderr: (t: string) => void (errors += t), cwd: root };
        expect(await main(['build', '--out', out, '--quiet', ...args], io), errors).toBe(0);
        for (const name of GOLDEN) expect([args, name, await readFile(join(out, name), 'utf8')]).toEqual([args, name, await readFile(goldenPath(name), 'utf8')]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const GAZA = 'tag:news.example.com,2025:cd-20250205-gaza-talks';
const rssItem = (id: string) => rss.channel.item.find((i: any) => text(i.guid) === id);
const atomEntry = (id: string) => atom.entry.find((e: any) => e.id === id);
const jsonItem = (id: string) => json.items.find((i: any) => i.id === id);

describe('identity and order', () => {
  it('has the same ids, in the same newest-first order, in all three formats; drafts are left out', () => {
    const ids = rss.channel.item.map((i: any) => text(i.guid));
    expect(ids).toHaveLength(12);
    expect(atom.entry.map((e: any) => e.id)).toEqual(ids);
    expect(json.items.map((i: any) => i.id)).toEqual(ids);
    expect(ids.some((id: string) => id.includes('sandstorm'))).toBe(false);
    const instants = json.items.map((i: any) => new Date(i.date_published).getTime());
    expect([...instants].sort((a, b) => b - a)).toEqual(instants);
  });

  it('marks RSS guids as not permalinks, since they are tag: URIs', () => {
    for (const i of rss.channel.item) expect(i.guid['@isPermaLink']).toBe('false');
  });
});

describe('time', () => {
  it('carries the true instant of a Beijing desk stamp in every format', () => {
    expect(rssItem(GAZA).pubDate).toBe('Wed, 05 Feb 2025 01:24:00 GMT');
    expect(atomEntry(GAZA).published).toBe('2025-02-05T09:24:00+08:00');
    expect(jsonItem(GAZA).date_published).toBe('2025-02-05T09:24:00+08:00');
    const instant = Date.parse('2025-02-05T01:24:00Z');
    expect(Date.parse(rssItem(GAZA).pubDate)).toBe(instant);
    expect(Date.parse(atomEntry(GAZA).published)).toBe(instant);
  });

  it('shows a correction as an update while the publication date stays', () => {
    const id = 'tag:news.example.com,2025:cd-20250218-shanghai-ferry';
    expect(rssItem(id).pubDate).toBe('Tue, 18 Feb 2025 02:05:00 GMT');
    expect(rssItem(id)['atom:updated']).toBe('2025-02-18T07:40:00Z');
    expect(atomEntry(id).published).toBe('2025-02-18T10:05:00+08:00');
    expect(atomEntry(id).updated).toBe('2025-02-18T15:40:00+08:00');
    expect(jsonItem(id).date_modified).toBe('2025-02-18T15:40:00+08:00');
    // Never-updated items have no date_modified / atom:updated, and Atom updated = published.
    expect(jsonItem(GAZA).date_modified).toBeUndefined();
    expect(rssItem(GAZA)['atom:updated']).toBeUndefined();
    expect(atomEntry(GAZA).updated).toBe(atomEntry(GAZA).published);
  });

  it('dates the feed by its newest item change, not by the clock', () => {
    expect(rss.channel.lastBuildDate).toBe('Sat, 29 Mar 2025 23:45:00 GMT');
    expect(atom.updated).toBe('2025-03-30T07:45:00+08:00');
  });

  it('takes an explicit offset as written (New Delhi, +05:30)', () => {
    const id = 'tag:news.example.com,2025:cd-20250210-delhi-warm-february';
    expect(rssItem(id).pubDate).toBe('Mon, 10 Feb 2025 12:35:00 GMT');
    expect(jsonItem(id).date_published).toBe('2025-02-10T20:35:00+08:00');
  });
});

describe('datelines', () => {
  it.each([
    ['cd-20250205-gaza-talks', 'WASHINGTON, Feb. 4 (Xinhua) --', '2025-02-04', 'America/New_York'],
    ['cd-20250207-boe-rate-cut-zh', '新华社伦敦2月6日电', '2025-02-06', 'Europe/London'],
    ['cd-20250310-tokyo-cherry-blossom', 'TOKYO, March 11 (Xinhua) --', '2025-03-11', 'Asia/Tokyo'],
    ['cd-20250309-us-clocks-spring-forward', 'NEW YORK, March 9 --', '2025-03-09', 'America/New_York'],
    ['cd-20250330-uk-partial-eclipse', 'LONDON, March 29 --', '2025-03-29', 'Europe/London'],
    ['cd-20250221-nz-heat-advisory', 'WELLINGTON, Feb. 20 (Xinhua) --', '2025-02-20', 'Pacific/Auckland'],
    ['cd-20250320-wmo-climate-report', 'GENEVA, March 19 (AP) --', '2025-03-19', 'Europe/Zurich'],
  ])('%s reads "%s" (local date %s at the dateline city)', (desk, printed, date, zone) => {
    const id = `tag:news.example.com,2025:${desk}`;
    const el = rssItem(id)['dl:dateline'];
    expect(text(el)).toBe(printed);
    expect(el['@date']).toBe(date);
    expect(el['@timezone']).toBe(zone);
    expect(text(atomEntry(id)['dl:dateline'])).toBe(printed);
    expect(jsonItem(id)._dateline).toMatchObject({ text: printed, date, timezone: zone });
    expect(jsonItem(id).content_html).toContain(`<span class="dateline">${printed.replace(/&/g, '&amp;')}</span> `);
  });
});

describe('credits', () => {
  it('credits the agency as creator when there is no byline, and keeps its provenance', () => {
    expect(rssItem(GAZA)['dc:creator']).toEqual(['Xinhua']);
    expect(rssItem(GAZA).author).toBeUndefined();
    expect(text(rssItem(GAZA)['dl:agency'])).toBe('Xinhua');
    expect(rssItem(GAZA)['dl:agency']['@via']).toBe('Agencies');
    expect(atomEntry(GAZA).author).toEqual([{ name: 'Xinhua' }]);
    expect(jsonItem(GAZA).authors).toEqual([{ name: 'Xinhua' }]);
    expect(jsonItem(GAZA)._credits.agency).toMatchObject({ name: 'Xinhua', via: 'Agencies', line: 'Agencies via Xinhua' });
  });

  it('puts contributors in dc:contributor, Atom contributor and the JSON extension, and prints the tagline', () => {
    expect(rssItem(GAZA)['dc:contributor']).toEqual(['Mike Gu']);
    expect(atomEntry(GAZA).contributor).toEqual([{ name: 'Mike Gu' }]);
    expect(jsonItem(GAZA)._credits.contributors).toEqual([{ name: 'Mike Gu', location: 'Hong Kong' }]);
    // The place and role, which dc:contributor and Atom's contributor cannot hold, in the dl: namespace.
    const place = [{ '@name': 'Mike Gu', '@location': 'Hong Kong', '#text': 'Mike Gu' }];
    expect(rssItem(GAZA)['dl:contributor']).toEqual(place);
    expect(atomEntry(GAZA)['dl:contributor']).toEqual(place);
    const html = jsonItem(GAZA).content_html as string;
    expect(html.endsWith('<p class="credit">Mike Gu in Hong Kong contributed to this story.</p>\n<p class="credit">Agencies via Xinhua</p>')).toBe(true);
  });

  it('gives each byline its own dc:creator and Atom author, with url and email where known', () => {
    const id = 'tag:news.example.com,2025:cd-20250207-beijing-cold-snap';
    expect(rssItem(id)['dc:creator']).toEqual(['Li Wen', 'Zhang Hao']);
    expect(atomEntry(id).author[0]).toMatchObject({ name: 'Li Wen' });
    expect(atomEntry(id).author[0].email).toMatch(/@/);
    expect(jsonItem(id).authors.map((a: any) => a.name)).toEqual(['Li Wen', 'Zhang Hao']);
  });

  it('credits the photo as Media RSS with EBU photographer role, Atom enclosure and JSON image; the caption in the content', () => {
    const media = rssItem(GAZA)['media:content'];
    expect(media['@url']).toBe('https://img.example.com/2025/02/05/gaza-city-falafel.jpg');
    expect(media['@medium']).toBe('image');
    expect(media['media:credit']).toEqual({ '@role': 'photographer', '@scheme': 'urn:ebu', '#text': 'DAWOUD ABU ALKAS/REUTERS' });
    expect(media['media:description']).toBeUndefined();
    expect(jsonItem(GAZA).content_html).toMatch(/<figcaption>[^<]*falafel/);
    expect(jsonItem(GAZA)._credits.photo.caption).toMatch(/falafel/);
    expect(atomEntry(GAZA)['media:content']['media:credit']['#text']).toBe('DAWOUD ABU ALKAS/REUTERS');
    expect(atomEntry(GAZA).link.find((l: any) => l['@rel'] === 'enclosure')['@href']).toBe(media['@url']);
    expect(jsonItem(GAZA).image).toBe(media['@url']);
    expect(jsonItem(GAZA)._credits.photo.credit).toBe('DAWOUD ABU ALKAS/REUTERS');
    expect(jsonItem(GAZA).content_html).toContain('<span class="photo-credit">DAWOUD ABU ALKAS/REUTERS</span>');
  });
});

describe('feed level', () => {
  it('RSS channel', () => {
    const c = rss.channel;
    expect(c.title).toBe('Dateline Sample Desk: World');
    expect(c.link).toBe('https://news.example.com/');
    expect(c.language).toBe('en');
    expect(c.ttl).toBe('15');
    expect(c['atom:link']).toEqual([{ '@href': 'https://news.example.com/feeds/rss.xml', '@rel': 'self', '@type': 'application/rss+xml' }]);
  });

  it('Atom feed', () => {
    expect(atom.id).toBe('tag:news.example.com,2025:feed:main');
    expect(atom.link.map((l: any) => [l['@rel'], l['@href']])).toEqual([
      ['self', 'https://news.example.com/feeds/atom.xml'],
      ['alternate', 'https://news.example.com/'],
    ]);
    expect(atom.author).toEqual([{ name: 'Dateline Sample Desk', uri: 'https://news.example.com/' }]);
  });

  it('JSON Feed 1.1', () => {
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Dateline Sample Desk: World',
      home_page_url: 'https://news.example.com/',
      feed_url: 'https://news.example.com/feeds/feed.json',
      language: 'en',
      icon: 'https://news.example.com/static/icon-512.png',
    });
  });

  it('marks the Chinese story with its language', () => {
    const id = 'tag:news.example.com,2025:cd-20250207-boe-rate-cut-zh';
    expect(jsonItem(id).language).toBe('zh');
    expect(atomEntry(id)['@xml:lang']).toBe('zh');
  });
});
