/**
 * Time, done without the machine's TZ or locale: desk wall-clock times are resolved in an IANA zone
 * (refusing times that DST skips or repeats), and instants are printed as RFC 822 (RSS) and RFC 3339
 * (Atom, JSON Feed) from UTC arithmetic only.
 */
import { isRefusedZone, zoneAdvice } from './_zones.js';

/** RFC 3339 as exports write it too: a fraction of a second (dropped: feeds carry whole seconds), `t` and `z` in lower case. */
const DESK_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = 3_600_000;

export type DeskTime =
  | { ok: true; instant: Date }
  | { ok: false; problem: 'format' }
  /** `earlier`: the time written with the offset in force before the clocks went forward, as read off the clock then. */
  | { ok: false; problem: 'nonexistent'; earlier?: string }
  | { ok: false; problem: 'ambiguous'; candidates: string[] };

/**
 * One formatter per zone, fixed to en-US digits and a 24-hour clock, so nothing depends on the machine's
 * locale. (We read offsets from Intl ourselves: date-fns-tz 3.2's getTimezoneOffset gives the offset of
 * the wall-clock time that the instant's digits spell, not of the instant — off by an hour around every
 * DST change, e.g. −4 h for New York at 2025-03-09T05:59Z, where the truth is −5 h.)
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = /^[A-Za-z]/.test(zone)
        ? new Intl.DateTimeFormat('en-US', {
            timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
            hour: 'numeric', minute: 'numeric', second: 'numeric',
          })
        : null;
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The zones Intl lists, which it certainly knows. Listing them takes about a millisecond, where the first
 * formatter of a process takes twelve (ICU loads its number formats): a build that resolves no time
 * (one that only checks its configuration, or reuses every record) need not pay for one.
 */
let listed: Set<string> | undefined;

/** True for a zone name the runtime's tz database knows (offset strings like `+08:00` are not zones). */
export function isValidTimeZone(zone: string): boolean {
  listed ??= new Set(Intl.supportedValuesOf('timeZone'));
  // The list holds canonical names only (`Asia/Calcutta`, not `Asia/Kolkata` or `UTC`): Intl decides the
  // others. (Not the zones taught: a name is valid because Intl says so, never because a file does.)
  // `UTC` is missing from V8's list, though ECMA-402 requires every implementation to know it.
  // (Not ICU's own ids that are no tz database name, `CST`, `IST`, nor `EST` or `Etc/GMT+8`: `_zones.ts`.)
  return listed.has(zone) || zone === 'UTC' || (!isRefusedZone(zone) && formatter(zone) !== null);
}

/** Why a zone that `isValidTimeZone` refuses is refused, and what to write instead (a misspelling's likeliest zone). */
export const whyZoneRefused = (zone: string): string => {
  listed ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zoneAdvice(zone, [...listed, 'UTC']);
};

let byLowerCase: Map<string, string> | undefined;

/**
 * A valid zone as the tz database spells it: `america/new_york` is `America/New_York`, which other
 * software (Python's zoneinfo, on a case-sensitive file system) needs.
 */
export function zoneName(zone: string): string {
  listed ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (listed.has(zone) || zone === 'UTC') return zone;
  byLowerCase ??= new Map([...listed, 'UTC'].map((z) => [z.toLowerCase(), z]));
  // The list holds ICU's canonical names, often the old ones (Asia/Calcutta): a name it lacks (Asia/Kolkata,
  // a link such as US/Eastern or EST) is kept as written. (ICU's own name for it may be another zone's,
  // EST's is America/Panama, or one newer systems no longer ship.)
  return byLowerCase.get(zone.toLowerCase()) ?? zone;
}

const BUCKET = 6 * HOUR;
/** zone → 6-hour bucket → the offset throughout it, or null when a transition falls inside. */
const bucketCache = new Map<string, Map<number, number | null>>();
/** zone → bucket boundary → the exact offset there (each boundary ends one bucket and starts the next). */
const boundaryCache = new Map<string, Map<number, number>>();

/**
 * Offset of `zone` from UTC at `instant`, in milliseconds (east positive). Asking Intl is slow, so a
 * 6-hour span whose two ends have the same offset is remembered as uniform (no zone has changed its clock
 * and back within six hours); spans with a transition inside are always asked exactly.
 */
export function offsetAt(zone: string, instant: Date | number): number {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const bucket = Math.floor(t / BUCKET);
  let zoneBuckets = bucketCache.get(zone);
  if (zoneBuckets === undefined) bucketCache.set(zone, (zoneBuckets = new Map()));
  let uniform = zoneBuckets.get(bucket);
  if (uniform === undefined) uniform = taughtOffset(zone, bucket);
  if (uniform === undefined) {
    const start = boundaryOffset(zone, bucket * BUCKET);
    // The next bucket's first instant: a transition exactly there leaves this bucket uniform but is
    // seen as one inside it, which only costs exact answers, never a wrong one.
    uniform = start === boundaryOffset(zone, (bucket + 1) * BUCKET) ? start : null;
    zoneBuckets.set(bucket, uniform);
    if (uniform !== null) asked += 1;
  }
  return uniform ?? exactOffset(zone, t);
}

/**
 * Offsets learnt by an earlier process with the same tz database (the build cache keeps them): per zone,
 * runs of consecutive uniform buckets as `[first bucket, count, offset]` triples, sorted and disjoint.
 */
const taught = new Map<string, number[]>();

/** The offset throughout `bucket` as taught (also remembered in bucketCache), or undefined. */
function taughtOffset(zone: string, bucket: number): number | undefined {
  const runs = taught.get(zone);
  if (runs === undefined) return undefined;
  let lo = 0;
  let hi = runs.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = runs[mid * 3] as number;
    if (bucket < first) hi = mid - 1;
    else if (bucket >= first + (runs[mid * 3 + 1] as number)) lo = mid + 1;
    else {
      const offset = runs[mid * 3 + 2] as number;
      bucketCache.get(zone)?.set(bucket, offset);
      return offset;
    }
  }
  return undefined;
}

/** Uniform buckets this process asked Intl about (not taught). */
let asked = 0;

/**
 * Everything this process knows of uniform buckets (taught or asked), by zone, as runs (see `taught`):
 * for `teachOffsets` in a later process with the same tz database (the caller keeps track of which).
 * Undefined when it asked nothing new.
 */
export function learntOffsets(): Record<string, number[]> | undefined {
  if (asked === 0) return undefined;
  const out: Record<string, number[]> = {};
  for (const zone of [...new Set([...taught.keys(), ...bucketCache.keys()])].sort()) {
    // Runs of the buckets this process knows (asked, or looked up in the taught runs), then both lists in one pass.
    const known: number[] = [];
    const uniform = [...(bucketCache.get(zone) ?? [])].filter((e): e is [number, number] => e[1] !== null).sort((x, y) => x[0] - y[0]);
    for (const [bucket, offset] of uniform) extend(known, bucket, 1, offset);
    const runs = [...triples(taught.get(zone) ?? []), ...triples(known)].sort((x, y) => x[0] - y[0]);
    const merged: number[] = [];
    for (const [first, count, offset] of runs) extend(merged, first, count, offset);
    if (merged.length > 0) out[zone] = merged;
  }
  return out;
}

function triples(runs: readonly number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i + 2 < runs.length; i += 3) out.push([runs[i] as number, runs[i + 1] as number, runs[i + 2] as number]);
  return out;
}

/** Appends a run to runs sorted by start, joining it to the last one when they touch or overlap with the same offset. */
function extend(runs: number[], first: number, count: number, offset: number): void {
  const n = runs.length;
  const lastEnd = n === 0 ? -Infinity : (runs[n - 3] as number) + (runs[n - 2] as number);
  if (n > 0 && runs[n - 1] === offset && first <= lastEnd) runs[n - 2] = Math.max(lastEnd, first + count) - (runs[n - 3] as number);
  else if (first >= lastEnd) runs.push(first, count, offset);
  // (An overlap with another offset cannot come from one tz database: the later run is dropped.)
}

/**
 * Takes what an earlier process learnt (`learntOffsets`), which the caller has checked was learnt with
 * this process's tz database. Anything not shaped as learntOffsets writes it is ignored, zone by zone.
 */
export function teachOffsets(learnt: unknown): void {
  if (learnt === null || typeof learnt !== 'object') return;
  for (const [zone, runs] of Object.entries(learnt)) {
    if (!Array.isArray(runs) || runs.length % 3 !== 0 || !runs.every((n) => Number.isSafeInteger(n))) continue;
    let end = -Infinity;
    let sorted = true;
    for (let i = 0; i < runs.length && sorted; i += 3) {
      sorted = (runs[i] as number) >= end && (runs[i + 1] as number) > 0;
      end = (runs[i] as number) + (runs[i + 1] as number);
    }
    if (sorted && runs.length > 0) taught.set(zone, runs as number[]);
  }
}

function boundaryOffset(zone: string, at: number): number {
  let known = boundaryCache.get(zone);
  if (known === undefined) boundaryCache.set(zone, (known = new Map()));
  let offset = known.get(at);
  if (offset === undefined) known.set(at, (offset = exactOffset(zone, at)));
  return offset;
}

/** What the formatters write: `2/4/2025, 20:02:03`. */
const FORMATTED = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

function exactOffset(zone: string, instant: number): number {
  const f = formatter(zone);
  if (f === null) throw new RangeError(`unknown time zone ${zone}`);
  const t = Math.floor(instant / 1000) * 1000;
  // format() and a regex cost a third of formatToParts; the parts stay the fallback for any other shape.
  const m = FORMATTED.exec(f.format(t));
  let year: number, month: number, day: number, hour: number, minute: number, second: number;
  if (m !== null) {
    [year, month, day, hour, minute, second] = [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
  } else {
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    [year, month, day, hour, minute, second] = [p['year'] ?? 2000, p['month'] ?? 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0];
  }
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  wall.setUTCFullYear(year);
  const offset = wall.getTime() - t;
  if (Math.abs(offset) < 36 * HOUR) return offset;
  // Intl writes the year of an era: year 0 and before (1 BC, 2 BC…) come out as 1, 2…, a year or more
  // off. An offset is less than a day, so the wall clock's year is the instant's UTC year or one beside it.
  const utcYear = new Date(t).getUTCFullYear();
  let best = offset;
  for (const y of [utcYear - 1, utcYear, utcYear + 1]) {
    wall.setUTCFullYear(y, month - 1, day);
    const o = wall.getTime() - t;
    if (Math.abs(o) < Math.abs(best)) best = o;
  }
  return best;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LOOSE_TIME = /^(\d{1,4})-(\d{1,2})-(\d{1,2})(?!\d)(?:[Tt ]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?/;

/**
 * What is wrong with a desk time `parseDeskTime` calls no time (`format`), when it is nearly one: a day
 * the month lacks, an hour past 23, a digit missing (`2025-02-30 09:00`: February 2025 has 28 days).
 * Undefined when it is not of the form at all. `time: false` for a date alone (`dateline.date`).
 */
export function deskTimeProblem(value: string, time = true): string | undefined {
  const t = value.trim();
  // Digits alone: a date without its dashes (`20250205`, `202502050924`), or a count of seconds.
  const digits = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?$/.exec(t);
  if (digits !== null) {
    const [, y, mo, d, h, mi] = digits;
    if (!time) return `write it with dashes: "${y}-${mo}-${d}"`;
    return h === undefined ? `write it with dashes, and its time: "${y}-${mo}-${d} 09:24"` : `write it with dashes and a colon: "${y}-${mo}-${d} ${h}:${mi}"`;
  }
  // (Seconds, or milliseconds as JavaScript counts them: the instant is said as it would be written.)
  if (time && /^\d{9,13}(?:\.\d+)?$/.test(t)) {
    const ms = Number(t) * (t.split('.')[0]!.length > 11 ? 1 : 1000);
    return `a count of ${ms === Number(t) ? 'milliseconds' : 'seconds'} since 1970 (Unix time) is not read: write the instant it is, "${new Date(ms).toISOString().replace(/\.000Z$/, 'Z')}"`;
  }
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/.test(t)) return 'write the date year first, as YYYY-MM-DD (which is the day and which the month in a date like 12/03/2024 depends on the country)';
  const m = LOOSE_TIME.exec(t);
  if (m === null) return undefined;
  const [, y = '', mo = '', d = '', h, mi, s] = m;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12) return `there is no month ${mo}`;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0);
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${y.padStart(4, '0')} has ${days} days`;
  if (!time) return y.length !== 4 || mo.length !== 2 || d.length !== 2 ? 'write each part with its digits in full: four for the year, two for the others ("2025-02-04")' : undefined;
  // (Only when nothing but a "T" or a zone follows the date: `2025-01-01 1018` has a time, written otherwise.)
  if (h === undefined) return /^[Tt ]*(?:[Zz]|[+-]\d{2}:?\d{2})?$/.test(t.slice(m[0].length)) ? 'the time is missing (write "2025-02-05 09:24")' : undefined;
  if (Number(h) === 24 && Number(mi) === 0) return 'midnight is 00:00 of the next day';
  if (Number(h) > 23) return `there is no hour ${h} (00 to 23)`;
  if (Number(mi) > 59 || Number(s ?? 0) > 59) return 'minutes and seconds go from 00 to 59';
  if (y.length !== 4 || mo.length !== 2 || d.length !== 2 || h.length !== 2 || (mi ?? '').length !== 2 || (s !== undefined && s.length !== 2)) {
    return 'write each part with its digits in full: four for the year, two for the others ("2025-02-05 09:24")';
  }
  return undefined;
}

function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  // Date.UTC maps two-digit years into the 1900s; setUTCFullYear keeps the year as written.
  back.setUTCFullYear(y);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return back.getTime();
}

/**
 * Reads a time as a desk writes it. With an offset (`2025-02-05T09:24:00+08:00`, `…Z`) it is an instant;
 * without (`2025-02-05 09:24`) it is wall-clock time in `zone`. A wall-clock time that the zone skips
 * (spring-forward gap) or repeats (fall-back overlap) is refused rather than guessed.
 */
export function parseDeskTime(value: string, zone: string): DeskTime {
  const m = DESK_TIME.exec(value.trim());
  if (m === null) return { ok: false, problem: 'format' };
  const [, y, mo, d, h, mi, s, off] = m;
  const local = validFields(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? '0'));
  if (local === undefined) return { ok: false, problem: 'format' };
  if (off !== undefined) {
    if (off === 'Z' || off === 'z') return { ok: true, instant: new Date(local) };
    const digits = off.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) return { ok: false, problem: 'format' };
    const sign = digits.startsWith('-') ? -1 : 1;
    return { ok: true, instant: new Date(local - sign * (oh * 60 + om) * 60_000) };
  }
  // The offsets in force a day either side cover every transition a wall-clock time can fall into.
  const before = offsetAt(zone, local - 24 * HOUR);
  const at = offsetAt(zone, local);
  const after = offsetAt(zone, local + 24 * HOUR);
  if (before === at && at === after) {
    // The usual case, one offset all around: the same answer as below without the sets and lists.
    return offsetAt(zone, local - at) === at ? { ok: true, instant: new Date(local - at) } : { ok: false, problem: 'nonexistent' };
  }
  const offsets = new Set([before, at, after]);
  const instants = [...offsets]
    .filter((o) => offsetAt(zone, local - o) === o)
    .map((o) => local - o)
    .sort((a, b) => a - b);
  if (instants.length === 0) {
    // (The wall clock as written, with the offset of the day before: an instant the desk can mean and paste.)
    const secs = s === undefined ? ':00' : `:${s}`;
    // (An offset of seconds, as local mean time had, is no offset a date may be written with: that instant in
    // UTC then. QA: `-00:44:30` was offered, and refused when pasted.)
    if (before % 60_000 !== 0) return { ok: false, problem: 'nonexistent', earlier: new Date(local - before).toISOString().replace('.000Z', 'Z') };
    return { ok: false, problem: 'nonexistent', earlier: `${y}-${mo}-${d}T${h}:${mi}${secs}${offsetText(before / 1000)}` };
  }
  if (instants.length > 1) {
    return { ok: false, problem: 'ambiguous', candidates: instants.map((t) => formatRfc3339(new Date(t), zone)) };
  }
  return { ok: true, instant: new Date(instants[0] as number) };
}

const yearStart = (y: number): number => new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(y);
/** Instants a day inside years 1–9999 of UTC: in those years in any zone, so the usual case costs no offset. */
const SAFE_FROM = yearStart(1) + 24 * HOUR;
const SAFE_UNTIL = yearStart(10000) - 24 * HOUR;

/**
 * Whether RSS (RFC 822 dates in GMT) and RFC 3339 (Atom, JSON Feed, with the zone's offset) can write the
 * instant with a four-digit year from 0001 to 9999: RFC 3339's year 0000 is refused by common parsers
 * (Python's datetime among them), and year 10000 is no RFC 822 or RFC 3339 date.
 */
export function writableYear(instant: Date, zone: string): boolean {
  const t = instant.getTime();
  if (t >= SAFE_FROM && t < SAFE_UNTIL) return true;
  const utc = instant.getUTCFullYear();
  const local = localParts(instant, zone).year;
  return utc >= 1 && utc <= 9999 && local >= 1 && local <= 9999;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  return m !== null && validFields(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0) !== undefined;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The offset in whole seconds (tz offsets are whole seconds; local mean time has seconds too). */
  offsetSeconds: number;
}

/** `+08:00`, `-00:44:30`: an offset, with its seconds when it has some. */
export function offsetText(offsetSeconds: number): string {
  const abs = Math.abs(Math.round(offsetSeconds));
  const secs = abs % 60 === 0 ? '' : `:${pad(abs % 60)}`;
  return `${offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${secs}`;
}

/**
 * Wall-clock fields of `instant` in `zone`, by the zone's exact offset then: one of seconds too (local
 * mean time before a zone's standard time, Shanghai's +8:05:43 before 1901, Liberia's -0:44:30 until
 * 1972), so that a story's day and month are the desk's.
 */
export function localParts(instant: Date, zone: string): LocalParts {
  const offset = offsetAt(zone, instant);
  const t = new Date(instant.getTime() + offset);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    offsetSeconds: Math.round(offset / 1000),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of `instant` at `zone`. */
export function localDate(instant: Date, zone: string): string {
  const p = localParts(instant, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const MONTHS_SEEN = new Map<number, string>();

/** `YYYY-MM` at an instant in a zone: localDate's month, without making the day (planning asks it of every article). */
export function localMonth(instant: Date, zone: string): string {
  const t = new Date(instant.getTime() + offsetAt(zone, instant));
  const key = t.getUTCFullYear() * 12 + t.getUTCMonth();
  let month = MONTHS_SEEN.get(key);
  if (month === undefined) MONTHS_SEEN.set(key, (month = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}`));
  return month;
}

/**
 * RFC 3339 with the zone's offset at that instant: `2025-02-05T09:24:00+08:00` (`+00:00`, never `Z`). An
 * offset of seconds (local mean time: see localParts), which RFC 3339 cannot write, gives the time in
 * UTC, exact: rounding the offset would move the wall clock or the instant.
 */
export function formatRfc3339(instant: Date, zone: string): string {
  const p = localParts(instant, offsetAt(zone, instant) % 60_000 === 0 ? zone : 'UTC');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(p.offsetSeconds)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * RSS 2.0 dates are RFC 822 date-times; we write the form the RSS Best Practices Profile and the W3C
 * validator accept without comment: English day and month names, four-digit year, `GMT`.
 */
export function formatRfc822(instant: Date): string {
  const d = instant;
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCFullYear(), 4)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
  );
}
