// Is this the same group? Each piece of evidence adds or takes away weight (log-odds, in the manner of
// Fellegi and Sunter); the score is the resulting probability, and each piece is also said in words.

import type { PreparedName, PreparedRecord } from './grant-record.ts';
import { editDistance, setSimilarity, wordsAlike } from './similarity.ts';

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
  /** The same name, but of one word ("The Bridge", "Doorway"): many unrelated groups share it. */
  sameNameOneWord: 5,
  /** The same words give or take a typo or a space ("Carlise Food Bank", "Trail Blazers"). */
  sameNameButSpelling: 5,
  sameNameButSpellingOneWord: 4,
  /** The same name apart from a word for the kind of body ("Compaid" / "Compaid Trust"). */
  sameNameButKind: 4.5,
  sameNameButKindOneWord: 3,
  /** One name is the initials of the other ("NCVO"); three letters are more often a coincidence. */
  initials: 4,
  initialsThreeLetters: 2.5,
  nameAlike: [
    [0.9, 5],
    [0.8, 4],
    [0.7, 2.5],
    [0.6, 1],
    [0.45, -1.5],
  ] as [number, number][],
  /** One name's words are all in the other, which has more ("The Source" / "The Source Young People's Charity"). */
  nameWithin: 2,
  nameUnlike: -4,
  otherWords: -2.5,
  samePostcode: 3.5,
  sameSector: 1.5,
  /** The same postcode but for one character of the district (CT2 2AD / CT20 2AD): most likely mistyped. */
  postcodeTypo: 1.5,
  sameDistrict: 0.5,
  /** Postcodes in one area (the letters: CA, LA) but different districts: a group may have moved. */
  differentDistrict: -1,
  /** Postcodes in different areas: far apart, so more likely two groups. */
  differentArea: -2.5,
  descriptionsAlike: [
    [0.35, 1.5],
    [0.2, 0.75],
  ] as [number, number][],
};

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function sigmoid(logOdds: number) {
  return 1 / (1 + Math.exp(-logOdds));
}

function nameSimilarityOf(a: PreparedName, b: PreparedName) {
  return Math.max(setSimilarity(a.trigrams, b.trigrams), setSimilarity(a.joinedTrigrams, b.joinedTrigrams));
}

/** How alike two groups' names are: the best over the names each goes by, each taken word by word and written as one word. */
export function nameSimilarity(a: PreparedRecord, b: PreparedRecord) {
  let best = 0;
  for (const x of a.names) for (const y of b.names) best = Math.max(best, nameSimilarityOf(x, y));
  return best;
}

type NamesAlike = { kind: 'alike'; a: PreparedName; b: PreparedName; similarity: number };
export type NameComparison =
  | {
      kind: 'same' | 'sameButSpelling' | 'sameButKind' | 'initials';
      a: PreparedName;
      b: PreparedName;
      /** The weaker form of the kind: a name of one word, or initials of three letters, which many groups share. */
      weak: boolean;
    }
  | NamesAlike;

/**
 * The closest two groups' names come, over every name each goes by: the same once written the same
 * way, the same give or take a typo, the same but for a word for the kind of body, one the initials
 * of the other, or else how alike by trigrams.
 */
export function compareNames(a: PreparedRecord, b: PreparedRecord): NameComparison {
  // A name with no words at all ("???") is the same as nothing.
  const pairs = a.names.flatMap((x) => b.names.map((y) => [x, y] as const)).filter(([x, y]) => x.name.words.length > 0 && y.name.words.length > 0);
  for (const [x, y] of pairs) {
    if (x.name.core === y.name.core || x.sortedWords === y.sortedWords || x.joinedWords === y.joinedWords) {
      return { kind: 'same', a: x, b: y, weak: Math.min(x.name.distinctive.length, y.name.distinctive.length) === 1 };
    }
  }
  for (const [x, y] of pairs) {
    const [onlyX, onlyY] = unmatchedWords(x.name.words, y.name.words);
    if (onlyX.length === 0 && onlyY.length === 0) {
      return { kind: 'sameButSpelling', a: x, b: y, weak: Math.min(x.name.distinctive.length, y.name.distinctive.length) === 1 };
    }
  }
  for (const [x, y] of pairs) {
    // In order: "Care International" and "International Care Network" are two bodies.
    if (x.name.distinctive.join(' ') === y.name.distinctive.join(' ')) return { kind: 'sameButKind', a: x, b: y, weak: x.name.distinctive.length === 1 };
  }
  for (const [x, y] of pairs) {
    const spelled = (short: PreparedName, long: PreparedName) => short.name.words.length === 1 && long.initials.includes(short.name.words[0]);
    if (spelled(x, y) || spelled(y, x)) return { kind: 'initials', a: x, b: y, weak: Math.min(x.name.core.length, y.name.core.length) <= 3 };
  }
  let best: NamesAlike = { kind: 'alike', a: a.names[0], b: b.names[0], similarity: -1 };
  // Ties go to the pair whose names sort first, so that comparing b with a reads the same as a with b.
  const order = (x: PreparedName, y: PreparedName) => [x.text, y.text].sort().join('\n');
  for (const [x, y] of pairs) {
    const similarity = nameSimilarityOf(x, y);
    if (similarity > best.similarity || (similarity === best.similarity && order(x, y) < order(best.a, best.b))) best = { kind: 'alike', a: x, b: y, similarity };
  }
  return { ...best, similarity: Math.max(best.similarity, 0) };
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
    else {
      // One account paid to two groups is a duplicate or something worse, whatever the names say.
      add(WEIGHTS.sameBank, 'same bank account');
      identified = true;
    }
  }
  if (a.email && a.email === b.email) add(WEIGHTS.sameEmail, `same contact email`);
  if (a.phone && a.phone === b.phone) add(WEIGHTS.samePhone, `same contact phone number`);

  // Names.
  const compared = compareNames(a, b);
  const names = `'${compared.a.text}' / '${compared.b.text}'`;
  if (compared.kind === 'alike') {
    const { similarity } = compared;
    const [onlyA, onlyB] = unmatchedWords(compared.a.name.distinctive, compared.b.name.distinctive);
    const step = WEIGHTS.nameAlike.find(([threshold]) => similarity >= threshold);
    // One name holding all of the other's words is the same name with a place or a description added.
    const within = (onlyA.length === 0) !== (onlyB.length === 0);
    if (within && (!step || step[1] < WEIGHTS.nameWithin)) {
      const [short, long] = onlyA.length === 0 ? [compared.a, compared.b] : [compared.b, compared.a];
      add(WEIGHTS.nameWithin, `'${long.text}' has every word that marks out '${short.text}'`);
    } else if (step) add(step[1], `names ${percent(similarity)} alike: ${names}`);
    else if (!identified) add(WEIGHTS.nameUnlike, `names unlike: ${names}`);
    if (onlyA.length > 0 && onlyB.length > 0 && similarity >= 0.45) {
      add(WEIGHTS.otherWords, `the names differ in '${onlyA.join(' ')}' / '${onlyB.join(' ')}'`);
    }
  } else if (compared.kind === 'same') {
    add(compared.weak ? WEIGHTS.sameNameOneWord : WEIGHTS.sameName, `same name once written the same way: ${names}`);
  } else if (compared.kind === 'sameButSpelling') {
    add(compared.weak ? WEIGHTS.sameNameButSpellingOneWord : WEIGHTS.sameNameButSpelling, `same name but for spelling: ${names}`);
  } else if (compared.kind === 'sameButKind') {
    add(compared.weak ? WEIGHTS.sameNameButKindOneWord : WEIGHTS.sameNameButKind, `same name but for the kind of body: ${names}`);
  } else {
    add(compared.weak ? WEIGHTS.initialsThreeLetters : WEIGHTS.initials, `one name is the initials of the other: ${names}`);
  }

  // Places.
  if (a.postcode && b.postcode) {
    // A small group's postcode is often a volunteer's home, so the words name the sector, never the postcode.
    if (a.postcode.full === b.postcode.full) add(WEIGHTS.samePostcode, `same postcode (in ${a.postcode.sector})`);
    else if (a.postcode.sector === b.postcode.sector) add(WEIGHTS.sameSector, `postcodes in the same sector ${a.postcode.sector}`);
    else if (a.postcode.district === b.postcode.district) add(WEIGHTS.sameDistrict, `postcodes in the same district ${a.postcode.district}`);
    else if (a.postcode.full.split(' ')[1] === b.postcode.full.split(' ')[1] && editDistance(a.postcode.district, b.postcode.district, 1) === 1) {
      add(WEIGHTS.postcodeTypo, `postcodes one character apart: ${a.postcode.district} / ${b.postcode.district}, perhaps mistyped`);
    }
    else if (postcodeArea(a.postcode.district) === postcodeArea(b.postcode.district)) add(WEIGHTS.differentDistrict, `postcodes in different districts: ${a.postcode.district} / ${b.postcode.district}`);
    else add(WEIGHTS.differentArea, `postcodes far apart: ${a.postcode.district} / ${b.postcode.district}`);
  }

  // What they do.
  const described = setSimilarity(a.wordSet, b.wordSet);
  const step = WEIGHTS.descriptionsAlike.find(([threshold]) => described >= threshold);
  if (step) add(step[1], `descriptions ${percent(described)} alike`);

  const logOdds = evidence.reduce((sum, piece) => sum + piece.weight, PRIOR_LOG_ODDS);
  return { score: sigmoid(logOdds), evidence };
}

/** London's postcode areas are small and side by side, so for distance they count as one. */
const LONDON_AREAS = new Set(['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC']);

/** The letters that start a postcode district: "CA" of CA1, "M" of M14; "London" for London's. */
export function postcodeArea(district: string) {
  const letters = /^[A-Z]+/.exec(district)?.[0] ?? district;
  return LONDON_AREAS.has(letters) ? 'London' : letters;
}

/** The evidence that counted, strongest first, as the words a person reads. */
export function reasonsInWords(judgement: Judgement): string[] {
  return [...judgement.evidence].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight)).map((piece) => piece.reason);
}
