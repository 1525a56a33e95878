// The one shape the duplicates engine compares: an application in the pool or a grant another funder
// published. Everything is optional except an id and a name, because small groups have no numbers and
// published grants have no contact details.

import {
  descriptionWords,
  initialisms,
  nameVariants,
  normaliseCharityNumber,
  normaliseCompanyNumber,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  type NormalisedName,
  postcodeParts,
  readOrgId,
} from './normalise.ts';
import { trigrams } from './similarity.ts';

export interface GrantRecord {
  id: string;
  name: string;
  /** A 360Giving recipient org id, e.g. GB-CHC-1063068. */
  orgId?: string | null;
  charityNumber?: string | null;
  companyNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Keyed hash of sort code and account number (BankVault.accountKey); never the account itself. */
  bankHash?: string | null;
  /** The name of the host organisation holding the money for an unconstituted group. */
  hostName?: string | null;
  postcode?: string | null;
  /** Named areas the work is in (wards, districts), e.g. "Botcherby ward". */
  areas?: string[];
  /** Title and description of the work. */
  text?: string | null;
  /** The title alone: a few words naming the activity, e.g. "Food parcels for flooded households". */
  title?: string | null;
  /** Priority tags from the fund's taxonomy. */
  tags?: string[];
  /** When the work runs, as ISO dates (yyyy-mm-dd). */
  startsOn?: string | null;
  endsOn?: string | null;
}

/** One of the names a group goes by, ready to compare. */
export interface PreparedName {
  /** As written, e.g. "SafeLives (formerly Caada)" or "Caada". */
  text: string;
  name: NormalisedName;
  /** pg_trgm trigrams of the core name, and of the core name written as one word. */
  trigrams: Set<string>;
  joinedTrigrams: Set<string>;
  /** Initials of the name's words, when it has three or more ("ncvo"). */
  initials: string[];
  /** The words in alphabetical order, and run together, as the comparisons need them. */
  sortedWords: string;
  joinedWords: string;
}

export interface PreparedRecord {
  record: GrantRecord;
  name: NormalisedName;
  /** The record's name first, then the other names it gives (see nameVariants). */
  names: PreparedName[];
  /** pg_trgm trigrams of the core name, and of the core name written as one word. */
  nameTrigrams: Set<string>;
  joinedTrigrams: Set<string>;
  charityNumber: string | null;
  companyNumber: string | null;
  otherId: string | null;
  email: string | null;
  phone: string | null;
  postcode: ReturnType<typeof postcodeParts>;
  words: string[];
  wordSet: Set<string>;
}

function prepareName(text: string): PreparedName {
  const name = normaliseName(text);
  const joinedWords = name.words.join('');
  return {
    text: text.trim(),
    name,
    trigrams: trigrams(name.core),
    joinedTrigrams: trigrams(joinedWords),
    initials: initialisms(name),
    sortedWords: [...name.words].sort().join(' '),
    joinedWords,
  };
}

/**
 * Remembers the last results of a pure function of a string: a group's name and its work's description
 * come back grant after grant, and a check prepares hundreds of candidates. Forgets all at `size`.
 */
function remembered<T>(compute: (text: string) => T, size: number): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      if (known.size >= size) known.clear();
      result = compute(text);
      known.set(text, result);
    }
    return result;
  };
}

/** Shared between records, so never changed once made. */
const preparedNames = remembered((name: string) => nameVariants(name).map(prepareName), 50_000);
const preparedWords = remembered((text: string) => {
  const words = descriptionWords(text);
  return { words, wordSet: new Set(words) };
}, 20_000);

export function prepareRecord(record: GrantRecord): PreparedRecord {
  const names = preparedNames(record.name);
  const fromOrgId = readOrgId(record.orgId);
  const { words, wordSet } = preparedWords(record.text ?? '');
  return {
    record,
    name: names[0].name,
    names,
    nameTrigrams: names[0].trigrams,
    joinedTrigrams: names[0].joinedTrigrams,
    charityNumber: normaliseCharityNumber(record.charityNumber) ?? fromOrgId.charityNumber,
    companyNumber: normaliseCompanyNumber(record.companyNumber) ?? fromOrgId.companyNumber,
    otherId: fromOrgId.other,
    email: normaliseEmail(record.email),
    phone: record.phone ? normalisePhone(record.phone) : null,
    postcode: postcodeParts(record.postcode),
    words,
    wordSet,
  };
}

const POSTCODE_KEY = 'postcode:';

/** The normalised postcode a record's keys carry, or null. */
export function postcodeOfKeys(keys: readonly string[]): string | null {
  const key = keys.find((candidate) => candidate.startsWith(POSTCODE_KEY));
  return key ? key.slice(POSTCODE_KEY.length) : null;
}

/** Identifier keys: two records sharing one of these are looked at together. */
export function identifierKeys(prepared: PreparedRecord): string[] {
  const keys: string[] = [];
  if (prepared.charityNumber) keys.push(`charity:${prepared.charityNumber}`);
  if (prepared.companyNumber) keys.push(`company:${prepared.companyNumber}`);
  if (prepared.otherId) keys.push(`org:${prepared.otherId}`);
  return keys;
}

/**
 * Blocking keys: exact values that put two records side by side for a closer look. Fuzzy names are
 * found by trigram search on the core name besides these (see candidate-index.ts and the SQL store).
 */
export function blockingKeys(prepared: PreparedRecord): string[] {
  const keys = identifierKeys(prepared);
  if (prepared.email) keys.push(`email:${prepared.email}`);
  if (prepared.phone) keys.push(`phone:${prepared.phone}`);
  if (prepared.record.bankHash) keys.push(`bank:${prepared.record.bankHash}`);
  if (prepared.postcode) keys.push(`${POSTCODE_KEY}${prepared.postcode.full}`);
  // Every name the group goes by, with and without words for its kind ("Compaid Trust" meets
  // "Compaid"), and its initials ("National Council for Voluntary Organisations" meets "NCVO").
  const names = new Set<string>();
  for (const { name, initials } of prepared.names) {
    if (name.words.length > 0) names.add([...name.words].sort().join(' '));
    if (name.distinctive.length > 0) names.add([...name.distinctive].sort().join(' '));
    for (const letters of initials) if (letters.length >= 3) names.add(letters);
  }
  for (const name of names) keys.push(`name:${name}`);
  return keys;
}
