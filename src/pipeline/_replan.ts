/**
 * Planning again without the articles. When records were added or deleted, or an edit moved an article
 * between feeds (its date, draft flag, id, section, tags or authors), the previous plans no longer hold
 * (_reuse.ts). Rather than restore every article from the cache to plan from (at 100,000 records, most
 * of a 7-second build after one story is published), the build plans from the cache's signatures: what
 * planning reads of each record (`signatures.json`), with the records read again in place of theirs.
 * A feed whose plan comes out as it was and carries no edited record is kept; the others are written
 * again, spliced from their previous documents where they can be (_splice.ts).
 *
 * planFeeds reads the same fields either way, so the plans are a full build's by construction; ids are
 * compared across all records as reading them does, and a duplicate takes the full path, which reports it.
 */
import { MAX_SIGNATURE_CHANGES, plannable, plannables, signatureColumns, type Signatures } from '../cache/signatures.js';
import type { RecordEntry, StoredPlan } from '../cache/state.js';
import { loadSignatures, type CacheRead } from '../cache/store.js';
import { planFeeds, planFields, type Plannable } from '../core/feeds.js';
import { givesItemId, itemId } from '../core/ids.js';
import { byFile, sharedLinks } from '../core/links.js';
import type { RecordScan } from '../sources/cached.js';
import { reuseOf, storePlan, type Changes, type Reuse } from './_reuse.js';

/** The build's plans made from the signatures; undefined when the cache cannot give them (then the full path). */
export async function replan(scan: RecordScan, cache: CacheRead, changes: Changes): Promise<Reuse | undefined> {
  const signatures = await loadSignatures(cache);
  if (typeof signatures === 'string') return undefined;
  const { config } = scan;
  const now: Signatures['changes'] = { ...signatures.changes };
  for (const file of changes.deleted) now[file] = null;
  const fresh: Plannable[] = [];
  for (const file of changes.edited) {
    const article = scan.fresh.get(changes.changed.get(file) ?? -1)?.article;
    if (article === undefined) return undefined;
    now[file] = planFields(article);
  }
  // One signature for every record (each has an article: a cache is written only by a build without errors).
  const stubs = plannables(signatures.base, (file) => Object.hasOwn(now, file), config.siteUrl);
  for (const file in now) {
    const fields = now[file];
    if (fields === undefined || fields === null) continue;
    const stub = plannable(file, fields);
    stubs.push(stub);
    if (changes.edited.has(file)) fresh.push(stub);
  }
  if (stubs.length !== scan.files) return undefined;
  // A record read again may now share an id with another: then the full path reports it. (The others
  // had none among themselves, or the previous build would have failed.)
  const taken = fresh.map((stub) => itemId(stub.id, config).normalize('NFC'));
  const takenSet = new Set(taken);
  if (takenSet.size !== taken.length) return undefined;
  // A few ids are compared with each other record's without making its id (most builds); many, by
  // making each other record's id once.
  const few = taken.length <= 4;
  if (taken.length > 0) {
    for (const stub of stubs) {
      if (changes.edited.has(stub.file)) continue;
      if (few ? taken.some((id) => givesItemId(stub.id, id, config)) : takenSet.has(itemId(stub.id, config).normalize('NFC'))) return undefined;
    }
  }
  // The signatures hold no `updated`: the archive links' versions take each record's correction from its entry now.
  const entryNow = (file: string): RecordEntry | undefined => scan.fresh.get(changes.changed.get(file) ?? -1)?.entry ?? cache.state.records[file];
  const planned = planFeeds(stubs, config, (stub) => entryNow(stub.file)?.corrected);
  const { plans, groups } = planned;
  // The links compared across records, as reading them all does (build.ts puts them first, as here).
  const published = stubs.filter((s) => !s.draft).sort(byFile);
  const diagnostics = [...sharedLinks(published), ...planned.diagnostics];
  const previous = new Map(cache.state.plans.map((p) => [p.key, p]));
  const dirty = new Set<string>();
  const stored = plans.map((plan) => {
    const s = storePlan(plan);
    const was = previous.get(plan.key);
    if (was === undefined || !samePlan(was, s)) dirty.add(plan.key);
    return s;
  });
  // Too many changes: the columns are written again, with every record's signature as it is now.
  const saved = Object.keys(now).length > MAX_SIGNATURE_CHANGES ? { base: signatureColumns(stubs.map((s) => [s.file, s] as const), config.siteUrl), changes: {} } : { changes: now };
  return reuseOf(scan, cache.state, changes, stored, dirty, { planned: diagnostics, groups, signatures: saved, previous });
}

/** Whether two plans make the same documents from the same records (their items aside). */
function samePlan(a: StoredPlan, b: StoredPlan): boolean {
  if (a.files.length !== b.files.length) return false;
  for (let i = 0; i < a.files.length; i++) if (a.files[i] !== b.files[i]) return false;
  const head = (p: StoredPlan): string => {
    const h = p.history;
    return JSON.stringify([p.kind, p.name ?? null, p.dir, p.content, p.precompress, h?.archive ?? null, h?.current ?? null, h?.prevArchive ?? null, h?.prevArchiveVersion ?? null, h?.nextArchive ?? null]);
  };
  return head(a) === head(b);
}
