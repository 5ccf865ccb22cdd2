/**
 * Where JSON that JSON.parse refused goes wrong, and what to do about it, in a desk's words. V8 gives the
 * position of some errors only; for others it quotes the text around the token, over several lines
 * (`Unexpected token ']', ..."B"},\n  ]\n}" is not valid JSON`), which put the error at line 1 and broke
 * the one-line report. jsonc-parser, strict (no comments, no trailing commas), finds the offset; it is
 * loaded only when a file has such an error.
 */
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

let lib: typeof Jsonc | undefined;
const jsonc = (): typeof Jsonc => (lib ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc);

export interface JsonProblem {
  /** Where it is, as an offset into the text. */
  offset: number;
  detail: string;
}

const CURLY_DOUBLE = /^[“”„‟″«»]/u;
const CURLY_SINGLE = /^['‘’‚‛]/u;

const INVISIBLE = /^[\u00a0\u00ad\u061c\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/u;
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  '\u00a0': 'a no-break space', '\u200b': 'a zero-width space', '\ufeff': 'a byte-order mark', '\u3000': 'an ideographic space', '\u2028': 'a line separator',
};

/** The bracket still open at `at` (`[` or `{`), reading strings as JSON writes them. */
function openAt(text: string, at: number): string | undefined {
  const stack: string[] = [];
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < at && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') stack.push(c);
    else if (c === ']' || c === '}') stack.pop();
  }
  return stack[stack.length - 1];
}

/** The first problem in a JSON text (`record`: a record's, which could be Markdown), or undefined when jsonc-parser finds none (JSON.parse's message is then the one). */
export function jsonProblem(text: string, record = false): JsonProblem | undefined {
  const { parse, printParseErrorCode } = jsonc();
  const errors: Jsonc.ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  const at = first.offset;
  // (JSON's white space is four characters: a no-break space or a byte-order mark at the end is an error, not the end.)
  const end = text.replace(/[ \t\n\r]+$/, '').length;
  // (By name: the codes are a const enum, which the types alone do not give.)
  const code = printParseErrorCode(first.error);
  const rest = text.slice(at);
  const before = text.slice(0, at).trimEnd().slice(-1);
  const problem = (detail: string, offset = at): JsonProblem => ({ offset, detail });
  if (at >= end && code !== 'UnexpectedEndOfString') return problem('the text ends too soon: a closing } or ] or a value is missing at the end', end);
  const ch = rest.charAt(0);
  // An invisible character where JSON allows only spaces, tabs and line breaks (pasted from a web page).
  if (INVISIBLE.test(ch)) return problem(`an invisible character, U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}${INVISIBLE_NAMES[ch] === undefined ? '' : ` (${INVISIBLE_NAMES[ch]})`}, where JSON allows only spaces, tabs and line breaks: take it out`);
  // `"n": 01`: jsonc-parser reads 0, then 1, and asks for a comma.
  const number = /(?:^|[^\w.])(-?0\d+(?:\.\d+)?)$/.exec(text.slice(0, at + (/^\d/.test(rest) ? /^\d+/.exec(rest)?.[0].length ?? 0 : 0)));
  if (number !== null && code === 'CommaExpected') return problem(`a number with a leading zero (${number[1]}), which JSON does not read: write it without the zero, or in double quotes as text`, at - 1);
  // A list closed with } or an object with ]: the one it needs.
  const open = /^[}\]]/.test(rest) ? openAt(text, at) : undefined;
  if (open !== undefined && (open === '[' ? rest.startsWith('}') : rest.startsWith(']'))) return problem(`a ${rest.charAt(0)} where the ${open === '[' ? 'list' : 'object'} still open needs its ${open === '[' ? ']' : '}'}`);
  switch (code) {
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return problem(`JSON has no comments: take it out${record ? ' (the YAML front matter of a Markdown record takes comments after #)' : ''}`);
    case 'InvalidSymbol':
      if (CURLY_DOUBLE.test(rest)) return problem(`a curly quotation mark (${rest.charAt(0)}) where JSON needs a straight one ("), as a word processor writes them`);
      if (CURLY_SINGLE.test(rest)) return problem('a single quotation mark: JSON puts keys and text in double quotes (")');
      return problem(`unexpected ${JSON.stringify(/^\w+|^\S/u.exec(rest)?.[0] ?? rest.charAt(0))}: text needs double quotes ("); true, false, null and numbers none`);
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (before === ',' && /^[}\]]/.test(rest)) return problem(`a comma after the last ${rest.startsWith('}') ? 'key' : 'item'}: take it out (JSON allows none)`, text.slice(0, at).trimEnd().length - 1);
      return problem(code === 'PropertyNameExpected' ? 'expected a key in double quotes ("key": value)' : 'expected a value: text in double quotes, a number, true, false, null, an object or a list');
    case 'CommaExpected':
      return problem('a comma is missing before this (between two keys, or two items of a list)');
    case 'ColonExpected':
      return problem('a colon is missing after the key before this ("key": value)');
    case 'CloseBraceExpected':
      return problem('expected a comma or the closing } of the object');
    case 'CloseBracketExpected':
      return problem('expected a comma or the closing ] of the list');
    case 'EndOfFileExpected':
      return problem('more text after the end of the JSON object: a record is one object');
    case 'UnexpectedEndOfString':
      return problem('text that is never closed: its closing " is missing');
    case 'InvalidCharacter':
      return problem('a control character (a line break or a tab) inside text: write it as \\n or \\t');
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return problem('a backslash that starts no JSON escape: write \\\\ for a backslash itself');
    default:
      return problem('a number JSON does not read (no leading zeros, +, or trailing point)');
  }
}
