import { readdirSync, readFileSync } from 'node:fs';
import { geoArea, geoBounds, geoLength } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { parseBoundaryFile } from '../../server/modules/areas/boundary-file.ts';
import { simplifyBoundary, simplifyRing, toleranceFor } from '../../server/modules/coverage/simplify.ts';
import { sharedDataPath } from '../support/shared-data.ts';
import type { MultiLineString } from 'geojson';
import type { AreaGeometry } from '../../server/modules/areas/geometry.ts';

const size = (geometry: unknown) => JSON.stringify(geometry).length;
const outline = (geometry: AreaGeometry): MultiLineString => ({ type: 'MultiLineString', coordinates: geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat() });

describe('simplified boundaries', () => {
  it("keep Cumbria's LSOAs' shapes and areas with far fewer bytes, wound as d3-geo draws them", () => {
    const areas = readdirSync(sharedDataPath('geo', 'cumbria', 'lsoa')).flatMap((file) => {
      const read = parseBoundaryFile(readFileSync(sharedDataPath('geo', 'cumbria', 'lsoa', file), 'utf8'));
      if (!read.ok) throw new Error(`${file} did not read`);
      return read.areas;
    });
    const all = { type: 'FeatureCollection' as const, features: areas.map((area) => ({ type: 'Feature' as const, properties: {}, geometry: area.geometry })) };
    const [[west, south], [east, north]] = geoBounds(all);
    const tolerance = toleranceFor(Math.max(east - west, north - south));
    let before = 0;
    let after = 0;
    let areaBefore = 0;
    let areaAfter = 0;
    for (const area of areas) {
      const simple = simplifyBoundary(area.geometry, tolerance);
      before += size(area.geometry);
      after += size(simple);
      areaBefore += geoArea(area.geometry);
      areaAfter += geoArea(simple);
      // No point of the outline moves further than the tolerance (and rounding, a tenth of it), so the
      // area changes by less than the outline's length times that: never inside out (nearly 4π).
      const moved = geoLength(outline(area.geometry)) * ((tolerance * 1.1 * Math.PI) / 180);
      expect(Math.abs(geoArea(simple) - geoArea(area.geometry))).toBeLessThan(moved);
    }
    expect(Math.abs(areaAfter / areaBefore - 1)).toBeLessThan(0.005);
    // 741 KB as imported, for 321 LSOAs.
    expect(after).toBeLessThan(before * 0.45);
  });

  it('keeps a ring that would fall below a triangle as it was', () => {
    const sliver = [[0, 0], [0, 1e-6], [1e-6, 1e-6], [1e-6, 0], [0, 0]];
    expect(simplifyRing(sliver, 0.01)).toEqual(sliver);
  });
});
