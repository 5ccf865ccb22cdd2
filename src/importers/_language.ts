/**
 * The language of raw copy, which says none: from the scripts its headline (or, with no letters in the
 * headline, its body) is written in. Chinese in Han characters (`zh`, `zh-Hant` when traditional
 * characters decide it: `zhScript`), Japanese where kana run among them (`ja`), Korean in Hangul (`ko`),
 * and the scripts that name one language (Hebrew `he`, Greek `el`, Thai `th`). Latin, Cyrillic and Arabic
 * letters name many languages: no language, and the record takes the site's, unless the copy's dateline lead
 * says which (TASS's `МОСКВА, 14 февраля. /ТАСС/.` is Russian, AFP's `DOHA, 5 fév 2025 (AFP) -` French:
 * `CopyMarks.leadLanguage`). ninjs and NITF
 * declare theirs.
 */
import { zhScript } from './_zh-script.js';

const SCRIPTS = {
  latin: /\p{Script=Latin}+/gu,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu,
  hebrew: /\p{Script=Hebrew}+/gu,
  greek: /\p{Script=Greek}+/gu,
  thai: /\p{Script=Thai}+/gu,
  arabic: /\p{Script=Arabic}+/gu,
  cyrillic: /\p{Script=Cyrillic}+/gu,
} as const;
type Script = keyof typeof SCRIPTS;

/**
 * The characters of a text that a pattern for runs of them (`/\p{Script=Han}+/gu`) matches, counted by
 * code point (a character outside the BMP is one). By runs, not one match a character: a long text is
 * counted in a few milliseconds.
 */
function count(text: string, runs: RegExp): number {
  const all = (text.match(runs) ?? []).join('');
  return all.length - (all.match(/[\uD800-\uDBFF]/g) ?? []).length;
}

/** The script most of a text's letters are in, strictly more than any other; undefined for a text without letters or a tie. */
function dominant(text: string): Script | undefined {
  const counts = (Object.keys(SCRIPTS) as Script[]).map((s) => [s, count(text, SCRIPTS[s])] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = counts;
  return first === undefined || first[1] === 0 || (second !== undefined && second[1] === first[1]) ? undefined : first[0];
}

/**
 * What Chinese copy quotes: a title in 《》, words in 「」 or 『』, or in the quotation marks simplified
 * Chinese prints, “” and ‘’ (or "") (a Japanese film's name in kana, as 《すずめの戸締まり》, a buzzword
 * as “ふてほど”), which says nothing of the language around it. A span closes on its line or not at all,
 * and holds no mark that opens one of its kind (each start is scanned once: linear on hostile copy).
 */
const QUOTED = /《[^《》\n]*》|「[^「」\n]*」|『[^『』\n]*』|“[^“”\n]*”|‘[^‘’\n]*’|"[^"\n]*"/gu;
const unquoted = (text: string): string => text.replace(QUOTED, '');
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const HAN = /\p{Script=Han}+/gu;

/** What the copy's own marks say, which its letters may not: a Chinese lead (`新华社东京2月5日电`, `中央社台北20日電`, `本报北京…电`) or the end mark `（完）`. */
export interface CopyMarks {
  chineseLead?: boolean;
  chineseEndMark?: boolean;
  /**
   * The language a wire's dateline lead is printed in (`WireLead.language`: `ru` for TASS's `/ТАСС/`, and
   * so for another Russian agency's lead). It names the language of copy whose letters are in that
   * language's script (Cyrillic for `ru`), which the letters alone do not; copy in another script keeps
   * the language its letters say (a Russian lead before an English story is no Russian story).
   */
  leadLanguage?: string;
}

/** The script a language a lead names is written in, for `CopyMarks.leadLanguage`. */
const LEAD_SCRIPTS: Readonly<Record<string, Script>> = { ru: 'cyrillic', uk: 'cyrillic', be: 'cyrillic', bg: 'cyrillic', sr: 'cyrillic', ja: 'cjk', ko: 'cjk', fr: 'latin', es: 'latin', it: 'latin', pt: 'latin' };

/**
 * Chinese, Japanese or Korean: Hangul as many as Han and kana together is Korean. Kana quoted in 《》「」
 * 『』“”‘’"" do not count (Chinese copy quotes Japanese titles). Japanese where kana outside quotes make
 * one in eight of the Han and kana of the headline and body together (`japanese`; a Japanese headline may
 * be all kanji: 日銀総裁会見; a few kana in the headline and the body are not enough), or one in four
 * under a Chinese lead or with the end mark （完） (Japanese copy may print either); else Chinese,
 * `zh-Hant` when its characters are traditional ones and `zh` when they are simplified or too few to tell.
 */
function cjkLanguage(title: string, body: string, marks: CopyMarks): string {
  const text = `${title}\n${body}`;
  const han = count(text, HAN);
  const kana = count(text, KANA);
  const hangul = count(text, /\p{Script=Hangul}+/gu);
  if (hangul > 0 && hangul >= han + kana) return 'ko';
  const chinese = zhScript(text) === 'Hant' ? 'zh-Hant' : 'zh';
  // (A Chinese mark asks more of the kana, not all: Japanese prose under 新華社北京…電 or ending （完） is Japanese.)
  const marked = marks.chineseLead === true || marks.chineseEndMark === true;
  return japanese(title, body, marked ? 4 : 8) ? 'ja' : chinese;
}

/**
 * Whether kana outside quotes make a real share of the copy: one in eight (`per`) of the Han and kana of
 * the headline and body together, or one in four where a Chinese lead or （完） speaks for Chinese. Japanese
 * prose runs to a third or more (新たな経済対策を発表した: 0.33 with its headline); a Chinese story
 * naming a brand in kana once (ローソン) or quoting a buzzword (“ふてほど”) stays far below one in eight,
 * and one naming a film in kana unquoted (すずめの戸締まり, 0.17) below one in four.
 */
function japanese(title: string, body: string, per: number): boolean {
  const bare = `${unquoted(title)}\n${unquoted(body)}`;
  const kana = count(bare, KANA);
  return kana > 0 && kana * per >= count(bare, HAN) + kana;
}

/** The language of copy with this headline and body, when its script names one. */
export function copyLanguage(title: string, body: string, marks: CopyMarks = {}): string | undefined {
  const script = /\p{L}/u.test(title) ? dominant(title) : dominant(body);
  // A wire's lead says the copy's language when the headline, or the body under a headline in another
  // script (an English headline over Yonhap's Korean copy: review), is written in its script.
  const lead = marks.leadLanguage;
  if (lead !== undefined) {
    const want = LEAD_SCRIPTS[lead];
    const bodyScript = dominant(body);
    // Japanese and Korean: when their own letters are there too, kana or Hangul outside quotation marks (Han
    // alone is Chinese's as well; Kyodo's flashes are mostly kanji, a few kana: reviews).
    // (Any, outside quotation marks: Kyodo's flashes can be all kanji but a kana or a reading in brackets,
    // `米国防総省（ペンタゴン）`, and Kyodo's and Yonhap's services in Chinese print other leads: reviews.)
    const own = lead === 'ja' ? KANA : lead === 'ko' ? /\p{Script=Hangul}+/gu : undefined;
    if (want === 'cjk' && own !== undefined && (script === 'cjk' || bodyScript === 'cjk') && count(unquoted(`${title}\n${body}`), own) > 0) return lead;
    if (want !== 'cjk' && want !== undefined && (want === script || want === bodyScript)) return lead;
  }
  switch (script) {
    case 'cjk':
      return cjkLanguage(title, body, marks);
    case 'hebrew':
      return 'he';
    case 'greek':
      return 'el';
    case 'thai':
      return 'th';
    default:
      return undefined;
  }
}
