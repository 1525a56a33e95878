import { useId, useState } from 'react';
import { formatPence } from '../../../../../shared/money.ts';
import type { CoverageAreaView, CoverageView } from '../api/coverage.ts';
import { perHead, type Scale } from '../scale.ts';

type SortKey = 'name' | 'grantCount' | 'pence' | 'population' | 'pencePerHead' | 'imdDecile' | 'peoplePerKm2' | 'externalGrantCount' | 'externalPence';

interface Column {
  key: SortKey;
  header: string;
  numeric: boolean;
  external?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', header: 'Area', numeric: false },
  { key: 'grantCount', header: 'Grants', numeric: true },
  { key: 'pence', header: 'Money', numeric: true },
  { key: 'population', header: 'People', numeric: true },
  { key: 'pencePerHead', header: 'Money per head', numeric: true },
  { key: 'imdDecile', header: 'IMD decile', numeric: true },
  { key: 'peoplePerKm2', header: 'Rural or urban', numeric: false },
  { key: 'externalGrantCount', header: 'Other funders’ grants', numeric: true, external: true },
  { key: 'externalPence', header: 'Other funders’ money', numeric: true, external: true },
];

function compare(key: SortKey) {
  return (a: CoverageAreaView, b: CoverageAreaView) => {
    if (key === 'name') return a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code);
    const x = a[key];
    const y = b[key];
    // Unknown figures sort last whichever way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x - y || a.code.localeCompare(b.code);
  };
}

/**
 * The map's figures as a table, for keyboard and screen-reader users and anyone who wants the numbers:
 * one row per area, sortable by any column, each area's name a button that lists its grants.
 */
export function CoverageTable({
  view,
  areas,
  levelName,
  scale,
  external,
  onSelect,
}: {
  view: CoverageView;
  areas: CoverageAreaView[];
  levelName: { one: string; many: string };
  scale: Scale;
  external: boolean;
  onSelect: (code: string) => void;
}) {
  const captionId = useId();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const columns = COLUMNS.filter((column) => external || !column.external);
  const sorted = [...areas].sort(compare(sort.key));
  if (sort.descending) sorted.reverse();
  const legendLabel = new Map(scale.legend.map((entry) => [entry.key, entry.label]));
  const toggle = (key: SortKey) => setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== 'name' }));

  return (
    <section aria-labelledby="coverage-table-heading">
      <h2 className="app-heading-m" id="coverage-table-heading">
        The figures as a table
      </h2>
      <div className="app-table-container app-coverage-table" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="app-table" data-testid="coverage-table">
          <caption id={captionId} className="app-table__caption app-table__caption--s">
            {view.areas.length.toLocaleString('en-GB')} {view.areas.length === 1 ? levelName.one : levelName.many}: grants, money, people and need. Select a
            column heading to sort.
          </caption>
          <thead className="app-table__head">
            <tr className="app-table__row">
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'app-table__header app-table__header--numeric' : 'app-table__header'}
                  aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" className="app-sort-button" onClick={() => toggle(column.key)}>
                    {column.header}
                    <span aria-hidden="true" className="app-sort-button__arrow">
                      {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="app-table__body">
            {sorted.length === 0 ? (
              <tr className="app-table__row">
                <td className="app-table__cell" colSpan={columns.length}>
                  No areas.
                </td>
              </tr>
            ) : null}
            {sorted.map((area) => (
              <tr className="app-table__row" key={area.code} data-code={area.code} data-class={scale.classOf(area)}>
                <th scope="row" className="app-table__header app-coverage-table__area">
                  <button type="button" className="app-link-button" onClick={() => onSelect(area.code)}>
                    {area.name}
                  </button>
                  <span className="app-caption"> {area.code}</span>
                  <span className="app-visually-hidden">, map colour: {legendLabel.get(scale.classOf(area))}</span>
                </th>
                <td className="app-table__cell app-table__cell--numeric">{area.grantCount}</td>
                <td className="app-table__cell app-table__cell--numeric">{formatPence(area.pence)}</td>
                <td className="app-table__cell app-table__cell--numeric">{area.population === null ? 'Not known' : area.population.toLocaleString('en-GB')}</td>
                <td className="app-table__cell app-table__cell--numeric">{area.pencePerHead === null ? 'Not known' : perHead(area.pencePerHead).replace(' a head', '')}</td>
                <td className="app-table__cell app-table__cell--numeric">
                  {area.imdDecile ?? 'Not known'}
                  {area.imdDecileDerived ? <span className="app-caption"> (from its LSOAs)</span> : null}
                </td>
                <td className="app-table__cell">{area.rural === null ? 'Not known' : area.rural ? 'Rural' : 'Urban'}</td>
                {external ? (
                  <>
                    <td className="app-table__cell app-table__cell--numeric">{area.externalGrantCount}</td>
                    <td className="app-table__cell app-table__cell--numeric">{formatPence(area.externalPence)}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="app-table__row app-coverage-table__total">
              <th scope="row" className="app-table__header">
                All these areas
              </th>
              <td className="app-table__cell app-table__cell--numeric">{view.grants.inAreas.grantCount}</td>
              <td className="app-table__cell app-table__cell--numeric">{formatPence(view.grants.inAreas.pence)}</td>
              <td className="app-table__cell" colSpan={4} />
              {external ? (
                <>
                  <td className="app-table__cell app-table__cell--numeric">{view.external.totals.inAreas.grantCount}</td>
                  <td className="app-table__cell app-table__cell--numeric">{formatPence(view.external.totals.inAreas.pence)}</td>
                </>
              ) : null}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="app-body">A grant serving several areas counts in each of them, so the grants in the rows can add up to more than the total.</p>
    </section>
  );
}
