/**
 * A strict reading of generated HTML with htmlparser2 (already installed, through sanitize-html): the
 * checks a conformance checker would make on the markup we write. Every element that is not void is
 * closed explicitly and in order (htmlparser2 reports the closes and opens the HTML parser would have to
 * imply), no end tag is stray, ids are unique, and the document has its doctype, lang, charset and title.
 */
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Problems found in `html`, empty when it is well formed. */
export function htmlProblems(html: string, { fragment = false } = {}): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, _attribs, implied) {
        if (implied) problems.push(`<${name}> implied (a stray </${name}>?)`);
        if (!VOID.has(name)) stack.push(name);
      },
      onclosetag(name, implied) {
        if (VOID.has(name)) return;
        if (implied) problems.push(`<${name}> closed implicitly (inside ${stack.join(' > ')})`);
        const top = stack.pop();
        if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}>`);
      },
    },
    { decodeEntities: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
  );
  parser.write(html);
  parser.end();
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (/[A-Z]/.test(html.match(/<\/?[a-zA-Z]+/g)?.join('') ?? '')) problems.push('upper-case tag names');
  const doc = parseDocument(html);
  const ids = DomUtils.findAll((e) => e.attribs['id'] !== undefined, doc.children).map((e) => e.attribs['id']);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length > 0) problems.push(`duplicate ids: ${dup.join(', ')}`);
  for (const e of DomUtils.findAll((x) => x.attribs['aria-labelledby'] !== undefined, doc.children)) {
    if (!ids.includes(e.attribs['aria-labelledby'])) problems.push(`aria-labelledby="${e.attribs['aria-labelledby']}" names no id`);
  }
  if (!fragment) {
    if (!/^<!DOCTYPE html>\n/i.test(html)) problems.push('no <!DOCTYPE html> first');
    const one = (name: string): Element | undefined => {
      const found = all(doc, name);
      if (found.length !== 1) problems.push(`${found.length} <${name}> elements`);
      return found[0];
    };
    if (!one('html')?.attribs['lang']) problems.push('<html> has no lang');
    const head = one('head');
    one('body');
    if ((one('title') && DomUtils.textContent(all(doc, 'title')[0]!).trim()) === '') problems.push('empty <title>');
    const first = head?.children.find((c): c is Element => c.type === 'tag');
    // XSLT processors write the http-equiv form of the same declaration.
    const declared = (e: Element): string | undefined =>
      e.attribs['charset'] ?? (e.attribs['http-equiv']?.toLowerCase() === 'content-type' ? /charset=([\w-]+)/i.exec(e.attribs['content'] ?? '')?.[1] : undefined);
    const charset = first?.name === 'meta' ? declared(first) : undefined;
    if (charset?.toLowerCase() !== 'utf-8') problems.push('<meta charset="utf-8"> is not first in <head>');
  }
  return problems;
}

export function all(doc: Document | Element, name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name, doc.children);
}

/** Text with whitespace runs collapsed, as a reader sees it. */
export function textOf(node: Document | Element): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
}

export { parseDocument };
