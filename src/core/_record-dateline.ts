/**
 * A record's dateline read: its city and country, its zone (an IANA name; a fixed offset an older record
 * holds kept and said), the local date it gives, checked against the story's first publication and the house
 * style (which prints the day at the city, so needs the zone or the date).
 */
import { diagnostic, Errors } from '../errors.js';
import type { DatelineField } from '../types.js';
import { deskTimeProblem, isLocalDate, isValidTimeZone, localDate, whyZoneRefused, writableYear, zoneName } from './_dates.js';
import { valueAt } from './_paths.js';
import { oneLine, visible } from './_credit-fields.js';
import type { FieldReader } from './_record-reader.js';
import { isFixedZone } from './_zones.js';
import { renderDateline, styleFor, styleNeedsDate } from './dateline.js';

/** The dateline of the record `r` reads: `published`, its first publication; `agency`, its agency's name; `language`, its own. */
export function readDateline(r: FieldReader, published: Date | undefined, agency: { name: string } | undefined, language: string | undefined): DatelineField | undefined {
  let dateline: DatelineField | undefined;
  const city = r.nonEmpty(['dateline', 'city']);
  if (city !== undefined) {
    dateline = { city: oneLine(city) };
    const country = visible(oneLine(r.str(['dateline', 'country'])));
    if (country) dateline.country = country;
    const zone = r.str(['dateline', 'timezone'])?.trim();
    if (zone !== undefined) {
      if (isValidTimeZone(zone)) dateline.timezone = zoneName(zone);
      // (A record of the archive may hold one from before they were refused: kept, as it was read then, and said.)
      else if (isFixedZone(zone)) {
        dateline.timezone = zone;
        r.fail(['dateline', 'timezone'], (w) => diagnostic(Errors.ZoneFixed, w, zone, whyZoneRefused(zone)));
      } else r.fail(['dateline', 'timezone'], (w) => diagnostic(Errors.ZoneUnknown, w, zone, whyZoneRefused(zone)));
    }
    // The dateline prints the day at its city: that day's year must be writable too.
    if (published !== undefined && dateline.timezone !== undefined && !writableYear(published, dateline.timezone)) {
      r.fail(['date'], (w) => diagnostic(Errors.DateOutOfRange, w, r.str(['date']) ?? '', published.toISOString().replace('.000Z', 'Z')));
    }
    const date = r.str(['dateline', 'date'])?.trim();
    if (date !== undefined) {
      if (isLocalDate(date) && !date.startsWith('0000')) dateline.date = date;
      else r.fail(['dateline', 'date'], (w) => diagnostic(Errors.DateOnlyFormat, w, date, deskTimeProblem(date, false)));
    }
    const style = styleFor(r.config, language);
    // (A date given in a form not read, `date: 20250204`, is said as such: not also as none given.)
    if (zone === undefined && valueAt(r.data, ['dateline', 'date']) == null && styleNeedsDate(style, r.config.datelineDated)) {
      r.fail(['dateline'], (w) => diagnostic(Errors.DatelineZoneNeeded, w, style));
    }
    // Chinese datelines run the agency, city and date together: a name in Latin letters runs into them.
    if (style === 'xinhua-zh' && /[A-Za-z]/.test(city + (agency?.name ?? ''))) {
      const printed = renderDateline(style, { city, agency: agency?.name, language: language ?? r.config.language, plain: true, date: dateline.date ?? (published !== undefined && dateline.timezone !== undefined ? localDate(published, dateline.timezone) : undefined) }, r.config.datelineDated);
      r.fail(['dateline', 'city'], (w) => diagnostic(Errors.DatelineNotChinese, w, printed));
    }
    // A date the copy gives can be checked against the instant: a story is filed before it is published.
    if (dateline.date !== undefined && dateline.timezone !== undefined && published !== undefined) {
      const there = localDate(published, dateline.timezone);
      const given = dateline.date;
      if (given > there) r.fail(['dateline', 'date'], (w) => diagnostic(Errors.DatelineDateLater, w, given, city, there));
    }
  }
  return dateline;
}
