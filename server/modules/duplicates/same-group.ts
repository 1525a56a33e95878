// Is this the same group? Each piece of evidence adds or takes away weight (log-odds, in the manner of
// Fellegi and Sunter); the score is the resulting probability, and each piece is also said in words.

import type { PreparedRecord } from './grant-record.ts';
import { setSimilarity, wordsAlike } from './similarity.ts';

export interface Evidence {
  /** Log-odds this piece adds (negative when it speaks against). */
  weight: number;
  /** The evidence in words, e.g. "same bank account". */
  reason: string;
}

export interface Judgement {
  score: number;
  evidence: Evidence[];
}

export interface SameGroupContext {
  /**
   * True when an identifier key is shared by groups with clearly different names: an umbrella body's
   * charity number covering many local groups (the Scouts, St John Ambulance), so it proves nothing.
   */
  isUmbrella(key: string): boolean;
}

const NO_UMBRELLAS: SameGroupContext = { isUmbrella: () => false };

/** Where a pair starts before any evidence: most pairs put side by side are not the same group. */
export const PRIOR_LOG_ODDS = -4;

export const WEIGHTS = {
  sameIdentifier: 11,
  differentIdentifier: -7,
  sameBank: 8,
  sameBankThroughHost: 1.5,
  sameEmail: 6,
  samePhone: 5,
  sameName: 6,
  nameAlike: [
    [0.9, 5],
    [0.8, 4],
    [0.7, 2.5],
    [0.6, 1],
    [0.45, -1.5],
  ] as [number, number][],
  nameUnlike: -4,
  otherWords: -2.5,
  samePostcode: 3.5,
  sameSector: 1.5,
  sameDistrict: 0.5,
  differentDistrict: -1.5,
  descriptionsAlike: [
    [0.35, 1.5],
    [0.2, 0.75],
  ] as [number, number][],
};

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function sigmoid(logOdds: number) {
  return 1 / (1 + Math.exp(-logOdds));
}

/** How alike two names are, taking the better of word-by-word and written-as-one-word trigrams. */
export function nameSimilarity(a: PreparedRecord, b: PreparedRecord) {
  return Math.max(setSimilarity(a.nameTrigrams, b.nameTrigrams), setSimilarity(a.joinedTrigrams, b.joinedTrigrams));
}

/**
 * Words each name has that the other lacks (allowing typos and words run together). When both names
 * have some, one word was swapped for another ("Age UK Carlisle" / "Age UK Penrith"): a different group.
 */
export function unmatchedWords(a: string[], b: string[]): [string[], string[]] {
  const joinedA = a.join('');
  const joinedB = b.join('');
  const missing = (words: string[], others: string[], otherJoined: string) =>
    words.filter((word) => !others.some((other) => wordsAlike(word, other)) && !(word.length >= 3 && otherJoined.includes(word)));
  return [missing(a, b, joinedB), missing(b, a, joinedA)];
}

export function scoreSameGroup(a: PreparedRecord, b: PreparedRecord, context: SameGroupContext = NO_UMBRELLAS): Judgement {
  const evidence: Evidence[] = [];
  const add = (weight: number, reason: string) => evidence.push({ weight, reason });

  // Registered numbers. Two different numbers of the same kind are strong evidence against.
  let identified = false;
  for (const [label, x, y, key] of [
    ['charity number', a.charityNumber, b.charityNumber, `charity:${a.charityNumber}`],
    ['company number', a.companyNumber, b.companyNumber, `company:${a.companyNumber}`],
    ['organisation id', a.otherId, b.otherId, `org:${a.otherId}`],
  ] as const) {
    if (!x || !y) continue;
    if (x !== y) add(WEIGHTS.differentIdentifier, `different ${label}s ${x} / ${y}`);
    else if (context.isUmbrella(key)) add(0, `same ${label} ${x}, but it covers several differently named groups, so it is not counted`);
    else {
      add(WEIGHTS.sameIdentifier, `same ${label} ${x}`);
      identified = true;
    }
  }

  if (a.record.bankHash && a.record.bankHash === b.record.bankHash) {
    const host = a.record.hostName && b.record.hostName ? a.record.hostName : null;
    if (host) add(WEIGHTS.sameBankThroughHost, `same bank account, held by their host ${host}`);
    else add(WEIGHTS.sameBank, 'same bank account');
  }
  if (a.email && a.email === b.email) add(WEIGHTS.sameEmail, `same contact email`);
  if (a.phone && a.phone === b.phone) add(WEIGHTS.samePhone, `same contact phone number`);

  // Names.
  const similarity = nameSimilarity(a, b);
  const names = `'${a.record.name.trim()}' / '${b.record.name.trim()}'`;
  if (a.name.core === b.name.core || [...a.name.words].sort().join(' ') === [...b.name.words].sort().join(' ')) {
    add(WEIGHTS.sameName, `same name once written the same way: ${names}`);
  } else {
    const step = WEIGHTS.nameAlike.find(([threshold]) => similarity >= threshold);
    if (step) add(step[1], `names ${percent(similarity)} alike: ${names}`);
    else if (!identified) add(WEIGHTS.nameUnlike, `names unlike: ${names}`);
    const [onlyA, onlyB] = unmatchedWords(a.name.words, b.name.words);
    if (onlyA.length > 0 && onlyB.length > 0 && similarity >= 0.45) {
      add(WEIGHTS.otherWords, `the names differ in '${onlyA.join(' ')}' / '${onlyB.join(' ')}'`);
    }
  }

  // Places.
  if (a.postcode && b.postcode) {
    // A small group's postcode is often a volunteer's home, so the words name the sector, never the postcode.
    if (a.postcode.full === b.postcode.full) add(WEIGHTS.samePostcode, `same postcode (in ${a.postcode.sector})`);
    else if (a.postcode.sector === b.postcode.sector) add(WEIGHTS.sameSector, `postcodes in the same sector ${a.postcode.sector}`);
    else if (a.postcode.district === b.postcode.district) add(WEIGHTS.sameDistrict, `postcodes in the same district ${a.postcode.district}`);
    else add(WEIGHTS.differentDistrict, `postcodes far apart: ${a.postcode.district} / ${b.postcode.district}`);
  }

  // What they do.
  const described = setSimilarity(a.wordSet, b.wordSet);
  const step = WEIGHTS.descriptionsAlike.find(([threshold]) => described >= threshold);
  if (step) add(step[1], `descriptions ${percent(described)} alike`);

  const logOdds = evidence.reduce((sum, piece) => sum + piece.weight, PRIOR_LOG_ODDS);
  return { score: sigmoid(logOdds), evidence };
}

/** The evidence that counted, strongest first, as the words a person reads. */
export function reasonsInWords(judgement: Judgement): string[] {
  return [...judgement.evidence].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight)).map((piece) => piece.reason);
}
