/**
 * NewsML-G2 import: each fixture's WHOLE record (`recordText`) against a hand-checked `<case>.expected.md`,
 * with the importer's notes and diagnostics as whole lines; every record must pass the build's validation.
 * Fixtures are sample items written for these tests; the smaller cases are variations made here.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/core/config.js';
import { formatDiagnostic } from '../src/errors.js';
import { detectFormat } from '../src/importers/index.js';
import { importNewsml } from '../src/importers/newsml.js';
import { recordText } from '../src/importers/record.js';
import { makeSite, parseXml, runCli, SITE_CONFIG, expectImportAccepted, expectOneWholeRecord } from './_helpers.js';

const dir = fileURLToPath(new URL('./fixtures/import/newsml/', import.meta.url));
const fixture = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');
const config = resolveConfig(SITE_CONFIG, 'cfg', () => 1).config!;
const ITEM = fixture('item.newsml.xml');
const MESSAGE = fixture('message.newsml.xml');

function run(file: string, text = fixture(file)) {
  const result = importNewsml(text, { file, timezone: config.timezone });
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
}

const expectAccepted = expectImportAccepted;

/** A text item of the fixture's shape with its metadata and body given. */
function item(meta: string, content: string, body = '<inlineData contenttype="text/plain">Copy.</inlineData>', attrs = 'guid="urn:newsml:wire.example.com:20250205:X1" version="1"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ${attrs}>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
${meta}
  </itemMeta>
  <contentMeta>
${content}
  </contentMeta>
  <contentSet>${body}</contentSet>
</newsItem>
`;
}
const FIRST = '    <firstCreated>2025-02-05T09:24:00+08:00</firstCreated>';
const HEADLINE = '    <headline>Ferry service resumes after storm</headline>';

describe('NewsML-G2 fixtures → whole records', () => {
  it.each([
    {
      name: 'item',
      what: 'a newsItem alone: guid, offset dates, located with its country, printed dateline, infoSource and credit line, byline and creator, subjects and keywords, XHTML body with a picture, closing contributor line, rights',
      notes: [
        'editorial note (for the desk, not published) "Adds the Doha delegation in the third paragraph."',
        'subject without a name (medtop:20000638): not tags',
        'contributor "Ma Jun" (ctrol:editor): a desk\'s role, not a credit of the story',
        'usage terms (for the desk) "For subscribers\' websites only; not for archive resale."',
      ],
    },
    {
      name: 'message',
      what: 'a newsMessage: the package puts a picture item with the story (its largest web rendition, caption and credit line), NITF inline with a tagline of credits, a video item noted',
      notes: [
        'ninat:video item "urn:newsml:wire.example.com:20250203:VID0203": only stories and their pictures are imported',
        'no firstCreated: the first publication is versionCreated',
      ],
    },
  ])('$name: $what', ({ name, notes }) => {
    expectOneWholeRecord(run(`${name}.newsml.xml`), fixture(`${name}.expected.md`), notes);
  });

  it('dates the dateline at the city: 09:24 on Feb. 5 in Beijing is Feb. 4 in Washington, as the printed dateline says', () => {
    expect(run('item.newsml.xml').stories[0]!.fields.dateline).toEqual({ city: 'Washington', country: 'United States', timezone: 'America/New_York', date: '2025-02-04' });
  });

  it('is deterministic, and an item without a usable guid keeps its derived id through a correction of the text', () => {
    expect(recordText(run('item.newsml.xml').stories[0]!)).toBe(recordText(run('item.newsml.xml').stories[0]!));
    const spaced = ITEM.replace('guid="urn:newsml:wire.example.com:20250205:TALKS0204"', 'guid="local 0042"');
    const a = run('a.xml', spaced).stories[0]!;
    const b = run('b.xml', spaced.replace('settle technical details', 'settle the technical details')).stories[0]!;
    expect(a.fields.id).toMatch(/^imp-20250205-netanyahu-and-trump-meet-as-gaza-truce-talks-[0-9a-f]{8}$/);
    expect(b.fields.id).toBe(a.fields.id);
    expect(a.notes).toContain('guid "local 0042" has spaces or control characters: the id is derived from the content instead');
  });
});

describe('what a NewsML-G2 item says about time and release', () => {
  it('reads a stamp without an offset as the site\'s wall-clock time, and a versionCreated not after firstCreated is no update', () => {
    const r = run('w.xml', item(`    <firstCreated>2025-02-05T09:24:00</firstCreated>\n    <versionCreated>2025-02-05T09:10:00</versionCreated>`, HEADLINE));
    expect(r.stories[0]!.fields).toMatchObject({ date: '2025-02-05 09:24' });
    expect(r.stories[0]!.fields.updated).toBeUndefined();
    expect(r.stories[0]!.notes).toEqual([
      'firstCreated "2025-02-05T09:24:00" has no UTC offset: read as wall-clock time in the site\'s zone (Asia/Shanghai)',
      'versionCreated "2025-02-05T09:10:00" has no UTC offset: read as wall-clock time in the site\'s zone (Asia/Shanghai)',
      'versionCreated "2025-02-05 09:10" is earlier than the first publication: not used',
    ]);
  });

  it('refuses a stamp that is none, and an item with neither stamp, naming the line and the element', () => {
    const bad = run('bad.xml', item('    <firstCreated>5 Feb 2025</firstCreated>', HEADLINE));
    expect(bad.stories).toEqual([]);
    expect(bad.lines).toEqual(['bad.xml:5: newsItem/itemMeta/firstCreated: expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00", got "5 Feb 2025" (E_DATE_FORMAT)']);
    const undated = run('undated.xml', item('', HEADLINE));
    expect(undated.lines).toEqual([expect.stringMatching(/^undated\.xml:3: newsItem\/itemMeta\/firstCreated: no date: the item has neither an itemMeta\/firstCreated nor a versionCreated, nor a contentMeta\/contentCreated .*\(E_IMPORT_NO_DATE\)$/)]);
  });

  it('refuses a wall-clock stamp the site\'s zone repeats, as the other importers do', () => {
    const r = importNewsml(item('    <firstCreated>2025-11-02T01:30:00</firstCreated>', HEADLINE), { file: 'ny.xml', timezone: 'America/New_York' });
    expect(r.stories).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_DATE_AMBIGUOUS']);
  });

  it('writes an embargoed item as a draft dated when the embargo lifts', () => {
    const r = run('e.xml', item(`${FIRST}\n    <embargoed>2025-02-06T00:01:00Z</embargoed>`, HEADLINE));
    const story = r.stories[0]!;
    expect(story.fields).toMatchObject({ draft: true, date: '2025-02-06T00:01:00Z' });
    expect(story.notes).toContain('embargoed until 2025-02-06T00:01:00Z: written as a draft; remove "draft: true" once the embargo is lifted');
    expectAccepted(story);
  });

  it('writes no record of a withdrawn item, says so at its pubStatus, and names it for the record imported before', () => {
    const r = run('kill.xml', ITEM.replace('stat:usable', 'stat:canceled'));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([expect.stringMatching(/^kill\.xml:16: newsItem\/itemMeta\/pubStatus@qcode: .*canceled.*\(E_IMPORT_NOT_PUBLISHED\)$/)]);
    expect(r.withdrawn).toEqual({ id: 'urn:newsml:wire.example.com:20250205:TALKS0204', status: 'canceled' });
  });
});

describe('a NewsML-G2 item\'s credits, dateline and body', () => {
  it('takes the creators as the authors when there is no byline, and notes a creator the byline leaves out', () => {
    const creators = run('c.xml', item(FIRST, `${HEADLINE}\n    <creator><name>Ana Ruiz</name></creator>\n    <creator literal="Tom Hale"/>`));
    expect(creators.stories[0]!.fields.authors).toEqual(['Ana Ruiz', 'Tom Hale']);
    const byline = run('b.xml', item(FIRST, `${HEADLINE}\n    <by>By Ana Ruiz</by>\n    <creator role="crol:photographer"><name>Tom Hale</name></creator>`));
    expect(byline.stories[0]!.fields.authors).toEqual(['Ana Ruiz']);
    expect(byline.stories[0]!.notes).toContain('creator "Tom Hale" (crol:photographer) is not in the byline: not an author');
  });

  it('reads the city from the printed dateline when nothing is located, and keeps located over a printed dateline naming another city', () => {
    const printed = run('p.xml', item(FIRST, `${HEADLINE}\n    <dateline>TOKYO, Feb. 4</dateline>`)).stories[0]!;
    expect(printed.fields.dateline).toEqual({ city: 'Tokyo', country: 'Japan', timezone: 'Asia/Tokyo', date: '2025-02-04' });
    const other = run('o.xml', item(FIRST, `    <located><name>Osaka</name></located>\n${HEADLINE}\n    <dateline>TOKYO, Feb. 4</dateline>`)).stories[0]!;
    expect(other.fields.dateline).toMatchObject({ city: 'Osaka', timezone: 'Asia/Tokyo' });
    expect(other.fields.dateline?.date).toBeUndefined();
    expect(other.notes).toContain('the printed dateline "TOKYO, Feb. 4" names another city than located "Osaka": its date is not used');
  });

  it('takes the headline of the NITF the content holds where the item gives none, and a byline printed over the story (Scoop\'s items: refused for want of a headline, the byline left in the body)', () => {
    const nitf = '<inlineXML contenttype="application/nitf+xml"><nitf><head><title>Ferry service resumes after storm</title></head><body><body.head><byline>By<person>Staff Reporter</person></byline></body.head>' +
      '<body.content><p>By Jane Roe</p><p>The ferry ran again on Wednesday, the operator said.</p></body.content></body></nitf></inlineXML>';
    const r = run('s.xml', item(FIRST, '', nitf));
    const story = r.stories[0]!;
    expect([story.fields.title, story.fields.authors, story.body]).toEqual(['Ferry service resumes after storm', ['Jane Roe'], 'The ferry ran again on Wednesday, the operator said.']);
    expect(story.notes).toContain('no contentMeta/headline: the headline is the NITF content\'s (head/title) "Ferry service resumes after storm"');
    // A byline over the story naming another than the item credits: kept out of the body, noted.
    const other = run('o.xml', item(FIRST, `${HEADLINE}\n    <by>By Ana Ruiz</by>`, nitf)).stories[0]!;
    expect([other.fields.authors, other.body]).toEqual([['Ana Ruiz'], 'The ferry ran again on Wednesday, the operator said.']);
    expect(other.notes).toContain('the byline over the story "By Jane Roe" names "Jane Roe", whom the item does not credit: not an author');
  });

  it('reads no city from a placeholder located (`No-Data-Available`) or a printed dateline that is a date alone (`MARCH 04, 2013`), as IPTC\'s video sample gives them, noted', () => {
    const r = run('v.xml', item(FIRST, `    <located literal="No-Data-Available"><name>No-Data-Available</name></located>\n${HEADLINE}\n    <dateline>FEBRUARY 04, 2025</dateline>`));
    expect([r.lines, r.stories[0]!.fields.dateline]).toEqual([[], undefined]);
    expect(r.stories[0]!.notes).toEqual(expect.arrayContaining(['located "No-Data-Available" names no place: not used', 'dateline "FEBRUARY 04, 2025" names no city: not used']));
  });

  it('reads a located name that carries its state or country (`New York, NY`, as IPTC\'s own samples write it), and keeps one the gazetteer lacks whole', () => {
    const ny = run('ny.xml', item(FIRST, `    <located qcode="geoloc:NYC"><name>New York, NY</name><broader type="cptype:country"><name>United States</name></broader></located>\n${HEADLINE}`));
    expect(ny.lines).toEqual([]);
    expect(ny.stories[0]!.fields.dateline).toEqual({ city: 'New York', country: 'United States', timezone: 'America/New_York' });
    const moscow = run('m.xml', item(FIRST, `    <located><name>Moscow, Idaho</name></located>\n${HEADLINE}`));
    expect(moscow.stories[0]!.fields.dateline).toEqual({ city: 'Moscow, Idaho' });
    expect(moscow.lines).toEqual([expect.stringContaining('dateline city "Moscow, Idaho" is not in the gazetteer')]);
    // (ANSA's: Rome in its own language, its region and country too; a town the gazetteer lacks, its country's one zone named, not taken.)
    const rome = run('r.xml', item(FIRST, `    <located><name>Roma</name><broader type="cptype:country"><name>Italia</name></broader><broader type="cptype:region"><name>Lazio</name></broader></located>\n${HEADLINE}`));
    expect([rome.lines, rome.stories[0]!.fields.dateline]).toEqual([[], { city: 'Roma', country: 'Italia', timezone: 'Europe/Rome' }]);
    const town = run('t.xml', item(FIRST, `    <located><name>Grosseto</name><broader type="cptype:country"><name>Italia</name></broader></located>\n${HEADLINE}`));
    expect(town.stories[0]!.fields.dateline).toEqual({ city: 'Grosseto', country: 'Italia' });
    expect(town.lines).toEqual(['t.xml: dateline.timezone: warning: dateline city "Grosseto" is not in the gazetteer, so its time zone is unknown: add "dateline.timezone" (an IANA zone) to the record (every place it knows in "Italia" is in Europe/Rome) (W_IMPORT_DATELINE_ZONE)']);
  });

  it('credits a creator that is the agency (Reuters\' items: `<creator literal="Reuters"/>`) as the agency, no author, and reads a printed dateline that is a time as no city', () => {
    const reuters = run('r.xml', item(FIRST, `    <infoSource role="cRole:origProv" literal="Reuters"/>\n    <creator literal="Reuters"/>\n    <dateline>2025-02-05 01:24:00 GMT+00:00</dateline>\n${HEADLINE}`));
    expect(reuters.stories[0]!.fields.authors).toBeUndefined();
    expect(reuters.stories[0]!.fields.agency).toEqual({ name: 'Reuters' });
    expect(reuters.stories[0]!.fields.dateline).toBeUndefined();
    expect(reuters.stories[0]!.notes).toEqual(expect.arrayContaining(['creator "Reuters" names the agency: no author', 'dateline "2025-02-05 01:24:00 GMT+00:00" names no city: not used']));
    // (A creator the item's sources do not name, and no agency's name, is the author, as before.)
    expect(run('p.xml', item(FIRST, `    <infoSource literal="Reuters"/>\n    <creator literal="Tom Hale"/>\n${HEADLINE}`)).stories[0]!.fields.authors).toEqual(['Tom Hale']);
  });

  it('dates an archive\'s item, its itemMeta stamps empty, by contentCreated and contentModified, noted (STT\'s archive), and takes no dash after a credit line\'s agency', () => {
    const archived = run('a.xml', item('    <firstCreated/>\n    <versionCreated/>', `    <contentCreated>2025-02-05T09:24:00+08:00</contentCreated>\n    <contentModified>2025-02-05T11:00:00+08:00</contentModified>\n    <creditline>STT&#8211;</creditline>\n${HEADLINE}`));
    expect(archived.lines).toEqual([]);
    expect(archived.stories[0]!.fields).toMatchObject({ date: '2025-02-05T09:24:00+08:00', updated: '2025-02-05T11:00:00+08:00', agency: { name: 'STT' } });
    expect(archived.stories[0]!.notes).toContain('no firstCreated or versionCreated: the first publication is contentCreated, when the content was made');
    // (With none of the three, refused as before, naming contentCreated too.)
    expect(run('n.xml', item('', HEADLINE)).lines).toEqual([expect.stringContaining('nor a contentMeta/contentCreated')]);
  });

  it('reads NewsML 1.x (AFP\'s, ANA-MPE\'s): the item without its revision for the id, the news lines, the provider, the origin, keywords, the NITF text and the photo component', () => {
    const r = run('agency.newsml1.xml');
    expect(r.lines).toEqual([]);
    expect(r.stories.map((s) => recordText(s))).toEqual([fixture('agency.newsml1.expected.md')]);
    expect(r.stories[0]!.notes).toEqual([
      'PublicIdentifier "urn:newsml:wire.example.com:20250205T012000Z:TX-DOH-AB123:2": the id is the item\'s without its revision, which a corrected revision keeps',
      'the agency\'s sign-off (its staff\'s initials) "jd/th": not reader text, not used',
    ]);
    expectAccepted(r.stories[0]!);
    expect(detectFormat(fixture('agency.newsml1.xml'))).toBe('newsml');
    // (Paragraphs of HTML as text in a CDATA section, as ANA-MPE sends them.)
    const cdata = run('c.xml', fixture('agency.newsml1.xml').replace(/<nitf>[\s\S]*<\/nitf>/u, '<![CDATA[<P>Mediators opened a new round of talks.</P><P>The talks run into the weekend.</P>]]>'));
    expect(cdata.stories[0]!.body).toBe('Mediators opened a new round of talks.\n\nThe talks run into the weekend.');
    // (A withdrawn item: no record, the one imported before named by the same id.)
    const killed = run('k.xml', fixture('agency.newsml1.xml').replace('<Status FormalName="Usable"/>', '<Status FormalName="Canceled"/>'));
    expect(killed.stories).toEqual([]);
    expect(killed.withdrawn).toEqual({ id: 'urn:newsml:wire.example.com:20250205T012000Z:TX-DOH-AB123', status: 'canceled' });
    expect(killed.lines).toEqual([expect.stringMatching(/^k\.xml:25: NewsItem\/NewsManagement\/Status: not published: the agency marked this story canceled; .*\(E_IMPORT_NOT_PUBLISHED\)$/)]);
  });

  it('reads the dateline from the body\'s lead when the item gives none', () => {
    const story = run('l.xml', item(FIRST, HEADLINE, '<inlineData contenttype="text/plain">SEOUL, Feb. 5 (Yonhap) -- Ferries sailed again on Wednesday.\n\nMore copy.</inlineData>')).stories[0]!;
    expect(story.fields.dateline).toMatchObject({ city: 'Seoul', timezone: 'Asia/Seoul', date: '2025-02-05' });
    expect(story.fields.agency).toEqual({ name: 'Yonhap' });
    expect(story.body).toBe('Ferries sailed again on Wednesday.\n\nMore copy.');
  });

  it('reads a body of HTML as inline data, and notes the contents it does not use', () => {
    const story = run('h.xml', item(FIRST, HEADLINE, '<inlineData contenttype="text/html">&lt;p&gt;One &lt;b&gt;two&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Three.&lt;/p&gt;</inlineData><inlineData contenttype="text/plain">One two. Three.</inlineData>')).stories[0]!;
    expect(story.body).toBe('One two.\n\nThree.');
    expect(story.notes).toContain('another content (inlineData text/plain): not used');
  });

  it('takes itemMeta/title for a missing headline, noted, and refuses an item with neither', () => {
    const titled = run('t.xml', item(`${FIRST}\n    <title>Ferry service resumes</title>`, '')).stories[0]!;
    expect(titled.fields.title).toBe('Ferry service resumes');
    expect(titled.notes).toContain('no contentMeta/headline: the headline is itemMeta/title "Ferry service resumes"');
    const none = run('n.xml', item(FIRST, '    <headline>\u200b</headline>'));
    expect(none.lines).toEqual([expect.stringMatching(/^n\.xml:8: newsItem\/contentMeta\/headline: no headline: .*\(E_IMPORT_NO_HEADLINE\)$/)]);
  });

  it('leaves out a language the build would refuse, with a note', () => {
    const story = run('lang.xml', ITEM.replace('<language tag="en"/>', '<language tag="（完）"/>')).stories[0]!;
    expect(story.fields.language).toBeUndefined();
    expect(story.notes).toContain('language "（完）" is no language tag: not used');
    expectAccepted(story);
  });
});

describe('a NewsML-G2 message', () => {
  it('imports each story; with no package and two stories, the pictures go with neither, noted', () => {
    const two = MESSAGE.replace(/<packageItem[\s\S]*?<\/packageItem>/, '').replace('</itemSet>', `${item(FIRST, HEADLINE).replace(/^<\?xml[^>]*>\n/, '').replace(' xmlns="http://iptc.org/std/nar/2006-10-01/"', '')}</itemSet>`);
    const r = run('two.xml', two);
    expect(r.lines).toEqual([]);
    expect(r.stories.map((s) => s.fields.title)).toEqual(['Gaza City stalls keep trading through power cuts', 'Ferry service resumes after storm']);
    for (const s of r.stories) {
      expect(s.fields.image).toBeUndefined();
      expect(s.notes).toContain('no packageItem puts the message\'s 1 picture with this story: not used');
      expectAccepted(s);
    }
  });

  it('with no package and one story, its pictures are the message\'s', () => {
    const r = run('one.xml', MESSAGE.replace(/<packageItem[\s\S]*?<\/packageItem>/, ''));
    expect(r.stories[0]!.fields.image?.url).toBe('https://img.example.com/2025/02/03/gaza-power.jpg');
  });

  it('says a message of pictures alone holds no story, and a document of another vocabulary is none', () => {
    const pictures = run('pics.xml', MESSAGE.replace(/<newsItem guid="urn:newsml:wire\.example\.com:20250203:GAZA0203"[\s\S]*?<\/newsItem>/, ''));
    expect(pictures.lines).toEqual(['pics.xml:1: this NewsML-G2 holds no story (no newsItem of text, itemClass ninat:text), only: packageItem, ninat:picture newsItem, ninat:video newsItem; Dateline imports stories; pass --format text, nitf, newsml, ninjs or feed if the detection is wrong (E_IMPORT_FORMAT)']);
    expect(run('rss.xml', '<rss version="2.0"><channel/></rss>').lines).toEqual(['rss.xml:1: this is XML but not NewsML-G2 (the root element is <rss>, not <newsItem> or <newsMessage>); pass --format text, nitf, newsml, ninjs or feed if the detection is wrong (E_IMPORT_FORMAT)']);
  });

  it('names the line where a truncated file breaks', () => {
    const r = run('cut.xml', ITEM.slice(0, ITEM.indexOf('</contentMeta>')));
    expect(r.stories).toEqual([]);
    expect(r.lines).toEqual([expect.stringMatching(/^cut\.xml:39: the XML is not well-formed: the file ends inside <contentMeta> .*looks truncated \(E_IMPORT_XML\)$/)]);
  });
});

describe('detecting NewsML-G2', () => {
  it('knows an item and a message in any prefix, and NITF inside an item is the item\'s', () => {
    expect(detectFormat(ITEM)).toBe('newsml');
    expect(detectFormat(MESSAGE)).toBe('newsml');
    expect(detectFormat('<nar:newsItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/" guid="g"></nar:newsItem>')).toBe('newsml');
    expect(detectFormat('<?xml version="1.0"?>\n<nitf><head/><body/></nitf>')).toBe('nitf');
    expect(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('feed');
    expect(detectFormat('<!-- a drawing -->\n<svg xmlns="http://www.w3.org/2000/svg"/>')).toEqual({ unknown: 'this is XML but not copy Dateline reads (the root element is <svg>: NITF\'s <nitf>, NewsML-G2\'s <newsItem> or <newsMessage>, or a feed\'s <rss> or Atom <feed>)' });
  });

  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('takes a lead printed for another city than the one located as the dateline, so that the build prints one (Reuters\' located its Damascus story at its Bangalore desk: both were printed)', async () => {
    const s = await makeSite({});
    cleanup = s.cleanup;
    const body = '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>DAMASCUS (Reuters) - The ferry ran again on Wednesday, the port said.</p><p>More crossings are planned.</p></body></html></inlineXML>';
    await writeFile(join(s.dir, 'r.xml'), item(FIRST, `    <located><name>Bangalore</name><broader type="cptType:5"><name>India</name></broader></located>\n${HEADLINE}`, body));
    const imported = await runCli(['import', 'r.xml'], s.dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('note      the story prints the dateline "DAMASCUS", not "Bangalore" as given: the printed one is the dateline');
    expect((await runCli(['build'], s.dir)).code).toBe(0);
    const feed = JSON.parse(await readFile(join(s.dir, 'dist', 'feed.json'), 'utf8')) as { items: { content_html: string; _dateline?: { city: string } }[] };
    const html = feed.items[0]?.content_html ?? '';
    expect(html.match(/DAMASCUS/g)).toHaveLength(1);
    expect(html).not.toMatch(/BANGALORE/i);
    expect(feed.items[0]?._dateline?.city).toBe('Damascus');
  });

  it('imports a directory of .newsml and .xml items, and the build puts their credits and pictures in the feeds', async () => {
    const s = await makeSite({});
    cleanup = s.cleanup;
    await mkdir(join(s.dir, 'wire'));
    await copyFile(join(dir, 'item.newsml.xml'), join(s.dir, 'wire', 'talks.newsml'));
    await copyFile(join(dir, 'message.newsml.xml'), join(s.dir, 'wire', 'gaza.xml'));
    const imported = await runCli(['import', 'wire'], s.dir);
    expect(imported.stderr).not.toMatch(/error/);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('talks.newsml (newsml): 1 story');
    expect(imported.stdout).toContain('gaza.xml (newsml): 1 story');
    expect(((await readdir(join(s.dir, 'articles'), { recursive: true })) as string[]).filter((n) => n.endsWith('.md'))).toHaveLength(2);
    const built = await runCli(['build'], s.dir);
    expect(built.code).toBe(0);
    const rss = parseXml(await readFile(join(s.dir, 'dist', 'rss.xml'), 'utf8')) as { rss: { channel: { item: Record<string, unknown>[] } } };
    const items = rss.rss.channel.item;
    const gaza = items.find((i) => i['title'] === 'Gaza City stalls keep trading through power cuts');
    expect(gaza?.['guid']).toMatchObject({ '#text': 'urn:newsml:wire.example.com:20250203:GAZA0203' });
    expect(JSON.stringify(gaza?.['media:content'])).toContain('DAWOUD ABU ALKAS/REUTERS');
    const talks = items.find((i) => i['title'] === 'Netanyahu and Trump meet as Gaza truce talks loom');
    expect(talks?.['dc:creator']).toEqual(['Li Wen']);
    expect(talks?.['pubDate']).toBe('Wed, 05 Feb 2025 01:24:00 GMT');
  });

  it('a canceled version of an imported item names its record, and with --force takes it down', async () => {
    const s = await makeSite({});
    cleanup = s.cleanup;
    await copyFile(join(dir, 'item.newsml.xml'), join(s.dir, 'talks.xml'));
    expect((await runCli(['import', 'talks.xml'], s.dir)).code).toBe(0);
    const [record] = ((await readdir(join(s.dir, 'articles'), { recursive: true })) as string[]).filter((n) => n.endsWith('.md'));
    await writeFile(join(s.dir, 'kill.xml'), ITEM.replace('stat:usable', 'stat:canceled'));
    const notice = await runCli(['import', 'kill.xml'], s.dir);
    expect(notice.code).toBe(1);
    expect(notice.stderr).toContain(`kill.xml: the story "urn:newsml:wire.example.com:20250205:TALKS0204" is published from articles/${record}: take it down (draft: true)`);
    const forced = await runCli(['import', '--force', 'kill.xml'], s.dir);
    expect([forced.code, forced.stderr]).toEqual([0, expect.stringContaining('W_IMPORT_TAKEN_DOWN')]);
    expect(await readFile(join(s.dir, 'articles', record!), 'utf8')).toMatch(/^draft: true$/m);
  });

  it('refuses --format text on NewsML-G2, naming the format', async () => {
    const s = await makeSite({});
    cleanup = s.cleanup;
    await copyFile(join(dir, 'item.newsml.xml'), join(s.dir, 'talks.xml'));
    const r = await runCli(['import', '--format', 'text', 'talks.xml'], s.dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('talks.xml:1: this is NewsML-G2, not raw text: import it without --format text (E_IMPORT_FORMAT)');
  });
});

describe('a NewsML-G2 package of several stories', () => {
  /** The message's story and picture, copied under another guid (`B`), with the package given. */
  function twoStories(groups: string): string {
    const story = /<newsItem guid="urn:newsml:wire\.example\.com:20250203:GAZA0203"[\s\S]*?<\/newsItem>/.exec(MESSAGE)![0];
    const picture = /<newsItem guid="urn:newsml:wire\.example\.com:20250203:PIC0203"[\s\S]*?<\/newsItem>/.exec(MESSAGE)![0];
    const b = (s: string): string => s.replaceAll('0203"', '0203B"').replace('stalls keep trading', 'stalls trade on').replace('gaza-power.jpg', 'gaza-power-b.jpg');
    const ref = (id: string): string => `<itemRef residref="urn:newsml:wire.example.com:20250203:${id}"/>`;
    return MESSAGE.replace(/<packageItem[\s\S]*?<\/packageItem>/, `<packageItem guid="p" version="1"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta><groupSet root="G0">${groups.replace(/\{(\w+)\}/g, (_, id: string) => ref(id))}</groupSet></packageItem>`)
      .replace('</itemSet>', `${b(story)}\n${b(picture)}\n</itemSet>`);
  }

  it('gives each story the picture of its own group', () => {
    const r = run('top.xml', twoStories('<group id="G0"><groupRef idref="G1"/><groupRef idref="G2"/></group><group id="G1">{GAZA0203}{PIC0203}</group><group id="G2">{GAZA0203B}{PIC0203B}</group>'));
    expect(r.stories.map((s) => s.fields.image?.url)).toEqual(['https://img.example.com/2025/02/03/gaza-power.jpg', 'https://img.example.com/2025/02/03/gaza-power-b.jpg']);
    expect(r.stories.map((s) => s.fields.id)).toEqual(['urn:newsml:wire.example.com:20250203:GAZA0203', 'urn:newsml:wire.example.com:20250203:GAZA0203B']);
  });

  it('gives no story a picture of a group holding several stories, noted', () => {
    const r = run('one-group.xml', twoStories('<group id="G0">{GAZA0203}{PIC0203}{GAZA0203B}{PIC0203B}</group>'));
    for (const s of r.stories) {
      expect(s.fields.image).toBeUndefined();
      expect(s.notes).toContain('the package groups this story with other stories only: none of their pictures is its own, not used');
    }
  });
});

describe('NewsML-G2 as agencies shape it', () => {
  it('takes the authors from the byline of the NITF it carries when its contentMeta names none, and names a few of many coded subjects', () => {
    const codes = ['N2:US', 'M:1QD', 'ap:a1', 'ap:b2', 'ap:c3', 'ap:d4', 'ap:e5'].map((q) => `<subject qcode="${q}"/>`).join('');
    const nitf = `<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head>
      <byline>By <person>JANE DOE</person> and <person>TOM HALE</person></byline><byline>Associated Press</byline></body.head>
      <body.content><block id="Main"><p>WASHINGTON (AP) — Negotiators left without a deal late Tuesday.</p><p>They meet again on Thursday.</p></block></body.content></body></nitf></inlineXML>`;
    const story = run('ap.xml', item(FIRST, `    <located><name>Washington</name><broader type="loctype:country"><name>United States</name></broader></located>\n    <creditline>AP</creditline>\n${HEADLINE}\n    ${codes}`, nitf)).stories[0]!;
    expect(story.fields.authors).toEqual(['Jane Doe', 'Tom Hale']);
    expect(story.fields.agency).toEqual({ name: 'AP' });
    expect(story.body).toBe('Negotiators left without a deal late Tuesday.\n\nThey meet again on Thursday.');
    expect(story.notes).toContain('subjects without a name (N2:US, M:1QD, ap:a1, ap:b2, ap:c3 and 2 more): not tags');
    expectAccepted(story);
  });

  it('leaves out the headline the XHTML body repeats at its head, as ninjs and NITF bodies', () => {
    const story = run('h.xml', ITEM.replace('<body>\n          <p>WASHINGTON', '<body>\n          <h1>Netanyahu and Trump meet as Gaza truce talks loom.</h1>\n          <p>WASHINGTON')).stories[0]!;
    expect(recordText(story)).toBe(fixture('item.expected.md'));
    expect(story.notes).toContain('the body\'s first heading repeats the headline: left out');
  });

  it('leaves out the sign-off closing AFP copy (its staff\'s initials), noted', () => {
    const xhtml = '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Paris (AFP) - Museums will stay open later on Fridays.</p><p>The city said so on Wednesday.</p><p>bur-jz/mm</p></body></html></inlineXML>';
    const story = run('afp.xml', item(FIRST, `    <infoSource literal="AFP"/>\n    <creator literal="Marie Dupont"/>\n${HEADLINE}`, xhtml)).stories[0]!;
    expect(story.body).toBe('Museums will stay open later on Fridays.\n\nThe city said so on Wednesday.');
    expect(story.fields).toMatchObject({ authors: ['Marie Dupont'], agency: { name: 'AFP' }, dateline: { city: 'Paris', timezone: 'Europe/Paris' } });
    expect(story.notes).toContain('the agency\'s sign-off (its staff\'s initials) "bur-jz/mm": not reader text, not used');
  });
});
