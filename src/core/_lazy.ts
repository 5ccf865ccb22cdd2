/**
 * sanitize-html (with postcss and htmlparser2: about 25 ms to load) when first used, not when Dateline
 * starts: only rendering a body needs it, and most builds after an edit render none (their items come
 * from the cache), yet paid for it.
 *
 * The literal `require('sanitize-html')` is for the bundle (bin/dateline.js), which is CommonJS: esbuild
 * bundles the package and runs it at the first call. Where there is no `require` (the sources run as ES
 * modules, under tsx or vitest), `createRequire` loads the same package, a CommonJS one, on any Node 20.
 * (marked is an ES module only, which `require` loads from Node 20.19 alone: it stays a static import.)
 */
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';

let fallback: NodeJS.Require | undefined;
const load = (name: string): unknown => (fallback ??= createRequire(import.meta.url))(name);

export const lazyRequire = {
  sanitizeHtml: (): typeof SanitizeHtml => (typeof require === 'function' ? require('sanitize-html') : load('sanitize-html')) as typeof SanitizeHtml,
};
