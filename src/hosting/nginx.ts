/**
 * `_config/nginx.conf`: an nginx snippet, generated from the manifest, to include inside the `server {}`
 * whose `root` is the output directory. Pure.
 *
 * Why it looks the way it does (each point checked against Debian's nginx 1.22 by tests/nginx.test.ts):
 * - nginx's own ETag is `"<mtime hex>-<size hex>"`; Dateline records a hash of the bytes, so `etag off`
 *   and the recorded ETag goes out through `add_header`.
 * - nginx evaluates If-None-Match (the not_modified filter) before `add_header` runs, against its own
 *   ETag only: with `etag off` it never answers 304 to If-None-Match, and an ETag from `add_header` is
 *   never compared. So the location compares If-None-Match itself, in the rewrite phase, and `return 304`.
 * - Every representation has its own ETag. gzip_static/brotli_static choose the file in the content
 *   phase, after the rewrite phase, so the location mirrors their choice from Accept-Encoding with regexes
 *   that follow their C parsers step by step (ACCEPTS_GZIP, ACCEPTS_BR below), quirks included: the ETag
 *   must label the bytes sent, not what RFC 9110 would have chosen. `gzip_http_version 1.0` and
 *   `gzip_proxied any` remove two other conditions under which gzip_static would decline; a server-wide
 *   `gzip_disable` is not mirrored (the snippet's comment says to leave it unset). nginx 1.23 and later
 *   join repeated Accept-Encoding lines in $http_accept_encoding while both modules read the first line
 *   only, so there a request with two such lines can get the wrong ETag; in 1.22 both read the first.
 * - If-Match is nginx's (the same not_modified filter, against its own ETag, which is off): every
 *   If-Match but `*` gets 412. Stock nginx cannot change that (the request header cannot be removed, and
 *   the filter runs before add_header), so the snippet's comment records it.
 * - If-Modified-Since is left to nginx: the build sets each file's mtime to its Last-Modified.
 * - The ETags are this build's, and nginx reads them only when it reloads: each location sends its ETag,
 *   and answers If-None-Match, only while `_config/etags-<hash of its ETags>` (ETAGS_MARKER) is there. The
 *   build makes it after every file is in place, and the next build removes it before it replaces one,
 *   so that between a build and the reload the new bytes go out with no ETag and no 304 (`open_file_cache
 *   off`, or a server-wide cache would keep the marker seen for a minute: review) (QA: they went
 *   out with the previous build's ETags; a reader that fetched then, or a WebSub hub pinged then, kept a
 *   copy that a later build going back to those bytes, a story retracted, answered 304 for good).
 * - Ranges are off (`max_ranges 0`), as in `dateline serve`: nginx would honour an If-Range date, and a
 *   correction without `updated` changes the bytes under the same Last-Modified (QA: a resumed download
 *   joined two builds' bytes).
 * - A browser applies the feeds' XSLT only to XML types, and `default_type` cannot depend on Accept: a
 *   request that asks for HTML and names no feed type is rewritten to an internal twin location that
 *   serves the same file as application/xml, as `dateline serve` does, with the browser ETags
 *   (`browserEtag`), and compares If-None-Match with those.
 */
import { createHash } from 'node:crypto';
import type { Manifest } from '../types.js';
import { FEED_ROOTS } from '../core/feeds.js';
import { FEED_FILES } from '../core/model.js';
import { linkHeader, MEDIA_TYPES, XML_FEED } from './manifest.js';

/*
 * Whether gzip_static and brotli_static will send their sibling, decided as their own C code decides it on
 * the Accept-Encoding value (nginx 1.22 and ngx_brotli 1.0.0rc read the first Accept-Encoding line; so does
 * $http_accept_encoding in 1.22). Both look at ONE token only, the first, and never at the codings' q-values
 * relative to each other; brotli_static, when it accepts, runs before gzip_static.
 *
 * ngx_http_gzip_accept_encoding (src/http/ngx_http_core_module.c): the first "gzip" (any case) at the start or
 * after "," or " " (or right after an earlier "gzip": its search resumes there). Then spaces and ",", the end,
 * or ";" then spaces and the end or "q=" / "Q=" and a quantity that ngx_http_gzip_quantity reads as non-zero:
 * "1", "1." and up to three 0s, or "0." and one to three digits not all 0, ended by the end, "," or " ".
 * Anything else (a tab, "q = 1", "q=2", "q=0.0001", "q=1.5", another parameter, "gzipx") declines.
 */
const GZIP = '[Gg][Zz][Ii][Pp]';
const GZIP_TOKEN = `(?:(?<![^ ,])|(?<=${GZIP}))${GZIP}`;
const GZIP_QUANTITY = String.raw`(?:1(?:\.0{0,3})?|0\.(?:[1-9][0-9]{0,2}|0[1-9][0-9]?|00[1-9]))(?:$|[ ,])`;
const ACCEPTS_GZIP = `^(?:(?!${GZIP_TOKEN}).)*+${GZIP_TOKEN} *+(?:$|,|; *+(?:$|[Qq]=${GZIP_QUANTITY}))`;
/*
 * check_accept_encoding (ngx_brotli, static/ngx_http_brotli_static_module.c): the first "br" (any case) with
 * the start, "," or " " before it and the end, ",", " " or ";" after it. It declines only for spaces, ";",
 * spaces, a lower-case "q", spaces, "=", spaces, "0", then anything but "." ("q=0", "q=0,"), or "." and
 * up to two 0s then a non-digit, or "." and three 0s ("q=0.000", "q=0.0001"). Everything else accepts:
 * "br;q=2", "br;Q=0", "br;q=x".
 */
const BR_TOKEN = '(?<![^ ,])[Bb][Rr](?![^ ,;])';
const ACCEPTS_BR = String.raw`^(?:(?!${BR_TOKEN}).)*+${BR_TOKEN}(?! *+; *+q *+= *+0(?:(?!\.)|\.(?:0{0,2}(?![0-9])|000)))`;

/** Lines that need the third-party ngx_brotli module start with this, after the indentation. */
export const BROTLI_MARK = '# [brotli] ';

/** A value in nginx's single quotes: backslash and quote escaped, `$` (which would start a variable) percent-encoded. */
function quoted(value: string): string {
  // Most values (ETags, media types, URLs) hold none of the three: no replacing to do.
  if (!/[$\\']/.test(value)) return `'${value}'`;
  return `'${value.replace(/\$/g, '%24').replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** A location path as nginx matches it: percent-decoded; quoted when it holds anything but plain URL characters. */
function locationPath(urlPath: string): string {
  let path = urlPath;
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(urlPath);
    } catch {
      // A malformed escape stays as written; nginx would refuse such a request anyway.
    }
  }
  return /^[A-Za-z0-9._~\/:@!*+,=-]+$/.test(path) ? path : `"${path.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The base's path when a file name can simply be appended to it (see servedPath), by base URL. */
const basePaths = new Map<string, string | null>();
/** Names whose path the URL parser would take as written: plain characters, no `.`/`..` segment, no leading `/`. */
const PLAIN_NAME = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._~\/-]+$/;

/** URL path of a built file served under `feedBaseUrl` (`https://news.example.com/feeds/` → `/feeds/rss.xml`). */
export function servedPath(file: string, feedBaseUrl: string): string {
  let base = basePaths.get(feedBaseUrl);
  if (base === undefined) {
    // On an http(s) base whose path ends in `/`, a plain name resolves to that path and the name (a query
    // or fragment of the base is dropped).
    const u = new URL(feedBaseUrl);
    base = u.pathname.endsWith('/') && /^https?:$/.test(u.protocol) ? u.pathname : null;
    basePaths.set(feedBaseUrl, base);
  }
  return base !== null && PLAIN_NAME.test(file) ? `${base}${file}` : new URL(file, feedBaseUrl).pathname;
}

/** Internal twin locations that serve a feed to browsers as application/xml. */
const BROWSER_PREFIX = '/_dateline_xml/';

/** What `browserEtag` adds at the end of the opaque-tag, inside the quotes. */
const BROWSER_ETAG_SUFFIX = '-xml';

/**
 * The ETag of the application/xml representation that browsers get of an RSS or Atom file (of one
 * coding: identity, gzip or br), from the ETag `_dateline.json` records for it: the same opaque-tag with
 * `-xml` added inside the quotes (`"sha256-…"` → `"sha256-…-xml"`; a `W/` stays). Content-Type is
 * representation metadata, and RFC 9110 §8.8.3 makes a strong ETag unique across all representations of
 * a resource; with one tag for both, a cache revalidating the browser's copy (RFC 9111 §4.3.4 updates
 * every stored response with that validator) could relabel a feed reader's copy as application/xml.
 * A recorded `"sha256-"` tag has 22 characters after the prefix and a browser tag 26, so the two never
 * coincide. `dateline serve` uses this too, so both servers send the same tags.
 */
export function browserEtag(etag: string): string {
  return `${etag.slice(0, -1)}${BROWSER_ETAG_SUFFIX}"`;
}

/*
 * If-None-Match, read as `dateline serve` reads it (src/serve/_http.ts): a comma-separated list of members,
 * each an entity tag (`W/` optional), `*`, or nothing, with spaces or tabs (OWS) around each; a field that
 * is not such a list matches nothing (200). The lookahead checks the whole list once; then the first member
 * that is the representation's tag (weak comparison) or `*` gives the 304. Not when the request has an
 * If-Match or If-Unmodified-Since (their values follow the method, so the method no longer matches): RFC
 * 9110 §13.2.2 evaluates those first, and nginx does (412 for If-Match, or for a date before the file's
 * mtime); such a request then gets nginx's 200 rather than a 304 (review: it got 304 where serve sends 412).
 */
const OWS = String.raw`[ \t]*+`;
const ENTITY_TAG = String.raw`(?:W/)?"[!#-~\x80-\xff]*+"`;
const INM_LIST = `(?=(?:${OWS}(?:${ENTITY_TAG}|\\*)?${OWS}(?:,|$))*+$)`;
const INM_MATCHES = `^(?:GET|HEAD) ("[^"]*") ${INM_LIST}(?:${OWS}(?:${ENTITY_TAG}|\\*)?${OWS},)*?${OWS}(?:(?:W/)?\\1|\\*)${OWS}(?:,|$)`;

/** Where a build's nginx.conf is told that the files in place are that build's (`_config/etags-<hash>`). */
export const ETAGS_MARKER_PREFIX = '_config/etags-';

/** The check that takes the ETag away while the files in place are not this configuration's build's. */
const markerCheck = (marker: string): string =>
  `    if (!-f $document_root/${marker}) {\n        set $dateline_etag '';\n    }\n`;

/**
 * GET and HEAD only, as `dateline serve` answers: nginx's own 405 for a file carries no Allow, which RFC 9110
 * §15.5.6 requires (QA). (`return` in an `if`, one of the uses of `if` that is safe in a location.)
 */
const METHODS = "    if ($request_method !~ '^(?:GET|HEAD)$') {\n        add_header Allow 'GET, HEAD' always;\n        return 405;\n    }\n";

/**
 * Files that are not feeds (the XSLT, the page) are revalidated on every use, as `dateline serve` sends
 * them: `expires epoch` sends `Cache-Control: no-cache` without an add_header of the location's own, which
 * would keep the server's add_header lines (HSTS, a CSP) from the page (review).
 */
const NO_CACHE = '    expires epoch;';

/** The 304 check every feed location ends with (its representation's ETag is `$dateline_etag` by then). */
const NOT_MODIFIED = [
  '    set $dateline_inm "$request_method$http_if_match$http_if_unmodified_since $dateline_etag $http_if_none_match";',
  `    if ($dateline_inm ~ '${INM_MATCHES}') {`,
  '        return 304;',
  '    }',
].join('\n');

/**
 * The body of a feed's location, its lines joined: type, compression, caching, links, the representation's
 * ETag and 304s. `tag` turns a recorded ETag into the one this location sends (`browserEtag` for the twin).
 */
function feedBody(served: Manifest['files'][string], type: string, vary: string, marker: string, tag: (etag: string) => string = (e) => e): string {
  const link = linkHeader(served.links);
  const { gzip, br } = served.encodings;
  let out = `${METHODS}    types { }\n    default_type "${type}";\n    charset off;\n    etag off;\n    if_modified_since before;\n    max_ranges 0;\n    open_file_cache off;\n    gzip off;\n`;
  if (gzip !== undefined) out += '    gzip_static on;\n    gzip_http_version 1.0;\n    gzip_proxied any;\n';
  if (br !== undefined) out += `    ${BROTLI_MARK}brotli_static on;\n`;
  out += `    add_header Vary ${quoted(vary)};\n    add_header Cache-Control "public, max-age=${served.maxAge}";\n`;
  if (link !== undefined) out += `    add_header Link ${quoted(link)};\n`;
  out += `    add_header ETag $dateline_etag;\n    set $dateline_etag ${quoted(tag(served.etag))};\n`;
  if (gzip !== undefined) out += `    if ($http_accept_encoding ~ '${ACCEPTS_GZIP}') {\n        set $dateline_etag ${quoted(tag(gzip.etag))};\n    }\n`;
  if (br !== undefined) {
    out += `    ${BROTLI_MARK}if ($http_accept_encoding ~ '${ACCEPTS_BR}') {\n    ${BROTLI_MARK}    set $dateline_etag ${quoted(tag(br.etag))};\n    ${BROTLI_MARK}}\n`;
  }
  return out + markerCheck(marker) + NOT_MODIFIED;
}

/**
 * The snippet, and the name of the marker file that says its ETags label the files in place
 * (`_config/etags-<hash>`, a hash of every file's name and ETags: the same for the same bytes, another
 * when any file's bytes, or the files, differ; a snippet that changes only in its headers keeps it, as
 * its ETags still label the files).
 */
export function nginxConf(manifest: Manifest, feedBaseUrl: string, title: string): { conf: string; marker: string } {
  const hash = createHash('sha256');
  for (const [name, served] of Object.entries(manifest.files)) {
    hash.update(`${name}\0${served.etag}\0${served.encodings.gzip?.etag ?? ''}\0${served.encodings.br?.etag ?? ''}\n`);
  }
  const marker = `${ETAGS_MARKER_PREFIX}${hash.digest('hex').slice(0, 16)}`;
  return { conf: snippet(manifest, feedBaseUrl, title, marker), marker };
}

function snippet(manifest: Manifest, feedBaseUrl: string, title: string, marker: string): string {
  const names = Object.keys(manifest.files);
  const example = names[0] ?? 'rss.xml';
  const out: string[] = [
    `# nginx configuration for the feeds of ${JSON.stringify(title)}, generated by \`dateline build\` from the`,
    '# same build as the feeds: deploy it with them, and rebuild rather than edit (the ETags change with the',
    '# feeds).',
    '#',
    `# Include it inside the server { } that serves ${feedBaseUrl}`,
    '# with its root set to this output directory (the one holding _dateline.json):',
    '#',
    '#     server {',
    '#         root /srv/dateline/dist;',
    '#         include /srv/dateline/dist/_config/nginx.conf;',
    '#     }',
    '#',
    '# nginx reads it only when it starts or reloads: reload after every build (`dateline build && nginx -s',
    "# reload`). Its ETags label the files of its own build only, and a location sends them (and answers",
    `# If-None-Match with 304) only while ${marker} is there: the build makes that file`,
    '# after the feeds are in place, and the next build removes it before it replaces a feed. So from the',
    '# start of the next build\'s renames until nginx reloads, the feeds go out with no ETag and no 304: a',
    '# full 200 of the bytes in place (If-Modified-Since still gets nginx\'s 304, against the file\'s mtime),',
    '# never new bytes under an old ETag, which a client would keep for as long as the old ETag was current',
    '# again. A WebSub hub pinged by `dateline build --ping` before the reload fetches the new bytes. A feed',
    '# that is new since the last reload has no location here until then: under a path (/feeds/) it is served',
    '# from its file with its media type and no ETag (the last locations below), at the root as a plain file',
    '# with nginx\'s own type and ETag. The marker is checked before the access phase: a limit_req that',
    '# delays (burst without nodelay) or an auth_request on these locations holds a request between the check',
    '# and the file, and it may get new bytes under the old ETag. A server-wide open_file_cache would keep the',
    '# marker seen after it is gone: the feed locations turn it off. Deploying to another machine, remove the',
    '# old marker first, compare by content (a correction can keep a file\'s size and mtime), and copy the new',
    "# marker last: `rsync -a --checksum --delete-before --delete-excluded --exclude='_config/etags-*' dist/",
    '# host:dist/`, then `rsync -a dist/_config/ host:dist/_config/`.',
    '#',
    `# Each feed gets its media type with charset=utf-8, Cache-Control max-age (ttl × 60 s), a Link header`,
    '# (rel="self", and rel="hub" with a WebSub hub), and the ETag recorded in _dateline.json: a hash of the',
    "# bytes, the same on every replica, where nginx's own (etag on) is mtime and size in hex.",
    "# Those headers are add_header lines in each feed's location, and nginx inherits no add_header into a",
    "# level that has its own: the server's (Strict-Transport-Security, say) are not sent with feeds. Set such",
    "# a header with more_set_headers (headers-more module) or in a proxy in front. (index.html and feed.xsl",
    "# keep the server's.)",
    '#',
    `# - Precompressed siblings: gzip_static (ngx_http_gzip_static_module, built into Debian's nginx) sends`,
    `#   ${example}.gz to clients that accept gzip. brotli_static is the third-party ngx_brotli module`,
    '#   (on Debian, installing libnginx-mod-http-brotli-static loads it; elsewhere, load_module). To serve',
    `#   the .br siblings, uncomment every line that starts with "${BROTLI_MARK.trim()}":`,
    `#   sed -i 's/${BROTLI_MARK.replace(/[[\]]/g, '\\$&')}//' nginx.conf`,
    '# - 304s: nginx compares If-None-Match with its own ETag only, before add_header runs, so an ETag from',
    '#   add_header alone never gives a 304. Each location therefore picks the ETag of the representation',
    '#   the request will get (identity, gzip or br), deciding from Accept-Encoding exactly as gzip_static',
    '#   and brotli_static do: each reads only the first "gzip" or "br" token, and gzip_static takes only',
    '#   the q-values its own parser reads as non-zero ("gzip;q=2", "gzip;q=0.0001" and "br;q=0, br" get',
    '#   identity). Leave gzip_disable unset in the server: the ETag choice does not follow it. It returns 304',
    '#   when If-None-Match, a list with spaces or tabs around its commas, names that ETag (W/ or not) or',
    '#   "*"; a field that is not such a list gets a 200. If-Modified-Since, when there is no If-None-Match,',
    '#   is nginx\'s own check against the file\'s mtime, which the build sets to the Last-Modified in',
    '#   _dateline.json; with `if_modified_since before` a date at or after it gives a 304.',
    '# - If-Match is left to nginx, which compares it with its own ETag (off here): any If-Match but "*"',
    '#   gets 412 Precondition Failed, even the ETag just sent, and stock nginx offers no way to compare it',
    '#   with the recorded one. (dateline serve answers a matching If-Match with 200.) Feed readers send',
    '#   If-None-Match, not If-Match. With If-Match or If-Unmodified-Since, the 304 below is not given: nginx',
    '#   evaluates those first (RFC 9110 13.2.2), and a request that passes them gets a 200.',
    '# - Browsers: a request for RSS or Atom that asks for HTML and names no feed type gets the same bytes as',
    '#   application/xml (so that the browser applies feed.xsl), from an internal twin location, with Vary:',
    `#   Accept and the recorded ETag with "${BROWSER_ETAG_SUFFIX}" added inside the quotes ("sha256-...${BROWSER_ETAG_SUFFIX}"): a strong ETag`,
    '#   names one representation, and the media type is part of it. Its 304s compare against that ETag.',
    '# - A 304 made by `return 304` carries "Content-Length: 0" and the Content-Type (nginx adds both).',
    '#   Caches ignore a 304\'s Content-Length when they update a stored response (RFC 9111, 3.2).',
    '',
  ];
  for (const [name, served] of Object.entries(manifest.files)) {
    const path = servedPath(name, feedBaseUrl);
    const xml = XML_FEED.test(served.type);
    out.push(`location = ${locationPath(path)} {`);
    if (xml) {
      // A request that asks for HTML and names no feed type is a person following a link: the same bytes
      // as application/xml (in an internal twin location), so the browser applies feed.xsl.
      out.push(
        `    if ($http_accept ~* '^(?!.*(rss\\+xml|atom\\+xml|feed\\+json)).*text/html') {`,
        `        rewrite ^ ${BROWSER_PREFIX}${name} last;`,
        '    }',
      );
    }
    out.push(feedBody(served, served.type, xml ? 'Accept-Encoding, Accept' : 'Accept-Encoding', marker));
    // The server's root is the output directory: a feed served under a path (/feeds/rss.xml) is the file /rss.xml.
    if (path !== `/${name}`) out.push(`    rewrite ^ /${name} break;`);
    out.push('}', '');
    if (xml) {
      out.push(`location = ${BROWSER_PREFIX}${name} {`, '    internal;');
      out.push(feedBody(served, 'application/xml; charset=utf-8', 'Accept-Encoding, Accept', marker, browserEtag));
      out.push(`    rewrite ^ /${name} break;`, '}', '');
    }
  }
  // The feeds' XSLT: Debian's mime.types has no .xsl, and a browser shows raw XML for octet-stream.
  const xsl = servedPath('feed.xsl', feedBaseUrl);
  // It changes with a Dateline upgrade, and index.html with every build: revalidated each time, as serve does.
  out.push(`location = ${locationPath(xsl)} {`, METHODS.trimEnd(), '    types { }', '    default_type "application/xslt+xml; charset=utf-8";', NO_CACHE);
  if (xsl !== '/feed.xsl') out.push('    rewrite ^ /feed.xsl break;');
  out.push('}', '');
  // The page for people (index.html), at the feeds' address, where its relative links to them work. (At the
  // root the site's own locations serve it: a location here would take the site's `/` from them.)
  const page = servedPath('index.html', feedBaseUrl);
  if (page !== '/index.html') {
    const dir = page.slice(0, -'index.html'.length);
    const body = [METHODS.trimEnd(), '    types { }', '    default_type "text/html; charset=utf-8";', NO_CACHE, '    rewrite ^ /index.html break;', '}', ''];
    out.push(`location = ${locationPath(dir)} {`, ...body);
    out.push(`location = ${locationPath(page)} {`, ...body);
  }
  out.push(
    "# Dateline's own files are not for the public.",
    `location = /_dateline.json { return 404; }`,
    'location = /_headers { return 404; }',
    'location ^~ /_config/ { return 404; }',
    '# A build in progress stages its files in .dateline-stage-<pid>, puts some beside their targets while it renames,',
    '# and holds the directory with .dateline-lock.',
    'location ~ /\\.dateline- { return 404; }',
    '',
  );
  out.push(...newFeeds(feedBaseUrl));
  return out.join('\n');
}

const FORMATS = Object.keys(FEED_FILES) as (keyof typeof FEED_FILES)[];

/**
 * Locations for the feeds this snippet does not list, under a base path (`/feeds/`): a feed new since the
 * last reload is served from its file with its media type and no ETag (QA: it was not found until the
 * reload, while index.html linked it). (A feed's file at its path from the root, `/rss.xml`, is left to
 * the server: a location refusing it took the site's own `/rss.xml` from the server's other locations.)
 */
function newFeeds(feedBaseUrl: string): string[] {
  const base = servedPath('', feedBaseUrl);
  if (base === '/' || !base.endsWith('/') || !PLAIN_NAME.test(base.slice(1))) return [];
  const dirs = `(?:(?:${FEED_ROOTS.join('|')})/[^/._][^/]*/)?`;
  const out = ['# A feed new since the last reload: its file, with its type, without an ETag until the reload.'];
  const escaped = (text: string): string => text.replace(/\./g, '\\.');
  for (const format of FORMATS) {
    out.push(
      `location ~ ^${escaped(base)}(?<dateline_feed>${dirs}${escaped(FEED_FILES[format])})$ {`,
      METHODS.trimEnd(), '    types { }', `    default_type "${MEDIA_TYPES[format]}";`, '    charset off;', '    etag off;', '    max_ranges 0;', '    gzip off;',
      '    rewrite ^ /$dateline_feed break;', '}',
    );
  }
  out.push('');
  return out;
}
