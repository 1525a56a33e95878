import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { FundRole } from '../../../../../shared/domain.ts';
import { formatCalendarDate, formatLondonDate, londonToday } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { fieldErrors } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/text-input.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag } from '../../../components/tag.tsx';
import { useFundGrants, useMarkPaymentPaid } from '../api/grants.ts';

const REPORTING_LABELS: Record<string, string> = {
  NONE: 'No report',
  SENTENCES: 'A few sentences',
  SHORT_FORM: 'Short form',
};

/** Grants the panel made, and whether each has been paid; officers record payments as they go out. */
export function GrantsPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundGrants(fundId);
  usePageTitle(data ? `${data.fund.name}: grants and payments` : 'Grants and payments');
  if (isPending) return <p className="app-body" role="status">Loading grants…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  const pays = fund.myRoles.some((role) => role === FundRole.COORDINATOR || role === FundRole.FUNDER_OFFICER);

  return (
    <>
      <span className="app-caption">{fund.name}</span>
      <h1 className="app-heading-xl">Grants and payments</h1>
      <p className="app-body">
        {formatPence(fund.ledger.paidPence)} paid; {formatPence(fund.ledger.committedPence)} awarded and still to pay.
      </p>
      {fund.openData ? (
        <p className="app-body">
          <Link className="app-link" to={`/funds/${fundId}/open-data`}>
            Export the grants as open data (360Giving)
          </Link>
        </p>
      ) : null}
      <p className="app-body">
        <Link className="app-link" to={`/funds/${fundId}/reporting`}>
          What each size of grant reports, and when
        </Link>
      </p>
      <Table
        caption="Grants, newest first"
        captionSize="m"
        rowKey={(row) => row.id}
        rows={fund.grants}
        emptyText="No grants yet: they are made when a meeting closes."
        columns={[
          { key: 'reference', header: 'Reference', render: (row) => row.application.reference },
          { key: 'group', header: 'Group', render: (row) => row.application.group.name },
          { key: 'payee', header: 'Paid to', render: (row) => (row.payee === 'HOST' ? `${row.payeeName} (host)` : row.payeeName) },
          { key: 'amount', header: 'Amount', numeric: true, render: (row) => formatPence(row.amountPence) },
          {
            key: 'reporting',
            header: 'Report',
            render: (row) => {
              const label = REPORTING_LABELS[row.reporting] ?? row.reporting;
              // Reports are read by the people who run the grants; for them the label opens the report.
              if (!pays) return label;
              return (
                <>
                  <Link className="app-link" to={`/funds/${fundId}/grants/${row.id}/report`}>
                    {label}
                    <span className="app-visually-hidden"> for {row.application.reference}</span>
                  </Link>
                  {row.report?.status === 'SUBMITTED' ? (
                    <> <Tag colour="green">Sent</Tag></>
                  ) : row.report?.overdue ? (
                    <> <Tag colour="red">Overdue</Tag></>
                  ) : row.reportDueOn ? (
                    <span className="app-hint"> due {formatCalendarDate(row.reportDueOn)}</span>
                  ) : null}
                </>
              );
            },
          },
          {
            key: 'payment',
            header: 'Payment',
            render: (row) =>
              row.payments.map((payment) =>
                payment.status === 'PAID' ? (
                  <Tag key={payment.id} colour="green">
                    Paid {payment.paidAt ? formatLondonDate(new Date(payment.paidAt)) : ''}
                  </Tag>
                ) : pays ? (
                  <MarkPaidForm key={payment.id} fundId={fundId} paymentId={payment.id} bankDetailsGiven={row.bankDetailsGiven} reference={row.application.reference} />
                ) : (
                  <Tag key={payment.id} colour="yellow">
                    Due
                  </Tag>
                ),
              ),
          },
        ]}
      />
    </>
  );
}

function MarkPaidForm({ fundId, paymentId, bankDetailsGiven, reference }: { fundId: string; paymentId: string; bankDetailsGiven: boolean; reference: string }) {
  const [paidOn, setPaidOn] = useState(londonToday());
  const markPaid = useMarkPaymentPaid(fundId);
  const problem = fieldErrors(markPaid.error)[0]?.message;
  const id = `paid-on-${paymentId}`;
  if (!bankDetailsGiven) return <Tag colour="orange">Waiting for bank details</Tag>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    markPaid.mutate({ paymentId, paidOn });
  };

  return (
    <form onSubmit={submit} noValidate className={problem ? 'app-form-group--error' : undefined}>
      <label className="app-label" htmlFor={id}>
        Paid on <span className="app-visually-hidden">for {reference}</span>
      </label>
      {problem ? <ErrorMessage id={`${id}-error`}>{problem}</ErrorMessage> : null}
      <input className="app-input app-input--width-10" id={id} type="date" value={paidOn} onChange={(event) => setPaidOn(event.target.value)} aria-describedby={problem ? `${id}-error` : undefined} />{' '}
      <Button type="submit" variant="secondary" disabled={markPaid.isPending}>
        Mark paid
      </Button>
    </form>
  );
}
