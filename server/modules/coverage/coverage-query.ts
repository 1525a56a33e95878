// The coverage queries in SQL: where the fund's grants (and the external grants imported into it)
// went, per area of one level, against the areas' population, size and deprivation.
//
// Grants are split and placed once, when they change, not on each request (grant_share, kept by the
// triggers of Migration20261123183500_grant_shares):
// - A grant serving several areas is shared equally among them, in whole pence (the odd pence go to the
//   codes first in the list), so money per area adds up to the money placed and is never counted twice.
// - An LSOA code counts in its LSOA and, rolled up, in the LSOA's ward and local authority. A ward or
//   local authority code counts at that level and above only: a grant for a whole ward is never spread
//   over its LSOAs. Such shares are "wider" at the finer level, and counted as left out.
// - The sums per place, for whole grants and for each funder's part (coverage_money), and per set of
//   priorities (coverage_tag_money) are kept in the same transaction as the change; the map without
//   filters, or with one funder's, reads them. Any other filter sums the fund's placed shares.
// External grants are placed on each request by their recipient's postcode through the postcode lookup:
// its LSOA when the portal holds that LSOA, otherwise its ward, otherwise its local authority.
// The map's areas are the fund's areas of the level: those the fund lists and those inside them; their
// figures (population, deprivation, rurality) do not depend on grants, and are read on their own.
import type { EntityManager } from '@mikro-orm/postgresql';
import { RURAL_PEOPLE_PER_KM2 } from '../../../shared/coverage.ts';
import { AreaKind } from '../../../shared/domain.ts';
import { bindNamed } from '../../db/named-params.ts';
import { postgresArray } from '../../db/postgres-array.ts';
import type { AreaGeometry } from '../areas/geometry.ts';

export interface CoverageFilter {
  phaseId?: string | null;
  /** A theme's key. */
  priority?: string | null;
  /** A community's key. */
  community?: string | null;
  /** Count only the money drawn from this funder's contributions (and only grants it paid towards). */
  funderId?: string | null;
  /** YYYY-MM-DD, inclusive, in Europe/London. */
  awardedFrom?: string | null;
  awardedTo?: string | null;
}

/** Why a grant's money (or part of it) is not in any area of the level. */
export type LeftOutReason = 'wider' | 'outside' | 'unplaced' | 'no_area' | 'other_currency';

export interface AreaRow {
  row_kind: 'area';
  code: string;
  name: string | null;
  population: number | null;
  area_km2: number | null;
  imd_decile: number | null;
  /** Population-weighted mean IMD rank of the LSOAs in a ward or local authority. */
  mean_rank: number | null;
  /** People in a ward's or local authority's rural LSOAs; null at LSOA level, or when an LSOA's density is not known. */
  rural_population: string | null;
}

export interface FundAreaRow {
  row_kind: 'fund_area';
  code: string;
  name: string | null;
}

/** The fund's areas of a level with their own figures, and the names of the areas the fund lists. */
export type FrameRow = AreaRow | FundAreaRow;

export interface FiguresRow {
  row_kind: 'money' | 'left_out' | 'in_areas' | 'all' | 'community' | 'no_community';
  /** The area's code, for money rows; the reason, for left_out rows; the community's key, for community rows. */
  code: string | null;
  grants: number;
  pence: string;
  external_grants: number;
  external_pence: string;
}

/** The funder of the kept sums that count whole grants (the migration's nil UUID). */
const WHOLE_GRANTS = '00000000-0000-0000-0000-000000000000';


function filterValues(fundId: string, level: AreaKind, filter: CoverageFilter) {
  return {
    fund: fundId,
    level,
    phase: filter.phaseId ?? null,
    theme: filter.priority ?? null,
    community: filter.community ?? null,
    funder: filter.funderId ?? null,
    from: filter.awardedFrom ?? null,
    to: filter.awardedTo ?? null,
  };
}

/** Whether the kept sums answer the filter: none, or only a funder's. */
export const keptSumsServe = (filter: CoverageFilter) => !filter.phaseId && !filter.priority && !filter.community && !filter.awardedFrom && !filter.awardedTo;

/**
 * The placed shares of the grants passing the filters, each with its place on the level's map and the
 * money counted for it (its share of the whole grant, or of the filtered funder's part) and for its
 * whole grant; then each grant's money per place, and in how many places it has money. The community
 * filter is only marked (`in_community`): the communities' table ignores it.
 */
const PICKED = `
  picked AS (
    SELECT s.grant_id, s.position, s.tags,
           CASE $level::text WHEN 'LSOA' THEN s.place_lsoa WHEN 'WARD' THEN s.place_ward ELSE s.place_la END AS place,
           CASE $level::text WHEN 'LSOA' THEN s.places_lsoa WHEN 'WARD' THEN s.places_ward ELSE s.places_la END AS places,
           ($community::text IS NULL OR $community::text = ANY (s.tags)) AS in_community,
           CASE WHEN $funder::uuid IS NULL THEN s.amount_pence ELSE s.funder_pence[array_position(s.funder_ids, $funder::uuid)] END AS grant_pence,
           CASE WHEN $funder::uuid IS NULL THEN s.share_pence
                ELSE grant_share_pence(s.funder_pence[array_position(s.funder_ids, $funder::uuid)], s.areas, s.position) END AS pence
      FROM grant_share s
     WHERE s.fund_id = $fund::uuid
       AND ($funder::uuid IS NULL OR $funder::uuid = ANY (s.funder_ids))
       AND ($phase::uuid IS NULL OR s.phase_id = $phase::uuid)
       AND ($theme::text IS NULL OR $theme::text = ANY (s.tags))
       AND ($from::date IS NULL OR s.awarded_on >= $from::date)
       AND ($to::date IS NULL OR s.awarded_on <= $to::date)
  ),
  grant_places AS (
    SELECT grant_id, place, sum(pence) AS pence, min(places) AS places FROM picked WHERE in_community GROUP BY grant_id, place
  )`;

/**
 * Each external grant imported into the fund with its place on the level's map from the recipient's
 * postcode (as a grant's share is placed: area_place), or why it has none.
 */
const EXTERNAL_PLACES = `
  external_places AS (
    SELECT e.id,
           CASE WHEN e.currency <> 'GBP' THEN 'other_currency'
                WHEN e.postcode IS NULL THEN 'no_area'
                WHEN coalesce(lsoa.code, ward.code, pa.local_authority_code) IS NULL THEN 'unplaced:'
                ELSE area_place(coalesce(lsoa.code, ward.code, pa.local_authority_code), placed.kind, placed_ward.code, placed_authority.code, $level::area_kind) END AS place,
           CASE WHEN e.currency = 'GBP' THEN e.amount_awarded_minor ELSE 0 END AS pence
      FROM external_grant e
      LEFT JOIN postcode_area pa
             ON pa.postcode = regexp_replace(upper(regexp_replace(e.postcode, '\\s', '', 'g')), '^(.+)(.{3})$', '\\1 \\2')
      LEFT JOIN area lsoa ON lsoa.code = pa.lsoa_code
      LEFT JOIN area ward ON ward.code = pa.ward_code
      LEFT JOIN area placed ON placed.code = coalesce(lsoa.code, ward.code, pa.local_authority_code)
      LEFT JOIN area placed_ward ON placed_ward.code = placed.ward_code
      LEFT JOIN area placed_authority ON placed_authority.code = placed.local_authority_code
     WHERE e.fund_id = $fund::uuid
       AND ($from::date IS NULL OR e.award_date >= $from::date)
       AND ($to::date IS NULL OR e.award_date <= $to::date)
  )`;

/**
 * The fund's areas of a level, as the fund's areas are everywhere (listFundAreas): those it lists, and
 * those inside them (by their local authority, and for LSOAs their ward).
 */
const LEVEL_AREAS = `
  fund_codes AS (SELECT DISTINCT unnest($fundCodes::text[]) AS code),
  level_areas AS (
    SELECT ar.code, ar.name, ar.population, ar.area_km2, ar.imd_decile, ar.geometry IS NOT NULL AS drawn, ar.updated_at
      FROM area ar
     WHERE ar.kind = $level::area_kind
       AND (ar.code IN (SELECT code FROM fund_codes)
            OR ($level::text <> 'LOCAL_AUTHORITY' AND ar.local_authority_code IN (SELECT code FROM fund_codes))
            OR ($level::text = 'LSOA' AND ar.ward_code IN (SELECT code FROM fund_codes)))
  )`;

/**
 * The fund's areas of a level with their own figures, and the names of the areas the fund lists. A
 * ward's or local authority's population, size, mean IMD rank and people in rural LSOAs come from its
 * LSOAs. Nothing here depends on grants.
 */
const FRAME_SQL = `
  WITH ${LEVEL_AREAS},
  lsoa_figures AS (
    SELECT f.code,
           CASE WHEN count(l.population) = count(*) THEN sum(l.population) END AS population,
           CASE WHEN count(l.area_km2) = count(*) THEN sum(l.area_km2) END AS area_km2,
           sum(l.imd_rank::float8 * l.population) FILTER (WHERE l.imd_rank IS NOT NULL AND l.population IS NOT NULL)
             / nullif(sum(l.population) FILTER (WHERE l.imd_rank IS NOT NULL AND l.population IS NOT NULL), 0) AS mean_rank,
           CASE WHEN count(*) FILTER (WHERE l.population IS NULL OR NOT l.area_km2 > 0) = 0
                THEN coalesce(sum(l.population) FILTER (WHERE l.population / l.area_km2 < $ruralDensity::float8), 0) END AS rural_population
      FROM area l CROSS JOIN LATERAL (SELECT CASE $level::text WHEN 'WARD' THEN l.ward_code ELSE l.local_authority_code END AS code) f
     WHERE $level::text <> 'LSOA' AND l.kind = 'LSOA' AND f.code IN (SELECT code FROM level_areas)
     GROUP BY f.code
  )
  SELECT 'area' AS row_kind, la.code, la.name,
         coalesce(la.population, lf.population) AS population, coalesce(la.area_km2, lf.area_km2) AS area_km2,
         la.imd_decile, lf.mean_rank, lf.rural_population
    FROM level_areas la
    LEFT JOIN lsoa_figures lf ON lf.code = la.code
  UNION ALL
  SELECT 'fund_area', c.code, ar.name, NULL, NULL, NULL, NULL, NULL
    FROM unnest($fundCodes::text[]) AS c(code) LEFT JOIN area ar ON ar.code = c.code`;

/** The pool's money per place and the grants by their priorities, from the kept sums (no filter, or a funder's). */
const KEPT_MONEY = `
  pool_places AS (
    SELECT place, grants, single_grants, pence FROM coverage_money
     WHERE fund_id = $fund::uuid AND funder_id = coalesce($funder::uuid, '${WHOLE_GRANTS}'::uuid) AND level = $level::area_kind AND grants <> 0
  ),
  by_tags AS (
    SELECT tags, grants, pence FROM coverage_tag_money
     WHERE fund_id = $fund::uuid AND funder_id = coalesce($funder::uuid, '${WHOLE_GRANTS}'::uuid) AND grants <> 0
  ),
  -- Grants with money in more than one place of the level, and in one of the map's areas at least.
  spread_in_areas AS (
    SELECT count(*) AS grants
      FROM (SELECT s.grant_id FROM grant_share s
             WHERE s.fund_id = $fund::uuid AND s.areas > 1
               AND ($funder::uuid IS NULL OR $funder::uuid = ANY (s.funder_ids))
               AND CASE $level::text WHEN 'LSOA' THEN s.places_lsoa WHEN 'WARD' THEN s.places_ward ELSE s.places_la END > 1
               AND CASE $level::text WHEN 'LSOA' THEN s.place_lsoa WHEN 'WARD' THEN s.place_ward ELSE s.place_la END IN (SELECT code FROM level_areas)
             GROUP BY s.grant_id) spread
  )`;

/** The same, summed from the shares of the grants passing the filters. */
const SUMMED_MONEY = `
  pool_places AS (
    SELECT place, count(*)::int AS grants, (count(*) FILTER (WHERE places = 1))::int AS single_grants, sum(pence) AS pence
      FROM grant_places GROUP BY place
  ),
  by_tags AS (
    SELECT tags, count(*)::int AS grants, sum(grant_pence) AS pence FROM picked WHERE position = 1 GROUP BY tags
  ),
  spread_in_areas AS (
    SELECT count(*) AS grants FROM (SELECT grant_id FROM grant_places WHERE places > 1 AND place IN (SELECT code FROM level_areas) GROUP BY grant_id) spread
  )`;

/**
 * The money in each of the fund's areas of the level, the money left out of them and why, the totals
 * and the communities' money: one statement, whatever the number of grants or areas. Each place's money
 * is in an area of the map or left out: 'no_area' (the application names none), 'outside' (none of the
 * fund's areas holds it), 'wider' (serves a larger area), 'unplaced' (the portal cannot place it).
 */
const coverageSql = (money: string) => `
  WITH ${PICKED},
  ${EXTERNAL_PLACES},
  ${LEVEL_AREAS},
  ${money},
  -- One row per place: the pool's money there, and the external grants'.
  places AS (
    SELECT coalesce(pp.place, ep.place) AS place,
           coalesce(pp.grants, 0) AS grants, coalesce(pp.single_grants, 0) AS single_grants, coalesce(pp.pence, 0) AS pence,
           coalesce(ep.grants, 0) AS external_grants, coalesce(ep.pence, 0) AS external_pence
      FROM pool_places pp
      FULL JOIN (SELECT place, count(*)::int AS grants, sum(pence) AS pence FROM external_places GROUP BY place) ep ON ep.place = pp.place
  ),
  in_areas AS (
    SELECT * FROM places WHERE place IN (SELECT code FROM level_areas)
  ),
  -- The rest, with why each is in none of the map's areas.
  left_out AS (
    SELECT p.*,
           CASE WHEN p.place IN ('no_area', 'other_currency') THEN p.place
                WHEN ar.code IS NULL THEN 'unplaced'
                WHEN NOT coalesce(ar.code IN (SELECT code FROM fund_codes) OR ar.ward_code IN (SELECT code FROM fund_codes)
                                  OR ar.local_authority_code IN (SELECT code FROM fund_codes), false) THEN 'outside'
                WHEN p.place LIKE 'wider:%' THEN 'wider'
                ELSE 'unplaced' END AS key
      FROM places p
      LEFT JOIN area ar ON ar.code = regexp_replace(p.place, '^[a-z]+:', '')
     WHERE p.place NOT IN (SELECT code FROM level_areas)
  )
  SELECT 'money' AS row_kind, place AS code, grants, pence, external_grants, external_pence FROM in_areas
  UNION ALL
  SELECT 'left_out', key, sum(grants)::int, sum(pence), sum(external_grants)::int, sum(external_pence) FROM left_out GROUP BY key
  UNION ALL
  -- Each grant once in the totals, however many areas it serves.
  SELECT 'in_areas', NULL, (coalesce(sum(single_grants), 0) + (SELECT grants FROM spread_in_areas))::int,
         coalesce(sum(pence), 0), coalesce(sum(external_grants), 0)::int, coalesce(sum(external_pence), 0)
    FROM in_areas
  UNION ALL
  SELECT 'all', NULL, coalesce(sum(grants), 0)::int, coalesce(sum(pence), 0),
         (SELECT count(*) FROM external_places WHERE place <> 'other_currency')::int,
         (SELECT coalesce(sum(pence), 0) FROM external_places)
    FROM by_tags WHERE $community::text IS NULL OR $community::text = ANY (tags)
  UNION ALL
  -- The communities, under every filter but the community one; a grant for two counts under both.
  SELECT 'community', tag, sum(grants)::int, sum(pence), 0, 0
    FROM by_tags CROSS JOIN LATERAL unnest(tags) AS tag
   WHERE tag = ANY ($communities::text[])
   GROUP BY tag
  UNION ALL
  SELECT 'no_community', NULL, coalesce(sum(grants), 0)::int, coalesce(sum(pence), 0), 0, 0
    FROM by_tags WHERE NOT (tags && $communities::text[])`;

const KEPT_COVERAGE_SQL = coverageSql(KEPT_MONEY);
const SUMMED_COVERAGE_SQL = coverageSql(SUMMED_MONEY);

/**
 * The coverage statement and its parameters, as run (the benchmark prints its plan with them): from the
 * kept sums when the filter allows, unless `summed` asks for the sums to be made from the shares.
 */
export function coverageStatement(fundId: string, level: AreaKind, fundCodes: readonly string[], communityKeys: readonly string[], filter: CoverageFilter, summed = false): [string, unknown[]] {
  const kept = !summed && keptSumsServe(filter);
  return bindNamed(kept ? KEPT_COVERAGE_SQL : SUMMED_COVERAGE_SQL, {
    ...filterValues(fundId, level, filter),
    fundCodes: postgresArray(fundCodes),
    communities: postgresArray(communityKeys),
  });
}

export function coverageRows(em: EntityManager, fundId: string, level: AreaKind, fundCodes: readonly string[], communityKeys: readonly string[], filter: CoverageFilter, summed = false) {
  return em.getConnection().execute<FiguresRow[]>(...coverageStatement(fundId, level, fundCodes, communityKeys, filter, summed));
}

/** The fund's areas of a level with their own figures, and the names of the areas the fund lists. */
export function frameRows(em: EntityManager, level: AreaKind, fundCodes: readonly string[]) {
  return em.getConnection().execute<FrameRow[]>(...bindNamed(FRAME_SQL, { level, fundCodes: postgresArray(fundCodes), ruralDensity: RURAL_PEOPLE_PER_KM2 }));
}

/** The fund's areas of a level with their boundaries' state, for the boundaries' cache. */
export function levelAreaState(em: EntityManager, level: AreaKind, fundCodes: readonly string[]) {
  return em.getConnection().execute<{ areas: number; drawn: number; changed: string | null }[]>(
    ...bindNamed(
      `WITH ${LEVEL_AREAS}
       SELECT count(*)::int AS areas, (count(*) FILTER (WHERE drawn))::int AS drawn, max(updated_at)::text AS changed FROM level_areas`,
      { level, fundCodes: postgresArray(fundCodes) },
    ),
  );
}

/** The fund's areas of a level with their boundaries. */
export function levelAreaBoundaries(em: EntityManager, level: AreaKind, fundCodes: readonly string[]) {
  return em.getConnection().execute<{ code: string; name: string; geometry: AreaGeometry }[]>(
    ...bindNamed(
      `WITH ${LEVEL_AREAS}
       SELECT ar.code, ar.name, ar.geometry FROM level_areas la JOIN area ar ON ar.code = la.code
        WHERE la.drawn ORDER BY ar.code`,
      { level, fundCodes: postgresArray(fundCodes) },
    ),
  );
}

export interface AreaGrantRow {
  /** 'here': counted in the area; 'wider': serves a larger area holding it, so not in its figures; 'external'. */
  placing: 'here' | 'wider' | 'external';
  id: string;
  reference: string | null;
  name: string;
  title: string;
  phase_name: string | null;
  funder_name: string | null;
  /** The whole grant (pence). */
  amount_pence: string;
  /** What the filters count of it: all of it, or the filtered funder's share. */
  counted_pence: string;
  pence_here: string;
  awarded_on: string;
}

/**
 * The grants placed in one area under the filters, with the part of each counted there; the grants
 * serving a ward or local authority that holds it (at a finer level these are left out of its
 * figures); and the external grants placed there. One statement.
 */
export function areaGrantRows(em: EntityManager, fundId: string, area: { code: string; kind: AreaKind; wardCode: string | null; localAuthorityCode: string | null }, filter: CoverageFilter) {
  const wider = [area.kind === AreaKind.LSOA ? area.wardCode : null, area.kind !== AreaKind.LOCAL_AUTHORITY ? area.localAuthorityCode : null]
    .filter((code): code is string => Boolean(code))
    .map((code) => `wider:${code}`);
  return em.getConnection().execute<AreaGrantRow[]>(
    ...bindNamed(
      `WITH ${PICKED},
       ${EXTERNAL_PLACES},
       here AS (
         SELECT grant_id, pence FROM grant_places WHERE place = $code::text
       ),
       wider AS (
         SELECT DISTINCT grant_id FROM grant_places WHERE place = ANY ($wider::text[]) AND grant_id NOT IN (SELECT grant_id FROM here)
       )
       SELECT CASE WHEN h.grant_id IS NULL THEN 'wider' ELSE 'here' END AS placing, g.id, a.reference, grp.name, a.title,
              ph.name AS phase_name, NULL AS funder_name, g.amount_pence, pk.grant_pence AS counted_pence, coalesce(h.pence, 0) AS pence_here,
              to_char(dc.decided_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS awarded_on
         FROM picked pk
         JOIN fund_grant g ON g.id = pk.grant_id
         JOIN application a ON a.id = g.application_id
         JOIN applicant_group grp ON grp.id = a.group_id
         JOIN phase ph ON ph.id = a.phase_id
         JOIN decision dc ON dc.id = g.decision_id
         LEFT JOIN here h ON h.grant_id = pk.grant_id
        WHERE pk.in_community AND pk.position = 1 AND (h.grant_id IS NOT NULL OR pk.grant_id IN (SELECT grant_id FROM wider))
       UNION ALL
       SELECT 'external', e.id, NULL, e.recipient_name, e.title, NULL, e.funder_name, e.amount_awarded_minor, ep.pence, ep.pence,
              to_char(e.award_date, 'YYYY-MM-DD')
         FROM external_places ep JOIN external_grant e ON e.id = ep.id
        WHERE ep.place = $code::text`,
      { ...filterValues(fundId, area.kind, filter), code: area.code, wider: postgresArray(wider) },
    ),
  );
}
