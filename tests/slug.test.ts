import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify, slugWords } from '../src/core/slug.js';

/** What every slug must look like: letters, numbers, combining marks and '-', nothing at the ends. */
const SLUG = /^[\p{L}\p{N}\p{M}-]+$/u;
/** 64 code points, '--', and the longest hash (16 hex digits). */
const MAX_ASSIGNED = 64 + 2 + 16;

const codePoints = (s: string): number => Array.from(s).length;

function expectValidSlug(slug: string): void {
  expect(slug).toMatch(SLUG);
  expect(slug).not.toMatch(/^-|-$/);
  expect(slug).not.toMatch(/[/\\\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]|^\p{M}/u);
  expect(['.', '..', '']).not.toContain(slug);
  expect(codePoints(slug)).toBeLessThanOrEqual(MAX_ASSIGNED);
}

/** Independent FNV-1a 32-bit over TextEncoder's UTF-8 (well-formed strings only), to check the slug module's hash. */
function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The path of a name its slug does not spell: the slug (or "x") + "--" + a hash of the NFC name. */
const hashed = (words: string, name: string): string => `${words}--${fnv1a32(name.normalize('NFC'))}`;

/** Independent of slug.ts: each code point by its one-code-point uppercase, as NTFS compares names. */
const caseless = (s: string): string => Array.from(s, (c) => (Array.from(c.toUpperCase()).length === 1 ? c.toUpperCase() : c)).join('');

const sortedEntries = (m: Map<string, string>): [string, string][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('slugify', () => {
  it.each([
    ['Middle East', 'middle-east'],
    ['Asia-Pacific', 'asia-pacific'],
    ['C++ & Rust', hashed('c-rust', 'C++ & Rust')], // "+" and "&" are dropped: the slug does not spell the name
    ['  --World   News!!  ', hashed('world-news', '  --World   News!!  ')],
    ["O'Brien", 'o-brien'], // apostrophes, full stops, "_" and middle dots only separate words
    ['U.S.', 'u-s'],
    ['snake_case', 'snake-case'],
    ['Café Society', 'café-society'],
    ['Cafe\u0301 Society', 'café-society'], // NFD input gives the same (NFC) slug
    ['国际新闻', '国际新闻'],
    ['الشرق الأوسط', 'الشرق-الأوسط'],
    ['खेल समाचार', 'खेल-समाचार'], // Devanagari vowel signs (combining marks) kept
    ['スポーツ・ニュース', 'スポーツ-ニュース'],
    ['ｽﾎﾟｰﾂ', 'スポーツ'], // half-width katakana → NFKC
    ['ＡＢＣ', 'abc'], // fullwidth → NFKC
    ['ﬁnance', 'finance'], // ligature → NFKC
    ['Straße', 'straße'],
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['2024 Election', '2024-election'],
    ['Sports 🏈 Weekly', hashed('sports-weekly', 'Sports 🏈 Weekly')],
    ['a/b\\c', hashed('a-b-c', 'a/b\\c')],
    ['..', hashed('x', '..')],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives a name its slug only when the slug spells it, so that other names never move it', () => {
    // "C++" and "C#" both lose what makes them different: neither has "c", before or after the other exists.
    expect(slugify('C++')).toBe('c--2ead0510');
    expect(slugify('C#')).toBe(hashed('c', 'C#'));
    expect(assignSlugs(['C++']).slugs.get('C++')).toBe('c--2ead0510');
    expect(assignSlugs(['C++', 'C#', 'c', 'c--2ead0510']).slugs).toEqual(new Map([['C++', 'c--2ead0510'], ['C#', hashed('c', 'C#')], ['c', 'c'], ['c--2ead0510', 'c-2ead0510']]));
    // A slug never holds "--", so no name's plain slug is another's hashed path.
    expect(slugify('c--2ead0510')).toBe('c-2ead0510');
    expect(slugWords('C++')).toBe('c');
  });

  it('removes RTL marks, zero-width spaces and BOMs (format characters are separators)', () => {
    expect(slugify('\u200FMiddle\u200B East\uFEFF')).toBe('middle-east');
    expect(slugify('\u200Fالشرق الأوسط\u200F')).toBe('الشرق-الأوسط');
    expect(slugify('\uFEFF国际新闻\u200B')).toBe('国际新闻');
    expect(slugify('foo\u200Bbar')).toBe('foo-bar');
    expect(slugify('\u200B\u200F\uFEFF')).toBe('x--9653bd66');
  });

  it('never keeps invisible characters or marks with nothing to combine with', () => {
    expect(slugWords('❤️ News')).toBe('news'); // U+FE0F is a combining mark, but default-ignorable
    expect(slugify('❤️ News')).toBe(hashed('news', '❤️ News')); // the heart is dropped
    expect(slugify('🏳️‍🌈')).toBe('x--02234456');
    expect(slugify('\u3164')).toBe('x--5235c983'); // Hangul filler: a letter that renders as nothing
    expect(slugWords('!\u0301ab')).toBe('ab'); // an orphan combining acute
    expect(slugify('!\u0301ab')).toBe(hashed('ab', '!\u0301ab'));
    expect(slugify('a\u034Fb')).toBe('a-b'); // combining grapheme joiner
    expect(slugify('देश\u0301')).toBe('देश\u0301'); // a mark after a letter stays
  });

  it('drops control characters and path separators', () => {
    expect(slugWords('World\u0000News\n\t/..\\')).toBe('world-news');
    expect(slugify('World\u0000News\n\t/..\\')).toBe(hashed('world-news', 'World\u0000News\n\t/..\\'));
  });

  it('gives names with nothing readable "x--" + a hash of the NFC name', () => {
    expect(slugify('!!!')).toBe('x--2d53a722');
    expect(slugify('🙂')).toBe('x--57a37a4b');
    expect(slugify('   ')).toBe('x--87384657');
    expect(slugify('')).toBe('x--811c9dc5');
    expect(slugify('🙂')).not.toBe(slugify('🙃'));
    for (const name of ['!!!', '🙂', '   ', '', '..', '🏳️‍🌈']) expect(slugify(name)).toBe(`x--${fnv1a32(name)}`);
  });

  it('hashes lone surrogates without merging them (WTF-8), and never keeps them', () => {
    expect(slugify('\uD800')).toBe('x--75a7b798');
    expect(slugify('\uDC00')).toBe('x--1581a408');
    expect(slugify('\uFFFD')).toBe('x--03479c4a');
    expect(slugWords('news\uD800')).toBe('news');
    expect(slugify('news\uD800')).toMatch(/^news--[0-9a-f]{8}$/);
    expect(slugify('news\uD800')).not.toBe(slugify('news\uDC00'));
  });

  it('appends a hash to Windows device names, whatever their case or width', () => {
    expect(slugify('CON')).toBe('con--3367e86b');
    expect(slugify('con')).toBe('con--f08dd14b');
    expect(slugify('Nul')).toBe('nul--6ffcf3c0');
    expect(slugify('lpt1')).toBe('lpt1--f32ea75a');
    expect(slugify('ＣＯＮ')).toBe('con--edc6a0b4');
    expect(slugify('con.')).toBe('con--1440a1ff');
    expect(slugify('COM¹')).toBe('com1--173dcdb7');
    for (const name of ['prn', 'AUX', 'com0', 'Com9', 'LPT0', 'lpt9']) expect(slugify(name)).toBe(`${name.toLowerCase()}--${fnv1a32(name)}`);
    for (const name of ['console', 'com10', 'lpt', 'auxiliary', 'null', 'con-f08dd14b']) expect(slugify(name)).toBe(name);
  });

  it('cuts at 64 code points without splitting a surrogate pair, and then hashes the name (a cut slug does not spell it)', () => {
    expect(slugWords('a'.repeat(200))).toBe('a'.repeat(64));
    expect(slugify('a'.repeat(200))).toBe(hashed('a'.repeat(64), 'a'.repeat(200)));
    expect(slugify('a'.repeat(64))).toBe('a'.repeat(64));
    const astral = '𠀀'; // U+20000, a letter outside the BMP
    const cut = slugWords('a'.repeat(63) + astral.repeat(137));
    expect(cut).toBe('a'.repeat(63) + astral);
    expect(codePoints(cut)).toBe(64);
    expect(cut.length).toBe(65);
    expect(slugWords(astral.repeat(200))).toBe(astral.repeat(64));
    expectValidSlug(slugify(`b${astral.repeat(199)}`));
    // Two long names that share their first 64 code points get distinct paths without colliding.
    expect(slugify(`${'a'.repeat(64)} one`)).not.toBe(slugify(`${'a'.repeat(64)} two`));
  });

  it('trims a "-" left at the cut', () => {
    expect(slugWords(`${'a'.repeat(63)} bcd`)).toBe('a'.repeat(63));
    expect(slugWords(`${'a'.repeat(62)}!!${'b'.repeat(10)}`)).toBe(`${'a'.repeat(62)}-b`);
  });

  it('is the same for canonically equivalent names', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        expect(slugify(s.normalize('NFD'))).toBe(slugify(s.normalize('NFC')));
      }),
    );
  });

  it('always gives a valid segment of at most 64 code points (or a short hashed one)', () => {
    const names = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 100 }),
    );
    fc.assert(
      fc.property(names, (name) => {
        const slug = slugify(name);
        expectValidSlug(slug);
        expect(codePoints(slug)).toBeLessThanOrEqual(64 + 2 + 8);
        // Its slug, or (for a well-formed name, which TextEncoder encodes as slug.ts does) the slug and a hash.
        const nfc = name.normalize('NFC');
        const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(nfc);
        if (slug !== slugWords(name) && !loneSurrogate) expect(slug).toBe(`${slugWords(name) || 'x'}--${fnv1a32(nfc)}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('assignSlugs', () => {
  it('keeps plain slugs when nothing collides', () => {
    const { slugs, collisions } = assignSlugs(['Middle East', '国际新闻', 'World', 'World']);
    expect(sortedEntries(slugs)).toEqual([
      ['Middle East', 'middle-east'],
      ['World', 'world'],
      ['国际新闻', '国际新闻'],
    ]);
    expect(collisions).toEqual([]);
  });

  it('with a rank (the build\'s: first publication), the first ranked keeps the path, then the first by code point', () => {
    const first = new Map([['world news', 1], ['World News', 2], ['WORLD NEWS', 2]]);
    const { slugs, collisions } = assignSlugs(['WORLD NEWS', 'World News', 'world news'], (n) => first.get(n) ?? 0);
    expect(slugs.get('world news')).toBe('world-news');
    expect(slugs.get('WORLD NEWS')).toMatch(/^world-news--[0-9a-f]{8}$/);
    expect(slugs.get('World News')).toMatch(/^world-news--[0-9a-f]{8}$/);
    expect(collisions[0]?.names).toEqual(['world news', 'WORLD NEWS', 'World News']);
    // Without a rank, by code point, as before.
    expect(assignSlugs(['World News', 'world news']).slugs.get('World News')).toBe('world-news');
  });

  it('orders colliding names by code point, not by UTF-16 code unit', () => {
    // U+FF21 (fullwidth A) comes before U+1D400 (mathematical bold A), whose first code unit is U+D835.
    for (const names of [['𝐀', 'Ａ'], ['Ａ', '𝐀']]) expect(assignSlugs(names).slugs.get('Ａ')).toBe('a');
  });

  it('gives names that spell the same slug distinct paths: the first by code point keeps it, the others get a hash', () => {
    const names = ['world news', 'World-News', 'WORLD NEWS', 'World News'];
    const { slugs, collisions } = assignSlugs(names);
    expect(sortedEntries(slugs)).toEqual([
      ['WORLD NEWS', 'world-news'],
      ['World News', 'world-news--5bb37852'],
      ['World-News', 'world-news--a0ebcf35'],
      ['world news', 'world-news--9b6a6552'],
    ]);
    expect(new Set(slugs.values()).size).toBe(4);
    expect(collisions).toEqual([
      {
        slug: 'world-news',
        names: ['WORLD NEWS', 'World News', 'World-News', 'world news'],
        assigned: ['world-news', 'world-news--5bb37852', 'world-news--a0ebcf35', 'world-news--9b6a6552'],
      },
    ]);
    for (const name of ['World News', 'World-News', 'world news']) expect(slugs.get(name)).toBe(`world-news--${fnv1a32(name)}`);
  });

  it('reports nothing for names that share only their slug\'s words: no path was contested', () => {
    const { slugs, collisions } = assignSlugs(['C#', 'C++', 'c', 'Rust']);
    expect(sortedEntries(slugs)).toEqual([['C#', hashed('c', 'C#')], ['C++', 'c--2ead0510'], ['Rust', 'rust'], ['c', 'c']]);
    expect(collisions).toEqual([]);
  });

  it('keeps paths apart where case does not count (Windows and macOS file systems)', () => {
    // "ΟΔΟΣ" ends in a final sigma when lower-cased; "οδοσ" does not: two slugs, one folder on NTFS.
    expect([slugify('ΟΔΟΣ'), slugify('οδοσ')]).toEqual(['οδος', 'οδοσ']);
    const { slugs, collisions } = assignSlugs(['οδοσ', 'ΟΔΟΣ']);
    expect(slugs.get('ΟΔΟΣ')).toBe('οδος');
    expect(slugs.get('οδοσ')).toBe(`οδοσ--${fnv1a32('οδοσ')}`);
    expect(collisions).toEqual([{ slug: 'οδος', names: ['ΟΔΟΣ', 'οδοσ'], assigned: ['οδος', `οδοσ--${fnv1a32('οδοσ')}`] }]);
    // Dotless i upper-cases to I, as i does.
    expect(new Set(assignSlugs(['kır', 'kir']).slugs.values()).size).toBe(2);
    expect(assignSlugs(['kır', 'kir']).collisions).toHaveLength(1);
  });

  it('lengthens the hash when the short form is already a path', () => {
    // The same name in NFD and NFC: both have the NFC name's hashed path; the NFD one sorts first and keeps
    // it, and the NFC one's own short hash is that very path.
    const nfd = 'Cafe\u0301!';
    const nfc = 'Café!';
    const { slugs, collisions } = assignSlugs([nfc, nfd]);
    expect(slugify(nfd)).toBe(slugify(nfc));
    expect(slugs.get(nfd)).toBe(hashed('café', nfc));
    expect(slugs.get(nfc)).toMatch(/^café--[0-9a-f]{16}$/);
    expect(collisions).toEqual([{ slug: hashed('café', nfc), names: [nfd, nfc], assigned: [slugs.get(nfd), slugs.get(nfc)] }]);
  });

  it('tells apart names that differ only in normalisation or in what slugify drops', () => {
    const { slugs, collisions } = assignSlugs(['Café Society', 'Cafe\u0301 Society', ';', '\u037E', 'x-3e0cb6da', 'x--3e0cb6da']);
    expect(sortedEntries(slugs)).toEqual([
      [';', 'x--3e0cb6da'],
      ['Cafe\u0301 Society', 'café-society'],
      ['Café Society', 'café-society--98d82843'],
      // "--" is a run of separators: this name spells "x-3e0cb6da" too, and sorts first.
      ['x--3e0cb6da', 'x-3e0cb6da'],
      ['x-3e0cb6da', 'x-3e0cb6da--b06d1b40'],
      ['\u037E', 'x--8fa184d2'],
    ]);
    expect(collisions.map((c) => c.slug)).toEqual(['café-society', 'x--3e0cb6da', 'x-3e0cb6da']);
    expect(collisions.map((c) => c.assigned[0])).toEqual(['café-society', 'x--3e0cb6da', 'x-3e0cb6da']);
    expect(collisions[1]?.names).toEqual([';', '\u037E']);
    expect(collisions[2]?.names).toEqual(['x--3e0cb6da', 'x-3e0cb6da']);
  });

  it('accepts any iterable and ignores duplicates', () => {
    const fromSet = assignSlugs(new Set(['B', 'b', 'a']));
    const fromGenerator = assignSlugs(
      (function* () {
        yield 'a';
        yield 'b';
        yield 'B';
        yield 'b';
      })(),
    );
    expect(sortedEntries(fromGenerator.slugs)).toEqual(sortedEntries(fromSet.slugs));
    expect(fromGenerator.collisions).toEqual(fromSet.collisions);
    expect(fromSet.slugs.size).toBe(3);
  });

  const unicodeName = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 8 }),
    // A small alphabet full of case, width, normalisation and punctuation twins: collisions are common.
    fc.string({
      unit: fc.constantFrom('a', 'A', 'ａ', 'e\u0301', 'é', 'É', 'ß', 'SS', 'ﬁ', 'İ', '\u212B', 'Å', '-', ' ', '!', '\u200B', '🙂', '\uD800', 'x', '1', 'c', 'o', 'n'),
      maxLength: 5,
    }),
    fc.constantFrom('con', 'CON', 'Con', 'x-', 'x-811c9dc5', 'x--811c9dc5', 'world-news-5bb37852', 'world-news--5bb37852', 'World News', 'world news', 'C++', 'C#', 'c'),
  );
  const nameLists = fc.array(unicodeName, { maxLength: 40 });

  function checkAssignment(input: readonly string[]): Map<string, string> {
    const { slugs, collisions } = assignSlugs(input);
    const distinct = new Set(input);
    expect(new Set(slugs.keys())).toEqual(distinct);
    expect(new Set(slugs.values()).size).toBe(distinct.size);
    for (const slug of slugs.values()) expectValidSlug(slug);
    // Paths differ where case does not count, too.
    expect(new Set([...slugs.values()].map(caseless)).size).toBe(distinct.size);
    // A name's path is its own (slugify's) unless another name in the set has that same path (where case
    // does not count): then adding or removing other names never moves it.
    const key = (name: string): string => caseless(slugify(name));
    const byPath = new Map<string, number>();
    for (const name of distinct) byPath.set(key(name), (byPath.get(key(name)) ?? 0) + 1);
    for (const [name, slug] of slugs) {
      if (byPath.get(key(name)) === 1) expect(slug).toBe(slugify(name));
      else expect(slug.startsWith(`${slugWords(name) || 'x'}--`) || slug === slugify(name)).toBe(true);
    }

    const groups = new Map<string, string[]>();
    for (const name of distinct) groups.set(key(name), [...(groups.get(key(name)) ?? []), name]);
    // By code point (README): compared as arrays of code points.
    const byPoints = (a: string, b: string): number => {
      const [x, y] = [[...a].map((c) => c.codePointAt(0) ?? 0), [...b].map((c) => c.codePointAt(0) ?? 0)];
      const k = x.findIndex((v, i) => v !== y[i]);
      return k === -1 ? x.length - y.length : (x[k] ?? 0) - (y[k] ?? -1);
    };
    const expected = [...groups].filter(([, g]) => g.length > 1).sort(([a], [b]) => byPoints(a, b)).map(([, g]) => [...g].sort(byPoints));
    expect(collisions.map((c) => c.names)).toEqual(expected);
    for (const c of collisions) {
      expect(c.assigned).toEqual(c.names.map((n) => slugs.get(n)));
      // The first keeps the path they contested.
      expect(c.assigned[0]).toBe(c.slug);
      expect(c.slug).toBe(slugify(c.names[0] as string));
    }
    return slugs;
  }

  it('property: distinct names get distinct, valid slugs; collisions are reported exactly', () => {
    fc.assert(
      fc.property(nameLists, (names) => {
        checkAssignment(names);
      }),
      { numRuns: 300 },
    );
  });

  it('property: still distinct when the hashed slugs themselves are used as names', () => {
    fc.assert(
      fc.property(nameLists, (names) => {
        const first = assignSlugs(names).slugs;
        const adversarial = [...names, ...first.values(), ...[...first.values()].map((s) => s.toUpperCase())];
        checkAssignment(adversarial);
      }),
      { numRuns: 200 },
    );
  });

  it('property: the result does not depend on input order or duplicates', () => {
    const shuffled = nameLists.chain((names) =>
      fc.tuple(fc.constant(names), fc.shuffledSubarray([...names, ...names.slice(0, 3)], { minLength: names.length + Math.min(3, names.length) })),
    );
    fc.assert(
      fc.property(shuffled, ([names, other]) => {
        const a = assignSlugs(names);
        const b = assignSlugs(other);
        expect(sortedEntries(b.slugs)).toEqual(sortedEntries(a.slugs));
        expect(b.collisions).toEqual(a.collisions);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a slug fits a file name', () => {
  it('a slug over 255 bytes of UTF-8 is hashed, its words cut to fit; every slug that fits stays as it was', () => {
    const long = '\u{20000}'.repeat(64);
    const slug = slugify(long);
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(255);
    expect(slug).toMatch(/^(?:\u{20000}){61}--[0-9a-f]{8}$/u);
    // 60 four-byte letters (240 bytes) fit, and keep their plain path.
    expect(slugify('\u{20000}'.repeat(60))).toBe('\u{20000}'.repeat(60));
    // Names of one- to three-byte letters keep the slugs they had.
    expect(slugify('国'.repeat(64))).toBe('国'.repeat(64));
    const { slugs } = assignSlugs([long, `${long}!`]);
    for (const s of slugs.values()) expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(255);
  });
});
