/** What every importer produces: article records in the shape the build reads, plus what it could not use. */
import type { Diagnostic } from '../types.js';

export type ImportFormat = 'text' | 'nitf' | 'newsml' | 'ninjs' | 'feed';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['text', 'nitf', 'newsml', 'ninjs', 'feed'];

export interface ImportContext {
  /** The file as shown in messages. */
  file: string;
  /** The publisher's IANA zone: wall-clock stamps without an offset are read in it. */
  timezone: string;
}

/**
 * One story. `fields` uses the record field names (id, title, date, …) with values as a record would hold
 * them: dates as strings (`2025-02-05 09:24` in the publisher zone, or with an offset), no undefined.
 */
export interface ImportedStory {
  fields: RecordFieldsOut;
  /** Markdown body: every paragraph of the copy, in order, separated by blank lines. */
  body: string;
  /** What the copy held that the importer could not interpret, quoted, for the report. */
  notes: string[];
}

export interface RecordFieldsOut {
  id: string;
  title: string;
  url?: string;
  date: string;
  updated?: string;
  section?: string;
  tags?: string[];
  summary?: string;
  language?: string;
  authors?: (string | { name: string; url?: string; email?: string })[];
  agency?: { name: string; via?: string; url?: string };
  contributors?: { name: string; location?: string; role?: string }[];
  dateline?: { city: string; country?: string; timezone?: string; date?: string };
  image?: { url?: string; caption?: string; credit?: string; type?: string; width?: number; height?: number };
  rights?: string;
  draft?: boolean;
}

export interface ImportResult {
  stories: ImportedStory[];
  /** Problems located in the input file (errors mean the file could not be imported). */
  diagnostics: Diagnostic[];
  /** A story the agency withdrew (a kill notice), by the copy's own id, so an earlier record of it can be found. */
  withdrawn?: { id: string; status: string };
}

export type Importer = (text: string, ctx: ImportContext) => ImportResult;
