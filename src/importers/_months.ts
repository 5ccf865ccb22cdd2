/**
 * English month names as wire copy prints them, for dateline leads (`lines.ts`) and stamps (`_stamps.ts`):
 * in full, or AP's and Reuters' short forms (`Feb.`, `Sept.`, `Feb`, `Sep`). One table, so that what one
 * reads the other reads too.
 */

/** One month's name, full or short, without its full stop; in title case (stamps add the `i` flag). */
export const MONTH_NAME = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

const SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month (1–12) of a name `MONTH_NAME` matched, in any case. */
export const monthNumber = (name: string): number => SHORT.indexOf(name.slice(0, 3).toLowerCase()) + 1;
