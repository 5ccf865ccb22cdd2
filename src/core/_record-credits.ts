/**
 * A record's credits read: its bylines (with their links and addresses), its agency (a credit line such as
 * `Agencies via Xinhua` read as the agency Xinhua via Agencies), its contributors (with place and role), each
 * name said where it is empty or holds an address; a name credited twice kept once, said.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Agency, Contributor, Person } from '../types.js';
import type { FieldPath } from './_paths.js';
import { agencyLine, isEmail, oneLine, visible, withoutRepeats } from './_credit-fields.js';
import type { FieldReader } from './_record-reader.js';
import type { Fields } from './_record-strings.js';
import { balancedBidi } from './_text.js';
import { withoutBy } from './credits.js';

/** The credits of the record `r` reads; `storyUrl`: the story's, which a byline's or the agency's URL is resolved against. */
export function readCredits(r: FieldReader, storyUrl: string | undefined): { credits: ReturnType<typeof withoutRepeats>; agency?: Agency } {
  const authorList = list(r.data, 'authors');
  const bylines: Person[] = authorList.map(({ value, path }) => {
    const p: Person = { name: oneLine(named(value) ?? '') };
    r.nonEmpty(typeof value === 'string' ? path : [...path, 'name']);
    r.nameWithEmail(p.name, typeof value === 'string' ? path : [...path, 'name'], 'email');
    const u = r.linkOf([...path, 'url'], storyUrl);
    if (u !== undefined) p.url = u;
    const email = r.str([...path, 'email']);
    if (email !== undefined) {
      if (email.trim() === '') r.fail([...path, 'email'], (w) => diagnostic(Errors.FieldEmpty, w));
      else if (isEmail(email.trim())) p.email = email.trim();
      else r.fail([...path, 'email'], (w) => diagnostic(Errors.EmailInvalid, w, email));
    }
    return p;
  });

  let agency: Agency | undefined;
  const agencyValue = r.data['agency'];
  const agencyName = named(agencyValue);
  if (agencyName !== undefined) {
    const via = visible(oneLine(r.str(['agency', 'via'])));
    // The credit line as the name (`agency: Agencies via Xinhua`) is the agency Xinhua, via Agencies, as
    // `{name: Xinhua, via: Agencies}` gives it: the dateline names Xinhua, not the whole line.
    agency = via ? { name: oneLine(agencyName) } : agencyLine(oneLine(agencyName));
    // (Direction controls were paired across the whole line: each side of its "via" pairs its own.)
    if (agency.via !== undefined) agency = { ...agency, name: balancedBidi(agency.name), via: balancedBidi(agency.via) };
    // (A side of the line with nothing to see: "Reuters via \u200b" names no agency.)
    if (agency.via !== undefined && visible(agency.via) === undefined) delete agency.via;
    if (visible(agency.name) === undefined && visible(agencyName.trim()) !== undefined) r.fail(typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name'], (w) => diagnostic(Errors.FieldEmpty, w));
    r.nonEmpty(typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name']);
    r.nameWithEmail(agency.name, typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name']);
    if (via) agency.via = via;
    // (The via too: an address there is printed in the credit line and dl:agency's via.)
    if (agency.via !== undefined) r.nameWithEmail(agency.via, via !== undefined ? ['agency', 'via'] : typeof agencyValue === 'string' ? ['agency'] : ['agency', 'name']);
    const agencyUrl = r.linkOf(['agency', 'url'], storyUrl);
    if (agencyUrl !== undefined) agency.url = agencyUrl;
  }

  const contributorList = list(r.data, 'contributors');
  const credited: Contributor[] = contributorList.map(({ value, path }) => {
    const c: Contributor = { name: oneLine(named(value) ?? '') };
    r.nonEmpty(typeof value === 'string' ? path : [...path, 'name']);
    r.nameWithEmail(c.name, typeof value === 'string' ? path : [...path, 'name']);
    const location = visible(oneLine(r.str([...path, 'location'])));
    if (location) c.location = location;
    // "Reporting by" is the role "Reporting": the line adds "by".
    const written = oneLine(r.str([...path, 'role']));
    const role = visible(written === undefined ? undefined : withoutBy(written));
    if (role) c.role = role;
    return c;
  });
  const credits = withoutRepeats(bylines, authorList, credited, contributorList, (path, d) => r.fail(path, d));
  return agency === undefined ? { credits } : { credits, agency };
}

/** The name an entry gives: itself when it is text, else its `name` when that is text. */
function named(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof (v as Fields)['name'] === 'string') return (v as Fields)['name'] as string;
  return undefined;
}

/** The entries of a list field that carry a name (a string, or an object with a string `name`), with their paths. */
function list(data: Fields, key: string): { value: unknown; path: FieldPath }[] {
  const v = data[key];
  return Array.isArray(v) ? v.map((value, i) => ({ value, path: [key, i] })).filter((e) => named(e.value) !== undefined) : [];
}
