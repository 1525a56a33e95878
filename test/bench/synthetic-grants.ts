// A synthetic corpus of published grants for the duplicates scale benchmark, made from the real recipient
// names, postcodes and grant descriptions in ../shared/data/360giving. Each synthetic grant goes to a real
// organisation, with its name written the ways people write names: typos, abbreviations, words moved or
// left out, "The" and "Ltd" added or dropped, capitals. Deterministic for a seed, so runs compare.
import { readFileSync } from 'node:fs';
import { postcodeParts } from '../../server/modules/duplicates/normalise.ts';
import { parseThreeSixtyGiving, type PublishedGrant } from '../../server/modules/duplicates/three-sixty-giving.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { GRANTS_DATA as DATA, PUBLICATIONS as FILES } from './grants-data.ts';

// The accuracy benchmark's publications, and stack.json for names and ids only.
const NAMES_ONLY = 'grantnav-sample-data-2016/stack.json';


export type Random = ReturnType<typeof seededRandom>;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** A version 4 UUID from the seeded generator, so ids (and so ties in ordering) repeat between runs. */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What a grant says about the work: taken whole from one real grant. */
export interface Work {
  title: string;
  description: string | null;
  areas: string[];
  funderName: string;
}

/** A real recipient, by its name as published. */
export interface Organisation {
  name: string;
  orgId: string | null;
  charityNumber: string | null;
  companyNumber: string | null;
  postcode: string | null;
  works: Work[];
}

export interface RealData {
  organisations: Organisation[];
  works: Work[];
  postcodes: string[];
  postcodesByDistrict: Map<string, string[]>;
  districts: string[];
}

/**
 * The distinct recipient names with what was published about them. Names known only from stack.json
 * get a real postcode and real descriptions drawn from the others, as an address and work of their own.
 */
export function loadRealData(random: Random): RealData {
  const byName = new Map<string, Organisation>();
  const works: Work[] = [];
  for (const file of FILES) {
    const parsed = parseThreeSixtyGiving(readFileSync(`${DATA}${file}`, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} did not parse: ${parsed.problems[0]?.message}`);
    for (const grant of parsed.grants) addGrant(byName, works, grant);
  }
  const stack = JSON.parse(readFileSync(`${DATA}${NAMES_ONLY}`, 'utf8')) as { grants: { RecipientOrgName?: string; RecipientOrgIdentifier?: string }[] };
  const namesOnly: Organisation[] = [];
  for (const grant of stack.grants) {
    const name = grant.RecipientOrgName?.trim();
    if (!name || byName.has(name)) continue;
    const organisation: Organisation = { name, orgId: grant.RecipientOrgIdentifier?.trim() || null, charityNumber: null, companyNumber: null, postcode: null, works: [] };
    byName.set(name, organisation);
    namesOnly.push(organisation);
  }
  const postcodes = [...new Set([...byName.values()].map((organisation) => organisation.postcode).filter((postcode): postcode is string => !!postcode))].sort();
  for (const organisation of namesOnly) {
    organisation.postcode = pick(random, postcodes);
    organisation.works = [pick(random, works), pick(random, works)];
  }
  const postcodesByDistrict = new Map<string, string[]>();
  for (const postcode of postcodes) {
    const parts = postcodeParts(postcode);
    if (!parts) continue;
    const list = postcodesByDistrict.get(parts.district) ?? [];
    list.push(parts.full);
    postcodesByDistrict.set(parts.district, list);
  }
  return { organisations: [...byName.values()], works, postcodes, postcodesByDistrict, districts: [...postcodesByDistrict.keys()] };
}

function addGrant(byName: Map<string, Organisation>, works: Work[], grant: PublishedGrant) {
  const name = grant.recipientName.trim();
  const work: Work = { title: grant.title, description: grant.description, areas: grant.areas, funderName: grant.funderName };
  works.push(work);
  const known = byName.get(name);
  if (known) {
    known.postcode ??= grant.postcode;
    known.charityNumber ??= grant.charityNumber;
    known.companyNumber ??= grant.companyNumber;
    known.orgId ??= grant.recipientOrgId;
    known.works.push(work);
    return;
  }
  byName.set(name, {
    name,
    orgId: grant.recipientOrgId,
    charityNumber: grant.charityNumber,
    companyNumber: grant.companyNumber,
    postcode: grant.postcode,
    works: [work],
  });
}

// ---------------------------------------------------------------------------------------------------
// How people write the same name differently.

/** Each word's other spellings, both ways round ("Saint" / "St", "and" / "&"). */
const ABBREVIATIONS: [RegExp, string[]][] = [
  [/^saint$/i, ['St', 'St.']],
  [/^st\.?$/i, ['Saint']],
  [/^and$/i, ['&']],
  [/^&$/, ['and']],
  [/^association$/i, ['Assoc', 'Assn']],
  [/^centre$/i, ['Ctr', 'Center']],
  [/^center$/i, ['Centre']],
  [/^community$/i, ['Comm']],
  [/^society$/i, ['Soc']],
  [/^organisation$/i, ['Org', 'Organization']],
  [/^services$/i, ['Svcs']],
  [/^development$/i, ['Dev']],
  [/^national$/i, ['Natl']],
  [/^mount$/i, ['Mt']],
  [/^limited$/i, ['Ltd']],
  [/^ltd\.?$/i, ['Limited']],
];

const LEGAL_SUFFIXES = /\s+(limited|ltd\.?|cio|cic)$/i;

function typo(random: Random, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 0.34) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // swap two letters
  if (kind < 0.67) return word.slice(0, at) + word.slice(at + 1); // drop one
  return word.slice(0, at) + word[at] + word.slice(at); // double one
}

const VARIATIONS: ((random: Random, words: string[]) => string[] | null)[] = [
  // A typo in a word of four letters or more.
  (random, words) => {
    const long = words.map((word, index) => [word, index] as const).filter(([word]) => /^[A-Za-z]{4,}$/.test(word));
    if (long.length === 0) return null;
    const [word, index] = pick(random, long);
    return words.map((other, i) => (i === index ? typo(random, word) : other));
  },
  // An abbreviation, or the word written out.
  (random, words) => {
    const spelled = words.map((word, index) => [index, ABBREVIATIONS.find(([pattern]) => pattern.test(word))?.[1]] as const).filter(([, others]) => others);
    if (spelled.length === 0) return null;
    const [index, others] = pick(random, spelled);
    return words.map((word, i) => (i === index ? pick(random, others!) : word));
  },
  // Limited, Ltd or CIO added or dropped.
  (random, words) => {
    const name = words.join(' ');
    return (LEGAL_SUFFIXES.test(name) ? name.replace(LEGAL_SUFFIXES, '') : `${name} ${pick(random, ['Ltd', 'Limited', 'CIO'])}`).split(' ');
  },
  // Words in another order: two side by side swapped, or the last word first ("Food Bank Carlisle").
  (random, words) => {
    if (words.length < 2) return null;
    if (random() < 0.5) return [words[words.length - 1], ...words.slice(0, -1)];
    const at = Math.floor(random() * (words.length - 1));
    return [...words.slice(0, at), words[at + 1], words[at], ...words.slice(at + 2)];
  },
  // A word left out.
  (random, words) => {
    if (words.length < 3) return null;
    const at = Math.floor(random() * words.length);
    return words.filter((_, i) => i !== at);
  },
  // "The" added or dropped.
  (_random, words) => (/^the$/i.test(words[0]) ? words.slice(1) : ['The', ...words]),
  // Capitals: all upper case, or all lower case.
  (random, words) => words.map((word) => (random() < 0.7 ? word.toUpperCase() : word.toLowerCase())),
];

/** The name written another way: unchanged a quarter of the time, else with one to three variations. */
export function varyName(random: Random, name: string): string {
  const roll = random();
  const count = roll < 0.25 ? 0 : roll < 0.7 ? 1 : roll < 0.92 ? 2 : 3;
  let words = name.split(/\s+/).filter(Boolean);
  for (let applied = 0, tries = 0; applied < count && tries < 10; tries += 1) {
    const varied = pick(random, VARIATIONS)(random, words);
    if (varied && varied.length > 0) {
      words = varied;
      applied += 1;
    }
  }
  return words.join(' ');
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** The organisation's postcode most of the time; sometimes another in the same district, or none. */
export function varyPostcode(random: Random, data: RealData, postcode: string | null): string | null {
  const roll = random();
  if (!postcode || roll < 0.06) return null;
  if (roll < 0.84) return postcode;
  const parts = postcodeParts(postcode);
  if (!parts) return postcode;
  const others = (data.postcodesByDistrict.get(parts.district) ?? []).filter((other) => other !== parts.full);
  if (others.length > 0 && random() < 0.5) return pick(random, others);
  return addressIn(random, parts.district);
}

/** A made-up postcode in a district: any sector, any unit. */
function addressIn(random: Random, district: string) {
  return `${district} ${Math.floor(random() * 10)}${pick(random, [...INWARD_LETTERS])}${pick(random, [...INWARD_LETTERS])}`;
}

/**
 * A group that receives grants: a real organisation at its own address, or a namesake of it elsewhere
 * (there are many "Scout Group"s and "Food Bank"s), which has register numbers of its own.
 */
export interface Group {
  organisation: Organisation;
  /** The name as the group itself writes it. */
  name: string;
  orgId: string | null;
  charityNumber: string | null;
  companyNumber: string | null;
  postcode: string | null;
  /** The work it is funded for: the organisation's own, or for a namesake, work of its own. */
  works: Work[];
  namesake: boolean;
}

export function realGroup(organisation: Organisation): Group {
  const { name, orgId, charityNumber, companyNumber, postcode } = organisation;
  return { organisation, name, orgId, charityNumber, companyNumber, postcode, works: organisation.works, namesake: false };
}

/**
 * `count` groups: every organisation once as itself, then namesakes of them in turn, each with
 * made-up numbers where the original has numbers (from 2,000,000 up, which no real charity in these
 * files has) and an address of its own: a made-up postcode in a real district, so that a postcode
 * holds a few groups, as a real one does, not dozens.
 */
export function corpusGroups(random: Random, data: RealData, organisations: Organisation[], count: number): Group[] {
  return Array.from({ length: Math.max(count, organisations.length) }, (_, index) => {
    const organisation = organisations[index % organisations.length];
    if (index < organisations.length) return realGroup(organisation);
    const charityNumber = organisation.charityNumber || organisation.orgId?.startsWith('GB-CHC-') ? String(2_000_000 + index) : null;
    const companyNumber = organisation.companyNumber ? String(20_000_000 + index) : null;
    return {
      organisation,
      name: organisation.name,
      orgId: organisation.orgId ? (charityNumber ? `GB-CHC-${charityNumber}` : `360G-synthetic-org-${index}`) : null,
      charityNumber: organisation.charityNumber ? charityNumber : null,
      companyNumber,
      postcode: addressIn(random, pick(random, data.districts)),
      works: [pick(random, data.works), pick(random, data.works)],
      namesake: true,
    };
  });
}

export interface SyntheticGrant {
  id: string;
  grantIdentifier: string;
  title: string;
  description: string | null;
  amountAwardedMinor: number;
  awardDate: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  recipientName: string;
  recipientOrgId: string | null;
  charityNumber: string | null;
  companyNumber: string | null;
  postcode: string | null;
  areas: string[];
  funderName: string;
}

const isoDay = (days: number) => new Date(Date.UTC(2010, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

/** One published grant to a group, its name and postcode varied, its work one of the real ones. */
export function syntheticGrant(random: Random, data: RealData, group: Group, index: number): SyntheticGrant {
  // Mostly the work this group is funded for; sometimes other work, as groups take on new things.
  const work = group.works.length > 0 && random() < 0.7 ? pick(random, group.works) : pick(random, data.works);
  const start = Math.floor(random() * 5400);
  const planned = random() < 0.6;
  const identified = random() < 0.7;
  return {
    id: seededUuid(random),
    grantIdentifier: `360G-synthetic-${index}`,
    title: work.title,
    description: work.description,
    amountAwardedMinor: 100_00 * (1 + Math.floor(random() * 500)),
    awardDate: isoDay(start),
    plannedStart: planned ? isoDay(start + 30) : null,
    plannedEnd: planned ? isoDay(start + 30 + 90 * (1 + Math.floor(random() * 12))) : null,
    recipientName: varyName(random, group.name),
    // Some publishers give the register numbers and some do not.
    recipientOrgId: identified ? group.orgId : null,
    charityNumber: identified ? group.charityNumber : null,
    companyNumber: identified ? group.companyNumber : null,
    postcode: varyPostcode(random, data, group.postcode),
    areas: work.areas,
    funderName: work.funderName,
  };
}
