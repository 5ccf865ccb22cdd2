/**
 * Saved e-mail messages (`.eml`), through `dateline import`: decoded (quoted-printable, base64, charsets,
 * encoded words, an HTML part alone), a message forwarded as an attachment read as the story, attachments
 * noted, lines said as the file's, and a message whose structure cannot be read refused with the others
 * imported. Read as it was, such a message's headline was `Subject: =?UTF-8?Q?…` and its story held `=E2=80=94`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles, loadConfig } from '../src/index.js';
import type { FileReport } from '../src/importers/index.js';
import { makeSite, parseXml, runCli } from './_helpers.js';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

async function site(files: Record<string, string | Uint8Array>): Promise<string> {
  const s = await makeSite(files);
  cleanups.push(s.cleanup);
  return s.dir;
}

/** The dry run's reports of the files named, in a site holding `files`. */
async function dryRun(files: Record<string, string | Uint8Array>, names = Object.keys(files)): Promise<FileReport[]> {
  const dir = await site(files);
  const config = await loadConfig('dateline.config.json', dir);
  return importFiles(names, { config, cwd: dir, dryRun: true });
}

/** A message as a mail client saves it: CRLF line ends. */
const message = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n`;
/** The 1-based line of the first line of `lines` that starts with `start`. */
const lineOf = (lines: readonly string[], start: string): number => lines.findIndex((l) => l.startsWith(start)) + 1;

const TRANSPORT = [
  'Return-Path: <wire@agency.example>',
  'Received: from relay.agency.example by mx.paper.example; Wed, 05 Feb 2025 09:24:07 +0800',
  'Message-ID: <20250205012400.77@agency.example>',
  'MIME-Version: 1.0',
];

/** A wire desk's message header: the transport fields, From, Subject, Date, then `fields` (its content's) and the blank line. */
const wireHead = (subject: string, date: string, ...fields: string[]): string[] =>
  [...TRANSPORT, 'From: Wire Desk <wire@agency.example>', `Subject: ${subject}`, `Date: ${date}`, ...fields, ''];

/** Quoted-printable text beside an HTML alternative, a photo attached, the subject in folded encoded words. */
const MIXED = [
  ...TRANSPORT,
  'From: =?UTF-8?Q?Wire_Desk_=E2=80=93_Agency?= <wire@agency.example>',
  'To: desk@paper.example',
  'Subject: =?UTF-8?Q?Envoys_gather_in_Doha_=E2=80=94_truce_talks_?=',
  '  =?UTF-8?Q?resume?=',
  'Date: Wed, 05 Feb 2025 09:24:00 +0800',
  'Content-Type: multipart/mixed; boundary="mix-1"',
  '',
  '--mix-1',
  'Content-Type: multipart/alternative; boundary="alt-1"',
  '',
  '--alt-1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'MUWASI, Gaza Strip (Xinhua) -- Mediators opened a new round of talks on Wednesday=',
  ' =E2=80=94 the third this year =E2=80=94 officials said.',
  '',
  'The talks were to run into the weekend, a spokesman said. Enditem',
  '--alt-1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>The HTML alternative, not read when the message has text.</p>',
  '--alt-1--',
  '',
  '--mix-1',
  'Content-Type: image/jpeg; name="talks.jpg"',
  'Content-Disposition: attachment; filename="talks.jpg"',
  'Content-Transfer-Encoding: base64',
  '',
  '/9j/4AAQSkZJRgABAQ==',
  '--mix-1--',
];

describe('saved e-mail messages', () => {
  it('decodes quoted-printable text and encoded words, prefers the text to the HTML, notes an attachment, and says the file\'s lines', async () => {
    const [report] = await dryRun({ 'story.eml': message(MIXED) });
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha — truce talks resume', date: '2025-02-05T09:24:00+08:00', agency: { name: 'Xinhua' }, dateline: { city: 'Muwasi' } });
    // The soft line break joined, the dashes decoded; the HTML alternative and the end mark not in it.
    expect(story?.body).toBe('Mediators opened a new round of talks on Wednesday — the third this year — officials said.\n\nThe talks were to run into the weekend, a spokesman said.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the e-mail\'s attachment left out: "talks.jpg" (image/jpeg); a record\'s picture is a URL: put it where the site serves pictures and give image.url',
      'the e-mail\'s header left out: "From: Wire Desk – Agency <wire@agency.example>"',
    ]));
    // The city the gazetteer lacks is said at the file's line of its paragraph, not the decoded text's.
    const zone = report?.diagnostics.find((d) => d.code === 'W_IMPORT_DATELINE_ZONE');
    expect(zone?.line).toBe(lineOf(MIXED, 'MUWASI'));
  });

  it('decodes a Chinese desk\'s GB2312, sent 8-bit with its subject in base64 words (refused as not UTF-8 before)', async () => {
    const head = [...TRANSPORT, 'From: Xinhua <wire@xinhua.example>', 'Subject: =?GB2312?B?0rvUwrfdzu+827Gjs9bGvc7I?=', 'Date: Wed, 05 Feb 2025 09:30:00 +0800', 'Content-Type: text/plain; charset=gb2312', 'Content-Transfer-Encoding: 8bit', ''];
    // "新华社北京2月5日电 国家统计局5日发布数据，一月份居民消费价格保持平稳。", a blank line, "分析人士说，春节因素推高了部分食品价格。", in GB2312.
    const body = Buffer.from('0MK7qsnnsbG+qTLUwjXI1bXnILn6vNLNs7zGvtY1yNW3orK8yv2+3aOs0rvUwrfdvtPD8c/7t9G827jxsaOz1sa9zsihow0KDQq31s72yMvKv8u1o6y0ur3a0vLL2M3GuN/By7K/t9bKs8a3vNu48aGjDQo=', 'base64');
    const [report] = await dryRun({ 'xinhua.eml': Buffer.concat([Buffer.from(message(head).slice(0, -2)), Buffer.from('\r\n'), body]) });
    expect(report?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: '一月份物价保持平稳', date: '2025-02-05T09:30:00+08:00', language: 'zh', agency: { name: '新华社' }, dateline: { city: '北京', timezone: 'Asia/Shanghai', date: '2025-02-05' } });
    expect(story?.body).toBe('国家统计局5日发布数据，一月份居民消费价格保持平稳。\n\n分析人士说，春节因素推高了部分食品价格。');
  });

  it('reads Windows-1252 as Windows-1252: its quotation marks and dashes, in the text and in the subject\'s words (Node.js 20 decoded them into control characters, which the build drops)', async () => {
    const lines = [
      ...wireHead('=?windows-1252?Q?Envoys_gather_in_Doha_=96_truce_talks?=', 'Wed, 05 Feb 2025 09:24:00 +0800', 'Content-Type: text/plain; charset="Windows-1252"', 'Content-Transfer-Encoding: quoted-printable'),
      'DOHA, Feb. 5 (Xinhua) =96 Mediators opened the envoys=92 talks on Wednesday, officials said.',
      '',
      'A spokesman called the round =93the last chance=94 for a deal.',
    ];
    const [report] = await dryRun({ 'cp1252.eml': message(lines) });
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha – truce talks', dateline: { city: 'Doha' }, agency: { name: 'Xinhua' } });
    expect(story?.body).toBe('Mediators opened the envoys’ talks on Wednesday, officials said.\n\nA spokesman called the round “the last chance” for a deal.');
    expect(story?.notes).toContain('the e-mail\'s text read as Windows-1252 where it was decoded into control characters: 5 characters (its quotation marks and dashes)');
  });

  it('reads a subject in UTF-8 that its words label Windows-1252 as UTF-8, noted; one in Latin-1 as it is', async () => {
    // (As a mail client sent `TravTalk’s`: the UTF-8 bytes of the apostrophe, unescaped, in a word labelled windows-1252.)
    const head = (subject: string): Buffer => Buffer.from(message([...wireHead(subject, 'Wed, 05 Feb 2025 09:24:00 +0800', 'Content-Type: text/plain; charset=utf-8'), 'DOHA, Feb. 5 (Xinhua) -- Mediators met on Wednesday, officials said.']), 'latin1');
    const utf8 = Buffer.concat([Buffer.from('=?windows-1252?Q?Envoys'), Buffer.from([0xe2, 0x80, 0x99]), Buffer.from('_talks_resume?=')]).toString('latin1');
    const [mislabelled] = await dryRun({ 'a.eml': head(utf8) });
    expect(mislabelled?.stories[0]?.story.fields.title).toBe('Envoys’ talks resume');
    expect(mislabelled?.stories[0]?.story.notes.some((n) => n.startsWith('the e-mail\'s subject held UTF-8 under another charset\'s label: read as UTF-8'))).toBe(true);
    const [latin1] = await dryRun({ 'b.eml': head('=?iso-8859-1?Q?Z=FCrich_talks_resume?=') });
    expect(latin1?.stories[0]?.story.fields.title).toBe('Zürich talks resume');
    expect(latin1?.stories[0]?.story.notes.some((n) => n.includes('UTF-8 under another'))).toBe(false);
  });

  it('reads a wire\'s labelled head (Headline:, Abstract:) over the subject, its codes left out, and ends the copy at its sign-off, the signature and notice after it left out (AAP\'s layout: real copy came out as headings)', async () => {
    const lines = [
      ...wireHead('Weekend golf notes', 'Tue, 10 Mar 2015 14:17:01 -0700', 'Content-Type: text/plain; charset=utf-8'),
      'SDB',
      '',
      'Headline: Harbour Open leader holds on',
      '',
      'Abstract: Jane Roe kept a one-shot lead through the second round',
      'on a windy day at the harbour course.',
      '',
      'Gol Harbour',
      'By Tom Hale',
      '',
      'SYDNEY, March 10 AAP – Jane Roe kept her lead at the Harbour Open on Tuesday despite gusts off the water.',
      'Headline: a line of the story keeps its words.',
      'Roe said the wind had dropped by the back nine.',
      'AAP th/',
      'Tom Hale',
      'Golf Writer',
      'Ph: +61 2 5550 0100',
      '',
      'This email may contain information that is confidential.',
    ];
    const [report] = await dryRun({ 'aap.eml': message(lines) });
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Harbour Open leader holds on', summary: 'Jane Roe kept a one-shot lead through the second round on a windy day at the harbour course.', authors: ['Tom Hale'], agency: { name: 'AAP' }, dateline: { city: 'Sydney' } });
    expect(story?.body).toBe('Jane Roe kept her lead at the Harbour Open on Tuesday despite gusts off the water.\n\nHeadline: a line of the story keeps its words.\n\nRoe said the wind had dropped by the back nine.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the e-mail\'s subject not used: the copy\'s "Headline:" line is the headline (the subject was "Weekend golf notes")',
      'the copy\'s lines over its story, not its headline or summary, left out (its codes and keyword): "SDB", "Gol Harbour"',
      'the e-mail\'s lines after the wire\'s sign-off left out, as the sender\'s: "Tom Hale", "Golf Writer", "Ph: +61 2 5550 0100", …',
      'the agency\'s sign-off (its staff\'s initials) "AAP th/": not reader text, not used',
    ]));
  });

  it('reads a message with an HTML part alone as paragraphs, its styles, markup and signature left out', async () => {
    const lines = [
      ...wireHead('Envoys gather in Doha for truce talks', 'Wed, 05 Feb 2025 09:24:00 +0800', 'Content-Type: text/html; charset="us-ascii"', 'Content-Transfer-Encoding: quoted-printable'),
      '<html><head><style>p.MsoNormal{margin:0}</style></head><body><p class=3D"MsoNormal">DOHA, =',
      'Feb. 5 (Xinhua) -- Mediators opened a new round of <a href=3D"https://agency.example/t">talks</a> on Wednesday, officials said.</p>',
      '<p class=3D"MsoNormal">The talks were to run into the weekend, a spokesman said.</p>',
      '<div id=3D"Signature"><p class=3D"MsoNormal">Wire Desk<br>Agency Example</p></div></body></html>',
    ];
    const [report] = await dryRun({ 'html.eml': message(lines) });
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha for truce talks', dateline: { city: 'Doha', timezone: 'Asia/Qatar' }, agency: { name: 'Xinhua' } });
    expect(story?.body).toBe('Mediators opened a new round of talks on Wednesday, officials said.\n\nThe talks were to run into the weekend, a spokesman said.');
    expect(story?.notes).toEqual(expect.arrayContaining(['the e-mail has no plain-text part: its HTML part read as text', 'the e-mail\'s signature left out: "Wire Desk Agency Example"']));
  });

  it('joins a flowed text\'s lines (Thunderbird\'s format=flowed) and says each paragraph at the file\'s line it starts on', async () => {
    const lines = [
      ...wireHead('Aid convoy reaches coastal camp', 'Wed, 05 Feb 2025 10:30:00 +0800', 'Content-Type: text/plain; charset=UTF-8; format=flowed', 'Content-Transfer-Encoding: 7bit'),
      'Trucks carried flour, water and medicine along the coast road ',
      'through the night, ',
      'a spokesman said.',
      '',
      'MUWASI, Gaza Strip (Xinhua) -- The convoy reached the camp on Wednesday, officials said.',
    ];
    const [report] = await dryRun({ 'flowed.eml': message(lines) });
    expect(report?.stories[0]?.story.body).toContain('Trucks carried flour, water and medicine along the coast road through the night, a spokesman said.');
    expect(report?.diagnostics.find((d) => d.code === 'W_IMPORT_DATELINE_ZONE')?.line).toBe(lineOf(lines, 'MUWASI'));
  });

  it('reads a message forwarded as an attachment as the story, at its own time, and says its lines as the file\'s', async () => {
    const lines = [
      'Message-ID: <fw1@paper.example>',
      'MIME-Version: 1.0',
      'From: Night Editor <night@paper.example>',
      'Subject: FW: Envoys gather in Doha for truce talks',
      'Date: Wed, 05 Feb 2025 11:02:00 +0800',
      'Content-Type: multipart/mixed; boundary="fw"',
      '',
      '--fw',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please run this one on the world page.',
      '--fw',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="Envoys gather.eml"',
      '',
      'From: Wire Desk <wire@agency.example>',
      'Date: Wed, 05 Feb 2025 09:24:00 +0800',
      'Subject: Envoys gather in Doha for truce talks',
      'Message-ID: <inner@agency.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'MUWASI, Gaza Strip (Xinhua) -- Mediators opened a new round of talks on Wednesday, officials said.',
      '',
      'The talks were to run into the weekend, a spokesman said.',
      '--fw--',
    ];
    const [report] = await dryRun({ 'forward.eml': message(lines) });
    expect(report?.stories).toHaveLength(1);
    const story = report?.stories[0]?.story;
    // The agency's message's time, not the forward's (11:02).
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha for truce talks', date: '2025-02-05T09:24:00+08:00', agency: { name: 'Xinhua' } });
    expect(story?.body).not.toContain('world page');
    expect(story?.notes).toContain('the forwarding e-mail left out: "FW: Envoys gather in Doha for truce talks", its text "Please run this one on the world page."');
    expect(report?.diagnostics.find((d) => d.code === 'W_IMPORT_DATELINE_ZONE')?.line).toBe(lineOf(lines, 'MUWASI'));
  });

  it('reads each of two forwarded messages, the first a forward of its own, at the file\'s lines', async () => {
    const inner = (subject: string, lead: string): string[] => [
      'From: Wire Desk <wire@agency.example>', `Subject: ${subject}`, 'Date: Wed, 05 Feb 2025 09:24:00 +0800', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', lead,
    ];
    const lines = [
      'Message-ID: <fw2@paper.example>', 'MIME-Version: 1.0', 'From: Night Editor <night@paper.example>', 'Subject: FW: two stories',
      'Date: Wed, 05 Feb 2025 11:02:00 +0800', 'Content-Type: multipart/mixed; boundary="outer"', '',
      '--outer', 'Content-Type: message/rfc822', '',
      'From: Day Editor <day@paper.example>', 'Subject: FW: Envoys gather', 'Date: Wed, 05 Feb 2025 10:00:00 +0800', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="middle"', '',
      '--middle', 'Content-Type: message/rfc822', '',
      ...inner('Envoys gather in Doha for truce talks', 'DOHA, Feb. 5 (Xinhua) -- Mediators opened a new round of talks on Wednesday, officials said.'),
      '--middle--',
      '--outer', 'Content-Type: message/rfc822', '',
      ...inner('Aid convoy reaches coastal camp', 'MUWASI, Gaza Strip (Xinhua) -- An aid convoy reached the camp on Wednesday, officials said.'),
      '--outer--',
    ];
    const [report] = await dryRun({ 'forwards.eml': message(lines) });
    expect(report?.stories.map((s) => s.story.fields.title)).toEqual(['Envoys gather in Doha for truce talks', 'Aid convoy reaches coastal camp']);
    expect(report?.diagnostics.find((d) => d.code === 'W_IMPORT_DATELINE_ZONE')?.line).toBe(lineOf(lines, 'MUWASI'));
  });

  it('says lines of base64 text at the part\'s first line, and refuses a kill notice at its subject past an mbox separator line', async () => {
    const text = Buffer.from('MUWASI, Gaza Strip (Xinhua) -- Mediators opened a new round of talks, officials said.\r\n').toString('base64');
    const b64 = [...wireHead('Envoys gather', 'Wed, 05 Feb 2025 09:24:00 +0800', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'), text.slice(0, 60), text.slice(60)];
    const kill = ['From wire@agency.example Wed Feb  5 02:24:00 2025', 'Message-ID: <k@agency.example>', 'MIME-Version: 1.0', 'From: Wire Desk <wire@agency.example>', 'Subject: KILL: Envoys gather in Doha for truce talks', 'Date: Wed, 05 Feb 2025 10:24:00 +0800', 'Content-Type: text/plain; charset=utf-8', '', 'Editors: the story is withdrawn.'];
    const [a, b] = await dryRun({ 'b64.eml': message(b64), 'kill.eml': message(kill) });
    expect(a?.stories[0]?.story.body).toBe('Mediators opened a new round of talks, officials said.');
    expect(a?.diagnostics.find((d) => d.code === 'W_IMPORT_DATELINE_ZONE')?.line).toBe(b64.length - 1);
    expect(b?.stories).toEqual([]);
    expect(b?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NOT_PUBLISHED', lineOf(kill, 'Subject')]]);
  });

  it('reads files of copy attached (NITF, and text) as stories of their own, and refuses one that is not text at its part', async () => {
    const nitf = [
      '<?xml version="1.0" encoding="UTF-8"?>', '<nitf>',
      '<head><docdata><doc-id id-string="port-0220"/><date.issue norm="20250220T092400+0800"/></docdata></head>',
      '<body><body.head><hedline><hl1>Port reopens after storm</hl1></hedline><dateline>Doha</dateline></body.head>',
      '<body.content><p>The port reopened on Thursday, officials said.</p></body.content></body></nitf>',
    ].join('\n');
    const lines = [
      ...TRANSPORT,
      'From: Wire Desk <wire@agency.example>',
      'Subject: Two stories for the world page',
      'Date: Thu, 20 Feb 2025 10:00:00 +0800',
      'Content-Type: multipart/mixed; boundary="att"',
      '',
      '--att',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please find the copy attached.',
      '--att',
      'Content-Type: application/xml; name="port.xml"',
      'Content-Disposition: attachment; filename="port.xml"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(nitf).toString('base64'),
      '--att',
      'Content-Type: text/plain; charset=utf-8; name="talks.txt"',
      'Content-Disposition: attachment; filename="talks.txt"',
      '',
      'Envoys gather in Doha for truce talks',
      'Published: 2025-02-20 09:24',
      '',
      'DOHA, Feb. 20 (Xinhua) -- Mediators opened a new round of talks on Thursday, officials said.',
      '--att',
      'Content-Type: application/json; name="broken.json"',
      'Content-Disposition: attachment; filename="broken.json"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from([0x7b, 0x00, 0x01, 0x7d]).toString('base64'),
      '--att--',
    ];
    const [report] = await dryRun({ 'attached.eml': message(lines) });
    expect(report?.ok).toBe(false);
    expect(report?.stories.map((s) => s.story.fields.title)).toEqual(['Port reopens after storm', 'Envoys gather in Doha for truce talks']);
    expect(report?.stories[0]?.story.fields).toMatchObject({ date: '2025-02-20T09:24:00+08:00', dateline: { city: 'Doha' } });
    expect(report?.stories[1]?.story.fields).toMatchObject({ date: '2025-02-20 09:24', agency: { name: 'Xinhua' } });
    expect(report?.stories[1]?.story.notes).toEqual(expect.arrayContaining([
      'the sending e-mail left out: "Two stories for the world page", its text "Please find the copy attached."',
      'the e-mail\'s attachment read as the copy: "talks.txt"',
    ]));
    expect(report?.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.message])).toEqual([
      ['E_IMPORT_BINARY', lineOf(lines, 'Content-Type: application/json'), expect.stringMatching(/^the attachment "broken\.json": the file is not text/u)],
    ]);
  });

  it('reads each message of an mbox file (a mail client\'s folder), a body\'s escaped ">From" unescaped, and says its lines as the file\'s', async () => {
    const lines = [
      'From wire@agency.example Wed Feb  5 01:24:00 2025',
      ...TRANSPORT,
      'From: Wire Desk <wire@agency.example>',
      'Subject: Envoys gather in Doha for truce talks',
      'Date: Wed, 05 Feb 2025 09:24:00 +0800',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'DOHA, Feb. 5 (Xinhua) -- Mediators opened a new round of talks on Wednesday, officials said.',
      '',
      '>From the first day, the talks were to run into the weekend, a spokesman said.',
      '',
      'From wire@agency.example Wed Feb  5 02:30:00 2025',
      'Message-ID: <second@agency.example>',
      'MIME-Version: 1.0',
      'From: Wire Desk <wire@agency.example>',
      'Subject: Aid convoy reaches coastal camp',
      'Date: Wed, 05 Feb 2025 10:30:00 +0800',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'MUWASI, Gaza Strip (Xinhua) -- An aid convoy reached the camp on Wednesday, officials said.',
      '',
    ];
    // (Thunderbird keeps a folder as such a file, named without an extension: a directory's file of copy.)
    const [report] = await dryRun({ Wire: lines.join('\n') });
    expect(report?.stories.map((s) => [s.story.fields.title, s.story.fields.date])).toEqual([
      ['Envoys gather in Doha for truce talks', '2025-02-05T09:24:00+08:00'],
      ['Aid convoy reaches coastal camp', '2025-02-05T10:30:00+08:00'],
    ]);
    expect(report?.stories[0]?.story.body).toBe('Mediators opened a new round of talks on Wednesday, officials said.\n\nFrom the first day, the talks were to run into the weekend, a spokesman said.');
    expect(report?.diagnostics.find((d) => d.code === 'W_IMPORT_DATELINE_ZONE')?.line).toBe(lineOf(lines, 'MUWASI'));
  });

  it('reads a date\'s zone of letters as RFC 5322 defines it (CST is US Central, UT universal), where a page\'s would be refused', async () => {
    const dated = (zone: string): string => message([...wireHead(`Envoys gather in Doha (${zone})`, `Tue, 04 Feb 2025 19:24:00 ${zone}`, 'Content-Type: text/plain; charset=utf-8'), 'DOHA, Feb. 5 (Xinhua) -- Mediators opened a new round of talks, officials said.']);
    const reports = await dryRun({ 'cst.eml': dated('CST'), 'ut.eml': dated('UT'), 'gmt.eml': dated('GMT') });
    expect(reports.map((r) => r.stories[0]?.story.fields.date)).toEqual(['2025-02-04T19:24:00-06:00', '2025-02-04T19:24:00+00:00', '2025-02-04T19:24:00Z']);
    expect(reports[0]?.stories[0]?.story.notes).toContain('the e-mail\'s date zone read as RFC 5322 defines it: "Tue, 04 Feb 2025 19:24:00 CST" is "Tue, 04 Feb 2025 19:24:00 -0600"');
  });

  it('says a saved message with no "Date:" field is refused for want of one, at its header\'s first line', async () => {
    const lines = [...TRANSPORT, 'From: Wire Desk <wire@agency.example>', 'Subject: Envoys gather in Doha', 'Content-Type: text/plain; charset=utf-8', '', 'DOHA, Feb. 5 (Xinhua) -- Mediators opened a new round of talks, officials said.'];
    const [report] = await dryRun({ 'undated.eml': message(lines) });
    expect(report?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NO_DATE', lineOf(lines, 'From:')]]);
    expect(report?.diagnostics[0]?.message).toContain('the e-mail has no "Date:" field');
  });

  it('refuses a message whose structure cannot be read, and imports the other files of the run', async () => {
    const deep = wireHead('Deep', 'Wed, 05 Feb 2025 09:24:00 +0800', 'Content-Type: multipart/mixed; boundary="b0"');
    for (let i = 1; i < 80; i++) deep.push(`--b${i - 1}`, `Content-Type: multipart/mixed; boundary="b${i}"`, '');
    deep.push('--b79', 'Content-Type: text/plain', '', 'DOHA, Feb. 5 (Xinhua) -- Talks opened, officials said.');
    const [a, b] = await dryRun({ 'deep.eml': message(deep), 'story.eml': message(MIXED) });
    expect(a?.ok).toBe(false);
    expect(a?.diagnostics.map((d) => d.code)).toEqual(['E_IMPORT_MESSAGE']);
    expect(a?.diagnostics[0]?.message).toContain('nesting depth');
    expect(b?.stories).toHaveLength(1);
  });

  it('imports the .eml files of a directory, and the build\'s feeds carry the decoded text', async () => {
    const dir = await site({ 'inbox/story.eml': message(MIXED.map((l) => l.replace('MUWASI, Gaza Strip', 'GAZA'))), 'inbox/talks.jpg': 'not copy' });
    const imported = await runCli(['import', 'inbox'], dir);
    expect(imported.stdout).toContain('story.eml (text): 1 story');
    expect(imported.stderr).toContain('*.jpg');
    expect((await runCli(['build'], dir)).code).toBe(0);
    const rss = parseXml(await readFile(join(dir, 'dist', 'rss.xml'), 'utf8')) as { rss: { channel: { item: { title: string; pubDate: string; description: string; 'content:encoded': string }[] } } };
    expect(rss.rss.channel.item).toHaveLength(1);
    const item = rss.rss.channel.item[0];
    expect(item?.title).toBe('Envoys gather in Doha — truce talks resume');
    expect(new Date(item?.pubDate ?? '').toISOString()).toBe('2025-02-05T01:24:00.000Z');
    expect(item?.description).toBe('Mediators opened a new round of talks on Wednesday — the third this year — officials said.');
    expect(item?.['content:encoded']).toContain('<span class="dateline">GAZA, Feb. 5 (Xinhua) --</span> Mediators opened');
    expect(item?.['content:encoded']).not.toMatch(/=E2|HTML alternative/u);
  });
});
