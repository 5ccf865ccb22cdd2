/** Raw copy, line by line: what each line of a page is (chrome, breadcrumb, stamp, id, image link, text). */
import { isStamp } from './_stamps.js';
import { lookupCity } from './gazetteer.js';

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
export interface PageBlock {
  n: number;
  text: string;
  kind: Kind;
  /** More than one input line. */
  joined: boolean;
}

const BREADCRUMB_HOME = /^(?:Home|Homepage|Front page|首页|首頁)$/i;
export const BREADCRUMB_SEP = /\s*[|>»›]\s*|\s+\/\s+/;

/**
 * Lines a page prints once the story is over (Reuters' standards link, the Guardian's "Reuse this content",
 * the New York Times' print line): what follows them is the page's (Reuters' cards of its reporters, lists
 * of other stories), up to another story's head.
 */
const ENDS: readonly RegExp[] = [
  /^Our Standards:\s*The Thomson Reuters Trust Principles\.?$/i,
  /^Reuse this content$/i,
  /^A version of this (?:article|story) appears? in print on\b.{0,200}\b(?:Section|Page)\b/i,
];
export const endsStory = (text: string): boolean => ENDS.some((r) => r.test(text));

/**
 * Lines that belong to the site, never to a story, wherever they stand: page furniture and footers. The
 * patterns are strict because a match is dropped even in the middle of the body.
 */
const CHROME: readonly RegExp[] = [
  /^back to (?:the )?top$/i,
  /^返回(?:顶部|頂部)$/,
  /^end ?item$/i, // the end mark of agency copy ("Enditem"; Chinese copy ends with "（完）")
  /^[（(]完[）)]$/u,
  /^(?:Global|China|US|U\.S\.|UK|Europe|European|Asia|Asia-Pacific|Africa|Hong Kong|Canada|Latin America|Middle East|International|English|Chinese|Mobile|Digital|Print) Edition$/,
  // (A © with a year or the reservation, a site's footer: `© Ann Lee` alone is a photographer's credit, and
  // was dropped as one. Review.)
  /^(?:copyright\s*(?:©|\(c\))?\s*(?:\d{4}|.*\ball rights reserved\b)|©\s*(?:\d{4}|$|.*\ball rights reserved\b)|\(c\)\s*\d{4})/i,
  /^all rights reserved\.?$/i,
  /^(?:版权所有|版權所有)/,
  /^note: browsers with\b/i,
  /^license for publishing\b/i,
  /^registration (?:number|no\.?)\s*[:：]/i,
  /^\p{Script=Han}ICP[备證证備]/u,
  /^\p{Script=Han}公[网網]安[备備]/u,
  // What big outlets print under a story, saved with it: Reuters' link to its standards and its licensing
  // button, the Guardian's "Reuse this content", the New York Times' line on the print edition, AP's link to
  // its coverage of the subject. Each kept the credit line above it in the body, where the importer no
  // longer looked for one.
  ...ENDS,
  /^Purchase Licen[cs]ing Rights$/i,
  // (The Guardian's banner over an old story's headline.)
  /^This (?:article|story) is more than (?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?|years?) old$/i,
  /^Follow (?:AP|The Associated Press)['’]s?\b.{0,120}\bat https?:\/\/(?:www\.)?apnews\.com\/\S*$/i,
  // Chinese sites' buttons and the platforms' disclaimer under a reposted story (QA: each stayed in the body):
  // `分享到：`, Xinhua's `【纠错】`, `打开APP阅读全文`, `举报/反馈`, Sohu's `返回搜狐，查看更多` and `声明：该文观点仅代表作者本人，
  // 搜狐号系信息发布平台…`, `扫一扫在手机打开当前页`.
  /^(?:分享到|分享至)\s*[:：]?$/u,
  /^【(?:纠错|糾錯)】$/u,
  /^打开.{0,8}(?:APP|App|app|客户端).{0,8}$/u,
  /^举报\s*\/\s*反馈$/u,
  /^返回搜狐[，,]\s*查看更多$/u,
  /^扫一扫.{0,20}$/u,
  /^(?:特别)?声明[:：].{0,60}(?:仅代表作者|信息发布平台|信息存储空间)/u,
  // NPR's line naming the programme a story was heard on, under its stamp (QA: the story's first paragraph).
  /^Heard on (?:Morning Edition|All Things Considered|Weekend Edition(?: Saturday| Sunday)?|Here & Now|Up First|Fresh Air)$/,
];

/**
 * A line without what a page's links add to copied text: the screen reader's `, opens new tab` after a
 * link's text (Reuters prints it after every link, in paragraphs too), and Reuters' licensing button at the
 * end of a photo's caption (`… REUTERS/Lisi Niesner Purchase Licensing Rights`), which kept the caption in
 * the body and its credit unread.
 */
export const withoutLinkNoise = (line: string): string =>
  line.replace(/,\s?opens new tab\b/gi, '').replace(/(?<=\S)\s+Purchase Licen[cs]ing Rights$/i, '');

/** Lists of other stories on a page (`Most viewed`), under a heading of their own. */
const LISTS = /^(?:top news|most (?:viewed|popular|read)|editor'?s picks?|trending(?: now)?|recommended(?: stories| for you| articles)?|more stories)$/i;
/** Promotions and links to other pages (short lines only); a "Related:" line takes the headlines listed under it too. */
const PROMO: readonly RegExp[] = [
  /^download (?:the|our)\b.*\bapp\b/i,
  /^(?:follow|find|like|join) us on (?:Facebook|Twitter|X|Instagram|WeChat|Weibo|TikTok|YouTube|LinkedIn|Telegram|WhatsApp|social media)\b/i,
  /^advertisement$/i,
  // (Where a page's advertisement stood, copied with the story: the New York Times' `SKIP ADVERTISEMENT` and
  // `Continue reading the main story`, `Story continues below advertisement`, `Article continues below this ad`,
  // `Scroll to continue with content`. QA: each was a heading of the story.)
  /^(?:skip advertisement|continue reading the main story|(?:the )?(?:story|article) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad(?:vert)?)|scroll (?:down )?to continue(?: with content| reading)?)$/i,
  /^click here (?:to|for)\b.{0,60}$/i,
  // A reading time or a player (`4 minute read`, `5 min read`, `Listen to this article`, `Listen · 3:12 min`).
  /^\d{1,3}\s*(?:-\s*)?(?:minutes?|mins?)(?:\s+read|\s+listen|\s+reading time)?$/i,
  /^reading time\s*[:：]?\s*\d{1,3}\s*(?:minutes?|mins?)$/i,
  /^listen(?: to this (?:article|story))?(?:\s*[·|•-]?\s*\d{1,2}:\d{2}(?:\s*mins?)?)?(?:\s*learn more)?$/i,
  /^share(?: this)?(?: full)?(?: article| story| page)?\s*[:：]?$/i,
  // (Al Jazeera's share button as copied: `Click here to share on social media`, then its icon's `share2`.)
  /^(?:click here to share on social media|share\d)$/i,
  // (CNN's `Link Copied!`, `Follow:` and its topics' `Germany See all topics`.)
  /^(?:link copied!?|follow\s*:|.{1,60}\bsee all topics)$/i,
  // (The South China Morning Post's link under its stamps.)
  /^why you can trust (?:SCMP|us)$/i,
  // (Bloomberg's buttons and player, `Translate` and `2:14`, and its promotion under a story.)
  /^(?:translate|\d{1,2}:\d{2}|learn more|before it['’]s here, it['’]s on the bloomberg terminal\.?)$/i,
  // (The Washington Post's button under its reporter's biography: `Follow Jane Doe`; not a headline in title
  // case, `Follow The Money`.)
  /^[Ff]ollow (?!(?:The|A|An|Our|Your|This|That|These|Those|Us|Me|Him|Her|Them|Live|Up|Along|Through|Suit)\b)\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u,
  // Buttons around a headline and its stamp (the BBC's `Share` and `Save`, the New York Times' `Share full
  // article`, a gift link, a print or comments button), alone on a line.
  /^(?:share on (?:facebook|twitter|x|whatsapp|linkedin|email)|save(?: article| story| for later)?|saved|bookmark|print(?: article| story| this (?:article|story|page))?|copy link|e-?mail|\d*\s*comments?|gift(?: this)? article|add to (?:my )?(?:list|reading list))$/i,
  /^(?:subscribe|sign up)\b.*\b(?:newsletter|free|now|today)\b/i,
  // (The Guardian's `Get our breaking news email, free app or daily news podcast`.)
  /^get our\b.*\b(?:emails?|newsletters?|apps?|podcasts?)$/i,
  LISTS,
  /^(?:扫码|掃碼|下载|下載).*(?:客户端|客戶端|app)/i,
];
const RELATED = /^(?:related(?: stor(?:y|ies)| articles?| news| coverage| topics| content)?|read more|read also|also read|see also|more on this(?: story)?|explore more on these topics|(?:suggested )?topics|tags|filed under|you may also like|相关(?:新闻|阅读|报道)|相關(?:新聞|閱讀|報導|報道))\s*(?:[:：]\s*(?<title>.*))?$/i;
/**
 * "Related:", or "Related: <a headline>"; "Related: officials said …" is a sentence of the story. Also
 * the lists of topics and stories under a story (the BBC's "More on this story" and "Related topics", the
 * Guardian's "Explore more on these topics", Reuters' "Suggested Topics:").
 */
export function isRelated(text: string): boolean {
  const title = RELATED.exec(text)?.groups?.['title'];
  return RELATED.test(text) && (title === undefined || title === '' || !endsSentence(title));
}

/**
 * A heading of a list of stories or topics ("Related topics", "More on this story", "Most viewed"), whose
 * items may stand a blank line apart: the list goes on past them (not after "Read more: <a headline>").
 */
export function isListHeading(text: string): boolean {
  const m = RELATED.exec(text);
  return LISTS.test(text) || (m !== null && (m.groups?.['title'] ?? '') === '');
}

/** A rule: a line of three or more dashes, underscores, stars, equals signs or tildes (AP's `___`). */
export const RULE = /^(?:[-_*=~]\s?){3,}$/;

/** A navigation bar: three or more short items between bars or middle dots (recognised only before the headline). */
export const NAV = /^[^|·]{1,30}(?:\s[|·]\s[^|·]{1,30}){2,}$/;

export const ID_LINE = /^(?:(?:Story|Article|Doc(?:ument)?|News|Content|Item) )?ID\s*[:：#]\s*(\S+)$/i;
export const IMAGE_LINE = /^(?:Image|Photo|Picture|Pic)(?: URL| link)?\s*[:：]\s*(https?:\/\/\S+)$/i;

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
  const parts = text.split(CREDITED.test(text) ? ANY_BARS : SPACED_BARS).flatMap((seg) => seg.split(STAMP_AFTER_BYLINE)).flatMap((seg) => (stampedTwice(seg) ? seg.split(SECOND_STAMP) : [seg]))
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
  if (m === null || !isPlace(m[1] ?? '')) return [seg];
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
/** A name the gazetteer knows as a city's (one city or several of that name). */
export function isPlace(text: string): boolean {
  const place = lookupCity(text);
  return place.found || place.reason === 'ambiguous';
}
/**
 * A byline and a labelled stamp on one line with nothing between them, as the Global Times prints them
 * ("By Global Times Published: Feb 05, 2025 09:24 PM"): parted before the label, on a line that opens with "By".
 */
const STAMP_AFTER_BYLINE = /(?<=^By\s.{1,80}?)\s+(?=(?:Published|Updated|Posted)\s*:)/i;
/**
 * Two stamps on one line with no bar between them, as the New York Times prints them ("Published Feb. 5, 2025
 * Updated Feb. 5, 2025, 9:24 a.m. ET") and Reuters ("February 5, 2025 9:24 AM GMT+8 Updated 2 hours ago"):
 * parted before the second label, on a line that opens with one or with a date.
 */
const STAMP_START = /^(?:(?:first |originally )?published|posted|updated|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)\b/i;
// (A comma may end the first: the ABC's `Posted Wed 5 Feb 2025 at 10:30am, updated Wed 5 Feb 2025 at 12:15pm`,
// whose first stamp went unread, and whose update was taken for the first publication; and a dot, as CNN parts
// `Updated 12:15 PM EST, Wed February 5, 2025 · Originally published 10:30 AM EST, …`, the update first.)
const SECOND_STAMP = /(?:,|\s[·•])?\s+(?=(?:last )?(?:updated|modified)\b|(?:originally|first) published\b)/i;
const SECOND_LABEL = /\s(?:(?:last )?(?:updated|modified)|(?:originally|first) published)\b/gi;
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

/** What a line of a page is; `deskZone`, the site's zone, decides what a stamp's abbreviation means there. */
export function classify(text: string, deskZone?: string): Kind {
  if (text === '') return 'blank';
  if (segments(text).some((seg) => isStamp(seg, deskZone))) return 'stamp';
  if (ID_LINE.test(text)) return 'id';
  if (IMAGE_LINE.test(text)) return 'image';
  const crumbs = text.split(BREADCRUMB_SEP);
  if (crumbs.length >= 2 && BREADCRUMB_HOME.test(crumbs[0] ?? '')) return 'breadcrumb';
  if (CHROME.some((r) => r.test(text))) return 'chrome';
  if (text.length <= 100 && (isRelated(text) || PROMO.some((r) => r.test(text)))) return 'promo';
  return 'text';
}

