import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DUPLICATE_KIND_LABELS, DUPLICATE_VERDICT_LABELS, DuplicateVerdict } from '../../../../../shared/domain.ts';
import { percentSure, reviewInWords } from '../../../../../shared/duplicates.ts';
import { ErrorCode, type FieldError } from '../../../../../shared/errors.ts';
import { formatCalendarDate, formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatMinorUnits } from '../../../../../shared/money.ts';
import { messageFor } from '../../../app/form-problems.ts';
import { ApiError, fieldErrors } from '../../../app/graphql-client.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { Tag, type TagColour } from '../../../components/tag.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import type { DuplicateFlagView } from '../api/fund-duplicates.ts';
import type { useReviewDuplicate } from '../api/review-duplicate.ts';

type Review = ReturnType<typeof useReviewDuplicate>;

const VERDICT_COLOURS: Record<DuplicateVerdict, TagColour> = {
  DUPLICATE: 'red',
  NOT_DUPLICATE: 'green',
  COMPLEMENTARY: 'blue',
};

const VERDICT_HINTS: Record<DuplicateVerdict, string> = {
  DUPLICATE: 'The same group, or the same work already funded: the panel should not fund both.',
  NOT_DUPLICATE: 'Different groups or different work. No note needed.',
  COMPLEMENTARY: 'Related, but each adds something the other does not.',
};

/** Who or what each side of the flag is, for its heading: the groups' names and the grant's recipient. */
function flagTitle(flag: DuplicateFlagView) {
  const names = [...flag.applications.map((application) => application.group.name), ...(flag.externalGrant ? [flag.externalGrant.recipientName] : [])];
  return `${DUPLICATE_KIND_LABELS[flag.kind]}: ${names.join(' and ')}`;
}

/** One flag: the engine's evidence, both sides, any review, and the form to review it. */
export function FlagCard({ flag, review }: { flag: DuplicateFlagView; review: Review }) {
  const title = flagTitle(flag);
  const mine = review.variables?.flagId === flag.id;
  const changedMeanwhile = mine && review.error instanceof ApiError && review.error.code === ErrorCode.Conflict;
  const form = <ReviewForm key={flag.version} flag={flag} review={review} title={title} />;

  return (
    <article className="app-duplicate" aria-labelledby={`flag-${flag.id}`}>
      <h3 className="app-heading-m" id={`flag-${flag.id}`}>
        {title}
      </h3>
      <p className="app-body">
        <Tag colour="yellow">{percentSure(flag.score)}</Tag>
        {flag.current ? null : <> A later check no longer finds this pair; the review is kept.</>}
      </p>
      <h4 className="app-heading-s">Why it was flagged</h4>
      <ul className="app-list app-list--bullet">
        {flag.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div className="app-duplicate__sides">
        {flag.applications.map((application) => (
          <Side key={application.id} heading={<>Application <Link to={`/applications/${application.id}`}>{application.reference}</Link></>}>
            <Fact term="Group">{application.group.name}</Fact>
            <Fact term="For">{application.title}</Fact>
          </Side>
        ))}
        {flag.externalGrant ? (
          <Side heading={<>Grant published by {flag.externalGrant.funderName}</>}>
            <Fact term="Recipient">{flag.externalGrant.recipientName}</Fact>
            <Fact term="For">{flag.externalGrant.title}</Fact>
            <Fact term="Amount">{formatMinorUnits(flag.externalGrant.amountAwardedMinor, flag.externalGrant.currency)}</Fact>
            <Fact term="Awarded">{formatCalendarDate(flag.externalGrant.awardDate)}</Fact>
            <Fact term="Grant id">{flag.externalGrant.grantIdentifier}</Fact>
          </Side>
        ) : null}
      </div>

      {changedMeanwhile ? (
        <FocusOnMount>
          <NotificationBanner title="Someone else reviewed this meanwhile">
            <p className="app-body">Your review was not saved. The review below is the one now saved; change it if you disagree.</p>
          </NotificationBanner>
        </FocusOnMount>
      ) : null}
      {mine && review.isSuccess ? (
        <NotificationBanner type="success" title="Review saved">
          <p className="app-body">The panel will read: {reviewInWords(flag)}</p>
        </NotificationBanner>
      ) : null}
      {flag.verdict ? <SavedReview flag={flag} /> : null}
      {flag.verdict ? (
        <details className="app-details">
          <summary className="app-details__summary">Change the review</summary>
          <div className="app-details__text">{form}</div>
        </details>
      ) : (
        form
      )}
    </article>
  );
}

function Side({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <div className="app-duplicate__side">
      <h4 className="app-heading-s">{heading}</h4>
      <dl className="app-duplicate__facts">{children}</dl>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="app-duplicate__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SavedReview({ flag }: { flag: DuplicateFlagView }) {
  if (!flag.verdict) return null;
  return (
    <div className="app-duplicate__review">
      <p className="app-body">
        <Tag colour={VERDICT_COLOURS[flag.verdict]}>{DUPLICATE_VERDICT_LABELS[flag.verdict]}</Tag>{' '}
        Reviewed{flag.reviewedBy ? ` by ${flag.reviewedBy.name}` : ''}
        {flag.reviewedAt ? ` on ${formatLondonDateTime(new Date(flag.reviewedAt))}` : ''}
      </p>
      {flag.note ? <blockquote className="app-duplicate__note">{flag.note}</blockquote> : null}
    </div>
  );
}

/** Moves focus to news that replaces the button just pressed, so keyboard and screen reader users land on it. */
function FocusOnMount({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="app-duplicate__outcome">
      {children}
    </div>
  );
}

function ReviewForm({ flag, review, title }: { flag: DuplicateFlagView; review: Review; title: string }) {
  const [verdict, setVerdict] = useState<string>(flag.verdict ?? '');
  const [note, setNote] = useState(flag.note ?? '');
  const [local, setLocal] = useState<FieldError[]>([]);
  const id = (field: string) => `${field}-${flag.id}`;
  const error = review.variables?.flagId === flag.id ? review.error : null;
  const changedMeanwhile = error instanceof ApiError && error.code === ErrorCode.Conflict;
  // The server names the note; anything else it refuses is about the choice.
  const problems =
    local.length > 0 || changedMeanwhile ? local : fieldErrors(error).map((problem) => ({ field: id(problem.field === 'note' ? 'note' : 'verdict'), message: problem.message }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    review.reset();
    if (!verdict) return setLocal([{ field: id('verdict'), message: 'Choose duplicate, not a duplicate, or complementary work.' }]);
    setLocal([]);
    review.mutate({ flagId: flag.id, version: flag.version, verdict: verdict as DuplicateVerdict, note: note.trim() || null });
  };

  return (
    <form className="app-duplicate__form" onSubmit={submit} noValidate aria-label={`Review: ${title}`}>
      <ErrorSummary errors={problems} />
      <Radios
        id={id('verdict')}
        name={id('verdict')}
        legend="Is it a duplicate?"
        legendSize="s"
        value={verdict}
        onChange={setVerdict}
        error={messageFor(problems, id('verdict'))}
        items={Object.values(DuplicateVerdict).map((value) => ({ value, label: DUPLICATE_VERDICT_LABELS[value], hint: VERDICT_HINTS[value] }))}
      />
      <TextArea
        id={id('note')}
        name={id('note')}
        label="Note for the panel"
        hint="What you found, in a few words. Needed unless it is not a duplicate."
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={messageFor(problems, id('note'))}
      />
      <Button type="submit" disabled={review.isPending}>
        Save the review
      </Button>
    </form>
  );
}
