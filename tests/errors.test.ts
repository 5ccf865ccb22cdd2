/**
 * The error-message table: every diagnostic a person can meet, asserted as the WHOLE formatted line
 * (`path:line: field: message (CODE)`), through the public API only (makeSite → loadConfig/loadArticles).
 *
 * Fixtures are written line by line with `md(...)`/`json(...)`: the n-th argument is line n of the file, so
 * each expected line number can be checked by counting. In a Markdown record line 1 is the opening `---`
 * and the front matter starts on line 2.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeeds, DatelineError, formatDiagnostic, loadArticles, loadConfig, type Diagnostic } from '../src/index.js';
import { makeSite, parseXml, runCli, SITE_CONFIG } from './_helpers.js';

/** A file made of `lines`: argument n is line n. Ends with a newline, like files written by editors. */
const md = (...lines: string[]): string => `${lines.join('\n')}\n`;
const json = md;

const NEW_YORK = { ...SITE_CONFIG, timezone: 'America/New_York' };

/** Writes a site, loads its configuration and its records, and returns every diagnostic formatted. */
async function diagnose(files: Record<string, string>, config: object = SITE_CONFIG) {
  const site = await makeSite(files, config);
  try {
    const cfg = await loadConfig(undefined, site.dir);
    const loaded = await loadArticles(cfg, site.dir);
    return { lines: loaded.diagnostics.map(formatDiagnostic), loaded, config: cfg };
  } finally {
    await site.cleanup();
  }
}

/** Writes `dateline.config.json` verbatim and returns the DatelineError that loadConfig throws. */
async function configError(text: string | undefined): Promise<DatelineError> {
  const site = await makeSite(text === undefined ? {} : { 'dateline.config.json': text });
  try {
    if (text === undefined) {
      const { rm } = await import('node:fs/promises');
      await rm(`${site.dir}/dateline.config.json`);
    }
    const error = await loadConfig('dateline.config.json', site.dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatelineError);
    const e = error as DatelineError;
    // The thrown message is the formatted diagnostics, one per line.
    expect(e.message).toBe(e.diagnostics.map(formatDiagnostic).join('\n'));
    return e;
  } finally {
    await site.cleanup();
  }
}

const formatted = (ds: readonly Diagnostic[]): string[] => ds.map(formatDiagnostic);

interface Case {
  name: string;
  files: Record<string, string>;
  expected: string[];
  config?: object;
}

const DATE_FORMAT_HINT = 'expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00"';

const CASES: Case[] = [
  {
    name: 'missing required fields (id, title, date) are reported at line 1, the opening ---',
    files: { 'articles/a.md': md('---', 'section: World', '---', 'Body.') },
    expected: [
      'articles/a.md:1: id: required field is missing (E_FIELD_MISSING)',
      'articles/a.md:1: title: required field is missing (E_FIELD_MISSING)',
      'articles/a.md:1: date: required field is missing (E_FIELD_MISSING)',
    ],
  },
  {
    name: 'empty front matter: every required field missing, at line 1',
    files: { 'articles/a.md': md('---', '---', 'Body.') },
    expected: [
      'articles/a.md:1: id: required field is missing (E_FIELD_MISSING)',
      'articles/a.md:1: title: required field is missing (E_FIELD_MISSING)',
      'articles/a.md:1: date: required field is missing (E_FIELD_MISSING)',
    ],
  },
  {
    name: 'missing nested required field (dateline.city) points at the dateline key',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'dateline:', '  country: CH', '  timezone: Europe/Zurich', '---', 'B') },
    expected: ['articles/a.md:5: dateline.city: required field is missing (E_FIELD_MISSING)'],
  },
  {
    name: 'bad date format (12/03/2024)',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 12/03/2024', '---', 'B') },
    expected: [`articles/a.md:4: date: ${DATE_FORMAT_HINT}, got "12/03/2024": write the date year first, as YYYY-MM-DD (which is the day and which the month in a date like 12/03/2024 depends on the country) (E_DATE_FORMAT)`],
  },
  {
    // (Each was "expected a desk time like …", the format it has.)
    name: 'a date or time of the right form that no calendar or clock has says what is wrong',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-30 09:00', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 24:00', '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 25:10', '---', 'B'),
      'articles/d.md': md('---', 'id: d', 'title: T', 'date: 2025-13-05 09:00', '---', 'B'),
      'articles/e.md': md('---', 'id: e', 'title: T', 'date: 2025-02-05 9:24', '---', 'B'),
      'articles/f.md': md('---', 'id: f', 'title: T', 'date: "2025-04-31T10:00:00Z"', '---', 'B'),
      'articles/g.md': md('---', 'id: g', 'title: T', 'date: 2025-02-05 09:60', '---', 'B'),
    },
    expected: [
      `articles/a.md:4: date: ${DATE_FORMAT_HINT}, got "2025-02-30 09:00": February 2025 has 28 days (E_DATE_FORMAT)`,
      `articles/b.md:4: date: ${DATE_FORMAT_HINT}, got "2025-02-05 24:00": midnight is 00:00 of the next day (E_DATE_FORMAT)`,
      `articles/c.md:4: date: ${DATE_FORMAT_HINT}, got "2025-02-05 25:10": there is no hour 25 (00 to 23) (E_DATE_FORMAT)`,
      `articles/d.md:4: date: ${DATE_FORMAT_HINT}, got "2025-13-05 09:00": there is no month 13 (E_DATE_FORMAT)`,
      `articles/e.md:4: date: ${DATE_FORMAT_HINT}, got "2025-02-05 9:24": write each part with its digits in full: four for the year, two for the others ("2025-02-05 09:24") (E_DATE_FORMAT)`,
      `articles/f.md:4: date: ${DATE_FORMAT_HINT}, got "2025-04-31T10:00:00Z": April 2025 has 30 days (E_DATE_FORMAT)`,
      `articles/g.md:4: date: ${DATE_FORMAT_HINT}, got "2025-02-05 09:60": minutes and seconds go from 00 to 59 (E_DATE_FORMAT)`,
    ],
  },
  {
    // (QA: a number was told to be quoted, which led only to E_DATE_FORMAT; `date: ""` was E_DATE_FORMAT and
    // `date: ~` E_FIELD_EMPTY; a date given as a number also asked for a date, as if none were given.)
    name: 'a date written as a number, or empty, says so at once',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 20250205', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 202502050924', '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', 'updated: 1738718640', '---', 'B'),
      'articles/d.md': md('---', 'id: d', 'title: T', 'date: ""', '---', 'B'),
      'articles/e.md': md('---', 'id: e', 'title: T', 'date: 2025-02-05 09:24', 'dateline:', '  city: Paris', '  date: 20250204', '---', 'B'),
      'articles/f.md': md('---', 'id: f', 'title: T', 'date: "1738718640000"', '---', 'B'),
    },
    expected: [
      `articles/a.md:4: date: ${DATE_FORMAT_HINT}, got "20250205": write it with dashes, and its time: "2025-02-05 09:24" (E_DATE_FORMAT)`,
      `articles/b.md:4: date: ${DATE_FORMAT_HINT}, got "202502050924": write it with dashes and a colon: "2025-02-05 09:24" (E_DATE_FORMAT)`,
      `articles/c.md:5: updated: ${DATE_FORMAT_HINT}, got "1738718640": a count of seconds since 1970 (Unix time) is not read: write the instant it is, "2025-02-05T01:24:00Z" (E_DATE_FORMAT)`,
      'articles/d.md:4: date: must not be empty (E_FIELD_EMPTY)',
      'articles/e.md:7: dateline.date: expected a local date like "2025-02-04", got "20250204": write it with dashes: "2025-02-04" (E_DATE_FORMAT)',
      `articles/f.md:4: date: ${DATE_FORMAT_HINT}, got "1738718640000": a count of milliseconds since 1970 (Unix time) is not read: write the instant it is, "2025-02-05T01:24:00Z" (E_DATE_FORMAT)`,
    ],
  },
  {
    // (Each went into media:content and the enclosure as written: `type="jpeg"`.)
    name: 'an image type that is no media type',
    files: {
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: https://img.example.com/c.jpg', '  type: text/html', '---', 'B'),
      'articles/d.md': md('---', 'id: d', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: https://img.example.com/d.jpg', '  type: image/jpeg; charset=utf-8', '---', 'B'),
    },
    expected: [
      'articles/c.md:7: image.type: expected an image\'s media type such as "image/jpeg" or "image/png", got "text/html" (or leave it out: the URL\'s ending gives it) (E_IMAGE_TYPE)',
      'articles/d.md:7: image.type: expected an image\'s media type such as "image/jpeg" or "image/png", got "image/jpeg; charset=utf-8" (or leave it out: the URL\'s ending gives it) (E_IMAGE_TYPE)',
    ],
  },
  {
    name: 'a date without a time is a format error',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05', '---', 'B') },
    expected: [`articles/a.md:4: date: ${DATE_FORMAT_HINT}, got "2025-02-05": the time is missing (write "2025-02-05 09:24") (E_DATE_FORMAT)`],
  },
  {
    // (QA: a day of three digits, or a time with no colon, was said to have no time.)
    name: 'a date with a time written otherwise is not said to lack one',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-01-010 10:18', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-01-01 1018', '---', 'B'),
      // (A "T" or a zone alone after the date: the time is missing, review.)
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-01-01 +08:00', '---', 'B'),
      'articles/d.md': md('---', 'id: d', 'title: T', 'date: 2025-01-01T', '---', 'B'),
    },
    expected: [
      `articles/a.md:4: date: ${DATE_FORMAT_HINT}, got "2025-01-010 10:18" (E_DATE_FORMAT)`, `articles/b.md:4: date: ${DATE_FORMAT_HINT}, got "2025-01-01 1018" (E_DATE_FORMAT)`,
      `articles/c.md:4: date: ${DATE_FORMAT_HINT}, got "2025-01-01 +08:00": the time is missing (write "2025-02-05 09:24") (E_DATE_FORMAT)`,
      `articles/d.md:4: date: ${DATE_FORMAT_HINT}, got "2025-01-01T": the time is missing (write "2025-02-05 09:24") (E_DATE_FORMAT)`,
    ],
  },
  {
    name: 'updated before date',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'updated: 2025-02-04 09:00', '---', 'B') },
    expected: [
      'articles/a.md:5: updated: "2025-02-04 09:00" is earlier than the first publication "2025-02-05 09:24"; "updated" is the last correction, never before "date" (E_UPDATED_BEFORE_DATE)',
    ],
  },
  {
    name: 'nonexistent local time in the New York spring-forward gap',
    config: NEW_YORK,
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-03-09 02:30', '---', 'B') },
    expected: [
      'articles/a.md:4: date: "2025-03-09 02:30" does not exist in America/New_York: the clocks go forward past it (a daylight-saving change, or a new standard offset); write the instant with an explicit offset (read off the clock before the change, it is "2025-03-09T02:30:00-05:00") (E_DATE_NONEXISTENT)',
    ],
  },
  {
    name: 'ambiguous local time in the New York fall-back overlap lists both instants',
    config: NEW_YORK,
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-11-02 01:30', '---', 'B') },
    expected: [
      'articles/a.md:4: date: "2025-11-02 01:30" happens twice in America/New_York (2025-11-02T01:30:00-04:00 or 2025-11-02T01:30:00-05:00); write the one you mean with its offset (E_DATE_AMBIGUOUS)',
    ],
  },
  {
    name: 'the gap and the overlap are checked in "updated" too',
    config: NEW_YORK,
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-03-01 09:00', 'updated: 2025-03-09 02:00', '---', 'B') },
    expected: [
      'articles/a.md:5: updated: "2025-03-09 02:00" does not exist in America/New_York: the clocks go forward past it (a daylight-saving change, or a new standard offset); write the instant with an explicit offset (read off the clock before the change, it is "2025-03-09T02:00:00-05:00") (E_DATE_NONEXISTENT)',
    ],
  },
  {
    name: 'instants whose year RSS or RFC 3339 cannot write: before 0001 in UTC, year 0000, after 9999 in the publisher zone',
    config: NEW_YORK,
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 0001-01-01T00:00:00+08:00', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 0000-06-01T12:00:00Z', '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', 'updated: 9999-12-31T23:30:00-05:00', '---', 'B'),
      // Writable in UTC and in New York, but Kiritimati (+14:00) has reached year 10000.
      'articles/e.md': md('---', 'id: e', 'title: T', 'date: 9999-12-31T12:00:00Z', 'dateline:', '  city: Kiritimati', '  timezone: Pacific/Kiritimati', '---', 'B'),
    },
    expected: [
      'articles/a.md:4: date: "0001-01-01T00:00:00+08:00" is 0000-12-31T16:00:00Z: feeds write four-digit years, from 0001 to 9999, in UTC, in the publisher zone and at the dateline alike; check the year (E_DATE_RANGE)',
      'articles/b.md:4: date: "0000-06-01T12:00:00Z" is 0000-06-01T12:00:00Z: feeds write four-digit years, from 0001 to 9999, in UTC, in the publisher zone and at the dateline alike; check the year (E_DATE_RANGE)',
      'articles/c.md:5: updated: "9999-12-31T23:30:00-05:00" is +010000-01-01T04:30:00Z: feeds write four-digit years, from 0001 to 9999, in UTC, in the publisher zone and at the dateline alike; check the year (E_DATE_RANGE)',
      'articles/e.md:4: date: "9999-12-31T12:00:00Z" is 9999-12-31T12:00:00Z: feeds write four-digit years, from 0001 to 9999, in UTC, in the publisher zone and at the dateline alike; check the year (E_DATE_RANGE)',
    ],
  },
  {
    name: 'unknown dateline time zone',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'dateline:', '  city: Olympus Mons', '  timezone: Mars/Olympus', '---', 'B') },
    expected: ['articles/a.md:7: dateline.timezone: unknown time zone "Mars/Olympus"; use a tz database (IANA) name such as "America/New_York" or "Asia/Shanghai" (E_ZONE_UNKNOWN)'],
  },
  {
    name: 'dateline with neither timezone nor date under the xinhua style',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'dateline:', '  city: Geneva', '---', 'B') },
    expected: [
      'articles/a.md:5: dateline: the xinhua house style prints the local date at the dateline city: give "dateline.timezone" (IANA) or an explicit "dateline.date" (E_DATELINE_ZONE_NEEDED)',
    ],
  },
  {
    name: 'dateline.date that is no calendar date',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'dateline:', '  city: Geneva', '  date: 2025-02-30', '---', 'B') },
    expected: ['articles/a.md:7: dateline.date: expected a local date like "2025-02-04", got "2025-02-30": February 2025 has 28 days (E_DATE_FORMAT)'],
  },
  {
    name: 'unknown key with a did-you-mean (contributer → contributors)',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'contributer: Jane Doe', '---', 'B') },
    expected: ['articles/a.md:5: contributer: unknown field; did you mean "contributors"? (E_FIELD_UNKNOWN)'],
  },
  {
    // Fields by the names other systems give them (`img` was "did you mean \"id\"?", `published` nothing).
    name: 'unknown fields named as other systems name them',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'img: https://img.example.com/a.jpg', 'category: World', 'byline: Jane Doe', 'lang: en', '---', 'B') },
    expected: [
      'articles/a.md:5: img: unknown field; did you mean "image"? (E_FIELD_UNKNOWN)',
      'articles/a.md:6: category: unknown field; did you mean "section"? (E_FIELD_UNKNOWN)',
      'articles/a.md:7: byline: unknown field; did you mean "authors"? (E_FIELD_UNKNOWN)',
      'articles/a.md:8: lang: unknown field; did you mean "language"? (E_FIELD_UNKNOWN)',
    ],
  },
  {
    // (QA: Object's own names found Object.prototype's members, and the build crashed, exit 70.)
    name: 'unknown keys named as members of every object (__proto__, constructor, toString)',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', '__proto__: 1', 'constructor: 2', '---', 'B'),
      'articles/b.json': '{"id":"b","title":"T","date":"2025-02-05 09:24","body":"B","__proto__":1,"toString":2}\n',
    },
    expected: [
      'articles/a.md:5: __proto__: unknown field (E_FIELD_UNKNOWN)',
      'articles/a.md:6: constructor: unknown field (E_FIELD_UNKNOWN)',
      'articles/b.json:1: __proto__: unknown field (E_FIELD_UNKNOWN)',
      'articles/b.json:1: toString: unknown field (E_FIELD_UNKNOWN)',
    ],
  },
  {
    // (QA: yaml's refusal, a "resource exhaustion attack", was an internal error, exit 70.)
    name: 'more aliases than YAML expands: an error at the first alias',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'section: &s World', `tags: [${Array(101).fill('*s').join(', ')}]`, '---', 'B') },
    expected: ['articles/a.md:6: YAML syntax error: too many aliases (*name) to expand: write the values out (E_YAML_SYNTAX)'],
  },
  {
    // (QA: yaml's ReferenceError from toJS was an internal error, exit 70.)
    name: 'an alias to no anchor (or to one set after it): an error at that alias',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'tags: [*a]', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'summary: *later', 'section: &later World', '---', 'B'),
    },
    expected: [
      'articles/a.md:5: YAML syntax error: the alias *a names no anchor: write &a on a value before it, or write the value out (E_YAML_SYNTAX)',
      'articles/b.md:5: YAML syntax error: the alias *later names no anchor: write &later on a value before it, or write the value out (E_YAML_SYNTAX)',
    ],
  },
  {
    // (QA: reported at line 1, named without the characters, which the key as written has.)
    name: 'a key with control characters: at its line, named as JSON spells it',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', '"x\\u0001y": 1', '"\\u0007": 2', 'image:', '  "u\\u0002rl": https://e.com/a.jpg', '---', 'B'),
      'articles/b.json': '{\n  "id": "b",\n  "title": "T",\n  "date": "2025-02-05 09:24",\n  "body": "B",\n  "ti\\u0003tle": "x"\n}\n',
    },
    expected: [
      'articles/a.md:5: "x\\u0001y": unknown field; did you mean "id"? (E_FIELD_UNKNOWN)',
      'articles/a.md:6: "\\u0007": unknown field (E_FIELD_UNKNOWN)',
      'articles/a.md:8: image."u\\u0002rl": unknown field; did you mean "url"? (E_FIELD_UNKNOWN)',
      'articles/b.json:6: "ti\\u0003tle": unknown field; did you mean "title"? (E_FIELD_UNKNOWN)',
    ],
  },
  {
    // (QA-style: 200 KB of nested lists overflowed the stack when the record was walked: exit 70.)
    name: 'lists or mappings nested past any record\'s fields: not read, at the field, in JSON and YAML',
    files: {
      'articles/a.json': `{"id":"a","title":"T","date":"2025-02-05 09:24","body":"B",\n"tags":${'['.repeat(100000)}${']'.repeat(100000)}}`,
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', `tags: ${'['.repeat(20000)}${']'.repeat(20000)}`, '---', 'B'),
      'articles/c.json': `{"id":"c","title":"T","date":"2025-02-05 09:24","body":"B",\n"image":${'{"a":'.repeat(70)}1${'}'.repeat(70)}}`,
    },
    expected: [
      'articles/a.json:2: tags: nests lists or mappings over 64 levels deep, where a record\'s fields go three deep at most: the record is not read; check where the file came from (E_RECORD_TOO_DEEP)',
      'articles/b.md:5: YAML syntax error: the record nests lists or mappings too deep to read (hundreds of levels), where a record\'s fields go three deep at most: check where the file came from (E_YAML_SYNTAX)',
      'articles/c.json:2: image: nests lists or mappings over 64 levels deep, where a record\'s fields go three deep at most: the record is not read; check where the file came from (E_RECORD_TOO_DEEP)',
    ],
  },
  {
    // (yaml compares each key with every one before it: 50,000 keys took 10 s. Past 2,000 the keys are compared in a set.)
    name: 'a key given twice in a front matter of thousands of keys: the same error at the repeat',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', ...Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}`), 'k7: again', 'image: {url: https://e.com/a.jpg, url: https://e.com/b.jpg}', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'k7: 1', 'k7: again', '---', 'B'),
    },
    expected: [
      'articles/a.md:3005: k7: YAML syntax error: the key is given twice (E_YAML_SYNTAX)',
      'articles/a.md:3006: image.url: YAML syntax error: the key is given twice (E_YAML_SYNTAX)',
      'articles/b.md:6: k7: YAML syntax error: the key is given twice (E_YAML_SYNTAX)',
    ],
  },
  {
    name: 'unknown nested key in a flow mapping (dateline.zone), no close suggestion',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'dateline: {city: X, timezone: Asia/Tokyo, zone: y}', '---', 'B') },
    expected: ['articles/a.md:5: dateline.zone: unknown field (E_FIELD_UNKNOWN)'],
  },
  {
    name: 'unknown key inside a list item gets a suggestion from that object’s keys',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'authors:', '  - name: Jane', '    emial: jane@example.com', '---', 'B') },
    expected: ['articles/a.md:7: authors[0].emial: unknown field; did you mean "email"? (E_FIELD_UNKNOWN)'],
  },
  {
    name: 'wrong types: tags as a string, image.width negative, draft "yes"',
    files: {
      'articles/a.md': md(
        '---', //                                      1
        'id: a', //                                    2
        'title: T', //                                 3
        'date: 2025-02-05 09:24', //                   4
        'tags: politics', //                           5
        'image:', //                                   6
        '  url: https://cdn.example.com/a.jpg', //     7
        '  width: -5', //                              8
        'draft: "yes"', //                             9
        '---',
        'B',
      ),
    },
    expected: [
      'articles/a.md:5: tags: expected a list of strings, got the text "politics" (E_FIELD_TYPE)',
      'articles/a.md:8: image.width: expected a positive whole number of pixels, got the number -5 (E_FIELD_TYPE)',
      'articles/a.md:9: draft: expected true or false, got the text "yes" (E_FIELD_TYPE)',
    ],
  },
  {
    name: 'wrong types: a number id, a non-string tag, a fractional width, a quoted height',
    files: {
      'articles/a.md': md('---', 'id: 2025', 'title: T', 'date: 2025-02-05 09:24', 'tags:', '  - a', '  - 5', 'image:', '  url: /a.png', '  width: 1.5', '  height: "100"', '---', 'B'),
    },
    expected: [
      'articles/a.md:2: id: expected text, got the number 2025; put it in quotes to keep it as text ("2025") (E_FIELD_TYPE)',
      'articles/a.md:7: tags[1]: expected text, got the number 5; put it in quotes to keep it as text ("5") (E_FIELD_TYPE)',
      'articles/a.md:10: image.width: expected a positive whole number of pixels, got the number 1.5 (E_FIELD_TYPE)',
      'articles/a.md:11: image.height: expected a positive whole number of pixels, got the text "100" (E_FIELD_TYPE)',
    ],
  },
  {
    // (QA: the advice quoted the number read, so following it renamed the tag: "007" became "7".)
    name: 'a number or true/false where text is expected: the advice quotes it as written, not as YAML or JSON read it',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'tags: [1.50, 0x1F, 007, 1e3, True]', '---', 'B'),
      'articles/b.json': '{"id": "b", "title": "T", "date": "2025-02-05 09:24",\n "tags": [1.50, 1E3, -0]}',
    },
    expected: [
      'articles/a.md:5: tags[0]: expected text, got the number 1.5; put it in quotes to keep it as text ("1.50") (E_FIELD_TYPE)',
      'articles/a.md:5: tags[1]: expected text, got the number 31; put it in quotes to keep it as text ("0x1F") (E_FIELD_TYPE)',
      'articles/a.md:5: tags[2]: expected text, got the number 7; put it in quotes to keep it as text ("007") (E_FIELD_TYPE)',
      'articles/a.md:5: tags[3]: expected text, got the number 1000; put it in quotes to keep it as text ("1e3") (E_FIELD_TYPE)',
      'articles/a.md:5: tags[4]: expected text, got true; put it in quotes to keep it as text ("True") (E_FIELD_TYPE)',
      'articles/b.json:2: tags[0]: expected text, got the number 1.5; put it in quotes to keep it as text ("1.50") (E_FIELD_TYPE)',
      'articles/b.json:2: tags[1]: expected text, got the number 1000; put it in quotes to keep it as text ("1E3") (E_FIELD_TYPE)',
      'articles/b.json:2: tags[2]: expected text, got the number 0; put it in quotes to keep it as text ("-0") (E_FIELD_TYPE)',
    ],
  },
  {
    // The mistakes desks make most, at the line to fix and with what to do (yaml's own words were the
    // message, at the end of the front matter for a quote never closed).
    name: 'YAML mistakes: a quote never closed, an indented key, an apostrophe in single quotes, a tab',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: "Trump to host Netanyahu', 'date: 2025-02-05 09:24', 'section: World', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', ' date: 2025-02-05 09:24', '---', 'B'),
      'articles/c.md': md('---', 'id: c', "title: 'Don't panic'", 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/d.md': md('---', 'id: d', '\ttitle: T', 'date: 2025-02-05 09:24', '---', 'B'),
      // (QA: a nested key one space too far in was told to start at the left margin, at the line above it.)
      'articles/e.md': md('---', 'id: e', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: https://img.example.com/a.jpg', '   caption: A ship', '---', 'B'),
    },
    expected: [
      'articles/a.md:3: YAML syntax error: the value of "title" opens a quotation mark (") that is never closed: close it at the end of the value (E_YAML_SYNTAX)',
      'articles/b.md:4: YAML syntax error: this line is indented more than the key above it, so YAML reads it as a part of that key\'s value: start it at the left margin, as the key above it (E_YAML_SYNTAX)',
      "articles/c.md:3: YAML syntax error: an apostrophe inside a value in single quotes ends it: write it twice ('Don''t') or put the value in double quotes (E_YAML_SYNTAX)",
      'articles/d.md:3: YAML syntax error: YAML indents with spaces, never tabs: put spaces in place of the tab at the start of this line (E_YAML_SYNTAX)',
      'articles/e.md:7: YAML syntax error: this line is indented more than the key above it, so YAML reads it as a part of that key\'s value: indent it as the key above it, by 2 spaces (E_YAML_SYNTAX)',
    ],
  },
  {
    // (YAML reads `summary:` with nothing after it as null: "expected text, got null".)
    name: 'a key with nothing after it is an empty field',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'summary:', '---', 'B') },
    expected: ['articles/a.md:5: summary: must not be empty (E_FIELD_EMPTY)'],
  },
  {
    name: 'empty id and blank title',
    files: { 'articles/a.md': md('---', 'id: ""', 'title: "   "', 'date: 2025-02-05 09:24', '---', 'B') },
    expected: ['articles/a.md:2: id: must not be empty (E_FIELD_EMPTY)', 'articles/a.md:3: title: must not be empty (E_FIELD_EMPTY)'],
  },
  {
    name: 'a URL with a slash too many (it names another host), or a mistyped one (it would become a path of the site)',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'url: //world/2025/07/story.html', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: "\\\\\\\\evil.example/p.jpg"', '---', 'B'),      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', 'url: https//news.example.com/a.html', '---', 'B'),
      'articles/d.md': md('---', 'id: d', 'title: T', 'date: 2025-02-05 09:24', 'url: www.other.example/a.html', '---', 'B'),
      'articles/e.md': md('---', 'id: e', 'title: T', 'date: 2025-02-05 09:24', 'url: "http:/news.example.com/a.html"', '---', 'B'),
      'articles/f.md': md('---', 'id: f', 'title: T', 'date: 2025-02-05 09:24', 'url: "https:///world/story.html"', '---', 'B'),
      'articles/g.md': md('---', 'id: g', 'title: T', 'date: 2025-02-05 09:24', 'url: //gaza-talks.html', '---', 'B'),
      'articles/h.md': md('---', 'id: h', 'title: T', 'date: 2025-02-05 09:24', 'url: //clip.mp4/x', '---', 'B'),
      'articles/i.md': md('---', 'id: i', 'title: T', 'date: 2025-02-05 09:24', 'url: "ht tp://news.example.com/a b"', '---', 'B'),
    },
    expected: [
      'articles/a.md:5: url: "//world/2025/07/story.html" starts with two slashes, which makes "world" the host; write a path from the site\'s root with one slash, or the whole URL (E_URL_INVALID)',
      'articles/b.md:6: image.url: "\\\\\\\\evil.example/p.jpg" starts with two slashes, which makes "evil.example" the host; write a path from the site\'s root with one slash, or the whole URL (E_URL_INVALID)',
      'articles/c.md:5: url: expected an absolute http(s) URL, got "https//news.example.com/a.html" (E_URL_INVALID)',
      'articles/d.md:5: url: expected an absolute http(s) URL, got "www.other.example/a.html" (E_URL_INVALID)',
      'articles/e.md:5: url: expected an absolute http(s) URL, got "http:/news.example.com/a.html" (E_URL_INVALID)',
      'articles/f.md:5: url: expected an absolute http(s) URL, got "https:///world/story.html" (E_URL_INVALID)',
      'articles/g.md:5: url: "//gaza-talks.html" starts with two slashes, which makes "gaza-talks.html" the host; write a path from the site\'s root with one slash, or the whole URL (E_URL_INVALID)',
      'articles/h.md:5: url: "//clip.mp4/x" starts with two slashes, which makes "clip.mp4" the host; write a path from the site\'s root with one slash, or the whole URL (E_URL_INVALID)',
      'articles/i.md:5: url: expected an absolute http(s) URL, got "ht tp://news.example.com/a b" (E_URL_INVALID)',
    ],
  },
  {
    // (They were published as paths of the site: https://news.example.com/news.example.com/world/a.html.)
    name: 'a URL without its scheme, starting with a host name',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'url: news.example.com/world/a.html', 'authors:', '  - name: Jane Doe', '    url: twitter.com/jane', 'image:', '  url: img.example.com/a.jpg', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: img.example.com', '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', 'agency:', '  name: Reuters', '  url: reuters.com', '---', 'B'),
    },
    expected: [
      'articles/a.md:5: url: "news.example.com/world/a.html" starts with what looks like a host name, "news.example.com", but has no "https://", so it would be a path of this site; write the whole URL ("https://news.example.com/world/a.html"), or a path from the site\'s root ("/news.example.com/world/a.html") (E_URL_INVALID)',
      'articles/a.md:8: authors[0].url: "twitter.com/jane" starts with what looks like a host name, "twitter.com", but has no "https://", so it would be a path of this site; write the whole URL ("https://twitter.com/jane"), or a path from the site\'s root ("/twitter.com/jane") (E_URL_INVALID)',
      'articles/a.md:10: image.url: "img.example.com/a.jpg" starts with what looks like a host name, "img.example.com", but has no "https://", so it would be a path of this site; write the whole URL ("https://img.example.com/a.jpg"), or a path from the site\'s root ("/img.example.com/a.jpg") (E_URL_INVALID)',
      'articles/b.md:6: image.url: "img.example.com" starts with what looks like a host name, "img.example.com", but has no "https://", so it would be a path of this site; write the whole URL ("https://img.example.com"), or a path from the site\'s root ("/img.example.com") (E_URL_INVALID)',
      'articles/c.md:7: agency.url: "reuters.com" starts with what looks like a host name, "reuters.com", but has no "https://", so it would be a path of this site; write the whole URL ("https://reuters.com"), or a path from the site\'s root ("/reuters.com") (E_URL_INVALID)',
    ],
  },
  {
    name: 'invalid url (not http/https)',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'url: "ftp://news.example.com/a"', '---', 'B') },
    expected: ['articles/a.md:5: url: expected an absolute http(s) URL, got "ftp://news.example.com/a" (E_URL_INVALID)'],
  },
  {
    name: 'invalid e-mail in an author object',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'authors:', '  - name: Jane Doe', '    email: jane-at-example.com', '---', 'B'),
    },
    expected: ['articles/a.md:7: authors[0].email: expected an e-mail address such as "desk@example.com" (in ASCII, without quotes or "mailto:"), got "jane-at-example.com" (E_EMAIL_INVALID)'],
  },
  {
    // Atom's email is an addr-spec and JSON Feed's url gets "mailto:" put before it: a URL, or an address
    // Atom cannot carry, would be an invalid document (W3C InvalidAddrSpec) or "mailto:mailto:…".
    name: 'an e-mail written as a mailto: URL, or with characters Atom\'s addr-spec cannot carry',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'authors:', '  - name: Mo Tu', '    email: "mailto:mo@example.com"', '  - name: Wang Li', '    email: 王@例子.中国', '  - name: Al Bo', '    email: al..bo@example.com', '---', 'B'),
    },
    expected: [
      'articles/a.md:7: authors[0].email: expected an e-mail address such as "desk@example.com" (in ASCII, without quotes or "mailto:"), got "mailto:mo@example.com" (E_EMAIL_INVALID)',
      'articles/a.md:9: authors[1].email: expected an e-mail address such as "desk@example.com" (in ASCII, without quotes or "mailto:"), got "王@例子.中国" (E_EMAIL_INVALID)',
      'articles/a.md:11: authors[2].email: expected an e-mail address such as "desk@example.com" (in ASCII, without quotes or "mailto:"), got "al..bo@example.com" (E_EMAIL_INVALID)',
    ],
  },
  {
    // A name of zero-width characters would be a byline no one sees, with an author feed of its own.
    name: 'a name, title or city of characters that print nothing',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: "\u200b\u200d"', 'date: 2025-02-05 09:24', 'authors:', '  - "\u200b"', 'contributors:', '  - name: "\u2060\ufeff"', 'agency: "\u00ad"', 'dateline:', '  city: "\u200e"', '---', 'B'),
    },
    expected: [
      'articles/a.md:3: title: must not be empty (E_FIELD_EMPTY)',
      'articles/a.md:6: authors[0]: must not be empty (E_FIELD_EMPTY)',
      'articles/a.md:8: contributors[0].name: must not be empty (E_FIELD_EMPTY)',
      'articles/a.md:9: agency: must not be empty (E_FIELD_EMPTY)',
      'articles/a.md:11: dateline.city: must not be empty (E_FIELD_EMPTY)',
    ],
  },
  {
    name: 'a date tagged !!timestamp (YAML makes a date of it, not text)',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: !!timestamp 2025-02-05T09:24:00Z', '---', 'B') },
    expected: ['articles/a.md:4: date: expected text, got a YAML timestamp; write the value as text, without the !!timestamp tag (E_FIELD_TYPE)'],
  },
  {
    // `#`, `?` and `.` resolve to the story's own URL: the story would be its own photo, author page or source.
    name: 'a byline, agency or photo URL that leads back to the story, and an empty e-mail',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'authors:', '  - name: Ann Lee', '    url: "#"', '    email: ""', 'agency:', '  name: Xinhua', '  url: "?"', 'image:', '  url: a.html', '---', 'B'),
    },
    expected: [
      'articles/a.md:7: authors[0].url: "#" leads to the story itself: give the photo\'s, person\'s or agency\'s own URL, or leave the field out (E_URL_INVALID)',
      'articles/a.md:8: authors[0].email: must not be empty (E_FIELD_EMPTY)',
      'articles/a.md:11: agency.url: "?" leads to the story itself: give the photo\'s, person\'s or agency\'s own URL, or leave the field out (E_URL_INVALID)',
      'articles/a.md:13: image.url: "a.html" leads to the story itself: give the photo\'s, person\'s or agency\'s own URL, or leave the field out (E_URL_INVALID)',
    ],
  },
  {
    name: 'a dateline date in year 0000',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'dateline:', '  city: Rome', '  date: 0000-12-31', '---', 'B') },
    expected: ['articles/a.md:7: dateline.date: expected a local date like "2025-02-04", got "0000-12-31" (E_DATE_FORMAT)'],
  },
  {
    // An empty url resolves to its base: the story's own page would be the photo, the byline's link and the agency's story.
    name: 'an empty or blank url, on the story, an author, the agency or the photo',
    files: {
      'articles/a.md': md('---', 'id: a', 'title: T', 'url: ""', 'date: 2025-02-05 09:24', 'authors:', '  - name: Ann Lee', '    url: "  "', 'agency:', '  name: Xinhua', '  url: ""', 'image:', '  url: ""', '  caption: A caption.', '  credit: SOMEONE/AP', '---', 'B'),
    },
    expected: [
      'articles/a.md:4: url: must not be empty: leave the field out when there is no link (E_FIELD_EMPTY)',
      'articles/a.md:8: authors[0].url: must not be empty: leave the field out when there is no link (E_FIELD_EMPTY)',
      'articles/a.md:11: agency.url: must not be empty: leave the field out when there is no link (E_FIELD_EMPTY)',
      'articles/a.md:13: image.url: must not be empty: leave the field out when there is no link (E_FIELD_EMPTY)',
    ],
  },
  {
    name: 'invalid language tag',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'language: english_us', '---', 'B') },
    expected: ['articles/a.md:5: language: expected a language tag such as "en" or "zh-CN", got "english_us" (E_LANGUAGE_INVALID)'],
  },
  {
    name: 'YAML syntax error: an unquoted ": " in a title, at its line',
    files: { 'articles/a.md': md('---', 'id: a', 'title: Talks resume: what next', 'date: 2025-02-05 09:24', '---', 'B') },
    expected: ['articles/a.md:3: YAML syntax error: Nested mappings are not allowed in compact mappings; put quotes around a value that contains ": " (E_YAML_SYNTAX)'],
  },
  {
    name: 'YAML syntax error: a key given twice, at the second one',
    files: { 'articles/a.md': md('---', 'id: a', 'title: T', 'title: U', 'date: 2025-02-05 09:24', '---', 'B') },
    expected: ['articles/a.md:4: title: YAML syntax error: the key is given twice (E_YAML_SYNTAX)'],
  },
  {
    name: 'no front matter',
    files: { 'articles/a.md': md('# Talks resume', '', 'Body.') },
    expected: ['articles/a.md:1: no front matter: a Markdown record starts with a line "---", then YAML fields, then "---" (E_FRONT_MATTER_MISSING)'],
  },
  {
    // (Both said only "no front matter", which the desk could not see in either.)
    name: 'an empty Markdown file, and front matter below a blank line',
    files: { 'articles/a.md': '', 'articles/b.md': md('', '---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', '---', 'B') },
    expected: [
      'articles/a.md:1: no front matter (the file is empty): a Markdown record starts with a line "---", then YAML fields, then "---" (E_FRONT_MATTER_MISSING)',
      'articles/b.md:1: no front matter (the "---" that opens it must be the first line: take out the blank line above it): a Markdown record starts with a line "---", then YAML fields, then "---" (E_FRONT_MATTER_MISSING)',
    ],
  },
  {
    // Without a final newline the last line is line 3, its last field. (With a body, see the test below.)
    name: 'unclosed front matter is reported at its last field',
    files: { 'articles/a.md': '---\nid: a\ntitle: T' },
    expected: ['articles/a.md:3: front matter is not closed: add a line "---" under this line, its last field (E_FRONT_MATTER_UNCLOSED)'],
  },
  {
    name: 'CRLF line endings and a BOM do not shift line numbers',
    files: {
      'articles/a.md': '---\r\nid: a\r\ntitle: T\r\ndate: 12/03/2024\r\n---\r\nB\r\n',
      'articles/b.md': `\uFEFF${md('---', 'id: b', 'title: T', 'date: 12/03/2024', '---', 'B')}`,
    },
    expected: [
      `articles/a.md:4: date: ${DATE_FORMAT_HINT}, got "12/03/2024": write the date year first, as YYYY-MM-DD (which is the day and which the month in a date like 12/03/2024 depends on the country) (E_DATE_FORMAT)`,
      `articles/b.md:4: date: ${DATE_FORMAT_HINT}, got "12/03/2024": write the date year first, as YYYY-MM-DD (which is the day and which the month in a date like 12/03/2024 depends on the country) (E_DATE_FORMAT)`,
    ],
  },
  {
    name: 'JSON record with a syntax error (missing comma), at the line where the parser stops',
    files: { 'articles/a.json': json('{', '  "id": "a",', '  "title": "T",', '  "date": "2025-02-05 09:24"', '  "body": "x"', '}') },
    expected: ["articles/a.json:5: JSON syntax error: a comma is missing before this (between two keys, or two items of a list) (column 3) (E_JSON_SYNTAX)"],
  },
  {
    name: 'JSON record with a trailing comma',
    files: { 'articles/a.json': json('{', '  "id": "a",', '  "title": "T",', '  "date": "2025-02-05 09:24",', '}') },
    expected: ['articles/a.json:4: JSON syntax error: a comma after the last key: take it out (JSON allows none) (column 29) (E_JSON_SYNTAX)'],
  },
  {
    name: 'JSON record with both content_html and body',
    files: {
      'articles/a.json': json('{', '  "id": "a",', '  "title": "T",', '  "date": "2025-02-05 09:24",', '  "content_html": "<p>x</p>",', '  "body": "x"', '}'),
    },
    expected: ['articles/a.json:5: content_html: give the body once: either "content_html" or "body", not both (E_BODY_CONFLICT)'],
  },
  {
    name: 'JSON record: unknown key with a did-you-mean',
    files: { 'articles/a.json': json('{', '  "id": "a",', '  "title": "T",', '  "date": "2025-02-05 09:24",', '  "contents_html": "<p>x</p>"', '}') },
    expected: ['articles/a.json:5: contents_html: unknown field; did you mean "content_html"? (E_FIELD_UNKNOWN)'],
  },
  {
    name: 'JSON record that is not an object',
    files: { 'articles/a.json': json('[1, 2]') },
    expected: ['articles/a.json:1: expected a mapping of fields, got a list (E_RECORD_NOT_OBJECT)'],
  },
  {
    name: 'duplicate id across two files: the later file is reported, naming the first',
    files: {
      'articles/a.md': md('---', 'id: same', 'title: First', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/world/b.md': md('---', 'title: Second', 'id: same', 'date: 2025-02-05 10:00', '---', 'B'),
    },
    expected: ['articles/world/b.md:3: id: id "same" is already used by articles/a.md; every article needs its own permanent id (E_ID_DUPLICATE)'],
  },
];

describe('article diagnostics (loadArticles)', () => {
  it.each(CASES)('$name', async ({ files, expected, config }) => {
    const { lines, loaded } = await diagnose(files, config);
    expect(lines).toEqual(expected);
    // Every case above is an error, and a record with an error is left out (the first of two duplicates stays).
    const kept = expected.some((l) => l.endsWith('(E_ID_DUPLICATE)')) ? 1 : 0;
    expect(loaded.articles).toHaveLength(kept);
  });

  it('a byline or contributor given twice is left out with a warning, what it adds going to the first; one that says otherwise is kept', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24',
        'authors:', '  - Li Wen', '  - Chen Yu', '  - name: li wen', '    email: li@example.com', '  - name: Chen Yu', '    email: cy@example.com', '  - name: Chen Yu', '    email: chen@example.com',
        'contributors:', '  - name: Mike Gu', '  - name: Mike Gu', '    location: Hong Kong', '    role: contributor', '  - name: Chen Yu', '    role: Photography', '  - name: Li Wen', '  - name: Ann Roy', '    location: Paris', '  - name: Ann Roy', '    location: Lyon',
        '---', 'B'),
    });
    const repeat = (name: string, first: string): string => `warning: "${name}" is credited already at ${first}: the repeat is left out (an address, URL or place it adds goes to the first) (W_CREDIT_REPEATED)`;
    const otherwise = (name: string, first: string): string => `warning: "${name}" is credited already at ${first}, with another address, URL or place: both are printed; leave one out, or merge them (W_CREDIT_REPEATED)`;
    expect(lines).toEqual([
      `articles/a.md:8: authors[2]: ${repeat('li wen', 'authors[0]')}`,
      `articles/a.md:10: authors[3]: ${repeat('Chen Yu', 'authors[1]')}`,
      `articles/a.md:12: authors[4]: ${otherwise('Chen Yu', 'authors[1]')}`,
      `articles/a.md:16: contributors[1]: ${repeat('Mike Gu', 'contributors[0]')}`,
      'articles/a.md:21: contributors[3]: warning: "Li Wen" is a byline too (authors[0]): "contributed to this story" repeats the credit; leave one out, or give the contribution a role (W_CREDIT_REPEATED)',
      `articles/a.md:24: contributors[5]: ${otherwise('Ann Roy', 'contributors[4]')}`,
    ]);
    // Nothing is lost: the second spelling's address is the first's; a different address stays with its own credit.
    expect(loaded.articles[0]!.authors).toEqual([
      { name: 'Li Wen', email: 'li@example.com' }, { name: 'Chen Yu', email: 'cy@example.com' }, { name: 'Chen Yu', email: 'chen@example.com' },
    ]);
    // A role of "contributor" is the line without one; a byline with a role of their own (Photography) is no repeat.
    expect(loaded.articles[0]!.contributors).toEqual([
      { name: 'Mike Gu', location: 'Hong Kong' }, { name: 'Chen Yu', role: 'Photography' }, { name: 'Li Wen' },
      { name: 'Ann Roy', location: 'Paris' }, { name: 'Ann Roy', location: 'Lyon' },
    ]);
  });

  it('an exact repeat is found however many credits of that name came before', async () => {
    const bureaus = Array.from({ length: 17 }, (_, i) => [`  - name: Staff`, `    location: Bureau ${i}`]).flat();
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'contributors:', ...bureaus, '  - name: Staff', '    location: Bureau 16', '---', 'B'),
    });
    expect(lines.filter((l) => l.includes('the repeat is left out'))).toEqual([expect.stringContaining('contributors[17]: warning: "Staff" is credited already at contributors[16]')]);
    expect(loaded.articles[0]!.contributors).toHaveLength(17);
  });

  it('an agency line one side of which prints nothing names no agency there', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'agency: "Reuters via \u200b"', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'agency: "\u200b via Xinhua"', '---', 'B'),
    });
    expect(lines).toEqual(['articles/a.md:5: agency: must not be empty (E_FIELD_EMPTY)']);
    expect(loaded.articles.map((x) => x.agency)).toEqual([{ name: 'Xinhua' }]);
  });

  it('repeats are compared as they read (case and composition aside), each against every credit kept', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24',
        'authors:', '  - name: Jane Doe', '    url: https://a.example/jane', '  - name: Jane Doe', '    url: https://b.example/jane', '  - name: Jane Doe', '    url: https://b.example/jane',
        '  - name: Bo Ma', '    email: bo@Paper.com', '  - name: Bo Ma', '    email: bo@paper.com',
        'contributors:', '  - name: Li Wen', '    location: "Zu\u0308rich"', '  - name: Li Wen', '    location: "Z\u00fcrich"', '  - name: Ana', '    role: Fotografía', '  - name: Ana', '    role: "fotografía  by"',
        '---', 'B'),
    });
    expect(lines.map((l) => l.replace(/: warning: .*\(W_CREDIT_REPEATED\)$/, ''))).toEqual([
      'articles/a.md:8: authors[1]', 'articles/a.md:10: authors[2]', 'articles/a.md:14: authors[4]', 'articles/a.md:19: contributors[1]', 'articles/a.md:23: contributors[3]',
    ]);
    expect(lines[0]).toContain('with another address, URL or place: both are printed');
    expect(lines[1]).toContain('is credited already at authors[1]: the repeat is left out');
    expect(loaded.articles[0]!.authors.map((a) => a.url ?? a.email)).toEqual(['https://a.example/jane', 'https://b.example/jane', 'bo@Paper.com']);
    expect(loaded.articles[0]!.contributors.map((c) => c.name)).toEqual(['Li Wen', 'Ana']);
  });

  it('what prints nothing is no place, role, via, section or tag (a section or tag is said: W_NAME_EMPTY); inside or at the ends of a name it stays', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'section: "\u200b"', 'tags: ["\u2800", "\u{E0041}", Gaza, "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"]',
        'authors:', '  - "ഗോപന\u0d4d\u200d"', 'agency:', '  name: Xinhua', '  via: "\u200b"', 'image:', '  credit: "\u061c\u180b"',
        'contributors:', '  - name: Mike Gu', '    location: "\u200b"', '    role: by', '---', 'B'),
    });
    expect(lines.map((l) => l.replace(/: warning: .*\(W_/, ' (W_'))).toEqual(['articles/a.md:5: section (W_NAME_EMPTY)', 'articles/a.md:6: tags[0] (W_NAME_EMPTY)', 'articles/a.md:6: tags[1] (W_NAME_EMPTY)']);
    const a = loaded.articles[0]!;
    // A Malayalam name in the older encoding ends in a joiner, and a flag's tag characters make the flag: both kept.
    expect(a.image?.credit).toBeUndefined();
    expect([a.section, a.tags, a.agency, a.authors, a.contributors]).toEqual([
      undefined, ['Gaza', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'], { name: 'Xinhua' }, [{ name: 'ഗോപന\u0d4d\u200d' }], [{ name: 'Mike Gu' }],
    ]);
  });

  it('a text direction control a printed field opens and does not close is closed at its end, with a warning (W_BIDI_UNCLOSED); ids, URLs and closed ones are left as they are', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: "a\u202e"', 'title: "Prices \u2067rise"', 'date: 2025-02-05 09:24', 'authors:', '  - "\u202eabc"', '  - Jane Roe',
        'contributors:', '  - name: "\u2066Li \u202bWen"', '    location: "\u202aBeijing\u202c"', 'tags: ["\u2067\u05d9\u05e9\u05e8\u05d0\u05dc\u2069", "x\u202c\u2069"]', '---', 'B'),
      'articles/b.json': json(JSON.stringify({ id: 'b', title: 'T', date: '2025-02-05 09:24', body: 'B', agency: { name: 'Xinhua', via: '\u202eAgencies' }, image: { caption: 'C \u2068\u202e', credit: 'Ann \u202d\u2066Lee\u2069' } }, null, 1)),
    });
    expect(lines.map((l) => l.replace(/: warning: .*\(W_/, ' (W_'))).toEqual([
      'articles/a.md:2: id (W_ID_NOT_URI)', 'articles/a.md:3: title (W_BIDI_UNCLOSED)', 'articles/a.md:6: authors[0] (W_BIDI_UNCLOSED)', 'articles/a.md:9: contributors[0].name (W_BIDI_UNCLOSED)',
      'articles/b.json:8: agency.via (W_BIDI_UNCLOSED)', 'articles/b.json:11: image.caption (W_BIDI_UNCLOSED)', 'articles/b.json:12: image.credit (W_BIDI_UNCLOSED)',
    ]);
    expect(lines[1]).toBe('articles/a.md:3: title: warning: opens 1 text direction control (U+202A–U+202E, U+2066–U+2068) it does not close, which would turn round what readers print after it (the other names of a byline, the rest of a line): closed at the end of the field (W_BIDI_UNCLOSED)');
    expect(lines[3]).toContain('contributors[0].name: warning: opens 2 text direction controls');
    const [a, b] = [loaded.articles.find((x) => x.id.startsWith('a'))!, loaded.articles.find((x) => x.id === 'b')!];
    // The id is the desk's: it never changes. A PDI closes the embedding opened inside its isolate too.
    expect([a.id, a.title, a.authors, a.contributors, a.tags]).toEqual([
      'a\u202e', 'Prices \u2067rise\u2069', [{ name: '\u202eabc\u202c' }, { name: 'Jane Roe' }],
      [{ name: '\u2066Li \u202bWen\u202c\u2069', location: '\u202aBeijing\u202c' }], ['\u2067\u05d9\u05e9\u05e8\u05d0\u05dc\u2069', 'x\u202c\u2069'],
    ]);
    expect([b.agency, b.image]).toEqual([{ name: 'Xinhua', via: '\u202eAgencies\u202c' }, { caption: 'C \u2068\u202e\u202c\u2069', credit: 'Ann \u202d\u2066Lee\u2069\u202c' }]);
    // One agency line holding a control on one side of its "via": each side pairs its own.
    const line = await diagnose({ 'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', 'agency: "Agen\u202ecies via Xinhua"', '---', 'Body starts \u202ehere and stays open.') });
    expect(line.lines.map((l) => l.replace(/: warning: .*\(W_/, ' (W_'))).toEqual(['articles/c.md:5: agency (W_BIDI_UNCLOSED)']);
    expect(line.loaded.articles[0]!.agency).toEqual({ name: 'Xinhua', via: 'Agen\u202ecies\u202c' });
    // A summary taken from the body closes what the paragraph opens (the content's paragraph ends it).
    const cBuilt = buildFeeds(line.loaded.articles, line.config);
    expect(JSON.parse(cBuilt.outputs.get('feed.json')!).items[0].summary).toBe('Body starts \u202ehere and stays open.\u202c');
    // What the feeds carry: the byline no longer runs into the next name.
    const built = buildFeeds(loaded.articles, line.config);
    const entry = parseXml(built.outputs.get('atom.xml')!).feed.entry.find((e: any) => String(e.id).endsWith('a\u202e'));
    expect(entry.author.map((x: any) => x.name)).toEqual(['\u202eabc\u202c', 'Jane Roe']);
  });

  it('a link to the story itself is refused only where it cannot be meant: #, ? or . alone, or a photo that is the story\'s page', async () => {
    const { lines } = await diagnose({
      'articles/live.md': md('---', 'id: live', 'title: T', 'url: /live.html#post-5', 'date: 2025-02-05 09:24', 'agency:', '  name: Xinhua', '  url: /live.html', 'authors:', '  - name: Ann Lee', '    url: "#bio"', '---', 'B'),
    });
    expect(lines).toEqual([]);
  });

  it('an e-mail address typed into a name is a warning (feed readers take it for the address and cut the name); the story stays', async () => {
    const via = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'agency:', '  name: Xinhua', '  via: desk@paper.com', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'agency: desk@paper.com via Xinhua', '---', 'B'),
    });
    expect(via.lines).toEqual([
      'articles/a.md:7: agency.via: warning: "desk@paper.com" holds an e-mail address: feed readers take it for the address and cut the name; give the name alone (W_NAME_HAS_EMAIL)',
      'articles/b.md:5: agency: warning: "desk@paper.com" holds an e-mail address: feed readers take it for the address and cut the name; give the name alone (W_NAME_HAS_EMAIL)',
    ]);
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'authors:', '  - jane@example.com', '  - name: Bo Ma (bo@example.com)', '  - Li Wen (Beijing)', '  - "@lwen on X"', 'contributors:', '  - Cy Ho, cy@example.org', '  - Ann Roy «ann@example.org».', "  - jane@paper.com's desk", 'agency: Reuters (news@reuters.com)', '---', 'B'),
    });
    const has = (name: string, email: boolean): string =>
      `warning: "${name}" holds an e-mail address: feed readers take it for the address and cut the name; give the name alone${email ? ' and the address as "email"' : ''} (W_NAME_HAS_EMAIL)`;
    expect(lines).toEqual([
      `articles/a.md:6: authors[0]: ${has('jane@example.com', true)}`,
      `articles/a.md:7: authors[1].name: ${has('Bo Ma (bo@example.com)', true)}`,
      `articles/a.md:11: contributors[0]: ${has('Cy Ho, cy@example.org', false)}`,
      `articles/a.md:12: contributors[1]: ${has('Ann Roy «ann@example.org».', false)}`,
      `articles/a.md:13: contributors[2]: ${has("jane@paper.com's desk", false)}`,
      `articles/a.md:14: agency: ${has('Reuters (news@reuters.com)', false)}`,
    ]);
    expect(loaded.articles).toHaveLength(1);
  });

  it('more than 100 tags on one story (a list split wrongly) is a warning at the tags key; the story stays', async () => {
    const tags = (n: number): string => `tags: [${Array.from({ length: n }, (_, i) => `t${i}`).join(', ')}]`;
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', tags(101), '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', tags(100), '---', 'B'),
      // (Counted once each: 60 tags listed twice are 60.)
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', tags(60).replace(']', `, ${Array.from({ length: 60 }, (_, i) => `t${i}`).join(', ')}]`), '---', 'B'),
    });
    expect(lines.filter((l) => !l.endsWith('(W_TAG_REPEATED)'))).toEqual([
      'articles/a.md:5: tags: warning: 101 tags on one story, where wire copy carries a few dozen at most: with tag feeds on, each is a feed (and a WebSub ping) unless "feeds.tags" limits them with "minArticles" or "max"; check that the list was not split wrongly (W_MANY_TAGS)',
    ]);
    expect(lines.filter((l) => l.endsWith('(W_TAG_REPEATED)'))).toHaveLength(60);
    expect(loaded.articles).toHaveLength(3);
  });

  it('a tag given twice (as NFC spells it) is said at the repeat, and is one category; a list of hundreds is said once; more than 100 bylines are a warning (QA: 5,000 took 4.1 GB with author feeds)', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'tags:', '  - Gaza', '  - Trade', '  - gaza', '  - "Cafe\u0301"', '  - Café', '  - Gaza', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', `tags: [${Array.from({ length: 150 }, (_, i) => `t${i % 120}`).join(', ')}]`, '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 2025-02-05 09:24', `authors: [${Array.from({ length: 101 }, (_, i) => `Reporter ${i}`).join(', ')}]`, '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/a.md:10: tags[4]: warning: "Café" is given twice (first as tags[3]): a story carries a tag once, so the repeat is left out; take it out of the list (W_TAG_REPEATED)',
      'articles/a.md:11: tags[5]: warning: "Gaza" is given twice (first as tags[0]): a story carries a tag once, so the repeat is left out; take it out of the list (W_TAG_REPEATED)',
      'articles/b.md:5: tags: warning: 120 tags on one story, where wire copy carries a few dozen at most: with tag feeds on, each is a feed (and a WebSub ping) unless "feeds.tags" limits them with "minArticles" or "max"; check that the list was not split wrongly (W_MANY_TAGS)',
      'articles/c.md:5: authors: warning: 101 bylines on one story, where a story carries a few: with author feeds on, each is a feed (and a WebSub ping) that carries every one of them, unless "feeds.authors" limits them with "minArticles" or "max"; check that the list was not split wrongly (W_MANY_AUTHORS)',
    ]);
    expect(loaded.articles).toHaveLength(3);
  });

  it('a section or tag that prints nothing is left out with a warning at its place (QA: no feed, no category, no word)', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'section: ""', 'tags: ["   ", World, "\\u200b", ""]', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-02-05 09:24', 'section: "\\u00a0"', '---', 'B'),
      'articles/c.json': JSON.stringify({ id: 'c', title: 'T', date: '2025-02-05 09:24', section: 'World', tags: ['\u2060', 'Trade'], body: 'B' }, null, 2),
    });
    const empty = (what: string): string => `warning: the ${what} prints nothing (it is empty, or only spaces or invisible characters): left out, with no feed or category; give its name, or take it out (W_NAME_EMPTY)`;
    expect(lines).toEqual([
      `articles/a.md:5: section: ${empty('section')}`,
      `articles/a.md:6: tags[0]: ${empty('tag')}`,
      `articles/a.md:6: tags[2]: ${empty('tag')}`,
      `articles/a.md:6: tags[3]: ${empty('tag')}`,
      `articles/b.md:5: section: ${empty('section')}`,
      `articles/c.json:7: tags[0]: ${empty('tag')}`,
    ]);
    expect(loaded.articles.map((a) => [a.section, a.tags])).toEqual([[undefined, ['World']], [undefined, []], ['World', ['Trade']]]);
  });

  it('a duplicate id keeps the first article and drops the second', async () => {
    const { loaded } = await diagnose({
      'articles/a.md': md('---', 'id: same', 'title: First', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/world/b.md': md('---', 'id: same', 'title: Second', 'date: 2025-02-05 10:00', '---', 'B'),
    });
    expect(loaded.articles.map((a) => [a.file, a.title])).toEqual([['articles/a.md', 'First']]);
  });

  it('reports ALL errors of ALL files in one run, sorted by file then line', async () => {
    // Written in an order that is neither alphabetical nor by line, so the sort is what is being tested.
    const { lines, loaded } = await diagnose({
      'articles/zz.json': json('{', '  "id": "zz",', '  "title": "T",', '  "date": "yesterday",', '  "tags": "x"', '}'),
      'articles/b.md': md(
        '---', //                           1
        'draft: maybe', //                  2
        'id: b', //                         3
        'title: T', //                      4
        'date: 2025-02-05 09:24', //        5
        'updated: 2025-01-01 00:00', //     6
        'url: "mailto:x@example.com"', //   7
        '---',
        'B',
      ),
      'articles/a/deep.md': md('# no front matter'),
      'articles/ok.md': md('---', 'id: ok', 'title: Fine', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/a.md': md('---', 'title: T', 'contributer: X', '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/a.md:1: id: required field is missing (E_FIELD_MISSING)',
      'articles/a.md:1: date: required field is missing (E_FIELD_MISSING)',
      'articles/a.md:3: contributer: unknown field; did you mean "contributors"? (E_FIELD_UNKNOWN)',
      'articles/a/deep.md:1: no front matter: a Markdown record starts with a line "---", then YAML fields, then "---" (E_FRONT_MATTER_MISSING)',
      'articles/b.md:2: draft: expected true or false, got the text "maybe" (E_FIELD_TYPE)',
      'articles/b.md:6: updated: "2025-01-01 00:00" is earlier than the first publication "2025-02-05 09:24"; "updated" is the last correction, never before "date" (E_UPDATED_BEFORE_DATE)',
      'articles/b.md:7: url: expected an absolute http(s) URL, got "mailto:x@example.com" (E_URL_INVALID)',
      `articles/zz.json:4: date: ${DATE_FORMAT_HINT}, got "yesterday" (E_DATE_FORMAT)`,
      'articles/zz.json:5: tags: expected a list of strings, got the text "x" (E_FIELD_TYPE)',
    ]);
    expect(loaded.files).toBe(5);
    expect(loaded.articles.map((a) => a.id)).toEqual(['ok']);
  });

  it('a dateline date later than the story\'s first publication there is a warning', async () => {
    const dl = (date: string) => `dateline:\n  city: Washington\n  timezone: America/New_York\n  date: ${date}`;
    const { lines, loaded } = await diagnose({
      // 09:24 on Feb. 5 in Beijing (the desk's zone) is 20:24 on Feb. 4 in Washington.
      'articles/a.md': md('---', 'id: a', 'title: A', 'date: 2025-02-05 09:24', dl('2025-02-06'), '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: B', 'date: 2025-02-05 09:24', dl('2025-02-05'), '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: C', 'date: 2025-02-05 09:24', dl('2025-02-04'), '---', 'B'),
      'articles/d.md': md('---', 'id: d', 'title: D', 'date: 2025-02-05 09:24', dl('2025-02-01'), '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/a.md:8: dateline.date: warning: 2025-02-06 is later than the day the story was first published in Washington (2025-02-04); a story is datelined on or before that day: check the dateline\'s date, or the record\'s "date" (W_DATELINE_DATE)',
      'articles/b.md:8: dateline.date: warning: 2025-02-05 is later than the day the story was first published in Washington (2025-02-04); a story is datelined on or before that day: check the dateline\'s date, or the record\'s "date" (W_DATELINE_DATE)',
    ]);
    expect(loaded.articles).toHaveLength(4);
  });

  it('a control character in a title is a warning (not an error) and the article still builds', async () => {
    const { lines, loaded, config } = await diagnose({
      // YAML "\u0007" in a double-quoted scalar is the BEL character.
      'articles/a.md': md('---', 'id: a', 'title: "Talks\\u0007 resume"', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/b.json': json('{', '  "id": "b",', '  "title": "Vote\\u0000 count",', '  "date": "2025-02-05 10:00",', '  "body": "B"', '}'),
    });
    expect(lines).toEqual([
      'articles/a.md:3: title: warning: removed 1 character that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates) (W_CHARS_STRIPPED)',
      'articles/b.json:3: title: warning: removed 1 character that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates) (W_CHARS_STRIPPED)',
    ]);
    expect(loaded.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(loaded.articles.map((a) => a.title)).toEqual(['Talks resume', 'Vote count']);
    const built = buildFeeds(loaded.articles, config);
    const rss = parseXml(built.outputs.get('rss.xml')!);
    expect(rss.rss.channel.item.map((i: { title: string }) => i.title).sort()).toEqual(['Talks resume', 'Vote count']);
  });

  it('markup in plain-text fields is a warning: feeds carry them as text, so readers would show it literally', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md(
        '---', 'id: a', 'title: Talks <b>resume</b>', 'date: 2025-02-05 09:24', 'summary: Q&A on rates and R&amp;D',
        'image: { url: https://img.example.com/a.jpg, caption: "Rain <i>again</i>", credit: AT&T }', '---', 'B',
      ),
    });
    expect(lines).toEqual([
      'articles/a.md:3: title: warning: contains markup ("<b>"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
      'articles/a.md:5: summary: warning: contains markup ("&amp;"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
      'articles/a.md:6: image.caption: warning: contains markup ("<i>"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
    ]);
    expect(loaded.articles).toHaveLength(1);
  });

  it('markup made by an escape is found too (a front matter with no < or & of its own)', async () => {
    const { lines } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: "Talks \\u003cb\\u003eresume"', 'date: 2025-02-05 09:24', 'tags: ["R\\u0026amp;D"]', '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/a.md:3: title: warning: contains markup ("<b>"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
      'articles/a.md:5: tags[0]: warning: contains markup ("&amp;"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
    ]);
  });

  it('a missing articles directory is one located diagnostic, not a crash', async () => {
    const { lines } = await diagnose({}, { ...SITE_CONFIG, articlesDir: 'stories' });
    expect(lines).toEqual(['stories: cannot read the articles directory (ENOENT: no such directory); create it or set "articlesDir" in the configuration (E_ARTICLES_DIR_MISSING)']);
  });

  // Duplicates are found on the id as the feeds carry it (trimmed), not on the raw text.
  it('an id differing only by surrounding spaces is a duplicate', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: same', 'title: First', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/b.md': md('---', 'id: "same "', 'title: Second', 'date: 2025-02-05 10:00', '---', 'B'),
    });
    expect(lines).toEqual(['articles/b.md:2: id: id "same" is already used by articles/a.md; every article needs its own permanent id (E_ID_DUPLICATE)']);
    expect(loaded.articles).toHaveLength(1);
  });

  it('an id differing only by Unicode normalisation (a decomposed é) is a duplicate', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: caf\u00e9', 'title: First', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/b.md': md('---', 'id: cafe\u0301', 'title: Second', 'date: 2025-02-05 10:00', '---', 'B'),
    });
    // (Each is also outside ASCII, which validators refuse in an Atom id: W_ID_NOT_URI.)
    expect(lines.filter((l) => !l.endsWith('(W_ID_NOT_URI)'))).toEqual(['articles/b.md:2: id: id "cafe\u0301" is already used by articles/a.md; every article needs its own permanent id (E_ID_DUPLICATE)']);
    expect(loaded.articles).toHaveLength(1);
  });

  // An id that is already a URI is used as-is and a plain id gets idPrefix, so these two would collide.
  it('a URI id equal to another article’s prefixed id is a duplicate', async () => {
    const { lines } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: First', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/b.md': md('---', 'id: "tag:news.example.com,2025:a"', 'title: Second', 'date: 2025-02-05 10:00', '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/b.md:2: id: id "tag:news.example.com,2025:a" is already used by articles/a.md; every article needs its own permanent id (E_ID_DUPLICATE)',
    ]);
  });

  // At the last field, where the "---" goes (QA: it was at the end of the file, lines of body below it), in a
  // file that ends with a newline or not; with no field under the "---", at that line.
  it('unclosed front matter is reported at its last field, above the body', async () => {
    const { lines } = await diagnose({ 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: https://img.example.com/a.jpg', 'tags:', '  - Ports', '', 'Body.', 'More body.') });
    expect(lines).toEqual(['articles/a.md:8: front matter is not closed: add a line "---" under this line, its last field (E_FRONT_MATTER_UNCLOSED)']);
    const none = await diagnose({ 'articles/a.md': md('---', '', 'Body.') });
    expect(none.lines).toEqual(['articles/a.md:1: front matter is not closed: add a line "---" after the last field (E_FRONT_MATTER_UNCLOSED)']);
  });
});

describe('configuration diagnostics (loadConfig)', () => {
  const CONFIG_CASES: { name: string; text: string; expected: string[] }[] = [
    {
      // (A key misspelt inside author or a feeds group was "unknown key", without the key meant.)
      name: 'a key misspelt inside an object of the configuration',
      text: json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "Asia/Shanghai",',
        '  "author": { "name": "Desk", "emial": "desk@example.com" },', '  "feeds": { "sections": { "itemsPerFed": 3 } }', '}'),
      expected: [
        'dateline.config.json:6: author.emial: unknown key; did you mean "email"? (E_CONFIG_INVALID)',
        'dateline.config.json:7: feeds.sections.itemsPerFed: unknown key; did you mean "itemsPerFeed"? (E_CONFIG_INVALID)',
      ],
    },
    {
      name: 'unknown key with a suggestion',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai",',
        '  "itemsPerfeed": 20',
        '}',
      ),
      expected: ['dateline.config.json:6: itemsPerfeed: unknown key; did you mean "itemsPerFeed"? (E_CONFIG_INVALID)'],
    },
    {
      name: 'a misspelt required key: missing (line 1) and unknown with a suggestion (its line)',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timeZone": "Asia/Shanghai"',
        '}',
      ),
      expected: [
        'dateline.config.json:1: timezone: required key is missing (E_CONFIG_INVALID)',
        'dateline.config.json:5: timeZone: unknown key; did you mean "timezone"? (E_CONFIG_INVALID)',
      ],
    },
    {
      name: 'unknown nested key, with the key meant',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai",',
        '  "author": {',
        '    "name": "Desk",',
        '    "mail": "desk@example.com"',
        '  }',
        '}',
      ),
      expected: ['dateline.config.json:8: author.mail: unknown key; did you mean "email"? (E_CONFIG_INVALID)'],
    },
    {
      name: 'bad time zone',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Beijing"',
        '}',
      ),
      expected: ['dateline.config.json:5: timezone: unknown time zone "Asia/Beijing"; did you mean "Asia/Shanghai"? (E_CONFIG_INVALID)'],
    },
    {
      // (Intl takes CST, as ICU's id for Chicago's clock: a Beijing desk's stories were 14 hours off.)
      name: 'a zone abbreviation',
      text: json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "CST"', '}'),
      expected: ['dateline.config.json:5: timezone: unknown time zone "CST"; "CST" is an abbreviation (it names more than one), not a place\'s zone: write the tz database name of the place\'s clock, such as "America/Chicago", "Asia/Shanghai" or "America/Havana" (E_CONFIG_INVALID)'],
    },
    {
      name: 'an Etc zone, whose sign is turned round',
      text: json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "Etc/GMT+8"', '}'),
      expected: ['dateline.config.json:5: timezone: unknown time zone "Etc/GMT+8"; "Etc/GMT+8" is UTC−08:00, not UTC+08:00 (the tz database\'s Etc names turn the sign round): write a city\'s zone, such as "Asia/Shanghai" or "America/Chicago", which knows its daylight saving too (E_CONFIG_INVALID)'],
    },
    {
      name: 'missing idPrefix (line 1, the object that lacks it)',
      text: json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/",', '  "timezone": "Asia/Shanghai"', '}'),
      expected: ['dateline.config.json:1: idPrefix: required key is missing (E_CONFIG_INVALID)'],
    },
    {
      name: 'idPrefix that is no URI prefix',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "news example",',
        '  "timezone": "Asia/Shanghai"',
        '}',
      ),
      expected: ['dateline.config.json:4: idPrefix: expected a URI prefix such as "tag:news.example.com,2025:", got the text "news example" (E_CONFIG_INVALID)'],
    },
    {
      name: 'bad siteUrl (no scheme)',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "news.example.com",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai"',
        '}',
      ),
      expected: ['dateline.config.json:3: siteUrl: expected an absolute http(s) URL, got the text "news.example.com" (E_CONFIG_INVALID)'],
    },
    {
      name: 'bad siteUrl (ftp)',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "ftp://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai"',
        '}',
      ),
      expected: ['dateline.config.json:3: siteUrl: expected an absolute http(s) URL, got the text "ftp://news.example.com/" (E_CONFIG_INVALID)'],
    },
    {
      name: 'datelineStyle map without a default',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai",',
        '  "datelineStyle": { "zh": "xinhua-zh" }',
        '}',
      ),
      expected: ['dateline.config.json:6: datelineStyle: a map of styles by language needs a "default" entry (E_CONFIG_INVALID)'],
    },
    {
      name: 'datelineStyle map with one language twice, in two cases',
      text: json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai",',
        '  "datelineStyle": {',
        '    "default": "plain",',
        '    "en-GB": "reuters",',
        '    "en-gb": "ap"',
        '  }',
        '}',
      ),
      expected: ['dateline.config.json:9: datelineStyle.en-gb: the language "en-gb" is already given as "en-GB" (language tags are compared without case) (E_CONFIG_INVALID)'],
    },
    {
      name: 'configuration JSON syntax error',
      text: json('{', '  "title": "Test Desk",', '}'),
      expected: ['dateline.config.json:2: JSON syntax error: a comma after the last key: take it out (JSON allows none) (column 23) (E_JSON_SYNTAX)'],
    },
  ];

  it.each(CONFIG_CASES)('$name', async ({ text, expected }) => {
    const e = await configError(text);
    expect(formatted(e.diagnostics)).toEqual(expected);
  });

  it('a missing configuration file', async () => {
    const e = await configError(undefined);
    expect(formatted(e.diagnostics)).toEqual(['dateline.config.json: no such file; create it (the README lists the settings) or pass --config FILE (E_CONFIG_UNREADABLE)']);
  });

  // Configuration diagnostics are sorted by line, as record diagnostics are ("the order a person fixes them in").
  it('several configuration errors are reported together, sorted by line', async () => {
    const e = await configError(json('{', '  "title": "Test Desk",', '  "siteUrl": "nope",', '  "timezone": "Nowhere/City",', '  "extra": 1', '}'));
    expect(formatted(e.diagnostics)).toEqual([
      'dateline.config.json:1: idPrefix: required key is missing (E_CONFIG_INVALID)',
      'dateline.config.json:3: siteUrl: expected an absolute http(s) URL, got the text "nope" (E_CONFIG_INVALID)',
      'dateline.config.json:4: timezone: unknown time zone "Nowhere/City"; use a tz database (IANA) name such as "America/New_York" or "Asia/Shanghai" (E_CONFIG_INVALID)',
      'dateline.config.json:5: extra: unknown key (E_CONFIG_INVALID)',
    ]);
  });

  // QA of the library: loadConfig took an output directory among the articles, and the feeds a caller
  // wrote there were read as records by the next load.
  it('an output directory among the articles, or the articles inside the output, is refused at its key', async () => {
    const config = (dirs: string) => json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "Asia/Shanghai",', dirs, '}');
    expect(formatted((await configError(config('  "outDir": "articles/feeds"'))).diagnostics)).toEqual([
      expect.stringMatching(/^dateline\.config\.json:6: outDir: the output directory "articles\/feeds" is inside the articles directory "articles": .* \(E_DIRS_OVERLAP\)$/),
    ]);
    expect(formatted((await configError(config('  "articlesDir": "public/src", "outDir": "public"'))).diagnostics)).toEqual([
      expect.stringMatching(/^dateline\.config\.json:6: articlesDir: the articles directory "public\/src" is inside the output directory "public": .* \(E_DIRS_OVERLAP\)$/),
    ]);
    // A directory left at its default is not the setting to change: the one written is, at its line (QA:
    // outDir, which the file did not set, was named, without a line).
    expect(formatted((await configError(config('  "articlesDir": "dist"'))).diagnostics)).toEqual([
      expect.stringMatching(/^dateline\.config\.json:6: articlesDir: the articles directory "dist" is the same directory as the output directory "dist": .* \(E_DIRS_OVERLAP\)$/),
    ]);
    expect(formatted((await configError(config('  "articlesDir": "."'))).diagnostics)).toEqual([
      expect.stringMatching(/^dateline\.config\.json:6: articlesDir: the output directory "dist" is inside the articles directory ".": .* \(E_DIRS_OVERLAP\)$/),
    ]);
    expect(formatted((await configError(config('  "outDir": "."'))).diagnostics)).toEqual([
      expect.stringMatching(/^dateline\.config\.json:6: outDir: the articles directory "articles" is inside the output directory ".": .* \(E_DIRS_OVERLAP\)$/),
    ]);
  });

  // A configuration that is not an object has no field to name.
  it('a configuration that is not an object has no empty field in its message', async () => {
    const e = await configError(json('[]'));
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]!.field).toBeUndefined();
    expect(formatDiagnostic(e.diagnostics[0]!)).toBe('dateline.config.json:1: expected a JSON object of settings, got a list (E_CONFIG_INVALID)');
  });

  // An unknown style names the styles one may write.
  it('an unknown datelineStyle names the styles one may use', async () => {
    const e = await configError(
      json(
        '{',
        '  "title": "Test Desk",',
        '  "siteUrl": "https://news.example.com/",',
        '  "idPrefix": "tag:news.example.com,2025:",',
        '  "timezone": "Asia/Shanghai",',
        '  "datelineStyle": "bogus"',
        '}',
      ),
    );
    const [line] = formatted(e.diagnostics);
    expect(line).toMatch(/^dateline\.config\.json:6: datelineStyle: /);
    for (const style of ['xinhua', 'ap', 'reuters', 'xinhua-zh', 'plain']) expect(line).toContain(`"${style}"`);
  });

  it('a base URL with a query or fragment is refused (paths are joined to it)', async () => {
    const e = await configError(json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/?q=1#frag",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "Asia/Shanghai"', '}'));
    expect(formatted(e.diagnostics)).toEqual([
      'dateline.config.json:3: siteUrl: expected an absolute http(s) URL without a query (?) or fragment (#), got the text "https://news.example.com/?q=1#frag" (E_CONFIG_INVALID)',
    ]);
  });

  it('a URL with a user name or password, or a base URL spelling a control character, is refused (QA: published in every self link; nginx.conf locations no request reaches)', async () => {
    const e = await configError(json('{', '  "title": "Test Desk",', '  "siteUrl": "https://desk:secret@news.example.com/",', '  "feedBaseUrl": "https://news.example.com/feeds%0A/",',
      '  "hub": "https://hub:key@hub.example.com/",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "Asia/Shanghai"', '}'));
    expect(formatted(e.diagnostics)).toEqual([
      'dateline.config.json:3: siteUrl: expected a URL without a user name or password ("user:password@"): every feed would publish them, got the text "https://desk:secret@news.example.com/" (E_CONFIG_INVALID)',
      'dateline.config.json:4: feedBaseUrl: expected a URL with no control character spelt in it (%00–%1F, %7F), got the text "https://news.example.com/feeds%0A/" (E_CONFIG_INVALID)',
      'dateline.config.json:5: hub: expected a URL without a user name or password ("user:password@"): every feed would publish them, got the text "https://hub:key@hub.example.com/" (E_CONFIG_INVALID)',
    ]);
    // (Raw, not spelt: a URL parser takes them, and the feeds would carry them, which XML forbids. Review.)
    const raw = await configError(json('{', '  "title": "Test Desk",', '  "siteUrl": "https://news.example.com/a\\u0001b/",', '  "idPrefix": "tag:news.example.com,2025:",', '  "timezone": "Asia/Shanghai"', '}'));
    expect(formatted(raw.diagnostics)[0]).toMatch(/^dateline\.config\.json:3: siteUrl: expected a URL without control characters \(U\+0000–U\+001F, U\+007F\)/);
  });

  it('a setting the feeds carry as plain text that looks like markup gets W_TEXT_LOOKS_LIKE_HTML at its line, as a record\'s field does; build, check and loadArticles say so (QA)', async () => {
    const config = { ...SITE_CONFIG, title: 'Desk <b>World</b>', copyright: '© 2025 Desk <All rights reserved>', author: { name: 'Desk &amp; Co' } };
    const site = await makeSite({ 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', '---', 'B') }, config);
    try {
      const expected = [
        'dateline.config.json:2: title: warning: contains markup ("<b>"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
        'dateline.config.json:13: copyright: warning: contains markup ("<All"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
        'dateline.config.json:15: author.name: warning: contains markup ("&amp;"), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body (W_TEXT_LOOKS_LIKE_HTML)',
      ];
      const loaded = await loadArticles(await loadConfig('dateline.config.json', site.dir), site.dir);
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual(expected);
      for (const command of ['build', 'check']) {
        const run = await runCli([command], site.dir);
        expect([command, run.code, run.stderr.split('\n').filter((l) => l.startsWith('dateline.config.json'))]).toEqual([command, 0, expected]);
      }
      // An incremental build (nothing changed) says so too.
      expect((await runCli(['build'], site.dir)).stderr).toContain(expected[0]);
      // The text goes out as written.
      expect(parseXml(await readFile(join(site.dir, 'dist', 'rss.xml'), 'utf8')).rss.channel.title).toBe('Desk <b>World</b>');
      // With another key in error, the warnings come with the error (every problem in one run: review).
      await writeFile(join(site.dir, 'dateline.config.json'), JSON.stringify({ ...config, timezone: 'Mars/Base' }, null, 2));
      const bad = await runCli(['check'], site.dir);
      expect([bad.code, bad.stderr.split('\n').filter((l) => l.startsWith('dateline.config.json')).map((l) => l.replace(/: (warning: )?.*\((\w+)\)$/, ' $2'))]).toEqual([
        1, ['dateline.config.json:2 W_TEXT_LOOKS_LIKE_HTML', 'dateline.config.json:8 E_CONFIG_INVALID', 'dateline.config.json:13 W_TEXT_LOOKS_LIKE_HTML', 'dateline.config.json:15 W_TEXT_LOOKS_LIKE_HTML'],
      ]);
      // The warnings do not keep the records from being checked with the key set aside (they were, before
      // the warnings came with the error: every error in one run).
      await writeFile(join(site.dir, 'articles', 'b.md'), md('---', 'id: b', 'title: T', 'date: 2025-02-30 09:24', '---', 'B'));
      for (const command of ['build', 'check']) {
        const both = await runCli([command], site.dir);
        expect([command, both.code]).toEqual([command, 1]);
        expect(both.stderr).toContain('articles/b.md:4: date: ');
        expect(both.stderr).toContain('2 records checked with the configuration\'s key in error set aside ("timezone")');
        expect(both.stderr).toContain('2 errors in 2 files, 3 warnings');
      }
      // A directory overlap stops the build after the configuration is read: its warnings are said with it.
      await writeFile(join(site.dir, 'dateline.config.json'), JSON.stringify({ ...config, outDir: 'articles' }, null, 2));
      await rm(join(site.dir, 'articles', 'b.md'));
      const apart = await runCli(['build'], site.dir);
      expect([apart.code, apart.stderr.split('\n').filter((l) => l.startsWith('dateline.config.json')).map((l) => l.replace(/: (warning: )?.*\((\w+)\)$/, ' $2'))]).toEqual([
        1, ['dateline.config.json:2 W_TEXT_LOOKS_LIKE_HTML', 'dateline.config.json:13 W_TEXT_LOOKS_LIKE_HTML', 'dateline.config.json:15 W_TEXT_LOOKS_LIKE_HTML', expect.stringMatching(/^dateline.config.json:\d+ E_DIRS_OVERLAP$/)],
      ]);
      // And a library caller's loadConfig, which checks the directories itself.
      const thrown = await loadConfig('dateline.config.json', site.dir).catch((e: unknown) => e);
      expect(thrown instanceof DatelineError ? thrown.diagnostics.map((d) => d.code) : thrown).toEqual(['W_TEXT_LOOKS_LIKE_HTML', 'W_TEXT_LOOKS_LIKE_HTML', 'W_TEXT_LOOKS_LIKE_HTML', 'E_DIRS_OVERLAP']);
    } finally {
      await site.cleanup();
    }
  });

  it('a configuration file that is not UTF-8 is refused with E_NOT_UTF8 at its line, as a record is (QA: U+FFFD went into every feed)', async () => {
    const text = JSON.stringify({ ...SITE_CONFIG, title: 'Dateline D\u00e9sk' }, null, 2);
    const site = await makeSite({ 'dateline.config.json': Buffer.from(text, 'latin1') as unknown as string, 'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', '---', 'B') });
    try {
      const thrown = await loadConfig('dateline.config.json', site.dir).catch((e: unknown) => e);
      expect(thrown instanceof DatelineError ? thrown.diagnostics.map(formatDiagnostic) : thrown).toEqual([
        'dateline.config.json:2: the file is not UTF-8 (from the bytes 0xE9 0x73 0x6B): its text would be changed where it cannot be decoded; save it as UTF-8 (E_NOT_UTF8)',
      ]);
      for (const command of ['build', 'check']) {
        const run = await runCli([command], site.dir);
        expect([command, run.code, run.stderr.split('\n')[0]]).toEqual([command, 1, expect.stringContaining('(E_NOT_UTF8)')]);
      }
    } finally {
      await site.cleanup();
    }
  });

  it('a configuration that cannot be read says why in words (QA: "EISDIR")', async () => {
    const site = await makeSite({});
    try {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(site.dir, 'dir.json'));
      const thrown = await loadConfig('dir.json', site.dir).catch((e: unknown) => e);
      expect(thrown instanceof DatelineError ? thrown.diagnostics.map(formatDiagnostic) : thrown).toEqual(['dir.json: cannot read the configuration: EISDIR (a directory is in the way of the file) (E_CONFIG_UNREADABLE)']);
    } finally {
      await site.cleanup();
    }
  });

  it('a configuration file that starts with a byte-order mark is read', async () => {
    const site = await makeSite({ 'dateline.config.json': `\uFEFF${JSON.stringify(SITE_CONFIG)}` });
    try {
      expect((await loadConfig('dateline.config.json', site.dir)).title).toBe(SITE_CONFIG.title);
    } finally {
      await site.cleanup();
    }
  });
});

describe('an id in a scheme of its own', () => {
  it('is a URI of its own, carried without the prefix as before (ids never change), with W_ID_SCHEME: nothing makes it unique beyond the site', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: "story:123"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/b.md': md('---', 'id: "Xin:2025:boj"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      // The schemes in which ids are given out: silent.
      'articles/c.md': md('---', 'id: "tag:wire.example.org,2025:a1"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/d.md': md('---', 'id: "urn:newsml:example.org:20250205:a1"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/e.md': md('---', 'id: "HTTPS://news.example.com/a"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/f.md': md('---', 'id: "info:ark/12345/x1"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      // No scheme (a digit first, or a dash before the colon is fine in a scheme, but a space is no id): the prefix makes it the site's.
      'articles/g.md': md('---', 'id: "2025:boj"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
    });
    const why = (v: string, scheme: string): string =>
      `"${v}" is read as a URI of its own, in the scheme "${scheme}:", which no one gives ids out in: the feeds carry it without the site's idPrefix, so another site's "${v}" is the same id to an aggregator, which may take one story for the other; a new story's id should be a plain id (the prefix makes it the site's), or a tag:, urn: or http(s): URI (a published id never changes) (W_ID_SCHEME)`;
    expect(lines).toEqual([
      `articles/a.md:2: id: warning: ${why('story:123', 'story')}`,
      `articles/b.md:2: id: warning: ${why('Xin:2025:boj', 'xin')}`,
    ]);
    const ids = Object.fromEntries(loaded.articles.map((x) => [x.file, x.id]));
    expect([ids['articles/a.md'], ids['articles/g.md']]).toEqual(['story:123', '2025:boj']);
  });
});

describe('an id a URI cannot hold', () => {
  it('is kept as it is (ids never change) with W_ID_NOT_URI, since validators call such an Atom id invalid', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: "story|1"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/b.md': md('---', 'id: "urn:ap:[2025]|123"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/c.md': md('---', 'id: "100%-sure"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/d.md': md('---', 'id: "cd-%7C-ok"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/e.md': md('---', 'id: 新闻-20250205', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/f.md': md('---', 'id: "urn:news:%E6%96%B0-1"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/g.md': md('---', 'id: "a#b#c"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/h.md': md('---', 'id: "urn:news:a#frag"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/i.md': md('---', 'id: "urn:x:abc"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/j.md': md('---', 'id: "urn:news:a/b"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/k.md': md('---', 'id: "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
      'articles/l.md': md('---', 'id: "https://news.example.com/a#b"', 'title: T', 'date: 2025-02-05 09:24', '---', 'B'),
    });
    const why = '(" < > \\ ^ ` { | } [ ], a % that starts no escape such as %7C, a second #, or a character outside ASCII such as 新; in a urn:, a namespace of one letter or any of / ? # ~ &): the feeds carry it as it is, and validators call the Atom id and the RSS guid invalid; a new story\'s id should not (a published id never changes) (W_ID_NOT_URI)';
    expect(lines).toEqual([
      `articles/a.md:2: id: warning: "story|1" holds what a URI cannot ${why}`,
      `articles/b.md:2: id: warning: "urn:ap:[2025]|123" holds what a URI cannot ${why}`,
      `articles/c.md:2: id: warning: "100%-sure" holds what a URI cannot ${why}`,
      `articles/e.md:2: id: warning: "新闻-20250205" holds what a URI cannot ${why}`,
      `articles/g.md:2: id: warning: "a#b#c" holds what a URI cannot ${why}`,
      // The validator reads a urn: by RFC 2141: no fragment, no slash, a namespace of two or more.
      `articles/h.md:2: id: warning: "urn:news:a#frag" holds what a URI cannot ${why}`,
      `articles/i.md:2: id: warning: "urn:x:abc" holds what a URI cannot ${why}`,
      `articles/j.md:2: id: warning: "urn:news:a/b" holds what a URI cannot ${why}`,
    ]);
    expect(loaded.articles.map((x) => x.id)).toHaveLength(12);
  });
});

describe('what a message prints of the desk\'s text', () => {
  it('escapes controls, direction controls and separators in values, file names and keys, and cuts a long value with its length', async () => {
    const { lines } = await diagnose({
      'articles/e\u001b[32mGREEN.md': md('---', 'id: e', 'title: T', 'date: 2025-02-05 09:24', 'language: "en\u202eGB"', '---', 'B'),
      'articles/f.md': md('---', 'id: f', 'title: T', 'date: 2025-02-05 09:24', `url: "ftp://news.example.com/${'a'.repeat(5000)}"`, '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/e\\u001b[32mGREEN.md:5: language: expected a language tag such as "en" or "zh-CN", got "en\\u202eGB" (E_LANGUAGE_INVALID)',
      `articles/f.md:5: url: expected an absolute http(s) URL, got "ftp://news.example.com/${'a'.repeat(160 - 23)}…" (5,023 characters) (E_URL_INVALID)`,
    ]);
    expect(lines.join('').match(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/)).toBeNull();
  });
});

describe('a year mistyped', () => {
  it('a date before 1605, the first printed newspaper, is a warning (W_DATE_EARLY); the story is kept', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 0025-02-05 09:24', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 1025-02-05 09:24', 'updated: 2025-02-05 10:00', '---', 'B'),
      'articles/c.md': md('---', 'id: c', 'title: T', 'date: 1605-02-05 09:24', '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/a.md:4: date: warning: "0025-02-05 09:24" is before 1605, the year of the first printed newspaper: check the year (the story goes out dated so) (W_DATE_EARLY)',
      'articles/b.md:4: date: warning: "1025-02-05 09:24" is before 1605, the year of the first printed newspaper: check the year (the story goes out dated so) (W_DATE_EARLY)',
    ]);
    expect(loaded.articles.map((a) => a.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('records an earlier version wrote, with what is refused now', () => {
  it('an image type that means one (image/jpg, jpeg) and a fixed dateline zone (EST, Etc/GMT-8) are warnings, and the record builds', async () => {
    const { lines, loaded } = await diagnose({
      'articles/a.md': md('---', 'id: a', 'title: T', 'date: 2025-02-05 09:24', 'image:', '  url: https://img.example.com/a.jpg', '  type: image/jpg', '---', 'B'),
      'articles/b.md': md('---', 'id: b', 'title: T', 'date: 2025-07-05 09:24', 'image:', '  url: https://img.example.com/b', '  type: jpeg', 'dateline:', '  city: New York', '  timezone: EST', '---', 'B'),
    });
    expect(lines).toEqual([
      'articles/a.md:7: image.type: warning: "image/jpg" is no media type: the feeds say "image/jpeg", which it means; write that in the record (W_IMAGE_TYPE)',
      'articles/b.md:7: image.type: warning: "jpeg" is no media type: the feeds say "image/jpeg", which it means; write that in the record (W_IMAGE_TYPE)',
      'articles/b.md:10: dateline.timezone: warning: "EST" is read as the tz database has it, fixed all year; "EST" is an abbreviation, not a place\'s zone, and "EST" is fixed all year, without the daylight saving of America/New_York: write the tz database name of the place\'s clock, such as "America/New_York" (W_ZONE_FIXED)',
    ]);
    const byId = new Map(loaded.articles.map((a) => [a.id, a]));
    expect([byId.get('a')?.image?.type, byId.get('b')?.image?.type, byId.get('b')?.dateline?.timezone]).toEqual(['image/jpeg', 'image/jpeg', 'EST']);
  });
});
