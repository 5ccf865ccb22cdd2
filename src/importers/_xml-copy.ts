/**
 * Wire copy in XML (NITF, NewsML-G2) read into the element tree (`_tree.ts`): checked for well-formedness
 * first, so a truncated file is named with the line where it breaks; HTML's named entities, which copy
 * written with an HTML DTD in mind uses, read as the characters they name; no external entity fetched.
 */
import { decodeHTMLStrict } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { toNodes, type El } from './_tree.js';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // (Prefixes kept: toNodes reads each element's namespace, and gives elements and attributes their local names.)
  removeNSPrefix: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The document's top-level nodes (its root element among them), or why it cannot be read. */
export function readXmlCopy(given: string, file: string): { roots: (El | string)[] } | { problem: Diagnostic } {
  // Blank lines before the XML declaration, which must open the document, as many sites' feeds send them (a
  // WordPress theme's or plugin's stray line: real feeds were refused at line 2): moved after it, so that
  // every line after it keeps its number. Nothing of the copy is lost.
  const text = given.replace(/^(\s+)(<\?xml\s[^>]*\?>)/, '$2$1');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { problem: xmlError(valid.err, text, file) };
  try {
    return { roots: toNodes(parser.parse(htmlEntitiesAsNumbers(text)) as unknown[]) };
  } catch (e) {
    // Well-formed but refused by the parser: an external entity in the DOCTYPE, which is never fetched.
    const at = /<!ENTITY[^>]*\b(?:SYSTEM|PUBLIC)\b/.exec(text) ?? /<!DOCTYPE/.exec(text);
    const line = at === null ? 1 : text.slice(0, at.index).split('\n').length;
    return { problem: diagnostic(Errors.ImportXmlSyntax, { file, line }, `${(e as Error).message.replace(/\.$/, '')} (Dateline reads no file or URL an XML document names)`) };
  }
}

/**
 * HTML's named entities (`caf&eacute;`) as numeric references the parser reads: it knows a few names
 * itself, and left the others as written (`&eacute;` went into the record). In the raw text, before the
 * parser reads it, so that `&amp;eacute;`, text about entities, stays as written. XML's own five, and any
 * other name (one the DOCTYPE declares), are left alone.
 */
function htmlEntitiesAsNumbers(text: string): string {
  if (!text.includes('&')) return text;
  // (Not one the DOCTYPE declares, `<!ENTITY copy "Copyright Xinhua">`, nor in a CDATA section or a comment, which hold text.)
  const declared = new Set([...text.matchAll(/<!ENTITY\s+([A-Za-z][\w.-]*)/g)].map((m) => m[1]));
  return text.replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|&([A-Za-z][A-Za-z0-9]{1,31});/g, (e, name: string | undefined) => {
    if (name === undefined || XML_ENTITIES.has(name) || declared.has(name)) return e;
    const decoded = decodeHTMLStrict(e);
    return decoded === e ? e : [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
  });
}
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function xmlError(err: { code: string; msg: string; line: number; col?: number }, text: string, file: string): Diagnostic {
  // The validator reports elements still open at the end of the file at line 1; the problem is at the end.
  const open = /^Invalid '\[(.*)\]' found\.$/s.exec(err.msg);
  if (err.code === 'InvalidXml' && open !== null) {
    const names = [...(open[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    const lines = text.replace(/\s+$/, '').split('\n');
    const detail = `the file ends inside <${names[names.length - 1] ?? '?'}> (open: ${names.join(' > ')}); it looks truncated`;
    return diagnostic(Errors.ImportXmlSyntax, { file, line: lines.length }, detail);
  }
  const col = err.col === undefined ? '' : ` (column ${err.col})`;
  return diagnostic(Errors.ImportXmlSyntax, { file, line: err.line }, `${err.msg.replace(/\.$/, '')}${col}`);
}

/**
 * The line (1-based) of an offset in `text`, found by a binary search of its line starts, which are listed on
 * the first call: a document of many items asks for many lines (each a stamp's, as its checks name it), and
 * counting the lines before each offset again made a feed of 12,000 items take 15 s.
 */
export function lineFinder(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
