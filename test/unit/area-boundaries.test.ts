import { readFileSync } from 'node:fs';
import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { AreaKind } from '../../shared/domain.ts';
import { MAX_PROBLEMS } from '../../server/modules/areas/area-file-problem.ts';
import { type BoundaryArea, parseBoundaryFile } from '../../server/modules/areas/boundary-file.ts';
import { boundaryContains, prepareBoundary } from '../../server/modules/areas/geometry.ts';
import { sharedDataPath } from '../support/shared-data.ts';

const readGeo = (...parts: string[]) => readFileSync(sharedDataPath('geo', ...parts), 'utf8');

function areasOf(content: string): BoundaryArea[] {
  const result = parseBoundaryFile(content);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join('\n'));
  return result.areas;
}

function problemsOf(content: string) {
  const result = parseBoundaryFile(content);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((problem) => problem.text);
}

/** A square 0.01° a side with its south-west corner at (lon, lat), wound as RFC 7946 has it (anticlockwise). */
const square = (lon = -2.94, lat = 54.89, size = 0.01) => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

const polygon = (ring = square()) => ({ type: 'Polygon', coordinates: [ring] });

function collection(features: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features });
}

const feature = (properties: Record<string, unknown>, geometry: unknown = polygon(), more: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry, ...more });

describe('real boundary files', () => {
  it('reads a Cumbria LSOA TopoJSON: codes, names, the district from the object name, areas and centroids', () => {
    const areas = areasOf(readGeo('cumbria', 'lsoa', 'topo_E07000026.json'));
    expect(areas).toHaveLength(60);
    const first = areas[0];
    expect(first).toMatchObject({ feature: 1, code: 'E01019078', kind: AreaKind.LSOA, name: 'Allerdale 007A', localAuthorityCode: 'E07000026' });
    expect(first.areaKm2).toBeGreaterThan(0.1);
    expect(first.areaKm2).toBeLessThan(100);
    expect(boundaryContains(first.geometry, first.centroid)).toBe(true);
    // Rounded to 5 decimal places.
    const [lon, lat] = first.geometry.type === 'Polygon' ? first.geometry.coordinates[0][0] : first.geometry.coordinates[0][0][0];
    expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
    expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
    expect(new Set(areas.map((area) => area.kind))).toEqual(new Set([AreaKind.LSOA]));
  });

  it('reads ward names from WD13NM, not the old-style code WD13CDO or the empty Welsh name', () => {
    const areas = areasOf(readGeo('cumbria', 'wards', 'topo_E07000026.json'));
    expect(areas[0]).toMatchObject({ code: 'E05003114', kind: AreaKind.WARD, name: 'All Saints', localAuthorityCode: 'E07000026' });
  });

  it('reads the 326 English local authorities, with Carlisle at about its real size', () => {
    const areas = areasOf(readGeo('england', 'topo_lad13_england.json'));
    expect(areas).toHaveLength(326);
    const carlisle = areas.find((area) => area.code === 'E07000028')!;
    expect(carlisle).toMatchObject({ kind: AreaKind.LOCAL_AUTHORITY, name: 'Carlisle', localAuthorityCode: null });
    // 1,039 km² officially; the published boundary is generalised.
    expect(carlisle.areaKm2).toBeGreaterThan(1_020);
    expect(carlisle.areaKm2).toBeLessThan(1_050);
  });
});

describe('GeoJSON', () => {
  it('finds the code and name by their shape whatever the properties are called, and the local authority beside them', () => {
    const [area] = areasOf(collection([feature({ objectid: 7, code: 'E01019078', name: 'Allerdale 007A', LAD19CD: 'E07000026' })]));
    expect(area).toMatchObject({ code: 'E01019078', kind: AreaKind.LSOA, name: 'Allerdale 007A', localAuthorityCode: 'E07000026' });
  });

  it('takes the finer code when a feature carries two, and the bare feature id when no property has one', () => {
    const [ward] = areasOf(collection([feature({ LAD13CD: 'E07000028', WD13CD: 'E05003114', WD13NM: 'Botcherby' })]));
    expect(ward).toMatchObject({ code: 'E05003114', kind: AreaKind.WARD, name: 'Botcherby', localAuthorityCode: 'E07000028' });
    const [authority] = areasOf(collection([feature({ NAME: 'Carlisle' }, polygon(), { id: 'E07000028' })]));
    expect(authority).toMatchObject({ code: 'E07000028', kind: AreaKind.LOCAL_AUTHORITY, name: 'Carlisle', localAuthorityCode: null });
  });

  it('leaves names empty when the file names no areas, and reads a single Feature', () => {
    const [area] = areasOf(JSON.stringify(feature({ LSOA21CD: 'E01019078' })));
    expect(area).toMatchObject({ code: 'E01019078', name: null });
  });

  it('winds rings as d3-geo draws them, whichever way the file winds them, so both give the same area', () => {
    const anticlockwise = areasOf(collection([feature({ code: 'E01000001' })]))[0];
    const clockwise = areasOf(collection([feature({ code: 'E01000001' }, polygon(square().reverse()))]))[0];
    expect(clockwise.geometry).toEqual(anticlockwise.geometry);
    // 0.01° of longitude at 54.9°N is 0.641 km, 0.01° of latitude 1.113 km.
    expect(anticlockwise.areaKm2).toBeCloseTo(0.713, 2);
    expect(geoArea(anticlockwise.geometry)).toBeLessThan(2 * Math.PI);
    expect(anticlockwise.centroid).toEqual([-2.935, 54.895]);
  });

  it('keeps a hole as a hole, and multipolygons with their parts', () => {
    const outer = square(-2.94, 54.89, 0.02);
    const hole = square(-2.935, 54.895, 0.005).reverse();
    const [area] = areasOf(collection([feature({ code: 'E01000001' }, { type: 'Polygon', coordinates: [outer, hole] })]));
    const whole = areasOf(collection([feature({ code: 'E01000001' }, { type: 'Polygon', coordinates: [outer] })]))[0];
    expect(area.areaKm2).toBeCloseTo(whole.areaKm2 * (1 - 1 / 16), 2);
    expect(boundaryContains(area.geometry, [-2.9325, 54.8975])).toBe(false);
    expect(boundaryContains(area.geometry, [-2.938, 54.892])).toBe(true);
    const [islands] = areasOf(collection([feature({ code: 'E01000001' }, { type: 'MultiPolygon', coordinates: [[square()], [square(-2.9, 54.89)]] })]));
    expect(islands.geometry.type).toBe('MultiPolygon');
    expect(islands.areaKm2).toBeCloseTo(2 * 0.713, 2);
  });
});

describe('problems', () => {
  it('refuses text that is not JSON, and JSON of the wrong shape, each with one clear message', () => {
    expect(problemsOf('{"type": "FeatureCollection", "features": [')[0]).toMatch(/^The file is not valid JSON \(.+\)\. Boundary files are GeoJSON or TopoJSON\.$/);
    expect(problemsOf('[1, 2]')).toEqual(['The file is JSON but neither GeoJSON (a FeatureCollection) nor TopoJSON (a Topology): it is a list.']);
    expect(problemsOf('{"type": "Topologie"}')).toEqual(['The file is JSON but neither GeoJSON (a FeatureCollection) nor TopoJSON (a Topology): its "type" is \'Topologie\'.']);
    expect(problemsOf(JSON.stringify(polygon()))).toEqual(['The file holds a bare Polygon with no properties, so no ONS code: export the boundaries as a FeatureCollection whose features carry their codes.']);
    expect(problemsOf('{"type": "FeatureCollection"}')).toEqual(['The FeatureCollection has no "features" list.']);
    expect(problemsOf(collection([]))).toEqual(['The file holds no features, so no areas.']);
  });

  it('refuses a file with no ONS codes at all, or codes of a kind it does not take, once for the file', () => {
    expect(problemsOf(collection([feature({ name: 'Somewhere', ref: 12 })]))).toEqual([
      'No feature carries an ONS code such as E01019078 (LSOA), E05003114 (ward) or E07000028 (local authority); the properties are name, ref.',
    ]);
    expect(problemsOf(collection([feature({ DataZone: 'S01006506' })]))[0]).toBe(
      'The features carry ONS codes of a kind this portal does not take (S01006506): it takes an LSOA (E01 or W01 and six digits, such as E01019078), ward (E05 or W05 and six digits, such as E05003114) or local authority (E06 to E09 or W06 and six digits, such as E07000028) code.',
    );
  });

  it('names the feature and its code for each problem, and lists them all', () => {
    const problems = problemsOf(
      collection([
        feature({ LSOA11CD: 'E01019078', LSOA11NM: 'Allerdale 007A' }),
        feature({ LSOA11CD: 'E0101907', LSOA11NM: 'Short code' }),
        feature({ LSOA11CD: '', LSOA11NM: 'No code' }),
        feature({ LSOA11CD: 'E01019078', LSOA11NM: 'Allerdale 007A again' }),
        feature({ LSOA11CD: 'E01019001', LSOA11NM: 'Cornwall 068D' }, null),
        feature({ LSOA11CD: 'E01019002', LSOA11NM: 'A point' }, { type: 'Point', coordinates: [-2.9, 54.9] }),
        feature({ LSOA11CD: 'E01019003', LSOA11NM: '' }),
        feature({ LSOA11CD: 'E01019004', LSOA11NM: 'National Grid' }, polygon([[337000, 553000], [338000, 553000], [338000, 554000], [337000, 553000]])),
        feature({ LSOA11CD: 'E01019005', LSOA11NM: 'Broken' }, { type: 'Polygon', coordinates: [[['a', 1]]] }),
        feature({ LSOA11CD: 'S01006506', LSOA11NM: 'A data zone' }),
        'not a feature' as unknown as Record<string, unknown>,
        feature({ LSOA11CD: 'E01019006', LSOA11NM: 'A line' }, polygon([[-2.9, 54.8], [-2.9, 54.9], [-2.9, 55], [-2.9, 54.8]])),
      ]),
    );
    expect(problems).toEqual([
      "Feature 2: LSOA11CD 'E0101907' is not an ONS code (a letter and eight digits, such as E01019078)",
      'Feature 3: no ONS code in LSOA11CD',
      'Feature 4 (E01019078): the same code as feature 1; each area must appear once',
      'Feature 5 (E01019001): no geometry',
      "Feature 6 (E01019002): a Point, not a polygon; an area's boundary must be a Polygon or MultiPolygon",
      'Feature 7 (E01019003): no name in LSOA11NM',
      'Feature 8 (E01019004): the coordinates are not longitude and latitude: (337000, 553000) looks like metres on the British National Grid; export the boundaries in WGS 84 (EPSG:4326)',
      'Feature 9 (E01019005): the boundary has a point that is not [longitude, latitude]: ["a",1]',
      'Feature 10 (S01006506): S01006506 is not an LSOA (E01 or W01 and six digits, such as E01019078), ward (E05 or W05 and six digits, such as E05003114) or local authority (E06 to E09 or W06 and six digits, such as E07000028) code',
      'Feature 11: not a GeoJSON Feature',
      'Feature 12 (E01019006): the boundary encloses no area',
    ]);
  });

  it('gives each problem its feature number, field and message for the command line', () => {
    const result = parseBoundaryFile(collection([feature({ code: 'E01019001' }, null)]));
    expect(result).toEqual({ ok: false, problems: [{ row: 1, field: 'E01019001', message: 'no geometry', text: 'Feature 1 (E01019001): no geometry' }] });
  });

  it('stops listing at the cap', () => {
    const features = Array.from({ length: MAX_PROBLEMS + 20 }, (_, index) => feature({ code: `E010${String(index).padStart(5, '0')}` }, null));
    expect(problemsOf(collection(features))).toHaveLength(MAX_PROBLEMS);
  });

  it('refuses TopoJSON whose arcs are missing or referred to wrongly, naming the feature', () => {
    const topology = (geometries: unknown[], arcs: unknown = [square()]) => JSON.stringify({ type: 'Topology', arcs, objects: { E07000028: { type: 'GeometryCollection', geometries } } });
    expect(problemsOf(topology([{ type: 'Polygon', arcs: [[5]], properties: { LSOA11CD: 'E01019001' } }]))).toEqual([
      'Feature 1 (E01019001): its arcs refer to arc 5, which the file does not have (it has 1)',
    ]);
    expect(problemsOf(topology([{ type: 'Polygon', arcs: [[0]], properties: { LSOA11CD: 'E01019001' } }], 'none'))).toEqual(['The TopoJSON file has no "arcs" list.']);
    expect(problemsOf(topology([{ type: 'Polygon', arcs: [[0]], properties: { LSOA11CD: 'E01019001' } }], [[[1, 2]]]))).toEqual(["The TopoJSON file's arc 0 is not a list of at least two points."]);
    expect(problemsOf(JSON.stringify({ type: 'Topology', arcs: [], objects: {} }))).toEqual(['The TopoJSON file has no objects, so no areas.']);
    const good = areasOf(topology([{ type: 'Polygon', arcs: [[0]], properties: { LSOA11CD: 'E01019001' } }, { type: null, properties: { LSOA11CD: 'E01019002' } }].slice(0, 1)));
    expect(good[0]).toMatchObject({ code: 'E01019001', localAuthorityCode: 'E07000028' });
    expect(problemsOf(topology([{ type: null, properties: { LSOA11CD: 'E01019002' } }]))).toEqual(['Feature 1 (E01019002): no geometry']);
  });
});

describe('prepareBoundary', () => {
  it('closes an unclosed ring and drops repeated points', () => {
    const open = square().slice(0, 4);
    const prepared = prepareBoundary({ type: 'Polygon', coordinates: [[open[0], open[0], ...open.slice(1)]] });
    expect(prepared.ok && prepared.geometry.coordinates[0]).toHaveLength(5);
  });

  it('says what is wrong with something that is not a boundary', () => {
    expect(prepareBoundary(undefined)).toEqual({ ok: false, message: 'no geometry' });
    expect(prepareBoundary('Polygon')).toEqual({ ok: false, message: 'the geometry is not a GeoJSON object' });
    expect(prepareBoundary({ type: 'MultiPolygon', coordinates: [] })).toEqual({ ok: false, message: 'the MultiPolygon has no polygons' });
    expect(prepareBoundary({ type: 'Polygon', coordinates: [square(-2.94, 54.89, 0.000001)] })).toEqual({ ok: false, message: 'the boundary is less than a metre across once rounded' });
    expect(prepareBoundary({ type: 'Polygon', coordinates: [[[-200, 54], [-2, 54], [-2, 55], [-200, 54]]] })).toEqual({ ok: false, message: 'the point (-200, 54) is not a longitude and latitude' });
  });
});

describe('the centre of an area', () => {
  it('is the centroid when that is inside the area, and a point inside it when the centroid is not', () => {
    const square = prepareBoundary({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] });
    if (!square.ok) throw new Error(square.message);
    expect(square.centroid[0]).toBeCloseTo(0.5, 4);
    expect(square.centroid[1]).toBeCloseTo(0.5, 4);
    // A U shape: its centroid lies in the gap between the arms.
    const u = prepareBoundary({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [0.2, 1], [0.2, 0.2], [0.8, 0.2], [0.8, 1], [1, 1], [1, 0], [0, 0]]] });
    if (!u.ok) throw new Error(u.message);
    expect(geoArea(u.geometry)).toBeLessThan(2 * Math.PI);
    expect(boundaryContains(u.geometry, u.centroid)).toBe(true);
  });

  it('lies inside the real crescent-shaped Barrow-in-Furness 010E, whose centroid is in the sea', () => {
    const barrow = areasOf(readGeo('cumbria', 'lsoa', 'topo_E07000027.json')).find((area) => area.code === 'E01019187')!;
    expect(boundaryContains(barrow.geometry, barrow.centroid)).toBe(true);
  });
});
