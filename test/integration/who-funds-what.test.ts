import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import type { Funder } from '../../server/modules/funders/funder.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Priority } from '../../server/modules/taxonomy/priority.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { createAward } from '../factories/award.ts';
import { addMember, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const WHO_FUNDS_WHAT = `query($fundId: ID!) {
  whoFundsWhat(fundId: $fundId) {
    fundId
    funders { funder { name } focusKeys viewerMayMarkFocus totalPence grantCount }
    rows { priority { key label retired } cells { funderId pence grantCount focus } totalPence grantCount focusCount overlap gap }
    untagged { cells { pence grantCount } totalPence grantCount }
    totals { cells { pence grantCount } totalPence grantCount }
  }
}`;
const FOCUS = `mutation($input: FunderFocusInput!) { setFunderFocus(input: $input) { priorityKeys } }`;

let app: TestApp;
let fund: Fund;
let statements = 0;
const funders = {} as Record<'foundation' | 'council' | 'trust', Funder>;
const money = {} as Record<keyof typeof funders, Contribution>;
const clients = {} as Record<'coordinator' | 'officer' | 'community' | 'outsider', ApiClient>;
const users = {} as Record<keyof typeof clients, User>;

// Three funders. The council's money is only for food and hardship. Four grants: one split between
// the foundation and the council, tagged food and older people; one the council paid alone (food);
// one with no tag; one for arts. An award whose meeting is still open is not a grant yet.
beforeAll(async () => {
  app = await startTestApp({ onQuery: () => (statements += 1) });
  const em = app.em();
  fund = await createFund(em, { name: 'Who Funds What Fund' });
  funders.foundation = await createFunder(em, { name: 'Aldwick Foundation' });
  funders.council = await createFunder(em, { name: 'Borough Council' });
  funders.trust = await createFunder(em, { name: 'Coldfell Trust' });
  money.foundation = await createContribution(em, fund, { funder: funders.foundation, amountPence: 10_000_00 });
  money.council = await createContribution(em, fund, { funder: funders.council, amountPence: 5_000_00 });
  money.council.restrictedToPriorities = ['food', 'financial-hardship'];
  money.trust = await createContribution(em, fund, { funder: funders.trust, amountPence: 2_000_00 });
  await em.flush();

  await createAward(em, fund, { amountPence: 1_000_00, priorityTags: ['food', 'older-people'], draws: [[money.foundation, 600_00], [money.council, 400_00]], grant: true });
  await createAward(em, fund, { amountPence: 250_50, priorityTags: ['food'], draws: [[money.council, 250_50]], grant: true });
  await createAward(em, fund, { amountPence: 700_00, priorityTags: [], draws: [[money.foundation, 700_00]], grant: true });
  await createAward(em, fund, { amountPence: 300_00, priorityTags: ['arts-culture'], draws: [[money.trust, 300_00]], grant: true });
  await createAward(em, fund, { amountPence: 500_00, priorityTags: ['food'], draws: [[money.foundation, 500_00]] });

  users.coordinator = await addMember(em, fund, FundRole.COORDINATOR);
  users.officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { funder: funders.foundation });
  users.community = await addMember(em, fund, FundRole.COMMUNITY_PANELLIST);
  users.outsider = await addMember(em, await createFund(em), FundRole.COORDINATOR);
  for (const [role, user] of Object.entries(users)) clients[role as keyof typeof clients] = await app.signedInAs(user);

  const focus = (funder: Funder, priorityKeys: string[], client = clients.coordinator) =>
    client.gql(FOCUS, { input: { fundId: fund.id, funderId: funder.id, previousKeys: [], priorityKeys } });
  expect((await focus(funders.foundation, ['food', 'older-people'], clients.officer)).errors).toBeUndefined();
  expect((await focus(funders.council, ['food', 'financial-hardship'])).errors).toBeUndefined();
  expect((await focus(funders.trust, ['sport'])).errors).toBeUndefined();
  // A retired priority shows only where it holds money or a focus.
  await em.nativeUpdate(Priority, { fund, key: { $in: ['arts-culture', 'lgbtq'] } }, { retired: true });
});
afterAll(() => app.close());

async function view(client: ApiClient) {
  statements = 0;
  const result = await client.gql(WHO_FUNDS_WHAT, { fundId: fund.id });
  expect(result.errors).toBeUndefined();
  return { view: result.data!.whoFundsWhat, statements };
}

describe('who funds what', () => {
  it('puts each funder’s money in grants against each priority, in exact pence, with counts, focus, overlaps and gaps', async () => {
    const { view: seen } = await view(clients.community);
    expect(seen.funders).toEqual([
      { funder: { name: 'Aldwick Foundation' }, focusKeys: ['food', 'older-people'], viewerMayMarkFocus: false, totalPence: 1_300_00, grantCount: 2 },
      { funder: { name: 'Borough Council' }, focusKeys: ['financial-hardship', 'food'], viewerMayMarkFocus: false, totalPence: 650_50, grantCount: 2 },
      { funder: { name: 'Coldfell Trust' }, focusKeys: ['sport'], viewerMayMarkFocus: false, totalPence: 300_00, grantCount: 1 },
    ]);
    const row = (key: string) => {
      const found = seen.rows.find((candidate: { priority: { key: string } }) => candidate.priority.key === key);
      return found && { ...found, cells: found.cells.map(({ pence, grantCount, focus }: { pence: number; grantCount: number; focus: boolean }) => [pence, grantCount, focus]) };
    };
    expect(row('food')).toEqual({
      priority: { key: 'food', label: 'Food', retired: false },
      cells: [[600_00, 1, true], [650_50, 2, true], [0, 0, false]],
      totalPence: 1_250_50,
      grantCount: 2,
      focusCount: 2,
      overlap: true,
      gap: false,
    });
    expect(row('older-people')).toMatchObject({ cells: [[600_00, 1, true], [400_00, 1, false], [0, 0, false]], totalPence: 1_000_00, grantCount: 1, focusCount: 1, overlap: false, gap: false });
    expect(row('financial-hardship')).toMatchObject({ cells: [[0, 0, false], [0, 0, true], [0, 0, false]], totalPence: 0, grantCount: 0, overlap: false, gap: false });
    expect(row('sport')).toMatchObject({ cells: [[0, 0, false], [0, 0, false], [0, 0, true]], gap: false });
    // Retired, and funded: still shown.
    expect(row('arts-culture')).toMatchObject({ priority: { retired: true }, cells: [[0, 0, false], [0, 0, false], [300_00, 1, false]], totalPence: 300_00, focusCount: 0, gap: false });
    expect(row('lgbtq')).toBeUndefined();
    // Nobody focuses on these and no grant has them.
    expect(seen.rows.filter((candidate: { gap: boolean }) => candidate.gap).map((candidate: { priority: { key: string } }) => candidate.priority.key)).toEqual([
      'mental-health', 'isolation', 'children-young-people', 'domestic-abuse', 'digital-inclusion', 'environment',
      'disabled-people', 'black-asian-minority-ethnic', 'young-carers', 'bereaved-people', 'rural-communities',
    ]);
    expect(seen.untagged).toEqual({ cells: [{ pence: 700_00, grantCount: 1 }, { pence: 0, grantCount: 0 }, { pence: 0, grantCount: 0 }], totalPence: 700_00, grantCount: 1 });
    expect(seen.totals).toEqual({
      cells: [{ pence: 1_300_00, grantCount: 2 }, { pence: 650_50, grantCount: 2 }, { pence: 300_00, grantCount: 1 }],
      totalPence: 2_250_50,
      grantCount: 4,
    });
  });

  it('tells each person which funders’ focus they may change', async () => {
    const marks = async (client: ApiClient) => (await view(client)).view.funders.map((funder: { viewerMayMarkFocus: boolean }) => funder.viewerMayMarkFocus);
    expect(await marks(clients.coordinator)).toEqual([true, true, true]);
    expect(await marks(clients.officer)).toEqual([true, false, false]);
    expect(await marks(clients.community)).toEqual([false, false, false]);
  });

  it('costs a fixed number of SQL statements, however many grants there are', async () => {
    const before = (await view(clients.coordinator)).statements;
    for (let i = 0; i < 5; i++) await createAward(app.em(), fund, { amountPence: 100_00, priorityTags: ['sport', 'food'], draws: [[money.trust, 100_00]], grant: true });
    const after = await view(clients.coordinator);
    expect(after.statements).toBe(before);
    // session, memberships, the fund, its priorities, its funders (ids, then rows), focus, money, the viewer's own funders.
    expect(before).toBe(9);
    expect(after.view.totals.totalPence).toBe(2_250_50 + 5 * 100_00);
  });

  it('is refused to people outside the fund, and to nobody signed in', async () => {
    const outsider = await clients.outsider.gql(WHO_FUNDS_WHAT, { fundId: fund.id });
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(outsider.data).toBeNull();
    const anonymous = await app.client().gql(WHO_FUNDS_WHAT, { fundId: fund.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await clients.coordinator.gql(WHO_FUNDS_WHAT, { fundId: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
