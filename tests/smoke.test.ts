import { describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, resolveConfig } from '../src/index.js';
import { makeSite, record, SITE_CONFIG, parseXml } from './_helpers.js';

describe('smoke', () => {
  it('builds a one-article site', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    try {
      const { config } = resolveConfig(SITE_CONFIG, 'x', () => 1);
      const loaded = await loadArticles(config!, site.dir);
      expect(loaded.diagnostics).toEqual([]);
      const built = buildFeeds(loaded.articles, config!);
      const rss = parseXml(built.outputs.get('rss.xml')!);
      expect(rss.rss.channel.item[0].guid['#text']).toBe('tag:news.example.com,2025:a');
    } finally {
      await site.cleanup();
    }
  });
});
