import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { ReportingRequirement, ReportStatus, StoryConsent } from '../../shared/reporting.ts';
import type { Funder } from '../../server/modules/funders/funder.entity.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Grant } from '../../server/modules/grants/grant.entity.ts';
import { Report, ReportPhoto } from '../../server/modules/reports/report.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { createGeography, type Geography } from '../factories/area.ts';
import { createAward, phaseNamed } from '../factories/award.ts';
import { addMember, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const FEED = `query($fundId: ID!, $filter: StoryFilter, $first: Int, $after: String) {
  storyFeed(fundId: $fundId, filter: $filter, first: $first, after: $after) {
    fundId totalCount nextCursor includesUnshared
    stories {
      id submittedAt requirement consent text peopleCount
      photo { id url width height description }
      grant { id reference title groupName amountPence awardedOn phaseId phaseName priorities { key label } areas { code name } funders { id name pence } }
    }
  }
}`;
const TOTALS = `query($fundId: ID!) {
  reportingTotals(fundId: $fundId) {
    fundId
    all { grantCount pence peopleReached reportsSent reportsDue reportsOverdue }
    byPriority { key label grantCount pence peopleReached reportsSent reportsDue reportsOverdue }
    byPhase { key label grantCount pence peopleReached reportsSent reportsDue reportsOverdue }
    funderViews { id name }
  }
}`;
const IMPACT = `query($fundId: ID!, $funderId: ID!) {
  funderImpact(fundId: $fundId, funderId: $funderId) {
    fundId fundName funder { id name } csvUrl unsharedStories
    all { grantCount pence peopleReached reportsSent reportsDue reportsOverdue }
    byPriority { key label grantCount pence peopleReached reportsSent reportsDue reportsOverdue }
    byPhase { key label grantCount pence peopleReached reportsSent reportsDue reportsOverdue }
    grants {
      reference groupName title amountPence funderPence awardedOn phaseName requirement reportState reportDueOn peopleCount consent
      priorities { key } areas { code name } funders { name pence }
      story { id text consent photo { url description } }
    }
  }
}`;

type Key = 'meals' | 'pantry' | 'listening' | 'lunch' | 'larder' | 'phones';

let app: TestApp;
let fund: Fund;
let geo: Geography;
let statements = 0;
const funders = {} as Record<'trust' | 'council', Funder>;
const money = {} as Record<'trust' | 'council', Contribution>;
const grants = {} as Record<Key, Grant>;
const reports = {} as Partial<Record<Key, Report>>;
let photo: ReportPhoto;
const users = {} as Record<'coordinator' | 'trustOfficer' | 'councilOfficer' | 'panellist' | 'community' | 'outsider', User>;
const clients = {} as Record<keyof typeof users, ApiClient>;

const FORMULA_STORY = '=HYPERLINK("http://evil.example","Mrs B") came every week, and now runs the tea rota.';

/**
 * Six grants from two funders. Three have sent reports: a few sentences shared with the funders (with a
 * photo), a short form the group let be published (paid by both funders), and a short form the group
 * asked not to be shared. One report is overdue, one still due, and one grant asks for none.
 */
beforeAll(async () => {
  app = await startTestApp({ onQuery: () => (statements += 1) });
  const em = app.em();
  geo = await createGeography(em);
  fund = await createFund(em, { name: 'Stories Fund' });
  funders.trust = await createFunder(em, { name: 'Coldfell Trust' });
  funders.council = await createFunder(em, { name: 'Borough Council' });
  money.trust = await createContribution(em, fund, { funder: funders.trust, amountPence: 10_000_00 });
  money.council = await createContribution(em, fund, { funder: funders.council, amountPence: 10_000_00 });
  const recovery = await phaseNamed(em, fund, 'Recovery');

  const award = async (key: Key, group: string, title: string, amountPence: number, draws: [Contribution, number][], priorityTags: string[], areaCodes: string[], decidedOn: string, phase?: typeof recovery) => {
    const { application } = await createAward(em, fund, { amountPence, draws, priorityTags, phase, decidedAt: new Date(`${decidedOn}T15:00:00Z`), grant: true });
    application.group.name = group;
    application.title = title;
    application.areaCodes = areaCodes;
    await em.flush();
    grants[key] = await em.findOneOrFail(Grant, { application });
  };
  await award('meals', 'Hilltop Kitchen', 'Hot meals', 800_00, [[money.trust, 800_00]], ['food'], [geo.lsoas.north], '2026-11-05');
  await award('pantry', 'Riverside Pantry', 'Pantry shelves', 2000_00, [[money.trust, 1200_00], [money.council, 800_00]], ['food', 'older-people'], [geo.wards.south], '2026-11-12', recovery);
  await award('listening', 'Away Listening Line', 'Phone listening', 1500_00, [[money.council, 1500_00]], ['mental-health'], [geo.lsoas.away], '2026-11-10');
  await award('lunch', 'Testshire Lunch Club', 'Lunch club', 600_00, [[money.trust, 600_00]], [], [geo.la], '2026-10-20');
  await award('larder', 'South Larder', 'Larder', 700_00, [[money.council, 700_00]], ['food'], [geo.lsoas.south2], '2026-11-15');
  await award('phones', 'Phone Friends', 'Phones for isolated people', 300_00, [[money.council, 300_00]], ['isolation'], [], '2026-11-16');
  grants.phones.reporting = ReportingRequirement.NONE;

  const sent = (key: Key, submittedAt: string, answers: Partial<Report>) => {
    grants[key].reportDueOn = '2026-12-31';
    reports[key] = em.create(Report, { grant: grants[key], status: ReportStatus.SUBMITTED, submittedAt: new Date(submittedAt), ...answers });
  };
  sent('meals', '2026-12-01T10:00:00Z', { sentences: 'Hot meals for 30 families, every Friday.', storyConsent: StoryConsent.FUNDERS });
  sent('pantry', '2026-12-03T10:00:00Z', { whatHappened: 'We filled the shelves.', peopleCount: 40, story: FORMULA_STORY, whatChanged: 'More visitors.', moneyLeftPence: 0, storyConsent: StoryConsent.PUBLIC });
  sent('listening', '2026-12-02T10:00:00Z', { whatHappened: 'Calls every night.', peopleCount: 12, story: 'A caller we must not name.', whatChanged: 'Fewer crises.', moneyLeftPence: 0, storyConsent: StoryConsent.NOT_SHARED });
  grants.lunch.reportDueOn = '2026-11-01';
  reports.lunch = em.create(Report, { grant: grants.lunch });
  grants.larder.reportDueOn = '2030-01-01';
  reports.larder = em.create(Report, { grant: grants.larder, sentences: 'Half written' });
  photo = em.create(ReportPhoto, { report: reports.meals!, storageKey: 'test-meals.jpg', width: 800, height: 600, bytes: 51_234, description: 'Volunteers serving soup' });
  await em.flush();

  users.coordinator = await addMember(em, fund, FundRole.COORDINATOR);
  users.trustOfficer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { funder: funders.trust });
  users.councilOfficer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { funder: funders.council });
  users.panellist = await addMember(em, fund, FundRole.PANELLIST, { funder: funders.trust });
  users.community = await addMember(em, fund, FundRole.COMMUNITY_PANELLIST);
  users.outsider = await addMember(em, await createFund(em), FundRole.COORDINATOR);
  for (const [role, user] of Object.entries(users)) clients[role as keyof typeof users] = await app.signedInAs(user);
});
afterAll(() => app.close());

const feed = async (client: ApiClient, variables: { filter?: Record<string, unknown>; first?: number; after?: string } = {}) => {
  const result = await client.gql(FEED, { fundId: fund.id, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.storyFeed;
};
const references = (page: { stories: { grant: { reference: string } }[] }) => page.stories.map((story) => story.grant.reference);
const ref = (key: Key) => grants[key].application.reference;
const csv = (client: ApiClient | null, fundId: string, funderId: string) =>
  fetch(`${app.url}/funds/${fundId}/funders/${funderId}/impact.csv`, { headers: client?.cookie ? { cookie: client.cookie } : {} });

describe('the stories feed', () => {
  it('shows the coordinator and funder officers every sent story, newest first, each marked with its consent', async () => {
    for (const client of [clients.coordinator, clients.trustOfficer, clients.councilOfficer]) {
      const page = await feed(client);
      expect(page).toMatchObject({ fundId: fund.id, totalCount: 3, nextCursor: null, includesUnshared: true });
      expect(page.stories.map((story: { grant: { reference: string }; consent: string }) => [story.grant.reference, story.consent])).toEqual([
        [ref('pantry'), 'PUBLIC'],
        [ref('listening'), 'NOT_SHARED'],
        [ref('meals'), 'FUNDERS'],
      ]);
    }
    const [pantry, listening, meals] = (await feed(clients.coordinator)).stories;
    expect(pantry).toEqual({
      id: reports.pantry!.id,
      submittedAt: '2026-12-03T10:00:00.000Z',
      requirement: 'SHORT_FORM',
      consent: 'PUBLIC',
      text: FORMULA_STORY,
      peopleCount: 40,
      photo: null,
      grant: {
        id: grants.pantry.id,
        reference: ref('pantry'),
        title: 'Pantry shelves',
        groupName: 'Riverside Pantry',
        amountPence: 2000_00,
        awardedOn: '2026-11-12',
        phaseId: (await phaseNamed(app.em(), fund, 'Recovery')).id,
        phaseName: 'Recovery',
        priorities: [{ key: 'food', label: 'Food' }, { key: 'older-people', label: 'Older people' }],
        areas: [{ code: geo.wards.south, name: 'South Ward' }],
        funders: [{ id: funders.council.id, name: 'Borough Council', pence: 800_00 }, { id: funders.trust.id, name: 'Coldfell Trust', pence: 1200_00 }],
      },
    });
    expect(listening).toMatchObject({ text: 'A caller we must not name.', consent: 'NOT_SHARED', peopleCount: 12 });
    expect(meals).toMatchObject({
      requirement: 'SENTENCES',
      text: 'Hot meals for 30 families, every Friday.',
      peopleCount: null,
      photo: { id: photo.id, url: `/report-photos/${photo.id}`, width: 800, height: 600, description: 'Volunteers serving soup' },
      grant: { areas: [{ code: geo.lsoas.north, name: 'Testshire 001A' }], funders: [{ name: 'Coldfell Trust', pence: 800_00 }], priorities: [{ key: 'food', label: 'Food' }] },
    });
  });

  it('never gives a panellist or community panellist a story the group asked not to share, nor counts it', async () => {
    for (const client of [clients.panellist, clients.community]) {
      const page = await feed(client);
      expect(page).toMatchObject({ totalCount: 2, nextCursor: null, includesUnshared: false });
      expect(references(page)).toEqual([ref('pantry'), ref('meals')]);
      // Even asked for by name.
      expect(await feed(client, { filter: { consent: 'NOT_SHARED' } })).toMatchObject({ totalCount: 0, stories: [] });
      expect(await feed(client, { filter: { funderId: funders.council.id } })).toMatchObject({ totalCount: 1 });
    }
  });

  it('is refused to people outside the fund and to people not signed in', async () => {
    expect((await clients.outsider.gql(FEED, { fundId: fund.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.client().gql(FEED, { fundId: fund.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await clients.coordinator.gql(FEED, { fundId: 'not-a-fund' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('filters by priority, area (ward or local authority), funder, phase and consent, together', async () => {
    const coordinator = clients.coordinator;
    const cases: [Record<string, unknown>, Key[]][] = [
      [{ priority: 'food' }, ['pantry', 'meals']],
      [{ priority: 'older-people' }, ['pantry']],
      [{ priority: 'sport' }, []],
      [{ areaCode: geo.wards.south }, ['pantry']],
      [{ areaCode: geo.wards.north }, ['meals']],
      // The local authority holds the north LSOA and the south ward; the away LSOA is in the other one.
      [{ areaCode: geo.la }, ['pantry', 'meals']],
      [{ areaCode: geo.otherLa }, ['listening']],
      [{ areaCode: geo.lsoas.away }, ['listening']],
      [{ funderId: funders.council.id }, ['pantry', 'listening']],
      [{ funderId: funders.trust.id }, ['pantry', 'meals']],
      [{ phaseId: (await phaseNamed(app.em(), fund, 'Recovery')).id }, ['pantry']],
      [{ phaseId: (await phaseNamed(app.em(), fund, 'Emergency')).id }, ['listening', 'meals']],
      [{ consent: 'PUBLIC' }, ['pantry']],
      [{ consent: 'NOT_SHARED' }, ['listening']],
      [{ priority: 'food', funderId: funders.council.id }, ['pantry']],
      [{ areaCode: geo.la, phaseId: (await phaseNamed(app.em(), fund, 'Emergency')).id }, ['meals']],
    ];
    for (const [filter, expected] of cases) {
      const page = await feed(coordinator, { filter });
      expect(references(page), JSON.stringify(filter)).toEqual(expected.map(ref));
      expect(page.totalCount, JSON.stringify(filter)).toBe(expected.length);
    }
    expect(references(await feed(clients.community, { filter: { areaCode: geo.otherLa } }))).toEqual([]);
    const bad = await coordinator.gql(FEED, { fundId: fund.id, filter: { funderId: 'council', phaseId: 'x' } });
    expect(bad.errors?.[0].extensions?.fields).toEqual([
      { field: 'funderId', message: 'Choose a funder of the fund.' },
      { field: 'phaseId', message: 'Choose a phase of the fund.' },
    ]);
  });

  it('pages newest first with a cursor, keeping the count on every page', async () => {
    const first = await feed(clients.coordinator, { first: 2 });
    expect(references(first)).toEqual([ref('pantry'), ref('listening')]);
    expect(first.totalCount).toBe(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await feed(clients.coordinator, { first: 2, after: first.nextCursor });
    expect(references(second)).toEqual([ref('meals')]);
    expect(second).toMatchObject({ totalCount: 3, nextCursor: null });
    // A cursor keeps its place under the filters it was made with.
    const food = await feed(clients.coordinator, { first: 1, filter: { priority: 'food' } });
    expect(references(food)).toEqual([ref('pantry')]);
    expect(references(await feed(clients.coordinator, { first: 1, filter: { priority: 'food' }, after: food.nextCursor }))).toEqual([ref('meals')]);

    const wrong = await clients.coordinator.gql(FEED, { fundId: fund.id, first: 51, after: 'not-a-cursor' });
    expect(wrong.errors?.[0].extensions?.fields).toEqual([
      { field: 'first', message: 'Ask for 1 to 50 stories at a time.' },
      { field: 'after', message: 'That page of stories does not exist. Start from the first page.' },
    ]);
    expect((await clients.coordinator.gql(FEED, { fundId: fund.id, first: 0 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the totals', () => {
  const figures = (grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number) => ({ grantCount, pence, peopleReached, reportsSent, reportsDue, reportsOverdue });

  it('add up grants, money, people reached and reports, by priority and by phase, for everyone in the fund', async () => {
    const phases = { emergency: (await phaseNamed(app.em(), fund, 'Emergency')).id, recovery: (await phaseNamed(app.em(), fund, 'Recovery')).id };
    for (const client of [clients.coordinator, clients.trustOfficer, clients.panellist, clients.community]) {
      const result = await client.gql(TOTALS, { fundId: fund.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.reportingTotals).toMatchObject({
        fundId: fund.id,
        // 6 grants, £5,900; people: the two sent short forms (40 + 12); the sentences report has no count.
        all: figures(6, 5900_00, 52, 3, 1, 1),
        byPriority: [
          { key: 'food', label: 'Food', ...figures(3, 3500_00, 40, 2, 1, 0) },
          { key: 'mental-health', label: 'Mental health', ...figures(1, 1500_00, 12, 1, 0, 0) },
          { key: 'isolation', label: 'Isolation and loneliness', ...figures(1, 300_00, 0, 0, 0, 0) },
          { key: 'older-people', label: 'Older people', ...figures(1, 2000_00, 40, 1, 0, 0) },
          { key: null, label: 'No priority', ...figures(1, 600_00, 0, 0, 0, 1) },
        ],
        byPhase: [
          { key: phases.emergency, label: 'Emergency', ...figures(5, 3900_00, 12, 2, 1, 1) },
          { key: phases.recovery, label: 'Recovery', ...figures(1, 2000_00, 40, 1, 0, 0) },
        ],
      });
    }
  });

  it("list the funders' own views the viewer may open", async () => {
    const views = async (client: ApiClient) => (await client.gql(TOTALS, { fundId: fund.id })).data!.reportingTotals.funderViews.map((funder: { name: string }) => funder.name);
    expect(await views(clients.coordinator)).toEqual(['Borough Council', 'Coldfell Trust']);
    expect(await views(clients.trustOfficer)).toEqual(['Coldfell Trust']);
    expect(await views(clients.councilOfficer)).toEqual(['Borough Council']);
    expect(await views(clients.panellist)).toEqual([]);
    expect(await views(clients.community)).toEqual([]);
    expect((await clients.outsider.gql(TOTALS, { fundId: fund.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe("a funder's own view", () => {
  it('shows what its contributions paid for, with its part, each report, and only the stories shared with funders or the public', async () => {
    const result = await clients.trustOfficer.gql(IMPACT, { fundId: fund.id, funderId: funders.trust.id });
    expect(result.errors).toBeUndefined();
    const impact = result.data!.funderImpact;
    expect(impact).toMatchObject({
      fundId: fund.id,
      fundName: 'Stories Fund',
      funder: { id: funders.trust.id, name: 'Coldfell Trust' },
      csvUrl: `/funds/${fund.id}/funders/${funders.trust.id}/impact.csv`,
      unsharedStories: 0,
      all: { grantCount: 3, pence: 2600_00, peopleReached: 40, reportsSent: 2, reportsDue: 0, reportsOverdue: 1 },
      byPriority: [
        { key: 'food', grantCount: 2, pence: 2000_00, peopleReached: 40, reportsSent: 2 },
        { key: 'older-people', grantCount: 1, pence: 1200_00, peopleReached: 40, reportsSent: 1 },
        { key: null, label: 'No priority', grantCount: 1, pence: 600_00, reportsOverdue: 1 },
      ],
      byPhase: [
        { label: 'Emergency', grantCount: 2, pence: 1400_00, peopleReached: 0, reportsSent: 1, reportsOverdue: 1 },
        { label: 'Recovery', grantCount: 1, pence: 1200_00, peopleReached: 40, reportsSent: 1 },
      ],
    });
    expect(impact.grants).toEqual([
      {
        reference: ref('pantry'), groupName: 'Riverside Pantry', title: 'Pantry shelves', amountPence: 2000_00, funderPence: 1200_00, awardedOn: '2026-11-12', phaseName: 'Recovery',
        requirement: 'SHORT_FORM', reportState: 'SENT', reportDueOn: '2026-12-31', peopleCount: 40, consent: 'PUBLIC',
        priorities: [{ key: 'food' }, { key: 'older-people' }], areas: [{ code: geo.wards.south, name: 'South Ward' }],
        funders: [{ name: 'Borough Council', pence: 800_00 }, { name: 'Coldfell Trust', pence: 1200_00 }],
        story: { id: reports.pantry!.id, text: FORMULA_STORY, consent: 'PUBLIC', photo: null },
      },
      {
        reference: ref('meals'), groupName: 'Hilltop Kitchen', title: 'Hot meals', amountPence: 800_00, funderPence: 800_00, awardedOn: '2026-11-05', phaseName: 'Emergency',
        requirement: 'SENTENCES', reportState: 'SENT', reportDueOn: '2026-12-31', peopleCount: null, consent: 'FUNDERS',
        priorities: [{ key: 'food' }], areas: [{ code: geo.lsoas.north, name: 'Testshire 001A' }], funders: [{ name: 'Coldfell Trust', pence: 800_00 }],
        story: { id: reports.meals!.id, text: 'Hot meals for 30 families, every Friday.', consent: 'FUNDERS', photo: { url: `/report-photos/${photo.id}`, description: 'Volunteers serving soup' } },
      },
      {
        reference: ref('lunch'), groupName: 'Testshire Lunch Club', title: 'Lunch club', amountPence: 600_00, funderPence: 600_00, awardedOn: '2026-10-20', phaseName: 'Emergency',
        requirement: 'SENTENCES', reportState: 'OVERDUE', reportDueOn: '2026-11-01', peopleCount: null, consent: null,
        priorities: [], areas: [{ code: geo.la, name: 'Testshire' }], funders: [{ name: 'Coldfell Trust', pence: 600_00 }], story: null,
      },
    ]);
  });

  it('leaves out a story the group asked not to share, for the coordinator too, and counts it', async () => {
    const result = await clients.coordinator.gql(IMPACT, { fundId: fund.id, funderId: funders.council.id });
    const impact = result.data!.funderImpact;
    expect(impact.unsharedStories).toBe(1);
    expect(impact.all).toEqual({ grantCount: 4, pence: 3300_00, peopleReached: 52, reportsSent: 2, reportsDue: 1, reportsOverdue: 0 });
    expect(impact.grants.map((grant: { reference: string; funderPence: number; reportState: string; consent: string | null; story: { text: string } | null }) => [grant.reference, grant.funderPence, grant.reportState, grant.consent, grant.story?.text ?? null])).toEqual([
      [ref('phones'), 300_00, 'NONE', null, null],
      [ref('larder'), 700_00, 'DUE', null, null],
      [ref('pantry'), 800_00, 'SENT', 'PUBLIC', FORMULA_STORY],
      [ref('listening'), 1500_00, 'SENT', 'NOT_SHARED', null],
    ]);
    expect(JSON.stringify(impact)).not.toContain('must not name');
  });

  it("is for the coordinator and the funder's own officers; refused to other funders' officers and the panel, hidden outside the fund", async () => {
    const code = async (client: ApiClient, funderId: string, fundId = fund.id) => (await client.gql(IMPACT, { fundId, funderId })).errors?.[0].extensions?.code ?? 'OK';
    expect(await code(clients.coordinator, funders.trust.id)).toBe('OK');
    expect(await code(clients.trustOfficer, funders.trust.id)).toBe('OK');
    expect(await code(clients.councilOfficer, funders.council.id)).toBe('OK');
    expect(await code(clients.councilOfficer, funders.trust.id)).toBe('FORBIDDEN');
    expect(await code(clients.trustOfficer, funders.council.id)).toBe('FORBIDDEN');
    // A panellist who works for the trust is not its officer here.
    expect(await code(clients.panellist, funders.trust.id)).toBe('FORBIDDEN');
    expect(await code(clients.community, funders.trust.id)).toBe('FORBIDDEN');
    expect(await code(clients.outsider, funders.trust.id)).toBe('NOT_FOUND');
    expect(await code(app.client(), funders.trust.id)).toBe('UNAUTHENTICATED');
    // A funder that is not one of this fund's, or no funder at all.
    expect(await code(clients.coordinator, (await createFunder(app.em(), { name: 'Elsewhere Trust' })).id)).toBe('NOT_FOUND');
    expect(await code(clients.coordinator, 'not-a-funder')).toBe('NOT_FOUND');
  });
});

describe("a funder's CSV", () => {
  it('has a row per grant, amounts in pounds, the shared stories only, quoted and safe from spreadsheet formulas', async () => {
    const response = await csv(clients.trustOfficer, fund.id, funders.trust.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="coldfell-trust-grants-and-stories-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte order mark, so spreadsheet programs read the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Reference,Group,Grant for,Phase,Awarded on,Areas,Priorities,Grant (£),Paid by Coldfell Trust (£),Report,Report due on,People taking part,Sharing,Story,Photo,Photo shows',
      `${ref('pantry')},Riverside Pantry,Pantry shelves,Recovery,2026-11-12,South Ward (${geo.wards.south}),Food; Older people,2000.00,1200.00,Sent,2026-12-31,40,May be published,"'=HYPERLINK(""http://evil.example"",""Mrs B"") came every week, and now runs the tea rota.",,`,
      `${ref('meals')},Hilltop Kitchen,Hot meals,Emergency,2026-11-05,Testshire 001A (${geo.lsoas.north}),Food,800.00,800.00,Sent,2026-12-31,,Funders only,"Hot meals for 30 families, every Friday.",http://localhost:4000/report-photos/${photo.id},Volunteers serving soup`,
      `${ref('lunch')},Testshire Lunch Club,Lunch club,Emergency,2026-10-20,Testshire (${geo.la}),,600.00,600.00,Overdue,2026-11-01,,,,,`,
      '',
    ]);
  });

  it('keeps a story the group asked not to share out of the file', async () => {
    const text = await (await csv(clients.coordinator, fund.id, funders.council.id)).text();
    expect(text).toContain(`${ref('listening')},Away Listening Line,Phone listening,Emergency,2026-11-10,Elsewhere 001A (${geo.lsoas.away}),Mental health,1500.00,1500.00,Sent,2026-12-31,12,Not to be shared (story left out),,,`);
    expect(text).not.toContain('must not name');
  });

  it('is refused as the page is: per funder, per fund', async () => {
    const refusal = async (client: ApiClient | null, funderId = funders.trust.id) => {
      const response = await csv(client, fund.id, funderId);
      return [response.status, ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code];
    };
    expect(await refusal(clients.councilOfficer)).toEqual([403, 'FORBIDDEN']);
    expect(await refusal(clients.community)).toEqual([403, 'FORBIDDEN']);
    expect(await refusal(clients.outsider)).toEqual([404, 'NOT_FOUND']);
    expect(await refusal(null)).toEqual([401, 'UNAUTHENTICATED']);
    expect(await refusal(clients.coordinator, 'not-a-funder')).toEqual([404, 'NOT_FOUND']);
    expect((await csv(clients.coordinator, fund.id, funders.trust.id)).status).toBe(200);
  });
});

describe('cost', () => {
  const count = async (query: string, variables: Record<string, unknown>, client = clients.coordinator) => {
    statements = 0;
    const result = await client.gql(query, variables);
    expect(result.errors).toBeUndefined();
    return statements;
  };

  it('the feed, the totals and a funder’s view each take a fixed number of SQL statements, however many grants and stories', async () => {
    const before = {
      feed: await count(FEED, { fundId: fund.id }),
      totals: await count(TOTALS, { fundId: fund.id }),
      impact: await count(IMPACT, { fundId: fund.id, funderId: funders.trust.id }),
    };
    // The viewer (session and roles), the fund, then one statement for the page of stories with their
    // groups, phases, priorities, areas, funders and photos.
    expect(before.feed).toBe(4);
    // The viewer, the fund, the figures, the funders in the fund and their names.
    expect(before.totals).toBe(6);
    // The viewer, the fund, the funder, the fund's funders and the viewer's, the figures, the grants.
    expect(before.impact).toBe(8);

    const em = app.em();
    for (let i = 0; i < 5; i += 1) {
      const { application } = await createAward(em, fund, { amountPence: 900_00, draws: [[money.trust, 500_00], [money.council, 400_00]], priorityTags: ['food', 'isolation'], grant: true });
      application.areaCodes = [geo.lsoas.south, geo.wards.north];
      const grant = await em.findOneOrFail(Grant, { application });
      const report = em.create(Report, { grant, status: ReportStatus.SUBMITTED, submittedAt: new Date(), sentences: `Story ${i}`, storyConsent: StoryConsent.FUNDERS });
      em.create(ReportPhoto, { report, storageKey: `more-${i}.jpg`, width: 10, height: 10, bytes: 100 });
    }
    await em.flush();
    expect(await count(FEED, { fundId: fund.id })).toBe(before.feed);
    expect(await count(TOTALS, { fundId: fund.id })).toBe(before.totals);
    expect(await count(IMPACT, { fundId: fund.id, funderId: funders.trust.id })).toBe(before.impact);
    expect((await feed(clients.coordinator)).totalCount).toBe(8);
  });
});
