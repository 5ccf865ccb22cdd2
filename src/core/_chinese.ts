/**
 * Which Chinese a language tag asks for. Credit lines and the `xinhua-zh` dateline are printed in
 * simplified characters (本报…电, 来源), and in traditional ones (本報…電, 來源) for Taiwan, Hong Kong and
 * Macau or a tag that names the script (`zh-Hant`, `zh-Hant-HK`).
 */

/** `zh` and its subtags (`zh-CN`, `zh-Hant-TW`); not another language whose code starts with the letters (`zha`, Zhuang). */
export function isChinese(language: string): boolean {
  const l = language.toLowerCase();
  return l === 'zh' || l.startsWith('zh-');
}

/** A Chinese tag that asks for traditional characters: the script `Hant`, or (without `Hans`) the region TW, HK or MO. */
function isTraditional(language: string): boolean {
  if (!isChinese(language)) return false;
  const subtags = language.toLowerCase().split('-').slice(1);
  if (subtags.includes('hant')) return true;
  if (subtags.includes('hans')) return false;
  return subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo');
}

/** The words the credit lines and datelines print, in either script. */
const CHINESE_WORDS = {
  simplified: { staff: '本报', filed: '电', source: '来源', via: '经', contributed: '对本文亦有贡献', photo: '图片' },
  traditional: { staff: '本報', filed: '電', source: '來源', via: '經', contributed: '對本文亦有貢獻', photo: '圖片' },
} as const;

export function chineseWords(language: string | undefined): (typeof CHINESE_WORDS)['simplified' | 'traditional'] {
  return language !== undefined && isTraditional(language) ? CHINESE_WORDS.traditional : CHINESE_WORDS.simplified;
}
