/**
 * Counts in messages, as en-US writes them (`12,345`), without Intl: ICU's first number format in a
 * process costs 11–12 ms (it loads its locale data), a thirtieth of an incremental build that asks Intl
 * nothing else and prints its summary line.
 */

/** A whole number with its thousands grouped by commas, as `n.toLocaleString('en-US')` writes it. */
export function grouped(n: number): string {
  // (Fractions, and numbers past 2^53, whose digits toString and Intl write differently, are left to Intl.)
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  const out = digits.length > 3 ? digits.replace(/\B(?=(?:\d{3})+$)/g, ',') : digits;
  // Intl keeps the sign of -0.
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}
