import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const GRANTS = `query($id: ID!) { fund(id: $id) {
  ledger { committedPence paidPence availablePence }
  contributions { funder { name } ledger { committedPence paidPence availablePence } }
  grants { amountPence payeeName bankDetailsGiven application { reference } payments { id amountPence status paidAt } }
} }`;
const MARK_PAID = `mutation($input: MarkPaymentPaidInput!) { markPaymentPaid(input: $input) { status paidAt } }`;
const APPLICATION = `query($id: ID!) { application(id: $id) { reference status contact { email } } }`;

let app: TestApp;
let fund: Fund;
let coordinator: ApiClient;
let chair: User;
let application: Application;

const giveBankDetails = async (reference: string) => {
  const [mail] = await app.em().getConnection().execute<{ body: string }[]>(`SELECT body FROM outbound_email WHERE kind = 'bank-details-request' AND subject LIKE ?`, [`%${reference}%`]);
  const token = /\/bank-details\/([\w-]+)/.exec(mail.body)![1];
  const response = await fetch(`${app.url}/bank-details/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ accountName: 'Eastbrook Pantry', sortCode: '30-94-87', accountNumber: '733445' }).toString(),
  });
  expect(response.status).toBe(200);
};

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  fund = await createFund(em);
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Trust' }), amountPence: 3000_00 });
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Council' }), amountPence: 1000_00 });
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-19T14:00:00Z'), cutoffAt: new Date('2026-11-17T14:00:00Z') });
  application = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA, group: { name: 'Eastbrook Pantry' } });
  application.meeting = meeting;
  await em.flush();
  chair = await addMember(em, fund, FundRole.COORDINATOR);
  coordinator = await app.signedInAs(chair);
  const award = await coordinator.gql(`mutation($input: DecisionInput!) { recordDecision(input: $input) { version } }`, {
    input: { applicationId: application.id, expectedVersion: 0, kind: 'AWARD', amountPence: 2000_00 },
  });
  expect(award.errors).toBeUndefined();
  const closed = await coordinator.gql(`mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { status } }`, { input: { meetingId: meeting.id, attendeeIds: [chair.id] } });
  expect(closed.errors).toBeUndefined();
});
afterAll(() => app.close());

describe('grants and payments', () => {
  it('lists the grant with its payment due, and the money as committed per contribution', async () => {
    const { data } = await coordinator.gql(GRANTS, { id: fund.id });
    expect(data!.fund.ledger).toEqual({ committedPence: 2000_00, paidPence: 0, availablePence: 2000_00 });
    expect(data!.fund.contributions.map((entry: { funder: { name: string }; ledger: unknown }) => [entry.funder.name, entry.ledger])).toEqual([
      ['Trust', { committedPence: 1500_00, paidPence: 0, availablePence: 1500_00 }],
      ['Council', { committedPence: 500_00, paidPence: 0, availablePence: 500_00 }],
    ]);
    expect(data!.fund.grants).toEqual([
      { amountPence: 2000_00, payeeName: 'Eastbrook Pantry', bankDetailsGiven: false, application: { reference: application.reference }, payments: [{ id: expect.any(String), amountPence: 2000_00, status: 'DUE', paidAt: null }] },
    ]);
  });

  it('refuses to mark a payment paid before the group gives bank details, and to panellists at any time', async () => {
    const paymentId = (await coordinator.gql(GRANTS, { id: fund.id })).data!.fund.grants[0].payments[0].id;
    const early = await coordinator.gql(MARK_PAID, { input: { paymentId, paidOn: '2026-11-20' } });
    expect(early.errors?.[0].extensions?.fields).toEqual([{ field: 'paymentId', message: 'Eastbrook Pantry has not given bank details yet, so this payment cannot be made.' }]);

    await giveBankDetails(application.reference);
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    expect((await panellist.gql(MARK_PAID, { input: { paymentId, paidOn: '2026-11-20' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));
    expect((await outsider.gql(MARK_PAID, { input: { paymentId, paidOn: '2026-11-20' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const future = await coordinator.gql(MARK_PAID, { input: { paymentId, paidOn: '2099-01-01' } });
    expect(future.errors?.[0].extensions?.fields).toEqual([{ field: 'paidOn', message: 'Enter the day the payment was made, not a day in the future.' }]);
    const garbled = await coordinator.gql(MARK_PAID, { input: { paymentId, paidOn: 'last Tuesday' } });
    expect(garbled.errors?.[0].extensions?.fields).toEqual([{ field: 'paidOn', message: 'Enter the day the payment was made, like 2026-11-23.' }]);
  });

  it('marks it paid once, moving the money from committed to paid in the fund and in each contribution', async () => {
    const officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
    const paymentId = (await officer.gql(GRANTS, { id: fund.id })).data!.fund.grants[0].payments[0].id;
    const paid = await officer.gql(MARK_PAID, { input: { paymentId, paidOn: '2026-11-20' } });
    expect(paid.data?.markPaymentPaid).toEqual({ status: 'PAID', paidAt: '2026-11-20T12:00:00.000Z' });
    // Marking it again changes nothing, and records nothing more.
    expect((await officer.gql(MARK_PAID, { input: { paymentId, paidOn: '2026-11-21' } })).data?.markPaymentPaid).toEqual({ status: 'PAID', paidAt: '2026-11-20T12:00:00.000Z' });

    const { data } = await coordinator.gql(GRANTS, { id: fund.id });
    expect(data!.fund.ledger).toEqual({ committedPence: 0, paidPence: 2000_00, availablePence: 2000_00 });
    expect(data!.fund.contributions.map((entry: { ledger: unknown }) => entry.ledger)).toEqual([
      { committedPence: 0, paidPence: 1500_00, availablePence: 1500_00 },
      { committedPence: 0, paidPence: 500_00, availablePence: 500_00 },
    ]);
    const audit = await app.em().getConnection().execute(`SELECT action, changes FROM audit_event WHERE action = 'payment.paid'`);
    expect(audit).toEqual([{ action: 'payment.paid', changes: { status: ['DUE', 'PAID'], amountPence: 2000_00, paidOn: '2026-11-20' } }]);
  });
});

describe('one application', () => {
  it('is shown to people in its fund, with contact details for staff only', async () => {
    expect((await coordinator.gql(APPLICATION, { id: application.id })).data?.application).toEqual({ reference: application.reference, status: 'DECIDED', contact: { email: expect.stringContaining('@group.example') } });
    const community = await app.signedInAs(await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST));
    expect((await community.gql(APPLICATION, { id: application.id })).data?.application.contact).toBeNull();
  });

  it('is not found by anyone else, nor while it is a draft', async () => {
    const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.FUNDER_OFFICER));
    expect((await outsider.gql(APPLICATION, { id: application.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const draft = await createApplication(app.em(), fund, { status: ApplicationStatus.DRAFT });
    expect((await coordinator.gql(APPLICATION, { id: draft.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await coordinator.gql(APPLICATION, { id: 'PF-1' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
