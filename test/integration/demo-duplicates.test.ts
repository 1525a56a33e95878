import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { reviewDemoDuplicates } from '../../server/demo/seed-duplicates.ts';
import { seedDemoPanelHistory } from '../../server/demo/seed-panel-history.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemo(app.em());
  await seedDemoPanelHistory(app.em(), app.mailer, app.url);
  expect(await reviewDemoDuplicates(app.em())).toBe(true);
}, 120_000);
afterAll(() => app.close());

it('gives the demo fund duplicates of both kinds, in the pool and with grants made directly, partly reviewed', async () => {
  const rows = await app.em().getConnection().execute(
    `SELECT f.kind, f.verdict, least(sa.name, sb.name) AS first, greatest(sa.name, sb.name) AS second, f.reasons[1] AS reason
       FROM duplicate_flag f
       JOIN LATERAL (SELECT coalesce(x.reference, g.grant_identifier) AS name FROM match_record m
                       LEFT JOIN application x ON x.id = m.application_id LEFT JOIN external_grant g ON g.id = m.external_grant_id
                      WHERE m.id = f.record_a_id) sa ON true
       JOIN LATERAL (SELECT coalesce(x.reference, g.grant_identifier) AS name FROM match_record m
                       LEFT JOIN application x ON x.id = m.application_id LEFT JOIN external_grant g ON g.id = m.external_grant_id
                      WHERE m.id = f.record_b_id) sb ON true
      WHERE f.current
      ORDER BY f.kind, first, second`,
  );
  expect(rows).toEqual([
    { kind: 'SAME_GROUP', verdict: null, first: '360G-demo-dale-0031', second: 'RD-00045', reason: 'same company number 12402332' },
    { kind: 'SAME_GROUP', verdict: null, first: '360G-demo-dale-0031', second: 'RD-00081', reason: 'same company number 12402332' },
    { kind: 'SAME_GROUP', verdict: null, first: '360G-demo-fellside-0101', second: 'RD-00063', reason: "same name once written the same way: 'Lowther Bridge Youth Club' / 'Lowther Bridge Youth Club'" },
    { kind: 'SAME_GROUP', verdict: 'NOT_DUPLICATE', first: 'RD-00015', second: 'RD-00084', reason: 'same contact email' },
    { kind: 'SAME_GROUP', verdict: 'DUPLICATE', first: 'RD-00045', second: 'RD-00081', reason: 'same charity number 1191628' },
    { kind: 'SAME_GROUP', verdict: null, first: 'RD-00062', second: 'RD-00083', reason: 'same contact email' },
    { kind: 'SAME_WORK', verdict: 'COMPLEMENTARY', first: 'RD-00073', second: 'RD-00082', reason: expect.stringMatching(/^both run food parcels in postcode sector RD12 0, November 2026 to \w+ 2027$/) },
    { kind: 'SAME_WORK', verdict: null, first: 'RD-00074', second: 'RD-00085', reason: expect.stringMatching(/^both run shopping and prescriptions in postcode sector RD3 1, November 2026 to \w+ 2027$/) },
  ]);
  // The youth club on this week's agenda carries its flag into the panel pack.
  const [agenda] = await app.em().getConnection().execute(`SELECT status FROM application WHERE reference = 'RD-00063'`);
  expect(agenda).toEqual({ status: 'ON_AGENDA' });
});
