// The server's in-memory index of a fund's names (fund-names.ts) against PostgreSQL itself: it must
// find what pg_trgm finds, and see names written by other server processes, including transactions
// that commit after it last looked.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_CANDIDATE_THRESHOLD } from '../../server/modules/duplicates/candidate-index.ts';
import { fundNames } from '../../server/modules/duplicates/fund-names.ts';
import { matchColumns, NAME_CANDIDATE_LIMIT } from '../../server/modules/duplicates/match-store.ts';
import { normaliseName } from '../../server/modules/duplicates/normalise.ts';
import { postgresArray } from '../../server/db/postgres-array.ts';
import { createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
/** Another server process's connection to the same database. */
let other: pg.Client;

beforeAll(async () => {
  app = await startTestApp();
  other = new pg.Client({ connectionString: app.databaseUrl });
  await other.connect();
});
afterAll(async () => {
  await other.end();
  await app.close();
});

async function newFund() {
  const fund = await createFund(app.em());
  const { rows } = await other.query<{ id: string }>(
    `INSERT INTO external_grant_import (id, created_at, fund_id, file_name, funder_names, grant_count, skipped_individuals)
       VALUES (gen_random_uuid(), now(), $1, 'names.csv', '{Test}', 0, 0) RETURNING id`,
    [fund.id],
  );
  return { fundId: fund.id, importId: rows[0].id };
}

/** Stores a published grant to `name` through the other connection, as an import would; returns its match record id. */
async function storeGrant(client: pg.ClientBase, fund: { fundId: string; importId: string }, name: string, postcode: string | null = null) {
  const grantId = crypto.randomUUID();
  await client.query(
    `INSERT INTO external_grant (id, created_at, fund_id, imported_from_id, grant_identifier, title, currency, amount_awarded_minor, award_date, recipient_name, areas, funder_name)
       VALUES ($1, now(), $2, $3, $4, 'Food parcels', 'GBP', 100000, '2026-05-01', $5, '{}', 'Test funder')`,
    [grantId, fund.fundId, fund.importId, `360G-test-${grantId}`, name],
  );
  const id = crypto.randomUUID();
  const record = { name, postcode, title: 'Food parcels', text: 'Food parcels', tags: [], areas: [], startsOn: '2026-05-01', endsOn: null };
  const columns = matchColumns(id, record);
  await client.query(
    `INSERT INTO match_record (id, created_at, updated_at, fund_id, external_grant_id, name_core, keys, record) VALUES ($1, now(), now(), $2, $3, $4, $5::text[], $6::jsonb)`,
    [id, fund.fundId, grantId, columns.nameCore, postgresArray(columns.keys), JSON.stringify(record)],
  );
  return id;
}

const core = (name: string) => normaliseName(name).core;

async function alike(fundId: string, name: string) {
  return (await fundNames(app.em(), fundId)).search(core(name), NAME_CANDIDATE_THRESHOLD, NAME_CANDIDATE_LIMIT);
}

describe('the server’s index of a fund’s names', () => {
  it('finds exactly what pg_trgm finds, in the same order', async () => {
    const fund = await newFund();
    const names = [
      'Carlisle Foodbank', 'Carlisle Food Bank CIO', 'The Carlisle Foodbank', 'Carlisle Food Larder', 'Penrith Foodbank',
      'Keswick Community Larder', 'Carlisle Youth Club', 'Carlise Foodbank', 'Botcherby Community Centre', 'Food Bank Carlisle',
      ...Array.from({ length: 150 }, (_, n) => `Carlisle Foodbank ${['North', 'South', 'East', 'West', 'Central'][n % 5]} ${n}`),
    ];
    for (const name of names) await storeGrant(other, fund, name);
    for (const query of ['Carlisle Foodbank', 'Carlisle Food Bank', 'Keswick Larder', 'Botcherby Centre']) {
      const { rows } = await other.query<{ id: string; similarity: number }>(
        `SELECT id, similarity(name_core, $2) AS similarity FROM match_record
          WHERE fund_id = $1 AND similarity(name_core, $2) >= $3 ORDER BY similarity DESC, id LIMIT $4`,
        [fund.fundId, core(query), NAME_CANDIDATE_THRESHOLD, NAME_CANDIDATE_LIMIT],
      );
      const found = await alike(fund.fundId, query);
      expect(found.map((name) => name.recordId)).toEqual(rows.map((row) => row.id));
      // PostgreSQL prints a real with fewer digits; as a single-precision number it is the same.
      expect(found.map((name) => name.similarity)).toEqual(rows.map((row) => Math.fround(row.similarity)));
    }
    // Enough alike names that the limit cuts the list, so the tie order matters.
    expect((await alike(fund.fundId, 'Carlisle Foodbank')).length).toBe(NAME_CANDIDATE_LIMIT);
  });

  it('sees names another process writes after the index was read, and renamed records under their new name only', async () => {
    const fund = await newFund();
    const first = await storeGrant(other, fund, 'Eden Valley Mutual Aid');
    expect((await alike(fund.fundId, 'Eden Valley Mutual Aid')).map((name) => name.recordId)).toEqual([first]);

    const second = await storeGrant(other, fund, 'Eden Valley Mutual Aid Group');
    expect((await alike(fund.fundId, 'Eden Valley Mutual Aid')).map((name) => name.recordId)).toEqual([first, second]);

    await other.query(`UPDATE match_record SET name_core = $2 WHERE id = $1`, [first, core('Appleby Good Neighbours')]);
    expect((await alike(fund.fundId, 'Eden Valley Mutual Aid')).map((name) => name.recordId)).toEqual([second]);
    expect((await alike(fund.fundId, 'Appleby Good Neighbours')).map((name) => name.recordId)).toEqual([first]);
  });

  it('knows each record’s postcode, and sees a new one written under the same name', async () => {
    const fund = await newFund();
    const placed = await storeGrant(other, fund, 'Maryport Men’s Shed', 'ca15 6aa');
    const unplaced = await storeGrant(other, fund, 'Maryport Mens Shed');
    const postcodes = async () => (await alike(fund.fundId, 'Maryport Men’s Shed')).map((name) => [name.recordId, name.postcode]);
    expect(await postcodes()).toEqual([[placed, 'CA15 6AA'], [unplaced, null]].sort());

    const moved = { name: 'Maryport Mens Shed', postcode: 'CA15 8BB', title: 'Food parcels', text: 'Food parcels', tags: [], areas: [], startsOn: '2026-05-01', endsOn: null };
    const columns = matchColumns(unplaced, moved);
    await other.query(`UPDATE match_record SET keys = $2::text[], record = $3::jsonb WHERE id = $1`, [unplaced, postgresArray(columns.keys), JSON.stringify(moved)]);
    expect(await postcodes()).toEqual([[placed, 'CA15 6AA'], [unplaced, 'CA15 8BB']].sort());
  });

  it('sees a transaction that was open at its last look and committed after it', async () => {
    const fund = await newFund();
    await storeGrant(other, fund, 'Wigton Warm Spaces');
    const late = new pg.Client({ connectionString: app.databaseUrl });
    await late.connect();
    try {
      await late.query('BEGIN');
      const lateId = await storeGrant(late, fund, 'Wigton Warm Space Project');
      // Meanwhile another process writes and commits, and the index looks: the open transaction is not visible yet.
      const meanwhile = await storeGrant(other, fund, 'Wigton Warm Spaces Network');
      const before = (await alike(fund.fundId, 'Wigton Warm Spaces')).map((name) => name.recordId);
      expect(before).toContain(meanwhile);
      expect(before).not.toContain(lateId);
      await late.query('COMMIT');
      expect((await alike(fund.fundId, 'Wigton Warm Spaces')).map((name) => name.recordId)).toContain(lateId);
    } finally {
      await late.end();
    }
  });

  it('reads the index afresh after many changes and still answers the same', async () => {
    const fund = await newFund();
    await alike(fund.fundId, 'anything');
    // More new names than the index compares one by one, in one statement.
    const ids = Array.from({ length: 2100 }, () => crypto.randomUUID());
    const grants = ids.map(() => crypto.randomUUID());
    const cores = ids.map((_, n) => core(`Solway Coast Group ${n + 1}`));
    await other.query(
      `INSERT INTO external_grant (id, created_at, fund_id, imported_from_id, grant_identifier, title, currency, amount_awarded_minor, award_date, recipient_name, areas, funder_name)
         SELECT g, now(), $1, $2, '360G-bulk-' || g, 'Work', 'GBP', 100, '2026-01-01', 'Group ' || n, '{}', 'Test' FROM unnest($3::uuid[]) WITH ORDINALITY AS t(g, n)`,
      [fund.fundId, fund.importId, postgresArray(grants)],
    );
    await other.query(
      `INSERT INTO match_record (id, created_at, updated_at, fund_id, external_grant_id, name_core, keys, record)
         SELECT m, now(), now(), $1, g, c, '{}', '{}'::jsonb FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(m, g, c)`,
      [fund.fundId, postgresArray(ids), postgresArray(grants), postgresArray(cores)],
    );
    const found = await alike(fund.fundId, 'Solway Coast Group 17');
    expect(found[0]).toEqual({ recordId: ids[16], similarity: 1, postcode: null });
    expect(found).toHaveLength(NAME_CANDIDATE_LIMIT);
  });
});
