/** Site configuration: its schema, defaults, and validation with errors naming the key. Pure. */
import type { z } from 'zod';
import { lazyRequire } from './_lazy.js';
import { diagnostic, EMAIL_EXPECTED, Errors } from '../errors.js';
import { DATELINE_STYLES, type ContentMode, type Diagnostic, type GroupFeedsConfig, type LineOf, type SiteConfig } from '../types.js';
import { hasEmail, isEmail, visible } from './_credit-fields.js';
import { isValidTimeZone, whyZoneRefused, zoneName } from './_dates.js';
import { closest, describeValue, fieldName, valueAt } from './_paths.js';
import { MARKUP } from './_text.js';

/**
 * The configuration's schemas, made when first asked for: zod is loaded then. A build whose configuration
 * the cache validated before (sources/index.ts) asks for none, and making them (zod's own start with
 * them) was about 30 ms of every build after an edit.
 */
type ConfigSchemas = ReturnType<typeof makeConfigSchemas>;
let made: ConfigSchemas | undefined;
const configSchemas = (): ConfigSchemas => (made ??= makeConfigSchemas());

function makeConfigSchemas() {
  const { z } = lazyRequire.zod();
  /** A URL the feeds publish: with no user name or password in it (QA: `https://user:pw@…/` was in every self link). */
  const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), 'expected an absolute http(s) URL')
    // (A URL parser takes them, percent-encoding them; the feeds would carry them raw, which XML forbids: review.)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'expected a URL without control characters (U+0000–U+001F, U+007F)')
    .refine((v) => !URL.canParse(v) || (new URL(v).username === '' && new URL(v).password === ''),
      'expected a URL without a user name or password ("user:password@"): every feed would publish them');
  /**
   * A base URL that paths are joined to: no query or fragment (`…/?q=1#top` + `rss.xml` would be no URL of the
   * site), and no control character spelt in its path (`%0A`: nginx.conf's locations are the decoded path, and
   * one with a line break or a NUL in it is no location any request reaches: QA).
   */
  const baseUrl = httpUrl.refine((v) => !/[?#]/.test(v), 'expected an absolute http(s) URL without a query (?) or fragment (#)')
    .refine((v) => !/%(?:[01][0-9a-f]|7f)/i.test(v), 'expected a URL with no control character spelt in it (%00–%1F, %7F)');
  const positiveInt = z.number().int().positive();
  /**
   * A wide logo: Atom's `logo` (RFC 4287 §4.2.8: twice as wide as high) and RSS's `image`, whose `width` and
   * `height` may not pass 144 and 400 pixels (RSS 2.0; a reader assumes 88 × 31 when they are left out).
   */
  const logoObject = z.strictObject({ url: httpUrl, width: z.number().int().min(1).max(144).optional(), height: z.number().int().min(1).max(400).optional() })
    // Both or neither: a reader takes 88 × 31 for a size left out, and would stretch the logo.
    .superRefine((o, ctx) => {
      if ((o.width === undefined) !== (o.height === undefined)) ctx.addIssue({ code: 'custom', path: [o.width === undefined ? 'width' : 'height'], message: BOTH_SIZES });
    });
  const logo = z.union([httpUrl.transform((url) => ({ url })), logoObject]);

  const contentMode = z.enum(['full', 'summary']);
  /** `true` switches a family of feeds on with its defaults, `false` (or leaving it out) off; an object sets it. */
  const switchable = <T extends z.ZodType>(settings: T) =>
    z.preprocess((v) => (v === true ? {} : v === false ? undefined : v), settings.optional());
  const groupFeeds = switchable(z.strictObject({
    itemsPerFeed: positiveInt.optional(),
    content: contentMode.optional(),
    minArticles: positiveInt.optional(),
    max: positiveInt.optional(),
    precompress: z.boolean().optional(),
  }));
  const FeedsSchema = z.strictObject({
    sections: groupFeeds,
    tags: groupFeeds,
    authors: groupFeeds,
    archives: switchable(z.strictObject({ content: contentMode.optional(), precompress: z.boolean().optional() })),
    brotliQuality: z.number().int().min(0).max(11).optional(),
  });

  const ConfigSchema = z.strictObject({
    title: z.string().trim().min(1),
    siteUrl: baseUrl,
    feedBaseUrl: baseUrl.optional(),
    description: z.string().optional(),
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as "en" or "zh-CN"').default('en'),
    copyright: z.string().optional(),
    icon: httpUrl.optional(),
    favicon: httpUrl.optional(),
    logo: logo.optional(),
    author: z.strictObject({ name: z.string().trim().min(1).refine((n) => visible(n) !== undefined, 'must not be empty: the name prints nothing')
      // (Feed readers take an address in a name for the e-mail and cut the name, as in a record's byline.)
      .refine((n) => !hasEmail(n), 'holds an e-mail address: give the name alone and the address as author.email'), url: httpUrl.optional(), email: z.string().trim().refine(isEmail, EMAIL_EXPECTED).optional() }).optional(),
    idPrefix: z.string().regex(/^[a-z][a-z0-9+.-]*:\S*$/i, 'expected a URI prefix such as "tag:news.example.com,2025:"'),
    timezone: z.string().refine(isValidTimeZone).transform(zoneName),
    // Checked by checkStyles below, so that a bad entry is reported at its own key.
    datelineStyle: z.union([z.string(), z.record(z.string(), z.unknown())]).default('plain'),
    datelineDated: z.boolean().default(false),
    itemsPerFeed: positiveInt.default(50),
    ttl: positiveInt.default(15),
    hub: httpUrl.optional(),
    articlesDir: z.string().min(1).default('articles'),
    outDir: z.string().min(1).default('dist'),
    feeds: FeedsSchema.optional(),
  });
  return { ConfigSchema, FeedsSchema, groupFeeds };
}

/** Both sizes of a logo, or neither. */
const BOTH_SIZES = 'give both width and height, or neither (a reader takes 88 × 31 for a size left out, and stretches the logo)';

/** What a key should hold, in words, for type errors. */
const EXPECTED: Record<string, string> = {
  itemsPerFeed: 'a positive whole number', ttl: 'a positive whole number of minutes', datelineDated: 'true or false',
  author: 'an object {name, url, email}', feeds: 'an object {sections, tags, authors, archives, brotliQuality}',
  'feeds.brotliQuality': 'a whole number from 0 to 11',
  logo: 'an image URL, or an object {url, width, height}',
  'logo.width': 'a whole number of pixels from 1 to 144 (the most RSS allows)',
  'logo.height': 'a whole number of pixels from 1 to 400 (the most RSS allows)',
  'feeds.sections': 'true, false or an object {itemsPerFeed, content, minArticles, max, precompress}',
  'feeds.tags': 'true, false or an object {itemsPerFeed, content, minArticles, max, precompress}',
  'feeds.authors': 'true, false or an object {itemsPerFeed, content, minArticles, max, precompress}',
  'feeds.archives': 'true, false or an object {content, precompress}',
  datelineStyle: `a style (${DATELINE_STYLES.map((s) => `"${s}"`).join(', ')}) or a map of them by language`,
};

/** zod's type names, in words. */
const TYPE_WORDS: Record<string, string> = { string: 'text', int: 'a whole number', number: 'a number', boolean: 'true or false', object: 'an object' };

/** One config issue in our words (zod's own wording is for developers, not for desks). */
function describe(issue: z.core.$ZodIssue, key: string, value: unknown): string {
  const got = `got ${describeValue(value)}`;
  if (key === 'timezone' && typeof value === 'string') return Errors.ZoneUnknown.message(value, whyZoneRefused(value));
  if (EXPECTED[key] !== undefined && issue.code !== 'custom') return `expected ${EXPECTED[key]}, ${got}`;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, ${got}`;
    case 'too_small':
      return typeof value === 'string' ? 'must not be empty' : `expected a positive number, ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, ${got}`;
    case 'invalid_format':
      return `${issue.message}, ${got}`;
    default:
      return `${issue.message}, ${got}`;
  }
}

function checkStyles(value: unknown, file: string, lineOf: LineOf): Diagnostic[] {
  const bad = (path: (string | number)[], v: unknown): Diagnostic =>
    diagnostic(Errors.ConfigInvalid, { file, line: lineOf(path), field: fieldName(path) },
      `${describeValue(v)} is not a dateline style; use one of ${DATELINE_STYLES.map((s) => `"${s}"`).join(', ')}`);
  if (typeof value === 'string') return (DATELINE_STYLES as readonly string[]).includes(value) ? [] : [bad(['datelineStyle'], value)];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out = Object.entries(value)
    .filter(([, v]) => typeof v !== 'string' || !(DATELINE_STYLES as readonly string[]).includes(v))
    .map(([k, v]) => bad(['datelineStyle', k], v));
  // Language tags are compared without case (`en-GB` is `en-gb`), so two keys that differ only in case clash.
  const seen = new Map<string, string>();
  for (const k of Object.keys(value)) {
    const other = seen.get(k.toLowerCase());
    if (other !== undefined) out.push(diagnostic(Errors.ConfigInvalid, { file, line: lineOf(['datelineStyle', k]), field: fieldName(['datelineStyle', k]) }, `the language "${k}" is already given as "${other}" (language tags are compared without case)`));
    seen.set(k.toLowerCase(), k);
  }
  if (!('default' in value)) {
    out.push(diagnostic(Errors.ConfigInvalid, { file, line: lineOf(['datelineStyle']), field: 'datelineStyle' },
      'a map of styles by language needs a "default" entry'));
  }
  return out;
}

type RawFeeds = z.infer<ConfigSchemas['FeedsSchema']> | undefined;
type RawGroup = z.infer<ConfigSchemas['groupFeeds']> | undefined;

/**
 * Defaults, chosen for a large newsroom: section feeds carry full content like the main feed, with
 * `.gz`/`.br` siblings; tag and author feeds (hundreds or thousands of them, each polled rarely) carry
 * summaries and 20 items, and archives (fetched once, by backfilling aggregators) summaries, all three
 * without siblings unless asked (`precompress: true`): compressing the long tail would cost more build
 * time than it saves in transfer.
 */
function resolveFeeds(raw: RawFeeds, itemsPerFeed: number): SiteConfig['feeds'] {
  const group = (o: RawGroup, d: { itemsPerFeed: number; content: ContentMode; precompress: boolean }): GroupFeedsConfig | undefined => {
    if (o === undefined) return undefined;
    const out: GroupFeedsConfig = {
      itemsPerFeed: o.itemsPerFeed ?? d.itemsPerFeed,
      content: o.content ?? d.content,
      minArticles: o.minArticles ?? 1,
      precompress: o.precompress ?? d.precompress,
    };
    if (o.max !== undefined) out.max = o.max;
    return out;
  };
  const feeds: SiteConfig['feeds'] = { brotliQuality: raw?.brotliQuality ?? DEFAULT_BROTLI_QUALITY };
  const sections = group(raw?.sections, { itemsPerFeed, content: 'full', precompress: true });
  const tags = group(raw?.tags, { itemsPerFeed: Math.min(20, itemsPerFeed), content: 'summary', precompress: false });
  const authors = group(raw?.authors, { itemsPerFeed: Math.min(20, itemsPerFeed), content: 'summary', precompress: false });
  if (sections !== undefined) feeds.sections = sections;
  if (tags !== undefined) feeds.tags = tags;
  if (authors !== undefined) feeds.authors = authors;
  const a = raw?.archives;
  if (a !== undefined) feeds.archives = { content: a.content ?? 'summary', precompress: a.precompress ?? false };
  return feeds;
}

/** Brotli quality of the `.br` siblings when the configuration does not say. */
const DEFAULT_BROTLI_QUALITY = 5;

/** (The schemas' keys, in their order, without making them: tests/config-memo.test.ts checks they agree.) */
export const CONFIG_KEYS: readonly string[] = ['title', 'siteUrl', 'feedBaseUrl', 'description', 'language', 'copyright', 'icon', 'favicon', 'logo', 'author',
  'idPrefix', 'timezone', 'datelineStyle', 'datelineDated', 'itemsPerFeed', 'ttl', 'hub', 'articlesDir', 'outDir', 'feeds'];
export const FEEDS_KEYS: readonly string[] = ['sections', 'tags', 'authors', 'archives', 'brotliQuality'];
/** The schemas' own keys, for that test. */
export const schemaKeys = (): { config: string[]; feeds: string[] } => ({ config: Object.keys(configSchemas().ConfigSchema.shape), feeds: Object.keys(configSchemas().FeedsSchema.shape) });
const LOGO_KEYS: readonly string[] = ['url', 'width', 'height'];
const GROUP_KEYS: readonly string[] = ['itemsPerFeed', 'content', 'minArticles', 'max', 'precompress'];
/** The keys each object of the configuration takes, by its path, for "did you mean" (`author.emial`). */
const KEYS_AT: Readonly<Record<string, readonly string[]>> = {
  '': CONFIG_KEYS, feeds: FEEDS_KEYS, logo: LOGO_KEYS, author: ['name', 'url', 'email'],
  'feeds.sections': GROUP_KEYS, 'feeds.tags': GROUP_KEYS, 'feeds.authors': GROUP_KEYS, 'feeds.archives': ['content', 'precompress'],
};

const withSlash = (u: string): string => (u.endsWith('/') ? u : `${u}/`);

/** Validates parsed configuration data; every problem is reported with the line of its key, in line order. */
export function resolveConfig(data: unknown, file = 'config', lineOf: LineOf = () => undefined): { config?: SiteConfig; diagnostics: Diagnostic[] } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { diagnostics: [diagnostic(Errors.ConfigInvalid, { file, line: 1 }, `expected a JSON object of settings, got ${describeValue(data)}`)] };
  }
  const diagnostics = checkStyles((data as Record<string, unknown>)['datelineStyle'], file, lineOf);
  const parsed = configSchemas().ConfigSchema.safeParse(data);
  if (!parsed.success) {
    // (A size misspelt in the logo, `widht`, is reported as an unknown key; the size is not then also missing.)
    const sizeMisspelt = (issues: readonly z.core.$ZodIssue[]): boolean =>
      issues.some((i) => i.code === 'unrecognized_keys' && i.keys.some((k) => ['width', 'height'].includes(closest(k, LOGO_KEYS) ?? '')));
    const logoMisspelt = sizeMisspelt(parsed.error.issues.filter((i) => i.path.length === 1 && i.path[0] === 'logo'));
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          const known = KEYS_AT[path.join('.')];
          const hint = known === undefined ? undefined : closest(k, known);
          diagnostics.push(diagnostic(Errors.ConfigInvalid, { file, line: lineOf([...path, k]), field: fieldName([...path, k]) },
            hint === undefined ? 'unknown key' : `unknown key; did you mean "${hint}"?`));
        }
        continue;
      }
      // A logo given as an object: what is wrong inside it, at its own key (`logo.url` missing), not that
      // it is neither a URL nor a right object.
      const value = valueAt(data, path);
      // (The object's branch: the one whose issues are not only that the value is no string.)
      const objectBranch = (errors: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined => errors.find((es) => es.some((e) => e.path.length > 0 || e.code !== 'invalid_type'));
      const inner = issue.code === 'invalid_union' && fieldName(path) === 'logo' && value !== null && typeof value === 'object' && !Array.isArray(value) ? objectBranch(issue.errors) : undefined;
      for (const sub of inner ?? [issue]) {
        if (sub.message === BOTH_SIZES && (logoMisspelt || sizeMisspelt(inner ?? []))) continue;
        if (sub.code === 'unrecognized_keys') {
          for (const k of sub.keys) {
            const hint = closest(k, LOGO_KEYS);
            diagnostics.push(diagnostic(Errors.ConfigInvalid, { file, line: lineOf([...path, k]), field: fieldName([...path, k]) }, hint === undefined ? 'unknown key' : `unknown key; did you mean "${hint}"?`));
          }
          continue;
        }
        const at = sub === issue ? path : [...path, ...sub.path.filter((p): p is string | number => typeof p !== 'symbol')];
        const v = valueAt(data, at);
        const message = sub.message === BOTH_SIZES ? sub.message : v === undefined ? 'required key is missing' : describe(sub, fieldName(at), v);
        diagnostics.push(diagnostic(Errors.ConfigInvalid, { file, line: lineOf(at), field: fieldName(at) }, message));
      }
    }
  }
  if (!parsed.success || diagnostics.length > 0) {
    // (With the warnings of the settings that are right: every problem in one run.)
    const inError = new Set(diagnostics.map((d) => d.field));
    const all = [...diagnostics, ...textWarnings(data, file, lineOf).filter((w) => !inError.has(w.field))];
    return { diagnostics: all.map((d, i) => ({ d, i })).sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i).map((x) => x.d) };
  }
  const c = parsed.data;
  const { feeds: rawFeeds, ...site } = c;
  // By lower-case language tag, as styleFor looks them up.
  const styles = typeof c.datelineStyle === 'string' ? { default: c.datelineStyle } : Object.fromEntries(Object.entries(c.datelineStyle).map(([k, v]) => [k.toLowerCase(), v]));
  const config: SiteConfig = {
    ...site,
    feeds: resolveFeeds(rawFeeds, c.itemsPerFeed),
    siteUrl: withSlash(c.siteUrl),
    feedBaseUrl: withSlash(c.feedBaseUrl ?? c.siteUrl),
    description: c.description ?? c.title,
    datelineStyle: styles as SiteConfig['datelineStyle'],
  };
  return { config, diagnostics: textWarnings(c, file, lineOf) };
}

/** The settings the feeds carry as plain text (the feeds' title, description, rights and author). */
const PLAIN_TEXT: readonly (readonly string[])[] = [['title'], ['description'], ['copyright'], ['author', 'name']];

/** W_TEXT_LOOKS_LIKE_HTML for a setting the feeds carry as plain text, as a record's fields get it. */
function textWarnings(data: object, file: string, lineOf: LineOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const path of PLAIN_TEXT) {
    const value = valueAt(data, path);
    const markup = typeof value === 'string' ? MARKUP.exec(value)?.[0] : undefined;
    if (markup !== undefined) out.push(diagnostic(Errors.TextLooksLikeHtml, { file, line: lineOf(path), field: fieldName(path) }, markup));
  }
  return out;
}

/** In the place of a required key in error, for `standInConfig`: values no site has, that read every record the same. */
const STAND_INS: Readonly<Record<string, unknown>> = { title: 'Stand-in', siteUrl: 'https://stand-in.invalid/', idPrefix: 'tag:stand-in.invalid,2000:', timezone: 'UTC' };

/**
 * For a configuration with errors: one of its keys without those in error (their defaults, or stand-ins for
 * the required ones, in their places), so that a run can still read the records and report their problems
 * with the configuration's. `replaced`: the keys set aside, in the file's order. Undefined when the records
 * could not be read as the configuration means them: the data is no object, or `articlesDir` is in error,
 * or missing beside an unknown key that means it (`articleDir`: the records are elsewhere). `aside`: keys
 * to set aside from the start (those a syntax error leaves unsure).
 */
export function standInConfig(data: unknown, aside: readonly string[] = []): { config: SiteConfig; replaced: string[] } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (aside.includes('articlesDir')) return undefined;
  const given = Object.keys(data);
  if (!given.includes('articlesDir') && given.some((k) => !CONFIG_KEYS.includes(k) && closest(k, CONFIG_KEYS) === 'articlesDir')) return undefined;
  const order = new Map(given.map((k, i) => [k, i]));
  let copy = setAside(data as Record<string, unknown>, aside);
  const replaced = new Set<string>(aside);
  // (A key set aside can uncover another's error, `feeds` after `itemsPerFeed`: a few rounds at most.)
  for (let round = 0; round < 4; round++) {
    const { config, diagnostics } = resolveConfig(copy);
    if (config !== undefined) {
      const at = (k: string): number => order.get(k) ?? Number.MAX_SAFE_INTEGER;
      return { config, replaced: [...replaced].sort((a, b) => at(a) - at(b)) };
    }
    const keys = new Set<string>();
    for (const d of diagnostics) {
      if (d.severity !== 'error') continue;
      const key = d.field === undefined ? undefined : topKey(d.field, copy);
      if (key === undefined || key === 'articlesDir') return undefined;
      keys.add(key);
    }
    copy = setAside(copy, [...keys]);
    for (const k of keys) replaced.add(k);
  }
  return undefined;
}

/** `data` without `keys`: their defaults, or stand-ins for the required ones. */
export function setAside(data: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...data };
  for (const k of keys) {
    delete copy[k];
    if (Object.hasOwn(STAND_INS, k)) copy[k] = STAND_INS[k];
  }
  return copy;
}

/** The key of `data` a problem's field is under: the field itself (`feeds.x`, a key with a dot), else the part before the first dot or bracket. */
function topKey(field: string, data: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(data, field) || Object.hasOwn(STAND_INS, field)) return field;
  const top = /^[^.[]+/.exec(field)?.[0];
  return top !== undefined && Object.hasOwn(data, top) ? top : undefined;
}
