/**
 * The end mark of agency copy (`Enditem` of Xinhua, `（完）`), which closes the story and is no part of it:
 * off the last paragraph, and off a paragraph inside the body only when all that follows it is what pages
 * print after a story (`（原标题：…）`, `（来源：…）`, credit lines). Shared by the text importer and the
 * closing code of ninjs and NITF, so that all three read a body alike.
 */
import { parseByline, parseEditorLine } from './_bylines.js';
import { parseContributorLine, zhSignature } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';

/**
 * `… a year. Enditem`, `… a year. End item`, `……恶化。（完）`, `……了了。”（完）`. Two words only after a sentence,
 * or a bracket after one (`Ships waited. (Xinhua) End item`): `The last crate is the end item` and `the
 * (so-called) end item` end with words of their own.
 */
const END_MARK = /^(.*\S)(?:\s+enditem|(?<=[.!?。…"”]|[.!?。…]\)|(?:^|[.!?。…"”]\s*)\([^()]*\))\s+end item|\s*[（(]完[）)])$/isu;
/**
 * `……了了。（完）”`: （完） inside the quote that closes the paragraph, after the sentence's full stop (the
 * quote kept). Without a full stop before it, the mark is the quote's (`节目单：“第一集（完）”`, `写上“（完）”`),
 * and an English one always is (`“Step 4. End item”`, `“the end item”`).
 */
const END_MARK_IN_QUOTE = /^(.*[。！？.!?])\s*[（(]完[）)](\s*["'”’»」』]+)$/su;
/** A mark inside the body closes a sentence: a full stop, closing quotes, then the mark (`第一集（完）` is a title's). */
const INNER_END_MARK = /^(.*[。！？.!?]["'”’»」』]*)(?:\s*[（(]完[）)]|\s+end ?item)$/isu;

/**
 * A wire's sign-off closing its copy, alone on its line: the initials of those who wrote and edited it, in
 * lower case, apart by a slash and joined by hyphens (AFP's `md/ab`, `bur-jz/mm`, `ach-pdh/rl/sst`), or after
 * the agency's name in capitals, a slash after the last (AAP's `AAP be/`, `AAP jsc/ajs`). No words of the
 * story: taken off the body, noted.
 */
export const SIGN_OFF = /^(?:[a-z]{2,4}(?:-[a-z]{2,4})*(?:\/[a-z]{2,4}(?:-[a-z]{2,4})*)+|[A-Z]{2,5} [a-z]{2,4}(?:-[a-z]{2,4})*(?:\/[a-z]{2,4}(?:-[a-z]{2,4})*)*\/|[A-Z]{2,5} [a-z]{2,4}(?:-[a-z]{2,4})*(?:\/[a-z]{2,4}(?:-[a-z]{2,4})*)+)$/u;

/** The note for a sign-off taken off the body, in every importer's words. */
export const signOffNote = (printed: string): string => `the agency's sign-off (its staff's initials) ${JSON.stringify(printed.trim())}: not reader text, not used`;

/** The mark alone on its line. */
export const MARK_ALONE = /^(?:end ?item|[（(]完[）)])$/iu;

/** The paragraph without its end mark; undefined when it has none. */
export function withoutEndMark(text: string): string | undefined {
  const m = END_MARK.exec(text) ?? END_MARK_IN_QUOTE.exec(text);
  return m === null ? undefined : `${m[1] ?? ''}${(m[2] ?? '').trim()}`;
}

/** A paragraph inside the body that the end mark closes after a sentence: the paragraph without it. */
export function withoutInnerEndMark(text: string): string | undefined {
  const m = INNER_END_MARK.exec(text) ?? END_MARK_IN_QUOTE.exec(text);
  return m === null ? undefined : `${m[1] ?? ''}${(m[2] ?? '').trim()}`;
}

/** Ends with a mark of the end or of more to come (`（完）`, `（未完）`, `（待续）`, `（待續）`, `Enditem`), inside closing quotes or not: never a subheading. */
export const endsWithMark = (text: string): boolean => /(?:[（(](?:未完|完|待续|待續|未完待续|未完待續)[）)]|\bend ?item)["'”’»」』\s]*$/iu.test(text);

/** The note for a mark taken off a paragraph inside the body (`innerEndMarks`), in every importer's words. */
export const innerEndMarkNote = (printed: string): string => `end mark taken off a paragraph the body goes on after; what follows it is kept: ${JSON.stringify(printed)}`;

/** What a page prints after the story: the original headline or source (`（原标题：…）`, `【来源：新华社】`), a credit line, the mark alone. */
const SOURCE_LINE = /^[（(【[]?\s*(?:原标题|原標題|原题|原題|来源|來源|稿件来源|稿件來源|文章来源|文章來源|本文来源|本文來源|编译|編譯|校对|校對)\s*[:：][^（）()【】[\]]*[）)】\]]?$/u;
function isTrailer(text: string): boolean {
  const t = text.trim();
  return SOURCE_LINE.test(t) || MARK_ALONE.test(t) || parseAgencyLine(t) !== undefined || (parseContributorLine(t) ?? parseEditorLine(t)) !== undefined ||
    zhSignature(t, false) !== undefined || parseByline(t) !== undefined;
}

/** The index of each paragraph with an end mark that only trailers follow (`isTrailer`), with its text unmarked. */
export function innerEndMarks(texts: readonly string[]): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  for (let k = texts.length - 2; k >= 0 && isTrailer(texts[k + 1] ?? ''); k--) {
    const unmarked = withoutInnerEndMark(texts[k] ?? '');
    if (unmarked !== undefined) out.push({ index: k, text: unmarked });
  }
  return out;
}
