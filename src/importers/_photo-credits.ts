/**
 * Photo credits: after a caption (`… in Gaza. DAWOUD ABU ALKAS/REUTERS`), marked (`Photo: Jane Doe/Reuters`),
 * or alone on a line (`(AFP)`, `Photographer: Jane Doe/Bloomberg`).
 */
import { looksLikeNameOrPlace } from './_contributors.js';


/**
 * The agencies whose photo credits are read, one list for every form (review: each pattern had its own):
 * as they sign a photographer's name (`REUTERS/Ann Wang`), and alone (`(AFP)`, `— AFP`).
 */
const PHOTO_AGENCY = 'AP|AFP|Reuters|REUTERS|Xinhua|XINHUA|EPA(?:-EFE)?|Kyodo|KYODO|Yonhap|YONHAP|CNS|Bloomberg';
const PHOTO_AGENCY_ALONE = 'AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Xinhua|XINHUA|Bloomberg|Kyodo|KYODO|Yonhap|YONHAP';
/**
 * Those read alone after a caption's last sentence wherever the paragraph stands. (Not Kyodo and Yonhap:
 * "… the South's military said. Yonhap" ends a story's paragraph as often as a caption: review. They are
 * read so only where a caption stands.)
 */
const PHOTO_AGENCY_ALONE_ANYWHERE = 'AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Xinhua|XINHUA|Bloomberg';

/** AGENCY/Name, as Xinhua and Reuters sign: "(Xinhua/Li Xin)", "(REUTERS/Ann Wang)", "Xinhua/Li Xin"; the agency alone in brackets: "(AFP)". */
const WEAK_CREDITS: RegExp[] = [
  // Bloomberg's `Image:`, and `Picture:`, `Credit:`, which prose may print too (`Credit: the lifeblood of growth`).
  /^(?<caption>.*[.!?"”])\s+(?:Picture|Image|Credit):\s*(?<credit>\p{Lu}[^.]*?)\.?$/u,
  // A name and an agency in square brackets, as Al Jazeera signs, after the caption's last word or its full stop:
  // `Ships wait outside the port [Jane Doe/Reuters]`.
  /^(?<caption>.*\S)\s*\[(?<credit>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}\/(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4})\]$/u,
  // An agency and a name after a colon in brackets, as the ABC signs: `(Reuters: Jane Doe)`, `(ABC News: Jane Doe)`.
  new RegExp(String.raw`^(?<caption>.*[.!?"”])\s*\((?<credit>(?:${PHOTO_AGENCY}|ABC(?: News)?|AAP(?: Image)?|Getty Images): \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})\)$`, 'u'),
  // A name and a paper in brackets, as the New York Times signs: `(Jane Roe/The New York Times)`.
  /^(?<caption>.*[.!?"”])\s*\((?<credit>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}\/(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4})\)$/u,
  new RegExp(String.raw`^(?<caption>.*[.!?"”])\s*\((?<credit>(?:${PHOTO_AGENCY})\s*\/\s*\p{Lu}[^()]*)\)$`, 'u'),
  // (A file photo, as Reuters signs it: "REUTERS/Tingshu Wang/File Photo". QA.)
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+(?<credit>(?:${PHOTO_AGENCY})\/\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:\/File Photo)?)$`, 'u'),
  // "… on Monday. — AFP", the agency after a dash.
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+[—–]\s*(?<credit>${PHOTO_AGENCY_ALONE})$`),
  new RegExp(String.raw`^(?<caption>.*[.!?"”])\s*\((?<credit>${PHOTO_AGENCY_ALONE})\)$`),
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+(?<credit>${PHOTO_AGENCY_ALONE})$`),
];

/** Credit forms a word or mark says is a photo's (`Credit...`, `[Photo/…]`, `Photograph:`, `摄`). */
const MARKED_CREDITS: RegExp[] = [
  // The New York Times' `Credit...Jane Roe for The New York Times` after the caption (copied as one line, the
  // caption's full stop against it).
  /^(?<caption>.*\S)\s*Credit(?:\.\.\.|…)\s*(?<credit>\p{Lu}.*)$/u,
  /^(?<caption>.*\S)\s*\[Photo(?:\s+by\s+|\s*\/\s*|:\s*)(?<credit>[^\]]+)\]$/i,
  /^(?<caption>.*\S)\s*\(Photo(?:\s+by\s+|\s*\/\s*|:\s*)(?<credit>[^)]+)\)$/i,
  // Agency style: "(AP Photo/Abdel Kareem Hana)", the agency's "Photo" kept in the credit.
  new RegExp(String.raw`^(?<caption>.*\S)\s*\((?<credit>(?:${PHOTO_AGENCY}|Getty)\s+Photos?\s*\/\s*[^()]+)\)$`),
  // (And the Guardian's `Photograph:`, Bloomberg's `Photographer:`, and `Photo credit:`.)
  /^(?<caption>.*[.!?"”])\s+(?:Photo|Photograph|Photographer|Photo credit):\s*(?<credit>[^.]+?)\.?$/i,
  /^(?<caption>.*[.!?"”])\s+©\s*(?<credit>\p{Lu}[^©]*?)\.?$/u,
  // "Photo by Jane Roe/Getty Images": a name, capitalised, with no comma.
  /^(?<caption>.*[.!?"”])\s+Photo by\s+(?<credit>\p{Lu}[^.,]*?)\.?$/u,
  // Chinese: "（新华社记者李华摄）", "（视觉中国供图）", "（中央社記者王飛華攝）".
  /^(?<caption>.*\S)\s*[（(](?<credit>[^（）()]+?)\s*(?:摄|攝|供图|供圖)[）)]$/u,
];

/** The credit forms read wherever they stand (WEAK_CREDITS: only where a caption stands). */
const PHOTO_CREDITS: RegExp[] = [
  ...MARKED_CREDITS,
  // NAME/AGENCY at the end, as wire photo desks sign: "DAWOUD ABU ALKAS/REUTERS", "Mohamed Hossam/EPA-EFE".
  // (With spaces round the slash, as China Daily signs: "WANG JING / CHINA DAILY". QA.)
  /^(?<caption>.*[.!?"”)])\s+(?<credit>[A-Z][A-Z.'’ -]+\/[A-Z][A-Za-z.'’ -]+)$/,
  // (Spaced, only a name of two words or more and a paper in capitals: "US / EU" is no credit. Review.)
  /^(?<caption>.*[.!?"”)])\s+(?<credit>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)+ \/ [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)$/,
  // "[Photo provided to China Daily]": no name, but the credit the paper prints.
  /^(?<caption>.*\S)\s*\[(?<credit>Photos? provided (?:to|by) [^\]]+)\]$/i,
  /^(?<caption>.*[.!?"”)])\s+(?<credit>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}\/(?:[A-Z][A-Z.&'’-]+(?: [A-Z][A-Z.&'’-]+)*|Getty Images|Reuters|Bloomberg|Xinhua))$/u,
  // An agency's name alone after the caption's last sentence.
  new RegExp(String.raw`^(?<caption>.*[.!?"”)])\s+(?<credit>${PHOTO_AGENCY_ALONE_ANYWHERE})$`),
];

/**
 * Splits the credit off a photo caption: `… in Gaza City on Monday. DAWOUD ABU ALKAS/REUTERS`,
 * `… [Photo/Agencies]`, `… [Photo by Wang Jing/China Daily]`, `… Photo: Xinhua`, `…（新华社记者王晔摄）`.
 */
export function splitPhotoCredit(paragraph: string): { caption: string; credit: string; weak?: true } | undefined {
  const text = paragraph.trim();
  // Captions are short (and the patterns below are not all linear on long text); notes are not captions.
  if (text.length > 600 || /^(?:(?:editors?['’]?s? notes?|correction|clarification|note)\b|编者按|编者注)/i.test(text)) return undefined;
  for (const p of PHOTO_CREDITS) {
    const m = p.exec(text);
    if (m?.groups !== undefined) return { caption: (m.groups['caption'] ?? '').trim(), credit: (m.groups['credit'] ?? '').trim() };
  }
  // `weak`: forms a story's own paragraph also takes ("… a poll found. (Reuters/Ipsos)", "… the president.
  // (AFP)"), which the caller accepts only where a caption stands, before the dateline.
  for (const p of WEAK_CREDITS) {
    const m = p.exec(text);
    if (m?.groups !== undefined) return { caption: (m.groups['caption'] ?? '').trim(), credit: (m.groups['credit'] ?? '').trim(), weak: true };
  }
  return undefined;
}

/**
 * A caption and its credit in a form a word or mark says is a photo's (`… on Wednesday.Credit...Jane Roe for
 * The New York Times`, `… [Photo/Agencies]`): where a headline may stand too, only those are read.
 */
export function markedPhotoCredit(text: string): { caption: string; credit: string } | undefined {
  if (text.length > 600) return undefined;
  for (const p of MARKED_CREDITS) {
    const m = p.exec(text.trim());
    if (m?.groups !== undefined) return { caption: (m.groups['caption'] ?? '').trim(), credit: (m.groups['credit'] ?? '').trim() };
  }
  return undefined;
}

/**
 * A photo's source alone on a line, as the BBC prints it over the caption: a picture agency or library
 * (`Getty Images`, `AFP via Getty Images`, `EPA-EFE/REX/Shutterstock`, `PA Media`), or a name and one
 * (`Jane Doe/Getty Images`). Not a news agency alone (`Reuters`): alone on a line, that is the agency.
 */
export function photoSourceAlone(line: string): string | undefined {
  const text = line.trim();
  const library = String.raw`Getty Images|Shutterstock|Alamy|PA Media|PA Wire|EPA|EPA-EFE|NurPhoto|SOPA Images|Anadolu|REX`;
  const source = new RegExp(String.raw`^(?:(?:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}|${PHOTO_AGENCY})(?: via |\/))?(?:${library})(?:\/(?:${library}))*$`, 'u');
  return text.length <= 80 && source.test(text) ? text : undefined;
}

/**
 * A line that is a photo's credit and nothing else, as copy may close with it: `Photo: Jane Doe/Reuters`,
 * `Photos by Tom Hale`, `(Photo: AFP)`, `[Photo/Agencies]`, `Photo credit: Xinhua`. The credit, or undefined
 * (a sentence, `Photos by the agency showed …`; an image's URL, `Photo: https://…`).
 */
export function photoCreditAlone(line: string): string | undefined {
  const text = line.trim();
  if (text.length > 120) return undefined;
  const m = /^(?<open>[[(]?)(?:Photo(?:graph)?s?|Pictures?|Pic|Images?)(?: credit)?(?:\s+by\s+|\s*[:：/]\s*)(?<credit>.+?)(?<close>[\])]?)\.?$/i.exec(text);
  const credit = m?.groups?.['credit']?.trim();
  if (m === null || credit === undefined) return undefined;
  // Brackets that pair, a credit that starts with a capital (or a CJK name) and holds no sentence or URL.
  const paired = { '': '', '[': ']', '(': ')' }[m.groups?.['open'] ?? ''] === m.groups?.['close'];
  // (And names: a photographer's, an agency's, `Tom Reed/Reuters`, `Jane Doe and Tom Reed`. Review: `Photo:
  // Firefighters at the scene on Tuesday`, a caption, was made a credit.)
  const names = credit.split(/\s*\/\s*|, | and /);
  return paired && !/[.!?]\s|[[\]()]|:\/\//u.test(credit) && names.every(looksLikeNameOrPlace) ? credit : undefined;
}

/**
 * A credit given as one (`media:credit`, a picture's credit field) with the word that marks it still in it, as
 * the Guardian's feeds give theirs (`Photograph: Jane Doe/Reuters`; `Photo by Tom Hale`): the credit alone.
 */
export function withoutCreditMarker(credit: string): string {
  const m = /^(?:Photo(?:graph)?s?|Pictures?|Pic|Images?|Fotos?|Fotograf[íi]as?|Photographer)(?: credit)?(?:\s+by\s+|\s*[:：]\s*)(?=\S)/iu.exec(credit.trim());
  return m === null ? credit : credit.trim().slice(m[0].length).trim();
}
