import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { useReportingTotals } from '../api/reporting-totals.ts';
import '../impact.css';
import { FigureCards, FiguresTable } from './figures-tables.tsx';

/**
 * What the fund's grants add up to: grants, money, people reached and reports, overall, by priority and by
 * phase; with the way to each funder's own view the viewer may open.
 */
export function ImpactPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useReportingTotals(fundId);
  usePageTitle(data ? `${data.fund.name}: what the grants add up to` : 'What the grants add up to');
  if (isPending) return <p className="app-body" role="status">Loading the totals…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund, reportingTotals: totals } = data;

  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">What the grants add up to</h1>
      <p className="app-body">
        Every grant the fund has made, its money, and what the groups’ reports say so far. People taking part are the groups’ own rough counts from the short-form reports
        they have sent; a report of a few sentences gives no count.
      </p>
      <FigureCards figures={totals.all} moneyLabel="awarded in grants" />
      <FiguresTable
        caption="By priority"
        nameHeader="Priority"
        moneyHeader="Money"
        rows={totals.byPriority}
        note="A grant with two priorities counts under both, so the rows add up to more than the total."
      />
      <FiguresTable caption="By phase" nameHeader="Phase" moneyHeader="Money" rows={totals.byPhase} />

      <h2 className="app-heading-m">Read more</h2>
      <ul className="app-list">
        <li>
          <Link to={`/funds/${fund.id}/stories`}>Stories from reports</Link>
        </li>
        {totals.funderViews.map((funder) => (
          <li key={funder.id}>
            <Link to={`/funds/${fund.id}/funders/${funder.id}/impact`}>What {funder.name}’s money paid for</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
