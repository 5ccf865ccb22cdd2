/**
 * JSON Feed has no W3C validator, so the rules of jsonfeed.org/version/1.1 that a reader relies on are
 * written here as a zod schema and checked against the sample site's feed.json.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const url = z.url();
const author = z.strictObject({ name: z.string().min(1), url: url.optional(), avatar: url.optional() });
/** Extensions: keys that start with `_` and carry no `.`; everything else must be a 1.1 key. */
const extension = z.record(z.string().regex(/^_[^.]+$/), z.unknown());

const item = z
  .strictObject({
    id: z.string().min(1),
    url: url.optional(),
    external_url: url.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: url.optional(),
    banner_image: url.optional(),
    date_published: rfc3339.optional(),
    date_modified: rfc3339.optional(),
    authors: z.array(author).min(1).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    _dateline: z.object({ about: url, text: z.string(), city: z.string() }).optional(),
    _credits: z.object({ about: url }).optional(),
  })
  .refine((i) => i.content_html !== undefined || i.content_text !== undefined, 'an item needs content_html or content_text');

const feed = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  icon: url.optional(),
  favicon: url.optional(),
  language: z.string().optional(),
  authors: z.array(author).optional(),
  hubs: z.array(z.object({ type: z.string(), url })).optional(),
  next_url: url.optional(),
  items: z.array(item),
});

describe('feed.json against JSON Feed 1.1', () => {
  it('follows the spec, with only underscore extensions', async () => {
    const json = JSON.parse(await readFile(fileURLToPath(new URL('./golden/sample/feed.json', import.meta.url)), 'utf8'));
    const result = feed.safeParse(json);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(extension.safeParse(Object.fromEntries(Object.entries(json.items[0]).filter(([k]) => k.startsWith('_')))).success).toBe(true);
    const ids = json.items.map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
