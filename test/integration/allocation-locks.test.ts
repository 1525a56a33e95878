import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { addMember, createApplication, createContribution, createFund } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

// A contribution edit locks its row, checks the awards drawn from it, and changes it. An award made
// meanwhile must wait for that edit and split against the new amount, never the old one.
let app: TestApp;
let coordinator: ApiClient;
let contribution: Contribution;
let application: Application;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  const fund = await createFund(em);
  contribution = await createContribution(em, fund, { amountPence: 1_000_00 });
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-26T14:00:00Z'), cutoffAt: new Date('2026-11-24T14:00:00Z') });
  application = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA });
  application.meeting = meeting;
  await em.flush();
  coordinator = await app.signedInAs(await addMember(em, fund, FundRole.COORDINATOR));
});
afterAll(() => app.close());

it('makes an award wait for a contribution being edited, and split against the edited amount', async () => {
  const editor = new pg.Client({ connectionString: app.databaseUrl });
  await editor.connect();
  try {
    await editor.query('BEGIN');
    await editor.query('SELECT id FROM contribution WHERE id = $1 FOR UPDATE', [contribution.id]);
    let settled = false;
    const award = coordinator
      .gql(`mutation($input: DecisionInput!) { recordDecision(input: $input) { kind } }`, { input: { applicationId: application.id, expectedVersion: 0, kind: 'AWARD', amountPence: 800_00 } })
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    await editor.query('UPDATE contribution SET amount_pence = 500_00 WHERE id = $1', [contribution.id]);
    await editor.query('COMMIT');

    const result = await award;
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields?.[0].field).toBe('amountPence');
    const [{ drawn }] = await app.em().getConnection().execute('SELECT coalesce(sum(amount_pence), 0)::int AS drawn FROM award_draw');
    expect(drawn).toBe(0);
  } finally {
    await editor.end();
  }
});
