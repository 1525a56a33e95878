import { useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatPence } from '../../../../../shared/money.ts';
import { RURAL_MAJORITY, RURAL_PEOPLE_PER_KM2 } from '../../../../../shared/coverage.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import type { AreaKind } from '../../../gql/graphql.ts';
import { useCoverage, useCoverageOptions, type CoverageFilterInput, type CoverageView } from '../api/coverage.ts';
import { useCoverageBoundaries } from '../api/coverage-boundaries.ts';
import { type Measure, scaleFor } from '../scale.ts';
import '../coverage.css';
import { AreaGrants } from './area-grants.tsx';
import { CoverageFilters, type FilterState } from './coverage-filters.tsx';
import { CoverageGaps } from './coverage-gaps.tsx';
import { CoverageLegend } from './coverage-legend.tsx';
import { CoverageMap } from './coverage-map.tsx';
import { CoverageTable } from './coverage-table.tsx';

export const LEVELS: { param: string; level: AreaKind; one: string; many: string }[] = [
  { param: 'lsoa', level: 'LSOA', one: 'LSOA', many: 'LSOAs' },
  { param: 'ward', level: 'WARD', one: 'ward', many: 'wards' },
  { param: 'la', level: 'LOCAL_AUTHORITY', one: 'local authority', many: 'local authorities' },
];

const MEASURE_PARAMS: Record<string, Measure> = { 'per-head': 'perHead', grants: 'grants', decile: 'decile' };

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
const figures = (entry: { grantCount: number; pence: number }) => `${plural(entry.grantCount, 'grant')} (${formatPence(entry.pence)})`;

/** Reads the page's settings from its address, so a map can be shared and the back button works. */
function readState(params: URLSearchParams): FilterState {
  return {
    level: LEVELS.find((entry) => entry.param === params.get('level'))?.param ?? 'ward',
    measure: Object.keys(MEASURE_PARAMS).includes(params.get('show') ?? '') ? params.get('show')! : 'per-head',
    phase: params.get('phase') ?? '',
    theme: params.get('theme') ?? '',
    community: params.get('community') ?? '',
    funder: params.get('funder') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    external: params.get('external') === 'on',
  };
}

function writeState(state: FilterState): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, string][] = [
    ['level', state.level === 'ward' ? '' : state.level],
    ['show', state.measure === 'per-head' ? '' : state.measure],
    ['phase', state.phase],
    ['theme', state.theme],
    ['community', state.community],
    ['funder', state.funder],
    ['from', state.from],
    ['to', state.to],
    ['external', state.external ? 'on' : ''],
  ];
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}

const validDate = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

function filterOf(state: FilterState): CoverageFilterInput {
  return {
    phaseId: state.phase || null,
    priority: state.theme || null,
    community: state.community || null,
    funderId: state.funder || null,
    awardedFrom: validDate(state.from),
    awardedTo: validDate(state.to),
  };
}

/** What the figures at this level leave out, and why, in words: nothing is dropped silently. */
function LeftOut({ view, levelName }: { view: CoverageView; levelName: { one: string; many: string } }) {
  const { wider, outside, unplaced, noArea } = view.grants;
  const notes: string[] = [];
  if (wider.grantCount > 0) {
    notes.push(
      `${figures(wider)} serve a whole ${view.level === 'LSOA' ? 'ward or local authority' : 'local authority'}, so they are not divided among its ${levelName.many} and are left out of these figures. Choose a larger level to see them, or open an area to see which serve it.`,
    );
  }
  if (outside.grantCount > 0) notes.push(`${figures(outside)} went to places outside the fund’s areas.`);
  if (unplaced.grantCount > 0) notes.push(`${figures(unplaced)} could not be placed at this level (an area the portal does not hold, or an LSOA whose ward is not known).`);
  if (noArea.grantCount > 0) notes.push(`${figures(noArea)} name no area yet: officers can add the areas on each application.`);
  if (notes.length === 0) return null;
  return (
    <div className="app-inset-text" data-testid="coverage-left-out">
      {notes.map((note) => (
        <p className="app-body" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
}

function ExternalSummary({ view }: { view: CoverageView }) {
  const { totals, otherCurrencyCount } = view.external;
  if (totals.all.grantCount === 0 && otherCurrencyCount === 0) {
    return <p className="app-body">No published grants have been imported into this fund. Coordinators and funder officers import them on the duplicates page.</p>;
  }
  const notPlaced = totals.unplaced.grantCount + totals.noArea.grantCount;
  return (
    <p className="app-body" data-testid="coverage-external-summary">
      Other funders’ published grants: {figures(totals.inAreas)} placed in these areas by the recipient’s postcode
      {totals.wider.grantCount > 0 ? `, ${figures(totals.wider)} placed only in a larger area` : ''}
      {totals.outside.grantCount > 0 ? `, ${figures(totals.outside)} outside the fund’s areas` : ''}. {plural(notPlaced, 'grant')} could not be placed (
      {totals.noArea.grantCount} with no postcode, {totals.unplaced.grantCount} with a postcode not in the lookup)
      {otherCurrencyCount > 0 ? `; ${plural(otherCurrencyCount, 'grant')} in another currency left out` : ''}. Their circles on the map are sized by money.
    </p>
  );
}

/**
 * The shared coverage map: where the fund's money went, area by area, against population and
 * deprivation, as a map, a table of the same figures, and the gaps the panel can act on.
 */
export function CoveragePage() {
  const { fundId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const level = LEVELS.find((entry) => entry.param === state.level)!;
  const measure = MEASURE_PARAMS[state.measure];
  const filter = filterOf(state);
  const options = useCoverageOptions(fundId);
  const coverage = useCoverage({ fundId, level: level.level, filter });
  const boundaries = useCoverageBoundaries(fundId, level.level);
  const [selected, setSelected] = useState<string | null>(null);
  const grantsHeading = useRef<HTMLHeadingElement>(null);
  const fundName = options.data?.name;
  usePageTitle(fundName ? `${fundName}: coverage map` : 'Coverage map');

  const areas = useMemo(() => new Map((coverage.data?.coverage.areas ?? []).map((area) => [area.code, area])), [coverage.data]);
  const scale = useMemo(() => scaleFor(measure, [...areas.values()]), [measure, areas]);

  if (options.error) return <p className="app-body" role="alert">{options.error.message}</p>;
  if (coverage.error && !coverage.data) return <p className="app-body" role="alert">{coverage.error.message}</p>;
  if (options.isPending || coverage.isPending) return <p className="app-body" role="status">Loading the coverage map…</p>;
  const fund = options.data;
  const view = coverage.data.coverage;

  const change = (next: Partial<FilterState>) => {
    if (next.level && next.level !== state.level) setSelected(null);
    setParams(writeState({ ...state, ...next }), { replace: true });
  };
  const select = (code: string, how: 'pointer' | 'keyboard') => {
    setSelected(code);
    // Keyboard and table users are taken to the list; pointer users see it beside the map, or on a
    // phone, where it is below the map, it is scrolled into view.
    requestAnimationFrame(() => {
      if (how === 'keyboard') grantsHeading.current?.focus();
      else grantsHeading.current?.scrollIntoView({ block: 'nearest' });
    });
  };
  const selectedArea = selected ? areas.get(selected) : undefined;
  const measureLabel = { perHead: 'money per head', grants: 'number of grants', decile: 'IMD decile' }[measure];

  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">Coverage map</h1>
      <p className="app-body">
        Where the fund’s money went, area by area, against how many people live there and how deprived the area is. A grant serving several areas is
        shared equally among them. Filters change the map, the table and the gaps together.
      </p>
      {view.fundAreas.length === 0 ? (
        <div className="app-inset-text">
          <p className="app-body">
            This fund has no areas yet, so there is nothing to map. Its coordinator chooses them in <Link to={`/funds/${fund.id}/settings`}>the fund settings</Link>.
          </p>
        </div>
      ) : (
        <p className="app-body">
          Areas: {view.fundAreas.map((area) => area.name).join(', ')}. {plural(view.areas.length, level.one, level.many)}; {figures(view.grants.inAreas)} placed
          in them, of {figures(view.grants.all)} counted.
        </p>
      )}

      <CoverageFilters
        state={state}
        onChange={change}
        levels={LEVELS.map((entry) => ({ value: entry.param, label: entry.one[0].toUpperCase() + entry.one.slice(1) }))}
        phases={fund.phases}
        priorities={fund.priorities}
        funders={fund.funders}
        error={coverage.error?.message}
      />

      <p className="app-body app-visually-hidden" role="status" aria-live="polite">
        {coverage.isFetching ? 'Updating the map…' : `Showing ${plural(view.areas.length, level.one, level.many)} by ${measureLabel}: ${figures(view.grants.inAreas)}.`}
      </p>

      <LeftOut view={view} levelName={level} />

      <div className="app-grid-row">
        <div className="app-grid-column-two-thirds">
          <h2 className="app-heading-m" id="coverage-map-heading">
            {level.many[0].toUpperCase() + level.many.slice(1)} by {measureLabel}
          </h2>
          {boundaries.isPending ? <p className="app-body" role="status">Loading the boundaries…</p> : null}
          {boundaries.error ? <p className="app-body" role="alert">{boundaries.error.message}</p> : null}
          {boundaries.data ? (
            <>
              {boundaries.data.featureCollection.features.length > 0 ? (
                <CoverageMap
                  features={boundaries.data.featureCollection}
                  areas={areas}
                  scale={scale}
                  external={state.external}
                  selected={selected}
                  onSelect={select}
                  label={`Map of the fund’s ${level.many} coloured by ${measureLabel}`}
                />
              ) : (
                <p className="app-body">No boundaries have been imported for these {level.many}, so the map cannot be drawn. The table below has the figures.</p>
              )}
              {boundaries.data.withoutBoundary > 0 && boundaries.data.featureCollection.features.length > 0 ? (
                <p className="app-body">{plural(boundaries.data.withoutBoundary, level.one, level.many)} with no boundary are not drawn; the table has them.</p>
              ) : null}
            </>
          ) : null}
        </div>
        <div className="app-grid-column-one-third">
          <CoverageLegend scale={scale} measure={measure} external={state.external} />
          <AreaGrants fundId={fund.id} code={selected} area={selectedArea} filter={filter} external={state.external} headingRef={grantsHeading} onClose={() => setSelected(null)} />
        </div>
      </div>

      {state.external ? <ExternalSummary view={view} /> : null}

      <details className="app-details">
        <summary className="app-details__summary">How the figures are worked out</summary>
        <div className="app-details__text">
          <p className="app-body">
            Grants are placed in the areas their application serves. A grant for one LSOA counts in that LSOA, its ward and its local authority; a grant for a
            whole ward or local authority counts there only, never spread over smaller areas. A grant serving several areas is shared equally among them, to
            the penny. With a funder chosen, only the money drawn from that funder’s contributions counts.
          </p>
          <p className="app-body">
            Population and deprivation are the English Indices of Deprivation 2019 figures for each LSOA. A ward’s or local authority’s population is the sum
            of its LSOAs’, and its decile the decile of its LSOAs’ average rank, weighted by population.
          </p>
          <p className="app-body">
            Rural or urban: the shared data has no rural-urban classification, so an LSOA with fewer than {RURAL_PEOPLE_PER_KM2} people per km² (measured
            from its boundary) counts as rural: the density Eurostat uses for the grid squares of urban areas. A ward or local authority is rural when at
            least {Math.round(RURAL_MAJORITY * 100)}% of its people live in rural LSOAs, as ONS classes local authorities “predominantly rural”.
          </p>
          <p className="app-body">
            Other funders’ grants are placed by the recipient’s postcode, through the postcode lookup: in its LSOA, or its ward or local authority when the
            portal does not hold the LSOA. The phase, priority and funder filters do not apply to them; the dates do.
          </p>
        </div>
      </details>

      <CoverageTable view={view} areas={[...areas.values()]} levelName={level} scale={scale} external={state.external} onSelect={(code) => select(code, 'keyboard')} />

      <CoverageGaps view={view} levelName={level} areas={areas} onSelect={(code) => select(code, 'keyboard')} />
    </>
  );
}
