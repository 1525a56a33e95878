import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PriorityKind } from '../../../../../shared/domain.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { PRIORITY_LABEL_MAX } from '../../../../../shared/limits.ts';
import { formProblems } from '../../../app/form-problems.ts';
import { ApiError } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { PriorityFields } from './priority-fields.tsx';
import { useFundPriorities, type FundPriority } from '../api/fund-priorities.ts';
import { useUpdatePriority } from '../api/update-priority.ts';

/** The coordinator renames, describes or re-kinds one priority. Its key, held by everything tagged, stays. */
export function PriorityEditPage() {
  const { fundId = '', priorityId = '' } = useParams();
  const { data, error, isPending } = useFundPriorities(fundId);
  const update = useUpdatePriority(fundId);
  const priority = data?.fund.priorities.find((candidate) => candidate.id === priorityId);
  usePageTitle(priority ? `Change ${priority.label}` : 'Change a priority');
  if (isPending) return <p className="app-body" role="status">Loading the priority…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  if (!priority) return <p className="app-body">That priority does not exist, or you cannot see it.</p>;
  if (!data.fund.viewerMay.editPriorities) return <p className="app-body">Only the fund coordinator can change priorities.</p>;
  // A new form for each saved version: after someone else's change it shows theirs.
  return <PriorityForm key={priority.version} fundId={fundId} priority={priority} update={update} />;
}

function PriorityForm({ fundId, priority, update }: { fundId: string; priority: FundPriority; update: ReturnType<typeof useUpdatePriority> }) {
  const navigate = useNavigate();
  const [values, setValues] = useState({ label: priority.label, kind: priority.kind as string, description: priority.description ?? '' });
  const changedMeanwhile = update.error instanceof ApiError && update.error.code === ErrorCode.Conflict;
  const problems = changedMeanwhile ? [] : formProblems([], update.error, 'label');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    update.mutate(
      { id: priority.id, version: priority.version, label: values.label, kind: values.kind as PriorityKind, description: values.description.trim() || null },
      { onSuccess: () => navigate(`/funds/${fundId}/priorities`) },
    );
  };

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <Link className="app-back-link" to={`/funds/${fundId}/priorities`}>
          Back to the priorities
        </Link>
        {changedMeanwhile ? (
          <NotificationBanner title="Someone else changed this priority meanwhile">
            <p className="app-body">Yours was not saved. The form now shows their version: change it again if you need to.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={problems} />
        <form onSubmit={submit} noValidate>
          <h1 className="app-heading-l">Change {priority.label}</h1>
          <p className="app-body">Applications, contributions and focus marks keep it under its key, {priority.key}, so they all show the new name.</p>
          <PriorityFields values={values} onChange={setValues} problems={problems} labelHint={`Up to ${PRIORITY_LABEL_MAX} characters.`} />
          <Button type="submit" disabled={update.isPending}>
            Save the priority
          </Button>
        </form>
      </div>
    </div>
  );
}
