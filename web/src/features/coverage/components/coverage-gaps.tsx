import { formatPence } from '../../../../../shared/money.ts';
import { DEPRIVED_DECILES, LITTLE_SHARE_OF_MEDIAN } from '../../../../../shared/coverage.ts';
import { Tag } from '../../../components/tag.tsx';
import type { CoverageAreaView, CoverageView } from '../api/coverage.ts';
import { perHead } from '../scale.ts';

type Group = CoverageView['gaps']['rural']['rural'];

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function AreaLinks({ codes, areas, onSelect, label, detail }: { codes: readonly { code: string }[]; areas: ReadonlyMap<string, CoverageAreaView>; onSelect: (code: string) => void; label: string; detail: (area: CoverageAreaView) => string }) {
  return (
    <ul className="app-list app-list--plain app-coverage-gaps__list" aria-label={label}>
      {codes.map(({ code }) => {
        const area = areas.get(code);
        if (!area) return null;
        return (
          <li key={code}>
            <button type="button" className="app-link-button" onClick={() => onSelect(code)}>
              {area.name}
            </button>{' '}
            ({code}): {detail(area)}
          </li>
        );
      })}
    </ul>
  );
}

function GroupRow({ name, group }: { name: string; group: Group }) {
  return (
    <tr className="app-table__row">
      <th scope="row" className="app-table__header">
        {name}
      </th>
      <td className="app-table__cell app-table__cell--numeric">{group.areaCount.toLocaleString('en-GB')}</td>
      <td className="app-table__cell app-table__cell--numeric">{group.population.toLocaleString('en-GB')}</td>
      <td className="app-table__cell app-table__cell--numeric">{formatPence(group.pence)}</td>
      <td className="app-table__cell app-table__cell--numeric">{group.pencePerHead === null ? 'Not known' : perHead(group.pencePerHead).replace(' a head', '')}</td>
      <td className="app-table__cell app-table__cell--numeric">{group.unfundedCount.toLocaleString('en-GB')}</td>
    </tr>
  );
}

/** The gaps the panel can act on: deprived areas with no or little money, rural areas against urban, and the communities. */
export function CoverageGaps({ view, levelName, areas, onSelect }: { view: CoverageView; levelName: { one: string; many: string }; areas: ReadonlyMap<string, CoverageAreaView>; onSelect: (code: string) => void }) {
  const { deprived, rural, communities, noCommunity } = view.gaps;
  const little = view.littlePencePerHead;
  const littleWords =
    little === null ? 'no area has any money yet, so none has little' : `under ${perHead(little)} (${Math.round(LITTLE_SHARE_OF_MEDIAN * 100)}% of the median of ${perHead(view.medianPencePerHead)} among the ${levelName.many} with grants)`;
  const ratio = rural.rural.pencePerHead !== null && rural.urban.pencePerHead ? rural.rural.pencePerHead / rural.urban.pencePerHead : null;
  const communityTotal = communities.reduce((sum, row) => sum + row.pence, 0);
  const detail = (area: CoverageAreaView) =>
    `decile ${area.imdDecile}, ${area.population === null ? 'population not known' : plural(area.population, 'person', 'people')}, ${area.grantCount === 0 ? 'no grants' : `${formatPence(area.pence)}, ${perHead(area.pencePerHead)}`}`;

  return (
    <section aria-labelledby="coverage-gaps-heading" data-testid="coverage-gaps">
      <h2 className="app-heading-l" id="coverage-gaps-heading">
        Gaps the panel can act on
      </h2>
      <p className="app-body">
        At {levelName.one} level, under the filters above. “Little” money means {littleWords}.
      </p>

      <h3 className="app-heading-m" id="coverage-gaps-deprived">
        Most deprived {levelName.many} with no or little money ({deprived.length})
      </h3>
      <p className="app-body">
        {levelName.many[0].toUpperCase() + levelName.many.slice(1)} in IMD deciles {DEPRIVED_DECILES.join(' and ')} (the most deprived fifth of England), least money per head first.
      </p>
      {deprived.length === 0 ? (
        <p className="app-body">None: every one of them has more than a little.</p>
      ) : (
        <AreaLinks codes={deprived} areas={areas} onSelect={onSelect} label="Most deprived areas with no or little money" detail={detail} />
      )}

      <h3 className="app-heading-m">Rural {levelName.many}</h3>
      <p className="app-body">
        {ratio === null
          ? 'Not enough figures to compare rural and urban areas.'
          : `Rural ${levelName.many} received ${perHead(rural.rural.pencePerHead)}, urban ones ${perHead(rural.urban.pencePerHead)}: ${ratio < 1 ? `rural areas get ${Math.round(ratio * 100)}% of what urban areas get per head` : `rural areas get ${ratio.toFixed(1)} times what urban areas get per head`}.`}
        {rural.unknownCount > 0 ? ` ${plural(rural.unknownCount, levelName.one, levelName.many)} could not be classed (no boundary or population).` : ''}
      </p>
      <div className="app-table-container" role="region" aria-labelledby="coverage-rural-caption" tabIndex={0}>
        <table className="app-table" data-testid="coverage-rural-table">
          <caption id="coverage-rural-caption" className="app-table__caption app-table__caption--s">
            Rural against urban {levelName.many}
          </caption>
          <thead className="app-table__head">
            <tr className="app-table__row">
              <th scope="col" className="app-table__header">
                <span className="app-visually-hidden">Kind of area</span>
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                Areas
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                People
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                Money
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                Per head
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                With no grant
              </th>
            </tr>
          </thead>
          <tbody className="app-table__body">
            <GroupRow name="Rural" group={rural.rural} />
            <GroupRow name="Urban" group={rural.urban} />
          </tbody>
        </table>
      </div>
      <h4 className="app-heading-s" id="coverage-gaps-rural-none">
        Rural {levelName.many} with no grants ({rural.unfunded.length})
      </h4>
      {rural.unfunded.length === 0 ? <p className="app-body">None.</p> : <AreaLinks codes={rural.unfunded} areas={areas} onSelect={onSelect} label="Rural areas with no grants" detail={detail} />}
      {rural.little.length > 0 ? (
        <>
          <h4 className="app-heading-s">Rural {levelName.many} with little ({rural.little.length})</h4>
          <AreaLinks codes={rural.little} areas={areas} onSelect={onSelect} label="Rural areas with little money" detail={detail} />
        </>
      ) : null}

      <h3 className="app-heading-m">Communities</h3>
      <p className="app-body">
        The communities in the fund’s priorities against the grants tagged with them, under the filters above except the community one. A grant for two
        communities counts under both.
      </p>
      <div className="app-table-container" role="region" aria-labelledby="coverage-communities-caption" tabIndex={0}>
        <table className="app-table" data-testid="coverage-communities-table">
          <caption id="coverage-communities-caption" className="app-table__caption app-table__caption--s">
            Communities against money and grants
          </caption>
          <thead className="app-table__head">
            <tr className="app-table__row">
              <th scope="col" className="app-table__header">
                Community
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                Grants
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                Money
              </th>
              <th scope="col" className="app-table__header app-table__header--numeric">
                Share
              </th>
            </tr>
          </thead>
          <tbody className="app-table__body">
            {communities.map((row) => (
              <tr className="app-table__row" key={row.priority.key}>
                <th scope="row" className="app-table__header">
                  {row.priority.label}
                  {row.grantCount === 0 ? (
                    <>
                      {' '}
                      <Tag colour="red">Nothing yet</Tag>
                    </>
                  ) : null}
                </th>
                <td className="app-table__cell app-table__cell--numeric">{row.grantCount}</td>
                <td className="app-table__cell app-table__cell--numeric">{formatPence(row.pence)}</td>
                <td className="app-table__cell app-table__cell--numeric">{communityTotal > 0 ? `${Math.round((row.pence / communityTotal) * 100)}%` : '–'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="app-table__row">
              <th scope="row" className="app-table__header">
                No community tagged
              </th>
              <td className="app-table__cell app-table__cell--numeric">{noCommunity.grantCount}</td>
              <td className="app-table__cell app-table__cell--numeric">{formatPence(noCommunity.pence)}</td>
              <td className="app-table__cell" />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
