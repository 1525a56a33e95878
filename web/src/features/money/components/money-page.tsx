import { Link, useParams } from 'react-router';
import { formatPence } from '../../../../../shared/money.ts';
import { formatCalendarDate } from '../../../../../shared/london-time.ts';
import { restrictionsInWords } from '../../../../../shared/restrictions.ts';
import { priorityLabeller } from '../../../../../shared/taxonomy.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { BudgetBar, FundLedgerBar } from '../../../components/budget-bar.tsx';
import { useFundMoney } from '../api/fund-money.ts';

/** Every contribution with where it stands, and its restrictions in words. */
export function MoneyPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundMoney(fundId);
  usePageTitle(data ? `${data.fund.name}: money` : 'Money');
  if (isPending) return <p className="app-body" role="status">Loading the money in this fund…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  const { ledger } = fund;
  const priorityLabel = priorityLabeller(fund.priorities);
  const mayRecord = fund.viewerMay.recordContribution && (fund.recordableFunders.length > 0 || fund.viewerMay.addFunder);

  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">Money</h1>
      <FundLedgerBar ledger={ledger} caption="The whole fund" />
      {mayRecord ? (
        <p className="app-body">
          <Link className="app-button" to={`/funds/${fund.id}/money/record`}>
            Record a contribution
          </Link>
        </p>
      ) : null}
      <h2 className="app-heading-m">Contributions</h2>
      {fund.contributions.length === 0 ? <p className="app-body">No contributions recorded yet.</p> : null}
      <ul className="app-list app-list--plain">
        {fund.contributions.map((contribution) => {
          const restrictions = restrictionsInWords(contribution, priorityLabel);
          const headingId = `contribution-${contribution.id}`;
          return (
            <li key={contribution.id}>
              <article className="app-card" aria-labelledby={headingId}>
                <h3 className="app-heading-s" id={headingId}>
                  {contribution.funder.name}: {formatPence(contribution.amountPence)}
                </h3>
                <p className="app-caption">Received {formatCalendarDate(contribution.receivedOn)}</p>
                <BudgetBar
                  totalLabel="Contributed"
                  totalPence={contribution.ledger.contributedPence}
                  segments={[
                    { label: 'Paid', pence: contribution.ledger.paidPence, tone: 'paid' },
                    { label: 'Committed', pence: contribution.ledger.committedPence, tone: 'committed' },
                    { label: 'Available', pence: contribution.ledger.availablePence, tone: 'available' },
                  ]}
                />
                {restrictions.length > 0 ? (
                  <>
                    <h4 className="app-heading-s">Restrictions</h4>
                    <ul className="app-list app-list--bullet">
                      {restrictions.map((words) => (
                        <li key={words}>{words}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="app-body">No restrictions: the panel may award it to anything the fund funds.</p>
                )}
                {contribution.note ? <p className="app-body-s">{contribution.note}</p> : null}
                {contribution.viewerCanEdit ? (
                  <p className="app-body">
                    <Link to={`/funds/${fund.id}/contributions/${contribution.id}`}>
                      Change<span className="app-visually-hidden"> the contribution from {contribution.funder.name} received {formatCalendarDate(contribution.receivedOn)}</span>
                    </Link>
                  </p>
                ) : null}
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
