/**
 * Printed credit lines, in the article's language: contributor taglines ("Mike Gu in Hong Kong contributed
 * to this story.", "Reporting by …") and the agency line ("Agencies via Xinhua"). Nothing here invents a
 * credit: every line comes from a record field.
 */
import type { Agency, Contributor } from '../types.js';
import { chineseWords, isChinese } from './_chinese.js';
import { isolated } from './_direction.js';

/**
 * Names a plain list would run together: one that holds a comma, "and" or "&" ("Smith, John", "Kim &
 * Park"), or a Chinese 、. Such lists are joined with semicolons, so a reader can count the people.
 */
export function namesNeedSemicolons(names: readonly string[]): boolean {
  return names.length > 1 && names.some((n) => /[,，、;&]|\band\b/.test(n));
}

/** "A and B", "A, B and C"; "Smith, John; Jane Doe" when a name holds a comma or "and"; 王晓岚、李华 in Chinese. */
export function joinNames(written: readonly string[], zh: boolean, shown: (name: string, index: number) => string = (n) => n): string {
  const semicolons = namesNeedSemicolons(written);
  const names = written.map((n, i) => shown(n, i));
  if (zh) return names.join(semicolons ? '；' : '、');
  if (semicolons) return names.join('; ');
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A contributor as a line names them. The lines' words are English or Chinese, so the lines run left to
 * right: names and places in right-to-left scripts are isolated (see `isolated`).
 */
function who(c: Contributor, zh: boolean, shown: (value: string) => string = isolated): string {
  if (c.location === undefined) return shown(c.name);
  return zh ? `${shown(c.name)}（${shown(c.location)}）` : `${shown(c.name)} in ${shown(c.location)}`;
}

/**
 * The byline printed above the story, for readers that show only the content: `By Li Wen and Chen Yu`,
 * `作者：王晓岚、李华`. Only the record's own authors (a site's default author is no byline).
 */
export function bylineText(authors: readonly { name: string }[], language: string): string | undefined {
  if (authors.length === 0) return undefined;
  const zh = isChinese(language);
  // (Whether names need semicolons is decided on the names as written.)
  const names = joinNames(authors.map((a) => a.name), zh, (n) => isolated(n));
  return zh ? `作者：${names}` : `By ${names}`;
}

/** A role without the "by" or colon the line adds ("Reporting by:" is "Reporting"; "by" alone is none). Linear: no regex backtracks over spaces. */
export function withoutBy(role: string): string {
  // (Punctuation after it too: "Reporting by:", "by -" are how credit lines print; without a "by", only a
  // colon goes, "Contributing:", and "Research asst." keeps its full stop.)
  let end = role.length;
  while (end > 0 && /[\s:：;,.\-–—]/.test(role[end - 1]!)) end--;
  const r = role.slice(0, end);
  const before = r.length >= 2 && r.slice(-2).toLowerCase() === 'by' ? r.slice(0, -2) : undefined;
  if (before === '') return '';
  // ("Standby." ends in the letters, not the word: it keeps its full stop, as any role without a "by".)
  if (before !== undefined && /\s$/.test(before)) return before.trimEnd();
  return role.trimEnd().replace(/[:：]$/, '').trimEnd();
}

/**
 * Which line a contributor's role puts them on: one per role however it is written ("Reporting",
 * "reporting", "Reporting by"); a role that says only "contributor" is the line without a role ('').
 */
export function roleKey(role: string | undefined): string {
  const r = withoutBy(role ?? '');
  return /^contribut(?:or|ors|ion|ing|ed)$/i.test(r) ? '' : r.toLowerCase().replace(/\s+/g, ' ');
}

/** Text ending in a full stop, question or exclamation mark, perhaps inside closing direction controls. */
const ENDS_SENTENCE = /[.!?][\u202c\u2069]*$/;

/** Contributors grouped by role, in record order of first appearance; then the agency line. */
export function creditLines(contributors: readonly Contributor[], agency: Agency | undefined, language: string): string[] {
  const zh = isChinese(language);
  const words = chineseWords(language);
  const byRole = new Map<string, { role: string; group: Contributor[] }>();
  for (const c of contributors) {
    const key = roleKey(c.role);
    const line = byRole.get(key);
    if (line === undefined) byRole.set(key, { role: key === '' ? '' : withoutBy(c.role ?? ''), group: [c] });
    else line.group.push(c);
  }
  const lines: string[] = [];
  for (const { role, group } of byRole.values()) {
    // (Semicolons are decided on the contributors as written, places included.)
    const written = group.map((c) => who(c, zh, (v) => v));
    const names = joinNames(written, zh, (_, i) => who(group[i]!, zh));
    const shownRole = isolated(role);
    if (role === '') lines.push(zh ? `${names}${words.contributed}。` : `${names} contributed to this story.`);
    // (A line ending in a name or place that ends in a full stop, "D.C." or "Jr.", takes no second one.)
    else lines.push(zh ? `${shownRole}：${names}` : `${isolated(`${role.charAt(0).toUpperCase()}${role.slice(1)}`)} by ${names}${ENDS_SENTENCE.test(names) ? '' : '.'}`);
  }
  if (agency !== undefined) {
    // (An agency alone is the whole line: nothing around it to reorder.)
    const [name, via] = agency.via === undefined ? [agency.name, undefined] : [isolated(agency.name), isolated(agency.via)];
    if (zh) lines.push(via === undefined ? `${words.source}：${name}` : `${words.source}：${via}（${words.via}${name}）`);
    else lines.push(via === undefined ? name : `${via} via ${name}`);
  }
  return lines;
}
