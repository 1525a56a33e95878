// The coverage map without filters, or with one funder's, reads sums the database keeps as grants change
// (coverage_money, coverage_tag_money). These tests make random changes of every kind the sums follow
// and check, after each sequence, that the kept sums give exactly the map that summing the grants'
// placed shares gives, at every level and for every funder; and that once the grants are gone, nothing
// is left in the sums.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaKind, FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../../server/context.ts';
import { fundCoverage } from '../../server/modules/coverage/coverage.service.ts';
import { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import { Fund } from '../../server/modules/funds/fund.entity.ts';
import { createAward } from '../factories/award.ts';
import { createAreas } from '../factories/coverage-areas.ts';
import { addMember, createContribution, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const LA = 'E07000911';
const NORTH = 'E05000911';
const SOUTH = 'E05000912';
const [L1, L2, L3, L4] = ['E01000911', 'E01000912', 'E01000913', 'E01000914'];
const OTHER_LA = 'E07000912';
const OTHER_WARD = 'E05000913';
const OTHER_LSOA = 'E01000915';
/** Codes an application may name: LSOAs, wards and districts, inside the fund and out, and one nobody holds. */
const CODES = [L1, L2, L3, L4, NORTH, SOUTH, LA, OTHER_LSOA, OTHER_WARD, OTHER_LA, 'E01999911'];
const TAGS = ['food', 'mental-health', 'older-people', 'disabled-people'];

let app: TestApp;
let fund: Fund;
let viewer: Viewer;
const funders: { id: string; contribution: Contribution }[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  await createAreas(em, [
    { code: LA, kind: AreaKind.LOCAL_AUTHORITY, name: 'Sumdale' },
    { code: OTHER_LA, kind: AreaKind.LOCAL_AUTHORITY, name: 'Beyond' },
    { code: NORTH, kind: AreaKind.WARD, name: 'Sumdale North', localAuthorityCode: LA },
    { code: SOUTH, kind: AreaKind.WARD, name: 'Sumdale South', localAuthorityCode: LA },
    { code: OTHER_WARD, kind: AreaKind.WARD, name: 'Beyond Central', localAuthorityCode: OTHER_LA },
    ...[L1, L2, L3, L4].map((code, index) => ({ code, kind: AreaKind.LSOA, name: `Sumdale 00${index + 1}`, localAuthorityCode: LA, wardCode: index < 2 ? NORTH : SOUTH, population: 1000 })),
    { code: OTHER_LSOA, kind: AreaKind.LSOA, name: 'Beyond 001', localAuthorityCode: OTHER_LA, wardCode: OTHER_WARD, population: 1000 },
  ]);
  fund = await createFund(em, { name: 'Sumdale Fund' });
  fund.areaCodes = [LA];
  await em.flush();
  for (const name of ['Sumdale Trust', 'Sumdale Council']) {
    const funder = await createFunder(em, { name });
    funders.push({ id: funder.id, contribution: await createContribution(em, fund, { funder, amountPence: 10_000_000_00 }) });
  }
  const coordinator = await addMember(em, fund, FundRole.COORDINATOR);
  viewer = { user: coordinator, sessionId: 'sums', roles: new Map([[fund.id, new Set([FundRole.COORDINATOR])]]) };
});
afterAll(() => app.close());

const codesArb = fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 });
const tagsArb = fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 });
/** Each funder's pence in an award: at least one draws on it. */
const drawsArb = fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 })).filter(([a, b]) => a + b > 0);

type Change =
  | { kind: 'award'; codes: string[]; tags: string[]; draws: [number, number]; day: number }
  | { kind: 'move'; which: number; codes: string[] }
  | { kind: 'retag'; which: number; tags: string[] }
  | { kind: 'redate'; which: number; day: number }
  | { kind: 'redraw'; which: number; draws: [number, number] }
  | { kind: 'remove'; which: number }
  | { kind: 'reward'; which: number; ward: string };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('award' as const), codes: codesArb, tags: tagsArb, draws: drawsArb, day: fc.integer({ min: 0, max: 60 }) }) },
  fc.record({ kind: fc.constant('move' as const), which: fc.nat(), codes: codesArb }),
  fc.record({ kind: fc.constant('retag' as const), which: fc.nat(), tags: tagsArb }),
  fc.record({ kind: fc.constant('redate' as const), which: fc.nat(), day: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('redraw' as const), which: fc.nat(), draws: drawsArb }),
  fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }),
  // An LSOA moved to the other ward, as a corrected boundary file would.
  fc.record({ kind: fc.constant('reward' as const), which: fc.nat(), ward: fc.constantFrom(NORTH, SOUTH) }),
);

const dayOf = (day: number) => new Date(Date.UTC(2026, 10, 1 + day, 23, 30));

async function applyChange(change: Change) {
  const em = app.em();
  const sql = (text: string, params: unknown[]) => em.getConnection().execute(text, params);
  const grants = await sql(`SELECT g.application_id, g.decision_id FROM fund_grant g JOIN application a ON a.id = g.application_id WHERE a.fund_id = ? ORDER BY a.reference`, [fund.id]);
  const target = 'which' in change && grants.length > 0 ? (grants[change.which % grants.length] as { application_id: string; decision_id: string }) : null;
  switch (change.kind) {
    case 'award': {
      const [first, second] = change.draws;
      const { application } = await createAward(em, await em.findOneOrFail(Fund, fund.id), {
        amountPence: first + second,
        priorityTags: change.tags,
        draws: ([[em.getReference(Contribution, funders[0].contribution.id), first], [em.getReference(Contribution, funders[1].contribution.id), second]] as [Contribution, number][]).filter(([, pence]) => pence > 0),
        decidedAt: dayOf(change.day),
        grant: true,
      });
      application.areaCodes = change.codes;
      await em.flush();
      return;
    }
    case 'move':
      if (target) await sql(`UPDATE application SET area_codes = ?::text[] WHERE id = ?`, [`{${change.codes.join(',')}}`, target.application_id]);
      return;
    case 'retag':
      if (target) await sql(`UPDATE application SET priority_tags = ?::text[] WHERE id = ?`, [`{${change.tags.join(',')}}`, target.application_id]);
      return;
    case 'redate':
      if (target) await sql(`UPDATE decision SET decided_at = ? WHERE id = ?`, [dayOf(change.day), target.decision_id]);
      return;
    case 'redraw':
      if (target) {
        await em.transactional(async (tx) => {
          await tx.execute(`DELETE FROM award_draw WHERE decision_id = ?`, [target.decision_id]);
          for (const [index, pence] of change.draws.entries()) {
            if (pence > 0) await tx.execute(`INSERT INTO award_draw (id, created_at, decision_id, contribution_id, amount_pence) VALUES (gen_random_uuid(), now(), ?, ?, ?)`, [target.decision_id, funders[index].contribution.id, pence]);
          }
        });
      }
      return;
    case 'remove':
      if (target) await sql(`DELETE FROM application WHERE id = ?`, [target.application_id]);
      return;
    case 'reward':
      await sql(`UPDATE area SET ward_code = ? WHERE code = ?`, [change.ward, [L1, L2, L3, L4][change.which % 4]]);
  }
}

/** What the database keeps for the fund: the placed shares and the non-zero sums, in a fixed order. */
async function kept() {
  const sql = (text: string) => app.em().getConnection().execute(text, [fund.id]);
  return {
    shares: await sql(`SELECT * FROM grant_share WHERE fund_id = ? ORDER BY grant_id, position`),
    money: await sql(`SELECT * FROM coverage_money WHERE fund_id = ? AND (grants <> 0 OR single_grants <> 0 OR pence <> 0) ORDER BY funder_id, level, place`),
    tags: await sql(`SELECT * FROM coverage_tag_money WHERE fund_id = ? AND (grants <> 0 OR pence <> 0) ORDER BY funder_id, tags`),
  };
}

/** The map with its communities by key (the priorities are entities, not plain figures). */
const plain = (view: Awaited<ReturnType<typeof fundCoverage>>) => ({
  ...view,
  gaps: { ...view.gaps, communities: view.gaps.communities.map(({ priority, grantCount, pence }) => ({ key: priority.key, grantCount, pence })) },
});

/** The map as kept and as summed, at every level, without a filter and for each funder. */
async function bothWays() {
  const maps: { kept: unknown; summed: unknown; what: string }[] = [];
  for (const level of [AreaKind.LSOA, AreaKind.WARD, AreaKind.LOCAL_AUTHORITY]) {
    for (const funderId of [null, ...funders.map((funder) => funder.id)]) {
      const args = { fundId: fund.id, level, filter: funderId ? { funderId } : null };
      maps.push({
        what: `${level} ${funderId ?? 'whole grants'}`,
        kept: plain(await fundCoverage(app.em(), viewer, args, { cache: false })),
        summed: plain(await fundCoverage(app.em(), viewer, args, { cache: false, summed: true })),
      });
    }
  }
  return maps;
}

describe('the coverage sums kept by the database', () => {
  it('give the same map as summing the placed grants, after any sequence of awards, moves, retags, new dates, new draws, removals and moved areas', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb, { minLength: 1, maxLength: 8 }), async (changes) => {
        runs += 1;
        for (const change of changes) await applyChange(change);
        for (const { kept: fromSums, summed, what } of await bothWays()) expect(fromSums, what).toEqual(summed);
        // And what the triggers kept is what placing every grant afresh gives.
        const before = await kept();
        await app.em().getConnection().execute(`SELECT grant_shares_refresh(array(SELECT g.id FROM fund_grant g JOIN application a ON a.id = g.application_id WHERE a.fund_id = ?))`, [fund.id]);
        expect(before).toEqual(await kept());
      }),
      { numRuns: 12, seed: 20261123 },
    );
    expect(runs).toBe(12);
    // Something was really placed: the sums are not trivially equal because both are empty.
    const [{ grants }] = await app.em().getConnection().execute<{ grants: number }[]>(`SELECT count(*)::int AS grants FROM grant_share WHERE fund_id = ?`, [fund.id]);
    expect(grants).toBe(21);
  });

  it('hold nothing once every grant is gone', async () => {
    const em = app.em();
    await em.getConnection().execute(`DELETE FROM application WHERE fund_id = ?`, [fund.id]);
    const [left] = await em.getConnection().execute<{ money: number; tags: number; shares: number }[]>(
      `SELECT (SELECT count(*) FROM coverage_money WHERE fund_id = ? AND (grants <> 0 OR single_grants <> 0 OR pence <> 0))::int AS money,
              (SELECT count(*) FROM coverage_tag_money WHERE fund_id = ? AND (grants <> 0 OR pence <> 0))::int AS tags,
              (SELECT count(*) FROM grant_share WHERE fund_id = ?)::int AS shares`,
      [fund.id, fund.id, fund.id],
    );
    expect(left).toEqual({ money: 0, tags: 0, shares: 0 });
    const view = await fundCoverage(em, viewer, { fundId: fund.id, level: AreaKind.WARD }, { cache: false });
    expect(view.grants.all).toEqual({ grantCount: 0, pence: 0 });
    expect(view.areas.map((area) => [area.code, area.grantCount, area.pence])).toEqual([[NORTH, 0, 0], [SOUTH, 0, 0]]);
  });
});
