import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { createGeography, type Geography } from '../factories/area.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const SET_FUND_AREAS = `mutation($input: SetFundAreasInput!) { setFundAreas(input: $input) { version areaCodes } }`;
const FUND_AREAS = `query($id: ID!, $kind: AreaKind) { fund(id: $id) { areaCodes areas(kind: $kind) { code kind } } }`;
const SET_AREAS = `mutation($input: SetApplicationAreasInput!) { setApplicationAreas(input: $input) { version areaCodes areas { code name kind } viewerMayPlace } }`;
const APPLICATION = `query($id: ID!) { application(id: $id) { areaCodes viewerMayPlace } }`;
const START = `mutation($slug: String!) { startApplication(fundSlug: $slug) { token } }`;
const SAVE = `mutation($input: SaveApplicationPageInput!) { saveApplicationPage(input: $input) { pages } }`;
const SUBMIT = `mutation($token: String!) { submitApplication(token: $token) { reference } }`;
const DECIDE = `mutation($input: DecisionInput!) { recordDecision(input: $input) { draws { amountPence contribution { funder { name } } } } }`;
const UPDATE_CONTRIBUTION = `mutation($input: UpdateContributionInput!) { updateContribution(input: $input) { restrictedToAreas } }`;

let app: TestApp;
let geo: Geography;
let fund: Fund;
let coordinator: ApiClient;
let officer: ApiClient;
let panellist: ApiClient;
let outsider: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  geo = await createGeography(app.em());
  fund = await createFund(app.em());
  coordinator = await app.signedInAs(await addMember(app.em(), fund, FundRole.COORDINATOR));
  officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
  panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
  outsider = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.COORDINATOR));
});
afterAll(() => app.close());

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(query, params);
const fieldMessages = (result: { errors?: { extensions?: { fields?: { message: string }[] } }[] }) => result.errors?.[0].extensions?.fields?.map((field) => field.message);

/** A fund covering the test local authority, set directly: these tests are about applications. */
async function fundCoveringTestshire() {
  const covered = await createFund(app.em());
  covered.areaCodes = [geo.la];
  await app.em().flush();
  const people = {
    coordinator: await app.signedInAs(await addMember(app.em(), covered, FundRole.COORDINATOR)),
    officer: await app.signedInAs(await addMember(app.em(), covered, FundRole.FUNDER_OFFICER)),
    panellist: await app.signedInAs(await addMember(app.em(), covered, FundRole.PANELLIST)),
  };
  return { fund: covered, ...people };
}

describe("the fund's areas", () => {
  it('lets the coordinator set them, from areas the portal holds, and audits the change', async () => {
    const result = await coordinator.gql(SET_FUND_AREAS, { input: { fundId: fund.id, version: fund.version, areaCodes: [` ${geo.la.toLowerCase()}`, geo.wards.away, geo.la] } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setFundAreas).toEqual({ version: fund.version + 1, areaCodes: [geo.wards.away, geo.la] });
    const [event] = await sql(`SELECT actor_id IS NOT NULL AS by_someone, changes FROM audit_event WHERE action = 'fund.areas-changed' AND entity_id = ?`, [fund.id]);
    expect(event).toEqual({ by_someone: true, changes: { areaCodes: [[], [geo.wards.away, geo.la]], added: [geo.wards.away, geo.la], removed: [] } });

    // The same again changes nothing and records nothing.
    const same = await coordinator.gql(SET_FUND_AREAS, { input: { fundId: fund.id, version: fund.version + 1, areaCodes: [geo.la, geo.wards.away] } });
    expect(same.data?.setFundAreas.version).toBe(fund.version + 1);
    expect(await sql(`SELECT 1 FROM audit_event WHERE action = 'fund.areas-changed' AND entity_id = ?`, [fund.id])).toHaveLength(1);
  });

  it("lists the fund's areas of each kind: those it lists and those inside them", async () => {
    const areas = async (kind?: string) => ((await officer.gql(FUND_AREAS, { id: fund.id, kind })).data?.fund.areas as { code: string }[]).map((area) => area.code);
    expect(await areas('LSOA')).toEqual([geo.lsoas.north, geo.lsoas.south, geo.lsoas.south2, geo.lsoas.away].sort());
    expect(await areas('WARD')).toEqual([geo.wards.north, geo.wards.south, geo.wards.away].sort());
    expect(await areas('LOCAL_AUTHORITY')).toEqual([geo.la]);
    // Without a kind, the areas it lists.
    expect(await areas()).toEqual([geo.wards.away, geo.la].sort());
  });

  it('refuses codes that are not areas the portal holds, and everyone but its coordinator', async () => {
    const version = (await coordinator.gql(`query($id: ID!) { fund(id: $id) { version } }`, { id: fund.id })).data!.fund.version as number;
    const set = (client: ApiClient, areaCodes: string[], at = version) => client.gql(SET_FUND_AREAS, { input: { fundId: fund.id, version: at, areaCodes } });
    expect(fieldMessages(await set(coordinator, [geo.la, 'near the river', 'E05000000']))).toEqual([
      'NEAR THE RIVER is not an area code. Enter the codes of local authorities, wards or LSOAs, like E07000028.',
      'E05000000 is not an area the portal holds. Check the code, or import the boundaries on the Areas page first.',
    ]);
    expect((await set(officer, [geo.la])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await set(panellist, [geo.la])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await set(outsider, [geo.la])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await set(coordinator, [geo.la], version - 1)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await officer.gql(FUND_AREAS, { id: fund.id })).data?.fund.areaCodes).toEqual([geo.wards.away, geo.la]);
  });
});

describe('placing applications as they are sent', () => {
  const answers = (postcode: string) => ({
    eligibility: { worksInArea: 'yes', legalForm: 'REGISTERED_CHARITY', amountPence: '1,500', purpose: 'Food parcels for flooded families' },
    group: { groupName: `Food Bank ${postcode}`, charityNumber: '1123456' },
    contact: { contactName: 'Sam Jones', contactEmail: 'sam@foodbank.example', contactPhone: '07700 900982' },
    where: { postcode },
    // Nothing ticked on the areas page: the postcode places the application.
    areas: { areaCodes: [] },
    work: { title: 'Weekly food parcels', description: 'We pack and deliver food parcels every week.', beneficiaries: 'Families in temporary housing.' },
    priorities: { priorityTags: ['food'] },
    budget: { budget: 'Food, bags and van fuel.' },
  });

  async function send(postcode: string) {
    const anonymous = app.client();
    const token = (await anonymous.gql(START, { slug: fund.slug })).data!.startApplication.token as string;
    for (const [page, pageAnswers] of Object.entries(answers(postcode))) {
      const saved = await anonymous.gql(SAVE, { input: { token, page, answers: pageAnswers } });
      expect(saved.errors, page).toBeUndefined();
    }
    const sent = await anonymous.gql(SUBMIT, { token });
    expect(sent.errors).toBeUndefined();
    const [row] = await sql<{ id: string; area_codes: string[] }>(`SELECT id, area_codes FROM application WHERE reference = ?`, [sent.data!.submitApplication.reference]);
    return row;
  }

  it('places an application in the LSOA of its postcode, from the postcode lookup, and says so in the audit log', async () => {
    const placed = await send(geo.postcodes.south.replace(' ', '').toLowerCase());
    expect(placed.area_codes).toEqual([geo.lsoas.south]);
    const events = await sql(`SELECT action, actor_id, changes FROM audit_event WHERE entity_id = ? ORDER BY id`, [placed.id]);
    expect(events.map((event) => event.action)).toEqual(['application.placed', 'application.submitted']);
    expect(events[0]).toMatchObject({ actor_id: null, changes: { areaCodes: [[], [geo.lsoas.south]], from: 'postcode lookup' } });
  });

  it('leaves an application whose postcode the lookup does not have for officers to place', async () => {
    const unplaced = await send('CA1 1AA');
    expect(unplaced.area_codes).toEqual([]);
    expect(await sql(`SELECT 1 FROM audit_event WHERE entity_id = ? AND action = 'application.placed'`, [unplaced.id])).toEqual([]);
  });
});

describe("officers set or correct an application's areas", () => {
  it("lets an officer choose from the fund's areas, audited, and shows who may", async () => {
    const covered = await fundCoveringTestshire();
    const application = await createApplication(app.em(), covered.fund);
    const result = await covered.officer.gql(SET_AREAS, { input: { applicationId: application.id, version: 1, areaCodes: [geo.wards.south, ` ${geo.lsoas.north.toLowerCase()}`] } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setApplicationAreas).toEqual({
      version: 2,
      areaCodes: [geo.lsoas.north, geo.wards.south],
      areas: [
        { code: geo.lsoas.north, name: 'Testshire 001A', kind: 'LSOA' },
        { code: geo.wards.south, name: 'South Ward', kind: 'WARD' },
      ],
      viewerMayPlace: true,
    });
    const [event] = await sql(`SELECT changes FROM audit_event WHERE action = 'application.areas-changed' AND entity_id = ?`, [application.id]);
    expect(event.changes).toEqual({ areaCodes: [[], [geo.lsoas.north, geo.wards.south]], added: [geo.lsoas.north, geo.wards.south], removed: [] });

    // The coordinator corrects it to the whole local authority.
    const wider = await covered.coordinator.gql(SET_AREAS, { input: { applicationId: application.id, version: 2, areaCodes: [geo.la] } });
    expect(wider.data?.setApplicationAreas.areaCodes).toEqual([geo.la]);
    expect((await covered.panellist.gql(APPLICATION, { id: application.id })).data?.application).toEqual({ areaCodes: [geo.la], viewerMayPlace: false });
  });

  it("refuses areas outside the fund's, an area inside another chosen one, panellists, other funds and stale versions", async () => {
    const covered = await fundCoveringTestshire();
    const application = await createApplication(app.em(), covered.fund);
    const set = (client: ApiClient, areaCodes: string[], version = 1) => client.gql(SET_AREAS, { input: { applicationId: application.id, version, areaCodes } });
    expect(fieldMessages(await set(covered.officer, [geo.lsoas.away, geo.lsoas.north]))).toEqual([`${geo.lsoas.away} is not one of this fund's areas. Choose from the fund's list.`]);
    expect(fieldMessages(await set(covered.officer, [geo.lsoas.south, geo.wards.south]))).toEqual(['Testshire 002A is inside South Ward, which is chosen too. Choose one or the other.']);
    expect((await set(covered.panellist, [geo.lsoas.north])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await set(outsider, [geo.lsoas.north])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await set(covered.officer, [geo.lsoas.north], 2)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await sql(`SELECT area_codes FROM application WHERE id = ?`, [application.id])).toEqual([{ area_codes: [] }]);

    // A fund with no areas has nothing to choose from.
    const bare = await createApplication(app.em(), await createFund(app.em()));
    const bareOfficer = await app.signedInAs(await addMember(app.em(), bare.fund, FundRole.FUNDER_OFFICER));
    expect(fieldMessages(await bareOfficer.gql(SET_AREAS, { input: { applicationId: bare.id, version: 1, areaCodes: [geo.lsoas.north] } }))).toEqual([
      'This fund has no areas yet. Its coordinator chooses them in the fund settings.',
    ]);
  });
});

describe('area-restricted money follows the areas applications serve', () => {
  let covered: Awaited<ReturnType<typeof fundCoveringTestshire>>;
  let water: Contribution;
  let trust: Contribution;
  const agenda: Record<string, Application> = {};
  const split = (draws: { amountPence: number; contribution: { funder: { name: string } } }[]) => Object.fromEntries(draws.map((draw) => [draw.contribution.funder.name, draw.amountPence]));
  const award = (key: string, amountPence: number) => covered.coordinator.gql(DECIDE, { input: { applicationId: agenda[key].id, expectedVersion: 0, kind: 'AWARD', amountPence } });

  beforeAll(async () => {
    covered = await fundCoveringTestshire();
    const em = app.em();
    water = await createContribution(em, covered.fund, { funder: await createFunder(em, { name: 'Water' }), amountPence: 1_000_00 });
    water.restrictedToAreas = [geo.wards.south];
    trust = await createContribution(em, covered.fund, { funder: await createFunder(em, { name: 'Trust' }), amountPence: 500_00 });
    const meeting = em.create(PanelMeeting, { fund: covered.fund, meetsAt: new Date('2026-11-26T14:00:00Z'), cutoffAt: new Date('2026-11-24T14:00:00Z') });
    await em.flush();
    // South: placed in an LSOA of the south ward; north: in the north ward's LSOA; another north one.
    for (const [key, areaCodes] of [['south', [geo.lsoas.south2]], ['north', [geo.lsoas.north]], ['north2', [geo.lsoas.north]]] as const) {
      const application = await createApplication(em, covered.fund, { status: ApplicationStatus.ON_AGENDA });
      application.areaCodes = [...areaCodes];
      application.meeting = meeting;
      agenda[key] = application;
    }
    await em.flush();
  });

  it('pays an application inside the restricted ward from that money, and others only from other money', async () => {
    const south = await award('south', 900_00);
    expect(south.errors).toBeUndefined();
    expect(split(south.data!.recordDecision.draws)).toEqual({ Water: 600_00, Trust: 300_00 });

    const north = await award('north', 300_00);
    expect(north.errors).toBeUndefined();
    expect(split(north.data!.recordDecision.draws)).toEqual({ Trust: 300_00 });
    // Both awards were split again together: the trust's money is all the north one can have.
    const draws = await sql(
      `SELECT a.reference, f.name, d.amount_pence FROM award_draw d JOIN decision x ON x.id = d.decision_id JOIN application a ON a.id = x.application_id
         JOIN contribution c ON c.id = d.contribution_id JOIN funder f ON f.id = c.funder_id WHERE c.fund_id = ? ORDER BY a.reference, f.name`,
      [covered.fund.id],
    );
    // (References are in the order the applications were made: south, then north.)
    expect(draws).toEqual([
      { reference: agenda.south.reference, name: 'Trust', amount_pence: 200_00 },
      { reference: agenda.south.reference, name: 'Water', amount_pence: 700_00 },
      { reference: agenda.north.reference, name: 'Trust', amount_pence: 300_00 },
    ]);

    // Water money is left (£300), but not for the north ward, and the trust's is spent.
    const refused = await award('north2', 300_00);
    expect(refused.errors?.[0].extensions?.fields).toEqual([
      { field: 'amountPence', message: expect.stringMatching(new RegExp(`^${agenda.north2.reference}: £\\d+ cannot be paid\\. .*Water's money is only for South Ward\\.$`)) },
    ]);
  });

  it('keeps the areas that area-restricted money paying for an award needs', async () => {
    const version = (await sql<{ version: number }>(`SELECT version FROM application WHERE id = ?`, [agenda.south.id]))[0].version;
    const moved = await covered.officer.gql(SET_AREAS, { input: { applicationId: agenda.south.id, version, areaCodes: [geo.lsoas.north] } });
    expect(fieldMessages(moved)).toEqual([`${agenda.south.reference} is paid partly from Water's money, which is only for ${geo.wards.south}. Keep one of those areas.`]);
    // Another LSOA of the same ward keeps the money in reach.
    const within = await covered.officer.gql(SET_AREAS, { input: { applicationId: agenda.south.id, version, areaCodes: [geo.lsoas.south] } });
    expect(within.data?.setApplicationAreas.areaCodes).toEqual([geo.lsoas.south]);
  });

  it('lets a contribution be restricted to the areas holding its awards, and no narrower', async () => {
    const edit = (restrictedToAreas: string[], version: number) =>
      covered.coordinator.gql(UPDATE_CONTRIBUTION, {
        input: { id: trust.id, version, amountPence: 500_00, receivedOn: '2026-10-01', restrictedToPriorities: [], restrictedToAreas, excludesUnconstituted: false, restrictedToPhaseId: null, spendBy: null, note: null },
      });
    const narrower = await edit([geo.wards.south], trust.version);
    expect(fieldMessages(narrower)).toEqual([
      `An award already paid from this money (${agenda.north.reference}) has no place in the chosen areas. Keep this restriction as it was, or change that award first.`,
    ]);
    const wholeAuthority = await edit([geo.la], trust.version);
    expect(wholeAuthority.errors).toBeUndefined();
    expect(wholeAuthority.data?.updateContribution.restrictedToAreas).toEqual([geo.la]);
  });
});
