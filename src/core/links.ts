/**
 * Stories that share a link. Readers and aggregators that tell items apart by their link (as some do
 * beside the id, or in its place) show one of two published stories with one `url`, or mark one read with
 * the other. It is most often a mistake: a wire story imported twice, a correction filed as a new record, a
 * `url` pasted from another story. Each published story after the first (in path order, `byFile`, as ids
 * are compared) is warned about, naming the first. Drafts are in no feed and are left out.
 *
 * Links are compared as the feeds carry them (resolved against `siteUrl`, normalised), so a fragment or a
 * query makes another link, as it does for a reader.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';

export interface Linked {
  file: string;
  /** The story's link, as the feeds carry it. */
  url: string;
}

/** Path order (code points, as ids are compared too): the order `sharedLinks` takes its stories in. */
export const byFile = (a: { file: string }, b: { file: string }): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** W_LINK_SHARED for each published story whose link an earlier one has: `stories` in path order (`byFile`). */
export function sharedLinks(stories: readonly Linked[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, string>();
  for (const s of stories) {
    const owner = first.get(s.url);
    if (owner === undefined) first.set(s.url, s.file);
    // (Without a line: the CLI finds the `url` key's, sources/locate.ts; a link made from the path has none.)
    else out.push(diagnostic(Errors.LinkShared, { file: s.file, field: 'url' }, s.url, owner));
  }
  return out;
}
