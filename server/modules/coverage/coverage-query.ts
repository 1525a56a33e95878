// The coverage query in SQL: where the fund's grants (and the external grants imported into it) went,
// per area of one level, with the areas' population, size and deprivation, and the communities' money,
// in one statement. Grants are placed by their application's area codes:
//
// - A grant serving several areas is shared equally among them, in whole pence (the odd pence go to the
//   codes first in the list), so money per area adds up to the money placed and is never counted twice.
// - An LSOA code counts in its LSOA and, rolled up, in the LSOA's ward and local authority. A ward or
//   local authority code counts at that level and above only: a grant for a whole ward is never spread
//   over its LSOAs. Such shares are "wider" at the finer level, and counted as left out.
// - External grants are placed by their recipient's postcode through the postcode lookup: its LSOA when
//   the portal holds that LSOA, otherwise its ward, otherwise its local authority.
// - The map's areas are the fund's areas of the level: those the fund lists and those inside them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { RURAL_PEOPLE_PER_KM2 } from '../../../shared/coverage.ts';
import { AreaKind } from '../../../shared/domain.ts';
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
  grants: number;
  pence: string;
  external_grants: number;
  external_pence: string;
}

export interface FiguresRow {
  row_kind: 'left_out' | 'in_areas' | 'all' | 'community' | 'no_community';
  /** The reason, for left_out rows; the community's key, for community rows. */
  code: string | null;
  name: null;
  grants: number;
  pence: string;
  external_grants: number;
  external_pence: string;
}

export interface FundAreaRow {
  row_kind: 'fund_area';
  code: string;
  name: string | null;
}

export type CoverageRow = AreaRow | FiguresRow | FundAreaRow;

/**
 * Binds `$name` placeholders, in order, as the driver's `?`. The values reach PostgreSQL as parameters
 * of an unnamed statement, which it plans knowing them: a filter left empty drops out of the plan, and
 * the estimates are for this fund, not a generic one.
 */
function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/\$([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`coverage SQL: no value for $${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}

function filterValues(fundId: string, filter: CoverageFilter) {
  return {
    fund: fundId,
    phase: filter.phaseId ?? null,
    theme: filter.priority ?? null,
    community: filter.community ?? null,
    funder: filter.funderId ?? null,
    from: filter.awardedFrom ?? null,
    to: filter.awardedTo ?? null,
  };
}

/**
 * The grants passing the filters, with the money counted for each (the whole grant, or the filtered
 * funder's share). The community filter is only marked (`in_community`): the communities' table ignores
 * it. Shared by the coverage and an area's grants.
 */
const PICKED = `
  funder_money AS (
    SELECT d.decision_id, sum(d.amount_pence)::bigint AS pence
      FROM contribution c JOIN award_draw d ON d.contribution_id = c.id
     WHERE c.funder_id = $funder::uuid AND c.fund_id = $fund::uuid
     GROUP BY d.decision_id
  ),
  picked AS (
    SELECT g.id AS grant_id, a.id AS application_id, a.area_codes AS codes, a.priority_tags AS tags,
           ($community::text IS NULL OR $community::text = ANY (a.priority_tags)) AS in_community,
           CASE WHEN $funder::uuid IS NULL THEN g.amount_pence::bigint ELSE fm.pence END AS pence
      FROM application a
      JOIN fund_grant g ON g.application_id = a.id
      LEFT JOIN funder_money fm ON fm.decision_id = g.decision_id
     WHERE a.fund_id = $fund::uuid
       AND ($phase::uuid IS NULL OR a.phase_id = $phase::uuid)
       AND ($theme::text IS NULL OR $theme::text = ANY (a.priority_tags))
       AND ($funder::uuid IS NULL OR fm.pence > 0)
       AND (($from::date IS NULL AND $to::date IS NULL)
            OR EXISTS (SELECT 1 FROM decision dc WHERE dc.id = g.decision_id
                          AND ($from::date IS NULL OR (dc.decided_at AT TIME ZONE 'Europe/London')::date >= $from::date)
                          AND ($to::date IS NULL OR (dc.decided_at AT TIME ZONE 'Europe/London')::date <= $to::date)))
  )`;

/**
 * Each external grant imported into the fund with its place from the recipient's postcode: the LSOA
 * when the portal holds it, otherwise the ward, otherwise the local authority; or why it has none.
 */
const EXTERNAL_PLACES = `
  external_places AS (
    SELECT e.id,
           CASE WHEN lsoa.code IS NOT NULL THEN lsoa.code WHEN ward.code IS NOT NULL THEN ward.code ELSE pa.local_authority_code END AS code,
           CASE WHEN e.currency <> 'GBP' THEN 'other_currency' WHEN e.postcode IS NULL THEN 'no_area' END AS reason,
           CASE WHEN e.currency = 'GBP' THEN e.amount_awarded_minor ELSE 0 END AS pence
      FROM external_grant e
      LEFT JOIN postcode_area pa
             ON pa.postcode = regexp_replace(upper(regexp_replace(e.postcode, '\\s', '', 'g')), '^(.+)(.{3})$', '\\1 \\2')
      LEFT JOIN area lsoa ON lsoa.code = pa.lsoa_code
      LEFT JOIN area ward ON ward.code = pa.ward_code
     WHERE e.fund_id = $fund::uuid
       AND ($from::date IS NULL OR e.award_date >= $from::date)
       AND ($to::date IS NULL OR e.award_date <= $to::date)
  )`;

/** Each grant's shares, one per area code it names (or one without a code), and each external grant's place. */
const SHARES = `
  ${EXTERNAL_PLACES},
  shares AS (
    SELECT 'pool' AS source, u.grant_id AS item_id, u.code, NULL::text AS reason,
           u.pence / u.n + CASE WHEN u.i <= u.pence % u.n THEN 1 ELSE 0 END AS pence
      FROM (SELECT pk.grant_id, pk.pence, cardinality(pk.codes) AS n, unnest(pk.codes) AS code, generate_subscripts(pk.codes, 1) AS i
              FROM picked pk WHERE pk.in_community) u
    UNION ALL
    SELECT 'pool', pk.grant_id, NULL, 'no_area', pk.pence FROM picked pk WHERE pk.in_community AND cardinality(pk.codes) = 0
    UNION ALL
    SELECT 'external', id, code, reason, pence FROM external_places
  )`;

/**
 * The fund's areas of a level, as the fund's areas are everywhere (listFundAreas): those it lists, and
 * those inside them (by their local authority, and for LSOAs their ward), with their own figures.
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
 * Every one of the fund's areas of the level with its figures, the money left out of them and why,
 * the totals, the communities' money and the names of the areas the fund lists: one statement, whatever
 * the number of grants or areas. A ward's or local authority's population, size, mean IMD rank and
 * people in rural LSOAs come from its LSOAs.
 *
 * Most grants serve one area, so those are summed per area code first, each row then standing for
 * distinct grants; only grants serving several areas are split into shares, and counted once in each
 * place their shares land (two LSOAs of one ward make one grant in that ward).
 */
const COVERAGE_SQL = `
  WITH ${PICKED},
  ${EXTERNAL_PLACES},
  ${LEVEL_AREAS},
  items AS (
    SELECT 'pool' AS source, NULL::uuid AS item_id, code, NULL::text AS reason, grants, pence
      FROM (SELECT (pk.codes[1]) COLLATE "C" AS code, count(*)::int AS grants, sum(pk.pence) AS pence
              FROM picked pk WHERE pk.in_community AND cardinality(pk.codes) = 1 GROUP BY 1) single
    UNION ALL
    SELECT 'pool', u.grant_id, u.code, NULL, 1, u.pence / u.n + CASE WHEN u.i <= u.pence % u.n THEN 1 ELSE 0 END
      FROM (SELECT pk.grant_id, pk.pence, cardinality(pk.codes) AS n, unnest(pk.codes) AS code, generate_subscripts(pk.codes, 1) AS i
              FROM picked pk WHERE pk.in_community AND cardinality(pk.codes) > 1) u
    UNION ALL
    SELECT 'pool', NULL, NULL, 'no_area', count(*)::int, coalesce(sum(pk.pence), 0) FROM picked pk WHERE pk.in_community AND cardinality(pk.codes) = 0
    UNION ALL
    SELECT 'external', id, code, reason, 1, pence FROM external_places
  ),
  -- Each row's place: an area of the level, or why it is left out of them.
  placed AS (
    SELECT i.source, i.item_id, i.grants, i.pence, lv.code IS NOT NULL AND i.reason IS NULL AS in_area,
           CASE WHEN lv.code IS NOT NULL AND i.reason IS NULL THEN lv.code
                WHEN i.reason IS NOT NULL THEN i.reason
                WHEN i.code IS NULL OR ar.code IS NULL THEN 'unplaced'
                WHEN NOT (i.code IN (SELECT code FROM fund_codes) OR x.ward IN (SELECT code FROM fund_codes) OR x.la IN (SELECT code FROM fund_codes)) THEN 'outside'
                WHEN ($level::text = 'LSOA' AND x.lsoa IS NULL) OR ($level::text = 'WARD' AND x.lsoa IS NULL AND x.ward IS NULL) THEN 'wider'
                ELSE 'unplaced' END AS place
      FROM items i
      LEFT JOIN area ar ON ar.code = i.code
      CROSS JOIN LATERAL (
        SELECT CASE WHEN ar.kind = 'LSOA' THEN i.code END AS lsoa,
               CASE WHEN ar.kind = 'LSOA' THEN ar.ward_code WHEN ar.kind = 'WARD' THEN i.code END AS ward,
               CASE WHEN ar.kind = 'LOCAL_AUTHORITY' THEN i.code ELSE ar.local_authority_code END AS la
      ) x
      LEFT JOIN level_areas lv ON lv.code = CASE $level::text WHEN 'LSOA' THEN x.lsoa WHEN 'WARD' THEN x.ward ELSE x.la END
     WHERE i.grants > 0
  ),
  per_place AS (
    SELECT in_area, place, source, sum(grants) AS grants, sum(pence) AS pence FROM placed WHERE item_id IS NULL GROUP BY 1, 2, 3
    UNION ALL
    SELECT in_area, place, source, count(*), sum(pence)
      FROM (SELECT in_area, place, source, item_id, sum(pence) AS pence FROM placed WHERE item_id IS NOT NULL GROUP BY 1, 2, 3, 4) each_grant
     GROUP BY 1, 2, 3
  ),
  money AS (
    SELECT place AS code,
           (sum(grants) FILTER (WHERE source = 'pool'))::int AS grants, coalesce(sum(pence) FILTER (WHERE source = 'pool'), 0) AS pence,
           (sum(grants) FILTER (WHERE source = 'external'))::int AS external_grants, coalesce(sum(pence) FILTER (WHERE source = 'external'), 0) AS external_pence
      FROM per_place WHERE in_area GROUP BY place
  ),
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
         la.imd_decile, lf.mean_rank, lf.rural_population,
         coalesce(m.grants, 0) AS grants, coalesce(m.pence, 0) AS pence,
         coalesce(m.external_grants, 0) AS external_grants, coalesce(m.external_pence, 0) AS external_pence
    FROM level_areas la
    LEFT JOIN lsoa_figures lf ON lf.code = la.code
    LEFT JOIN money m ON m.code = la.code
  UNION ALL
  SELECT 'left_out', place, NULL, NULL, NULL, NULL, NULL, NULL,
         coalesce(sum(grants) FILTER (WHERE source = 'pool'), 0)::int, coalesce(sum(pence) FILTER (WHERE source = 'pool'), 0),
         coalesce(sum(grants) FILTER (WHERE source = 'external'), 0)::int, coalesce(sum(pence) FILTER (WHERE source = 'external'), 0)
    FROM per_place WHERE NOT in_area GROUP BY place
  UNION ALL
  -- Each grant once in the totals, however many areas it serves.
  SELECT 'in_areas', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         (coalesce(sum(grants) FILTER (WHERE source = 'pool' AND item_id IS NULL), 0) + count(DISTINCT item_id) FILTER (WHERE source = 'pool'))::int,
         coalesce(sum(pence) FILTER (WHERE source = 'pool'), 0),
         (count(DISTINCT item_id) FILTER (WHERE source = 'external'))::int, coalesce(sum(pence) FILTER (WHERE source = 'external'), 0)
    FROM placed WHERE in_area
  UNION ALL
  SELECT 'all', NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int, coalesce(sum(pence), 0),
         (SELECT count(*) FROM external_places WHERE reason IS DISTINCT FROM 'other_currency')::int,
         (SELECT coalesce(sum(pence), 0) FROM external_places)
    FROM picked WHERE in_community
  UNION ALL
  -- The communities, under every filter but the community one; a grant for two counts under both.
  SELECT 'community', tag, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int, coalesce(sum(pence), 0), 0, 0
    FROM picked CROSS JOIN LATERAL unnest(tags) AS tag
   WHERE tag = ANY ($communities::text[])
   GROUP BY tag
  UNION ALL
  SELECT 'no_community', NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int, coalesce(sum(pence), 0), 0, 0
    FROM picked WHERE NOT (tags && $communities::text[])
  UNION ALL
  SELECT 'fund_area', c.code, ar.name, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0
    FROM unnest($fundCodes::text[]) AS c(code) LEFT JOIN area ar ON ar.code = c.code`;

/** The coverage statement and its parameters, as run; the benchmark prints its plan with them. */
export function coverageStatement(fundId: string, level: AreaKind, fundCodes: readonly string[], communityKeys: readonly string[], filter: CoverageFilter): [string, unknown[]] {
  return bind(COVERAGE_SQL, {
    ...filterValues(fundId, filter),
    level,
    fundCodes: postgresArray(fundCodes),
    communities: postgresArray(communityKeys),
    ruralDensity: RURAL_PEOPLE_PER_KM2,
  });
}

export function coverageRows(em: EntityManager, fundId: string, level: AreaKind, fundCodes: readonly string[], communityKeys: readonly string[], filter: CoverageFilter) {
  return em.getConnection().execute<CoverageRow[]>(...coverageStatement(fundId, level, fundCodes, communityKeys, filter));
}

/** The fund's areas of a level with their boundaries' state, for the boundaries' cache. */
export function levelAreaState(em: EntityManager, level: AreaKind, fundCodes: readonly string[]) {
  return em.getConnection().execute<{ areas: number; drawn: number; changed: string | null }[]>(
    ...bind(
      `WITH ${LEVEL_AREAS}
       SELECT count(*)::int AS areas, (count(*) FILTER (WHERE drawn))::int AS drawn, max(updated_at)::text AS changed FROM level_areas`,
      { level, fundCodes: postgresArray(fundCodes) },
    ),
  );
}

/** The fund's areas of a level with their boundaries. */
export function levelAreaBoundaries(em: EntityManager, level: AreaKind, fundCodes: readonly string[]) {
  return em.getConnection().execute<{ code: string; name: string; geometry: AreaGeometry }[]>(
    ...bind(
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
  const wider = [area.kind === AreaKind.LSOA ? area.wardCode : null, area.kind !== AreaKind.LOCAL_AUTHORITY ? area.localAuthorityCode : null].filter((code): code is string => Boolean(code));
  return em.getConnection().execute<AreaGrantRow[]>(
    ...bind(
      `WITH ${PICKED},
       ${SHARES},
       placed AS (
         SELECT s.*, CASE $level::text WHEN 'LSOA' THEN CASE WHEN ar.kind = 'LSOA' THEN s.code END
                                       WHEN 'WARD' THEN CASE WHEN ar.kind = 'LSOA' THEN ar.ward_code WHEN ar.kind = 'WARD' THEN s.code END
                                       ELSE CASE WHEN ar.kind = 'LOCAL_AUTHORITY' THEN s.code ELSE ar.local_authority_code END END AS target
           FROM shares s LEFT JOIN area ar ON ar.code = s.code
          WHERE s.reason IS NULL
       ),
       here AS (
         SELECT source, item_id, sum(pence) AS pence FROM placed WHERE target = $code::text GROUP BY source, item_id
       ),
       wider AS (
         SELECT DISTINCT item_id FROM placed WHERE source = 'pool' AND code = ANY ($wider::text[])
            AND item_id NOT IN (SELECT item_id FROM here WHERE source = 'pool')
       )
       SELECT CASE WHEN h.item_id IS NULL THEN 'wider' ELSE 'here' END AS placing, g.id, a.reference, grp.name, a.title,
              ph.name AS phase_name, NULL AS funder_name, g.amount_pence, pk.pence AS counted_pence, coalesce(h.pence, 0) AS pence_here,
              to_char(dc.decided_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS awarded_on
         FROM picked pk
         JOIN fund_grant g ON g.id = pk.grant_id
         JOIN application a ON a.id = pk.application_id
         JOIN applicant_group grp ON grp.id = a.group_id
         JOIN phase ph ON ph.id = a.phase_id
         JOIN decision dc ON dc.id = g.decision_id
         LEFT JOIN here h ON h.source = 'pool' AND h.item_id = pk.grant_id
        WHERE pk.in_community AND (h.item_id IS NOT NULL OR pk.grant_id IN (SELECT item_id FROM wider))
       UNION ALL
       SELECT 'external', e.id, NULL, e.recipient_name, e.title, NULL, e.funder_name, e.amount_awarded_minor, h.pence, h.pence,
              to_char(e.award_date, 'YYYY-MM-DD')
         FROM here h JOIN external_grant e ON e.id = h.item_id
        WHERE h.source = 'external'`,
      { ...filterValues(fundId, filter), level: area.kind, code: area.code, wider: postgresArray(wider) },
    ),
  );
}
