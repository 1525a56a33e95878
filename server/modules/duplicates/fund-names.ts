// Each server's own copy of its funds' core names and postcodes, for finding alike names in well under
// a millisecond (name-index.ts) and ranking them by place before any is read (candidate-choice.ts),
// kept current with what every server process writes. pg_trgm's GIN index, which this replaces, read a
// hundred thousand postings for names of common words in a million records.
//
// Keeping current: a trigger stamps each match record with the transaction that last wrote its core
// name or its keys, which hold its postcode (`name_txid`). Before each search the server reads the
// names written by any transaction that had not finished when it last looked (at or after that
// snapshot's xmin), so a transaction that commits late is never missed. Names read again are harmless: a recent name stands in for the
// record's indexed one. When many names have changed, the index is read afresh.

import type { EntityManager } from '@mikro-orm/postgresql';
import { type AlikeName, NameIndex } from './name-index.ts';
import { postcodeParts } from './normalise.ts';
import { trigrams } from './similarity.ts';

/** Changed names are compared one by one until there are this many; then the index is read afresh. */
const RECENT_LIMIT = 2000;
const PAGE = 50_000;

/** What the duplicate check asks of a fund's names. */
export interface NameSearch {
  readonly records: number;
  readonly names: number;
  search(core: string, threshold: number, limit: number, excludeId?: string | null): AlikeName[];
  /** A record's normalised postcode as last read (null when it has none), or undefined for a record not read yet. */
  postcodeOf(recordId: string): string | null | undefined;
}

/** Where the database stood before a read: every transaction older than this had finished. */
async function horizon(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ horizon: string }[]>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
  return row.horizon;
}

interface NameRow {
  id: string;
  name_core: string;
  /** As written, normalised here as for the record's postcode key: reading the key's takes twice as long. */
  postcode: string | null;
}

const NAME_COLUMNS = `id, name_core, record->>'postcode' AS postcode`;

const postcodeOf = (row: NameRow) => postcodeParts(row.postcode)?.full ?? null;

/** The fund's core names and postcodes, read a page at a time so the rows never all sit in memory at once. */
async function readIndex(em: EntityManager, fundId: string): Promise<NameIndex> {
  const index = new NameIndex();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await em.execute<NameRow[]>(
      `SELECT ${NAME_COLUMNS} FROM match_record WHERE fund_id = ? AND id > ? ORDER BY id LIMIT ${PAGE}`,
      [fundId, after],
    );
    for (const row of page) index.add(row.id, row.name_core, postcodeOf(row));
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
  index.seal();
  return index;
}

class FundNames implements NameSearch {
  /** Names written since the index was read, by record: these replace the index's entries for them. */
  private readonly recent = new Map<string, { core: string; trigrams: Set<string>; postcode: string | null }>();

  private constructor(
    private readonly fundId: string,
    private readonly index: NameIndex,
    private seenFrom: string,
  ) {}

  static async read(em: EntityManager, fundId: string) {
    const seenFrom = await horizon(em);
    return new FundNames(fundId, await readIndex(em, fundId), seenFrom);
  }

  get records() {
    return this.index.records;
  }

  get names() {
    return this.index.names;
  }

  /** Reads the names written since the last look. False when so many changed that the index should be read afresh. */
  async catchUp(em: EntityManager): Promise<boolean> {
    const seenFrom = await horizon(em);
    const rows = await em.execute<NameRow[]>(
      `SELECT ${NAME_COLUMNS} FROM match_record WHERE fund_id = ? AND name_txid >= ?::bigint`,
      [this.fundId, this.seenFrom],
    );
    for (const row of rows) this.recent.set(row.id, { core: row.name_core, trigrams: trigrams(row.name_core), postcode: postcodeOf(row) });
    this.seenFrom = seenFrom;
    return this.recent.size <= RECENT_LIMIT;
  }

  postcodeOf(recordId: string) {
    const recent = this.recent.get(recordId);
    return recent ? recent.postcode : this.index.postcodeOf(recordId);
  }

  search(core: string, threshold: number, limit: number, excludeId: string | null = null): AlikeName[] {
    // The index's answer without the records whose names changed since, and those records measured one by one.
    const found = this.index.search(core, threshold, limit + this.recent.size, excludeId).filter((alike) => !this.recent.has(alike.recordId));
    const query = trigrams(core);
    for (const [recordId, name] of this.recent) {
      if (recordId === excludeId || query.size === 0) continue;
      let shared = 0;
      for (const trigram of name.trigrams) if (query.has(trigram)) shared += 1;
      // As pg_trgm and the index measure it: single precision, compared in double.
      const similarity = Math.fround(shared / (query.size + name.trigrams.size - shared));
      if (similarity >= threshold) found.push({ recordId, similarity, postcode: name.postcode });
    }
    found.sort((a, b) => b.similarity - a.similarity || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
    return found.slice(0, limit);
  }
}

/** Each fund's names, or the read of them under way; one catch-up at a time per fund. */
const funds = new Map<string, Promise<FundNames>>();

/** The fund's names as they stand now, read on first use (see warmFundNames) and brought up to date. */
export function fundNames(em: EntityManager, fundId: string): Promise<NameSearch> {
  const previous = funds.get(fundId);
  const next = (async () => {
    const names = previous ? await previous.catch(() => null) : null;
    if (names && (await names.catchUp(em))) return names;
    return FundNames.read(em, fundId);
  })();
  funds.set(fundId, next);
  // A failed read is not kept: the next search reads again.
  next.catch(() => {
    if (funds.get(fundId) === next) funds.delete(fundId);
  });
  return next;
}

/** Reads every fund's names, so that the first check after a start does not wait for them. */
export async function warmFundNames(em: EntityManager) {
  const rows = await em.execute<{ id: string }[]>(`SELECT id FROM fund ORDER BY created_at`);
  for (const { id } of rows) await fundNames(em, id);
}

/** Forgets every fund's names (tests and benchmarks that replace a database under a running process). */
export function forgetFundNames() {
  funds.clear();
}
