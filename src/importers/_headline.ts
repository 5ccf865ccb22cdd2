/**
 * The headline of a page copied as text, told from the lines that stand around it: a standfirst, a deck,
 * a section's label, bylines without "By" in the forms papers print them (`Jane Doe | AP`, `Jane Roe in
 * Berlin`, a name alone, a name over a job), a page's credit line.
 */
import { barByline, commaByline, mastheadAlone, nameInPlace, outletInPlace, personAlone } from './_bar-byline.js';
import { parseByline } from './_bylines.js';
import { startsWithKnownName } from './_given-names.js';
import { isJobPhrase } from './_names.js';
import type { Line } from './_page.js';
import { CREDITED } from './_stamp-line.js';

export interface HeadPick {
  /** The headline's index among the candidates (it may be none: -1, or past them). */
  top: number;
  standfirst?: Line;
  /** The Guardian's byline under its standfirst (`Jane Roe in Berlin`), to read as `By Jane Roe in Berlin`. */
  guardianByline?: Line;
  /** Whether the candidate at `k` is like a byline without "By": noted, below the headline, as one not read. */
  likeByline: (k: number) => boolean;
  /** A masthead alone over the stamp, under the headline (`mastheadAlone`): the page's. */
  masthead?: Line;
}

/** A standfirst: a sentence of eight words or more that closes with a full stop. */
const isStandfirst = (text: string): boolean => /[^.]\.$/u.test(text) && text.split(' ').length >= 8;

/**
 * The head of a page copied as text (its lines before the first stamp) and the stamp's line: which of the
 * head's lines (`candidates`, after the breadcrumb when there is one: `afterCrumb`) is the headline, which
 * the standfirst under it, and which the Guardian's byline of a name and a place. `bylineUnder`: the line
 * right above the first byline with "By" (null: none), as the Washington Post prints its standfirst.
 */
export function pickHeadline(candidates: readonly Line[], afterCrumb: boolean, bylineUnder: Line | null | undefined): HeadPick {
  // After a breadcrumb the headline comes first; without one, site lines may precede it, so it is the last line before the stamp.
  // A line under it like a byline without "By" (`Jane Doe | AP`) is no headline, and is not read as a
  // byline either: a label or a place reads the same (`White House | AP`, `Hong Kong | Reuters`). Noted.
  // So is one of names and a place (the Guardian's `Jane Roe in Berlin`) with a line above it.
  const bylineLike = (text: string): boolean => barByline(text) !== undefined || nameInPlace(text) || outletInPlace(text) !== undefined || commaByline(text);
  // So is a page's labelled credit line (Xinhua's `Source: Xinhua`, `Editor: huaxia`, each on its own line),
  // and a name alone (two or three words, as the South China Morning Post prints its byline) under a line
  // that ends no sentence: of three words or more when the name starts with a given name the importer knows,
  // of five or more otherwise. (QA: "Editor: huaxia" and "Jane Doe" were the headlines.)
  const nameUnderHeadline = (k: number): boolean => {
    const name = candidates[k]?.text ?? '';
    const above = candidates[k - 1]?.text ?? '';
    const words = above.split(' ').length;
    return personAlone(name) && name.split(' ').length <= 3 && words >= (startsWithKnownName(name) ? 3 : 5) && !/[.。]$/u.test(above);
  };
  // And a line that opens as a byline does, in a form not read (`By Jane Doe @janedoe`): noted as not used, never the
  // headline (QA: the headline above it was "not used").
  // (A given name the importer knows after "By": a headline may open so, `By Any Means Necessary`.)
  const unreadByline = (text: string): boolean => /^(?:By|BY)\s+\p{Lu}/u.test(text) && startsWithKnownName(text.slice(3).trim()) && parseByline(text) === undefined;
  // And a name alone over a job alone (`Jane Doe`, then `Reporter`, as Korean papers print their bylines): neither is the
  // headline (QA: "Reporter" was).
  const titleUnderName = (k: number): boolean => {
    const title = candidates[k]?.text ?? '';
    return k > 0 && title.split(' ').length <= 4 && isJobPhrase(title) && personAlone(candidates[k - 1]?.text ?? '');
  };
  // And a masthead alone right over the stamp, under a line of four words or more (`The Washington Post`, `El País`
  // under the headline or the standfirst): the page's, noted (QA: it was the headline).
  const last = candidates.length - 1;
  const masthead = last > 0 && mastheadAlone(candidates[last]?.text ?? '') && (candidates[last - 1]?.text ?? '').split(' ').length >= 4 ? candidates[last] : undefined;
  const notHeadline = (k: number): boolean => bylineLike(candidates[k]?.text ?? '') || CREDITED.test(candidates[k]?.text ?? '') || nameUnderHeadline(k) || unreadByline(candidates[k]?.text ?? '') ||
    titleUnderName(k) || titleUnderName(k + 1) || candidates[k] === masthead;
  let top = afterCrumb ? 0 : candidates.length - 1;
  while (!afterCrumb && top > 0 && notHeadline(top)) top -= 1;
  // A standfirst under the headline, a sentence of eight words or more closing with a full stop (the New
  // York Times prints one), is no headline either: the line above it is, when that one ends no sentence.
  // So is one the Guardian prints without a full stop, between its headline and a byline of a name and a
  // place: where exactly two lines stand above that byline, the second of eight words or more, the first of
  // five or more ending no sentence; or three, the first a label of up to three words over the headline, as
  // the Guardian prints its section's (`Germany`, `Rail industry`: QA, the standfirst was the headline).
  const above = candidates[top - 1]?.text;
  const words = (text: string | undefined): number => (text ?? '').split(' ').length;
  const label = (text: string | undefined): boolean => words(text) <= 3 && !/[.!?。！？:：]$/u.test(text ?? '');
  // (Or over a byline with "By", as the Washington Post prints its standfirst: QA, it was the headline.)
  const signedUnder = top < candidates.length - 1 && nameInPlace(candidates[top + 1]?.text ?? '');
  const guardian = !afterCrumb && (top === 1 || (top === 2 && label(candidates[0]?.text))) && (signedUnder || (top === candidates.length - 1 && candidates[top] === bylineUnder)) &&
    words(candidates[top]?.text) >= 8 && words(above) >= 5 && !/[.!?。！？]$/u.test(above ?? '');
  // It is the story's summary, as its desk wrote it. (A headline may ask or exclaim: `Will the port survive
  // another storm?` over its standfirst had lost its place to it. Review.)
  // In that layout the name and place is the byline, which the headline and standfirst above it tell from a
  // headline: read as one (review: it was noted only, and the story went out with no author).
  const guardianByline = guardian && signedUnder ? candidates[top + 1] : undefined;
  // Bloomberg prints two such lines under its headline, over a byline with "By" (`Union says it will appeal
  // ruling by end of week`, `Walkout would have been third this month`): the first is the summary, the second
  // noted (QA: it was the headline).
  const deck = (k: number): boolean => words(candidates[k]?.text) >= 5 && !/[.!?。！？:：]$/u.test(candidates[k]?.text ?? '');
  const twoDecks = !afterCrumb && !guardian && top === candidates.length - 1 && candidates[top] === bylineUnder && (top === 2 || (top === 3 && label(candidates[0]?.text))) &&
    deck(top) && deck(top - 1) && deck(top - 2);
  let standfirst: Line | undefined;
  if (twoDecks) {
    standfirst = candidates[top - 1];
    top -= 2;
  } else if (afterCrumb) {
    // After a breadcrumb the headline is the first line, and a standfirst may be the second.
    if (candidates.length === 2 && isStandfirst(candidates[1]?.text ?? '') && !/[.。]$/u.test(candidates[0]?.text ?? '')) standfirst = candidates[1];
  } else if (guardian || (above !== undefined && isStandfirst(candidates[top]?.text ?? '') && !/[.。]$/u.test(above) && words(above) >= 3)) {
    standfirst = candidates[top];
    top -= 1;
  }
  return {
    top, ...(standfirst === undefined ? {} : { standfirst }), ...(guardianByline === undefined ? {} : { guardianByline }), ...(masthead === undefined ? {} : { masthead }),
    likeByline: (k) => bylineLike(candidates[k]?.text ?? '') || nameUnderHeadline(k),
  };
}
