import { afterAll, beforeAll, expect, it } from 'vitest';
import { FundRole, LegalForm } from '../../shared/domain.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { addMember, createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const TRIAGE = `mutation($input: TriageInput!) { triageApplication(input: $input) { status version priorityTags readyForPanelAt checklist { eligibilityConfirmed safeguarding bankDetailsChecked hostOrRefereeConfirmed } } }`;

let app: TestApp;
let fund: Fund;
let officer: ApiClient;
beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
  officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
});
afterAll(() => app.close());

const base = { eligibilityConfirmed: true, hostOrRefereeConfirmed: false, safeguarding: 'NOT_NEEDED', bankDetailsChecked: false, priorityTags: ['food', 'older-people'], readyForPanel: true };

it('records the checklist and tags and marks an application ready for the panel, once', async () => {
  const application = await createApplication(app.em(), fund);
  const result = await officer.gql(TRIAGE, { input: { ...base, applicationId: application.id, version: 1 } });
  expect(result.errors).toBeUndefined();
  expect(result.data?.triageApplication).toMatchObject({
    status: 'CHECKED',
    version: 2,
    priorityTags: ['food', 'older-people'],
    checklist: { eligibilityConfirmed: true, safeguarding: 'NOT_NEEDED', bankDetailsChecked: false, hostOrRefereeConfirmed: null },
  });
  expect(result.data?.triageApplication.readyForPanelAt).toEqual(expect.any(String));
  const stale = await officer.gql(TRIAGE, { input: { ...base, applicationId: application.id, version: 1 } });
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  // Tags are audited on their own, as every change of tags is.
  const audit = await app.em().getConnection().execute(`SELECT action, changes FROM audit_event WHERE entity_id = ? ORDER BY id`, [application.id]);
  expect(audit.map((event) => event.action)).toEqual(['application.tags-changed', 'application.triaged']);
  expect(audit[0].changes).toEqual({ priorityTags: [[], ['food', 'older-people']], added: ['food', 'older-people'], removed: [] });
  expect(Object.keys(audit[1].changes).sort()).toEqual(['checklist', 'readyForPanelAt', 'status']);
});

it('holds back an application whose checks are not done, naming each one', async () => {
  const application = await createApplication(app.em(), fund, { group: { legalForm: LegalForm.UNCONSTITUTED_GROUP } });
  const result = await officer.gql(TRIAGE, { input: { ...base, applicationId: application.id, version: 1, eligibilityConfirmed: false, safeguarding: 'MISSING', priorityTags: ['food', 'unicorns'] } });
  expect(result.errors?.[0].extensions?.fields).toEqual([
    { field: 'priorityTags', message: 'There is no priority called unicorns in this fund.' },
    { field: 'eligibilityConfirmed', message: 'Confirm the group is eligible before the panel sees it.' },
    { field: 'safeguarding', message: 'Get the group’s safeguarding policy first: it works with children or adults at risk.' },
    { field: 'hostOrRefereeConfirmed', message: 'Wait for the host organisation or referee to confirm before the panel sees it.' },
  ]);
  const saved = await officer.gql(TRIAGE, { input: { ...base, applicationId: application.id, version: 1, readyForPanel: false } });
  expect(saved.data?.triageApplication).toMatchObject({ status: 'SUBMITTED', readyForPanelAt: null });
  // Without tags, triage leaves them as they are (the checks page changes them on their own).
  const { priorityTags: _tags, ...checksOnly } = base;
  const untouched = await officer.gql(TRIAGE, { input: { ...checksOnly, applicationId: application.id, version: 2, readyForPanel: false, bankDetailsChecked: true } });
  expect(untouched.data?.triageApplication).toMatchObject({ priorityTags: ['food', 'older-people'], version: 3 });
});

it('refuses triage to panellists and to officers of another fund', async () => {
  const application = await createApplication(app.em(), fund);
  const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
  expect((await panellist.gql(TRIAGE, { input: { ...base, applicationId: application.id, version: 1 } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.FUNDER_OFFICER));
  expect((await outsider.gql(TRIAGE, { input: { ...base, applicationId: application.id, version: 1 } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
});
