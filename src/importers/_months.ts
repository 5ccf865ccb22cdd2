/**
 * English month names as wire copy prints them, for dateline leads (`_dateline-lead.ts`) and stamps (`_stamps.ts`):
 * in full, or AP's and Reuters' short forms (`Feb.`, `Sept.`, `Feb`, `Sep`). One table, so that what one
 * reads the other reads too. And weekday names, for the dates datelines and stamps print.
 */

/** One month's name, full or short, without its full stop; in title case (stamps add the `i` flag). */
export const MONTH_NAME = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

/**
 * French, Spanish, Italian and Portuguese month names, full or short (`février`, `févr.`, `fév`, `febrero`, `feb`,
 * `febbraio`, `fevereiro`, `fev`, `août`, `ago`, `dic`, `dez`, `ott`, `out`).
 */
export const ROMANCE_MONTH = String.raw`janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|set(?:iembre)?|sept?(?:iembre)?|dic(?:iembre)?` +
  String.raw`|gen(?:naio)?|febbraio|apr(?:ile)?|mag(?:gio)?|giu(?:gno)?|lug(?:lio)?|sett(?:embre)?|ott(?:obre)?|dicembre|jan(?:eiro)?|fev(?:ereiro)?|mar[çc]o|maio|jun(?:ho)?|jul(?:ho)?|set(?:embro)?|out(?:ubro)?|nov(?:embro)?|dez(?:embro)?`;
/**
 * The language a month's name is French, Spanish, Italian or Portuguese in, when it is only one's (`fév`, `août`,
 * `déc`: French; `febrero`, `ene`: Spanish; `febbraio`, `gen`, `ott`: Italian; `fevereiro`, `fev`, `out`, `dez`:
 * Portuguese); undefined for a name several spell so (`sept`, `oct`, `nov`, `ago`, `dic`, `abr`, `set`), or English too
 * (`feb`, `may`, `jan`), or `mai` (French's, and Portuguese's short).
 */
export function romanceLanguage(name: string): 'fr' | 'es' | 'it' | 'pt' | undefined {
  const n = name.toLowerCase();
  if (/^(?:janv|fév|févr|février|mars|avr|avril|juin|juil|juillet|ao[uû]t|déc|décembre|janvier|septembre|octobre)$/u.test(n)) return 'fr';
  // (Not `feb`, `mar`, `may`, `jun`, `jul`: English's names too, in lower case; nor `abr`, `ago`, `dic`, `set`: others' too.)
  if (/^(?:ene|enero|febrero|marzo|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre)$/u.test(n)) return 'es';
  if (/^(?:gen|gennaio|febbraio|aprile|mag|maggio|giu|giugno|lug|luglio|sett|settembre|ott|ottobre|dicembre)$/u.test(n)) return 'it';
  if (/^(?:janeiro|fev|fevereiro|março|marco|maio|junho|julho|setembro|out|outubro|novembro|dez|dezembro)$/u.test(n)) return 'pt';
  return undefined;
}

/** The month (1–12) of a name ROMANCE_MONTH matched, by its first letters; undefined for none. */
export function romanceMonth(name: string): number | undefined {
  const n = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const starts: readonly (readonly string[])[] = [['jan', 'ene', 'gen'], ['fe'], ['mar'], ['av', 'ab', 'ap'], ['mai', 'may', 'mag'], ['juin', 'jun', 'giu'],
    ['juil', 'jul', 'lug'], ['ao', 'ag'], ['se'], ['oc', 'ot', 'ou'], ['no'], ['de', 'di']];
  const i = starts.findIndex((prefixes) => prefixes.some((p) => n.startsWith(p)));
  return i < 0 ? undefined : i + 1;
}

const SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month (1–12) of a name `MONTH_NAME` matched, in any case. */
export const monthNumber = (name: string): number => SHORT.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** One weekday's name, full or short (`Thursday`, `Thurs`, `Thu`), without its full stop (add the `i` flag). */
export const WEEKDAY_NAME = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun';

/** The day of the week (0 for Sunday) of a name `WEEKDAY_NAME` matched, in any case. */
export const weekdayNumber = (name: string): number => ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(name.slice(0, 3).toLowerCase());

const WEEKDAY = `(?:${WEEKDAY_NAME})\\.?,?\\s+`;
const MONTH_FIRST = new RegExp(`^(?:${WEEKDAY})?(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\.?$`, 'i');
const DAY_FIRST = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME})\\.?(?:,?\\s+(\\d{4}))?\\.?$`, 'i');

/**
 * A day as a dateline prints it in words (`March 4`, `Tue., March 4, 2025`, `4 March 2025`, `2025-03-04`):
 * its month and day, and its year when printed. Undefined for anything else.
 */
export function printedDay(text: string): { month: number; day: number; year?: number } | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso !== null) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const m = MONTH_FIRST.exec(t);
  if (m !== null) return { month: monthNumber(m[1] ?? ''), day: Number(m[2]), ...(m[3] === undefined ? {} : { year: Number(m[3]) }) };
  const d = DAY_FIRST.exec(t);
  if (d !== null) return { month: monthNumber(d[2] ?? ''), day: Number(d[1]), ...(d[3] === undefined ? {} : { year: Number(d[3]) }) };
  return undefined;
}
