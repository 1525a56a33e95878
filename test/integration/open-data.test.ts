import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, AreaKind, FundRole, LegalForm } from '../../shared/domain.ts';
import { londonIsoDate, londonToday } from '../../shared/london-time.ts';
import { readCsv } from '../../server/import/csv.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import { Area } from '../../server/modules/areas/area.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Decision } from '../../server/modules/panels/decision.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';
import { grantPackageValidator } from '../support/three-sixty-giving-schema.ts';

const DECIDE = `mutation($input: DecisionInput!) { recordDecision(input: $input) { version } }`;
const CLOSE = `mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { status } }`;
const OPEN_DATA = `query($id: ID!) { fund(id: $id) { openData { prefix defaultPrefix prefixIsDefault grantCount jsonPath csvPath canSetPrefix } } }`;
const SET_PREFIX = `mutation($input: SetOpenDataPrefixInput!) { setOpenDataPrefix(input: $input) { id openData { prefix prefixIsDefault } } }`;

let app: TestApp;
let fund: Fund;
let coordinator: ApiClient;
let prefix: string;
const applications: Record<'foodbank' | 'youth' | 'hosted' | 'members' | 'declined', Application> = {} as never;
/** Every piece of personal or bank data the fund holds about the groups: none may be published. */
const personal: string[] = [];
/** SQL the app sends, to see what an export reads. */
const statements: string[] = [];
const BANK = { accountName: 'Treasurer Pat Quill', sortCode: '30-94-87', accountNumber: '73344512' };

async function download(client: ApiClient | null, path: string) {
  const response = await fetch(`${app.url}${path}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const jsonPath = (fundId: string) => `/funds/${fundId}/open-data/grants.json`;
const csvPath = (fundId: string) => `/funds/${fundId}/open-data/grants.csv`;

beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => statements.push(sql) });
  const em = app.em();
  fund = await createFund(em, { name: 'Riverdale Response Fund' });
  prefix = `360G-${fund.slug}`;
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Northern Trust' }), amountPence: 6_000_00 });
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Riverdale Council' }), amountPence: 2_000_00, excludesUnconstituted: true });
  em.create(Area, { code: 'E01019078', kind: AreaKind.LSOA, name: 'Allerdale 007A', localAuthorityCode: 'E07000026' });
  em.create(Area, { code: 'E05009046', kind: AreaKind.WARD, name: 'Botcherby', localAuthorityCode: 'E07000028' });
  em.create(Area, { code: 'RD-L0001', kind: AreaKind.LSOA, name: 'Riverside North (fictional)', demo: true });
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-19T14:00:00Z'), cutoffAt: new Date('2026-11-17T14:00:00Z') });

  const onAgenda = { status: ApplicationStatus.ON_AGENDA };
  applications.foodbank = await createApplication(em, fund, {
    ...onAgenda,
    title: 'Food parcels',
    summary: 'Weekly food parcels for 40 families. Ring Sam on 07700 900123 to refer someone.',
    amountRequestedPence: 1_500_00,
    priorityTags: ['food', 'older-people'],
    group: { name: 'Riverdale Foodbank', legalForm: LegalForm.CIO, charityNumber: '1123456', postcode: 'CA2 4QQ' },
  });
  applications.foodbank.areaCodes = ['E01019078', 'E05009046', 'RD-L0001', 'E07000028'];
  applications.youth = await createApplication(em, fund, { ...onAgenda, title: 'Youth club reopening', summary: 'Reopening the youth club safely.', group: { name: 'Riverdale Youth CIC', legalForm: LegalForm.CIC } });
  applications.youth.group.companyNumber = 'SC123456';
  applications.youth.areaCodes = ['E05009046'];
  applications.hosted = await createApplication(em, fund, {
    ...onAgenda,
    title: 'Shopping and prescriptions',
    summary: 'Volunteers collect shopping and prescriptions.',
    group: { name: 'Elm Street Mutual Aid', legalForm: LegalForm.UNCONSTITUTED_GROUP, hostName: 'St Mary’s Church', postcode: 'CA3 9PJ' },
  });
  Object.assign(applications.hosted.group, { hostContactName: 'Revd Hostly Contact', hostEmail: 'vicar@stmarys.example' });
  applications.members = await createApplication(em, fund, { ...onAgenda, title: 'Street lunches', summary: 'Lunches on the street.', group: { name: 'Ash Close Neighbours', legalForm: LegalForm.UNCONSTITUTED_GROUP } });
  Object.assign(applications.members.group, { memberNames: ['Morgan Firstmember', 'Riley Secondmember'], refereeName: 'Dana Refereeson', refereeOrganisation: 'Ash Close Residents Association', refereeEmail: 'dana@referee.example' });
  applications.declined = await createApplication(em, fund, { ...onAgenda, title: 'Declined idea', group: { name: 'Not Funded Group' } });
  for (const application of Object.values(applications)) application.meeting = meeting;
  await em.flush();
  for (const { group } of Object.values(applications)) {
    personal.push(group.contactName, group.contactEmail, group.contactPhone!, group.contactPhone!.replace(/\s/g, ''), group.postcode!, ...[group.hostContactName, group.hostEmail, group.refereeName, group.refereeEmail].filter((value): value is string => Boolean(value)), ...(group.memberNames ?? []));
  }
  personal.push(BANK.accountName, BANK.sortCode, BANK.sortCode.replace(/-/g, ''), BANK.accountNumber, '07700 900123');

  const chair = await addMember(em, fund, FundRole.COORDINATOR);
  coordinator = await app.signedInAs(chair);
  const awards: [Application, number][] = [
    [applications.foodbank, 1_234_56],
    [applications.youth, 500_00],
    [applications.hosted, 750_00],
    [applications.members, 300_05],
  ];
  for (const [application, amountPence] of awards) {
    const decided = await coordinator.gql(DECIDE, { input: { applicationId: application.id, expectedVersion: 0, kind: 'AWARD', amountPence } });
    expect(decided.errors).toBeUndefined();
  }
  expect((await coordinator.gql(DECIDE, { input: { applicationId: applications.declined.id, expectedVersion: 0, kind: 'DECLINE', reason: 'Outside the criteria.', message: 'Try the recovery phase.' } })).errors).toBeUndefined();
  expect((await coordinator.gql(CLOSE, { input: { meetingId: meeting.id, attendeeIds: [chair.id] } })).errors).toBeUndefined();

  // The foodbank gives its bank details and is paid, so the export says how much has been paid.
  const [mail] = await app.em().getConnection().execute<{ body: string }[]>(`SELECT body FROM outbound_email WHERE kind = 'bank-details-request' AND subject LIKE ?`, [`%${applications.foodbank.reference}%`]);
  const token = /\/bank-details\/([\w-]+)/.exec(mail.body)![1];
  const given = await fetch(`${app.url}/bank-details/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(BANK).toString() });
  expect(given.status).toBe(200);
  const grants = await coordinator.gql(`query($id: ID!) { fund(id: $id) { grants { application { reference } payments { id } } } }`, { id: fund.id });
  const paymentId = grants.data!.fund.grants.find((grant: { application: { reference: string } }) => grant.application.reference === applications.foodbank.reference).payments[0].id;
  expect((await coordinator.gql(`mutation($input: MarkPaymentPaidInput!) { markPaymentPaid(input: $input) { status } }`, { input: { paymentId, paidOn: '2026-11-20' } })).errors).toBeUndefined();
});
afterAll(() => app.close());

describe('the 360Giving JSON export', () => {
  it('downloads as a dated file that no cache keeps', async () => {
    const { status, headers } = await download(coordinator, jsonPath(fund.id));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="${fund.slug}-grants-360giving-${londonToday()}.json"`);
    expect(headers.get('cache-control')).toBe('private, no-store');
  });

  it('is valid against the standard’s package schema and holds every grant and nothing declined', async () => {
    const pkg = JSON.parse((await download(coordinator, jsonPath(fund.id))).text);
    expect(grantPackageValidator()(pkg)).toEqual([]);
    expect(pkg.publisher).toEqual({ identifier: prefix, name: 'Riverdale Response Fund' });
    expect(pkg.description).toContain('Funders who have paid into it: Northern Trust and Riverdale Council.');
    const decisions = await app.em().find(Decision, { application: { fund } });
    const awardDate = londonIsoDate(decisions[0].decidedAt);
    const byReference = new Map<string, Record<string, any>>(pkg.grants.map((grant: Record<string, any>) => [grant.id.slice(prefix.length + 1), grant]));
    expect([...byReference.keys()].sort()).toEqual([applications.foodbank, applications.youth, applications.hosted, applications.members].map((application) => application.reference).sort());

    const foodbank = byReference.get(applications.foodbank.reference)!;
    expect(foodbank).toMatchObject({
      title: 'Food parcels',
      description: 'Weekly food parcels for 40 families. Ring Sam on [contact details removed] to refer someone.',
      currency: 'GBP',
      amountAppliedFor: 1500,
      amountAwarded: 1234.56,
      amountDisbursed: 1234.56,
      awardDate,
      recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Riverdale Foodbank', charityNumber: '1123456' }],
      fundingOrganization: [{ id: prefix, name: 'Riverdale Response Fund' }],
      grantProgramme: [{ code: `${prefix}-phase-1`, title: 'Riverdale Response Fund: Emergency', description: 'Urgent help.' }],
      beneficiaryLocation: [
        { name: 'Allerdale 007A', countryCode: 'GB', geoCode: 'E01019078', geoCodeType: 'LSOA' },
        { name: 'Botcherby', countryCode: 'GB', geoCode: 'E05009046', geoCodeType: 'WD' },
        { name: 'Riverside North (fictional)', description: 'A fictional area of the demonstration fund, not a real place, so it has no geographic code.' },
        { countryCode: 'GB', geoCode: 'E07000028', geoCodeType: 'NMD' },
      ],
    });
    expect(foodbank.regrantType).toBeUndefined();
    // Its award was split across both contributions, in proportion to what each had.
    expect(foodbank.classifications.map((classification: { vocabulary: string; code: string; title: string }) => [classification.vocabulary, classification.title])).toEqual([
      [`${prefix}-themes`, 'Food'],
      [`${prefix}-communities`, 'Older people'],
      [`${prefix}-contributing-funders`, 'Northern Trust'],
      [`${prefix}-contributing-funders`, 'Riverdale Council'],
    ]);

    expect(byReference.get(applications.youth.reference)).toMatchObject({
      amountAwarded: 500,
      amountDisbursed: 0,
      recipientOrganization: [{ id: 'GB-COH-SC123456', name: 'Riverdale Youth CIC', companyNumber: 'SC123456' }],
    });
    // The host received the money: it is the recipient, as a fiscal sponsor, and the group is named in words.
    const hosted = byReference.get(applications.hosted.reference)!;
    expect(hosted).toMatchObject({
      amountAwarded: 750,
      recipientOrganization: [{ id: `${prefix}-host-st-marys-church`, name: 'St Mary’s Church' }],
      regrantType: 'FRG050',
      description: 'Volunteers collect shopping and prescriptions. Paid to St Mary’s Church, the host organisation holding the money for Elm Street Mutual Aid, an unconstituted group.',
    });
    // Unconstituted money came only from the Trust: the Council's contribution excludes such groups.
    expect(hosted.classifications).toEqual([expect.objectContaining({ title: 'Northern Trust' })]);
    expect(byReference.get(applications.members.reference)).toMatchObject({
      amountAwarded: 300.05,
      recipientOrganization: [{ id: `${prefix}-org-${applications.members.group.id}`, name: 'Ash Close Neighbours' }],
    });
  });
});

describe('the 360Giving CSV export', () => {
  it('has the standard’s column titles and one row per grant, agreeing with the JSON', async () => {
    const { status, headers, text } = await download(coordinator, csvPath(fund.id));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="${fund.slug}-grants-360giving-${londonToday()}.csv"`);
    const [header, ...rows] = readCsv(text.replace(/^\uFEFF/, ''));
    expect(header.slice(0, 18)).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Applied For',
      'Amount Awarded',
      'Amount Disbursed',
      'Award Date',
      'From An Open Call?',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Recipient Org:Charity Number',
      'Recipient Org:Company Number',
      'For Regrant Type',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Code',
      'Grant Programme:Title',
    ]);
    expect(header).toContain('Beneficiary Location:3:Geographic Code Type');
    expect(header).not.toContain('Beneficiary Location:4:Name');
    const pkg = JSON.parse((await download(coordinator, jsonPath(fund.id))).text);
    const column = (title: string) => header.indexOf(title);
    expect(rows.map((row) => [row[column('Identifier')], row[column('Amount Awarded')], row[column('Recipient Org:Identifier')], row[column('For Regrant Type')], row[column('Beneficiary Location:0:Geographic Code')]])).toEqual(
      pkg.grants.map((grant: Record<string, any>) => [grant.id, Number.isInteger(grant.amountAwarded) ? String(grant.amountAwarded) : grant.amountAwarded.toFixed(2), grant.recipientOrganization[0].id, grant.regrantType ?? '', grant.beneficiaryLocation?.[0]?.geoCode ?? '']),
    );
    expect(rows.find((row) => row[0] === `${prefix}-${applications.foodbank.reference}`)![column('Amount Awarded')]).toBe('1234.56');
  });
});

describe('personal data', () => {
  it('is never even read from the database for an export, which costs a fixed number of statements', async () => {
    statements.length = 0;
    expect((await download(coordinator, jsonPath(fund.id))).status).toBe(200);
    const exported = statements.filter((sql) => !/\bsession\b|fund_membership/.test(sql));
    expect(exported.join('\n')).not.toMatch(/contact_|postcode|member_names|referee_|host_email|host_contact|bank_details/);
    // Signing in (2), the fund, grants with their groups, payments, priorities, funders, draws, areas, and the audit row.
    expect(statements).toHaveLength(10);
  });

  it('appears nowhere in either file: no contact, email, phone, postcode, member, referee or bank detail', async () => {
    for (const path of [jsonPath(fund.id), csvPath(fund.id)]) {
      const { text } = await download(coordinator, path);
      for (const value of personal) expect(text, `${path} holds ${value}`).not.toContain(value);
      expect(text).not.toMatch(/@/);
      expect(text).not.toMatch(/\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/);
      expect(text).not.toMatch(/\b0\d{4} ?\d{6}\b/);
      expect(text.toLowerCase()).not.toMatch(/sort code|account number|account name/);
    }
  });
});

describe('who may export', () => {
  it('lets coordinators and funder officers of the fund download both files', async () => {
    const officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
    for (const client of [coordinator, officer]) {
      expect((await download(client, jsonPath(fund.id))).status).toBe(200);
      expect((await download(client, csvPath(fund.id))).status).toBe(200);
    }
  });

  it('refuses panellists, and answers "not found" to people outside the fund and "sign in" to no one signed in', async () => {
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    const community = await app.signedInAs(await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST));
    const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));
    for (const path of [jsonPath(fund.id), csvPath(fund.id)]) {
      for (const client of [panellist, community]) {
        const refused = await download(client, path);
        expect(refused.status).toBe(403);
        expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('FORBIDDEN');
      }
      expect((await download(outsider, path)).status).toBe(404);
      expect((await download(null, path)).status).toBe(401);
    }
    expect((await download(coordinator, jsonPath('not-a-fund'))).status).toBe(404);
    expect((await download(coordinator, `/funds/${fund.id}/open-data/grants.xml`)).headers.get('content-disposition')).toBeNull();
  });

  it('says there is nothing to export for a fund with no grants yet', async () => {
    const empty = await createFund(app.em());
    const coordinatorOfEmpty = await app.signedInAs(await addMember(app.em(), empty, FundRole.COORDINATOR));
    const refused = await download(coordinatorOfEmpty, jsonPath(empty.id));
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).errors[0].message).toBe('There are no grants to export yet: grants are made when a panel meeting closes.');
  });

  it('records every export in the audit log', async () => {
    const rows = await app.em().getConnection().execute<{ action: string; changes: { format: string; grants: number } }[]>(`SELECT action, changes FROM audit_event WHERE action = 'openData.exported' AND fund_id = ?`, [fund.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.changes.format))).toEqual(new Set(['json', 'csv']));
    expect(rows.every((row) => row.changes.grants === 4)).toBe(true);
  });
});

describe('the open data settings', () => {
  it('are shown to people who may export, and not to panellists', async () => {
    expect((await coordinator.gql(OPEN_DATA, { id: fund.id })).data!.fund.openData).toEqual({
      prefix,
      defaultPrefix: prefix,
      prefixIsDefault: true,
      grantCount: 4,
      jsonPath: jsonPath(fund.id),
      csvPath: csvPath(fund.id),
      canSetPrefix: true,
    });
    const officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
    expect((await officer.gql(OPEN_DATA, { id: fund.id })).data!.fund.openData).toMatchObject({ canSetPrefix: false, grantCount: 4 });
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    expect((await panellist.gql(OPEN_DATA, { id: fund.id })).data!.fund.openData).toBeNull();
  });

  it('let a coordinator set the prefix 360Giving issued, which then starts every identifier, and go back to the default', async () => {
    const officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
    expect((await officer.gql(SET_PREFIX, { input: { fundId: fund.id, prefix: '360G-RiverdaleFund' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await coordinator.gql(SET_PREFIX, { input: { fundId: fund.id, prefix: 'GB-CHC-1123456' } });
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'prefix', message: 'Enter the prefix 360Giving gave the fund: 360G- then letters and digits, like 360G-RiverdaleFund, in 60 characters or fewer.' }]);

    const set = await coordinator.gql(SET_PREFIX, { input: { fundId: fund.id, prefix: ' 360G-RiverdaleFund ' } });
    expect(set.data?.setOpenDataPrefix.openData).toEqual({ prefix: '360G-RiverdaleFund', prefixIsDefault: false });
    const pkg = JSON.parse((await download(coordinator, jsonPath(fund.id))).text);
    expect(pkg.grants.map((grant: { id: string }) => grant.id.startsWith('360G-RiverdaleFund-'))).toEqual([true, true, true, true]);
    expect(pkg.grants[0].fundingOrganization).toEqual([{ id: '360G-RiverdaleFund', name: 'Riverdale Response Fund' }]);
    expect(grantPackageValidator()(pkg)).toEqual([]);

    const reset = await coordinator.gql(SET_PREFIX, { input: { fundId: fund.id, prefix: '' } });
    expect(reset.data?.setOpenDataPrefix.openData).toEqual({ prefix, prefixIsDefault: true });
    const audit = await app.em().getConnection().execute(`SELECT changes FROM audit_event WHERE action = 'openData.prefixSet' AND fund_id = ? ORDER BY id`, [fund.id]);
    expect(audit).toEqual([{ changes: { openDataPrefix: [null, '360G-RiverdaleFund'] } }, { changes: { openDataPrefix: ['360G-RiverdaleFund', null] } }]);
  });
});
