import { Link, Navigate, useParams } from 'react-router';
import { APPLICATION_STATUS_LABELS, ApplicationStatus, FUND_ROLE_LABELS, FundRole, LEGAL_FORM_LABELS } from '../../../../../shared/domain.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { FundLedgerBar } from '../../../components/budget-bar.tsx';
import { InsetText } from '../../../components/panel.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag, type TagColour } from '../../../components/tag.tsx';
import { useMe } from '../../auth/api/me.ts';
import { useFundWeek } from '../api/fund-week.ts';

const STATUS_COLOURS: Record<ApplicationStatus, TagColour> = {
  DRAFT: 'grey',
  SUBMITTED: 'blue',
  CHECKED: 'purple',
  ON_AGENDA: 'yellow',
  DECIDED: 'green',
};

const STAFF: FundRole[] = [FundRole.COORDINATOR, FundRole.FUNDER_OFFICER];

const WAITING: ApplicationStatus[] = [ApplicationStatus.SUBMITTED, ApplicationStatus.CHECKED];

export function HomePage() {
  const { fundId } = useParams();
  const { data: me } = useMe();
  const memberships = me?.me?.memberships ?? [];
  const funds = [...new Map(memberships.map((membership) => [membership.fund.id, membership.fund])).values()];

  if (!fundId) {
    if (funds.length === 1) return <Navigate to={`/funds/${funds[0].id}`} replace />;
    return <FundList funds={funds} mayCreate={memberships.some((membership) => membership.role === 'COORDINATOR')} />;
  }
  return <FundWeek fundId={fundId} />;
}

function FundList({ funds, mayCreate }: { funds: { id: string; name: string }[]; mayCreate: boolean }) {
  usePageTitle('Your funds');
  return (
    <>
      <h1 className="app-heading-l">Your funds</h1>
      {funds.length === 0 ? (
        <p className="app-body">You do not have a role in any fund yet. Ask the fund coordinator to invite you.</p>
      ) : (
        <ul className="app-list">
          {funds.map((fund) => (
            <li key={fund.id}>
              <Link to={`/funds/${fund.id}`}>{fund.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {mayCreate ? (
        <p className="app-body">
          <Link to="/funds/new">Set up another fund</Link>
        </p>
      ) : null}
    </>
  );
}

function FundWeek({ fundId }: { fundId: string }) {
  const { data, error, isPending } = useFundWeek(fundId);
  const { data: me } = useMe();
  // An officer's own funder's view, one click from home; the coordinator finds every funder's on the totals page.
  const ownFunders = (me?.me?.memberships ?? []).flatMap((membership) =>
    membership.fund.id === fundId && membership.role === FundRole.FUNDER_OFFICER && membership.funder ? [membership.funder] : [],
  );
  usePageTitle(data ? `${data.fund.name}: this week` : 'This week');
  if (isPending) return <p className="app-body" role="status">Loading the fund…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;

  const { fund } = data;
  const waiting = fund.applicationCounts
    .filter((entry) => WAITING.includes(entry.status as ApplicationStatus))
    .reduce((sum, entry) => sum + entry.count, 0);
  const { ledger, nextPanel } = fund;
  const staff = fund.myRoles.some((role) => STAFF.includes(role as FundRole));
  const upcoming = fund.upcomingMeeting;

  return (
    <>
      <InsetText>
        <span className="app-caption">Our shared purpose</span>
        <p className="app-body">{fund.purpose}</p>
      </InsetText>
      <span className="app-caption">{fund.myRoles.map((role) => FUND_ROLE_LABELS[role]).join(', ')}</span>
      <h1 className="app-heading-xl">{fund.name}: this week</h1>

      <div className="app-grid-row app-cards">
        <div className="app-grid-column-one-third">
          <div className="app-card">
            <p className="app-card__figure" data-testid="applications-waiting">{waiting}</p>
            <p className="app-card__label">applications waiting for the panel</p>
          </div>
        </div>
        <div className="app-grid-column-one-third">
          <div className="app-card">
            <p className="app-card__figure app-card__figure--small" data-testid="next-panel">
              {formatLondonDateTime(new Date(nextPanel.meetsAt))}
            </p>
            <p className="app-card__label">
              next panel meeting; cut-off {formatLondonDateTime(new Date(nextPanel.cutoffAt))}
            </p>
            {upcoming ? (
              <p className="app-card__label">
                <Link to={`/meetings/${upcoming.id}`}>Read the panel pack</Link>
                {fund.myRoles.includes(FundRole.COORDINATOR) ? (
                  <>
                    {' · '}
                    <Link to={`/meetings/${upcoming.id}/run`}>Run the meeting</Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </div>
        </div>
        <div className="app-grid-column-one-third">
          <div className="app-card">
            <p className="app-card__figure" data-testid="money-available">{formatPence(ledger.availablePence)}</p>
            <p className="app-card__label">available to award</p>
          </div>
        </div>
      </div>

      <ul className="app-list app-list--inline" aria-label="Work in this fund">
        {staff ? (
          <>
            <li>
              <Link to={`/funds/${fund.id}/triage`}>Applications to check</Link>
            </li>
            <li>
              <Link to={`/funds/${fund.id}/duplicates`}>Possible duplicates ({fund.duplicatesToReview} to review)</Link>
            </li>
          </>
        ) : null}
        <li>
          <Link to={`/funds/${fund.id}/grants`}>Grants and payments</Link>
        </li>
        <li>
          <Link to={`/funds/${fund.id}/who-funds-what`}>Who funds what</Link>
        </li>
        <li>
          <Link to={`/funds/${fund.id}/coverage`}>Coverage map</Link>
        </li>
        <li>
          <Link to={`/funds/${fund.id}/priorities`}>Priorities</Link>
        </li>
        <li>
          <Link to={`/funds/${fund.id}/stories`}>Stories from reports</Link>
        </li>
        <li>
          <Link to={`/funds/${fund.id}/impact`}>What the grants add up to</Link>
        </li>
        {ownFunders.map((funder) => (
          <li key={funder.id}>
            <Link to={`/funds/${fund.id}/funders/${funder.id}/impact`}>What {funder.name}’s money paid for</Link>
          </li>
        ))}
      </ul>

      <h2 className="app-heading-m">Money in the fund</h2>
      <FundLedgerBar ledger={ledger} />

      <p className="app-body">
        {fund.openPhase
          ? `The ${fund.openPhase.name.toLowerCase()} phase is open for applications, up to ${formatPence(fund.openPhase.maxAwardPence)} each.`
          : 'No phase is open for applications.'}
        {fund.openPhase ? (
          <>
            {' '}
            Groups apply through <a href={`/apply/${fund.slug}`}>the public application form</a>, with no account needed.
          </>
        ) : null}
      </p>

      <Table
        caption="Latest applications"
        captionSize="m"
        rowKey={(row) => row.id}
        rows={fund.applications}
        emptyText="No applications yet."
        columns={[
          { key: 'reference', header: 'Reference' },
          { key: 'group', header: 'Group', render: (row) => <>{row.group.name}<br /><span className="app-caption">{LEGAL_FORM_LABELS[row.group.legalForm]}</span></> },
          { key: 'title', header: 'For', render: (row) => row.title },
          { key: 'phase', header: 'Phase', render: (row) => row.phase.name },
          { key: 'amount', header: 'Asked for', numeric: true, render: (row) => formatPence(row.amountRequestedPence) },
          { key: 'status', header: 'Stage', render: (row) => <Tag colour={STATUS_COLOURS[row.status]}>{APPLICATION_STATUS_LABELS[row.status]}</Tag> },
        ]}
      />
    </>
  );
}
