/**
 * A story imported over the record it already has (a correction, a later edition of the copy, or the same
 * copy after the desk edited the record). The record's first publication stays: feeds date a story by it
 * and must not move it. The copy's later stamp becomes `updated`. What the desk added that the copy does
 * not carry (`image.url`, tags, `draft`) is kept. The body, headline and everything the copy does carry
 * are the copy's, whole (a photo's URL stays while the copy describes the same photo).
 */
import { parseDeskTime } from '../core/_dates.js';
import type { ImportedStory, RecordFieldsOut } from './types.js';

const q = (s: string): string => JSON.stringify(s);

/** Fields a desk adds when copy does not carry them. */
const DESK_FIELDS = ['tags', 'draft', 'url', 'summary', 'rights', 'section', 'language'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The instant a record's date names, or undefined when it names none (the build will say why). */
function instant(value: unknown, zone: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = parseDeskTime(value.trim(), zone);
  return t.ok ? t.instant.getTime() : undefined;
}

/** The latest of some record values that name an instant (a date or stamp), with its instant; `after` excludes those not later than it. */
export function latestStamp(values: readonly unknown[], zone: string, after = Number.NEGATIVE_INFINITY): { v: string; t: number } | undefined {
  let best: { v: string; t: number } | undefined;
  for (const v of values) {
    const t = instant(v, zone);
    if (typeof v === 'string' && t !== undefined && t > after && (best === undefined || t > best.t)) best = { v, t };
  }
  return best;
}

/** The story as it replaces `existing` (the record's fields as read), with a note for each field kept. */
export function asCorrection(story: ImportedStory, existing: Record<string, unknown>, zone: string): ImportedStory {
  const fields: Record<string, unknown> = { ...story.fields };
  const notes: string[] = [];

  // Dates: the first publication is the record's; the latest of the copy's stamps and the record's
  // `updated`, when later than it, is the update (an update never moves back).
  const date = existing['date'];
  const first = instant(date, zone);
  if (typeof date === 'string' && first !== undefined && instant(story.fields.date, zone) !== undefined) {
    const updated = latestStamp([story.fields.updated, story.fields.date, existing['updated']], zone, first)?.v;
    if (date !== story.fields.date || updated !== story.fields.updated) {
      fields['date'] = date;
      if (updated !== undefined) fields['updated'] = updated;
      else delete fields['updated'];
      if (date !== story.fields.date) notes.push(`the record's first publication is kept: date ${q(date)}${updated === undefined ? '' : `, updated ${q(updated)}`} (the copy says ${q(story.fields.date)})`);
      else notes.push(`the record's later update is kept: updated ${q(updated ?? '')}`);
    }
  }

  // What the desk adds to a record and copy does not carry: kept when the copy has none. What the copy
  // does carry (its dateline, credits, photo, body) is the copy's: a part of an old dateline or an old
  // credit beside the new copy's would describe neither. Only the same dateline city keeps what the desk
  // gave it (the zone a warning asked for), and only the same photo its URL.
  const kept: string[] = [];
  for (const key of DESK_FIELDS) {
    if (fields[key] === undefined && existing[key] !== undefined) {
      fields[key] = existing[key];
      kept.push(key);
    }
  }
  const keepParts = (key: string, parts: readonly string[]): void => {
    const merged: Record<string, unknown> = { ...(fields[key] as Record<string, unknown>) };
    const old = existing[key] as Record<string, unknown>;
    for (const sub of parts) {
      if (merged[sub] === undefined && old[sub] !== undefined) {
        merged[sub] = old[sub];
        kept.push(`${key}.${sub}`);
      }
    }
    fields[key] = merged;
  };
  const [oldLine, line] = [existing['dateline'], fields['dateline']];
  if (isObject(oldLine) && isObject(line) && typeof oldLine['city'] === 'string' && typeof line['city'] === 'string' && oldLine['city'].toLowerCase() === line['city'].toLowerCase()) {
    keepParts('dateline', ['country', 'timezone', 'date']);
  }
  const [oldImage, image] = [existing['image'], fields['image']];
  if (isObject(oldImage) && isObject(image) && image['url'] === undefined && image['caption'] === oldImage['caption'] && image['credit'] === oldImage['credit']) {
    keepParts('image', ['url', 'type', 'width', 'height']);
  }
  // The copy's "add image.url" note is answered by the URL the record gives.
  const answered = kept.includes('image.url') ? (n: string) => !n.startsWith('photo caption and credit found but no image URL') : () => true;
  if (kept.length > 0) notes.push(`kept from the record, which the copy does not carry: ${kept.join(', ')}`);
  return notes.length === 0 ? story : { ...story, fields: fields as unknown as RecordFieldsOut, notes: [...story.notes.filter(answered), ...notes] };
}
