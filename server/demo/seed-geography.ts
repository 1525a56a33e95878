// Loads the demo's generated geography (demo-geography.ts) as areas and a postcode lookup, makes it
// the demo fund's area, and places the demo applications from their groups' postcodes, through the same
// placement every sent application goes through.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaImportKind } from '../../shared/domain.ts';
import { normalisePostcode } from '../../shared/text.ts';
import { Application } from '../modules/applications/application.entity.ts';
import { AreaImport } from '../modules/areas/area-import.entity.ts';
import { Area } from '../modules/areas/area.entity.ts';
import { prepareBoundary } from '../modules/areas/geometry.ts';
import { placeApplications } from '../modules/areas/placement.ts';
import { PostcodeArea } from '../modules/areas/postcode-area.entity.ts';
import { ExternalGrant } from '../modules/duplicates/external-grant.entity.ts';
import type { Fund } from '../modules/funds/fund.entity.ts';
import { DEMO_DISTRICT_CODE, demoLookupPostcodes, generateDemoGeography, placeDemoPostcode } from './demo-geography.ts';

const FILE_NAME = 'Riverdale demo geography (generated, fictional)';

/** Idempotent: areas and postcodes already there are kept; applications already placed stay where they are. */
export async function seedDemoGeography(em: EntityManager, fund: Fund): Promise<void> {
  const geography = generateDemoGeography();
  if ((await em.count(Area, { demo: true })) === 0) {
    const batch = em.create(AreaImport, { kind: AreaImportKind.BOUNDARIES, fileName: FILE_NAME, rowsRead: geography.areas.length, areasCreated: geography.areas.length });
    for (const { geometry, ...area } of geography.areas) {
      const boundary = prepareBoundary(geometry);
      if (!boundary.ok) throw new Error(`demo geography: ${area.code}: ${boundary.message}`);
      em.create(Area, {
        ...area,
        geometry: boundary.geometry,
        areaKm2: boundary.areaKm2,
        centroidLon: boundary.centroid[0],
        centroidLat: boundary.centroid[1],
        demo: true,
        boundaryImport: batch,
      });
    }
  }

  // The groups' own postcodes, the published grants' and a dozen more in every postcode sector.
  const applications = await em.find(Application, { fund }, { populate: ['group'] });
  const external = await em.find(ExternalGrant, { fund }, { fields: ['postcode'] });
  const written = [...applications.map((application) => application.group.postcode), ...external.map((grant) => grant.postcode), ...demoLookupPostcodes()];
  const postcodes = [...new Set(written.map((postcode) => normalisePostcode(postcode ?? '')).filter((postcode): postcode is string => postcode !== null))];
  const held = new Set((await em.find(PostcodeArea, { postcode: { $in: postcodes } }, { fields: ['postcode'] })).map((row) => row.postcode));
  const rows = postcodes.filter((postcode) => !held.has(postcode)).flatMap((postcode) => placeDemoPostcode(geography, postcode) ?? []);
  if (rows.length > 0) {
    const lookup = em.create(AreaImport, { kind: AreaImportKind.POSTCODES, fileName: FILE_NAME, rowsRead: rows.length, postcodes: rows.length });
    for (const row of rows) em.create(PostcodeArea, { ...row, importedFrom: lookup });
  }
  if (fund.areaCodes.length === 0) fund.areaCodes = [DEMO_DISTRICT_CODE];
  await em.flush();
  await placeApplications(em, applications);
  await em.flush();
}
