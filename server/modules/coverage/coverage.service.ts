// The shared coverage map: where a fund's grants went, area by area, against population and need; the
// gaps; the grants behind one area; and the areas' boundaries, simplified for the browser.
import type { EntityManager } from '@mikro-orm/postgresql';
import { geoBounds } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { CODE_EXAMPLES, kindOfAnyAreaCode } from '../../../shared/areas.ts';
import { decileOfRank, isRural, RURAL_MAJORITY, RURAL_PEOPLE_PER_KM2 } from '../../../shared/coverage.ts';
import { AreaKind, PriorityKind } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnCoverage } from '../../policies/coverage.policy.ts';
import { Fund } from '../funds/fund.entity.ts';
import type { Priority } from '../taxonomy/priority.entity.ts';
import { fundPriorities } from '../taxonomy/taxonomy.service.ts';
import { type AreaRow, areaGrantRows, coverageRows, type CoverageFilter, type FiguresRow, frameRows, type FundAreaRow, type LeftOutReason, levelAreaBoundaries, levelAreaState } from './coverage-query.ts';
import {
  type Coverage,
  type CoverageArea,
  type CoverageAreaGrants,
  type CoverageBoundaries,
  type CoverageFigures,
  type CoverageTotals,
} from './coverage.types.ts';
import { byCode, deprivedGaps, littlePencePerHead, medianPencePerHead, ruralGap } from './gaps.ts';
import { simplifyBoundary, toleranceFor } from './simplify.ts';
import { AreaWeightedCache, coverageVersions } from './coverage-cache.ts';

/** Loads a fund whose coverage the viewer may see; a fund they cannot see looks like one that does not exist. */
export async function requireCoverageFund(em: EntityManager, viewer: Viewer | null, fundId: string): Promise<Fund> {
  if (!viewer) throw errors.unauthenticated();
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnCoverage(viewer, 'view', fund)) throw errors.notFound('fund');
  return fund;
}

/** Checks the filters against the fund: its phases, its themes and communities, its funders, and the dates' order. */
async function checkFilter(em: EntityManager, fund: Fund, priorities: readonly Priority[], filter: CoverageFilter): Promise<void> {
  const problems: FieldError[] = [];
  const priority = (key: string | null | undefined, kind: PriorityKind, field: string, words: string) => {
    if (key && !priorities.some((candidate) => candidate.key === key && candidate.kind === kind)) problems.push({ field, message: `Choose ${words} from the fund's priorities.` });
  };
  priority(filter.priority, PriorityKind.THEME, 'priority', 'a theme');
  priority(filter.community, PriorityKind.COMMUNITY, 'community', 'a community');
  if (filter.awardedFrom && filter.awardedTo && filter.awardedFrom > filter.awardedTo) problems.push({ field: 'awardedTo', message: 'The last day must be the same as or after the first day.' });
  if (filter.phaseId || filter.funderId) {
    const [found] = await em.getConnection().execute<{ phase: boolean; funder: boolean }[]>(
      // The fund's funders as everywhere (funderIdsInFund): contributed, has people in it, or invited.
      `SELECT EXISTS (SELECT 1 FROM phase WHERE id = ?::uuid AND fund_id = ?) AS phase,
              EXISTS (SELECT 1 FROM contribution WHERE funder_id = ?::uuid AND fund_id = ?
                      UNION ALL SELECT 1 FROM fund_membership WHERE funder_id = ?::uuid AND fund_id = ?
                      UNION ALL SELECT 1 FROM fund_invite WHERE funder_id = ?::uuid AND fund_id = ?) AS funder`,
      [filter.phaseId ?? null, fund.id, ...[1, 2, 3].flatMap(() => [filter.funderId ?? null, fund.id])],
    );
    if (filter.phaseId && !found.phase) problems.push({ field: 'phaseId', message: 'Choose a phase of the fund.' });
    if (filter.funderId && !found.funder) problems.push({ field: 'funderId', message: "Choose one of the fund's funders." });
  }
  if (problems.length > 0) throw errors.badInput(problems);
}

const figures = (row: Pick<FiguresRow, 'grants' | 'pence'> | undefined): CoverageFigures => ({ grantCount: row?.grants ?? 0, pence: Number(row?.pence ?? 0) });
const externalFigures = (row: Pick<FiguresRow, 'external_grants' | 'external_pence'> | undefined): CoverageFigures => ({
  grantCount: row?.external_grants ?? 0,
  pence: Number(row?.external_pence ?? 0),
});

function totals(rows: FiguresRow[], pick: (row: FiguresRow | undefined) => CoverageFigures): CoverageTotals {
  const leftOut = (why: LeftOutReason) => pick(rows.find((row) => row.row_kind === 'left_out' && row.code === why));
  return {
    all: pick(rows.find((row) => row.row_kind === 'all')),
    inAreas: pick(rows.find((row) => row.row_kind === 'in_areas')),
    wider: leftOut('wider'),
    outside: leftOut('outside'),
    unplaced: leftOut('unplaced'),
    noArea: leftOut('no_area'),
  };
}

function coverageArea(row: AreaRow, money: FiguresRow | undefined, level: AreaKind): CoverageArea {
  const population = row.population === null ? null : Number(row.population);
  const pence = Number(money?.pence ?? 0);
  const derived = level !== AreaKind.LSOA && row.imd_decile === null && row.mean_rank !== null;
  const areaKm2 = row.area_km2;
  // A ward or local authority by the share of its people in rural LSOAs; an LSOA (or a larger area
  // whose LSOAs are not all known) by its own density.
  const ruralShare = level !== AreaKind.LSOA && row.rural_population !== null && population ? Number(row.rural_population) / population : null;
  return {
    code: row.code,
    name: row.name ?? row.code,
    kind: level,
    grantCount: money?.grants ?? 0,
    pence,
    population,
    pencePerHead: population ? pence / population : null,
    imdDecile: derived ? decileOfRank(row.mean_rank!) : row.imd_decile,
    imdDecileDerived: derived,
    areaKm2,
    peoplePerKm2: population !== null && areaKm2 ? population / areaKm2 : null,
    rural: ruralShare === null ? isRural(population, areaKm2) : ruralShare >= RURAL_MAJORITY,
    ruralPopulationShare: ruralShare,
    externalGrantCount: money?.external_grants ?? 0,
    externalPence: Number(money?.external_pence ?? 0),
  };
}

/** The map's areas with their own figures, by code, and the names of the areas the fund lists. */
interface Frame {
  areas: AreaRow[];
  names: ReadonlyMap<string, string | null>;
}

// The map's areas change only with the areas themselves (or the fund's list of them), not with grants,
// so they are kept per level and list of areas while no area import happens, weighed as the figures are.
const frameCache = new AreaWeightedCache<Frame>(100_000);

async function mapFrame(em: EntityManager, level: AreaKind, fundCodes: readonly string[], areasVersion: string): Promise<Frame> {
  const key = JSON.stringify([level, fundCodes, areasVersion]);
  const kept = frameCache.get(key);
  if (kept) return kept;
  const rows = await frameRows(em, level, fundCodes);
  const frame: Frame = {
    areas: rows.filter((row): row is AreaRow => row.row_kind === 'area').sort(byCode),
    names: new Map(rows.filter((row): row is FundAreaRow => row.row_kind === 'fund_area').map((row) => [row.code, row.name])),
  };
  frameCache.set(key, frame, frame.areas.length);
  return frame;
}

export interface CoverageArgs {
  fundId: string;
  level: AreaKind;
  filter?: CoverageFilter | null;
}

/** A coverage map's figures as computed, before the fund's current priorities are put to its communities. */
type ComputedCoverage = Omit<Coverage, 'gaps'> & {
  gaps: Omit<Coverage['gaps'], 'communities'> & { communities: ReadonlyMap<string, CoverageFigures> };
};

async function computeCoverage(em: EntityManager, fund: Fund, level: AreaKind, filter: CoverageFilter, communityKeys: readonly string[], areasVersion: string, summed: boolean): Promise<ComputedCoverage> {
  const [frame, rows] = [await mapFrame(em, level, fund.areaCodes, areasVersion), await coverageRows(em, fund.id, level, fund.areaCodes, communityKeys, filter, summed)];
  const money = new Map(rows.filter((row) => row.row_kind === 'money').map((row) => [row.code!, row]));
  const areas = frame.areas.map((row) => coverageArea(row, money.get(row.code), level));
  const median = medianPencePerHead(areas);
  const little = littlePencePerHead(median);
  return {
    fundId: fund.id,
    level,
    fundAreas: fund.areaCodes.map((code) => {
      const name = frame.names.get(code);
      return { code, name: name ?? code, kind: name ? kindOfAnyAreaCode(code) : null };
    }),
    areas,
    grants: totals(rows, figures),
    external: {
      totals: totals(rows, externalFigures),
      otherCurrencyCount: externalFigures(rows.find((row) => row.row_kind === 'left_out' && row.code === 'other_currency')).grantCount,
    },
    ruralPeoplePerKm2: RURAL_PEOPLE_PER_KM2,
    medianPencePerHead: median,
    littlePencePerHead: little,
    gaps: {
      deprived: deprivedGaps(areas, little),
      rural: ruralGap(areas, little),
      communities: new Map(rows.filter((row) => row.row_kind === 'community').map((row) => [row.code!, figures(row)])),
      noCommunity: figures(rows.find((row) => row.row_kind === 'no_community')),
    },
  };
}

// Computed figures, kept while nothing they were computed from changes (coverageVersions, read on every
// request, so figures are never served once a change has committed). Bounded by the areas held: a few
// England-wide LSOA maps, or hundreds of a county's.
const computedCache = new AreaWeightedCache<ComputedCoverage>(100_000);

/**
 * The coverage map's figures at one level: every one of the fund's areas of the level with its grants,
 * money, population, money per head, deprivation and rurality; the money left out of the areas and
 * why; the external grants' layer; and the gaps. One statement computes the figures, whatever their
 * size (from the kept sums without filters, or with only a funder's); while nothing changes, they are
 * served from the cache after one statement reading the versions. `cache: false` always computes them,
 * and `summed: true` sums them from the grants' shares even when the kept sums would serve (the
 * benchmark measures each).
 */
export async function fundCoverage(em: EntityManager, viewer: Viewer | null, args: CoverageArgs, options: { cache: boolean; summed?: boolean } = { cache: true }): Promise<Coverage> {
  const fund = await requireCoverageFund(em, viewer, args.fundId);
  const filter = args.filter ?? {};
  const priorities = await fundPriorities(em, fund.id);
  await checkFilter(em, fund, priorities, filter);
  const communities = priorities.filter((priority) => priority.kind === PriorityKind.COMMUNITY);
  const communityKeys = communities.map((priority) => priority.key);
  const versions = await coverageVersions(em, fund.id);
  const key = JSON.stringify([
    fund.id,
    args.level,
    [filter.phaseId, filter.priority, filter.community, filter.funderId, filter.awardedFrom, filter.awardedTo].map((value) => value ?? null),
    fund.areaCodes,
    communityKeys,
    versions.all,
  ]);
  let computed = options.cache ? computedCache.get(key) : undefined;
  if (!computed) {
    computed = await computeCoverage(em, fund, args.level, filter, communityKeys, versions.areas, options.summed ?? false);
    if (options.cache) computedCache.set(key, computed, computed.areas.length);
  }
  const { communities: money, ...gaps } = computed.gaps;
  return {
    ...computed,
    gaps: {
      ...gaps,
      communities: communities
        .map((priority) => ({ priority, ...(money.get(priority.key) ?? { grantCount: 0, pence: 0 }) }))
        .filter((row) => !row.priority.retired || row.grantCount > 0),
    },
  };
}

/** The grants behind one area under the filters: counted there, serving a larger area holding it, and external. */
export async function coverageAreaGrants(em: EntityManager, viewer: Viewer | null, args: { fundId: string; code: string; filter?: CoverageFilter | null }): Promise<CoverageAreaGrants> {
  const fund = await requireCoverageFund(em, viewer, args.fundId);
  const code = args.code.trim().toUpperCase();
  const kind = kindOfAnyAreaCode(code);
  if (!kind) throw errors.badInput([{ field: 'code', message: `Give an area's code: an LSOA (${CODE_EXAMPLES.LSOA}), ward or local authority.` }]);
  const filter = args.filter ?? {};
  const [area] = await em.getConnection().execute<{ name: string; ward_code: string | null; local_authority_code: string | null }[]>(
    `SELECT name, ward_code, local_authority_code FROM area WHERE code = ?`,
    [code],
  );
  const rows = await areaGrantRows(em, fund.id, { code, kind, wardCode: area?.ward_code ?? null, localAuthorityCode: area?.local_authority_code ?? null }, filter);
  const newestFirst = <T extends { awardedOn: string; id: string }>(list: T[]) => list.sort((a, b) => (a.awardedOn < b.awardedOn ? 1 : a.awardedOn > b.awardedOn ? -1 : a.id < b.id ? -1 : 1));
  const grant = (row: (typeof rows)[number]) => ({
    id: row.id,
    reference: row.reference ?? '',
    groupName: row.name,
    title: row.title,
    phaseName: row.phase_name ?? '',
    amountPence: Number(row.amount_pence),
    countedPence: Number(row.counted_pence),
    pencePlacedHere: Number(row.pence_here),
    awardedOn: row.awarded_on,
  });
  return {
    code,
    name: area?.name ?? code,
    kind,
    grants: newestFirst(rows.filter((row) => row.placing === 'here').map(grant)),
    widerGrants: newestFirst(rows.filter((row) => row.placing === 'wider').map(grant)),
    externalGrants: newestFirst(
      rows
        .filter((row) => row.placing === 'external')
        .map((row) => ({ id: row.id, recipientName: row.name, title: row.title, funderName: row.funder_name ?? '', amountPence: Number(row.amount_pence), awardedOn: row.awarded_on })),
    ),
  };
}

// Simplified boundaries, kept per level and set of local authorities while no boundary in them
// changes. A cache only: every server process fills its own, and a restart loses nothing.
const BOUNDARY_CACHE_SIZE = 32;
const boundaryCache = new Map<string, CoverageBoundaries>();

/**
 * The boundaries of the map's areas as one GeoJSON FeatureCollection, simplified to half a pixel of a
 * 1,500-pixel map. One statement when nothing changed since the last request for the same map; two
 * otherwise.
 */
export async function coverageBoundaries(em: EntityManager, viewer: Viewer | null, args: { fundId: string; level: AreaKind }): Promise<CoverageBoundaries> {
  const fund = await requireCoverageFund(em, viewer, args.fundId);
  const { level } = args;
  const codes = [...fund.areaCodes].sort();
  const [state] = await levelAreaState(em, level, codes);
  const key = `${level}:${codes.join(',')}`;
  const version = `${state.areas}.${state.drawn}.${state.changed ?? ''}`;
  const cached = boundaryCache.get(key);
  if (cached?.version === version) {
    // Most recently used last, so the oldest is dropped first.
    boundaryCache.delete(key);
    boundaryCache.set(key, cached);
    return cached;
  }
  const rows = await levelAreaBoundaries(em, level, codes);
  const whole: FeatureCollection = { type: 'FeatureCollection', features: rows.map((row) => ({ type: 'Feature', id: row.code, properties: {}, geometry: row.geometry })) };
  const [[west, south], [east, north]] = rows.length > 0 ? geoBounds(whole) : [[0, 0], [0, 0]];
  const tolerance = toleranceFor(Math.max(east - west, north - south));
  const features: Feature[] = rows.map((row) => ({ type: 'Feature', id: row.code, properties: { code: row.code, name: row.name }, geometry: simplifyBoundary(row.geometry, tolerance) }));
  const result: CoverageBoundaries = { level, version, featureCollection: { type: 'FeatureCollection', features }, withoutBoundary: state.areas - state.drawn };
  boundaryCache.set(key, result);
  if (boundaryCache.size > BOUNDARY_CACHE_SIZE) boundaryCache.delete(boundaryCache.keys().next().value!);
  return result;
}
