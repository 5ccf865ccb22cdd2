/**
 * Copy a desk saved from e-mail, through `dateline import`: the header block read (the subject as the
 * headline, the date as the stamp), a forwarded message's own header, the signature left out, and the
 * lines of diagnostics the copy's own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles, loadConfig } from '../src/index.js';
import type { FileReport } from '../src/importers/index.js';
import { makeSite } from './_helpers.js';

const STORY = [
  'DOHA, Feb. 5 (Xinhua) -- Mediators opened a new round of talks on Wednesday, officials said.',
  '',
  'The talks were to run into the weekend, a spokesman said. Enditem',
];

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

/** The dry run's report of one file of copy, in a site of its own. */
async function imported(copy: string): Promise<FileReport | undefined> {
  const s = await makeSite({ 'copy.txt': copy });
  cleanups.push(s.cleanup);
  const config = await loadConfig('dateline.config.json', s.dir);
  return (await importFiles(['copy.txt'], { config, cwd: s.dir, dryRun: true }))[0];
}

describe('copy from e-mail', () => {
  it('reads a message saved with lines of spaces over its headers (as real ones in Superdesk\'s tests are), its lines the file\'s', async () => {
    const copy = [
      ' '.repeat(40),
      'Delivered-To: desk@paper.example',
      'Received: by 10.0.0.1 with SMTP id x1; Wed, 05 Feb 2025 09:24:02 +0800',
      'From: Wire Desk <wire@agency.example>',
      'To: desk@paper.example',
      'Subject: Envoys gather in Doha for truce talks',
      'Date: Wed, 05 Feb 2025 09:24:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      ...STORY,
    ].join('\n');
    const report = await imported(copy);
    const story = report?.stories[0]?.story;
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha for truce talks', date: '2025-02-05T09:24:00+08:00' });
    expect(story?.body).toContain('Mediators opened a new round of talks');
  });

  it('reads the subject as the headline and the date as the stamp; the other header lines and the signature are noted', async () => {
    const copy = [
      'From: Wire Desk <wire@agency.example>',
      'To: desk@paper.example',
      'Subject: Fwd: Envoys gather in Doha for truce talks',
      'Date: Wed, 05 Feb 2025 09:24:00 +0800 (CST)',
      '',
      ...STORY,
      '',
      '-- ',
      'Wire Desk | Agency Example',
    ].join('\n');
    const report = await imported(copy);
    expect(report?.diagnostics).toEqual([]);
    const story = report?.stories[0]?.story;
    // The zone's name after the offset is a comment: CST, which names several zones, does not refuse it.
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha for truce talks', date: '2025-02-05T09:24:00+08:00', agency: { name: 'Xinhua' } });
    expect(story?.body).toBe('Mediators opened a new round of talks on Wednesday, officials said.\n\nThe talks were to run into the weekend, a spokesman said.');
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the e-mail\'s subject read as the headline, without "Fwd:"',
      'the e-mail\'s date read as the stamp: when the message was sent',
      'the e-mail\'s header left out: "From: Wire Desk <wire@agency.example>"',
      'the e-mail\'s header left out: "To: desk@paper.example"',
      'the e-mail\'s signature left out: "Wire Desk | Agency Example"',
    ]));
  });

  it('reads a forwarded message\'s own header, and Outlook\'s "Sent" in the desk\'s zone', async () => {
    const copy = [
      'From: Night Editor <night@paper.example>',
      'Sent: Wednesday, February 5, 2025 11:02 AM',
      'To: Web Desk <web@paper.example>',
      'Subject: FW: Envoys gather in Doha for truce talks',
      '',
      '-----Original Message-----',
      'From: Wire Desk <wire@agency.example>',
      'Sent: Wednesday, February 5, 2025 9:24 AM',
      'Subject: Envoys gather in Doha for truce talks',
      '',
      ...STORY,
    ].join('\n');
    const story = (await imported(copy))?.stories[0]?.story;
    // The agency's message's time, in the desk's zone (Asia/Shanghai), as the mail client showed it.
    expect(story?.fields).toMatchObject({ title: 'Envoys gather in Doha for truce talks', date: '2025-02-05 09:24' });
    expect(story?.notes).toEqual(expect.arrayContaining([
      'the forwarding e-mail\'s header left out: "Subject: FW: Envoys gather in Doha for truce talks"',
      'the forwarded message\'s header read: "-----Original Message-----"',
      'the e-mail\'s "Sent" read as the stamp: when the message was sent',
    ]));
  });

  it('writes no record of an agency\'s kill notice sent by e-mail', async () => {
    const copy = ['From: Wire Desk <wire@agency.example>', 'Subject: Fwd: KILL: Envoys gather in Doha for truce talks', 'Date: Wed, 05 Feb 2025 10:12:00 +0800', '', 'The story was sent in error. Do not use it.'].join('\n');
    const report = await imported(copy);
    expect(report?.stories).toEqual([]);
    expect(report?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NOT_PUBLISHED', 2]]);
  });

  it('says an e-mail with no date and no stamp in its text has no "Date:" field, at its header', async () => {
    const copy = ['', 'From: Wire Desk <wire@agency.example>', 'Subject: Envoys gather in Doha for truce talks', '', ...STORY].join('\n');
    const report = await imported(copy);
    expect(report?.stories).toEqual([]);
    expect(report?.diagnostics.map((d) => [d.code, d.line])).toEqual([['E_IMPORT_NO_DATE', 2]]);
    expect(report?.diagnostics[0]?.message).toContain('the e-mail has no "Date:" field, and its text no "Published:" or "Updated:" stamp');
    // A stamp in its text is read as a page's.
    const stamped = await imported(['From: Wire Desk <wire@agency.example>', 'Subject: Envoys gather in Doha for truce talks', '', 'Updated: 2025-02-05 09:24', '', ...STORY].join('\n'));
    expect(stamped?.stories[0]?.story.fields.date).toBe('2025-02-05 09:24');
  });

  it('names the copy\'s own lines in its diagnostics', async () => {
    const copy = ['From: Wire Desk <wire@agency.example>', 'Subject: Aid convoy reaches coastal camp', 'Date: Wed, 05 Feb 2025 09:24:00 +0800', '', 'MUWASI, Feb. 5 (Xinhua) -- A convoy reached the camp on Wednesday, aid workers said.'].join('\n');
    const report = await imported(copy);
    expect(report?.diagnostics.map((d) => [d.code, d.line])).toEqual([['W_IMPORT_DATELINE_ZONE', 5]]);
  });

  it('leaves a page whose lines only look like header lines to the page reader', async () => {
    const page = ['Envoys gather in Doha', 'Updated: 2025-02-05 09:24', '', 'Subject: the second stage of the truce.', '', ...STORY].join('\n');
    const story = (await imported(page))?.stories[0]?.story;
    expect(story?.fields.title).toBe('Envoys gather in Doha');
    expect(story?.notes.some((n) => n.includes('e-mail'))).toBe(false);
  });
});
