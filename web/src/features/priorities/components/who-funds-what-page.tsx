import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { formatPence } from '../../../../../shared/money.ts';
import { priorityLabeller } from '../../../../../shared/taxonomy.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Tag } from '../../../components/tag.tsx';
import { useWhoFundsWhat, type WhoFundsWhat } from '../api/who-funds-what.ts';
import { KIND_SECTIONS } from '../kinds.ts';

type Row = WhoFundsWhat['rows'][number];
type Cell = { pence: number; grantCount: number };

const grants = (count: number) => `${count} ${count === 1 ? 'grant' : 'grants'}`;

/** Money and grants in one cell; an empty cell says so to screen readers rather than reading "£0". */
function Figures({ cell }: { cell: Cell }) {
  if (cell.grantCount === 0) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="app-visually-hidden">No grants</span>
      </>
    );
  }
  return (
    <>
      <span className="app-wfw__money">{formatPence(cell.pence)}</span>
      <br />
      <span className="app-caption">{grants(cell.grantCount)}</span>
    </>
  );
}

/**
 * Who funds what: the fund's priorities (rows) against its funders (columns), each cell the money that
 * funder's contributions paid to grants with that priority and how many grants, with each funder's
 * focus marked in words. Overlaps (several funders focusing on one priority) and gaps (nobody focusing
 * on or funding it) are named in the row header, listed above the table, and not told by colour alone.
 */
export function WhoFundsWhatPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useWhoFundsWhat(fundId);
  const captionId = useId();
  usePageTitle(data ? `${data.fund.name}: who funds what` : 'Who funds what');
  if (isPending) return <p className="app-body" role="status">Loading who funds what…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund, whoFundsWhat: view } = data;
  const label = priorityLabeller(view.rows.map((row) => row.priority));
  const overlaps = view.rows.filter((row) => row.overlap);
  const gaps = view.rows.filter((row) => row.gap);
  const unfocused = view.rows.filter((row) => row.focusCount === 0 && row.grantCount > 0);
  const columns = view.funders.length + 2;
  const focusedBy = (row: Row) => view.funders.filter((_, index) => row.cells[index].focus).map((entry) => entry.funder.name);

  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">Who funds what</h1>
      <p className="app-body">
        What each funder’s contributions paid to grants with each priority, how many grants, and which priorities each funder focuses on. A grant with
        two priorities counts under both, so the rows add up to more than the total.
      </p>

      <div className="app-grid-row">
        <section className="app-grid-column-one-third" aria-labelledby="overlaps">
          <h2 className="app-heading-s" id="overlaps">
            Where funders overlap ({overlaps.length})
          </h2>
          {overlaps.length === 0 ? (
            <p className="app-body">No priority has more than one funder focusing on it.</p>
          ) : (
            <ul className="app-list app-list--bullet">
              {overlaps.map((row) => (
                <li key={row.priority.key}>
                  <strong>{row.priority.label}</strong>: {focusedBy(row).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="app-grid-column-one-third" aria-labelledby="gaps">
          <h2 className="app-heading-s" id="gaps">
            Gaps: nobody focuses on or funds ({gaps.length})
          </h2>
          {gaps.length === 0 ? (
            <p className="app-body">Every priority has a funder’s focus or a grant.</p>
          ) : (
            <ul className="app-list app-list--bullet">
              {gaps.map((row) => (
                <li key={row.priority.key}>{row.priority.label}</li>
              ))}
            </ul>
          )}
        </section>
        <section className="app-grid-column-one-third" aria-labelledby="unfocused">
          <h2 className="app-heading-s" id="unfocused">
            Funded, but no funder’s focus ({unfocused.length})
          </h2>
          {unfocused.length === 0 ? (
            <p className="app-body">None.</p>
          ) : (
            <ul className="app-list app-list--bullet">
              {unfocused.map((row) => (
                <li key={row.priority.key}>
                  {row.priority.label}: {formatPence(row.totalPence)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {/* Wide on a phone: it scrolls sideways inside its own focusable region, with the priority column kept in view. */}
      <div className="app-table-container app-wfw" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="app-table app-wfw__table">
          <caption id={captionId} className="app-table__caption app-table__caption--m">
            <span className="app-wfw__pinned">Priorities against funders: money paid to grants</span>
          </caption>
          <thead className="app-table__head">
            <tr className="app-table__row">
              <th scope="col" className="app-table__header app-wfw__sticky">
                Priority
              </th>
              {view.funders.map((entry) => (
                <th scope="col" className="app-table__header app-table__header--numeric" key={entry.funder.id}>
                  {entry.funder.name}
                </th>
              ))}
              <th scope="col" className="app-table__header app-table__header--numeric">
                All funders
              </th>
            </tr>
          </thead>
          {KIND_SECTIONS.map((section) => {
            const rows = view.rows.filter((row) => row.priority.kind === section.kind);
            if (rows.length === 0) return null;
            return (
              <tbody className="app-table__body" key={section.kind}>
                <tr className="app-table__row">
                  <th scope="rowgroup" colSpan={columns} className="app-table__header app-wfw__group">
                    <span className="app-wfw__pinned">{section.heading}</span>
                  </th>
                </tr>
                {rows.map((row) => (
                  <tr className={['app-table__row', row.overlap ? 'app-wfw__row--overlap' : '', row.gap ? 'app-wfw__row--gap' : ''].filter(Boolean).join(' ')} key={row.priority.key}>
                    <th scope="row" className="app-table__header app-wfw__sticky">
                      {row.priority.label}
                      {row.priority.retired ? <span className="app-caption"> (retired)</span> : null}
                      {row.overlap ? (
                        <>
                          <br />
                          <Tag colour="yellow">Overlap: {row.focusCount} funders</Tag>
                        </>
                      ) : null}
                      {row.gap ? (
                        <>
                          <br />
                          <Tag colour="red">Gap</Tag>
                        </>
                      ) : null}
                    </th>
                    {row.cells.map((cell) => (
                      <td className={cell.focus ? 'app-table__cell app-table__cell--numeric app-wfw__cell--focus' : 'app-table__cell app-table__cell--numeric'} key={cell.funderId}>
                        <Figures cell={cell} />
                        {cell.focus ? (
                          <>
                            <br />
                            <Tag colour="blue">Focus</Tag>
                          </>
                        ) : null}
                      </td>
                    ))}
                    <td className="app-table__cell app-table__cell--numeric">
                      <Figures cell={{ pence: row.totalPence, grantCount: row.grantCount }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
          <tfoot>
            <tr className="app-table__row">
              <th scope="row" className="app-table__header app-wfw__sticky">
                No priority tagged
              </th>
              {view.untagged.cells.map((cell) => (
                <td className="app-table__cell app-table__cell--numeric" key={cell.funderId}>
                  <Figures cell={cell} />
                </td>
              ))}
              <td className="app-table__cell app-table__cell--numeric">
                <Figures cell={{ pence: view.untagged.totalPence, grantCount: view.untagged.grantCount }} />
              </td>
            </tr>
            <tr className="app-table__row app-wfw__total">
              <th scope="row" className="app-table__header app-wfw__sticky">
                All grants, each once
              </th>
              {view.totals.cells.map((cell) => (
                <td className="app-table__cell app-table__cell--numeric" key={cell.funderId}>
                  <Figures cell={cell} />
                </td>
              ))}
              <td className="app-table__cell app-table__cell--numeric" data-testid="who-funds-what-total">
                <Figures cell={{ pence: view.totals.totalPence, grantCount: view.totals.grantCount }} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      <h2 className="app-heading-m">Each funder’s focus</h2>
      <ul className="app-list app-list--plain">
        {view.funders.map((entry) => (
          <li key={entry.funder.id} className="app-wfw__funder">
            <h3 className="app-heading-s">{entry.funder.name}</h3>
            <p className="app-body">{entry.focusKeys.length > 0 ? `Focuses on ${entry.focusKeys.map(label).join(', ')}.` : 'Has not marked a focus yet.'}</p>
            {entry.viewerMayMarkFocus ? (
              <p className="app-body">
                <Link to={`/funds/${fund.id}/who-funds-what/focus/${entry.funder.id}`}>
                  Change the focus<span className="app-visually-hidden"> of {entry.funder.name}</span>
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="app-body">
        <Link to={`/funds/${fund.id}/priorities`}>The fund’s priorities</Link>
      </p>
    </>
  );
}
