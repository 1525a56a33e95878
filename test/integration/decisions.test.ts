import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole, LegalForm } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const DECIDE = `mutation($input: DecisionInput!) { recordDecision(input: $input) { kind amountPence version draws { amountPence contribution { funder { name } } } } }`;
const LEDGER = `query($id: ID!) { fund(id: $id) { ledger { contributedPence committedPence availablePence } } }`;

let app: TestApp;
let fund: Fund;
let coordinator: ApiClient;
const agenda: Record<string, Application> = {};

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  fund = await createFund(em);
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Trust' }), amountPence: 3000_00 });
  const council = await createContribution(em, fund, { funder: await createFunder(em, { name: 'Council' }), amountPence: 2000_00, excludesUnconstituted: true });
  council.restrictedToPriorities = ['food'];
  await em.flush();
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-26T14:00:00Z'), cutoffAt: new Date('2026-11-24T14:00:00Z') });
  await em.flush();
  for (const [key, tags, legalForm] of [['foodBank', ['food'], LegalForm.CIO], ['artsClub', ['arts-culture'], LegalForm.CIO], ['mutualAid', ['arts-culture'], LegalForm.UNCONSTITUTED_GROUP]] as const) {
    const application = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA, group: { legalForm } });
    application.priorityTags = [...tags];
    application.meeting = meeting;
    agenda[key] = application;
  }
  await em.flush();
  coordinator = await app.signedInAs(await addMember(em, fund, FundRole.COORDINATOR));
});
afterAll(() => app.close());

const award = (client: ApiClient, key: string, amountPence: number, expectedVersion = 0) =>
  client.gql(DECIDE, { input: { applicationId: agenda[key].id, expectedVersion, kind: 'AWARD', amountPence } });
const split = (draws: { amountPence: number; contribution: { funder: { name: string } } }[]) =>
  Object.fromEntries(draws.map((draw) => [draw.contribution.funder.name, draw.amountPence]));

describe('decisions in the meeting', () => {
  it('splits an award across the contributions open to it, in proportion to what each has', async () => {
    const result = await award(coordinator, 'foodBank', 1500_00);
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordDecision).toMatchObject({ kind: 'AWARD', amountPence: 1500_00, version: 1 });
    expect(split(result.data!.recordDecision.draws)).toEqual({ Trust: 900_00, Council: 600_00 });
    expect((await coordinator.gql(LEDGER, { id: fund.id })).data?.fund.ledger).toEqual({ contributedPence: 5000_00, committedPence: 1500_00, availablePence: 3500_00 });
  });

  it('re-splits earlier awards of the meeting so a later one is not stranded', async () => {
    const result = await award(coordinator, 'artsClub', 2500_00);
    expect(result.errors).toBeUndefined();
    expect(split(result.data!.recordDecision.draws)).toEqual({ Trust: 2500_00 });
    const food = await coordinator.gql(`query($id: ID!) { fund(id: $id) { applications { reference decision { draws { amountPence contribution { funder { name } } } } } } }`, { id: fund.id });
    const foodBank = food.data!.fund.applications.find((entry: { reference: string }) => entry.reference === agenda.foodBank.reference);
    expect(split(foodBank.decision.draws)).toEqual({ Trust: 500_00, Council: 1000_00 });
  });

  it('refuses an award no split can pay, says why, and saves nothing', async () => {
    const result = await award(coordinator, 'mutualAid', 1000_00);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([
      {
        field: 'amountPence',
        // The food bank's award moves wholly onto the council's money, and still £500 is short.
        message: `${agenda.mutualAid.reference}: £500 cannot be paid. £3,000 of the fund's money may be used for this award, but other awards in this meeting need the same money. Council's money is only for Food.`,
      },
    ]);
    const [{ n }] = await app.em().getConnection().execute('SELECT count(*)::int AS n FROM decision WHERE application_id = ?', [agenda.mutualAid.id]);
    expect(n).toBe(0);
  });

  it('lets one of two people changing the same decision win; the other is told', async () => {
    const second = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    const results = await Promise.all([award(coordinator, 'foodBank', 1400_00, 1), award(second, 'foodBank', 1200_00, 1)]);
    expect(results.map((result) => result.errors?.[0].extensions?.code ?? result.data!.recordDecision.version).sort()).toEqual([2, 'CONFLICT']);
  });

  it('checks each kind of decision, and who may record it', async () => {
    const decline = await coordinator.gql(DECIDE, { input: { applicationId: agenda.mutualAid.id, expectedVersion: 0, kind: 'DECLINE' } });
    expect(decline.errors?.[0].extensions?.fields).toEqual([
      { field: 'reason', message: 'Give the reason for declining.' },
      { field: 'message', message: 'Write the feedback the group will receive.' },
    ]);
    const tooMuch = await award(coordinator, 'mutualAid', 6000_00);
    expect(tooMuch.errors?.[0].extensions?.fields?.[0].field).toBe('amountPence');
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    expect((await award(panellist, 'mutualAid', 500_00)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const conflicted = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    await conflicted.gql(`mutation($input: DeclareConflictInput!) { declareConflict(input: $input) { reason } }`, { input: { applicationId: agenda.mutualAid.id, reason: 'My sister runs it.' } });
    expect((await award(conflicted, 'mutualAid', 500_00)).errors?.[0].message).toBe('You do not have permission to decide an application you have declared a conflict of interest on.');
  });
});

describe('closing the meeting', () => {
  const CLOSE = `mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { status minutes { attendees { name role } decisions { reference group decision amountPence note } recusals { name reference reason } } } }`;

  it('refuses while an application is undecided, then writes minutes, makes grants and emails every applicant', async () => {
    const meeting = await app.em().findOneOrFail(PanelMeeting, { fund });
    const [chair] = await app.em().getConnection().execute<{ id: string; name: string }[]>(
      `SELECT u.id, u.name FROM app_user u JOIN fund_membership m ON m.user_id = u.id WHERE m.fund_id = ? AND m.role = 'COORDINATOR' ORDER BY u.created_at LIMIT 1`,
      [fund.id],
    );
    const early = await coordinator.gql(CLOSE, { input: { meetingId: meeting.id, attendeeIds: [chair.id] } });
    expect(early.errors?.[0].extensions?.fields).toEqual([{ field: 'meetingId', message: `Decide every application first: ${agenda.mutualAid.reference}.` }]);

    const declined = await coordinator.gql(DECIDE, {
      input: { applicationId: agenda.mutualAid.id, expectedVersion: 0, kind: 'DECLINE', reason: 'No money left that may fund it.', message: 'Please apply again in the recovery phase.' },
    });
    expect(declined.errors).toBeUndefined();

    const closed = await coordinator.gql(CLOSE, { input: { meetingId: meeting.id, attendeeIds: [chair.id] } });
    expect(closed.errors).toBeUndefined();
    const [{ amount_pence: foodAward }] = await app.em().getConnection().execute(`SELECT amount_pence FROM decision WHERE application_id = ?`, [agenda.foodBank.id]);
    const [conflicted] = await app.em().getConnection().execute<{ name: string }[]>(`SELECT u.name FROM conflict_of_interest c JOIN app_user u ON u.id = c.panellist_id WHERE c.application_id = ?`, [agenda.mutualAid.id]);
    const rows = [agenda.foodBank, agenda.artsClub, agenda.mutualAid].sort((a, b) => a.reference.localeCompare(b.reference));
    const expected: Record<string, unknown> = {
      [agenda.foodBank.reference]: { decision: 'Awarded', amountPence: foodAward, note: null },
      [agenda.artsClub.reference]: { decision: 'Awarded', amountPence: 2500_00, note: null },
      [agenda.mutualAid.reference]: { decision: 'Declined', amountPence: null, note: 'No money left that may fund it.' },
    };
    expect(closed.data?.closeMeeting).toEqual({
      status: 'CLOSED',
      minutes: {
        attendees: [{ name: chair.name, role: 'Coordinator' }],
        decisions: rows.map((row) => ({ reference: row.reference, group: row.group.name, ...(expected[row.reference] as object) })),
        recusals: [{ name: conflicted.name, reference: agenda.mutualAid.reference, reason: 'My sister runs it.' }],
      },
    });

    const grants = await app.em().getConnection().execute(
      `SELECT a.reference, g.amount_pence, g.payee, g.reporting, p.status FROM fund_grant g JOIN application a ON a.id = g.application_id JOIN payment p ON p.grant_id = g.id ORDER BY a.reference`,
    );
    expect(grants).toEqual(
      [agenda.foodBank, agenda.artsClub]
        .sort((a, b) => a.reference.localeCompare(b.reference))
        .map((row) => ({ reference: row.reference, amount_pence: row === agenda.foodBank ? foodAward : 2500_00, payee: 'GROUP', reporting: 'SHORT_FORM', status: 'DUE' })),
    );
    const mail = await app.em().getConnection().execute<{ kind: string; n: number }[]>(
      `SELECT kind, count(*)::int AS n FROM outbound_email WHERE kind IN ('panel-decision', 'bank-details-request') GROUP BY kind ORDER BY kind`,
    );
    expect(mail).toEqual([{ kind: 'bank-details-request', n: 2 }, { kind: 'panel-decision', n: 3 }]);

    const again = await coordinator.gql(CLOSE, { input: { meetingId: meeting.id, attendeeIds: [chair.id] } });
    expect(again.errors?.[0].extensions?.fields).toEqual([{ field: 'meetingId', message: 'This meeting is already closed.' }]);
    const late = await coordinator.gql(DECIDE, { input: { applicationId: agenda.artsClub.id, expectedVersion: 1, kind: 'AWARD', amountPence: 100_00 } });
    expect(late.errors?.[0].extensions?.fields).toEqual([{ field: 'applicationId', message: 'That meeting is closed; its decisions are final.' }]);
  });
});
