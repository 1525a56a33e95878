import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FUND_ROLE_LABELS, LEGAL_FORM_LABELS } from '../../../../../shared/domain.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatPence, poundsToPence } from '../../../../../shared/money.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { ApiError, fieldErrors } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { FundLedgerBar } from '../../../components/budget-bar.tsx';
import { Button } from '../../../components/button.tsx';
import { Checkboxes } from '../../../components/checkboxes.tsx';
import { ErrorSummary, type FieldError } from '../../../components/error-summary.tsx';
import { InsetText, NotificationBanner } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag } from '../../../components/tag.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import type { DecisionKind } from '../../../gql/graphql.ts';
import { useCloseMeeting, useRecordDecision } from '../api/panel-actions.ts';
import { usePanelPack, type AgendaItem, type PanelPack } from '../api/panel-pack.ts';
import { priorityLabeller } from '../../../../../shared/taxonomy.ts';
import { decisionText } from '../labels.ts';

function averageScore(item: AgendaItem) {
  const values = (item.scores ?? []).flatMap((score) => (score.value == null ? [] : [score.value]));
  if (values.length === 0) return 'no scores';
  return `average ${(values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(1)} from ${values.length} ${values.length === 1 ? 'score' : 'scores'}`;
}

/** The coordinator walks the agenda in the meeting, recording each decision as the panel makes it. */
export function MeetingModePage() {
  const { meetingId = '' } = useParams();
  const { data, error, isPending } = usePanelPack(meetingId);
  const [position, setPosition] = useState(0);
  // Held here: the item's form starts afresh from each saved version, while the outcome stays shown.
  const record = useRecordDecision(meetingId);
  usePageTitle(data ? `Meeting, ${formatLondonDateTime(new Date(data.meeting.meetsAt))}` : 'Meeting');
  if (isPending) return <p className="app-body" role="status">Loading the meeting…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { meeting } = data;
  const { ledger } = meeting.fund;
  const decided = meeting.agenda.filter((item) => item.decision).length;
  const current = meeting.agenda[Math.min(position, meeting.agenda.length - 1)];

  if (meeting.status === 'CLOSED') {
    return (
      <>
        <h1 className="app-heading-l">This meeting is closed</h1>
        <p className="app-body">
          <Link to={`/meetings/${meeting.id}`}>Read its minutes and decisions</Link>.
        </p>
      </>
    );
  }

  return (
    <>
      <span className="app-caption">{meeting.fund.name}</span>
      <h1 className="app-heading-xl">Meeting: {formatLondonDateTime(new Date(meeting.meetsAt))}</h1>
      <div className="app-meeting__bar">
        <p className="app-body" aria-live="polite" data-testid="meeting-progress">
          <strong>{formatPence(ledger.availablePence)}</strong> left to award · {decided} of {meeting.agenda.length} decided
        </p>
      </div>
      <FundLedgerBar ledger={ledger} />

      {current ? (
        <AgendaItemView
          key={`${current.id}-${current.decision?.version ?? 0}`}
          meeting={meeting}
          item={current}
          record={record}
          position={meeting.agenda.indexOf(current)}
          onMove={(next) => {
            record.reset();
            setPosition(Math.max(0, Math.min(next, meeting.agenda.length - 1)));
          }}
        />
      ) : (
        <p className="app-body">Nothing is on this meeting’s agenda.</p>
      )}

      <Table
        caption="The agenda"
        captionSize="m"
        rowKey={(row) => row.id}
        rows={meeting.agenda}
        columns={[
          {
            key: 'item',
            header: 'Item',
            render: (row) => (
              <button type="button" className="app-link-button" onClick={() => setPosition(meeting.agenda.indexOf(row))} aria-current={row === current ? 'step' : undefined}>
                {meeting.agenda.indexOf(row) + 1}. {row.group.name}
              </button>
            ),
          },
          { key: 'asks', header: 'Asks for', numeric: true, render: (row) => formatPence(row.amountRequestedPence) },
          { key: 'decision', header: 'Decision', render: (row) => <Tag colour={row.decision ? 'green' : 'grey'}>{decisionText(row.decision)}</Tag> },
        ]}
      />

      {meeting.agenda.length > 0 && decided === meeting.agenda.length ? <CloseMeetingForm meeting={meeting} /> : null}
    </>
  );
}

type RecordDecision = ReturnType<typeof useRecordDecision>;

function AgendaItemView({ meeting, item, record, position, onMove }: { meeting: PanelPack; item: AgendaItem; record: RecordDecision; position: number; onMove: (position: number) => void }) {
  return (
    <section className="app-pack__item" aria-labelledby="current-item">
      <span className="app-caption">
        Item {position + 1} of {meeting.agenda.length} · {item.reference}
      </span>
      <h2 className="app-heading-l" id="current-item">
        {item.group.name}
      </h2>
      <p className="app-body">
        {LEGAL_FORM_LABELS[item.group.legalForm]} · asks for <strong>{formatPence(item.amountRequestedPence)}</strong> · {averageScore(item)}
      </p>
      <p className="app-body">
        <strong>{item.title}.</strong> {item.summary} {item.priorityTags.length > 0 ? `(${item.priorityTags.map(priorityLabeller(meeting.fund.priorities)).join(', ')})` : ''}
      </p>
      {item.conflicts.length > 0 ? (
        <InsetText>
          Standing aside for this item: {item.conflicts.map((conflict) => `${conflict.panellist.name} (${conflict.reason})`).join('; ')}. They take no part in the
          discussion or the decision.
        </InsetText>
      ) : null}
      {item.decision?.kind === 'AWARD' && item.decision.draws.length > 0 ? (
        <p className="app-body">
          Paid from: {item.decision?.draws.map((draw) => `${draw.contribution.funder.name} ${formatPence(draw.amountPence)}`).join(', ')}.
        </p>
      ) : null}
      {item.myConflict ? (
        <InsetText>You declared a conflict on this application, so another coordinator must record its decision.</InsetText>
      ) : (
        <DecisionForm item={item} record={record} />
      )}
      <div className="app-meeting__nav">
        <Button variant="secondary" disabled={position === 0} onClick={() => onMove(position - 1)}>
          Previous item
        </Button>
        <Button variant="secondary" disabled={position === meeting.agenda.length - 1} onClick={() => onMove(position + 1)}>
          Next item
        </Button>
      </div>
    </section>
  );
}

function DecisionForm({ item, record }: { item: AgendaItem; record: RecordDecision }) {
  const existing = item.decision;
  const [kind, setKind] = useState<string>(existing?.kind ?? '');
  const [amount, setAmount] = useState(existing?.amountPence != null ? String(existing.amountPence / 100) : String(item.amountRequestedPence / 100));
  const [reason, setReason] = useState(existing?.reason ?? '');
  const [message, setMessage] = useState(existing?.message ?? '');
  const [referredTo, setReferredTo] = useState(existing?.referredTo ?? '');
  const [localProblems, setLocalProblems] = useState<FieldError[]>([]);
  // Only this item's outcome: the chair may have moved on from another one.
  const forThisItem = record.variables?.applicationId === item.id;
  const error = forThisItem ? record.error : null;
  const id = (field: string) => `decision-${item.id}-${field}`;
  const changedMeanwhile = error instanceof ApiError && error.code === ErrorCode.Conflict;
  const problems = changedMeanwhile
    ? []
    : [...localProblems, ...fieldErrors(error).map((problem) => ({ field: id(problem.field && problem.field !== 'applicationId' ? problem.field : 'kind'), message: problem.message }))];
  const messageFor = (field: string) => problems.find((problem) => problem.field === id(field))?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    if (!kind) return setLocalProblems([{ field: id('kind'), message: 'Choose award, decline, defer or refer.' }]);
    const amountPence = kind === 'AWARD' ? poundsToPence(amount) : null;
    if (kind === 'AWARD' && amountPence == null) return setLocalProblems([{ field: id('amountPence'), message: 'Enter the award in pounds, like 1500 or 1,500.00.' }]);
    setLocalProblems([]);
    record.mutate({
      applicationId: item.id,
      expectedVersion: existing?.version ?? 0,
      kind: kind as DecisionKind,
      amountPence,
      reason: reason.trim() || null,
      message: message.trim() || null,
      referredTo: kind === 'REFER' ? referredTo.trim() || null : null,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Decision on ${item.reference}`}>
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else changed this decision">
          <p className="app-body">The decision below is the one now saved. Check it, and change it again if the panel decided otherwise.</p>
        </NotificationBanner>
      ) : null}
      {forThisItem && record.isSuccess ? (
        <p className="app-body" role="status">
          Decision saved: {decisionText(existing)}.
        </p>
      ) : null}
      <ErrorSummary errors={problems} />
      <Radios
        id={id('kind')}
        name={id('kind')}
        legend="The panel’s decision"
        legendSize="m"
        value={kind}
        onChange={setKind}
        error={messageFor('kind')}
        items={[
          { value: 'AWARD', label: 'Award', hint: 'Within the phase limit, and the cap for unconstituted groups' },
          { value: 'DECLINE', label: 'Decline', hint: 'With the reason, and feedback for the group' },
          { value: 'DEFER', label: 'Defer', hint: 'To a later meeting, with the question the group must answer' },
          { value: 'REFER', label: 'Refer', hint: 'To a named funder outside the pool' },
        ]}
      />
      {kind === 'AWARD' ? (
        <>
          <TextInput id={id('amountPence')} name={id('amountPence')} label="Amount, in pounds" inputMode="decimal" width="10" prefix="£" value={amount} onChange={(event) => setAmount(event.target.value)} error={messageFor('amountPence')} />
          <TextArea id={id('reason')} name={id('reason')} label="Conditions (optional)" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} error={messageFor('reason')} />
        </>
      ) : null}
      {kind === 'DECLINE' ? (
        <>
          <TextArea id={id('reason')} name={id('reason')} label="Reason, for the minutes" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} error={messageFor('reason')} />
          <TextArea id={id('message')} name={id('message')} label="Feedback for the group" hint="Sent in the decision email. Say what would make a future application stronger." rows={3} value={message} onChange={(event) => setMessage(event.target.value)} error={messageFor('message')} />
        </>
      ) : null}
      {kind === 'DEFER' ? (
        <TextArea id={id('message')} name={id('message')} label="The question the group must answer" rows={3} value={message} onChange={(event) => setMessage(event.target.value)} error={messageFor('message')} />
      ) : null}
      {kind === 'REFER' ? (
        <>
          <TextInput id={id('referredTo')} name={id('referredTo')} label="Funder it is referred to" value={referredTo} onChange={(event) => setReferredTo(event.target.value)} error={messageFor('referredTo')} />
          <TextArea id={id('message')} name={id('message')} label="Message for the group (optional)" rows={2} value={message} onChange={(event) => setMessage(event.target.value)} error={messageFor('message')} />
        </>
      ) : null}
      <Button type="submit" disabled={record.isPending}>
        {existing ? 'Change the decision' : 'Record the decision'}
      </Button>
    </form>
  );
}

function CloseMeetingForm({ meeting }: { meeting: PanelPack }) {
  const people = [...new Map(meeting.people.map((member) => [member.user.id, member])).values()];
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const close = useCloseMeeting(meeting.id);
  const navigate = useNavigate();
  const problems = fieldErrors(close.error).map((problem) => ({ field: 'attendees', message: problem.message }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ meetingId: meeting.id, attendeeIds }, { onSuccess: () => navigate(`/meetings/${meeting.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="close-meeting">
      <h2 className="app-heading-l" id="close-meeting">
        Close the meeting
      </h2>
      <p className="app-body">
        Closing writes the minutes, emails every group its decision, and makes a grant with a payment due for each award. Decisions cannot be changed afterwards.
      </p>
      <ErrorSummary errors={problems} />
      <Checkboxes
        id="attendees"
        name="attendees"
        legend="Who attended?"
        legendSize="m"
        error={problems[0]?.message}
        value={attendeeIds}
        onChange={setAttendeeIds}
        items={people.map((member) => ({
          value: member.user.id,
          label: member.user.name,
          hint: [FUND_ROLE_LABELS[member.role], member.funder?.name].filter(Boolean).join(', '),
        }))}
      />
      <Button type="submit" variant="warning" disabled={close.isPending}>
        Close the meeting
      </Button>
    </form>
  );
}
