import { Link, useParams } from 'react-router';
import { LEGAL_FORM_LABELS } from '../../../../../shared/domain.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Table } from '../../../components/table.tsx';
import type { LegalForm } from '../../../gql/graphql.ts';
import { useTriageQueue } from '../api/triage.ts';

/** What officers still have to check before the cut-off, and what is ready for the next panel. */
export function TriageQueuePage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useTriageQueue(fundId);
  usePageTitle('Applications to check');
  if (isPending) return <p className="app-body" role="status">Loading applications…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  const groupCell = (row: { group: { name: string; legalForm: LegalForm } }) => (
    <>
      {row.group.name}
      <br />
      <span className="app-caption">{LEGAL_FORM_LABELS[row.group.legalForm]}</span>
    </>
  );

  return (
    <>
      <span className="app-caption">{fund.name}</span>
      <h1 className="app-heading-xl">Applications to check</h1>
      <p className="app-body">
        What is ready by {formatLondonDateTime(new Date(fund.nextPanel.cutoffAt))} joins the next meeting’s agenda; anything later rolls to the week after.
      </p>
      <Table
        caption={`To check (${fund.submitted.length})`}
        captionSize="m"
        rowKey={(row) => row.id}
        rows={fund.submitted}
        emptyText="Nothing waiting: every sent application has been checked."
        columns={[
          { key: 'reference', header: 'Reference', render: (row) => <Link to={`/applications/${row.id}`}>{row.reference}</Link> },
          { key: 'group', header: 'Group', render: groupCell },
          { key: 'title', header: 'For', render: (row) => row.title },
          { key: 'amount', header: 'Asks for', numeric: true, render: (row) => formatPence(row.amountRequestedPence) },
          { key: 'sent', header: 'Sent', render: (row) => (row.submittedAt ? formatLondonDateTime(new Date(row.submittedAt)) : '') },
        ]}
      />
      <Table
        caption={`Ready for the panel (${fund.ready.length})`}
        captionSize="m"
        rowKey={(row) => row.id}
        rows={fund.ready}
        emptyText="Nothing is ready for the next meeting yet."
        columns={[
          { key: 'reference', header: 'Reference', render: (row) => <Link to={`/applications/${row.id}`}>{row.reference}</Link> },
          { key: 'group', header: 'Group', render: groupCell },
          { key: 'title', header: 'For', render: (row) => row.title },
          { key: 'amount', header: 'Asks for', numeric: true, render: (row) => formatPence(row.amountRequestedPence) },
          { key: 'ready', header: 'Ready since', render: (row) => (row.readyForPanelAt ? formatLondonDateTime(new Date(row.readyForPanelAt)) : '') },
        ]}
      />
    </>
  );
}
