/**
 * One NITF <person> with a comma in it. The element is ONE person, so the comma never parts two names:
 * after it stand a suffix (`King, Jr.`), a title (`Hale, Senior`), a place (`Li Wen, Beijing`), the agency
 * (`Li Wen, Xinhua`), or the given names of a name written surname first (`King, Martin Luther`, `de la
 * Cruz, Maria`, `Doe, Jane, Washington`). Anything else keeps the text whole, as printed, and is noted:
 * so do a place or initials after a surname alone (`Smith, Kerry`, `Hale, MP`, `Vance, J.D.`, which may
 * be the given name) and a job before the comma (`Correspondent, Asia`).
 */
import { agencyOfJob, agencyOfPublication, isBureau, isInitials, isJobPhrase, isJobWord, isModifierOnly } from './_names.js';
import { NAME_PARTICLES } from './_particles.js';
import { isSurnameAlone } from './_surname-first.js';
import { isPostNominal, nameSuffix, withSuffix } from './_suffix.js';
import { parseAgencyLine } from './_agencies.js';
import { isPlace, isPlaceNotGivenName } from './_places.js';

export interface PersonRead {
  /** The name, in the order a byline prints it, with its suffix. */
  name: string;
  /** An agency after the comma, or in a title there (`Tom Hale, AP Sports Writer`). */
  agency?: { name: string; via?: string };
  notes: string[];
}

const q = (s: string): string => JSON.stringify(s);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]+$|^\p{Lu}\.$/u;
const isParticle = (w: string): boolean => NAME_PARTICLES.has(w.toLowerCase());

/** The agency a part after the comma names (`Reuters`, `Kyodo News`, `Reuters Staff`), if it names one. */
function agencyOf(part: string): { name: string; via?: string } | undefined {
  const text = part.replace(/^the\s+/iu, '').replace(/\s+staff$/iu, '');
  return parseAgencyLine(text) ?? agencyOfPublication(part);
}

/** Words that are a role, not a given name (`Intern`, `Professor`). */
const ROLE_WORD = /^(?:intern|professor|prof\.?|dr\.?|doctor|trainee|fellow|student|freelancer?|stringer|host|anchor|presenter|producer)$/iu;

/** A title after the comma: a job, a bureau, a job modifier alone (`Senior`, `Junior`), letters or a role. */
const isTitle = (part: string): boolean => isJobPhrase(part) || isBureau(part) || isModifierOnly(part) || isPostNominal(part) || ROLE_WORD.test(part);

/**
 * `King` + `Martin Luther` → `Martin Luther King`: a surname of one word, or of more with a particle
 * (`de la Cruz`, `Van Damme`), and given names of one to three words or initials. Not a surname of two
 * words without one (`Jane Doe, Texas`, `Jane Doe, Tom Hale`: a name and what follows it, or two people
 * wrongly in one element), nor when what follows the comma is a suffix, a title, a place or an agency
 * (`Junior` is a given name only after a surname of one word: `Santos, Junior`).
 */
function turnedRound(surname: string, given: string): string | undefined {
  const sw = surname.split(/\s+/u);
  const gw = given.split(/\s+/u);
  const core = sw.filter((w) => !isParticle(w));
  if (core.length === 0 || core.length > 3 || sw.length > 5 || gw.length > 3) return undefined;
  if (!core.every((w) => NAME_WORD.test(w)) || !gw.every((w) => NAME_WORD.test(w))) return undefined;
  // A surname of several words only with a particle (`de la Cruz`): `Jane Doe, Glenwharf` is a name and a
  // place the gazetteer lacks far more often than a surname of two words (`Smith Jones, Anna`, kept whole).
  if (core.length >= 2 && core.length === sw.length) return undefined;
  // (A country or region blocks it unless it is a given name too: `Smith, Jordan`, `Patel, India`; not `Doe, Texas`, `Li, Guangdong`.)
  if (nameSuffix(given) !== undefined || isPlaceNotGivenName(given) || agencyOf(given) !== undefined || agencyOf(surname) !== undefined) return undefined;
  if (isTitle(given) && !(/^junior$/iu.test(given) && sw.length === 1)) return undefined;
  return `${given} ${surname}`;
}

/** The person of a <person> element with a comma in it. */
export function personWithComma(text: string): PersonRead {
  const parts = text.split(/\s*,\s*/u).map((p) => p.trim());
  const whole: PersonRead = { name: text, notes: [`byline ${q(text)} is one <person> with a comma in a form not read: kept whole, as one name`] };
  if (parts.some((p) => p === '')) return whole;
  // A job, a bureau or staff before the comma (`Correspondent, Asia`, `Staff, Texas`) is no one's name
  // (so no surname to turn round either).
  if (isTitle(parts[0] ?? '') || isJobWord(parts[0] ?? '')) return whole;
  const out: PersonRead = { name: parts[0] ?? '', notes: [] };
  let rest = parts.slice(1);
  const reversed = turnedRound(parts[0] ?? '', parts[1] ?? '');
  if (reversed !== undefined) {
    out.name = reversed;
    out.notes.push(`byline ${q(parts.slice(0, 2).join(', '))} read as one name, surname first: ${q(reversed)}`);
    rest = parts.slice(2);
  }
  let suffixed = false;
  for (const part of rest) {
    // After a surname alone, initials (`Vance, J.D.`, `Hale, MP`) or a place (`Smith, Kerry`, `Li,
    // Guangdong`) may be the given name as much as letters or a place: the element is kept whole.
    // (A surname alone as a byline has it: `Doe`, `de la Cruz`; see `keptWhole`.)
    const alone = reversed === undefined && isSurnameAlone(parts[0] ?? '');
    if (alone && (isInitials(part) || isPlace(part))) return whole;
    const suffix = nameSuffix(part);
    const agency = agencyOf(part);
    if (suffix !== undefined && !suffixed && out.agency === undefined) {
      out.name = withSuffix(out.name, suffix);
      suffixed = true;
    } else if (agency !== undefined && out.agency === undefined) out.agency = agency;
    else if (isPlace(part)) out.notes.push(`byline place not kept (a byline has no field for it): ${q(part)}`);
    else if (isTitle(part)) {
      const named = agencyOfJob(part);
      if (named !== undefined && out.agency === undefined) out.agency = named;
      out.notes.push(`byline title not kept (a byline has no field for it): ${q(part)}`);
    } else return whole;
  }
  return out;
}
