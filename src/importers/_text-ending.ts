/**
 * What closes a story copied as text, read from its last paragraph up: credit lines (contributors' taglines,
 * agency lines, a byline or the reporters signed at the end), end marks, a photo's credit, and the desk's and
 * the site's lines that are no paragraph of the story (a rule, a version note, a syndication notice, an author's
 * biography). Each is taken off the body into the page.
 */
import { type Contributor, isInterviewLine } from './_contributors.js';
import { closingCredit } from './_closing.js';
import { innerEndMarkNote, innerEndMarks, SIGN_OFF, signOffNote, withoutEndMark } from './_end-mark.js';
import { type PageBlock, RULE } from './_page.js';
import { photoCreditAlone } from './_photo-credits.js';
import type { AgencyLine } from './_text-agency.js';
import { authorBiography, looksLikeCredit, SYNDICATION_NOTE, VERSION_NOTE, versionNoteLeft } from './_text-body.js';
import { q } from './_text-problems.js';
import type { PageState } from './_text-state.js';

export interface Ending {
  /** The agencies named by the lines closing the story, in the order printed (they rank first). */
  trailingAgencies: AgencyLine[];
  /** Whether an end mark （完） closed one of the last paragraphs: the copy is Chinese (`copyLanguage`). */
  chineseEndMark: boolean;
  /** The photo's credit where no caption gave one: alone under the stamp (`headCredit`), or closing the copy. */
  photoCredit: string | undefined;
}

/** Reads the lines closing `body` (the story's blocks, taken off it) into `page`; `headCredit`: a photo's credit alone over the story. */
export function readEnding(page: PageState, body: PageBlock[], headCredit: string | undefined): Ending {
  const { notes, caption } = page;
  // (Gathered from the end up, then put in the order printed: `unshift` for each line was quadratic.)
  const trailingFromEnd: AgencyLine[][] = [];
  const closingFromEnd: Contributor[][] = [];
  // The end mark: "… a year. Enditem", "……持续恶化。（完）" (before the credit lines, or after them).
  // (（完） among the last paragraphs, taken off or not, says the copy is Chinese: `copyLanguage`.)
  const chineseEndMark = body.slice(-4).some((b) => /[（(]完[）)]["'”’」』\s]*$/u.test(b.text));
  const unmark = (): void => {
    const ending = body[body.length - 1];
    const unmarked = ending === undefined ? undefined : withoutEndMark(ending.text);
    if (ending !== undefined && unmarked !== undefined) body[body.length - 1] = { ...ending, text: unmarked };
  };
  unmark();
  /** A photo's credit alone closing the copy (`Photo: Jane Doe/Reuters`), among the credit lines. */
  let closingPhoto: { credit: string; block: PageBlock } | undefined;
  // How many of the body's paragraphs are an interview's lines, kept as paragraphs are taken off the end
  // (counted at each line, a page closing with 20,000 bylines took 15 s: hostile scan).
  let interviewLines = body.filter((b) => isInterviewLine(b.text)).length;
  const popLast = (): void => {
    const b = body.pop();
    if (b !== undefined && isInterviewLine(b.text)) interviewLines -= 1;
  };
  while (body.length > 0) {
    const last = body[body.length - 1] as PageBlock;
    // A rule closing the copy (AP's `___` over its credit line, which then stayed the last paragraph as
    // `\_\_\_`) is no paragraph of the story.
    if (body.length > 1 && RULE.test(last.text)) {
      popLast();
      continue;
    }
    // A wire's sign-off, its staff's initials (AFP's `md/ab`): no words of the story. Noted.
    if (body.length > 1 && SIGN_OFF.test(last.text.trim())) {
      notes.push(signOffNote(last.text));
      popLast();
      continue;
    }
    // A wire's note of what this version changed, closing the copy (Bloomberg's and Reuters' `(Updates with
    // union comment in second paragraph.)`, `(Adds quote in paragraph 5)`): for the desk, not the reader. Noted.
    if (body.length > 1 && VERSION_NOTE.test(last.text)) {
      notes.push(versionNoteLeft(last.text));
      popLast();
      continue;
    }
    // A syndicating site's notice on its copy (NDTV's, Business Standard's): left out, noted (QA: it stayed the
    // story's last paragraph, saying a site's staff had not edited the desk's copy).
    if (body.length > 1 && SYNDICATION_NOTE.test(last.text)) {
      notes.push(`the syndicating site's notice left out: ${q(last.text)}`);
      popLast();
      continue;
    }
    // A biography of one of the story's authors closing the page (the New York Times' `Jane Roe is a
    // correspondent for The Times based in Berlin …`): no paragraph of the story. Noted.
    if (body.length > 1 && authorBiography(last.text, page.authorSet)) {
      notes.push(`an author's biography closing the page left out: ${q(last.text)}`);
      popLast();
      continue;
    }
    const alone = closingPhoto === undefined && body.length > 1 ? photoCreditAlone(last.text) : undefined;
    if (alone !== undefined) {
      closingPhoto = { credit: alone, block: last };
      popLast();
      continue;
    }
    // "记者：王晓岚 李华": the reporters, as Chinese papers sign at the end (not an interview's last line).
    const interview = interviewLines - (isInterviewLine(last.text) ? 1 : 0) > 0;
    const credit = closingCredit(last.text, interview);
    if (credit === undefined) break;
    if (credit.kind === 'signed') {
      for (const name of credit.names) page.addAuthor(name);
    } else if (credit.kind === 'agency') trailingFromEnd.push([{ agency: credit.agency, printed: last.text }]);
    else if (credit.kind === 'people') closingFromEnd.push(credit.people);
    else {
      // A byline printed at the end ("By Wang Jing in Beijing"), as some papers sign.
      const named: AgencyLine[] = [];
      page.takeByline(credit.byline, named);
      trailingFromEnd.push(named);
    }
    popLast();
  }
  const trailingAgencies = trailingFromEnd.reverse().flat();
  const closing = closingFromEnd.reverse().flat();
  unmark();
  // The mark after a sentence that only what pages print after a story follows ("……了了。（完）”" then
  // "（原标题：…）"): off too. A mark with more of the story after it (an episode list's "第一集：开端。（完）") stays.
  for (const { index, text: unmarked } of innerEndMarks(body.map((b) => b.text))) {
    const b = body[index] as PageBlock;
    body[index] = { ...b, text: unmarked };
    notes.push(innerEndMarkNote(b.text));
  }
  // The photo's credit, when the caption gave none (QA: `Photo: Jane Doe/Reuters` stayed the story's last
  // paragraph); the same credit as the caption's is said once; another is kept where it was, noted.
  let photoCredit = caption === undefined ? headCredit : undefined;
  if (closingPhoto !== undefined) {
    const first = caption?.credit ?? photoCredit;
    if (first === undefined) photoCredit = closingPhoto.credit;
    else if (first.toLowerCase() !== closingPhoto.credit.toLowerCase()) {
      body.push(closingPhoto.block);
      notes.push(`kept in the body: a photo credit after the ${caption === undefined ? 'first' : 'caption\'s'} own (${q(first)}): ${q(closingPhoto.block.text)}`);
    }
  }
  page.contributors.push(...closing);
  // Agency lines at the end are the story's credit; they come before a publication name next to the stamp.
  page.agencies.unshift(...trailingAgencies);
  for (const b of body) if (looksLikeCredit(b.text)) notes.push(`kept in the body, though it looks like a credit line: ${q(b.text)}`);
  return { trailingAgencies, chineseEndMark, photoCredit };
}
