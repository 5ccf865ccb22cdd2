/**
 * The catalogue of everything Dateline reports. Each entry has a permanent `code` (never reused or renamed:
 * people search for them), a severity, and a message that says what is wrong and what to write instead.
 * Messages carry no "Error:" prefix; location comes first when formatted (`file:line: field: message (CODE)`).
 */
import type { Diagnostic, Severity } from './types.js';
import { grouped } from './core/_numbers.js';

export interface CatalogueEntry<A extends unknown[]> {
  readonly code: string;
  readonly severity: Severity;
  readonly message: (...args: A) => string;
}

function entry<A extends unknown[]>(code: string, severity: Severity, message: (...args: A) => string): CatalogueEntry<A> {
  return { code, severity, message };
}

/**
 * Characters a terminal acts on or a reader cannot see, which JSON.stringify leaves as they are: C1
 * controls, direction marks and controls, line and paragraph separators. Printed as escapes, as it
 * prints C0 controls (`\u001b`), so that a message cannot colour or turn round what follows it.
 */
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escaped = (s: string): string => s.replace(UNSEEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Lines for a terminal: what `escaped` escapes, but for their line breaks (the import's report of each story). */
export const printable = (text: string): string => text.replace(UNSEEN, (c) => (c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
/** What the system's codes mean for a file, in words. */
const CODE_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file', EISDIR: 'a directory is in the way of the file', ENOTDIR: 'a file is in the way of a directory on its path', EACCES: 'no permission',
  EPERM: 'not permitted: the file may be immutable or another user\'s', ENOSPC: 'no space left on the device, or no inodes', EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only', ENAMETOOLONG: 'the name is too long for the file system', EMFILE: 'too many files open', ELOOP: 'a loop of links',
};
/** The system's code of a failure (`ENOENT`), when it has one. */
export const systemCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
/** Why an operation failed, for a message: the system's code, or else the error's message. */
export const failureReason = (e: unknown): string => systemCode(e) ?? (e instanceof Error ? e.message : String(e));
/** A system's code with what it means (`ENOENT (no such file)`); another reason as it is. */
export const withWords = (code: string): string => (CODE_WORDS[code] === undefined ? code : `${code} (${CODE_WORDS[code]})`);
/** What the system's codes mean for a directory, where they differ from a file's. */
const DIR_WORDS: Readonly<Record<string, string>> = { ENOENT: 'no such directory', ENOTDIR: 'not a directory, or a file is in the way on its path' };
/** A system's code with what it means for a directory, to stand in brackets (`(ENOENT: no such directory)`). */
const dirWords = (code: string): string => {
  const words = DIR_WORDS[code] ?? CODE_WORDS[code];
  return words === undefined ? code : `${code}: ${words}`;
};
/** The longest value a message quotes whole; a longer one is cut, with its length. */
const QUOTED_MAX = 200;
/** A value quoted in a message: escaped, and cut when long (a 5,000-character URL was one line of 5,000). */
const q = (s: string): string =>
  s.length <= QUOTED_MAX ? escaped(JSON.stringify(s)) : `${escaped(JSON.stringify(s.slice(0, QUOTED_MAX - 40)).slice(0, -1))}…" (${grouped(s.length)} characters)`;

/** What an e-mail field must hold (records and the configuration alike). */
export const EMAIL_EXPECTED = 'expected an e-mail address such as "desk@example.com" (in ASCII, without quotes or "mailto:")';

export const Errors = {
  // ----- Reading files -----
  FileUnreadable: entry('E_FILE_UNREADABLE', 'error', (reason: string) => `cannot read the file: ${withWords(reason)}`),
  RecordChanged: entry('E_RECORD_CHANGED', 'error', (how: string) =>
    `the file changed while the build was using it (${how}); nothing was written: build again`),
  DirUnreadable: entry('E_DIR_UNREADABLE', 'error', (reason: string) => `cannot list the directory (${dirWords(reason)}): the records in it were not read`),
  NotUtf8: entry('E_NOT_UTF8', 'error', (bytes: string) =>
    `the file is not UTF-8 (from the bytes ${bytes}): its text would be changed where it cannot be decoded; save it as UTF-8`),
  ArticlesDirMissing: entry('E_ARTICLES_DIR_MISSING', 'error', (reason: string) =>
    `cannot read the articles directory (${dirWords(reason)}); create it or set "articlesDir" in the configuration`),
  FrontMatterMissing: entry('E_FRONT_MATTER_MISSING', 'error', (why?: string) =>
    `no front matter${why === undefined ? '' : ` (${why})`}: a Markdown record starts with a line "---", then YAML fields, then "---"`),
  FrontMatterUnclosed: entry('E_FRONT_MATTER_UNCLOSED', 'error', (atLastField: boolean) =>
    `front matter is not closed: add a line "---" ${atLastField ? 'under this line, its last field' : 'after the last field'}`),
  YamlSyntax: entry('E_YAML_SYNTAX', 'error', (detail: string) => `YAML syntax error: ${detail}`),
  JsonSyntax: entry('E_JSON_SYNTAX', 'error', (detail: string) => `JSON syntax error: ${detail}`),
  RecordNotObject: entry('E_RECORD_NOT_OBJECT', 'error', (got: string) => `expected a mapping of fields, got ${got}`),
  RecordTooDeep: entry('E_RECORD_TOO_DEEP', 'error', (limit: number) =>
    `nests lists or mappings over ${limit} levels deep, where a record's fields go three deep at most: the record is not read; check where the file came from`),

  // ----- Fields -----
  FieldMissing: entry('E_FIELD_MISSING', 'error', () => 'required field is missing'),
  FieldType: entry('E_FIELD_TYPE', 'error', (expected: string, got: string) => `expected ${expected}, got ${got}`),
  FieldEmpty: entry('E_FIELD_EMPTY', 'error', () => 'must not be empty'),
  FieldUnknown: entry('E_FIELD_UNKNOWN', 'error', (suggestion?: string) =>
    suggestion === undefined ? 'unknown field' : `unknown field; did you mean ${q(suggestion)}?`),
  BodyConflict: entry('E_BODY_CONFLICT', 'error', () => 'give the body once: either "content_html" or "body", not both'),
  UrlInvalid: entry('E_URL_INVALID', 'error', (value: string) => `expected an absolute http(s) URL, got ${q(value)}`),
  UrlNoScheme: entry('E_URL_INVALID', 'error', (value: string, host: string) =>
    `${q(value)} starts with what looks like a host name, ${q(host)}, but has no "https://", so it would be a path of this site; write the whole URL ("https://${value}"), or a path from the site's root ("/${value}")`),
  UrlNetworkPath: entry('E_URL_INVALID', 'error', (value: string, host: string) =>
    `${q(value)} starts with two slashes, which makes ${q(host)} the host; write a path from the site's root with one slash, or the whole URL`),
  UrlIsStory: entry('E_URL_INVALID', 'error', (value: string) =>
    `${q(value)} leads to the story itself: give the photo's, person's or agency's own URL, or leave the field out`),
  UrlEmpty: entry('E_FIELD_EMPTY', 'error', () => 'must not be empty: leave the field out when there is no link'),
  EmailInvalid: entry('E_EMAIL_INVALID', 'error', (value: string) => `${EMAIL_EXPECTED}, got ${q(value)}`),
  ImageType: entry('E_IMAGE_TYPE', 'error', (value: string) =>
    `expected an image's media type such as "image/jpeg" or "image/png", got ${q(value)} (or leave it out: the URL's ending gives it)`),
  ImageTypeMeant: entry('W_IMAGE_TYPE', 'warning', (value: string, meant: string) =>
    `${q(value)} is no media type: the feeds say "${meant}", which it means; write that in the record`),
  LanguageInvalid: entry('E_LANGUAGE_INVALID', 'error', (value: string) =>
    `expected a language tag such as "en" or "zh-CN", got ${q(value)}`),
  IdInvalid: entry('E_ID_INVALID', 'error', (value: string) =>
    `ids are permanent keys without spaces or control characters, got ${q(value)}`),
  IdNotUri: entry('W_ID_NOT_URI', 'warning', (value: string) =>
    `${q(value)} holds what a URI cannot (" < > \\ ^ \` { | } [ ], a % that starts no escape such as %7C, a second #, or a character outside ASCII such as 新; in a urn:, a namespace of one letter or any of / ? # ~ &): the feeds carry it as it is, and validators call the Atom id and the RSS guid invalid; a new story's id should not (a published id never changes)`),
  IdScheme: entry('W_ID_SCHEME', 'warning', (value: string, scheme: string) =>
    `${q(value)} is read as a URI of its own, in the scheme "${scheme}:", which no one gives ids out in: the feeds carry it without the site's idPrefix, so another site's ${q(value)} is the same id to an aggregator, which may take one story for the other; a new story's id should be a plain id (the prefix makes it the site's), or a tag:, urn: or http(s): URI (a published id never changes)`),
  LinkShared: entry('W_LINK_SHARED', 'warning', (url: string, other: string) =>
    `links to ${q(url)}, as ${other} does: readers and aggregators that tell stories apart by their link show only one of the two; give each its own "url" (a record without one links to its path with ".html"), or, for one story filed twice, delete a record or make it a draft`),
  // An error, which stops the build before planning: sources/_newest.ts relies on that.
  IdDuplicate: entry('E_ID_DUPLICATE', 'error', (id: string, other: string) =>
    `id ${q(id)} is already used by ${other}; every article needs its own permanent id`),

  // ----- Time -----
  DateFormat: entry('E_DATE_FORMAT', 'error', (value: string, why?: string) =>
    `expected a desk time like "2025-02-05 09:24" (publisher zone) or an instant like "2025-02-05T09:24:00+08:00", got ${q(value)}${why === undefined ? '' : `: ${why}`}`),
  DateOnlyFormat: entry('E_DATE_FORMAT', 'error', (value: string, why?: string) => `expected a local date like "2025-02-04", got ${q(value)}${why === undefined ? '' : `: ${why}`}`),
  DateNonexistent: entry('E_DATE_NONEXISTENT', 'error', (value: string, zone: string, earlier?: string) =>
    `${q(value)} does not exist in ${zone}: the clocks go forward past it (a daylight-saving change, or a new standard offset); write the instant with an explicit offset${earlier === undefined ? '' : ` (read off the clock before the change, it is ${q(earlier)})`}`),
  DateAmbiguous: entry('E_DATE_AMBIGUOUS', 'error', (value: string, zone: string, candidates: string[]) =>
    `${q(value)} happens twice in ${zone} (${candidates.join(' or ')}); write the one you mean with its offset`),
  DateOutOfRange: entry('E_DATE_RANGE', 'error', (value: string, instant: string) =>
    `${q(value)} is ${instant}: feeds write four-digit years, from 0001 to 9999, in UTC, in the publisher zone and at the dateline alike; check the year`),
  ZoneUnknown: entry('E_ZONE_UNKNOWN', 'error', (zone: string, advice: string) => `unknown time zone ${q(zone)}; ${advice}`),
  ZoneFixed: entry('W_ZONE_FIXED', 'warning', (zone: string, advice: string) => `${q(zone)} is read as the tz database has it, fixed all year; ${advice}`),
  UpdatedBeforeDate: entry('E_UPDATED_BEFORE_DATE', 'error', (updated: string, date: string) =>
    `${q(updated)} is earlier than the first publication ${q(date)}; "updated" is the last correction, never before "date"`),
  DatelineZoneNeeded: entry('E_DATELINE_ZONE_NEEDED', 'error', (style: string) =>
    `the ${style} house style prints the local date at the dateline city: give "dateline.timezone" (IANA) or an explicit "dateline.date"`),
  DatelineNotChinese: entry('W_DATELINE_STYLE', 'warning', (printed: string) =>
    `the xinhua-zh house style prints a Chinese dateline (新华社北京2月5日电), and this one would read ${q(printed)}: give the city (and the agency) in Chinese, or the record a language with another style`),

  // ----- Content -----
  CharsStripped: entry('W_CHARS_STRIPPED', 'warning', (count: number) =>
    `removed ${count} character${count === 1 ? '' : 's'} that XML 1.0 forbids or discourages (control characters, U+FFFE/U+FFFF or lone surrogates)`),
  // (Twenty tags named at most, and what else went: a body of 60,000 made-up tags made a warning of 589 KB. Review.)
  UnsafeMarkup: entry('W_UNSAFE_MARKUP', 'warning', (what: string[]) => {
    const tags = what.filter((w) => w.startsWith('<'));
    const more = tags.length > 20 ? [`${grouped(tags.length - 20)} more tags`] : [];
    return `removed unsafe markup from the content: ${[...tags.slice(0, 20), ...more, ...what.filter((w) => !w.startsWith('<'))].join(', ')}`;
  }),
  BodyTooDeep: entry('W_BODY_TOO_DEEP', 'warning', (markdown: boolean) => markdown
    ? 'the Markdown nests lists or quotes too deep to render (more than 100 levels), or HTML elements more than 1,000 deep: the content is its text, paragraph by paragraph'
    : 'the HTML nests elements more than 1,000 deep, which would take seconds to sanitise: the content is its text, without the markup'),
  BodyTableTooLarge: entry('W_BODY_TABLE_TOO_LARGE', 'warning', (why: 'padding' | 'cells') => why === 'padding'
    ? 'the Markdown\'s tables have rows that fill few of their header\'s columns, and would be more than 10,000 empty cells (megabytes in every feed): the content is its text, paragraph by paragraph'
    : 'the Markdown\'s tables have more than 50,000 cells in all, which would take seconds and hundreds of megabytes to render: the content is its text, paragraph by paragraph; a data set that large is better linked than printed'),
  BodyRenderFailed: entry('W_BODY_RENDER_FAILED', 'warning', (message: string) =>
    `marked, the Markdown renderer, failed on this body (${message}): the content is its text, paragraph by paragraph; reword the Markdown near lists and quotes to render it`),
  BodyTooSlow: entry('W_BODY_TOO_SLOW', 'warning', (why: 'runs' | 'links' | 'footnotes') => `the Markdown has ${why === 'runs'
    ? 'long runs or paragraphs full of `*` or `_` (tens of kilobytes, such as a pasted blob)'
    : why === 'links' ? 'long runs of links with no space between them (tens of thousands)' : 'tens of thousands of footnote marks (`[^`), or long lines of them'
  }, which would take seconds to render: the content is its text, paragraph by paragraph`),
  BidiUnclosed: entry('W_BIDI_UNCLOSED', 'warning', (count: number) =>
    `opens ${count} text direction control${count === 1 ? '' : 's'} (U+202A–U+202E, U+2066–U+2068) it does not close, which would turn round what readers print after it (the other names of a byline, the rest of a line): closed at the end of the field`),
  TextLooksLikeHtml: entry('W_TEXT_LOOKS_LIKE_HTML', 'warning', (sample: string) =>
    `contains markup (${q(sample)}), but feeds carry this field as plain text, so readers will show it literally; put formatting in the body`),
  NameHasEmail: entry('W_NAME_HAS_EMAIL', 'warning', (name: string, hasEmailField: boolean) =>
    `${q(name)} holds an e-mail address: feed readers take it for the address and cut the name${hasEmailField ? '; give the name alone and the address as "email"' : '; give the name alone'}`),
  CreditRepeated: entry('W_CREDIT_REPEATED', 'warning', (name: string, first: string) =>
    `${q(name)} is credited already at ${first}: the repeat is left out (an address, URL or place it adds goes to the first)`),
  CreditRepeatedOtherwise: entry('W_CREDIT_REPEATED', 'warning', (name: string, first: string) =>
    `${q(name)} is credited already at ${first}, with another address, URL or place: both are printed; leave one out, or merge them`),
  CreditAlsoByline: entry('W_CREDIT_REPEATED', 'warning', (name: string, byline: string) =>
    `${q(name)} is a byline too (${byline}): "contributed to this story" repeats the credit; leave one out, or give the contribution a role`),
  NameEmpty: entry('W_NAME_EMPTY', 'warning', (what: 'section' | 'tag') =>
    `the ${what} prints nothing (it is empty, or only spaces or invisible characters): left out, with no feed or category; give its name, or take it out`),
  ManyTags: entry('W_MANY_TAGS', 'warning', (count: number) =>
    `${grouped(count)} tags on one story, where wire copy carries a few dozen at most: with tag feeds on, each is a feed (and a WebSub ping) unless "feeds.tags" limits them with "minArticles" or "max"; check that the list was not split wrongly`),
  ManyAuthors: entry('W_MANY_AUTHORS', 'warning', (count: number) =>
    `${grouped(count)} bylines on one story, where a story carries a few: with author feeds on, each is a feed (and a WebSub ping) that carries every one of them, unless "feeds.authors" limits them with "minArticles" or "max"; check that the list was not split wrongly`),
  TagRepeated: entry('W_TAG_REPEATED', 'warning', (name: string, first: number) =>
    `${q(name)} is given twice (first as tags[${first}]): a story carries a tag once, so the repeat is left out; take it out of the list`),
  NoArticles: entry('W_NO_ARTICLES', 'warning', (dir: string) => `no published articles found under ${dir}`),
  RecordsLeftOut: entry('W_RECORDS_LEFT_OUT', 'warning', (names: readonly string[]) =>
    `${names.length === 1 ? '1 file is' : `${grouped(names.length)} files are`} named like a record but not read as one (records end in .md, .markdown or .json): ${names.slice(0, 5).map(q).join(', ')}${names.length > 5 ? `, and ${grouped(names.length - 5)} more` : ''}`),
  ArticlesEmpty: entry('E_ARTICLES_EMPTY', 'error', (dir: string) =>
    `no records found under ${dir}, and the feeds the last build wrote have stories (an articles directory emptied by mistake, or not mounted, would take every story out of every feed); pass --allow-empty if the site has no stories now`),
  DateEarly: entry('W_DATE_EARLY', 'warning', (value: string) =>
    `${q(value)} is before 1605, the year of the first printed newspaper: check the year (the story goes out dated so)`),
  DateFuture: entry('W_DATE_FUTURE', 'warning', (value: string, ahead: string, updated: boolean = false) =>
    updated
      ? `${value} is ${ahead} after this machine's clock: the feeds' update times and Last-Modified follow the story's update until then; check the date and its zone`
      : `${value} is ${ahead} after this machine's clock: the story is published now, at the top of its feeds, and the feeds' update times and Last-Modified follow it until then; check the date and its zone`),
  DatelineDateLater: entry('W_DATELINE_DATE', 'warning', (date: string, city: string, there: string) =>
    `${date} is later than the day the story was first published in ${city} (${there}); a story is datelined on or before that day: check the dateline's date, or the record's "date"`),
  NoText: entry('W_NO_TEXT', 'warning', (photos: boolean = false) =>
    photos
      ? 'the body holds photos and no text, and the record has no summary: its items carry no text but the headline (in full-content feeds, the photos, and its dateline and credits if any); give a summary, or a caption under the photo, or Atom validators warn MissingTextualContent in feeds of summaries'
      : 'the record has no body and no summary: its items carry no text but the headline (and in full-content feeds its dateline, photo and credits, if any); Atom validators warn MissingTextualContent on such entries'),
  SlugCollision: entry('W_SLUG_COLLISION', 'warning', (kind: string, names: { name: string; file?: string | undefined }[], paths: string[], feeds: boolean[] = []) =>
    `the ${kind} names ${names.map((n) => (n.file === undefined ? q(n.name) : `${q(n.name)} (${n.file})`)).join(', ')} make the same path; their paths are ` +
    `${paths.map((p, i) => (feeds[i] === false ? `${p} (no feed now: too few stories for "minArticles", or beyond "max")` : p)).join(', ')}` +
    ' (use one spelling if they are the same thing; the spelling first published keeps the path)'),

  // ----- Importing wire copy -----
  ImportEmpty: entry('E_IMPORT_EMPTY', 'error', () => 'the file is empty: there is no copy to import'),
  ImportSecondStory: entry('E_IMPORT_SECOND_STORY', 'error', (headline: string) =>
    `a second story starts here (${q(headline)}, a headline and its stamp): put each story in a file of its own; nothing was imported from this file`),
  ImportBinary: entry('E_IMPORT_BINARY', 'error', (why: 'nul' | 'replaced' = 'nul') =>
    why === 'nul'
      ? 'the file is not text: it holds NUL bytes, as a picture, a PDF, a word processor\'s document or Outlook\'s .msg does; import raw text, an e-mail saved as .eml, NITF, NewsML-G2, ninjs or a feed'
      : 'the text holds U+FFFD, the mark of bytes that were not UTF-8 when it was read: read the copy as UTF-8 (or save it so) and import it again'),
  ImportFormatUnknown: entry('E_IMPORT_FORMAT', 'error', (what: string) =>
    `${what}; pass --format text, nitf, newsml, ninjs or feed if the detection is wrong`),
  ImportMessageUnreadable: entry('E_IMPORT_MESSAGE', 'error', (why: string) =>
    `the file opens as a saved e-mail message, but its MIME structure cannot be read (${why}): save the message again from the mail client, or paste its text into a file`),
  ImportFormatGiven: entry('E_IMPORT_FORMAT', 'error', (found: string) => `this is ${found}, not raw text: import it without --format text`),
  ImportNoHeadline: entry('E_IMPORT_NO_HEADLINE', 'error', (where: string) => `no headline: ${where}`),
  // (A stamp in a form not read says how to write it; copy with no stamp at all gets the general advice.)
  ImportNoDate: entry('E_IMPORT_NO_DATE', 'error', (where: string, unread = false) =>
    `no date: ${where}${unread ? '' : '; a zone alone gives no instant, so add the stamp to the copy or write the record by hand'}`),
  ImportDatelineZone: entry('W_IMPORT_DATELINE_ZONE', 'warning', (detail: string) => detail),
  ImportNotPublished: entry('E_IMPORT_NOT_PUBLISHED', 'error', (status: string, advice: string) =>
    `not published: the agency marked this story ${status}; ${advice}`),
  ImportXmlSyntax: entry('E_IMPORT_XML', 'error', (detail: string) => `the XML is not well-formed: ${detail}`),
  ImportTooDeep: entry('E_IMPORT_TOO_DEEP', 'error', () =>
    'the copy nests its markup over a thousand levels deep, too deep to read; no wire copy does: check where the file came from'),
  ImportRecordExists: entry('E_IMPORT_EXISTS', 'error', (id: string, path: string) =>
    `a different record with id ${q(id)} already exists at ${path}; pass --force to replace it (the old file is kept as a backup)`),
  ImportRecordNewer: entry('E_IMPORT_EXISTS', 'error', (id: string, path: string, record: string, copy: string) =>
    `a different record with id ${q(id)} already exists at ${path}, stamped ${q(record)}, later than this copy's ${q(copy)}: if this is an earlier edition of that story, leave it (--force would put its text over the later one); if it is another story of the same headline, give the copy an id line of its own under its headline ("ID: …") and import it again`),
  ImportPublishedBefore: entry('E_IMPORT_EXISTS', 'error', (id: string, path: string, record: string, copy: string) =>
    `a different record with id ${q(id)} already exists at ${path}, first published ${q(record)}, after this copy's ${q(copy)}: if this is another story of the same headline, give the copy an id line of its own under its headline ("ID: …") and import it again; if it is this story's first edition, fix the record's date (--force would put this text over the record's)`),
  ImportPublishedAfter: entry('E_IMPORT_EXISTS', 'error', (id: string, path: string, record: string, copy: string) =>
    `a different record with id ${q(id)} already exists at ${path}, first published ${q(record)}, before this copy's ${q(copy)}: if this is another story of the same headline, give the copy an id line of its own under its headline ("ID: …") and import it again; if it is a correction of that story, pass --force to replace it (the old file is kept as a backup)`),
  ImportPathTaken: entry('E_IMPORT_EXISTS', 'error', (path: string) =>
    `${path}, where this story's record goes, holds a file that cannot be read as a record: fix it (it may be this story's record), or move it, or pass --force to replace it (the old file is kept as a backup)`),
  ImportWithdrawnLive: entry('E_IMPORT_WITHDRAWN_LIVE', 'error', (id: string, path: string) =>
    `the story ${q(id)} is published from ${path}: take it down (draft: true), or import this notice again with --force, which sets that in the record`),
  ImportTakeDownFailed: entry('E_IMPORT_WITHDRAWN_LIVE', 'error', (id: string, path: string) =>
    `the story ${q(id)} is published from ${path}, and its front matter could not be edited: set draft: true in it by hand`),
  ImportDirUnreadable: entry('E_IMPORT_DIR_UNREADABLE', 'error', (reason: string) =>
    `cannot list the directory (${dirWords(reason)}): a story whose record is in it would be given a second one, so nothing was imported`),
  ImportTakenDown: entry('W_IMPORT_TAKEN_DOWN', 'warning', (id: string, path: string) =>
    `the agency withdrew the story ${q(id)}, and it is taken down: ${path} now has draft: true (the old file is kept as a backup)`),
  ImportCopyUnlisted: entry('E_IMPORT_COPY_UNLISTED', 'error', (reason: string) => `cannot list the directory (${dirWords(reason)}): the copy in it was not imported`),
  ImportLeftOut: entry('W_IMPORT_LEFT_OUT', 'warning', (left: number, examples: string, found: number) =>
    `${found === 0 ? 'no copy found in it' : `${grouped(found)} ${found === 1 ? 'file' : 'files'} of copy found in it`}` +
    (left === 0 ? '' : `; ${grouped(left)} other ${left === 1 ? 'file was' : 'files were'} left out (${examples}): name one to import it`) +
    ' (hidden files, the configuration, and the articles and output directories, are never read as copy)'),
  ImportWriteFailed: entry('E_IMPORT_WRITE_FAILED', 'error', (path: string, reason: string) => `cannot write the record ${q(path)} (${reason}): nothing was written for this story`),
  ImportAlreadyDown: entry('W_IMPORT_TAKEN_DOWN', 'warning', (id: string, path: string) =>
    `the agency withdrew the story ${q(id)}; ${path} is already a draft`),
  ImportOlderEdition: entry('W_IMPORT_OLDER_EDITION', 'warning', (path: string, record: string, copy: string) =>
    `the record at ${path} is stamped ${q(record)}, later than this copy's ${q(copy)}: if this is an earlier edition, its text replaced a later one's (the .bak file holds it)`),
  ImportNeedsAttention: entry('W_IMPORT_NEEDS_ATTENTION', 'warning', (problem: string) => `the build will refuse this record until it is fixed: ${problem}`),
  ImportBuildWarning: entry('W_IMPORT_BUILD_WARNING', 'warning', (problem: string) => `the build will warn about this record: ${problem}`),

  // ----- Configuration -----
  ConfigUnreadable: entry('E_CONFIG_UNREADABLE', 'error', (reason: string) =>
    reason === 'ENOENT'
      ? 'no such file; create it (the README lists the settings) or pass --config FILE'
      : `cannot read the configuration: ${withWords(reason)}`),
  ConfigInvalid: entry('E_CONFIG_INVALID', 'error', (detail: string) => detail),
  DirsOverlap: entry('E_DIRS_OVERLAP', 'error', (what: string, inner: string, outerWhat: string, outer: string, same: boolean = inner === outer) =>
    `${what} "${inner}" is ${same ? 'the same directory as' : 'inside'} ${outerWhat} "${outer}": ` +
    (what === 'the cache directory'
      ? outerWhat === 'the articles directory'
        ? 'the build would read the cache\'s files as records; choose directories apart (a hidden one, such as .cache among the articles, is never read)'
        : 'the cache holds the records\' data (drafts too), which would be published with the feeds; choose directories apart'
      : outerWhat === 'the articles directory'
        ? 'the build would read its own files as records (and could replace a record with a feed); choose directories apart'
        : 'the records (drafts too) would be published with the feeds; choose directories apart')),

  // ----- Writing -----
  DocumentTooLarge: entry('E_DOCUMENT_TOO_LARGE', 'error', (size: string, limit: string, remedy: string) =>
    `the document would be ${size}, and ${limit}: ${remedy}`),
  DocumentLarge: entry('W_DOCUMENT_LARGE', 'warning', (size: string, remedy: string) =>
    `the document is ${size}: many feed readers and aggregators will not fetch a document this large; ${remedy}`),
  CacheNotSaved: entry('W_CACHE_NOT_SAVED', 'warning', (reason: string) =>
    `the cache could not be written (${reason}): the feeds are written, but the next build may not be able to use it`),
  PingsNotRemembered: entry('W_PINGS_NOT_REMEMBERED', 'warning', (reason: string) =>
    `could not remember the pings not sent (${reason}): the next build --ping will not send them`),
  StaleKept: entry('W_STALE_KEPT', 'warning', (why: string) =>
    `a feed file the last build wrote, which this build no longer makes, was left in place (${why}): servers still send it; remove it by hand if it should go`),
  OutputName: entry('E_OUTPUT_NAME', 'error', (name: string) =>
    `${q(name)} is no name of a file inside the output directory: give a relative path of named parts, "/" between them (no leading "/", no "." or ".." part, no empty part, no "\\" or NUL, and no part named like the stages' own ".dateline-stage-…")`),
  StageEnded: entry('E_STAGE_ENDED', 'error', () => 'this output stage has ended already (its commit or abort was called): a file put now would never be written; start a new OutputStage'),
  Interrupted: entry('E_INTERRUPTED', 'error', () => 'the build was interrupted before any file was replaced: the directory is as it was'),
  WriteFailed: entry('E_WRITE_FAILED', 'error', (reason: string, replaced = 0, of = 0) =>
    `cannot write the output: ${reason}; ${replaced === 0 ? 'the previous output is untouched' : `${replaced} of ${of} files were already replaced (the manifest is the old one); build again once it is fixed`}`),
} as const;

export interface Location {
  file?: string;
  line?: number;
  field?: string;
}

/** Makes a diagnostic from a catalogue entry. */
export function diagnostic<A extends unknown[]>(e: CatalogueEntry<A>, where: Location, ...args: A): Diagnostic {
  const d: Diagnostic = { code: e.code, severity: e.severity, message: e.message(...args) };
  if (where.file !== undefined) d.file = where.file;
  if (where.line !== undefined) d.line = where.line;
  if (where.field !== undefined) d.field = where.field;
  return d;
}

/** `path:line: field: message (CODE)`, the one form every diagnostic is printed in. */
export function formatDiagnostic(d: Diagnostic): string {
  // (A file's name and a key are the desk's: `e\u001b[32m.md` printed raw coloured the terminal.)
  const place = d.file === undefined ? '' : `${escaped(d.file)}${d.line === undefined ? '' : `:${d.line}`}: `;
  const field = d.field === undefined ? '' : `${escaped(d.field)}: `;
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${place}${field}${level}${d.message} (${d.code})`;
}

/** Thrown for problems that stop a run (bad configuration, unwritable output); carries every diagnostic. */
export class DatelineError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], options?: { cause?: unknown }) {
    super(diagnostics.map(formatDiagnostic).join('\n'), options);
    this.name = 'DatelineError';
    this.diagnostics = diagnostics;
  }
}
