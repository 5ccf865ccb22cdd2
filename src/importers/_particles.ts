/**
 * The lower-case particles of people's names (`van der Berg`, `bin Salman`, `de la Cruz`, `ter Stegen`,
 * `Ortega y Gasset`, `Silva e Costa`, `do Nascimento`): one list for every reader of names (bylines,
 * taglines, leads, surname-first credits).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'bin', 'binti', 'bint', 'da', 'das', 'de', 'del', 'della', 'den', 'der', 'di', 'do', 'dos', 'du', 'e', 'el', 'ibn', 'la', 'le',
  'te', 'ten', 'ter', 'van', 'von', 'y', 'zu',
]);

/** The particles as a regular expression's alternation, longest first. */
export const PARTICLES = [...NAME_PARTICLES].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
