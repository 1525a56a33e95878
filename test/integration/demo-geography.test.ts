import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AREA_CODE } from '../../shared/areas.ts';
import { DEMO_DISTRICT_CODE, generateDemoGeography } from '../../server/demo/demo-geography.ts';
import { DEMO_EMAIL_DOMAIN } from '../../server/demo/demo-data.ts';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { seedDemoPanelHistory } from '../../server/demo/seed-panel-history.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const DEMO_AREAS = `query($la: String) { areas(localAuthority: $la) { code kind name localAuthorityCode wardCode population imdRank imdDecile areaKm2 centroid demo geometry } }`;
const SUMMARY = `{ areaSummary { postcodes kinds { kind areas withBoundary withPopulation withDeprivation demo } } }`;

interface AreaRow {
  code: string;
  kind: string;
  name: string;
  localAuthorityCode: string | null;
  wardCode: string | null;
  population: number | null;
  imdRank: number | null;
  imdDecile: number | null;
  areaKm2: number;
  centroid: [number, number] | null;
  demo: boolean;
  geometry: { type: string; coordinates: number[][][] } | null;
}

let app: TestApp;
let coordinator: ApiClient;
let fundId: string;
let areas: AreaRow[];
const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => app.em().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  app = await startTestApp();
  expect(await seedDemo(app.em())).toBe(true);
  await seedDemoPanelHistory(app.em(), app.mailer, app.url);
  coordinator = await app.signedInAs(await app.em().findOneOrFail(User, { email: `coordinator@${DEMO_EMAIL_DOMAIN}` }));
  fundId = (await coordinator.gql(`{ funds { id } }`)).data!.funds[0].id;
  areas = (await app.client().gql(DEMO_AREAS, { la: DEMO_DISTRICT_CODE })).data!.areas;
}, 120_000);
afterAll(() => app.close());

const lsoas = () => areas.filter((area) => area.kind === 'LSOA');
const density = (area: AreaRow) => area.population! / area.areaKm2;

describe('the demo geography', () => {
  it('is one fictional district of 8 wards and 38 small areas, all marked as demo, with the postcodes its groups use', async () => {
    const summary = (await app.client().gql(SUMMARY)).data!.areaSummary;
    expect(summary.kinds).toEqual([
      { kind: 'LSOA', areas: 38, withBoundary: 38, withPopulation: 38, withDeprivation: 38, demo: 38 },
      { kind: 'WARD', areas: 8, withBoundary: 8, withPopulation: 0, withDeprivation: 0, demo: 8 },
      { kind: 'LOCAL_AUTHORITY', areas: 1, withBoundary: 1, withPopulation: 0, withDeprivation: 0, demo: 1 },
    ]);
    // A dozen postcodes in every sector of the 16 villages, and the groups' and published grants' own.
    expect(summary.postcodes).toBeGreaterThanOrEqual(16 * 10 * 12);
    expect(areas).toHaveLength(47);
    expect(areas.map((area) => area.code).filter((code) => code.startsWith('RD-W'))).toEqual(['RD-W01', 'RD-W02', 'RD-W03', 'RD-W04', 'RD-W05', 'RD-W06', 'RD-W07', 'RD-W08']);
    for (const area of areas) {
      expect(area.code).toMatch(DEMO_AREA_CODE);
      expect(area.name).toMatch(/ \(fictional\)$/);
      expect(area.demo).toBe(true);
      expect(['Polygon', 'MultiPolygon']).toContain(area.geometry?.type);
      expect(area.areaKm2).toBeGreaterThan(0);
      expect(area.centroid).toHaveLength(2);
    }
  });

  it('gives every small area a ward, a population of about 1,500 and an IMD rank and decile that agree', () => {
    for (const area of lsoas()) {
      expect(area).toMatchObject({ localAuthorityCode: DEMO_DISTRICT_CODE, wardCode: `RD-W${area.code.slice(4, 6)}` });
      expect(area.population).toBeGreaterThanOrEqual(1_000);
      expect(area.population).toBeLessThanOrEqual(2_000);
      expect(Math.ceil((area.imdRank! * 10) / 32_844)).toBe(area.imdDecile);
    }
    expect(lsoas().reduce((sum, area) => sum + area.population!, 0)).toBe(generateDemoGeography().areas.reduce((sum, area) => sum + (area.population ?? 0), 0));
    // The small areas tile the district.
    const district = areas.find((area) => area.kind === 'LOCAL_AUTHORITY')!;
    expect(lsoas().reduce((sum, area) => sum + area.areaKm2, 0)).toBeCloseTo(district.areaKm2, 0);
  });

  it('has a dense, deprived town centre and sparse rural fells', () => {
    const town = lsoas().filter((area) => area.wardCode === 'RD-W01');
    expect(town.filter((area) => area.imdDecile! <= 2).length).toBeGreaterThanOrEqual(5);
    expect(town.some((area) => density(area) > 2_000)).toBe(true);
    const fells = lsoas().filter((area) => area.wardCode === 'RD-W08');
    expect(fells).toHaveLength(2);
    for (const area of fells) expect(density(area)).toBeLessThan(50);
    // Rural deciles are mixed.
    const rural = lsoas().filter((area) => density(area) < 100);
    expect(new Set(rural.map((area) => area.imdDecile)).size).toBeGreaterThanOrEqual(4);
  });

  it('is generated the same on every machine', () => {
    expect(JSON.stringify(generateDemoGeography())).toBe(JSON.stringify(generateDemoGeography()));
    const stored = new Map(lsoas().map((area) => [area.code, area]));
    for (const area of generateDemoGeography().areas.filter((candidate) => candidate.kind === 'LSOA')) {
      expect(stored.get(area.code)).toMatchObject({ name: area.name, population: area.population, imdDecile: area.imdDecile, imdRank: area.imdRank });
    }
  });
});

describe('the demo fund in its district', () => {
  it('covers the district, and offers its wards and small areas to choose from', async () => {
    const fund = (await coordinator.gql(`query($id: ID!) { fund(id: $id) { areaCodes lsoas: areas(kind: LSOA) { code } wards: areas(kind: WARD) { code } } }`, { id: fundId })).data!.fund;
    expect(fund.areaCodes).toEqual([DEMO_DISTRICT_CODE]);
    expect(fund.lsoas).toHaveLength(38);
    expect(fund.wards).toHaveLength(8);
  });

  it('places every demo application from its postcode, and leaves gaps for the coverage map to show', async () => {
    const placed = await sql<{ code: string; applications: number }>(
      `SELECT unnest(area_codes) AS code, count(*)::int AS applications FROM application WHERE fund_id = ? GROUP BY 1 ORDER BY 1`,
      [fundId],
    );
    expect(await sql(`SELECT reference FROM application WHERE fund_id = ? AND cardinality(area_codes) <> 1`, [fundId])).toEqual([]);
    expect(placed.every((row) => /^RD-L\d{4}$/.test(row.code))).toBe(true);
    const codes = new Set(placed.map((row) => row.code));
    // The most deprived town-centre areas include one where no group applied; Upper Fells has no group at all.
    const deprivedTown = lsoas().filter((area) => area.wardCode === 'RD-W01' && area.imdDecile === 1);
    expect(deprivedTown.some((area) => !codes.has(area.code))).toBe(true);
    expect(lsoas().filter((area) => area.wardCode === 'RD-W08' && codes.has(area.code))).toEqual([]);
    // A group's postcode is found in the lookup.
    const [{ postcode, area_codes }] = await sql(`SELECT g.postcode, a.area_codes FROM application a JOIN applicant_group g ON g.id = a.group_id WHERE a.reference = 'RD-00001'`);
    const found = await app.client().gql(`query($postcode: String!) { postcodeArea(postcode: $postcode) { lsoaCode wardCode localAuthorityCode lsoa { demo } } }`, { postcode });
    expect(found.data?.postcodeArea).toMatchObject({ lsoaCode: area_codes[0], localAuthorityCode: DEMO_DISTRICT_CODE, lsoa: { demo: true } });
  });

  it('pays the water company’s money only to grants in the flooded valley wards, and keeps the money figures', async () => {
    const draws = await sql<{ ward_code: string; pence: number }>(
      `SELECT ar.ward_code, sum(d.amount_pence)::int AS pence FROM award_draw d
         JOIN contribution c ON c.id = d.contribution_id JOIN funder f ON f.id = c.funder_id
         JOIN decision x ON x.id = d.decision_id JOIN application a ON a.id = x.application_id
         JOIN area ar ON ar.code = a.area_codes[1]
        WHERE f.name = 'Northern Waters plc (demo)' GROUP BY 1 ORDER BY 1`,
    );
    expect(draws.map((row) => row.ward_code)).toEqual(['RD-W03', 'RD-W04']);
    expect(draws.every((row) => row.pence > 0)).toBe(true);
    const fund = (await coordinator.gql(`query($id: ID!) { fund(id: $id) { ledger { availablePence } applicationCounts { status count } } }`, { id: fundId })).data!.fund;
    expect(fund.ledger.availablePence).toBe(574_550_00);
    expect(fund.applicationCounts).toEqual([
      { status: 'DRAFT', count: 10 },
      { status: 'SUBMITTED', count: 26 },
      { status: 'CHECKED', count: 0 },
      { status: 'ON_AGENDA', count: 10 },
      { status: 'DECIDED', count: 39 },
    ]);
  });
});
