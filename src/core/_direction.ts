/**
 * Text direction: which languages are written right to left, and how a name, place or phrase is put into a
 * line Dateline prints ("By …", "… contributed to this story.", a dateline, a photo caption and credit).
 */
import { balancedBidi, BIDI_CONTROL } from './_text.js';

/**
 * Languages written right to left (primary subtags: the two-letter codes and the ISO 639-2/3 codes of the
 * same languages, every code ICU's `textInfo` calls right to left, and Arabic-script languages it lacks,
 * such as Western Punjabi, Balochi and Southern Azerbaijani), and the scripts that are. Intl's `textInfo`
 * is not in every runtime, nor in XSLT (feed.xsl uses these lists too).
 */
export const RTL_LANGUAGES = [
  'ar', 'ara', 'arb', 'arc', 'ars', 'arz', 'apc', 'ajp', 'acm', 'ary', 'aeb', 'azb', 'bal', 'bqi', 'ckb', 'cld', 'drw', 'dv', 'div', 'fa', 'fas', 'per', 'pes', 'prs', 'glk',
  'he', 'heb', 'iw', 'ji', 'kas', 'ks', 'lrc', 'mzn', 'nqo', 'pbu', 'pbt', 'pnb', 'ps', 'pus', 'sd', 'sdh', 'skr', 'snd', 'syr', 'tnf', 'ug', 'uig', 'ur', 'urd', 'ydd', 'yi', 'yid',
  // Arabic varieties, Ottoman Turkish, Lahnda, Syriac, Biblical Hebrew, Rohingya, Mandaic, Samaritan: their scripts as ICU's likely subtags give them.
  'arq', 'afb', 'apd', 'acw', 'ayl', 'shu', 'ota', 'lah', 'syc', 'hbo', 'rhg', 'mid', 'sam',
] as const;
export const RTL_SCRIPTS = ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'samr', 'mand', 'mend', 'yezi'] as const;

/** True for a language tag written right to left: `ar`, `he-IL`, `ku-Arab`; not `az-Latn` or `en`. */
export function isRightToLeft(lang: string): boolean {
  const [primary = '', second] = lang.toLowerCase().split(/[-_]/);
  // The script subtag follows the language (BCP 47), as feed.xsl reads it too.
  const script = second?.length === 4 ? second : undefined;
  return script !== undefined ? (RTL_SCRIPTS as readonly string[]).includes(script) : (RTL_LANGUAGES as readonly string[]).includes(primary);
}

const BEFORE_HEBREW = /^[\u0000-\u058f]*$/;
/** Letters of the scripts written right to left. */
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}]/u;

/**
 * A value put into a line Dateline prints (the byline, a credit line, a dateline in a left-to-right story:
 * their words are English or Chinese, so the lines run left to right), isolated between LRI and PDI
 * (U+2066, U+2069) when it holds right-to-left letters or direction controls: Unicode's way to insert text
 * into a line without it reordering what is around it. In "By محمد عبد الله, أحمد حسن and …" the comma
 * would otherwise join the two Arabic names into one right-to-left run, shown swapped; a value that mixes
 * scripts ("محمد سالم/REUTERS", "יוסי לוי (AP)") reads inside the isolate as it did in the line. The
 * paragraphs holding such lines say `dir="ltr"` (content.ts): in a right-to-left paragraph the isolated
 * names would join the English words around them into one run. Direction controls inside are paired
 * first: a stray PDI would end the isolate early. The characters are plain text: they reach every reader,
 * in every format.
 */
export function isolated(value: string): string {
  // (Latin, Greek, Cyrillic and Armenian come before every right-to-left script and control: the usual case, at a glance.)
  if (BEFORE_HEBREW.test(value)) return value;
  const controls = BIDI_CONTROL.test(value);
  if (!controls && !RTL_LETTER.test(value)) return value;
  return `\u2066${controls ? balancedBidi(value) : value}\u2069`;
}
