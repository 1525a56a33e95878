import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { LegalForm, LEGAL_FORM_LABELS } from '../../../../../shared/domain.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { priorityLabeller } from '../../../../../shared/taxonomy.ts';
import { ApiError, fieldErrors } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { Checkboxes } from '../../../components/checkboxes.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { SummaryList } from '../../../components/summary-list.tsx';
import { useFundPriorities } from '../../priorities/api/fund-priorities.ts';
import { PriorityTagsEditor } from '../../priorities/components/priority-tags-form.tsx';
import { useTriage, useTriageApplication, type TriageApplication } from '../api/triage.ts';
import { AreasServed } from './areas-served.tsx';
import { PossibleDuplicates } from './possible-duplicates.tsx';

export function TriageApplicationPage() {
  const { applicationId = '' } = useParams();
  const { data, error, isPending } = useTriageApplication(applicationId);
  // Kept here, not in the form: the form starts afresh from each saved version, the outcome stays.
  const triage = useTriage(applicationId);
  usePageTitle(data ? `Check ${data.application.reference}` : 'Check an application');
  if (isPending) return <p className="app-body" role="status">Loading the application…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { application } = data;

  return (
    <>
      <span className="app-caption">
        {application.reference} · {application.phase.name} phase
      </span>
      <h1 className="app-heading-xl">{application.group.name}</h1>
      <SummaryList
        rows={[
          { key: 'Kind of group', value: LEGAL_FORM_LABELS[application.group.legalForm] },
          { key: 'For', value: application.title },
          { key: 'Asks for', value: `${formatPence(application.amountRequestedPence)} (phase limit ${formatPence(application.phase.maxAwardPence)})` },
          { key: 'Summary', value: application.summary },
          ...(application.description ? [{ key: 'What they will do', value: application.description }] : []),
          ...(application.beneficiaries ? [{ key: 'Who benefits', value: application.beneficiaries }] : []),
          ...(application.budget ? [{ key: 'Budget', value: application.budget }] : []),
          ...(application.contact
            ? [{ key: 'Contact', value: [application.contact.name, application.contact.email, application.contact.phone, application.contact.postcode].filter(Boolean).join(' · ') }]
            : []),
          ...(application.confirmations ?? []).map((confirmation) => ({
            key: confirmation.kind === 'HOST' ? 'Host organisation' : 'Referee',
            value: `${confirmation.name}, ${confirmation.organisation}: ${confirmation.status.toLowerCase()}${confirmation.note ? ` (“${confirmation.note}”)` : ''}`,
          })),
          { key: 'Sent', value: application.submittedAt ? formatLondonDateTime(new Date(application.submittedAt)) : '' },
        ]}
      />
      <PossibleDuplicates application={application} />
      <Priorities application={application} />
      <AreasServed application={application} />
      {application.status === 'SUBMITTED' || application.status === 'CHECKED' ? (
        <TriageForm key={application.version} application={application} triage={triage} />
      ) : (
        <p className="app-body">This application is on a meeting agenda or decided, so its checks are closed.</p>
      )}
    </>
  );
}

function TriageForm({ application, triage }: { application: TriageApplication; triage: ReturnType<typeof useTriage> }) {
  const checklist = application.checklist;
  const unconstituted = application.group.legalForm === LegalForm.UNCONSTITUTED_GROUP;
  const [checks, setChecks] = useState<string[]>(
    [
      checklist?.eligibilityConfirmed ? 'eligibilityConfirmed' : '',
      checklist?.hostOrRefereeConfirmed ? 'hostOrRefereeConfirmed' : '',
      checklist?.bankDetailsChecked ? 'bankDetailsChecked' : '',
    ].filter(Boolean),
  );
  const [safeguarding, setSafeguarding] = useState(checklist?.safeguarding ?? '');
  const [ready, setReady] = useState(application.status === 'CHECKED' ? 'yes' : 'no');
  const changedMeanwhile = triage.error instanceof ApiError && triage.error.code === ErrorCode.Conflict;
  const problems = changedMeanwhile ? [] : fieldErrors(triage.error).map((problem) => ({ ...problem, field: problem.field === 'applicationId' ? 'checks' : problem.field === 'eligibilityConfirmed' || problem.field === 'hostOrRefereeConfirmed' ? 'checks' : problem.field || 'checks' }));
  const messageFor = (field: string) => problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(' ') || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    triage.reset();
    triage.mutate({
      applicationId: application.id,
      version: application.version,
      eligibilityConfirmed: checks.includes('eligibilityConfirmed'),
      hostOrRefereeConfirmed: checks.includes('hostOrRefereeConfirmed'),
      bankDetailsChecked: checks.includes('bankDetailsChecked'),
      safeguarding,
      readyForPanel: ready === 'yes',
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="app-heading-l">Checks</h2>
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else checked this application meanwhile">
          <p className="app-body">The page now shows their answers. Look again, and save yours if they differ.</p>
        </NotificationBanner>
      ) : null}
      {triage.isSuccess ? (
        <NotificationBanner type="success" title="Saved">
          <p className="app-body">{triage.data.triageApplication.status === 'CHECKED' ? 'It will join the next meeting’s agenda at the cut-off.' : 'It stays with the officers for now.'}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={problems} />
      <Checkboxes
        id="checks"
        name="checks"
        legend="Due diligence"
        legendSize="m"
        value={checks}
        onChange={setChecks}
        error={messageFor('checks')}
        items={[
          { value: 'eligibilityConfirmed', label: 'The group and its work are eligible for this phase' },
          ...(unconstituted ? [{ value: 'hostOrRefereeConfirmed', label: 'The host organisation or referee has confirmed the group' }] : []),
          { value: 'bankDetailsChecked', label: 'Bank details checked', hint: 'Groups give bank details after an award; tick this once they are checked.' },
        ]}
      />
      <Radios
        id="safeguarding"
        name="safeguarding"
        legend="Safeguarding policy"
        legendSize="m"
        value={safeguarding}
        onChange={setSafeguarding}
        error={messageFor('safeguarding')}
        items={[
          { value: 'NOT_NEEDED', label: 'Not needed', hint: 'The group does not work with children or adults at risk' },
          { value: 'POLICY_SEEN', label: 'Seen' },
          { value: 'MISSING', label: 'Needed, and missing' },
        ]}
      />
      <Radios
        id="ready"
        name="ready"
        legend="Ready for the panel?"
        legendSize="m"
        inline
        value={ready}
        onChange={setReady}
        error={messageFor('readyForPanel')}
        items={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'Not yet' },
        ]}
      />
      <Button type="submit" disabled={triage.isPending}>
        Save the checks
      </Button>
    </form>
  );
}

/** The application's priority tags, who added each, and the form to add or correct them. */
function Priorities({ application }: { application: TriageApplication }) {
  const { data } = useFundPriorities(application.fundId);
  const priorities = data?.fund.priorities ?? [];
  const label = priorityLabeller(priorities);
  const origins = new Map(application.tagOrigins.map((origin) => [origin.key, origin]));
  return (
    <section aria-labelledby="priorities-heading">
      <h2 className="app-heading-l" id="priorities-heading">
        Priorities
      </h2>
      {application.priorityTags.length === 0 ? (
        <p className="app-body">No priorities yet.</p>
      ) : (
        <ul className="app-list app-list--bullet" aria-label="Priority tags">
          {application.priorityTags.map((key) => {
            const origin = origins.get(key);
            return (
              <li key={key}>
                <strong>{label(key)}</strong>
                {origin?.byGroup ? ', chosen by the group' : null}
                {origin?.addedBy ? `, added by ${origin.addedBy.name}` : null}
                {origin?.addedAt && !origin.byGroup ? ` on ${formatLondonDateTime(new Date(origin.addedAt))}` : null}
              </li>
            );
          })}
        </ul>
      )}
      {application.viewerMayTag && data ? (
        <>
          <p className="app-body">Add or correct the shared tags, so funders can see who funds what. Every change is recorded with your name.</p>
          <PriorityTagsEditor application={application} priorities={priorities} />
        </>
      ) : null}
    </section>
  );
}
