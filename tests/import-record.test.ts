/** The record writer the importers share: Markdown that renders exactly the copy, and content-derived ids. */
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { contentId, markdownText, recordText } from '../src/importers/record.js';

const md = new Marked({ gfm: true, async: false });
const rendered = (markdown: string): string => decodeHTML((md.parse(markdown) as string).replace(/^<p>|<\/p>\n?$/g, ''));

describe('markdownText', () => {
  it.each([
    'Plain *not bold* and _not em_ [not a link](x) <b>not a tag</b> a|b ~~kept~~ `not code` back\\slash',
    '# not a heading', '- not a bullet', '+ not a bullet', '1. not a list', '2024. was a year', '1) one', '> not a quote', '---', '===',
    'AT&T and R&D stay as typed; &amp; is text', 'Wait — “quotes” … 5 °C, ‘single’',
  ])('renders %j exactly as written', (text) => {
    expect(rendered(markdownText(text))).toBe(text);
  });

  it('renders any single-line printable text exactly as written', () => {
    const line = fc.string({ unit: fc.constantFrom(...'ab 1.-+#>*_`[]()<>|~&;!\\=\'"—'.split('')), minLength: 1, maxLength: 30 })
      .filter((s) => s.trim() === s && s !== '');
    fc.assert(fc.property(line, (text) => {
      expect(rendered(markdownText(text))).toBe(text);
    }), { numRuns: 300 });
  });
});

describe('contentId', () => {
  const Z = 'Asia/Shanghai';

  it('takes the day of the instant in the site\'s zone, however the copy wrote it', () => {
    const a = contentId('Talks resume', '2025-02-05T01:24:00+08:00', Z);
    expect(contentId('Talks resume', '2025-02-04T12:24:00-05:00', Z)).toBe(a);
    expect(contentId('Talks resume', '2025-02-04T17:24:00Z', Z)).toBe(a);
    expect(contentId('Talks resume', '2025-02-05 01:24', Z)).toBe(a);
    expect(a).toMatch(/^imp-20250205-/);
    expect(contentId('Talks resume', '2025-02-04T12:24:00-05:00', 'America/New_York')).toMatch(/^imp-20250204-/);
  });

  it('is the same for the same headline and first publication, whatever the escaping, spacing or text', () => {
    const a = contentId('Talks resume', '2025-02-05 09:24', Z);
    expect(contentId('Talks  resume!', '2025-02-05 09:24', Z)).toBe(a);
    expect(a).toMatch(/^imp-20250205-talks-resume-[0-9a-f]{8}$/);
  });

  it('is the same for a correction later that day, and for a wire\'s correction marks on the headline', () => {
    const a = contentId('Talks resume', '2025-02-05 09:24', Z);
    expect(contentId('Talks resume', '2025-02-05 11:02', Z)).toBe(a);
    expect(contentId('Talks resume', '2025-02-05T11:02:00+08:00', Z)).toBe(a);
    expect(contentId('CORRECTED-Talks resume', '2025-02-05 09:24', Z)).toBe(a);
    expect(contentId('UPDATE 2-Talks resume', '2025-02-05 09:24', Z)).toBe(a);
    expect(contentId('REFILE-CORRECTED-Talks resume', '2025-02-05 09:24', Z)).toBe(a);
  });

  it('differs when the headline or the day differs', () => {
    expect(contentId('Talks resume', '2025-02-05 09:24', Z)).not.toBe(contentId('Talks stall', '2025-02-05 09:24', Z));
    expect(contentId('Talks resume', '2025-02-05 09:24', Z)).not.toBe(contentId('Talks resume', '2025-02-06 09:24', Z));
  });

  it('leaves a title without Latin words out of the id', () => {
    expect(contentId('英国央行下调基准利率至4.5%', '2025-02-07 05:40', Z)).toMatch(/^imp-20250207-[0-9a-f]{8}$/);
  });
});

describe('recordText', () => {
  it('writes the fields in README order, then the body', () => {
    const text = recordText({
      fields: { title: 'T', id: 'x', date: '2025-02-05 09:24', agency: { name: 'Xinhua', via: 'Agencies' }, section: 'World' },
      body: 'Body.\n',
      notes: [],
    });
    expect(text).toBe('---\nid: x\ntitle: T\ndate: 2025-02-05 09:24\nsection: World\nagency:\n  name: Xinhua\n  via: Agencies\n---\nBody.\n');
  });
});
