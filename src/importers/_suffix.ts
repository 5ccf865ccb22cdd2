/**
 * What follows a name after a comma and is no name: suffixes (`Jr.`, `Sr.`, `Jnr.`, `III`), which belong to
 * the name before it, and letters (`PhD`, `M.D.`, `OBE`), a title a byline has no field for.
 */

/** `Jr.`, `Sr.`, `III` after a comma: part of the name before it (`By Martin Luther King, Jr.`), as `Jr.`, `Sr.`, `III`. */
export function nameSuffix(part: string): string | undefined {
  const m = /^(Jr|Sr|Jnr|Snr|JR|SR|JNR|SNR)\.?$|^(II|III|IV)$/u.exec(part.trim());
  if (m === null) return undefined;
  return m[2] ?? `${(m[1] ?? '').charAt(0)}${(m[1] ?? '').slice(1).toLowerCase()}.`;
}

/**
 * A name with its suffix, without the comma between them (`Martin Luther King` + `Jr.` → `Martin Luther
 * King Jr.`, as bylines give it); in capitals when the name is (`JIM ROE JR.`), since credits keep the case printed.
 */
export function withSuffix(name: string, suffix: string): string {
  const capitals = /\p{Lu}{2}/u.test(name) && name === name.toUpperCase();
  return `${name} ${capitals ? suffix.toUpperCase() : suffix}`;
}

/** Letters after a name: degrees and honours (`PhD`, `OBE`, `Esq.`); in capitals as printed (`Md` is Mohammed's, as Bangladeshi names write it). */
const POST_NOMINAL = /^(?:Ph\.?\s?D\.?|PHD|MD|M\.D\.|JD|J\.D\.|MBA|OBE|MBE|CBE|KBE|DBE|QC|KC|MP|Esq\.?)$/u;
export const isPostNominal = (part: string): boolean => POST_NOMINAL.test(part.trim());
