/**
 * The dateline leads of Kyodo's Japanese copy (`【ワシントン共同】`), Yonhap's Korean copy (`(서울=연합뉴스) 홍길동
 * 기자 =`) and TASS's Russian copy (`МОСКВА, 27 ноября. /ТАСС/.`), for `parseDatelineLead`. Each names its
 * agency by a mark of its own (共同 in the brackets, 연합뉴스 after the city and `=`, /ТАСС/ after the date):
 * without it nothing is read (`【速報】`, `(서울=뉴스1)`, a Russian sentence in capitals). A city the tables
 * of `_cjk-ru-cities.ts` know is given in the gazetteer's English name; any other as printed.
 */
import { JA_CITIES, KO_CITIES, RU_CITIES } from './_cjk-ru-cities.js';
import { ZH_CITIES } from './_zh-cities.js';

export interface WireLead {
  city: string;
  region?: string;
  month?: number;
  day?: number;
  agency: string;
  /** Reporters named in the lead, apart by `、` (as `reporterNames` reads them). */
  reporters?: string;
  rest: string;
}

/**
 * `【ワシントン共同】`, `【北京共同】`, and with the reporter after `＝` (`【北京共同＝山田太郎】`). The city is in
 * katakana or kanji; the story follows the bracket.
 */
const KYODO = /^【(?<city>[\p{Script=Katakana}\p{Script=Han}ー・]{1,12}?)共同(?:[＝=]\s*(?<reporters>[^【】\n]{1,40}))?】\s*(?<rest>[\s\S]*)$/u;

/**
 * `(서울=연합뉴스) 홍길동 기자 =`, `(워싱턴=연합뉴스) 김민수 특파원 =`, `(서울=연합뉴스) 홍길동 이영희 기자 =`,
 * or the city alone (`(서울=연합뉴스)`) before the story. The reporters, with their titles, end at `=`.
 */
const YONHAP = /^[(（](?<city>\p{Script=Hangul}{1,12})\s*[=＝]\s*연합뉴스[)）]\s*(?:(?<reporters>\p{Script=Hangul}[\p{Script=Hangul}\s·,]{0,60}?)\s*(?:(?:선임|인턴|객원|수습)?기자|특파원|통신원)\s*[=＝]\s*)?(?<rest>[\s\S]*)$/u;
/** Reporters' titles in a Yonhap lead (`홍길동 기자·이영희 인턴기자`). */
const KO_TITLES = /(?:선임|인턴|객원|수습)?기자|특파원|통신원/gu;

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/**
 * `МОСКВА, 27 ноября. /ТАСС/.`, `ВАШИНГТОН, 27 ноября. /Корр. ТАСС Иван Петров/.`: the city in capitals, the
 * day and the month (in the genitive), and TASS between slashes, with its correspondent if named.
 */
const TASS = new RegExp(
  String.raw`^(?<city>[А-ЯЁ]+(?:[ -][А-ЯЁ]+){0,4}), (?<day>\d{1,2}) (?<month>${RU_MONTHS.join('|')})\.? ?` +
    String.raw`/(?:(?:Спец\. ?)?[Кк]орр\. ?)?ТАСС(?: (?<reporters>[^/\n]{1,60}))?/\.?\s*(?:[-—–]\s*)?(?<rest>[\s\S]*)$`,
  'u',
);

/** A city the table knows in the gazetteer's English name (with its country where that is ambiguous), or as printed. */
function place(printed: string, table: ReadonlyMap<string, readonly [string, string | undefined]>): { city: string; region?: string } {
  const english = table.get(printed);
  if (english === undefined) return { city: printed };
  return english[1] === undefined ? { city: english[0] } : { city: english[0], region: english[1] };
}

/** Kyodo's, Yonhap's or TASS's lead at the head of a paragraph (trimmed), or undefined. */
export function parseWireLead(paragraph: string): WireLead | undefined {
  const kyodo = KYODO.exec(paragraph);
  if (kyodo?.groups !== undefined) {
    const g = kyodo.groups;
    // (A city in kanji the Japanese table lacks may be one the Chinese table knows: `武漢`.) Kyodo writes the
    // cities of its bureaus abroad in katakana, but for those of China and Korea's: a name in kanji neither
    // table knows is no city (`【日米共同】`, a headline's label).
    const city = g['city'] ?? '';
    if (!JA_CITIES.has(city) && !ZH_CITIES.has(city) && !/^[\p{Script=Katakana}ー・]+$/u.test(city)) return undefined;
    const lead: WireLead = { ...place(city, JA_CITIES.has(city) ? JA_CITIES : ZH_CITIES), agency: 'Kyodo', rest: (g['rest'] ?? '').trim() };
    const reporters = (g['reporters'] ?? '').trim();
    if (reporters !== '') lead.reporters = reporters;
    return lead;
  }
  const yonhap = YONHAP.exec(paragraph);
  if (yonhap?.groups !== undefined) {
    const g = yonhap.groups;
    const lead: WireLead = { ...place(g['city'] ?? '', KO_CITIES), agency: 'Yonhap', rest: (g['rest'] ?? '').trim() };
    const names = (g['reporters'] ?? '').replace(KO_TITLES, ' ').split(/[\s·,]+/u).filter((n) => n !== '');
    if (names.length > 0) lead.reporters = names.join('、');
    return lead;
  }
  const tass = TASS.exec(paragraph);
  if (tass?.groups !== undefined) {
    const g = tass.groups;
    const lead: WireLead = {
      ...place((g['city'] ?? '').replace(/Ё/gu, 'Е'), RU_CITIES),
      month: RU_MONTHS.indexOf(g['month'] ?? '') + 1,
      day: Number(g['day']),
      agency: 'TASS',
      rest: (g['rest'] ?? '').trim(),
    };
    // (A city the table lacks keeps its Ё as printed.)
    if (!RU_CITIES.has((g['city'] ?? '').replace(/Ё/gu, 'Е'))) lead.city = g['city'] ?? '';
    const reporters = (g['reporters'] ?? '').split(/\s*,\s*/u).map((n) => n.trim()).filter((n) => n !== '');
    if (reporters.length > 0) lead.reporters = reporters.join('、');
    return lead;
  }
  return undefined;
}
