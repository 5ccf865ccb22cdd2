/**
 * Given names common in wire bylines, and the family names that Chinese, Korean and Vietnamese names
 * print first (`Wang Jing`, `Kim Min-jun`, `Nguyen Van An`): the positive sign that the words beside a
 * byline's "with" are a person's name (`By Jane Doe with Tom Hale`), not an organisation's or a
 * publication's (`with Red Cross`, `with Mercy Corps`, `with Mississippi Today`), which any two capitalised
 * words may be. Deliberately small, and without the names that are as often a word, a place or the first
 * word of an organisation (Al — Al Jazeera, Mercy, Morgan, Wells, Ford, Jordan, Victoria, May, Summer):
 * a name not here is not parted at "with" and the byline is read as before, with a note. A credit is
 * never invented; one missed is the desk's to split. Sun is left out (Sun Sentinel, Sun-Times), and an
 * organisation's word after a listed name (`Lee Enterprises`) says no person (`_with.ts`).
 */
const NAMES = `
Aaron Abdul Adam Adrian Ahmed Aisha Alan Alex Alexander Alexandra Ali Alice Alison Amanda Amit Amy Ana Andrea Andrew Angela Ann Anna Anne
Anthony Antonio Barbara Ben Benjamin Beth Betty Bob Brian Carl Carlos Carol Caroline Catherine Charles Charlotte Chris Christine Christopher
Claire Colin Daniel Dan David Deborah Dennis Diana Dmitry Donald Donna Douglas Edward Elena Elizabeth Ellen Emily Emma Eric Eva Fatima
Francesca Frank Gary George Giovanni Giulia Greg Hans Hassan Helen Henry Hiroshi Ian Irina Ivan Jack James Jane Janet Jason Jean Jeff
Jennifer Jessica Jim Joan Joe John Jonathan Jose Joseph Josh Juan Julia Julie Karen Kate Katherine Kathryn Kenji Kevin Klaus Larry Laura
Linda Lisa Luca Lucy Luis Marc Marco Margaret Maria Marie Mark Martin Mary Matt Matthew Megan Melissa Michael Michelle Miguel Mike
Mohammed Muhammad Nancy Nick Nicholas Nicole Olga Olivia Omar Patricia Patrick Paul Pedro Peter Pierre Priya Rachel Rahul Raj Rebecca
Richard Robert Ruth Ryan Sam Sandra Sara Sarah Scott Sean Sergei Simon Sofia Sophie Stefan Stephen Steve Steven Susan Tara Teresa Thomas
Tim Timothy Tom Tony William Yuki
`;

/** The family names that Chinese, Korean and Vietnamese names print first. Not Sun (Sun Sentinel, Sun-Times, The Sun start as many mastheads). */
const FAMILY_FIRST = `
Chen Guo Huang Kim Lee Li Lin Liu Luo Nguyen Tran Wang Wu Xu Yang Zhang Zhao Zhou Zhu
`;

const words = (list: string): string[] => list.split(/\s+/u).filter(Boolean).map((n) => n.toLowerCase());
const GIVEN = new Set(words(NAMES));
const KNOWN = new Set([...GIVEN, ...words(FAMILY_FIRST)]);

/**
 * Whether a name's first word is one of the lists (`Tom Hale`, `TOM HALE`, `Wang Jing`), in any case. Not
 * a name of two given names (`Marie Claire`, a magazine's as often as a person's), which shows no surname.
 */
export function startsWithKnownName(name: string): boolean {
  const parts = name.trim().split(/\s+/u).map((w) => w.toLowerCase());
  if (parts.length === 2 && GIVEN.has(parts[0] ?? '') && GIVEN.has(parts[1] ?? '')) return false;
  return KNOWN.has(parts[0] ?? '');
}
