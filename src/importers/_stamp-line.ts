/**
 * A stamp line's parts: the stamps, bylines, sources and places a page prints on one line with its stamp, between
 * bars (`By ZHANG YI | China Daily | Updated: …`) or none (`By Global Times Published: …`, `Madrid - FEB 05, 2025 -
 * 10:30 CET`, `05 Feb 2025 10:30AM (Updated: …)`, `2025-02-05 09:24 新京报`), each read on its own.
 */
import { isPlaceName } from './_places.js';
import { isStamp } from './_stamps.js';

/** A labelled credit of a page's info line (`Source: Xinhua`, `Editor: huaxia`, `来源：新华网`). */
export const CREDITED = /^(?:Source|By|Editor|来源|來源|作者|编辑|編輯|责任编辑|責任編輯)\s*[:：]/i;
const SPACED_BARS = /\s+[|｜丨·•]\s+|\s+\/\s+(?=\S)|\s+(?=(?:来源|來源|作者|责任编辑|責任編輯|编辑|編輯)\s*[:：])/;
const ANY_BARS = /\s*[|｜丨]\s*|\s+(?=(?:来源|來源|作者|责任编辑|責任編輯|编辑|編輯)\s*[:：])/;
/**
 * A stamp line may carry other credits between bars: "By ZHANG YI | China Daily | Updated: 2025-02-05 07:11"
 * (or spaced slashes, as the Times of India prints them: "TOI News Desk / TIMESOFINDIA.COM / Updated: …");
 * Chinese pages put the source after spaces alone: "2025-02-05 09:24 来源：新华网". Bars without spaces
 * around them split only a line that opens with a source or a byline, as Xinhua's English pages print it
 * ("Source: Xinhua| 2025-02-05 09:24:00| Editor: huaxia"): a headline (时政微观察丨…, "Live|Feb 5, 2025 9:24
 * a.m.") or a table row is no stamp line (review).
 */
export function segments(text: string): string[] {
  const parts = text.split(CREDITED.test(text) ? ANY_BARS : SPACED_BARS).flatMap((seg) => (/^By\s/i.test(seg) ? seg.split(STAMP_AFTER_BYLINE) : [seg])).flatMap((seg) => (stampedTwice(seg) ? seg.split(SECOND_STAMP) : [seg]))
    // (Each of these parts a stamp from what is around it: only a part with a digit may hold one.)
    .flatMap((seg) => (/\d/.test(seg) ? placeApart(seg).flatMap(bracketedUpdate).flatMap(sourceBeforeStamp).flatMap(zhBeforeStamp) : [seg]));
  if (parts.length < 2) return parts;
  // A date and its time parted by a bar, a spaced slash or a dot (`February 5, 2025 / 10:30 AM EST`, `10:30 AM · Feb 5,
  // 2025`): one stamp.
  const out: string[] = [];
  for (const seg of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /\d/.test(prev) && /\d/.test(seg) && !isStamp(prev) && !isStamp(seg) && isStamp(`${prev} | ${seg}`)) out[out.length - 1] = `${prev} | ${seg}`;
    else out.push(seg);
  }
  return out;
}
/**
 * A place and a stamp parted by a spaced dash, as El País prints where its reporters were before its stamp
 * (`Madrid - FEB 05, 2025 - 10:30 CET`; `Madrid / Washington - …`, the last place here): two segments, when
 * the gazetteer knows the place. (The line was no stamp.)
 */
function placeApart(seg: string): string[] {
  const m = PLACE_BEFORE_STAMP.exec(seg);
  if (m === null || !isPlaceName(m[1] ?? '')) return [seg];
  const rest = seg.slice(m[0].length);
  return isStamp(rest) ? [m[1] ?? '', rest] : [seg];
}
/**
 * A stamp and its update in brackets after it, as Channel NewsAsia prints them (`05 Feb 2025 10:30AM (Updated: 05
 * Feb 2025 12:15PM)`): two segments, the brackets off, when the first is a stamp. (The line was no stamp.)
 */
function bracketedUpdate(seg: string): string[] {
  const m = BRACKETED_UPDATE.exec(seg);
  return m !== null && isStamp(m[1] ?? '') ? [m[1] ?? '', m[2] ?? ''] : [seg];
}
const BRACKETED_UPDATE = /^(\S.{0,80}?)\s*[(（]((?:last )?(?:updated|modified)\b[^()（）]{1,80})[)）]$/i;
/**
 * A source in brackets before the stamp, as People's Daily prints it (`(Xinhua) 09:24, February 05, 2025`, `By Jane
 * Doe (People's Daily Online) 09:24, …`): two segments, the source out of its brackets, after a byline's bar.
 * (The line was no stamp.)
 */
function sourceBeforeStamp(seg: string): string[] {
  const m = SOURCE_BEFORE_STAMP.exec(seg);
  if (m?.groups === undefined || !isStamp(m.groups['stamp'] ?? '')) return [seg];
  return [m.groups['by'] === undefined ? (m.groups['source'] ?? '') : `${m.groups['by'].trim()} | ${m.groups['source']}`, m.groups['stamp'] ?? ''];
}
const SOURCE_BEFORE_STAMP = /^(?<by>By \p{Lu}[^()]{0,60}?\s)?\((?<source>\p{Lu}[^()]{1,40})\)\s+(?<stamp>\d.{0,60})$/u;
/**
 * Chinese words before the stamp, a space apart, as The Paper prints its reporter (`澎湃新闻记者 王晓岚
 * 2025-02-05 09:24`), and after it (`zhAfterStamp`): the segments, unless the whole is a stamp (`发布时间：北京时间
 * 2025-02-05 09:24`). (The line was no stamp.)
 */
function zhBeforeStamp(seg: string): string[] {
  const m = /^(\p{Script=Han}[^\d\n]{0,40}?)\s+(?=\d{4}\s*[-/.年])/u.exec(seg);
  if (m === null) return zhAfterStamp(seg);
  if (isStamp(seg)) return [seg];
  const rest = zhAfterStamp(seg.slice(m[0].length));
  return isStamp(rest[0] ?? '') ? [m[1] ?? '', ...rest] : [seg];
}

/**
 * Chinese words after the stamp, a space or a dot apart, as Chinese sites print the paper or where it was
 * posted from (`2025-02-05 09:24 新京报`, `2025-02-05 09:24 发布于北京`, `2025-02-05 09:24·澎湃新闻`): two
 * segments, unless the whole is a stamp (`2025-02-05 09:24 北京时间`). (The line was no stamp.)
 */
function zhAfterStamp(seg: string): string[] {
  const m = seg.length > 100 ? null : /^(.{0,60}\d)\s*[·•]?\s*(\p{Script=Han}[^\d\n]{0,30})$/u.exec(seg);
  return m !== null && isStamp(m[1] ?? '') && !isStamp(seg) ? [m[1] ?? '', m[2] ?? ''] : [seg];
}
const PLACE_BEFORE_STAMP = /^(\p{Lu}[\p{L}'’. ]{1,40}?)\s+[-–—]\s+(?=\S)/u;
/**
 * A byline and a labelled stamp on one line with nothing between them, as the Global Times prints them
 * ("By Global Times Published: Feb 05, 2025 09:24 PM"), or a dash between them ("By Jane Doe – Updated Feb 5, 2025
 * 10:30 AM"): parted before the label, on a line that opens with "By".
 */
const STAMP_AFTER_BYLINE = /(?<=^By\s.{1,80}?)(?:\s+(?=(?:Published|Updated|Posted)\s*:)|\s+[-–—]\s+(?=(?:Published|Updated|Posted)\b))/i;
/**
 * Two stamps on one line with no bar between them, as the New York Times prints them ("Published Feb. 5, 2025
 * Updated Feb. 5, 2025, 9:24 a.m. ET") and Reuters ("February 5, 2025 9:24 AM GMT+8 Updated 2 hours ago"):
 * parted before the second label, on a line that opens with one or with a date.
 */
const STAMP_START = /^(?:(?:(?:first |originally )?published|posted|updated|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)\b|(?:publiée?|publicad[oa]|pubblicat[oa])(?=[\s:]))/i;
// (French, Spanish, Italian and Portuguese pages' too: Le Monde's `Publié le 05 février 2025 à 09h24, modifié à 10h30`,
// `Pubblicato: 5 feb 2025, 09:24 - Aggiornato il …`.)
// (A comma may end the first: the ABC's `Posted Wed 5 Feb 2025 at 10:30am, updated Wed 5 Feb 2025 at 12:15pm`,
// whose first stamp went unread, and whose update was taken for the first publication; and a dot, as CNN parts
// `Updated 12:15 PM EST, Wed February 5, 2025 · Originally published 10:30 AM EST, …`, the update first.)
const SECOND_STAMP = /(?:,|\s[·•]|\s[-–—])?\s+(?=(?:last )?(?:updated|modified)\b|(?:originally|first) published\b|(?:modifiée?|mise? à jour|actualizad[oa]|aggiornat[oa]|modificat[oa]|ultimo aggiornamento|atualizad[oa])\s)/i;
const SECOND_LABEL = /\s(?:(?:(?:last )?(?:updated|modified)|(?:originally|first) published)\b|(?:modifiée?|mise? à jour|actualizad[oa]|aggiornat[oa]|modificat[oa]|ultimo aggiornamento|atualizad[oa])(?=\s))/gi;
/**
 * A segment that opens like a stamp and has a second label after a digit. (Not one pattern, `^…\b.*\d.*\s
 * (?:updated|modified)`: it tried every digit of a long run of them, 4.5 s for a line of 60,000.)
 */
function stampedTwice(seg: string): boolean {
  const start = STAMP_START.exec(seg);
  if (start === null) return false;
  let last = -1;
  for (const m of seg.matchAll(SECOND_LABEL)) last = m.index;
  return last > start[0].length && /\d/.test(seg.slice(start[0].length, last));
}
