/**
 * Feeds as copy: a partner's RSS 2.0, RSS 1.0 or Atom 1.0 feed, each item or entry a record, checked WHOLE
 * (`recordText`) against hand-checked `<feed>.<n>.expected.md`; and Dateline's own feeds read back: a
 * story built into a feed and imported from it keeps its credits, dateline, section, tags and picture.
 * Fixtures are sample feeds written for these tests.
 */
import { readFileSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/core/config.js';
import { formatDiagnostic } from '../src/errors.js';
import { detectFormat } from '../src/importers/index.js';
import { importFeed } from '../src/importers/feed.js';
import { recordText } from '../src/importers/record.js';
import { readMarkdownRecord } from '../src/sources/markdown.js';
import { makeSite, runCli, SITE_CONFIG, expectImportAccepted } from './_helpers.js';

const dir = fileURLToPath(new URL('./fixtures/import/feed/', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');
const config = resolveConfig(SITE_CONFIG, 'cfg', () => 1).config!;

function run(file: string, text = fixture(file)) {
  const result = importFeed(text, { file, timezone: config.timezone });
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

const expectAccepted = expectImportAccepted;

describe('a partner\'s feed → whole records', () => {
  it('RSS 2.0: content:encoded with its lead, figure and credit line, author\'s name and address, RFC 822 dates (EST as RFC 822 has it), an image enclosure; an item with no title refused at its line', () => {
    const r = run('partner.rss.xml');
    expect(r.lines).toEqual(['partner.rss.xml:36: item/title: no headline: the item has no title; a record needs its headline (E_IMPORT_NO_HEADLINE)']);
    expect(r.stories.map((s) => recordText(s))).toEqual([fixture('partner.rss.1.expected.md'), fixture('partner.rss.2.expected.md')]);
    expect(r.stories.map((s) => s.notes)).toEqual([
      ['dateline read from the body\'s first paragraph (the copy gives none): "SHANGHAI"'],
      ['pubDate zone EST read as RFC 822 defines it (-05:00)'],
    ]);
    for (const s of r.stories) expectAccepted(s);
  });

  it('Atom 1.0: published and updated with offsets, an author\'s page and address, the section\'s category, XHTML content, an image link, the entry\'s language', () => {
    const r = run('partner.atom.xml');
    expect(r.lines).toEqual([]);
    expect(r.stories.map((s) => recordText(s))).toEqual([fixture('partner.atom.1.expected.md')]);
    expectAccepted(r.stories[0]!);
  });

  it('RSS 1.0 (RDF): items beside the channel, dc:date and dc:creator', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://partner.example.com/"><title>Partner</title><link>https://partner.example.com/</link><description>d</description></channel>
  <item rdf:about="https://partner.example.com/a"><title>Tram line reopens</title><link>https://partner.example.com/a</link>
    <dc:date>2025-02-05T09:24:00+08:00</dc:date><dc:creator>Jane Roe</dc:creator><description>The tram line reopened on Wednesday.</description></item>
</rdf:RDF>`;
    const story = run('a.rdf', rdf).stories[0]!;
    expect(story.fields).toMatchObject({ title: 'Tram line reopens', date: '2025-02-05T09:24:00+08:00', authors: ['Jane Roe'], url: 'https://partner.example.com/a' });
    expect(story.body).toBe('The tram line reopened on Wednesday.');
  });

  it('refuses a date that is none at its line, and says what a feed without items holds', () => {
    const bad = run('bad.xml', fixture('partner.rss.xml').replace('Wed, 05 Feb 2025 09:24:00 +0800', 'yesterday evening'));
    expect(bad.lines[0]).toBe('bad.xml:14: item/pubDate: expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00", got "yesterday evening" (E_DATE_FORMAT)');
    expect(bad.stories).toHaveLength(1);
    expect(run('empty.xml', '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>').lines).toEqual([
      'empty.xml:1: this Atom feed holds no entry: nothing to import; pass --format text, nitf, newsml, ninjs or feed if the detection is wrong (E_IMPORT_FORMAT)',
    ]);
  });

  it('leaves out, noted, an author\'s page or address and a picture URL a record would refuse (fuzzing)', () => {
    const odd = fixture('partner.atom.xml').replace('m.dupont@partner.example.com', 'm.dupont@partner.example.com（完）').replace('https://partner.example.com/auteurs/marie-dupont', 'auteurs/marie').replace('https://img.partner.example.com/2025/02/louvre.png', '#x202e;');
    const story = run('odd.xml', odd).stories[0]!;
    expect(story.fields.authors).toEqual(['Marie Dupont']);
    expect(story.fields.image).toBeUndefined();
    expect(story.notes).toEqual(expect.arrayContaining([
      'author "Marie Dupont"\'s page "auteurs/marie" is no page\'s URL: not used',
      'author "Marie Dupont"\'s e-mail "m.dupont@partner.example.com（完）" is no address: not used',
      'picture URL "#x202e;" is no URL a record takes: not used',
    ]));
    expectAccepted(story);
  });

  it('JSON Feed 1.0 and 1.1: content_text, 1.0\'s author with a mailto: page (the address), a date_modified, an item with no title refused at its line', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1', title: 'Partner Daily', language: 'en',
      items: [
        { id: 'pd-1', url: 'https://partner.example.com/a', title: 'Tram line reopens after repairs', date_published: '2025-02-05T09:24:00+08:00', date_modified: '2025-02-05T10:00:00+08:00',
          author: { name: 'Jane Roe', url: 'mailto:jane.roe@partner.example.com' }, tags: ['Transport'], content_text: 'The tram line reopened on Wednesday.\n\nRepairs took three weeks.' },
        { id: 'pd-2', date_published: '2025-02-05T11:00:00+08:00', content_text: 'A note with no title.' },
      ],
    }, null, 2);
    const r = run('partner.json', json);
    expect(r.lines).toEqual([expect.stringMatching(/^partner\.json:21: items\[1\]\.title: no headline: .*\(E_IMPORT_NO_HEADLINE\)$/)]);
    expect(r.stories[0]!.fields).toMatchObject({ id: 'pd-1', date: '2025-02-05T09:24:00+08:00', updated: '2025-02-05T10:00:00+08:00', authors: [{ name: 'Jane Roe', email: 'jane.roe@partner.example.com' }], tags: ['Transport'], language: 'en' });
    expect(r.stories[0]!.body).toBe('The tram line reopened on Wednesday.\n\nRepairs took three weeks.');
    expect(detectFormat(json)).toBe('feed');
    // (A malformed escape in a mailto: page is no address, and no failure.)
    const odd = run('odd.json', json.replace('mailto:jane.roe@partner.example.com', 'mailto:jane%E0%A4%A'));
    expect(odd.stories[0]!.fields.authors).toEqual(['Jane Roe']);
    expectAccepted(r.stories[0]!);
  });

  it('leaves out the headline a CMS repeats at the head of the content, noted', () => {
    const repeated = fixture('partner.rss.xml').replace('<content:encoded><![CDATA[<p>SHANGHAI', '<content:encoded><![CDATA[<h1>Shanghai adds night ferries across the Huangpu</h1><p>SHANGHAI');
    const story = run('h1.xml', repeated).stories[0]!;
    expect(recordText(story)).toBe(fixture('partner.rss.1.expected.md'));
    expect(story.notes).toContain('the body\'s first heading repeats the headline: left out');
    // (A heading of other words stays.)
    const other = run('h2.xml', fixture('partner.rss.xml').replace('<content:encoded><![CDATA[<p>SHANGHAI', '<content:encoded><![CDATA[<h2>Late sailings</h2><p>SHANGHAI')).stories[0]!;
    expect(other.body).toMatch(/^## Late sailings\n/);
  });

  it('is detected by its root element', () => {
    expect(detectFormat(fixture('partner.rss.xml'))).toBe('feed');
    expect(detectFormat(fixture('partner.atom.xml'))).toBe('feed');
    expect(detectFormat('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')).toBe('feed');
  });
});

describe('Dateline\'s own feeds read back', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('imports a directory of .rss and .atom files, and refuses --format text on a feed, naming it', async () => {
    const s = await makeSite({});
    cleanup = s.cleanup;
    await writeFile(join(s.dir, 'partner.rss'), fixture('partner.rss.xml'));
    await writeFile(join(s.dir, 'partner.atom'), fixture('partner.atom.xml'));
    const text = await runCli(['import', '--format', 'text', 'partner.rss'], s.dir);
    expect(text.stderr).toContain('partner.rss:1: this is a feed (RSS, Atom or JSON Feed), not raw text: import it without --format text (E_IMPORT_FORMAT)');
    const r = await runCli(['import', '.'], s.dir);
    expect(r.stdout).toContain('partner.rss (feed): 2 stories');
    expect(r.stdout).toContain('partner.atom (feed): 1 story');
  });

  /** The sample site's records, by title: their credits, dateline and picture as the desk wrote them. */
  async function sampleRecords(): Promise<Map<string, Record<string, unknown>>> {
    const out = new Map<string, Record<string, unknown>>();
    for (const f of (await readdir(join(ROOT, 'articles'), { recursive: true })) as string[]) {
      const text = await readFile(join(ROOT, 'articles', f), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const data = f.endsWith('.json') ? (JSON.parse(text) as Record<string, unknown>) : f.endsWith('.md') ? ((readMarkdownRecord(text, f, f).record as { data: Record<string, unknown> } | undefined)?.data) : undefined;
      if (data !== undefined && data['draft'] !== true) out.set(String(data['title']), data);
    }
    return out;
  }

  const names = (people: unknown): unknown => (Array.isArray(people) ? people.map((p) => (typeof p === 'string' ? p : (p as { name: string }).name)) : people);

  it.each(['atom.xml', 'rss.xml', 'rss.xml read by its dl: elements alone', 'feed.json'])('%s: every story keeps its credits, dateline, section, picture and first publication', async (which) => {
    const s = await makeSite({});
    cleanup = s.cleanup;
    await cp(join(ROOT, 'articles'), join(s.dir, 'articles'), { recursive: true });
    await writeFile(join(s.dir, 'dateline.config.json'), await readFile(join(ROOT, 'dateline.config.json')));
    expect((await runCli(['build'], s.dir)).code).toBe(0);
    let feed = await readFile(join(s.dir, 'dist', which.split(' ')[0]!), 'utf8');
    // (Without the content, whose printed dateline and credit lines could stand in for the elements.)
    if (which.includes('alone')) feed = feed.replace(/<content:encoded>[\s\S]*?<\/content:encoded>/g, '');
    const r = importFeed(feed, { file: 'f.xml', timezone: 'Asia/Shanghai' });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    const originals = await sampleRecords();
    expect(r.stories.map((st) => st.fields.title).sort()).toEqual([...originals.keys()].sort());
    for (const story of r.stories) {
      expectAccepted(story);
      const o = originals.get(story.fields.title)!;
      const f = story.fields;
      const image = o['image'] as { url?: string; credit?: string } | undefined;
      const dateline = o['dateline'] as { city: string; timezone?: string };
      // (JSON Feed has tags, not categories: the section comes back among them.)
      const section = which === 'feed.json' ? (o['section'] === undefined ? undefined : f.tags?.find((t) => t === o['section'])) : f.section;
      expect({ title: f.title, authors: names(f.authors), agency: f.agency?.name, via: f.agency?.via, agencyUrl: f.agency?.url, contributors: f.contributors, city: f.dateline?.city, section, image: f.image?.url, credit: f.image?.credit }).toEqual({
        title: o['title'], authors: names(o['authors']), agency: (o['agency'] as { name?: string } | undefined)?.name, via: (o['agency'] as { via?: string } | undefined)?.via,
        agencyUrl: (o['agency'] as { url?: string } | undefined)?.url, contributors: o['contributors'], city: dateline.city, section: o['section'], image: image?.url, credit: image?.credit,
      });
      if (dateline.timezone !== undefined) expect(f.dateline?.timezone).toBe(dateline.timezone);
      expect(new Date(f.date.includes('T') ? f.date : `${f.date.replace(' ', 'T')}:00+08:00`).getTime()).toBe(new Date(String(o['date']).includes('T') ? String(o['date']) : `${String(o['date']).replace(' ', 'T')}:00+08:00`).getTime());
    }
  });
});
