/**
 * The XML serialiser the RSS and Atom writers use, against fast-xml-parser's XMLBuilder configured the
 * way the writers once configured it: on generated trees of the shapes the writers build (attributes,
 * text, nested elements, lists of elements and of strings, `undefined` members, numbers, HTML-marked
 * text, characters that need escaping), both must write the same bytes. The golden files pin the
 * documents themselves; this pins the serialiser on shapes the fixtures do not happen to have.
 */
import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { html, renderFragment, renderXml, type XmlNode, type XmlValue } from '../src/formats/_xml.js';

const NUM_RUNS = Number(process.env['FC_NUM_RUNS'] ?? 300);
const MARK = '\u0000';

// The escaping the writers asked the builder for: the predefined entities, `"` in attributes and HTML.
const escapeXml = (v: unknown): string => String(v).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const escapeText = (v: unknown): string => {
  const s = String(v);
  return s.startsWith(MARK) ? escapeXml(s.slice(1)) : s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
};
const reference = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: false,
  tagValueProcessor: (_name, value) => escapeText(value),
  attributeValueProcessor: (_name, value) => escapeXml(value),
});

const text = fc.oneof(
  fc.constantFrom('', 'plain', 'a & b', '<p>x</p>', '"quoted"', "it's", ']]>', 'true', '0', ' spaced ', 'line\nbreak', '中文', 'x > y'),
  fc.string({ maxLength: 12 }),
);
const textValue = fc.oneof(text, text.map(html), fc.integer({ min: -5, max: 100000 }));
const name = fc.constantFrom('item', 'title', 'link', 'media:content', 'dl:dateline', 'category', 'x');
const attrName = fc.constantFrom('@url', '@type', '@href', '@rel', '@isPermaLink', '@xml:lang', '@width');

const { node } = fc.letrec<{ node: XmlNode; value: XmlValue }>((tie) => ({
  node: fc
    .array(fc.oneof(fc.tuple(attrName, fc.option(fc.oneof(text, fc.integer()), { nil: undefined })), fc.tuple(name, tie('value')), fc.tuple(fc.constant('#text'), textValue)), { maxLength: 5 })
    .map((pairs) => Object.fromEntries(pairs) as XmlNode),
  value: fc.oneof(
    { depthSize: 'small' },
    textValue,
    fc.constant(undefined),
    tie('node'),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.array(text, { maxLength: 3 }),
  ),
}));

describe('XML serialiser', () => {
  it('writes what XMLBuilder writes, for documents and for fragments at depth 1 and 2', () => {
    fc.assert(
      fc.property(name, node, (root, tree) => {
        const doc: XmlNode = { [root]: tree };
        const built = (reference.build(doc) as string).trimEnd();
        expect(renderXml(doc)).toBe(`<?xml version="1.0" encoding="utf-8"?>\n${built}\n`);
        const one = reference.build({ a: { [root]: [tree] } }) as string;
        expect(renderFragment(root, tree, 1)).toBe(one.slice('<a>\n'.length, one.length - '</a>\n'.length));
        const two = reference.build({ a: { b: { [root]: [tree] } } }) as string;
        expect(renderFragment(root, tree, 2)).toBe(two.slice('<a>\n  <b>\n'.length, two.length - '  </b>\n</a>\n'.length));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('escapes text, HTML and attributes, and self-closes empty elements', () => {
    const doc = renderXml({ rss: { '@version': '2.0', '@note': `a"b'c<d>&`, channel: { title: 'A & B <C>', description: html('<p class="x">Hi</p>'), empty: '', skip: undefined, n: 0 } } });
    expect(doc).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<rss version="2.0" note="a&quot;b&apos;c&lt;d&gt;&amp;">\n' +
        '  <channel>\n' +
        '    <title>A &amp; B &lt;C&gt;</title>\n' +
        '    <description>&lt;p class=&quot;x&quot;&gt;Hi&lt;/p&gt;</description>\n' +
        '    <empty/>\n' +
        '    <n>0</n>\n' +
        '  </channel>\n' +
        '</rss>\n',
    );
  });
});
