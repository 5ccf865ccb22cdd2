/**
 * The shape of an article record, as zod schemas. Only shape lives here (types, required keys, unknown
 * keys); meaning (dates, zones, URLs) is checked in validate.ts, which knows the site configuration.
 */
import { z } from 'zod';

/** A bare string stands for `{ name: string }` in bylines, contributors and agency. */
const named = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess((v) => (typeof v === 'string' ? { name: v } : v), z.strictObject({ name: z.string(), ...shape }));

const person = named({ url: z.string().optional(), email: z.string().optional() });
const agency = named({ via: z.string().optional(), url: z.string().optional() });
const contributor = named({ location: z.string().optional(), role: z.string().optional() });

const dateline = z.strictObject({
  city: z.string(),
  country: z.string().optional(),
  timezone: z.string().optional(),
  date: z.string().optional(),
});

const image = z.strictObject({
  url: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
  type: z.string().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

const fields = {
  id: z.string(),
  title: z.string(),
  url: z.string().optional(),
  date: z.string(),
  updated: z.string().optional(),
  section: z.string().optional(),
  tags: z.array(z.string()).optional(),
  summary: z.string().optional(),
  language: z.string().optional(),
  authors: z.array(person).optional(),
  agency: agency.optional(),
  contributors: z.array(contributor).optional(),
  dateline: dateline.optional(),
  image: image.optional(),
  rights: z.string().optional(),
  draft: z.boolean().optional(),
};

/** Front matter of a Markdown record (the body follows it). */
export const MarkdownRecord = z.strictObject(fields);
/** A JSON record: the same fields, with the body as `content_html` or Markdown `body`. */
export const JsonRecord = z.strictObject({ ...fields, content_html: z.string().optional(), body: z.string().optional() });

export type RecordFields = z.infer<typeof JsonRecord>;

/** Keys each object may hold, by field path with list indices written `[]`; for "did you mean". */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(JsonRecord.shape),
  'authors[]': ['name', 'url', 'email'],
  agency: ['name', 'via', 'url'],
  'contributors[]': ['name', 'location', 'role'],
  dateline: Object.keys(dateline.shape),
  image: Object.keys(image.shape),
};

/** What a value at a path should have been, in words, for type errors. */
export const EXPECTED: Record<string, string> = {
  'authors[]': 'a name or {name, url, email}',
  agency: 'a name or {name, via, url}',
  'contributors[]': 'a name or {name, location, role}',
  dateline: '{city, country, timezone, date}',
  image: '{url, caption, credit, type, width, height}',
  tags: 'a list of strings',
  authors: 'a list of bylines',
  contributors: 'a list of contributors',
  'image.width': 'a positive whole number of pixels',
  'image.height': 'a positive whole number of pixels',
  draft: 'true or false',
};
