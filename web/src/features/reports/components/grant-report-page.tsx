import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorCode, type FieldError } from '../../../../../shared/errors.ts';
import { formatCalendarDate, formatLondonDate } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import {
  REPORT_WORD_LIMITS,
  REPORTING_REQUIREMENT_LABELS,
  ReportingRequirement,
  STORY_CONSENT_LABELS,
  StoryConsent,
} from '../../../../../shared/reporting.ts';
import { formProblems, messageFor, readPounds, readWhole } from '../../../app/form-problems.ts';
import { ApiError } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { InsetText, NotificationBanner } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { SummaryList } from '../../../components/summary-list.tsx';
import { Tag } from '../../../components/tag.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useGrantReport } from '../api/grant-report.ts';
import { useRecordPhoneReport } from '../api/record-phone-report.ts';
import { useReplyToReport } from '../api/reply-to-report.ts';
import { useSendReportLink } from '../api/send-report-link.ts';
import { useSetGrantReporting } from '../api/set-grant-reporting.ts';

type Data = NonNullable<ReturnType<typeof useGrantReport>['data']>;
type GrantRow = Data['fund']['grants'][number];
type ReportRow = NonNullable<Data['grantReport']>;

/** One grant's report for the people who run the fund: read it, take it by phone, reply, or change what is asked. */
export function GrantReportPage() {
  const { fundId = '', grantId = '' } = useParams();
  const { data, error, isPending } = useGrantReport(fundId, grantId);
  const grant = data?.fund.grants.find((candidate) => candidate.id === grantId);
  usePageTitle(grant ? `Report on ${grant.application.reference}` : 'Report');
  if (isPending) return <p className="app-body" role="status">Loading the report…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  if (!grant) return <p className="app-body">That grant does not exist, or you cannot see it.</p>;
  const report = data.grantReport;

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <Link className="app-back-link" to={`/funds/${fundId}/grants`}>
          Back to grants and payments
        </Link>
        <span className="app-caption">
          {grant.application.reference}, {grant.application.group.name}
        </span>
        <h1 className="app-heading-l">Report on {grant.application.title}</h1>
        <SummaryList
          rows={[
            { key: 'Grant', value: formatPence(grant.amountPence) },
            { key: 'Asked for', value: REPORTING_REQUIREMENT_LABELS[grant.reporting as ReportingRequirement] },
            { key: 'Due', value: grant.reportDueOn ? formatCalendarDate(grant.reportDueOn) : 'Not asked' },
            { key: 'Status', value: <ReportStatusTag report={report} /> },
          ]}
        />
        {report?.status === 'SUBMITTED' ? <SentReport fundId={fundId} report={report} /> : null}
        {report?.status !== 'SUBMITTED' && grant.reporting !== ReportingRequirement.NONE && report ? (
          <>
            <SendLink fundId={fundId} grantId={grant.id} />
            <PhoneReportForm fundId={fundId} grant={grant} />
          </>
        ) : null}
        {report?.status !== 'SUBMITTED' ? <GrantReportingForm key={grant.version} fundId={fundId} grant={grant} /> : null}
      </div>
    </div>
  );
}

export function ReportStatusTag({ report }: { report: Pick<ReportRow, 'status' | 'overdue'> | null | undefined }) {
  if (!report) return <Tag colour="grey">No report</Tag>;
  if (report.status === 'SUBMITTED') return <Tag colour="green">Sent</Tag>;
  return report.overdue ? <Tag colour="red">Overdue</Tag> : <Tag colour="yellow">Waiting</Tag>;
}

function SentReport({ fundId, report }: { fundId: string; report: ReportRow }) {
  const rows: { key: string; value: string }[] = [];
  const add = (key: string, value: string | number | null | undefined) => {
    if (value != null) rows.push({ key, value: String(value) });
  };
  add('What the grant did', report.sentences);
  add('What happened', report.whatHappened);
  add('People who took part', report.peopleCount == null ? null : `About ${report.peopleCount.toLocaleString('en-GB')}`);
  add('One story', report.story);
  add('What changed', report.whatChanged);
  add('Money left over', report.moneyLeftPence == null ? null : report.moneyLeftPence === 0 ? 'None' : formatPence(report.moneyLeftPence));
  add('Sharing the story', report.storyConsent ? STORY_CONSENT_LABELS[report.storyConsent as StoryConsent] : null);
  add('Sent', `${report.submittedAt ? formatLondonDate(new Date(String(report.submittedAt))) : ''}${report.takenByPhone ? `, taken by phone by ${report.takenBy?.name ?? 'an officer'}` : ', by the group'}`);
  return (
    <>
      <h2 className="app-heading-m">The report</h2>
      <SummaryList rows={rows} />
      {report.photo ? (
        <img className="app-report-photo" src={report.photo.url} width={report.photo.width} height={report.photo.height} alt={report.photo.description ?? 'The photo the group sent'} />
      ) : null}
      <h2 className="app-heading-m">Replies to the group</h2>
      {report.replies.length === 0 ? <p className="app-body">No replies yet.</p> : null}
      {report.replies.map((reply) => (
        <InsetText key={reply.id}>
          <p className="app-body">
            <strong>{reply.author.name}</strong>, {formatLondonDate(new Date(String(reply.createdAt)))}
          </p>
          <p className="app-body">{reply.message}</p>
        </InsetText>
      ))}
      <ReplyForm fundId={fundId} reportId={report.id} />
    </>
  );
}

function ReplyForm({ fundId, reportId }: { fundId: string; reportId: string }) {
  const reply = useReplyToReport(fundId);
  const [message, setMessage] = useState('');
  const problems = formProblems([], reply.error, 'message');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ reportId, message }, { onSuccess: () => setMessage('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={problems} />
      <TextArea id="message" name="message" label="Reply to the group" labelSize="s" hint="They are emailed, and read it with their report." rows={4} value={message} onChange={(event) => setMessage(event.currentTarget.value)} error={messageFor(problems, 'message')} />
      <Button type="submit" disabled={reply.isPending}>
        Send the reply
      </Button>
    </form>
  );
}

function SendLink({ fundId, grantId }: { fundId: string; grantId: string }) {
  const send = useSendReportLink(fundId);
  return (
    <>
      <h2 className="app-heading-m">The group’s link</h2>
      {send.isSuccess ? <p className="app-body" role="status">A new link is on its way to the group.</p> : null}
      {send.error ? <p className="app-body" role="alert">{send.error.message}</p> : null}
      <Button variant="secondary" disabled={send.isPending} onClick={() => send.mutate(grantId)}>
        Email the group a new link
      </Button>
    </>
  );
}

const EMPTY_PHONE = { sentences: '', whatHappened: '', peopleCount: '', story: '', whatChanged: '', anyLeft: '', moneyLeft: '', storyConsent: '' };

/** What the group says on the phone, typed in by an officer and sent at once. */
function PhoneReportForm({ fundId, grant }: { fundId: string; grant: GrantRow }) {
  const record = useRecordPhoneReport(fundId);
  const [values, setValues] = useState(EMPTY_PHONE);
  const [local, setLocal] = useState<FieldError[]>([]);
  const problems = formProblems(local, record.error, 'grantId');
  const set = (field: keyof typeof EMPTY_PHONE) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [field]: event.currentTarget.value });
  const shortForm = grant.reporting === ReportingRequirement.SHORT_FORM;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    const found: FieldError[] = [];
    const text = (value: string) => value.trim() || null;
    const peopleCount = shortForm && values.peopleCount.trim() ? readWhole(values.peopleCount, 'peopleCount', found, 'Enter roughly how many people took part, like 40.') : null;
    const moneyLeftPence = !shortForm || !values.anyLeft ? null : values.anyLeft === 'no' ? 0 : readPounds(values.moneyLeft, 'moneyLeftPence', found, 'the money left over');
    setLocal(found);
    if (found.length > 0) return;
    record.mutate({
      grantId: grant.id,
      sentences: shortForm ? null : text(values.sentences),
      whatHappened: shortForm ? text(values.whatHappened) : null,
      peopleCount,
      story: shortForm ? text(values.story) : null,
      whatChanged: shortForm ? text(values.whatChanged) : null,
      moneyLeftPence,
      storyConsent: (values.storyConsent || null) as StoryConsent | null,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="app-heading-m">Take the report by phone</h2>
      <p className="app-body">Type what the group tells you; it is sent at once, marked as taken by you.</p>
      <ErrorSummary errors={problems} />
      {shortForm ? (
        <>
          <TextArea id="whatHappened" name="whatHappened" label="What happened?" labelSize="s" maxWords={REPORT_WORD_LIMITS.whatHappened} value={values.whatHappened} onChange={set('whatHappened')} error={messageFor(problems, 'whatHappened')} />
          <TextInput id="peopleCount" name="peopleCount" label="Roughly how many people took part?" width="5" inputMode="numeric" value={values.peopleCount} onChange={set('peopleCount')} error={messageFor(problems, 'peopleCount')} />
          <TextArea id="story" name="story" label="One story" labelSize="s" maxWords={REPORT_WORD_LIMITS.story} value={values.story} onChange={set('story')} error={messageFor(problems, 'story')} />
          <TextArea id="whatChanged" name="whatChanged" label="What changed?" labelSize="s" maxWords={REPORT_WORD_LIMITS.whatChanged} value={values.whatChanged} onChange={set('whatChanged')} error={messageFor(problems, 'whatChanged')} />
          <Radios id="anyLeft" name="anyLeft" legend="Is any of the grant left over?" legendSize="s" inline value={values.anyLeft} onChange={(value) => setValues({ ...values, anyLeft: value })} items={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} error={messageFor(problems, 'anyLeft')} />
          <TextInput id="moneyLeftPence" name="moneyLeft" label="If yes, how much?" hint={`In pounds. The grant was ${formatPence(grant.amountPence)}.`} prefix="£" width="10" inputMode="decimal" value={values.moneyLeft} onChange={set('moneyLeft')} error={messageFor(problems, 'moneyLeftPence')} />
        </>
      ) : (
        <TextArea id="sentences" name="sentences" label="What did the grant pay for, and what difference did it make?" labelSize="s" maxWords={REPORT_WORD_LIMITS.sentences} value={values.sentences} onChange={set('sentences')} error={messageFor(problems, 'sentences')} />
      )}
      <Radios
        id="storyConsent"
        name="storyConsent"
        legend="May the story be shared?"
        legendSize="s"
        hint="Ask the group, and read the choices out."
        value={values.storyConsent}
        onChange={(value) => setValues({ ...values, storyConsent: value })}
        items={Object.values(StoryConsent).map((consent) => ({ value: consent, label: STORY_CONSENT_LABELS[consent] }))}
        error={messageFor(problems, 'storyConsent')}
      />
      <Button type="submit" disabled={record.isPending}>
        Send the report
      </Button>
    </form>
  );
}

/** What this grant is asked to report and by when; version-checked against changes made meanwhile. */
function GrantReportingForm({ fundId, grant }: { fundId: string; grant: GrantRow }) {
  const set = useSetGrantReporting(fundId);
  const [reporting, setReporting] = useState<string>(grant.reporting);
  const [dueOn, setDueOn] = useState(grant.reportDueOn ?? '');
  const changedMeanwhile = set.error instanceof ApiError && set.error.code === ErrorCode.Conflict;
  const problems = changedMeanwhile ? [] : formProblems([], set.error, 'reporting');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.reset();
    set.mutate({ grantId: grant.id, reporting: reporting as ReportingRequirement, dueOn: reporting === ReportingRequirement.NONE ? null : dueOn, version: grant.version });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="app-heading-m">Change what this grant reports</h2>
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else changed this grant meanwhile">
          <p className="app-body">Yours was not saved. The page now shows their version: change it again if you need to.</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={problems} />
      <Radios
        id="reporting"
        name="reporting"
        legend="What should the group report?"
        legendSize="s"
        value={reporting}
        onChange={setReporting}
        items={Object.values(ReportingRequirement).map((requirement) => ({ value: requirement, label: REPORTING_REQUIREMENT_LABELS[requirement] }))}
        error={messageFor(problems, 'reporting')}
      />
      {reporting !== ReportingRequirement.NONE ? (
        <TextInput id="dueOn" name="dueOn" type="date" label="Due on" width="10" value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} error={messageFor(problems, 'dueOn')} />
      ) : null}
      <Button type="submit" variant="secondary" disabled={set.isPending}>
        Save what the grant reports
      </Button>
    </form>
  );
}
