import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { PriorityKind } from '../../../../../shared/domain.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { PRIORITY_LABEL_MAX } from '../../../../../shared/limits.ts';
import { formProblems } from '../../../app/form-problems.ts';
import { ApiError, fieldErrors } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Tag } from '../../../components/tag.tsx';
import { useAddPriority } from '../api/add-priority.ts';
import { useDeletePriority } from '../api/delete-priority.ts';
import { PriorityFields } from './priority-fields.tsx';
import { useFundPriorities, type FundPriority } from '../api/fund-priorities.ts';
import { useReorderPriorities } from '../api/reorder-priorities.ts';
import { useRetirePriority } from '../api/retire-priority.ts';
import { KIND_SECTIONS } from '../kinds.ts';

function counted(count: number, one: string, many: string) {
  return count === 0 ? null : `${count} ${count === 1 ? one : many}`;
}

/** What uses a priority, in words. */
function usageInWords(usage: FundPriority['usage']) {
  if (!usage || !usage.inUse) return 'Not used yet';
  return [
    counted(usage.applications, 'application', 'applications'),
    counted(usage.drafts, 'application being filled in', 'applications being filled in'),
    counted(usage.contributions, 'contribution', 'contributions'),
    counted(usage.focusMarks, "funder's focus", "funders' focus"),
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The fund's shared priorities: everyone in the fund reads them; the coordinator adds, renames,
 * describes, reorders, retires and deletes them. Lists rather than tables, so each priority's
 * actions sit with it on a phone.
 */
export function PrioritiesPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundPriorities(fundId);
  const [outcome, setOutcome] = useState<string | null>(null);
  const retire = useRetirePriority(fundId);
  const reorder = useReorderPriorities(fundId);
  const remove = useDeletePriority(fundId);
  usePageTitle(data ? `${data.fund.name}: priorities` : 'Priorities');
  if (isPending) return <p className="app-body" role="status">Loading the priorities…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  const editor = fund.viewerMay.editPriorities;
  const failed = [retire.error, reorder.error, remove.error].find(Boolean);
  const changedMeanwhile = failed instanceof ApiError && failed.code === ErrorCode.Conflict;
  const problems = failed && !changedMeanwhile ? fieldErrors(failed).map((problem) => problem.message) : [];

  const act = (done: string, action: () => Promise<unknown>) => {
    setOutcome(null);
    [retire, reorder, remove].forEach((mutation) => mutation.reset());
    action().then(() => setOutcome(done), () => undefined);
  };
  /** Swaps a priority with its neighbour of the same kind, and sends the whole new order. */
  const move = (priority: FundPriority, step: -1 | 1) => {
    const sameKind = fund.priorities.filter((other) => other.kind === priority.kind);
    const neighbour = sameKind[sameKind.indexOf(priority) + step];
    if (!neighbour) return;
    const order = fund.priorities.map((other) => (other.id === priority.id ? neighbour : other.id === neighbour.id ? priority : other));
    act(`Moved ${priority.label} ${step < 0 ? 'up' : 'down'}.`, () => reorder.mutateAsync({ fundId: fund.id, priorityIds: order.map((other) => other.id) }));
  };

  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">Priorities</h1>
      <p className="app-body">
        The themes and communities this fund shares. Groups choose from them when they apply, officers and panellists tag applications with them, and each
        funder marks the ones it focuses on, so <Link to={`/funds/${fund.id}/who-funds-what`}>who funds what</Link> shows where funders crowd together and what
        nobody funds.
      </p>
      {!editor ? <p className="app-body">Only the fund coordinator can change them.</p> : null}
      {outcome ? (
        <NotificationBanner type="success" title="Saved">
          <p className="app-body">{outcome}</p>
        </NotificationBanner>
      ) : null}
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else changed the priorities meanwhile">
          <p className="app-body">Nothing was changed. The list now shows their changes: look again, and try again if you still need to.</p>
        </NotificationBanner>
      ) : null}
      {problems.length > 0 ? (
        <div className="app-error-summary" role="alert">
          <h2 className="app-error-summary__title">There is a problem</h2>
          {problems.map((problem) => (
            <p className="app-body" key={problem}>
              {problem}
            </p>
          ))}
        </div>
      ) : null}

      {KIND_SECTIONS.map((section) => {
        const items = fund.priorities.filter((priority) => priority.kind === section.kind);
        return (
          <section key={section.kind} aria-labelledby={`priorities-${section.kind}`}>
            <h2 className="app-heading-m" id={`priorities-${section.kind}`}>
              {section.heading} ({items.length})
            </h2>
            <p className="app-hint">{section.hint}</p>
            <ol className="app-list app-priority-list">
              {items.map((priority, index) => (
                <li className="app-priority" key={priority.id}>
                  <h3 className="app-heading-s app-priority__label">
                    {priority.label} {priority.retired ? <Tag colour="grey">Retired</Tag> : null}
                  </h3>
                  {priority.description ? <p className="app-body">{priority.description}</p> : null}
                  <p className="app-body-s app-secondary-text">Used by: {usageInWords(priority.usage)}</p>
                  {editor ? (
                    <div className="app-priority__actions">
                      <Link to={`/funds/${fund.id}/priorities/${priority.id}`}>
                        Change<span className="app-visually-hidden"> {priority.label}</span>
                      </Link>
                      {index > 0 ? (
                        <button type="button" className="app-link-button" onClick={() => move(priority, -1)}>
                          Move up<span className="app-visually-hidden"> {priority.label}</span>
                        </button>
                      ) : null}
                      {index < items.length - 1 ? (
                        <button type="button" className="app-link-button" onClick={() => move(priority, 1)}>
                          Move down<span className="app-visually-hidden"> {priority.label}</span>
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="app-link-button"
                        onClick={() =>
                          act(priority.retired ? `${priority.label} is offered again.` : `${priority.label} is retired: it stays where it is used, and is no longer offered.`, () =>
                            retire.mutateAsync({ id: priority.id, version: priority.version, retired: !priority.retired }),
                          )
                        }
                      >
                        {priority.retired ? 'Restore' : 'Retire'}
                        <span className="app-visually-hidden"> {priority.label}</span>
                      </button>
                      {priority.usage?.inUse ? null : (
                        <button type="button" className="app-link-button" onClick={() => act(`${priority.label} is deleted.`, () => remove.mutateAsync({ id: priority.id, version: priority.version }))}>
                          Delete<span className="app-visually-hidden"> {priority.label}</span>
                        </button>
                      )}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {editor ? <AddPriorityForm fundId={fund.id} onAdded={(label) => setOutcome(`${label} is added, at the end of its list.`)} /> : null}
    </>
  );
}

function AddPriorityForm({ fundId, onAdded }: { fundId: string; onAdded: (label: string) => void }) {
  const add = useAddPriority(fundId);
  const empty = { label: '', kind: '', description: '' };
  const [values, setValues] = useState(empty);
  const [local, setLocal] = useState<{ field: string; message: string }[]>([]);
  const problems = formProblems(local, add.error, 'label');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = values.kind ? [] : [{ field: 'kind', message: 'Choose theme or community.' }];
    setLocal(found);
    add.reset();
    if (found.length > 0) return;
    add.mutate(
      { fundId, label: values.label, kind: values.kind as PriorityKind, description: values.description.trim() || null },
      {
        onSuccess: (data) => {
          setValues(empty);
          onAdded(data.addPriority.label);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-priority" className="app-priority-add">
      <h2 className="app-heading-m" id="add-priority">
        Add a priority
      </h2>
      <ErrorSummary errors={problems} />
      <PriorityFields values={values} onChange={setValues} problems={problems} labelHint={`What applicants and funders read, up to ${PRIORITY_LABEL_MAX} characters. It can be changed later.`} />
      <Button type="submit" disabled={add.isPending}>
        Add the priority
      </Button>
    </form>
  );
}
