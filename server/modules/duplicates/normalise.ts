// How the duplicates engine reads names, numbers and places, so that the same group written two ways
// compares equal. Pure functions: the server, the link command and the benchmarks all use these.

import { normalisePhone, normalisePostcode } from '../../../shared/text.ts';

/** Words that say what legal shape a group has, not which group it is. */
const LEGAL_WORDS = new Set(['ltd', 'limited', 'cic', 'cio', 'plc', 'llp', 'inc', 'incorporated', 'scio']);

/** Small words that people add or drop freely ("The Bridge Trust", "Friends of the Park"). */
const FILLER_WORDS = new Set(['the', 'and', 'of', 'for', 'in', 'at', 'on', 'a', 'an', 'to', 'with']);

/** Common abbreviations and spellings, written out one way. */
const SPELLINGS: Record<string, string> = {
  st: 'saint',
  assoc: 'association',
  assn: 'association',
  asso: 'association',
  ctr: 'centre',
  cntr: 'centre',
  center: 'centre',
  grp: 'group',
  soc: 'society',
  cttee: 'committee',
  natl: 'national',
  intl: 'international',
  org: 'organisation',
  organization: 'organisation',
  neighborhood: 'neighbourhood',
  nbhd: 'neighbourhood',
  comm: 'community',
  cmty: 'community',
  dev: 'development',
  servs: 'services',
  svcs: 'services',
  vol: 'voluntary',
  bros: 'brothers',
  mt: 'mount',
  yp: 'young people',
};

/** Phrases that name a legal form in full, removed before the words are read. */
const LEGAL_PHRASES = [
  /\bcharitable incorporated organi[sz]ation\b/g,
  /\bcommunity interest company\b/g,
  /\bregistered charity\b/g,
  /\bcompany limited by guarantee\b/g,
];

export interface NormalisedName {
  /** Lower case, no accents or punctuation, "&" as "and", abbreviations written out. */
  full: string;
  /** `full` without legal forms and filler words: what tells one group from another. */
  core: string;
  /** The words of `core`. */
  words: string[];
}

export function normaliseName(name: string): NormalisedName {
  let text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[&+]/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  for (const phrase of LEGAL_PHRASES) text = text.replace(phrase, ' ');
  const spelled = text
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => (SPELLINGS[word] ?? word).split(' '));
  const words = spelled.filter((word) => !LEGAL_WORDS.has(word) && !FILLER_WORDS.has(word));
  // A name made only of filler words ("The Ark" is not one) keeps them, so it still has a core.
  const core = words.length > 0 ? words : spelled;
  return { full: spelled.join(' '), core: core.join(' '), words: core };
}

/** Charity numbers: digits, with an optional Scottish "SC" prefix and "-1" style subsidiary suffix kept apart. */
export function normaliseCharityNumber(text: string | undefined | null): string | null {
  if (!text) return null;
  // "SCO12345": a letter O typed for the zero that every Scottish number starts with.
  const compact = text.toUpperCase().replace(/[\s.]/g, '').replace(/^SCO(?=\d)/, 'SC0');
  const match = /^(SC|NIC?)?0*(\d{4,8})(?:-\d+)?$/.exec(compact);
  if (!match) return null;
  return `${match[1] === 'SC' ? 'SC' : match[1] ? 'NIC' : ''}${match[2]}`;
}

/** Company numbers are eight characters; England's are digits padded with zeros, others have a prefix. */
export function normaliseCompanyNumber(text: string | undefined | null): string | null {
  if (!text) return null;
  const compact = text.toUpperCase().replace(/[\s.]/g, '');
  if (/^\d{1,8}$/.test(compact)) return Number(compact) === 0 ? null : compact.padStart(8, '0');
  // Societies registered under the 1965 Act keep an R at the end: IP28755R.
  if (/^IP\d{5}R$/.test(compact)) return compact;
  if (/^(SC|NI|OC|SO|NC|R|IP|RS|CE|CS|SE|SF)\d{1,6}$/.test(compact)) {
    const prefix = /^[A-Z]+/.exec(compact)![0];
    return prefix + compact.slice(prefix.length).padStart(8 - prefix.length, '0');
  }
  return null;
}

export function normaliseEmail(text: string | undefined | null): string | null {
  if (!text) return null;
  const email = text.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : null;
}

export { normalisePhone, normalisePostcode };

/** "CA1 2AB" → { full: "CA1 2AB", sector: "CA1 2", district: "CA1" }. */
export function postcodeParts(text: string | undefined | null) {
  const full = text ? normalisePostcode(text) : null;
  if (!full) return null;
  const [district, inward] = full.split(' ');
  return { full, sector: `${district} ${inward[0]}`, district };
}

// Org ids that are placeholders and prove nothing about which group it is: the standard's "DUMMY",
// a scheme with no number ("GB-REV", "GB-CHC-n/a", "360G-ocf-org:"), or a number of only zeros.
const PLACEHOLDER_IDS = /^(DUMMY\d*|.*[^\d]0+)$/i;

/** True when an org id is missing or a placeholder that proves nothing ("DUMMY01", "GB-REV", "GB-CHC-n/a"). */
export function isPlaceholderOrgId(id: string | undefined | null): boolean {
  const text = id?.trim();
  if (!text || PLACEHOLDER_IDS.test(text)) return true;
  // Without a digit after the "360G-" prefix an id names no register entry and no record of the publisher's.
  return !/\d/.test(text.replace(/^360G-/i, ''));
}

export interface OrgIdNumbers {
  charityNumber: string | null;
  companyNumber: string | null;
  /** The org id itself when it is a real one that is neither a charity nor a company number. */
  other: string | null;
}

/** Reads a 360Giving org id ("GB-CHC-1063068", "GB-COH-04255397", "GB-SC-SC043105"), ignoring placeholders. */
export function readOrgId(id: string | undefined | null): OrgIdNumbers {
  const none = { charityNumber: null, companyNumber: null, other: null };
  if (isPlaceholderOrgId(id)) return none;
  const text = id!.trim().toUpperCase();
  const match = /^GB-(CHC|COH|SC|NIC)-(.+)$/.exec(text);
  let numbers: OrgIdNumbers = none;
  // A co-operative or community benefit society's number ends in R (28699R); some publishers file it
  // under the charity scheme, but it is the same register entry as the society's GB-COH-IP28699R.
  const society = /^GB-(?:CHC|COH)-(?:IP)?(\d{5})R$/.exec(text);
  if (society) return { ...none, companyNumber: `IP${society[1]}R` };
  if (match) {
    const [, scheme, rest] = match;
    if (scheme === 'CHC') numbers = { ...none, charityNumber: normaliseCharityNumber(rest) };
    else if (scheme === 'SC') numbers = { ...none, charityNumber: normaliseCharityNumber(rest.startsWith('SC') ? rest : `SC${rest}`) };
    else if (scheme === 'NIC') numbers = { ...none, charityNumber: normaliseCharityNumber(`NIC${rest.replace(/^NIC/, '')}`) };
    else numbers = { ...none, companyNumber: normaliseCompanyNumber(rest) };
  }
  // An id in a register's scheme whose number cannot be read (a society number filed as a charity
  // number, say) still names one organisation when compared as written.
  return numbers.charityNumber || numbers.companyNumber ? numbers : { ...none, other: text.replace(/\s+/g, '') };
}

/** Words too common in descriptions of grants to say what the work is. */
const DESCRIPTION_STOP = new Set(
  `a about above after again all also am an and any are as at be been being both but by can could did do does doing done during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own per s same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours
  grant grants fund funding funded funds towards toward support supporting supports project projects provide providing provides help helping helps costs cost year years month months week weeks new use used using work working works people group groups local community communities organisation organisations charity programme programmes part run running runs enable enables enabling continue continued continuation core salary salaries service services`.split(/\s+/),
);

/** The content words of a description, lightly stemmed so that "parcel" and "parcels" agree. */
export function descriptionWords(text: string | undefined | null): string[] {
  if (!text) return [];
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2 && !DESCRIPTION_STOP.has(word) && !/^\d+$/.test(word))
    .map(stem);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}
