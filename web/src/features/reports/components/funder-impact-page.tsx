import { Link, useParams } from 'react-router';
import { formatCalendarDate, londonToday } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag, type TagColour } from '../../../components/tag.tsx';
import type { ReportState } from '../../../gql/graphql.ts';
import { useFunderImpact } from '../api/funder-impact.ts';
import '../impact.css';
import { FigureCards, FiguresTable } from './figures-tables.tsx';
import { StoryCard } from './story-card.tsx';

const REPORT_STATES: Record<ReportState, { label: string; colour: TagColour }> = {
  NONE: { label: 'None asked', colour: 'grey' },
  DUE: { label: 'Due', colour: 'blue' },
  OVERDUE: { label: 'Overdue', colour: 'red' },
  SENT: { label: 'Sent', colour: 'green' },
};

/**
 * One funder's own view, made to be printed for its board: what its contributions paid for (its part of
 * each grant), the figures by priority and phase, the stories and photos groups shared with the funders
 * or publicly, and every grant; and the same as a CSV file. Printed, the navigation and buttons go, each
 * section starts a page, and photos keep to a size that leaves room for their story.
 */
export function FunderImpactPage() {
  const { fundId = '', funderId = '' } = useParams();
  const { data, error, isPending } = useFunderImpact(fundId, funderId);
  const impact = data?.funderImpact;
  usePageTitle(impact ? `${impact.funder.name}: what its money paid for` : 'What the money paid for');
  if (isPending) return <p className="app-body" role="status">Loading…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { funder } = impact!;
  const storied = impact!.grants.filter((grant) => grant.story);

  return (
    <div className="app-funder-impact">
      <span className="app-caption-l">{impact!.fundName}</span>
      <h1 className="app-heading-l">What {funder.name}’s money paid for</h1>
      <p className="app-body">
        The grants {funder.name}’s contributions to {impact!.fundName} paid towards, its part of each, and what the groups told us. As at {formatCalendarDate(londonToday())}.
      </p>
      <div className="app-button-group app-no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          Print this page
        </Button>
        <a className="app-link" href={impact!.csvUrl} download>
          Download the grants as a spreadsheet (CSV)
        </a>
      </div>

      <FigureCards figures={impact!.all} moneyLabel={`from ${funder.name}`} />

      <section className="app-impact-section" aria-labelledby="funder-stories">
        <h2 className="app-heading-m" id="funder-stories">
          Stories the groups shared
        </h2>
        {storied.length === 0 ? <p className="app-body">No group that {funder.name} paid towards has shared a story yet.</p> : null}
        {impact!.unsharedStories > 0 ? (
          <p className="app-body" data-testid="unshared-stories">
            {impact!.unsharedStories === 1 ? 'One group' : `${impact!.unsharedStories} groups`} asked for {impact!.unsharedStories === 1 ? 'its story' : 'their stories'} not to be
            shared, so {impact!.unsharedStories === 1 ? 'it is' : 'they are'} not here.
          </p>
        ) : null}
        <ol className="app-story-list">
          {storied.map((grant) => (
            <li key={grant.id}>
              <StoryCard story={grant.story!} grant={grant} headingLevel={3} />
            </li>
          ))}
        </ol>
      </section>

      <FiguresTable
        caption="By priority"
        nameHeader="Priority"
        moneyHeader={`From ${funder.name}`}
        rows={impact!.byPriority}
        note="A grant with two priorities counts under both. People taking part are for the whole grant, whoever else paid towards it."
      />
      <FiguresTable caption="By phase" nameHeader="Phase" moneyHeader={`From ${funder.name}`} rows={impact!.byPhase} />

      <section className="app-impact-section">
        <Table
          caption="Every grant"
          captionSize="m"
          rowKey={(grant) => grant.id}
          rows={impact!.grants}
          emptyText={`${funder.name}’s contributions have not paid towards a grant yet.`}
          columns={[
            { key: 'group', header: 'Group', render: (grant) => <>{grant.groupName}<br /><span className="app-caption">{grant.reference}: {grant.title}</span></> },
            { key: 'phase', header: 'Phase', render: (grant) => grant.phaseName },
            { key: 'awarded', header: 'Awarded', render: (grant) => formatCalendarDate(grant.awardedOn) },
            { key: 'amount', header: 'Grant', numeric: true, render: (grant) => formatPence(grant.amountPence) },
            { key: 'part', header: `From ${funder.name}`, numeric: true, render: (grant) => formatPence(grant.funderPence) },
            { key: 'report', header: 'Report', render: (grant) => <Tag colour={REPORT_STATES[grant.reportState].colour}>{REPORT_STATES[grant.reportState].label}</Tag> },
          ]}
        />
      </section>
      <p className="app-body app-no-print">
        <Link to={`/funds/${impact!.fundId}/impact`}>What all the fund’s grants add up to</Link>
      </p>
    </div>
  );
}
