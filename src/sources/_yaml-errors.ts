/**
 * The yaml library's errors in a desk's words, at the line to fix: where a quote that is never closed
 * opens (yaml reports where the text ends), that the line after a key is indented, that an apostrophe
 * ends a value in single quotes, that YAML indents with spaces.
 */

export interface YamlProblem {
  /** Where it is, as an offset into the text. */
  offset: number;
  detail: string;
}

/** The start of each line of `text`, and the line holding an offset (0-based). */
function lineAround(text: string, offset: number): { start: number; text: string; next: string | undefined } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1) - (text[offset - 1] === '\n' ? 1 : 0)) + 1;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? text.length : end);
  const rest = end < 0 ? [] : text.slice(end + 1).split('\n');
  return { start, text: line, next: rest.find((l) => l.trim() !== '') };
}

/**
 * The line where a value in `quote`s opens and does not close, the last one before `before`: `title:
 * "Trump to host Netanyahu`, its key and offset.
 */
function unclosedQuote(text: string, quote: string, before: number): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  let offset = 0;
  for (const line of text.slice(0, before).split('\n')) {
    const m = /^\s*(?:-\s+)?(?:([^\s:#][^:#]*?):\s+)?(["'])/.exec(line);
    if (m !== null && m[2] === quote) {
      const after = line.slice(m[0].length);
      const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(after) : /'(?!')/.test(after.replace(/''/g, ''));
      if (!closed) found = { key: (m[1] ?? '').trim(), offset };
    }
    offset += line.length + 1;
  }
  return found;
}

/** The yaml library's message, first line only, with what to do for the mistakes desks make most. */
export function yamlProblem(e: { code: string; message: string; pos: [number, number] }, text: string): YamlProblem {
  const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const at = e.pos[0];
  const here = (detail: string, offset = at): YamlProblem => ({ offset, detail });
  const line = lineAround(text, at);
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\n:]*/.exec(text.slice(at))?.[0].trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
      return here(key ? `the key "${key}" is given twice` : first);
    }
    case 'MISSING_CHAR': {
      const quote = /closing "quote/.test(first) ? '"' : /closing 'quote/.test(first) ? "'" : undefined;
      const open = quote === undefined ? undefined : unclosedQuote(text, quote, at);
      if (open === undefined) return here(first);
      return here(`${open.key === '' ? 'a value' : `the value of "${open.key}"`} opens a quotation mark (${quote}) that is never closed: close it at the end of the value`, open.offset);
    }
    case 'TAB_AS_INDENT':
      return here('YAML indents with spaces, never tabs: put spaces in place of the tab at the start of this line');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // ` date: …` under `title: T`: the line after is indented, so YAML reads it as part of this value.
      const indent = (l: string): number => /^ */.exec(l)?.[0].length ?? 0;
      const value = /:\s+(.*)$/.exec(line.text)?.[1] ?? '';
      if (line.next !== undefined && indent(line.next) > indent(line.text) && /^\s*[^\s:#]+:(?:\s|$)/.test(line.next) && !/: /.test(value)) {
        // At the line to fix, the one indented: as far in as the key above it (QA: a nested key indented one
        // space too many was told to start at the left margin, at the line above it).
        const n = indent(line.text);
        const next = text.indexOf(line.next, line.start + line.text.length);
        const where = n === 0 ? 'start it at the left margin, as the key above it' : `indent it as the key above it, by ${n} space${n === 1 ? '' : 's'}`;
        return here(`this line is indented more than the key above it, so YAML reads it as a part of that key's value: ${where}`, next < 0 ? at : next);
      }
      return here(`${first}; put quotes around a value that contains ": "`);
    }
    case 'UNEXPECTED_TOKEN':
      // `title: 'Don't panic'`: the apostrophe ends the value in single quotes.
      if (/:\s+'[^']*'\S/.test(line.text)) return here(`an apostrophe inside a value in single quotes ends it: write it twice ('Don''t') or put the value in double quotes`);
      return here(first);
    default:
      // (yaml's parser recurses for each level: nesting by the hundred runs out of stack, where it gets to.)
      if (/Maximum call stack size exceeded/.test(first)) return here('the record nests lists or mappings too deep to read (hundreds of levels), where a record\'s fields go three deep at most: check where the file came from');
      return here(/Nested mappings are not allowed in compact mappings/.test(first) ? `${first}; put quotes around a value that contains ": "` : first);
  }
}
