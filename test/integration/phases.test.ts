import { afterAll, beforeAll, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { Phase } from '../../server/modules/funds/phase.entity.ts';
import { addMember, createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const OPEN = `mutation($input: OpenPhaseInput!) { openPhase(input: $input) { version openPhase { name openedBy { email } } phases { name status closedAt openedAt } } }`;
const FILLED = {
  eligibility: { worksInArea: 'yes', legalForm: 'CIO', amountPence: '2000', purpose: 'Reopening the hall' },
  group: { groupName: 'Dunmere Hall', charityNumber: '1100001' },
  contact: { contactName: 'Alex Fell', contactEmail: 'alex@hall.example' },
  where: { postcode: 'CA1 2BB' },
  work: { title: 'Dry out the hall', description: 'Dry out and repaint the flooded hall.', beneficiaries: 'The whole village.' },
  priorities: { priorityTags: [] },
  budget: { budget: 'Dehumidifiers and paint.' },
};

it('moves the fund from emergency to recovery as a recorded decision; sent applications keep their phase', async () => {
  const fund = await createFund(app.em());
  const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
  const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER);
  const before = await createApplication(app.em(), fund);
  const recovery = await app.em().findOneOrFail(Phase, { fund, name: 'Recovery' });

  // A group starts in the emergency phase and sends after the move.
  const group = app.client();
  const token = (await group.gql(`mutation($slug: String!) { startApplication(fundSlug: $slug) { token } }`, { slug: fund.slug })).data!.startApplication.token;
  for (const [page, answers] of Object.entries(FILLED)) {
    await group.gql(`mutation($input: SaveApplicationPageInput!) { saveApplicationPage(input: $input) { pages } }`, { input: { token, page, answers } });
  }

  const refused = await (await app.signedInAs(officer)).gql(OPEN, { input: { fundId: fund.id, phaseId: recovery.id, version: fund.version } });
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

  const client = await app.signedInAs(coordinator);
  const moved = await client.gql(OPEN, { input: { fundId: fund.id, phaseId: recovery.id, version: fund.version } });
  expect(moved.errors).toBeUndefined();
  const result = moved.data!.openPhase;
  expect(result.version).toBe(fund.version + 1);
  expect(result.openPhase).toEqual({ name: 'Recovery', openedBy: { email: coordinator.email } });
  expect(result.phases.map((phase: { name: string; status: string }) => [phase.name, phase.status])).toEqual([['Emergency', 'CLOSED'], ['Recovery', 'OPEN']]);
  expect(result.phases[0].closedAt).toBe(result.phases[1].openedAt);

  const stale = await client.gql(OPEN, { input: { fundId: fund.id, phaseId: recovery.id, version: fund.version } });
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

  const audit = await client.gql(`query($id: ID!) { fund(id: $id) { auditLog { action actor { email } changes } } }`, { id: fund.id });
  expect(audit.data!.fund.auditLog[0]).toEqual({ action: 'phase.opened', actor: { email: coordinator.email }, changes: { openPhase: ['Emergency', 'Recovery'] } });

  const sent = await group.gql(`mutation($token: String!) { submitApplication(token: $token) { reference } }`, { token });
  expect(sent.errors).toBeUndefined();
  const reference = sent.data!.submitApplication.reference;
  const phases = await app.em().getConnection().execute(
    `SELECT a.reference, p.name FROM application a JOIN phase p ON p.id = a.phase_id WHERE a.reference IN (?, ?) ORDER BY a.reference`,
    [before.reference, reference],
  );
  expect(phases).toEqual(
    [
      { reference: before.reference, name: 'Emergency' },
      { reference, name: 'Recovery' },
    ].sort((a, b) => a.reference.localeCompare(b.reference)),
  );
});

it('lets only one of two coordinators deciding at the same moment win', async () => {
  const fund = await createFund(app.em());
  const recovery = await app.em().findOneOrFail(Phase, { fund, name: 'Recovery' });
  const [first, second] = await Promise.all([
    app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR)),
    app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR)),
  ]);
  const input = { fundId: fund.id, phaseId: recovery.id, version: fund.version };
  const results = await Promise.all([first.gql(OPEN, { input }), second.gql(OPEN, { input })]);
  expect(results.map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  const audit = await app.em().getConnection().execute(`SELECT count(*)::int AS n FROM audit_event WHERE fund_id = ? AND action = 'phase.opened'`, [fund.id]);
  expect(audit).toEqual([{ n: 1 }]);
});
