import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_TABLE_COLUMNS, fromAreaTable } from '../../shared/coverage.ts';
import { AreaKind, FundRole } from '../../shared/domain.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import type { Phase } from '../../server/modules/funds/phase.entity.ts';
import { createAward, phaseNamed } from '../factories/award.ts';
import { createAreas, createExternalGrants, createPostcodes, square } from '../factories/coverage-areas.ts';
import { addMember, createContribution, createFund, createFunder } from '../factories/index.ts';
import { type ApiClient, startTestApp, type TestApp } from '../support/test-app.ts';

const AREA_FIELDS = 'code name kind grantCount pence population pencePerHead imdDecile imdDecileDerived areaKm2 peoplePerKm2 rural ruralPopulationShare externalGrantCount externalPence';
const FIGURES = 'grantCount pence';
const TOTALS = `all { ${FIGURES} } inAreas { ${FIGURES} } wider { ${FIGURES} } outside { ${FIGURES} } unplaced { ${FIGURES} } noArea { ${FIGURES} }`;
const GROUP = 'areaCount unfundedCount population pence pencePerHead';
const COVERAGE = `query($fundId: ID!, $level: AreaKind!, $filter: CoverageFilter) {
  coverage(fundId: $fundId, level: $level, filter: $filter) {
    fundId level fundAreas { code name kind }
    areas { ${AREA_FIELDS} }
    grants { ${TOTALS} }
    external { totals { ${TOTALS} } otherCurrencyCount }
    ruralPeoplePerKm2 medianPencePerHead littlePencePerHead
    gaps {
      deprived { code pence pencePerHead imdDecile }
      rural { rural { ${GROUP} } urban { ${GROUP} } unknownCount unfunded { code population } little { code pencePerHead } }
      communities { priority { key label } ${FIGURES} }
      noCommunity { ${FIGURES} }
    }
  }
}`;
const AREA_GRANTS = `query($fundId: ID!, $code: String!, $filter: CoverageFilter) {
  coverageAreaGrants(fundId: $fundId, code: $code, filter: $filter) {
    code name kind
    grants { reference groupName title phaseName amountPence countedPence pencePlacedHere awardedOn }
    widerGrants { reference pencePlacedHere }
    externalGrants { recipientName funderName amountPence awardedOn }
  }
}`;
const BOUNDARIES = `query($fundId: ID!, $level: AreaKind!) { coverageBoundaries(fundId: $fundId, level: $level) { level version withoutBoundary featureCollection } }`;

// A fictional district, Testdale (E07000901), of two wards and four LSOAs, and next door an LSOA of
// another district. Densities: 901 and 902 are town (2,000 a km²), 903 (150) and 904 (10) rural.
const LA = 'E07000901';
const NORTH = 'E05000901';
const SOUTH = 'E05000902';
const L1 = 'E01000901';
const L2 = 'E01000902';
const L3 = 'E01000903';
const L4 = 'E01000904';
const ELSEWHERE_LSOA = 'E01000905';

let app: TestApp;
let fund: Fund;
let recovery: Phase;
let statements = 0;
const money = {} as Record<'trust' | 'council', Contribution>;
const ids = {} as Record<'trust' | 'council' | 'recoveryPhase', string>;
const references = {} as Record<'g1' | 'g2' | 'g3' | 'g4', string>;
const clients = {} as Record<'coordinator' | 'officer' | 'panellist' | 'community' | 'outsider', ApiClient>;

beforeAll(async () => {
  app = await startTestApp({ onQuery: () => (statements += 1) });
  const em = app.em();
  await createAreas(em, [
    { code: LA, kind: AreaKind.LOCAL_AUTHORITY, name: 'Testdale', areaKm2: 61.5, geometry: square(-3, 54, 0.2) },
    { code: 'E07000902', kind: AreaKind.LOCAL_AUTHORITY, name: 'Elsewhere' },
    { code: NORTH, kind: AreaKind.WARD, name: 'Testdale North', localAuthorityCode: LA, areaKm2: 1.5, geometry: square(-3, 54.1, 0.1) },
    { code: SOUTH, kind: AreaKind.WARD, name: 'Testdale South', localAuthorityCode: LA, areaKm2: 60, geometry: square(-3, 54, 0.1) },
    { code: 'E05000903', kind: AreaKind.WARD, name: 'Elsewhere Central', localAuthorityCode: 'E07000902' },
    { code: L1, kind: AreaKind.LSOA, name: 'Testdale 001A', localAuthorityCode: LA, wardCode: NORTH, population: 1000, areaKm2: 0.5, imdRank: 100, imdDecile: 1, geometry: square(-3, 54.1) },
    { code: L2, kind: AreaKind.LSOA, name: 'Testdale 001B', localAuthorityCode: LA, wardCode: NORTH, population: 2000, areaKm2: 1, imdRank: 5000, imdDecile: 2, geometry: square(-2.99, 54.1) },
    { code: L3, kind: AreaKind.LSOA, name: 'Testdale 002A', localAuthorityCode: LA, wardCode: SOUTH, population: 1500, areaKm2: 10, imdRank: 2000, imdDecile: 1, geometry: square(-3, 54) },
    // No boundary: its size is known from the figures alone.
    { code: L4, kind: AreaKind.LSOA, name: 'Testdale 002B', localAuthorityCode: LA, wardCode: SOUTH, population: 500, areaKm2: 50, imdRank: 26000, imdDecile: 8 },
    { code: ELSEWHERE_LSOA, kind: AreaKind.LSOA, name: 'Elsewhere 001A', localAuthorityCode: 'E07000902', wardCode: 'E05000903', population: 1000, areaKm2: 1, imdRank: 900, imdDecile: 1 },
  ]);
  fund = await createFund(em, { name: 'Testdale Fund' });
  fund.areaCodes = [LA];
  await em.flush();
  recovery = await phaseNamed(em, fund, 'Recovery');
  ids.recoveryPhase = recovery.id;
  const trust = await createFunder(em, { name: 'Testdale Trust' });
  const council = await createFunder(em, { name: 'Testdale Council' });
  ids.trust = trust.id;
  ids.council = council.id;
  money.trust = await createContribution(em, fund, { funder: trust, amountPence: 50_000_00 });
  money.council = await createContribution(em, fund, { funder: council, amountPence: 50_000_00 });

  const grant = async (amountPence: number, areaCodes: string[], options: { tags?: string[]; draws?: [Contribution, number][]; decided?: string; phase?: Phase; grant?: boolean } = {}) => {
    const { application } = await createAward(em, fund, {
      amountPence,
      priorityTags: options.tags ?? [],
      draws: options.draws ?? [[money.trust, amountPence]],
      decidedAt: new Date(`${options.decided ?? '2026-11-26'}T15:00:00Z`),
      phase: options.phase,
      grant: options.grant ?? true,
    });
    application.areaCodes = areaCodes;
    await em.flush();
    return application.reference;
  };
  // G1: one LSOA, split between the funders. G2: two LSOAs, one pence over an even split (the odd penny
  // goes to the first). G3: a whole ward. G4: the whole district. G5: elsewhere. G6: no area. G7: a code
  // the portal does not hold. And an award whose meeting is still open: not a grant yet.
  references.g1 = await grant(1_000_00, [L1], { tags: ['food', 'older-people'], draws: [[money.trust, 600_00], [money.council, 400_00]] });
  references.g2 = await grant(300_01, [L1, L3], { tags: ['mental-health'], decided: '2026-12-03', phase: recovery });
  references.g3 = await grant(500_00, [SOUTH], { tags: ['food', 'disabled-people'], draws: [[money.council, 500_00]], decided: '2026-12-10' });
  references.g4 = await grant(250_00, [LA], { decided: '2026-12-17' });
  await grant(400_00, [ELSEWHERE_LSOA]);
  await grant(100_00, []);
  await grant(50_00, ['E01999999']);
  await grant(700_00, [L2], { grant: false });

  await createPostcodes(em, [
    ['TD1 1AA', L1, NORTH, LA],
    // The lookup names an LSOA the portal does not hold, so the grant is placed in the ward.
    ['TD1 2AB', 'E01888888', SOUTH, LA],
    ['EL1 1AA', ELSEWHERE_LSOA, 'E05000903', 'E07000902'],
  ]);
  await createExternalGrants(em, fund, [
    { postcode: 'TD1 1AA', amountMinor: 2_000_00, awardDate: '2026-11-20', recipientName: 'Testdale Larder' },
    // Written as people type it: the lookup still finds it.
    { postcode: 'td12ab', amountMinor: 300_00, awardDate: '2026-12-05', recipientName: 'South Testdale Hall' },
    { amountMinor: 100_00, awardDate: '2026-11-20' },
    { postcode: 'ZZ9 9ZZ', amountMinor: 70_00, awardDate: '2026-11-20' },
    { postcode: 'TD1 1AA', amountMinor: 500_00, awardDate: '2026-11-20', currency: 'USD' },
    { postcode: 'EL1 1AA', amountMinor: 80_00, awardDate: '2026-11-20' },
  ]);

  clients.coordinator = await app.signedInAs(await addMember(em, fund, FundRole.COORDINATOR));
  clients.officer = await app.signedInAs(await addMember(em, fund, FundRole.FUNDER_OFFICER, { funder: trust }));
  clients.panellist = await app.signedInAs(await addMember(em, fund, FundRole.PANELLIST));
  clients.community = await app.signedInAs(await addMember(em, fund, FundRole.COMMUNITY_PANELLIST));
  clients.outsider = await app.signedInAs(await addMember(em, await createFund(em), FundRole.COORDINATOR));
});
afterAll(() => app.close());

type Figures = { grantCount: number; pence: number };
const none: Figures = { grantCount: 0, pence: 0 };
const f = (grantCount: number, pence: number): Figures => ({ grantCount, pence });

async function coverage(level: AreaKind, filter?: Record<string, unknown>, client = clients.coordinator) {
  statements = 0;
  const result = await client.gql(COVERAGE, { fundId: fund.id, level, filter });
  expect(result.errors).toBeUndefined();
  return { view: result.data!.coverage, statements };
}

/** code -> [grants, pence, pence per head] */
const figuresByArea = (areas: { code: string; grantCount: number; pence: number; pencePerHead: number | null }[]) =>
  Object.fromEntries(areas.map((area) => [area.code, [area.grantCount, area.pence, area.pencePerHead]]));

describe('coverage at each level', () => {
  it('LSOA: places grants in the LSOAs they serve, shares a grant for two equally to the penny, and leaves out wider ones with their money', async () => {
    const { view } = await coverage(AreaKind.LSOA);
    expect(view.fundAreas).toEqual([{ code: LA, name: 'Testdale', kind: 'LOCAL_AUTHORITY' }]);
    expect(view.areas).toEqual([
      {
        code: L1, name: 'Testdale 001A', kind: 'LSOA', grantCount: 2, pence: 1_150_01, population: 1000, pencePerHead: 115.001,
        imdDecile: 1, imdDecileDerived: false, areaKm2: 0.5, peoplePerKm2: 2000, rural: false, ruralPopulationShare: null, externalGrantCount: 1, externalPence: 2_000_00,
      },
      {
        code: L2, name: 'Testdale 001B', kind: 'LSOA', grantCount: 0, pence: 0, population: 2000, pencePerHead: 0,
        imdDecile: 2, imdDecileDerived: false, areaKm2: 1, peoplePerKm2: 2000, rural: false, ruralPopulationShare: null, externalGrantCount: 0, externalPence: 0,
      },
      {
        code: L3, name: 'Testdale 002A', kind: 'LSOA', grantCount: 1, pence: 150_00, population: 1500, pencePerHead: 10,
        imdDecile: 1, imdDecileDerived: false, areaKm2: 10, peoplePerKm2: 150, rural: true, ruralPopulationShare: null, externalGrantCount: 0, externalPence: 0,
      },
      {
        code: L4, name: 'Testdale 002B', kind: 'LSOA', grantCount: 0, pence: 0, population: 500, pencePerHead: 0,
        imdDecile: 8, imdDecileDerived: false, areaKm2: 50, peoplePerKm2: 10, rural: true, ruralPopulationShare: null, externalGrantCount: 0, externalPence: 0,
      },
    ]);
    expect(view.grants).toEqual({
      all: f(7, 2_600_01),
      inAreas: f(2, 1_300_01),
      // G3 serves the whole South ward and G4 the district: not divided among LSOAs.
      wider: f(2, 750_00),
      outside: f(1, 400_00),
      unplaced: f(1, 50_00),
      noArea: f(1, 100_00),
    });
    expect(view.external).toEqual({
      totals: { all: f(5, 2_550_00), inAreas: f(1, 2_000_00), wider: f(1, 300_00), outside: f(1, 80_00), unplaced: f(1, 70_00), noArea: f(1, 100_00) },
      otherCurrencyCount: 1,
    });
    expect(view.ruralPeoplePerKm2).toBe(300);
  });

  it('ward: rolls LSOAs up into their wards and counts a grant for a whole ward there; population, size and decile from the LSOAs', async () => {
    const { view } = await coverage(AreaKind.WARD);
    const pick = ({ code, grantCount, pence, population, pencePerHead, imdDecile, imdDecileDerived, areaKm2, rural, ruralPopulationShare, externalGrantCount, externalPence }: Record<string, unknown>) =>
      ({ code, grantCount, pence, population, pencePerHead, imdDecile, imdDecileDerived, areaKm2, rural, ruralPopulationShare, externalGrantCount, externalPence });
    expect(view.areas.map(pick)).toEqual([
      // Mean rank (100 × 1000 + 5000 × 2000) / 3000 = 3,367: decile 2. Both LSOAs urban.
      { code: NORTH, grantCount: 2, pence: 1_150_01, population: 3000, pencePerHead: 1_150_01 / 3000, imdDecile: 2, imdDecileDerived: true, areaKm2: 1.5, rural: false, ruralPopulationShare: 0, externalGrantCount: 1, externalPence: 2_000_00 },
      // G2's second share and G3; mean rank (2000 × 1500 + 26000 × 500) / 2000 = 8,000: decile 3. Both LSOAs rural.
      { code: SOUTH, grantCount: 2, pence: 650_00, population: 2000, pencePerHead: 32.5, imdDecile: 3, imdDecileDerived: true, areaKm2: 60, rural: true, ruralPopulationShare: 1, externalGrantCount: 1, externalPence: 300_00 },
    ]);
    expect(view.grants).toEqual({ all: f(7, 2_600_01), inAreas: f(3, 1_800_01), wider: f(1, 250_00), outside: f(1, 400_00), unplaced: f(1, 50_00), noArea: f(1, 100_00) });
    expect(view.external.totals.inAreas).toEqual(f(2, 2_300_00));
    expect(view.external.totals.wider).toEqual(none);
  });

  it('sends the same areas as one table, for the map', async () => {
    for (const level of [AreaKind.LSOA, AreaKind.WARD, AreaKind.LOCAL_AUTHORITY]) {
      const { view } = await coverage(level);
      const table = await clients.coordinator.gql(`query($fundId: ID!, $level: AreaKind!) { coverage(fundId: $fundId, level: $level) { areaTable } }`, { fundId: fund.id, level });
      expect(table.errors).toBeUndefined();
      expect(table.data!.coverage.areaTable.columns).toEqual([...AREA_TABLE_COLUMNS]);
      expect(fromAreaTable(table.data!.coverage.areaTable)).toEqual(view.areas);
    }
  });

  it('local authority: everything in the district, nothing wider', async () => {
    const { view } = await coverage(AreaKind.LOCAL_AUTHORITY);
    expect(figuresByArea(view.areas)).toEqual({ [LA]: [4, 2_050_01, 2_050_01 / 5000] });
    // 81 people a km², but 3,000 of its 5,000 people live in urban LSOAs: not predominantly rural.
    expect(view.areas[0]).toMatchObject({ population: 5000, imdDecile: 2, imdDecileDerived: true, areaKm2: 61.5, rural: false, ruralPopulationShare: 0.4 });
    expect(view.grants).toMatchObject({ inAreas: f(4, 2_050_01), wider: none, outside: f(1, 400_00) });
  });
});

describe('filters', () => {
  it('phase: only grants from applications to that phase', async () => {
    const { view } = await coverage(AreaKind.LSOA, { phaseId: ids.recoveryPhase });
    expect(figuresByArea(view.areas)).toMatchObject({ [L1]: [1, 150_01, 150_01 / 1000], [L3]: [1, 150_00, 10], [L2]: [0, 0, 0] });
    expect(view.grants.all).toEqual(f(1, 300_01));
  });

  it('priority (theme) and community', async () => {
    const food = (await coverage(AreaKind.LSOA, { priority: 'food' })).view;
    expect(figuresByArea(food.areas)[L1]).toEqual([1, 1_000_00, 100]);
    expect(food.grants).toMatchObject({ all: f(2, 1_500_00), wider: f(1, 500_00) });
    const older = (await coverage(AreaKind.WARD, { community: 'older-people' })).view;
    expect(figuresByArea(older.areas)).toEqual({ [NORTH]: [1, 1_000_00, 1_000_00 / 3000], [SOUTH]: [0, 0, 0] });
    const both = (await coverage(AreaKind.WARD, { priority: 'food', community: 'disabled-people' })).view;
    expect(figuresByArea(both.areas)).toEqual({ [NORTH]: [0, 0, 0], [SOUTH]: [1, 500_00, 25] });
  });

  it("funder: only the grants a funder paid towards, and only its share of each", async () => {
    const council = (await coverage(AreaKind.WARD, { funderId: ids.council })).view;
    expect(figuresByArea(council.areas)).toEqual({ [NORTH]: [1, 400_00, 400_00 / 3000], [SOUTH]: [1, 500_00, 25] });
    expect(council.grants.all).toEqual(f(2, 900_00));
    const trust = (await coverage(AreaKind.LSOA, { funderId: ids.trust })).view;
    expect(figuresByArea(trust.areas)[L1]).toEqual([2, 600_00 + 150_01, 75.001]);
    expect(trust.grants.all).toEqual(f(6, 600_00 + 300_01 + 250_00 + 400_00 + 100_00 + 50_00));
  });

  it('award dates, inclusive, for external grants too', async () => {
    const { view } = await coverage(AreaKind.WARD, { awardedFrom: '2026-12-01', awardedTo: '2026-12-10' });
    expect(figuresByArea(view.areas)).toEqual({ [NORTH]: [1, 150_01, 150_01 / 3000], [SOUTH]: [2, 650_00, 32.5] });
    expect(view.grants.all).toEqual(f(2, 800_01));
    expect(view.external.totals).toMatchObject({ all: f(1, 300_00), inAreas: f(1, 300_00) });
    const from = (await coverage(AreaKind.LOCAL_AUTHORITY, { awardedFrom: '2026-12-17' })).view;
    expect(from.grants.all).toEqual(f(1, 250_00));
  });

  it('refuses filters that are not the fund’s, naming the field', async () => {
    const other = await createFund(app.em());
    const bad = async (filter: Record<string, unknown>) => {
      const result = await clients.coordinator.gql(COVERAGE, { fundId: fund.id, level: 'LSOA', filter });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors![0].extensions!.fields!.map((field) => field.field);
    };
    expect(await bad({ priority: 'older-people' })).toEqual(['priority']);
    expect(await bad({ community: 'food' })).toEqual(['community']);
    expect(await bad({ phaseId: (await phaseNamed(app.em(), other, 'Recovery')).id })).toEqual(['phaseId']);
    expect(await bad({ funderId: (await createFunder(app.em())).id })).toEqual(['funderId']);
    expect(await bad({ awardedFrom: '2026-12-10', awardedTo: '2026-12-01' })).toEqual(['awardedTo']);
  });
});

describe('gaps', () => {
  it('deprived areas with none or little, rural against urban, and every community', async () => {
    const { view } = await coverage(AreaKind.LSOA);
    // Funded areas' money per head: 10 and 115.001; median 62.5005, a quarter of it 15.625125.
    expect(view.medianPencePerHead).toBeCloseTo(62.5005, 10);
    expect(view.littlePencePerHead).toBeCloseTo(15.625125, 10);
    expect(view.gaps.deprived).toEqual([
      { code: L2, pence: 0, pencePerHead: 0, imdDecile: 2 },
      { code: L3, pence: 150_00, pencePerHead: 10, imdDecile: 1 },
    ]);
    expect(view.gaps.rural).toEqual({
      rural: { areaCount: 2, unfundedCount: 1, population: 2000, pence: 150_00, pencePerHead: 7.5 },
      urban: { areaCount: 2, unfundedCount: 1, population: 3000, pence: 1_150_01, pencePerHead: 1_150_01 / 3000 },
      unknownCount: 0,
      unfunded: [{ code: L4, population: 500 }],
      little: [{ code: L3, pencePerHead: 10 }],
    });
    expect(view.gaps.communities).toEqual([
      { priority: { key: 'older-people', label: 'Older people' }, ...f(1, 1_000_00) },
      { priority: { key: 'disabled-people', label: 'Disabled people' }, ...f(1, 500_00) },
      { priority: { key: 'black-asian-minority-ethnic', label: 'Black, Asian and minority ethnic communities' }, ...none },
      { priority: { key: 'lgbtq', label: 'LGBTQ+ people' }, ...none },
      { priority: { key: 'young-carers', label: 'Young carers' }, ...none },
      { priority: { key: 'bereaved-people', label: 'Bereaved people' }, ...none },
      { priority: { key: 'rural-communities', label: 'Rural communities' }, ...none },
    ]);
    expect(view.gaps.noCommunity).toEqual(f(5, 300_01 + 250_00 + 400_00 + 100_00 + 50_00));
  });

  it('the communities table follows the other filters but not the community one', async () => {
    const { view } = await coverage(AreaKind.LSOA, { community: 'older-people', funderId: ids.council });
    const funded = view.gaps.communities.filter((row: Figures) => row.grantCount > 0);
    expect(funded).toEqual([
      { priority: { key: 'older-people', label: 'Older people' }, ...f(1, 400_00) },
      { priority: { key: 'disabled-people', label: 'Disabled people' }, ...f(1, 500_00) },
    ]);
  });

  it('at ward level, the wards', async () => {
    const { view } = await coverage(AreaKind.WARD);
    // North 38.33 and South 32.5 a head: neither is little; South is rural, North urban.
    expect(view.gaps.deprived).toEqual([]);
    expect(view.gaps.rural.rural).toEqual({ areaCount: 1, unfundedCount: 0, population: 2000, pence: 650_00, pencePerHead: 32.5 });
  });
});

describe('the grants behind an area', () => {
  it('lists the grants counted in an LSOA with the part counted there, the wider ones serving it, and external grants', async () => {
    const result = await clients.panellist.gql(AREA_GRANTS, { fundId: fund.id, code: L1 });
    expect(result.errors).toBeUndefined();
    const area = result.data!.coverageAreaGrants;
    expect(area).toMatchObject({ code: L1, name: 'Testdale 001A', kind: 'LSOA' });
    expect(area.grants).toEqual([
      { reference: references.g2, groupName: expect.any(String), title: 'Food parcels', phaseName: 'Recovery', amountPence: 300_01, countedPence: 300_01, pencePlacedHere: 150_01, awardedOn: '2026-12-03' },
      { reference: references.g1, groupName: expect.any(String), title: 'Food parcels', phaseName: 'Emergency', amountPence: 1_000_00, countedPence: 1_000_00, pencePlacedHere: 1_000_00, awardedOn: '2026-11-26' },
    ]);
    expect(area.widerGrants).toEqual([{ reference: references.g4, pencePlacedHere: 0 }]);
    expect(area.externalGrants).toEqual([{ recipientName: 'Testdale Larder', funderName: 'Fellside Trust', amountPence: 2_000_00, awardedOn: '2026-11-20' }]);
  });

  it('in a ward, under a funder filter', async () => {
    const result = await clients.coordinator.gql(AREA_GRANTS, { fundId: fund.id, code: SOUTH, filter: { funderId: ids.council } });
    expect(result.data!.coverageAreaGrants.grants.map((grant: { reference: string; countedPence: number; pencePlacedHere: number }) => [grant.reference, grant.countedPence, grant.pencePlacedHere])).toEqual([[references.g3, 500_00, 500_00]]);
    expect(result.data!.coverageAreaGrants.widerGrants).toEqual([]);
  });
});

describe('boundaries', () => {
  it("gives the fund's areas of a level as GeoJSON, and says how many have no boundary", async () => {
    const result = await clients.community.gql(BOUNDARIES, { fundId: fund.id, level: 'LSOA' });
    expect(result.errors).toBeUndefined();
    const { featureCollection, withoutBoundary, version } = result.data!.coverageBoundaries;
    expect(featureCollection.type).toBe('FeatureCollection');
    expect(featureCollection.features.map((feature: { id: string; properties: unknown }) => [feature.id, feature.properties])).toEqual([
      [L1, { code: L1, name: 'Testdale 001A' }],
      [L2, { code: L2, name: 'Testdale 001B' }],
      [L3, { code: L3, name: 'Testdale 002A' }],
    ]);
    expect(featureCollection.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[-3, 54.1], [-3, 54.11], [-2.99, 54.11], [-2.99, 54.1], [-3, 54.1]]] });
    expect(withoutBoundary).toBe(1);
    // Unchanged boundaries: the same version, from one statement fewer (the cached collection).
    statements = 0;
    const again = await clients.community.gql(BOUNDARIES, { fundId: fund.id, level: 'LSOA' });
    expect(again.data!.coverageBoundaries.version).toBe(version);
    const cachedStatements = statements;
    await app.em().getConnection().execute(`UPDATE area SET updated_at = now() + interval '1 second' WHERE code = ?`, [L2]);
    statements = 0;
    const changed = await clients.community.gql(BOUNDARIES, { fundId: fund.id, level: 'LSOA' });
    expect(changed.data!.coverageBoundaries.version).not.toBe(version);
    expect(statements).toBe(cachedStatements + 1);
  });
});

describe('who may see it', () => {
  it('everyone in the fund: coordinator, funder officer, panellist, community panellist', async () => {
    for (const client of [clients.coordinator, clients.officer, clients.panellist, clients.community]) {
      const { view } = await coverage(AreaKind.LOCAL_AUTHORITY, undefined, client);
      expect(view.grants.all).toEqual(f(7, 2_600_01));
    }
  });

  it('nobody outside it, and nobody signed out: the fund looks as if it does not exist', async () => {
    for (const [query, variables] of [
      [COVERAGE, { fundId: fund.id, level: 'LSOA' }],
      [AREA_GRANTS, { fundId: fund.id, code: L1 }],
      [BOUNDARIES, { fundId: fund.id, level: 'LSOA' }],
    ] as const) {
      const outsider = await clients.outsider.gql(query, variables);
      expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(outsider.data).toBeNull();
      expect((await app.client().gql(query, variables)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await clients.coordinator.gql(COVERAGE, { fundId: 'not-a-uuid', level: 'LSOA' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('cost', () => {
  it('a fixed number of SQL statements, however many grants and areas, and fewer while nothing changes', async () => {
    const filter = { funderId: ids.trust, awardedFrom: '2026-01-01' };
    const first = await coverage(AreaKind.LSOA, filter);
    // session, memberships, the versions (for the answer's cache), the fund, its priorities, the filter
    // check, the versions (for the figures' cache), and the coverage itself.
    expect(first.statements).toBe(8);
    // Nothing changed: the same answer, after the session, the memberships and the versions.
    const again = await coverage(AreaKind.LSOA, filter);
    expect(again.statements).toBe(3);
    expect(again.view).toEqual(first.view);

    const em = app.em();
    for (let i = 0; i < 5; i++) {
      const { application } = await createAward(em, fund, { amountPence: 10_00, draws: [[money.trust, 10_00]], grant: true, decidedAt: new Date('2026-11-27T10:00:00Z') });
      application.areaCodes = [L1, L2];
      await em.flush();
    }
    // Five more grants: computed again, with the same number of statements.
    const after = await coverage(AreaKind.LSOA, filter);
    expect(after.statements).toBe(8);
    expect(figuresByArea(after.view.areas)[L2]).toEqual([5, 25_00, 25_00 / 2000]);
    // Both LSOAs are in the North ward: each new grant counts once there, with all its money.
    const wards = (await coverage(AreaKind.WARD, filter)).view;
    expect(figuresByArea(wards.areas)[NORTH]).toEqual([2 + 5, 600_00 + 150_01 + 5 * 10_00, (600_00 + 150_01 + 5 * 10_00) / 3000]);
    // Left out at ward level: G4 (the district), G5 (elsewhere), G6 (no area), G7 (unknown code).
    expect(wards.grants.inAreas.grantCount).toBe(wards.grants.all.grantCount - 4);
  });

  it('is computed again when an application is placed elsewhere, published grants are imported or areas are', async () => {
    const before = (await coverage(AreaKind.LSOA)).view;
    const em = app.em();
    await em.getConnection().execute(`UPDATE application SET area_codes = ? WHERE reference = ?`, [`{${L4}}`, references.g1]);
    const moved = (await coverage(AreaKind.LSOA)).view;
    expect(figuresByArea(moved.areas)[L4]).toEqual([1, 1_000_00, 200]);
    expect(figuresByArea(moved.areas)[L1][1]).toBe(Number(figuresByArea(before.areas)[L1][1]) - 1_000_00);
    await createExternalGrants(em, fund, [{ postcode: 'TD1 1AA', amountMinor: 1_00, awardDate: '2026-11-21' }]);
    expect((await coverage(AreaKind.LSOA)).view.areas.find((area: { code: string }) => area.code === L1)!.externalGrantCount).toBe(2);
    await em.getConnection().execute(`UPDATE area SET population = 4000 WHERE code = ?`, [L4]);
    await createPostcodes(em, [['TD9 9ZZ', L4, SOUTH, LA]]);
    expect(figuresByArea((await coverage(AreaKind.LSOA)).view.areas)[L4]).toEqual([1, 1_000_00, 25]);
    await em.getConnection().execute(`UPDATE application SET area_codes = ? WHERE reference = ?`, [`{${L1}}`, references.g1]);
    await em.getConnection().execute(`UPDATE area SET population = 500 WHERE code = ?`, [L4]);
  });
});

describe('the page’s answer', () => {
  const PAGE = `query Coverage($fundId: ID!, $level: AreaKind!) { coverage(fundId: $fundId, level: $level) { areas { code grantCount pence } grants { all { grantCount pence } } } }`;
  const ask = async (client: ApiClient) => {
    statements = 0;
    const result = await client.gql(PAGE, { fundId: fund.id, level: 'WARD' });
    return { result, statements };
  };

  it('is served again while nothing in it changes, to everyone who may see the map and nobody else', async () => {
    const first = await ask(clients.coordinator);
    expect(first.result.errors).toBeUndefined();
    // Another member: the same answer after the session, the memberships and the versions.
    const again = await ask(clients.community);
    expect(again.statements).toBe(3);
    expect(again.result.data).toEqual(first.result.data);
    // Other fields of the same map: a new answer, from the figures kept, without the coverage statement.
    statements = 0;
    const otherFields = await clients.officer.gql(`query($fundId: ID!) { coverage(fundId: $fundId, level: WARD) { areas { code population } } }`, { fundId: fund.id });
    expect(otherFields.errors).toBeUndefined();
    // session, memberships, the versions (answer), the fund, its priorities, the versions (figures).
    expect(statements).toBe(6);
    const outsider = await ask(clients.outsider);
    expect(outsider.result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(outsider.result.data).toBeNull();

    const { application } = await createAward(app.em(), fund, { amountPence: 20_00, draws: [[money.trust, 20_00]], grant: true });
    await app.em().getConnection().execute(`UPDATE application SET area_codes = ? WHERE id = ?`, [`{${SOUTH}}`, application.id]);
    const changed = await ask(clients.community);
    expect(changed.statements).toBeGreaterThan(3);
    expect(changed.result.data!.coverage.grants.all.grantCount).toBe(first.result.data!.coverage.grants.all.grantCount + 1);
  });
});
