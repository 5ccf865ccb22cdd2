/**
 * Content handling, end to end through loadArticles + buildFeeds: sanitising (and the warning that says
 * what was removed), relative URLs made absolute, `]]>` and control characters, Markdown and
 * `content_html` bodies, the dateline/photo/credit assembly, and the summary fallback. Every expectation
 * is an exact string, and each is checked in the model and in all three outputs after decoding.
 */
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, resolveConfig, type BuildResult, type Diagnostic, type FeedItem, type Loaded } from '../src/index.js';
import { makeSite, parseXml, record, SITE_CONFIG, text } from './_helpers.js';

const PREFIX = 'tag:news.example.com,2025:';
const config = resolveConfig({ ...SITE_CONFIG, itemsPerFeed: 200 }, 'cfg', () => 1).config!;

/** One site holding every fixture; tests look articles up by desk id. */
const FILES: Record<string, string> = {
  // ----- unsafe markup -----
  'articles/unsafe/script.md': record('script', '', 'Before.\n\n<script>alert(1)</script>\n\nAfter.'),
  'articles/unsafe/iframe.md': record('iframe', '', 'Watch:\n\n<iframe src="https://evil.example/x"></iframe>\n\nDone.'),
  'articles/unsafe/onclick.md': record('onclick', '', '<p onclick="steal()">Click me</p>'),
  'articles/unsafe/jslink.md': record('jslink', '', '[innocent](javascript:alert(1)) text'),
  'articles/unsafe/ftp.md': record('ftp', '', 'Fetch [the data](ftp://ftp.example.com/data.csv) or ![a chart](data:image/png;base64,AAAA) now.'),
  'articles/unsafe/template.json': JSON.stringify({ id: 'template', title: 'T', date: '2025-02-05 09:24', content_html: '<template><p>TEMPLATE</p></template><noscript>NOSCRIPT</noscript><p>Shown.</p>' }),
  'articles/tel.md': record('tel', '', 'Call the tip line at [+1 555 0100](tel:+15550100).'),
  'articles/charrefs.md': record('charrefs', '', 'C&#0;D E&#xD800;F O&#x110000;P &#65; `&#0;`'),
  // A reference to no character beside a U+FFFD the desk wrote, a `&#38;` and a `<`, in link text.
  'articles/charrefs-link.md': record('charrefs-link', '', '[Q&#0;R \uFFFD &#38;&#60;](https://example.com/) S&#1114112;T'),
  'articles/deep-list.md': record('deep-list', '', `${'- '.repeat(2000)}a\n\nAfter.`),
  'articles/deep-quote.md': record('deep-quote', '', `${'>'.repeat(3000)} deep`),
  // Lists nested by indentation (a marked cost that grows with depth × size: 1,000 levels took 15 s), quotes
  // by `>`, a header of 300 columns over 5,000 rows of one cell (1.5 million empty cells, 33 s), and HTML
  // nested 50,000 deep (the sanitiser's parser: seconds), beside ones of an ordinary depth and size.
  'articles/indent-list.md': record('indent-list', '', Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')),
  'articles/indent-ok.md': record('indent-ok', '', Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- x${i}`).join('\n')),
  'articles/quote-levels.md': record('quote-levels', '', Array.from({ length: 120 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n\n')),
  'articles/wide-table.md': record('wide-table', '', `Before.\n\n|${'a|'.repeat(300)}\n|${'-|'.repeat(300)}\n${'|\n'.repeat(5000)}`),
  'articles/escaped-table.md': record('escaped-table', '', `|${'a|'.repeat(300)}\n|${'-|'.repeat(300)}\n${`|${'\\|'.repeat(299)}\n`.repeat(100)}`),
  'articles/table-ok.md': record('table-ok', '', '| Party | Seats |\n|:---|---:|\n| A | 120 |\n| B |\n'),
  'articles/deep-html.json': JSON.stringify({ id: 'deep-html', title: 'T', date: '2025-02-05 09:24', content_html: `<p>Lead &amp; more.</p>${'<span>'.repeat(50000)}x${'</span>'.repeat(50000)}` }),
  'articles/deep-html-md.md': record('deep-html-md', '', `Lead **here**.\n\n${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`),
  'articles/many-p.json': JSON.stringify({ id: 'many-p', title: 'T', date: '2025-02-05 09:24', content_html: `${'<p>para'.repeat(3000)}<ul>${'<li>i'.repeat(2000)}</ul>` }),
  // marked 18.2.1 throws a TypeError on this (a property test found it): the build stopped, exit 70.
  'articles/marked-fault.md': record('marked-fault', '', 'Lead.\n\n- x\n  >-\n      7'),
  'articles/ipv6.md': record('ipv6', '', 'See [the mirror](http://[2001:db8::1]:8080/a%5Bb%5D) and <a href="http://[2001:db8::2]/">the other</a>.'),
  // 80 KB with no space, half of it `_` (5 s in marked); 60 KB of prose with emphasis; a 60 KB blob with a `_` in every 64 characters.
  'articles/slow-run.md': record('slow-run', '', `Before.\n\n${'_a'.repeat(40000)}\n\nAfter *this*.`),
  // Review: links back to back, footnote marks by the ten thousand, and tables of many cells (seconds, gigabytes).
  'articles/slow-links.md': record('slow-links', '', `Before.\n\n${'[a](b)'.repeat(40000)}`),
  'articles/slow-note-marks.md': record('slow-note-marks', '', `Before.\n\n${'Note[^'.repeat(30000)}`),
  'articles/slow-notes.md': record('slow-notes', '', `${Array.from({ length: 6000 }, (_, i) => `[^${i}]: n`).join('\n')}\n\n${Array.from({ length: 6000 }, (_, i) => `[^${i}]`).join(' ')}`),
  'articles/many-cells.md': record('many-cells', '', `| a | b | c | d | e |\n|---|---|---|---|---|\n${'| 1 | 2 | 3 | 4 | 5 |\n'.repeat(10_000)}`),
  'articles/long-notes.md': record('long-notes', '', `${('A claim[^1] here, [more](https://e.com/x) there. '.repeat(20) + '\n\n').repeat(400)}[^1]: The source.`),
  'articles/long-prose.md': record('long-prose', '', 'Talks resume in *Doha* this week, officials said. '.repeat(1200)),
  'articles/long-blob.md': record('long-blob', '', `Key: ${`${'Ab0'.repeat(21)}_`.repeat(940)} *end*`),
  'articles/footnotes.md': record('footnotes', '', 'Officials said so.[^1] Twice.[^1] Again.[^src]\n\n[^1]: A note with **bold**.\n[^src]: Ministry figures.'),
  'articles/unsafe/jslink-html.md': record('jslink-html', '', '<p><a href="javascript:alert(1)">innocent</a> text</p>'),
  'articles/unsafe/mixed.md': record('mixed', '', '<p onmouseover="x()">A</p>\n\n<script>y()</script>\n\n<iframe></iframe>\n\n<object data="z"></object>'),
  'articles/unsafe/json-script.json': JSON.stringify({
    id: 'json-script', title: 'JSON with a script', date: '2025-02-05 09:24',
    content_html: '<p>Hello</p><script>document.cookie</script><p>World</p>',
  }),
  // ----- relative URLs (article URL derived from the path: https://news.example.com/2025/02/links.html) -----
  'articles/2025/02/links.md': record('links', '', 'See [the report](/reports/x.pdf), ![chart](images/c.png) and [up](../up.html).'),
  'articles/2025/02/links-html.json': JSON.stringify({
    id: 'links-html', title: 'Links in HTML', date: '2025-02-05 09:24',
    content_html: '<p><a href="/reports/x.pdf">report</a> <img src="images/c.png" alt="c"> <a href="../up.html">up</a> <a href="https://other.example/abs">abs</a></p>',
  }),
  'articles/links-url.md': record('links-url', 'url: https://news.example.com/world/2025/story.html', '[a](images/a.png) [b](/b) [c](../c.html) [d](#part-2)'),
  // ----- ]]> and control characters -----
  'articles/cdata.md': '---\nid: cdata\ntitle: "Talks ]]> resume"\nsummary: "Talks ]]> resume & <go> on"\ndate: 2025-02-05 09:24\n---\n'
    + 'Tail ]]> of a CDATA section & <b>bold</b>.\n',
  'articles/ctl.md': '---\nid: ctl\ntitle: "Bad\\x01 title\\x1F!"\ndate: 2025-02-05 09:24\n---\nBody\u0001 text.\n',
  'articles/charref.md': record('charref', '', 'Ref &#1; and &#xFFFF; gone, &#x41; kept.'),
  'articles/ctl-json.json': '{\n  "id": "ctl-json",\n  "date": "2025-02-05 09:24",\n  "title": "Nul\\u0000 and \\uFFFF gone"\n}\n',
  // ----- bodies -----
  'articles/md.md': record('md', '', '## Heading\n\nSome *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted'),
  'articles/html.json': JSON.stringify({
    id: 'html', title: 'HTML body', date: '2025-02-05 09:24', summary: 'Given summary.',
    content_html: '<h2>Sub</h2><p>Hello <b>world</b> &amp; <em>friends</em>.</p><ul><li>x</li></ul>',
  }),
  'articles/json-md.json': JSON.stringify({ id: 'json-md', title: 'JSON with Markdown', date: '2025-02-05 09:24', body: 'A *Markdown* body.' }),
  // ----- assembly: photo, dateline, credits -----
  // The credit line as the agency's name; a path whose colon follows a slash.
  'articles/agency-line.md': record('agency-line', 'agency: Agencies via Xinhua\nurl: "2025/a:b.html?to=https://x.example/"\ndateline: { city: Washington, timezone: America/New_York }', 'Talks went on.'),
  'articles/agency-via.md': record('agency-via', 'agency: { name: Agencies via Xinhua, via: Desk }', 'Talks went on.'),
  'articles/gaza.md': [
    '---',
    'id: gaza',
    'title: Trump to host Netanyahu',
    'date: 2025-02-05 09:24',
    'agency: { name: Xinhua, via: Agencies }',
    'contributors:',
    '  - { name: Mike Gu, location: Hong Kong }',
    'dateline: { city: Washington, country: United States, timezone: America/New_York }',
    'image:',
    '  url: https://img.example.com/falafel.jpg',
    '  caption: Vendors offer falafel in Gaza City.',
    '  credit: DAWOUD ABU ALKAS/REUTERS',
    '  width: 1200',
    '  height: 800',
    '---',
    'Benjamin Netanyahu was due at the White House on Tuesday.',
    '',
    'Second paragraph.',
    '',
  ].join('\n'),
  'articles/credits.md': record('credits', [
    'language: en',
    'authors: [Li Wen]',
    'contributors:',
    '  - { name: Chen Yu, location: Tianjin }',
    '  - { name: Wang Lei, role: research }',
    '  - { name: Ana Ruiz, role: research }',
    '  - Bo Tan',
    'agency: AP',
  ].join('\n'), 'Only paragraph.'),
  'articles/byline-zh.md': record('byline-zh', 'language: zh\nauthors: [王晓岚, 李华]', '正文。'),
  'articles/byline-three.md': record('byline-three', 'authors: [Jane Doe, "Kenji Sato", "<Li> Wen"]', 'Text.'),
  'articles/byline-commas.md': record('byline-commas', 'authors: ["Smith, John", "Jane Doe and Bob Roe", "Ann O\'Neil"]', 'Text.'),
  'articles/byline-amp.md': record('byline-amp', 'authors: [Jane Doe, "Kim & Park"]', 'Text.'),
  'articles/heading-first.md': record('heading-first', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '## Analysis\n\nText.'),
  'articles/photo-first.md': record('photo-first', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '![A square](/img/sq.png)\n\nFirst words.'),
  'articles/photo-only.md': record('photo-only', 'image: { url: /img/p.png, caption: "A <caption> & more" }', ''),
  'articles/credit-only.md': record('credit-only', 'image: { credit: Tom Reed/Reuters }', 'Words.'),
  'articles/credit-only-zh.md': record('credit-only-zh', 'language: zh-TW\nimage: { credit: 路透社 }', '正文。'),
  'articles/credit-only-ar.md': record('credit-only-ar', 'language: ar\nimage: { credit: رويترز }', 'نص.'),
  'articles/credit-labelled.md': record('credit-labelled', 'image: { credit: "Photo: Tom Reed/Reuters" }', 'Words.'),
  // QA (content in readers): where the dateline goes when a story opens with a photo that is not a bare image paragraph.
  'articles/photo-linked.md': record('photo-linked', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '[![Lanterns](/img/l.jpg)](/img/l-large.jpg)\n\nLanterns rose.'),
  'articles/photo-caption.md': record('photo-caption', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '![Lanterns](/img/l.jpg)\n*Lanterns over the river. Photo: CNA*\n\nLanterns rose.'),
  'articles/photo-raw.md': record('photo-raw', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '<img src="/img/l.jpg" alt="Lanterns">\n\nLanterns rose.'),
  'articles/photo-figure.md': record('photo-figure', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '<figure><img src="/img/l.jpg" alt="x"><figcaption>Lanterns</figcaption></figure>\n\nLanterns rose.'),
  'articles/p-with-dir.md': record('p-with-dir', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '<p dir="ltr" lang="en">Lanterns rose.</p>'),
  'articles/italic-first.md': record('italic-first', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', "*An editor's note.*\n\nText."),
  // QA (import): a note before the story took the dateline and the summary.
  'articles/note-bold.md': record('note-bold', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', "**Editor's note:** This story was updated with the ministry's figures.\n\nTalks resumed on Wednesday."),
  'articles/note-wire.md': record('note-wire', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', "EDITOR’S NOTE — Our reporter visited at the operator's invitation.\n\n*Correction: an earlier version gave the wrong date.*\n\nThe port reopened."),
  'articles/note-zh.md': record('note-zh', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '编者按：本文有更新。\n\n港口重新开放。'),
  'articles/note-alone.md': record('note-alone', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', 'Correction: the figures were revised.'),
  'articles/not-a-note.md': record('not-a-note', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', 'Corrections officers said the prison was calm.\n\nMore words.'),
  'articles/unclosed-script.md': record('unclosed-script', '', 'The page used an unclosed <script> element, officials said.\n\nA second paragraph.\n\nA <TITLE> and an <xmp> left open.'),
  'articles/not-a-note-hyphen.md': record('not-a-note-hyphen', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', 'Correction-officers said the prison was calm.\n\nMore words.'),
  'articles/note-heading.md': record('note-heading', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', "Editor's note: updated.\n\n## What we know\n\nWords."),
  'articles/note-list.md': record('note-list', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', "Editor's note: updated.\n\n* one\n\n* two\n\nWords."),
  // QA: removals that went without a word, images a lazy loader or a srcset holds, and what is kept.
  'articles/unsafe/escaped-js.md': record('escaped-js', '', '<p><a href="java&#x09;script:alert(1)">a</a> <a href="&#106;avascript:alert(2)">b</a> <a href="javascript&colon;alert(3)">c</a></p>'),
  'articles/unsafe/broken-url.md': record('broken-url', '', '<p><a href="http://exa mple.com/">space host</a> and <img src="http://[bad" alt="x"></p>'),
  'articles/lazy-img.md': record('lazy-img', '', '<p><img data-src="/img/real.jpg" src="/img/placeholder.gif" alt="lazy"> <img srcset="/img/a.jpg 1x, /img/b.jpg 2x" alt="set"></p>'),
  'articles/details.md': record('details', '', "<details><summary>Editor's note</summary><p>This story was updated.</p></details>\n\n<aside>A pull quote.</aside>\n\nText."),
  'articles/unsafe/iframe-text.md': record('iframe-text', '', 'Watch:\n\n<iframe src="https://video.example/x">Video: the walkout</iframe>\n\nDone.'),
  'articles/align-values.json': JSON.stringify({ id: 'align-values', title: 'A', date: '2025-02-05 09:24', content_html: '<table><tr><td align="RIGHT">1</td><td align="justify">2</td><td align="javascript:x">3</td></tr></table>' }),
  'articles/table-align.md': record('table-align', '', '| Port | Ships |\n|:-----|------:|\n| Keelung | 12 |'),
  'articles/comment-markup.md': record('comment-markup', '', 'Text.\n\n<!-- old embed: <iframe src="x"></iframe> <script>x</script> -->\n\nMore.'),
  // Review: the line of markup shown as code; a comment HTML closes at once; blank and comma-holding image URLs;
  // words after a photo; a caption with words outside its italics; the summary past a photo's caption.
  'articles/unsafe/code-first.md': record('code-first', '', 'Use `<script>` tags sparingly.\n\n```\n<script>shown()</script>\n```\n\n<script>real()</script>\n\nAfter.'),
  'articles/unsafe/json-lines.json': JSON.stringify({ id: 'json-lines', title: 'J', date: '2025-02-05 09:24', body: 'Line one.\n\nLine two.\n\n<script>x</script>' }),
  'articles/unsafe/closed-comment.md': record('closed-comment', '', '<!--><script>alert(1)</script><p>After</p>'),
  'articles/img-urls.md': record('img-urls', '', '<p>A<img srcset="" alt="blank">B<img src="" srcset="/img/b.jpg 1x" alt="set"> <img srcset="https://res.example.com/w_300,h_200/s.jpg 300w" alt="commas"> <img src="data:image/gif;base64,R0lGOD" srcset="/img/real.jpg 1x" alt="placeholder"></p>'),
  'articles/photo-words.md': record('photo-words', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '![Lanterns](/img/l.jpg) Lanterns rose.'),
  'articles/photo-caption-words.md': record('photo-caption-words', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '![x](/img/l.jpg)\n*Caption* text *more*\n\nWords.'),
  // Review (fourth round): a fence of several lines; a caption with words on the next line, or alone after the photo's paragraph; srcset descriptors alone; a data: lazy URL.
  'articles/unsafe/fence-lines.md': record('fence-lines', '', 'Intro.\n```html\nfirst code line\n<script>in code</script>\n```\nReal words <script>alert(1)</script> here.'),
  'articles/caption-next-line.md': record('caption-next-line', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '![Ships](/img/s.jpg)\n*Ships at the breakwater. Photo: CNA*\nThe port reopened.'),
  'articles/caption-own-paragraph.md': record('caption-own-paragraph', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '![Ships](/img/s.jpg)\n\n*Ships at the breakwater. Photo: CNA*\n\nThe port reopened.'),
  'articles/img-descriptors.md': record('img-descriptors', '', '<p>A<img srcset="480w, 800w" alt="w">B<img srcset=",/img/c.jpg 1x" alt="c"> <img data-src="data:image/gif;base64,R0" src="/img/real.jpg" alt="d"></p>'),
  // Review (fifth round): a heading between a photo and italics; a caption after a raw image.
  'articles/photo-heading-italics.md': record('photo-heading-italics', '', '![Port](/img/p.jpg)\n\n## Analysis\n\n*Why the port matters now*\n\nBody words.'),
  'articles/raw-img-caption.md': record('raw-img-caption', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '<img src="/img/i.jpg">\n\n*Caption after a raw image*\n\nWords.'),
  // Review (sixth round): a figure whose caption holds inline markup; a code span ending in a backslash.
  'articles/figure-span-caption.md': record('figure-span-caption', 'dateline: { city: Beijing, timezone: Asia/Shanghai }', '<figure><img src="/img/s.jpg" alt="s"><figcaption>Ships. <span>Photo: CNA</span></figcaption></figure>\n\n*Why the port matters now*\n\nThe port reopened.'),
  'articles/unsafe/backslash-span.md': record('backslash-span', '', 'See `C:\\backup\\` and\n<script>alert(1)</script> then `tool`.'),
  'articles/summary-caption.md': record('summary-caption', '', '![Harbour](/img/h.jpg)\n*Ships at the breakwater. Photo: CNA*\n\nThe port reopened on Monday.'),
  // ----- summary fallback -----
  'articles/summary-fallback.md': record('summary-fallback', 'dateline: { city: Beijing, timezone: Asia/Shanghai }',
    'First *para* with &amp; and <b>bold</b>\nacross   two lines.\n\nSecond paragraph.'),
  'articles/summary-long.md': record('summary-long', '', `${'word '.repeat(80)}end.`),
  'articles/summary-given.md': record('summary-given', 'summary: "  Written summary.  "', 'First paragraph.'),
  'articles/summary-none.md': record('summary-none', '', '![A photo only](https://img.example.com/a.jpg)'),
  'articles/summary-heading.md': record('summary-heading', '', '## Only a heading'),
  'articles/summary-photo-first.md': record('summary-photo-first', '', '![A photo](https://img.example.com/a.jpg)\n\nThe text after  \nthe photo.'),
  'articles/photo-no-url.md': record('photo-no-url', 'image: { caption: Vendors sell falafel., credit: DAWOUD ABU ALKAS/REUTERS }', 'Text.'),
  // Review: 60,000 made-up tags took the line search 34 s (one search of the body each) and made a warning of 589 KB.
  'articles/unsafe/many-tags.md': record('many-tags', '', `Intro.\n\nWords ${Array.from({ length: 3000 }, (_, i) => `<x${i}></x${i}>`).join('')} end <script>x</script>.`),
  'articles/summary-code-first.md': record('summary-code-first', '', '```\nconst x = 1;\n```\n\nReal first paragraph.'),
};

let loaded: Loaded;
let built: BuildResult;
let rss: any;
let atom: any;
let json: any;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const site = await makeSite(FILES);
  cleanup = site.cleanup;
  loaded = await loadArticles(config, site.dir);
  built = buildFeeds(loaded.articles, config);
  rss = parseXml(built.outputs.get('rss.xml')!);
  atom = parseXml(built.outputs.get('atom.xml')!);
  json = JSON.parse(built.outputs.get('feed.json')!);
});
afterAll(() => cleanup());

function item(desk: string): FeedItem {
  const found = built.model.items.find((i) => i.id === `${PREFIX}${desk}`);
  if (found === undefined) throw new Error(`no item ${desk}; diagnostics: ${JSON.stringify(loaded.diagnostics)}`);
  return found;
}

/** The same item in the three outputs, decoded: title, summary and content as a reader gets them. */
function outputs(desk: string): { title: string[]; summary: (string | undefined)[]; content: string[] } {
  const id = `${PREFIX}${desk}`;
  const r = (rss.rss.channel.item as any[]).find((i) => text(i.guid) === id);
  const a = (atom.feed.entry as any[]).find((e) => text(e.id) === id);
  const j = (json.items as any[]).find((i) => i.id === id);
  expect(r && a && j, `item ${desk} in every format`).toBeTruthy();
  // An RSS item without a summary has its content as its description, and no content:encoded (the
  // validator's NeedDescriptionBeforeContent): then its description is the content, not a summary.
  const contentInDescription = r['content:encoded'] === undefined && j.summary === undefined;
  return {
    title: [text(r.title)!, text(a.title)!, j.title],
    // RSS readers render description as HTML, so it is read back through an HTML decoder, as they do.
    summary: [r.description === undefined || contentInDescription ? undefined : decodeHTML(text(r.description) ?? ''), text(a.summary), j.summary],
    content: [text(contentInDescription ? r.description : r['content:encoded'])!, text(a.content)!, j.content_html],
  };
}

/** The content every format carries equals the model's, byte for byte after decoding. */
function expectContent(desk: string, html: string): void {
  expect(item(desk).contentHtml).toBe(html);
  expect(outputs(desk).content).toEqual([html, html, html]);
}

const warningsFor = (file: string, code: string): Diagnostic[] =>
  [...loaded.diagnostics, ...built.diagnostics].filter((d) => d.file === file && d.code === code);

describe('fixtures', () => {
  it('all load; the only diagnostics are the warnings the tests below expect', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.model.items).toHaveLength(Object.keys(FILES).length);
  });
});

describe('unsafe markup is removed and named in a W_UNSAFE_MARKUP warning', () => {
  // At the line of the body where the first of it is written (QA: always the body's first line).
  it.each([
    { desk: 'script', file: 'articles/unsafe/script.md', line: 8, html: '<p>Before.</p>\n<p>After.</p>', named: '<script>' },
    { desk: 'iframe', file: 'articles/unsafe/iframe.md', line: 8, html: '<p>Watch:</p>\n<p>Done.</p>', named: '<iframe>' },
    { desk: 'onclick', file: 'articles/unsafe/onclick.md', line: 6, html: '<p>Click me</p>', named: 'on… event handlers' },
    {
      // `<object>` is inline Markdown, so its paragraph stays behind, empty.
      desk: 'mixed', file: 'articles/unsafe/mixed.md', line: 6, html: '<p>A</p><p></p>',
      named: '<iframe>, <object>, <script>, on… event handlers',
    },
    { desk: 'json-script', file: 'articles/unsafe/json-script.json', line: 1, html: '<p>Hello</p><p>World</p>', named: '<script>' },
    // A link that lost its URL leaves its text; an image that lost its source goes.
    { desk: 'jslink', file: 'articles/unsafe/jslink.md', line: 6, html: '<p>innocent text</p>', named: 'javascript: URLs' },
    { desk: 'jslink-html', file: 'articles/unsafe/jslink-html.md', line: 6, html: '<p>innocent text</p>', named: 'javascript: URLs' },
    // Any scheme not kept is named: an ftp: link and a data: image were removed without a word.
    // Removed with what they hold: a <template>'s text became the summary.
    { desk: 'template', file: 'articles/unsafe/template.json', line: 1, html: '<p>Shown.</p>', named: '<noscript>, <template>' },
    { desk: 'ftp', file: 'articles/unsafe/ftp.md', line: 6, html: '<p>Fetch the data or  now.</p>', named: 'data: URLs, ftp: URLs' },
    // However the scheme's letters are escaped or split (QA: these went without a word); and URLs that are none.
    { desk: 'escaped-js', file: 'articles/unsafe/escaped-js.md', line: 6, html: '<p>a b c</p>', named: 'javascript: URLs' },
    { desk: 'broken-url', file: 'articles/unsafe/broken-url.md', line: 6, html: '<p>space host and </p>', named: 'links or images whose URL is none' },
    // An iframe's text is shown by no browser: it goes with it (QA: "Video: the walkout" was printed).
    { desk: 'iframe-text', file: 'articles/unsafe/iframe-text.md', line: 8, html: '<p>Watch:</p>\n<p>Done.</p>', named: '<iframe>' },
    // Review: markup shown as code is not what was removed (the warning named line 6); a JSON record's body is
    // on its one line; `<!-->` is a comment already closed, so the script after it is reported.
    { desk: 'code-first', file: 'articles/unsafe/code-first.md', line: 12, html: '<p>Use <code>&lt;script&gt;</code> tags sparingly.</p>\n<pre><code>&lt;script&gt;shown()&lt;/script&gt;\n</code></pre>\n<p>After.</p>', named: '<script>' },
    { desk: 'json-lines', file: 'articles/unsafe/json-lines.json', line: 1, html: '<p>Line one.</p>\n<p>Line two.</p>', named: '<script>' },
    { desk: 'closed-comment', file: 'articles/unsafe/closed-comment.md', line: 6, html: '<p>After</p>', named: '<script>' },
    { desk: 'backslash-span', file: 'articles/unsafe/backslash-span.md', line: 7, html: '<p>See <code>C:\\backup\\</code> and</p>\n then `tool`.', named: '<script>' },
    {
      desk: 'many-tags', file: 'articles/unsafe/many-tags.md', line: 8, html: '<p>Intro.</p>\n<p>Words  end .</p>',
      named: `${['script', ...Array.from({ length: 3000 }, (_, i) => `x${i}`)].sort().slice(0, 20).map((t) => `<${t}>`).join(', ')}, 2,981 more tags`,
    },
    { desk: 'fence-lines', file: 'articles/unsafe/fence-lines.md', line: 11, html: '<p>Intro.</p>\n<pre><code>first code line\n&lt;script&gt;in code&lt;/script&gt;\n</code></pre>\n<p>Real words  here.</p>', named: '<script>' },
  ])('$desk', ({ desk, file, line, html, named }) => {
    expectContent(desk, html);
    expect(warningsFor(file, 'W_UNSAFE_MARKUP')).toEqual([
      { code: 'W_UNSAFE_MARKUP', severity: 'warning', file, line, field: 'body', message: `removed unsafe markup from the content: ${named}` },
    ]);
    for (const c of outputs(desk).content) expect(c).not.toMatch(/<script|<iframe|<object|\son[a-z]+\s*=|javascript:/i);
  });
  // (Found while writing these tests: a `javascript:` href used to be dropped silently, with no warning.
  // Fixed in renderBody, which now reports `javascript: URLs`; the two jslink rows keep it fixed.)

  it('a character reference to no character XML can hold is removed and counted, not decoded to U+FFFD', () => {
    expectContent('charrefs', '<p>CD EF OP A <code>&amp;#0;</code></p>');
    expect(warningsFor('articles/charrefs.md', 'W_CHARS_STRIPPED')).toMatchObject([{ message: expect.stringContaining('removed 3 characters') }]);
    expectContent('charrefs-link', '<p><a href="https://example.com/">QR \uFFFD &amp;&lt;</a> ST</p>');
    expect(warningsFor('articles/charrefs-link.md', 'W_CHARS_STRIPPED')).toMatchObject([{ message: expect.stringContaining('removed 2 characters') }]);
  });

  it('footnotes are a bracketed number where called and a list of notes at the end; nothing links into a page readers do not show', () => {
    expectContent('footnotes', '<p>Officials said so.<sup>[1]</sup> Twice.<sup>[1]</sup> Again.<sup>[2]</sup></p>\n'
      + '<hr />\n<section>\n<ol>\n<li>\n<p>A note with <strong>bold</strong>.</p>\n</li>\n<li>\n<p>Ministry figures.</p>\n</li>\n</ol>\n</section>');
    expect(warningsFor('articles/footnotes.md', 'W_UNSAFE_MARKUP')).toEqual([]);
  });

  it('Markdown nested thousands deep (a hostile record) does not stop the build: the content is its text, with a warning', () => {
    expectContent('deep-list', `<p>${'- '.repeat(2000)}a</p>\n<p>After.</p>`);
    expectContent('deep-quote', `<p>${'&gt;'.repeat(3000)} deep</p>`);
    for (const f of ['articles/deep-list.md', 'articles/deep-quote.md']) expect(warningsFor(f, 'W_BODY_TOO_DEEP')).toHaveLength(1);
  });

  it('lists or quotes nested more than 100 deep, tables padding rows with over 10,000 empty cells and HTML elements over 1,000 deep are text, with a warning; ordinary ones render (QA: seconds to minutes, megabytes)', () => {
    const asText = (body: string): string => body.split(/\n[^\S\n]*\n/).map((p) => p.trim()).filter((p) => p !== '')
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('\n');
    expectContent('indent-list', asText(Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')));
    expectContent('quote-levels', asText(Array.from({ length: 120 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n\n')));
    expectContent('wide-table', asText(`Before.\n\n|${'a|'.repeat(300)}\n|${'-|'.repeat(300)}\n${'|\n'.repeat(5000)}`));
    // (Escaped pipes are no cells: a row of 299 of them is one cell, and 299 empty ones.)
    expect(item('escaped-table').contentHtml).toMatch(/^<p>\|a\|/);
    for (const [file, code] of [['indent-list.md', 'W_BODY_TOO_DEEP'], ['quote-levels.md', 'W_BODY_TOO_DEEP'], ['wide-table.md', 'W_BODY_TABLE_TOO_LARGE'],
      ['escaped-table.md', 'W_BODY_TABLE_TOO_LARGE'], ['deep-html-md.md', 'W_BODY_TOO_DEEP']] as const) {
      expect(warningsFor(`articles/${file}`, code)).toHaveLength(1);
    }
    // An HTML body too deep to sanitise is its text without the markup: escaped, as any text.
    expectContent('deep-html', '<p>Lead &amp; more.</p>\n<p>x</p>');
    expect(warningsFor('articles/deep-html.json', 'W_BODY_TOO_DEEP')).toMatchObject([{ message: expect.stringContaining('nests elements more than 1,000 deep') }]);
    expectContent('deep-html-md', asText(`Lead **here**.\n\n${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`));
    expectContent('indent-ok', '<ul>\n<li>x0<ul>\n<li>x1<ul>\n<li>x2<ul>\n<li>x3<ul>\n<li>x4<ul>\n<li>x5<ul>\n<li>x6<ul>\n<li>x7</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>');
    expect(item('table-ok').contentHtml).toContain('<td align="left">B</td>\n<td align="right"></td>');
    // 3,000 paragraphs and 2,000 items never closed are not deep: each closes the one before, as HTML reads them.
    expect(item('many-p').contentHtml).toMatch(/^<p>para<\/p><p>para/);
    for (const f of ['indent-ok.md', 'table-ok.md', 'many-p.json']) {
      expect([...loaded.diagnostics, ...built.diagnostics].filter((d) => d.file === `articles/${f}`)).toEqual([]);
    }
  });

  it('Markdown marked throws on (a fault of its own) is its text, with a warning naming the fault; the build goes on', () => {
    expectContent('marked-fault', '<p>Lead.</p>\n<p>- x\n  &gt;-\n      7</p>');
    expect(warningsFor('articles/marked-fault.md', 'W_BODY_RENDER_FAILED')).toMatchObject([{ message: expect.stringContaining('failed on this body (Cannot read properties of undefined') }]);
  });

  it('names event handlers the parser finds on any tag, and none for a title that only mentions one (review)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const removed = (text: string, kind: 'markdown' | 'html' = 'html'): string[] => renderBody({ kind, text }, 'https://e.com/a/').removed;
    expect(removed('[link](https://e.com/x "click onmouseover=here")', 'markdown')).toEqual([]);
    expect(removed('<a title="x onclick=y" href="https://e.com/">a</a>')).toEqual([]);
    for (const text of ['<p ONCLICK=x>a</p>', '<a href="https://e.com/" onmouseover="x()">a</a>', '<img src="https://e.com/a.jpg" onerror="x()">', '<table><tr><td onclick="x">1</td></tr></table>']) {
      expect(removed(text), text).toEqual(['on… event handlers']);
    }
    expect(removed('<blink onclick="x">a</blink>')).toEqual(['<blink>', 'on… event handlers']);
  });

  it('an image with no URL at all goes with a warning, as one whose URL is none (review: it went without a word)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    for (const [text, kind] of [['<p>A<img alt="Photo: Reuters/Jane Doe">B</p>', 'html'], ['A ![Photo: Reuters]() B', 'markdown'], ['<p>A<img src="" alt="x">B</p>', 'html']] as const) {
      const r = renderBody({ kind, text }, 'https://e.com/a/');
      expect(r.html, text).toBe('<p>AB</p>'.replace('AB', kind === 'markdown' ? 'A  B' : 'AB'));
      expect(r.removed, text).toEqual(['a link or image whose URL is none']);
    }
  });

  it('an embed pasted self-closed (`<iframe … />`, `<script … />`) is removed and named, not shown as text; one left open is words (review)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const embed = renderBody({ kind: 'markdown', text: 'Watch:\n\n<iframe src="https://www.youtube.com/embed/abc" width="560"/>\n\nAfter the <script src="https://x.example/w.js" /> embed.' }, 'https://e.com/a/');
    expect(embed.html).toBe('<p>Watch:</p>\n<p>After the  embed.</p>');
    expect(embed.removed).toEqual(['<iframe>', '<script>']);
    const html = renderBody({ kind: 'html', text: '<p>Watch:</p><IFRAME SRC="https://www.youtube.com/embed/abc"/><p>After.</p>' }, 'https://e.com/a/');
    expect(html.html).toBe('<p>Watch:</p><p>After.</p>');
    expect(html.removed).toEqual(['<iframe>']);
    // (One self-closed and one closed later: the story between stays. Review: it all went as the first's content.)
    const two = renderBody({ kind: 'html', text: '<p>A</p><script src="x" /><p>Story.</p><script>1</script><p>End.</p>' }, 'https://e.com/a/');
    expect(two.html).toBe('<p>A</p><p>Story.</p><p>End.</p>');
    expect(two.removed).toEqual(['<script>']);
    const open = renderBody({ kind: 'markdown', text: 'An unclosed <script> element, and <iframe src="a b c /> unquoted, stay words.' }, 'https://e.com/a/');
    expect(open.html).toBe('<p>An unclosed &lt;script&gt; element, and &lt;iframe src="a b c /&gt; unquoted, stay words.</p>');
    expect(open.removed).toEqual([]);
  });

  it('a page\'s blocks pasted with the story stay blocks; an inline SVG goes with its labels (review: their text ran into the next words)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const footer = renderBody({ kind: 'html', text: '<p>Lead.</p><footer>Desk note</footer>Next words <address onclick="x">Bureau, Beijing</address>' }, 'https://e.com/a/');
    expect(footer.html).toBe('<p>Lead.</p><div>Desk note</div>Next words <div>Bureau, Beijing</div>');
    expect(footer.removed).toEqual(['on… event handlers']);
    const svg = renderBody({ kind: 'html', text: '<p>Rates <svg viewBox="0 0 9 9"><title>Chart of rates</title><text>2.5%</text></svg>held.</p>' }, 'https://e.com/a/');
    expect(svg.html).toBe('<p>Rates held.</p>');
    expect(svg.removed).toEqual(['<svg>', '<text>', '<title>']);
  });

  it('a <picture> keeps its <img> without a warning, and one with no <img> its first srcset source as the photo (review: the photo went)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const body = (text: string, kind: 'markdown' | 'html' = 'html') => renderBody({ kind, text }, 'https://e.com/a/');
    const both = body('<picture><source type="image/avif" srcset="https://e.com/p.avif"><img src="https://e.com/p.jpg" alt="Port"></picture><p>Text.</p>');
    expect(both).toMatchObject({ html: '<img src="https://e.com/p.jpg" alt="Port" /><p>Text.</p>', removed: [] });
    const sources = body('<PICTURE><source media="(min-width: 9px)"><Source srcset="p.webp 1x, p2.webp 2x"><source srcset="q.jpg"></PICTURE><p>Text.</p>');
    expect(sources).toMatchObject({ html: '<img src="https://e.com/a/p.webp" /><p>Text.</p>', removed: [] });
    expect(body('Seen <picture><source srcset="https://e.com/m.jpg"></picture> here.', 'markdown').html).toBe('<p>Seen <img src="https://e.com/m.jpg" /> here.</p>');
    // (A picture with no source of a URL has nothing to show; one never closed holds the rest.)
    expect(body('<picture><source media="x"></picture><p>A</p><picture><source srcset="z.jpg">').html).toBe('<p>A</p><img src="https://e.com/a/z.jpg" />');
  });

  it('a lone surrogate in Markdown (a footnote label too) is removed and counted before rendering (review: the body was text)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const r = renderBody({ kind: 'markdown', text: 'A note[^\ud800x] here.\n\n[^\ud800x]: The note.' }, 'https://e.com/a/');
    expect(r).toEqual({ html: '<p>A note<sup>[1]</sup> here.</p>\n<hr />\n<section>\n<ol>\n<li>\n<p>The note.</p>\n</li>\n</ol>\n</section>', removed: [], forbidden: 2 });
    // (A pair is one character, and stays.)
    expect(renderBody({ kind: 'markdown', text: 'Pair \ud83d\ude00, lone \udc00.' }, 'https://e.com/a/')).toEqual({ html: '<p>Pair \ud83d\ude00, lone .</p>', removed: [], forbidden: 1 });
  });

  it('a footnoted body marked throws on leaves the footnotes of the bodies after it as they were (review: every later one was text)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const noted = { kind: 'markdown' as const, text: 'A claim[^1] the ministry made.\n\n[^1]: Its statement of Monday.' };
    const before = renderBody(noted, 'https://e.com/a/');
    expect(before.html).toContain('<li>\n<p>Its statement of Monday.</p>');
    const failed = renderBody({ kind: 'markdown', text: 'Note[^1]\n\n[^1]: x\n\n- x\n  >-\n      7' }, 'https://e.com/a/');
    expect(failed.renderFailed).toContain('Cannot read properties of undefined');
    expect(renderBody(noted, 'https://e.com/a/')).toEqual(before);
  });

  it('Markdown that would take marked seconds (a long run with no space, full of `_`) is its text, with a warning; long prose and blobs are not', () => {
    expectContent('slow-run', `<p>Before.</p>\n<p>${'_a'.repeat(40000)}</p>\n<p>After *this*.</p>`);
    expect(warningsFor('articles/slow-run.md', 'W_BODY_TOO_SLOW')).toMatchObject([{ line: 6, message: expect.stringContaining('would take seconds') }]);
    expectContent('long-prose', `<p>${'Talks resume in <em>Doha</em> this week, officials said. '.repeat(1200)}</p>`);
    expectContent('long-blob', `<p>Key: ${`${'Ab0'.repeat(21)}_`.repeat(940)} <em>end</em></p>`);
    for (const f of ['articles/long-prose.md', 'articles/long-blob.md']) expect(warningsFor(f, 'W_BODY_TOO_SLOW')).toEqual([]);
  });

  it('links back to back by the ten thousand, and footnote marks by the ten thousand or on long lines, are text, each said (review: 27 s, 141 s, 15 s)', () => {
    expectContent('slow-links', `<p>Before.</p>\n<p>${'[a](b)'.repeat(40000)}</p>`);
    expect(warningsFor('articles/slow-links.md', 'W_BODY_TOO_SLOW')).toMatchObject([{ message: expect.stringContaining('long runs of links with no space between them') }]);
    expect(item('slow-note-marks').contentHtml).toBe(`<p>Before.</p>\n<p>${'Note[^'.repeat(30000)}</p>`);
    for (const desk of ['slow-note-marks', 'slow-notes']) {
      expect(warningsFor(`articles/${desk}.md`, 'W_BODY_TOO_SLOW')).toMatchObject([{ message: expect.stringContaining('footnote marks') }]);
    }
    // A long story with a footnote called on every line and a link in every sentence renders.
    expect(warningsFor('articles/long-notes.md', 'W_BODY_TOO_SLOW')).toEqual([]);
    expect(item('long-notes').contentHtml).toContain('<sup>[1]</sup>');
  });

  it('runs of `_a` between spaces, and bodies just under several bounds at once, are too slow too (review: 47 s and 3.3 s unflagged)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const slow = (text: string): string | undefined => renderBody({ kind: 'markdown', text }, 'https://e.com/a/').tooSlow;
    expect(slow(Array(1000).fill('_a'.repeat(100)).join(' '))).toBe('runs');
    expect(slow('_a'.repeat(22000))).toBe('runs');
    expect(slow(`${'[a](b)'.repeat(18000)}\n\n${'Note[^'.repeat(6000)}\n\n${'_a'.repeat(9000)}`)).toBeDefined();
    // A long read: emphasis and links in every sentence, footnotes, URLs with underscores; a paragraph of 200 KB.
    expect(slow(('The *minister* said on _Monday_ that the [plan](https://e.com/a_b_c) would go ahead.[^1] '.repeat(8) + '\n\n').repeat(250))).toBeUndefined();
    expect(slow('The *minister* said on _Monday_ that the plan would go ahead. '.repeat(3300))).toBeUndefined();
    // (Paragraphs ended by CRLF are paragraphs too.)
    expect(slow(('The *minister* said on _Monday_ that the plan would go ahead. '.repeat(8) + '\r\n\r\n').repeat(4000))).toBeUndefined();
  });

  it('tables of more than 50,000 cells in all are text, said so (review: 960 KB of small tables took 10.8 s and 1.3 GB)', () => {
    expect(item('many-cells').contentHtml?.startsWith('<p>| a | b | c | d | e |\n|---|')).toBe(true);
    expect(warningsFor('articles/many-cells.md', 'W_BODY_TABLE_TOO_LARGE')).toMatchObject([{ message: expect.stringContaining('more than 50,000 cells in all') }]);
  });

  it('a link to an IPv6 host is kept in Markdown as in HTML (QA: marked escaped its brackets, and the link was dropped as no URL)', () => {
    expectContent('ipv6', '<p>See <a href="http://[2001:db8::1]:8080/a%5Bb%5D">the mirror</a> and <a href="http://[2001:db8::2]/">the other</a>.</p>');
    expect(warningsFor('articles/ipv6.md', 'W_UNSAFE_MARKUP')).toEqual([]);
  });

  it('links and images that lose their URL go however many there are, in one pass (review: 100,000 links without one took the sanitiser 59 s)', async () => {
    const { renderBody } = await import('../src/core/content.js');
    const many = renderBody({ kind: 'html', text: `<p>${'<a>xy</a> <img src="javascript:x">'.repeat(20_000)}<a href="https://e.com/x">out <a name="q">in</a> tail</a></p>` }, 'https://e.com/a/');
    expect(many.html).toBe(`<p>${'xy '.repeat(20_000)}<a href="https://e.com/x">out in tail</a></p>`);
    expect(many.removed).toEqual(['javascript: URLs']);
  });

  it('a tel: link (a tip line) is kept', () => {
    expectContent('tel', '<p>Call the tip line at <a href="tel:+15550100">+1 555 0100</a>.</p>');
  });

  it('safe content produces no W_UNSAFE_MARKUP warning', () => {
    for (const file of ['articles/md.md', 'articles/html.json', 'articles/gaza.md', 'articles/2025/02/links.md', 'articles/tel.md']) {
      expect(warningsFor(file, 'W_UNSAFE_MARKUP')).toEqual([]);
    }
  });
});

describe('relative URLs become absolute against the article URL', () => {
  it.each([
    {
      desk: 'links',
      html: '<p>See <a href="https://news.example.com/reports/x.pdf">the report</a>, '
        + '<img src="https://news.example.com/2025/02/images/c.png" alt="chart" /> and '
        + '<a href="https://news.example.com/2025/up.html">up</a>.</p>',
    },
    {
      desk: 'links-html',
      html: '<p><a href="https://news.example.com/reports/x.pdf">report</a> '
        + '<img src="https://news.example.com/2025/02/images/c.png" alt="c" /> '
        + '<a href="https://news.example.com/2025/up.html">up</a> <a href="https://other.example/abs">abs</a></p>',
    },
    {
      desk: 'links-url',
      html: '<p><a href="https://news.example.com/world/2025/images/a.png">a</a> <a href="https://news.example.com/b">b</a> '
        + '<a href="https://news.example.com/world/c.html">c</a> '
        + '<a href="https://news.example.com/world/2025/story.html#part-2">d</a></p>',
    },
  ])('$desk', ({ desk, html }) => {
    expectContent(desk, html);
  });

  it('the photo URL resolves against the article URL too', () => {
    expect(item('photo-only').image?.url).toBe('https://news.example.com/img/p.png');
  });
});

describe('characters XML cannot carry as is', () => {
  it('`]]>` in title, summary and body round-trips as text, and never appears raw in the XML', () => {
    const o = outputs('cdata');
    expect(o.title).toEqual(['Talks ]]> resume', 'Talks ]]> resume', 'Talks ]]> resume']);
    expect(o.summary).toEqual(Array(3).fill('Talks ]]> resume & <go> on'));
    expectContent('cdata', '<p>Tail ]]&gt; of a CDATA section &amp; <b>bold</b>.</p>');
    expect(decodeHTML((item('cdata').contentHtml ?? '').replace(/<[^>]*>/g, ''))).toBe('Tail ]]> of a CDATA section & bold.');
    for (const name of ['rss.xml', 'atom.xml']) {
      const xml = built.outputs.get(name)!;
      expect(xml).not.toContain(']]>');
      expect(xml).toContain('Talks ]]&gt; resume');
    }
  });

  it.each([
    { file: 'articles/ctl.md', line: 3, field: 'title', removed: 2, desk: 'ctl', title: 'Bad title!' },
    { file: 'articles/ctl.md', line: 6, field: 'body', removed: 1, desk: 'ctl', title: 'Bad title!' },
    { file: 'articles/ctl-json.json', line: 4, field: 'title', removed: 2, desk: 'ctl-json', title: 'Nul and  gone' },
  ])('control characters in $file $field: W_CHARS_STRIPPED at line $line, gone from output', ({ file, line, field, removed, desk, title }) => {
    expect(warningsFor(file, 'W_CHARS_STRIPPED').filter((d) => d.field === field)).toEqual([{
      code: 'W_CHARS_STRIPPED', severity: 'warning', file, line, field,
      message: `removed ${removed} character${removed === 1 ? '' : 's'} that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates)`,
    }]);
    expect(outputs(desk).title).toEqual([title, title, title]);
  });

  it('the stripped body keeps its text', () => {
    expectContent('ctl', '<p>Body text.</p>');
  });

  it('character references to forbidden characters (`&#1;`) are stripped after decoding, with a warning at the body', () => {
    expectContent('charref', '<p>Ref  and  gone, A kept.</p>');
    expect(item('charref').summary).toBe('Ref and gone, A kept.');
    expect(warningsFor('articles/charref.md', 'W_CHARS_STRIPPED')).toEqual([{
      code: 'W_CHARS_STRIPPED', severity: 'warning', file: 'articles/charref.md', line: 6, field: 'body',
      message: 'removed 2 characters that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates)',
    }]);
  });

  it('no output carries a character XML 1.0 forbids', () => {
    for (const out of built.outputs.values()) expect(out).not.toMatch(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  });
});

describe('bodies', () => {
  it('Markdown renders headings, emphasis, code, lists and quotes', () => {
    expectContent('md', [
      '<h2>Heading</h2>',
      '<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>',
      '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
      '<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
      '<blockquote>\n<p>quoted</p>\n</blockquote>',
    ].join('\n'));
  });

  it('a JSON record with content_html keeps its (safe) HTML as given', () => {
    expectContent('html', '<h2>Sub</h2><p>Hello <b>world</b> &amp; <em>friends</em>.</p><ul><li>x</li></ul>');
    expect(outputs('html').summary).toEqual(['Given summary.', 'Given summary.', 'Given summary.']);
  });

  it('a JSON record with a Markdown body renders it', () => {
    expectContent('json-md', '<p>A <em>Markdown</em> body.</p>');
  });
});

describe('assembly: photo first, dateline leading the first paragraph, credits last', () => {
  it('agency copy with photo, dateline and a contributor (the seed story)', () => {
    expectContent('gaza', [
      '<figure><img src="https://img.example.com/falafel.jpg" alt="Vendors offer falafel in Gaza City." width="1200" height="800" />'
        + '<figcaption>Vendors offer falafel in Gaza City. <span class="photo-credit">DAWOUD ABU ALKAS/REUTERS</span></figcaption></figure>',
      '<p><span class="dateline">WASHINGTON, Feb. 4 (Xinhua) --</span> Benjamin Netanyahu was due at the White House on Tuesday.</p>',
      '<p>Second paragraph.</p>',
      '<p class="credit">Mike Gu in Hong Kong contributed to this story.</p>',
      '<p class="credit">Agencies via Xinhua</p>',
    ].join('\n'));
    expect(item('gaza').creditLines).toEqual(['Mike Gu in Hong Kong contributed to this story.', 'Agencies via Xinhua']);
    expect(item('gaza').dateline?.text).toBe('WASHINGTON, Feb. 4 (Xinhua) --');
  });

  it('an agency written as its credit line (`Agencies via Xinhua`) is the agency Xinhua, via Agencies: the dateline names Xinhua', () => {
    expect(item('agency-line').dateline?.text).toBe('WASHINGTON, Feb. 4 (Xinhua) --');
    expect(item('agency-line').creditLines).toEqual(['Agencies via Xinhua']);
    expect(item('agency-line').url).toBe('https://news.example.com/2025/a:b.html?to=https://x.example/');
    // Given a `via` of its own, the name is kept as written.
    expect(item('agency-via').creditLines).toEqual(['Desk via Agencies via Xinhua']);
  });

  it('the byline leads; contributors are grouped by role in record order, then the agency line', () => {
    expectContent('credits', [
      '<p class="byline">By Li Wen</p>',
      '<p>Only paragraph.</p>',
      '<p class="credit">Chen Yu in Tianjin and Bo Tan contributed to this story.</p>',
      '<p class="credit">Research by Wang Lei and Ana Ruiz.</p>',
      '<p class="credit">AP</p>',
    ].join('\n'));
  });

  it('a photo without a URL: its credit at item level in RSS and Atom (Media RSS), the caption in the content, both in _credits in JSON Feed', () => {
    const id = `${PREFIX}photo-no-url`;
    const r = (rss.rss.channel.item as any[]).find((i) => text(i.guid) === id);
    const a = (atom.feed.entry as any[]).find((e) => text(e.id) === id);
    const j = (json.items as any[]).find((i) => i.id === id);
    for (const x of [r, a]) {
      expect(x['media:credit']).toEqual({ '@role': 'photographer', '@scheme': 'urn:ebu', '#text': 'DAWOUD ABU ALKAS/REUTERS' });
      // No item-level media:description: feedparser reads it as the story's summary (kurtmckee/feedparser#53).
      expect(x['media:description']).toBeUndefined();
      expect(x['media:content']).toBeUndefined();
    }
    expect(text(r['content:encoded'])).toContain('Vendors sell falafel.');
    expect(j._credits.photo).toMatchObject({ caption: 'Vendors sell falafel.', credit: 'DAWOUD ABU ALKAS/REUTERS' });
    expect(j.image).toBeUndefined();
  });

  it('the byline names every author, in the article\'s language, escaped', () => {
    expectContent('byline-zh', '<p class="byline">作者：王晓岚、李华</p>\n<p>正文。</p>');
    expectContent('byline-three', '<p class="byline">By Jane Doe, Kenji Sato and &lt;Li&gt; Wen</p>\n<p>Text.</p>');
    // A name that holds a comma, "and" or "&": the list takes semicolons, so a reader can count the people.
    expectContent('byline-commas', `<p class="byline">By Smith, John; Jane Doe and Bob Roe; Ann O'Neil</p>\n<p>Text.</p>`);
    expectContent('byline-amp', '<p class="byline">By Jane Doe; Kim &amp; Park</p>\n<p>Text.</p>');
  });

  it('a body that does not open with a paragraph gets the dateline in a paragraph of its own', () => {
    expectContent('heading-first', '<p class="dateline"><span class="dateline">BEIJING, Feb. 5 --</span></p>\n<h2>Analysis</h2>\n<p>Text.</p>');
  });

  it('a body that opens with a photo: the dateline leads the first words, not the photo', () => {
    expectContent('photo-first', '<p><img src="https://news.example.com/img/sq.png" alt="A square" /></p>\n<p><span class="dateline">BEIJING, Feb. 5 --</span> First words.</p>');
  });

  // QA: the dateline led a linked photo or a caption, or stood alone above a photo in raw HTML or before a
  // paragraph with attributes.
  it('past a photo in a link, a photo and its caption in italics, a raw image or figure: the dateline leads the first words', () => {
    const words = '<span class="dateline">BEIJING, Feb. 5 --</span> Lanterns rose.</p>';
    expectContent('photo-linked', `<p><a href="https://news.example.com/img/l-large.jpg"><img src="https://news.example.com/img/l.jpg" alt="Lanterns" /></a></p>\n<p>${words}`);
    expectContent('photo-caption', `<p><img src="https://news.example.com/img/l.jpg" alt="Lanterns" />\n<em>Lanterns over the river. Photo: CNA</em></p>\n<p>${words}`);
    expect(item('photo-raw').contentHtml).toMatch(new RegExp(`^<img [^>]*/>\\s*<p>${words.replace(/[()]/g, '\\$&')}$`));
    expect(item('photo-figure').contentHtml).toMatch(/^<figure>.*<\/figure>\s*<p><span class="dateline">BEIJING, Feb\. 5 --<\/span> Lanterns rose\.<\/p>$/);
    expectContent('p-with-dir', `<p dir="ltr" lang="en">${words}`);
    // Italics with no photo are the story's words.
    expectContent('italic-first', "<p><span class=\"dateline\">BEIJING, Feb. 5 --</span> <em>An editor's note.</em></p>\n<p>Text.</p>");
  });

  it('an element that reads text to its closing tag (script, style, title, xmp…), left open in prose, keeps the rest of the story (QA: it was gone)', () => {
    expectContent('unclosed-script', '<p>The page used an unclosed &lt;script&gt; element, officials said.</p>\n<p>A second paragraph.</p>\n<p>A &lt;TITLE&gt; and an &lt;xmp&gt; left open.</p>');
    expect(item('unclosed-script').summary).toBe('The page used an unclosed <script> element, officials said.');
  });

  it('a note before the story (Editor\'s note:, EDITOR\'S NOTE —, Correction:, 编者按：): the dateline and the summary pass over it to the first words', () => {
    const lead = '<span class="dateline">BEIJING, Feb. 5 --</span>';
    expectContent('note-bold', `<p><strong>Editor's note:</strong> This story was updated with the ministry's figures.</p>\n<p>${lead} Talks resumed on Wednesday.</p>`);
    expect(item('note-bold').summary).toBe('Talks resumed on Wednesday.');
    expect(item('note-wire').contentHtml).toMatch(new RegExp(`<p>${lead} The port reopened\\.</p>$`));
    expect(item('note-wire').summary).toBe('The port reopened.');
    expect(item('note-zh').contentHtml).toMatch(/<p><span class="dateline">[^<]+<\/span> 港口重新开放。<\/p>$/);
    expect(item('note-zh').summary).toBe('港口重新开放。');
    // A note alone: the dateline leads it, and it is the summary.
    expectContent('note-alone', `<p>${lead} Correction: the figures were revised.</p>`);
    expect(item('note-alone').summary).toBe('Correction: the figures were revised.');
    // A label needs its colon or dash: "Corrections officers" are the story's words.
    expect(item('not-a-note').contentHtml).toMatch(new RegExp(`^<p>${lead} Corrections officers`));
    expect(item('not-a-note').summary).toBe('Corrections officers said the prison was calm.');
    expect(item('not-a-note-hyphen').summary).toBe('Correction-officers said the prison was calm.');
    expect(item('not-a-note-hyphen').contentHtml).toMatch(new RegExp(`^<p>${lead} Correction-officers`));
    // A note followed by a heading or a list, not a paragraph: the dateline leads it, and it is the summary (review).
    for (const desk of ['note-heading', 'note-list']) {
      expect(item(desk).contentHtml, desk).toMatch(new RegExp(`^<p>${lead} Editor's note: updated\\.</p>`));
      expect(item(desk).summary, desk).toBe("Editor's note: updated.");
    }
  });

  it('a lazy-loaded image keeps its real URL (data-src), one with a srcset alone its first; details, summary, aside and table alignment are kept', () => {
    expectContent('lazy-img', '<p><img src="https://news.example.com/img/real.jpg" alt="lazy" /> <img alt="set" src="https://news.example.com/img/a.jpg" /></p>');
    expect(item('details').contentHtml).toBe("<details><summary>Editor's note</summary><p>This story was updated.</p></details><aside>A pull quote.</aside><p>Text.</p>");
    expect(item('table-align').contentHtml).toContain('<th align="right">Ships</th>');
    expect(item('table-align').contentHtml).toContain('<td align="right">12</td>');
    // Review: another value came out as a bare `align`; one in capitals is GFM's in lower case.
    expect(item('align-values').contentHtml).toBe('<table><tr><td align="right">1</td><td>2</td><td>3</td></tr></table>');
    expect([...warningsFor('articles/details.md', 'W_UNSAFE_MARKUP'), ...warningsFor('articles/lazy-img.md', 'W_UNSAFE_MARKUP'), ...warningsFor('articles/table-align.md', 'W_UNSAFE_MARKUP')]).toEqual([]);
  });

  it('blank image URLs are none (the image goes), a srcset URL keeps its commas, and a data: placeholder gives way to the srcset', () => {
    expectContent('img-urls', '<p>AB<img src="https://news.example.com/img/b.jpg" alt="set" /> <img alt="commas" src="https://res.example.com/w_300,h_200/s.jpg" /> <img src="https://news.example.com/img/real.jpg" alt="placeholder" /></p>');
  });

  it('the dateline leads words after a photo in its paragraph; a caption with words outside its italics is words', () => {
    expectContent('photo-words', '<p><img src="https://news.example.com/img/l.jpg" alt="Lanterns" /> <span class="dateline">BEIJING, Feb. 5 --</span> Lanterns rose.</p>');
    expect(item('photo-caption-words').contentHtml).toMatch(/^<p><img [^>]*\/>\n<span class="dateline">BEIJING, Feb\. 5 --<\/span> <em>Caption<\/em> text/);
  });

  it('a caption with the words on its next line, or alone in the paragraph after the photo, is passed over too', () => {
    expect(item('caption-next-line').contentHtml).toMatch(/<\/em>\n<span class="dateline">BEIJING, Feb\. 5 --<\/span> The port reopened\.<\/p>$/);
    expect(item('caption-own-paragraph').contentHtml).toMatch(/<p><em>Ships at the breakwater\. Photo: CNA<\/em><\/p>\n<p><span class="dateline">BEIJING, Feb\. 5 --<\/span> The port reopened\.<\/p>$/);
    expect([item('caption-next-line').summary, item('caption-own-paragraph').summary]).toEqual(['The port reopened.', 'The port reopened.']);
    // srcset descriptors alone are no URL; a data: lazy URL gives way to the src.
    expectContent('img-descriptors', '<p>AB<img alt="c" src="https://news.example.com/img/c.jpg" /> <img src="https://news.example.com/img/real.jpg" alt="d" /></p>');
  });

  it('a figure is passed over whole by the summary, as by the dateline, whatever its caption holds', () => {
    expect(item('figure-span-caption').summary).toBe('The port reopened.');
    expect(item('figure-span-caption').contentHtml).toMatch(/<p><span class="dateline">BEIJING, Feb\. 5 --<\/span> The port reopened\.<\/p>$/);
  });

  it('italics after a heading are no caption; after a raw image they are', () => {
    expect(item('photo-heading-italics').summary).toBe('Why the port matters now');
    expect(item('raw-img-caption').summary).toBe('Words.');
    expect(item('raw-img-caption').contentHtml).toMatch(/<p><span class="dateline">BEIJING, Feb\. 5 --<\/span> Words\.<\/p>$/);
  });

  it('the summary passes over a photo and its caption, as the dateline does', () => {
    expect(item('summary-caption').summary).toBe('The port reopened on Monday.');
  });

  it('markup inside an HTML comment is not reported as removed (nothing in it was shown)', () => {
    expectContent('comment-markup', '<p>Text.</p>\n<p>More.</p>');
    expect(warningsFor('articles/comment-markup.md', 'W_UNSAFE_MARKUP')).toEqual([]);
  });

  it('a photo credit with no photo or caption says it is one, in the byline\'s words (review: `Tom Reed/Reuters` stood alone above the story)', () => {
    expectContent('credit-only', '<p class="photo-caption">Photo: <span class="photo-credit">Tom Reed/Reuters</span></p>\n<p>Words.</p>');
    expectContent('credit-only-zh', '<p class="photo-caption">圖片：<span class="photo-credit">路透社</span></p>\n<p>正文。</p>');
    expect(item('credit-only-ar').contentHtml).toMatch(/^<p class="photo-caption" dir="ltr">Photo: <span class="photo-credit">رويترز<\/span><\/p>/);
    expectContent('credit-labelled', '<p class="photo-caption"><span class="photo-credit">Photo: Tom Reed/Reuters</span></p>\n<p>Words.</p>');
  });

  it('photo captions are escaped, and an empty body leaves only the figure', () => {
    expectContent('photo-only',
      '<figure><img src="https://news.example.com/img/p.png" alt="A &lt;caption&gt; &amp; more" />'
      + '<figcaption>A &lt;caption&gt; &amp; more</figcaption></figure>');
  });
});

describe('summary', () => {
  it('falls back to the first paragraph as plain text (tags dropped, entities decoded, whitespace collapsed, no dateline)', () => {
    const s = 'First para with & and bold across two lines.';
    expect(item('summary-fallback').summary).toBe(s);
    expect(outputs('summary-fallback').summary).toEqual([s, s, s]);
    expect(item('summary-fallback').contentHtml).toContain('<span class="dateline">BEIJING, Feb. 5 --</span> First');
  });

  it('a long first paragraph is cut at a word boundary with an ellipsis', () => {
    const s = `${'word '.repeat(59)}word…`;
    expect(item('summary-long').summary).toBe(s);
    expect([...s].length).toBeLessThanOrEqual(301);
  });

  it('a written summary wins, trimmed', () => {
    expect(outputs('summary-given').summary).toEqual(['Written summary.', 'Written summary.', 'Written summary.']);
  });

  it('no text, no summary: the element is left out everywhere, the desk is told (W_NO_TEXT), and RSS carries the photo as the description', () => {
    expect(item('summary-none').summary).toBeUndefined();
    expect(outputs('summary-none').summary).toEqual([undefined, undefined, undefined]);
    // (Not content:encoded alone: the validator's NeedDescriptionBeforeContent, and readers that show the description only.)
    const r = (rss.rss.channel.item as any[]).find((i) => text(i.guid) === `${PREFIX}summary-none`);
    expect([r['content:encoded'], text(r.description)]).toEqual([undefined, '<p><img src="https://img.example.com/a.jpg" alt="A photo only" /></p>']);
    expect(warningsFor('articles/summary-none.md', 'W_NO_TEXT').map((d) => [d.line, d.field, d.message])).toEqual([
      [6, 'body', expect.stringMatching(/^the body holds photos and no text, and the record has no summary/)],
    ]);
    // A body with a word after its photo, or one that opens with markup and then words, is not told.
    for (const desk of ['summary-photo-first', 'summary-heading', 'summary-code-first']) expect(warningsFor(`articles/${desk}.md`, 'W_NO_TEXT')).toEqual([]);
  });

  it('a body that opens with a photo takes its summary from the first paragraph with text; a line break is a space', () => {
    expect(item('summary-photo-first').summary).toBe('The text after the photo.');
    expect(outputs('summary-photo-first').summary).toEqual(['The text after the photo.', 'The text after the photo.', 'The text after the photo.']);
  });

  it('a body with no paragraph (a heading only) gives its text', () => {
    expect(item('summary-heading').summary).toBe('Only a heading');
  });

  // Found while writing these tests: excerpt() used /<p[^>]*>/ to find the first paragraph, which also
  // matches `<pre>`, so this body's summary was "const x = 1; Real first paragraph.". Fixed; keep it so.
  it('a summary leaves out footnote marks, which point at notes it does not carry', () => {
    expect(item('footnotes').summary).toBe('Officials said so. Twice. Again.');
  });

  it('a body opening with a code block takes its summary from the first real paragraph', () => {
    expect(item('summary-code-first').summary).toBe('Real first paragraph.');
  });
});
