/**
 * The element model the NITF and ninjs importers read copy into: NITF XML (from fast-xml-parser) and HTML
 * bodies become the same tree of `El` elements and text, with the small helpers both importers use to read
 * it (child/children/attr/textOf/descendants, squash/unique, lineOf) and the names of the elements that stand
 * apart from their neighbours' text (block level), which `textOf` and the block reader in `_blocks.ts` share.
 */

/** Elements of HTML that hold nothing, so never nest (`<br>`, also in NITF written with HTML in mind). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'source', 'wbr', 'area', 'base', 'col', 'embed', 'param', 'track']);

/** An element of NITF or of an HTML body, read into one shape. */
export interface El {
  /** The local name, without a prefix (`title` for `media:title`). */
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  /**
   * XML only: the namespace the element's prefix (or the default namespace) names in its scope; absent for
   * none, `?media` for a prefix no declaration binds. What tells RSS's `title` from Media RSS's `media:title`.
   */
  ns?: string;
}

// ----- What each element is -----

/** Containers whose children are read in place. */
export const CONTAINERS = new Set(['figcaption', 'block', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'body', 'body.content', 'html', 'center']);
export const HEADINGS = new Set(['hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Never reader text: scripts, styles, embeds and forms (the build would strip them anyway). */
export const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'noscript', 'template', 'svg', 'video', 'audio', 'canvas', 'head', 'title', 'meta', 'link']);
/** Block elements whose text we keep as plain paragraphs, with a note that their layout was not kept. */
const FLATTENED = new Set(['nitf-table', 'pre', 'dl', 'fn', 'note', 'address', 'details', 'fieldset']);
/** Elements that are not block level but whose text is still apart from its neighbours'. */
const SEPARATE = new Set(['tr', 'td', 'th', 'dt', 'dd', 'caption', 'credit', 'figcaption', 'media-caption', 'media-producer']);
/** Elements that end the paragraph being collected. */
export const BLOCK_LEVEL = new Set([...CONTAINERS, ...HEADINGS, ...DROPPED, ...FLATTENED, 'table', 'p', 'bq', 'blockquote', 'ul', 'ol', 'li', 'media', 'figure', 'hr', 'img']);

// ----- Reading the tree -----

const NO_NAMESPACES: ReadonlyMap<string, string> = new Map();

/**
 * fast-xml-parser's nodes (names with their prefixes) as elements: each element's local name, its attributes
 * by their local names (`xml:lang` is `lang`), the namespace declarations left out as attributes and read into
 * each element's `ns`.
 */
export function toNodes(nodes: unknown[], scope: ReadonlyMap<string, string> = NO_NAMESPACES): (El | string)[] {
  const out: (El | string)[] = [];
  for (const n of nodes) {
    const o = n as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    let inner = scope;
    for (const [a, v] of Object.entries((o[':@'] ?? {}) as Record<string, unknown>)) {
      if (a === 'xmlns' || a.startsWith('xmlns:')) {
        if (inner === scope) inner = new Map(scope);
        (inner as Map<string, string>).set(a === 'xmlns' ? '' : a.slice(6), String(v));
      } else attrs[a.slice(a.indexOf(':') + 1)] = String(v);
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === ':@') continue;
      if (k === '#text') out.push(String(v));
      else if (Array.isArray(v)) {
        const colon = k.indexOf(':');
        const prefix = colon < 0 ? '' : k.slice(0, colon);
        const ns = inner.get(prefix) ?? (prefix === '' ? undefined : `?${prefix}`);
        const el: El = { name: k.slice(colon + 1), attrs, children: toNodes(v, inner) };
        if (ns !== undefined && ns !== '') el.ns = ns;
        out.push(el);
      }
    }
  }
  return out;
}

/** The children of `el` named `name` in `el`'s own namespace (RSS's `title`, not Media RSS's `media:title`). */
export function ownChildren(el: El | undefined, name: string): El[] {
  return children(el, name).filter((c) => c.ns === el?.ns);
}

export function ownChild(el: El | undefined, name: string): El | undefined {
  return ownChildren(el, name)[0];
}

export function child(el: El | undefined, name: string): El | undefined {
  return el?.children.find((c): c is El => typeof c !== 'string' && c.name === name);
}

export function children(el: El | undefined, name: string): El[] {
  return (el?.children ?? []).filter((c): c is El => typeof c !== 'string' && c.name === name);
}

export function attr(el: El | undefined, name: string): string | undefined {
  return el?.attrs[name];
}

/** All the text under a node, as written; block elements are kept apart by a line break. */
export function textOf(node: El | string | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (node.name === 'br') return '\n';
  const text = node.children.map(textOf).join('');
  return BLOCK_LEVEL.has(node.name) || SEPARATE.has(node.name) ? `\n${text}\n` : text;
}

/** Text of format and control characters alone (direction marks, zero-width spaces, NEL) and spaces: nothing to read. */
const INVISIBLE_ONLY = /^[\p{Cf}\p{Cc}\s]*$/u;
export const invisibleOnly = (s: string): boolean => INVISIBLE_ONLY.test(s);

/**
 * Whitespace runs as one space (a NEL, which the build strips, too), trimmed; empty for text of invisible characters
 * alone (fuzzing: a headline of one direction mark was a title the build refused as empty).
 */
export const squash = (s: string): string => (invisibleOnly(s) ? '' : s.replace(/[\s\u0085]+/g, ' ').trim());

export function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** 1-based line of the first occurrence of `needle`, or undefined. */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

export function descendants(el: El | undefined, name: string): El[] {
  return (el?.children ?? []).flatMap((c) => (typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...descendants(c, name)]));
}
