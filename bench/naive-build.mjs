// Naive baseline for the full-build benchmark (issue 5): what a desk might write in an afternoon.
// Reads every articles/**/*.md with gray-matter, renders every body with marked, sorts by date, keeps the
// newest 50 and writes one RSS 2.0 feed with full content through the `feed` package.
// Plain JavaScript on purpose: no TypeScript loader in its start-up time.
// Usage (cwd = corpus dir): node naive-build.mjs [--lazy]
//   --lazy renders Markdown only for the 50 items in the feed (a less naive variant).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Feed } from 'feed';
import matter from 'gray-matter';
import { marked } from 'marked';

const lazy = process.argv.includes('--lazy');
const files = readdirSync('articles', { recursive: true }).filter((f) => String(f).endsWith('.md'));
const posts = files.map((f) => {
  const { data, content } = matter(readFileSync(join('articles', String(f)), 'utf8'));
  // Desk wall-clock times are Asia/Shanghai (+08:00 all year); js-yaml leaves `YYYY-MM-DD HH:MM` a string.
  const date = new Date(`${String(data.date).replace(' ', 'T')}:00+08:00`);
  return { data, date, body: content, html: lazy ? '' : marked.parse(content) };
});
posts.sort((a, b) => b.date.getTime() - a.date.getTime());
const feed = new Feed({
  title: 'Bench Desk: World', description: 'Synthetic newsroom corpus for the full-build benchmark.',
  id: 'https://news.example.com/', link: 'https://news.example.com/', language: 'en',
  copyright: 'Copyright 2025 Bench Desk.', feedLinks: { rss: 'https://news.example.com/feeds/rss.xml' },
});
for (const p of posts.slice(0, 50)) {
  const author = [...(p.data.authors ?? []), ...(p.data.agency ? [p.data.agency.name ?? p.data.agency] : [])];
  feed.addItem({
    title: p.data.title, id: `tag:news.example.com,2025:${p.data.id}`,
    link: `https://news.example.com/${p.data.id}.html`, date: p.date,
    content: lazy ? marked.parse(p.body) : p.html, author: author.map((name) => ({ name: String(name) })),
    category: [p.data.section, ...(p.data.tags ?? [])].map((name) => ({ name })),
  });
}
mkdirSync('naive-dist', { recursive: true });
writeFileSync(join('naive-dist', 'rss.xml'), feed.rss2());
