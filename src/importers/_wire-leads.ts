/**
 * The dateline leads of Kyodo's Japanese copy (`【ワシントン共同】`), Yonhap's Korean copy (`(서울=연합뉴스) 홍길동
 * 기자 =`) and TASS's Russian copy (`МОСКВА, 27 ноября. /ТАСС/.`), for `parseDatelineLead`. Each names its
 * agency by a mark of its own (共同 in the brackets, 연합뉴스 after the city and `=`, /ТАСС/ after the date):
 * without it nothing is read (`【速報】`, `(서울=뉴스1)`, a Russian sentence in capitals). A city the tables
 * of `_cjk-ru-cities.ts` know is given in the gazetteer's English name; any other as printed. Only a person's
 * name is a reporter (Kyodo's after `＝`, Yonhap's before its title and ` = `, TASS's after `Корр. ТАСС`): an
 * agency, a desk's byline or a sentence where a name goes is none, and the lead's `notes` say what was not used.
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
  /**
   * The language the lead's own words say the copy is in: TASS's Russian lead (`/ТАСС/`), `ru`, which
   * Cyrillic letters alone do not say (`copyLanguage`'s `leadLanguage`); Kyodo's `ja`, Yonhap's `ko`.
   */
  language: string;
  /**
   * What the lead printed and no field keeps, for the importer's notes: a desk's byline (`국제뉴스1부 =`), an
   * agency after Kyodo's `＝` (`ロイター`), words where a reporter's name goes that are none.
   */
  notes?: string[];
  rest: string;
}

/**
 * `【ワシントン共同】`, `【北京共同】`, and with the reporter after `＝` (`【北京共同＝山田太郎】`). The city is in
 * katakana or kanji; the story follows the bracket. What follows `＝` is read by `kyodoReporter`.
 */
const KYODO = /^【(?<city>[\p{Script=Katakana}\p{Script=Han}ー・]{1,12}?)共同(?:[＝=]\s*(?<reporters>[^【】\n]{1,100}))?】\s*(?<rest>[\s\S]*)$/u;

/**
 * A Japanese reporter's name after Kyodo's `＝`: two to eight kanji or kana, with at most one space between
 * the family and the given name (`山田 太郎`, one person), and no punctuation (a sentence is no name).
 */
const JA_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々・]{1,12}(?:[ \u3000][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々・]{1,12})?$/u;
/**
 * Agencies Kyodo credits after `＝` (a photo's or a report's source, `【ワシントン共同＝ロイター】`): never a person.
 * Full-width letters as Kyodo prints them (`ＡＰ`), compared after NFKC (`AP`).
 */
const JA_AGENCIES = new Set([
  'ロイター', 'AP', 'AFP', 'UPI', 'DPA', 'EFE', 'ANSA', 'KCNA', 'EPA', 'AAP', 'PTI', 'CNA', 'TASS', 'BBC', 'CNN', 'NHK',
  'ブルームバーグ', 'ダウ・ジョーンズ', 'タス', 'タス通信', 'イタルタス', 'インタファクス', 'スプートニク', 'ノーボスチ', 'リア・ノーボスチ',
  'ベルナマ', 'アンタラ', 'ＡＮＮ', '新華社', '新華', '新華通信', '中国新聞社', '中新社', '中央社', '中央通信', '聯合', '聯合ニュース', '連合',
  '連合ニュース', '朝鮮中央通信', '時事', '時事通信', '共同', '共同通信', '共同通信社', 'ＡＰ通信', 'AP通信', 'AFP通信', 'ロイター通信', '新華社電',
]);
/**
 * A news desk before a reporter's name (`経済部 山田太郎`, `北京支局 山田太郎`): the desks by name, not any word
 * ending in 部, which surnames do (阿部, 服部, 長谷部).
 */
const JA_DESK = /^(?=\p{L}{3,})\p{L}*(?:経済|政治|社会|外信|国際|運動|文化|科学|写真|生活|地方|編集|報道|整理|映像|取材|特別)\p{L}*(?:部|局|班|室)$|^\p{L}{2,}(?:支局|総局)$/u;
/** Words that name an agency or a paper, not a person: `…通信`, `…通信社`, `…新聞`, `…社`, `…電`. */
const JA_AGENCY_WORD = /(?:通信|通信社|新聞|新聞社|ニュース|放送|社|電)$/u;

/**
 * Kyodo's words after `＝`: people's names, each kept as one (`山田 太郎` → `山田太郎`, as `reporterNames`
 * reads a space as two names), several apart by `、`, joined by `、`; or a note saying what was printed and
 * not used (an agency among them, a sentence).
 */
function kyodoReporter(printed: string): { reporter?: string; note?: string } {
  const bare = printed.normalize('NFKC').trim();
  if (JA_AGENCIES.has(bare) || JA_AGENCIES.has(printed.trim()) || (/^[\p{Script=Han}\p{Script=Katakana}ー・A-Za-z]{1,12}$/u.test(bare) && JA_AGENCY_WORD.test(bare))) {
    return { note: `the Kyodo lead credits an agency after "＝", not an author: ${JSON.stringify(printed.trim())}` };
  }
  const names: string[] = [];
  // (Each name a person's: an agency among them makes the whole a credit line, noted, not people. A space
  // is within one name, `長谷川 健太郎`: review.)
  const parts: string[] = [];
  for (const part of printed.trim().split(/\s*[、,，]\s*/u)) {
    // Two full names apart by a space, four characters or more each (`山田太郎 鈴木花子`), are two people; a
    // desk before a name (`経済部 山田太郎`) is no one's (reviews). Shorter halves are one name (`山田 太郎`).
    const halves = part.split(/[ \u3000]/u);
    if (halves.length === 2 && JA_DESK.test(halves[0] ?? '')) parts.push(halves[1] ?? '');
    // (Kanji only: a foreign name in katakana, `アレクサンドル プーシキン`, is one person: review.)
    else if (halves.length === 2 && halves.every((h) => h.length >= 4 && /^[\p{Script=Han}々]+$/u.test(h))) parts.push(...halves);
    else parts.push(part);
  }
  for (const part of parts) {
    const letters = part.replace(/[ \u3000]/gu, '');
    const agency = JA_AGENCIES.has(part.normalize('NFKC')) || JA_AGENCY_WORD.test(letters) || part.split(/[ \u3000]/u).some((w) => JA_AGENCIES.has(w.normalize('NFKC')) || JA_AGENCY_WORD.test(w));
    // (Up to eight characters, or sixteen for a foreign name in katakana: `アレクサンドル プーシキン`; two
    // letters at least, and `・` only within a katakana name, not between two people, `山田・鈴木`: review.)
    const longest = /^[\p{Script=Katakana}ー・]+$/u.test(letters) ? 16 : 8;
    const middleDots = /(?<![\p{Script=Katakana}ー])・|・(?![\p{Script=Katakana}])/u.test(letters);
    if (agency || middleDots || !JA_NAME.test(part) || letters.replace(/[ー・]/gu, '').length < 2 || letters.length > longest) {
      return { note: `the words after "＝" in the Kyodo lead are not a reporter's name, not used: ${JSON.stringify(printed.trim())}` };
    }
    names.push(letters);
  }
  return names.length > 0 && names.length <= 4 ? { reporter: names.join('、') } : { note: `the words after "＝" in the Kyodo lead are not a reporter's name, not used: ${JSON.stringify(printed.trim())}` };
}

/** `(서울=연합뉴스)`, `（워싱턴＝연합뉴스）`: Yonhap's city and mark; the credits up to ` = ` are read by `yonhapCredits`. */
const YONHAP = /^[(（](?<city>\p{Script=Hangul}{1,12})\s*[=＝]\s*연합뉴스[)）]\s*(?<rest>[\s\S]*)$/u;
/** Reporters' titles in a Yonhap lead (`홍길동 기자·이영희 인턴기자`, `김민수 특파원`, `박지원 의학전문기자`). */
const KO_TITLE = /^(?:(?:선임|인턴|객원|수습|대|사진|영상|취재|\p{Script=Hangul}{0,3}전문)?기자|특파원|통신원|논설위원|편집위원|기획위원)$/u;
/**
 * Korean surnames (the common ones, and the two-syllable ones: 남궁, 황보, 제갈, 선우…): a reporter's name
 * starts with one. A word of a sentence seldom does (`발표한`), a check besides the name's length.
 */
const KO_SURNAMES = new Set([...'김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉복태목형피두감음빈온호범좌팽승간시갈단견당화창옹순']);
const KO_COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '사공', '선우', '서문', '독고', '동방']);
/** A Korean name: two to four syllables (five with a two-syllable surname), starting with a surname. */
function koreanName(word: string): boolean {
  if (!/^\p{Script=Hangul}{2,5}$/u.test(word)) return false;
  if (KO_COMPOUND_SURNAMES.has(word.slice(0, 2)) && word.length >= 3) return true;
  return word.length <= 4 && KO_SURNAMES.has(word.slice(0, 1));
}
/**
 * A desk's byline, as Yonhap prints one where no reporter signs (`국제뉴스1부 =`, `사회부 =`, `전국종합 =`,
 * `공동취재단 =`): a department (…부), a team (…팀) or a pooled report (…종합, …취재단).
 */
const KO_DESK = /^(?:[\p{Script=Hangul}\d]{2,10}[부팀]|[\p{Script=Hangul}\d]{0,10}(?:종합|취재단|취재반|취재팀))$/u;

/**
 * The credits before Yonhap's ` = ` (at most 60 characters, with no sentence's punctuation): names, each
 * list of them followed by its title (`홍길동 기자`, `홍길동 이영희 기자`, `홍길동 기자·이영희 인턴기자`, `홍길동·이영희
 * 기자`, `홍길동, 이영희 기자`), and a desk's byline (`국제뉴스1부`, also after reporters: `홍길동 기자·전국종합`).
 * Undefined for anything else (`정부는 오늘 새 계획을 발표한 기자`): no credits, and the words stay the story's.
 */
function yonhapCredits(printed: string): { reporters: string[]; desks: string[] } | undefined {
  const reporters: string[] = [];
  const desks: string[] = [];
  let pending: string[] = [];
  for (const word of printed.split(/\s*[·ㆍ・,，]\s*|\s+/u)) {
    if (word === '') return undefined;
    // (A title written onto the name, `홍길동기자`, is one too.)
    const glued = /^(\p{Script=Hangul}{2,5}?)((?:인턴|수습|선임)?기자|특파원|통신원)$/u.exec(word);
    if (KO_TITLE.test(word)) {
      if (pending.length === 0) return undefined;
      reporters.push(...pending);
      pending = [];
    } else if (glued !== null && koreanName(glued[1] ?? '')) {
      reporters.push(...pending, glued[1] ?? '');
      pending = [];
    } else if (KO_DESK.test(word)) {
      // (Before the names: a desk's word may start with a surname's syllable, `정치부`, `전국종합`.)
      if (pending.length > 0) return undefined;
      desks.push(word);
    } else if (koreanName(word) && pending.length < 6) pending.push(word);
    else return undefined;
  }
  return pending.length === 0 && reporters.length + desks.length > 0 ? { reporters, desks } : undefined;
}

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/**
 * `МОСКВА, 27 ноября. /ТАСС/.`, `ВАШИНГТОН, 27 ноября. /Корр. ТАСС Иван Петров/.`: the city in capitals, the
 * day and the month (in the genitive), and TASS between slashes, with its correspondent if named (`Корр.`,
 * `Спец. корр.` before ТАСС: `tassReporters`). Other words after ТАСС (`/ТАСС со ссылкой на источники/`) name no one.
 */
const TASS = new RegExp(
  String.raw`^(?<city>[А-ЯЁ]+(?:[ -][А-ЯЁ]+){0,4}), (?<day>\d{1,2}) (?<month>${RU_MONTHS.join('|')})\.? ?` +
    String.raw`/(?<corr>(?:Спец\. ?)?[Кк]орр\. ?)?ТАСС(?: (?<reporters>[^/\n]{1,60}))?/\.?\s*(?:[-—–]\s*)?(?<rest>[\s\S]*)$`,
  'u',
);
/** A word of a Russian name: capitalised Cyrillic, perhaps double-barrelled (`Римский-Корсаков`). */
const RU_NAME_WORD = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$/u;

/**
 * The correspondent named after `Корр. ТАСС`: two or three capitalised words (`Иван Петров`, `Анна
 * Сергеевна Смирнова`), several apart by commas or `и`; or a note saying what was printed and not used.
 */
function tassReporters(printed: string, correspondent: boolean): { reporters?: string[]; note?: string } {
  const names = printed.split(/\s*,\s*|\s+и\s+/u).map((n) => n.trim());
  const isName = (n: string): boolean => {
    const words = n.split(' ');
    return words.length >= 2 && words.length <= 3 && words.every((w) => RU_NAME_WORD.test(w));
  };
  if (correspondent && names.every(isName)) return { reporters: names };
  return { note: `the words after ТАСС in the lead are not a correspondent's name (${correspondent ? 'two or three capitalised words' : 'named after "Корр. ТАСС"'}), not used: ${JSON.stringify(printed)}` };
}

/** A city the table knows in the gazetteer's English name (with its country where that is ambiguous), or as printed. */
function place(printed: string, table: ReadonlyMap<string, readonly [string, string | undefined]>): { city: string; region?: string } {
  const english = table.get(printed);
  if (english === undefined) return { city: printed };
  return english[1] === undefined ? { city: english[0] } : { city: english[0], region: english[1] };
}

/** How far into the story Yonhap's ` = ` is looked for: the credits are short (`홍길동 이영희 기자`, `국제뉴스1부`). */
const YONHAP_CREDITS_MAX = 60;

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
    const lead: WireLead = { ...place(city, JA_CITIES.has(city) ? JA_CITIES : ZH_CITIES), agency: 'Kyodo', language: 'ja', rest: (g['rest'] ?? '').trim() };
    const printed = (g['reporters'] ?? '').trim();
    if (printed !== '') {
      const { reporter, note } = kyodoReporter(printed);
      if (reporter !== undefined) lead.reporters = reporter;
      if (note !== undefined) lead.notes = [note];
    }
    return lead;
  }
  const yonhap = YONHAP.exec(paragraph);
  if (yonhap?.groups !== undefined) {
    const g = yonhap.groups;
    const rest = (g['rest'] ?? '').trim();
    const lead: WireLead = { ...place(g['city'] ?? '', KO_CITIES), agency: 'Yonhap', language: 'ko', rest };
    // The credits end at ` = ` near the start, before any sentence's punctuation (`.`, `?`, quotes, brackets).
    const head = rest.slice(0, YONHAP_CREDITS_MAX + 2);
    const equals = head.search(/[=＝]/u);
    const before = equals < 0 ? '' : head.slice(0, equals).trim();
    if (before === '' || /[.?!。"'“”‘’()（）\[\]<>«»\n]/u.test(before)) return lead;
    const credits = yonhapCredits(before);
    if (credits === undefined) {
      // (Words ending in a title that are no names, `정부는 오늘 새 계획을 발표한 기자 =`: the story's, kept.)
      if (/(?:기자|특파원|통신원)$/u.test(before)) lead.notes = [`the words before "=" in the Yonhap lead are not reporters' names, kept in the body: ${JSON.stringify(before)}`];
      return lead;
    }
    lead.rest = rest.slice(equals + 1).trim();
    if (credits.reporters.length > 0) lead.reporters = credits.reporters.join('、');
    if (credits.desks.length > 0) lead.notes = credits.desks.map((d) => `the Yonhap lead's desk byline, not kept: ${JSON.stringify(d)}`);
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
      language: 'ru',
      rest: (g['rest'] ?? '').trim(),
    };
    // (A city the table lacks keeps its Ё as printed.)
    if (!RU_CITIES.has((g['city'] ?? '').replace(/Ё/gu, 'Е'))) lead.city = g['city'] ?? '';
    const printed = (g['reporters'] ?? '').trim();
    if (printed !== '') {
      const { reporters, note } = tassReporters(printed, g['corr'] !== undefined);
      if (reporters !== undefined) lead.reporters = reporters.join('、');
      if (note !== undefined) lead.notes = [note];
    }
    return lead;
  }
  return undefined;
}
