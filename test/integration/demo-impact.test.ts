import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { seedDemoPanelHistory } from '../../server/demo/seed-panel-history.ts';
import { seedDemoReports } from '../../server/demo/seed-reports.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { PhotoStore } from '../../server/modules/reports/photo-store.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

// What funders read of the demo fund's reports: its 21 sent stories (every kind of consent), its totals,
// and a funder officer's own view, as a newcomer sees them.
let app: TestApp;
let photoFolder: string;
let fundId: string;
const sql = <T>(query: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(query, params);
const as = async (local: string): Promise<ApiClient> => app.signedInAs(await app.em().findOneOrFail(User, { email: `${local}@demo.pooled-fund.example` }));

beforeAll(async () => {
  photoFolder = await mkdtemp(path.join(tmpdir(), 'demo-impact-photos-'));
  app = await startTestApp({ env: { REPORT_PHOTOS_DIR: photoFolder } });
  await seedDemo(app.em());
  await seedDemoPanelHistory(app.em(), app.mailer, app.url);
  await seedDemoReports(app.em(), new PhotoStore(photoFolder));
  [{ id: fundId }] = await sql<{ id: string }>(`SELECT id FROM fund WHERE is_demo`);
}, 120_000);
afterAll(async () => {
  await app.close();
  await rm(photoFolder, { recursive: true, force: true });
});

it('gives the coordinator all 21 stories, the community panellist only those shared, and every story its grant, phase and funders', async () => {
  const [{ unshared }] = await sql<{ unshared: number }>(`SELECT count(*)::int AS unshared FROM report WHERE status = 'SUBMITTED' AND story_consent = 'NOT_SHARED'`);
  expect(unshared).toBeGreaterThan(0);
  const FEED = `query($fundId: ID!, $after: String) { storyFeed(fundId: $fundId, first: 50, after: $after) { totalCount nextCursor stories { consent text grant { phaseName funders { name } } } } }`;
  const coordinator = (await (await as('coordinator')).gql(FEED, { fundId })).data!.storyFeed;
  expect(coordinator.totalCount).toBe(21);
  expect(coordinator.stories).toHaveLength(21);
  expect(coordinator.nextCursor).toBeNull();
  expect(coordinator.stories.filter((story: { consent: string }) => story.consent === 'NOT_SHARED')).toHaveLength(unshared);
  for (const story of coordinator.stories) {
    expect(story.text.length).toBeGreaterThan(20);
    expect(story.grant.funders.length).toBeGreaterThan(0);
  }
  const community = (await (await as('community')).gql(FEED, { fundId })).data!.storyFeed;
  expect(community.totalCount).toBe(21 - unshared);
  expect(community.stories.map((story: { consent: string }) => story.consent)).not.toContain('NOT_SHARED');
});

it("adds the demo's reports up, and shows the council's officer the council's own view with only shared stories", async () => {
  const officer = await as('officer');
  const totals = (await officer.gql(`query($fundId: ID!) { reportingTotals(fundId: $fundId) { all { grantCount reportsSent reportsOverdue peopleReached } funderViews { name } } }`, { fundId })).data!.reportingTotals;
  const [grants] = await sql<{ grants: number; people: number }>(
    `SELECT (SELECT count(*)::int FROM fund_grant) AS grants,
            (SELECT coalesce(sum(r.people_count), 0)::int FROM report r JOIN fund_grant g ON g.id = r.grant_id WHERE r.status = 'SUBMITTED' AND g.reporting = 'SHORT_FORM') AS people`,
  );
  expect(totals.all).toMatchObject({ grantCount: grants.grants, reportsSent: 21, peopleReached: grants.people });
  expect(totals.all.reportsOverdue).toBeGreaterThanOrEqual(5);
  expect(totals.funderViews).toHaveLength(1);

  const [council] = await sql<{ id: string }>(`SELECT id FROM funder WHERE name = ?`, [totals.funderViews[0].name]);
  const impact = (await officer.gql(`query($fundId: ID!, $funderId: ID!) { funderImpact(fundId: $fundId, funderId: $funderId) { unsharedStories grants { consent story { consent } } } }`, { fundId, funderId: council.id })).data!.funderImpact;
  expect(impact.grants.length).toBeGreaterThan(0);
  for (const grant of impact.grants) {
    if (grant.story) expect(['FUNDERS', 'PUBLIC']).toContain(grant.story.consent);
    if (grant.consent === 'NOT_SHARED') expect(grant.story).toBeNull();
  }
  expect(impact.unsharedStories).toBe(impact.grants.filter((grant: { consent: string | null }) => grant.consent === 'NOT_SHARED').length);
});
