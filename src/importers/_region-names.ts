/**
 * How wires print the region after a dateline city, against the gazetteer's names: the spellings it
 * lacks (`Burma`, `D.C.`), and the forms of the names it has (`Antigua` for Antigua and Barbuda, `St. Kitts &
 * Nevis`, `Myanmar (Burma)`).
 */

/** A name as the gazetteer compares it: no accents, lower case, words apart by one space. */
export const key = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Regions wires print that the gazetteer names otherwise, by the country (ISO 3166 code) they are in. Keys as `key` makes them. */
export const REGION_COUNTRIES: Readonly<Record<string, string>> = {
  england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', britain: 'GB', 'great britain': 'GB', 'u k': 'GB', uk: 'GB',
  'u s': 'US', us: 'US', 'u s a': 'US', usa: 'US', 'united states': 'US', uae: 'AE', 'u a e': 'AE', czechia: 'CZ',
  'vatican city': 'VA', 'cote d ivoire': 'CI', 'hong kong': 'HK', macau: 'MO', macao: 'MO', taiwan: 'TW', tibet: 'CN',
  xinjiang: 'CN', 'inner mongolia': 'CN', 'west bank': 'PS', gaza: 'PS', 'gaza strip': 'PS', bavaria: 'DE', catalonia: 'ES',
  'd c': 'US', dc: 'US', burma: 'MM', 'north macedonia': 'MK', 'republic of congo': 'CG', 'republic of the congo': 'CG', 'congo brazzaville': 'CG',
  'democratic republic of congo': 'CD', 'democratic republic of the congo': 'CD', 'dr congo': 'CD', drc: 'CD', 'congo kinshasa': 'CD',
  bosnia: 'BA', herzegovina: 'BA', 'bosnia herzegovina': 'BA', gambia: 'GM', bahamas: 'BS', vatican: 'VA', 'palestinian territories': 'PS', 'occupied west bank': 'PS',
  turkiye: 'TR', eswatini: 'SZ', 'cabo verde': 'CV', 'timor leste': 'TL', 'east timor': 'TL', holland: 'NL',
  'viet nam': 'VN', falklands: 'FK', 'iraqi kurdistan': 'IQ', 'kurdistan region': 'IQ',
  // The English names of regions the gazetteer gives in their own language (`Nordrhein-Westfalen`).
  'north rhine westphalia': 'DE', 'lower saxony': 'DE', saxony: 'DE', 'saxony anhalt': 'DE', 'rhineland palatinate': 'DE', hesse: 'DE',
  thuringia: 'DE', 'baden wuerttemberg': 'DE', 'mecklenburg western pomerania': 'DE', lombardy: 'IT', tuscany: 'IT', sicily: 'IT',
  sardinia: 'IT', piedmont: 'IT', apulia: 'IT', 'aosta valley': 'IT', andalusia: 'ES', 'basque country': 'ES', 'castile and leon': 'ES',
  'castile la mancha': 'ES', 'balearic islands': 'ES', 'canary islands': 'ES', brittany: 'FR', normandy: 'FR', corsica: 'FR', burgundy: 'FR',
  // Countries in their own languages, as national agencies' structured copy names them (ANSA's NewsML-G2 locates
  // Rome in `Italia`: the city was unknown).
  italia: 'IT', espana: 'ES', deutschland: 'DE', osterreich: 'AT', schweiz: 'CH', suisse: 'CH', svizzera: 'CH', belgique: 'BE', belgie: 'BE',
  nederland: 'NL', polska: 'PL', sverige: 'SE', norge: 'NO', danmark: 'DK', suomi: 'FI', brasil: 'BR', mexico: 'MX', peru: 'PE',
  ellada: 'GR', hellas: 'GR', hrvatska: 'HR', magyarorszag: 'HU', 'ceska republika': 'CZ', romania: 'RO', srbija: 'RS', eire: 'IE',
  nippon: 'JP', nihon: 'JP', zhongguo: 'CN', rossiya: 'RU',
};

/** Countries wires name for places the gazetteer files apart: HONG KONG, China. */
export const COUNTRY_ALSO: Readonly<Record<string, readonly string[]>> = {
  china: ['HK', 'MO'], congo: ['CD', 'CG'], korea: ['KR', 'KP'],
  // Regions across borders, printed alone after a city: the match in any of their countries (SRINAGAR, Kashmir).
  kashmir: ['IN', 'PK'], kurdistan: ['IQ', 'TR', 'IR', 'SY'],
  // Abbreviations of regions the gazetteer does not write (Australia's states and territories, Puerto Rico),
  // some of them two countries' (`NT`, `WA`, `S.A.`): the match in either.
  'w a': ['AU'], wa: ['AU', 'US'], 'n t': ['AU', 'CA'], nt: ['AU', 'CA'], qld: ['AU'], vic: ['AU'], tas: ['AU'], act: ['AU'], 'a c t': ['AU'],
  's a': ['AU', 'ZA'], 'p r': ['PR'], pr: ['PR'], 'n z': ['NZ'], nz: ['NZ'],
};

/** Names that COUNTRY_ALSO gives and wires print alone as a region (not its abbreviations). */
export const REGIONS_ACROSS = ['china', 'congo', 'korea', 'kashmir', 'kurdistan'];

/**
 * A region as printed, compared: `key`'s form, `&` as `and`, `St.` as `Saint`, without a leading `the`
 * (`the Gambia`, `St. Lucia` → `saint lucia`).
 */
export const regionKey = (printed: string): string =>
  key(printed.replace(/&/g, ' and ')).replace(/^the /, '').replace(/(^| )st(?= |$)/g, '$1saint');

/**
 * The forms a gazetteer or ISO 3166 name is printed in after a city, as `regionKey` compares them: whole,
 * either part of one joined by `and` (`Antigua`, `Tobago`, `Kashmir` of Jammu and Kashmir), and without or
 * alone the words in its brackets (`Myanmar (Burma)`), or a trailing `SAR China` (`Hong Kong SAR China`).
 */
export function nameForms(name: string): string[] {
  const plain = name.replace(/\s+SAR China$/u, '');
  const bracketed = /^(.*?)\s*\(([^)]*)\)\s*$/u.exec(plain);
  const wholes = bracketed === null ? [plain] : [bracketed[1] ?? '', bracketed[2] ?? ''];
  const out = new Set<string>();
  for (const whole of wholes) {
    const k = regionKey(whole);
    if (k === '') continue;
    out.add(k);
    for (const part of k.split(/ and (?:the )?/)) if (part !== '' && part !== 'islands') out.add(part);
  }
  return [...out];
}
