/** HTTP-dates read back (RFC 9110 §5.6.7), for the manifest's Last-Modified and the conditional request headers. Pure. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const DAY_L = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${DAY_L}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/**
 * Milliseconds since the epoch of an HTTP-date, or undefined when the value is not one.
 *
 * RFC 9110 §5.6.7: `HTTP-date = IMF-fixdate / obs-date`, `obs-date = rfc850-date / asctime-date`, and
 * "HTTP-date is case sensitive". Only these three forms are accepted: §13.1.3 says "A recipient MUST ignore
 * the If-Modified-Since header field if the received field value is not a valid HTTP-date, the field value
 * has more than one member, ...", and `Date.parse` would accept far more (a bare year, a list's first date).
 * rfc850-date's two-digit years are read as 1970–2069: the RFC's "more than 50 years in the future" rule
 * needs the clock, which this module does not read.
 */
export function parseHttpDate(value: string): number | undefined {
  const v = value.trim();
  let day: string | undefined;
  let month: string | undefined;
  let year: number | undefined;
  let time: (string | undefined)[] = [];
  let m = IMF_FIXDATE.exec(v);
  if (m !== null) {
    [day, month, year, time] = [m[1], m[2], Number(m[3]), m.slice(4, 7)];
  } else if ((m = RFC850_DATE.exec(v)) !== null) {
    const yy = Number(m[3]);
    [day, month, year, time] = [m[1], m[2], yy < 70 ? 2000 + yy : 1900 + yy, m.slice(4, 7)];
  } else if ((m = ASCTIME_DATE.exec(v)) !== null) {
    [month, day, time, year] = [m[1], m[2], m.slice(3, 6), Number(m[6])];
  } else {
    return undefined;
  }
  const [hh, mm, ss] = time.map(Number) as [number, number, number];
  const d = Number(day);
  const mo = MONTHS.indexOf(month ?? '');
  if (hh > 23 || mm > 59 || ss > 60 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(year, mo, d, hh, mm, Math.min(ss, 59));
  // Reject a day the month does not have (31 Feb would roll over into March).
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}
