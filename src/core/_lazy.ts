/**
 * Libraries loaded when first used, not when Dateline starts: marked (building its rules, about 5 ms) and
 * sanitize-html (with postcss and htmlparser2, about 25 ms), which only rendering a body needs. Most
 * builds after an edit render none (their items come from the cache), and paid for both.
 *
 * The literal `require('…')` calls are for the bundle (bin/dateline.js), which is CommonJS: esbuild
 * bundles what they name, and runs it at the first call. Where there is no `require` (the sources run as
 * ES modules, under tsx or vitest), `createRequire` loads the same package (tsx, and Node from 20.19,
 * load an ES module so too).
 */
import { createRequire } from 'node:module';
import type * as MarkedLib from 'marked';
import type MarkedFootnote from 'marked-footnote';
import type SanitizeHtml from 'sanitize-html';

let fallback: NodeJS.Require | undefined;
const load = (name: string): unknown => (fallback ??= createRequire(import.meta.url))(name);
/** An ES module's default export, as `require` gives it (the module's namespace). */
const defaultOf = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;

export const lazyRequire = {
  marked: (): typeof MarkedLib => (typeof require === 'function' ? require('marked') : load('marked')) as typeof MarkedLib,
  markedFootnote: (): typeof MarkedFootnote => defaultOf<typeof MarkedFootnote>(typeof require === 'function' ? require('marked-footnote') : load('marked-footnote')),
  sanitizeHtml: (): typeof SanitizeHtml => defaultOf<typeof SanitizeHtml>(typeof require === 'function' ? require('sanitize-html') : load('sanitize-html')),
};
