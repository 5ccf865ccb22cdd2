/**
 * What closes the body of structured copy (ninjs, NITF) and is no part of the story, read from the end
 * up as the text importer reads it: the end mark (`… a year. Enditem`, `……恶化。（完）`), credit lines
 * (`(Reporting by Lucy Craymer in Wellington; Editing by …)`) as contributors, and Chinese reporters
 * signed at the end (`记者：王晓岚 李华`) as authors.
 */
import type { Block } from './_blocks.js';
import type { Credits } from './_story.js';
import { squash } from './_tree.js';
import { END_MARK, parseContributorLine, reporterNames, ZH_REPORTERS, type Contributor } from './lines.js';

const MARK_ALONE = /^(?:end ?item|[（(]完[）)])$/iu;

export function takeClosingCredits(blocks: Block[], credits: Credits): void {
  const closing: Contributor[] = [];
  const signed: string[] = [];
  unmark(blocks);
  for (let last = blocks[blocks.length - 1]; last?.kind === 'p'; last = blocks[blocks.length - 1]) {
    const text = textOfBlock(last);
    const people = parseContributorLine(text);
    // An interview's questions are also "记者：…", and its last line is no signature.
    const interview = blocks.some((b, i) => i < blocks.length - 1 && b.kind === 'p' && /^记者\s*[:：]/u.test(textOfBlock(b)));
    const zh = people === undefined && !interview ? ZH_REPORTERS.exec(text) : null;
    if (people !== undefined) closing.unshift(...people);
    else if (zh !== null) signed.unshift(...reporterNames(zh[1] ?? zh[2] ?? ''));
    else break;
    blocks.pop();
  }
  unmark(blocks);
  credits.contributors.push(...closing);
  for (const name of signed) if (!credits.authors.includes(name)) credits.authors.push(name);
}

const textOfBlock = (b: Block & { kind: 'p' }): string => squash(b.inline.map((i) => i.text).join(''));

/** The end mark off the last paragraph, or the paragraph if it is the mark alone. */
function unmark(blocks: Block[]): void {
  const last = blocks[blocks.length - 1];
  if (last?.kind !== 'p') return;
  if (MARK_ALONE.test(textOfBlock(last))) {
    blocks.pop();
    return;
  }
  const tail = last.inline[last.inline.length - 1];
  const m = tail === undefined || tail.href !== undefined ? null : END_MARK.exec(tail.text.trimEnd());
  if (tail !== undefined && m !== null) tail.text = m[1] ?? '';
}
