/**
 * The cache's signatures: what planning reads of every record (core/feeds.ts `planFields`), so that a
 * build after records are added, deleted or moved between feeds plans again without the articles
 * (pipeline/_replan.ts). Two files: `signatures.json`, every record's, column by column with each name
 * once (at 100,000 records about 10 MB, where an object of arrays per record was 21 MB), written by a
 * build that planned from every article; and `signature-changes.json`, the records changed since, which
 * a build that plans from the signatures writes alone (until it holds too many: then both again).
 */
import type { PlanFields, Signed } from '../core/feeds.js';

export interface SignatureColumns {
  /** Each record's path, as the cache's entries are keyed. */
  files: string[];
  /** Each record's id, or 0 when it is the file's name without its extension (as most are). */
  ids: (string | 0)[];
  /** Each article's first publication, in milliseconds since the epoch. */
  published: number[];
  /** The places of the drafts. */
  drafts: number[];
  /** Every section, tag and author name, once; the columns below give places in it. */
  names: string[];
  /** -1 for an article without a section. */
  sections: number[];
  tags: number[][];
  authors: number[][];
  /**
   * Each article's link (core/links.ts): a number when it is the one a record without `url` has (the site's
   * URL, the file's path without its first so many characters and its extension, `.html`); else a string
   * after the site's URL (`siteUrl`, as most are), or whole in an array of one (`["https://elsewhere.example/x"]`).
   */
  links: (number | string | [string])[];
}

/** Every record's signature: the columns, and the changes since they were written (null: deleted). */
export interface Signatures {
  base: SignatureColumns;
  changes: Record<string, PlanFields | null>;
}

/** Changes beyond which a build writes the columns again rather than a longer changes file. */
export const MAX_SIGNATURE_CHANGES = 1024;

/** The record's file name without its directory and extension: the id most records have. */
function fileId(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `site`: the site's URL, which the links are kept after. */
export function signatureColumns(records: Iterable<readonly [string, Omit<Signed, 'file'>]>, site: string): SignatureColumns {
  const out: SignatureColumns = { files: [], ids: [], published: [], drafts: [], names: [], sections: [], tags: [], authors: [], links: [] };
  const places = new Map<string, number>();
  const place = (name: string): number => {
    let at = places.get(name);
    if (at === undefined) {
      at = out.names.length;
      out.names.push(name);
      places.set(name, at);
    }
    return at;
  };
  for (const [file, a] of records) {
    if (a.draft) out.drafts.push(out.files.length);
    out.files.push(file);
    out.ids.push(a.id === fileId(file) ? 0 : a.id);
    out.published.push(a.published.getTime());
    out.sections.push(a.section === undefined ? -1 : place(a.section));
    out.tags.push(a.tags.map(place));
    out.authors.push(a.authors.map((p) => place(p.name)));
    out.links.push(linkColumn(file, a.url, site));
  }
  return out;
}

/** The link made from a record's path (`drop`: the characters of its directory under the articles' that are not in it). */
const pathLink = (file: string, drop: number, site: string): string => `${site}${file.slice(drop, file.lastIndexOf('.'))}.html`;

/** A link as the column keeps it (SignatureColumns, `links`). */
function linkColumn(file: string, url: string, site: string): number | string | [string] {
  if (!url.startsWith(site)) return [url];
  const rest = url.slice(site.length);
  const dot = file.lastIndexOf('.');
  if (rest.endsWith('.html') && dot > 0) {
    const drop = dot - (rest.length - 5);
    if (drop >= 0 && (drop === 0 || file[drop - 1] === '/') && pathLink(file, drop, site) === url) return drop;
  }
  return rest;
}

/** Whether parsed JSON is a whole set of columns (each as long as the files). */
export function areColumns(value: unknown): value is SignatureColumns {
  const c = value as Partial<SignatureColumns> | null;
  if (typeof c !== 'object' || c === null || !Array.isArray(c.files) || !Array.isArray(c.names) || !Array.isArray(c.drafts)) return false;
  const n = c.files.length;
  return [c.ids, c.published, c.sections, c.tags, c.authors, c.links].every((col) => Array.isArray(col) && col.length === n);
}

/** The records of the columns as planning reads them, but those `skip` names (`site` as signatureColumns had it). */
export function plannables(columns: SignatureColumns, skip: (file: string) => boolean, site: string): Signed[] {
  const { files, ids, published, drafts, names, sections, tags, authors, links } = columns;
  const draft = new Set(drafts);
  const name = (i: number): string => names[i] ?? '';
  // One object per person, shared by their records (planning only reads them).
  const people = names.map((n) => ({ name: n }));
  const person = (i: number): { name: string } => people[i] ?? { name: '' };
  const out: Signed[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as string;
    if (skip(file)) continue;
    const id = ids[i];
    const section = sections[i] ?? -1;
    const link = links[i] ?? '';
    const stub: Signed = {
      file,
      id: id === 0 || id === undefined ? fileId(file) : id,
      url: typeof link === 'number' ? pathLink(file, link, site) : typeof link === 'string' ? site + link : link[0],
      draft: draft.has(i),
      published: new Date(published[i] ?? 0),
      tags: (tags[i] ?? []).map(name),
      authors: (authors[i] ?? []).map(person),
    };
    if (section >= 0) stub.section = name(section);
    out.push(stub);
  }
  return out;
}

/** A record's signature (planFields) as planning reads it. */
export function plannable(file: string, [id, draft, published, section, tags, authors, url]: PlanFields): Signed {
  const stub: Signed = { file, id, url, draft, published: new Date(published), tags, authors: authors.map((name) => ({ name })) };
  if (section !== null) stub.section = section;
  return stub;
}
