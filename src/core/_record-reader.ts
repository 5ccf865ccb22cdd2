/**
 * One record's fields as validation reads them: a value of the type a check needs at a path (else nothing,
 * the schema having said why), and each problem said at the line of its key. Each check runs when its field
 * has the right type, whatever else is wrong, so one run reports all.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic, RawRecord, SiteConfig } from '../types.js';
import { deskTimeProblem, parseDeskTime, writableYear } from './_dates.js';
import { fieldName, valueAt, type FieldPath } from './_paths.js';
import { hasEmail, visible } from './_credit-fields.js';
import { hrefOf } from './_record-urls.js';
import type { At, Fields } from './_record-strings.js';
import { stripForbidden } from './_text.js';

export interface FieldReader {
  data: Fields;
  config: SiteConfig;
  at: At;
  /** The text at `path`, when it is text. */
  str(path: FieldPath): string | undefined;
  /** Says a problem at `path`'s line; undefined, for a check to return. */
  fail(path: FieldPath, d: (where: ReturnType<At>) => Diagnostic): undefined;
  /** The text at `path`, trimmed; said as empty when nothing of it is visible. */
  nonEmpty(path: FieldPath): string | undefined;
  /** Says a name with an e-mail address typed into it. */
  nameWithEmail(name: string, path: FieldPath, field?: 'email'): void;
  /** The URL at `path` resolved against `base`, or its problem said. */
  absoluteUrl(path: FieldPath, base: string): string | undefined;
  /** The instant a desk's time at `path` names (in the site's zone, unless it gives an offset), or its problem said. */
  deskTime(path: FieldPath): Date | undefined;
  /**
   * A byline's, the agency's or the photo's URL, resolved against the story's (`storyUrl`). `#`, `?` or `.`
   * alone name no link but the story itself, and a photo cannot be the story's page; a link to the story
   * (an aggregator's agency link, a live blog's post) may be meant.
   */
  linkOf(path: FieldPath, storyUrl: string | undefined, photo?: boolean): string | undefined;
}

/** 1605, the year of the first printed newspaper (Strasbourg's Relation): a story dated before it has a year mistyped. */
const FIRST_NEWSPAPER = Date.UTC(1605, 0, 1);

/** Where a field of `raw` is: its file, its key's line, its name (a key holding characters XML forbids as JSON spells it, `"x\u0001y"`: they are not printed). */
export function whereIn(raw: RawRecord): At {
  const shown = (p: string | number): string | number => (typeof p === 'string' && stripForbidden(p).removed > 0 ? JSON.stringify(p) : p);
  return (path: FieldPath) => ({ file: raw.file, line: raw.lineOf(path), field: fieldName(path.map(shown)) });
}

/** A reader of `data` (the record's, cleaned), saying problems in `out`. */
export function fieldReader(data: Fields, config: SiteConfig, at: At, out: Diagnostic[]): FieldReader {
  const str = (path: FieldPath): string | undefined => {
    const v = valueAt(data, path);
    return typeof v === 'string' ? v : undefined;
  };
  const fail = (path: FieldPath, d: (where: ReturnType<At>) => Diagnostic): undefined => {
    out.push(d(at(path)));
    return undefined;
  };
  const absoluteUrl = (path: FieldPath, base: string): string | undefined => {
    const v = str(path);
    if (v === undefined) return undefined;
    const href = hrefOf(v, base);
    return typeof href === 'string' ? href : fail(path, href);
  };
  return {
    data,
    config,
    at,
    str,
    fail,
    absoluteUrl,
    nonEmpty: (path) => {
      const v = str(path);
      if (v === undefined) return undefined;
      const t = v.trim();
      return visible(t) === undefined ? fail(path, (w) => diagnostic(Errors.FieldEmpty, w)) : t;
    },
    // An address typed into a name ("Jane Doe (jane@paper.com)"): feedparser takes it for the e-mail and cuts
    // or drops the name, and the W3C validator warns (ContainsEmail).
    nameWithEmail: (name, path, field) => {
      if (hasEmail(name)) out.push(diagnostic(Errors.NameHasEmail, at(path), name, field !== undefined));
    },
    deskTime: (path) => {
      const v = str(path);
      if (v === undefined) return undefined;
      // (`date: ""` is as empty as `date: ~`: QA found one E_DATE_FORMAT, the other E_FIELD_EMPTY.)
      if (v.trim() === '') return fail(path, (w) => diagnostic(Errors.FieldEmpty, w));
      const t = parseDeskTime(v, config.timezone);
      if (t.ok) {
        if (!writableYear(t.instant, config.timezone)) return fail(path, (w) => diagnostic(Errors.DateOutOfRange, w, v, t.instant.toISOString().replace('.000Z', 'Z')));
        // A year mistyped (`0025`, `1025` for 2025): before any newspaper, so said; the story goes out as dated.
        if (t.instant.getTime() < FIRST_NEWSPAPER) out.push(diagnostic(Errors.DateEarly, at(path), v));
        return t.instant;
      }
      switch (t.problem) {
        case 'format':
          return fail(path, (w) => diagnostic(Errors.DateFormat, w, v, deskTimeProblem(v)));
        case 'nonexistent':
          return fail(path, (w) => diagnostic(Errors.DateNonexistent, w, v, config.timezone, t.earlier));
        case 'ambiguous':
          return fail(path, (w) => diagnostic(Errors.DateAmbiguous, w, v, config.timezone, t.candidates));
      }
    },
    linkOf: (path, storyUrl, photo = false) => {
      const u = absoluteUrl(path, storyUrl ?? config.siteUrl);
      if (u === undefined) return undefined;
      const written = str(path)!.trim();
      const bare = (x: string): string => {
        const hash = x.indexOf('#');
        const cut = hash < 0 ? x : x.slice(0, hash);
        return cut.endsWith('?') ? cut.slice(0, -1) : cut;
      };
      const self = written === '#' || written === '?' || written === '.' || written === './' || (photo && storyUrl !== undefined && u.startsWith(bare(storyUrl)) && bare(u) === bare(storyUrl));
      return self ? fail(path, (w) => diagnostic(Errors.UrlIsStory, w, written)) : u;
    },
  };
}
