/**
 * Synthetic newsroom corpus for the full-build benchmark (issue 5).
 *
 * generateCorpus(dir, n, seed) writes, deterministically for a given (n, seed):
 *   dir/dateline.config.json          itemsPerFeed 50, publisher zone Asia/Shanghai (main feed only)
 *   dir/dateline.all.json             the same plus "feeds": sections, tags, authors and archives on
 *   dir/articles/YYYY/MM/<id>.md      Markdown records with YAML front matter
 *   dir/hugo/                         a minimal Hugo site over the same records (see writeHugoSite)
 *   dir/hugo-all/                     Hugo building the feeds dateline.all.json asks for, from hugo/content/
 *                                     (see writeHugoAllSite)
 * Records are generated and written one at a time (100k records are ~390 MB on disk, plus the same again in
 * the Hugo copy), so memory stays flat whatever n is.
 *
 * Bodies are ~3 KB of several paragraphs built from a small invented vocabulary (no copied prose), with
 * some emphasis, links and an occasional list or quote so that Markdown rendering has real work.
 * Dates are Asia/Shanghai wall-clock times spread over 2025 (Shanghai has no DST, so every one is valid).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'officials talks minister council budget harbour province ministry agency report growth exports rainfall ' +
  'delegation summit week morning evening district residents coalition parliament tariffs index shares ' +
  'railway bridge station hospital schools teachers farmers harvest drought flood storm coast border ' +
  'negotiators envoy ceasefire aid convoy shipment port market prices inflation rates bank lender court ' +
  'judge ruling appeal election ballot turnout candidate campaign survey analysts forecast quarter ' +
  'output factory workers union strike wages energy grid power outage pipeline reservoir river valley ' +
  'mountain highway airport flights passengers tourism festival museum exhibition team coach season ' +
  'league final record crowd stadium researchers study vaccine clinic patients doctors data network ' +
  'platform users privacy regulator licence mayor city county village plan project funding contract ' +
  'the the the a a of of of to to in in and and and for on with by from at after before during while ' +
  'said says announced expected would could will may might reported confirmed denied agreed rejected ' +
  'new early late major local national regional foreign domestic annual several further second final'
).split(/\s+/);

const SECTIONS = [
  'World', 'China', 'Asia-Pacific', 'Americas', 'Europe', 'Middle East', 'Africa', 'Business', 'Markets',
  'Technology', 'Science', 'Health', 'Environment', 'Sports', 'Culture', 'Travel', 'Opinion', 'Education',
  'Society', 'Lifestyle',
];

// ~200 tags: invented two-word topics plus some place names.
const TAG_A = ['Trade', 'Energy', 'Climate', 'Rail', 'Ports', 'Elections', 'Courts', 'Health', 'Space', 'Water',
  'Food', 'Housing', 'Tourism', 'Banking', 'Labour', 'Schools', 'Football', 'Tennis', 'Film', 'Art'];
const TAG_B = ['Policy', 'Talks', 'Data', 'Reform', 'Outlook', 'Crisis', 'Funding', 'Review', 'Summit', 'Watch'];
const TAGS = TAG_A.flatMap((a) => TAG_B.map((b) => `${a} ${b}`));

const PEOPLE = ['Li Wen', 'Zhang Hao', 'Mike Gu', 'Anna Berg', 'Kenji Sato', 'Priya Nair', 'Omar Haddad',
  'Lucia Ortega', 'Tom Reilly', 'Chen Yu', 'Sara Mensah', 'Ivan Petrov', 'Mei Lin', 'David Okoro',
  'Hana Kim', 'Paulo Reis', 'Nadia Aziz', 'Jonas Weber', 'Ama Owusu', 'Raj Patel'];
const AGENCIES = ['Xinhua', 'Reuters', 'AFP', 'AP', 'Kyodo', 'Yonhap', 'dpa', 'ANSA'];

const DATELINES: Array<[city: string, country: string, timezone: string]> = [
  ['Beijing', 'China', 'Asia/Shanghai'], ['Hong Kong', 'China', 'Asia/Hong_Kong'], ['Tokyo', 'Japan', 'Asia/Tokyo'],
  ['Seoul', 'South Korea', 'Asia/Seoul'], ['New Delhi', 'India', 'Asia/Kolkata'], ['Jakarta', 'Indonesia', 'Asia/Jakarta'],
  ['Sydney', 'Australia', 'Australia/Sydney'], ['Auckland', 'New Zealand', 'Pacific/Auckland'],
  ['Dubai', 'United Arab Emirates', 'Asia/Dubai'], ['Tehran', 'Iran', 'Asia/Tehran'], ['Cairo', 'Egypt', 'Africa/Cairo'],
  ['Nairobi', 'Kenya', 'Africa/Nairobi'], ['Lagos', 'Nigeria', 'Africa/Lagos'], ['Johannesburg', 'South Africa', 'Africa/Johannesburg'],
  ['Moscow', 'Russia', 'Europe/Moscow'], ['Berlin', 'Germany', 'Europe/Berlin'], ['Paris', 'France', 'Europe/Paris'],
  ['London', 'United Kingdom', 'Europe/London'], ['Madrid', 'Spain', 'Europe/Madrid'], ['Reykjavik', 'Iceland', 'Atlantic/Reykjavik'],
  ['Sao Paulo', 'Brazil', 'America/Sao_Paulo'], ['Buenos Aires', 'Argentina', 'America/Argentina/Buenos_Aires'],
  ['Mexico City', 'Mexico', 'America/Mexico_City'], ['New York', 'United States', 'America/New_York'],
  ['Washington', 'United States', 'America/New_York'], ['Chicago', 'United States', 'America/Chicago'],
  ['Denver', 'United States', 'America/Denver'], ['Los Angeles', 'United States', 'America/Los_Angeles'],
  ['Anchorage', 'United States', 'America/Anchorage'], ['Honolulu', 'United States', 'Pacific/Honolulu'],
  ['Kathmandu', 'Nepal', 'Asia/Kathmandu'], ['St. John\'s', 'Canada', 'America/St_Johns'],
];

export const CONFIG = {
  title: 'Bench Desk: World',
  siteUrl: 'https://news.example.com/',
  feedBaseUrl: 'https://news.example.com/feeds/',
  description: 'Synthetic newsroom corpus for the full-build benchmark.',
  language: 'en',
  copyright: 'Copyright 2025 Bench Desk.',
  author: { name: 'Bench Desk', url: 'https://news.example.com/' },
  idPrefix: 'tag:news.example.com,2025:',
  timezone: 'Asia/Shanghai',
  datelineStyle: { default: 'xinhua', zh: 'xinhua-zh' },
  itemsPerFeed: 50,
  ttl: 15,
};

/** Written as dir/dateline.all.json: every kind of feed, each with its defaults. */
export const ALL_CONFIG_FILE = 'dateline.all.json';
export const ALL_FEEDS = { sections: true, tags: true, authors: true, archives: true };

export interface CorpusRecord {
  /** Path under articles/ (and under hugo/content/). */
  path: string;
  /** Front matter YAML lines without the `date:` line (added per target). */
  frontMatter: string[];
  /** Desk wall-clock date in Asia/Shanghai, `YYYY-MM-DD HH:MM`. */
  date: string;
  body: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** YAML-safe double-quoted scalar. */
const q = (s: string): string => JSON.stringify(s);

/** The corpus's records, one at a time (the sequence for a given (n, seed) never changes). */
export function* recordStream(n: number, seed = 5): Generator<CorpusRecord> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const words = (k: number): string[] => Array.from({ length: k }, () => pick(WORDS));
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const sentence = (): string => {
    const w = words(int(8, 22));
    const i = int(0, w.length - 1);
    if (r() < 0.15) w[i] = `*${w[i]}*`;
    else if (r() < 0.08) w[i] = `[${w[i]}](https://news.example.com/ref/${int(1, 9999)})`;
    else if (r() < 0.08) w[i] = `**${w[i]}**`;
    return `${cap(w.join(' '))}.`;
  };
  const paragraph = (): string => Array.from({ length: int(3, 6) }, sentence).join(' ');

  const start = Date.UTC(2025, 0, 1);
  const year = 365 * 24 * 3600 * 1000;
  for (let i = 0; i < n; i++) {
    // Wall-clock Shanghai time: compute as if UTC and print the fields (no DST in Shanghai).
    const t = new Date(start + Math.floor(r() * year));
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    const ymd = date.slice(0, 10).replaceAll('-', '');
    const titleWords = words(int(5, 10));
    const slug = titleWords.slice(0, 4).join('-');
    const id = `bn-${ymd}-${slug}-${i}`;
    const fm: string[] = [`id: ${id}`, `title: ${q(cap(titleWords.join(' ')))}`, `section: ${q(pick(SECTIONS))}`];
    const tags = new Set<string>();
    for (let k = int(1, 4); k > 0; k--) tags.add(pick(TAGS));
    fm.push(`tags: [${[...tags].map(q).join(', ')}]`);
    const credit = r();
    // A story credits each person once (a repeat is W_CREDIT_REPEATED): a name drawn twice becomes the next
    // one not yet credited, with no extra draw, so the rest of the corpus is what it was.
    const credited = new Set<string>();
    const person = (drawn: string): string => {
      let name = drawn;
      for (let k = PEOPLE.indexOf(drawn); credited.has(name); ) name = PEOPLE[(k = (k + 1) % PEOPLE.length)]!;
      credited.add(name);
      return name;
    };
    if (credit < 0.45) fm.push(`authors: [${q(person(pick(PEOPLE)))}${r() < 0.3 ? `, ${q(person(pick(PEOPLE)))}` : ''}]`);
    else if (credit < 0.75) fm.push(`agency: { name: ${pick(AGENCIES)}, via: Agencies }`);
    else {
      fm.push(`authors: [${q(person(pick(PEOPLE)))}]`);
      fm.push(`agency: ${pick(AGENCIES)}`);
    }
    const nContrib = r() < 0.4 ? int(1, 2) : 0;
    if (nContrib > 0) {
      fm.push('contributors:');
      for (let k = 0; k < nContrib; k++) {
        const [city] = pick(DATELINES);
        fm.push(r() < 0.8 ? `  - { name: ${q(person(pick(PEOPLE)))}, location: ${q(city)} }` : `  - { name: ${q(person(pick(PEOPLE)))}, role: reporting }`);
      }
    }
    const [city, country, timezone] = pick(DATELINES);
    fm.push(`dateline: { city: ${q(city)}, country: ${q(country)}, timezone: ${timezone} }`);
    if (r() < 0.8) {
      fm.push('image:');
      fm.push(`  url: https://img.example.com/${date.slice(0, 4)}/${date.slice(5, 7)}/${id}.jpg`);
      fm.push(`  caption: ${q(cap(words(int(8, 16)).join(' ')) + '.')}`);
      fm.push(`  credit: ${q(`${pick(PEOPLE).toUpperCase()}/${pick(AGENCIES).toUpperCase()}`)}`);
    }
    // ~3 KB body: paragraphs until the size is reached, with an occasional list or quote.
    const target = int(2600, 3600);
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      const roll = r();
      const p = roll < 0.06 ? Array.from({ length: int(2, 4) }, () => `- ${sentence()}`).join('\n')
        : roll < 0.1 ? `> ${sentence()}` : paragraph();
      parts.push(p);
      size += p.length + 2;
    }
    yield { path: `${date.slice(0, 4)}/${date.slice(5, 7)}/${id}.md`, frontMatter: fm, date, body: parts.join('\n\n') + '\n' };
  }
}

export const generateRecords = (n: number, seed = 5): CorpusRecord[] => [...recordStream(n, seed)];

/** Hugo's `date` must carry its offset: Asia/Shanghai is +08:00 all year. */
const hugoDate = (desk: string): string => `${desk.replace(' ', 'T')}:00+08:00`;

/** The items of a Hugo RSS template, over `$pages`, with `description` as the template gives it. */
const hugoRssItems = (description: string): string => `    {{- range $pages }}
    <item>
      <title>{{ .Title }}</title>
      <link>{{ .Permalink }}</link>
      <pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
      <guid>{{ .Permalink }}</guid>
      <description>${description}</description>
    </item>
    {{- end }}`;

/**
 * Minimal Hugo site: the home page's RSS only, newest 50, full content. Pages are listed (so they are in
 * .Site.RegularPages and their .Content renders) but not written (`_build: { render: never }` in each
 * page's front matter; as a `cascade` in content/_index.md, Hugo 0.111 built no pages at all); every
 * other kind is disabled. This writes the site's files; hugoPage is each record's content file.
 */
function writeHugoSite(site: string): void {
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'config.toml'), [
    `baseURL = "${CONFIG.siteUrl}"`,
    `title = "${CONFIG.title}"`,
    'languageCode = "en"',
    'rssLimit = 50',
    'disableKinds = ["taxonomy", "term", "section", "sitemap", "robotsTXT", "404"]',
    '[outputs]',
    '  home = ["RSS"]',
    '[markup.goldmark.renderer]',
    '  unsafe = true',
    '',
  ].join('\n'));
  // Stock RSS template with .Content (full content) instead of .Summary, ordered newest first.
  writeFileSync(join(site, 'layouts', 'index.rss.xml'), `{{- $pages := first site.Config.Services.RSS.Limit (site.RegularPages.ByDate.Reverse) -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{{ site.Title }}</title>
    <link>{{ .Permalink }}</link>
    <description>{{ site.Title }}</description>
    <language>{{ site.LanguageCode }}</language>
    {{- with .OutputFormats.Get "RSS" }}
    {{ printf "<atom:link href=%q rel=\\"self\\" type=%q />" .Permalink .MediaType | safeHTML }}
    {{- end }}
${hugoRssItems('{{ .Content | html }}')}
  </channel>
</rss>
`);
  mkdirSync(join(site, 'content'), { recursive: true });
  writeFileSync(join(site, 'content', '_index.md'), '---\ntitle: Home\n---\n');
}

/**
 * Hugo building the same feeds as `dateline.all.json`, in the same three formats, so that the all-feeds
 * build has a baseline doing the same work: the home page (newest 50, full content), one feed per
 * section (newest 50, full content), per tag and per author (newest 20, summaries: Dateline's defaults)
 * and per month (the month's stories but the home page's 50, summaries: Dateline's monthly archives,
 * without RFC 5005's links, which Hugo has no notion of). Sections, tags, authors and months are Hugo taxonomies (the month
 * is each page's `archive` parameter, written by hugoPage); each term gets RSS, Atom and JSON Feed
 * documents from the templates below (759 documents at every corpus size, as Dateline writes). The
 * content is hugo/content/, read in place. Not written: precompressed siblings, index.html, server
 * files, which Dateline writes and Hugo does not.
 */
function writeHugoAllSite(site: string): void {
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'config.toml'), [
    'contentDir = "../hugo/content"',
    `baseURL = "${CONFIG.siteUrl}"`,
    `title = "${CONFIG.title}"`,
    'languageCode = "en"',
    'rssLimit = 50',
    // Taxonomy list pages off (their terms' feeds stay on); Hugo asks for this line to confirm it.
    'ignoreErrors = ["error-disable-taxonomy"]',
    'disableKinds = ["taxonomy", "section", "sitemap", "robotsTXT", "404"]',
    '[taxonomies]',
    '  section = "section"',
    '  tag = "tags"',
    '  author = "authors"',
    '  archive = "archive"',
    '[mediaTypes."application/atom+xml"]',
    '  suffixes = ["xml"]',
    '[mediaTypes."application/feed+json"]',
    '  suffixes = ["json"]',
    '[outputFormats.Atom]',
    '  mediaType = "application/atom+xml"',
    '  baseName = "atom"',
    '[outputFormats.JSONFeed]',
    '  mediaType = "application/feed+json"',
    '  baseName = "feed"',
    '  isPlainText = true',
    '[outputs]',
    '  home = ["RSS", "Atom", "JSONFeed"]',
    '  term = ["RSS", "Atom", "JSONFeed"]',
    '[markup.goldmark.renderer]',
    '  unsafe = true',
    '',
  ].join('\n'));
  // Which pages a document lists, and whether with full content: the same choice in the three templates.
  const pages = `{{- $pages := .Pages -}}
{{- if .IsHome }}{{ $pages = site.RegularPages }}{{ end -}}
{{- $full := or .IsHome (eq .Data.Plural "section") -}}
{{- $n := 50 }}{{ if not $full }}{{ $n = 20 }}{{ end -}}
{{- if eq .Data.Plural "archive" }}{{ $n = 1000000 }}{{ $pages = $pages | complement (first 50 site.RegularPages.ByDate.Reverse) }}{{ end -}}
{{- $pages = first $n $pages.ByDate.Reverse -}}
`;
  writeFileSync(join(site, 'layouts', '_default', 'rss.xml'), `${pages}{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{{ .Title }}</title>
    <link>{{ .Permalink }}</link>
    <description>{{ site.Title }}</description>
${hugoRssItems('{{ if $full }}{{ .Content | html }}{{ else }}{{ .Summary | html }}{{ end }}')}
  </channel>
</rss>
`);
  writeFileSync(join(site, 'layouts', '_default', 'list.atom.xml'), `${pages}{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{{ .Title }}</title>
  <id>{{ .Permalink }}</id>
  <link href="{{ .Permalink }}"/>
  {{- range $pages }}
  <entry>
    <title>{{ .Title }}</title>
    <link href="{{ .Permalink }}"/>
    <id>{{ .Permalink }}</id>
    <updated>{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>
    {{- range .Params.authors }}<author><name>{{ . }}</name></author>{{ end }}
    <content type="html">{{ if $full }}{{ .Content | html }}{{ else }}{{ .Summary | html }}{{ end }}</content>
  </entry>
  {{- end }}
</feed>
`);
  writeFileSync(join(site, 'layouts', '_default', 'list.jsonfeed.json'), `${pages}{{- $items := slice -}}
{{- range $pages -}}
{{- $c := .Summary }}{{ if $full }}{{ $c = .Content }}{{ end -}}
{{- $items = $items | append (dict "id" .Permalink "url" .Permalink "title" .Title "date_published" (.Date.Format "2006-01-02T15:04:05-07:00") "content_html" $c) -}}
{{- end -}}
{{- dict "version" "https://jsonfeed.org/version/1.1" "title" .Title "home_page_url" .Permalink "items" $items | jsonify -}}
`);
}

/** A record as a Hugo page: listed but not rendered, with its month as the `archive` taxonomy (hugo-all). */
const hugoPage = (rec: CorpusRecord): string =>
  `---\n${rec.frontMatter.join('\n')}\ndate: ${hugoDate(rec.date)}\narchive: "${rec.date.slice(0, 7)}"\n_build: { render: never, list: always }\n---\n${rec.body}`;

/** Writes the corpus (see the top of this file); bytes counts the Dateline records only. */
export function generateCorpus(dir: string, n: number, seed = 5): { records: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dateline.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
  writeFileSync(join(dir, ALL_CONFIG_FILE), JSON.stringify({ ...CONFIG, feeds: ALL_FEEDS }, null, 2) + '\n');
  const hugo = join(dir, 'hugo');
  writeHugoSite(hugo);
  writeHugoAllSite(join(dir, 'hugo-all'));
  const made = new Set<string>();
  const write = (file: string, text: string): void => {
    const parent = dirname(file);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(file, text);
  };
  let bytes = 0;
  let records = 0;
  for (const rec of recordStream(n, seed)) {
    const text = `---\n${rec.frontMatter.join('\n')}\ndate: ${rec.date}\n---\n${rec.body}`;
    bytes += Buffer.byteLength(text);
    records += 1;
    write(join(dir, 'articles', rec.path), text);
    write(join(hugo, 'content', rec.path), hugoPage(rec));
  }
  return { records, bytes };
}
