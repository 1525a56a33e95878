import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { FundRole } from '../../../../../shared/domain.ts';
import { ErrorCode, type FieldError } from '../../../../../shared/errors.ts';
import { formatLondonDate } from '../../../../../shared/london-time.ts';
import { formatPence, penceToPoundsText } from '../../../../../shared/money.ts';
import { formProblems, messageFor, readPounds, readWhole } from '../../../app/form-problems.ts';
import { ApiError } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { SummaryList } from '../../../components/summary-list.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useFundReportingPolicy } from '../api/reporting-policy.ts';
import { useUpdateReportingPolicy } from '../api/update-reporting-policy.ts';

type Policy = { sentencesFromPence: number; shortFormFromPence: number; dueWeeks: number; version: number; updatedAt?: unknown };

/** What each size of grant reports, and when; the coordinator changes it for grants awarded from then on. */
export function ReportingPolicyPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundReportingPolicy(fundId);
  usePageTitle(data ? `${data.fund.name}: reporting` : 'Reporting');
  if (isPending) return <p className="app-body" role="status">Loading…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  const policy = fund.reportingPolicy;
  const edits = fund.myRoles.includes(FundRole.COORDINATOR);

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <Link className="app-back-link" to={`/funds/${fundId}/grants`}>
          Back to grants and payments
        </Link>
        <span className="app-caption">{fund.name}</span>
        <h1 className="app-heading-xl">Reporting</h1>
        <p className="app-body">Groups report in proportion to their grant: the fewest questions that will be used. Each grant keeps what it was asked when it was awarded.</p>
        <SummaryList
          rows={[
            { key: `Under ${formatPence(policy.sentencesFromPence)}`, value: 'No report' },
            { key: `${formatPence(policy.sentencesFromPence)} to under ${formatPence(policy.shortFormFromPence)}`, value: 'A few sentences and an optional photo' },
            { key: `${formatPence(policy.shortFormFromPence)} or more`, value: 'A short form: what happened, roughly how many people, one story, what changed, money left over' },
            { key: 'Due', value: `${policy.dueWeeks} weeks after the award` },
          ]}
        />
        <p className="app-body">{policy.updatedAt ? `Last changed ${formatLondonDate(new Date(String(policy.updatedAt)))}.` : 'These are the portal’s defaults: the fund has not changed them.'}</p>
        {edits ? <PolicyForm key={policy.version} fundId={fundId} policy={policy} /> : <p className="app-body">Only the fund coordinator can change these.</p>}
      </div>
    </div>
  );
}

function PolicyForm({ fundId, policy }: { fundId: string; policy: Policy }) {
  const update = useUpdateReportingPolicy(fundId);
  const [values, setValues] = useState({
    sentencesFrom: penceToPoundsText(policy.sentencesFromPence),
    shortFormFrom: penceToPoundsText(policy.shortFormFromPence),
    dueWeeks: String(policy.dueWeeks),
  });
  const [local, setLocal] = useState<FieldError[]>([]);
  const changedMeanwhile = update.error instanceof ApiError && update.error.code === ErrorCode.Conflict;
  const problems = changedMeanwhile ? [] : formProblems(local, update.error, 'sentencesFromPence');
  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [field]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const found: FieldError[] = [];
    const sentencesFromPence = readPounds(values.sentencesFrom, 'sentencesFromPence', found, 'the amount');
    const shortFormFromPence = readPounds(values.shortFormFrom, 'shortFormFromPence', found, 'the amount');
    const dueWeeks = readWhole(values.dueWeeks, 'dueWeeks', found, 'Enter a whole number of weeks, like 12.');
    setLocal(found);
    if (found.length === 0) update.mutate({ fundId, sentencesFromPence, shortFormFromPence, dueWeeks, version: policy.version });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="app-heading-m">Change the reporting</h2>
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else changed the reporting meanwhile">
          <p className="app-body">Yours was not saved. The page now shows their version: change it again if you need to.</p>
        </NotificationBanner>
      ) : null}
      {update.isSuccess ? (
        <NotificationBanner type="success" title="Reporting saved">
          <p className="app-body">Grants awarded from now on are asked for this.</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={problems} />
      <TextInput id="sentencesFromPence" name="sentencesFrom" label="Ask for a few sentences from" hint="In pounds. Smaller grants report nothing; use 0 to ask every grant." prefix="£" width="10" inputMode="decimal" value={values.sentencesFrom} onChange={set('sentencesFrom')} error={messageFor(problems, 'sentencesFromPence')} />
      <TextInput id="shortFormFromPence" name="shortFormFrom" label="Ask for the short form from" hint="In pounds." prefix="£" width="10" inputMode="decimal" value={values.shortFormFrom} onChange={set('shortFormFrom')} error={messageFor(problems, 'shortFormFromPence')} />
      <TextInput id="dueWeeks" name="dueWeeks" label="Reports are due after" suffix="weeks" width="5" inputMode="numeric" value={values.dueWeeks} onChange={set('dueWeeks')} error={messageFor(problems, 'dueWeeks')} />
      <Button type="submit" disabled={update.isPending}>
        Save the reporting
      </Button>
    </form>
  );
}
