/**
 * Windows-1252 as the WHATWG Encoding Standard defines it, which is what `windows-1252`, `iso-8859-1`,
 * `latin1` and `us-ascii` labels mean in a browser and in an e-mail client. Node.js 20's TextDecoder reads
 * these labels as ISO-8859-1 (nodejs/node#56542): the bytes 0x80–0x9F, Windows' punctuation (`’` is 0x92,
 * `–` 0x96, `“` 0x93), come out as C1 control characters, which a feed may not carry, so the build dropped
 * them (QA: AAP's `AAP – Adam Scott` and `Resort’s`, in an e-mail labelled Windows-1252, became `AAP  Adam
 * Scott` and `Resorts`). Decoding goes through here, and the control characters become the characters they
 * stand for; on a Node.js that decodes correctly, nothing changes.
 */

/** Windows-1252's characters for the bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are the C1 controls in the index too). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Each of those characters' byte. */
export const WINDOWS_1252_BYTES: ReadonlyMap<string, number> = new Map([...HIGH].map((c, k) => [c, 0x80 + k]));

/** C1 control characters that Windows-1252 gives other characters, as those characters. */
const C1 = /[\u0080\u0082-\u008C\u008E\u0091-\u009C\u009E\u009F]/gu;

/** Text with its C1 control characters read as Windows-1252's bytes (`\u0092` → `’`); how many there were. */
export function c1AsWindows1252(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(C1, (c) => {
    count += 1;
    return HIGH[c.charCodeAt(0) - 0x80] ?? c;
  });
  return { text: out, count };
}

/**
 * Bytes decoded in the encoding a label names, as TextDecoder does (throwing for an unknown label, and for
 * bytes the encoding has no character for with `fatal`), Windows-1252 as the standard defines it.
 */
export function decodeLabelled(bytes: Uint8Array, label: string, fatal = false): string {
  const decoder = new TextDecoder(label, { fatal });
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? c1AsWindows1252(text).text : text;
}
