import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaImportKind, AreaKind } from '../../shared/domain.ts';
import { AreaImport } from '../../server/modules/areas/area-import.entity.ts';
import { Area } from '../../server/modules/areas/area.entity.ts';
import { PostcodeArea } from '../../server/modules/areas/postcode-area.entity.ts';

/** A unit square a little way east of `west`, as a boundary: areas here need figures, not real shapes. */
const square = (west: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, 54], [west, 54.01], [west + 0.01, 54.01], [west + 0.01, 54], [west, 54]]],
});

/**
 * A small made-up geography with codes shaped like ONS codes (no real area has them): a local authority
 * of two wards and three LSOAs, and a second authority with one ward and one LSOA; and a postcode lookup
 * for one postcode in each ward. Areas are national, so each test file makes them once.
 */
export async function createGeography(em: EntityManager) {
  const n = Math.floor(Math.random() * 900) + 100;
  const code = (prefix: string, i: number) => `${prefix}99${n}${i}`;
  const la = code('E06', 1);
  const otherLa = code('E06', 2);
  const [north, south, away] = [code('E05', 1), code('E05', 2), code('E05', 3)];
  const [northLsoa, southLsoa, southLsoa2, awayLsoa] = [code('E01', 1), code('E01', 2), code('E01', 3), code('E01', 4)];
  const batch = em.create(AreaImport, { kind: AreaImportKind.POSTCODES, fileName: 'test-postcodes.csv', rowsRead: 3, postcodes: 3 });
  const area = (kind: AreaKind, code: string, name: string, parents: { localAuthorityCode?: string; wardCode?: string } = {}, west = 0) =>
    em.create(Area, { kind, code, name, ...parents, geometry: square(west), areaKm2: 0.7, centroidLon: west + 0.005, centroidLat: 54.005, population: kind === AreaKind.LSOA ? 1500 : undefined, imdDecile: kind === AreaKind.LSOA ? 3 : undefined });
  area(AreaKind.LOCAL_AUTHORITY, la, 'Testshire');
  area(AreaKind.LOCAL_AUTHORITY, otherLa, 'Elsewhere');
  area(AreaKind.WARD, north, 'North Ward', { localAuthorityCode: la });
  area(AreaKind.WARD, south, 'South Ward', { localAuthorityCode: la });
  area(AreaKind.WARD, away, 'Away Ward', { localAuthorityCode: otherLa });
  area(AreaKind.LSOA, northLsoa, 'Testshire 001A', { localAuthorityCode: la, wardCode: north }, 0.01);
  area(AreaKind.LSOA, southLsoa, 'Testshire 002A', { localAuthorityCode: la, wardCode: south }, 0.02);
  area(AreaKind.LSOA, southLsoa2, 'Testshire 002B', { localAuthorityCode: la, wardCode: south }, 0.03);
  area(AreaKind.LSOA, awayLsoa, 'Elsewhere 001A', { localAuthorityCode: otherLa, wardCode: away }, 0.04);
  const postcodes = { north: `ZN${n % 90} 1AA`, south: `ZS${n % 90} 2BB`, away: `ZA${n % 90} 3CC` };
  em.create(PostcodeArea, { postcode: postcodes.north, lsoaCode: northLsoa, wardCode: north, localAuthorityCode: la, importedFrom: batch });
  em.create(PostcodeArea, { postcode: postcodes.south, lsoaCode: southLsoa, wardCode: south, localAuthorityCode: la, importedFrom: batch });
  em.create(PostcodeArea, { postcode: postcodes.away, lsoaCode: awayLsoa, wardCode: away, localAuthorityCode: otherLa, importedFrom: batch });
  await em.flush();
  return { la, otherLa, wards: { north, south, away }, lsoas: { north: northLsoa, south: southLsoa, south2: southLsoa2, away: awayLsoa }, postcodes };
}

export type Geography = Awaited<ReturnType<typeof createGeography>>;
