/**
 * Chinese in simplified and in traditional characters. Wire copy from Taiwan, Hong Kong and Macao (中央社,
 * 新華社's Hong Kong desk, papers' 本報) prints the words the importers read in traditional characters
 * (記者, 電, 報, 編輯, 發布時間); the rules that know the simplified form know the traditional one too.
 * This module holds what they share: the script a text is written in, and the traditional spelling of
 * the city names of `_zh-cities.ts`.
 */

/**
 * Characters common in news copy whose simplified and traditional forms differ, each simplified form
 * above its traditional one. None of them is written the other way in the other script (no 台/臺, 干/乾,
 * 后/後, 里/裡, whose one form both scripts use), so a text's count of each says which script it is in.
 */
const SIMPLIFIED = '们这国会时说为对来与电报记华发经济长门开关问间东车马书业产个两从众价体党区协单卫历县变号员听团园场处备头实将岁师广应总战护无显权机条样标欢气没汉现环称种线结统网联职见观视规计认议让论设证话语调财货质贸资过运还进选钱银际陆随难领题风飞验龙亚军农传举义乐买卖动务劳势医压参双响围图宁审层岛帮库张录态执扩据摄数断晓术杀极构检楼欧决测热独画监确离稳竞笔签简类红纪约级纸组细终给络绝续维综绿编苏获药营装觉览订讨训讲许访评识诉译试询该详误请读谁谈谢贝负责败购费贵赛转轮轻较辆辑输边达远违连适递邮郑释针钢铁链销错镇闻阅队阳陈险须顾预频额饭馆驻鱼鲁鸡黄齐龄';
const TRADITIONAL = '們這國會時說為對來與電報記華發經濟長門開關問間東車馬書業產個兩從眾價體黨區協單衛歷縣變號員聽團園場處備頭實將歲師廣應總戰護無顯權機條樣標歡氣沒漢現環稱種線結統網聯職見觀視規計認議讓論設證話語調財貨質貿資過運還進選錢銀際陸隨難領題風飛驗龍亞軍農傳舉義樂買賣動務勞勢醫壓參雙響圍圖寧審層島幫庫張錄態執擴據攝數斷曉術殺極構檢樓歐決測熱獨畫監確離穩競筆簽簡類紅紀約級紙組細終給絡絕續維綜綠編蘇獲藥營裝覺覽訂討訓講許訪評識訴譯試詢該詳誤請讀誰談謝貝負責敗購費貴賽轉輪輕較輛輯輸邊達遠違連適遞郵鄭釋針鋼鐵鏈銷錯鎮聞閱隊陽陳險須顧預頻額飯館駐魚魯雞黃齊齡';

const SIMPLIFIED_SET = new Set(SIMPLIFIED);
const TRADITIONAL_SET = new Set(TRADITIONAL);

/**
 * The script of Chinese text, from the characters whose forms differ: `Hant` when traditional ones
 * outnumber simplified ones at least three to one (and there are two or more), `Hans` the other way
 * round, undefined when the text has too few to tell or mixes them (a quoted name in the other script
 * does not decide it).
 */
export function zhScript(text: string): 'Hans' | 'Hant' | undefined {
  let hans = 0;
  let hant = 0;
  for (const c of text) {
    if (SIMPLIFIED_SET.has(c)) hans += 1;
    else if (TRADITIONAL_SET.has(c)) hant += 1;
  }
  if (hant >= 2 && hant >= 3 * hans) return 'Hant';
  if (hans >= 2 && hans >= 3 * hant) return 'Hans';
  return undefined;
}

/**
 * The characters of the city table (`_zh-cities.ts`) whose traditional form differs, simplified then
 * traditional: 华盛顿 → 華盛頓, 伦敦 → 倫敦, 东京 → 東京, 沈阳 → 瀋陽.
 */
const CITY_CHARS = '华華顿頓庆慶庄莊阳陽连連长長尔爾宁寧厦廈门門济濟岛島郑鄭汉漢广廣亚亞贵貴萨薩兰蘭银銀乌烏鲁魯齐齊苏蘇无無锡錫温溫纽紐约約联聯国國矶磯旧舊图圖迈邁费費维維伦倫马馬圣聖诺諾罗羅热熱内內卢盧冈岡纳納爱愛奥奧陆陸发發达達贝貝莱萊窝窩讷訥辅輔凯凱别別库庫开開麦麥买買满滿东東万萬边邊湾灣灵靈毕畢贾賈让讓沈瀋滨濱';
const CITY_MAP = new Map<string, string>();
for (let k = 0; k + 1 < CITY_CHARS.length; k += 2) CITY_MAP.set(CITY_CHARS[k] as string, CITY_CHARS[k + 1] as string);

/** A city name of the table in traditional characters (`伦敦` → `倫敦`); the name itself when no character differs. */
export const traditionalCity = (name: string): string => [...name].map((c) => CITY_MAP.get(c) ?? c).join('');
