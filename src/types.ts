// ----- Diagnostics -----

export type Severity = 'error' | 'warning';

/** One problem found in the input, located as precisely as we can. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Path of the file as given to the loader (relative to the working directory where possible). */
  file?: string;
  /** 1-based line in the file of the offending key. */
  line?: number;
  /** Dotted field path, e.g. `dateline.timezone` or `authors[1].name`. */
  field?: string;
  message: string;
}

// ----- Site configuration -----

export type DatelineStyle = 'xinhua' | 'ap' | 'reuters' | 'xinhua-zh' | 'plain';
export const DATELINE_STYLES: readonly DatelineStyle[] = ['xinhua', 'ap', 'reuters', 'xinhua-zh', 'plain'];

export interface Person {
  name: string;
  url?: string;
  email?: string;
}

/** A wide image for the feed: its URL, and its size in pixels when known. */
export interface FeedLogo {
  url: string;
  width?: number;
  height?: number;
}

export interface SiteConfig {
  title: string;
  /** Home page of the site; relative article paths resolve against it. Ends with `/`. */
  siteUrl: string;
  /** Where the feeds are served from; `rss.xml`, `atom.xml`, `feed.json` resolve against it. Ends with `/`. */
  feedBaseUrl: string;
  description: string;
  language: string;
  copyright?: string;
  /** Square (JSON Feed's `icon`, 512 × 512 is usual); Atom's `logo` and RSS's `image` too when there is no `logo`. */
  icon?: string;
  favicon?: string;
  /** Wide: Atom's `logo` and RSS's `image`, with its size in pixels (RSS: at most 144 wide, 400 high). */
  logo?: FeedLogo;
  author?: Person;
  /** Prefix that turns a desk id into a permanent URI, e.g. `tag:news.example.com,2025:`. */
  idPrefix: string;
  /** IANA zone in which desks write wall-clock times, e.g. `Asia/Shanghai`. */
  timezone: string;
  /** House style of datelines, by article language; `default` applies to every other language. */
  datelineStyle: { default: DatelineStyle } & Record<string, DatelineStyle>;
  /** AP and plain styles carry a date only when this is true. */
  datelineDated: boolean;
  itemsPerFeed: number;
  /** Minutes a reader may cache the feed (RSS `ttl`). */
  ttl: number;
  /** WebSub hub URL, announced in every feed. */
  hub?: string;
  articlesDir: string;
  outDir: string;
  /** Feeds beyond the main one: per section, tag and author, and RFC 5005 monthly archives. */
  feeds: FeedsConfig;
}

/** What a feed's items carry: the full content, or only the summary (cheaper, for large sets of feeds). */
export type ContentMode = 'full' | 'summary';

/** One family of feeds (sections, tags or authors), when switched on. */
export interface GroupFeedsConfig {
  itemsPerFeed: number;
  content: ContentMode;
  /** Only names with at least this many published articles get a feed. */
  minArticles: number;
  /** At most this many feeds, the names with most articles first (ties by name); unlimited when absent. */
  max?: number;
  /** Write `.gz`/`.br` siblings (and manifest encodings) for these feeds. */
  precompress: boolean;
}

export interface ArchiveFeedsConfig {
  content: ContentMode;
  precompress: boolean;
}

export interface FeedsConfig {
  sections?: GroupFeedsConfig;
  tags?: GroupFeedsConfig;
  authors?: GroupFeedsConfig;
  archives?: ArchiveFeedsConfig;
  /** Brotli quality (0–11) of the `.br` siblings; 11 is smallest and slowest. */
  brotliQuality: number;
}

// ----- Article records (after validation) -----

export interface Agency {
  name: string;
  via?: string;
  url?: string;
}

export interface Contributor {
  name: string;
  location?: string;
  role?: string;
}

export interface DatelineField {
  city: string;
  country?: string;
  timezone?: string;
  /** Explicit local date at the dateline city, `YYYY-MM-DD`, from agency copy. */
  date?: string;
}

export interface ImageField {
  /** Absent when the copy printed a caption and credit but the desk has no image URL (yet). */
  url?: string;
  caption?: string;
  credit?: string;
  type?: string;
  width?: number;
  height?: number;
}

export type Body = { kind: 'markdown'; text: string } | { kind: 'html'; text: string };

/** A validated article record: every date is a true instant, every URL absolute. */
export interface Article {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated?: Date;
  section?: string;
  tags: string[];
  summary?: string;
  /** The summary made from the body's first paragraph, when the record has none and a reader already made it. */
  excerpt?: string;
  language?: string;
  authors: Person[];
  agency?: Agency;
  contributors: Contributor[];
  dateline?: DatelineField;
  image?: ImageField;
  rights?: string;
  draft: boolean;
  body: Body;
  /** Where the record came from, for messages. */
  file: string;
  /** Line where the body starts (or its key, in JSON), for messages about content. */
  bodyLine?: number;
}

// ----- Raw records (what sources hand to the core) -----

/** A source location of a value: the line of its key. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;
/** The text of a scalar value as the file writes it (`007`, `1.50`), where the reader can tell. */
export type SourceOf = (path: readonly (string | number)[]) => string | undefined;

/** One record as read from disk, before validation. */
export interface RawRecord {
  file: string;
  kind: 'markdown' | 'json';
  /** Front matter (or JSON object) as plain data. */
  data: unknown;
  /** Markdown body below the front matter (markdown records only). */
  body?: string;
  /** Line of the key at `path` in the file; the front matter's first line when unknown. */
  lineOf: LineOf;
  /** The value at `path` as written, for messages (a number YAML read from `007`). */
  sourceOf?: SourceOf;
  /** Path of the file relative to the articles directory, without extension (for derived URLs). */
  slugPath: string;
  /**
   * Set when the reader found no character XML forbids anywhere in the file and nothing it decoded can
   * add one (no escapes in the front matter): validation then need not look at each value.
   */
  clean?: true;
  /**
   * Set when no value can hold `<`, `&` or a text direction control (the front matter has none, nor an
   * escape that could make one): validation then need not look for markup or open controls in each value.
   */
  noMarkup?: true;
}

/**
 * A record as a library caller may give it to `validateRecords`: `kind` (`markdown` when there is a
 * `body`), `lineOf` (no lines known) and `slugPath` (the file's path without its extension) may be left out.
 */
export type RecordInput = Omit<RawRecord, 'kind' | 'lineOf' | 'slugPath'> & Partial<Pick<RawRecord, 'kind' | 'lineOf' | 'slugPath'>>;

// ----- Neutral feed model -----

export type Format = 'rss' | 'atom' | 'json';
export const FORMATS: readonly Format[] = ['rss', 'atom', 'json'];

export interface Category {
  term: string;
  /** Taxonomy URI (`<category domain>`, Atom `scheme`). */
  scheme: string;
}

export interface Dateline {
  city: string;
  country?: string;
  timezone?: string;
  /** Local date at the dateline city, `YYYY-MM-DD`, when known. */
  date?: string;
  /** The dateline as printed in the house style, e.g. `WASHINGTON, Feb. 4 (Xinhua) --`. */
  text: string;
}

export interface FeedItem {
  /** Permanent id, identical in every format. */
  id: string;
  url: string;
  title: string;
  summary?: string;
  /** The full content; absent in feeds that carry only summaries (`content: "summary"`). */
  contentHtml?: string;
  published: Date;
  /** Newest change; equals `published` when the article was never updated. */
  updated: Date;
  language?: string;
  categories: Category[];
  /** People credited as creators: the bylines, or the agency when there is none. */
  creators: Person[];
  agency?: Agency;
  contributors: Contributor[];
  /** Printed credit lines appended to the content. */
  creditLines: string[];
  dateline?: Dateline;
  image?: ImageField;
  rights?: string;
}

export interface FeedModel {
  /** Permanent id of the feed (Atom `id`). */
  id: string;
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  /** Absolute URL of each format's document. */
  selfUrl: Record<Format, string>;
  hub?: string;
  /** Zone whose offset Atom and JSON Feed dates carry. */
  timezone: string;
  /** Newest change among the items; never the clock. */
  updated: Date;
  ttl: number;
  copyright?: string;
  icon?: string;
  favicon?: string;
  logo?: FeedLogo;
  author?: Person;
  /** The site's title: the Atom feed's author when there is no `author` (else the feed's own title). */
  siteTitle?: string;
  /** URL of an XSLT stylesheet for browsers (`<?xml-stylesheet?>` in RSS and Atom), absolute or relative to the feed. */
  stylesheet?: string;
  /** RFC 5005 paging: set on the subscription feed (its `prevArchive`) and on every archive document. */
  history?: FeedHistory;
  items: FeedItem[];
}

/** RFC 5005 archived-feed links, by format (each format's documents link to the same format). */
export interface FeedHistory {
  /** True on archive documents (`fh:archive`): their content is history, not the subscription. */
  archive: boolean;
  /** The subscription feed (`rel="current"`), on archive documents. */
  current?: Record<Format, string>;
  /** The next older archive document (`rel="prev-archive"`; JSON Feed `next_url`). */
  prevArchive?: Record<Format, string>;
  /** The next newer archive document (`rel="next-archive"`). */
  nextArchive?: Record<Format, string>;
}

/** Files a build produces, by name relative to the output directory: text (written as UTF-8) or bytes. */
export type Outputs = Map<string, string | Uint8Array>;

// ----- Serving (what the build records for servers) -----

/** One precompressed sibling of a served file. */
export interface EncodedVariant {
  /** File name relative to the output directory, e.g. `rss.xml.gz`. */
  file: string;
  /** Strong ETag of the compressed bytes (each representation has its own), quoted. */
  etag: string;
  bytes: number;
}

/** What a server needs to serve one built file cheaply and correctly. */
export interface ServedFile {
  /** Media type with charset, e.g. `application/rss+xml; charset=utf-8`. */
  type: string;
  /** Strong ETag derived from the bytes, quoted (`"sha256-…"`): the same on every machine. */
  etag: string;
  /** HTTP date (IMF-fixdate) of the newest item change, whole seconds. */
  lastModified: string;
  bytes: number;
  /** `Cache-Control: max-age` in seconds, consistent with the feed's ttl. */
  maxAge: number;
  encodings: { gzip?: EncodedVariant; br?: EncodedVariant };
  /** Targets of `Link` headers. */
  links: { self?: string; hub?: string };
}

/** Written by the build as `_dateline.json` in the output directory. */
export interface Manifest {
  version: 1;
  files: Record<string, ServedFile>;
}
