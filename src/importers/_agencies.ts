/**
 * Agency lines (`Agencies Via Xinhua`, `Reuters - AP`), the agencies they name, and the keys that compare
 * one agency's full and short names (`Associated Press`, `AP`).
 */


/** Agencies whose names stand alone on a credit line (wire services, and the generic "Agencies"). */
const AGENCIES = [
  'Xinhua', 'Agencies', 'AP', 'Associated Press', 'Reuters', 'AFP', 'Agence France-Presse', 'Bloomberg', 'dpa', 'EFE', 'ANSA',
  'Kyodo', 'Yonhap', 'TASS', 'RIA Novosti', 'PTI', 'IANS', 'AAP', 'CNA', 'Bernama', 'Anadolu', 'UPI', 'China Daily', 'CGTN',
  'China News Service', 'Central News Agency', '新华社', '新華社', '中新社', '中央社',
  // (Reuters and AFP in Arabic, Reuters in Hebrew, as their datelines print them: `القاهرة (رويترز) -`.)
  'رويترز', 'أ ف ب', 'ا ف ب', 'רויטרס',
  // Full names `agencyKey` knows that no other reading gives (`Kyodo News` and `Xinhua News Agency` are
  // read by their trade: `agencyOfPublication`), so that a name counted as an agency's is one.
  'Agence France Presse', 'Deutsche Presse-Agentur', 'United Press International', 'Press Trust of India', 'Australian Associated Press', 'Anadolu Agency',
  'APP', 'Associated Press of Pakistan',
  // National agencies whose leads newsrooms receive (`Jakarta (ANTARA) -`, `ABU DHABI, 5th February, 2025 (WAM) --`).
  'Antara', 'ANTARA', 'WAM', 'Emirates News Agency', 'Saudi Press Agency', 'QNA', 'Qatar News Agency', 'KUNA', 'IRNA', 'Interfax',
  'Sputnik', 'Lusa', 'Belga', 'ANP', 'PAP', 'Ukrinform', 'VNA', 'Prensa Latina',
  // Britain's, as its NITF bylines name it (`By Ian Jones, Press Association`: real copy made it an author).
  'Press Association', 'PA Media', 'PA',
  // The press-release wires (`asBracketedLead`).
  'PR Newswire', 'Business Wire', 'GlobeNewswire', 'CNW', 'ACCESSWIRE',
];
export const AGENCY = `(?:${AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
/** Between agencies credited together: `Reuters - AP`, `AFP/Xinhua`, `Reuters, AFP`, `AFP and AP`. */
export const JOINED = String.raw`(?:\s*[-–/,&]\s*|\s+and\s+)`;
/** (A chain of them, `Agencies via Reuters via Xinhua`, is the last one's, via the others. QA.) */
const AGENCY_LINE = new RegExp(`^(?:(?<via>${AGENCY}(?:(?:${JOINED}|\\s+via\\s+)${AGENCY})*)\\s+via\\s+)?(?<name>${AGENCY}(?:${JOINED}${AGENCY})*)\\.?$`, 'i');

/**
 * An agency line naming agencies but none of them (`Agencies`, `(With inputs from agencies)`): it says less
 * than an agency named elsewhere in the copy (the dateline's), which is kept over it.
 */
export const noAgencyNamed = (a: { name: string; via?: string }): boolean => a.via === undefined && /^(?:news\s+|wire\s+)?agenc(?:y|ies)$/i.test(a.name.trim());

/** `Agencies Via Xinhua` → `{name: 'Xinhua', via: 'Agencies'}`; `Xinhua`; `Reuters - AP`, `AFP and AP` (kept as printed). */
export function parseAgencyLine(line: string): { name: string; via?: string } | undefined {
  // (`The Associated Press` on a line of its own under a byline, as AP prints it: the agency. QA: it was
  // the headline.)
  const m = AGENCY_LINE.exec(line.trim().replace(/^the\s+(?=\S)/i, ''));
  if (m?.groups === undefined) return undefined;
  const canonical = (s: string): string => s.replace(new RegExp(AGENCY, 'gi'), (a) => AGENCIES.find((x) => x.toLowerCase() === a.toLowerCase()) ?? a);
  const out: { name: string; via?: string } = { name: canonical(m.groups['name'] ?? '') };
  if (m.groups['via'] !== undefined) out.via = canonical(m.groups['via']);
  return out;
}

/**
 * Each agency an agency line names, as `parseAgencyLine` spells them: `Agencies - Xinhua` → Agencies,
 * Xinhua. A name that is no agency line (`UNIAN`, `Xinhua Finance`) is one name.
 */
export function agenciesNamed(agency: { name: string; via?: string }): string[] {
  return [agency.name, agency.via].flatMap((s) => {
    if (s === undefined) return [];
    if (AGENCY_LINE.exec(s.trim()) === null) return [s];
    return (s.match(new RegExp(AGENCY, 'gi')) ?? []).map((a) => AGENCIES.find((x) => x.toLowerCase() === a.toLowerCase()) ?? a);
  });
}

/**
 * Names of one agency, full and short, as copy prints them (`Associated Press` and `AP`, `Agence
 * France-Presse` and `AFP`, `Kyodo News` and `Kyodo`, `Xinhua News Agency`, `新华社` and `Xinhua`): keys
 * that compare equal for the same agency. Only for comparing: a record keeps the agency as printed.
 */
const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'associated press': 'ap', 'agence france-presse': 'afp', 'agence france presse': 'afp', 'kyodo news': 'kyodo', 'xinhua news agency': 'xinhua',
  'xinhua news': 'xinhua', '新华社': 'xinhua', 'deutsche presse-agentur': 'dpa', 'yonhap news agency': 'yonhap', 'yonhap news': 'yonhap',
  'bloomberg news': 'bloomberg', 'united press international': 'upi', 'press trust of india': 'pti', 'australian associated press': 'aap',
  'anadolu agency': 'anadolu', 'press association': 'pa', 'pa media': 'pa', 'associated press of pakistan': 'app', 'globe newswire': 'globenewswire', 'prnewswire': 'pr newswire', 'china news service': '中新社', '中新网': '中新社', '中新網': '中新社', '新華社': 'xinhua', '中央社': 'cna', 'central news agency': 'cna',
  'رويترز': 'reuters', 'أ ف ب': 'afp', 'ا ف ب': 'afp', 'רויטרס': 'reuters',
};
export const agencyKey = (name: string): string => {
  const k = name.trim().replace(/^the\s+/iu, '').replace(/\s+/gu, ' ').toLowerCase();
  return AGENCY_NAMES[k] ?? k;
};
