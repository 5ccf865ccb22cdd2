/**
 * Wire terminal copy in its transmission envelope (ANPA 1312, IPTC 7901), through `dateline import`: the
 * envelope opened into fields and notes, the time of transmission read as the instant it names, each
 * message of a capture a story, lines named as the capture's, and the records built into feeds.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles, loadConfig } from '../src/index.js';
import type { FileReport } from '../src/importers/index.js';
import { makeSite, parseXml, runCli } from './_helpers.js';

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';

/** AP's first version of a story, as an ANPA 1312 terminal captures it (our own words). */
const ANPA_FIRST = [
  `${SOH}a0412  r i BC-ML--Gulf-Talks 02-05 0388${STX}`,
  '^BC-ML--Gulf-Talks,0388<',
  '^Envoys gather in Doha for next round of truce talks<',
  '^Eds: With AP Photos.<',
  '^By JANE DOE<',
  '^Associated Press Writer<',
  '\tDOHA, Qatar (AP) _ Mediators opened a new round of talks on Wednesday on the second stage of',
  'the cease-fire, two officials said.',
  '\tThe talks were to run into the weekend _ longer than planned _ a spokesman told reporters.',
  '\t___',
  '\tAssociated Press writer Tom Hale in Cairo contributed to this report.',
  `${ETX}(Copyright 2025 The Associated Press. All Rights Reserved.)`,
  'AP-WF-02-05-25 0924GMT<',
  '',
].join('\n');

/** Its writethru, transmitted at 09:24 EST (14:24 UTC). */
const ANPA_WRITETHRU = ANPA_FIRST
  .replace('^BC-ML--Gulf-Talks,0388<', '^BC-ML--Gulf-Talks,1st Ld-Writethru,0412<')
  .replace('^Eds: With AP Photos.<', '^Eds: Updates with comment from the ministry. With AP Photos.<')
  .replace('AP-WF-02-05-25 0924GMT<', 'AP-WF-02-05-25 0924EST<');

/** Two Xinhua messages in IPTC 7901, captured in one file; the second datelined from a town the gazetteer lacks. */
const IPTC_CAPTURE = [
  'ZCZC',
  'XIE0101 4 I 0230 WORLD /XIN',
  'Envoys gather in Doha for truce talks',
  '    DOHA, Feb. 5 (Xinhua) -- Mediators opened a new round of talks on Wednesday, officials said.',
  '    The talks were to run into the weekend, a spokesman said. Enditem',
  '050124 GMT FEB 25',
  'NNNN',
  'ZCZC',
  'XIE0102 4 I 0190 WORLD /XIN',
  'Aid convoy reaches coastal camp',
  '    MUWASI, Feb. 5 (Xinhua) -- A convoy of 40 trucks reached the camp on Wednesday, aid workers said.',
  '    More trucks were expected on Thursday. Enditem',
  '050630 GMT FEB 25',
  'NNNN',
  '',
].join('\n');

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

async function site(files: Record<string, string>): Promise<string> {
  const s = await makeSite(files);
  cleanups.push(s.cleanup);
  return s.dir;
}

/** The dry run's reports of each file (nothing written). */
async function dryRun(dir: string, files: string[]): Promise<FileReport[]> {
  const config = await loadConfig('dateline.config.json', dir);
  return importFiles(files, { config, cwd: dir, dryRun: true });
}

async function recordText(dir: string): Promise<string[]> {
  const names = ((await readdir(join(dir, 'articles'), { recursive: true })) as string[]).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(names.map((n) => readFile(join(dir, 'articles', n), 'utf8')));
}

/**
 * The same kind of message as AP's wire sends it, byte for byte in its layout (as the captures in Superdesk's
 * ingest tests are; our own words): SYN SYN SOH, the header over two lines (the service and story number, a
 * unit separator, the selector; then the keyword line, its DC3 DC1), STX, head lines marked `^…<` and `^…=`
 * with a space after some, the slug's words apart and its count of words, AP's photo numbers, a note to
 * editors in brackets, the summary over the byline, paragraphs indented by a tab and three spaces, ANPA's
 * quotation marks, CR LF line ends, ETX before the time of transmission, a form feed and EOT.
 */
const AP_WIRE = [
  '\u0016\u0016\u0001a0412\u001fglbsm',
  'r i\u0013\u0011 BC-ML--GulfTalks 1stLd-Writethru   02-05 0612',
  `${STX}^BC-ML--Gulf Talks, 1st Ld-Writethru,452< `,
  '^Envoys gather in Doha for next round of truce talks< ',
  '^AP Photo DOH101, DOH102< ',
  '^(Eds: Updates with comment from the ministry. With AP Photos.)< ',
  '^Mediators opened a new round of talks in Doha on Wednesday on the second stage of the cease-fire, two officials said.< ',
  '^By JANE DOE= ',
  '^Associated Press Writer= ',
  '\t   DOHA, Qatar (AP) _ Mediators opened a new round of talks on Wednesday on the second stage of the cease-fire, two officials said. ',
  '\t   ``We are hopeful,\'\' a spokesman told reporters. ',
  '',
  `\t   ${ETX}AP-WF-02-05-25 0924GMT<`,
  '',
  '\u000c',
  '\u0004',
].join('\r\n');

/** An alert: the keyword line, the slug, and one sentence, its dateline's lead over it. */
const AP_ALERT = [
  '\u0016\u0016\u0001a0413\u001fglbsm',
  'b a\u0013\u0011 BC-ML--APNewsAlert     02-05 0021',
  `${STX}^BC-ML--APNewsAlert,21<`,
  '\t   DOHA, Qatar (AP) _ Mediators say the second stage of the Gaza cease-fire will begin on Saturday.',
  '',
  `\t   ${ETX}AP-WF-02-05-25 1102GMT<`,
  '\u0004',
].join('\r\n');

/** AP's digest of headlines, each on a line of its own led by `^` with no `<` (the layout of a real capture; our own words). */
const AP_DIGEST = [
  '\u0016\u0016\u0001a0414\u001f-----',
  'r e\u0013\u0011 AP-Top-World-Headlines     02-05 0060',
  `${STX}^*9006< ^AP-Top-World-Headlines,0060<`,
  '^AP Top World News at 9:20 a.m. GMT<',
  '^Envoys gather in Doha for next round of truce talks',
  '^Aid convoy reaches coastal camp after three-day wait',
  '^Storm closes ports along the northern coast',
  '',
  `\t   ${ETX}AP-WF-02-05-25 0920GMT<`,
  '\u0004',
].join('\r\n');

/**
 * AP's agate standings (the layouts of real captures; made-up figures): rows led by a backspace, cells parted by `;`
 * (the header's first empty), a DLE holding a name's words together, `{` for a half, `_` for none; section lines
 * led by `^` between the tables; a later layout's row parts its first cell by US and the others by RS fillers.
 */
const BS = '\u0008';
const DLE = '\u0010';
const AP_AGATE = [
  '\u0016\u0016\u0001a0415\u001f-----',
  'r z\u0014\u0012 BC-SOC--LeagueGlance     02-05 0200',
  `${STX}^BC-SOC--League Glance<`,
  '^Harbour League Standings=',
  '^All Times GMT=',
  '^By The Associated Press=',
  '^North Group=',
  `${BS}^;W;L;Pct;GB${DLE} `,
  `${BS}Port${DLE} Ellen;12;3;.800;_${DLE} `,
  `${BS}Kilbride;10;5;.667;2{${DLE} `,
  '^South Group=',
  `${BS}^;W;L;Pct;GB${DLE} `,
  `${BS}Marsh${DLE} End;9;6;.600;_${DLE} `,
  `${BS}Arden;4;11;.267;5${DLE} `,
  '^Wild Card=',
  `${BS}\u001e\u001f\u001e W\u001e \u001e L\u001e \u001e GB`,
  `${BS}Kilbride\u001f\u001e 10\u001e \u001e 5\u001e \u001e _`,
  `${BS}Arden\u001f\u001e 4\u001e \u001e 11\u001e \u001e 5{`,
  '^Sunday\'s Games=',
  '\t   Port Ellen 2, Arden 1',
  '\t   Kilbride 3, Marsh End 3',
  '\t   Arden 0, Kilbride 4<',
  '',
  `\t   ${ETX}AP-WF-02-05-25 1815GMT<`,
  '\u0004',
].join('\r\n');

/** AP's weather table (a real capture's layout; made-up figures): no head line but its slug, rows indented, cells parted by `;`. */
const AP_WEATHER = [
  '\u0016\u0016\u0001a0416\u001f-----',
  'u i\u0014\u0012 BC-WEA--HarbourWeather     02-05 0120',
  `${STX}^BC-WEA--Harbour Weather-Celsius,<`,
  '\t   PORT ELLEN (AP) _ Lowest and highest temperatures in Celsius and conditions as recorded on the day before:',
  '\t   ;MIN;MAX;COND;RAIN<',
  '\t   Arden;2;9;rn;4.5<',
  '\t   Kilbride;-1;7;clr;0.0<',
  '\t   The forecast; wind; rain and more wind: the office will say more.<',
  '',
  `\t   ${ETX}AP-WF-02-05-25 0700GMT<`,
  '\u0004',
].join('\r\n');

/**
 * IPTC 7901 as dpa's English service sends it (its layout as real captures hold it; our own words): SOH and the
 * header, no ZCZC, the keyword ending in a slash, STX, a label and the headline, the byline ending ` =`,
 * paragraphs not indented but a blank line apart, the information not for publication, the sign-off, ETX and the
 * time of transmission with its month in title case.
 */
const DPA_WIRE = [
  '\u0001eca0412 4 i 180  dpa 0612',
  '',
  'Qatar/Gaza/conflict/',
  `${STX}1ST LEAD`,
  'Envoys gather in Doha for next round of truce talks',
  'By Jane Doe, dpa =',
  '',
  'Doha (dpa) - Mediators opened a new round of talks on Wednesday on',
  'the second stage of the cease-fire, two officials said.',
  '',
  'The talks were to run into the weekend, a spokesman told reporters.',
  '',
  '* * * *',
  'The following information is not intended for publication',
  '',
  '## Editorial contacts',
  '- Reporting by: Jane Doe',
  '- Editing by: Tom Hale, <desk@wire.example>',
  '',
  'dpa jd th',
  '',
  `${ETX}051124 GMT Feb 25`,
  '\u0004',
].join('\r\n');

describe('IPTC 7901 as dpa sends it', () => {
  it('reads its header with no ZCZC, its keyword and label, the head ending ` =`, paragraphs a blank line apart; leaves out what is not for publication and the sign-off', async () => {
    const dir = await site({ 'dpa.txt': DPA_WIRE });
    const [report] = await dryRun(dir, ['dpa.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({
      title: 'Envoys gather in Doha for next round of truce talks', date: '2025-02-05T11:24:00+00:00', authors: ['Jane Doe'], agency: { name: 'dpa' },
      dateline: { city: 'Doha', country: 'Qatar', timezone: 'Asia/Qatar' },
    });
    expect(story?.body).toBe('Mediators opened a new round of talks on Wednesday on the second stage of the cease-fire, two officials said.\n\nThe talks were to run into the weekend, a spokesman told reporters.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the wire\'s IPTC 7901 header left out: "eca0412 4 i 180  dpa 0612"',
      'the wire\'s keyword left out: "Qatar/Gaza/conflict/"',
      'the wire\'s label over the headline left out: "1ST LEAD"',
      'the wire\'s information not for publication left out (6 lines, its contacts and links)',
    ]));
  });

  it('reads a capture in 8-bit text, Windows-1252\'s punctuation too, and a trailer with a German month and no zone', async () => {
    // (0x93, 0x94 and 0x96 are Windows-1252's quotation marks and en dash: Node.js 20's decoder gave C1 controls, which the build drops.)
    const latin1 = Buffer.from(DPA_WIRE.replace('Doha (dpa)', 'Zürich (dpa)').replace('Qatar/Gaza/conflict/', 'Switzerland/conflict/').replace(`${ETX}051124 GMT Feb 25`, `${ETX}051124 Okt 25`)
      .replace('run into the weekend, a spokesman', 'run into the weekend \u0096 longer than planned \u0096 a spokesman').replace('told reporters.', 'told reporters, \u0093if all goes well\u0094.'), 'latin1');
    const dir = await site({});
    await writeFile(join(dir, 'dpa.txt'), latin1);
    const [report] = await dryRun(dir, ['dpa.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ date: '2025-10-05T11:24:00+00:00', dateline: { city: 'Zürich', timezone: 'Europe/Zurich' } });
    expect(story?.body).toContain('The talks were to run into the weekend – longer than planned – a spokesman told reporters, “if all goes well”.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the capture is not UTF-8: read as Windows-1252, the 8-bit text wire terminals receive',
      'the time of transmission "051124 Okt 25" names no zone: read as GMT, as the wire\'s others say',
    ]));
  });
});

describe('ANPA 1312 as AP\'s wire sends it', () => {
  it('reads the two header lines, the slug with its words apart, the photo numbers, the summary, the tab-and-spaces paragraphs and the typed quotation marks', async () => {
    const dir = await site({ 'ap.txt': AP_WIRE });
    const [report] = await dryRun(dir, ['ap.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({
      title: 'Envoys gather in Doha for next round of truce talks',
      summary: 'Mediators opened a new round of talks in Doha on Wednesday on the second stage of the cease-fire, two officials said.',
      // (A writethru's time of transmission: the date, noted, as for the writethru above.)
      date: '2025-02-05T09:24:00+00:00',
      authors: ['Jane Doe'],
      agency: { name: 'Associated Press' },
      dateline: { city: 'Doha', country: 'Qatar', timezone: 'Asia/Qatar' },
    });
    expect(story?.body).toBe('Mediators opened a new round of talks on Wednesday on the second stage of the cease-fire, two officials said.\n\n“We are hopeful,” a spokesman told reporters.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the wire\'s ANPA 1312 header left out: "a0412glbsm"',
      'the wire\'s keyword line left out: "r i BC-ML--GulfTalks 1stLd-Writethru   02-05 0612"',
      'the wire\'s slug left out: "BC-ML--Gulf Talks, 1st Ld-Writethru,452", a version after the first ("1st Ld-Writethru")',
      'the wire\'s numbers of the photos sent with the story left out: "AP Photo DOH101, DOH102"',
      'the wire\'s note to editors left out: "(Eds: Updates with comment from the ministry. With AP Photos.)"',
    ]));
  });

  it('takes an alert\'s one sentence, without its dateline\'s lead, for its headline too', async () => {
    const dir = await site({ 'alert.txt': AP_ALERT });
    const [report] = await dryRun(dir, ['alert.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Mediators say the second stage of the Gaza cease-fire will begin on Saturday.', date: '2025-02-05T11:02:00+00:00', dateline: { city: 'Doha' } });
    expect(story?.body).toBe('Mediators say the second stage of the Gaza cease-fire will begin on Saturday.');
    expect(story?.notes).toContain('no head line: the headline is the alert\'s text, "Mediators say the second stage of the Gaza cease-fire will begin on Saturday."');
  });
});

describe('ANPA 1312 digests', () => {
  it('keeps each line of a digest of headlines a paragraph of its own (a real capture\'s were joined into one)', async () => {
    const dir = await site({ 'digest.txt': AP_DIGEST });
    const [report] = await dryRun(dir, ['digest.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'AP Top World News at 9:20 a.m. GMT', date: '2025-02-05T09:20:00+00:00' });
    // (Paragraphs, not subheadings: short lines alone, with no prose between them, are a list.)
    expect(story?.body).toBe(['Envoys gather in Doha for next round of truce talks', 'Aid convoy reaches coastal camp after three-day wait', 'Storm closes ports along the northern coast'].join('\n\n'));
  });
});

describe('ANPA 1312 agate tables', () => {
  it('keeps AP\'s agate rows as tables, in both layouts, with the lines between them; a day\'s results stay paragraphs (real captures were one paragraph)', async () => {
    const dir = await site({ 'agate.txt': AP_AGATE });
    const [report] = await dryRun(dir, ['agate.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Harbour League Standings', date: '2025-02-05T18:15:00+00:00', agency: { name: 'Associated Press' } });
    expect(story?.body).toBe([
      'All Times GMT',
      '## North Group',
      '|  | W | L | Pct | GB |\n| --- | --- | --- | --- | --- |\n| Port Ellen | 12 | 3 | .800 | — |\n| Kilbride | 10 | 5 | .667 | 2½ |',
      '## South Group',
      '|  | W | L | Pct | GB |\n| --- | --- | --- | --- | --- |\n| Marsh End | 9 | 6 | .600 | — |\n| Arden | 4 | 11 | .267 | 5 |',
      '## Wild Card',
      '|  | W | L | GB |\n| --- | --- | --- | --- |\n| Kilbride | 10 | 5 | — |\n| Arden | 4 | 11 | 5½ |',
      'Sunday\'s Games',
      'Port Ellen 2, Arden 1',
      'Kilbride 3, Marsh End 3',
      'Arden 0, Kilbride 4',
    ].join('\n\n'));
    expect(story?.notes).toContain('the wire\'s agate tables (3) kept as tables');
    // AP's weather table: no head line (its slug's words are the headline, noted), rows of cells parted by `;`
    // (a paragraph of prose with semicolons stays one).
    const weather = (await dryRun(await site({ 'weather.txt': AP_WEATHER }), ['weather.txt']))[0]?.stories[0]?.story;
    expect(weather?.fields.title).toBe('Harbour Weather-Celsius');
    expect(weather?.body).toBe([
      'Lowest and highest temperatures in Celsius and conditions as recorded on the day before:',
      '|  | MIN | MAX | COND | RAIN |\n| --- | --- | --- | --- | --- |\n| Arden | 2 | 9 | rn | 4.5 |\n| Kilbride | -1 | 7 | clr | 0.0 |',
      'The forecast; wind; rain and more wind: the office will say more.',
    ].join('\n\n'));
    expect(weather?.notes).toContain('no head line: the headline is the slug\'s words, "Harbour Weather-Celsius"');
    // And the build renders them as HTML tables.
    expect((await runCli(['import', 'agate.txt'], dir)).code).toBe(0);
    expect((await runCli(['build'], dir)).code).toBe(0);
    const feed = JSON.parse(await readFile(join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
    const html = feed.items[0]?.content_html ?? '';
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toContain('<td>Port Ellen</td>');
    expect(html).toContain('<td>2½</td>');
  });
});

describe('ANPA 1312', () => {
  it('opens the envelope: headline, byline, agency, dateline and body, the time of transmission as the first publication', async () => {
    const dir = await site({ 'anpa.txt': ANPA_FIRST });
    const [report] = await dryRun(dir, ['anpa.txt']);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(report?.stories).toHaveLength(1);
    expect(story?.fields).toMatchObject({
      title: 'Envoys gather in Doha for next round of truce talks',
      date: '2025-02-05T09:24:00+00:00',
      authors: ['Jane Doe'],
      agency: { name: 'Associated Press' },
      contributors: [{ name: 'Tom Hale', location: 'Cairo' }],
      dateline: { city: 'Doha', country: 'Qatar', timezone: 'Asia/Qatar' },
    });
    expect(story?.fields.updated).toBeUndefined();
    // The wrapped paragraph is one; ANPA's typed dash is a dash; the rule, the tagline and the copyright are not the story's.
    expect(story?.body).toBe('Mediators opened a new round of talks on Wednesday on the second stage of the cease-fire, two officials said.\n\n'
      + 'The talks were to run into the weekend — longer than planned — a spokesman told reporters.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the wire\'s ANPA 1312 header left out: "a0412  r i BC-ML--Gulf-Talks 02-05 0388"',
      'the wire\'s slug left out: "BC-ML--Gulf-Talks,0388"',
      'the wire\'s note to editors left out: "Eds: With AP Photos."',
      'the wire\'s copyright line left out: "(Copyright 2025 The Associated Press. All Rights Reserved.)"',
      'the time of transmission read as the first publication\'s',
    ]));
  });

  it('reads a writethru\'s time as an update\'s in the zone its trailer names, and --force over the first version keeps its first publication', async () => {
    const dir = await site({ 'first.txt': ANPA_FIRST, 'writethru.txt': ANPA_WRITETHRU });
    const [report] = await dryRun(dir, ['writethru.txt']);
    expect(report?.stories[0]?.story.fields.date).toBe('2025-02-05T09:24:00-05:00');
    expect(report?.stories[0]?.story.notes).toEqual(expect.arrayContaining([
      'the wire\'s slug left out: "BC-ML--Gulf-Talks,1st Ld-Writethru,0412", a version after the first ("1st Ld-Writethru")',
      'the time of transmission read as an update\'s: this version is not the story\'s first, whose publication may be earlier',
    ]));

    expect((await runCli(['import', 'first.txt'], dir)).code).toBe(0);
    // The same headline on the same day, stamped later: refused without --force, as a page's update alone is.
    const refused = await runCli(['import', 'writethru.txt'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('E_IMPORT_EXISTS');
    expect((await runCli(['import', '--force', 'writethru.txt'], dir)).code).toBe(0);
    const [record] = await recordText(dir);
    expect(record).toMatch(/^date: 2025-02-05T09:24:00\+00:00$/m);
    expect(record).toMatch(/^updated: 2025-02-05T09:24:00-05:00$/m);

    // Built: the feed carries the true instants.
    const built = await runCli(['build'], dir);
    expect(built.code).toBe(0);
    const atom = parseXml(await readFile(join(dir, 'dist', 'atom.xml'), 'utf8')) as { feed: { entry: { published: string; updated: string; author: { name: string }[] }[] } };
    expect(atom.feed.entry).toHaveLength(1);
    const [entry] = atom.feed.entry;
    expect(new Date(entry?.published ?? '').toISOString()).toBe('2025-02-05T09:24:00.000Z');
    expect(new Date(entry?.updated ?? '').toISOString()).toBe('2025-02-05T14:24:00.000Z');
    expect(entry?.author.map((a) => a.name)).toEqual(['Jane Doe']);
  });

  it('reads a version as later by its note to editors only when the note opens by saying what it changed', async () => {
    const alone = async (eds: string): Promise<string | undefined> => {
      const dir = await site({ 'copy.txt': ANPA_FIRST.replace('^Eds: With AP Photos.<', `^${eds}<`) });
      return (await dryRun(dir, ['copy.txt']))[0]?.stories[0]?.story.notes.find((n) => n.startsWith('the time of transmission'));
    };
    expect(await alone('Eds: Updates with comment from the ministry.')).toMatch(/an update's/);
    expect(await alone('Eds: Corrects spelling of minister\'s name in 3rd graf.')).toMatch(/an update's/);
    expect(await alone('Eds: AP will update this story as talks continue.')).toMatch(/first publication's/);
  });

  it('reads ANPA copied from a terminal\'s screen, without its control characters, by its header over its slug', async () => {
    const screen = ANPA_FIRST.replace(/[\u0001-\u0003]/gu, '');
    const dir = await site({ 'screen.txt': screen });
    const [report] = await dryRun(dir, ['screen.txt']);
    expect(report?.diagnostics).toEqual([]);
    expect(report?.stories[0]?.story.fields).toMatchObject({ title: 'Envoys gather in Doha for next round of truce talks', date: '2025-02-05T09:24:00+00:00', authors: ['Jane Doe'] });
  });

  it('reads EST as America\'s only in an American wire\'s trailer (AP\'s, UPI\'s)', async () => {
    // (Each in a site of its own: in one, the dry run would take the second for an edition of the first.)
    const alone = async (trailer: string): Promise<FileReport | undefined> =>
      (await dryRun(await site({ 'copy.txt': ANPA_FIRST.replace('AP-WF-02-05-25 0924GMT<', trailer) }), ['copy.txt']))[0];
    const [ap, aap, aapGmt] = [await alone('APNY-02-05-25 0924EST<'), await alone('AAP-SY-02-05-25 0924EST<'), await alone('AAP-SY-02-05-25 0924GMT<')];
    expect(ap?.stories[0]?.story.fields.date).toBe('2025-02-05T09:24:00-05:00');
    expect(aap?.stories).toEqual([]);
    expect(aap?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NO_DATE', 13]]);
    expect(aap?.diagnostics[0]?.message).toContain('is in EST, which this wire ("AAP-SY") may mean of another country than America\'s');
    expect(aapGmt?.stories[0]?.story.fields.date).toBe('2025-02-05T09:24:00+00:00');
  });

  it('reads each message of a screen\'s capture of several, by the header over its slug', async () => {
    const second = ANPA_FIRST.replace('a0412  r i BC-ML--Gulf-Talks 02-05 0388', 'a0413  r i BC-ML--Aid-Convoy 02-05 0210')
      .replace('^BC-ML--Gulf-Talks,0388<', '^BC-ML--Aid-Convoy,0210<').replace('Envoys gather in Doha for next round of truce talks', 'Aid convoy reaches coastal camp')
      .replace('AP-WF-02-05-25 0924GMT<', 'AP-WF-02-05-25 1130GMT<');
    const screen = `${ANPA_FIRST}\n${second}`.replace(/[\u0001-\u0003]/gu, '');
    const dir = await site({ 'screen.txt': screen });
    const [report] = await dryRun(dir, ['screen.txt']);
    expect(report?.stories.map((s) => [s.story.fields.title, s.story.fields.date])).toEqual([
      ['Envoys gather in Doha for next round of truce talks', '2025-02-05T09:24:00+00:00'],
      ['Aid convoy reaches coastal camp', '2025-02-05T11:30:00+00:00'],
    ]);
  });

  it('joins an add to the take it continues in the capture, and refuses an add alone', async () => {
    const take = ANPA_FIRST.replace('\t___\n\tAssociated Press writer Tom Hale in Cairo contributed to this report.\n', '\tMORE\n');
    const add = [
      `${SOH}a0415  r i BC-ML--Gulf-Talks 02-05 0120${STX}`,
      '^BC-ML--Gulf-Talks,1st Add,0120<',
      '\tThe ministry said aid deliveries would continue during the talks.',
      '\tAssociated Press writer Tom Hale in Cairo contributed to this report.',
      `${ETX}AP-WF-02-05-25 0931GMT<`,
      '',
    ].join('\n');
    const dir = await site({ 'takes.txt': `${take}${add}`, 'add.txt': add });
    const [takes, alone] = await dryRun(dir, ['takes.txt', 'add.txt']);
    expect(takes?.diagnostics).toEqual([]);
    expect(takes?.stories).toHaveLength(1);
    const story = takes?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ date: '2025-02-05T09:24:00+00:00', contributors: [{ name: 'Tom Hale', location: 'Cairo' }] });
    expect(story?.body.split('\n\n').at(-1)).toBe('The ministry said aid deliveries would continue during the talks.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the wire\'s add at line 13 ("1st Add") joined to the story: 2 paragraphs; its time of transmission not used',
      'the wire\'s slug left out: "BC-ML--Gulf-Talks,1st Add,0120", a further take ("1st Add")',
    ]));
    expect(alone?.stories).toEqual([]);
    expect(alone?.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['E_IMPORT_NO_HEADLINE', 1, 'no headline: this is an add to "BC-ML--Gulf-Talks" ("1st Add"), a further take of a story: import it in one file after the take it continues'],
    ]);
    // An add to a take refused (here under embargo) says so, rather than that its take is missing.
    const held = await site({ 'held.txt': `${take.replace('^Eds: With AP Photos.<', '^Eds: EMBARGOED until 0001 GMT Feb. 6.<')}${add}` });
    const [both] = await dryRun(held, ['held.txt']);
    expect(both?.stories).toEqual([]);
    expect(both?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NOT_PUBLISHED', 4], ['E_IMPORT_NO_HEADLINE', 13]]);
    expect(both?.diagnostics[1]?.message).toContain('whose take in this capture was refused (above)');
  });

  it('writes no record of a story the agency kills or withdraws, and says to take an earlier one down', async () => {
    const kill = [
      `${SOH}a0420  f a BC-ML--Gulf-Talks 02-05 0060${STX}`,
      '^BC-ML--Gulf-Talks,KILL<',
      '^Eds: The story was sent in error. Make sure it is not used.<',
      `${ETX}AP-WF-02-05-25 1012GMT<`,
      '',
    ].join('\n');
    const withdrawn = IPTC_CAPTURE.split('NNNN')[0]!.replace('Envoys gather in Doha for truce talks', 'WITHDRAWN: Envoys gather in Doha for truce talks') + 'NNNN\n';
    const dir = await site({ 'kill.txt': kill, 'withdrawn.txt': withdrawn });
    const [a, b] = await dryRun(dir, ['kill.txt', 'withdrawn.txt']);
    expect(a?.stories).toEqual([]);
    expect(a?.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['E_IMPORT_NOT_PUBLISHED', 2, 'not published: the agency marked this story killed or withdrawn ("BC-ML--Gulf-Talks,KILL"); the agency has withdrawn this story, so no record is written; if it was imported before, take that record down (draft: true)'],
    ]);
    expect(b?.stories).toEqual([]);
    expect(b?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NOT_PUBLISHED', 3]]);
  });

  it('writes no record of a story held for release: an embargo in the note to editors, an advance slug, a line over an IPTC headline', async () => {
    const dir = await site({
      'eds.txt': ANPA_FIRST.replace('^Eds: With AP Photos.<', '^Eds: EMBARGOED until 0001 GMT Thursday, Feb. 6. With AP Photos.<'),
      'adv.txt': ANPA_FIRST.replace('^BC-ML--Gulf-Talks,0388<', '^BC-ML--Gulf-Talks,Adv06,0388<'),
      'iptc.txt': IPTC_CAPTURE.split('NNNN')[0]!.replace('Envoys gather in Doha for truce talks', 'EMBARGOED UNTIL 0001 GMT FEB 6\nEnvoys gather in Doha for truce talks') + 'NNNN\n',
    });
    const reports = await dryRun(dir, ['eds.txt', 'adv.txt', 'iptc.txt']);
    expect(reports.map((r) => r.stories.length)).toEqual([0, 0, 0]);
    expect(reports.map((r) => r.diagnostics.map((d) => [d.code, d.line]))).toEqual([
      [['E_IMPORT_NOT_PUBLISHED', 4]],
      [['E_IMPORT_NOT_PUBLISHED', 2]],
      [['E_IMPORT_NOT_PUBLISHED', 3]],
    ]);
  });

  it('refuses a trailer that names no day a calendar has, at its line, and a message with no trailer', async () => {
    const dir = await site({
      'feb30.txt': ANPA_FIRST.replace('AP-WF-02-05-25 0924GMT<', 'AP-WF-02-30-25 0924GMT<'),
      'none.txt': ANPA_FIRST.replace('AP-WF-02-05-25 0924GMT<\n', ''),
    });
    const [feb30, none] = await dryRun(dir, ['feb30.txt', 'none.txt']);
    expect(feb30?.stories).toEqual([]);
    expect(feb30?.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['E_IMPORT_NO_DATE', 13, 'no date: the time of transmission "AP-WF-02-30-25 0924GMT<" names no day or time a calendar has'],
    ]);
    expect(none?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NO_DATE', 1]]);
    expect(none?.diagnostics[0]?.message).toContain('the ANPA 1312 message has no time of transmission after its text (such as "AP-WF-02-05-25 0924GMT")');
  });
});

describe('IPTC 7901', () => {
  it('imports each message of a capture as a story, with the lines of its warnings the capture\'s own', async () => {
    const dir = await site({ 'capture.txt': IPTC_CAPTURE });
    const [report] = await dryRun(dir, ['capture.txt']);
    const stories = report?.stories.map((s) => s.story) ?? [];
    expect(stories.map((s) => [s.fields.title, s.fields.date, s.fields.agency?.name])).toEqual([
      ['Envoys gather in Doha for truce talks', '2025-02-05T01:24:00+00:00', 'Xinhua'],
      ['Aid convoy reaches coastal camp', '2025-02-05T06:30:00+00:00', 'Xinhua'],
    ]);
    // 01:24 UTC is Feb. 5 in Doha (UTC+3): the dateline's day as printed.
    expect(stories[0]?.fields.dateline).toEqual({ city: 'Doha', country: 'Qatar', timezone: 'Asia/Qatar', date: '2025-02-05' });
    expect(stories[0]?.body).toBe('Mediators opened a new round of talks on Wednesday, officials said.\n\nThe talks were to run into the weekend, a spokesman said.');
    expect(stories[0]?.notes).toContain('the wire\'s IPTC 7901 header left out: "XIE0101 4 I 0230 WORLD /XIN"');
    // The town the gazetteer lacks is asked for at the line of its lead in the capture (line 11), not in the page made of it.
    expect(report?.diagnostics.map((d) => [d.code, d.line])).toEqual([['W_IMPORT_DATELINE_ZONE', 11]]);
  });

  it('reads a Chinese message, its paragraphs indented by ideographic spaces, a wrapped one joined', async () => {
    const zh = [
      'ZCZC',
      'XHC0201 3 I 0420 /XIN',
      '多哈斡旋方开启新一轮停火谈判',
      '\u3000\u3000新华社多哈2月5日电（记者李华）斡旋方5日在多哈开启新一轮谈判，',
      '讨论停火协议第二阶段安排。',
      '\u3000\u3000据官员介绍，谈判预计持续到周末。（完）',
      '050124 GMT FEB 25',
      'NNNN',
      '',
    ].join('\n');
    const dir = await site({ 'zh.txt': zh });
    const story = (await dryRun(dir, ['zh.txt']))[0]?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: '多哈斡旋方开启新一轮停火谈判', date: '2025-02-05T01:24:00+00:00', authors: ['李华'], agency: { name: '新华社' } });
    expect(story?.body).toBe('斡旋方5日在多哈开启新一轮谈判，讨论停火协议第二阶段安排。\n\n据官员介绍，谈判预计持续到周末。');
  });

  it('writes the records the build reads, the feeds carrying the instants of transmission', async () => {
    const dir = await site({ 'capture.txt': IPTC_CAPTURE.replace('MUWASI, Feb. 5', 'GAZA, Feb. 5') });
    const imported = await runCli(['import', 'capture.txt'], dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('capture.txt (text): 2 stories');
    expect(await recordText(dir)).toHaveLength(2);
    expect((await runCli(['build'], dir)).code).toBe(0);
    const rss = parseXml(await readFile(join(dir, 'dist', 'rss.xml'), 'utf8')) as { rss: { channel: { item: { title: string; pubDate: string }[] } } };
    expect(rss.rss.channel.item.map((i) => [i.title, new Date(i.pubDate).toISOString()])).toEqual([
      ['Aid convoy reaches coastal camp', '2025-02-05T06:30:00.000Z'],
      ['Envoys gather in Doha for truce talks', '2025-02-05T01:24:00.000Z'],
    ]);
  });

  it('leaves out a keyword over the headline and the mark of a take, and reads AP\'s AM and BJT slugs', async () => {
    const iptc = IPTC_CAPTURE.split('NNNN')[0]!.replace('XIE0101 4 I 0230 WORLD /XIN\n', 'XIE0101 4 I 0230\nMIDEAST-TRUCE-TALKS\n') + 'NNNN\n';
    const anpa = ANPA_FIRST.replace('^BC-ML--Gulf-Talks,0388<', '^BJT-ML--Gulf-Talks,0388<').replace(`${ETX}(Copyright`, `\tMORE\n${ETX}(Copyright`);
    const dir = await site({ 'iptc.txt': iptc, 'anpa.txt': anpa });
    const [a, b] = await dryRun(dir, ['iptc.txt', 'anpa.txt']);
    expect(a?.stories[0]?.story.fields.title).toBe('Envoys gather in Doha for truce talks');
    expect(a?.stories[0]?.story.notes).toContain('the wire\'s keyword left out: "MIDEAST-TRUCE-TALKS"');
    expect(b?.stories[0]?.story.notes).toEqual(expect.arrayContaining(['the wire\'s slug left out: "BJT-ML--Gulf-Talks,0388"', 'the wire\'s mark of a take left out: "MORE"']));
    expect(b?.stories[0]?.story.body).not.toContain('MORE');
  });

  it('leaves text that is no envelope to the page reader', async () => {
    const page = 'Envoys gather in Doha\nUpdated: 2025-02-05 09:24\n\nDOHA, Feb. 4 (Xinhua) -- Mediators met, officials said.\nZCZC is a word here.\n';
    const dir = await site({ 'page.txt': page });
    await writeFile(join(dir, 'page.txt'), page);
    const [report] = await dryRun(dir, ['page.txt']);
    expect(report?.stories[0]?.story.fields.date).toBe('2025-02-05 09:24');
    expect(report?.stories[0]?.story.notes.some((n) => n.includes('envelope') || n.includes('header'))).toBe(false);
  });
});
