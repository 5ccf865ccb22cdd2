/**
 * Bodies that make Markdown parsers slow: how long one body takes to render and sanitise, as the body
 * grows; then record fields shaped to make the credit checks slow (one record validated and built). A time that quadruples when the body doubles is a quadratic case; a hostile or broken record
 * (a wire file cut mid-link, a pasted blob) would hold the build up for that long.
 * Run: npm run bench:hostile [-- --sizes 25000,50000,100000 --runs 3]
 * Prints the median time of each body at each size, in milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { renderBody } from '../src/core/content.js';
import { buildFeeds, resolveConfig, validateRecords, type RawRecord } from '../src/index.js';
import { importText } from '../src/importers/text.js';
import { terminalImporter } from '../src/importers/_terminal.js';
import { openMessage } from '../src/importers/_message.js';
import { importNewsml } from '../src/importers/newsml.js';
import { importFeed } from '../src/importers/feed.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '25000,50000,100000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

/** Each body: a unit repeated to the size asked for. */
const BODIES: Record<string, string> = {
  'unclosed links `[a](`': '[a](',
  'unclosed link, then spaces `[](   …`': ' ',
  'images `![a](`': '![a](',
  'code marks `` `a ``': '`a',
  'emphasis `*a`': '*a',
  'emphasis `_a`': '_a',
  'emphasis, spaced `*a `': '*a ',
  'brackets `[`': '[',
  'angle brackets `<a`': '<a',
  'links `[link](x)`': '[link](x)',
  'plain prose': 'The talks resume in Doha this week, officials said. ',
  // (A JSON record's content_html, sanitised as it is: tags never closed made the event-handler check
  // quadratic, 7.5 s at 250 KB, until the eighteenth session.)
  'html: tags never closed `<a `': '<a ',
  'html: `<figure` never closed': '<figure',
  // (Twenty-ninth session's review: each of these took seconds to minutes at 100 KB–1 MB.)
  'links back to back `[a](b)`': '[a](b)',
  'footnote marks `Note[^`': 'Note[^',
  'html: `<script>` never closed': '<script>',
  'tables of two cells `a|b`': 'a|b\n-|-\n',
  'runs of `_a` between spaces': `${'_a'.repeat(100)} `,
  // (Thirtieth session's review: the <picture> fallback searched to the end from each, 12.9 s at 360 KB.)
  'html: `<picture ` never closed': '<picture ',
  'html: `<source ` in a picture never closed': '<picture><source ',
};

/** Bodies of a shape rather than a unit (twentieth-eighth session: the bounds in src/core/_bounds.ts), made to about `size` characters. */
const SHAPED: Record<string, { kind: 'markdown' | 'html'; make: (size: number) => string }> = {
  'lists nested by indentation': { kind: 'markdown', make: (size) => {
    const lines: string[] = [];
    for (let i = 0, n = 0; n < size; i += 1, n += 2 * i + 4) lines.push(`${'  '.repeat(i)}- x`);
    return lines.join('\n');
  } },
  'table: 300 columns, rows of `|`': { kind: 'markdown', make: (size) => `|${'a|'.repeat(300)}\n|${'-|'.repeat(300)}\n${'|\n'.repeat(Math.max(0, (size - 1204) / 2))}` },
  'footnotes: as many notes as calls': { kind: 'markdown', make: (size) => {
    const n = Math.round(size / 20);
    return `${Array.from({ length: n }, (_, i) => `[^${i}]: n`).join('\n')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]`).join(' ')}`;
  } },
  'html: `<span>` nested': { kind: 'html', make: (size) => `${'<span>'.repeat(size / 13)}x${'</span>'.repeat(size / 13)}` },
  'html: `<div>` nested in Markdown': { kind: 'markdown', make: (size) => `${'<div>'.repeat(size / 11)}x${'</div>'.repeat(size / 11)}` },
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

console.log(`| body | ${sizes.map((s) => `${s / 1000} KB`).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
for (const [name, unit] of Object.entries(BODIES)) {
  const cells = sizes.map((size) => {
    const text = name.startsWith('unclosed link, then') ? `[](${unit.repeat(size - 3)}` : unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      renderBody({ kind: name.startsWith('html: ') ? 'html' : 'markdown', text }, 'https://news.example.com/a/');
      times.push(performance.now() - t);
    }
    return median(times).toFixed(0);
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
for (const [name, { kind, make }] of Object.entries(SHAPED)) {
  const cells = sizes.map((size) => {
    const text = make(size);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      renderBody({ kind, text }, 'https://news.example.com/a/');
      times.push(performance.now() - t);
    }
    return median(times).toFixed(0);
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}

/** Record fields of about `n` characters (or `n / 30` credits) that regexes over spaces, dots or repeats could make quadratic. */
const FIELDS: Record<string, (n: number) => Record<string, unknown>> = {
  'author name: `a@` and dots': (n) => ({ authors: [`a@${'.'.repeat(n)}x`] }),
  'contributor role: spaces': (n) => ({ contributors: [{ name: 'Jane Doe', role: `a${' '.repeat(n)}x` }] }),
  'agency: spaces, then `vi`': (n) => ({ agency: `a${' '.repeat(n)}vi` }),
  'agency: ` Via` repeated': (n) => ({ agency: `A${' Via'.repeat(n / 4)} B` }),
  'section: spaces and a line break': (n) => ({ section: `A${' '.repeat(n)}\n B` }),
  'author name: direction controls opened, then PDIs': (n) => ({ authors: [`${'\u202e'.repeat(n / 2)}${'\u2069'.repeat(n / 2)}`] }),
  'title: an isolate, embeddings, PDI and embedding repeated': (n) => ({ title: `\u2066${'\u202a'.repeat(n / 2)}${'\u2069\u202a'.repeat(n / 4)}` }),
  'contributors of one name, places differing (n / 30)': (n) => ({ contributors: Array.from({ length: Math.round(n / 30) }, (_, i) => ({ name: 'A', location: `L${i}` })) }),
  // (The body, `__body`: what finding the line of removed markup scans, review of the eighteenth session.)
  'body: backtick runs of growing length, then a script': (n) => {
    let text = 'x';
    for (let k = 1; text.length < n; k++) text += ` ${'`'.repeat(k)}`;
    return { __body: `Words <script>x</script>.\n\n${text}` };
  },
};
const { config } = resolveConfig({ title: 'Hostile', siteUrl: 'https://news.example.com/', idPrefix: 'tag:news.example.com,2025:', timezone: 'Asia/Shanghai' }, 'bench', () => 1);
console.log('');
console.log(`| record field | ${sizes.map((s) => `${s / 1000} KB`).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
for (const [name, fields] of Object.entries(FIELDS)) {
  const cells = sizes.map((size) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const { __body, ...data } = fields(size);
      const raw: RawRecord = { file: 'a.md', kind: 'markdown', data: { id: 'a', title: 'T', date: '2025-02-05 09:24', ...data }, body: typeof __body === 'string' ? __body : 'Body.', lineOf: () => 1, slugPath: 'a' };
      const t = performance.now();
      buildFeeds(validateRecords([raw], config!).articles, config!);
      times.push(performance.now() - t);
    }
    return median(times).toFixed(0);
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}

/**
 * Pages of copy for the text importer: a story's head, then lines shaped to make its line reading slow
 * (a page of 100,000 one-letter lines took 30 s until the twenty-eighth session: joining lines by `+`
 * and reading the last character flattened the string at every line). Sizes are lines, not characters.
 */
const PAGES: Record<string, (n: number) => string> = {
  'one-letter lines': (n) => `Home > World\nTalks resume in Doha\nUpdated: 2025-02-05 09:24\n\nDOHA — Talks resumed.\n\n${'a\n'.repeat(n)}`,
  'one-character paragraphs': (n) => `Talks resume in Doha\nUpdated: 2025-02-05 09:24\n\n${'a\n\n'.repeat(n)}`,
  'Chinese lines': (n) => `会谈在多哈恢复\n更新：2025-02-05 09:24\n\n${'中\n'.repeat(n)}`,
  // (And lines with no stamp, every one a line of the head: 2.5 s at 100,000 until the thirty-sixth session,
  // each line's note looking for its place among them.)
  'one-letter lines and no stamp': (n) => 'a\n'.repeat(n),
  // (And bylines closing the story, one a line: 15 s at 20,000 until the thirty-sixth session, each line taken
  // off the end looking at every line above it for an interview's.)
  'a byline on each of n lines closing the story': (n) => `Talks resume in Doha\nUpdated: 2025-02-05 09:24\n\nDOHA — Talks resumed.\n\n${'By Jane Doe\n'.repeat(n)}`,
  // (Letters, not lines: one byline of n letters and a stamp on its line took 27 s at 100,000 until the
  // thirty-fourth session, a pattern trying every start of the run.)
  // (And a stamp, then n digits on its line: 4.5 s at 60,000, a pattern trying every digit.)
  'a stamp, then n digits on its line': (n) => `Talks resume in Doha\n\nPublished: 2025-02-05 09:24 ${'1'.repeat(n)}\nUpdated: 2025-02-05 10:00\n\nDOHA — Talks resumed.\n`,
  'a byline of n letters before a stamp on its line': (n) => `Talks resume in Doha\n\nBy ${'a'.repeat(n)} Published: 2025-02-05 09:24\n\nDOHA — Talks resumed.\n`,
  // (And n parts between bars before a stamp on its line: 22 s at 30,000 parts in the thirty-fifth session, each
  // part looking at the parts before it, until fixed there.)
  'n parts between bars before a stamp on its line': (n) => `Talks resume in Doha\n\nBy ${'a | '.repeat(n)}Published: 2025-02-05 09:24\n\nDOHA — Talks resumed.\n`,
  // Wire terminal copy (src/importers/_terminal.ts): a capture of many messages, and one paragraph the wire wrapped.
  'an IPTC 7901 capture of n / 6 messages': (n) => 'ZCZC\nXIE0101 4 I 0230\nTalks resume in Doha\n    DOHA, Feb. 5 (Xinhua) -- Talks resumed.\n050124 GMT FEB 25\nNNNN\n'.repeat(Math.max(1, Math.round(n / 6))),
  // (A stamp whose zone names several, over a dateline that decides it: the page is read twice, the second time
  // with the zone the city gives: thirty-ninth session.)
  'an IST stamp over NEW DELHI, then n one-letter lines': (n) => `Talks resume in Delhi\nUpdated: Feb 5, 2025, 09:24 IST\n\nNEW DELHI, Feb 5 (PTI) Talks resumed.\n\n${'a\n'.repeat(n)}`,
  'an ANPA paragraph of n wrapped lines': (n) => `\u0001a0412  r i BC-Talks 02-05 0388\u0002\n^BC-Talks,0388<\n^Talks resume in Doha<\n\tDOHA (AP) _ Talks\n${'resumed _ again\n'.repeat(n)}\u0003AP-WF-02-05-25 0924GMT<\n`,
};
/**
 * A table of timings: for each row and size, the work its maker makes of that size (untimed), timed `runs`
 * times; the median in milliseconds.
 */
function timings(heading: string, rows: Record<string, (size: number) => () => unknown>): void {
  console.log('');
  console.log(`| ${heading} | ${sizes.map((s) => `${s / 1000}k lines`).join(' | ')} |`);
  console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
  for (const [name, make] of Object.entries(rows)) {
    const cells = sizes.map((size) => {
      const work = make(size);
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const t = performance.now();
        work();
        times.push(performance.now() - t);
      }
      return median(times).toFixed(0);
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

/** The text importer as `dateline import` runs it: terminal copy's envelope opened first. */
const importCopy = terminalImporter(importText);
timings('import: page of', Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, (size: number) => {
  const text = page(size);
  return () => importCopy(text, { file: 'page.txt', timezone: 'Asia/Shanghai' });
}])));

/**
 * Saved e-mail messages (src/importers/_message.ts), opened (decoded, their parts found, their lines placed;
 * not then read as copy): a message of many attachments of copy took 9.4 s at 10,000 in the thirty-seventh
 * session until each one's line was found in one scan, not a scan of the file each. Sizes are lines.
 */
const MESSAGE_HEAD = 'Message-ID: <h@agency.example>\r\nMIME-Version: 1.0\r\nFrom: Wire Desk <wire@agency.example>\r\nSubject: Talks resume in Doha\r\nDate: Wed, 05 Feb 2025 09:24:00 +0800\r\n';
const MESSAGES: Record<string, (n: number) => string> = {
  'n / 8 attachments of copy': (n) => `${MESSAGE_HEAD}Content-Type: multipart/mixed; boundary="b"\r\n\r\n${Array.from({ length: Math.max(1, Math.round(n / 8)) }, (_, i) =>
    `--b\r\nContent-Type: text/plain; name="s${i}.txt"\r\nContent-Disposition: attachment; filename="s${i}.txt"\r\n\r\nTalks ${i}\r\nPublished: 2025-02-05 09:24\r\n\r\nDOHA (Xinhua) -- Talks resumed.\r\n`).join('')}--b--\r\n`,
  'a quoted-printable body of n soft-broken lines': (n) => `${MESSAGE_HEAD}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${'Talks resumed =E2=80=94 again=\r\n'.repeat(n)}end.\r\n`,
  'an mbox file of n / 10 messages': (n) => Array.from({ length: Math.max(1, Math.round(n / 10)) }, (_, i) =>
    `From wire@agency.example Wed Feb  5 01:24:00 2025\r\n${MESSAGE_HEAD.replace('<h@', `<h${i}@`)}Content-Type: text/plain\r\n\r\nDOHA (Xinhua) -- Talks resumed.\r\n>From the start.\r\n\r\n`).join(''),
  'n / 4 parts of no text': (n) => `${MESSAGE_HEAD}Content-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n'.repeat(Math.max(1, Math.round(n / 4)))}--b\r\nContent-Type: text/plain\r\n\r\nDOHA (Xinhua) -- Talks resumed.\r\n--b--\r\n`,
};
console.log('');
console.log(`| import: saved e-mail message of | ${sizes.map((s) => `${s / 1000}k lines`).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
for (const [name, message] of Object.entries(MESSAGES)) {
  const cells: string[] = [];
  for (const size of sizes) {
    const bytes = Buffer.from(message(size));
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      await openMessage(bytes);
      times.push(performance.now() - t);
    }
    cells.push(median(times).toFixed(0));
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}

/**
 * Structured copy of many stories (thirty-ninth session): a NewsML-G2 message of n / 8 text items each grouped with
 * its picture by one package, and feeds of n / 8 items (RSS, Atom, JSON Feed). Sizes are lines, about.
 */
const item = (i: number): string => `<newsItem guid="t${i}" version="1"><itemMeta><itemClass qcode="ninat:text"/><firstCreated>2025-02-05T09:24:00+08:00</firstCreated></itemMeta>
<contentMeta><headline>Talks resume in Doha ${i}</headline><by>By Jane Doe</by><located><name>Doha</name></located></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>DOHA (Xinhua) -- Talks resumed.</p></body></html></inlineXML></contentSet></newsItem>
<newsItem guid="p${i}" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta><contentMeta><creditline>A/B</creditline></contentMeta>
<contentSet><remoteContent href="https://img.example.com/${i}.jpg" contenttype="image/jpeg" width="640" height="360"/></contentSet></newsItem>`;
const many = (n: number): number => Math.max(1, Math.round(n / 8));
const STRUCTURED: Record<string, { format: 'newsml' | 'feed'; make: (n: number) => string }> = {
  'a NewsML-G2 message of n / 8 stories, each grouped with its picture': { format: 'newsml', make: (n) =>
    `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><packageItem guid="pk"><groupSet>${Array.from({ length: many(n) }, (_, i) => `<group id="g${i}"><itemRef residref="t${i}"/><itemRef residref="p${i}"/></group>`).join('')}</groupSet></packageItem>
${Array.from({ length: many(n) }, (_, i) => item(i)).join('\n')}</itemSet></newsMessage>` },
  'an RSS feed of n / 8 items': { format: 'feed', make: (n) => `<rss version="2.0"><channel><title>t</title><language>en</language>${Array.from({ length: many(n) }, (_, i) =>
    `<item><title>Talks resume in Doha ${i}</title><link>https://partner.example.com/${i}</link><guid>g${i}</guid>\n<pubDate>Wed, 05 Feb 2025 01:24:00 GMT</pubDate><author>desk@partner.example.com (Jane Doe)</author>\n<description>&lt;p&gt;DOHA (Xinhua) -- Talks resumed.&lt;/p&gt;</description></item>`).join('\n')}</channel></rss>` },
  'an Atom feed of n / 8 entries': { format: 'feed', make: (n) => `<feed xmlns="http://www.w3.org/2005/Atom">${Array.from({ length: many(n) }, (_, i) =>
    `<entry><id>e${i}</id><title>Talks resume in Doha ${i}</title><published>2025-02-05T09:24:00+08:00</published>\n<author><name>Jane Doe</name></author><content type="html">&lt;p&gt;DOHA (Xinhua) -- Talks resumed.&lt;/p&gt;</content>\n</entry>`).join('\n')}</feed>` },
  // (Each located in a town the gazetteer lacks, in a region of its own: the warning looks up the region's zone each time.)
  'a NewsML-G2 message of n / 8 stories, each located in an unknown town of a region of its own': { format: 'newsml', make: (n) =>
    `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>${Array.from({ length: many(n) }, (_, i) => item(i).replace('<located><name>Doha</name></located>', `<located><name>Qwertown${i}</name><broader type="cptype:statprov"><name>Region${i}</name></broader></located>`)).join('\n')}</itemSet></newsMessage>` },
  'a JSON Feed of n / 8 items': { format: 'feed', make: (n) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: Array.from({ length: many(n) }, (_, i) =>
    ({ id: `j${i}`, title: `Talks resume in Doha ${i}`, date_published: '2025-02-05T09:24:00+08:00', authors: [{ name: 'Jane Doe' }], content_html: '<p>DOHA (Xinhua) -- Talks resumed.</p>' })) }, null, 1) },
};
timings('import: structured copy of', Object.fromEntries(Object.entries(STRUCTURED).map(([name, { format, make }]) => [name, (size: number) => {
  const text = make(size);
  const importer = format === 'newsml' ? importNewsml : importFeed;
  return () => importer(text, { file: 'copy.xml', timezone: 'Asia/Shanghai' });
}])));
