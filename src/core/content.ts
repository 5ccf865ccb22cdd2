/**
 * The HTML body every format carries: Markdown rendered (_markdown.ts), markup sanitised, relative URLs
 * made absolute against the article URL, the dateline printed at its head and the credit lines at its
 * end (most readers show only the content, so credits that live only in metadata would be lost to them).
 */
import type sanitizeHtml from 'sanitize-html';
import { lazyRequire } from './_lazy.js';
import type { Body, ImageField } from '../types.js';
import { asText, markdownOrText, type LargeTables, type SlowBody } from './_markdown.js';
import { elementsTooDeep, withoutTags } from './_bounds.js';
import { isRightToLeft } from './_direction.js';
import { chineseWords, isChinese } from './_chinese.js';
import { escapeHtml, stripForbidden } from './_text.js';
import { LINK_SCHEMES, rfc3986Href } from './_urls.js';
import { PICTURE_PARTS, withPictureFallbacks } from './_picture.js';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr',
  'code', 'pre', 'kbd', 'a', 'img', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'span', 'div', 'time', 'section', 'details', 'summary', 'aside',
];
/**
 * Blocks kept as a `<div>`: a page's containers pasted with the story (`<footer>`, `<address>`, `<article>`).
 * Unwrapped, their text ran into the next words (review: `Footer noteNext words`); nothing in them is unsafe.
 */
const BLOCKS_AS_DIV = ['address', 'article', 'header', 'footer', 'main', 'hgroup', 'center', 'search'];
const KEPT_SET = new Set([...ALLOWED_TAGS, ...BLOCKS_AS_DIV, ...PICTURE_PARTS]);
/** URL schemes kept in images (and in links: `LINK_SCHEMES`). */
const IMG_SCHEMES = ['http', 'https'];
/** An image the sanitiser wrote without a URL (every kept one has a `src`): one that lost it. Linear: each look stops at its tag's end. */
const IMAGE_WITHOUT_URL = /<img(?![^>]*\ssrc=")[^>]*>/g;
const LINK_TAG = /<a(?:\s[^>]*)?>|<\/a>/g;
/** A credit that says it is a photo's already (`Photo: Reuters`, `Photograph by …`, `图片来源`, `摄影`). */
const PHOTO_WORD = /^\s*(?:photo|foto|picture|image|credit|图片|圖片|摄影|攝影|图|圖)/i;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

/**
 * Sanitised HTML without the images and links that lost their URL (the sanitiser wrote them with no
 * attributes): an image goes, a link's tags go and its text stays. Links are paired with their closing
 * tags by a stack, in one pass.
 */
function withoutLost(html: string): string {
  let out = html.includes('<img') ? html.replace(IMAGE_WITHOUT_URL, '') : html;
  if (!out.includes('<a>')) return out;
  const lost: boolean[] = [];
  out = out.replace(LINK_TAG, (tag) => {
    if (tag === '</a>') return lost.pop() === true ? '' : tag;
    lost.push(tag === '<a>');
    return tag === '<a>' ? '' : tag;
  });
  return out;
}

export interface RenderedBody {
  html: string;
  /** What sanitising removed (`<script>`, `on… event handlers`, `javascript: URLs`), for a warning. */
  removed: string[];
  /** Characters XML forbids that character references in the body spelled out (`&#1;`), now removed. */
  forbidden: number;
  /**
   * The Markdown nested too deep to render (see markdownOrText), or its HTML too deep to sanitise
   * (_bounds.ts): the body is its text (an HTML body's without its tags).
   */
  tooDeep?: boolean;
  /** The Markdown would take marked seconds to render (see slowRuns): the body is its text. */
  tooSlow?: SlowBody;
  /** The Markdown's tables would pad their rows with too many empty cells (_bounds.ts): the body is its text. */
  tableTooLarge?: LargeTables;
  /** marked threw on the Markdown (its message): the body is its text. */
  renderFailed?: string;
}

/**
 * Elements whose content an HTML parser reads as text up to their closing tag, and which the sanitiser
 * drops with that content (or shows as text): one left open in prose ("an unclosed <script> element")
 * took the rest of the story with it (QA). Without its closing tag it is no element: its `<` is escaped,
 * and the words stay, the tag's name among them.
 */
const RAW_TEXT_OPEN = /<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template)(?=[\s/>]|$)/gi;

/** A raw-text element's start tag written self-closed (`<iframe src="…" />`), from its `<`: its attributes, then `/>`. */
const SELF_CLOSED = /<[a-zA-Z]+(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/>/y;

/**
 * The body with each raw-text element left open shown as text (see RAW_TEXT_OPEN), and `dropped`: those
 * written self-closed (`<iframe src="…" />`, `<script src="…" />`, as embed codes are pasted), which are no
 * words of the story: removed, and named with the markup removed (review: they were shown as text, with
 * no warning).
 */
export function withUnclosedRawTextShown(html: string): { html: string; dropped: string[] } {
  const dropped: string[] = [];
  RAW_TEXT_OPEN.lastIndex = 0;
  if (!RAW_TEXT_OPEN.test(html)) return { html, dropped };
  const lower = html.toLowerCase();
  // Each name's last closing tag, found once (a search from every opener to the end of the body was
  // quadratic: 100,000 `<script>` took 24 s, review).
  const lastClose = new Map<string, number>();
  let out = '';
  let from = 0;
  RAW_TEXT_OPEN.lastIndex = 0;
  for (let m = RAW_TEXT_OPEN.exec(html); m !== null; m = RAW_TEXT_OPEN.exec(html)) {
    const n = (m[1] ?? '').toLowerCase();
    // Self-closed first, whatever closes later: a parser ignores the `/`, and the element would run to the
    // next embed's closing tag, the story between taken as its content (review: two embeds pasted, one
    // self-closed, and the story went). (Looked for within a tag's length of the opener: an attribute left
    // unquoted to the end is no self-closed tag.)
    SELF_CLOSED.lastIndex = 0;
    const tag = SELF_CLOSED.exec(html.slice(m.index, m.index + 4096));
    if (tag !== null) {
      out += html.slice(from, m.index);
      dropped.push(n);
      from = m.index + tag[0].length;
      RAW_TEXT_OPEN.lastIndex = from;
      continue;
    }
    let last = lastClose.get(n);
    if (last === undefined) lastClose.set(n, (last = lower.lastIndexOf(`</${n}`)));
    if (n !== 'plaintext' && last >= m.index + m[0].length) continue;
    out += `${html.slice(from, m.index)}&lt;`;
    from = m.index + 1;
  }
  return { html: out + html.slice(from), dropped };
}

/** Renders and sanitises a body; URLs in it resolve against `baseUrl` (the article's URL). */
export function renderBody(body: Body, baseUrl: string): RenderedBody {
  // A lone surrogate (a JSON record's `\ud800`) is no character: removed before Markdown, and counted with
  // the forbidden characters (review: in a footnote's label it made marked throw, and the body was text).
  let noCharacter = 0;
  const lone = body.kind === 'markdown' && LONE_SURROGATE.test(body.text);
  const text = lone ? body.text.replace(LONE_SURROGATES, () => ((noCharacter += 1), '')) : body.text;
  const md = body.kind === 'markdown' ? markdownOrText(text) : undefined;
  // (HTML nested thousands deep would take the sanitiser's parser seconds: its text alone, read flat.)
  const htmlTooDeep = md?.tooDeep !== true && elementsTooDeep(md?.html ?? text);
  const tooDeep = md?.tooDeep === true || htmlTooDeep;
  const source = !htmlTooDeep ? md?.html ?? text : md !== undefined ? asText(text) : withoutTags(text);
  const { html: shown, dropped } = withUnclosedRawTextShown(source);
  const rendered = withPictureFallbacks(shown);
  // A character reference to no character XML can hold (`&#0;`, a lone surrogate, past U+10FFFF) would be
  // decoded to U+FFFD: removed, and counted with the forbidden characters.
  const raw = rendered.includes('&#') ? rendered.replace(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/g, (ref, hex: string | undefined, dec: string | undefined) => {
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (cp !== 0 && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff) return ref;
    noCharacter += 1;
    return '';
  }) : rendered;
  // (What a comment holds is no markup: sanitize-html drops it whole, and nothing in it was shown.)
  // (`<!-->` and `<!--->` are comments already closed, as HTML reads them: review.)
  const scanned = raw.includes('<!--') ? raw.replace(/<!--(?:-?>|[\s\S]*?(?:-->|$))/g, '') : raw;
  const tags = new Set<string>(dropped);
  for (const m of scanned.matchAll(/<\s*([a-zA-Z][\w:-]*)/g)) {
    const tag = (m[1] ?? '').toLowerCase();
    if (!KEPT_SET.has(tag)) tags.add(tag);
  }
  const removed = [...tags].sort().map((t) => `<${t}>`);
  // Event handlers, as the sanitiser's parser reads the attributes (review: a regular expression over the
  // text took `title="click onmouseover=here"` for one).
  let handlers = false;
  const noteHandlers = <T extends Record<string, string>>(attribs: T): T => {
    if (!handlers) for (const name of Object.keys(attribs)) if (/^on[a-z]+$/i.test(name)) handlers = true;
    return attribs;
  };
  // Links and images whose URL is not kept: of another scheme (`javascript:`, however its letters are
  // escaped or split by tabs, `data:`, `ftp:`), or no URL at all (`http://exa mple.com/`). The URL goes,
  // and the desk is told (QA: escaped schemes and broken URLs went without a word).
  const schemes = new Set<string>();
  let broken = 0;
  const absolute = (url: string | undefined, allowed: readonly string[]): string | undefined => {
    if (url === undefined) return undefined;
    let href: string;
    try {
      href = rfc3986Href(new URL(withIpv6Host(url.trim()), baseUrl).href);
    } catch {
      broken += 1;
      return undefined;
    }
    const scheme = href.slice(0, href.indexOf(':')).toLowerCase();
    if (allowed.includes(scheme)) return href;
    schemes.add(scheme);
    return undefined;
  };
  const html = lazyRequire.sanitizeHtml()(raw, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': ['lang', 'dir', 'title'],
      a: ['href', 'hreflang'],
      img: ['src', 'alt', 'width', 'height'],
      // (A column's alignment, as GFM tables give it: figures read right-aligned.)
      td: ['colspan', 'rowspan', 'align'],
      th: ['colspan', 'rowspan', 'scope', 'align'],
      time: ['datetime'],
      ol: ['start'],
    },
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: IMG_SCHEMES },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Removed with their content, not unwrapped: what they hold is not meant to be shown (a <template>'s
    // text became the summary; an <iframe>'s is shown by no browser; a <noscript>'s is as often "enable
    // JavaScript" or a tracking pixel as an embed's link to its video). An inline SVG's text is a drawing's
    // labels (its <title>, a chart's axes), which ran into the story's words.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'svg'],
    transformTags: {
      // (Every tag's attributes are looked at for event handlers: here, and in the tags' own below.)
      '*': (tagName, attribs) => ({ tagName, attribs: noteHandlers(attribs) }),
      // What lost its URL (a scheme not kept, a URL that is none) is no image and no link: an image goes, a
      // link leaves its text. Each keeps no attribute, and goes after sanitising (`withoutLost`): an
      // exclusiveFilter cut the sanitiser's output back once a tag, quadratic (review: 100,000 links took 59 s).
      a: (tagName, attribs) => {
        noteHandlers(attribs);
        const href = absolute(attribs['href'], LINK_SCHEMES);
        return { tagName, attribs: href === undefined ? {} : withUrl(attribs, 'href', href) };
      },
      // A lazy-loaded image's own URL is in data-src (its src a placeholder), or in a srcset alone.
      img: (tagName, attribs) => {
        noteHandlers(attribs);
        // (An image with no URL at all goes too, said as one whose URL is none: review, its alt went without a word.)
        const url = imageUrl(attribs);
        if (url === undefined) broken += 1;
        const src = absolute(url, IMG_SCHEMES);
        return { tagName, attribs: src === undefined ? {} : withUrl(attribs, 'src', src) };
      },
      ...Object.fromEntries(BLOCKS_AS_DIV.map((block) => [block, (_: string, attribs: Record<string, string>) => ({ tagName: 'div', attribs: noteHandlers(attribs) })])),
      td: (tagName, attribs) => ({ tagName, attribs: withAlign(noteHandlers(attribs)) }),
      th: (tagName, attribs) => ({ tagName, attribs: withAlign(noteHandlers(attribs)) }),
    },
  });
  if (handlers) removed.push('on… event handlers');
  for (const scheme of [...schemes].sort()) removed.push(`${scheme}: URLs`);
  if (broken > 0) removed.push(`${broken === 1 ? 'a link or image' : 'links or images'} whose URL is none`);
  // sanitize-html decodes character references, so `&#1;` would come out as a raw U+0001.
  const clean = stripForbidden(withoutLost(html).trim());
  return { html: clean.text, removed, forbidden: clean.removed + noCharacter, ...(tooDeep ? { tooDeep: true } : {}),
    ...(md?.tooSlow === undefined ? {} : { tooSlow: md.tooSlow }), ...(md?.tableTooLarge === undefined ? {} : { tableTooLarge: md.tableTooLarge }),
    ...(md?.failed !== undefined ? { renderFailed: md.failed } : {}) };
}

/**
 * An IPv6 host as marked gives it in a Markdown link: it escapes a URL's brackets (`http://%5B::1%5D/`),
 * which no URL parser takes for a host, so the link was dropped as "a URL that is none", where the same
 * link in HTML was kept (QA). The brackets of the host go back; elsewhere `%5B` stays as written.
 */
const withIpv6Host = (url: string): string => (url.includes('%5') ? url.replace(/^([a-z][\w+.-]*:\/\/(?:[^/?#@[\]]*@)?)%5B([0-9a-f:.]+)%5D/i, '$1[$2]') : url);

/**
 * An image's URL: a lazy loader's (`data-src`, `data-lazy-src`, `data-original`), its `src`, or its srcset's
 * first candidate (also in place of a `data:` placeholder src); blank values are none, and an image with no
 * URL at all goes (review: a blank one became the story's own page). A srcset candidate's URL runs to the
 * next space, commas and all (Cloudinary's `w_300,h_200`), less a trailing comma (HTML's rule).
 */
function imageUrl(attribs: sanitizeHtml.Attributes): string | undefined {
  const given = (name: string): string | undefined => {
    const v = attribs[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  // (Leading commas skipped, as HTML does; a descriptor alone, `480w`, is no URL: review.)
  const first = given('srcset')?.replace(/^[\s,]+/, '').split(/\s+/)[0]?.replace(/,+$/, '');
  const set = first === undefined || first === '' || /^\d+(?:\.\d+)?[wx]$/i.test(first) ? undefined : first;
  const src = given('src');
  // A lazy loader's placeholder is a `data:` URL, whichever attribute holds it: the other is the image.
  const lazy = [given('data-src'), given('data-lazy-src'), given('data-original')].find((u) => u !== undefined && !/^data:/i.test(u));
  return lazy ?? (src !== undefined && !(set !== undefined && /^data:/i.test(src)) ? src : set);
}

/** A cell's `align` as GFM writes it (`left`, `right`, `center`, in any case), or none (review: others came out as a bare `align`). */
function withAlign(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const align = attribs['align']?.trim().toLowerCase();
  if (align === undefined) return attribs;
  const out = { ...attribs };
  if (align === 'left' || align === 'right' || align === 'center') out['align'] = align;
  else delete out['align'];
  return out;
}

function withUrl(attribs: sanitizeHtml.Attributes, name: string, url: string): sanitizeHtml.Attributes {
  return { ...attribs, [name]: url };
}

export interface Assembly {
  body: string;
  /** The story's language: in a right-to-left one the byline and credit lines say they run left to right. */
  language?: string;
  byline?: string;
  dateline?: string;
  image?: ImageField;
  creditLines: readonly string[];
}

/** The byline, the photo, then the body with the dateline leading its first paragraph, then the credit lines. */
export function assembleContent(a: Assembly): string {
  const parts: string[] = [];
  // The byline's and credit lines' words are English (or Chinese): they run left to right, said outright
  // where it matters: in a right-to-left story, and on a credit line around an isolated right-to-left name
  // (see `isolated`). Not on a left-to-right story's byline: a reader's `dir="auto"` skips a paragraph
  // with its own `dir`, and the story's first letter would then be whatever follows (an Arabic city).
  const rtl = a.language !== undefined && isRightToLeft(a.language);
  const dir = (line: string): string => (rtl || line.includes('\u2066') ? ' dir="ltr"' : '');
  if (a.byline !== undefined) parts.push(`<p class="byline"${rtl ? ' dir="ltr"' : ''}>${escapeHtml(a.byline)}</p>`);
  const photo = a.image === undefined ? '' : figure(a.image, a.language);
  if (photo !== '') parts.push(photo);
  let body = a.body;
  if (a.dateline !== undefined) {
    const lead = `<span class="dateline">${escapeHtml(a.dateline)}</span>`;
    // The dateline leads the story's first words: past photos (and their captions).
    const at = datelineParagraph(body);
    body = at !== undefined ? `${body.slice(0, at)}${lead} ${body.slice(at)}` : `<p class="dateline">${lead}</p>${body === '' ? '' : `\n${body}`}`;
  }
  if (body !== '') parts.push(body);
  for (const line of a.creditLines) parts.push(`<p class="credit"${dir(line)}>${escapeHtml(line)}</p>`);
  return parts.join('\n');
}

/**
 * Where the dateline goes: just inside the paragraph the story's words start in (its opening tag, `<p>` or
 * `<p dir="ltr">`, ends there). Past what opens a story before its words: a photo (`<img>`, one in a link,
 * a `<figure>`), alone or in a paragraph of its own, and such a paragraph with the photo's caption in
 * italics after it (`![…](…)` and `*Caption. Photo: CNA*` on the next line). Undefined when the body does
 * not open so (a heading, a list), or has no paragraph after the photos. (QA: the dateline led a linked
 * photo, a caption, or stood alone above a photo in raw HTML.) Past a note before the story too
 * (`isLeadingNote`: `Editor's note: …`), when a paragraph of words follows; otherwise it leads the note.
 */
function datelineParagraph(body: string): number | undefined {
  let at = 0;
  /** The paragraph before was photos alone: one in italics alone after it is their caption. */
  let afterPhoto = false;
  /** Where the first note passed over starts: the dateline goes there when no paragraph of words follows. */
  let note: number | undefined;
  const found = (where: number | undefined): number | undefined => where ?? note;
  for (;;) {
    while (at < body.length && /\s/.test(body[at] as string)) at += 1;
    const photo = PHOTO_AT.exec(body.slice(at, at + 4096));
    if (photo !== null) {
      at += photo[0].length;
      afterPhoto = true;
      continue;
    }
    if (body.startsWith('<figure', at) && /^<figure[\s>]/.test(body.slice(at, at + 8))) {
      const end = body.indexOf('</figure>', at);
      if (end < 0) return found(undefined);
      at = end + '</figure>'.length;
      afterPhoto = true;
      continue;
    }
    const open = /^<p(?:\s[^>]*)?>/.exec(body.slice(at, at + 256));
    if (open === null) return found(undefined);
    const start = at + open[0].length;
    const end = body.indexOf('</p>', start);
    if (end < 0) return start;
    const inner = body.slice(start, end);
    const words = wordsStart(inner, afterPhoto);
    // A note before the story (an editor's note, a correction): the dateline leads the words after it (QA:
    // it led an imported editor's note).
    if (words !== undefined && isLeadingNote(inner.slice(words))) {
      note ??= start + words;
      afterPhoto = false;
      at = end + '</p>'.length;
      continue;
    }
    // Words: the dateline leads them, past photos (and a caption) before them in the paragraph. A photo (and caption): past it.
    if (words !== undefined) return start + words;
    afterPhoto = /<img\b/i.test(inner) && !CAPTION_AFTER.test(inner);
    at = end + '</p>'.length;
  }
}

/** A photo: an image, or an image alone in a link (`[![…](…)](…)`). */
const PHOTO = String.raw`(?:<img\b[^>]*>|<a\b[^>]*>\s*<img\b[^>]*>\s*</a>)`;
const PHOTO_AT = new RegExp(`^${PHOTO}`, 'i');
const LEADING_PHOTOS = new RegExp(`^(?:\\s|<br\\s*/?>|${PHOTO})*`, 'i');
/** One run of text in italics. */
const ITALICS = String.raw`<em>(?:[^<]|<(?!\/?em\b))*<\/em>`;
/** A photo's caption: one run of text in italics (review: `*Caption* text *more*` is words), then a line break or the end. */
const CAPTION = new RegExp(String.raw`^${ITALICS}(?:\s|<br\s*\/?>)*`);
/** A caption in italics in a paragraph of photos: the paragraph after it is not the photos' caption then. */
const CAPTION_AFTER = new RegExp(ITALICS);

/** An apostrophe as the Markdown renderer writes it, or typed. */
const APOSTROPHE = String.raw`(?:'|’|&#39;|&#x27;|&rsquo;)`;
/** A note's label, then a colon or a dash (a hyphen spaced: "Correction-officers" is a word): `Editor's note:`, `EDITOR'S NOTE —`, `Correction:`, `编者按：`. */
const NOTE_LABEL = new RegExp(
  String.raw`^\s*(?:editors?${APOSTROPHE}?s?\s+notes?|note\s+to\s+(?:readers|editors)|corrections?|clarifications?|编者按|编者注|编辑注)(?:\s*(?::|：|—|–|--)|\s+-\s)`,
  'i',
);

/**
 * Whether a paragraph's inner HTML is a note to readers that comes before a story: it starts with a label
 * such as `Editor's note:` or `Correction:` (in bold or italics or not). The dateline and the summary pass
 * over such paragraphs to the story's first words, when a paragraph of words follows.
 */
export function isLeadingNote(inner: string): boolean {
  return NOTE_LABEL.test(inner.slice(0, 200).replace(/<[^>]*>/g, ''));
}

/**
 * Where the story's words start in a paragraph's inner HTML: 0 for a paragraph of words, past the photos
 * that lead it (`![…](…) Words.`) and the caption in italics on its own line after them; undefined for a
 * paragraph of photos alone, photos and their caption (`![…](…)` and `*Ships at the breakwater. Photo:
 * CNA*`), or, `afterPhoto`, a caption alone after a paragraph of photos, which the dateline and the summary
 * pass over.
 */
export function wordsStart(inner: string, afterPhoto = false): number | undefined {
  const lead = LEADING_PHOTOS.exec(inner)?.[0] ?? '';
  const rest = inner.slice(lead.length);
  if (!/[^\s]/.test(rest)) return undefined;
  if (/<img\b/i.test(lead) || afterPhoto) {
    const caption = CAPTION.exec(rest)?.[0];
    if (caption !== undefined) {
      const after = rest.slice(caption.length);
      if (!/[^\s]/.test(after)) return undefined;
      // Words after the caption, on a line of their own: they start the story.
      if (/\n\s*$/.test(caption) || /<br\s*\/?>\s*$/i.test(caption)) return lead.length + caption.length;
    }
  }
  return lead.length;
}

function figure(image: ImageField, language: string | undefined): string {
  const alt = image.caption === undefined ? '' : ` alt="${escapeHtml(image.caption)}"`;
  const size = (image.width === undefined ? '' : ` width="${image.width}"`) + (image.height === undefined ? '' : ` height="${image.height}"`);
  const bits: string[] = [];
  // (Not isolated: a caption is the story's own words, whose direction a reader finds as it does the body's.)
  if (image.caption !== undefined) bits.push(escapeHtml(image.caption));
  if (image.credit !== undefined) bits.push(`<span class="photo-credit">${escapeHtml(image.credit)}</span>`);
  const caption = bits.join(' ');
  // A credit alone, with no photo shown, says what it credits, in the words the byline uses (review:
  // `Tom Reed/Reuters` stood above the story); not one that says so itself (`Photo: Reuters`).
  if (image.url === undefined && image.caption === undefined && image.credit !== undefined && !PHOTO_WORD.test(image.credit)) {
    const zh = language !== undefined && isChinese(language);
    const ltr = language !== undefined && isRightToLeft(language) ? ' dir="ltr"' : '';
    return `<p class="photo-caption"${ltr}>${zh ? `${chineseWords(language).photo}：` : 'Photo: '}${caption}</p>`;
  }
  // Copy can print a caption and credit for a photo the desk has no URL for: the credit is still shown.
  if (image.url === undefined) return caption === '' ? '' : `<p class="photo-caption">${caption}</p>`;
  return `<figure><img src="${escapeHtml(image.url)}"${alt}${size} />${caption === '' ? '' : `<figcaption>${caption}</figcaption>`}</figure>`;
}
