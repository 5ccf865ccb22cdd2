/** Raw copy, line by line: what each line of a page is (chrome, breadcrumb, stamp, id, image link, text). */
import { segments } from './_stamp-line.js';
import { isStamp } from './_stamps.js';

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
  // (Italian and Portuguese pages' own: `© RIPRODUZIONE RISERVATA`, `Todos os direitos reservados`.)
  /^(?:©\s*)?(?:riproduzione riservata|todos os direitos reservados)\.?$/iu,
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
  // (A photo's and a gallery's buttons: NPR's `Enlarge this image`, `toggle caption`, `hide caption`, `Photo 1 of 10`,
  // `View gallery`, `Expand`. QA: each was a heading of the story.)
  /^(?:enlarge this image|toggle caption|hide caption|show caption|view (?:gallery|slideshow|photos?|image)|expand(?: image| photo)?|(?:(?:photo|image|picture|slide)\s+)?\d{1,3}\s+of\s+\d{1,3})$/i,
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
  // French and Spanish pages' buttons, reading times and advertisements' places (Le Monde's `Partager`, `Offrir cet
  // article`, `Lire plus tard`, `Temps de Lecture 3 min.`; El País' `Compartir`, `Publicidad`, `Seguir leyendo`).
  /^(?:partager(?: sur (?:facebook|twitter|x|whatsapp|linkedin))?|offrir(?: cet article)?|lire plus tard|sauvegarder|imprimer|copier le lien|lien copié|commenter|\d+\s*commentaires?|publicité|(?:temps de )?lecture\s*[:：]?\s*\d{1,3}\s*min(?:utes?|\.)?|\d{1,3}\s*min(?:utes?|\.)?\s+(?:de |temps de )lecture|abonnez-vous\b.{0,60}|s['’]abonner)$/iu,
  // A paywall's label over a headline or under a stamp (`Subscribers only`, Le Monde's `Article réservé aux abonnés`, `Il
  // vous reste 75% de cet article à lire`; QA: each was the headline).
  /^(?:(?:for )?subscribers? only|subscriber exclusive|exclusive(?: (?:to|for) subscribers)?|premium(?: content| article)?|(?:article |contenu )?réservé aux abonnés|la suite est réservée aux abonnés\.?|il vous reste \d{1,3}\s?% de cet article à lire\.?|lire la suite|(?:contenido )?exclusivo para suscriptores|solo para suscriptores)$/iu,
  /^(?:compartir(?: en (?:facebook|twitter|x|whatsapp|linkedin))?|guardar|imprimir|copiar enlace|comentar|\d+\s*comentarios?|publicidad|seguir leyendo|(?:tiempo de )?lectura\s*[:：]?\s*\d{1,3}\s*min(?:utos?|\.)?|\d{1,3}\s*min(?:utos?|\.)?\s+de lectura|suscr[ií]bete\b.{0,60})$/iu,
  // Italian and Portuguese pages' (the Corriere's and la Repubblica's `Condividi`, `Ascolta l'articolo`, `Tempo di lettura 3
  // min`; Público's and Observador's `Partilhar`, `Ouvir este artigo`, `Continuar a ler`, paywalls' labels).
  /^(?:condividi(?: su (?:facebook|twitter|x|whatsapp|linkedin))?|ascolta(?: l['’]articolo| questo articolo)?|salva|stampa|copia (?:il )?link|commenta|\d+\s*commenti|pubblicit[àa]|continua a leggere|(?:tempo di )?lettura\s*[:：]?\s*\d{1,3}\s*min(?:uti|\.)?|\d{1,3}\s*min(?:uti|\.)?\s+(?:di )?lettura|abbonati\b.{0,60}|(?:articolo )?riservato agli abbonati|partilhar(?: no (?:facebook|twitter|x|whatsapp|linkedin))?|compartilhar|ouvir(?: este)? artigo|guardar|imprimir|copiar (?:o )?link|comentar|\d+\s*coment[áa]rios?|publicidade|continuar a ler|(?:tempo de )?leitura\s*[:：]?\s*\d{1,3}\s*min(?:utos?|\.)?|\d{1,3}\s*min(?:utos?|\.)?\s+de leitura|assine\b.{0,60}|(?:artigo )?exclusivo (?:para )?assinantes)$/iu,
];
const RELATED = /^(?:related(?: stor(?:y|ies)| articles?| news| coverage| topics| content)?|read more|read also|also read|see also|more on this(?: story)?|explore more on these topics|(?:suggested )?topics|tags|filed under|you may also like|相关(?:新闻|阅读|报道)|相關(?:新聞|閱讀|報導|報道)|(?:à )?lire aussi|voir aussi|sur le même sujet|lea también|lee también|leer más|te puede interesar|noticias relacionadas|archivado en|mots-clés|étiquettes|leggi anche|potrebbe interessarti|leia também|leia mais|veja também|saiba mais)\s*(?:[:：]\s*(?<title>.*)|\s[|]\s*(?<barTitle>.*))?$/iu;
/**
 * "Related:", or "Related: <a headline>"; "Related: officials said …" is a sentence of the story. Also
 * the lists of topics and stories under a story (the BBC's "More on this story" and "Related topics", the
 * Guardian's "Explore more on these topics", Reuters' "Suggested Topics:").
 */
export function isRelated(text: string): boolean {
  const groups = RELATED.exec(text)?.groups;
  const title = groups?.['title'] ?? groups?.['barTitle'];
  return RELATED.test(text) && (title === undefined || title === '' || !endsSentence(title));
}

/** The headline a line linking another story names (`Related: <a headline>`, `Leia também: …`), or undefined for another line. */
export function relatedTitle(text: string): string | undefined {
  if (!isRelated(text)) return undefined;
  const groups = RELATED.exec(text)?.groups;
  return groups?.['title'] ?? groups?.['barTitle'];
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

