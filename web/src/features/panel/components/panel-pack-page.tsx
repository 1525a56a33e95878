import { Link, useParams } from 'react-router';
import { FundRole, LEGAL_FORM_LABELS } from '../../../../../shared/domain.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { InsetText } from '../../../components/panel.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag } from '../../../components/tag.tsx';
import { useMe } from '../../auth/api/me.ts';
import { usePanelPack, type PanelPack } from '../api/panel-pack.ts';
import { priorityLabeller } from '../../../../../shared/taxonomy.ts';
import { PriorityTagsEditor } from '../../priorities/components/priority-tags-form.tsx';
import { decisionText, restrictionsOf } from '../labels.ts';
import { PackDuplicates } from './pack-duplicates.tsx';
import { DeclareConflictForm, ScoreForm } from './score-form.tsx';

/** One page per meeting that everyone on the panel reads before it: it prints cleanly. */
export function PanelPackPage() {
  const { meetingId = '' } = useParams();
  const { data, error, isPending } = usePanelPack(meetingId);
  const { data: me } = useMe();
  usePageTitle(data ? `Panel pack, ${formatLondonDateTime(new Date(data.meeting.meetsAt))}` : 'Panel pack');
  if (isPending) return <p className="app-body" role="status">Loading the pack…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { meeting } = data;
  const requested = meeting.agenda.reduce((sum, item) => sum + item.amountRequestedPence, 0);
  const roles = new Set(meeting.fund.myRoles);
  const open = meeting.status !== 'CLOSED';
  const scores = open && (roles.has(FundRole.PANELLIST) || roles.has(FundRole.COMMUNITY_PANELLIST));
  const myUserId = me?.me?.user.id ?? '';
  const priorityLabel = priorityLabeller(meeting.fund.priorities);

  return (
    <article className="app-pack">
      <span className="app-caption">{meeting.fund.name}</span>
      <h1 className="app-heading-xl">Panel pack: {formatLondonDateTime(new Date(meeting.meetsAt))}</h1>
      <InsetText>
        <span className="app-caption">Our shared purpose</span>
        <p className="app-body">{meeting.fund.purpose}</p>
      </InsetText>
      {open && roles.has(FundRole.COORDINATOR) ? (
        <p className="app-body app-no-print">
          <Link to={`/meetings/${meeting.id}/run`}>Run this meeting</Link>: walk the agenda and record the panel’s decisions.
        </p>
      ) : null}
      {meeting.minutes ? <Minutes minutes={meeting.minutes} /> : null}
      <p className="app-body">
        {meeting.agenda.length} {meeting.agenda.length === 1 ? 'application' : 'applications'} asking for {formatPence(requested)} in all. Cut-off was{' '}
        {formatLondonDateTime(new Date(meeting.cutoffAt))}.
      </p>

      <p className="app-body">
        The panel can award {formatPence(meeting.fund.ledger.availablePence)} now; {formatPence(meeting.fund.ledger.reservedPence)} is held in reserve.
      </p>
      <Table
        caption="Money available, by contribution"
        captionSize="m"
        rowKey={(row) => row.id}
        rows={meeting.fund.contributions}
        firstCellIsHeader
        columns={[
          { key: 'funder', header: 'Funder', render: (row) => row.funder.name },
          { key: 'restrictions', header: 'Restrictions', render: (row) => restrictionsOf(row, priorityLabel) },
          { key: 'contributed', header: 'Contributed', numeric: true, render: (row) => formatPence(row.amountPence) },
          { key: 'committed', header: 'Awarded, unpaid', numeric: true, render: (row) => formatPence(row.ledger.committedPence) },
          { key: 'paid', header: 'Paid', numeric: true, render: (row) => formatPence(row.ledger.paidPence) },
          { key: 'available', header: 'Available', numeric: true, render: (row) => formatPence(row.ledger.availablePence) },
        ]}
      />

      <h2 className="app-heading-l">Agenda</h2>
      {meeting.agenda.length === 0 ? <p className="app-body">Nothing is on this meeting’s agenda yet.</p> : null}
      {meeting.agenda.map((item, index) => (
        <section className="app-pack__item" key={item.id} aria-labelledby={`item-${item.id}`}>
          <h3 className="app-heading-m" id={`item-${item.id}`}>
            {index + 1}. {item.group.name} <span className="app-caption">{item.reference}</span>
          </h3>
          <p className="app-body">
            {LEGAL_FORM_LABELS[item.group.legalForm]} · {item.phase.name} phase · asks for <strong>{formatPence(item.amountRequestedPence)}</strong>
            {item.assisted ? ' · filled in with an officer' : ''}
          </p>
          <p className="app-body">
            {item.priorityTags.length === 0 ? 'No priorities tagged yet.' : null}
            {item.priorityTags.map((tag) => (
              <Tag key={tag} colour="blue" className="app-pack__tag">
                {priorityLabel(tag)}
              </Tag>
            ))}
          </p>
          {open && !item.myConflict && roles.size > 0 ? (
            <details className="app-details">
              <summary className="app-details__summary">
                Change the priorities<span className="app-visually-hidden"> of {item.reference}</span>
              </summary>
              <div className="app-details__text">
                <PriorityTagsEditor application={item} priorities={meeting.fund.priorities} idPrefix={`tags-${item.id}`} />
              </div>
            </details>
          ) : null}
          <p className="app-body">
            <strong>{item.title}.</strong> {item.description ?? item.summary}
          </p>
          {item.beneficiaries ? <p className="app-body">Who benefits: {item.beneficiaries}</p> : null}
          {item.budget ? <p className="app-body">Budget: {item.budget}</p> : null}
          <PackDuplicates item={item} />
          {item.conflicts.length > 0 ? (
            <p className="app-body">
              Standing aside: {item.conflicts.map((conflict) => `${conflict.panellist.name} (${conflict.reason})`).join('; ')}
            </p>
          ) : null}
          {item.myConflict ? (
            <InsetText>You declared a conflict on this application, so you do not see its scores and take no part in deciding it.</InsetText>
          ) : (
            <Table
              caption="Scores"
              captionSize="s"
              rowKey={(row) => row.panellist.name}
              rows={item.scores ?? []}
              emptyText="No scores yet."
              columns={[
                { key: 'panellist', header: 'Panellist', render: (row) => row.panellist.name },
                { key: 'score', header: 'Score (1–4)', numeric: true, render: (row) => (row.value == null ? 'Not enough knowledge' : String(row.value)) },
                { key: 'comment', header: 'Comment', render: (row) => row.comment ?? '' },
              ]}
            />
          )}
          {scores && !item.myConflict ? <ScoreForm meetingId={meeting.id} item={item} myUserId={myUserId} /> : null}
          {open && !item.myConflict ? <DeclareConflictForm meetingId={meeting.id} item={item} /> : null}
          {item.decision ? (
            <p className="app-body">
              Decided: <Tag colour="green">{decisionText(item.decision)}</Tag>
            </p>
          ) : null}
        </section>
      ))}
    </article>
  );
}

function Minutes({ minutes }: { minutes: NonNullable<PanelPack['minutes']> }) {
  return (
    <section aria-labelledby="minutes">
      <h2 className="app-heading-l" id="minutes">
        Minutes
      </h2>
      <p className="app-body">
        Present: {minutes.attendees.map((attendee) => `${attendee.name} (${attendee.role.toLowerCase()})`).join(', ')}.
      </p>
      <Table
        caption="Decisions"
        captionSize="m"
        rowKey={(row) => row.reference}
        rows={minutes.decisions}
        columns={[
          { key: 'reference', header: 'Reference' },
          { key: 'group', header: 'Group', render: (row) => row.group },
          { key: 'decision', header: 'Decision', render: (row) => row.decision },
          { key: 'amount', header: 'Amount', numeric: true, render: (row) => (row.amountPence == null ? '' : formatPence(row.amountPence)) },
          { key: 'note', header: 'Notes', render: (row) => row.note ?? '' },
        ]}
      />
      <h3 className="app-heading-m">Recusals</h3>
      {minutes.recusals.length === 0 ? (
        <p className="app-body">No one declared a conflict of interest.</p>
      ) : (
        <ul className="app-list app-list--bullet">
          {minutes.recusals.map((recusal) => (
            <li key={`${recusal.name}-${recusal.reference}`}>
              {recusal.name} stood aside from {recusal.reference}: {recusal.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
