import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../../app/graphql-client.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios } from '../../../components/radios.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { useDeclareConflict, useScoreApplication } from '../api/panel-actions.ts';
import type { AgendaItem } from '../api/panel-pack.ts';

const NOT_ENOUGH = 'unknown';
const SCORE_CHOICES = [
  { value: '4', label: '4 – fund it' },
  { value: '3', label: '3 – fund it, with questions' },
  { value: '2', label: '2 – doubts; lean against' },
  { value: '1', label: '1 – do not fund' },
  { value: NOT_ENOUGH, label: 'I do not know enough to score this' },
];

/** Problems from the server, keyed to this item's inputs so several forms can share one page. */
const problemsFor = (error: unknown, prefix: string, fallbackField: string) =>
  fieldErrors(error).map((problem) => ({ field: `${prefix}-${problem.field && problem.field !== 'applicationId' ? problem.field : fallbackField}`, message: problem.message }));

export function ScoreForm({ meetingId, item, myUserId }: { meetingId: string; item: AgendaItem; myUserId: string }) {
  const mine = item.scores?.find((score) => score.panellist.id === myUserId);
  const [value, setValue] = useState(mine ? (mine.value == null ? NOT_ENOUGH : String(mine.value)) : '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const score = useScoreApplication(meetingId);
  const prefix = `score-${item.id}`;
  const problems = problemsFor(score.error, prefix, 'value');
  const messageFor = (field: string) => problems.find((problem) => problem.field === `${prefix}-${field}`)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const notEnoughKnowledge = value === NOT_ENOUGH;
    score.mutate({
      applicationId: item.id,
      value: notEnoughKnowledge || value === '' ? null : Number(value),
      notEnoughKnowledge,
      comment: comment.trim() || null,
    });
  };

  return (
    <form className="app-pack__form" onSubmit={submit} noValidate aria-label={`Your score for ${item.reference}`}>
      <ErrorSummary errors={problems} />
      <Radios
        id={`${prefix}-value`}
        name={`${prefix}-value`}
        legend={`Your score for ${item.group.name}`}
        legendSize="s"
        hint="Everyone on the panel sees your score and comment."
        items={SCORE_CHOICES}
        value={value}
        onChange={setValue}
        error={messageFor('value')}
      />
      <TextArea
        id={`${prefix}-comment`}
        name={`${prefix}-comment`}
        label="Comment (optional)"
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={messageFor('comment')}
      />
      <Button type="submit" variant="secondary" disabled={score.isPending}>
        {mine ? 'Change your score' : 'Save your score'}
      </Button>
      {score.isSuccess ? (
        <p className="app-body" role="status">
          Score saved.
        </p>
      ) : null}
    </form>
  );
}

export function DeclareConflictForm({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const [reason, setReason] = useState('');
  const declare = useDeclareConflict(meetingId);
  const prefix = `conflict-${item.id}`;
  const problems = problemsFor(declare.error, prefix, 'reason');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    declare.mutate({ applicationId: item.id, reason: reason.trim() });
  };

  return (
    <details className="app-details">
      <summary className="app-details__summary">Declare a conflict of interest</summary>
      <form className="app-details__text" onSubmit={submit} noValidate>
        <ErrorSummary errors={problems} />
        <TextArea
          id={`${prefix}-reason`}
          name={`${prefix}-reason`}
          label="What is the conflict?"
          hint="For example: I am a trustee of this group. You will no longer see the panel's scores on it or take part in deciding it; the minutes record it."
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={problems[0]?.message}
        />
        <Button type="submit" variant="warning" disabled={declare.isPending}>
          Declare the conflict
        </Button>
      </form>
    </details>
  );
}
