/**
 * Libraries loaded when first used, not when Dateline starts: marked (building its rules, about 5 ms) and
 * sanitize-html (with postcss and htmlparser2, whose tokenizer _bounds.ts uses too), which only rendering a body needs. Most builds after an
 * edit render none (their items come from the cache), and paid for both: 10k incremental −13 ms (paired
 * median over 21 pairs; bench/RESULTS.md, twenty-second pass).
 *
 * The literal `require('…')` calls are for the bundle (bin/dateline.js), which is CommonJS: esbuild
 * bundles what they name, and runs it at the first call. Where there is no `require` (the sources run as
 * ES modules, under tsx or vitest), `createRequire` loads the same package. marked is an ES module only,
 * which `require` loads from Node 20.19 and 22.12 (package.json's engines; review: 20.11–20.18 failed there,
 * and the CLI says so at its start: cli.ts).
 */
import { createRequire } from 'node:module';
import type * as MarkedLib from 'marked';
import type MarkedFootnote from 'marked-footnote';
import type SanitizeHtml from 'sanitize-html';
import type * as Htmlparser2 from 'htmlparser2';
import type * as Zod from 'zod';
import { systemCode } from '../errors.js';

let fallback: NodeJS.Require | undefined;
const load = (name: string): unknown => {
  try {
    return (fallback ??= createRequire(import.meta.url))(name);
  } catch (e) {
    if (systemCode(e) !== 'ERR_REQUIRE_ESM') throw e;
    throw new Error(`Dateline needs Node 20.19 or later in 20.x, or 22.12 or later: ${name} is an ES module, which require() loads from those`, { cause: e });
  }
};
/** An ES module's default export, as `require` gives it (the module's namespace); a CommonJS module's exports. */
const defaultOf = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;

export const lazyRequire = {
  marked: (): typeof MarkedLib => (typeof require === 'function' ? require('marked') : load('marked')) as typeof MarkedLib,
  markedFootnote: (): typeof MarkedFootnote => defaultOf<typeof MarkedFootnote>(typeof require === 'function' ? require('marked-footnote') : load('marked-footnote')),
  sanitizeHtml: (): typeof SanitizeHtml => defaultOf<typeof SanitizeHtml>(typeof require === 'function' ? require('sanitize-html') : load('sanitize-html')),
  /** The sanitiser's own HTML parser (sanitize-html's dependency, at the version it takes): its tokenizer reads a body's tags as the sanitiser will (_bounds.ts). */
  htmlparser2: (): typeof Htmlparser2 => (typeof require === 'function' ? require('htmlparser2') : load('htmlparser2')) as typeof Htmlparser2,
  /**
   * zod, which a build needs only for a configuration it has not validated before (sources/index.ts) and for
   * a record that does not fit the shape checked by hand (schema.ts): building its schemas, and zod's own
   * start, were about 30 ms of every build after an edit.
   */
  zod: (): typeof Zod => (typeof require === 'function' ? require('zod') : load('zod')) as typeof Zod,
};
