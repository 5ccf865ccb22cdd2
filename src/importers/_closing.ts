/**
 * What closes the body of structured copy (ninjs, NITF) and is no part of the story, read from the end
 * up as the text importer reads it: the end mark (`… a year. Enditem`, `……恶化。（完）`), credit lines
 * (`(Reporting by Lucy Craymer in Wellington; Editing by …)`, `【责任编辑：张三】`) as contributors,
 * agency lines (`Agencies Via Xinhua`) as the agency, and a byline or Chinese reporters signed at the end
 * (`By Wang Jing in Beijing`, `记者：王晓岚 李华`) as authors; a wire's sign-off (AFP's `md/ab`) is noted and left out.
 */
import { plainText, type Block } from './_blocks.js';
import { type Byline, parseByline, parseEditorLine } from './_bylines.js';
import type { Credits } from './_credits.js';
import { squash } from './_tree.js';
import { type Contributor, isInterviewLine, parseContributorLine, zhSignature } from './_contributors.js';
import { parseAgencyLine } from './_agencies.js';
import { publicationWithAgency } from './_bar-byline.js';
import { innerEndMarkNote, innerEndMarks, MARK_ALONE, SIGN_OFF, signOffNote, withoutEndMark, withoutInnerEndMark } from './_end-mark.js';

export function takeClosingCredits(blocks: Block[], credits: Credits, notes: string[]): void {
  const lines: ((credits: Credits) => void)[] = [];
  unmark(blocks);
  for (let last = blocks[blocks.length - 1]; last?.kind === 'p'; last = blocks[blocks.length - 1]) {
    if (blocks.length > 1 && SIGN_OFF.test(textOfBlock(last).trim())) {
      notes.push(signOffNote(textOfBlock(last)));
      blocks.pop();
      continue;
    }
    const interview = blocks.some((b, i) => i < blocks.length - 1 && b.kind === 'p' && isInterviewLine(textOfBlock(b)));
    const credit = creditLine(textOfBlock(last), interview);
    if (credit === undefined) break;
    lines.unshift(credit);
    blocks.pop();
  }
  unmark(blocks);
  unmarkInner(blocks, notes);
  // In the order printed, as the copy's own would be read.
  credits.atEnd(() => {
    for (const take of lines) take(credits);
  });
}

/**
 * One credit line (a paragraph closing the body, an NITF tagline) into the credits: an agency line, a
 * contributor or editor line, Chinese reporters signed, or a byline. False when it is none of these.
 * (`interview`: earlier lines ask and answer, so a bare `记者：…` is the interview's, not a signature.)
 */
export function takeCreditLine(text: string, credits: Credits, interview = false): boolean {
  const credit = creditLine(text, interview);
  if (credit !== undefined) credits.atEnd(() => credit(credits));
  return credit !== undefined;
}

/** What one line closing a story gives: an agency, contributors or editors, reporters signed in Chinese, or a byline. */
export type ClosingCredit =
  | { kind: 'agency'; agency: { name: string; via?: string } }
  | { kind: 'people'; people: Contributor[] }
  | { kind: 'signed'; names: string[] }
  | { kind: 'byline'; byline: Byline };

/**
 * A line closing a story read as a credit, in the order every importer tries them; undefined when it is
 * none. (`interview`: earlier lines ask and answer, so a bare `记者：…` is the interview's, not a signature.)
 */
export function closingCredit(text: string, interview: boolean): ClosingCredit | undefined {
  const agency = parseAgencyLine(text) ?? closingAgency(text);
  if (agency !== undefined) return { kind: 'agency', agency };
  const people = parseContributorLine(text) ?? parseEditorLine(text, interview);
  if (people !== undefined) return { kind: 'people', people };
  const names = zhSignature(text, interview);
  if (names !== undefined) return { kind: 'signed', names };
  const byline = parseByline(text);
  return byline === undefined ? undefined : { kind: 'byline', byline };
}

/** What a credit line gives, read once; undefined when the line is none. */
function creditLine(text: string, interview: boolean): ((credits: Credits) => void) | undefined {
  const credit = closingCredit(text, interview);
  switch (credit?.kind) {
    case undefined:
      return undefined;
    case 'agency':
      return (credits) => credits.agency(credit.agency, 'the agency line at the end of the body');
    case 'people':
      return (credits) => credits.contributors.push(...credit.people);
    case 'signed':
      return (credits) => {
        for (const name of credit.names) if (!credits.authors.includes(name)) credits.authors.push(name);
      };
    case 'byline':
      return (credits) => credits.byline(text);
  }
}

// (A line break is a space: `Ships waited.<br/>Enditem` ends in its mark as `Ships waited. Enditem` does.)
const textOfBlock = (b: Block & { kind: 'p' }): string => squash(plainText(b.inline));

/** The end mark off the last paragraph (after a link too), or the paragraph if it is the mark alone. */
function unmark(blocks: Block[]): void {
  const last = blocks[blocks.length - 1];
  if (last?.kind !== 'p') return;
  if (MARK_ALONE.test(textOfBlock(last))) {
    blocks.pop();
    return;
  }
  if (withoutEndMark(textOfBlock(last)) === undefined) return;
  unmarkRuns(last, withoutEndMark);
}

/**
 * The mark off a paragraph's last run of text (`strip`), or the run itself when it is the mark alone: after
 * a link (`See <a>the site</a> Enditem`) or on a line of its own (`Ships waited.<br/>Enditem`), with the
 * break before it. False when the last run is a link's, or no mark.
 */
function unmarkRuns(block: Block & { kind: 'p' }, strip: (text: string) => string | undefined): boolean {
  const tail = block.inline[block.inline.length - 1];
  if (tail === undefined || tail.href !== undefined) return false;
  const unmarked = strip(tail.text.trimEnd());
  if (unmarked !== undefined) {
    tail.text = unmarked;
    return true;
  }
  if (!MARK_ALONE.test(tail.text.trim())) return false;
  block.inline.pop();
  while (block.inline.length > 0 && (block.inline[block.inline.length - 1]?.br === true || block.inline[block.inline.length - 1]?.text.trim() === '')) block.inline.pop();
  return true;
}

/**
 * The end mark off a paragraph that only what pages print after a story follows (`……了了。（完）”` then
 * `（原标题：…）`), as the text importer takes it: the mark in the paragraph's last run of text.
 */
function unmarkInner(blocks: Block[], notes: string[]): void {
  // (A block that is no paragraph, such as a list or a quote, is no trailer: a mark before it stays.)
  for (const { index } of innerEndMarks(blocks.map((b) => (b.kind === 'p' ? textOfBlock(b) : '\u0000')))) {
    const block = blocks[index];
    if (block?.kind !== 'p') continue;
    const printed = textOfBlock(block);
    // (Noted as the text importer notes it.)
    if (unmarkRuns(block, withoutInnerEndMark)) notes.push(innerEndMarkNote(printed));
  }
}

/**
 * An agency as papers close a story with it, besides its line alone (`Xinhua`): in brackets (`(Reuters)`),
 * after a dash (`— AFP`, `-- Xinhua`), as the source (`Source: Xinhua`, `Sources: Reuters, AP`) or the
 * inputs (`(With inputs from PTI)`, `With inputs from agencies`, `With AFP`). Only agencies the list knows.
 * Also as Deutsche Welle signs, its editors' initials before the agencies in brackets (`jd/sms (AFP, Reuters,
 * dpa)`), Channel NewsAsia, an editor's initials after the sources (`Source: Reuters/AFP/zl`), France 24, its own
 * name with them in brackets (`(FRANCE 24 with AFP)`), and Euronews (`Additional sources • AP, AFP`). (Each was
 * kept as the story's last paragraph.) And in French, Spanish, Portuguese and Italian: `Avec AFP`, `Con información de EFE`,
 * `Fuente: EFE`, `Le Monde avec AFP`, `Com Lusa`, `Fonte: ANSA`.
 */
function closingAgency(text: string): { name: string; via?: string } | undefined {
  const line = text.trim();
  const bracketed = line.replace(/^\p{Ll}{1,4}(?:\/\p{Ll}{1,4})+\s*(?=[([])/u, '');
  const inBrackets = /^[([](.*)[)\]]\.?$/u.exec(bracketed)?.[1]?.trim();
  // (A publication's credit with the wires, as Le Monde and Le Figaro print it: `Le Monde avec AFP`.)
  const credit = publicationWithAgency(line);
  if (credit !== undefined) return credit.agency;
  const inner = (inBrackets?.replace(/^\p{Lu}[\p{Lu}\d ]{1,30}? (?:with|avec|con)\s+(?=\p{Lu})/u, '') ?? bracketed)
    .replace(/^(?:—|–|--|-)\s*/u, '')
    .replace(/^(?:with\s+(?:inputs?\s+from\s+)?|inputs?\s+from\s+|sources?\s*:\s*|additional sources?\s*[•·:]?\s*|avec\s+|con\s+(?:información\s+de\s+)?|fuentes?\s*:\s*|com\s+|fonte\s*:\s*|(?:稿件|文章|本文)?(?:来源|來源)\s*[:：]\s*)/iu, '')
    .replace(/\.$/u, '')
    // (Initials, not an agency in lower case: `Source: Xinhua/dpa` credits dpa.)
    .replace(/(?<=\S)\/(\p{Ll}{1,4})$/u, (initials, letters: string) => (parseAgencyLine(letters) === undefined ? '' : initials));
  return inner === line ? undefined : parseAgencyLine(inner);
}

/**
 * A byline printed over the story (`By Helen Marsh`, as Dateline's own feeds print it at the head of the
 * content, and Scoop's NewsML-G2 its NITF's): taken off the body; its authors are the item's when it names none,
 * and a name it adds is noted.
 */
export function headByline(blocks: Block[], credits: Credits, notes: string[]): void {
  const first = blocks[0];
  // (Names in a script written right to left are isolated in it: U+2066–U+2069.)
  const text = first?.kind === 'p' ? plainText(first.inline).replace(/[\u2066-\u2069]/gu, '').trim() : '';
  const zh = /^作者[:：]\s*(.+)$/u.exec(text)?.[1];
  const names = zh !== undefined ? zh.split(/\s*[、，,]\s*/u).filter(Boolean) : parseByline(text)?.authors.map((a) => a.name) ?? [];
  if (names.length === 0) return;
  blocks.shift();
  if (credits.authors.length === 0) {
    if (zh !== undefined) for (const n of names) credits.person(n);
    else credits.byline(text);
    return;
  }
  const others = names.filter((n) => !credits.authors.includes(n));
  if (others.length > 0) notes.push(`the byline over the story ${JSON.stringify(text)} names ${others.map((n) => JSON.stringify(n)).join(', ')}, whom the item does not credit: not an author`);
}
