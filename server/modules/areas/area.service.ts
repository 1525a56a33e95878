// Reading areas: lists by kind and local authority, one postcode's areas, and what has been imported.
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CODE_EXAMPLES, kindOfAnyAreaCode } from '../../../shared/areas.ts';
import { AreaKind } from '../../../shared/domain.ts';
import { normalisePostcode } from '../../../shared/text.ts';
import type { Viewer } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canOnAreas } from '../../policies/area.policy.ts';
import { AreaImport } from './area-import.entity.ts';
import { Area } from './area.entity.ts';
import { PostcodeArea } from './postcode-area.entity.ts';

export interface AreaFilter {
  kind?: AreaKind | null;
  /** A local authority's code: its LSOAs and wards, or the authority itself. */
  localAuthority?: string | null;
}

export async function listAreas(em: EntityManager, filter: AreaFilter, options: { withGeometry: boolean }) {
  const where: FilterQuery<Area> = {};
  if (filter.kind) where.kind = filter.kind;
  const authority = filter.localAuthority?.trim().toUpperCase();
  if (authority) {
    if (kindOfAnyAreaCode(authority) !== AreaKind.LOCAL_AUTHORITY) {
      throw errors.badInput([{ field: 'localAuthority', message: `Give a local authority's code (${CODE_EXAMPLES.LOCAL_AUTHORITY}).` }]);
    }
    where.$or = [{ localAuthorityCode: authority }, { code: authority }];
  }
  return em.find(Area, where, { orderBy: { code: 'asc' }, populate: options.withGeometry ? ['geometry'] : [] });
}

export function findArea(em: EntityManager, code: string, options: { withGeometry: boolean }) {
  return em.findOne(Area, { code: code.trim().toUpperCase() }, { populate: options.withGeometry ? ['geometry'] : [] });
}

export interface PostcodeAreas {
  postcode: string;
  lsoaCode: string | null;
  wardCode: string | null;
  localAuthorityCode: string | null;
  lsoa: Area | null;
  ward: Area | null;
  localAuthority: Area | null;
}

/** The areas a postcode is in, from the postcode lookup; null when the lookup does not have it. */
export async function lookUpPostcode(em: EntityManager, written: string, options: { withGeometry: boolean }): Promise<PostcodeAreas | null> {
  const postcode = normalisePostcode(written);
  if (!postcode) throw errors.badInput([{ field: 'postcode', message: 'Enter a full UK postcode, like CA1 2AB.' }]);
  const found = await em.findOne(PostcodeArea, { postcode });
  if (!found) return null;
  const codes = [found.lsoaCode, found.wardCode, found.localAuthorityCode].filter((code): code is string => Boolean(code));
  const areas = codes.length > 0 ? await em.find(Area, { code: { $in: codes } }, { populate: options.withGeometry ? ['geometry'] : [] }) : [];
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const at = (code: string | undefined) => (code ? (byCode.get(code) ?? null) : null);
  return {
    postcode,
    lsoaCode: found.lsoaCode ?? null,
    wardCode: found.wardCode ?? null,
    localAuthorityCode: found.localAuthorityCode ?? null,
    lsoa: at(found.lsoaCode),
    ward: at(found.wardCode),
    localAuthority: at(found.localAuthorityCode),
  };
}

export function listAreaImports(em: EntityManager, viewer: Viewer | null, limit: number) {
  if (!viewer) throw errors.unauthenticated();
  if (!canOnAreas(viewer, 'readImports')) throw errors.forbidden('see the area imports: only fund coordinators can');
  return em.find(AreaImport, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: Math.min(Math.max(limit, 1), 200), populate: ['importedBy'] });
}

export interface AreaKindCount {
  kind: AreaKind;
  areas: number;
  withBoundary: number;
  withPopulation: number;
  withDeprivation: number;
  demo: number;
}

/** How many areas of each kind there are, and how many have each figure; every kind, even with none. */
export async function countAreas(em: EntityManager): Promise<{ kinds: AreaKindCount[]; postcodes: number }> {
  const rows = await em.execute<{ kind: AreaKind; areas: number; with_boundary: number; with_population: number; with_deprivation: number; demo: number }[]>(
    `select kind, count(*)::int as areas, count(area_km2)::int as with_boundary, count(population)::int as with_population,
            count(imd_decile)::int as with_deprivation, (count(*) filter (where demo))::int as demo
       from area group by kind`,
  );
  const [{ postcodes }] = await em.execute<{ postcodes: number }[]>(`select count(*)::int as postcodes from postcode_area`);
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const kinds = Object.values(AreaKind).map((kind) => {
    const row = byKind.get(kind);
    return { kind, areas: row?.areas ?? 0, withBoundary: row?.with_boundary ?? 0, withPopulation: row?.with_population ?? 0, withDeprivation: row?.with_deprivation ?? 0, demo: row?.demo ?? 0 };
  });
  return { kinds, postcodes };
}
