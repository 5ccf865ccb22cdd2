import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../src/core/slug.js';

/** What every slug must look like: letters, numbers, combining marks and '-', nothing at the ends. */
const SLUG = /^[\p{L}\p{N}\p{M}-]+$/u;
/** 64 code points, '-', and the longest hash (16 hex digits). */
const MAX_ASSIGNED = 64 + 1 + 16;

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

const sortedEntries = (m: Map<string, string>): [string, string][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('slugify', () => {
  it.each([
    ['Middle East', 'middle-east'],
    ['Asia-Pacific', 'asia-pacific'],
    ['C++ & Rust', 'c-rust'],
    ['  --World   News!!  ', 'world-news'],
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
    ['Sports 🏈 Weekly', 'sports-weekly'],
    ['a/b\\c', 'a-b-c'],
    ['..', 'x-' + fnv1a32('..')],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('removes RTL marks, zero-width spaces and BOMs (format characters are separators)', () => {
    expect(slugify('\u200FMiddle\u200B East\uFEFF')).toBe('middle-east');
    expect(slugify('\u200Fالشرق الأوسط\u200F')).toBe('الشرق-الأوسط');
    expect(slugify('\uFEFF国际新闻\u200B')).toBe('国际新闻');
    expect(slugify('foo\u200Bbar')).toBe('foo-bar');
    expect(slugify('\u200B\u200F\uFEFF')).toBe('x-9653bd66');
  });

  it('never keeps invisible characters or marks with nothing to combine with', () => {
    expect(slugify('❤️ News')).toBe('news'); // U+FE0F is a combining mark, but default-ignorable
    expect(slugify('🏳️‍🌈')).toBe('x-02234456');
    expect(slugify('\u3164')).toBe('x-5235c983'); // Hangul filler: a letter that renders as nothing
    expect(slugify('!\u0301ab')).toBe('ab'); // an orphan combining acute
    expect(slugify('a\u034Fb')).toBe('a-b'); // combining grapheme joiner
    expect(slugify('देश\u0301')).toBe('देश\u0301'); // a mark after a letter stays
  });

  it('drops control characters and path separators', () => {
    expect(slugify('World\u0000News\n\t/..\\')).toBe('world-news');
  });

  it('gives names with nothing readable "x-" + a hash of the NFC name', () => {
    expect(slugify('!!!')).toBe('x-2d53a722');
    expect(slugify('🙂')).toBe('x-57a37a4b');
    expect(slugify('   ')).toBe('x-87384657');
    expect(slugify('')).toBe('x-811c9dc5');
    expect(slugify('🙂')).not.toBe(slugify('🙃'));
    for (const name of ['!!!', '🙂', '   ', '', '..', '🏳️‍🌈']) expect(slugify(name)).toBe(`x-${fnv1a32(name)}`);
  });

  it('hashes lone surrogates without merging them (WTF-8), and never keeps them', () => {
    expect(slugify('\uD800')).toBe('x-75a7b798');
    expect(slugify('\uDC00')).toBe('x-1581a408');
    expect(slugify('\uFFFD')).toBe('x-03479c4a');
    expect(slugify('news\uD800')).toBe('news');
  });

  it('appends a hash to Windows device names, whatever their case or width', () => {
    expect(slugify('CON')).toBe('con-3367e86b');
    expect(slugify('con')).toBe('con-f08dd14b');
    expect(slugify('Nul')).toBe('nul-6ffcf3c0');
    expect(slugify('lpt1')).toBe('lpt1-f32ea75a');
    expect(slugify('ＣＯＮ')).toBe('con-edc6a0b4');
    expect(slugify('con.')).toBe('con-1440a1ff');
    expect(slugify('COM¹')).toBe('com1-173dcdb7');
    for (const name of ['prn', 'AUX', 'com0', 'Com9', 'LPT0', 'lpt9']) expect(slugify(name)).toBe(`${name.toLowerCase()}-${fnv1a32(name)}`);
    for (const name of ['console', 'com10', 'lpt', 'auxiliary', 'null', 'con-f08dd14b']) expect(slugify(name)).toBe(name);
  });

  it('cuts at 64 code points without splitting a surrogate pair', () => {
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(64));
    const astral = '𠀀'; // U+20000, a letter outside the BMP
    const cut = slugify('a'.repeat(63) + astral.repeat(137));
    expect(cut).toBe('a'.repeat(63) + astral);
    expect(codePoints(cut)).toBe(64);
    expect(cut.length).toBe(65);
    expect(slugify(astral.repeat(200))).toBe(astral.repeat(64));
    expectValidSlug(slugify(`b${astral.repeat(199)}`));
  });

  it('trims a "-" left at the cut', () => {
    expect(slugify(`${'a'.repeat(63)} bcd`)).toBe('a'.repeat(63));
    expect(slugify(`${'a'.repeat(62)}!!${'b'.repeat(10)}`)).toBe(`${'a'.repeat(62)}-b`);
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
        expect(codePoints(slug)).toBeLessThanOrEqual(64);
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

  it('gives colliding names distinct slugs: the first by code point stays plain, the others get a hash', () => {
    const names = ['world news', 'World-News', 'WORLD NEWS', 'World News'];
    const { slugs, collisions } = assignSlugs(names);
    expect(sortedEntries(slugs)).toEqual([
      ['WORLD NEWS', 'world-news'],
      ['World News', 'world-news-5bb37852'],
      ['World-News', 'world-news-a0ebcf35'],
      ['world news', 'world-news-9b6a6552'],
    ]);
    expect(new Set(slugs.values()).size).toBe(4);
    expect(collisions).toEqual([
      {
        slug: 'world-news',
        names: ['WORLD NEWS', 'World News', 'World-News', 'world news'],
        assigned: ['world-news', 'world-news-5bb37852', 'world-news-a0ebcf35', 'world-news-9b6a6552'],
      },
    ]);
    for (const name of ['World News', 'World-News', 'world news']) expect(slugs.get(name)).toBe(`world-news-${fnv1a32(name)}`);
  });

  it('lengthens the hash when the short form is some other name\'s slug', () => {
    const { slugs, collisions } = assignSlugs(['World News', 'WORLD NEWS', 'world-news-5bb37852']);
    expect(sortedEntries(slugs)).toEqual([
      ['WORLD NEWS', 'world-news'],
      ['World News', 'world-news-f2346b502f129852'],
      ['world-news-5bb37852', 'world-news-5bb37852'],
    ]);
    expect(collisions).toEqual([{ slug: 'world-news', names: ['WORLD NEWS', 'World News'], assigned: ['world-news', 'world-news-f2346b502f129852'] }]);
  });

  it('tells apart names that differ only in normalisation or in what slugify drops', () => {
    const { slugs, collisions } = assignSlugs(['Café Society', 'Cafe\u0301 Society', ';', '\u037E', 'x-3e0cb6da']);
    expect(sortedEntries(slugs)).toEqual([
      [';', 'x-3e0cb6da'],
      ['Cafe\u0301 Society', 'café-society'],
      ['Café Society', 'café-society-98d82843'],
      ['x-3e0cb6da', 'x-3e0cb6da-b06d1b40'],
      ['\u037E', 'x-3e0cb6da-8fa184d2'],
    ]);
    expect(collisions.map((c) => c.slug)).toEqual(['café-society', 'x-3e0cb6da']);
    expect(collisions[1]?.names).toEqual([';', 'x-3e0cb6da', '\u037E']);
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
    fc.constantFrom('con', 'CON', 'Con', 'x-', 'x-811c9dc5', 'world-news-5bb37852', 'World News', 'world news'),
  );
  const nameLists = fc.array(unicodeName, { maxLength: 40 });

  function checkAssignment(input: readonly string[]): Map<string, string> {
    const { slugs, collisions } = assignSlugs(input);
    const distinct = new Set(input);
    expect(new Set(slugs.keys())).toEqual(distinct);
    expect(new Set(slugs.values()).size).toBe(distinct.size);
    for (const slug of slugs.values()) expectValidSlug(slug);
    for (const [name, slug] of slugs) expect(slug.startsWith(slugify(name))).toBe(true);

    const groups = new Map<string, string[]>();
    for (const name of distinct) groups.set(slugify(name), [...(groups.get(slugify(name)) ?? []), name]);
    const expected = [...groups].filter(([, g]) => g.length > 1).map(([s]) => s);
    expect(collisions.map((c) => c.slug)).toEqual(expected.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const c of collisions) {
      expect(c.names).toEqual([...(groups.get(c.slug) ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(c.assigned).toEqual(c.names.map((n) => slugs.get(n)));
      expect(c.assigned[0]).toBe(c.slug);
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
