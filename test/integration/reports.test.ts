import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { addDays } from '../../shared/reporting.ts';
import { formatCalendarDate, londonIsoDate, londonToday } from '../../shared/london-time.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { sendReportReminders } from '../../server/modules/reports/report-reminders.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const POLICY = `query($id: ID!) { fund(id: $id) { reportingPolicy { sentencesFromPence shortFormFromPence dueWeeks version updatedAt } } }`;
const UPDATE_POLICY = `mutation($input: UpdateReportingPolicyInput!) { updateReportingPolicy(input: $input) { sentencesFromPence shortFormFromPence dueWeeks version } }`;
const GRANTS = `query($id: ID!) { fund(id: $id) { grants { id amountPence reporting reportDueOn version application { reference } report { id status requirement dueOn overdue } } } }`;
const SET_REPORTING = `mutation($input: SetGrantReportingInput!) { setGrantReporting(input: $input) { reporting reportDueOn version report { status } } }`;
const REPORT = `query($grantId: ID!) { grantReport(grantId: $grantId) {
  status requirement dueOn overdue sentences whatHappened peopleCount story whatChanged moneyLeftPence storyConsent
  takenByPhone takenBy { name } submittedAt photo { id } replies { message author { name } }
} }`;
const PHONE = `mutation($input: RecordPhoneReportInput!) { recordPhoneReport(input: $input) { id status takenByPhone takenBy { name } whatHappened peopleCount story whatChanged moneyLeftPence storyConsent } }`;
const REPLY = `mutation($input: ReplyToReportInput!) { replyToReport(input: $input) { message author { name } } }`;
const SEND_LINK = `mutation($id: ID!) { sendReportLink(grantId: $id) }`;

let app: TestApp;
let fund: Fund;
let chair: User;
let coordinator: ApiClient;
let officer: ApiClient;
let panellist: ApiClient;
let community: ApiClient;
let outsider: ApiClient;
const applications: Record<'small' | 'medium' | 'large', Application> = {} as never;
let awardedOn: string;

type GrantRow = { id: string; amountPence: number; reporting: string; reportDueOn: string | null; version: number; application: { reference: string }; report: { id: string; status: string; requirement: string; dueOn: string | null; overdue: boolean } | null };
const grantsOf = async (client: ApiClient): Promise<GrantRow[]> => (await client.gql(GRANTS, { id: fund.id })).data!.fund.grants;
const grantFor = async (key: keyof typeof applications) => (await grantsOf(coordinator)).find((grant) => grant.application.reference === applications[key].reference)!;
const sql = <T>(query: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  fund = await createFund(em);
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Trust' }), amountPence: 5000_00 });
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-19T14:00:00Z'), cutoffAt: new Date('2026-11-17T14:00:00Z') });
  for (const [key, name] of [['small', 'Tiny Tots'], ['medium', 'Hilltop Larder'], ['large', 'Riverside Pantry']] as const) {
    applications[key] = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA, group: { name, contactEmail: `${key}@group.example`, contactName: `${name} contact` } });
    applications[key].meeting = meeting;
  }
  await em.flush();
  chair = await addMember(em, fund, FundRole.COORDINATOR, { user: await createUser(em, { name: 'Cora Chair' }) });
  coordinator = await app.signedInAs(chair);
  officer = await app.signedInAs(await addMember(em, fund, FundRole.FUNDER_OFFICER, { user: await createUser(em, { name: 'Olu Officer' }) }));
  panellist = await app.signedInAs(await addMember(em, fund, FundRole.PANELLIST));
  community = await app.signedInAs(await addMember(em, fund, FundRole.COMMUNITY_PANELLIST));
  outsider = await app.signedInAs(await addMember(em, await createFund(em), FundRole.COORDINATOR));
});
afterAll(() => app.close());

describe("the fund's reporting policy", () => {
  it('starts with the defaults, which anyone in the fund reads', async () => {
    for (const client of [coordinator, community]) {
      expect((await client.gql(POLICY, { id: fund.id })).data?.fund.reportingPolicy).toEqual({ sentencesFromPence: 0, shortFormFromPence: 1000_00, dueWeeks: 12, version: 0, updatedAt: null });
    }
  });

  it('is changed by the coordinator only, checked, version-checked and audited', async () => {
    const input = { fundId: fund.id, sentencesFromPence: 300_00, shortFormFromPence: 1500_00, dueWeeks: 8, version: 0 };
    expect((await officer.gql(UPDATE_POLICY, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await outsider.gql(UPDATE_POLICY, { input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await coordinator.gql(UPDATE_POLICY, { input: { ...input, shortFormFromPence: 200_00, dueWeeks: 0 } });
    expect(bad.errors?.[0].extensions?.fields).toEqual([
      { field: 'shortFormFromPence', message: 'The short form must start at or above the amount from which a few sentences are asked.' },
      { field: 'dueWeeks', message: 'Enter a number of weeks from 1 to 104.' },
    ]);
    expect((await coordinator.gql(UPDATE_POLICY, { input })).data?.updateReportingPolicy).toEqual({ sentencesFromPence: 300_00, shortFormFromPence: 1500_00, dueWeeks: 8, version: 1 });
    // Saved over a version someone else replaced: refused, nothing changed.
    expect((await coordinator.gql(UPDATE_POLICY, { input: { ...input, dueWeeks: 10 } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await coordinator.gql(POLICY, { id: fund.id })).data?.fund.reportingPolicy).toMatchObject({ dueWeeks: 8, version: 1 });
    const audit = await sql<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_event WHERE action = 'reporting-policy.changed' AND fund_id = ?`, [fund.id]);
    expect(audit).toEqual([{ action: 'reporting-policy.changed', changes: { sentencesFromPence: [0, 300_00], shortFormFromPence: [1000_00, 1500_00], dueWeeks: [12, 8] } }]);
  });
});

describe('awards', () => {
  it("fix each grant's requirement and due date from the fund's policy, and email the link", async () => {
    for (const [key, amountPence] of [['small', 200_00], ['medium', 800_00], ['large', 2500_00]] as const) {
      const decided = await coordinator.gql(`mutation($input: DecisionInput!) { recordDecision(input: $input) { version } }`, { input: { applicationId: applications[key].id, expectedVersion: 0, kind: 'AWARD', amountPence } });
      expect(decided.errors).toBeUndefined();
    }
    const meetingId = (await app.em().findOneOrFail(PanelMeeting, { fund })).id;
    const closed = await coordinator.gql(`mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { closedAt } }`, { input: { meetingId, attendeeIds: [chair.id] } });
    expect(closed.errors).toBeUndefined();
    awardedOn = londonIsoDate(new Date(closed.data!.closeMeeting.closedAt));
    const due = addDays(awardedOn, 56);

    const grants = await grantsOf(coordinator);
    const row = (key: keyof typeof applications) => grants.find((grant) => grant.application.reference === applications[key].reference)!;
    expect(row('small')).toMatchObject({ reporting: 'NONE', reportDueOn: null, report: null, version: 1 });
    expect(row('medium')).toMatchObject({ reporting: 'SENTENCES', reportDueOn: due, report: { status: 'DRAFT', requirement: 'SENTENCES', dueOn: due, overdue: false } });
    expect(row('large')).toMatchObject({ reporting: 'SHORT_FORM', reportDueOn: due, report: { status: 'DRAFT', requirement: 'SHORT_FORM', dueOn: due, overdue: false } });

    const mail = await sql<{ to_address: string; subject: string; body: string }>(`SELECT to_address, subject, body FROM outbound_email WHERE kind = 'report-link' ORDER BY to_address`);
    expect(mail.map(({ to_address, subject }) => ({ to_address, subject }))).toEqual([
      { to_address: 'large@group.example', subject: `Telling us how your grant went (${applications.large.reference})` },
      { to_address: 'medium@group.example', subject: `Telling us how your grant went (${applications.medium.reference})` },
    ]);
    expect(mail[0].body).toMatch(/\nhttp:\/\/localhost:4000\/report\/[\w-]{43}\n/);
    expect(mail[0].body).toContain(`please tell us how it went by ${formatCalendarDate(due)}. We ask for a short form: what happened, roughly how many people took part, one story, what changed, and any money left over. It takes about fifteen minutes`);
  });
});

describe("a grant's report, for staff", () => {
  it('is read by coordinators and funder officers; refused to the panel and hidden from everyone else', async () => {
    const large = await grantFor('large');
    for (const client of [coordinator, officer]) {
      expect((await client.gql(REPORT, { grantId: large.id })).data?.grantReport).toEqual({
        status: 'DRAFT', requirement: 'SHORT_FORM', dueOn: large.reportDueOn, overdue: false, sentences: null, whatHappened: null, peopleCount: null, story: null,
        whatChanged: null, moneyLeftPence: null, storyConsent: null, takenByPhone: false, takenBy: null, submittedAt: null, photo: null, replies: [],
      });
    }
    for (const client of [panellist, community]) expect((await client.gql(REPORT, { grantId: large.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await outsider.gql(REPORT, { grantId: large.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await coordinator.gql(REPORT, { grantId: 'not-an-id' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await coordinator.gql(REPORT, { grantId: (await grantFor('small')).id })).data?.grantReport).toBeNull();
    // The grants list shows the report to staff only.
    expect((await grantsOf(panellist)).map((grant) => grant.report)).toEqual([null, null, null]);
  });
});

describe("changing one grant's reporting", () => {
  it('is for coordinators and funder officers, version-checked and audited; opening it starts a report and emails the link', async () => {
    const small = await grantFor('small');
    const input = { grantId: small.id, reporting: 'SENTENCES', dueOn: '2027-02-26', version: small.version };
    expect((await panellist.gql(SET_REPORTING, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await outsider.gql(SET_REPORTING, { input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await officer.gql(SET_REPORTING, { input: { ...input, dueOn: '2027-02-30' } })).errors?.[0].extensions?.fields).toEqual([{ field: 'dueOn', message: 'Enter the day the report is due, like 2027-03-31.' }]);
    const changed = await officer.gql(SET_REPORTING, { input });
    expect(changed.data?.setGrantReporting).toEqual({ reporting: 'SENTENCES', reportDueOn: '2027-02-26', version: 2, report: { status: 'DRAFT' } });
    // A second change from the version the first replaced is refused.
    expect((await coordinator.gql(SET_REPORTING, { input: { ...input, reporting: 'SHORT_FORM' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await sql(`SELECT subject FROM outbound_email WHERE kind = 'report-link' AND to_address = 'small@group.example'`)).toEqual([{ subject: `Telling us how your grant went (${applications.small.reference})` }]);
    expect(await sql(`SELECT changes FROM audit_event WHERE action = 'grant.reporting-changed' AND entity_id = ?`, [small.id])).toEqual([{ changes: { reporting: ['NONE', 'SENTENCES'], dueOn: [null, '2027-02-26'] } }]);

    // Back to none: no due date, the report waits unasked and its link stops working.
    const none = await coordinator.gql(SET_REPORTING, { input: { grantId: small.id, reporting: 'NONE', dueOn: '2027-02-26', version: 2 } });
    expect(none.data?.setGrantReporting).toEqual({ reporting: 'NONE', reportDueOn: null, version: 3, report: { status: 'DRAFT' } });
  });

  it('can send the group a fresh link, audited', async () => {
    const medium = await grantFor('medium');
    expect((await panellist.gql(SEND_LINK, { id: medium.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await officer.gql(SEND_LINK, { id: medium.id })).data?.sendReportLink).toBe(true);
    expect(await sql(`SELECT count(*)::int AS n FROM outbound_email WHERE kind = 'report-link' AND to_address = 'medium@group.example'`)).toEqual([{ n: 2 }]);
    expect((await officer.gql(SEND_LINK, { id: (await grantFor('small')).id })).errors?.[0].extensions?.fields).toEqual([{ field: 'grantId', message: 'This grant is not asked for a report.' }]);
  });
});

describe('a report taken by phone', () => {
  it('is checked by the same rules as the link, sent at once, marked with the officer and audited', async () => {
    const large = await grantFor('large');
    const missing = await officer.gql(PHONE, { input: { grantId: large.id, whatHappened: 'We ran a pantry.', moneyLeftPence: 9_999_99 } });
    expect(missing.errors?.[0].extensions?.fields).toEqual([
      { field: 'peopleCount', message: 'Enter roughly how many people took part, like 40.' },
      { field: 'story', message: 'Tell us one story: one person, family or moment.' },
      { field: 'whatChanged', message: 'Tell us what changed because of the grant.' },
      { field: 'moneyLeftPence', message: 'The money left over cannot be more than the grant.' },
      { field: 'storyConsent', message: 'Say whether we may share your story, and with whom.' },
    ]);
    const input = { grantId: large.id, whatHappened: 'We ran a pantry twice a week.', peopleCount: 120, story: 'A dad came in with two children.', whatChanged: 'Families ate better.', moneyLeftPence: 0, storyConsent: 'FUNDERS' };
    expect((await panellist.gql(PHONE, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const taken = await officer.gql(PHONE, { input });
    expect(taken.data?.recordPhoneReport).toEqual({
      id: large.report!.id, status: 'SUBMITTED', takenByPhone: true, takenBy: { name: 'Olu Officer' }, whatHappened: 'We ran a pantry twice a week.', peopleCount: 120,
      story: 'A dad came in with two children.', whatChanged: 'Families ate better.', moneyLeftPence: 0, storyConsent: 'FUNDERS',
    });
    expect((await officer.gql(PHONE, { input })).errors?.[0].extensions?.fields).toEqual([{ field: 'grantId', message: 'This grant’s report has already been sent.' }]);
    expect(await sql(`SELECT changes FROM audit_event WHERE action = 'report.taken-by-phone'`)).toEqual([{ changes: { grantId: large.id, reporting: 'SHORT_FORM' } }]);
    // Once sent, what the grant reports can no longer change.
    const fresh = await grantFor('large');
    expect((await coordinator.gql(SET_REPORTING, { input: { grantId: large.id, reporting: 'SENTENCES', dueOn: '2027-01-01', version: fresh.version } })).errors?.[0].extensions?.fields).toEqual([
      { field: 'reporting', message: 'The group has sent its report, so what it reports can no longer change.' },
    ]);
  });

  it('is refused for a grant that reports nothing', async () => {
    const small = await grantFor('small');
    expect((await officer.gql(PHONE, { input: { grantId: small.id, sentences: 'Fine.', storyConsent: 'PUBLIC' } })).errors?.[0].extensions?.fields).toEqual([
      { field: 'grantId', message: 'This grant is not asked for a report. Change its reporting first.' },
    ]);
  });
});

describe('replies', () => {
  it('go on sent reports only, from staff, are emailed to the group and audited', async () => {
    const large = await grantFor('large');
    const medium = await grantFor('medium');
    const input = { reportId: large.report!.id, message: 'Thank you: the trustees loved this.' };
    expect((await panellist.gql(REPLY, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await outsider.gql(REPLY, { input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await officer.gql(REPLY, { input: { ...input, message: '  ' } })).errors?.[0].extensions?.fields).toEqual([{ field: 'message', message: 'Write your reply to the group.' }]);
    expect((await officer.gql(REPLY, { input: { reportId: medium.report!.id, message: 'Hello' } })).errors?.[0].extensions?.fields).toEqual([{ field: 'reportId', message: 'The group has not sent this report yet.' }]);
    expect((await officer.gql(REPLY, { input })).data?.replyToReport).toEqual({ message: 'Thank you: the trustees loved this.', author: { name: 'Olu Officer' } });
    expect((await coordinator.gql(REPORT, { grantId: large.id })).data?.grantReport.replies).toEqual([{ message: 'Thank you: the trustees loved this.', author: { name: 'Olu Officer' } }]);
    const [mail] = await sql<{ to_address: string; subject: string; body: string }>(`SELECT to_address, subject, body FROM outbound_email WHERE kind = 'report-reply'`);
    expect(mail).toMatchObject({ to_address: 'large@group.example', subject: `A reply to your grant report (${applications.large.reference})` });
    expect(mail.body).toContain('Olu Officer at');
    expect(mail.body).toContain('Thank you: the trustees loved this.');
    // The link in the email opens the report, with the reply on it.
    const link = /\/report\/[\w-]+/.exec(mail.body)![0];
    const page = await (await fetch(`${app.url}${link}`)).text();
    expect(page).toContain('Report sent');
    expect(page).toContain('Thank you: the trustees loved this.');
    expect(await sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.replied'`)).toEqual([{ n: 1 }]);
  });
});

describe('reminders', () => {
  it('email each group once when its report is due within a week, and once when overdue, even from two processes at once', async () => {
    const medium = await grantFor('medium');
    const today = londonToday();
    await coordinator.gql(SET_REPORTING, { input: { grantId: medium.id, reporting: 'SENTENCES', dueOn: addDays(today, 5), version: medium.version } });
    const remind = (now = new Date()) => sendReportReminders(app.em(), app.mailer, app.url, now);

    const [first, second] = await Promise.all([remind(), remind()]);
    expect(first.dueSoon + second.dueSoon).toBe(1);
    expect([first.overdue, second.overdue]).toEqual([0, 0]);
    expect(await remind()).toEqual({ dueSoon: 0, overdue: 0 });
    const dueSoon = await sql<{ to_address: string; subject: string }>(`SELECT to_address, subject FROM outbound_email WHERE kind LIKE 'report-reminder-%'`);
    expect(dueSoon.map((mail) => mail.to_address)).toEqual(['medium@group.example']);
    expect(dueSoon[0].subject).toMatch(/^Your grant report is due on \d{1,2} \w+ \d{4} \(/);

    // A week later it is overdue: one more reminder, then nothing.
    const later = new Date(Date.now() + 7 * 86_400_000);
    const [third, fourth] = await Promise.all([remind(later), remind(later)]);
    expect(third.overdue + fourth.overdue).toBe(1);
    expect(await remind(later)).toEqual({ dueSoon: 0, overdue: 0 });
    expect((await sql<{ kind: string }>(`SELECT kind FROM outbound_email WHERE kind LIKE 'report-reminder-%' ORDER BY created_at`)).map((mail) => mail.kind)).toEqual(['report-reminder-due-soon', 'report-reminder-overdue']);
    expect((await coordinator.gql(REPORT, { grantId: medium.id })).data?.grantReport.overdue).toBe(false);

    // A new due date lets them go again; a sent report (the large grant's) is never reminded.
    const moved = await grantFor('medium');
    await coordinator.gql(SET_REPORTING, { input: { grantId: medium.id, reporting: 'SENTENCES', dueOn: addDays(today, -1), version: moved.version } });
    expect((await coordinator.gql(REPORT, { grantId: medium.id })).data?.grantReport.overdue).toBe(true);
    expect(await remind()).toEqual({ dueSoon: 0, overdue: 1 });
    const large = await grantFor('large');
    expect(await sql(`SELECT count(*)::int AS n FROM outbound_email WHERE kind LIKE 'report-reminder-%' AND to_address = 'large@group.example'`)).toEqual([{ n: 0 }]);
    expect(large.report!.status).toBe('SUBMITTED');
  });
});
