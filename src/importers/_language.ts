/**
 * The language of raw copy, which says none: from the scripts its headline (or, with no letters in the
 * headline, its body) is written in. Chinese in Han characters (`zh`, `zh-Hant` when traditional
 * characters decide it: `zhScript`), Japanese where kana run among them (`ja`), Korean in Hangul (`ko`),
 * and the scripts that name one language (Hebrew `he`, Greek `el`, Thai `th`). Latin, Cyrillic and Arabic
 * letters name many languages: no language, and the record takes the site's. ninjs and NITF declare theirs.
 */
import { zhScript } from './_zh-script.js';

const SCRIPTS = {
  latin: /\p{Script=Latin}/gu,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu,
  hebrew: /\p{Script=Hebrew}/gu,
  greek: /\p{Script=Greek}/gu,
  thai: /\p{Script=Thai}/gu,
  arabic: /\p{Script=Arabic}/gu,
  cyrillic: /\p{Script=Cyrillic}/gu,
} as const;
type Script = keyof typeof SCRIPTS;

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** The script most of a text's letters are in, strictly more than any other; undefined for a text without letters or a tie. */
function dominant(text: string): Script | undefined {
  const counts = (Object.keys(SCRIPTS) as Script[]).map((s) => [s, count(text, SCRIPTS[s])] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = counts;
  return first === undefined || first[1] === 0 || (second !== undefined && second[1] === first[1]) ? undefined : first[0];
}

/**
 * Chinese, Japanese or Korean: Hangul as many as Han and kana together is Korean; kana one in eight of
 * the Han and kana is Japanese (a Japanese name quoted in Chinese copy is not); else Chinese, `zh-Hant`
 * when its characters are traditional ones and `zh` when they are simplified or too few to tell.
 */
function cjkLanguage(text: string): string {
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  if (hangul > 0 && hangul >= han + kana) return 'ko';
  if (kana > 0 && kana * 8 >= han + kana) return 'ja';
  return zhScript(text) === 'Hant' ? 'zh-Hant' : 'zh';
}

/** The language of copy with this headline and body, when its script names one. */
export function copyLanguage(title: string, body: string): string | undefined {
  const script = /\p{L}/u.test(title) ? dominant(title) : dominant(body);
  switch (script) {
    case 'cjk':
      return cjkLanguage(`${title}\n${body}`);
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
