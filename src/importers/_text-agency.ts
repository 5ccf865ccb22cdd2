/** The agency of a story copied from a page, among the agencies its lines and its dateline name. */
import { agenciesNamed, agencyKey, noAgencyNamed, parseAgencyLine } from './_agencies.js';
import { q } from './_text-problems.js';

export interface Agency {
  name: string;
  via?: string;
}

/** An agency read from a line of the copy, and the line as printed. */
export interface AgencyLine {
  agency: Agency;
  printed: string;
}

/**
 * The story's agency: an agency line says it best (the first printed, or the one that says more of it);
 * otherwise the agency printed in the dateline (`leadAgency`). `agencies` are the lines in the order they
 * rank, the `trailing` first of them closing the story. The lines not used are noted.
 */
export function storyAgency(agencies: readonly AgencyLine[], trailing: number, leadAgency: string | undefined, notes: string[]): Agency | undefined {
  const printedAgency = leadAgency === undefined ? undefined : (parseAgencyLine(leadAgency) ?? { name: leadAgency });
  const chosen = agencies[0];
  // A line naming agencies but none of them (`(With inputs from agencies)`, `AGENCIES`) says less than the
  // dateline's agency, which is kept (review: `Agencies` had taken Xinhua's place).
  if (printedAgency !== undefined && !noAgencyNamed(printedAgency) && agencies.length > 0 && agencies.every((a) => noAgencyNamed(a.agency))) {
    for (const a of agencies) notes.push(`agency line naming no agency, not used (the dateline names one): ${q(a.printed)}`);
    return printedAgency;
  }
  if (chosen !== undefined) {
    // One agency by two names (`By Jim Morris | AP`, then `Associated Press` closing the story) keeps the
    // name printed first, as ninjs and NITF keep it (`Credits.agency`), unless a later line says more of it
    // (`Agencies via Xinhua` after `Xinhua`): the line at the end ranks first only for an agency of its own.
    const same = [...agencies.slice(trailing), ...agencies.slice(0, trailing)].filter((a) => agencyKey(a.agency.name) === agencyKey(chosen.agency.name));
    const first = same[0] ?? chosen;
    const taken = (first.agency.via === undefined ? same.find((a) => a.agency.via !== undefined) : undefined) ?? first;
    for (const a of agencies.filter((x) => x !== taken)) {
      // (One agency by its two names, `Associated Press` and `AP`, is no other; nor is it when the chosen line
      // says more of it, `Agencies via Xinhua` over `Xinhua`, or names it among others, `Agencies - Xinhua`, as
      // ninjs and NITF read it.)
      const among = agenciesNamed(a.agency).every((x) => agenciesNamed(taken.agency).map(agencyKey).includes(agencyKey(x)));
      if (!among && (agencyKey(a.agency.name) !== agencyKey(chosen.agency.name) || (a.agency.via !== undefined && a.agency.via !== taken.agency.via))) notes.push(`another agency line, not used: ${q(a.printed)}`);
    }
    // (One agency by its two names, `Associated Press` and `(AP)`, is no other.)
    const named = agenciesNamed(chosen.agency).map(agencyKey);
    if (printedAgency !== undefined && !agenciesNamed(printedAgency).every((a) => named.includes(agencyKey(a)))) {
      notes.push(`agency in the dateline, not used (the agency line names another): ${q(leadAgency ?? '')}`);
    }
    return taken.agency;
  }
  return printedAgency;
}
