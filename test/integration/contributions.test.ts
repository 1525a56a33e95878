import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaKind, FundRole, LegalForm } from '../../shared/domain.ts';
import type { Funder } from '../../server/modules/funders/funder.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { createAward, phaseNamed } from '../factories/award.ts';
import { createAreas } from '../factories/coverage-areas.ts';
import { addMember, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const FIELDS = `id amountPence receivedOn restrictedToPriorities restrictedToAreas excludesUnconstituted restrictedToPhase { name } spendBy note version funder { name }
  ledger { contributedPence committedPence paidPence availablePence }`;
const RECORD = `mutation($input: RecordContributionInput!) { recordContribution(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateContributionInput!) { updateContribution(input: $input) { ${FIELDS} } }`;
const MONEY = `query($id: ID!) {
  fund(id: $id) {
    viewerMay { manage invite recordContribution addFunder }
    funders { name }
    recordableFunders { name }
    contributions { funder { name } amountPence viewerCanEdit ledger { contributedPence committedPence paidPence availablePence } }
    ledger { contributedPence reservedPence committedPence paidPence availablePence }
  }
}`;
const AUDIT = `query($id: ID!) { fund(id: $id) { auditLog { action entityType actor { email } changes } } }`;

let app: TestApp;
let fund: Fund;
let trust: Funder;
let council: Funder;
let coordinator: ApiClient;
let trustOfficer: ApiClient;
let coordinatorEmail: string;
beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  // The fund covers one district of two wards; a third ward lies in the next district.
  await createAreas(em, [
    { code: 'E07009001', kind: AreaKind.LOCAL_AUTHORITY, name: 'Fellside' },
    { code: 'E05009001', kind: AreaKind.WARD, name: 'Fellside North', localAuthorityCode: 'E07009001' },
    { code: 'E05009002', kind: AreaKind.WARD, name: 'Fellside South', localAuthorityCode: 'E07009001' },
    { code: 'E07009002', kind: AreaKind.LOCAL_AUTHORITY, name: 'Dalesend' },
    { code: 'E05009003', kind: AreaKind.WARD, name: 'Dalesend Central', localAuthorityCode: 'E07009002' },
  ]);
  fund = await createFund(em);
  fund.areaCodes = ['E07009001'];
  await em.flush();
  trust = await createFunder(em, { name: 'Fellside Trust' });
  council = await createFunder(em, { name: 'Testshire Council' });
  await createContribution(em, fund, { funder: council, amountPence: 1_000_00 });
  const coordinatorUser = await addMember(em, fund, FundRole.COORDINATOR);
  coordinatorEmail = coordinatorUser.email;
  coordinator = await app.signedInAs(coordinatorUser);
  trustOfficer = await app.signedInAs(await addMember(em, fund, FundRole.FUNDER_OFFICER, { funder: trust }));
});
afterAll(() => app.close());

const terms = (overrides: Record<string, unknown> = {}) => ({
  amountPence: 5_000_00,
  receivedOn: '2026-10-01',
  restrictedToPriorities: [],
  restrictedToAreas: [],
  excludesUnconstituted: false,
  restrictedToPhaseId: null,
  spendBy: null,
  note: null,
  ...overrides,
});

describe('recording a contribution', () => {
  it('lets the coordinator record money with every kind of restriction, and records it in the audit log', async () => {
    const recovery = await phaseNamed(app.em(), fund, 'Recovery');

    const result = await coordinator.gql(RECORD, {
      input: {
        fundId: fund.id,
        funderId: council.id,
        ...terms({
          amountPence: 25_000_00,
          restrictedToPriorities: ['older-people', 'food', 'food'],
          restrictedToAreas: [' e05009001', 'E05009002 '],
          excludesUnconstituted: true,
          restrictedToPhaseId: recovery.id,
          spendBy: '2027-03-31',
          note: ' Public health grant ',
        }),
      },
    });

    expect(result.errors).toBeUndefined();
    const { id, ...recorded } = result.data!.recordContribution;
    expect(recorded).toEqual({
      amountPence: 2_500_000,
      receivedOn: '2026-10-01',
      restrictedToPriorities: ['food', 'older-people'],
      restrictedToAreas: ['E05009001', 'E05009002'],
      excludesUnconstituted: true,
      restrictedToPhase: { name: 'Recovery' },
      spendBy: '2027-03-31',
      note: 'Public health grant',
      version: 1,
      funder: { name: 'Testshire Council' },
      ledger: { contributedPence: 2_500_000, committedPence: 0, paidPence: 0, availablePence: 2_500_000 },
    });
    const [event] = (await coordinator.gql(AUDIT, { id: fund.id })).data!.fund.auditLog;
    expect(event).toEqual({
      action: 'contribution.recorded',
      entityType: 'Contribution',
      actor: { email: coordinatorEmail },
      changes: {
        funder: [null, 'Testshire Council'],
        amountPence: [0, 2_500_000],
        receivedOn: ['', '2026-10-01'],
        restrictedToPriorities: [[], ['food', 'older-people']],
        restrictedToAreas: [[], ['E05009001', 'E05009002']],
        excludesUnconstituted: [false, true],
        restrictedToPhase: [null, 'Recovery'],
        spendBy: [null, '2027-03-31'],
        note: [null, 'Public health grant'],
      },
    });
    await app.em().getConnection().execute('DELETE FROM contribution WHERE id = ?', [id]);
  });

  it('lets the coordinator name a funder new to the fund, who then counts among its funders', async () => {
    const other = await createFund(app.em());
    const client = await app.signedInAs(await addMember(app.em(), other, FundRole.COORDINATOR));

    const result = await client.gql(RECORD, { input: { fundId: other.id, newFunderName: 'Eden Water plc', newFunderKind: 'COMPANY', ...terms({ amountPence: 750_00 }) } });

    expect(result.errors).toBeUndefined();
    expect(result.data?.recordContribution.funder).toEqual({ name: 'Eden Water plc' });
    const money = (await client.gql(MONEY, { id: other.id })).data?.fund;
    expect(money.funders).toEqual([{ name: 'Eden Water plc' }]);
    expect(money.ledger).toEqual({ contributedPence: 750_00, reservedPence: 0, committedPence: 0, paidPence: 0, availablePence: 750_00 });
  });

  it("lets a funder officer record their own funder's money, and nobody else's", async () => {
    const own = await trustOfficer.gql(RECORD, { input: { fundId: fund.id, funderId: trust.id, ...terms({ amountPence: 2_000_00, receivedOn: '2026-10-02' }) } });
    expect(own.errors).toBeUndefined();
    expect(own.data?.recordContribution.funder).toEqual({ name: 'Fellside Trust' });

    const theirs = await trustOfficer.gql(RECORD, { input: { fundId: fund.id, funderId: council.id, ...terms() } });
    expect(theirs.data).toBeNull();
    expect(theirs.errors?.[0]).toMatchObject({ message: 'You do not have permission to record contributions for Testshire Council.', extensions: { code: 'FORBIDDEN' } });

    const newFunder = await trustOfficer.gql(RECORD, { input: { fundId: fund.id, newFunderName: 'Shell Trust', newFunderKind: 'CHARITABLE_TRUST', ...terms() } });
    expect(newFunder.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'newFunderName', message: 'Only the fund coordinator can add a new funder.' }] });

    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    expect((await panellist.gql(RECORD, { input: { fundId: fund.id, funderId: trust.id, ...terms() } })).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });

    const elsewhere = await createFund(app.em());
    const strangerOfficer = await app.signedInAs(await addMember(app.em(), elsewhere, FundRole.FUNDER_OFFICER, { funder: trust }));
    expect((await strangerOfficer.gql(RECORD, { input: { fundId: fund.id, funderId: trust.id, ...terms() } })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect((await strangerOfficer.gql(MONEY, { id: fund.id })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });

    const rows = await app.em().getConnection().execute(
      `SELECT f.name, c.amount_pence FROM contribution c JOIN funder f ON f.id = c.funder_id WHERE c.fund_id = ? ORDER BY f.name, c.amount_pence`,
      [fund.id],
    );
    expect(rows).toEqual([
      { name: 'Fellside Trust', amount_pence: 2_000_00 },
      { name: 'Testshire Council', amount_pence: 1_000_00 },
    ]);
  });

  it('shows each person which funders they may record for and which contributions they may change', async () => {
    const officerView = (await trustOfficer.gql(MONEY, { id: fund.id })).data?.fund;
    expect(officerView.viewerMay).toEqual({ manage: false, invite: false, recordContribution: true, addFunder: false });
    expect(officerView.recordableFunders).toEqual([{ name: 'Fellside Trust' }]);
    expect(officerView.contributions.map((row: { funder: { name: string }; viewerCanEdit: boolean }) => [row.funder.name, row.viewerCanEdit])).toEqual([
      ['Testshire Council', false],
      ['Fellside Trust', true],
    ]);
    const coordinatorView = (await coordinator.gql(MONEY, { id: fund.id })).data?.fund;
    expect(coordinatorView.recordableFunders).toEqual([{ name: 'Fellside Trust' }, { name: 'Testshire Council' }]);
    expect(coordinatorView.contributions.map((row: { viewerCanEdit: boolean }) => row.viewerCanEdit)).toEqual([true, true]);
  });

  it('names each wrong field', async () => {
    const foreignPhase = await phaseNamed(app.em(), await createFund(app.em()), 'Recovery');

    const typed = await coordinator.gql(RECORD, { input: { fundId: fund.id, funderId: trust.id, ...terms({ amountPence: 0, receivedOn: '1/10/2026', spendBy: 'soon' }) } });
    expect(typed.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'amountPence', message: 'Enter an amount of more than £0.' },
        { field: 'receivedOn', message: 'Enter the date the money was received, like 2026-11-23.' },
        { field: 'spendBy', message: 'Enter the spend-by date, like 2027-03-31.' },
      ],
    });

    const meaning = await coordinator.gql(RECORD, {
      input: {
        fundId: fund.id,
        funderId: trust.id,
        ...terms({ receivedOn: '2026-02-30', restrictedToPriorities: ['food', 'knitting'], restrictedToAreas: ['E05009001', 'near the river'], restrictedToPhaseId: foreignPhase.id }),
      },
    });
    expect(meaning.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'receivedOn', message: 'Enter a real date for when the money was received, like 2026-11-23.' },
        { field: 'restrictedToPriorities', message: 'There is no priority called knitting in this fund.' },
        { field: 'restrictedToAreas', message: 'NEAR THE RIVER is not an area code. Enter codes like E05009001, separated by commas.' },
        { field: 'restrictedToPhaseId', message: 'Choose one of the phases of this fund.' },
      ],
    });

    // Money for an area the portal does not hold, or outside the fund, could never be drawn.
    const nowhere = await coordinator.gql(RECORD, { input: { fundId: fund.id, funderId: trust.id, ...terms({ restrictedToAreas: ['E05009001', 'E05009998', 'E05009003', 'E07009002'] }) } });
    expect(nowhere.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'restrictedToAreas', message: 'The portal holds no area E05009998. Check the code, or import the areas on the Areas page first.' },
        { field: 'restrictedToAreas', message: "E05009003, E07009002 are not among the fund's areas, so no award could be paid from this money there." },
      ],
    });

    const early = await coordinator.gql(RECORD, { input: { fundId: fund.id, funderId: trust.id, ...terms({ spendBy: '2026-09-30' }) } });
    expect(early.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'spendBy', message: 'The spend-by date must be on or after the date the money was received.' }] });

    const noFunder = await coordinator.gql(RECORD, { input: { fundId: fund.id, ...terms() } });
    expect(noFunder.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'funderId', message: 'Choose a funder, or name a new one.' }] });
  });
});

describe('changing a contribution', () => {
  it('never takes it below what awards already drew from it, nor out of their reach', async () => {
    const emergency = await phaseNamed(app.em(), fund, 'Emergency');
    const recovery = await phaseNamed(app.em(), fund, 'Recovery');
    const contribution = await createContribution(app.em(), fund, { funder: trust, amountPence: 3_000_00 });
    const food = await createAward(app.em(), fund, { amountPence: 1_200_00, from: contribution, priorityTags: ['food'], phase: emergency, legalForm: LegalForm.UNCONSTITUTED_GROUP, decidedAt: new Date('2026-11-26T15:00:00Z') });
    const arts = await createAward(app.em(), fund, { amountPence: 300_00, from: contribution, priorityTags: ['arts-culture'], phase: emergency });
    const edit = (overrides: Record<string, unknown>, version = 1) => coordinator.gql(UPDATE, { input: { id: contribution.id, version, ...terms({ amountPence: 3_000_00, ...overrides }) } });

    const shown = (await coordinator.gql(MONEY, { id: fund.id })).data?.fund.contributions.find((row: { amountPence: number }) => row.amountPence === 3_000_00);
    expect(shown.ledger).toEqual({ contributedPence: 3_000_00, committedPence: 1_500_00, paidPence: 0, availablePence: 1_500_00 });

    const tooLittle = await edit({ amountPence: 1_499_99 });
    expect(tooLittle.data).toBeNull();
    expect(tooLittle.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'amountPence', message: 'Awards already draw £1,500 from this contribution, so it cannot be less than £1,500.' }],
    });

    const tooTight = await edit({ restrictedToPriorities: ['food'], restrictedToAreas: ['E05009001'], excludesUnconstituted: true, restrictedToPhaseId: recovery.id, spendBy: '2026-11-25' });
    const [a, b] = [food.application.reference, arts.application.reference].sort();
    expect(tooTight.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'restrictedToPriorities', message: `An award already paid from this money (${arts.application.reference}) has none of the chosen priorities. Keep this restriction as it was, or change that award first.` },
        { field: 'restrictedToAreas', message: `Awards already paid from this money (${a}, ${b}) have no place in the chosen areas. Keep this restriction as it was, or change those awards first.` },
        { field: 'excludesUnconstituted', message: `An award already paid from this money (${food.application.reference}) has an unconstituted group as the recipient. Keep this restriction as it was, or change that award first.` },
        { field: 'restrictedToPhaseId', message: `Awards already paid from this money (${a}, ${b}) have a different phase. Keep this restriction as it was, or change those awards first.` },
        { field: 'spendBy', message: `Awards already paid from this money (${a}, ${b}) have a decision after that date. Keep this restriction as it was, or change those awards first.` },
      ],
    });

    // Down to exactly what is drawn, with restrictions every award still meets: allowed.
    const fits = await edit({ amountPence: 1_500_00, restrictedToPhaseId: emergency.id, spendBy: '2026-11-26', note: 'Reduced after review' });
    expect(fits.errors).toBeUndefined();
    expect(fits.data?.updateContribution).toMatchObject({
      amountPence: 1_500_00,
      restrictedToPhase: { name: 'Emergency' },
      spendBy: '2026-11-26',
      note: 'Reduced after review',
      version: 2,
      ledger: { contributedPence: 1_500_00, committedPence: 1_500_00, paidPence: 0, availablePence: 0 },
    });
    const [event] = (await coordinator.gql(AUDIT, { id: fund.id })).data!.fund.auditLog;
    expect(event).toEqual({
      action: 'contribution.updated',
      entityType: 'Contribution',
      actor: { email: coordinatorEmail },
      changes: {
        amountPence: [3_000_00, 1_500_00],
        restrictedToPhase: [null, 'Emergency'],
        spendBy: [null, '2026-11-26'],
        note: [null, 'Reduced after review'],
      },
    });

    const stale = await edit({ amountPence: 2_000_00 }, 1);
    expect(stale.errors?.[0]).toMatchObject({
      message: 'Someone else changed this contribution while you were editing. Check the new version and try again.',
      extensions: { code: 'CONFLICT' },
    });
  });

  it("lets a funder officer change their own funder's contribution only", async () => {
    const councilMoney = await createContribution(app.em(), fund, { funder: council, amountPence: 800_00 });
    const trustMoney = await createContribution(app.em(), fund, { funder: trust, amountPence: 900_00 });

    const refused = await trustOfficer.gql(UPDATE, { input: { id: councilMoney.id, version: 1, ...terms({ amountPence: 1_00 }) } });
    expect(refused.errors?.[0]).toMatchObject({ message: 'You do not have permission to change this contribution.', extensions: { code: 'FORBIDDEN' } });

    const allowed = await trustOfficer.gql(UPDATE, { input: { id: trustMoney.id, version: 1, ...terms({ amountPence: 950_00, restrictedToPriorities: ['mental-health'] }) } });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.updateContribution).toMatchObject({ amountPence: 950_00, restrictedToPriorities: ['mental-health'], version: 2 });

    const stranger = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));
    expect((await stranger.gql(UPDATE, { input: { id: trustMoney.id, version: 2, ...terms() } })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    const [row] = await app.em().getConnection().execute('SELECT amount_pence FROM contribution WHERE id = ?', [councilMoney.id]);
    expect(row).toEqual({ amount_pence: 800_00 });
  });
});
