/**
 * The HTTP field grammar the handler needs, parsed strictly where RFC 9110 says to ignore what does not
 * parse: Accept-Encoding with weights, If-Match and If-None-Match entity-tag lists, and HTTP-dates. Pure.
 */

/** A content coding we can serve. `identity` is "no encoding". */
export type Coding = 'br' | 'gzip' | 'identity';

/**
 * Weights of the codings one Accept-Encoding field value lists, by lower-cased name (`*` included).
 *
 * RFC 9110 §12.5.3: `Accept-Encoding = #( codings [ weight ] )`, `codings = content-coding / "identity" / "*"`.
 * §12.4.2: `weight = OWS ";" OWS "q=" qvalue`, `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`.
 * A member whose weight does not parse is dropped rather than guessed at. §8.4.1.3: "A recipient SHOULD
 * consider "x-gzip" to be equivalent to "gzip"."
 */
function parseAcceptEncoding(value: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of value.split(',')) {
    const [name = '', ...params] = member.split(';').map((p) => p.trim());
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) continue;
    let q = 1;
    let valid = true;
    for (const p of params) {
      const m = /^[qQ]\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.exec(p);
      if (m === null) {
        valid = false;
        break;
      }
      q = Number(m[1]);
    }
    if (!valid) continue;
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    // A coding listed twice keeps its first weight (the grammar does not allow repeats; this is just deterministic).
    if (!weights.has(coding)) weights.set(coding, q);
  }
  return weights;
}

/** Preference among equal weights: brotli is smaller than gzip for the same text, and both beat identity. */
const ORDER: readonly Coding[] = ['br', 'gzip', 'identity'];

/**
 * The codings acceptable for this request among `available` (identity is always available), best first;
 * an empty list means nothing is acceptable.
 *
 * RFC 9110 §12.5.3, the rules a server tests acceptability by:
 * 1. "If no Accept-Encoding header field is in the request, any content coding is considered acceptable by
 *    the user agent." We still send identity then, as nginx and Apache do: a client that lists nothing may
 *    not decode anything, and §12.5.3 adds that absence "does not imply that the user agent will be able
 *    to correctly process all encodings".
 * 2. "If the representation has no content coding, then it is acceptable by default unless specifically
 *    excluded by the Accept-Encoding header field stating either "identity;q=0" or "*;q=0" without a more
 *    specific entry for "identity"."
 * 3. "If the representation's content coding is one of the content codings listed in the Accept-Encoding
 *    field value, then it is acceptable unless it is accompanied by a qvalue of 0."
 * "The asterisk "*" symbol in an Accept-Encoding field matches any available content coding not explicitly
 * listed in the field", and "the acceptable content coding with the highest non-zero qvalue is preferred".
 * "An Accept-Encoding header field with a field value that is empty implies that the user agent does not
 * want any content coding in response."
 *
 * Identity that the field does not mention is acceptable but ranks below every coding the client did
 * list with a non-zero weight: `Accept-Encoding: gzip;q=0.5` asks for gzip.
 */
export function acceptableCodings(acceptEncoding: string | null, available: ReadonlySet<Coding>): Coding[] {
  if (acceptEncoding === null || acceptEncoding.trim() === '') return ['identity'];
  const weights = parseAcceptEncoding(acceptEncoding);
  const star = weights.get('*');
  const ranked: { coding: Coding; q: number }[] = [];
  for (const coding of ORDER) {
    if (coding !== 'identity' && !available.has(coding)) continue;
    const explicit = weights.get(coding);
    // Unlisted identity gets a weight below any non-zero qvalue (the smallest is 0.001).
    const q = explicit ?? star ?? (coding === 'identity' ? 0.0001 : 0);
    if (q > 0) ranked.push({ coding, q });
  }
  // Array.prototype.sort is stable, so equal weights keep ORDER.
  return ranked.sort((a, b) => b.q - a.q).map((r) => r.coding);
}

/** The opaque-tag of an entity-tag, without `W/`: what the weak comparison compares. */
function opaqueTag(etag: string): string {
  return etag.startsWith('W/') ? etag.slice(2) : etag;
}

/** One member of an If-Match or If-None-Match field: an entity tag, or `*`. */
type EntityTagMember = { weak: boolean; opaque: string } | '*';

/**
 * The members of an entity-tag list (If-Match, If-None-Match), or undefined when the field does not parse.
 *
 * Entity tags are read with their grammar (`entity-tag = [ weak ] opaque-tag`, `weak = %s"W/"`, `opaque-tag =
 * DQUOTE *etagc DQUOTE`, where etagc includes the comma), so a comma inside a tag does not split it. A `*`
 * inside a list is syntactically invalid (§13.1.1, §13.1.2: the field is `"*" / #entity-tag`); it is kept as
 * a member and each caller decides what it means.
 */
function entityTagList(field: string): EntityTagMember[] | undefined {
  const member = /[ \t]*(?:(W\/)?("[\x21\x23-\x7e\x80-\xff]*")|(\*))?[ \t]*(?:,|$)/y;
  const members: EntityTagMember[] = [];
  while (member.lastIndex < field.length) {
    const m = member.exec(field);
    if (m === null || m[0] === '') return undefined;
    if (m[3] !== undefined) members.push('*');
    else if (m[2] !== undefined) members.push({ weak: m[1] !== undefined, opaque: m[2] });
  }
  return members;
}

/**
 * Whether an If-None-Match field value matches the selected representation's entity tag.
 *
 * RFC 9110 §13.1.2: "If the field value is "*", the condition is false if the origin server has a current
 * representation for the target resource. If the field value is a list of entity tags, the condition is
 * false if one of the listed tags matches the entity tag of the selected representation." and "A recipient
 * MUST use the weak comparison function when comparing entity tags for If-None-Match".
 * §8.8.3.2, weak comparison: "two entity tags are equivalent if their opaque-tags match character-by-character,
 * regardless of either or both being tagged as "weak"."
 *
 * A field that does not parse matches nothing: the condition is then true and the full 200 is sent, which
 * is never wrong, where a 304 on a guess could be.
 */
export function ifNoneMatchMatches(field: string, etag: string | undefined): boolean {
  if (field.trim() === '*') return true;
  if (etag === undefined) return false;
  const ours = opaqueTag(etag);
  const members = entityTagList(field);
  if (members === undefined) return false;
  // A "*" inside a list is invalid, but its meaning is plain: any representation.
  return members.some((m) => m === '*' || m.opaque === ours);
}

/**
 * Whether an If-Match field value is true for the selected representation's entity tag `etag` (the caller
 * has a current representation: there is no If-Match evaluation for a resource that is not there).
 *
 * RFC 9110 §13.1.1: "If the field value is "*", the condition is true if the origin server has a current
 * representation for the target resource. If the field value is a list of entity tags, the condition is
 * true if any of the listed tags match the entity tag of the selected representation." and "An origin
 * server MUST use the strong comparison function when comparing entity tags for If-Match (Section
 * 8.8.3.2), since the client intends this precondition to prevent the method from being applied if there
 * have been any changes to the representation data." §8.8.3.2, strong comparison: "two entity tags are
 * equivalent if both are not weak and their opaque-tags match character-by-character." So a `W/` tag never
 * matches, and neither does anything when our own tag is weak.
 *
 * Here the safe answer is the other way round from If-None-Match: a false condition (412) is never wrong,
 * a true one on a guess could be. So a field that does not parse is false, and a `*` inside a list (invalid
 * syntax) matches nothing; only a field that is `*` alone is true whatever the tag.
 */
export function ifMatchMatches(field: string, etag: string): boolean {
  if (field.trim() === '*') return true;
  if (etag.startsWith('W/')) return false;
  const members = entityTagList(field);
  if (members === undefined) return false;
  return members.some((m) => m !== '*' && !m.weak && m.opaque === etag);
}
