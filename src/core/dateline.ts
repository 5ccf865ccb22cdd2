/**
 * Datelines in each house style. The date in a dateline is the local date at the dateline city: a story
 * stamped 2025-02-05 09:24 in Beijing and filed from Washington carries "Feb. 4".
 */
import type { DatelineStyle } from '../types.js';

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

/** `date` is the local date at the dateline city (`YYYY-MM-DD`), required when `styleNeedsDate`. */
export function renderDateline(style: DatelineStyle, city: string, date: string | undefined, dated: boolean): string {
  const m = date === undefined ? undefined : { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
  const caps = city.toUpperCase();
  const ap = m === undefined ? undefined : `${AP_MONTHS[m.month - 1]} ${m.day}`;
  switch (style) {
    case 'xinhua':
      return `${caps}, ${ap} (Xinhua) --`;
    case 'reuters':
      return `${caps}, ${REUTERS_MONTHS[(m?.month ?? 1) - 1]} ${m?.day} (Reuters) -`;
    case 'xinhua-zh':
      return `新华社${city}${m?.month}月${m?.day}日电`;
    case 'ap':
      return dated && ap !== undefined ? `${caps}, ${ap} (AP) —` : `${caps} (AP) —`;
    case 'plain':
      return dated && ap !== undefined ? `${caps}, ${ap} —` : `${caps} —`;
  }
}
