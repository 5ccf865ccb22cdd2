/**
 * `summaryOf` is a fast path for `excerpt(renderBody(body, url).html)`: it renders only the opening
 * paragraph of an ordinary Markdown body and skips sanitize-html. These tests prove it returns exactly
 * what the full path returns — on a table of tricky bodies and on thousands of generated ones — and,
 * through the `summaryPaths` counter (never timing), that the fast path is taken for typical news copy.
 */
import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownHtml } from '../src/core/_markdown.js';
import { renderBody } from '../src/core/content.js';
import { excerpt, summaryOf, summaryPaths } from '../src/core/summary.js';
import type { Body } from '../src/types.js';

const BASE = 'https://example.invalid/';
const full = (body: Body): string | undefined => excerpt(renderBody(body, BASE).html);
const md = (text: string): Body => ({ kind: 'markdown', text });

/** Runs `summaryOf` and reports which path it took. */
function traced(body: Body): { summary: string | undefined; path: 'fast' | 'full' } {
  const before = { ...summaryPaths };
  const summary = summaryOf(body);
  const fast = summaryPaths.fast - before.fast;
  const slow = summaryPaths.full - before.full;
  expect(fast + slow).toBe(1);
  return { summary, path: fast === 1 ? 'fast' : 'full' };
}

const LONG = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');

/** [name, body, the path it must take ('any' where either is acceptable)] */
const TRICKY: Array<[string, string, 'fast' | 'full' | 'any']> = [
  ['plain paragraph', 'Talks resumed on Tuesday.\n\nSecond paragraph.', 'fast'],
  // A note before the story is passed over (the full path finds the paragraph after it).
  ["editor's note", "Editor's note: updated.\n\nTalks resumed.", 'full'],
  ["editor's note in bold", "**Editor’s note:** updated.\n\nTalks resumed.", 'full'],
  ['correction alone', 'Correction: the date was wrong.', 'full'],
  ['note, then a photo and its caption', 'EDITORS NOTE -- updated.\n\n![x](/a.jpg)\n*A caption*\n\nWords.', 'full'],
  ['not a note: no colon', 'Corrections officers spoke.\n\nMore.', 'fast'],
  // An element that swallows text, left open: its words stay (QA).
  ['an unclosed <script> in prose', 'The page used an unclosed <script> element, officials said.\n\nMore words.', 'any'],
  ['an unclosed <style> in prose', 'It had a <style tag left open.\n\nMore words.', 'any'],
  ['a closed <script>', 'Before <script>alert(1)</script> after.\n\nMore words.', 'any'],
  ['not a note: a hyphen in a word', 'Correction-officers spoke.\n\nMore.', 'fast'],
  ['note, then a heading', "Editor's note: x\n## Heading\n\nWords.", 'full'],
  ['note, then a list', "Editor's note: x\n* a\n\n* b\n\nWords.", 'full'],
  ['note, then a spaced hyphen note', 'Correction - the date was wrong.\n\nWords.', 'full'],
  ['setext heading =', 'Title\n===\n\nBody text.', 'full'],
  ['setext heading -', 'Title\n---\n\nBody text.', 'full'],
  ['setext heading after two lines', 'Line one\nline two\n===\n\nBody.', 'full'],
  // Alone, the block renders <h1> then a <p> inside a quote in a tight list; in the body the list is loose, so the first <p> is 'a'.
  ['setext heading, then a list that is loose further down', 'Title\n===\n- a\n  > q\n\n- b', 'full'],
  ['paragraph then list', 'Intro line\n- item one\n- item two\n\nAfter.', 'fast'],
  ['paragraph then list with blank between items', 'Intro line\n* a\n\n* b\n\nAfter.', 'fast'],
  ['paragraph then quote', 'Intro line\n> quoted\nlazy\n\nAfter.', 'fast'],
  ['paragraph then ATX heading', 'Intro line\n## Heading\n\nAfter.', 'fast'],
  ['paragraph then fence that runs past the block', 'Intro line\n```\ncode\n\nstill code\n```\n\nAfter.', 'fast'],
  ['paragraph then tilde fence', 'Intro line\n~~~\ncode\n~~~', 'fast'],
  ['paragraph then table', 'Intro line\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.', 'any'],
  ['table first', 'a | b\n--- | ---\n1 | 2\n\nAfter paragraph.', 'full'],
  ['paragraph then hr', 'Intro line\n***\n\nAfter.', 'fast'],
  ['ordered list not starting at 1 does not interrupt', 'Intro line\n2. two\n3. three', 'fast'],
  ['reference definition later', 'See [the report][r] and [r].\n\n[r]: https://x.example/r "Report"', 'full'],
  ['reference definition in a quote later', 'See [r] now.\n\n> [r]: https://x.example/r', 'full'],
  ['reference-like text without a definition', 'See [r] and [s][r] now.\n\nMore.', 'fast'],
  ['inline HTML', 'Hello <b>world</b> and <span onclick="x()">more</span>.', 'full'],
  ['inline script', 'Hello <script>alert(1)</script> world.', 'full'],
  ['HTML block first', '<div>\nInside\n</div>\n\nAfter.', 'full'],
  ['HTML paragraph first', '<p>Raw paragraph</p>\n\nAfter.', 'full'],
  ['HTML comment', 'Text <!-- hidden --> shown.', 'full'],
  ['entity &amp;', 'Fish &amp; chips.', 'full'],
  ['entity &#1;', 'Ref &#1; gone, &#x41; kept.', 'full'],
  ['entity-like unknown', 'Odd &foo; and &notit; here.', 'full'],
  ['bare ampersands', 'AT&T, Q&A and R & D; & at the end &', 'fast'],
  ['ampersand without semicolon', 'Copy &copy and &#169 and &amp here.', 'fast'],
  ['backslash escapes', '\\*not emphasis\\* and \\_this\\_ and \\[no link\\] and \\\\ and \\&amp; and \\>', 'any'],
  ['escaped quote chars', 'He said \\"hi\\" and \\\'bye\\\'.', 'fast'],
  ['angle autolink', 'Visit <https://x.example/a> today.', 'full'],
  ['GFM bare URL', 'Visit https://bare.example/path?q=1 today.', 'fast'],
  ['GFM www autolink', 'Visit www.example.com now.', 'fast'],
  ['GFM email autolink', 'Mail desk@news.example today.', 'fast'],
  ['URL with ampersand', 'Visit https://x.example/?a=1&b=2 today.', 'fast'],
  ['javascript link', '[innocent](javascript:alert(1)) text', 'fast'],
  ['data image', '![x](data:text/html,hi) after', 'fast'],
  ['image', 'Before ![alt text](https://img.example/a.png "Title") after.', 'fast'],
  // A lead paragraph that holds only a photo has no text: the summary is the next paragraph's (full path).
  ['image first', '![Only an image](a.png)\n\nText.', 'full'],
  ['link with title and quotes', 'See [the "report"](/r.pdf "It\'s > here") now.', 'fast'],
  ['link with angle-bracket destination', 'See [x](<a b>) now.', 'full'],
  ['hard break two spaces', 'Line one  \nline two', 'fast'],
  ['hard break backslash', 'Line one\\\nline two', 'fast'],
  ['emphasis across lines', 'Some *emphasis\nacross* lines and **strong\ntoo**.', 'fast'],
  ['emphasis first', '*WASHINGTON* — The talks resumed.', 'fast'],
  ['strong first', '**Breaking:** news.', 'fast'],
  ['strikethrough', 'Old ~price~ and ~~older~~ price.', 'fast'],
  ['code span', 'Run `npm i` and `a > b`.', 'fast'],
  ['code span with angle bracket', 'Run `<b>` now.', 'full'],
  ['CJK', '北京时间周二，谈判恢复。这是第二句。\n\n第二段。', 'fast'],
  ['Japanese long', 'ニュース'.repeat(100), 'fast'],
  ['very long paragraph', LONG, 'fast'],
  ['long paragraph with emphasis near the cut', `${'x '.repeat(145)}*emphasised words here* and more words to pass the limit of three hundred`, 'fast'],
  ['leading blank lines', '\n\n   \n\t\nFirst paragraph.\n\nSecond.', 'fast'],
  ['leading tab-only line', '\t\nFirst.', 'fast'],
  ['whitespace-only body', ' \n\t \n  ', 'full'],
  ['empty body', '', 'full'],
  ['CRLF line endings', 'First line\r\nsecond line\r\n\r\nSecond paragraph.', 'fast'],
  ['CR line endings', 'First line\rsecond\r\rNext.', 'fast'],
  ['CRLF setext', 'Title\r\n===\r\n\r\nBody.', 'full'],
  ['tabs inside text', 'Tabbed\ttext\there.', 'fast'],
  ['tab-indented first line', '\tcode block\n\nText.', 'full'],
  ['four-space indent', '    code\n\nText.', 'full'],
  ['three-space indent', '   Indented paragraph.\n\nText.', 'fast'],
  ['tab-only line inside block', 'a\n\t\nb\n\nc', 'full'],
  ['spaces-only line ends block', 'a\n   \nb', 'fast'],
  ['trailing spaces-only line at end', 'a\n   ', 'full'],
  ['nbsp-only line', 'a\n\u00a0\nb', 'full'],
  ['heading first', '## Analysis\n\nText.', 'full'],
  ['quote first, one line', '> Quoted\n\nText.', 'fast'],
  ['list first', '- one\n- two\n\nText.', 'fast'],
  ['list first, then an indented paragraph (the list is loose)', '- one\n- two\n\n  More of two.\n\nText.', 'full'],
  ['list first with a blank line between items', '- one\n\n- two\n\nText.', 'full'],
  ['list first, the marker changes', '- one\n* two\n\nText.', 'full'],
  ['list first, an item holds a quote', '- > one\n- two\n\nText.', 'full'],
  ['list first, an item holds HTML', '- <b>one</b>\n\nText.', 'full'],
  ['list only', '- one\n- two\n', 'full'],
  ['quote first', '> Quoted *words*\n> more.\n\nText.', 'fast'],
  ['quote first, lazy line', '> Quoted\nlazy line\n\nText.', 'full'],
  ['quote first, setext inside', '> Title\n> ===\n\nText.', 'full'],
  ['quote first, nested quote', '> > deep\n\nText.', 'full'],
  ['quote first, list inside', '> - a\n> - b\n\nText.', 'full'],
  ['quote first, a link defined later', '> See [x].\n\n[x]: https://example.com/\n', 'full'],
  ['ordered list first', '1. one\n\nText.', 'full'],
  ['number that is not a list', '2024 was a year.', 'fast'],
  ['number with dot', '2024. A year.', 'full'],
  ['hr first', '***\n\nText.', 'full'],
  ['fence first', '```\ncode\n```\n\nText.', 'full'],
  ['pipe first', '| not | a table\n\nText.', 'full'],
  ['control characters', 'Body\u0001 text\u007f here.', 'full'],
  ['lone surrogates around an image', '\uD800![](x.png)\uDC00 text', 'full'],
  ['a quote with a paragraph separator before a marker', '> Word\u2029> x', 'full'],
  ['a quote with a line separator before a marker', '> Word\u2028> x\n> more', 'full'],
  ['lone surrogates around a break', 'a\uD800  \n\uDC00b', 'full'],
  ['astral characters', 'Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text.', 'fast'],
  ['line separator', 'a\u2028b\n===', 'fast'],
  ['empty first paragraph (only an escape)', '\\\n\nSecond.', 'full'],
  ['only an image with no alt', '![](x.png)\n\nSecond.', 'full'],
  ['hard break in HTML', 'Line one<br>line two', 'any'],
  ['a list only', '- first item\n- second item', 'full'],
  // Found by the generated bodies below: a lead paragraph of a link to only a tab has no text.
  ['a link to only whitespace, then a paragraph', '[\t](https://x.example/y)\n\n.', 'full'],
  ['quotes and apostrophes', '"Quoted," she said. \'Single\' and “curly” ‘marks’.', 'fast'],
  ['greater-than in text', 'x > y and a -> b.', 'fast'],
  // Paragraphs with no inline syntax at all are summarised without marked: their text is the block's.
  ['plain lines with a URL, an address and quotes', 'Officials said "yes" at https://x.example/a?b=1.\nMail desk@news.example or www.example.com — it\'s open.', 'fast'],
  ['plain, three spaces before a line break', 'Line one   \nline two', 'fast'],
  ['plain, a tab before a line break', 'Line one\t\nline two', 'fast'],
  ['plain, then a line that opens a list', 'Intro line\n+ item\n\nAfter.', 'fast'],
  ['plain, then an ordered item 1', 'Intro line\n1. one\n\nAfter.', 'fast'],
  ['plain, astral characters at the cut', `${'word '.repeat(59)}wor😀😀😀 ${'more '.repeat(10)}`, 'fast'],
  ['plain, lone surrogate at the cut', `${'a'.repeat(299)}\uD83D tail ${'b '.repeat(20)}`, 'full'],
  ['plain, non-breaking spaces', 'A\u00a0B\u2009C  D\n\u3000E', 'fast'],
  // Simple links and emphasis are replaced by their text without marked.
  ['simple link, emphasis and strong', 'Talks in [Geneva](https://x.example/g) were *tense*, **officials** said.', 'fast'],
  ['emphasis around a link', '*see [the report](https://x.example/r) today* now', 'fast'],
  ['link right after a URL', 'See https://x.example/a [b](https://y.example/) now.', 'any'],
  ['emphasis around punctuation', '*(a)* and *"b"* here', 'any'],
  ['intraword stars', 'a*b*c and 2*3*4 and *x*y', 'any'],
  ['emphasis across a line break', '*one\ntwo* three', 'any'],
  ['strong ending in a colon', '**Breaking:** news', 'fast'],
  ['line separator before emphasis', 'a\u2028*(b)* c', 'any'],
  ['byte order mark before emphasis', 'x \uFEFF*b* c', 'any'],
  ['link with a parenthesis in the destination', '[a](https://x.example/(b)) c', 'any'],
  ['image with a simple destination', 'x ![a](https://x.example/i.png) y', 'any'],
  ['three stars', '***both*** and *a **b** c*', 'any'],
];

describe('excerpt cuts between graphemes', () => {
  it('never splits a flag, an emoji sequence or a letter and its accent where it cuts inside a word', () => {
    expect(excerpt(`<p>${'a'.repeat(299)}🇵🇸 rest of it</p>`)).toBe(`${'a'.repeat(299)}…`);
    expect(excerpt(`<p>${'新'.repeat(298)}👩‍👩‍👧 rest</p>`)).toBe(`${'新'.repeat(298)}…`);
    expect(excerpt(`<p>${'e'.repeat(299)}e\u0301xyz</p>`)).toBe(`${'e'.repeat(299)}…`);
    // A cut that falls between graphemes stays where it was.
    expect(excerpt(`<p>${'新'.repeat(320)}</p>`)).toBe(`${'新'.repeat(300)}…`);
  });

  it('closes the text direction controls a paragraph, or each list item of a body without one, opens (the content\'s block ends close them)', () => {
    const list = { kind: 'markdown' as const, text: '- \u202eShelling reported\n- Talks resume in Cairo' };
    expect(summaryOf(list)).toBe('\u202eShelling reported\u202c Talks resume in Cairo');
    expect(summaryOf(list)).toBe(excerpt(renderBody(list, 'https://news.example.com/a').html));
    const para = { kind: 'markdown' as const, text: `Body starts \u2067here ${'and goes on '.repeat(30)}` };
    expect(summaryOf(para)!.endsWith('\u2069…')).toBe(true);
    expect(summaryOf(para)).toBe(excerpt(renderBody(para, 'https://news.example.com/a').html));
  });

  it('in text without spaces (Thai, Chinese, Japanese), at the start of the word the cut falls in, as ICU\'s dictionaries find words', () => {
    // 300 code points end inside ภาษา ("language"), 中国 ("China") and 東京 ("Tokyo"): the word is left out whole.
    expect(excerpt(`<p>${'ก'.repeat(298)}ภาษาไทย</p>`)).toBe(`${'ก'.repeat(298)}…`);
    expect(excerpt(`<p>${'今天'.repeat(149)}的中国经济</p>`)).toBe(`${'今天'.repeat(149)}的…`);
    expect(excerpt(`<p>${'あ'.repeat(299)}東京都</p>`)).toBe(`${'あ'.repeat(299)}…`);
    // One long word (a URL, a run of letters) has no boundary near the cut: a grapheme, as before.
    expect(excerpt(`<p>${'a'.repeat(320)}</p>`)).toBe(`${'a'.repeat(300)}…`);
  });
});

describe('summaryOf equals the full path on tricky bodies', () => {
  for (const [name, text, expected] of TRICKY) {
    it(name, () => {
      const body = md(text);
      const { summary, path } = traced(body);
      expect(summary).toBe(full(body));
      // The base URL cannot affect the text.
      expect(summary).toBe(excerpt(renderBody(body, 'https://news.example.com/2025/02/story.html').html));
      if (expected !== 'any') expect(path).toBe(expected);
    });
  }

  it('HTML bodies take the full path and agree', () => {
    for (const text of ['<h2>Sub</h2><p>Hello <b>world</b> &amp; friends.</p>', '<p onclick="x()">Click</p>', 'no paragraph', '']) {
      const body: Body = { kind: 'html', text };
      const { summary, path } = traced(body);
      expect(summary).toBe(full(body));
      expect(path).toBe('full');
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Generated Markdown
// ---------------------------------------------------------------------------------------------------------

const url = fc.constantFrom(
  'https://x.example/y', '/rel/path', 'images/c.png', '../up.html', '#part-2', 'javascript:alert(1)',
  'data:text/html,x', 'mailto:a@b.example', 'https://x.example/?a=1&b=2', 'https://x.example/a>b',
  '<https://x.example/a b>', 'http://[bad', 'https://x.example/(paren)', '',
);

/** Words of ordinary copy: bodies made of these should mostly take the fast path. */
const cleanWord = fc.constantFrom(
  'The', 'talks', 'resumed', 'on', 'Tuesday,', 'officials', 'said.', '“We', 'will', 'see,”', 'he', "it's", '2025',
  '3.5%', '$10', '(AP)', '—', 'Beijing', '北京时间', 'Zürich', 'café', 'naïve', 'x > y', 'a_b', 'snake_case', 'AT&T', 'Q&A',
  '"quoted"', '1.', '2)', '-', '*', '_', '#', '!', '~', '|', '\\*', 'https://bare.example/p', 'www.example.com', 'desk@news.example',
);
const safeUrl = fc.constantFrom('https://x.example/y', '/rel/path', 'images/c.png', '#part-2', 'javascript:alert(1)', 'https://x.example/?a=1&b=2');

/** Inline Markdown over a word pool and a URL pool. */
function inlineOf(w: fc.Arbitrary<string>, u: fc.Arbitrary<string>, extra: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: w },
    { weight: 1, arbitrary: w.map((x) => `*${x}*`) },
    { weight: 1, arbitrary: w.map((x) => `**${x}**`) },
    { weight: 1, arbitrary: w.map((x) => `_${x}_`) },
    { weight: 1, arbitrary: w.map((x) => `__${x}__`) },
    { weight: 1, arbitrary: w.map((x) => `\`${x}\``) },
    { weight: 1, arbitrary: w.map((x) => `~${x}~`) },
    { weight: 1, arbitrary: w.map((x) => `~~${x}~~`) },
    { weight: 2, arbitrary: fc.tuple(w, u).map(([x, y]) => `[${x}](${y})`) },
    { weight: 1, arbitrary: fc.tuple(w, u, w).map(([x, y, t]) => `[${x}](${y} "${t}")`) },
    { weight: 1, arbitrary: fc.tuple(w, u).map(([x, y]) => `![${x}](${y})`) },
    { weight: 1, arbitrary: w.map((x) => `[${x}][r]`) },
    { weight: 1, arbitrary: fc.constantFrom('[r]', '[R]', '[x y]', '[r][]') },
    { weight: 1, arbitrary: fc.constantFrom('  \n', '\\\n', '\n') },
    { weight: 1, arbitrary: extra },
  );
}

const word = fc.oneof(
  { weight: 6, arbitrary: cleanWord },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'the', 'news', 'Talks', 'résumé', 'Ünïcödé', '北京', '東京都', 'ニュース', 'Ωμέγα', 'مرحبا', '😀', '𝔘',
      'snake_case', 'x*y', '2*3', 'a_b_c', 'AT&T', 'Q&A', '&', '&amp;', '&copy;', '&copy', '&#1;', '&#x41;',
      '&#0;', '&notit;', '&x', '&x;', '<', '>', '"', "'", '\\*', '\\_', '\\[', '\\&', '\\<', '\\\\', '\\',
      '`', '~', '|', '[', ']', ']:', '(', ')', '!', '#', '$', '1.', '2)', '-', '+', '=', '_', '*', '**', '__',
      '~~', '\u00a0', '\u2028', '\u0001', '\u007f', '\uFFFF', '\uD800', '\uDC00', '\t', '  ', 'https://bare.example/p',
      'www.example.com', 'desk@news.example', '<b>', '</b>', '<br>', '<span class="x">', '<!--', '-->', '<https://x.example>',
      '<script>', '</p>', '<p>', 'on', 'a.', 'Mr.', '—', '–', ',', ';', ':', '.', '…',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
);

const inline = inlineOf(
  word,
  url,
  fc.oneof(
    url.map((u) => `<${u}>`),
    fc.constantFrom('  \n', '\\\n', '\n', ' \n', '\t\n', '<b>x</b>', '<span onclick="x()">y</span>', '<!-- c -->', '<img src=x>', '<a href="/z">z</a>'),
  ),
);
const cleanInline = inlineOf(cleanWord, safeUrl, fc.constantFrom('  \n', '\\\n'));

const indent = fc.constantFrom('', '', '', '', ' ', '  ', '   ', '    ', '\t');
const lineOf = (parts: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(indent, fc.array(parts, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', ' ', ' ', ''))
    .map(([i, ps, sep]) => i + ps.join(sep));
const line = lineOf(inline);
const lines = (max: number): fc.Arbitrary<string[]> => fc.array(line, { minLength: 1, maxLength: max });
const cleanLine = lineOf(cleanInline);

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: lines(4).map((ls) => ls.join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`) },
  {
    weight: 2,
    arbitrary: fc.tuple(lines(3), fc.constantFrom('===', '---', '=', '-', ' ===', '--- ', '    ===', '= =')).map(([ls, u]) => `${ls.join('\n')}\n${u}`),
  },
  {
    weight: 2,
    arbitrary: fc.array(fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-\t', '-'), line), { minLength: 1, maxLength: 4 })
      .map((items) => items.map(([b, l]) => b + l).join('\n')),
  },
  { weight: 1, arbitrary: lines(3).map((ls) => ls.map((l, i) => (i === 0 || l.length % 2 === 0 ? `> ${l}` : l)).join('\n')) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````', '```js', '   ```'), lines(3), fc.boolean())
      .map(([f, ls, closed]) => [f, ...ls, ...(closed ? [f.trim().replace('js', '')] : [])].join('\n')),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(word, word, fc.constantFrom('--- | ---', '|---|---|', ':-: | -:', '-|-'), fc.array(fc.tuple(word, word), { maxLength: 3 }))
      .map(([a, b, d, rows]) => [`${a} | ${b}`, d, ...rows.map(([x, y]) => `${x} | ${y}`)].join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<div>\nx\n</div>', '<script>alert(1)</script>', '<!-- comment\n\nstill -->', '<p onclick="x()">Click</p>',
      '<pre>\n\ncode</pre>', '<iframe src="x"></iframe>', '<b>inline</b> start', '<p>raw</p>', '<?php x ?>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('', '> ', '- ', '  '), fc.constantFrom('r', 'R', 'x y', 'other'), url, fc.constantFrom('', ' "T"', " 'T'"))
      .map(([p, l, u, t]) => `${p}[${l}]: ${u}${t}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '* * *', '___', '    code', '\tcode', '', ' ', '\t', '  \t ', '\u00a0') },
);

const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n', '\n \n', '\n\t\n', '\n   \n', '\r\n\r\n', '\r\n', '\r\r', '\n\u00a0\n', '\n  ');
const leading = fc.constantFrom('', '', '', '\n', '  \n', '\t\n', '\n\n', ' \t \n\n', '\r\n', '   ');

/** An opening paragraph of ordinary copy, sometimes with a noisy line, a setext underline or a list after it. */
const paragraphFirst = fc.tuple(
  cleanLine,
  fc.array(fc.oneof({ weight: 6, arbitrary: cleanLine }, { weight: 1, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom('===', '---', '- item', '> quote', '```', '| a | b |\n|---|---|', '## h') }), { maxLength: 3 }),
).map(([l, ls]) => [l.trimStart(), ...ls].join('\n'));
const generatedMarkdown = fc.tuple(leading, fc.oneof({ weight: 2, arbitrary: paragraphFirst }, { weight: 3, arbitrary: block }), fc.array(fc.tuple(separator, block), { maxLength: 5 }), fc.constantFrom('', '\n', '\n\n', '  '))
  .map(([lead, first, rest, tail]) => lead + first + rest.map(([s, b]) => s + b).join('') + tail);

const MARKDOWN_CHARS = ['a', 'b', 'Z', '1', '.', ')', ' ', ' ', '\t', '\n', '\n', '\r', '*', '_', '`', '~', '#', '>', '-', '+', '=',
  '|', '[', ']', '(', ')', '!', ':', '<', '&', ';', '\\', '"', "'", '/', 'é', '北', '😀', '\u00a0', '\u0000', '\uD800'];

function checkEqual(text: string): 'fast' | 'full' {
  const body = md(text);
  const { summary, path } = traced(body);
  expect(summary).toBe(full(body));
  return path;
}

describe('summaryOf equals the full path on generated bodies', () => {
  it('random Markdown documents built from blocks', () => {
    let fast = 0;
    fc.assert(
      fc.property(generatedMarkdown, (text) => {
        if (checkEqual(text) === 'fast') fast += 1;
      }),
      { numRuns: 4000 },
    );
    // The property must exercise the fast path, not just the fallback.
    expect(fast).toBeGreaterThan(400);
  });

  it('random strings of Markdown punctuation', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...MARKDOWN_CHARS), maxLength: 120 }), (text) => {
        if (checkEqual(text) === 'fast') fast += 1;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(300);
  });

  it('random unicode strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        checkEqual(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('simple links and emphasis', () => {
  const around = fc.constantFrom(' ', ' ', '\n', '', '\u00a0', '\u2028', '\uFEFF', '\t', '.', ',', '(', ')', '"', '“', ':', '?', '!', '-', 'x', '*', '_');
  const wordish = fc.constantFrom('talks', 'Geneva', '2025', 'a', 'é', '北京', '(a)', '"b"', 'x.y', 'a b', 'a*b', 'https://x.example/p', "it's", 'a:', '7%');
  const piece = fc.oneof(
    { weight: 4, arbitrary: wordish },
    { weight: 2, arbitrary: fc.tuple(wordish, fc.constantFrom('https://x.example/r', '/rel', 'https://x.example/a_b', 'x(y)', 'a b')).map(([t, u]) => `[${t}](${u})`) },
    { weight: 2, arbitrary: wordish.map((w) => `*${w}*`) },
    { weight: 1, arbitrary: wordish.map((w) => `**${w}**`) },
    { weight: 1, arbitrary: fc.tuple(wordish, wordish).map(([a, b]) => `*${a} [${b}](https://x.example/)*`) },
  );
  it('agree with the full path wherever they stand', () => {
    let fast = 0;
    const before = summaryPaths.withoutMarked;
    fc.assert(
      fc.property(fc.tuple(wordish, fc.array(fc.tuple(around, piece), { minLength: 1, maxLength: 8 })), ([first, rest]) => {
        if (checkEqual(first + rest.map(([a, p]) => a + p).join('')) === 'fast') fast += 1;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(300);
    expect(summaryPaths.withoutMarked - before).toBeGreaterThan(100);
  });
});

describe('the fast path is taken for typical news copy', () => {
  const NEWS = [
    'WASHINGTON — Benjamin Netanyahu was due at the *White House* on Tuesday, the first foreign leader to visit',
    'since the inauguration, [officials said](https://news.example.com/2025/02/officials.html) on Monday.',
    '',
    'The talks are expected to cover the **ceasefire** in Gaza and the release of hostages, according to a',
    '[statement](https://x.example/y) from the prime minister’s office.',
    '',
    '“We will discuss *everything*,” a spokesman said.',
    '',
    '- first point',
    '- second point',
    '',
  ].join('\n');

  it('renders only the first paragraph and agrees with the full path', () => {
    const body = md(NEWS);
    const { summary, path } = traced(body);
    expect(path).toBe('fast');
    expect(summary).toBe(full(body));
    expect(summary).toMatch(/^WASHINGTON — Benjamin Netanyahu was due at the White House on Tuesday/);
  });

  it('needs no Markdown renderer for plain paragraphs followed by more of the story', () => {
    const before = summaryPaths.withoutMarked;
    const plain = 'GENEVA — Delegates met on Tuesday.\nThey talked for *six* hours, [officials said](https://x.example/o).\n\nMore talks follow.\n';
    for (const body of [plain, plain.replace('\n\n', '\n   \n'), 'One line and a final newline.\n', 'No final newline.']) {
      const { summary, path } = traced(md(body));
      expect(path).toBe('fast');
      expect(summary).toBe(full(md(body)));
    }
    expect(summaryPaths.withoutMarked - before).toBe(4);
  });

  it('counts one fast call per article over an archive', () => {
    const before = { ...summaryPaths };
    for (let i = 0; i < 50; i += 1) summaryOf(md(`Article ${i}: ${NEWS}`));
    expect(summaryPaths.fast - before.fast).toBe(50);
    expect(summaryPaths.full - before.full).toBe(0);
  });
});

describe('an excerpt is cut at 300 code points', () => {
  /** The cut as a list of code points gives it. */
  function reference(raw: string, max = 300): string | undefined {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '') return undefined;
    const points = Array.from(text);
    if (points.length <= max) return text;
    const cut = points.slice(0, max).join('');
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
  }
  it('astral characters anywhere before, at or after the cut count as one', () => {
    const word = fc.constantFrom('a', 'news', '😀', '𝔘𝔫𝔦', '北京', 'x😀', ',', '—', 'talks.');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 400 }), fc.constantFrom(' ', ''), (words, gap) => {
        const text = words.join(gap);
        expect(excerpt(`<p>${text}</p>`)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
    expect(excerpt(`<p>${'a'.repeat(299)}😀😀 tail</p>`)).toBe(`${'a'.repeat(299)}😀…`);
  });
});

describe('marked without its setext rule where no line could underline a heading', () => {
  const reference = new Marked({ gfm: true, async: false });
  // Where marked decodes a reference to no character (`&#0;`) to U+FFFD, Dateline leaves it written for
  // renderBody to remove and count: both are taken out before comparing (generated text holds no U+FFFD).
  const noCharacter = (html: string): string => html.replace(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));/g, (ref, hex?: string, dec?: string) => {
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '' : ref;
  });
  const same = (text: string): void => {
    expect(text).not.toContain('\uFFFD');
    expect(noCharacter(markdownHtml(text))).toBe(noCharacter((reference.parse(text) as string).replaceAll('\uFFFD', '')));
  };

  it('renders setext headings wherever they can stand', () => {
    const cases = [
      'Title\n=====\n\nBody.', '**the**\n===\r\r# x', 'Title\n-----', 'Title\n  ---  \n', 'Title\r\n===\r\n', 'Title\r---\r',
      '> Quoted\n> ===\n', '> Quoted\n---', '- item\n  text\n  ---\n', '- item\n\n  para\n  ===\n', '1. a\n   b\n   ---',
      '- a\n\tb\n\t---\t\n', 'a\n\t---', 'a\n---\t', 'a\n=\u00a0\n', 'a\n--- x', 'a\n=== b\n', 'plain paragraph\nwell-\nmade', 'no underline at all',
      '| a | b |\n|---|---|\n| c | d |', '* * *\n---\n___', 'x\n    ---', '```\ncode\n---\n```',
    ];
    for (const text of cases) same(text);
  });

  it('gives marked\'s HTML for generated documents, with and without underline-like line ends', () => {
    let without = 0;
    fc.assert(
      // (generatedMarkdown's binary strings may hold U+FFFD, which `same` takes as marked's mark of a character
      // reference to no character: a seed in CI drew one. Such inputs are left out, as `same` asks.)
      fc.property(fc.oneof(generatedMarkdown, fc.string({ unit: fc.constantFrom(...MARKDOWN_CHARS), maxLength: 120 })).filter((t) => !t.includes('\uFFFD')), (text) => {
        if (!/[=-]\s*$/m.test(text)) without += 1;
        same(text);
      }),
      { numRuns: 4000 },
    );
    expect(without).toBeGreaterThan(1000);
  });
});
