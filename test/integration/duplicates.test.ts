import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { Application } from '../../server/modules/applications/application.entity.ts';
import { BankDetails } from '../../server/modules/bank/bank-details.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { addMember, createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const CHECK = `mutation($fundId: ID!) { checkFundForDuplicates(fundId: $fundId) { applications flagged } }`;
const FLAGS = `query($id: ID!) { application(id: $id) { reference duplicateFlags { id kind score reasons current verdict note version reviewedBy { name } applications { reference group { name } } externalGrant { grantIdentifier recipientName funderName title awardDate amountAwardedMinor currency } } } }`;
const FUND_FLAGS = `query($id: ID!) { fund(id: $id) { duplicateFlags { id kind verdict applications { reference } externalGrant { grantIdentifier } } externalGrantImports { fileName grantCount skippedIndividuals funderNames } } }`;
const REVIEW = `mutation($input: ReviewDuplicateInput!) { reviewDuplicate(input: $input) { id verdict note version reviewedBy { name } } }`;

let app: TestApp;
let fund: Fund;
let officer: ApiClient;
let panellist: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
  officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
  panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST));
});
afterAll(() => app.close());

async function flagsOf(client: ApiClient, applicationId: string) {
  const result = await client.gql(FLAGS, { id: applicationId });
  expect(result.errors).toBeUndefined();
  return result.data!.application.duplicateFlags as Record<string, any>[];
}

async function checkFund(target = fund) {
  const result = await officer.gql(CHECK, { fundId: target.id });
  expect(result.errors).toBeUndefined();
  return result.data!.checkFundForDuplicates;
}

async function importFile(client: ApiClient, fileName: string, content: string, target = fund) {
  const response = await fetch(`${app.url}/imports/360giving?fundId=${target.id}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': fileName, ...(client.cookie ? { cookie: client.cookie } : {}) },
    body: content,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('the same group', () => {
  let foodbank: Application;
  let again: Application;

  beforeAll(async () => {
    foodbank = await createApplication(app.em(), fund, {
      group: { name: 'Carlisle Foodbank', postcode: 'CA1 2AB', contactEmail: 'hello@carlislefoodbank.example', contactPhone: '01228 500100' },
      title: 'Emergency food parcels',
      summary: 'Food parcels delivered to flooded homes in Botcherby.',
    });
    again = await createApplication(app.em(), fund, {
      group: { name: 'The Carlisle Food Bank CIO', postcode: 'CA1 2AB', contactEmail: 'volunteers@carlislefoodbank.example', contactPhone: '01228 500199' },
      title: 'Food parcels after the floods',
      summary: 'Emergency food parcels for families in Botcherby.',
    });
  });

  it('flags two applications from one group under different names, with the evidence in words', async () => {
    const result = await checkFund();
    expect(result.applications).toBe(2);
    const [flag] = await flagsOf(officer, foodbank.id);
    expect(flag).toMatchObject({ kind: 'SAME_GROUP', current: true, verdict: null, version: 1 });
    expect(flag.score).toBeGreaterThan(0.9);
    expect(flag.reasons).toEqual([
      "same name once written the same way: 'Carlisle Foodbank' / 'The Carlisle Food Bank CIO'",
      'same postcode (in CA1 2)',
      expect.stringMatching(/^descriptions \d+% alike$/),
    ]);
    expect(flag.applications.map((application: { reference: string }) => application.reference).sort()).toEqual([foodbank.reference, again.reference].sort());
    // The same flag seen from the other application.
    expect((await flagsOf(officer, again.id)).map((other) => other.id)).toEqual([flag.id]);
  });

  it('keeps an officer’s review for the pair when the fund is checked again, and shows it to the panel', async () => {
    const [flag] = await flagsOf(officer, foodbank.id);
    const missingNote = await officer.gql(REVIEW, { input: { flagId: flag.id, version: flag.version, verdict: 'DUPLICATE' } });
    expect(missingNote.errors?.[0].extensions?.fields).toEqual([{ field: 'note', message: 'Say in a few words what you found, so the panel can read it.' }]);
    const reviewed = await officer.gql(REVIEW, { input: { flagId: flag.id, version: flag.version, verdict: 'DUPLICATE', note: 'Same food bank: the second form was sent by another volunteer.' } });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data?.reviewDuplicate).toMatchObject({ verdict: 'DUPLICATE', version: 2, note: 'Same food bank: the second form was sent by another volunteer.' });
    const stale = await officer.gql(REVIEW, { input: { flagId: flag.id, version: flag.version, verdict: 'NOT_DUPLICATE' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    await checkFund();
    const [seen] = await flagsOf(panellist, again.id);
    expect(seen).toMatchObject({ id: flag.id, verdict: 'DUPLICATE', note: 'Same food bank: the second form was sent by another volunteer.', current: true });
    expect(seen.reviewedBy.name).toEqual(expect.any(String));
    const [audit] = await app.em().getConnection().execute(`SELECT action, changes FROM audit_event WHERE entity_id = ?`, [flag.id]);
    expect(audit).toEqual({ action: 'duplicate.reviewed', changes: { verdict: [null, 'DUPLICATE'], note: [null, 'Same food bank: the second form was sent by another volunteer.'] } });
  });

  it('refuses reviews to panellists and hides flags from other funds', async () => {
    const [flag] = await flagsOf(officer, foodbank.id);
    const refused = await panellist.gql(REVIEW, { input: { flagId: flag.id, version: flag.version, verdict: 'NOT_DUPLICATE' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await createFund(app.em());
    const outsider = await app.signedInAs(await addMember(app.em(), other, FundRole.FUNDER_OFFICER));
    const hidden = await outsider.gql(REVIEW, { input: { flagId: flag.id, version: flag.version, verdict: 'NOT_DUPLICATE' } });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await outsider.gql(CHECK, { fundId: fund.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const panelView = await panellist.gql(FUND_FLAGS, { id: fund.id });
    expect(panelView.data?.fund.duplicateFlags).toEqual([]);
  });

  it('finds one bank account given by two differently named groups, comparing keyed hashes only', async () => {
    const em = app.em();
    const first = await createApplication(em, fund, { group: { name: 'Harraby Youth Project', postcode: 'CA1 3PP' }, title: 'Summer sessions', summary: 'Youth work on the estate.' });
    const second = await createApplication(em, fund, { group: { name: 'Upperby Juniors Football', postcode: 'CA2 4JJ' }, title: 'New kit', summary: 'Football kit for under-11s.' });
    for (const application of [first, second]) {
      em.create(BankDetails, { application, accountNameEncrypted: 'x', sortCodeEncrypted: 'x', accountNumberEncrypted: 'x', accountKey: app.vault.accountKey('123456', '00733445') });
    }
    await em.flush();
    await checkFund();
    const [flag] = await flagsOf(officer, first.id);
    expect(flag.kind).toBe('SAME_GROUP');
    expect(flag.reasons[0]).toBe('same bank account');
    const [stored] = await em.getConnection().execute(`SELECT record::text AS record FROM match_record WHERE application_id = ?`, [first.id]);
    expect(stored.record).not.toContain('00733445');
  });
});

describe('what the pages need besides the flags', () => {
  it('counts the flags waiting for a review, for officers only, and gives each application its fund', async () => {
    const COUNT = `query($id: ID!) { fund(id: $id) { duplicatesToReview } }`;
    const [{ count }] = await app.em().getConnection().execute(`SELECT count(*)::int AS count FROM duplicate_flag WHERE fund_id = ? AND current AND verdict IS NULL`, [fund.id]);
    expect(count).toBeGreaterThan(0);
    expect((await officer.gql(COUNT, { id: fund.id })).data?.fund.duplicatesToReview).toBe(count);
    expect((await panellist.gql(COUNT, { id: fund.id })).data?.fund.duplicatesToReview).toBe(0);
    const application = await createApplication(app.em(), fund);
    expect((await officer.gql(`query($id: ID!) { application(id: $id) { fundId } }`, { id: application.id })).data?.application.fundId).toBe(fund.id);
  });
});

describe('the same work in the same place', () => {
  it('flags two different groups running food parcels in one postcode sector, saying where and when', async () => {
    const other = await createFund(app.em());
    const coordinator = await app.signedInAs(await addMember(app.em(), other, FundRole.COORDINATOR));
    const pantry = await createApplication(app.em(), other, {
      group: { name: 'Botcherby Community Pantry', postcode: 'CA1 2QT' },
      title: 'Food parcels for flooded families',
      summary: 'We pack food parcels for families whose kitchens flooded.',
      priorityTags: ['food'],
    });
    const church = await createApplication(app.em(), other, {
      group: { name: "St Andrew's Church Hall Volunteers", postcode: 'CA1 2RS' },
      title: 'Emergency food parcels',
      summary: 'Volunteers deliver food parcels to families in flooded streets.',
      priorityTags: ['food', 'financial-hardship'],
    });
    const result = await coordinator.gql(CHECK, { fundId: other.id });
    expect(result.data?.checkFundForDuplicates).toEqual({ applications: 2, flagged: 1 });
    const [flag] = await flagsOf(coordinator, pantry.id);
    expect(flag.kind).toBe('SAME_WORK');
    expect(flag.reasons[0]).toMatch(/^both run food parcels in postcode sector CA1 2, \w+( \d{4})? to \w+ \d{4}$/);
    expect(flag.reasons).toContain('both tagged Food');
    expect(flag.applications.map((application: { reference: string }) => application.reference).sort()).toEqual([pantry.reference, church.reference].sort());
  });
});

describe('grants other funders published', () => {
  const GOOD = [
    'Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Recipient Org:Charity Number,Recipient Org:Postal Code,Funding Org:Identifier,Funding Org:Name',
    '360G-fellside-001,Flood response,Food parcels in Carlisle,GBP,2500,2026-10-01,GB-CHC-1180001,Carlisle Food Bank,1180001,CA1 2AB,GB-CHC-999,Fellside Trust',
    '360G-fellside-002,Garden,Community garden,GBP,900,2026-09-14,GB-CHC-1180002,Penrith Allotment Society,1180002,CA11 7QQ,GB-CHC-999,Fellside Trust',
  ].join('\n');

  it('imports nothing from a file with a bad row, and names the row and field', async () => {
    const bad = GOOD.replace('900,2026-09-14', 'nine hundred,2026-09-14');
    const result = await importFile(officer, 'fellside.csv', bad);
    expect(result.status).toBe(422);
    expect(result.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors[0].extensions.fields[0].message).toMatch(/^Row 3, Amount Awarded: /);
    const [{ count }] = await app.em().getConnection().execute(`SELECT count(*)::int AS count FROM external_grant WHERE fund_id = ?`, [fund.id]);
    expect(count).toBe(0);
  });

  it('refuses imports to people who are not signed in or do not assist applications', async () => {
    expect((await importFile(app.client(), 'fellside.csv', GOOD)).status).toBe(401);
    expect((await importFile(panellist, 'fellside.csv', GOOD)).status).toBe(403);
    expect((await importFile(officer, 'fellside.txt', GOOD)).body.errors[0].extensions.fields).toEqual([{ field: 'file', message: 'Choose a 360Giving file ending in .json or .csv.' }]);
  });

  it('imports a good file once, and flags the pool application the other funder already paid', async () => {
    const first = await importFile(officer, 'fellside.csv', GOOD);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ fileName: 'fellside.csv', grantCount: 2, skippedIndividuals: 0, funderNames: ['Fellside Trust'] });
    expect((await importFile(officer, 'fellside.csv', GOOD)).status).toBe(200);
    const [{ count }] = await app.em().getConnection().execute(`SELECT count(*)::int AS count FROM external_grant WHERE fund_id = ?`, [fund.id]);
    expect(count).toBe(2);

    const view = await officer.gql(FUND_FLAGS, { id: fund.id });
    expect(view.data?.fund.externalGrantImports).toEqual([
      { fileName: 'fellside.csv', grantCount: 2, skippedIndividuals: 0, funderNames: ['Fellside Trust'] },
      { fileName: 'fellside.csv', grantCount: 2, skippedIndividuals: 0, funderNames: ['Fellside Trust'] },
    ]);
    const outside = view.data?.fund.duplicateFlags.filter((flag: { externalGrant: unknown }) => flag.externalGrant);
    expect(outside.map((flag: { externalGrant: { grantIdentifier: string } }) => flag.externalGrant.grantIdentifier)).toEqual(['360G-fellside-001', '360G-fellside-001']);
  });
});
