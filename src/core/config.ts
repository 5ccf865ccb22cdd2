/** Site configuration: its schema, defaults, and validation with errors naming the key. Pure. */
import { z } from 'zod';
import { diagnostic, Errors } from '../errors.js';
import { DATELINE_STYLES, type Diagnostic, type LineOf, type SiteConfig } from '../types.js';
import { isValidTimeZone } from './_dates.js';
import { closest, describeValue, fieldName, valueAt } from './_paths.js';

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), 'expected an absolute http(s) URL');
const style = z.enum(DATELINE_STYLES as [string, ...string[]]);

const ConfigSchema = z.strictObject({
  title: z.string().min(1),
  siteUrl: httpUrl,
  feedBaseUrl: httpUrl.optional(),
  description: z.string().optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as "en"').default('en'),
  copyright: z.string().optional(),
  icon: httpUrl.optional(),
  favicon: httpUrl.optional(),
  author: z.strictObject({ name: z.string().min(1), url: httpUrl.optional(), email: z.email().optional() }).optional(),
  idPrefix: z.string().regex(/^[a-z][a-z0-9+.-]*:\S*$/i, 'expected a URI prefix such as "tag:news.example.com,2025:"'),
  timezone: z.string().refine(isValidTimeZone, 'unknown time zone; use an IANA name such as "Asia/Shanghai"'),
  datelineStyle: z
    .union([style, z.record(z.string(), style)])
    .default('plain')
    .refine((v) => typeof v === 'string' || 'default' in v, 'a map of styles by language needs a "default" entry'),
  datelineDated: z.boolean().default(false),
  itemsPerFeed: z.number().int().positive().default(50),
  ttl: z.number().int().positive().default(15),
  hub: httpUrl.optional(),
  articlesDir: z.string().min(1).default('articles'),
  outDir: z.string().min(1).default('dist'),
});

export const CONFIG_KEYS: readonly string[] = Object.keys(ConfigSchema.shape);

const withSlash = (u: string): string => (u.endsWith('/') ? u : `${u}/`);

/** Validates parsed configuration data; every problem is reported with the line of its key. */
export function resolveConfig(data: unknown, file: string, lineOf: LineOf): { config?: SiteConfig; diagnostics: Diagnostic[] } {
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.flatMap((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((k) => {
          const hint = path.length === 0 ? closest(k, CONFIG_KEYS) : undefined;
          return diagnostic(Errors.ConfigInvalid, { file, line: lineOf([...path, k]), field: fieldName([...path, k]) },
            hint === undefined ? 'unknown key' : `unknown key; did you mean "${hint}"?`);
        });
      }
      const value = valueAt(data, path);
      const message = value === undefined ? 'required key is missing' : `${issue.message.replace(/^Invalid input: /, '')} (got ${describeValue(value)})`;
      return [diagnostic(Errors.ConfigInvalid, { file, line: lineOf(path), field: fieldName(path) }, message)];
    });
    return { diagnostics };
  }
  const c = parsed.data;
  const styles = typeof c.datelineStyle === 'string' ? { default: c.datelineStyle } : c.datelineStyle;
  const config: SiteConfig = {
    ...c,
    siteUrl: withSlash(c.siteUrl),
    feedBaseUrl: withSlash(c.feedBaseUrl ?? c.siteUrl),
    description: c.description ?? c.title,
    datelineStyle: styles as SiteConfig['datelineStyle'],
  };
  return { config, diagnostics: [] };
}
