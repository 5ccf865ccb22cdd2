/** Raw copy, line by line: what each line of a page is (chrome, breadcrumb, stamp, id, image link, text), and the stamps. */

export const withoutClosers = (s: string): string => s.replace(/["'”’»)\]）」』]+$/u, '');

export const endsSentence = (s: string): boolean => /[.!?…。！？]$/u.test(withoutClosers(s));

// ----- Lines -----

export type Kind = 'blank' | 'text' | 'breadcrumb' | 'stamp' | 'id' | 'image' | 'chrome' | 'promo';

export interface Line {
  /** 1-based line number in the input. */
  n: number;
  text: string;
  kind: Kind;
}

/** A run of lines read as one paragraph (or one special line). */
export interface Block {
  n: number;
  text: string;
  kind: Kind;
  /** More than one input line. */
  joined: boolean;
}

export const BREADCRUMB_HOME = /^(?:Home|Homepage|Front page|首页)$/i;
export const BREADCRUMB_SEP = /\s*[|>»›]\s*|\s+\/\s+/;

/**
 * Lines that belong to the site, never to a story, wherever they stand: page furniture and footers. The
 * patterns are strict because a match is dropped even in the middle of the body.
 */
export const CHROME: readonly RegExp[] = [
  /^back to (?:the )?top$/i,
  /^返回顶部$/,
  /^end ?item$/i, // the end mark of agency copy ("Enditem"; Chinese copy ends with "（完）")
  /^[（(]完[）)]$/u,
  /^(?:Global|China|US|U\.S\.|UK|Europe|European|Asia|Asia-Pacific|Africa|Hong Kong|Canada|Latin America|Middle East|International|English|Chinese|Mobile|Digital|Print) Edition$/,
  /^(?:copyright\s*(?:©|\(c\))?\s*(?:\d{4}|.*\ball rights reserved\b)|©|\(c\)\s*\d{4})/i,
  /^all rights reserved\.?$/i,
  /^版权所有/,
  /^note: browsers with\b/i,
  /^license for publishing\b/i,
  /^registration (?:number|no\.?)\s*[:：]/i,
  /^\p{Script=Han}ICP[备证]/u,
  /^\p{Script=Han}公网安备/u,
];

/** Promotions and links to other pages (short lines only); a "Related:" line takes the headlines listed under it too. */
export const PROMO: readonly RegExp[] = [
  /^download (?:the|our)\b.*\bapp\b/i,
  /^(?:follow|find|like|join) us on (?:Facebook|Twitter|X|Instagram|WeChat|Weibo|TikTok|YouTube|LinkedIn|Telegram|WhatsApp|social media)\b/i,
  /^advertisement$/i,
  /^share(?: this)?(?: article| story| page)?\s*[:：]?$/i,
  /^(?:subscribe|sign up)\b.*\b(?:newsletter|free|now|today)\b/i,
  /^(?:top news|most (?:viewed|popular|read)|editor'?s picks?|trending(?: now)?)$/i,
  /^(?:扫码|下载).*(?:客户端|app)/i,
];
export const RELATED = /^(?:related(?: stories| articles| news| coverage)?|read more|read also|also read|see also|more on this|you may also like|相关(?:新闻|阅读|报道))\s*(?:[:：]\s*(?<title>.*))?$/i;
/** "Related:", or "Related: <a headline>"; "Related: officials said …" is a sentence of the story. */
export function isRelated(text: string): boolean {
  const title = RELATED.exec(text)?.groups?.['title'];
  return RELATED.test(text) && (title === undefined || title === '' || !endsSentence(title));
}

/** A navigation bar: three or more short items between bars or middle dots (recognised only before the headline). */
export const NAV = /^[^|·]{1,30}(?:\s[|·]\s[^|·]{1,30}){2,}$/;

export const ID_LINE = /^(?:(?:Story|Article|Doc(?:ument)?|News|Content|Item) )?ID\s*[:：#]\s*(\S+)$/i;
export const IMAGE_LINE = /^(?:Image|Photo|Picture|Pic)(?: URL| link)?\s*[:：]\s*(https?:\/\/\S+)$/i;

/** A stamp: an optional label, then a date and time with an optional offset. */
export const STAMP = new RegExp(
  String.raw`^(?:(?<label>(?:(?:first|last) )?(?:updated|published|posted|modified|released)(?: on| at)?|date|time|发布时间|更新时间|发布日期|时间|日期)\s*[:：]?\s*)?` +
    String.raw`(?<y>\d{4})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?` +
    String.raw`(?:\s*(?<ampm>[ap])\.?\s?m\.?)?` +
    String.raw`\s*(?<off>Z|[+-]\d{2}:?\d{2}|\(?(?:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\)?|\(?(?:BJT|Beijing\s+time|北京时间)\)?|（北京时间）)?$`,
  'i',
);

export interface Stamp {
  n: number;
  kind: 'published' | 'updated';
  /** As a record holds it: `2025-02-05 09:24`, or `2025-02-05T09:24:00+08:00` when an offset is printed. */
  value: string;
  offset: boolean;
}

export const pad = (s: string | undefined): string => (s ?? '').padStart(2, '0');

export function offsetOf(printed: string): string {
  const t = printed.replace(/[()\s]/g, '');
  if (/^(?:Z|GMT|UTC)$/i.test(t)) return 'Z';
  if (/^(?:BJT|Beijingtime|（?北京时间）?)$/i.test(t)) return '+08:00';
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(t);
  return m === null ? '' : `${m[1]}${pad(m[2])}:${m[3] ?? '00'}`;
}

export function parseStamp(text: string, n: number): Stamp | undefined {
  const g = STAMP.exec(text)?.groups;
  if (g === undefined) return undefined;
  const day = `${g['y']}-${pad(g['mo'])}-${pad(g['d'])}`;
  // 12-hour clock: "9:24 PM" is 21:24, "12:05 AM" is 00:05 (a 24-hour hour with AM/PM is not a time).
  const ampm = g['ampm']?.toLowerCase();
  const hour = Number(g['h']);
  if (ampm !== undefined && (hour < 1 || hour > 12)) return undefined;
  const time = `${pad(String(ampm === undefined ? hour : (hour % 12) + (ampm === 'p' ? 12 : 0)))}:${g['mi']}`;
  const offset = g['off'] === undefined ? '' : offsetOf(g['off']);
  const value = offset === '' ? `${day} ${time}${g['s'] === undefined ? '' : `:${g['s']}`}` : `${day}T${time}:${g['s'] ?? '00'}${offset}`;
  const kind = /updat|modif|更新/i.test(g['label'] ?? '') ? 'updated' : 'published';
  return { n, kind, value, offset: offset !== '' };
}

/** A stamp line may carry other credits between bars: "By ZHANG YI | China Daily | Updated: 2025-02-05 07:11". */
export const segments = (text: string): string[] => text.split(/\s+[|｜丨]\s+/);

export function classify(text: string): Kind {
  if (text === '') return 'blank';
  if (segments(text).some((s) => STAMP.test(s))) return 'stamp';
  if (ID_LINE.test(text)) return 'id';
  if (IMAGE_LINE.test(text)) return 'image';
  const crumbs = text.split(BREADCRUMB_SEP);
  if (crumbs.length >= 2 && BREADCRUMB_HOME.test(crumbs[0] ?? '')) return 'breadcrumb';
  if (CHROME.some((r) => r.test(text))) return 'chrome';
  if (text.length <= 100 && (isRelated(text) || PROMO.some((r) => r.test(text)))) return 'promo';
  return 'text';
}

