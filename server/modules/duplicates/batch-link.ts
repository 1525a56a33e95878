// Checking many records against a fund at once: the nightly check of every application, or thousands
// of grants arriving in one import. The result is what checkRecord would store for each record in turn,
// found set-wise instead of one record at a time:
// - records sharing a search key: one pass over the fund's records, their keys hash-joined with all the
//   queries' keys, instead of a GIN lookup and a heap page per key and record;
// - alike names: the same in-memory index of the fund's names as a single check (fund-names.ts);
// - of the records found by name alone, the same nearest few as a single check (candidate-choice.ts);
// - candidates read and prepared once for a chunk of queries near each other, and every query judged
//   by `judge` itself, so the findings are the same.
// Judging is most of the work. Worker threads judging chunks on both cores were measured and left out:
// 2,000 records against a million took 43 s with two workers and 52 s without, but each worker loads
// the engine's whole module graph and keeps a heap of its own, and the process grew to 1.4 GB.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { DuplicateKind } from '../../../shared/domain.ts';
import { chooseCandidates, isNameKey, type NameFound } from './candidate-choice.ts';
import { NAME_CANDIDATE_THRESHOLD } from './candidate-index.ts';
import { judge, upsertFlags } from './duplicates.service.ts';
import { NAME_CANDIDATE_LIMIT, searchKeys, type StoredRecord, type StoredRow, storedOf } from './match-store.ts';
import { fundNames, type NameSearch } from './fund-names.ts';
import { postgresArray } from '../../db/postgres-array.ts';

/** A pair the engine flags, seen from the record checked. */
export interface LinkFinding {
  otherId: string;
  kind: DuplicateKind;
  score: number;
  reasons: string[];
}

export interface RecordFindings {
  recordId: string;
  findings: LinkFinding[];
}

/** Time spent in each step, in milliseconds, and how much work each did. */
export interface LinkStats {
  queries: number;
  names: { ms: number; records: number; distinct: number };
  /** Reading and preparing the records to check. */
  load: { ms: number };
  /** `postings`: the records found, counted over the keys (a record with two of the keys counts twice). */
  keys: { ms: number; keys: number; postings: number };
  /** Listing each query's candidates: its keys' records and its alike names (done as each chunk's turn comes). */
  alike: { ms: number; pairs: number };
  judge: JudgeStats & { ms: number };
}

export interface JudgeStats {
  fetchMs: number;
  prepareMs: number;
  judgeMs: number;
  pairs: number;
  fetched: number;
  findings: number;
}

export interface LinkOptions {
  /** The fund's names, when the caller already has them; the server's own otherwise. */
  names?: NameSearch;
  /** Queries judged together, their candidates read together (a chunk of 50 needs some 10,000). */
  chunk?: number;
  /** Prepared candidates each judge keeps for the next chunks (about 5 KB each). */
  cached?: number;
}

const FLAGS_PER_TRANSACTION = 1000;

const RECORDS_BY_ID = `SELECT id, application_id, external_grant_id, record FROM match_record WHERE id = ANY(?::uuid[])`;

/** One query and the ids of its candidates. */
interface QueryCandidates {
  id: string;
  candidates: string[];
}

/**
 * Judges chunks of queries, keeping the candidates it has prepared (least recently used forgotten
 * first), since queries near each other share some.
 */
class ChunkJudge {
  private readonly cache = new Map<string, StoredRecord>();
  readonly stats: JudgeStats = { fetchMs: 0, prepareMs: 0, judgeMs: 0, pairs: 0, fetched: 0, findings: 0 };

  constructor(
    private readonly read: (ids: string[]) => Promise<StoredRow[]>,
    private readonly cached: number,
  ) {}

  async judgeChunk(chunk: QueryCandidates[]): Promise<RecordFindings[]> {
    const missing = new Set<string>();
    for (const { id, candidates } of chunk) for (const wanted of [id, ...candidates]) if (!this.cache.has(wanted)) missing.add(wanted);
    const ids = [...missing];
    for (let start = 0; start < ids.length; start += 2000) {
      let mark = performance.now();
      const rows = await this.read(ids.slice(start, start + 2000));
      this.stats.fetchMs += performance.now() - mark;
      mark = performance.now();
      for (const row of rows) this.cache.set(row.id, storedOf(row));
      this.stats.prepareMs += performance.now() - mark;
      this.stats.fetched += rows.length;
    }

    const mark = performance.now();
    const results = chunk.map(({ id, candidates }) => {
      const query = this.touch(id);
      if (!query) return { recordId: id, findings: [] };
      const others = candidates.map((candidate) => this.touch(candidate)).filter((candidate): candidate is StoredRecord => candidate !== undefined);
      const findings = judge(query, others);
      this.stats.pairs += others.length;
      this.stats.findings += findings.length;
      return { recordId: id, findings: findings.map(({ other, kind, score, reasons }) => ({ otherId: other.id, kind, score, reasons })) };
    });
    this.stats.judgeMs += performance.now() - mark;
    // Map keeps insertion order and `touch` moves a record to the end, so the first are the least recently used.
    for (const id of this.cache.keys()) {
      if (this.cache.size <= this.cached) break;
      this.cache.delete(id);
    }
    return results;
  }

  private touch(id: string) {
    const record = this.cache.get(id);
    if (record) {
      this.cache.delete(id);
      this.cache.set(id, record);
    }
    return record;
  }
}

/**
 * For each key, the fund's records that have it, as ids joined by commas (compact: each query splits
 * what it needs when its turn comes). One pass over the fund's records, their keys unnested and
 * hash-joined with the queries' keys: a GIN lookup per key reads a heap page per record found, which
 * for tens of thousands of keys costs more than reading the table once.
 */
async function keyPostings(em: EntityManager, fundId: string, keys: string[]): Promise<string[]> {
  const postings: string[] = keys.map(() => '');
  if (keys.length === 0) return postings;
  const rows = await em.transactional(async (tx) => {
    // The queries' keys fit in memory many times over; this keeps the planner from sorting the records' keys to disk.
    await tx.execute(`SET LOCAL work_mem = '64MB'`);
    return tx.execute<{ n: string; ids: string }[]>(
      `SELECT k.n, string_agg(m.id::text, ',') AS ids
         FROM (SELECT id, unnest(keys) AS key FROM match_record WHERE fund_id = ?) m
         JOIN unnest(?::text[]) WITH ORDINALITY AS k(key, n) ON k.key = m.key
        GROUP BY k.n`,
      [fundId, postgresArray(keys)],
    );
  });
  for (const row of rows) postings[Number(row.n) - 1] = row.ids;
  return postings;
}

/**
 * Finds and judges candidates for each record, as checkRecord does one at a time, and returns the
 * findings of each, in the order given. Writes nothing: see storeFindings.
 */
export async function linkRecords(em: EntityManager, fundId: string, recordIds: string[], options: LinkOptions = {}): Promise<{ results: RecordFindings[]; stats: LinkStats }> {
  const chunk = options.chunk ?? 50;
  const cached = options.cached ?? 10_000;
  let mark = performance.now();
  const names = options.names ?? (await fundNames(em, fundId));
  const namesMs = performance.now() - mark;

  mark = performance.now();
  const rows = new Map<string, StoredRow>();
  for (let start = 0; start < recordIds.length; start += 5000) {
    const page = await em.execute<StoredRow[]>(`SELECT id, application_id, external_grant_id, record FROM match_record WHERE fund_id = ? AND id = ANY(?::uuid[])`, [
      fundId,
      postgresArray(recordIds.slice(start, start + 5000)),
    ]);
    for (const row of page) rows.set(row.id, row);
  }
  const queries = recordIds.filter((id) => rows.has(id)).map((id) => storedOf(rows.get(id)!));
  rows.clear();
  const loadMs = performance.now() - mark;

  mark = performance.now();
  const keyNumbers = new Map<string, number>();
  const queryKeys = queries.map((query) =>
    searchKeys(query.prepared).map((key) => {
      let n = keyNumbers.get(key);
      if (n === undefined) keyNumbers.set(key, (n = keyNumbers.size));
      return n;
    }),
  );
  const keys = [...keyNumbers.keys()];
  const byName = keys.map(isNameKey);
  const postings = await keyPostings(em, fundId, keys);
  // Each id is 36 characters, and a comma.
  const keysStats = { ms: performance.now() - mark, keys: keyNumbers.size, postings: postings.reduce((sum, ids) => sum + (ids ? (ids.length + 1) / 37 : 0), 0) };

  // Queries near each other share the candidates their postcode sector brings, so judging them in that
  // order reads each candidate fewer times. Each chunk's candidates are listed only when its turn
  // comes, so that the lists of all the queries never sit in memory at once.
  const order = queries.map((_, index) => index).sort((a, b) => placeOf(queries[a]).localeCompare(placeOf(queries[b])) || a - b);
  let alikeMs = 0;
  let pairs = 0;
  let next = 0;
  const nextChunk = (): QueryCandidates[] | null => {
    if (next >= order.length) return null;
    const started = performance.now();
    const listed = order.slice(next, (next += chunk)).map((index) => {
      const query = queries[index];
      const byKey: string[] = [];
      const found: NameFound[] = names
        .search(query.prepared.name.core, NAME_CANDIDATE_THRESHOLD, NAME_CANDIDATE_LIMIT, query.id)
        .map((alike) => ({ id: alike.recordId, postcode: alike.postcode, closeness: alike.similarity }));
      for (const n of queryKeys[index]) {
        if (!postings[n]) continue;
        if (!byName[n]) byKey.push(...postings[n].split(','));
        // Their postcodes from the name index, which holds every record's: reading them with the keys doubled the join's time.
        else for (const id of postings[n].split(',')) found.push({ id, postcode: names.postcodeOf(id) ?? null, closeness: 1 });
      }
      // In id order, as a rule, so that a query is judged the same way whichever path lists its candidates.
      const candidates = chooseCandidates({ id: query.id, postcode: query.prepared.postcode?.full ?? null }, byKey, found);
      pairs += candidates.length;
      return { id: query.id, candidates };
    });
    alikeMs += performance.now() - started;
    return listed;
  };

  mark = performance.now();
  const judging = new ChunkJudge(async (ids) => em.execute<StoredRow[]>(RECORDS_BY_ID, [postgresArray(ids)]), cached);
  const byId = new Map<string, RecordFindings>();
  for (let listed = nextChunk(); listed; listed = nextChunk()) for (const result of await judging.judgeChunk(listed)) byId.set(result.recordId, result);
  return {
    results: queries.map((query) => byId.get(query.id) ?? { recordId: query.id, findings: [] }),
    stats: {
      queries: queries.length,
      names: { ms: namesMs, records: names.records, distinct: names.names },
      load: { ms: loadMs },
      keys: keysStats,
      alike: { ms: alikeMs, pairs },
      judge: { ...judging.stats, ms: performance.now() - mark - alikeMs },
    },
  };
}

const placeOf = (record: StoredRecord) => record.prepared.postcode?.full ?? `~${record.prepared.name.core}`;

/**
 * Stores findings as checkRecord would had it checked each record in turn, in the order given: a pair
 * keeps the finding of the last record that found it, and is current only if the last of its records
 * to be checked found it (a pair can be found from one side only, when one record's alike names reach
 * the other but not the other way round). Returns the number of pairs current.
 */
export async function storeFindings(em: EntityManager, fundId: string, results: RecordFindings[]): Promise<number> {
  const position = new Map(results.map((result, index) => [result.recordId, index]));
  const latest = new Map<string, { a: string; b: string; finding: LinkFinding; by: number }>();
  results.forEach(({ recordId, findings }, index) => {
    for (const finding of findings) {
      const [a, b] = [recordId, finding.otherId].sort();
      latest.set(`${a} ${b}`, { a, b, finding, by: index });
    }
  });
  const current = [...latest.values()].filter(({ a, b, by }) => Math.max(position.get(a) ?? -1, position.get(b) ?? -1) === by);
  const flags = [...latest.values()];
  // A thousand to a statement, each in its own transaction, so that no transaction holds many locks.
  for (let start = 0; start < flags.length; start += FLAGS_PER_TRANSACTION) {
    const slice = flags.slice(start, start + FLAGS_PER_TRANSACTION);
    await em.transactional((tx) => upsertFlags(tx, fundId, slice.map(({ a, b, finding }) => ({ a, b, kind: finding.kind, score: finding.score, reasons: finding.reasons }))));
  }
  // Every other current flag of a checked record is no longer found.
  const checked = postgresArray(results.map((result) => result.recordId));
  const stale = await em.execute<{ id: string }[]>(
    `SELECT f.id FROM duplicate_flag f
       WHERE f.current AND (f.record_a_id = ANY(?::uuid[]) OR f.record_b_id = ANY(?::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM unnest(?::uuid[], ?::uuid[]) AS k(a, b) WHERE k.a = f.record_a_id AND k.b = f.record_b_id)`,
    [checked, checked, postgresArray(current.map(({ a }) => a)), postgresArray(current.map(({ b }) => b))],
  );
  for (let start = 0; start < stale.length; start += FLAGS_PER_TRANSACTION) {
    const ids = stale.slice(start, start + FLAGS_PER_TRANSACTION).map((flag) => flag.id);
    await em.transactional((tx) => tx.execute(`UPDATE duplicate_flag SET current = false, updated_at = now() WHERE current AND id = ANY(?::uuid[])`, [postgresArray(ids)]));
  }
  return current.length;
}
