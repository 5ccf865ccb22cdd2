/**
 * Datelines in each house style. The date in a dateline is the local date at the dateline city: a story
 * stamped 2025-02-05 09:24 in Beijing and filed from Washington carries "Feb. 4".
 */
import type { DatelineStyle, SiteConfig } from '../types.js';
import { chineseWords } from './_chinese.js';
import { isolated, isRightToLeft } from './_direction.js';

/** AP (and Xinhua English) abbreviate only months of more than five letters; March–July are spelled out. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'] as const;
/** Reuters uses the same abbreviations without full stops. */
const REUTERS_MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

/** Styles that always print a date; the others print one only when the site asks for dated datelines. */
export function styleNeedsDate(style: DatelineStyle, dated: boolean): boolean {
  switch (style) {
    case 'xinhua':
    case 'reuters':
    case 'xinhua-zh':
      return true;
    case 'ap':
    case 'plain':
      return dated;
  }
}

export interface DatelineParts {
  city: string;
  /** Local date at the dateline city (`YYYY-MM-DD`); required when `styleNeedsDate`. */
  date?: string | undefined;
  /** The agency whose copy this is; printed in the style's place for it. Staff copy has none. */
  agency?: string | undefined;
  /** The story's language: `xinhua-zh` prints traditional characters for `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant` (本報…電). */
  language?: string | undefined;
  /** No direction isolates around a right-to-left city or agency (for a message, not a line readers see). */
  plain?: boolean;
}

/**
 * What agencies print for themselves in a dateline, by the name a record may give in full (compared
 * without case, and without a leading "The"): `WASHINGTON (AP) —`, never `(Associated Press)`. (QA: copy
 * signed "By … Associated Press" gave the agency's full name, and the dateline printed it.) The record's
 * agency, in the feeds' agency elements, stays as written.
 */
const DATELINE_CREDITS: Readonly<Record<string, string>> = {
  'associated press': 'AP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  'xinhua news agency': 'Xinhua',
  'kyodo news': 'Kyodo',
  'kyodo news agency': 'Kyodo',
  'yonhap news agency': 'Yonhap',
  'united press international': 'UPI',
  'press trust of india': 'PTI',
  'deutsche presse-agentur': 'dpa',
  'australian associated press': 'AAP',
  'canadian press': 'CP',
  'agencia efe': 'EFE',
  'bloomberg news': 'Bloomberg',
};

/** The credit an agency prints in its datelines: its short form where it has one, else its name as given. */
export function datelineCredit(agency: string): string {
  return DATELINE_CREDITS[agency.trim().replace(/^the\s+/i, '').replace(/\s+/g, ' ').toLowerCase()] ?? agency;
}

/**
 * The printed dateline. The style gives the form; the credit in it is the article's own agency, so an AP
 * story at a Xinhua-style desk reads "GENEVA, March 19 (AP) --" and staff copy carries no agency at all.
 */
export function renderDateline(style: DatelineStyle, parts: DatelineParts, dated: boolean): string {
  const { city, date, agency } = parts;
  const m = date === undefined ? undefined : { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
  // A city or agency in a right-to-left script is isolated in a left-to-right story, so the date and dashes
  // stay where they belong. Not in a right-to-left one: the dateline leads its paragraph, whose direction
  // a reader may take from the first letter (which an isolate would hide).
  const shown = parts.plain === true || (parts.language !== undefined && isRightToLeft(parts.language)) ? (v: string): string => v : (v: string): string => isolated(v);
  const caps = shown(city.toUpperCase());
  const credit = agency === undefined ? '' : ` (${shown(datelineCredit(agency))})`;
  const ap = m === undefined ? '' : `, ${AP_MONTHS[m.month - 1]} ${m.day}`;
  switch (style) {
    case 'xinhua':
      return `${caps}${ap}${credit} --`;
    case 'reuters':
      return `${caps}${m === undefined ? '' : `, ${REUTERS_MONTHS[m.month - 1]} ${m.day}`}${credit} -`;
    case 'xinhua-zh': {
      // Xinhua's own form; a paper's staff copy reads 本报 ("this paper") in the agency's place.
      const words = chineseWords(parts.language);
      return `${shown(agency ?? words.staff)}${shown(city)}${m === undefined ? '' : `${m.month}月${m.day}日`}${words.filed}`;
    }
    case 'ap':
    case 'plain':
      return `${caps}${dated ? ap : ''}${credit} —`;
  }
}

/** The house style for an article language: `zh-CN`, then `zh`, then `default`. */
export function styleFor(config: Pick<SiteConfig, 'datelineStyle' | 'language'>, language: string | undefined): DatelineStyle {
  const lang = (language ?? config.language).toLowerCase();
  const styles = config.datelineStyle as Record<string, DatelineStyle | undefined>;
  return styles[lang] ?? styles[lang.split('-')[0] ?? ''] ?? config.datelineStyle.default;
}
