// Which records found by name alone a check reads and judges. Records sharing an identifier, a contact
// detail, a bank account, a postcode or a place (for the same work) are always judged; those sharing
// only a name key or an alike name are mostly namesakes elsewhere: there are hundreds of "Scout Group"s
// and "Food Bank"s, and the synthetic million gives every real name some 27 groups in other places.
// A namesake far away can only be the same group if it moved, and with nothing but its name to go on
// it is scored near the line, so only the closest few of those known to be elsewhere are judged: every
// one in the query's postcode district is, and of those outside it at most FAR_NAME_LIMIT, the ones in
// the same postcode area first, each by how alike their names are. A record whose place is unknown
// (either has no postcode) cannot be ranked by place, so it is always judged.
//
// The single check, the batch link and the in-memory index all choose with this function, from the
// same records, so they judge the same pairs.

import { postcodeArea } from './same-group.ts';
import { editDistance } from './similarity.ts';

/** Records found by name alone from outside the query's postcode district: at most this many are judged. */
export const FAR_NAME_LIMIT = 20;

/** A record found by a name key or an alike name, before it is read. */
export interface NameFound {
  id: string;
  /** The record's normalised postcode ("CA1 2AB"), or null when it has none. */
  postcode: string | null;
  /** How alike its name is: 1 for a shared name key (the same words), else the pg_trgm similarity. */
  closeness: number;
}

/** Name keys ("name:carlisle food bank") find namesakes; every other key is evidence of its own. */
export const isNameKey = (key: string) => key.startsWith('name:');

/** How near two normalised postcodes are, nearest first. */
export enum Nearness {
  SAME_SECTOR = 0,
  SAME_DISTRICT = 1,
  /** Either has no postcode. */
  UNKNOWN = 2,
  SAME_AREA = 3,
  FAR = 4,
}

/** The outward code ("CA1") and sector ("CA1 2") of a normalised postcode. */
function parts(postcode: string) {
  const space = postcode.indexOf(' ');
  return { district: postcode.slice(0, space), inward: postcode.slice(space + 1) };
}

/**
 * Nearness as the same-group judgement weighs places: a postcode one character off in its district
 * with the same inward code is taken for a typo, so it counts as the same district.
 */
export function nearness(a: string | null, b: string | null): Nearness {
  if (!a || !b) return Nearness.UNKNOWN;
  const x = parts(a);
  const y = parts(b);
  if (x.district === y.district) return x.inward[0] === y.inward[0] ? Nearness.SAME_SECTOR : Nearness.SAME_DISTRICT;
  if (x.inward === y.inward && editDistance(x.district, y.district, 1) === 1) return Nearness.SAME_DISTRICT;
  return postcodeArea(x.district) === postcodeArea(y.district) ? Nearness.SAME_AREA : Nearness.FAR;
}

/**
 * The ids of the records a query is judged against, in id order: every record found by a key other
 * than a name, every record found by name alone in the query's district or of unknown place, and the
 * FAR_NAME_LIMIT nearest and most alike of the rest (ties by id). A record found by name twice counts
 * with its closest name. The order in which records are found does not matter, and the query itself
 * is left out.
 */
export function chooseCandidates(
  query: { id: string; postcode: string | null },
  byKey: Iterable<string>,
  byName: Iterable<NameFound>,
): string[] {
  const chosen = new Set(byKey);
  const closest = new Map<string, NameFound>();
  for (const record of byName) {
    if (chosen.has(record.id)) continue;
    const seen = closest.get(record.id);
    if (!seen || record.closeness > seen.closeness) closest.set(record.id, record);
  }
  const far: { id: string; nearness: Nearness; closeness: number }[] = [];
  for (const record of closest.values()) {
    const near = nearness(query.postcode, record.postcode);
    if (near <= Nearness.UNKNOWN) chosen.add(record.id);
    else far.push({ id: record.id, nearness: near, closeness: record.closeness });
  }
  far.sort((a, b) => a.nearness - b.nearness || b.closeness - a.closeness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const record of far.slice(0, FAR_NAME_LIMIT)) chosen.add(record.id);
  chosen.delete(query.id);
  return [...chosen].sort();
}
