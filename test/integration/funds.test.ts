import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { londonParts, nextWeekly } from '../../shared/london-time.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const FUND = `query($id: ID!) {
  fund(id: $id) {
    name purpose version myRoles
    ledger { contributedPence reservedPence committedPence paidPence availablePence }
    applicationCounts { status count }
    applications { reference status }
    drafts: applications(status: DRAFT) { reference status }
  }
}`;
const NEXT_PANEL = `query($id: ID!) { fund(id: $id) { panelWeekday panelTime cutoffHoursBefore nextPanel { meetsAt cutoffAt } } }`;
const UPDATE = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { id name purpose reservedPence version } }`;
const AUDIT = `query($id: ID!) { fund(id: $id) { auditLog { action entityType entityId actor { email } changes } } }`;
const PURPOSE = `query($id: ID!) { fund(id: $id) { name purpose reservedPence version } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('reading a fund', () => {
  it('shows a member the ledger, counts by stage, and submitted applications newest first', async () => {
    const fund = await createFund(app.em(), { name: 'Eden Valley Response Fund', reservedPence: 2_000_00 });
    await createContribution(app.em(), fund, { amountPence: 10_000_00 });
    await createContribution(app.em(), fund, { amountPence: 2_500_00 });
    await createContribution(app.em(), fund, { amountPence: 12_34 });
    const older = await createApplication(app.em(), fund, { submittedAt: new Date('2026-11-01T09:00:00Z') });
    const newer = await createApplication(app.em(), fund, { submittedAt: new Date('2026-11-03T09:00:00Z') });
    const checked = await createApplication(app.em(), fund, { status: ApplicationStatus.CHECKED, submittedAt: new Date('2026-11-02T09:00:00Z') });
    const draft = await createApplication(app.em(), fund, { status: ApplicationStatus.DRAFT, submittedAt: undefined });
    // Money and applications in another fund count for nothing here.
    const other = await createFund(app.em());
    await createContribution(app.em(), other, { amountPence: 99_999_00 });
    await createApplication(app.em(), other);
    const panellist = await addMember(app.em(), fund, FundRole.PANELLIST);

    const client = await app.signedInAs(panellist);
    const result = await client.gql(FUND, { id: fund.id });

    expect(result.errors).toBeUndefined();
    expect(result.data?.fund).toEqual({
      name: 'Eden Valley Response Fund',
      purpose: 'Helping local groups through the emergency and the recovery.',
      version: 1,
      myRoles: ['PANELLIST'],
      ledger: {
        contributedPence: 1_251_234,
        reservedPence: 200_000,
        committedPence: 0,
        paidPence: 0,
        availablePence: 1_051_234,
      },
      applicationCounts: [
        { status: 'DRAFT', count: 1 },
        { status: 'SUBMITTED', count: 2 },
        { status: 'CHECKED', count: 1 },
        { status: 'ON_AGENDA', count: 0 },
        { status: 'DECIDED', count: 0 },
      ],
      applications: [
        { reference: newer.reference, status: 'SUBMITTED' },
        { reference: checked.reference, status: 'CHECKED' },
        { reference: older.reference, status: 'SUBMITTED' },
      ],
      drafts: [{ reference: draft.reference, status: 'DRAFT' }],
    });
  });

  it('shows an empty fund as all zeros', async () => {
    const fund = await createFund(app.em());
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });

    const result = await (await app.signedInAs(officer)).gql(FUND, { id: fund.id });

    expect(result.errors).toBeUndefined();
    expect(result.data?.fund.ledger).toEqual({ contributedPence: 0, reservedPence: 0, committedPence: 0, paidPence: 0, availablePence: 0 });
    expect(result.data?.fund.applicationCounts.map((row: { count: number }) => row.count)).toEqual([0, 0, 0, 0, 0]);
    expect(result.data?.fund.applications).toEqual([]);
  });

  it('gives the next panel from the fund rhythm, and its cut-off', async () => {
    // A weekday three days from now in London, so the answer cannot move while the test runs.
    const weekday = ((londonParts(new Date()).weekday + 2) % 7) + 1;
    const fund = await createFund(app.em(), { panelWeekday: weekday, panelTime: '10:30', cutoffHoursBefore: 36 });
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);

    const result = await (await app.signedInAs(coordinator)).gql(NEXT_PANEL, { id: fund.id });

    const meetsAt = nextWeekly(new Date(), weekday, '10:30');
    expect(result.errors).toBeUndefined();
    expect(result.data?.fund).toEqual({
      panelWeekday: weekday,
      panelTime: '10:30',
      cutoffHoursBefore: 36,
      nextPanel: {
        meetsAt: meetsAt.toISOString(),
        cutoffAt: new Date(meetsAt.getTime() - 36 * 3_600_000).toISOString(),
      },
    });
    // Three days ahead, give or take the hour a clock change adds or takes away.
    const hoursAhead = (meetsAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursAhead).toBeGreaterThan(47);
    expect(hoursAhead).toBeLessThan(97);
  });

  it('answers NOT_FOUND to a person with no role in the fund, as for a fund that does not exist', async () => {
    const fund = await createFund(app.em());
    const elsewhere = await createFund(app.em(), { name: 'Another fund' });
    const outsider = await addMember(app.em(), elsewhere, FundRole.COORDINATOR);
    const client = await app.signedInAs(outsider);

    const hidden = await client.gql(FUND, { id: fund.id });
    const missing = await client.gql(FUND, { id: '6f1c1f51-7d3c-4e0a-9a53-0d5b1c0e2a11' });

    expect(hidden.data).toBeNull();
    expect(hidden.errors).toEqual([
      { message: 'That fund does not exist, or you cannot see it.', path: ['fund'], locations: [{ line: 2, column: 3 }], extensions: { code: 'NOT_FOUND' } },
    ]);
    expect(missing.errors).toEqual(hidden.errors);
  });

  it('answers NOT_FOUND, not a server error, to an id that is not a fund id at all', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const read = await client.gql(`{ fund(id: "not-a-fund") { id } }`);
    const update = await client.gql(`mutation { updateFund(input: { id: "not-a-fund", version: 1 }) { id } }`);

    expect(read.errors).toEqual([
      { message: 'That fund does not exist, or you cannot see it.', path: ['fund'], locations: [{ line: 1, column: 3 }], extensions: { code: 'NOT_FOUND' } },
    ]);
    // The input is validated first, so this one names the field.
    expect(update.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', message: 'Choose a fund.' }] });
  });

  it('lists only the funds the person has a role in, by name', async () => {
    const zebra = await createFund(app.em(), { name: 'Zebra Crossing Fund' });
    const apple = await createFund(app.em(), { name: 'Apple Orchard Fund' });
    await createFund(app.em(), { name: 'Not Mine Fund' });
    const person = await addMember(app.em(), zebra, FundRole.PANELLIST);
    await addMember(app.em(), apple, FundRole.COMMUNITY_PANELLIST, { user: person });
    await addMember(app.em(), apple, FundRole.FUNDER_OFFICER, { user: person });

    const result = await (await app.signedInAs(person)).gql(`{ funds { name myRoles } }`);

    expect(result.errors).toBeUndefined();
    expect(result.data?.funds).toHaveLength(2);
    expect(result.data?.funds[0].name).toBe('Apple Orchard Fund');
    expect([...result.data!.funds[0].myRoles].sort()).toEqual(['COMMUNITY_PANELLIST', 'FUNDER_OFFICER']);
    expect(result.data?.funds[1]).toEqual({ name: 'Zebra Crossing Fund', myRoles: ['PANELLIST'] });
  });

  it('lists no funds for a person with no roles', async () => {
    const nobody = await addMember(app.em(), await createFund(app.em()), FundRole.PANELLIST);
    await app.em().getConnection().execute('DELETE FROM fund_membership WHERE user_id = ?', [nobody.id]);

    const result = await (await app.signedInAs(nobody)).gql(`{ funds { name } }`);

    expect(result.errors).toBeUndefined();
    expect(result.data?.funds).toEqual([]);
  });
});

describe('changing a fund', () => {
  const NEW_PURPOSE = 'Recovery grants for groups across Eden and the Fells.';

  it('lets the coordinator change it, bumps the version and records who changed what', async () => {
    const fund = await createFund(app.em(), { name: 'Fells Fund' });
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const result = await client.gql(UPDATE, { input: { id: fund.id, version: 1, purpose: NEW_PURPOSE, reservedPence: 5_000_00 } });

    expect(result.errors).toBeUndefined();
    expect(result.data?.updateFund).toEqual({ id: fund.id, name: 'Fells Fund', purpose: NEW_PURPOSE, reservedPence: 500_000, version: 2 });
    expect((await client.gql(PURPOSE, { id: fund.id })).data?.fund).toEqual({ name: 'Fells Fund', purpose: NEW_PURPOSE, reservedPence: 500_000, version: 2 });

    const audit = await client.gql(AUDIT, { id: fund.id });
    expect(audit.errors).toBeUndefined();
    expect(audit.data?.fund.auditLog).toEqual([
      {
        action: 'fund.updated',
        entityType: 'Fund',
        entityId: fund.id,
        actor: { email: coordinator.email },
        changes: {
          purpose: ['Helping local groups through the emergency and the recovery.', NEW_PURPOSE],
          reservedPence: [0, 500_000],
        },
      },
    ]);
  });

  it('records only the fields that really changed, and takes the next version after that', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    await client.gql(UPDATE, { input: { id: fund.id, version: 1, purpose: NEW_PURPOSE } });
    const second = await client.gql(UPDATE, { input: { id: fund.id, version: 2, purpose: NEW_PURPOSE, name: 'Renamed Fund' } });

    expect(second.errors).toBeUndefined();
    expect(second.data?.updateFund.version).toBe(3);
    const audit = await client.gql(AUDIT, { id: fund.id });
    expect(audit.data?.fund.auditLog.map((event: { changes: unknown }) => event.changes)).toEqual([
      { name: [fund.name, 'Renamed Fund'] },
      { purpose: ['Helping local groups through the emergency and the recovery.', NEW_PURPOSE] },
    ]);
  });

  it('refuses a funder officer with FORBIDDEN and changes nothing', async () => {
    const fund = await createFund(app.em());
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });
    const client = await app.signedInAs(officer);

    const result = await client.gql(UPDATE, { input: { id: fund.id, version: 1, purpose: NEW_PURPOSE } });

    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ message: 'You do not have permission to change this fund.', path: ['updateFund'], extensions: { code: 'FORBIDDEN' } });
    expect((await client.gql(PURPOSE, { id: fund.id })).data?.fund).toEqual({
      name: fund.name,
      purpose: 'Helping local groups through the emergency and the recovery.',
      reservedPence: 0,
      version: 1,
    });
  });

  it("refuses the coordinator of another fund with NOT_FOUND", async () => {
    const fund = await createFund(app.em());
    const otherCoordinator = await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR);

    const result = await (await app.signedInAs(otherCoordinator)).gql(UPDATE, { input: { id: fund.id, version: 1, purpose: NEW_PURPOSE } });

    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    const [row] = await app.em().getConnection().execute<{ purpose: string; version: number }[]>('SELECT purpose, version FROM fund WHERE id = ?', [fund.id]);
    expect(row).toEqual({ purpose: 'Helping local groups through the emergency and the recovery.', version: 1 });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);
    expect((await client.gql(UPDATE, { input: { id: fund.id, version: 1, name: 'First Edit Fund' } })).errors).toBeUndefined();

    const stale = await client.gql(UPDATE, { input: { id: fund.id, version: 1, purpose: NEW_PURPOSE } });

    expect(stale.data).toBeNull();
    expect(stale.errors?.[0]).toMatchObject({
      message: 'Someone else changed this fund while you were editing. Check the new version and try again.',
      extensions: { code: 'CONFLICT' },
    });
    expect((await client.gql(PURPOSE, { id: fund.id })).data?.fund).toEqual({
      name: 'First Edit Fund',
      purpose: 'Helping local groups through the emergency and the recovery.',
      reservedPence: 0,
      version: 2,
    });
    expect((await client.gql(AUDIT, { id: fund.id })).data?.fund.auditLog).toHaveLength(1);
  });

  it('refuses invalid values with BAD_USER_INPUT naming each field, and changes nothing', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const shortPurpose = await client.gql(UPDATE, { input: { id: fund.id, version: 1, purpose: 'Too short' } });
    expect(shortPurpose.data).toBeNull();
    expect(shortPurpose.errors?.[0].message).toBe('Describe the shared purpose in 10 to 2,000 characters.');
    expect(shortPurpose.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'purpose', message: 'Describe the shared purpose in 10 to 2,000 characters.' }],
    });

    const negative = await client.gql(UPDATE, { input: { id: fund.id, version: 1, reservedPence: -1 } });
    expect(negative.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'reservedPence', message: 'The reserve cannot be negative.' }],
    });

    const both = await client.gql(UPDATE, { input: { id: fund.id, version: 1, name: 'ab', reservedPence: -500 } });
    expect(both.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'name', message: 'Enter a name between 3 and 120 characters.' },
        { field: 'reservedPence', message: 'The reserve cannot be negative.' },
      ],
    });

    expect((await client.gql(PURPOSE, { id: fund.id })).data?.fund).toEqual({
      name: fund.name,
      purpose: 'Helping local groups through the emergency and the recovery.',
      reservedPence: 0,
      version: 1,
    });
    expect((await client.gql(AUDIT, { id: fund.id })).data?.fund.auditLog).toEqual([]);
  });
});

describe('changing a fund with fields sent as null', () => {
  it('leaves those fields as they are, as the input promises for omitted ones', async () => {
    const fund = await createFund(app.em(), { name: 'Null Test Fund', reservedPence: 300_00 });
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const nothing = await client.gql(UPDATE, { input: { id: fund.id, version: 1, name: null, purpose: null, reservedPence: null } });
    expect(nothing.errors).toBeUndefined();
    expect(nothing.data?.updateFund).toEqual({ id: fund.id, name: 'Null Test Fund', purpose: 'Helping local groups through the emergency and the recovery.', reservedPence: 30_000, version: 1 });

    const some = await client.gql(UPDATE, { input: { id: fund.id, version: 1, name: null, reservedPence: 0 } });
    expect(some.errors).toBeUndefined();
    expect(some.data?.updateFund).toEqual({ id: fund.id, name: 'Null Test Fund', purpose: 'Helping local groups through the emergency and the recovery.', reservedPence: 0, version: 2 });
    const audit = await client.gql(AUDIT, { id: fund.id });
    expect(audit.data?.fund.auditLog.map((event: { changes: unknown }) => event.changes)).toEqual([{ reservedPence: [30_000, 0] }]);
  });
});

describe('the audit log', () => {
  it('is refused to a panellist with FORBIDDEN', async () => {
    const fund = await createFund(app.em());
    const panellist = await addMember(app.em(), fund, FundRole.PANELLIST);

    const result = await (await app.signedInAs(panellist)).gql(AUDIT, { id: fund.id });

    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'You do not have permission to read the audit log of this fund.',
        path: ['fund', 'auditLog'],
        locations: [{ line: 1, column: 35 }],
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
  });

  it('is refused to a funder officer, and shown to the coordinator', async () => {
    const fund = await createFund(app.em());
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);

    expect((await (await app.signedInAs(officer)).gql(AUDIT, { id: fund.id })).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const allowed = await (await app.signedInAs(coordinator)).gql(AUDIT, { id: fund.id });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.fund.auditLog).toEqual([]);
  });
});
