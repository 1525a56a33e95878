import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { DEFAULT_PRIORITIES } from '../../shared/taxonomy.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Funder } from '../../server/modules/funders/funder.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { ConflictOfInterest } from '../../server/modules/panels/conflict.entity.ts';
import { MeetingStatus, PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { createAward } from '../factories/award.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const PRIORITY = 'id key label kind description position retired version usage { applications drafts contributions focusMarks inUse }';
const PRIORITIES = `query($id: ID!) { fund(id: $id) { viewerMay { editPriorities } priorities { ${PRIORITY} } } }`;
const ADD = `mutation($input: AddPriorityInput!) { addPriority(input: $input) { ${PRIORITY} } }`;
const UPDATE = `mutation($input: UpdatePriorityInput!) { updatePriority(input: $input) { ${PRIORITY} } }`;
const RETIRE = `mutation($input: RetirePriorityInput!) { setPriorityRetired(input: $input) { ${PRIORITY} } }`;
const REORDER = `mutation($input: ReorderPrioritiesInput!) { reorderPriorities(input: $input) { key position } }`;
const DELETE = `mutation($input: DeletePriorityInput!) { deletePriority(input: $input) { id } }`;
const TAG = `mutation($input: TagApplicationInput!) { tagApplication(input: $input) { id version priorityTags } }`;
const ORIGINS = `query($id: ID!) { application(id: $id) { priorityTags viewerMayTag tagOrigins { key byGroup addedAt addedBy { name } } } }`;
const FOCUS = `mutation($input: FunderFocusInput!) { setFunderFocus(input: $input) { funder { name } priorityKeys } }`;

let app: TestApp;
let fund: Fund;
const people = {} as Record<'coordinator' | 'officer' | 'panellist' | 'community' | 'outsider', User>;
const clients = {} as Record<keyof typeof people, ApiClient>;
let trust: Funder;
let council: Funder;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  fund = await createFund(em, { name: 'Priorities Test Fund' });
  trust = await createFunder(em, { name: 'Fellside Trust' });
  council = await createFunder(em, { name: 'County Council' });
  await createContribution(em, fund, { funder: trust, amountPence: 10_000_00 });
  await createContribution(em, fund, { funder: council, amountPence: 20_000_00 });
  people.coordinator = await addMember(em, fund, FundRole.COORDINATOR);
  people.officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { funder: trust });
  people.panellist = await addMember(em, fund, FundRole.PANELLIST, { funder: council });
  people.community = await addMember(em, fund, FundRole.COMMUNITY_PANELLIST);
  people.outsider = await addMember(em, await createFund(em), FundRole.COORDINATOR);
  for (const [role, user] of Object.entries(people)) clients[role as keyof typeof people] = await app.signedInAs(user);
});
afterAll(() => app.close());

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(text, params);
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const fieldsOf = (result: { errors?: { extensions?: { fields?: unknown } }[] }) => result.errors?.[0]?.extensions?.fields;

async function priorities(client: ApiClient = clients.coordinator) {
  const result = await client.gql(PRIORITIES, { id: fund.id });
  expect(result.errors).toBeUndefined();
  return result.data!.fund.priorities as { id: string; key: string; label: string; kind: string; description: string | null; position: number; retired: boolean; version: number; usage: Record<string, unknown> }[];
}
const priorityNamed = async (key: string) => (await priorities()).find((priority) => priority.key === key)!;
const audit = (actionLike: string) =>
  sql<{ action: string; actor_id: string | null; entity_id: string; changes: Record<string, unknown> }>(
    `SELECT action, actor_id, entity_id, changes FROM audit_event WHERE fund_id = ? AND action LIKE ? ORDER BY id`,
    [fund.id, actionLike],
  );

describe("a fund's priority taxonomy", () => {
  it('starts as the shared list, for a fund set up through the product and for every fund the migration found', async () => {
    const created = await clients.coordinator.gql(
      `mutation($input: CreateFundInput!) { createFund(input: $input) { id priorities { key label kind retired } } }`,
      { input: { name: 'A new pooled fund', purpose: 'Helping groups through the winter.', areaDescription: 'Testshire', referencePrefix: 'NPF', panelWeekday: 2, panelTime: '10:00', cutoffHoursBefore: 24, phases: [] } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createFund.priorities).toEqual(DEFAULT_PRIORITIES.map((priority) => ({ ...priority, retired: false })));
    const [event] = await sql<{ changes: { priorities: [null, string[]] } }>(`SELECT changes FROM audit_event WHERE entity_id = ? AND action = 'fund.created'`, [created.data!.createFund.id]);
    expect(event.changes.priorities).toEqual([null, DEFAULT_PRIORITIES.map((priority) => priority.key)]);

    expect((await priorities(clients.community)).map((priority) => priority.key)).toEqual(DEFAULT_PRIORITIES.map((priority) => priority.key));
    expect((await clients.community.gql(PRIORITIES, { id: fund.id })).data!.fund.viewerMay.editPriorities).toBe(false);
    expect((await clients.coordinator.gql(PRIORITIES, { id: fund.id })).data!.fund.viewerMay.editPriorities).toBe(true);
  });

  it('lets the coordinator add a priority with a key made from its name, audited; refuses a name already used, or none', async () => {
    const result = await clients.coordinator.gql(ADD, { input: { fundId: fund.id, label: '  Flood   recovery ', kind: 'THEME', description: 'Drying out and repairing homes and halls.' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.addPriority).toMatchObject({ key: 'flood-recovery', label: 'Flood recovery', kind: 'THEME', description: 'Drying out and repairing homes and halls.', position: DEFAULT_PRIORITIES.length, retired: false, version: 1, usage: { inUse: false } });
    expect(await audit('priority.added')).toEqual([
      {
        action: 'priority.added',
        actor_id: people.coordinator.id,
        entity_id: result.data!.addPriority.id,
        changes: { key: [null, 'flood-recovery'], label: [null, 'Flood recovery'], kind: [null, 'THEME'], description: [null, 'Drying out and repairing homes and halls.'] },
      },
    ]);

    const again = await clients.coordinator.gql(ADD, { input: { fundId: fund.id, label: 'FLOOD RECOVERY', kind: 'COMMUNITY' } });
    expect(fieldsOf(again)).toEqual([{ field: 'label', message: 'There is already a priority called Flood recovery.' }]);
    const empty = await clients.coordinator.gql(ADD, { input: { fundId: fund.id, label: '!!', kind: 'THEME' } });
    expect(fieldsOf(empty)).toEqual([{ field: 'label', message: 'Use some letters or numbers in the name.' }]);
    const long = await clients.coordinator.gql(ADD, { input: { fundId: fund.id, label: 'Warm spaces', kind: 'THEME', description: 'x'.repeat(301) } });
    expect(fieldsOf(long)).toEqual([{ field: 'description', message: 'Keep the description to 300 characters or fewer.' }]);
    // Another name making the same key gets a key of its own.
    const twin = await clients.coordinator.gql(ADD, { input: { fundId: fund.id, label: 'Flood-recovery!', kind: 'THEME' } });
    expect(fieldsOf(twin)).toBeUndefined();
    expect(twin.data!.addPriority.key).toBe('flood-recovery-2');
  });

  it('renames and describes a priority while its key stays; a stale version is refused', async () => {
    const food = await priorityNamed('food');
    const renamed = await clients.coordinator.gql(UPDATE, { input: { id: food.id, version: food.version, label: 'Food and essentials', kind: 'THEME', description: 'Food parcels, pantries, hot meals.' } });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updatePriority).toMatchObject({ key: 'food', label: 'Food and essentials', description: 'Food parcels, pantries, hot meals.', version: food.version + 1 });
    const stale = await clients.coordinator.gql(UPDATE, { input: { id: food.id, version: food.version, label: 'Food', kind: 'THEME' } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const clash = await clients.coordinator.gql(UPDATE, { input: { id: food.id, version: food.version + 1, label: 'mental health', kind: 'THEME' } });
    expect(fieldsOf(clash)).toEqual([{ field: 'label', message: 'There is already a priority called Mental health.' }]);
    expect((await audit('priority.updated')).map((event) => event.changes)).toEqual([
      { key: 'food', label: ['Food', 'Food and essentials'], description: [null, 'Food parcels, pantries, hot meals.'] },
    ]);
  });

  it('reorders the whole list, audited; a list missing a priority is refused as changed meanwhile', async () => {
    const before = await priorities();
    const order = [before[1], before[0], ...before.slice(2)];
    const result = await clients.coordinator.gql(REORDER, { input: { fundId: fund.id, priorityIds: order.map((priority) => priority.id) } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.reorderPriorities.slice(0, 3)).toEqual([
      { key: 'food', position: 0 },
      { key: 'financial-hardship', position: 1 },
      { key: 'mental-health', position: 2 },
    ]);
    const [event] = await audit('priorities.reordered');
    expect(event.changes.order).toEqual([before.map((priority) => priority.key), order.map((priority) => priority.key)]);
    const short = await clients.coordinator.gql(REORDER, { input: { fundId: fund.id, priorityIds: order.slice(1).map((priority) => priority.id) } });
    expect(codeOf(short)).toBe('CONFLICT');
  });

  it('retires a priority: no longer offered to applicants, kept on what has it, and restorable', async () => {
    const application = await createApplication(app.em(), fund, { priorityTags: ['lgbtq'] });
    const lgbtq = await priorityNamed('lgbtq');
    expect(lgbtq.usage).toEqual({ applications: 1, drafts: 0, contributions: 0, focusMarks: 0, inUse: true });
    const retired = await clients.coordinator.gql(RETIRE, { input: { id: lgbtq.id, version: lgbtq.version, retired: true } });
    expect(retired.data!.setPriorityRetired).toMatchObject({ retired: true, version: lgbtq.version + 1 });

    const offered = await app.client().gql(`query($slug: String!) { publicFund(slug: $slug) { priorities { key usage { inUse } } } }`, { slug: fund.slug });
    expect(offered.data!.publicFund.priorities.map((priority: { key: string }) => priority.key)).not.toContain('lgbtq');
    // Nobody outside the fund learns what uses a priority.
    expect(offered.data!.publicFund.priorities[0].usage).toBeNull();
    expect((await clients.officer.gql(ORIGINS, { id: application.id })).data!.application.priorityTags).toEqual(['lgbtq']);

    const restored = await clients.coordinator.gql(RETIRE, { input: { id: lgbtq.id, version: lgbtq.version + 1, retired: false } });
    expect(restored.data!.setPriorityRetired.retired).toBe(false);
    expect((await audit('priority.re%')).map((event) => [event.action, event.changes.retired])).toEqual([
      ['priority.retired', [false, true]],
      ['priority.restored', [true, false]],
    ]);
  });

  it('deletes a priority nothing uses, and refuses one in use, saying what uses it', async () => {
    const twin = await priorityNamed('flood-recovery-2');
    const deleted = await clients.coordinator.gql(DELETE, { input: { id: twin.id, version: twin.version } });
    expect(deleted.errors).toBeUndefined();
    expect((await priorities()).map((priority) => priority.key)).not.toContain('flood-recovery-2');
    expect((await audit('priority.deleted'))[0].changes).toEqual({ key: ['flood-recovery-2', null], label: ['Flood-recovery!', null], kind: ['THEME', null], description: [null, null] });

    const contribution = await createContribution(app.em(), fund, { funder: council, amountPence: 1_000_00 });
    await sql(`UPDATE contribution SET restricted_to_priorities = '{older-people}' WHERE id = ?`, [contribution.id]);
    await createApplication(app.em(), fund, { priorityTags: ['older-people'] });
    const older = await priorityNamed('older-people');
    const refused = await clients.coordinator.gql(DELETE, { input: { id: older.id, version: older.version } });
    expect(fieldsOf(refused)).toEqual([
      {
        field: 'priority',
        message: "Older people is used by 1 application, 1 contribution's restrictions, so it cannot be deleted. Retire it instead: it stays where it is used, and is no longer offered.",
      },
    ]);
    expect((await priorities()).map((priority) => priority.key)).toContain('older-people');
  });

  it('refuses every change to officers and panellists, and answers people outside the fund as if it did not exist', async () => {
    const sport = await priorityNamed('sport');
    const attempts = [
      [ADD, { input: { fundId: fund.id, label: 'Knitting', kind: 'THEME' } }],
      [UPDATE, { input: { id: sport.id, version: sport.version, label: 'Sport', kind: 'COMMUNITY' } }],
      [RETIRE, { input: { id: sport.id, version: sport.version, retired: true } }],
      [DELETE, { input: { id: sport.id, version: sport.version } }],
      [REORDER, { input: { fundId: fund.id, priorityIds: [sport.id] } }],
    ] as const;
    for (const [mutation, variables] of attempts) {
      for (const role of ['officer', 'panellist', 'community'] as const) expect(codeOf(await clients[role].gql(mutation, variables)), `${role} ${mutation.slice(9, 30)}`).toBe('FORBIDDEN');
      expect(codeOf(await clients.outsider.gql(mutation, variables)), `outsider ${mutation.slice(9, 30)}`).toBe('NOT_FOUND');
    }
    expect(codeOf(await clients.outsider.gql(PRIORITIES, { id: fund.id }))).toBe('NOT_FOUND');
    expect(await priorityNamed('sport')).toEqual(sport);
  });
});

describe('contribution restrictions', () => {
  it("take the fund's own priorities and refuse others, or a retired one newly chosen", async () => {
    const RECORD = `mutation($input: RecordContributionInput!) { recordContribution(input: $input) { restrictedToPriorities } }`;
    const terms = { fundId: fund.id, funderId: council.id, amountPence: 500_00, receivedOn: '2026-11-01', restrictedToAreas: [], excludesUnconstituted: false };
    const own = await clients.coordinator.gql(RECORD, { input: { ...terms, restrictedToPriorities: ['flood-recovery', 'food'] } });
    expect(own.data!.recordContribution.restrictedToPriorities).toEqual(['food', 'flood-recovery']);
    const strange = await clients.coordinator.gql(RECORD, { input: { ...terms, restrictedToPriorities: ['knitting'] } });
    expect(fieldsOf(strange)).toEqual([{ field: 'restrictedToPriorities', message: 'There is no priority called knitting in this fund.' }]);
    const env = await priorityNamed('environment');
    await clients.coordinator.gql(RETIRE, { input: { id: env.id, version: env.version, retired: true } });
    const retired = await clients.coordinator.gql(RECORD, { input: { ...terms, restrictedToPriorities: ['environment'] } });
    expect(fieldsOf(retired)).toEqual([{ field: 'restrictedToPriorities', message: 'Environment has been retired. Choose a current priority.' }]);
  });
});

describe('tagging an application', () => {
  let application: Application;
  beforeAll(async () => {
    application = await createApplication(app.em(), fund, { priorityTags: [] });
  });

  it('lets an officer add and correct tags, audited with who and when, and says who added each', async () => {
    const first = await clients.officer.gql(TAG, { input: { applicationId: application.id, version: 1, priorityTags: ['older-people', 'food', 'food'] } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.tagApplication).toMatchObject({ priorityTags: ['food', 'older-people'], version: 2 });
    const stale = await clients.coordinator.gql(TAG, { input: { applicationId: application.id, version: 1, priorityTags: ['isolation'] } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const second = await clients.coordinator.gql(TAG, { input: { applicationId: application.id, version: 2, priorityTags: ['food', 'isolation'] } });
    expect(second.data!.tagApplication).toMatchObject({ priorityTags: ['food', 'isolation'], version: 3 });

    const events = await sql<{ actor_id: string; changes: unknown; at: Date }>(`SELECT actor_id, changes, at FROM audit_event WHERE entity_id = ? AND action = 'application.tags-changed' ORDER BY id`, [application.id]);
    expect(events.map(({ actor_id, changes }) => ({ actor_id, changes }))).toEqual([
      { actor_id: people.officer.id, changes: { priorityTags: [[], ['food', 'older-people']], added: ['food', 'older-people'], removed: [] } },
      { actor_id: people.coordinator.id, changes: { priorityTags: [['food', 'older-people'], ['food', 'isolation']], added: ['isolation'], removed: ['older-people'] } },
    ]);
    const seen = (await clients.panellist.gql(ORIGINS, { id: application.id })).data!.application;
    expect(seen.tagOrigins).toEqual([
      { key: 'food', byGroup: false, addedAt: new Date(events[0].at).toISOString(), addedBy: { name: people.officer.name } },
      { key: 'isolation', byGroup: false, addedAt: new Date(events[1].at).toISOString(), addedBy: { name: people.coordinator.name } },
    ]);
  });

  it("refuses keys outside the fund's taxonomy and newly added retired ones, but keeps a retired tag already there", async () => {
    const unknown = await clients.officer.gql(TAG, { input: { applicationId: application.id, version: 3, priorityTags: ['food', 'unicorns'] } });
    expect(fieldsOf(unknown)).toEqual([{ field: 'priorityTags', message: 'There is no priority called unicorns in this fund.' }]);
    const retired = await clients.officer.gql(TAG, { input: { applicationId: application.id, version: 3, priorityTags: ['environment'] } });
    expect(fieldsOf(retired)).toEqual([{ field: 'priorityTags', message: 'Environment has been retired. Choose a current priority.' }]);

    const isolation = await priorityNamed('isolation');
    await clients.coordinator.gql(RETIRE, { input: { id: isolation.id, version: isolation.version, retired: true } });
    const kept = await clients.officer.gql(TAG, { input: { applicationId: application.id, version: 3, priorityTags: ['isolation', 'food', 'sport'] } });
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.tagApplication.priorityTags).toEqual(['food', 'isolation', 'sport']);
    await clients.coordinator.gql(RETIRE, { input: { id: isolation.id, version: isolation.version + 1, retired: false } });
  });

  it('lets panellists tag only while the application is before the panel, and never with a conflict of interest', async () => {
    const em = app.em();
    const waiting = await createApplication(em, fund);
    expect((await clients.panellist.gql(ORIGINS, { id: waiting.id })).data!.application.viewerMayTag).toBe(false);
    expect(codeOf(await clients.panellist.gql(TAG, { input: { applicationId: waiting.id, version: 1, priorityTags: ['food'] } }))).toBe('FORBIDDEN');

    const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2027-03-04T14:00:00Z'), cutoffAt: new Date('2027-03-02T14:00:00Z') });
    const onAgenda = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA });
    onAgenda.meeting = meeting;
    em.create(ConflictOfInterest, { application: onAgenda, panellist: people.community, reason: 'I volunteer there.' });
    await em.flush();
    expect((await clients.panellist.gql(ORIGINS, { id: onAgenda.id })).data!.application.viewerMayTag).toBe(true);
    const tagged = await clients.panellist.gql(TAG, { input: { applicationId: onAgenda.id, version: onAgenda.version, priorityTags: ['mental-health'] } });
    expect(tagged.errors).toBeUndefined();
    const version = tagged.data!.tagApplication.version;
    expect(tagged.data!.tagApplication.priorityTags).toEqual(['mental-health']);
    expect((await clients.community.gql(ORIGINS, { id: onAgenda.id })).data!.application.viewerMayTag).toBe(false);
    expect(codeOf(await clients.community.gql(TAG, { input: { applicationId: onAgenda.id, version, priorityTags: ['food'] } }))).toBe('FORBIDDEN');

    await sql(`UPDATE panel_meeting SET status = ? WHERE id = ?`, [MeetingStatus.CLOSED, meeting.id]);
    expect(codeOf(await clients.panellist.gql(TAG, { input: { applicationId: onAgenda.id, version, priorityTags: ['food'] } }))).toBe('FORBIDDEN');
    expect(codeOf(await clients.outsider.gql(TAG, { input: { applicationId: onAgenda.id, version, priorityTags: ['food'] } }))).toBe('NOT_FOUND');
    expect(codeOf(await clients.officer.gql(TAG, { input: { applicationId: onAgenda.id, version, priorityTags: ['food', 'mental-health'] } }))).toBeUndefined();
  });

  it('will not take away the tag that lets a restricted contribution pay for an award', async () => {
    const restricted = await createContribution(app.em(), fund, { funder: council, amountPence: 3_000_00 });
    await sql(`UPDATE contribution SET restricted_to_priorities = '{food,financial-hardship}' WHERE id = ?`, [restricted.id]);
    const { application: awarded } = await createAward(app.em(), fund, { amountPence: 1_000_00, from: restricted, priorityTags: ['food', 'sport'] });
    const refused = await clients.officer.gql(TAG, { input: { applicationId: awarded.id, version: awarded.version, priorityTags: ['sport'] } });
    expect(fieldsOf(refused)).toEqual([
      { field: 'priorityTags', message: `${awarded.reference} is paid partly from County Council's money, which is only for Food and essentials, Financial hardship. Keep at least one of those.` },
    ]);
    const allowed = await clients.officer.gql(TAG, { input: { applicationId: awarded.id, version: awarded.version, priorityTags: ['financial-hardship'] } });
    expect(allowed.data!.tagApplication.priorityTags).toEqual(['financial-hardship']);
  });
});

describe("funders' focus", () => {
  it("lets an officer mark their own funder's focus, audited; not another funder's", async () => {
    const own = await clients.officer.gql(FOCUS, { input: { fundId: fund.id, funderId: trust.id, previousKeys: [], priorityKeys: ['older-people', 'isolation'] } });
    expect(own.errors).toBeUndefined();
    expect(own.data!.setFunderFocus).toEqual({ funder: { name: 'Fellside Trust' }, priorityKeys: ['isolation', 'older-people'] });
    const other = await clients.officer.gql(FOCUS, { input: { fundId: fund.id, funderId: council.id, previousKeys: [], priorityKeys: ['food'] } });
    expect(codeOf(other)).toBe('FORBIDDEN');
    for (const role of ['panellist', 'community'] as const) {
      expect(codeOf(await clients[role].gql(FOCUS, { input: { fundId: fund.id, funderId: council.id, previousKeys: [], priorityKeys: ['food'] } }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await clients.outsider.gql(FOCUS, { input: { fundId: fund.id, funderId: council.id, previousKeys: [], priorityKeys: ['food'] } }))).toBe('NOT_FOUND');
    const stranger = await createFunder(app.em(), { name: 'Not In This Fund' });
    expect(fieldsOf(await clients.coordinator.gql(FOCUS, { input: { fundId: fund.id, funderId: stranger.id, previousKeys: [], priorityKeys: [] } }))).toEqual([
      { field: 'funderId', message: 'Choose one of the funders in this fund.' },
    ]);
  });

  it("lets the coordinator mark any funder's, refusing a change made on an old view and a retired priority", async () => {
    const council1 = await clients.coordinator.gql(FOCUS, { input: { fundId: fund.id, funderId: council.id, previousKeys: [], priorityKeys: ['food', 'financial-hardship'] } });
    expect(council1.data!.setFunderFocus.priorityKeys).toEqual(['food', 'financial-hardship']);
    const stale = await clients.coordinator.gql(FOCUS, { input: { fundId: fund.id, funderId: trust.id, previousKeys: [], priorityKeys: ['food'] } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const retired = await clients.coordinator.gql(FOCUS, { input: { fundId: fund.id, funderId: trust.id, previousKeys: ['isolation', 'older-people'], priorityKeys: ['environment'] } });
    expect(fieldsOf(retired)).toEqual([{ field: 'priorityKeys', message: 'Environment has been retired. Choose a current priority.' }]);
    const trust2 = await clients.coordinator.gql(FOCUS, { input: { fundId: fund.id, funderId: trust.id, previousKeys: ['older-people', 'isolation'], priorityKeys: ['older-people', 'food'] } });
    expect(trust2.data!.setFunderFocus.priorityKeys).toEqual(['food', 'older-people']);

    const events = await audit('funder.focus-changed');
    expect(events.map((event) => [event.actor_id, event.entity_id, event.changes])).toEqual([
      [people.officer.id, trust.id, { funder: 'Fellside Trust', focus: [[], ['isolation', 'older-people']], added: ['isolation', 'older-people'], removed: [] }],
      [people.coordinator.id, council.id, { funder: 'County Council', focus: [[], ['food', 'financial-hardship']], added: ['food', 'financial-hardship'], removed: [] }],
      [people.coordinator.id, trust.id, { funder: 'Fellside Trust', focus: [['isolation', 'older-people'], ['food', 'older-people']], added: ['food'], removed: ['isolation'] }],
    ]);
    expect((await priorityNamed('food')).usage).toMatchObject({ focusMarks: 2 });
  });
});
