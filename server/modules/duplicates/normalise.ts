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

/** Phrases that name a legal form in full, removed once abbreviations are written out. */
const LEGAL_PHRASES = [
  /\bcharitable incorporated organi[sz]ation\b/g,
  /\bcommunity interest company\b/g,
  /\bregistered charity\b/g,
  /\bcompany limited by guarantee\b/g,
];

/**
 * Words that say what kind of body a group is rather than which one: "Compaid" and "Compaid Trust",
 * "The Magdalen Project" and "Magdalen Trust" differ only in these.
 */
const KIND_WORDS = new Set([
  'trust', 'charity', 'charitable', 'foundation', 'fund', 'project', 'projects', 'association', 'society', 'group',
  'club', 'scheme', 'services', 'service', 'enterprise', 'enterprises', 'company', 'organisation', 'network',
  'partnership', 'initiative',
]);

/** Words in brackets or after these markers name the group's earlier or other name: "(formerly Caada)". */
const OTHER_NAME_MARKER = /^\s*(formerly|previously|was|now|trading as|t\/a|aka|also known as|known as|operating as)\b\s*:?\s*/i;

export interface NormalisedName {
  /** Lower case, no accents or punctuation, "&" as "and", abbreviations written out. */
  full: string;
  /** `full` without legal forms and filler words: what tells one group from another. */
  core: string;
  /** The words of `core`. */
  words: string[];
  /** `words` without words for the kind of body (trust, project, association); `words` when that leaves none. */
  distinctive: string[];
}

/**
 * Undoes the common ways text is garbled on its way through spreadsheets: UTF-8 read as Windows-1252
 * ("Womenâ€™s"), Mac quotes read as half-width katakana ("Childrenﾒs"), and lost characters ("�").
 */
export function repairGarbling(text: string): string {
  return text
    .replace(/â€[™˜]/g, "'")
    .replace(/â€[œ\u009d"]/g, '"')
    .replace(/â€[“”]/g, '-')
    .replace(/Ã©/g, 'é')
    .replace(/Â(?=[£\u00a0])/g, '')
    .replace(/[\uff91\uff92\ufffd]/g, "'")
    .replace(/[\uff61-\uff9f]/g, ' ');
}

export function normaliseName(name: string): NormalisedName {
  const text = repairGarbling(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[&+]/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  // Each step can make work for another (letters joined into "yp" spell "young people"; a legal
  // phrase removed leaves letters side by side), so they repeat until nothing changes. `full` is
  // then a fixed point: normalising it again gives it back.
  let spelled = text.split(' ').filter(Boolean);
  // Two passes settle any real name; the bound only guards against a mistake in the lists.
  for (let pass = 0; pass < 5; pass += 1) {
    let next = joinInitials(spelled).flatMap((word) => (SPELLINGS[word] ?? word).split(' '));
    let joined = next.join(' ');
    for (const phrase of LEGAL_PHRASES) joined = joined.replace(phrase, ' ');
    next = joined.split(' ').filter(Boolean);
    if (next.join(' ') === spelled.join(' ')) break;
    spelled = next;
  }
  const words = spelled.filter((word) => !LEGAL_WORDS.has(word) && !FILLER_WORDS.has(word));
  // A name made only of filler words ("The Ark" is not one) keeps them, so it still has a core.
  const core = words.length > 0 ? words : spelled;
  const distinctive = core.filter((word) => !KIND_WORDS.has(word));
  return { full: spelled.join(' '), core: core.join(' '), words: core, distinctive: distinctive.length > 0 ? distinctive : core };
}

/**
 * Letters written apart are one word: "Action for M.E." is "action for me", "Age U.K." is "age uk".
 * A lone letter ("A Place to Grow") stays a word of its own.
 */
function joinInitials(words: string[]): string[] {
  const result: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.length === 1 && /[a-z]/.test(word)) {
      run += word;
      continue;
    }
    if (run) result.push(run);
    run = '';
    result.push(word);
  }
  if (run) result.push(run);
  return result;
}

/**
 * The names a group goes by, as written: the name itself, the name without what is in brackets
 * ("Signpost (Colchester) Limited"), a former or other name it gives ("SafeLives (formerly Caada)",
 * "Age Concern North Craven / Age UK North Craven"), and its initials when it spells them out
 * ("National Children's Bureau (NCB)", "NCVO - National Council for Voluntary Organisations").
 * Brackets that describe the work ("Winston's Wish (A grief support programme for children)") only
 * ever add the shorter name.
 */
export function nameVariants(name: string): string[] {
  const variants = [name];
  const bracketed = [...name.matchAll(/[([]([^)\]]*)[)\]]/g)].map((match) => match[1].trim());
  const outside = name.replace(/[([][^)\]]*[)\]]?/g, ' ').replace(/\s+/g, ' ').trim();
  if (bracketed.length > 0 && outside) variants.push(outside);
  for (const inner of bracketed) {
    if (OTHER_NAME_MARKER.test(inner)) variants.push(inner.replace(OTHER_NAME_MARKER, ''));
    else if (spellsOut(inner, outside)) variants.push(inner);
  }
  // Two names side by side, each of two words or more: "Age Concern North Craven / Age UK North Craven".
  for (const separator of [/\s+\/\s*|\s*\/\s+/, /\s+(?:formerly|previously|trading as|t\/a)\s+/i]) {
    const parts = outside.split(separator).map((part) => part.trim());
    if (parts.length === 2 && parts.every((part) => part.split(/\s+/).length >= 2)) variants.push(...parts);
  }
  // Initials beside the name they stand for: "NCVO - National Council ...", "..., PACE".
  const parts = outside.split(/\s+[-–]\s+|\s*,\s*|\s*:\s+/).map((part) => part.trim());
  if (parts.length === 2 && (spellsOut(parts[0], parts[1]) || spellsOut(parts[1], parts[0]))) variants.push(...parts);
  // The name as written always comes first, even when it has no letters, so every record has one.
  return [...new Set([name, ...variants.filter((variant) => /[a-z0-9]/i.test(variant))])];
}

/** True when `short` is one word of three letters or more that is the initials of `long`. */
function spellsOut(short: string, long: string): boolean {
  const word = normaliseName(short).words;
  return word.length === 1 && word[0].length >= 3 && initialisms(normaliseName(long)).includes(word[0]);
}

/** The initials of a name's words, with and without its small words: "National Council for Voluntary Organisations" → ncvo, ncfvo. */
export function initialisms(name: NormalisedName): string[] {
  const all = name.full.split(' ').filter((word) => !LEGAL_WORDS.has(word));
  if (all.length < 3) return [];
  const initials = (words: string[]) => words.map((word) => word[0]).join('');
  return [...new Set([initials(all.filter((word) => !FILLER_WORDS.has(word))), initials(all)])];
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
  // A space in the wrong place makes it ambiguous: "W12 TX" could be W12 0TX with a digit lost or W1 2TX.
  const written = text!.trim().toUpperCase().split(/\s+/);
  if (written.length > 1 && written[written.length - 1] !== full.split(' ')[1]) return null;
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
