// An in-memory index over a corpus of records, for the link command and the accuracy benchmark. It
// finds the same candidates as the PostgreSQL store (shared blocking keys, or core names whose pg_trgm
// similarity reaches the threshold), and the same scoring code judges them.

import { blockingKeys, type GrantRecord, type PreparedRecord, prepareRecord } from './grant-record.ts';
import { chooseCandidates, isNameKey, type NameFound } from './candidate-choice.ts';
import { compareNames, type SameGroupContext, scoreSameGroup, reasonsInWords } from './same-group.ts';

/** pg_trgm similarity a core name must reach to be a candidate without a shared key. */
export const NAME_CANDIDATE_THRESHOLD = 0.45;

/** An identifier shared by this many clearly different names belongs to an umbrella body. */
const UMBRELLA_NAMES = 3;

export interface Link {
  queryId: string;
  matchId: string;
  score: number;
  reasons: string[];
}

/** Two names one group could go by: the same written two ways, one the other's initials, or alike by half. */
function namesOfOneGroup(a: PreparedRecord, b: PreparedRecord): boolean {
  const compared = compareNames(a, b);
  return compared.kind !== 'alike' || compared.similarity >= 0.5;
}

/**
 * True when the records sharing an identifier carry at least three names that are not alike each other:
 * one charity number over many local groups.
 */
export function isUmbrellaGroup(records: PreparedRecord[]): boolean {
  const distinct: PreparedRecord[] = [];
  for (const record of records) {
    if (!distinct.some((seen) => namesOfOneGroup(seen, record))) {
      distinct.push(record);
      if (distinct.length >= UMBRELLA_NAMES) return true;
    }
  }
  return false;
}

export class CandidateIndex implements SameGroupContext {
  private readonly records: PreparedRecord[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byTrigram = new Map<string, number[]>();
  private readonly umbrellas = new Map<string, boolean>();
  /** Trigrams each record shares with the query being looked up; zero again between queries. */
  private readonly shared: Uint16Array;

  constructor(corpus: Iterable<GrantRecord>) {
    for (const record of corpus) this.add(prepareRecord(record));
    this.shared = new Uint16Array(this.records.length);
  }

  get size() {
    return this.records.length;
  }

  private add(prepared: PreparedRecord) {
    const index = this.records.push(prepared) - 1;
    for (const key of blockingKeys(prepared)) push(this.byKey, key, index);
    for (const trigram of prepared.nameTrigrams) push(this.byTrigram, trigram, index);
  }

  isUmbrella(key: string): boolean {
    let known = this.umbrellas.get(key);
    if (known === undefined) {
      known = isUmbrellaGroup((this.byKey.get(key) ?? []).map((index) => this.records[index]));
      this.umbrellas.set(key, known);
    }
    return known;
  }

  /**
   * Records sharing a blocking key other than a name with the query, and of those sharing a name key or
   * with a core name alike enough, the nearest (candidate-choice.ts), as the PostgreSQL store chooses.
   */
  candidates(query: PreparedRecord): PreparedRecord[] {
    const byKey: number[] = [];
    const byName: NameFound[] = [];
    // Ids by position in the corpus, so that equally near and alike records are taken in the corpus's order.
    const idOf = (index: number) => String(index).padStart(10, '0');
    const named = (index: number, closeness: number) => byName.push({ id: idOf(index), postcode: this.records[index].postcode?.full ?? null, closeness });
    for (const key of blockingKeys(query)) {
      const indexes = this.byKey.get(key) ?? [];
      if (isNameKey(key)) for (const index of indexes) named(index, 1);
      else byKey.push(...indexes);
    }
    // Counted in a typed array rather than a map: common trigrams ("com" of community) list thousands of records.
    const touched: number[] = [];
    for (const trigram of query.nameTrigrams) {
      for (const index of this.byTrigram.get(trigram) ?? []) if (this.shared[index]++ === 0) touched.push(index);
    }
    for (const index of touched) {
      const count = this.shared[index];
      this.shared[index] = 0;
      const similarity = count / (query.nameTrigrams.size + this.records[index].nameTrigrams.size - count);
      if (similarity >= NAME_CANDIDATE_THRESHOLD) named(index, similarity);
    }
    const chosen = chooseCandidates({ id: '', postcode: query.postcode?.full ?? null }, byKey.map(idOf), byName);
    return chosen.map((index) => this.records[Number(index)]);
  }

  /** Every record in the corpus judged the same group as the query, best first. */
  link(record: GrantRecord, minScore: number): Link[] {
    const query = prepareRecord(record);
    // Decided once per key for this query, not once per candidate sharing it.
    const decided = new Map<string, boolean>();
    const context: SameGroupContext = {
      // An umbrella seen in the corpus, or one once the query's own name is counted among its groups.
      isUmbrella: (key) => {
        let umbrella = decided.get(key);
        if (umbrella === undefined) {
          umbrella = this.isUmbrella(key) || isUmbrellaGroup([query, ...(this.byKey.get(key) ?? []).map((index) => this.records[index])]);
          decided.set(key, umbrella);
        }
        return umbrella;
      },
    };
    const links: Link[] = [];
    for (const candidate of this.candidates(query)) {
      if (candidate.record.id === record.id) continue;
      const judgement = scoreSameGroup(query, candidate, context);
      if (judgement.score >= minScore) links.push({ queryId: record.id, matchId: candidate.record.id, score: judgement.score, reasons: reasonsInWords(judgement) });
    }
    return links.sort((x, y) => y.score - x.score || x.matchId.localeCompare(y.matchId));
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Links every query to the corpus: the one path the link command and the accuracy benchmark share.
 * A query that is itself in the corpus (the same grant id) is not linked to itself.
 */
export function linkRecords(corpus: Iterable<GrantRecord>, queries: Iterable<GrantRecord>, minScore: number): Link[] {
  const index = new CandidateIndex(corpus);
  const links: Link[] = [];
  for (const query of queries) links.push(...index.link(query, minScore));
  return links;
}
