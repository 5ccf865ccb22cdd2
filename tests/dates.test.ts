import { describe, expect, it, vi } from 'vitest';
import { formatRfc3339, formatRfc822, localDate, parseDeskTime } from '../src/index.js';

/** Wall-clock time + zone → true instant (as UTC ISO), through both DST changes and odd offsets. */
const INSTANTS: [desk: string, zone: string, utc: string][] = [
  ['2025-02-05 09:24', 'Asia/Shanghai', '2025-02-05T01:24:00.000Z'],
  ['2025-02-05T09:24', 'Asia/Shanghai', '2025-02-05T01:24:00.000Z'],
  ['2025-02-05 00:30', 'Asia/Shanghai', '2025-02-04T16:30:00.000Z'],
  ['2025-02-05T09:24:00+08:00', 'America/New_York', '2025-02-05T01:24:00.000Z'],
  ['2025-02-05T01:24:00Z', 'Asia/Shanghai', '2025-02-05T01:24:00.000Z'],
  ['2025-02-05T09:24:00+0800', 'Asia/Shanghai', '2025-02-05T01:24:00.000Z'],
  // New York: EST (−05:00) before 2025-03-09 02:00, EDT (−04:00) after; back to EST at 2025-11-02 02:00.
  ['2025-03-09 01:59', 'America/New_York', '2025-03-09T06:59:00.000Z'],
  ['2025-03-09 03:00', 'America/New_York', '2025-03-09T07:00:00.000Z'],
  ['2025-11-02 00:59', 'America/New_York', '2025-11-02T04:59:00.000Z'],
  ['2025-11-02 02:00', 'America/New_York', '2025-11-02T07:00:00.000Z'],
  ['2025-07-04 12:00', 'America/New_York', '2025-07-04T16:00:00.000Z'],
  // London: GMT in winter, BST (+01:00) from 2025-03-30 01:00 UTC.
  ['2025-01-15 12:00', 'Europe/London', '2025-01-15T12:00:00.000Z'],
  ['2025-06-15 12:00', 'Europe/London', '2025-06-15T11:00:00.000Z'],
  ['2025-03-30 00:59', 'Europe/London', '2025-03-30T00:59:00.000Z'],
  ['2025-03-30 02:00', 'Europe/London', '2025-03-30T01:00:00.000Z'],
  // Half- and three-quarter-hour zones.
  ['2025-02-10 18:05', 'Asia/Kolkata', '2025-02-10T12:35:00.000Z'],
  ['2025-02-10T18:05:00+05:30', 'Asia/Shanghai', '2025-02-10T12:35:00.000Z'],
  ['2025-01-15 12:00', 'Pacific/Chatham', '2025-01-14T22:15:00.000Z'],
  ['2025-07-15 12:00', 'Pacific/Chatham', '2025-07-14T23:15:00.000Z'],
  // Year and leap-day edges.
  ['2024-02-29 23:59:59', 'Asia/Shanghai', '2024-02-29T15:59:59.000Z'],
  ['2025-01-01 00:00', 'Asia/Shanghai', '2024-12-31T16:00:00.000Z'],
];

describe('desk time → instant', () => {
  it('takes RFC 3339 as exports write it: a fraction of a second (dropped), t and z in lower case', () => {
    const at = (v: string) => { const t = parseDeskTime(v, 'Asia/Shanghai'); return t.ok ? t.instant.toISOString() : t.problem; };
    expect(at('2025-02-05T01:24:00.000Z')).toBe('2025-02-05T01:24:00.000Z');
    expect(at('2025-02-05T09:24:00.999+08:00')).toBe('2025-02-05T01:24:00.000Z');
    expect(at('2025-02-05t01:24:00z')).toBe('2025-02-05T01:24:00.000Z');
    expect(at('2025-02-05 09:24:00.5')).toBe('2025-02-05T01:24:00.000Z');
    // A fraction needs its seconds.
    expect(at('2025-02-05T09:24.5Z')).toBe('format');
  });

  it.each(INSTANTS)('%s in %s is %s', (desk, zone, utc) => {
    const r = parseDeskTime(desk, zone);
    expect(r.ok && r.instant.toISOString()).toBe(utc);
  });

  it('refuses a wall-clock time that the spring-forward gap skips', () => {
    // With the time as read off the clock before the change (an instant the desk may mean).
    expect(parseDeskTime('2025-03-09 02:30', 'America/New_York')).toEqual({ ok: false, problem: 'nonexistent', earlier: '2025-03-09T02:30:00-05:00' });
    expect(parseDeskTime('2025-03-30 01:30:15', 'Europe/London')).toEqual({ ok: false, problem: 'nonexistent', earlier: '2025-03-30T01:30:15+00:00' });
    // Which parses as that instant: 03:30 by the clock after the change.
    const earlier = parseDeskTime('2025-03-09T02:30:00-05:00', 'America/New_York');
    expect(earlier.ok && earlier.instant.toISOString()).toBe('2025-03-09T07:30:00.000Z');
  });

  it('offers a skipped time before an offset of seconds (Liberia until 1972) in UTC, which it accepts (QA: `-00:44:30` was refused when pasted)', () => {
    const r = parseDeskTime('1972-01-07 00:30', 'Africa/Monrovia');
    expect(r).toEqual({ ok: false, problem: 'nonexistent', earlier: '1972-01-07T01:14:30Z' });
    const pasted = parseDeskTime(r.ok ? '' : r.problem === 'nonexistent' ? r.earlier ?? '' : '', 'Africa/Monrovia');
    expect(pasted.ok && pasted.instant.toISOString()).toBe('1972-01-07T01:14:30.000Z');
  });

  it('refuses a wall-clock time that the fall-back overlap repeats, naming both instants', () => {
    expect(parseDeskTime('2025-11-02 01:30', 'America/New_York')).toEqual({
      ok: false,
      problem: 'ambiguous',
      candidates: ['2025-11-02T01:30:00-04:00', '2025-11-02T01:30:00-05:00'],
    });
    expect(parseDeskTime('2025-10-26 01:15', 'Europe/London')).toEqual({
      ok: false,
      problem: 'ambiguous',
      candidates: ['2025-10-26T01:15:00+01:00', '2025-10-26T01:15:00+00:00'],
    });
  });

  it('takes an explicit offset inside a gap or overlap as the instant it names', () => {
    expect(parseDeskTime('2025-11-02T01:30:00-05:00', 'America/New_York')).toEqual({ ok: true, instant: new Date('2025-11-02T06:30:00Z') });
  });

  it.each(['12/03/2024', '2025-02-05', '2025-13-01 10:00', '2025-02-30 10:00', '2025-02-05 24:00', '2025-02-05 09:60', '2025-02-05 09:24+25:00', 'yesterday', ''])(
    'refuses %j as a date',
    (value) => {
      expect(parseDeskTime(value, 'Asia/Shanghai')).toEqual({ ok: false, problem: 'format' });
    },
  );
});

describe('the first years of the calendar', () => {
  // Intl names the years of an era (1 BC is "1"): an offset read with that year was a year off.
  it('year 0001 at a zone east of UTC is an instant of year 0000, written with the exact offset', () => {
    const t = parseDeskTime('0001-01-01 00:00', 'Asia/Shanghai');
    expect(t.ok && t.instant.toISOString()).toBe('0000-12-31T15:54:17.000Z');
    expect(t.ok && formatRfc3339(t.instant, 'Asia/Shanghai')).toBe('0000-12-31T15:54:17+00:00');
    expect(t.ok && localDate(t.instant, 'Asia/Shanghai')).toBe('0001-01-01');
  });

  it('year 0000 exists in UTC and in a zone west of it (no daylight-saving change is invented)', () => {
    const utc = parseDeskTime('0000-01-01 00:00', 'UTC');
    expect(utc.ok && utc.instant.toISOString()).toBe('0000-01-01T00:00:00.000Z');
    const tokyo = parseDeskTime('0001-01-01 08:00', 'Asia/Tokyo');
    expect(tokyo.ok && formatRfc3339(tokyo.instant, 'Asia/Tokyo')).toBe('0000-12-31T22:41:01+00:00');
    const ny = parseDeskTime('0001-01-01 00:00', 'America/New_York');
    expect(ny.ok && ny.instant.toISOString()).toBe('0001-01-01T04:56:02.000Z');
  });
});

describe('instant → feed dates', () => {
  const instant = new Date('2025-02-05T01:24:00Z');

  it('RSS: RFC 822 in GMT with the weekday of the UTC date', () => {
    expect(formatRfc822(instant)).toBe('Wed, 05 Feb 2025 01:24:00 GMT');
    // 2025-02-05 00:30 in Beijing is still Tuesday in GMT.
    expect(formatRfc822(new Date('2025-02-04T16:30:00Z'))).toBe('Tue, 04 Feb 2025 16:30:00 GMT');
  });

  it.each([
    ['Asia/Shanghai', '2025-02-05T09:24:00+08:00'],
    ['America/New_York', '2025-02-04T20:24:00-05:00'],
    ['Europe/London', '2025-02-05T01:24:00+00:00'],
    ['Asia/Kolkata', '2025-02-05T06:54:00+05:30'],
    ['Pacific/Chatham', '2025-02-05T15:09:00+13:45'],
  ])('Atom/JSON: RFC 3339 with the offset of %s', (zone, expected) => {
    expect(formatRfc3339(instant, zone)).toBe(expected);
  });

  it('RFC 3339 names the instant RSS names when the zone\'s offset has seconds (Liberia until 1972, local mean time)', () => {
    // Africa/Monrovia was -0:44:30, which RFC 3339 cannot write: the time is given in UTC, exact (a
    // rounded offset would move the wall clock or the instant).
    const liberia = new Date('1972-01-07T00:13:30Z');
    expect(formatRfc3339(liberia, 'Africa/Monrovia')).toBe('1972-01-07T00:13:30+00:00');
    expect(formatRfc3339(new Date('1972-05-01T12:00:00Z'), 'Africa/Monrovia')).toBe('1972-05-01T12:00:00+00:00');
    expect(formatRfc3339(new Date('1972-06-01T12:00:00Z'), 'Africa/Monrovia')).toBe('1972-06-01T12:00:00+00:00');
    expect(formatRfc822(liberia)).toBe('Fri, 07 Jan 1972 00:13:30 GMT');
    for (const [iso, zone] of [['1972-01-07T00:13:30Z', 'Africa/Monrovia'], ['1899-12-31T15:54:17Z', 'Asia/Shanghai'], ['1880-06-01T12:00:00Z', 'Europe/Paris']] as const) {
      expect(new Date(formatRfc3339(new Date(iso), zone)).toISOString(), zone).toBe(new Date(iso).toISOString());
    }
  });

  it('the local day and month follow the exact offset, seconds too: the desk\'s midnight stays in its day', () => {
    // Asia/Kathmandu was +5:41:16 until 1920: the desk's 1919-06-01 00:00 is 1919-05-31T18:18:44Z.
    const midnight = parseDeskTime('1919-06-01 00:00', 'Asia/Kathmandu');
    expect(midnight.ok && midnight.instant.toISOString()).toBe('1919-05-31T18:18:44.000Z');
    if (!midnight.ok) return;
    expect(localDate(midnight.instant, 'Asia/Kathmandu')).toBe('1919-06-01');
    expect(localDate(new Date(midnight.instant.getTime() - 1000), 'Asia/Kathmandu')).toBe('1919-05-31');
  });

  it.each([
    // The dateline date is the local date at the dateline city; midnight rolls both ways.
    ['2025-02-05T01:24:00Z', 'America/New_York', '2025-02-04'],
    ['2025-02-05T01:24:00Z', 'Asia/Shanghai', '2025-02-05'],
    ['2025-03-10T15:30:00Z', 'Asia/Tokyo', '2025-03-11'],
    ['2025-03-10T15:30:00Z', 'Asia/Shanghai', '2025-03-10'],
    ['2025-03-09T06:30:00Z', 'America/New_York', '2025-03-09'],
    ['2025-03-29T23:45:00Z', 'Europe/London', '2025-03-29'],
    ['2025-02-20T22:00:00Z', 'Pacific/Auckland', '2025-02-21'],
  ])('%s is local date %s at %s', (iso, zone, date) => {
    expect(localDate(new Date(iso), zone)).toBe(date);
  });
});

describe('zone offsets against Intl, instant by instant', () => {
  /** The offset Intl itself prints for `t` at `zone` (`GMT-04:00`, or `GMT` for zero) as `+hh:mm`. */
  const intlOffset = (t: number, zone: string): string => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
    return name === 'GMT' ? '+00:00' : name.slice(3);
  };
  const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Tehran', 'Africa/Casablanca', 'Pacific/Apia', 'Asia/Shanghai'];

  it('formatRfc3339 carries the offset Intl gives, across DST changes and at 6-hour boundaries', () => {
    // Instants near every hour boundary of 2010–2026 for each zone, visited in a scrambled order so the
    // cache sees neighbours late: a minute either side of the hour, and the hour itself.
    const start = Date.UTC(2010, 0, 1);
    const hours = (Date.UTC(2027, 0, 1) - start) / 3_600_000;
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 6000; i++) {
      const zone = ZONES[next() % ZONES.length] as string;
      const t = start + (next() % hours) * 3_600_000 + ((next() % 3) - 1) * 60_000;
      expect(formatRfc3339(new Date(t), zone).slice(19), `${new Date(t).toISOString()} ${zone}`).toBe(intlOffset(t, zone));
    }
  });

  it('formatRfc3339 follows every transition of 2020–2026, in 15-minute steps through its day', () => {
    let transitions = 0;
    for (const zone of ZONES) {
      for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        if (intlOffset(day, zone) === intlOffset(day + 86_400_000, zone)) continue;
        transitions += 1;
        for (let t = day; t <= day + 86_400_000; t += 900_000) {
          expect(formatRfc3339(new Date(t), zone).slice(19), `${new Date(t).toISOString()} ${zone}`).toBe(intlOffset(t, zone));
          expect(formatRfc3339(new Date(t - 1000), zone).slice(19)).toBe(intlOffset(t - 1000, zone));
        }
      }
    }
    expect(transitions).toBeGreaterThan(50);
  });
});

describe('zone names', () => {
  it('isValidTimeZone says what Intl says, for every listed zone, aliases, case and spacing variants and offsets', async () => {
    const { isValidTimeZone } = await import('../src/core/_dates.js');
    const intl = (zone: string): boolean => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return /^[A-Za-z]/.test(zone);
      } catch {
        return false;
      }
    };
    const listed = Intl.supportedValuesOf('timeZone');
    const names = [...listed, ...listed.slice(0, 40).flatMap((z) => [z.toLowerCase(), z.toUpperCase(), ` ${z}`, `${z} `]),
      'UTC', 'utc', 'Etc/UTC', 'GMT', 'Etc/GMT+5', 'Asia/Kolkata', 'Europe/Kyiv', 'US/Eastern', '+08:00', '-0500', 'Z', '', ' ', 'Mars/Olympus', '__proto__', 'Asia/Shanghai/'];
    // But for ICU's ids that are no tz database name (CST is Chicago's clock there, IST India's, BST Dhaka's),
    // EST and MST (fixed all year) and Etc/GMT±n (whose sign is turned round): refused, each with advice.
    const refused = new Set(['ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT', 'IET', 'IST', 'JST', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST', 'EST', 'MST']);
    const isRefused = (zone: string): boolean => refused.has(zone.trim().toUpperCase()) || /^Etc\/GMT[+-]0*[1-9]\d?$/i.test(zone.trim());
    for (const zone of [...names, 'CST', 'cst', 'IST', 'BST', 'CTT', 'EST', 'MST', 'HST', 'PRC', 'CET', 'Etc/GMT-8', 'Etc/GMT+0', 'Etc/GMT-14']) {
      expect(isValidTimeZone(zone), JSON.stringify(zone)).toBe(intl(zone) && !isRefused(zone));
    }
    expect(['HST', 'PRC', 'CET', 'EST5EDT', 'Etc/GMT+0', 'Etc/GMT'].filter((z) => !isValidTimeZone(z))).toEqual([]);
  });

  it('a refused or unknown zone gets advice: what an abbreviation means, the sign of Etc/GMT±n, a near name', async () => {
    const { whyZoneRefused } = await import('../src/core/_dates.js');
    expect(whyZoneRefused('CST')).toBe('"CST" is an abbreviation (it names more than one), not a place\'s zone: write the tz database name of the place\'s clock, such as "America/Chicago", "Asia/Shanghai" or "America/Havana"');
    expect(whyZoneRefused('EST')).toContain('"EST" is fixed all year, without the daylight saving of America/New_York');
    expect(whyZoneRefused('Etc/GMT+8')).toMatch(/^"Etc\/GMT\+8" is UTC−08:00, not UTC\+08:00/);
    expect(whyZoneRefused('UTC+8')).toMatch(/^an offset is no zone/);
    expect([whyZoneRefused('Asia/Beijing'), whyZoneRefused('America/NewYork'), whyZoneRefused('Europe/Londn')]).toEqual(['did you mean "Asia/Shanghai"?', 'did you mean "America/New_York"?', 'did you mean "Europe/London"?']);
    expect(whyZoneRefused('Mars/Olympus')).toBe('use a tz database (IANA) name such as "America/New_York" or "Asia/Shanghai"');
    // QA: by spelling alone, Rabat was Dakar (an hour off most of the year), Brasília Bahia, Edinburgh
    // nothing; and a misspelling near a renamed zone was given ICU's old name (Katmandu, Calcutta).
    const advice = (zone: string): string => whyZoneRefused(zone).replace(/^did you mean "(.*)"\?$/, '$1');
    expect(['Africa/Rabat', 'America/Brasilia', 'Europe/Edinburgh', 'Asia/Kathmandoo', 'Asia/Calcuta', 'Europe/Kiev2', 'America/Buenos_Aire'].map(advice)).toEqual(
      ['Africa/Casablanca', 'America/Sao_Paulo', 'Europe/London', 'Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires']);
  });
});

describe('zone offsets learnt by one build and taught to the next (the cache\'s zones.json)', () => {
  type Dates = typeof import('../src/core/_dates.js');
  /** A fresh copy of the module, as a new process has it: nothing asked, nothing taught. */
  const fresh = async (): Promise<Dates> => {
    vi.resetModules();
    return import('../src/core/_dates.js');
  };
  const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Casablanca', 'Asia/Shanghai', 'America/Sao_Paulo'];
  const HOUR = 3_600_000;
  let seed = 777;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  /** Instants of 2019–2026, scattered, a minute either side of an hour and on it. */
  const instants = Array.from({ length: 4000 }, () => Date.UTC(2019, 0, 1) + (next() % (8 * 365 * 24)) * HOUR + ((next() % 3) - 1) * 60_000);

  it('a taught process gives Intl\'s offset at every instant, taught or not, across DST changes', async () => {
    const first = await fresh();
    expect(first.learntOffsets()).toBeUndefined();
    // The first process resolves half the instants in each zone.
    for (const [i, t] of instants.entries()) if (i % 2 === 0) first.formatRfc3339(new Date(t), ZONES[i % ZONES.length] as string);
    const learnt = first.learntOffsets();
    expect(Object.keys(learnt ?? {}).sort()).toEqual([...ZONES].sort());
    // It went through JSON, as the cache keeps it.
    const second = await fresh();
    second.teachOffsets(JSON.parse(JSON.stringify(learnt)));
    const reference = await fresh();
    for (const [i, t] of instants.entries()) {
      for (const zone of ZONES) {
        expect(second.formatRfc3339(new Date(t), zone), `${new Date(t).toISOString()} ${zone} (${i})`).toBe(reference.formatRfc3339(new Date(t), zone));
      }
    }
    // It now knows more than it was taught: what it learns includes both.
    const more = second.learntOffsets() ?? {};
    for (const zone of ZONES) expect((more[zone] ?? []).length).toBeGreaterThan(0);
  });

  it('desk times near transitions resolve as untaught (gaps and overlaps are still refused)', async () => {
    const first = await fresh();
    const cases: [string, string][] = [
      ['2025-03-09 02:30', 'America/New_York'], ['2025-11-02 01:30', 'America/New_York'], ['2025-03-09 01:59', 'America/New_York'],
      ['2025-03-30 01:30', 'Europe/London'], ['2025-10-26 01:30', 'Europe/London'], ['2025-04-06 01:45', 'Australia/Lord_Howe'],
      ['2025-02-05 09:24', 'Asia/Shanghai'], ['2025-07-04 12:00', 'America/New_York'],
    ];
    const expected = cases.map(([desk, zone]) => first.parseDeskTime(desk, zone));
    const second = await fresh();
    second.teachOffsets(first.learntOffsets());
    expect(cases.map(([desk, zone]) => second.parseDeskTime(desk, zone))).toEqual(expected);
    expect(expected.map((r) => (r.ok ? 'ok' : r.problem))).toEqual(['nonexistent', 'ambiguous', 'ok', 'nonexistent', 'ambiguous', 'ambiguous', 'ok', 'ok']);
  });

  it('what is not shaped as learntOffsets writes it is ignored, zone by zone; a taught name is not thereby valid', async () => {
    // Runs around 2025-01-01 that claim +07:00 (no such offset in these zones): taught, they would show.
    const t = Date.UTC(2025, 0, 1, 12);
    const b = Math.floor(t / (6 * HOUR));
    const seven = 7 * HOUR;
    const second = await fresh();
    second.teachOffsets({
      'Europe/Paris': [b, 1],
      'Europe/Rome': [b + 2, 1, seven, b - 2, 5, seven],
      'Europe/Oslo': [b, 0, seven],
      'America/Lima': [String(b), 1, seven],
      'Europe/Madrid': [b - 1, 3, seven + 0.5],
      'Mars/Olympus': [b, 1, seven],
      // The control: well formed, so taught (which shows the cases above would have shown too).
      'Europe/Berlin': [b - 1, 3, seven],
    });
    for (const garbage of [null, 3, 'x', [1, 2, 3]]) second.teachOffsets(garbage);
    const reference = await fresh();
    for (const zone of ['Europe/Paris', 'Europe/Rome', 'Europe/Oslo', 'America/Lima', 'Europe/Madrid']) {
      expect(second.formatRfc3339(new Date(t), zone), zone).toBe(reference.formatRfc3339(new Date(t), zone));
    }
    expect(second.formatRfc3339(new Date(t), 'Europe/Berlin')).toBe('2025-01-01T19:00:00+07:00');
    expect(reference.formatRfc3339(new Date(t), 'Europe/Berlin')).toBe('2025-01-01T13:00:00+01:00');
    // Validity is Intl's: a made-up name in a taught file does not become a zone.
    expect(second.isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(second.isValidTimeZone('Europe/Berlin')).toBe(true);
  });
});
