/**
 * ninjs 1.x and 2.x import: each fixture's WHOLE record (`recordText`) against a hand-checked
 * `<case>.expected.md`, with the importer's notes and diagnostics as whole lines; every record must pass the
 * build's validation. Fixtures are sample stories written for these tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/core/config.js';
import { formatDiagnostic } from '../src/errors.js';
import { collectBlocks, renderBlocks } from '../src/importers/_blocks.js';
import { importNinjs } from '../src/importers/ninjs.js';
import { parseHtml } from '../src/importers/_html.js';
import { recordText } from '../src/importers/record.js';
import type { ImportedStory } from '../src/importers/types.js';
import { SITE_CONFIG, expectImportAccepted, expectOneWholeRecord } from './_helpers.js';

const dir = fileURLToPath(new URL('./fixtures/import/ninjs/', import.meta.url));
const fixture = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');
const config = resolveConfig(SITE_CONFIG, 'cfg', () => 1).config!;

function run(file: string, text = fixture(file)) {
  const result = importNinjs(text, { file, timezone: config.timezone });
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

/** A fixture with some fields changed (undefined removes one). */
function variant(name: string, change: Record<string, unknown>): string {
  const data = JSON.parse(fixture(name)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete data[k];
    else data[k] = v;
  }
  return JSON.stringify(data, null, 2);
}

const expectAccepted = expectImportAccepted;

describe('ninjs fixtures → whole records', () => {
  it.each([
    {
      name: 'v1',
      what: 'ninjs 1.x: headline, byline, located, body_html, description_text, infosource, subject, keyed associations and renditions',
      notes: [],
    },
    {
      name: 'v2',
      what: 'ninjs 2.x: headlines, by, bodies (HTML preferred), descriptions with roles, infosources, subjects, keywords, picture association',
      notes: [
        'infosource names the agency "Lusa", but the agency is "Reuters": not used',
        'association "clip" (video): only pictures are imported',
        '<script> "track(\'tram\')": not reader text, not used',
        'the same picture again, captioned "A tram on the reopened line.": the first caption is kept',
        'editorial note (for the desk, not published) "Corrects the length of the line in the second paragraph."',
      ],
    },
  ])('$name: $what', ({ name, notes }) => {
    expectOneWholeRecord(run(`${name}.ninjs.json`), fixture(`${name}.expected.md`), notes);
  });

  it('a versioncreated earlier than firstcreated is not a correction, and a note says so', () => {
    const r = run('early.ninjs.json', fixture('v1.ninjs.json').replace('"versioncreated": "2025-02-05T10:02:00+08:00"', '"versioncreated": "2025-02-05T08:00:00+08:00"'));
    expect(r.stories[0]?.fields.updated).toBeUndefined();
    expect(r.stories[0]?.notes).toContain('versioncreated "2025-02-05T08:00:00+08:00" is earlier than the first publication: not used');
  });

  it('a body that opens with the headline again leaves it out, noted', () => {
    const body = (JSON.parse(fixture('v1.ninjs.json')) as { body_html: string }).body_html;
    const r = run('h.json', variant('v1.ninjs.json', { body_html: `<p><strong>Hong Kong harbour swim returns with its largest field</strong></p>${body}` }));
    expect(recordText(r.stories[0]!)).toBe(recordText(run('v1.ninjs.json').stories[0]!));
    expect(r.stories[0]?.notes).toContain('the body\'s first paragraph repeats the headline: left out');
  });

  it('a picture association without renditions keeps its caption and credit', () => {
    const data = JSON.parse(fixture('v1.ninjs.json'));
    delete data.associations.featureimage.renditions;
    const r = run('bare.ninjs.json', JSON.stringify(data));
    expect(r.stories[0]?.fields.image).toEqual({ caption: 'Swimmers wait at the start line during a practice session on Sunday.', credit: 'Mike Gu/Xinhua' });
  });

  it('takes a value of invisible characters alone for none, and leaves out a language, a place or a picture URL the build would refuse, with notes (fuzzing)', () => {
    expect(run('x.json', variant('v1.ninjs.json', { headline: '\u200b' })).lines).toEqual([expect.stringContaining('E_IMPORT_NO_HEADLINE')]);
    const odd = JSON.parse(variant('v1.ninjs.json', { language: '（完）', located: ', ', infosource: [{ name: '\u2066' }] }));
    odd.associations.featureimage.renditions = { original: { href: '| https://img.example.com/2025/02/05/swim.jpg', mimetype: 'image/jpeg' } };
    const story = run('odd.json', JSON.stringify(odd)).stories[0]!;
    expect(story.fields.language).toBeUndefined();
    expect(story.fields.image).toEqual({ caption: 'Swimmers wait at the start line during a practice session on Sunday.', credit: 'Mike Gu/Xinhua', type: 'image/jpeg' });
    expect(story.notes).toEqual(expect.arrayContaining([
      'language "（完）" is no language tag: not used',
      'located ", " names no city: not used',
      'picture URL "| https://img.example.com/2025/02/05/swim.jpg" is no URL a record takes: not used',
    ]));
    expectAccepted(story);
  });

  it('keeps a link\'s text and drops its target when it goes to no page (javascript:, data:), with a note (fuzzing)', () => {
    const html = '<p>HONG KONG, Feb. 5 (Xinhua) -- The race <a href="javascript:alert(1)">opened</a> on time, <a href=" DATA:text/html,x">said</a> <a href="https://example.com/r">officials</a>.</p>';
    const story = run('js.json', variant('v1.ninjs.json', { body_html: html })).stories[0]!;
    expect(story.body).toBe('The race opened on time, said [officials](https://example.com/r).');
    expect(story.notes).toEqual(expect.arrayContaining(['a link to "javascript:alert(1)" is to no page: its text kept, not the link', 'a link to "DATA:text/html,x" is to no page: its text kept, not the link']));
    expectAccepted(story);
  });

  it('uses the uri as the id as it is, and derives one from the content when there is none', () => {
    expect(run('v2.ninjs.json').stories[0]!.fields.id).toBe('https://wire.example.com/items/2025/03/lisbon-tram');
    const story = run('x.json', variant('v1.ninjs.json', { uri: undefined })).stories[0]!;
    expect(story.fields.id).toMatch(/^imp-20250205-hong-kong-harbour-swim-returns-with-its-largest-[0-9a-f]{8}$/);
  });
});

describe('time', () => {
  it('keeps instants with their offset or Z; versioncreated is an update only when later', () => {
    expect(run('v1.ninjs.json').stories[0]!.fields).toMatchObject({ date: '2025-02-05T09:24:00+08:00', updated: '2025-02-05T10:02:00+08:00' });
    const same = run('x.json', variant('v1.ninjs.json', { versioncreated: '2025-02-05T01:24:00Z' })).stories[0]!;
    expect(same.fields.updated).toBeUndefined();
  });

  it('a stamp without an offset is publisher wall-clock time, and a note says so', () => {
    const story = run('x.json', variant('v1.ninjs.json', { firstcreated: '2025-02-05T09:24:00', versioncreated: '2025-02-05T10:02' })).stories[0]!;
    expect(story.fields).toMatchObject({ date: '2025-02-05 09:24', updated: '2025-02-05 10:02' });
    expect(story.notes.filter((n) => n.includes('UTC offset'))).toEqual([
      `firstcreated "2025-02-05T09:24:00" has no UTC offset: read as wall-clock time in the site's zone (${config.timezone})`,
      `versioncreated "2025-02-05T10:02" has no UTC offset: read as wall-clock time in the site's zone (${config.timezone})`,
    ]);
  });

  it('versioncreated alone is the first publication', () => {
    const story = run('x.json', variant('v1.ninjs.json', { firstcreated: undefined })).stories[0]!;
    expect(story.fields.date).toBe('2025-02-05T10:02:00+08:00');
    expect(story.fields.updated).toBeUndefined();
    expect(story.notes).toEqual(['no firstcreated: the first publication is versioncreated']);
  });

  it('no date, or one that is not a date and time, is an error at its line', () => {
    const undated = run('x.json', variant('v1.ninjs.json', { firstcreated: undefined, versioncreated: undefined }));
    expect(undated.stories).toEqual([]);
    expect(undated.lines).toEqual([
      'x.json:1: firstcreated: no date: the ninjs has neither "firstcreated" nor "versioncreated" (such as "2025-02-05T09:24:00+08:00"); ' +
        'a zone alone gives no instant, so add the stamp to the copy or write the record by hand (E_IMPORT_NO_DATE)',
    ]);
    const bad = run('x.json', variant('v1.ninjs.json', { firstcreated: '5 February 2025' }));
    expect(bad.lines).toEqual([
      'x.json:5: firstcreated: expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00", got "5 February 2025" (E_DATE_FORMAT)',
    ]);
  });

  it('an embargo the copy does not show as lifted makes the record a draft; a lifted one does not', () => {
    const pending = run('x.json', variant('v1.ninjs.json', { embargoed: '2025-02-06T00:00:00+08:00' })).stories[0]!;
    expect(pending.fields.draft).toBe(true);
    // Dated when the embargo lifts, not when the copy was created.
    expect(pending.fields.date).toBe('2025-02-06T00:00:00+08:00');
    expect(pending.notes).toEqual([
      expect.stringMatching(/^dated 2025-02-06T00:00:00\+08:00, when the embargo lifts \(created .+\): change "date" if the story goes out later$/),
      'embargoed until 2025-02-06T00:00:00+08:00: written as a draft; remove "draft: true" once the embargo is lifted',
    ]);
    expectAccepted(pending);
    // The id is the creation day's, so the version sent once the embargo lifted (no embargo in it) is the same story.
    const noUri = (change: Record<string, unknown>) => run('x.json', variant('v1.ninjs.json', { uri: undefined, ...change })).stories[0]!;
    expect(noUri({ embargoed: '2025-02-07T08:00:00+08:00' }).fields.id).toBe(noUri({}).fields.id);
    const lifted = run('x.json', variant('v1.ninjs.json', { embargoed: '2025-02-05T10:00:00+08:00' })).stories[0]!;
    expect(lifted.fields.draft).toBeUndefined();
  });
});

describe('credits and datelines', () => {
  it('a picture caption that carries its credit is split; byline agencies and credit lines go to the agency', () => {
    const story = run(
      'x.json',
      variant('v2.ninjs.json', {
        by: 'By Joana Reis and Pedro Alves, Reuters',
        descriptions: [{ role: 'creditline', value: 'Agencies via Reuters' }],
        associations: [
          {
            name: 'p', type: 'picture',
            descriptions: [{ role: 'caption', value: 'Passengers wait at a tram stop on Tuesday. [Photo/Agencies]' }],
            renditions: [{ name: 'web', href: 'https://img.example.com/stop.jpg', contenttype: 'image/jpeg' }],
          },
        ],
      }),
    ).stories[0]!;
    expect(story.fields.authors).toEqual(['Joana Reis', 'Pedro Alves']);
    expect(story.fields.agency).toEqual({ name: 'Reuters', via: 'Agencies' });
    expect(story.fields.summary).toBeUndefined();
    expect(story.fields.image).toEqual({ url: 'https://img.example.com/stop.jpg', caption: 'Passengers wait at a tram stop on Tuesday.', credit: 'Agencies', type: 'image/jpeg' });
  });

  it('an ambiguous located city gets a warning and no zone; a region narrows it', () => {
    const r = run('p.json', variant('v1.ninjs.json', { located: 'PORTLAND', body_html: '<p>The ferry runs again.</p>' }));
    expect(r.lines).toEqual([
      'p.json: dateline.timezone: warning: dateline city "Portland" names places in different time zones (' +
        'Portland, Oregon, United States of America (America/Los_Angeles); Portland, Maine, United States of America (America/New_York); ' +
        'Portland, Victoria, Australia (Australia/Melbourne)): add "dateline.timezone" (an IANA zone) to the record (W_IMPORT_DATELINE_ZONE)',
    ]);
    expect(r.stories[0]!.fields.dateline).toEqual({ city: 'Portland' });
    const maine = run('p.json', variant('v1.ninjs.json', { located: 'Portland, Maine', body_html: '<p>The ferry runs again.</p>' })).stories[0]!;
    expect(maine.fields.dateline).toEqual({ city: 'Portland', country: 'United States of America', timezone: 'America/New_York' });
  });

  it('a located that is the byline\'s name, or a placeholder, is no dateline city, noted (Superdesk\'s real ninjs located a story at its author)', () => {
    const body = '<p>The ferry runs again.</p>';
    const author = run('a.json', variant('v1.ninjs.json', { byline: 'Jane Roe, Harbour State University', located: 'Jane Roe, Oregon', body_html: body }));
    expect([author.lines, author.stories[0]!.fields.dateline]).toEqual([[], undefined]);
    expect(author.stories[0]!.notes).toContain('located "Jane Roe" is the byline\'s name, no place: not used');
    const none = run('n.json', variant('v1.ninjs.json', { located: 'N/A', body_html: body }));
    expect([none.lines, none.stories[0]!.fields.dateline]).toEqual([[], undefined]);
    expect(none.stories[0]!.notes).toContain('located "N/A" names no place: not used');
  });
});

describe('ninjs as Superdesk writes it (the newsroom system most agencies\' ninjs comes from)', () => {
  it('takes the guid for the id where there is no uri, and the provider in `source` for the agency, each noted', () => {
    const item = JSON.stringify({
      guid: 'urn:newsml:desk.example.com:2025-02-05T09:24:00.000000:5f1d8a2c', version: '2', type: 'text', pubstatus: 'usable',
      headline: 'Storm drains cleared along the river', byline: 'Mia Chen', source: 'AAP', located: 'Sydney', language: 'en',
      firstcreated: '2025-02-05T09:24:00+0000', versioncreated: '2025-02-05T10:02:00+0000',
      place: [{ code: 'NSW', name: 'New South Wales' }], service: [{ code: 'a' }], priority: 5, slugline: 'Drains',
      body_html: '<p>Council crews cleared the storm drains along the river on Wednesday.</p><p>The work took two days.</p>',
    });
    const r = run('sd.json', item);
    expect(r.lines).toEqual([]);
    const story = r.stories[0]!;
    expect(story.fields).toMatchObject({ id: 'urn:newsml:desk.example.com:2025-02-05T09:24:00.000000:5f1d8a2c', authors: ['Mia Chen'], agency: { name: 'AAP' }, dateline: { city: 'Sydney', timezone: 'Australia/Sydney' } });
    expect(story.notes).toEqual(['source "AAP" read as the agency (the item names no infosource)', 'no uri: the id is the guid']);
    expectAccepted(story);
    // (A kill names the record by the same id.)
    const killed = run('k.json', item.replace('"pubstatus":"usable"', '"pubstatus":"canceled"'));
    expect(killed.withdrawn).toEqual({ id: 'urn:newsml:desk.example.com:2025-02-05T09:24:00.000000:5f1d8a2c', status: 'canceled' });
    // (Superdesk's `authors` with their roles: the writers where there is no byline; an editor noted.)
    const noByline = run('a.json', item.replace('"byline":"Mia Chen",', '"authors":[{"name":"Tom Hale","role":"editor"},{"name":"Mia Chen","role":"writer","biography":"Desk Example"}],')).stories[0]!;
    expect(noByline.fields.authors).toEqual(['Mia Chen']);
    expect(noByline.notes).toContain('author "Tom Hale" (editor): a desk\'s role, not a credit of the story');
    // (An infosource, where given, is the agency; `source` is then not read.)
    const both = run('b.json', item.replace('"source":"AAP"', '"source":"AAP","infosource":[{"name":"Reuters"}]')).stories[0]!;
    expect(both.fields.agency).toEqual({ name: 'Reuters' });
  });
});

describe('ninjs in an API\'s response (AP\'s Media API, the BBC\'s), as desks save them', () => {
  const apItem = {
    uri: 'https://api.wire.example.com/media/v/content/5ee9b4b40ea5?qt=HyIVRo&et=0a4aza0c0', altids: { itemid: '5ee9b4b40ea5', friendlykey: '53976786742' },
    version: 0, type: 'text', language: 'en', pubstatus: 'usable', firstcreated: '2025-02-05T01:24:00Z', versioncreated: '2025-02-05T01:30:00Z',
    headline: 'Harbour ferries run again after the storm', body_html: '<p>Ferries crossed the harbour again on Wednesday.</p>',
  };

  it('reads the item of an item response, each item of a feed response, and takes the uri without the request\'s signature for the id', () => {
    const one = run('item.json', JSON.stringify({ api_version: '2.x', id: 'req-1', data: { meta: { etag: 'x' }, item: apItem } }, null, 2));
    expect(one.lines).toEqual([]);
    expect(one.stories[0]!.fields).toMatchObject({ id: 'https://api.wire.example.com/media/v/content/5ee9b4b40ea5', title: 'Harbour ferries run again after the storm' });
    expect(one.stories[0]!.notes).toContain('uri "https://api.wire.example.com/media/v/content/5ee9b4b40ea5?qt=HyIVRo&et=0a4aza0c0" has a query of the request\'s (AP\'s Media API signs each): the id is the uri without it, which altids.itemid names');
    expectAccepted(one.stories[0]!);
    const second = { ...apItem, uri: 'https://api.wire.example.com/media/v/content/77aa01?qt=Q&et=E', altids: { itemid: '77aa01' }, headline: 'Tram line reopens', versioncreated: undefined };
    const feed = run('feed.json', JSON.stringify({ api_version: '2.x', data: { query: 'q', current_item_count: 2, items: [{ meta: {}, item: apItem }, { meta: {}, item: { ...second, firstcreated: 'yesterday' } }] } }, null, 2));
    expect(feed.stories.map((s) => s.fields.title)).toEqual(['Harbour ferries run again after the storm']);
    // (A field of the second item is named by its place in the response, at its line.)
    expect(feed.lines).toEqual([expect.stringMatching(/^feed\.json:\d+: data\.items\[1\]\.item\.firstcreated: .*"yesterday".*\(E_DATE_FORMAT\)$/)]);
  });

  it('reads each item of a list under `item` (the BBC\'s), and says so when the response holds none', () => {
    const bbc = run('bbc.json', JSON.stringify({ total: 2, limit: 10, offset: 0, item: [
      { id: 1, uri: 'https://ldrs.example.com/1', type: 'story', firstcreated: '2025-02-05T09:24:00Z', headline: 'Council approves new library', body_html: '<p>The council approved the plans.</p>', byline: 'Jane Roe' },
      { id: 2, uri: 'https://ldrs.example.com/2', type: 'story', firstcreated: '2025-02-05T10:00:00Z', headline: 'Bus route changes', body_text: 'Two routes change on Monday.' },
    ] }));
    expect(bbc.lines).toEqual([]);
    expect(bbc.stories.map((s) => [s.fields.id, s.fields.authors])).toEqual([['https://ldrs.example.com/1', ['Jane Roe']], ['https://ldrs.example.com/2', undefined]]);
    expect(run('none.json', '{"total": 0, "item": []}').lines).toEqual(['none.json:1: this API response holds no ninjs item (its item or items are empty): nothing to import; pass --format text, nitf, newsml, ninjs or feed if the detection is wrong (E_IMPORT_FORMAT)']);
  });
});

describe('located in the script of a wire\'s lead', () => {
  // Review: `located: "서울"` beside Yonhap's lead kept the lead in the body (two datelines), lost its
  // agency and desk note, and had no zone.
  it.each([
    ['서울', '<p>(서울=연합뉴스) 국제뉴스1부 = 항구가 다시 열렸다.</p>', 'Seoul', 'Asia/Seoul', 'Yonhap', '<p>항구가 다시 열렸다.</p>'],
    ['ワシントン', '<p>【ワシントン共同】米議会は予算案を可決した。</p>', 'Washington', 'America/New_York', 'Kyodo', '<p>米議会は予算案を可決した。</p>'],
    ['Москва', '<p>МОСКВА, 4 февраля. /ТАСС/. Порт снова открылся.</p>', 'Moscow', 'Europe/Moscow', 'TASS', '<p>Порт снова открылся.</p>'],
    // Review: the table's country narrows a city of several places (St. Petersburg, Florida); Ё is Е.
    ['Санкт-Петербург', '<p>САНКТ-ПЕТЕРБУРГ, 4 февраля. /ТАСС/. Порт снова открылся.</p>', 'St. Petersburg', 'Europe/Moscow', 'TASS', '<p>Порт снова открылся.</p>'],
    ['Кишинёв', '<p>КИШИНЕВ, 4 февраля. /ТАСС/. Порт снова открылся.</p>', 'Chisinau', 'Europe/Chisinau', 'TASS', '<p>Порт снова открылся.</p>'],
  ])('located %s: the gazetteer\'s city and zone, the lead taken off', (located, body, city, zone, _agency, rest) => {
    const story = run('w.json', variant('v1.ninjs.json', { located, body_html: body })).stories[0]!;
    expect(story.fields.dateline).toMatchObject({ city, timezone: zone });
    expect(story.body.trim()).toBe(rest.replace(/<\/?p>/g, ''));
  });
});

describe('bodies', () => {
  it('plain-text bodies are one paragraph per blank-line-separated chunk', () => {
    const story = run('x.json', variant('v1.ninjs.json', { body_html: undefined, located: undefined, body_text: 'First line\nstill first.\n\nSecond *one*.' })).stories[0]!;
    expect(story.body).toBe('First line still first.\n\nSecond \\*one\\*.');
  });

  it('HTML without paragraphs, with <br><br>, entities, nested containers and unclosed tags keeps every word', () => {
    const html = '<div>Lead text with <b>bold</b> &amp; <i>italic</i><br><br>Second part</div><p>Open para<p>Next para &#8212; done<h3>Sub</h3><ol><li>one<li>two</ol>';
    expect(renderBlocks(collectBlocks(parseHtml(html)).blocks)).toBe(
      'Lead text with bold & italic\n\nSecond part\n\nOpen para\n\nNext para — done\n\n## Sub\n\n1. one\n2. two',
    );
  });
});

describe('stories that are not published', () => {
  it.each([
    ['withheld', 'the agency has withheld this story, so no record is written; if it was imported before, take that record down (draft: true)'],
    ['canceled', 'the agency has withdrawn this story, so no record is written; if it was imported before, take that record down (draft: true)'],
  ])('pubstatus %s gives no record and an error that says so', (status, why) => {
    const r = run('withheld.ninjs.json', fixture('withheld.ninjs.json').replace('"withheld"', `"${status}"`));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([`withheld.ninjs.json:6: pubstatus: not published: the agency marked this story ${status}; ${why} (E_IMPORT_NOT_PUBLISHED)`]);
  });

  it('usable copy is imported', () => {
    const r = run('usable.json', fixture('withheld.ninjs.json').replace('"withheld"', '"usable"'));
    expect(r.lines).toEqual([]);
    expect(r.stories[0]!.fields).toEqual({
      id: 'https://wire.example.com/items/2025/03/port-strike',
      title: 'Dock workers call off planned strike',
      date: '2025-03-14T06:00:00Z',
      updated: '2025-03-14T07:15:00Z',
    });
    expect(r.stories[0]!.body).toBe('The union said talks would continue.');
  });
});

describe('files that cannot be imported', () => {
  it('invalid JSON is an error at its line', () => {
    const r = run('bad.json', fixture('v1.ninjs.json').replace('"language": "en",', '"language": "en"'));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual(["bad.json:9: JSON syntax error: a comma is missing before this (between two keys, or two items of a list) (column 3) (E_JSON_SYNTAX)"]);
  });

  it.each([
    ['after a comma', fixture('v1.ninjs.json').split('\n').slice(0, 12).join('\n')],
    ['inside a value', `${fixture('v1.ninjs.json').slice(0, 420)}\n`],
  ])('truncated JSON (%s) is an error at the line where the file stops', (_, text) => {
    expect(run('cut.json', text).lines).toEqual(['cut.json:12: JSON syntax error: the text ends before the JSON does; the file looks truncated (E_JSON_SYNTAX)']);
  });

  it('ninjs without a headline is an error naming the field', () => {
    expect(run('x.json', variant('v1.ninjs.json', { headline: undefined })).lines).toEqual([
      'x.json:1: headline: no headline: the ninjs has no "headline" (1.x) and no "headlines" entry with a "value" (2.x) (E_IMPORT_NO_HEADLINE)',
    ]);
    expect(run('x.json', variant('v2.ninjs.json', { headlines: [] })).lines).toEqual([
      'x.json:8: headlines[0].value: no headline: the ninjs has no "headline" (1.x) and no "headlines" entry with a "value" (2.x) (E_IMPORT_NO_HEADLINE)',
    ]);
  });

  it('JSON that is not an object is refused', () => {
    expect(run('list.json', '[{"uri": "a"}]').lines).toEqual(['list.json:1: expected a mapping of fields, got a list (E_RECORD_NOT_OBJECT)']);
  });
});

describe('bylines as one string', () => {
  it.each([
    ['记者 孙静', ['孙静'], 'byline title not kept (a byline has no field for it): "记者"'],
    ['新华社记者 孙静 王磊', ['孙静', '王磊'], 'byline title not kept (a byline has no field for it): "新华社记者"'],
    ['By Li Wen, Xinhua correspondent', ['Li Wen'], 'byline title not kept (a byline has no field for it): "Xinhua correspondent"'],
    ['Reporting by Li Wen', ['Li Wen'], undefined],
    ['Jane Doe and John Smith', ['Jane Doe', 'John Smith'], undefined],
    // After a comma, a job phrase in any case is a title; Reuters Staff is the agency.
    ['By JOHN DOE, Associated Press Writer', ['John Doe'], 'byline title not kept (a byline has no field for it): "Associated Press Writer"'],
    ['Jane Doe and Tom Hale, Staff Writers', ['Jane Doe', 'Tom Hale'], 'byline title not kept (a byline has no field for it): "Staff Writers"'],
    ['By Ann Lee, Tokyo Bureau Chief', ['Ann Lee'], 'byline title not kept (a byline has no field for it): "Tokyo Bureau Chief"'],
    // A person after a comma is a person, whatever the surname.
    ['By Jane Doe, Tom Hale and Ana Writer', ['Jane Doe', 'Tom Hale', 'Ana Writer'], undefined],
    // Surnames that are job words, capitalised, are names.
    ['By Jonathan Staff', ['Jonathan Staff'], undefined],
    ['By Jane Doe and Tom Writer', ['Jane Doe', 'Tom Writer'], undefined],
    ['Text and photos by Jane Doe', ['Jane Doe'], undefined],
    // A Chinese name padded with a space, or with a two-character surname, is one person.
    ['记者 孙 静', ['孙静'], undefined],
    ['本报记者　王　磊', ['王磊'], undefined],
    ['欧阳 娜娜', ['欧阳娜娜'], undefined],
    // A Latin name among Chinese ones is one person.
    ['记者 孙静 Li Wen', ['孙静', 'Li Wen'], undefined],
    // A place after a comma or "in" is no author; a suffix is part of the name; one name surname first.
    ['By Li Wen, Beijing', ['Li Wen'], 'byline place not kept (a byline has no field for it): "Beijing"'],
    ['By Li Wen in Hong Kong and Ann Lee in Tokyo', ['Li Wen', 'Ann Lee'], 'byline place not kept (a byline has no field for it): "Hong Kong"'],
    ['By Martin Luther King, Jr.', ['Martin Luther King Jr.'], undefined],
    ['By Jane Doe, Sr, and Tom Hale, III', ['Jane Doe Sr.', 'Tom Hale III'], undefined],
    ['Smith, John', ['John Smith'], 'byline "Smith, John" read as one name, surname first: "John Smith"'],
    ['Doe, Jane A.', ['Jane A. Doe'], undefined],
    ['By Jane Doe, The New York Times', ['Jane Doe'], 'byline publication not kept (a byline has no field for it): "The New York Times"'],
    ['By Jane Doe, The New York Times and Tom Hale', ['Jane Doe'], 'byline publication not kept (a byline has no field for it): "The New York Times and Tom Hale"'],
    ['By Jane Doe, The Guardian & Observer', ['Jane Doe'], 'byline publication not kept (a byline has no field for it): "The Guardian & Observer"'],
    ['By Jane Doe, Jr. and Tom Hale', ['Jane Doe Jr.', 'Tom Hale'], undefined],
    ['By ANNA LEE, SR. WRITER', ['Anna Lee'], 'byline title not kept (a byline has no field for it): "SR. WRITER"'],
    ['By Jane Doe, Paris Bureau', ['Jane Doe'], 'byline title not kept (a byline has no field for it): "Paris Bureau"'],
    ['By Jane Doe, Senior', ['Jane Doe'], 'byline title not kept (a byline has no field for it): "Senior"'],
    ['By Jane Doe, A.', ['Jane Doe'], 'byline text "A." is not a name: not used'],
    ['By Jane Doe, Senior and Tom Hale', ['Jane Doe', 'Tom Hale'], 'byline title not kept (a byline has no field for it): "Senior"'],
    ['By Jane Doe, A. and Tom Hale', ['Jane Doe', 'Tom Hale'], 'byline text "A." is not a name: not used'],
    ['By Doe, J.', ['J. Doe'], 'byline "Doe, J." read as one name, surname first: "J. Doe"'],
    ['By Doe, Senior', ['Doe'], 'byline title not kept (a byline has no field for it): "Senior"'],
    // Junior cut short is a title as Senior is; Jnr. a suffix; Junior as a given name a name.
    ['By Tom Hale, Junior', ['Tom Hale'], 'byline title not kept (a byline has no field for it): "Junior"'],
    ['By Tom Hale, Jnr.', ['Tom Hale Jnr.'], undefined],
    ['By Jane Doe, Junior Dos Santos', ['Jane Doe', 'Junior Dos Santos'], undefined],
    ['Santos, Junior', ['Junior Santos'], 'byline "Santos, Junior" read as one name, surname first: "Junior Santos"'],
    // Not surname first: an agency, a place or a second full name after the comma.
    ['Doe, Reuters', ['Doe'], undefined],
    ['By Doe, Staff', ['Doe'], undefined],
    ['Jane Doe, Tom Hale', ['Jane Doe', 'Tom Hale'], undefined],
  ])('%j gives the authors %j, titles and prefixes out', (byline, authors, note) => {
    const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline })).stories[0]!;
    expect(story.fields.authors).toEqual(authors);
    if (note !== undefined) expect(story.notes).toContain(note);
    expect(story.notes.some((n) => n.startsWith('reporters named in the dateline'))).toBe(false);
  });
});

it('a credit line closing the body is made contributors and leaves the body', () => {
  const body_html = '<p>The central bank held rates.</p><p>(Reporting by Lucy Craymer in Wellington; Editing by Muralikumar Anantharaman)</p>';
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html })).stories[0]!;
  expect(story.fields.contributors).toEqual([{ name: 'Lucy Craymer', location: 'Wellington', role: 'reporting' }, { name: 'Muralikumar Anantharaman', role: 'editing' }]);
  expect(story.body).not.toContain('Craymer');
  // Two such paragraphs keep their order.
  const two = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html: '<p>The bank held rates.</p><p>Reporting by Lucy Craymer</p><p>Editing by Tom Hale</p>' })).stories[0]!;
  expect(two.fields.contributors).toEqual([{ name: 'Lucy Craymer', role: 'reporting' }, { name: 'Tom Hale', role: 'editing' }]);
});

it.each([
  ['<p>The bank held rates.</p><p>Markets rose. Enditem</p>', 'The bank held rates.\n\nMarkets rose.', undefined],
  ['<p>The bank held rates.</p><p>Enditem</p>', 'The bank held rates.', undefined],
  ['<p>央行维持利率不变。</p><p>市场上涨。（完）</p>', '央行维持利率不变。\n\n市场上涨。', undefined],
  ['<p>央行维持利率不变。</p><p>记者：王晓岚 李华</p><p>（完）</p>', '央行维持利率不变。', ['王晓岚', '李华']],
  ['<p>央行维持利率不变。（完）</p><p>（记者 王晓岚）</p>', '央行维持利率不变。', ['王晓岚']],
  // The mark inside the closing quote goes, the quote stays; a bracket that is no mark stays.
  ['<p>央行维持利率不变。</p><p>他说：“市场会上涨。（完）”</p>', '央行维持利率不变。\n\n他说：“市场会上涨。”', undefined],
  ['<p>节目单：“第一集（完整版）”</p>', '节目单：“第一集（完整版）”', undefined],
])('the end mark and reporters signed at the end leave the body of %j', (body_html, body, authors) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html, byline: undefined })).stories[0]!;
  expect(story.body).toBe(body);
  expect(story.fields.authors).toEqual(authors);
});

it.each([
  ['<p>局势持续恶化。（完）</p><p>【责任编辑：张三】</p>', '局势持续恶化。', { contributors: [{ name: '张三', role: '责任编辑' }] }],
  ['<p>Body text here.</p><p>By Wang Jing in Beijing</p>', 'Body text here.', { authors: ['Wang Jing'] }],
  ['<p>See <a href="https://x.example/">the site</a> Enditem</p>', 'See [the site](https://x.example/)', {}],
  ['<p>详见<a href="https://x.example/">网站</a>（完）</p>', '详见[网站](https://x.example/)', {}],
  ['<p>By the end of the year, prices rose.</p>', 'By the end of the year, prices rose.', {}],
])('closing lines the text importer reads leave the body of %j as they do there', (body_html, body, fields) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html, byline: undefined })).stories[0]!;
  expect(story.body).toBe(body);
  expect({ authors: story.fields.authors, contributors: story.fields.contributors }).toEqual({ authors: undefined, contributors: undefined, ...fields });
});

it('an agency line closing the body is read as the agency (noted when the infosource names another)', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html: '<p>Body. Enditem</p><p>Reuters</p>' })).stories[0]!;
  expect([story.body, story.fields.agency]).toEqual(['Body.', { name: 'Xinhua' }]);
  expect(story.notes).toContain('the agency line at the end of the body names the agency "Reuters", but the agency is "Xinhua": not used');
});

it('an interview keeps its last "记者：" line in the body', () => {
  const body_html = '<p>记者：这项政策何时实施？</p><p>张三：明年一月。</p><p>记者：谢谢</p>';
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html, byline: undefined })).stories[0]!;
  expect(story.body).toContain('记者：谢谢');
  expect(story.fields.authors).toBeUndefined();
});

it('"By Xinhua writer Li Wen" gives the author Li Wen and the agency, the job noted', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline: 'By Xinhua writer Li Wen', infosource: undefined })).stories[0]!;
  expect([story.fields.authors, story.fields.agency?.name]).toEqual([['Li Wen'], 'Xinhua']);
  expect(story.notes).toContain('byline title not kept (a byline has no field for it): "Xinhua writer"');
});

it.each([
  ['By Tom Hale, AP Sports Writer', 'AP Sports Writer', 'AP'],
  ['By Tom Hale, Xinhua staff reporter', 'Xinhua staff reporter', 'Xinhua'],
])('%j gives the author and the agency, the job noted and no author', (byline, job, agency) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline, infosource: undefined })).stories[0]!;
  expect(story.fields.authors).toEqual(['Tom Hale']);
  expect(story.fields.agency?.name).toBe(agency);
  expect(story.notes).toContain(`byline title not kept (a byline has no field for it): "${job}"`);
});

it.each([
  ['By ZHANG YI | China Daily', ['Zhang Yi'], 'China Daily'],
  ['By Jane Doe | Reuters', ['Jane Doe'], 'Reuters'],
  // (The fixture's lead names Xinhua: a publication in the byline gives no agency.)
  ['By Jane Doe, USA TODAY', ['Jane Doe'], 'Xinhua'],
  ['By Hiroshi Tanaka, Kyodo News', ['Hiroshi Tanaka'], 'Kyodo'],
  ['By Jane Doe | Kyodo News', ['Jane Doe'], 'Kyodo'],
  ['By Jane Doe | The Associated Press', ['Jane Doe'], 'Associated Press'],
])('%j gives the authors %j and the agency %j, as a text byline does', (byline, authors, agency) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline, infosource: undefined })).stories[0]!;
  expect([story.fields.authors, story.fields.agency?.name]).toEqual([authors, agency]);
});

it('without "located", a dateline printed at the head of the body is read as text copy reads it; a sentence is not', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { located: undefined, infosource: undefined, body_html: '<p>DENVER (AP) — Snow closed the passes.</p><p>More text.</p>' })).stories[0]!;
  expect([story.fields.dateline?.city, story.fields.agency?.name, story.body]).toEqual(['Denver', 'AP', 'Snow closed the passes.\n\nMore text.']);
  const gaza = run('v1.ninjs.json', variant('v1.ninjs.json', { located: undefined, infosource: undefined, body_html: '<p>GAZA CITY (AP) — Crowds gathered.</p>' })).stories[0]!;
  expect([gaza.fields.dateline?.city, gaza.fields.agency?.name, gaza.body]).toEqual(['Gaza City', 'AP', 'Crowds gathered.']);
  for (const lead of ['NATO — already stretched, the alliance met.', 'WATCH (video) — the moment the bridge fell.', 'NICE — that is how it ended.', 'US, China — trade talks resumed.']) {
    const sentence = run('v1.ninjs.json', variant('v1.ninjs.json', { located: undefined, body_html: `<p>${lead}</p>` })).stories[0]!;
    expect([sentence.fields.dateline, sentence.body], lead).toEqual([undefined, lead]);
  }
});

it('a credit after a byline\'s bar (| Photos by Tom Hale) is a contributor', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline: 'By Jane Doe | Photos by Tom Hale' })).stories[0]!;
  expect([story.fields.authors, story.fields.contributors]).toEqual([['Jane Doe'], [{ name: 'Tom Hale', role: 'photos' }]]);
});

it('a byline naming one of the agencies the infosource names together is no other agency', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { infosource: [{ name: 'Agencies - Xinhua' }], byline: 'By Li Wen, Xinhua writer' })).stories[0]!;
  expect([story.fields.authors, story.fields.agency]).toEqual([['Li Wen'], { name: 'Agencies - Xinhua' }]);
  expect(story.notes.join('\n')).not.toContain('names the agency');
});

it('a closing tagline naming the byline\'s writer again credits her once', () => {
  const body_html = '<p>The bank held rates.</p><p>Tom Hale in Lyon contributed to this report.</p>';
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html, byline: 'By Tom Hale' })).stories[0]!;
  expect([story.fields.authors, story.fields.contributors]).toEqual([['Tom Hale'], undefined]);
  expect(story.notes).toContain('contributor "Tom Hale in Lyon" is an author already: credited once, as an author');
});

it('a closing tagline naming the story\'s agency credits it once, as the agency (QA: a contributor too)', () => {
  const body_html = '<p>The bank held rates.</p><p>The Associated Press contributed to this report.</p>';
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html, byline: 'By Tom Hale', infosource: [{ name: 'AP' }] })).stories[0]!;
  expect([story.fields.agency, story.fields.contributors]).toEqual([{ name: 'AP' }, undefined]);
  expect(story.notes).toContain('contributor "The Associated Press" is the agency already: credited once, as the agency');
});

it('the other credits of a byline are contributors with their roles', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline: 'Reporting by Jane Doe; Editing by John Smith' })).stories[0]!;
  expect([story.fields.authors, story.fields.contributors]).toEqual([['Jane Doe'], [{ name: 'John Smith', role: 'editing' }]]);
});

it.each([
  ['Reporting by Jane Doe; Editing by Martin Luther King, Jr.', [{ name: 'Martin Luther King Jr.', role: 'editing' }]],
  // Near miss: a second editor whose given name starts as a suffix does.
  ['Reporting by Jane Doe; Editing by Tom Hale, Ivan Petrov', [{ name: 'Tom Hale', role: 'editing' }, { name: 'Ivan Petrov', role: 'editing' }]],
])('a suffix after a comma in the byline %j is the name\'s, not a contributor', (byline, contributors) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline })).stories[0]!;
  expect([story.fields.authors, story.fields.contributors]).toEqual([['Jane Doe'], contributors]);
});

it.each([
  ['By Jane Doe, The Associated Press', ['Jane Doe']],
  ['By Jane Doe, THE ASSOCIATED PRESS', ['Jane Doe']],
  ['By Jane Doe, The Associated Press and Tom Hale', ['Jane Doe', 'Tom Hale']],
  ['BY THE ASSOCIATED PRESS', undefined],
  // AP's own form: the agency after the name, no comma.
  ['By JIM MORRIS Associated Press', ['Jim Morris']],
])('"The Associated Press" in %j is the agency, not a publication or a person', (byline, authors) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline, infosource: undefined })).stories[0]!;
  expect([story.fields.authors, story.fields.agency?.name]).toEqual([authors, 'Associated Press']);
  expect(story.notes.join('\n')).not.toContain('publication not kept');
});

it('"Reuters Staff" after a comma is the agency', () => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline: 'By Jane Doe, Reuters Staff', infosource: undefined })).stories[0]!;
  expect([story.fields.authors, story.fields.agency?.name]).toEqual([['Jane Doe'], 'Reuters']);
});

describe('end marks that are the story\'s words', () => {
  it.each([
    // A mark inside a quote, with no full stop before it, is the quote's; the same paragraph inside the body too.
    ['<p>央行维持利率不变。</p><p>节目单：“第一集（完）”</p>', '央行维持利率不变。\n\n节目单：“第一集（完）”'],
    ['<p>央行维持利率不变。</p><p>他在稿纸最后写上“（完）”</p>', '央行维持利率不变。\n\n他在稿纸最后写上“（完）”'],
    ['<p>The port was quiet.</p><p>Dock workers call the last pallet on a ship “the end item”</p>', 'The port was quiet.\n\nDock workers call the last pallet on a ship “the end item”'],
    ['<p>电视台公布排期。</p><p>第一集：开端。（完）</p><p>第二集：归来。（完）</p><p>第三集：重逢。（未完）</p>', '电视台公布排期。\n\n第一集：开端。（完）\n\n第二集：归来。（完）\n\n第三集：重逢。（未完）'],
    ['<p>The crews follow a checklist.</p><p>The manual lists it as "Step 4. End item"</p><p>The last crane stops at six.</p>', 'The crews follow a checklist.\n\nThe manual lists it as "Step 4. End item"\n\nThe last crane stops at six.'],
    // Near misses: the mark after a full stop, with only page lines after it, goes, as text copy reads it.
    ['<p>央行维持利率不变。</p><p>他说：“市场会上涨。（完）”</p><p>（原标题：央行维持利率不变）</p>', '央行维持利率不变。\n\n他说：“市场会上涨。”\n\n（原标题：央行维持利率不变）'],
    ['<p>央行维持利率不变。</p><p>市场上涨。（完）</p><p>（来源：新华社）</p>', '央行维持利率不变。\n\n市场上涨。\n\n（来源：新华社）'],
  ])('%j', (body_html, body) => {
    const story = run('v1.ninjs.json', variant('v1.ninjs.json', { body_html, byline: undefined })).stories[0]!;
    expect(story.body).toBe(body);
  });
});

it.each([
  ['By JIM ROE, III', ['Jim Roe III']],
  ['By JIM ROE, JR.', ['Jim Roe Jr.']],
  ['By Jim Roe, III and Ann Lee', ['Jim Roe III', 'Ann Lee']],
  // Near miss: a name that starts as a numeral does is cased as a name.
  ['By IVAN ROE and IVY LEE', ['Ivan Roe', 'Ivy Lee']],
])('a byline in capitals %j keeps its suffix as a name prints it', (byline, authors) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline })).stories[0]!;
  expect(story.fields.authors).toEqual(authors);
});

it.each([
  ['By JIM MORRIS Associated Press', '<p>BEIRUT (AP) — Crowds gathered at the port.</p>', undefined],
  ['By Anne Roy, Agence France-Presse', '<p>PARIS (AFP) — Crowds gathered at the port.</p>', undefined],
  // Near miss: another agency in the lead is noted.
  ['By JIM MORRIS Associated Press', '<p>BEIRUT (AFP) — Crowds gathered at the port.</p>', 'the dateline lead names the agency "AFP", but the agency is "Associated Press": not used'],
])('%j and the lead of %j: one agency by its two names is no other', (byline, body_html, note) => {
  const story = run('v1.ninjs.json', variant('v1.ninjs.json', { byline, body_html, infosource: undefined, located: undefined, copyrightnotice: undefined })).stories[0]!;
  const notes = story.notes.filter((n) => n.includes('names the agency'));
  expect(notes).toEqual(note === undefined ? [] : [note]);
});

describe('time QA F-B, F-C, F-G: the rules the text importer shares', () => {
  const at = (file: string, text: string, timezone: string) => {
    const result = importNinjs(text, { file, timezone });
    return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
  };

  it('a versioncreated earlier than firstcreated in another zone is not used, with a note', () => {
    const story = run('x.json', variant('v1.ninjs.json', { firstcreated: '2025-02-04T22:00:00-05:00', versioncreated: '2025-02-05T10:30:00' })).stories[0]!;
    expect([story.fields.date, story.fields.updated]).toEqual(['2025-02-04T22:00:00-05:00', undefined]);
    expect(story.notes).toContain('versioncreated "2025-02-05 10:30" is earlier than the first publication: not used');
  });

  it('a stamp without offset at a time the site\'s zone repeats or skips is refused, naming both instants', () => {
    const repeated = at('x.json', variant('v1.ninjs.json', { firstcreated: '2025-11-02T01:30:00', versioncreated: undefined }), 'America/New_York');
    expect(repeated.stories).toEqual([]);
    expect(repeated.lines).toEqual([
      'x.json:5: firstcreated: "2025-11-02T01:30:00" happens twice in America/New_York (2025-11-02T01:30:00-04:00 or 2025-11-02T01:30:00-05:00); write the one you mean with its offset (E_DATE_AMBIGUOUS)',
    ]);
    const skipped = at('x.json', variant('v1.ninjs.json', { firstcreated: '2025-03-05T09:00:00-05:00', versioncreated: '2025-03-09T02:30' }), 'America/New_York');
    expect(skipped.stories).toEqual([]);
    expect(skipped.lines).toEqual([expect.stringMatching(/^x\.json:\d+: versioncreated: "2025-03-09T02:30" does not exist in America\/New_York: .* \(E_DATE_NONEXISTENT\)$/)]);
  });

  it('an embargo without offset at a time the site\'s zone repeats or skips is refused too: the story could not be dated when it lifts', () => {
    const repeated = at('x.json', variant('v1.ninjs.json', { firstcreated: '2025-11-01T22:00:00-04:00', versioncreated: undefined, embargoed: '2025-11-02T01:30:00' }), 'America/New_York');
    expect(repeated.stories).toEqual([]);
    expect(repeated.lines).toEqual([expect.stringMatching(/^x\.json(:\d+)?: embargoed: "2025-11-02T01:30:00" happens twice in America\/New_York .* \(E_DATE_AMBIGUOUS\)$/)]);
    const skipped = at('x.json', variant('v1.ninjs.json', { firstcreated: '2025-03-08T22:00:00-05:00', versioncreated: undefined, embargoed: '2025-03-09T02:30:00' }), 'America/New_York');
    expect(skipped.lines).toEqual([expect.stringMatching(/^x\.json(:\d+)?: embargoed: "2025-03-09T02:30:00" does not exist in America\/New_York: .* \(E_DATE_NONEXISTENT\)$/)]);
    // With its offset, the same time is an instant: a draft dated when the embargo lifts.
    const offset = at('x.json', variant('v1.ninjs.json', { firstcreated: '2025-11-01T22:00:00-04:00', versioncreated: undefined, embargoed: '2025-11-02T01:30:00-05:00' }), 'America/New_York');
    expect(offset.stories.map((x) => [x.fields.draft, x.fields.date])).toEqual([[true, '2025-11-02T01:30:00-05:00']]);
  });

  it('a dateline day from the lead is the latest on or before the first publication there, as in raw text', () => {
    const lead = (firstcreated: string, day: string) => run('x.json', variant('v1.ninjs.json', {
      firstcreated, versioncreated: undefined, located: 'Washington',
      body_html: `<p>WASHINGTON, ${day} (Xinhua) -- Envoys met on Tuesday, officials said.</p>`,
    })).stories[0]!;
    const dec20 = lead('2025-07-01T09:24:00+08:00', 'Dec. 20');
    expect(dec20.fields.dateline?.date).toBe('2024-12-20');
    expect(dec20.notes).toContain('dateline date "Dec. 20" is read as 2024-12-20, 192 days before the first publication there (2025-06-30): check it');
    const feb29 = lead('2025-03-01T09:24:00+08:00', 'Feb. 29');
    expect(feb29.fields.dateline?.date).toBe('2024-02-29');
    const none = lead('2025-06-01T09:24:00+08:00', 'Feb. 29');
    expect(none.fields.dateline?.date).toBeUndefined();
    expect(none.notes).toContain('dateline date "Feb. 29" is no day of the year up to the first publication there (2025-05-31), not used: check the copy');
    const dec31 = lead('2026-01-01T09:24:00+08:00', 'Dec. 31');
    expect(dec31.fields.dateline?.date).toBe('2025-12-31');
    expect(dec31.notes.filter((n) => n.startsWith('dateline date'))).toEqual([]);
    expectAccepted(dec31);
  });
});

describe('Chinese in traditional characters', () => {
  const story = (by: string, language: string, body: string): ImportedStory => run('hk.json', JSON.stringify({
    uri: 'urn:example:hk-cold', type: 'text', firstcreated: '2025-02-07T23:00:00Z', pubstatus: 'usable', language,
    headlines: [{ role: 'main', value: '天文台發出寒冷天氣警告' }], by, located: '香港',
    bodies: [{ role: 'main', contenttype: 'text/plain', value: body }],
  })).stories[0]!;

  it('reads a byline 記者 and a 新華社 lead as it reads 记者 and 新华社', () => {
    const hant = story('記者 張家明', 'zh-HK', '新華社香港2月8日電（記者張家明）天文台表示，季候風正影響沿岸。\n\n市民應注意保暖。（完）');
    const hans = story('记者 张家明', 'zh-CN', '新华社香港2月8日电（记者张家明）天文台表示，季候风正影响沿岸。\n\n市民应注意保暖。（完）');
    for (const [s, name, agency] of [[hant, '張家明', '新華社'], [hans, '张家明', '新华社']] as const) {
      expect([s.fields.authors, s.fields.agency, s.fields.dateline]).toEqual([[name], { name: agency }, { city: '香港', country: 'Hong Kong S.A.R.', timezone: 'Asia/Hong_Kong', date: '2025-02-08' }]);
      expect(s.notes).toEqual([`byline title not kept (a byline has no field for it): ${JSON.stringify(name === '張家明' ? '記者' : '记者')}`]);
      expect(s.body.startsWith('天文台')).toBe(true);
    }
    expect(hant.fields.language).toBe('zh-HK');
  });

  it('reads 中央社記者 before the names, and the editor and reporters closing the body', () => {
    const s = story('中央社記者 蘇思云', 'zh-TW', '中央社香港8日電 金管局今天決議維持利率不變。\n\n央行表示，通膨率將逐步回落。\n\n【責任編輯：李華】');
    expect([s.fields.authors, s.fields.agency?.name, s.fields.contributors]).toEqual([['蘇思云'], '中央社', [{ name: '李華', role: '責任編輯' }]]);
  });
});

describe('a lead whose city is the located one in the other script or a character variant', () => {
  const story = (located: string, lead: string): ImportedStory => run('tw.json', JSON.stringify({
    uri: 'urn:example:tw1', type: 'text', firstcreated: '2025-02-20T09:24:00+08:00', headline: '港口重新開放', located,
    body_html: `<p>${lead}</p><p>會談持續了三個小時。</p>`,
  })).stories[0]!;

  // (Review: 臺北 and 中央社台北20日電 kept the lead in the body and lost its reporter and agency.)
  it.each([
    ['臺北', '中央社台北20日電（記者蘇思云）美國與日本20日舉行經濟對話。', ['蘇思云'], '中央社'],
    ['台北', '中央社臺北20日電（記者蘇思云）美國與日本20日舉行經濟對話。', ['蘇思云'], '中央社'],
    ['Taipei', '中央社台北20日電（記者蘇思云）美國與日本20日舉行經濟對話。', ['蘇思云'], '中央社'],
    ['臺中', '中央社台中20日電（記者蘇思云）美國與日本20日舉行經濟對話。', ['蘇思云'], '中央社'],
    ['东京', '新華社東京2月20日電（記者郭鑫）美國與日本20日舉行經濟對話。', ['郭鑫'], '新華社'],
    ['華盛頓', '新华社华盛顿2月20日电（记者郭鑫）美国与日本20日举行经济对话。', ['郭鑫'], '新华社'],
    ['瀋陽', '新华社沈阳2月20日电（记者郭鑫）美国与日本20日举行经济对话。', ['郭鑫'], '新华社'],
    ['沈陽', '新華社瀋陽2月20日電（記者郭鑫）美國與日本20日舉行經濟對話。', ['郭鑫'], '新華社'],
  ])('located %s, lead %s: taken off and read', (located, lead, authors, agency) => {
    const s = story(located, lead);
    expect([s.fields.dateline?.city, s.fields.dateline?.date, s.fields.authors, s.fields.agency]).toEqual([located, '2025-02-20', authors, { name: agency }]);
    expect(s.body.startsWith('美')).toBe(true);
    expect(s.notes.join('\n')).not.toMatch(/kept in the body/);
  });

  // (Review: located 联合国 and 新華社聯合國…電 kept the lead in the body and lost its reporter and agency.)
  it.each([
    ['联合国', '新華社聯合國2月20日電（記者郭鑫）安理會20日舉行會議。', ['郭鑫'], '新華社'],
    ['聯合國', '新华社联合国2月20日电（记者郭鑫）安理会20日举行会议。', ['郭鑫'], '新华社'],
    ['联合国', '新华社联合国2月20日电（记者郭鑫）安理会20日举行会议。', ['郭鑫'], '新华社'],
  ])('located %s, lead %s: the United Nations, taken off and read', (located, lead, authors, agency) => {
    const s = story(located, lead);
    expect([s.fields.dateline?.city, s.fields.dateline?.date, s.fields.authors, s.fields.agency]).toEqual([located, '2025-02-20', authors, { name: agency }]);
    expect(s.body.startsWith('安理')).toBe(true);
    expect(s.notes.join('\n')).not.toMatch(/kept in the body/);
  });

  // (Review: located 伦敦 and `LONDON, Ontario (AP) —` took the lead off silently, the dateline left in England. Then the
  // lead was kept in the body beside the dateline located, and the build printed both: `LONDON, Feb. 20 -- LONDON,
  // Ontario (AP) —`. The printed lead is the dateline the story's readers see: it is the record's, noted.)
  it.each([
    ['伦敦', 'LONDON, Ontario (AP) — Talks lasted three hours.', 'LONDON, Ontario', 'America/Toronto'],
    ['London', 'LONDON, Ontario (AP) — Talks lasted three hours.', 'LONDON, Ontario', 'America/Toronto'],
  ])('located %s, lead of a namesake elsewhere (%s): the printed one is the dateline, noted', (located, lead, printed, zone) => {
    const s = story(located, lead);
    expect(s.body.startsWith('Talks')).toBe(true);
    expect([s.fields.dateline?.timezone, s.fields.agency]).toEqual([zone, { name: 'AP' }]);
    expect(s.notes).toContain(`the story prints the dateline ${JSON.stringify(printed)}, not ${JSON.stringify(located)} as given: the printed one is the dateline`);
  });

  it('located 巴黎, lead of a namesake whose zone the gazetteer lacks (PARIS, Texas): no dateline given, the lead kept in the body, noted', () => {
    const lead = 'PARIS, Texas (AP) — Talks lasted three hours.';
    const s = story('巴黎', lead);
    expect([s.body.startsWith(lead), s.fields.dateline]).toEqual([true, undefined]);
    expect(s.notes).toContain('the story prints the dateline "PARIS, Texas", not "巴黎" as given, and the gazetteer lacks its zone: the record gives no dateline, and the printed one stays in the body');
  });

  // (Review: a province abbreviated, `LONDON, Ont. (CP) —` under located London, took the lead off silently,
  // and `SYDNEY, N.S.` left the dateline in Australia: the abbreviations are read as regions.)
  it.each([
    ['London', 'LONDON, Ont. (CP) — Talks lasted three hours.', 'LONDON, Ont.'],
    ['London', 'LONDON, ON (CP) — Talks lasted three hours.', 'LONDON, ON'],
    ['London', 'LONDON, Ont., Feb. 4 (CP) — Talks lasted three hours.', 'LONDON, Ont.'],
    ['伦敦', 'LONDON, Ont. (CP) — Talks lasted three hours.', 'LONDON, Ont.'],
    ['Sydney', 'SYDNEY, N.S. (CP) — Talks lasted three hours.', 'SYDNEY, N.S.'],
    ['Sydney', 'SYDNEY, NS (CP) — Talks lasted three hours.', 'SYDNEY, NS'],
  ])('located %s, lead of a namesake in an abbreviated province (%s): the printed one is the dateline, noted', (located, lead, printed) => {
    const s = story(located, lead);
    expect(s.body.startsWith('Talks')).toBe(true);
    expect(s.fields.dateline?.country).toBe('Canada');
    expect(s.notes).toContain(`the story prints the dateline ${JSON.stringify(printed)}, not ${JSON.stringify(located)} as given: the printed one is the dateline`);
  });

  // (Near misses: a lead whose region agrees with the dateline, or names none, is taken off.)
  it.each([
    ['伦敦', 'LONDON (AP) — Talks lasted three hours.'],
    ['伦敦', 'LONDON, England (AP) — Talks lasted three hours.'],
    ['华盛顿', 'WASHINGTON, D.C. (AP) — Talks lasted three hours.'],
    ['Portland', 'PORTLAND, Ore. (AP) — Talks lasted three hours.'],
    // (An abbreviated region that agrees: the lead is the dateline's.)
    ['Toronto', 'TORONTO, Ont. (AP) — Talks lasted three hours.'],
    ['Sydney', 'SYDNEY, N.S.W. (AP) — Talks lasted three hours.'],
  ])('located %s, lead %s: taken off', (located, lead) => {
    const s = story(located, lead);
    expect(s.body.startsWith('Talks')).toBe(true);
    expect(s.fields.agency).toEqual({ name: 'AP' });
    expect(s.notes.join('\n')).not.toMatch(/kept in the body/);
  });

  it.each([
    ['台中', '中央社台北20日電（記者蘇思云）美國與日本20日舉行經濟對話。', '台北'],
    ['Kaohsiung', '中央社台北20日電（記者蘇思云）美國與日本20日舉行經濟對話。', '台北'],
    ['纽约', '新华社联合国2月20日电（记者郭鑫）安理会20日举行会议。', '联合国'],
    ['联合国', '新华社纽约2月20日电（记者郭鑫）安理会20日举行会议。', '纽约'],
    ['聯合國', '新華社紐約2月20日電（記者郭鑫）安理會20日舉行會議。', '紐約'],
  ])('located %s, lead of another city (%s): the printed one is the dateline, noted', (located, lead, printed) => {
    const s = story(located, lead);
    expect(s.body.startsWith(lead)).toBe(false);
    expect([s.fields.dateline?.city, s.fields.dateline?.date, s.fields.authors]).toEqual([printed, '2025-02-20', [lead.includes('郭鑫') ? '郭鑫' : '蘇思云']]);
    expect(s.notes).toContain(`the story prints the dateline ${JSON.stringify(printed)}, not ${JSON.stringify(located)} as given: the printed one is the dateline`);
  });
});

describe('a picture\'s media type', () => {
  it('is made one the build takes: image/jpg is image/jpeg, and a type no image has is left out (the record would not build)', () => {
    const typed = (mimetype: string) =>
      run('v1.ninjs.json', fixture('v1.ninjs.json').replaceAll('"mimetype": "image/jpeg"', `"mimetype": ${JSON.stringify(mimetype)}`)).stories[0]!.fields.image;
    expect(typed('image/jpg')).toMatchObject({ url: 'https://img.example.com/2025/02/05/swim.jpg', type: 'image/jpeg' });
    expect(typed('IMAGE/PNG')?.type).toBe('image/png');
    const octets = typed('application/octet-stream');
    expect([octets?.url, octets?.type]).toEqual(['https://img.example.com/2025/02/05/swim.jpg', undefined]);
  });
});

describe('fields of another type than ninjs gives them', () => {
  it('are refused, each at its line (a list for by lost the byline, a number for versioncreated the update)', () => {
    const r = run('v.json', variant('v1.ninjs.json', { by: ['Joana Reis'], versioncreated: 20250312 }));
    expect(r.stories).toEqual([]);
    expect(r.lines.map((l) => l.replace(/^v\.json:\d+: /, ''))).toEqual([
      'by: expected text, got a list (E_FIELD_TYPE)',
      'versioncreated: expected text, got the number 20250312 (E_FIELD_TYPE)',
    ]);
  });
});

describe('fields set to null', () => {
  it('are fields left unset, as exporters write them (review: each refused the story)', () => {
    const r = run('n.json', variant('v1.ninjs.json', { by: null, embargoed: null, located: null, keywords: null, associations: null }));
    expect([r.stories.length, r.lines.filter((l) => l.includes('E_FIELD_TYPE'))]).toEqual([1, []]);
  });
});
