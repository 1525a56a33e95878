import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole, LegalForm } from '../../shared/domain.ts';
import { MeetingStatus } from '../../server/modules/panels/panel-meeting.entity.ts';
import { createAward, phaseNamed } from '../factories/award.ts';
import { addMember, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { DEFAULT_PRIORITIES } from '../../shared/taxonomy.ts';

const CREATE = `mutation($input: CreateFundInput!) {
  createFund(input: $input) {
    name slug purpose areaDescription referencePrefix panelWeekday panelTime cutoffHoursBefore unconstitutedCapPence reservedPence version
    phases { name kind position criteria minAwardPence maxAwardPence status }
    openPhase { name }
  }
}`;
const UPDATE = `mutation($input: UpdateFundInput!) {
  updateFund(input: $input) { areaDescription unconstitutedCapPence panelWeekday panelTime cutoffHoursBefore reservedPence version }
}`;
const ADD_PHASE = `mutation($input: AddPhaseInput!) { addPhase(input: $input) { version phases { name kind position criteria minAwardPence maxAwardPence status } } }`;
const UPDATE_PHASE = `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { version phases { name kind criteria minAwardPence maxAwardPence status } } }`;
const AUDIT = `query($id: ID!) { fund(id: $id) { auditLog { action entityType actor { email } changes } } }`;
const MINE = `query($id: ID!) { fund(id: $id) { myRoles viewerMay { manage invite recordContribution addFunder } } }`;

const PURPOSE = 'Emergency and recovery grants for community groups across the Fells.';
const EMERGENCY = { name: 'Emergency', kind: 'EMERGENCY', criteria: 'Urgent help with food, heat and isolation.', minAwardPence: 250_00, maxAwardPence: 5_000_00 };
const RECOVERY = { name: 'Recovery', kind: 'RECOVERY', criteria: 'Getting groups back on their feet.', minAwardPence: 1_000_00, maxAwardPence: 10_000_00 };
const newFund = (overrides: Record<string, unknown> = {}) => ({
  name: 'Fells Community Response Fund',
  purpose: PURPOSE,
  areaDescription: 'The Fells and Eden Valley',
  referencePrefix: 'FCR',
  panelWeekday: 3,
  panelTime: '10:30',
  cutoffHoursBefore: 24,
  unconstitutedCapPence: 1_500_00,
  phases: [EMERGENCY, RECOVERY],
  ...overrides,
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('setting up a fund', () => {
  it('lets a coordinator of one fund set up another, with its phases, and makes them its coordinator', async () => {
    const coordinator = await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const result = await client.gql(CREATE, { input: newFund() });

    expect(result.errors).toBeUndefined();
    expect(result.data?.createFund).toEqual({
      name: 'Fells Community Response Fund',
      slug: 'fells-community-response-fund',
      purpose: PURPOSE,
      areaDescription: 'The Fells and Eden Valley',
      referencePrefix: 'FCR',
      panelWeekday: 3,
      panelTime: '10:30',
      cutoffHoursBefore: 24,
      unconstitutedCapPence: 150_000,
      reservedPence: 0,
      version: 1,
      phases: [
        { ...EMERGENCY, position: 0, status: 'PLANNED' },
        { ...RECOVERY, position: 1, status: 'PLANNED' },
      ],
      openPhase: null,
    });
    const [{ id }] = await app.em().getConnection().execute<{ id: string }[]>(`SELECT id FROM fund WHERE slug = 'fells-community-response-fund'`);
    expect((await client.gql(MINE, { id })).data?.fund).toEqual({
      myRoles: ['COORDINATOR'],
      viewerMay: { manage: true, invite: true, recordContribution: true, addFunder: true },
    });
    expect((await client.gql(AUDIT, { id })).data?.fund.auditLog).toEqual([
      {
        action: 'fund.created',
        entityType: 'Fund',
        actor: { email: coordinator.email },
        changes: {
          name: [null, 'Fells Community Response Fund'],
          slug: [null, 'fells-community-response-fund'],
          purpose: [null, PURPOSE],
          areaDescription: [null, 'The Fells and Eden Valley'],
          referencePrefix: [null, 'FCR'],
          panelWeekday: [null, 3],
          panelTime: [null, '10:30'],
          cutoffHoursBefore: [null, 24],
          unconstitutedCapPence: [null, 150_000],
          phases: [null, ['Emergency (emergency, £250 to £5,000)', 'Recovery (recovery, £1,000 to £10,000)']],
          coordinator: [null, coordinator.email],
          priorities: [null, DEFAULT_PRIORITIES.map((priority) => priority.key)],
        },
      },
    ]);
  });

  it('gives a second fund of the same name its own address, and needs no phases', async () => {
    const client = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));

    const first = await client.gql(CREATE, { input: newFund({ name: 'Lakes Fund', referencePrefix: 'LKA', phases: [], unconstitutedCapPence: null }) });
    const second = await client.gql(CREATE, { input: newFund({ name: 'Lakes Fund', referencePrefix: 'LKB', phases: [] }) });

    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect([first.data?.createFund.slug, second.data?.createFund.slug]).toEqual(['lakes-fund', 'lakes-fund-2']);
    expect(first.data?.createFund.phases).toEqual([]);
    expect(first.data?.createFund.unconstitutedCapPence).toBeNull();
  });

  it('refuses people who coordinate no fund, and people who are not signed in', async () => {
    const fund = await createFund(app.em());
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });
    const panellist = await addMember(app.em(), fund, FundRole.PANELLIST);

    for (const person of [officer, panellist]) {
      const refused = await (await app.signedInAs(person)).gql(CREATE, { input: newFund({ referencePrefix: 'NOPE' }) });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message: 'You do not have permission to set up a fund.', extensions: { code: 'FORBIDDEN' } });
    }
    const anonymous = await app.client().gql(CREATE, { input: newFund({ referencePrefix: 'NOPE' }) });
    expect(anonymous.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const [row] = await app.em().getConnection().execute(`SELECT count(*)::int AS n FROM fund WHERE reference_prefix = 'NOPE'`);
    expect(row).toEqual({ n: 0 });
  });

  it('names each field that is wrong, in the fund and in its phases', async () => {
    const client = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));

    const invalid = await client.gql(CREATE, {
      input: newFund({ referencePrefix: 'fc1', panelTime: '25:00', panelWeekday: 8, cutoffHoursBefore: 200, phases: [{ ...EMERGENCY, name: 'E', minAwardPence: 0 }] }),
    });
    expect(invalid.data).toBeNull();
    expect(invalid.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'referencePrefix', message: 'Enter 2 to 6 capital letters, like RD.' },
        { field: 'panelWeekday', message: 'Choose the day the panel meets.' },
        { field: 'panelTime', message: 'Enter the time on the 24-hour clock, like 14:00.' },
        { field: 'cutoffHoursBefore', message: 'Set the cut-off no more than 168 hours (a week) before the panel.' },
        { field: 'phases.0.name', message: 'Name the phase in 2 to 80 characters.' },
        { field: 'phases.0.minAwardPence', message: 'The smallest award must be more than £0.' },
      ],
    });

    const limits = await client.gql(CREATE, { input: newFund({ referencePrefix: 'TF', phases: [EMERGENCY, { ...RECOVERY, maxAwardPence: 500_00 }] }) });
    expect(limits.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'phases.1.maxAwardPence', message: 'The largest award must be at least the smallest, £1,000.' },
        { field: 'referencePrefix', message: 'Another fund already uses TF. Choose other letters.' },
      ],
    });
  });
});

describe('changing the settings of a fund', () => {
  it('lets the coordinator set the area, cap, panel rhythm and reserve, and records each change', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const changed = await client.gql(UPDATE, {
      input: { id: fund.id, version: 1, areaDescription: 'North Testshire', unconstitutedCapPence: 2_000_00, panelWeekday: 2, panelTime: '09:15', cutoffHoursBefore: 72, reservedPence: 1_000_00 },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateFund).toEqual({ areaDescription: 'North Testshire', unconstitutedCapPence: 200_000, panelWeekday: 2, panelTime: '09:15', cutoffHoursBefore: 72, reservedPence: 100_000, version: 2 });

    const uncapped = await client.gql(UPDATE, { input: { id: fund.id, version: 2, removeUnconstitutedCap: true } });
    expect(uncapped.errors).toBeUndefined();
    expect(uncapped.data?.updateFund).toMatchObject({ unconstitutedCapPence: null, version: 3 });

    expect((await client.gql(AUDIT, { id: fund.id })).data?.fund.auditLog).toEqual([
      { action: 'fund.updated', entityType: 'Fund', actor: { email: coordinator.email }, changes: { unconstitutedCapPence: [200_000, null] } },
      {
        action: 'fund.updated',
        entityType: 'Fund',
        actor: { email: coordinator.email },
        changes: {
          areaDescription: ['Testshire', 'North Testshire'],
          unconstitutedCapPence: [null, 200_000],
          panelWeekday: [4, 2],
          panelTime: ['14:00', '09:15'],
          cutoffHoursBefore: [48, 72],
          reservedPence: [0, 100_000],
        },
      },
    ]);
  });

  it('refuses a bad rhythm and cap with a message per field, and changes nothing', async () => {
    const fund = await createFund(app.em());
    const client = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));

    const invalid = await client.gql(UPDATE, { input: { id: fund.id, version: 1, panelWeekday: 0, panelTime: '2pm', cutoffHoursBefore: -1, unconstitutedCapPence: 0, areaDescription: 'X' } });
    expect(invalid.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'areaDescription', message: 'Describe the area in 2 to 200 characters.' },
        { field: 'unconstitutedCapPence', message: 'The cap for unconstituted groups must be more than £0.' },
        { field: 'panelWeekday', message: 'Choose the day the panel meets.' },
        { field: 'panelTime', message: 'Enter the time on the 24-hour clock, like 14:00.' },
        { field: 'cutoffHoursBefore', message: 'The cut-off cannot be after the panel starts.' },
      ],
    });
    const both = await client.gql(UPDATE, { input: { id: fund.id, version: 1, unconstitutedCapPence: 500_00, removeUnconstitutedCap: true } });
    expect(both.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'unconstitutedCapPence', message: 'Enter a cap, or choose to have none, not both.' }] });
    const [row] = await app.em().getConnection().execute('SELECT panel_weekday, panel_time, unconstituted_cap_pence, version FROM fund WHERE id = ?', [fund.id]);
    expect(row).toEqual({ panel_weekday: 4, panel_time: '14:00', unconstituted_cap_pence: null, version: 1 });
  });

  it('keeps the cap above awards to unconstituted groups that the panel may still change', async () => {
    const fund = await createFund(app.em());
    const client = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    const { application } = await createAward(app.em(), fund, { amountPence: 1_200_00, legalForm: LegalForm.UNCONSTITUTED_GROUP });
    await createAward(app.em(), fund, { amountPence: 4_000_00, legalForm: LegalForm.UNCONSTITUTED_GROUP, meetingStatus: MeetingStatus.CLOSED });

    const refused = await client.gql(UPDATE, { input: { id: fund.id, version: 1, unconstitutedCapPence: 1_000_00 } });
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'unconstitutedCapPence',
          message: `${application.reference} (£1,200) went to unconstituted groups in a meeting that is not closed yet. Set the cap to at least £1,200, or change that award first.`,
        },
      ],
    });
    // The £4,000 award's meeting is closed: it is final, and the new cap applies from now on.
    const allowed = await client.gql(UPDATE, { input: { id: fund.id, version: 1, unconstitutedCapPence: 1_200_00 } });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.updateFund.unconstitutedCapPence).toBe(120_000);
  });
});

describe('phases', () => {
  it('lets the coordinator add a phase after the last, and change one, each change recorded', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);
    const secondWave = { name: 'Second wave', kind: 'OTHER', criteria: 'Help if the floods come back.', minAwardPence: 100_00, maxAwardPence: 2_000_00 };

    const added = await client.gql(ADD_PHASE, { input: { fundId: fund.id, version: 1, ...secondWave } });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addPhase).toEqual({
      version: 2,
      phases: [
        { name: 'Emergency', kind: 'EMERGENCY', position: 0, criteria: 'Urgent help.', minAwardPence: 100_00, maxAwardPence: 5_000_00, status: 'OPEN' },
        { name: 'Recovery', kind: 'RECOVERY', position: 1, criteria: 'Getting back on our feet.', minAwardPence: 500_00, maxAwardPence: 10_000_00, status: 'PLANNED' },
        { ...secondWave, position: 2, status: 'PLANNED' },
      ],
    });

    const recovery = await phaseNamed(app.em(), fund, 'Recovery');
    const changed = await client.gql(UPDATE_PHASE, {
      input: { fundId: fund.id, phaseId: recovery.id, version: 2, name: 'Recovery', kind: 'RECOVERY', criteria: 'Reopening halls and clubs.', minAwardPence: 500_00, maxAwardPence: 8_000_00 },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updatePhase.version).toBe(3);
    expect(changed.data?.updatePhase.phases[1]).toEqual({ name: 'Recovery', kind: 'RECOVERY', criteria: 'Reopening halls and clubs.', minAwardPence: 500_00, maxAwardPence: 8_000_00, status: 'PLANNED' });

    const audit = (await client.gql(AUDIT, { id: fund.id })).data?.fund.auditLog;
    expect(audit).toEqual([
      {
        action: 'phase.updated',
        entityType: 'Phase',
        actor: { email: coordinator.email },
        changes: { criteria: ['Getting back on our feet.', 'Reopening halls and clubs.'], maxAwardPence: [1_000_000, 800_000] },
      },
      { action: 'phase.added', entityType: 'Phase', actor: { email: coordinator.email }, changes: { phase: [null, 'Second wave (other, £100 to £2,000)'] } },
    ]);
  });

  it('refuses funder officers and panellists, a stale version, and limits the wrong way round', async () => {
    const fund = await createFund(app.em());
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });
    const panellist = await addMember(app.em(), fund, FundRole.PANELLIST);
    const coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    const recovery = await phaseNamed(app.em(), fund, 'Recovery');
    const edit = { fundId: fund.id, phaseId: recovery.id, version: 1, name: 'Recovery', kind: 'RECOVERY', criteria: 'Getting back on our feet.', minAwardPence: 500_00, maxAwardPence: 9_000_00 };

    for (const person of [officer, panellist]) {
      const client = await app.signedInAs(person);
      expect((await client.gql(UPDATE_PHASE, { input: edit })).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
      expect((await client.gql(ADD_PHASE, { input: { ...EMERGENCY, fundId: fund.id, version: 1 } })).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    }
    const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));
    expect((await outsider.gql(UPDATE_PHASE, { input: edit })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });

    const backwards = await coordinator.gql(UPDATE_PHASE, { input: { ...edit, minAwardPence: 2_000_00, maxAwardPence: 1_000_00 } });
    expect(backwards.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'maxAwardPence', message: 'The largest award must be at least the smallest, £2,000.' }] });

    expect((await coordinator.gql(UPDATE_PHASE, { input: edit })).errors).toBeUndefined();
    const stale = await coordinator.gql(UPDATE_PHASE, { input: { ...edit, maxAwardPence: 7_000_00 } });
    expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
    const [row] = await app.em().getConnection().execute('SELECT max_award_pence FROM phase WHERE id = ?', [recovery.id]);
    expect(row).toEqual({ max_award_pence: 900_000 });
  });

  it("never narrows an open phase's limits past awards the panel may still change", async () => {
    const fund = await createFund(app.em());
    const client = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
    const emergency = await phaseNamed(app.em(), fund, 'Emergency');
    const big = await createAward(app.em(), fund, { amountPence: 4_500_00, phase: emergency });
    const small = await createAward(app.em(), fund, { amountPence: 150_00, phase: emergency });
    await createAward(app.em(), fund, { amountPence: 5_000_00, phase: emergency, meetingStatus: MeetingStatus.CLOSED });
    const edit = { fundId: fund.id, phaseId: emergency.id, version: 1, name: 'Emergency', kind: 'EMERGENCY', criteria: 'Urgent help.' };

    const refused = await client.gql(UPDATE_PHASE, { input: { ...edit, minAwardPence: 200_00, maxAwardPence: 3_000_00 } });
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'maxAwardPence', message: `${big.application.reference} (£4,500) was awarded in a meeting that is not closed yet. Set the largest award to at least £4,500, or change that award first.` },
        { field: 'minAwardPence', message: `${small.application.reference} (£150) was awarded in a meeting that is not closed yet. Set the smallest award to at most £150, or change that award first.` },
      ],
    });

    // Awards in the closed meeting (£5,000) are final, so the largest award may go below them.
    const allowed = await client.gql(UPDATE_PHASE, { input: { ...edit, minAwardPence: 150_00, maxAwardPence: 4_500_00 } });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.updatePhase.phases[0]).toMatchObject({ minAwardPence: 150_00, maxAwardPence: 4_500_00, status: 'OPEN' });
  });
});
