/** What the reader-facing pages share: the feeds they list, readable dates, and one stylesheet. */
import { localParts, offsetText } from '../core/_dates.js';
import type { Format } from '../types.js';

/** One feed as the pages list it. `file` is relative to the page (it sits beside the feeds); `url` is absolute. */
export interface FeedLink {
  format: Format;
  file: string;
  url: string;
  title: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `5 February 2025, 09:24 (UTC+08:00)`: the wall-clock time in `zone`, spelt out without Intl's locale
 * data, so every machine prints the same bytes.
 */
export function readableDate(instant: Date, zone: string): string {
  const p = localParts(instant, zone);
  return `${p.day} ${MONTHS[p.month - 1] ?? ''} ${p.year}, ${pad(p.hour)}:${pad(p.minute)} (UTC${offsetText(p.offsetSeconds)})`;
}

/**
 * The pages' CSS, inline in both the index page and the XSLT output. No `<` or `&`, so it can sit in an
 * XML document (the stylesheet) as it is; system fonts and colours only, so nothing is fetched; light and
 * dark schemes; contrast at least 4.5:1.
 */
export const PAGE_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #575757; --rule: #d6d6d6; --accent: #0b57a4; --note: #fff6d6; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececec; --bg: #161616; --muted: #b4b4b4; --rule: #3a3a3a; --accent: #8cc4ff; --note: #3a3214; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 0 0 0.25rem; }
p { margin: 0.25rem 0; }
.note { background: var(--note); border-radius: 0.375rem; padding: 0.75rem 1rem; margin: 1rem 0; }
.lede { color: var(--muted); }
ul.feeds, ol.items { list-style: none; margin: 0; padding: 0; }
ul.feeds > li { padding: 0.75rem 0; border-bottom: 1px solid var(--rule); }
ol.items > li { padding: 1rem 0; border-bottom: 1px solid var(--rule); }
.meta, .credits, .address { color: var(--muted); font-size: 0.9rem; }
code { overflow-wrap: anywhere; font-size: 0.85rem; }
.dateline { font-weight: 600; letter-spacing: 0.02em; }
.format { display: inline-block; border: 1px solid var(--rule); border-radius: 0.25rem; padding: 0 0.35rem; font-size: 0.8rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; }
`.trim();
