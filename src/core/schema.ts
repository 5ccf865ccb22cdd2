/**
 * The shape of an article record, as zod schemas. Only shape lives here (types, required keys, unknown
 * keys); meaning (dates, zones, URLs) is checked in validate.ts, which knows the site configuration.
 */
import type { z as Z } from 'zod';
import { lazyRequire } from './_lazy.js';

/**
 * The record schemas, made when first asked for: zod is loaded then. Most builds never ask (nearly every
 * record fits the shape checked by hand below), and making them was part of every build's start.
 */
export type RecordSchemas = ReturnType<typeof makeRecordSchemas>;
let made: RecordSchemas | undefined;

export const recordSchemas = (): RecordSchemas => (made ??= makeRecordSchemas());

function makeRecordSchemas() {
  const { z } = lazyRequire.zod();
  /** A bare string stands for `{ name: string }` in bylines, contributors and agency. */
  const named = <T extends Z.ZodRawShape>(shape: T) =>
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
  return {
    /** Front matter of a Markdown record (the body follows it). */
    MarkdownRecord: z.strictObject(fields),
    /** A JSON record: the same fields, with the body as `content_html` or Markdown `body`. */
    JsonRecord: z.strictObject({ ...fields, content_html: z.string().optional(), body: z.string().optional() }),
  };
}

/*
 * A check by hand of the same shape, for speed: zod takes about 20 µs a record, and nearly every record
 * fits. When it says true, the schema above accepts the data too (tests/schema.test.ts checks that on
 * generated data); when it says false, the schema is asked, for its issues.
 */
type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const pixels: Check = (v) => Number.isSafeInteger(v) && (v as number) > 0;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An object with only these keys, each of its check; `required` keys present. */
const strict = (checks: Record<string, Check>, required: readonly string[]): Check => (v) => {
  if (!isObject(v)) return false;
  for (const k of required) if (!Object.hasOwn(v, k)) return false;
  for (const k in v) if (!Object.hasOwn(v, k) || !Object.hasOwn(checks, k) || !(checks[k] as Check)(v[k])) return false;
  return true;
};
const listOf = (each: Check): Check => (v) => Array.isArray(v) && v.every(each);
const nameOr = (shape: Record<string, Check>): Check => {
  const object = strict({ name: str, ...shape }, ['name']);
  return (v) => typeof v === 'string' || object(v);
};
const FIELD_CHECKS: Record<string, Check> = {
  id: str, title: str, url: str, date: str, updated: str, section: str, tags: listOf(str), summary: str, language: str,
  authors: listOf(nameOr({ url: str, email: str })),
  agency: nameOr({ via: str, url: str }),
  contributors: listOf(nameOr({ location: str, role: str })),
  dateline: strict({ city: str, country: str, timezone: str, date: str }, ['city']),
  image: strict({ url: str, caption: str, credit: str, type: str, width: pixels, height: pixels }, []),
  rights: str,
  draft: (v) => typeof v === 'boolean',
};
const REQUIRED = ['id', 'title', 'date'];
const fitsMarkdown = strict(FIELD_CHECKS, REQUIRED);
const fitsJson = strict({ ...FIELD_CHECKS, content_html: str, body: str }, REQUIRED);

/** True when `data` certainly fits MarkdownRecord (or JsonRecord): then the schema need not be asked. */
export function fitsShape(data: unknown, kind: 'markdown' | 'json'): boolean {
  return kind === 'json' ? fitsJson(data) : fitsMarkdown(data);
}

/**
 * Keys each object may hold, by field path with list indices written `[]`; for "did you mean". The
 * schemas' keys in their order, without making the schemas (tests/schema.test.ts checks they agree).
 */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': [...Object.keys(FIELD_CHECKS), 'content_html', 'body'],
  'authors[]': ['name', 'url', 'email'],
  agency: ['name', 'via', 'url'],
  'contributors[]': ['name', 'location', 'role'],
  dateline: ['city', 'country', 'timezone', 'date'],
  image: ['url', 'caption', 'credit', 'type', 'width', 'height'],
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
