/**
 * NITF 3.x import: each fixture's WHOLE record (`recordText`) against a hand-checked `<case>.expected.md`,
 * with the importer's notes and diagnostics as whole lines; every record must pass the build's validation.
 * Fixtures are sample stories written for these tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/core/config.js';
import { formatDiagnostic } from '../src/errors.js';
import { importNitf } from '../src/importers/nitf.js';
import { recordText } from '../src/importers/record.js';
import type { ImportedStory } from '../src/importers/types.js';
import { SITE_CONFIG, expectImportAccepted, expectOneWholeRecord } from './_helpers.js';

const dir = fileURLToPath(new URL('./fixtures/import/nitf/', import.meta.url));
const fixture = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');
const config = resolveConfig(SITE_CONFIG, 'cfg', () => 1).config!;

function run(file: string, text = fixture(file)) {
  const result = importNitf(text, { file, timezone: config.timezone });
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

const expectAccepted = expectImportAccepted;

const PORTLAND_WARNING =
  'wallclock.nitf.xml: dateline.timezone: warning: dateline city "Portland" names places in different time zones (' +
  'Portland, Oregon, United States of America (America/Los_Angeles); Portland, Maine, United States of America (America/New_York); ' +
  'Portland, Victoria, Australia (Australia/Melbourne)): add "dateline.timezone" (an IANA zone) to the record (W_IMPORT_DATELINE_ZONE)';

describe('NITF fixtures → whole records', () => {
  it.each([
    {
      name: 'full',
      what: 'every element: ids, offset dates, correction, section, keywords, byline, distributor, dateline, body blocks, picture, tagline, rights',
      notes: [
        'hedline/hl2 "Six routes will run until 5 a.m. during a three-month pilot": the abstract is the summary',
        'byline title (byttl) "Xinhua correspondents": a record has no field for it',
      ],
      diagnostics: [],
    },
    {
      name: 'wallclock',
      what: 'norm dates without offset (publisher wall-clock), hl2 as summary, text byline, ambiguous city, caption credit, lists, breaks, other media',
      notes: [
        'date.issue "20250205T092400" has no UTC offset: read as wall-clock time in the site\'s zone (Asia/Shanghai)',
        'date.release "20250205T113015" has no UTC offset: read as wall-clock time in the site\'s zone (Asia/Shanghai)',
        'media (video) "Video: the first early crossing": only pictures are imported',
        'another picture https://img.example.com/2025/02/05/bridge.jpg ("The closed bridge on Sunday."): a record has one',
        'tagline "This story was updated to add the ferry timetable." is not a credit line: kept at the end of the body',
      ],
      diagnostics: [PORTLAND_WARNING],
    },
    {
      name: 'staff',
      what: 'staff copy: head/title as headline, Z date, doc-id unusable as an id, Markdown escaping, a table',
      notes: [
        'no hedline/hl1: the headline is head/title "City library extends weekend opening hours"',
        'doc-id "local 0042" has spaces or control characters: the id is derived from the content instead',
      ],
      diagnostics: [],
    },
  ])('$name: $what', ({ name, notes, diagnostics }) => {
    expectOneWholeRecord(run(`${name}.nitf.xml`), fixture(`${name}.expected.md`), notes, diagnostics);
  });

  it('takes a headline of invisible characters alone for none, and leaves out a language the build would refuse, with a note (fuzzing)', () => {
    const full = fixture('full.nitf.xml');
    const blank = run('blank.nitf.xml', full.replace(/<hl1>[^<]*<\/hl1>/u, '<hl1>&#x202e;</hl1>').replace(/<title>[^<]*<\/title>/u, '<title>\u0085</title>'));
    expect(blank.lines).toEqual([expect.stringContaining('E_IMPORT_NO_HEADLINE')]);
    const odd = run('odd.nitf.xml', full.replace('xml:lang="en"', 'xml:lang="（完）"'));
    expect(odd.stories[0]?.fields.language).toBeUndefined();
    expect(odd.stories[0]?.notes).toContain('language "（完）" is no language tag: not used');
    expectAccepted(odd.stories[0]!);
  });

  it('is deterministic: the same file gives the same record, and a derived id survives a correction of the text', () => {
    const a = run('staff.nitf.xml').stories[0]!;
    expect(recordText(run('staff.nitf.xml').stories[0]!)).toBe(recordText(a));
    const corrected = run('staff.nitf.xml', fixture('staff.nitf.xml').replace('8 p.m.</p>', '9 p.m.</p>')).stories[0]!;
    expect(recordText(corrected)).not.toBe(recordText(a));
    expect(corrected.fields.id).toBe(a.fields.id);
    expect(a.fields.id).toMatch(/^imp-20250301-city-library-extends-weekend-opening-hours-[0-9a-f]{8}$/);
  });
});

describe('what NITF says about time', () => {
  it('keeps offsets as instants, reads offset-less norm dates as publisher wall-clock time', () => {
    expect(run('full.nitf.xml').stories[0]!.fields).toMatchObject({ date: '2025-02-05T09:24:00+08:00', updated: '2025-02-05T11:30:00+08:00' });
    expect(run('wallclock.nitf.xml').stories[0]!.fields).toMatchObject({ date: '2025-02-05 09:24', updated: '2025-02-05 11:30:15' });
  });

  it('a date.release not after date.issue is no correction', () => {
    const text = fixture('full.nitf.xml').replace('20250205T113000+0800', '20250205T012400Z');
    expect(run('f.xml', text).stories[0]!.fields.updated).toBeUndefined();
  });

  it('story.date with an offset gives the local date at the dateline city', () => {
    // 20:24 on Feb. 4 in New York is 09:24 on Feb. 5 in Beijing: the dateline reads Feb. 4.
    expect(run('full.nitf.xml').stories[0]!.fields.dateline).toEqual({
      city: 'Washington', country: 'United States', timezone: 'America/New_York', date: '2025-02-04',
    });
  });

  it('a norm date that is not one is an error naming the element', () => {
    const r = run('bad-date.xml', fixture('full.nitf.xml').replace('20250205T092400+0800', '5 Feb 2025'));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([
      'bad-date.xml:8: nitf/head/docdata/date.issue@norm: expected a NITF norm date and time like "20250205T092400+0800", got "5 Feb 2025" (E_FIELD_TYPE)',
    ]);
  });

  it('without date.issue, date.release is the first publication; without either the file cannot be imported', () => {
    const releaseOnly = run('r.xml', fixture('full.nitf.xml').replace(/<date\.issue[^>]*\/>/, ''));
    expect(releaseOnly.stories[0]!.fields).toMatchObject({ date: '2025-02-05T11:30:00+08:00' });
    expect(releaseOnly.stories[0]!.fields.updated).toBeUndefined();
    expect(releaseOnly.stories[0]!.notes).toContain('no date.issue: the first publication is date.release');
    const undated = run('undated.xml', fixture('full.nitf.xml').replace(/<date\.(issue|release)[^>]*\/>/g, ''));
    expect(undated.stories).toEqual([]);
    expect(undated.lines).toEqual([
      'undated.xml: nitf/head/docdata/date.issue: no date: the NITF docdata has neither a date.issue nor a date.release norm date ' +
        '(such as <date.issue norm="20250205T092400+0800"/>); a zone alone gives no instant, so add the stamp to the copy or write the record by hand (E_IMPORT_NO_DATE)',
    ]);
  });
});

describe('datelines', () => {
  it('an unknown city keeps no zone, with a warning that asks for one; the date from story.date is kept as written', () => {
    // (Muwasi, a town the gazetteer lacks: Gaza City was one until the thirty-fifth session.)
    // (The body's lead left out: a lead of another city would be the dateline, the test's `storyDateline`.)
    const r = run('gaza.xml', fixture('full.nitf.xml').replace('<city>Washington</city><country>United States</country>', '<city>Muwasi</city>').replace('WASHINGTON, Feb. 4 (Xinhua) -- ', ''));
    expect(r.lines).toEqual([
      'gaza.xml: dateline.timezone: warning: dateline city "Muwasi" is not in the gazetteer, so its time zone is unknown: add "dateline.timezone" (an IANA zone) to the record (W_IMPORT_DATELINE_ZONE)',
    ]);
    expect(r.stories[0]!.fields.dateline).toEqual({ city: 'Muwasi', date: '2025-02-04' });
    expect(r.stories[0]!.body).toMatch(/^The transit agency/);
    // story.date gives the dateline its date, so the build can still print it.
    expectAccepted(r.stories[0]!);
  });

  it('a story.date printed in words without norm is the agency\'s date (it was dropped without a word)', () => {
    // The QA's case: 12:00 UTC on March 5 is 02:00 on March 5 in Honolulu, but the wire dated it March 4.
    const nitf = (printed: string): string => fixture('full.nitf.xml')
      .replace(/<location>.*<\/location>/, '<location><city>Honolulu</city></location>').replace('WASHINGTON, Feb. 4 (Xinhua) -- ', '')
      .replace(/<story\.date[^>]*>[^<]*<\/story\.date>/, `<story.date>${printed}</story.date>`)
      .replace(/norm="20250205T092400\+0800"/, 'norm="20250305T120000Z"');
    const date = (printed: string): [string | undefined, string[]] => {
      const s = run('h.xml', nitf(printed)).stories[0]!;
      return [s.fields.dateline?.date, s.notes.filter((n) => n.includes('story.date') || n.startsWith('dateline date'))];
    };
    expect(nitf('March 4')).toContain('<story.date>March 4</story.date>');
    expect(date('March 4')).toEqual(['2025-03-04', []]);
    expect(date('March 4, 2025')).toEqual(['2025-03-04', []]);
    expect(date('Tue., March 4, 2025')).toEqual(['2025-03-04', []]);
    expect(date('4 March 2025')).toEqual(['2025-03-04', []]);
    expect(date('Mar. 4')).toEqual(['2025-03-04', []]);
    expect(date('2025-03-04')).toEqual(['2025-03-04', []]);
    // A year printed is kept as printed; a day a month back is the lead's reading, with its note.
    expect(date('4 March 2024')).toEqual(['2024-03-04', []]);
    expect(date('Feb. 1')).toEqual(['2025-02-01', [expect.stringContaining('dateline date "Feb. 1" is read as 2025-02-01, 32 days before')]]);
    // What it cannot read is said, not dropped.
    expect(date('yesterday')).toEqual([undefined, [expect.stringContaining('story.date "yesterday" is not a date Dateline reads')]]);
    expect(date('February 30, 2025')).toEqual([undefined, ['story.date "February 30, 2025" is not a calendar date: not used']]);
  });

  it('a state narrows the city, and an unmarked dateline is read for its city', () => {
    const oregon = run('o.xml', fixture('wallclock.nitf.xml').replace('<city>PORTLAND</city>', '<city>PORTLAND</city><state>Ore.</state>'));
    expect(oregon.lines).toEqual([]);
    expect(oregon.stories[0]!.fields.dateline).toEqual({ city: 'Portland', country: 'United States of America', timezone: 'America/Los_Angeles', date: '2025-02-04' });
    const plain = run('p.xml', fixture('full.nitf.xml').replace(/<location>.*<\/location>,/, 'WASHINGTON,'));
    expect(plain.stories[0]!.fields.dateline).toEqual({ city: 'Washington', country: 'United States of America', timezone: 'America/New_York', date: '2025-02-04' });
    // Review: without story.date, the date it prints is read as a lead's (it was lost without a word).
    const printed = fixture('full.nitf.xml').replace(/<location>.*<\/location>,\s*<story\.date[^>]*>Feb\. 4<\/story\.date>/, 'LONDON, 3 February').replace('WASHINGTON, Feb. 4 (Xinhua) -- ', '');
    expect(printed).toContain('<dateline>\n        LONDON, 3 February');
    const london = run('l.xml', printed).stories[0]!;
    expect(london.fields.dateline).toEqual({ city: 'London', country: 'United Kingdom', timezone: 'Europe/London', date: '2025-02-03' });
    const old = run('d.xml', printed.replace('LONDON, 3 February', 'LONDON, 20 December')).stories[0]!;
    expect([old.fields.dateline?.date, old.notes.filter((n) => n.startsWith('dateline date'))]).toEqual(['2024-12-20', [expect.stringContaining('dateline date "20 December" is read as 2024-12-20')]]);
    // The city written as a name, not in capitals (review): the date is read all the same.
    const named = run('n.xml', printed.replace('LONDON, 3 February', 'London, 3 February')).stories[0]!;
    expect(named.fields.dateline).toEqual({ city: 'London', country: 'United Kingdom', timezone: 'Europe/London', date: '2025-02-03' });
    const tokyo = run('t.xml', printed.replace('LONDON, 3 February', 'Tokyo, Feb. 4')).stories[0]!;
    expect(tokyo.fields.dateline).toEqual({ city: 'Tokyo', country: 'Japan', timezone: 'Asia/Tokyo', date: '2025-02-04' });
    // AAP's, as its NITF prints it (real AAP copy: the whole text was the city, its zone unknown).
    const sydney = run('s.xml', printed.replace('LONDON, 3 February', 'SYDNEY Feb 4 AAP -')).stories[0]!;
    expect([sydney.fields.dateline, sydney.fields.agency?.name]).toEqual([{ city: 'Sydney', country: 'Australia', timezone: 'Australia/Sydney', date: '2025-02-04' }, expect.any(String)]);
    // The region it prints narrows the city, as <state> would.
    const portland = run('p.xml', printed.replace('LONDON, 3 February', 'Portland, Ore., Feb. 4')).stories[0]!;
    expect(portland.fields.dateline).toMatchObject({ city: 'Portland', timezone: 'America/Los_Angeles', date: '2025-02-04' });
    // Accented capitals are capitals (the date was lost: the lead reader took ASCII capitals only).
    for (const [dateline, city] of [['Zürich, 3 February', 'Zürich'], ['ZÜRICH, 3 February', 'Zürich'], ['São Paulo, 3 February', 'São Paulo'], ['Montréal, 3 February', 'Montréal']] as const) {
      expect(run('z.xml', printed.replace('LONDON, 3 February', dateline)).stories[0]!.fields.dateline, dateline).toMatchObject({ city, date: '2025-02-03' });
    }
    // `Today` is no city: the dateline is not used, with a note (it was the city "Today").
    const today = run('t.xml', printed.replace('LONDON, 3 February', 'Today, Feb. 4')).stories[0]!;
    expect([today.fields.dateline, today.notes.filter((n) => n.startsWith('dateline'))]).toEqual([undefined, ['dateline without a city: not used']]);
  });

  it('a lead that duplicates the structured dateline is taken out, and what it adds is kept', () => {
    // No distributor and no story.date: the lead's agency and date fill them.
    const text = fixture('full.nitf.xml').replace(/<distributor>.*<\/distributor>/, '').replace(/<story\.date[^>]*>Feb\. 4<\/story\.date>/, '');
    const story = run('lead.xml', text).stories[0]!;
    expect(story.fields.agency).toEqual({ name: 'Xinhua' });
    expect(story.fields.dateline).toEqual({ city: 'Washington', country: 'United States', timezone: 'America/New_York', date: '2025-02-04' });
    expect(story.body.startsWith('The transit agency of the U.S. capital')).toBe(true);
  });
});

describe('credits', () => {
  it('an agency named in the byline or the lead that differs from the distributor is noted, never dropped silently', () => {
    const text = fixture('full.nitf.xml')
      .replace('<byttl>Xinhua correspondents</byttl>', 'Reuters')
      .replace('(Xinhua) --', '(AP) --');
    const story = run('c.xml', text).stories[0]!;
    expect(story.fields.agency).toEqual({ name: 'Xinhua' });
    expect(story.fields.authors).toEqual(['Ana Ruiz', 'Tom Hale']);
    expect(story.notes).toEqual([
      'hedline/hl2 "Six routes will run until 5 a.m. during a three-month pilot": the abstract is the summary',
      'the byline names the agency "Reuters", but the agency is "Xinhua": not used',
      'the dateline lead names the agency "AP", but the agency is "Xinhua": not used',
    ]);
  });

  it('a tagline with roles gives contributors with roles; NITF credit stays with its quote', () => {
    const text = fixture('full.nitf.xml').replace(
      '<tagline>Mike Gu in Hong Kong contributed to this story.</tagline>',
      '<tagline>Reporting by Ana Ruiz; Editing by Li Wen</tagline>',
    );
    const story = run('t.xml', text).stories[0]!;
    expect(story.fields.contributors).toEqual([{ name: 'Ana Ruiz', role: 'reporting' }, { name: 'Li Wen', role: 'editing' }]);
    expect(story.fields.image?.credit).toBe('DAWOUD ABU ALKAS/REUTERS');
    expect(story.body).toContain('> — Maria Lopez, the agency’s general manager');
  });
});

describe('people in the byline', () => {
  it.each([
    ['<person>Reuters Staff</person>', undefined, 'Reuters', undefined],
    ['By <person>JIM MORRIS Associated Press</person>', ['Jim Morris'], 'Associated Press', undefined],
    ['By <person>Smith, John</person>', ['John Smith'], undefined, 'byline "Smith, John" read as one name, surname first: "John Smith"'],
    // A title naming an agency, after the person or in byttl, names the agency as a text byline does.
    ['By <person>Tom Hale</person>, AP Sports Writer', ['Tom Hale'], 'AP', 'byline title not kept (a byline has no field for it): "AP Sports Writer"'],
    ['<person>Tom Hale</person>, <byttl>AP Medical Writer</byttl>', ['Tom Hale'], 'AP', 'byline title (byttl) "AP Medical Writer": a record has no field for it'],
    ['By <person>JIM MORRIS</person> <byttl>Associated Press</byttl>', ['Jim Morris'], 'Associated Press', 'byline title (byttl) "Associated Press": a record has no field for it'],
    ['<person>Hiroshi Tanaka</person>, <byttl>Kyodo News</byttl>', ['Hiroshi Tanaka'], 'Kyodo', undefined],
    ['By <person>Hiroshi Tanaka</person>, Kyodo News', ['Hiroshi Tanaka'], 'Kyodo', undefined],
    ['By <person>Jane Doe</person> | Reuters', ['Jane Doe'], 'Reuters', undefined],
    // A suffix after a comma, in the element or after it, is the name's, as in a byline of text; a bare Senior is a title.
    ['By <person>Martin Luther King, Jr.</person>', ['Martin Luther King Jr.'], undefined, undefined],
    ['By <person>Martin Luther King</person>, Jr. and <person>Tom Hale</person>', ['Martin Luther King Jr.', 'Tom Hale'], undefined, undefined],
    ['<person>JIM ROE</person>, JR.', ['Jim Roe Jr.'], undefined, undefined],
    ['By <person>Tom Hale, Senior</person>', ['Tom Hale'], undefined, 'byline title not kept (a byline has no field for it): "Senior"'],
    // Near misses: a job after the element, a person named Junior.
    ['By <person>Jane Doe</person>, Junior Reporter', ['Jane Doe'], undefined, 'byline text "Junior Reporter" is not a name: not used'],
    ['By <person>Jane Doe</person>, <person>Junior Dos Santos</person>', ['Jane Doe', 'Junior Dos Santos'], undefined, undefined],
  ])('%s gives the authors %j and the agency %j', (byline, authors, agency, note) => {
    const text = fixture('full.nitf.xml').replace(/<byline>[\s\S]*?<\/byline>/, `<byline>${byline}</byline>`);
    const story = run('b.nitf.xml', text).stories[0]!;
    expect(story.fields.authors).toEqual(authors);
    // (The fixture's distributor, Xinhua, is the agency: one named in the byline is noted.)
    if (agency !== undefined) expect(story.notes).toContain(`the byline names the agency ${JSON.stringify(agency)}, but the agency is "Xinhua": not used`);
    if (note !== undefined) expect(story.notes).toContain(note);
  });
});

describe('the end of the body', () => {
  it.each([
    ['<p>The pilot will cost about $2.1 million and will be reviewed in May. Enditem</p>'],
    ['<p>The pilot will cost about $2.1 million and will be reviewed in May.</p><p>Enditem</p>'],
  ])('takes the end mark off (%s)', (last) => {
    const text = fixture('full.nitf.xml').replace('<p>The pilot will cost about $2.1 million and will be reviewed in May.</p>', last);
    const story = run('b.nitf.xml', text).stories[0]!;
    expect(story.body.endsWith('will be reviewed in May.')).toBe(true);
  });

  it.each([
    ['Agencies Via Xinhua', (s: ImportedStory) => expect(s.fields.agency).toEqual({ name: 'Xinhua', via: 'Agencies' })],
    ['【责任编辑：张三】', (s: ImportedStory) => expect(s.fields.contributors).toEqual([{ name: '张三', role: '责任编辑' }])],
    ['记者：王晓岚 李华', (s: ImportedStory) => expect(s.fields.authors).toEqual(expect.arrayContaining(['王晓岚', '李华']))],
  ])('reads a tagline in body.end as a line closing the body is read: %j', (tagline, check) => {
    const text = fixture('full.nitf.xml').replace(/<body\.end>[\s\S]*?<\/body\.end>|<\/body\.content>/, (m) => (m.startsWith('<body.end>') ? `<body.end><tagline>${tagline}</tagline></body.end>` : `${m}<body.end><tagline>${tagline}</tagline></body.end>`));
    const story = run('b.nitf.xml', text).stories[0]!;
    check(story);
    expect(story.body).not.toContain(tagline);
  });

  it('without <dateline>, a dateline printed at the head of the body is read as text copy reads it', () => {
    const text = fixture('full.nitf.xml').replace(/<dateline>[\s\S]*?<\/dateline>/, '');
    const story = run('b.nitf.xml', text).stories[0]!;
    expect(story.fields.dateline?.city).toBe('Washington');
    expect(story.body).toMatch(/^The transit agency/);
  });

  it('makes a credit line closing body.content contributors, as a tagline in body.end is', () => {
    const text = fixture('full.nitf.xml').replace('reviewed in May.</p>', 'reviewed in May.</p><p>(Reporting by Lucy Craymer in Wellington; Editing by Tom Hale)</p>');
    const story = run('b.nitf.xml', text).stories[0]!;
    expect(story.fields.contributors).toEqual(expect.arrayContaining([{ name: 'Lucy Craymer', location: 'Wellington', role: 'reporting' }, { name: 'Tom Hale', role: 'editing' }]));
    expect(story.body).not.toContain('Craymer');
  });
});

describe('stories that are not published', () => {
  it.each([
    ['embargoed', 'the agency has not released this story yet, so no record is written; import the file again once the embargo is lifted'],
    ['withheld', 'the agency has withheld this story, so no record is written; if it was imported before, take that record down (draft: true)'],
    ['canceled', 'the agency has withdrawn this story, so no record is written; if it was imported before, take that record down (draft: true)'],
  ])('management-status %s gives no record and an error that says so', (status, why) => {
    const r = run('embargoed.nitf.xml', fixture('embargoed.nitf.xml').replace('"embargoed"', `"${status}"`));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([
      `embargoed.nitf.xml:4: nitf/head/docdata@management-status: not published: the agency marked this story ${status}; ${why} (E_IMPORT_NOT_PUBLISHED)`,
    ]);
  });

  it('usable copy is imported', () => {
    const r = run('usable.xml', fixture('embargoed.nitf.xml').replace('"embargoed"', '"usable"'));
    expect(r.lines).toEqual([]);
    expect(r.stories.map((s) => s.fields.id)).toEqual(['xin-20250310-rate-decision']);
  });
});

describe('files that cannot be imported', () => {
  it('NITF without a headline is an error naming the element', () => {
    const r = run('no-headline.nitf.xml');
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([
      'no-headline.nitf.xml: nitf/body/body.head/hedline/hl1: no headline: the NITF has no text in body.head/hedline/hl1 and no head/title; ' +
        'write the headline as <hl1> in the <hedline> (E_IMPORT_NO_HEADLINE)',
    ]);
  });

  it('truncated XML is an error at the line where the file stops', () => {
    const r = run('truncated.nitf.xml');
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([
      'truncated.nitf.xml:15: the XML is not well-formed: the file ends inside <p> (open: nitf > body > body.content > p); it looks truncated (E_IMPORT_XML)',
    ]);
  });

  it('a broken tag is an error at the validator\'s line and column', () => {
    const r = run('broken.xml', fixture('full.nitf.xml').replace('</hl1>', '</hl>'));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([
      "broken.xml:22: the XML is not well-formed: Expected closing tag 'hl1' (opened in line 22, col 9) instead of closing tag 'hl' (column 70) (E_IMPORT_XML)",
    ]);
  });

  it('a picture the copy describes without a media-reference keeps its caption and credit; a real picture beside it wins', () => {
    const bare = '<media media-type="image"><media-caption>Crowds gather outside the station.</media-caption><media-producer>DAWOUD ABU ALKAS/REUTERS</media-producer></media>';
    const withoutUrl = fixture('full.nitf.xml').replace(/<media media-type="image">[\s\S]*?<\/media>/, bare);
    const r = run('bare.nitf.xml', withoutUrl);
    expect(r.stories[0]?.fields.image).toEqual({ caption: 'Crowds gather outside the station.', credit: 'DAWOUD ABU ALKAS/REUTERS' });
    expectAccepted(r.stories[0] as ImportedStory);
    // Both: the picture with a URL is the record's; the other is named in a note, credit and all.
    const both = fixture('full.nitf.xml').replace('<media media-type="image">', `${bare}<media media-type="image">`);
    const b = run('both.nitf.xml', both);
    expect(b.stories[0]?.fields.image?.url).toBe('https://img.example.com/2025/02/05/night-bus.jpg');
    expect(b.stories[0]?.notes).toContain('another picture ("Crowds gather outside the station.") credited "DAWOUD ABU ALKAS/REUTERS": a record has one');
    // Two described pictures are two pictures: the second's credit is named, not lost.
    const second = '<media media-type="image"><media-caption>Crowds gather outside the station.</media-caption><media-producer>MIKE GU/XINHUA</media-producer></media>';
    const two = run('two.nitf.xml', withoutUrl.replace(bare, `${bare}${second}`));
    expect(two.stories[0]?.fields.image).toEqual({ caption: 'Crowds gather outside the station.', credit: 'DAWOUD ABU ALKAS/REUTERS' });
    expect(two.stories[0]?.notes).toContain('another picture ("Crowds gather outside the station.") credited "MIKE GU/XINHUA": a record has one');
  });

  it('a date.release earlier than date.issue is not a correction, and a note says so', () => {
    const r = run('early.nitf.xml', fixture('full.nitf.xml').replace('<date.release norm="20250205T113000+0800"/>', '<date.release norm="20250205T080000+0800"/>'));
    expect(r.stories[0]?.fields.updated).toBeUndefined();
    expect(r.stories[0]?.notes).toContain('date.release "2025-02-05T08:00:00+08:00" is earlier than the first publication: not used');
  });

  it('an external entity is refused for that file, not thrown: nothing named in a DOCTYPE is read', () => {
    const text = fixture('full.nitf.xml').replace(/^(<\?xml[^>]*>\n)?/, '$1<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n').replace('</hl1>', '&x;</hl1>');
    const r = run('x.nitf.xml', text);
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([expect.stringMatching(/^x\.nitf\.xml:\d+: .*External entities are not supported.* \(E_IMPORT_XML\)$/)]);
    // At the entity's line, not the DOCTYPE's.
    const later = '<?xml version="1.0"?>\n<!DOCTYPE nitf [\n<!ELEMENT nitf ANY>\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<nitf><head><title>&x;</title></head></nitf>\n';
    expect(run('later.nitf.xml', later).lines[0]).toMatch(/^later\.nitf\.xml:4: /);
    expect(r.lines.join('')).not.toContain('root:');
  });

  it('XML that is not NITF is refused', () => {
    const r = run('feed.xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n');
    expect(r.lines).toEqual([
      'feed.xml:1: this is XML but not NITF (the root element is <rss>, not <nitf>); pass --format text, nitf, newsml, ninjs or feed if the detection is wrong (E_IMPORT_FORMAT)',
    ]);
  });
});

describe('a <person> with a comma is one person', () => {
  const byline = (b: string): ImportedStory => run('b.nitf.xml', fixture('full.nitf.xml').replace(/<byline>[\s\S]*?<\/byline>/, `<byline>${b}</byline>`)).stories[0]!;
  it.each([
    ['<person>King, Martin Luther</person>', ['Martin Luther King'], ['byline "King, Martin Luther" read as one name, surname first: "Martin Luther King"']],
    ['<person>de la Cruz, Maria</person>', ['Maria de la Cruz'], ['byline "de la Cruz, Maria" read as one name, surname first: "Maria de la Cruz"']],
    ['<person>Van Damme, Jean</person>', ['Jean Van Damme'], ['byline "Van Damme, Jean" read as one name, surname first: "Jean Van Damme"']],
    ['<person>Hale, Thomas Robert</person>', ['Thomas Robert Hale'], ['byline "Hale, Thomas Robert" read as one name, surname first: "Thomas Robert Hale"']],
    ['<person>Doe, Jane, Washington</person>', ['Jane Doe'], ['byline "Doe, Jane" read as one name, surname first: "Jane Doe"', 'byline place not kept (a byline has no field for it): "Washington"']],
    ['<person>KING, MARTIN LUTHER, JR.</person>', ['Martin Luther King Jr.'], ['byline "KING, MARTIN LUTHER" read as one name, surname first: "MARTIN LUTHER KING"']],
    // Near misses: a suffix, a title, a place after the comma; two names in one element are kept whole, as printed.
    // A surname of two words without a particle is not turned round: after a name, a state, letters, a role or a town.
    ['<person>Jane Doe, Texas</person>', ['Jane Doe'], ['byline place not kept (a byline has no field for it): "Texas"']],
    ['<person>Jane Doe, Europe</person>', ['Jane Doe'], ['byline place not kept (a byline has no field for it): "Europe"']],
    ['<person>Jane Doe, PhD</person>', ['Jane Doe'], ['byline title not kept (a byline has no field for it): "PhD"']],
    ['<person>Jane Doe, Intern</person>', ['Jane Doe'], ['byline title not kept (a byline has no field for it): "Intern"']],
    ['<person>Jane Doe, Glenwharf</person>', ['Jane Doe, Glenwharf'], ['byline "Jane Doe, Glenwharf" is one <person> with a comma in a form not read: kept whole, as one name']],
    ['<person>Smith Jones, Anna</person>', ['Smith Jones, Anna'], ['byline "Smith Jones, Anna" is one <person> with a comma in a form not read: kept whole, as one name']],
    ['<person>Martin Luther King, Jr.</person>', ['Martin Luther King Jr.'], []],
    ['<person>Tom Hale, Senior Editor</person>', ['Tom Hale'], ['byline title not kept (a byline has no field for it): "Senior Editor"']],
    ['<person>Li Wen, Beijing</person>', ['Li Wen'], ['byline place not kept (a byline has no field for it): "Beijing"']],
    // (An agency after the comma is the agency: here the distributor's, Xinhua, so nothing is noted.)
    ['<person>Li Wen, Xinhua</person>', ['Li Wen'], []],
    ['<person>Jane Doe, Tom Hale</person>', ['Jane Doe, Tom Hale'], ['byline "Jane Doe, Tom Hale" is one <person> with a comma in a form not read: kept whole, as one name']],
    ['<person>Doe, Jane and Tom Hale</person>', ['Doe, Jane and Tom Hale'], ['byline "Doe, Jane and Tom Hale" is one <person> with a comma in a form not read: kept whole, as one name']],
  ])('%s gives the authors %j', (b, authors, notes) => {
    const story = byline(b);
    expect(story.fields.authors).toEqual(authors);
    expect(story.notes.filter((n) => n.startsWith('byline'))).toEqual(notes);
  });

  it.each([
    ['<person>JIM ROE</person>, III', ['Jim Roe III']],
    ['<person>JIM ROE, III</person>', ['Jim Roe III']],
    ['<person>JIM ROE, JR.</person>', ['Jim Roe Jr.']],
    ['<person>Jim Roe</person>, IV and <person>ANN LEE</person>', ['Jim Roe IV', 'Ann Lee']],
    // Near miss: a name that starts as a numeral does is cased as a name.
    ['<person>IVAN ROE</person> and <person>IVY LEE, II</person>', ['Ivan Roe', 'Ivy Lee II']],
  ])('%s in capitals with a suffix gives %j, as text does', (b, authors) => {
    expect(byline(b).fields.authors).toEqual(authors);
  });
});

describe('end marks that are the story\'s words', () => {
  it.each([
    ['<p>节目单：“第一集（完）”</p>', '节目单：“第一集（完）”'],
    ['<p>第一集：开端。（完）</p><p>第二集：归来。（完）</p><p>第三集：重逢。（未完）</p>', '第一集：开端。（完）\n\n第二集：归来。（完）\n\n第三集：重逢。（未完）'],
    // Near miss: after a full stop, with only a page line after it, the mark goes.
    ['<p>他说：“市场会上涨。（完）”</p><p>（原标题：夜班公交试运行）</p>', '他说：“市场会上涨。”\n\n（原标题：夜班公交试运行）'],
  ])('%s', (last, end) => {
    const text = fixture('full.nitf.xml').replace('<p>The pilot will cost about $2.1 million and will be reviewed in May.</p>', last);
    const story = run('b.nitf.xml', text).stories[0]!;
    expect(story.body.endsWith(`\n\n${end}`)).toBe(true);
  });
});

describe('time QA F-B, F-C, F-G: the rules the text importer shares', () => {
  const at = (file: string, text: string, timezone: string) => {
    const result = importNitf(text, { file, timezone });
    return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
  };
  const stamped = (issue: string, release?: string) =>
    fixture('full.nitf.xml').replace('<date.issue norm="20250205T092400+0800"/>', `<date.issue norm="${issue}"/>`).replace('<date.release norm="20250205T113000+0800"/>', release === undefined ? '' : `<date.release norm="${release}"/>`);

  it('a date.release earlier than date.issue in another zone is not used, with a note (10:30 in Beijing is before 10 PM EST the day before)', () => {
    const story = run('x.xml', stamped('20250204T220000-0500', '20250205T103000')).stories[0]!;
    expect([story.fields.date, story.fields.updated]).toEqual(['2025-02-04T22:00:00-05:00', undefined]);
    expect(story.notes).toContain('date.release "2025-02-05 10:30" is earlier than the first publication: not used');
    expectAccepted(story);
  });

  it('a norm date without offset at a time the site\'s zone repeats or skips is refused, naming both instants', () => {
    expect(at('x.xml', stamped('20251102T013000'), 'America/New_York')).toMatchObject({
      stories: [],
      lines: ['x.xml:8: nitf/head/docdata/date.issue@norm: "20251102T013000" happens twice in America/New_York (2025-11-02T01:30:00-04:00 or 2025-11-02T01:30:00-05:00); write the one you mean with its offset (E_DATE_AMBIGUOUS)'],
    });
    expect(at('x.xml', stamped('20250305T090000-0500', '20250309T023000'), 'America/New_York')).toMatchObject({
      stories: [],
      lines: [expect.stringMatching(/^x\.xml:\d+: nitf\/head\/docdata\/date\.release@norm: "20250309T023000" does not exist in America\/New_York: .* \(E_DATE_NONEXISTENT\)$/)],
    });
    // With its offset, the same clock is an instant.
    expect(at('x.xml', stamped('20251102T013000-0500'), 'America/New_York').stories[0]!.fields.date).toBe('2025-11-02T01:30:00-05:00');
  });

  it('a dateline day from the lead is the latest on or before the first publication there, as in raw text', () => {
    // No story.date: the lead gives the day.
    const lead = (issue: string, day: string) => run('x.xml', stamped(issue).replace(/<story\.date[^>]*>Feb\. 4<\/story\.date>/, '').replace('WASHINGTON, Feb. 4 (Xinhua)', `WASHINGTON, ${day} (Xinhua)`)).stories[0]!;
    const dec20 = lead('20250701T092400+0800', 'Dec. 20');
    expect(dec20.fields.dateline?.date).toBe('2024-12-20');
    expect(dec20.notes).toContain('dateline date "Dec. 20" is read as 2024-12-20, 192 days before the first publication there (2025-06-30): check it');
    const feb29 = lead('20250301T092400+0800', 'Feb. 29');
    expect(feb29.fields.dateline?.date).toBe('2024-02-29');
    expect(feb29.notes).toContain('dateline date "Feb. 29" is read as 2024-02-29, 365 days before the first publication there (2025-02-28): check it');
    const dec31 = lead('20260101T092400+0800', 'Dec. 31');
    expect(dec31.fields.dateline?.date).toBe('2025-12-31');
    expect(dec31.notes.filter((n) => n.startsWith('dateline date'))).toEqual([]);
    expectAccepted(dec31);
  });
});

describe('Chinese in traditional characters', () => {
  it('reads a 中央社 lead that prints the day alone when the copy gives no <dateline>, and keeps the language declared', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>', '<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="zh-TW">',
      '<head><docdata><doc-id id-string="cna-rates"/><date.issue norm="20250320T163000+0800"/></docdata></head>',
      '<body><body.head><hedline><hl1>央行維持利率不變</hl1></hedline><byline><person>蘇思云</person></byline><distributor><org>中央社</org></distributor></body.head>',
      '<body.content><p>中央社台北20日電（記者蘇思云）央行今天決議維持利率不變。</p><p>央行表示，通膨率將逐步回落。</p><p>（編輯：張均懋）（完）</p></body.content></body></nitf>',
    ].join('\n');
    const s = run('tw.xml', xml).stories[0]!;
    expect(s.fields).toMatchObject({
      language: 'zh-TW', authors: ['蘇思云'], agency: { name: '中央社' }, contributors: [{ name: '張均懋', role: '編輯' }],
      dateline: { city: '台北', country: 'Taiwan', timezone: 'Asia/Taipei', date: '2025-03-20' },
    });
    expect(s.body).toBe('央行今天決議維持利率不變。\n\n央行表示，通膨率將逐步回落。');
    expectAccepted(s);
  });

  // (Review: a <dateline> in the other script or a character variant kept the lead in the body, its reporter and agency lost.)
  const withDateline = (city: string, lead: string): ImportedStory => run('dl.xml', [
    '<?xml version="1.0" encoding="UTF-8"?>', '<nitf>',
    '<head><docdata><doc-id id-string="dl"/><date.issue norm="20250220T092400+0800"/></docdata></head>',
    `<body><body.head><hedline><hl1>港口重新開放</hl1></hedline><dateline>${city}</dateline></body.head>`,
    `<body.content><p>${lead}</p><p>會談持續了三個小時。</p></body.content></body></nitf>`,
  ].join('\n')).stories[0]!;

  it.each([
    ['东京', '新華社東京2月20日電（記者郭鑫）美國與日本20日舉行經濟對話。', '郭鑫', '新華社'],
    ['華盛頓', '新华社华盛顿2月20日电（记者郭鑫）美国与日本20日举行经济对话。', '郭鑫', '新华社'],
    ['臺中', '中央社台中20日電（記者蘇思云）美國與日本20日舉行經濟對話。', '蘇思云', '中央社'],
    ['Taipei', '中央社臺北20日電（記者蘇思云）美國與日本20日舉行經濟對話。', '蘇思云', '中央社'],
  ])('takes off a lead whose city is the <dateline> %s in another spelling, and reads it', (city, lead, author, agency) => {
    const s = withDateline(city, lead);
    expect([s.fields.dateline?.city, s.fields.dateline?.date, s.fields.authors, s.fields.agency]).toEqual([city, '2025-02-20', [author], { name: agency }]);
    expect(s.body.startsWith('美')).toBe(true);
  });

  it('takes a lead of another city than the <dateline> for the dateline, in either script, noted (the build printed both)', () => {
    const s = withDateline('台中', '中央社臺北20日電（記者蘇思云）美國與日本20日舉行經濟對話。');
    expect([s.body.startsWith('美國'), s.fields.dateline?.city, s.fields.authors]).toEqual([true, '臺北', ['蘇思云']]);
    expect(s.notes).toContain('the story prints the dateline "臺北", not "台中" as given: the printed one is the dateline');
  });
});

describe('Arabic copy', () => {
  const nitf = (city: string, distributor: string, lead: string): string => [
    '<?xml version="1.0" encoding="UTF-8"?>', '<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="ar">',
    '<head><docdata><doc-id id-string="ar-port"/><date.issue norm="20250210T140000+0200"/></docdata></head>',
    `<body><body.head><hedline><hl1>إعادة فتح الميناء</hl1></hedline><distributor><org>${distributor}</org></distributor>`,
    `<dateline><location><city>${city}</city><country>مصر</country></location></dateline></body.head>`,
    `<body.content><p>${lead}قال مسؤولون يوم الاثنين إن الميناء أعيد فتحه.</p><p>وأضاف المسؤولون أن السفن ستعود.</p></body.content></body></nitf>`,
  ].join('\n');

  it('takes off a lead that repeats the <dateline> city, so the build does not print the dateline twice', () => {
    const s = run('ar.xml', nitf('القاهرة', 'رويترز', 'القاهرة (رويترز) - ')).stories[0]!;
    expect([s.fields.language, s.fields.dateline?.city, s.fields.agency]).toEqual(['ar', 'القاهرة', { name: 'رويترز' }]);
    expect(s.body).toBe('قال مسؤولون يوم الاثنين إن الميناء أعيد فتحه.\n\nوأضاف المسؤولون أن السفن ستعود.');
    expect(s.notes.filter((n) => /agency|dateline/.test(n))).toEqual([]);
  });

  it('reads the lead\'s رويترز as the distributor Reuters, not another agency; a lead of another city is the dateline', () => {
    const same = run('ar.xml', nitf('القاهرة', 'Reuters', 'القاهرة (رويترز) - ')).stories[0]!;
    expect([same.fields.agency, same.body.startsWith('قال')]).toEqual([{ name: 'Reuters' }, true]);
    expect(same.notes.filter((n) => /agency/.test(n))).toEqual([]);
    // (A lead of another city whose zone the gazetteer lacks: no dateline given, the lead kept in the body, noted.)
    const other = run('ar.xml', nitf('القاهرة', 'رويترز', 'غزة (رويترز) - ')).stories[0]!;
    expect([other.body.startsWith('غزة (رويترز) - قال'), other.fields.dateline]).toEqual([true, undefined]);
    expect(other.notes).toContain('the story prints the dateline "غزة", not "القاهرة" as given, and the gazetteer lacks its zone: the record gives no dateline, and the printed one stays in the body');
  });
});

describe('entities', () => {
  it('HTML\'s named entities the parser leaves are read (caf&eacute; went into the record as written); another stays as written', () => {
    const text = fixture('full.nitf.xml').replace('<hl1>', '<hl1>Caf&eacute; talks &hellip; &foo; ');
    const story = run('e.xml', text).stories[0]!;
    expect(story.fields.title).toMatch(/^Café talks … &foo; /);
    // Text about entities stays as written: `&amp;eacute;` is the text "&eacute;" (review: it became é).
    const literal = run('l.xml', fixture('full.nitf.xml').replace('<hl1>', '<hl1>Write &amp;eacute; and &amp;copy; for ')).stories[0]!;
    expect(literal.fields.title).toMatch(/^Write &eacute; and &copy; for /);
    // An entity the DOCTYPE declares is the DOCTYPE's, and a CDATA section's text is as written (review).
    const declared = run('d.xml', fixture('full.nitf.xml').replace(/^(<\?xml[^>]*>\s*)?/, '$1<!DOCTYPE nitf [<!ENTITY copy "Copyright Xinhua">]>\n').replace('<hl1>', '<hl1>&copy; ')).stories[0]!;
    expect(declared.fields.title).toMatch(/^Copyright Xinhua /);
    const cdata = run('c.xml', fixture('full.nitf.xml').replace('<hl1>', '<hl1><![CDATA[caf&eacute;]]> ')).stories[0]!;
    expect(cdata.fields.title).toMatch(/^caf&eacute; /);
  });
});
