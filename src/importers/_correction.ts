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

/** Fields a desk adds and copy does not carry. */
const DESK_FIELDS = ['tags', 'draft', 'url', 'summary', 'rights'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The instant a record's date names, or undefined when it names none (the build will say why). */
function instant(value: unknown, zone: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = parseDeskTime(value.trim(), zone);
  return t.ok ? t.instant.getTime() : undefined;
}

/** The story as it replaces `existing` (the record's fields as read), with a note for each field kept. */
export function asCorrection(story: ImportedStory, existing: Record<string, unknown>, zone: string): ImportedStory {
  const fields: Record<string, unknown> = { ...story.fields };
  const notes: string[] = [];

  // Dates: the first publication is the record's; the copy's latest stamp, when later, is the update.
  const date = existing['date'];
  const first = instant(date, zone);
  const copyFirst = instant(story.fields.date, zone);
  const redated = typeof date === 'string' && date !== story.fields.date && first !== undefined && copyFirst !== undefined;
  if (redated) {
    const stamps = [story.fields.updated, story.fields.date, existing['updated']]
      .filter((v): v is string => typeof v === 'string')
      .map((v) => ({ v, t: instant(v, zone) }))
      .filter((s): s is { v: string; t: number } => s.t !== undefined && s.t > first)
      .sort((a, b) => b.t - a.t);
    fields['date'] = date;
    if (stamps[0] !== undefined) fields['updated'] = stamps[0].v;
    else delete fields['updated'];
    notes.push(`the record's first publication is kept: date ${q(date)}${stamps[0] === undefined ? '' : `, updated ${q(stamps[0].v)}`} (the copy says ${q(story.fields.date)})`);
  }

  // What the desk adds to a record and copy never carries: kept when the copy has none. Everything the
  // copy does carry (its dateline, credits, photo caption and credit, body) is the copy's, whole: a part
  // of the old dateline or an old credit beside the new copy's would describe neither.
  const kept: string[] = [];
  for (const key of DESK_FIELDS) {
    if (fields[key] === undefined && existing[key] !== undefined) {
      fields[key] = existing[key];
      kept.push(key);
    }
  }
  // The photo's URL (and size) the desk added, while the copy still describes the same photo.
  const oldImage = existing['image'];
  const image = fields['image'];
  if (isObject(oldImage) && typeof oldImage['url'] === 'string') {
    if (image === undefined) {
      fields['image'] = oldImage;
      kept.push('image');
    } else if (isObject(image) && image['url'] === undefined && image['caption'] === oldImage['caption'] && image['credit'] === oldImage['credit']) {
      const merged: Record<string, unknown> = { ...image };
      for (const sub of ['url', 'type', 'width', 'height']) {
        if (oldImage[sub] !== undefined) {
          merged[sub] = oldImage[sub];
          kept.push(`image.${sub}`);
        }
      }
      fields['image'] = merged;
    }
  }
  if (kept.length > 0) notes.push(`kept from the record, which the copy does not carry: ${kept.join(', ')}`);
  return notes.length === 0 ? story : { ...story, fields: fields as unknown as RecordFieldsOut, notes: [...story.notes, ...notes] };
}
