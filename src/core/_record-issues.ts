/**
 * The schema's (zod's) issues with a record's shape, in our words, each at the line of the key concerned: an
 * unknown key with the field meant (by the name another system gives it, or a near spelling), a missing
 * field, a value of the wrong type with what to write.
 */
import type { z } from 'zod';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic, SourceOf } from '../types.js';
import { closest, describeValue, fieldPattern, valueAt } from './_paths.js';
import { deskTimeProblem } from './_dates.js';
import type { At } from './_record-strings.js';
import { EXPECTED, KNOWN_KEYS } from './schema.js';
import { stripForbidden } from './_text.js';

/** A record's fields by the names other systems (CMS exports, JSON Feed, Hugo, WordPress) give them. */
const SYNONYMS: Readonly<Record<string, string>> = {
  img: 'image', picture: 'image', photo: 'image', thumbnail: 'image', featured_image: 'image', media: 'image',
  published: 'date', pubdate: 'date', date_published: 'date', publishdate: 'date', published_at: 'date', datetime: 'date',
  modified: 'updated', date_modified: 'updated', updated_at: 'updated', lastmod: 'updated', last_modified: 'updated',
  category: 'section', categories: 'section', desk: 'section', keywords: 'tags', topics: 'tags', labels: 'tags',
  byline: 'authors', author: 'authors', writer: 'authors', writers: 'authors', reporter: 'authors', reporters: 'authors', by: 'authors',
  lang: 'language', locale: 'language', content: 'body', text: 'body', html: 'content_html', headline: 'title',
  link: 'url', permalink: 'url', href: 'url', description: 'summary', excerpt: 'summary', dek: 'summary', standfirst: 'summary',
  abstract: 'summary', copyright: 'rights', license: 'rights', location: 'dateline', place: 'dateline', source: 'agency', wire: 'agency',
  guid: 'id', uid: 'id', slug: 'id',
};

/** The fields that hold a desk time or instant (`time`) or a local date. */
const DATED: Readonly<Record<string, 'time' | 'date'>> = { date: 'time', updated: 'time', 'dateline.date': 'date' };

/** Turns one zod issue into diagnostics in our words, at the line of the key concerned. */
export function fromIssue(issue: z.core.$ZodIssue, data: unknown, at: At, sourceOf?: SourceOf): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = KNOWN_KEYS[fieldPattern(path)] ?? [];
        // What other systems call a field first (`img` is no misspelt `id`), then a near spelling.
        // (Own keys only: `__proto__` or `constructor` would find Object's. QA: the build crashed.)
        const spelling = key.toLowerCase().replace(/[-\s]/g, '_');
        const synonym = path.length === 0 && Object.hasOwn(SYNONYMS, spelling) ? SYNONYMS[spelling] : undefined;
        // (The one meant by a key with characters XML forbids is the one it spells without them.)
        const seen = stripForbidden(key).text;
        return diagnostic(Errors.FieldUnknown, at([...path, key]), synonym ?? (seen === '' ? undefined : closest(seen, known)));
      });
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) return [diagnostic(Errors.FieldMissing, at(path))];
      // `title:` with nothing after it: YAML reads null, which is an empty field, not a wrong type.
      if (value === null && issue.expected === 'string') return [diagnostic(Errors.FieldEmpty, at(path))];
      // `date: 20250205`: YAML read a number where a time is written; put in quotes, it is still no time
      // (QA: told to quote it, which led only to E_DATE_FORMAT), so what a time looks like is said at once.
      const dated = DATED[fieldPattern(path)];
      if (dated !== undefined && (typeof value === 'number' || typeof value === 'boolean')) {
        const written = sourceOf?.(path) ?? String(value);
        return [diagnostic(dated === 'time' ? Errors.DateFormat : Errors.DateOnlyFormat, at(path), written, deskTimeProblem(written, dated === 'time') ?? (typeof value === 'number' ? 'YAML reads it as a number' : undefined))];
      }
      const expected = EXPECTED[fieldPattern(path)] ?? (issue.expected === 'string' ? 'text' : issue.expected);
      // `title: 1984`, `section: true`: YAML read a number or true/false, where quotes keep the text, as
      // written (`007`, not the 7 read).
      const written = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? sourceOf?.(path) ?? String(value) : undefined;
      const quote = written === undefined ? '' : `; put it in quotes to keep it as text (${JSON.stringify(written)})`;
      return [diagnostic(Errors.FieldType, at(path), expected, `${describeValue(value)}${quote}`)];
    }
    default: {
      const expected = EXPECTED[fieldPattern(path)] ?? issue.message;
      return [diagnostic(Errors.FieldType, at(path), expected, describeValue(valueAt(data, path)))];
    }
  }
}
