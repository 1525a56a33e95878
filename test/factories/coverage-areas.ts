import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaImportKind } from '../../shared/domain.ts';
import { AreaImport } from '../../server/modules/areas/area-import.entity.ts';
import { Area } from '../../server/modules/areas/area.entity.ts';
import type { AreaGeometry } from '../../server/modules/areas/geometry.ts';
import { PostcodeArea } from '../../server/modules/areas/postcode-area.entity.ts';
import { ExternalGrant, ExternalGrantImport } from '../../server/modules/duplicates/external-grant.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';

export type AreaSpec = Pick<Area, 'code' | 'kind' | 'name'> & Partial<Pick<Area, 'localAuthorityCode' | 'wardCode' | 'population' | 'imdRank' | 'imdDecile' | 'areaKm2' | 'geometry'>>;

/** A square boundary a side long (degrees) with its south-west corner at [lon, lat], wound as d3-geo draws it (clockwise). */
export function square(lon: number, lat: number, side = 0.01): AreaGeometry {
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon, lat + side], [lon + side, lat + side], [lon + side, lat], [lon, lat]]] };
}

/** Areas as an import leaves them: national, by code. */
export async function createAreas(em: EntityManager, specs: AreaSpec[]) {
  const areas = specs.map((spec) => em.create(Area, spec));
  await em.flush();
  return areas;
}

/** Postcodes in the lookup: [postcode, lsoa, ward, local authority]. */
export async function createPostcodes(em: EntityManager, rows: [string, string | null, string | null, string | null][]) {
  const batch = em.create(AreaImport, { kind: AreaImportKind.POSTCODES, fileName: 'postcodes.csv', rowsRead: rows.length });
  for (const [postcode, lsoaCode, wardCode, localAuthorityCode] of rows) {
    em.create(PostcodeArea, { postcode, lsoaCode: lsoaCode ?? undefined, wardCode: wardCode ?? undefined, localAuthorityCode: localAuthorityCode ?? undefined, importedFrom: batch });
  }
  await em.flush();
}

export interface ExternalGrantSpec {
  postcode?: string;
  amountMinor: number;
  awardDate: string;
  currency?: string;
  recipientName?: string;
}

let externalNumber = 0;

/** Grants another funder published, imported into the fund as one 360Giving file. */
export async function createExternalGrants(em: EntityManager, fund: Fund, specs: ExternalGrantSpec[], funderName = 'Fellside Trust') {
  const importedFrom = em.create(ExternalGrantImport, { fund, fileName: 'fellside.json', funderNames: [funderName], grantCount: specs.length, skippedIndividuals: 0 });
  const grants = specs.map((spec) =>
    em.create(ExternalGrant, {
      fund,
      importedFrom,
      grantIdentifier: `360G-fellside-${(externalNumber += 1)}-${Date.now()}`,
      title: `Published grant ${externalNumber}`,
      currency: spec.currency ?? 'GBP',
      amountAwardedMinor: spec.amountMinor,
      awardDate: spec.awardDate,
      recipientName: spec.recipientName ?? `Recipient ${externalNumber}`,
      postcode: spec.postcode,
      areas: [],
      funderName,
    }),
  );
  await em.flush();
  return grants;
}
