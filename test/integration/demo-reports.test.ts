import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { londonToday } from '../../shared/london-time.ts';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { seedDemoPanelHistory } from '../../server/demo/seed-panel-history.ts';
import { seedDemoReports } from '../../server/demo/seed-reports.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { PhotoStore } from '../../server/modules/reports/photo-store.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let photoFolder: string;
let statements: string[] = [];
beforeAll(async () => {
  photoFolder = await mkdtemp(path.join(tmpdir(), 'demo-photos-'));
  app = await startTestApp({ env: { REPORT_PHOTOS_DIR: photoFolder }, onQuery: (sql) => statements.push(sql) });
  await seedDemo(app.em());
  await seedDemoPanelHistory(app.em(), app.mailer, app.url);
  expect(await seedDemoReports(app.em(), new PhotoStore(photoFolder))).toBe(true);
}, 120_000);
afterAll(async () => {
  await app.close();
  await rm(photoFolder, { recursive: true, force: true });
});

const sql = <T>(query: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(query, params);

it("gives the demo fund's grants reports by its own policy: some sent with stories, photos and replies, one by phone, some overdue", async () => {
  expect(await sql(`SELECT sentences_from_pence, short_form_from_pence, due_weeks FROM reporting_policy`)).toEqual([{ sentences_from_pence: 500_00, short_form_from_pence: 2_500_00, due_weeks: 6 }]);
  // Every grant's requirement follows the bands, and its due date is six weeks after its meeting.
  const grants = await sql<{ amount_pence: number; reporting: string; weeks: number | null; has_report: boolean }>(
    `SELECT g.amount_pence, g.reporting, (g.report_due_on - (m.closed_at AT TIME ZONE 'Europe/London')::date) / 7 AS weeks, r.id IS NOT NULL AS has_report
       FROM fund_grant g JOIN decision d ON d.id = g.decision_id JOIN panel_meeting m ON m.id = d.meeting_id LEFT JOIN report r ON r.grant_id = g.id`,
  );
  expect(grants.length).toBeGreaterThan(10);
  for (const grant of grants) {
    const expected = grant.amount_pence >= 2_500_00 ? 'SHORT_FORM' : grant.amount_pence >= 500_00 ? 'SENTENCES' : 'NONE';
    expect(grant).toEqual({ amount_pence: grant.amount_pence, reporting: expected, weeks: expected === 'NONE' ? null : 6, has_report: expected !== 'NONE' });
  }
  expect(new Set(grants.map((grant) => grant.reporting))).toEqual(new Set(['SENTENCES', 'SHORT_FORM']));

  const [counts] = await sql<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted,
            count(*) FILTER (WHERE r.status = 'DRAFT' AND g.report_due_on < ?)::int AS overdue,
            count(*) FILTER (WHERE r.taken_by_id IS NOT NULL)::int AS by_phone,
            count(*) FILTER (WHERE r.status = 'SUBMITTED' AND coalesce(r.story, r.sentences) IS NOT NULL)::int AS with_story,
            count(DISTINCT r.story_consent)::int AS consents,
            (SELECT count(*)::int FROM report_photo) AS photos,
            (SELECT count(*)::int FROM report_reply) AS replies
       FROM report r JOIN fund_grant g ON g.id = r.grant_id`,
    [londonToday()],
  );
  // Which drafts are overdue depends on today; the demo's meetings were in September and October.
  expect(counts.overdue).toBeGreaterThanOrEqual(5);
  expect({ ...counts, overdue: 0 }).toEqual({ submitted: 21, overdue: 0, by_phone: 1, with_story: 21, consents: 3, photos: 10, replies: 5 });

  // The pictures are real JPEGs in the photo folder, without metadata, one per row.
  const rows = await sql<{ storage_key: string; width: number; height: number }>(`SELECT storage_key, width, height FROM report_photo ORDER BY storage_key`);
  expect((await readdir(photoFolder)).sort()).toEqual(rows.map((row) => row.storage_key));
  const metadata = await sharp(await readFile(path.join(photoFolder, rows[0].storage_key))).metadata();
  expect([metadata.format, metadata.width, metadata.height, metadata.exif]).toEqual(['jpeg', 1200, 800, undefined]);

  // Loaded once.
  expect(await seedDemoReports(app.em(), new PhotoStore(photoFolder))).toBe(false);
});

it("lists every grant with its report, photo and replies in a fixed number of SQL statements", async () => {
  const officer = await app.signedInAs(await app.em().findOneOrFail(User, { email: 'officer@demo.pooled-fund.example' }));
  const fundId = (await officer.gql(`{ funds { id } }`)).data!.funds[0].id;
  statements = [];
  const result = await officer.gql(
    `query($id: ID!) { fund(id: $id) { grants { id reporting reportDueOn report { status overdue storyConsent story sentences takenBy { name } photo { url } replies { message author { name } } } } } }`,
    { id: fundId },
  );
  expect(result.errors).toBeUndefined();
  const grants = result.data!.fund.grants as { report: { status: string; photo: unknown; replies: unknown[]; takenBy: unknown } | null }[];
  expect(grants).toHaveLength(35);
  expect(grants.filter((grant) => grant.report?.photo).length).toBe(10);
  expect(grants.filter((grant) => grant.report?.replies.length).length).toBe(5);
  expect(grants.filter((grant) => grant.report?.takenBy).length).toBe(1);
  // session and memberships (the viewer), the fund, its grants with their applications, then one each
  // for the reports (with who took them by phone), their photos and their replies with authors.
  expect(statements.length).toBe(7);
});
