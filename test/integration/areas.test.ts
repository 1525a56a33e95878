import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { addMember, createFund } from '../factories/index.ts';
import { sharedDataPath } from '../support/shared-data.ts';
import { type ApiClient, startTestApp, type TestApp } from '../support/test-app.ts';

const DISTRICTS = ['E07000026', 'E07000027', 'E07000028', 'E07000029', 'E07000030', 'E07000031'];
const FILE_1 = sharedDataPath('geo', 'imd2019', 'File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv');
const FILE_6 = sharedDataPath('geo', 'imd2019', 'File_6_-_IoD2019_Population_Denominators.csv');

const SUMMARY = `{ areaSummary { postcodes kinds { kind areas withBoundary withPopulation withDeprivation demo } } }`;
const AREAS = `query($kind: AreaKind, $la: String) { areas(kind: $kind, localAuthority: $la) { code name kind localAuthorityCode wardCode population imdRank imdDecile areaKm2 demo } }`;
const AREA = `query($code: String!) { area(code: $code) { code name kind localAuthorityCode wardCode population imdRank imdDecile areaKm2 centroid geometry } }`;
const IMPORTS = `{ areaImports { kind fileName rowsRead areasCreated areasUpdated postcodes importedBy createdAt } }`;
const POSTCODE = `query($postcode: String!) { postcodeArea(postcode: $postcode) { postcode lsoaCode wardCode localAuthorityCode lsoa { code name imdDecile population } ward { code name } localAuthority { code } } }`;

let app: TestApp;
let coordinator: ApiClient;
let coordinatorName: string;
let officer: ApiClient;
const statements: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => statements.push(sql) });
  const fund = await createFund(app.em());
  const person = await addMember(app.em(), fund, FundRole.COORDINATOR);
  coordinatorName = person.name;
  coordinator = await app.signedInAs(person);
  officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
});
afterAll(() => app.close());

async function upload(client: ApiClient, kind: string, fileName: string, content: string) {
  const response = await fetch(`${app.url}/imports/areas?kind=${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName), ...(client.cookie ? { cookie: client.cookie } : {}) },
    body: content,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const uploadShared = (client: ApiClient, kind: string, path: string) => upload(client, kind, path.split('/').pop()!, readFileSync(path, 'utf8'));

async function count(table: string) {
  const [{ n }] = await app.em().getConnection().execute(`select count(*)::int as n from ${table}`);
  return n as number;
}

const messages = (body: Record<string, any>) => (body.errors[0].extensions.fields as { message: string }[]).map((field) => field.message);

describe('who may import and see the log', () => {
  it('refuses imports to people not signed in and to people who coordinate no fund', async () => {
    const file = JSON.stringify({ type: 'FeatureCollection', features: [] });
    expect((await upload(app.client(), 'BOUNDARIES', 'a.json', file)).status).toBe(401);
    const refused = await upload(officer, 'BOUNDARIES', 'a.json', file);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toEqual({ message: 'You do not have permission to import areas: only fund coordinators can.', extensions: { code: 'FORBIDDEN' } });
    expect((await officer.gql(IMPORTS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.client().gql(IMPORTS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets anyone read areas, as public statistics', async () => {
    const result = await app.client().gql(SUMMARY);
    expect(result.errors).toBeUndefined();
    expect(result.data?.areaSummary).toEqual({
      postcodes: 0,
      kinds: [
        { kind: 'LSOA', areas: 0, withBoundary: 0, withPopulation: 0, withDeprivation: 0, demo: 0 },
        { kind: 'WARD', areas: 0, withBoundary: 0, withPopulation: 0, withDeprivation: 0, demo: 0 },
        { kind: 'LOCAL_AUTHORITY', areas: 0, withBoundary: 0, withPopulation: 0, withDeprivation: 0, demo: 0 },
      ],
    });
    expect((await app.client().gql(AREAS, { kind: 'LSOA' })).data?.areas).toEqual([]);
  });
});

describe('bad files import nothing', () => {
  it('refuses a boundary file with one bad feature among good ones, naming the feature and code', async () => {
    const good = readFileSync(sharedDataPath('geo', 'cumbria', 'lsoa', 'topo_E07000028.json'), 'utf8');
    const topology = JSON.parse(good);
    const geometries = topology.objects.E07000028.geometries;
    geometries[11] = { ...geometries[11], type: null, arcs: undefined };
    geometries[20].properties.LSOA11CD = geometries[3].properties.LSOA11CD;
    const result = await upload(coordinator, 'BOUNDARIES', 'carlisle.json', JSON.stringify(topology));
    expect(result.status).toBe(422);
    expect(result.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(messages(result.body)).toEqual([`Feature 12 (${geometries[11].properties.LSOA11CD}): no geometry`, `Feature 21 (${geometries[3].properties.LSOA11CD}): the same code as feature 4; each area must appear once`]);
    expect(await count('area')).toBe(0);
    expect(await count('area_import')).toBe(0);
  });

  it('refuses broken JSON, the wrong kind of file and a bad CSV row with a clear message, never a server error', async () => {
    const broken = await upload(coordinator, 'BOUNDARIES', 'broken.json', '{"type": "Topology", "objects": ');
    expect(broken.status).toBe(422);
    expect(messages(broken.body)[0]).toMatch(/^The file is not valid JSON \(/);
    expect(messages((await upload(coordinator, 'BOUNDARIES', 'imd.csv', 'a,b')).body)).toEqual(['Boundaries come in a GeoJSON or TopoJSON file ending in .json, .geojson or .topojson.']);
    expect(messages((await upload(coordinator, 'MAPS', 'imd.csv', 'a,b')).body)).toEqual(['Choose what the file holds: boundaries, deprivation, population or postcodes.']);
    const rows = readFileSync(FILE_1, 'utf8').split('\n').slice(0, 8);
    rows[6] = rows[6].replace(/,\d+\r?$/, ',11');
    const csv = await upload(coordinator, 'DEPRIVATION', 'File_1.csv', rows.join('\n'));
    expect(csv.status).toBe(422);
    expect(messages(csv.body)).toEqual(['Row 7, Index of Multiple Deprivation (IMD) Decile: 11 is not a decile from 1 to 10']);
    expect(await count('area')).toBe(0);
    expect(await count('area_import')).toBe(0);
  });
});

describe('the real Cumbria boundaries and the IMD 2019 files', () => {
  beforeAll(async () => {
    for (const folder of ['lsoa', 'wards']) {
      for (const district of DISTRICTS) {
        const result = await uploadShared(coordinator, 'BOUNDARIES', sharedDataPath('geo', 'cumbria', folder, `topo_${district}.json`));
        expect(result.status).toBe(200);
      }
    }
    expect((await uploadShared(coordinator, 'DEPRIVATION', FILE_1)).body.data.imports).toEqual([
      { id: expect.any(String), kind: 'DEPRIVATION', fileName: 'File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv', rowsRead: 32_844, areasCreated: 32_523, areasUpdated: 321, postcodes: 0 },
    ]);
    expect((await uploadShared(coordinator, 'POPULATION', FILE_6)).body.data.imports[0]).toMatchObject({ rowsRead: 32_844, areasCreated: 0, areasUpdated: 32_844 });
  }, 120_000);

  it('holds 321 LSOAs with boundaries in the six districts, each with its IMD decile and population, and 166 wards', async () => {
    const summary = (await app.client().gql(SUMMARY)).data?.areaSummary;
    expect(summary.kinds).toEqual([
      { kind: 'LSOA', areas: 32_844, withBoundary: 321, withPopulation: 32_844, withDeprivation: 32_844, demo: 0 },
      { kind: 'WARD', areas: 166, withBoundary: 166, withPopulation: 0, withDeprivation: 0, demo: 0 },
      { kind: 'LOCAL_AUTHORITY', areas: 0, withBoundary: 0, withPopulation: 0, withDeprivation: 0, demo: 0 },
    ]);
    let lsoas = 0;
    let wards = 0;
    for (const district of DISTRICTS) {
      const inDistrict = (await app.client().gql(AREAS, { kind: 'LSOA', la: district })).data?.areas as Record<string, any>[];
      lsoas += inDistrict.length;
      for (const area of inDistrict) {
        expect(area.imdDecile).toBeGreaterThanOrEqual(1);
        expect(area.imdDecile).toBeLessThanOrEqual(10);
        expect(area.population).toBeGreaterThan(0);
        expect(area.areaKm2).toBeGreaterThan(0);
        expect(area.localAuthorityCode).toBe(district);
      }
      const districtWards = (await app.client().gql(AREAS, { kind: 'WARD', la: district })).data?.areas as Record<string, any>[];
      wards += districtWards.length;
      // Every LSOA is placed in one of its own district's wards.
      const wardCodes = new Set(districtWards.map((ward) => ward.code));
      expect(inDistrict.filter((area) => !wardCodes.has(area.wardCode)).map((area) => area.code)).toEqual([]);
    }
    expect(lsoas).toBe(321);
    expect(wards).toBe(166);
  });

  it('holds the exact figures of the files for known LSOAs', async () => {
    const allerdale = (await app.client().gql(AREA, { code: 'E01019078' })).data?.area;
    expect(allerdale).toMatchObject({ code: 'E01019078', name: 'Allerdale 007A', kind: 'LSOA', localAuthorityCode: 'E07000026', imdRank: 30_865, imdDecile: 10, population: 1_544 });
    expect(['Polygon', 'MultiPolygon']).toContain(allerdale.geometry.type);
    expect(allerdale.centroid).toHaveLength(2);
    const barrow = (await app.client().gql(AREA, { code: 'E01019165' })).data?.area;
    expect(barrow).toMatchObject({ name: 'Barrow-in-Furness 004D', localAuthorityCode: 'E07000027', imdRank: 3_002, imdDecile: 1, population: 1_363 });
    // Outside Cumbria: figures, no boundary.
    const london = (await app.client().gql(AREA, { code: 'E01000001' })).data?.area;
    expect(london).toMatchObject({ name: 'City of London 001A', localAuthorityCode: 'E09000001', imdRank: 29_199, imdDecile: 9, population: 1_296, areaKm2: null, geometry: null, wardCode: null });
  });

  it('loads a district’s boundaries with its areas in one statement, not one per area', async () => {
    statements.length = 0;
    const result = await app.client().gql(`query($la: String) { areas(kind: LSOA, localAuthority: $la) { code geometry centroid } }`, { la: 'E07000028' });
    expect(statements).toHaveLength(1);
    const areas = result.data?.areas as { code: string; geometry: { type: string; coordinates: unknown[] }; centroid: number[] }[];
    expect(areas).toHaveLength(68);
    expect(areas.every((area) => ['Polygon', 'MultiPolygon'].includes(area.geometry.type) && area.centroid.length === 2)).toBe(true);
    statements.length = 0;
    await app.client().gql(AREAS, { kind: 'LSOA', la: 'E07000028' });
    // Without geometry asked for, the boundaries stay in the database.
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/geometry/);
  });

  it('updates in place when a file is imported again', async () => {
    const again = await uploadShared(coordinator, 'BOUNDARIES', sharedDataPath('geo', 'cumbria', 'lsoa', 'topo_E07000026.json'));
    expect(again.body.data.imports[0]).toMatchObject({ rowsRead: 60, areasCreated: 0, areasUpdated: 60 });
    expect(await count(`area where kind = 'LSOA' and area_km2 is not null`)).toBe(321);
  });

  it('logs every import, newest first, for coordinators', async () => {
    const result = await coordinator.gql(IMPORTS);
    expect(result.errors).toBeUndefined();
    const log = result.data?.areaImports as Record<string, any>[];
    expect(log).toHaveLength(15);
    expect(log[0]).toMatchObject({ kind: 'BOUNDARIES', fileName: 'topo_E07000026.json', rowsRead: 60, areasCreated: 0, areasUpdated: 60, importedBy: coordinatorName });
    expect(log.slice(1, 3).map((entry) => entry.kind)).toEqual(['POPULATION', 'DEPRIVATION']);
    const [{ n }] = await app.em().getConnection().execute(`select count(*)::int as n from audit_event where action = 'areas.imported'`);
    expect(n).toBe(15);
  });

  it('looks up postcodes, and places an LSOA without a boundary in the ward most of its postcodes are in', async () => {
    // The ward the boundaries put this Carlisle LSOA in; the postcode lookup's own ward code differs, and the boundaries win.
    const carlisleWard = (await app.client().gql(AREA, { code: 'E01019210' })).data?.area.wardCode as string;
    expect(carlisleWard).toMatch(/^E05\d{6}$/);
    const lookup = [
      'pcd,pcds,oslaua,osward,lsoa11',
      `CA1 2AB,CA1 2AB,E07000028,${carlisleWard},E01019210`,
      'CA1 2AD,CA1 2AD,E07000028,E05099999,E01019210',
      'CA1 2AE,CA1 2AE,E07000028,E05099999,E01019210',
      'EC1A1AA,EC1A 1AA,E09000001,E05009300,E01000001',
      'EC1A1AB,EC1A 1AB,E09000001,E05009301,E01000001',
      'EC1A1AD,EC1A 1AD,E09000001,E05009301,E01000001',
    ].join('\n');
    const imported = await upload(coordinator, 'POSTCODES', 'postcodes.csv', lookup);
    expect(imported.body.data.imports[0]).toMatchObject({ kind: 'POSTCODES', rowsRead: 6, postcodes: 6 });
    const found = await app.client().gql(POSTCODE, { postcode: 'ca12ab' });
    expect(found.errors).toBeUndefined();
    expect(found.data?.postcodeArea).toEqual({
      postcode: 'CA1 2AB',
      lsoaCode: 'E01019210',
      wardCode: carlisleWard,
      localAuthorityCode: 'E07000028',
      lsoa: { code: 'E01019210', name: expect.stringMatching(/^Carlisle /), imdDecile: expect.any(Number), population: expect.any(Number) },
      ward: { code: carlisleWard, name: expect.any(String) },
      // No local authority boundaries were imported.
      localAuthority: null,
    });
    expect((await app.client().gql(POSTCODE, { postcode: 'CA99 9ZZ' })).data?.postcodeArea).toBeNull();
    const bad = await app.client().gql(POSTCODE, { postcode: 'not a postcode' });
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'postcode', message: 'Enter a full UK postcode, like CA1 2AB.' }] });
    expect((await app.client().gql(AREA, { code: 'E01000001' })).data?.area.wardCode).toBe('E05009301');
    expect((await app.client().gql(AREA, { code: 'E01019210' })).data?.area.wardCode).toBe(carlisleWard);
    expect((await app.client().gql(SUMMARY)).data?.areaSummary.postcodes).toBe(6);
  });

});
