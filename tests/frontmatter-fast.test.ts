/**
 * The fast path for reading records (src/sources/_positions.ts): js-yaml for front matter, JSON.parse for
 * JSON, lines from yaml only when asked. It must give exactly what the reference reader gives (yaml's
 * parseDocument with a LineCounter, core schema, unique keys; `parseYamlSlow`/`parseJsonSlow`): the same
 * data (deep, key order and -0 included), the same diagnostics, the same lines.
 *
 * FC_NUM_RUNS raises the number of generated cases (e.g. `FC_NUM_RUNS=20000`) to fuzz harder locally.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseJson, parseJsonSlow, parseStats, parseYaml, parseYamlSlow, yamlFastPathSafe, type Parsed } from '../src/sources/_positions.js';
import { plainText } from '../src/sources/_flat-yaml.js';
import { readJsonRecord } from '../src/sources/json.js';
import { markdownBody, readMarkdownRecord } from '../src/sources/markdown.js';
import { resolveConfig } from '../src/core/config.js';
import { validateRecord } from '../src/core/validate.js';
import { SITE_CONFIG } from './_helpers.js';

const NUM_RUNS = Number(process.env['FC_NUM_RUNS'] ?? 300);
/** Time for a property (the default 30 s is too short for big FC_NUM_RUNS). */
const PROPERTY_TIMEOUT = Math.max(30_000, NUM_RUNS * 10);
const ROOT = join(import.meta.dirname, '..');

/** yaml as the code before the fast path called it: the reference data. */
const yamlDoc = (text: string) => parseDocument(text, { prettyErrors: true, uniqueKeys: true, schema: 'core' });

/** Every object's keys in order, recursively (toStrictEqual does not look at key order). */
function keyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keyOrder);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, keyOrder(x)]);
  return typeof v;
}

/** Every path into `data` (keys and indexes), with a few that lead nowhere. */
function pathsOf(data: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (data !== null && typeof data === 'object' && prefix.length < 6) {
    for (const [k, v] of Object.entries(data)) pathsOf(v, [...prefix, Array.isArray(data) ? Number(k) : k], out);
    out.push([...prefix, 'no such key'], [...prefix, 99]);
  }
  return out;
}

/** The fast result is the reference result: data, diagnostics and the line of every path. */
function expectSame(fast: Parsed, slow: Parsed): void {
  expect(fast.diagnostics).toEqual(slow.diagnostics);
  expect(fast.data).toStrictEqual(slow.data);
  expect(keyOrder(fast.data)).toEqual(keyOrder(slow.data));
  for (const path of pathsOf(slow.data)) expect([path, fast.lineOf(path)]).toEqual([path, slow.lineOf(path)]);
}

/** What `read` returns, or what it throws (nothing should: both paths give a file's problems as diagnostics). */
function outcome(read: () => Parsed): { parsed: Parsed } | { thrown: string } {
  try {
    return { parsed: read() };
  } catch (e) {
    return { thrown: String(e) };
  }
}

function checkYaml(text: string, firstLine = 2): Parsed {
  const fastOutcome = outcome(() => parseYaml(text, 'x.md', firstLine));
  const slowOutcome = outcome(() => parseYamlSlow(text, 'x.md', firstLine));
  if ('thrown' in slowOutcome || 'thrown' in fastOutcome) {
    expect(fastOutcome).toEqual(slowOutcome);
    return { data: undefined, lineOf: () => undefined, sourceOf: () => undefined, diagnostics: [] };
  }
  const fast = fastOutcome.parsed;
  const slow = slowOutcome.parsed;
  expectSame(fast, slow);
  const doc = yamlDoc(text);
  const js = doc.errors.length === 0 ? outcome(() => ({ data: doc.toJS() }) as Parsed) : undefined;
  if (js !== undefined && 'parsed' in js) expect(fast.data).toStrictEqual(js.parsed.data);
  else {
    // A syntax error, or what toJS refuses (an alias to no anchor, too many aliases): an error of the file's.
    expect(fast.data).toBeUndefined();
    expect(fast.diagnostics.map((d) => d.code)).toContain('E_YAML_SYNTAX');
  }
  return fast;
}

function checkJson(text: string): Parsed {
  const fast = parseJson(text, 'x.json');
  const slow = parseJsonSlow(text, 'x.json');
  expectSame(fast, slow);
  return fast;
}

/** Front matter as markdown.ts cuts it: BOM off, between the first line `---` and the next `---`/`...`. */
function frontMatter(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((l, i) => i > 0 && (/^---[ \t]*$/.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  return close < 0 ? undefined : lines.slice(1, close).join('\n');
}

function recordFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) recordFiles(path, out);
    else if (/\.(md|json)$/.test(name)) out.push(path);
  }
  return out;
}

const FILES = [...recordFiles(join(ROOT, 'articles')), ...recordFiles(join(ROOT, 'tests/fixtures'))];
const FRONT_MATTERS = FILES.filter((f) => f.endsWith('.md')).map((f) => frontMatter(readFileSync(f, 'utf8'))).filter((t): t is string => t !== undefined);

describe('every record file reads the same on both paths', () => {
  it('finds the record files', () => {
    expect(FILES.filter((f) => f.endsWith('.md')).length).toBeGreaterThan(10);
    expect(FILES.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
  });

  it.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      const body = text.replace(/^\uFEFF/, '');
      const fast = checkJson(body);
      expect(fast.data).toStrictEqual(yamlDoc(body).toJS());
      return;
    }
    const fm = frontMatter(text);
    expect(fm).toBeDefined();
    checkYaml(fm!);
  });
});

describe('known disagreements between js-yaml and yaml go to yaml', () => {
  // Each was found by trying both libraries or by fuzzing; js-yaml alone would read them differently
  // (other data, or no error where yaml reports one).
  const cases: Record<string, string> = {
    'null key': '~: x\nnull: y',
    'empty key': ': x',
    'collection key': '[a, b]: c',
    'flow map key': '{a: 1}: c',
    'minus zero': 'a: -0',
    'signed leading-dot float': 'a: -.5\nb: +.5',
    'binary': 'a: 0b11',
    'signed hex and octal': 'a: -0x1F\nb: +0o17',
    'too big for a double': `a: 1e400\nb: ${'9'.repeat(400)}`,
    'comment glued to a quote': 'a: "x"#c',
    'comment glued to a bracket': 'a: [a, b]#c',
    'flow sequence over lines, not indented': 'a: [b,\nc]',
    'flow map over lines, not indented': 'a: {b: 1,\nc: 2}',
    'key over 1024 characters': `${'k'.repeat(1100)}: v`,
    'double-quoted over lines, not indented': 'title: "one\ntwo"\nx: 1',
    'single-quoted over lines, not indented': "title: 'one\n\ntwo'",
    'empty entry then a less indented line': 'tags:\n  -\n- x',
    'empty entry with a comment, then a sibling': 'a:\n-   - nested\n    - # c\n- [x, y]',
    'blank line and comment before a value': 'date:\n\n# c\n   2025\nsection: China',
    'block scalar starting with a wider blank line': '"name": >\n\n  \n #x',
    'tab': 'a:\tb',
    'anchor and alias': 'a: &x 1\nb: *x',
    'alias to no anchor (a property test found)': ':\n :\n - *a',
    'alias before its anchor': 'a: *x\nb: &x 1',
    'tag': 'a: !!str 1',
    'merge key': 'a: {x: 1}\nb:\n  <<: {x: 1}',
    'lone surrogate': 'a: \ud800',
    'NEL': 'a: x\u0085y',
  };
  it.each(Object.entries(cases))('%s', (_, text) => {
    expect(yamlFastPathSafe(text)).toBe(false);
    checkYaml(text);
  });

  it('an empty front matter, or one of comments only, is null (js-yaml says undefined)', () => {
    expect(checkYaml('').data).toBeNull();
    expect(checkYaml('# only a comment').data).toBeNull();
  });

  it('JSON: duplicate keys, a lone CR, a colon on the next line, a tab before the value go to yaml', () => {
    for (const text of ['{"a": 1, "a": 2}', '{"a": 1, "\\u0061": 2}', '{\r"a": 1\r}', '{"a"\n: 1}', '\t{"a": 1}']) {
      const before = parseStats.slow;
      checkJson(text);
      expect(parseStats.slow).toBe(before + 1);
    }
  });
});

describe('scalars', () => {
  it('an unpaired surrogate (from text made in memory, as an import makes) reaches validation as it was', () => {
    for (const title of ['"x\ud800y"', 'x\udc00y']) {
      const r = readMarkdownRecord(`---\nid: a\ntitle: ${title}\ndate: 2025-02-05 09:24\n---\nBody.\n`, 'a.md', 'a');
      expect(r.diagnostics).toEqual([]);
      expect((r.record?.data as { title: string }).title).toBe(title.replaceAll('"', ''));
    }
    const emoji = readMarkdownRecord('---\nid: a\ntitle: "x😀y"\ndate: 2025-02-05 09:24\n---\nBody.\n', 'a.md', 'a');
    expect((emoji.record?.data as { title: string }).title).toBe('x😀y');
  });

  it('dates and desk times stay strings, as with the core schema', () => {
    const before = { ...parseStats };
    const { data } = checkYaml('date: 2025-02-05 09:24\nupdated: 2025-02-05T11:30:00+08:00\nday: 2025-02-05\ntime: 09:24\nsexagesimal: 1:20');
    expect(data).toStrictEqual({ date: '2025-02-05 09:24', updated: '2025-02-05T11:30:00+08:00', day: '2025-02-05', time: '09:24', sexagesimal: '1:20' });
    expect(parseStats.fast).toBe(before.fast + 1);
  });

  it('YAML 1.1 words stay strings, YAML 1.2 core numbers are numbers', () => {
    const { data } = checkYaml('a: [yes, no, on, off, y, n, True, FALSE, Null, ~, "", 0o17, 0x1F, 1e3, .inf, -.Inf, .NaN, 012, +12, 1_000, 0.0]\nb: -x\nc:');
    expect(data).toStrictEqual({
      a: ['yes', 'no', 'on', 'off', 'y', 'n', true, false, null, null, '', 15, 31, 1000, Infinity, -Infinity, NaN, 12, 12, '1_000', 0],
      b: '-x',
      c: null,
    });
  });
});

describe('lineOf', () => {
  const YAML_SAMPLE = [
    'id: a', //                      file line 2
    'title: "T: quoted"', //         3
    'authors:', //                   4
    '  - name: Ana Ruiz', //         5
    '    email: ana@example.com', // 6
    '  - name: Tom Hale', //         7
    '    url: https://x.example', // 8
    'dateline:', //                  9
    '  city: Beijing', //            10
    '  timezone: Asia/Shanghai', //  11
    'tags: [a, b]', //               12
    'summary: >', //                 13
    '  Folded', //                   14
    '  text', //                     15
    'draft: false', //               16
  ].join('\n');

  it('YAML: the same lines as before, yaml parsed once and only when asked', () => {
    const before = parseStats.yamlParses;
    const parsed = parseYaml(YAML_SAMPLE, 'x.md', 2);
    expect(parseStats.yamlParses).toBe(before);
    expect(parsed.lineOf(['authors', 1, 'name'])).toBe(7);
    expect(parseStats.yamlParses).toBe(before + 1);
    expect(parsed.lineOf(['dateline', 'timezone'])).toBe(11);
    expect(parsed.lineOf(['authors', 0, 'email'])).toBe(6);
    expect(parsed.lineOf(['authors', 1])).toBe(7);
    expect(parsed.lineOf(['tags', 1])).toBe(12);
    expect(parsed.lineOf(['draft'])).toBe(16);
    expect(parsed.lineOf(['authors', 5, 'name'])).toBe(4);
    expect(parsed.lineOf(['dateline', 'nope'])).toBe(9);
    expect(parsed.lineOf(['nope'])).toBe(1);
    expect(parsed.lineOf([])).toBe(1);
    expect(parseStats.yamlParses).toBe(before + 1);
    checkYaml(YAML_SAMPLE);
  });

  const JSON_SAMPLE = [
    '{', //                                        1
    '  "id": "a",', //                              2
    '  "title": "T with \\"body\\": inside",', //   3
    '  "authors": [', //                            4
    '    { "name": "Ana Ruiz", "body": 1 },', //    5
    '    {', //                                     6
    '      "name": "Tom Hale"', //                  7
    '    }', //                                     8
    '  ],', //                                      9
    '  "dateline": { "city": "Beijing",', //        10
    '    "timezone": "Asia/Shanghai" },', //        11
    '  "content_html": "<p>x</p>",', //             12
    '  "body": "text"', //                          13
    '}', //                                         14
  ].join('\n');

  it('JSON: top-level keys without yaml, nested paths with yaml (once), the same lines as before', () => {
    const before = parseStats.yamlParses;
    const parsed = parseJson(JSON_SAMPLE, 'x.json');
    expect(parsed.lineOf(['content_html'])).toBe(12);
    expect(parsed.lineOf(['body'])).toBe(13);
    expect(parsed.lineOf(['title'])).toBe(3);
    expect(parsed.lineOf(['nope'])).toBe(1);
    expect(parsed.lineOf([])).toBe(1);
    expect(parseStats.yamlParses).toBe(before);
    expect(parsed.lineOf(['authors', 1, 'name'])).toBe(7);
    expect(parsed.lineOf(['dateline', 'timezone'])).toBe(11);
    expect(parsed.lineOf(['authors', 0, 'body'])).toBe(5);
    expect(parseStats.yamlParses).toBe(before + 1);
    checkJson(JSON_SAMPLE);
  });

  it('JSON whose top level is not an object answers line 1, as before', () => {
    for (const text of ['[{"body": 1}]', '"body"', '42', 'null']) {
      const parsed = checkJson(text);
      expect(parsed.lineOf(['body'])).toBe(1);
    }
  });
});

describe('error messages are unchanged', () => {
  const yamlError = (text: string) => parseYaml(text, 'x.md', 2).diagnostics.map((d) => [d.code, d.line, d.message]);
  const jsonError = (text: string) => parseJson(text, 'x.json').diagnostics.map((d) => [d.code, d.line, d.message]);

  it('a duplicate key, named as its field (QA: --json had no field)', () => {
    const fieldOf = (p: Parsed) => p.diagnostics.map((d) => [d.code, d.line, d.field, d.message]);
    expect(fieldOf(parseYaml('id: a\ntitle: T\nid: b', 'x.md', 2))).toEqual([['E_YAML_SYNTAX', 4, 'id', 'YAML syntax error: the key is given twice']]);
    expect(fieldOf(parseYaml('image:\n  url: a\n  url: b\nauthors:\n  - name: A\n  - name: B\n    name: C\n', 'x.md', 2)).map((d) => d[2])).toEqual(['image.url', 'authors[1].name']);
    // (It was E_YAML_SYNTAX with the key's quotes doubled: JSON.parse takes a key twice, yaml finds it.)
    expect(fieldOf(parseJson('{\n  "id": "a",\n  "id": "b"\n}\n', 'x.json'))).toEqual([['E_JSON_SYNTAX', 3, 'id', 'JSON syntax error: the key is given twice']]);
    expect(fieldOf(parseJson('{"a": {"b": [{"c": 1, "c": 2}]}}', 'x.json')).map((d) => d[2])).toEqual(['a.b[0].c']);
  });

  it('a bad indentation', () => {
    expect(yamlError('id: a\ndateline:\n  city: Beijing\n timezone: Asia/Shanghai')).toEqual([
      ['E_YAML_SYNTAX', 5, 'YAML syntax error: All mapping items must start at the same column'],
    ]);
    expect(yamlError('id: a\nauthors:\n  - name: A\n   email: x')).toEqual([['E_YAML_SYNTAX', 5, 'YAML syntax error: Sequence item without - indicator']]);
  });

  it('an unquoted value with ": "', () => {
    expect(yamlError('id: a\ntitle: Breaking: news here\ndate: 2025-02-05 09:24')).toEqual([
      ['E_YAML_SYNTAX', 3, 'YAML syntax error: Nested mappings are not allowed in compact mappings; put quotes around a value that contains ": "'],
    ]);
  });

  it('broken JSON', () => {
    // At the comma to take out, at the end where a brace is missing, at the key a comma should come before.
    expect(jsonError('{\n  "id": "a",\n  "title": "T",\n}\n')).toEqual([['E_JSON_SYNTAX', 3, 'JSON syntax error: a comma after the last key: take it out (JSON allows none) (column 15)']]);
    expect(jsonError('{\n  "id": "a",\n  "title": "T"\n')).toEqual([['E_JSON_SYNTAX', 3, 'JSON syntax error: the text ends too soon: a closing } or ] or a value is missing at the end (column 15)']]);
    expect(jsonError('{\n  "id": "a" "title": 1\n}\n')).toEqual([['E_JSON_SYNTAX', 2, 'JSON syntax error: a comma is missing before this (between two keys, or two items of a list) (column 13)']]);
    // V8 quoted the text around the token, line breaks and all, and gave no position: line 1, over three lines.
    const nested = jsonError('{\n  "id": "a",\n  "authors": [\n    {"name": "A"},\n    {"name": "B"},\n  ]\n}\n');
    expect(nested).toEqual([['E_JSON_SYNTAX', 5, 'JSON syntax error: a comma after the last item: take it out (JSON allows none) (column 18)']]);
    expect(jsonError('{\n  "id": "a",\n  "date": “2025-02-05 09:24”\n}\n')).toEqual([['E_JSON_SYNTAX', 3, 'JSON syntax error: a curly quotation mark (“) where JSON needs a straight one ("), as a word processor writes them (column 11)']]);
    expect(jsonError("{\n  'id': 'a'\n}\n")).toEqual([['E_JSON_SYNTAX', 2, 'JSON syntax error: a single quotation mark: JSON puts keys and text in double quotes (") (column 3)']]);
    // (A record could be Markdown, whose front matter takes comments; the configuration and ninjs could not: QA.)
    const commented = '{\n  // the desk\'s note\n  "id": "a"\n}\n';
    expect(jsonError(commented)).toEqual([['E_JSON_SYNTAX', 2, 'JSON syntax error: JSON has no comments: take it out (column 3)']]);
    expect(readJsonRecord(commented, 'a.json', 'a').diagnostics.map((d) => d.message)).toEqual(['JSON syntax error: JSON has no comments: take it out (the YAML front matter of a Markdown record takes comments after #) (column 3)']);
    // (Review: a no-break space at the end was "the text ends too soon"; a leading zero and a bracket closed by
    // the other kind were "a comma is missing".)
    expect(jsonError('{\n  "id": "a"\n}\u00a0\n')).toEqual([['E_JSON_SYNTAX', 3, 'JSON syntax error: an invisible character, U+00A0 (a no-break space), where JSON allows only spaces, tabs and line breaks: take it out (column 2)']]);
    expect(jsonError('{\n  "n": 01\n}\n')).toEqual([['E_JSON_SYNTAX', 2, 'JSON syntax error: a number with a leading zero (01), which JSON does not read: write it without the zero, or in double quotes as text (column 8)']]);
    expect(jsonError('{\n  "tags": ["a", "b"}\n')).toEqual([['E_JSON_SYNTAX', 2, 'JSON syntax error: a } where the list still open needs its ] (column 20)']]);
  });
});

describe('the fast path is taken', () => {
  it('for the sample records, Markdown and JSON, with no yaml parse even for the body line', () => {
    const md = readFileSync(join(ROOT, 'articles/2025/02/gaza-talks.md'), 'utf8');
    const json = readFileSync(join(ROOT, 'articles/2025/03/markets-brief-0312.json'), 'utf8');
    const before = { ...parseStats };
    const m = readMarkdownRecord(md, 'gaza-talks.md', '2025/02/gaza-talks');
    const j = readJsonRecord(json, 'markets-brief-0312.json', '2025/03/markets-brief-0312');
    expect(m.diagnostics).toEqual([]);
    expect(j.diagnostics).toEqual([]);
    // What validate.ts asks of every record.
    m.record!.lineOf(['body']);
    j.record!.lineOf(['content_html']);
    j.record!.lineOf(['body']);
    // The Markdown record is of the flat shape (_flat-yaml.ts), the JSON one goes through JSON.parse.
    expect(parseStats).toEqual({ ...before, flat: before.flat + 1, fast: before.fast + 1 });
  });

  it('for most of the front matters in the repository', () => {
    const fast = FRONT_MATTERS.filter(yamlFastPathSafe).length;
    expect(fast / FRONT_MATTERS.length).toBeGreaterThan(0.9);
  });
});

// ----- Generated front matters -----

/** Scalars that the two libraries (or YAML 1.1 and 1.2) are known to read differently, and friends. */
const TRICKY = [
  'a', 'Ana Ruiz', 'yes', 'no', 'on', 'off', 'y', 'n', 'true', 'False', 'TRUE', 'null', 'Null', '~', '', '-', '--', '0o17', '0x1F',
  '0X1F', '0b101', '-0x1F', '+0o17', '1e3', '1E3', '1e400', '.inf', '-.Inf', '+.inf', '.NaN', '12', '-12', '+12', '012', '0',
  '-0', '+0', '00', '-00', '0.0', '-0.0', '1.5', '1.', '.5', '-.5', '+.5', '1_000', '12345678901234567890123', '2025-02-05 09:24',
  '2025-02-05', '2025-02-05T09:24:00+08:00', '09:24', '1:20', 'a:b', 'a: b', 'a #b', 'a#b', '#x', '"q"', "it's", "'", '"', 'é',
  '中文', '😀', 'x, y', '[a]', '{a}', 'a]', '? x', '- x', '|', '>', '%x', '@x', '`x', '&a', '*a', '!a', 'x\ny', 'x\n\ny', ' lead',
  'trail ', '\\', '\\n', "''", 'k: v', '---', '...', '<<', '=', 'x  y', '\t', 'a\u0085b', '\u2028', '\ufeff',
];

const scalarText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const KEYS = ['id', 'title', 'date', 'name', 'a b', 'x', '1', '1.0', 'true', 'null', '~', 'é', 'key-with-dash', 'a.b', '__proto__', 'x:y', 'yes'];
const keyText = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ maxLength: 6 }));

type Style = 'plain' | 'double' | 'single' | 'literal' | 'folded';
type Tree =
  | { kind: 'scalar'; text: string; style: Style; comment: boolean }
  | { kind: 'map'; entries: { key: string; keyStyle: Style; value: Tree }[]; flow: boolean; indent: number }
  | { kind: 'seq'; items: Tree[]; flow: boolean; indent: number };

const styleArb = fc.constantFrom<Style>('plain', 'plain', 'double', 'single', 'literal', 'folded');
const { tree } = fc.letrec<{ tree: Tree; scalar: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('map'), tie('seq')),
  scalar: fc.record({ kind: fc.constant('scalar' as const), text: scalarText, style: styleArb, comment: fc.boolean() }),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.array(fc.record({ key: keyText, keyStyle: fc.constantFrom<Style>('plain', 'plain', 'double', 'single'), value: tie('tree') }), { maxLength: 4 }),
    flow: fc.boolean(),
    indent: fc.integer({ min: 1, max: 4 }),
  }),
  seq: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { maxLength: 4 }), flow: fc.boolean(), indent: fc.integer({ min: 0, max: 3 }) }),
}));

function inlineScalar(text: string, style: Style): string {
  if (style === 'double') return JSON.stringify(text);
  if (style === 'single') return `'${text.replace(/'/g, "''")}'`;
  return text.replace(/\n/g, ' '); // plain (may well be invalid YAML: then both must say so)
}

function flowOf(t: Tree): string {
  if (t.kind === 'scalar') return inlineScalar(t.text, t.style === 'literal' || t.style === 'folded' ? 'plain' : t.style);
  if (t.kind === 'seq') return `[${t.items.map(flowOf).join(', ')}]`;
  return `{${t.entries.map((e) => `${inlineScalar(e.key, e.keyStyle)}: ${flowOf(e.value)}`).join(', ')}}`;
}

/** The lines for `t` as the value after "key:" at indentation `ind`: [rest of the key's line, lines after]. */
function valueLines(t: Tree, ind: number): [string, string[]] {
  if (t.kind === 'scalar') {
    if (t.style === 'literal' || t.style === 'folded') {
      const pad = ' '.repeat(ind + 2);
      return [` ${t.style === 'literal' ? '|' : '>'}${t.comment ? '-' : ''}`, t.text.split('\n').map((l) => (l === '' ? '' : pad + l))];
    }
    return [` ${inlineScalar(t.text, t.style)}${t.comment ? ' # note' : ''}`, []];
  }
  const empty = t.kind === 'map' ? t.entries.length === 0 : t.items.length === 0;
  if (t.flow || empty) return [` ${flowOf(t)}`, []];
  return ['', blockLines(t, t.kind === 'seq' ? ind + t.indent : ind + t.indent)];
}

function blockLines(t: Tree, ind: number): string[] {
  const pad = ' '.repeat(ind);
  if (t.kind === 'scalar') {
    const [first, rest] = valueLines(t, ind);
    return [pad + first.trimStart(), ...rest];
  }
  const out: string[] = [];
  if (t.kind === 'map') {
    for (const e of t.entries) {
      const [first, rest] = valueLines(e.value, ind);
      out.push(`${pad}${inlineScalar(e.key, e.keyStyle)}:${first}`, ...rest);
    }
    return out.length > 0 ? out : [pad + '{}'];
  }
  for (const item of t.items) {
    const inner = item.kind === 'scalar' || item.flow ? null : blockLines(item, ind + 2);
    if (inner === null || inner.length === 0) {
      const [first, rest] = valueLines(item, ind);
      out.push(`${pad}-${first}`, ...rest);
    } else out.push(`${pad}- ${inner[0]!.slice(ind + 2)}`, ...inner.slice(1));
  }
  return out.length > 0 ? out : [pad + '[]'];
}

const frontMatterArb = fc.record({
  root: tree.filter((t) => t.kind === 'map'),
  comments: fc.array(fc.tuple(fc.nat(), fc.constantFrom('# comment', '', '  # it\'s "x" [y', '   ')), { maxLength: 2 }),
}).map(({ root, comments }) => {
  const lines = blockLines(root, 0);
  for (const [at, c] of comments) lines.splice(at % (lines.length + 1), 0, c);
  return lines.join('\n');
});

const SNIPPETS = [': ', ':', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '- ', '-', ' ', '  ', '\n', '\n  ', '\n- ', '|', '>', '? ',
  '\\', '&', '*', '!', 'null', '~', '-0', '0b1', '-.5', '\n\n# c\n', '\n-\n', '\t'];

/** A text with one snippet put in at some position (often breaking it: both must then agree it is broken). */
const mutated = (texts: fc.Arbitrary<string>) => fc.tuple(texts, fc.nat(), fc.constantFrom(...SNIPPETS)).map(
  ([t, at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
);

/** The shape most records have (src/sources/_flat-yaml.ts): one key per line, lists and maps on one line. */
const NEWSY = ['Ana Ruiz', 'Beijing', '2025-02-05 09:24', '2025-02-05T09:24:00+08:00', 'America/Sao_Paulo', '12', '0', 'true', 'False', 'null',
  'Energy Crisis', 'https://news.example.com/a?b=1', '中文 标题', "Xinhua's", 'a "quoted" word', 'Smith, John', '😀 x'];
const flatScalar = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NEWSY) }, { weight: 1, arbitrary: scalarText }),
  fc.constantFrom<Style>('plain', 'plain', 'double', 'single'),
).map(([t, style]) => inlineScalar(t, style));
const flatKey = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('id', 'title', 'date', 'section', 'tags', 'city', 'timezone', 'draft') }, { weight: 1, arbitrary: keyText });
const flatValue = fc.oneof(
  { weight: 3, arbitrary: flatScalar },
  fc.array(flatScalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
  fc.array(fc.tuple(flatKey, flatScalar), { maxLength: 3 }).map((es) => `{ ${es.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
);
/** Below a key: a block map, a block list (at the margin or indented), a block list of maps. */
const blockValue = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.tuple(flatKey, flatValue), { minLength: 1, maxLength: 3 }))
    .map(([n, es]) => es.map(([k, v]) => `\n${' '.repeat(n)}${k}: ${v}`).join('')),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.array(flatValue, { minLength: 1, maxLength: 3 }))
    .map(([n, vs]) => vs.map((v) => `\n${' '.repeat(n)}- ${v}`).join('')),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.array(fc.array(fc.tuple(flatKey, flatValue), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
    .map(([n, maps]) => maps.map((es) => es.map(([k, v], i) => `\n${' '.repeat(n)}${i === 0 ? '- ' : '  '}${k}: ${v}`).join('')).join('')),
);
const flatArb = fc.array(fc.tuple(flatKey, fc.oneof({ weight: 3, arbitrary: flatValue }, blockValue), fc.constantFrom('', '', ' # note', '  ')), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.map(([k, v, end]) => `${k}:${v.startsWith('\n') ? '' : ' '}${v}${end}`).join('\n'));

describe('generated front matters read the same on both paths', () => {
  it('flat front matters: the flat reader takes many, and reads them as yaml does', () => {
    const before = parseStats.flat;
    fc.assert(fc.property(flatArb, (text) => void checkYaml(text)), { numRuns: NUM_RUNS });
    fc.assert(fc.property(mutated(flatArb), (text) => void checkYaml(text)), { numRuns: NUM_RUNS });
    // checkYaml reads each text through parseYaml once. Of the 2 × NUM_RUNS texts the flat reader took
    // 74–98 in eight runs of 300; a tenth of NUM_RUNS says it is exercised without making the test flaky.
    expect(parseStats.flat - before).toBeGreaterThan(NUM_RUNS / 10);
  }, PROPERTY_TIMEOUT);

  it('the quick scan of the flat reader takes exactly the characters its per-character check takes: every code unit, and pairs', () => {
    // The check as it was before the quick scan was put in front of it.
    const reference = (text: string): boolean => {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((c >= 0x20 && c < 0x7f) || c === 0x0a) continue;
        if (c < 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe) return false;
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = text.charCodeAt(i + 1);
          if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return false;
          i++;
        }
      }
      return true;
    };
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a: x${String.fromCharCode(c)}y`;
      if (plainText(text) !== reference(text)) expect.fail(`U+${c.toString(16)}: ${plainText(text)}`);
    }
    for (const [hi, lo] of [[0xd800, 0xdc00], [0xdbff, 0xdfff], [0xd83d, 0xde00], [0xdc00, 0xd800], [0xd800, 0x41], [0xd800, 0xd800]] as const) {
      const text = `a: ${String.fromCharCode(hi, lo)}`;
      expect(plainText(text), text).toBe(reference(text));
    }
  });

  it('characters at the edges of what the flat reader takes, in every kind of value, read as yaml does', () => {
    // Controls, DEL and C1 (NEL among them), separators, BOM, non-characters, lone and paired surrogates,
    // and their printable neighbours.
    const edges = ['\u0001', '\t', '\r', '\u001f', '\u007e', '\u007f', '\u0080', '\u0085', '\u009f', '\u00a0', '\u2027', '\u2028', '\u2029',
      '\u202a', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\ue000', '\ufefe', '\ufeff', '\uff00', '\ufffd', '\ufffe', '\uffff'];
    const before = parseStats.flat;
    for (const c of edges) {
      for (const text of [`id: a\ntitle: "x${c}y"`, `id: a\ntitle: x${c}y`, `id: a\ntags: [x${c}y, 'z${c}']`, `id: a\ndateline: { city: x${c}y }`, `id: a${c}\ntitle: t`]) {
        checkYaml(text);
      }
    }
    // The printable ones are taken by the flat reader (so it was the one compared), the others refused.
    expect(parseStats.flat - before).toBeGreaterThan(40);
  });


  it('maps of strings, numbers, booleans, nulls, dates, lists and nested maps in every style', () => {
    let fast = 0;
    fc.assert(fc.property(frontMatterArb, (text) => {
      if (checkYaml(text).diagnostics.length === 0 && yamlFastPathSafe(text)) fast++;
    }), { numRuns: NUM_RUNS });
    expect(fast).toBeGreaterThan(0);
  }, PROPERTY_TIMEOUT);

  it('the same with a snippet put in somewhere', () => {
    fc.assert(fc.property(mutated(frontMatterArb), (text) => void checkYaml(text)), { numRuns: NUM_RUNS });
  }, PROPERTY_TIMEOUT);

  it('the repository\'s front matters with a snippet put in somewhere', () => {
    fc.assert(fc.property(mutated(fc.constantFrom(...FRONT_MATTERS)), (text) => void checkYaml(text)), { numRuns: NUM_RUNS });
  }, PROPERTY_TIMEOUT);
});

describe('generated JSON reads the same on both paths', () => {
  const formatted = fc.tuple(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' })), fc.constantFrom<string | number>(0, 1, 2, 4, '\t', ' \n')).map(([v, indent]) => JSON.stringify(v, null, indent));
  /** JSON with a key given twice (sometimes spelled with an escape), white space moved about. */
  const awkward = fc.tuple(formatted, fc.nat(), fc.constantFrom('"a": 1, "a": 2, ', '"a": 1, "\\u0061": 2, ', '\r', '\r\n', '\n', '\t', ' ')).map(([t, at, s]) => {
    if (s.startsWith('"')) return t.replace('{', `{${s}`).replace(/, \}/, '}');
    // Only between tokens, so that it stays JSON (or stops being JSON: then both say so).
    const spots = [...t.matchAll(/[{}[\],:]/g)].map((m) => m.index);
    const i = spots.length === 0 ? 0 : spots[at % spots.length]! + 1;
    return t.slice(0, i) + s + t.slice(i);
  });

  it('any JSON value, pretty or not', () => {
    fc.assert(fc.property(formatted, (text) => {
      const parsed = checkJson(text);
      if (parsed.diagnostics.length === 0) expect(parsed.data).toStrictEqual(JSON.parse(text));
    }), { numRuns: NUM_RUNS });
  }, PROPERTY_TIMEOUT);

  it('duplicate keys, CRs, tabs and line breaks between tokens', () => {
    fc.assert(fc.property(awkward, (text) => void checkJson(text)), { numRuns: NUM_RUNS });
  }, PROPERTY_TIMEOUT);
});

describe('a body read again without its front matter (markdownBody)', () => {
  const config = resolveConfig(SITE_CONFIG, 'dateline.config.json', () => undefined).config!;
  /** The body validation gives the record, when it is valid. */
  const validated = (text: string): string | undefined => {
    const raw = readMarkdownRecord(text, 'articles/a.md', 'a').record;
    return raw === undefined ? undefined : validateRecord(raw, config).article?.body.text;
  };

  it('is the body validation gives, for every Markdown record in the repository', () => {
    let compared = 0;
    for (const file of FILES.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(file, 'utf8');
      const body = validated(text);
      if (body === undefined) continue;
      const fast = markdownBody(text);
      if (fast !== undefined) compared += 1;
      expect([file, fast ?? body]).toEqual([file, body]);
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('is the body validation gives for generated records: forbidden characters, a BOM, `...` closing, fences in the body', () => {
    let compared = 0;
    const piece = fc.constantFrom('Text.', '\u0001', '\u0008', '\uFFFE', '&#1;', '---', '...', '--- ', '\n', '\n\n', 'é', '😀', '\u0085', '\t', 'a: b');
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('---', '...', '--- '), fc.array(piece, { maxLength: 12 }), (bom, close, parts) => {
        const text = `${bom ? '\uFEFF' : ''}---\nid: a\ntitle: A\ndate: 2025-02-05 09:24\n${close}\n${parts.join('')}`;
        const body = validated(text);
        const fast = markdownBody(text);
        expect(fast).toBeDefined();
        if (body === undefined) return;
        compared += 1;
        expect(fast).toBe(body);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(compared).toBeGreaterThan(NUM_RUNS / 2);
  });

  it('leaves what it does not read to the full path: CRLF, no closing fence', () => {
    expect(markdownBody('---\r\nid: a\r\n---\r\nBody')).toBeUndefined();
    expect(markdownBody('---\nid: a\nBody')).toBeUndefined();
    expect(markdownBody('id: a\n---\nBody')).toBeUndefined();
  });
});

describe('records whose lines end in a CR alone (old Mac files)', () => {
  // QA: yaml, which gives the lines, read a JSON record so otherwise than JSON.parse: a title printed with
  // its quotes and escapes, with no warning; a Markdown record had "no front matter".
  it('reads a JSON record as JSON.parse does, and counts its lines at each CR', () => {
    const text = '{"id": "e-j3",\r"title":\r"x\\u00e9",\r"date": "2025-02-05 09:24",\r"body": "b"\r}';
    const r = readJsonRecord(text, 'cr.json', 'cr');
    expect([r.diagnostics, r.record?.data, r.record?.lineOf(['date'])]).toEqual([[], JSON.parse(text), 4]);
  });

  it('reads a Markdown record\'s front matter and body', () => {
    const r = readMarkdownRecord('---\rid: e-m1\rtitle: Mac\rdate: 2025-02-05 09:24\r---\rBody one.\r\rTwo.\r', 'cr.md', 'cr');
    expect([r.diagnostics, r.record?.data, r.record?.body, r.record?.lineOf(['date'])]).toEqual([[], { id: 'e-m1', title: 'Mac', date: '2025-02-05 09:24' }, 'Body one.\n\nTwo.\n', 4]);
  });
});
