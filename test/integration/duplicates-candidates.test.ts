// Which records a check reads when a name has namesakes all over the country (candidate-choice.ts),
// in PostgreSQL: the single check and the batch link must choose and judge the same records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateKind } from '../../shared/domain.ts';
import { FAR_NAME_LIMIT } from '../../server/modules/duplicates/candidate-choice.ts';
import { linkRecords } from '../../server/modules/duplicates/batch-link.ts';
import { judge } from '../../server/modules/duplicates/duplicates.service.ts';
import { ExternalGrantImport } from '../../server/modules/duplicates/external-grant.entity.ts';
import type { GrantRecord } from '../../server/modules/duplicates/grant-record.ts';
import { findCandidates, loadStoredRecord, matchColumns, syncApplicationRecords } from '../../server/modules/duplicates/match-store.ts';
import { postgresArray } from '../../server/db/postgres-array.ts';
import { createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Match record ids that sort in the order they are made, as ties between equally near namesakes do. */
const recordId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Stores a published grant and its match record as an import does. */
async function storeGrant(fundId: string, importId: string, id: string, record: Omit<GrantRecord, 'id'>) {
  const em = app.em();
  const grantId = crypto.randomUUID();
  await em.execute(
    `INSERT INTO external_grant (id, created_at, fund_id, imported_from_id, grant_identifier, title, currency, amount_awarded_minor, award_date, recipient_name, areas, funder_name)
       VALUES (?, now(), ?, ?, ?, 'Camping trips', 'GBP', 100000, '2026-05-01', ?, '{}', 'Test funder')`,
    [grantId, fundId, importId, `360G-test-${grantId}`, record.name],
  );
  const columns = matchColumns(id, record);
  await em.execute(
    `INSERT INTO match_record (id, created_at, updated_at, fund_id, external_grant_id, name_core, keys, record) VALUES (?, now(), now(), ?, ?, ?, ?::text[], ?::jsonb)`,
    [id, fundId, grantId, columns.nameCore, postgresArray(columns.keys), JSON.stringify(record)],
  );
}

describe('records found by name alone', () => {
  it('are all read in the query’s district, only the nearest elsewhere, and the batch link judges the same', async () => {
    const em = app.em();
    const fund = await createFund(em);
    const batch = em.create(ExternalGrantImport, { fund, fileName: 'scouts.csv', funderNames: ['Test funder'], grantCount: 0, skippedIndividuals: 0 });
    await em.flush();
    const grant = (name: string, postcode: string | null, charityNumber: string | null = null): Omit<GrantRecord, 'id'> => ({
      name,
      postcode,
      charityNumber,
      areas: [],
      title: 'Camping trips',
      text: 'Camping trips for young people.',
      tags: [],
      startsOn: '2026-05-01',
      endsOn: null,
    });
    // Namesakes in thirty districts of Birmingham's postcode area, far from Carlisle.
    for (let n = 1; n <= 30; n += 1) await storeGrant(fund.id, batch.id, recordId(n), grant('Riverside Scout Group', `B${n} 1AA`));
    const near = { samePostcode: recordId(101), sameDistrict: recordId(102), unknownPlace: recordId(103), sameSector: recordId(104), sameNumber: recordId(105) };
    await storeGrant(fund.id, batch.id, near.samePostcode, grant('Riverside Scout Group', 'CA1 2AB'));
    await storeGrant(fund.id, batch.id, near.sameDistrict, grant('The Riverside Scout Group', 'CA1 4ZZ'));
    await storeGrant(fund.id, batch.id, near.unknownPlace, grant('Riverside Scout Group', null));
    await storeGrant(fund.id, batch.id, near.sameSector, grant('Botcherby Larder', 'CA1 2XY'));
    await storeGrant(fund.id, batch.id, near.sameNumber, grant('Riverside Scouts', 'LA9 9ZZ', '1234567'));

    const application = await createApplication(em, fund, { group: { name: 'Riverside Scout Group', postcode: 'CA1 2AB', charityNumber: '1234567' }, title: 'Camping trips' });
    const [{ recordId: queryId }] = await syncApplicationRecords(em, [application.id]);
    const query = (await loadStoredRecord(em, queryId))!;
    const candidates = await findCandidates(em, fund.id, query);

    // Everything found by a postcode, sector or number, the namesakes in the district or of unknown
    // place, and of the far namesakes the first in id order up to the limit.
    const far = Array.from({ length: FAR_NAME_LIMIT }, (_, n) => recordId(n + 1));
    expect(candidates.map((candidate) => candidate.id)).toEqual([...far, ...Object.values(near)].sort());

    const { results, stats } = await linkRecords(em, fund.id, [queryId]);
    expect(stats.alike.pairs).toBe(candidates.length);
    const single = judge(query, candidates).map((finding) => ({ otherId: finding.other.id, kind: finding.kind, score: finding.score, reasons: finding.reasons }));
    // Far namesakes with the same name and work are flagged, just: the limit keeps the officer's list to the nearest.
    const kinds = (ids: string[], kind: DuplicateKind) => ids.map((id) => [id, kind]);
    expect(single.map((finding) => [finding.otherId, finding.kind])).toEqual([
      ...kinds([...far, near.samePostcode, near.sameDistrict, near.unknownPlace], DuplicateKind.SAME_GROUP),
      [near.sameSector, DuplicateKind.SAME_WORK],
      [near.sameNumber, DuplicateKind.SAME_GROUP],
    ]);
    expect(results).toEqual([{ recordId: queryId, findings: single }]);
  });
});
