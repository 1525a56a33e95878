import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { formProblems, messageFor } from '../../../app/form-problems.ts';
import { ApiError } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { Checkboxes } from '../../../components/checkboxes.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { useFundPriorities, type FundPriority } from '../api/fund-priorities.ts';
import { useSetFunderFocus } from '../api/set-funder-focus.ts';
import { useWhoFundsWhat } from '../api/who-funds-what.ts';
import { KIND_SECTIONS } from '../kinds.ts';

/** A funder's focus priorities in this fund, marked by its own officers or the coordinator. */
export function FunderFocusPage() {
  const { fundId = '', funderId = '' } = useParams();
  const view = useWhoFundsWhat(fundId);
  const taxonomy = useFundPriorities(fundId);
  const save = useSetFunderFocus(fundId);
  const entry = view.data?.whoFundsWhat.funders.find((candidate) => candidate.funder.id === funderId);
  usePageTitle(entry ? `Focus of ${entry.funder.name}` : 'Focus');
  if (view.isPending || taxonomy.isPending) return <p className="app-body" role="status">Loading…</p>;
  const failed = view.error ?? taxonomy.error;
  if (failed) return <p className="app-body" role="alert">{failed.message}</p>;
  if (!entry) return <p className="app-body">That funder is not in this fund, or you cannot see it.</p>;
  if (!entry.viewerMayMarkFocus) return <p className="app-body">Only the fund coordinator and this funder’s own officers can change its focus.</p>;
  return (
    <FocusForm
      // A new form when the saved focus changes, e.g. after someone else's change.
      key={entry.focusKeys.join()}
      fundId={fundId}
      funder={entry.funder}
      saved={entry.focusKeys}
      priorities={taxonomy.data!.fund.priorities}
      save={save}
    />
  );
}

interface FocusFormProps {
  fundId: string;
  funder: { id: string; name: string };
  saved: readonly string[];
  priorities: readonly FundPriority[];
  save: ReturnType<typeof useSetFunderFocus>;
}

function FocusForm({ fundId, funder, saved, priorities, save }: FocusFormProps) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>([...saved]);
  const changedMeanwhile = save.error instanceof ApiError && save.error.code === ErrorCode.Conflict;
  const problems = (changedMeanwhile ? [] : formProblems([], save.error, 'focus')).map((problem) => ({ ...problem, field: 'focus' }));
  const offered = priorities.filter((priority) => !priority.retired || saved.includes(priority.key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    save.mutate({ fundId, funderId: funder.id, previousKeys: [...saved], priorityKeys: chosen }, { onSuccess: () => navigate(`/funds/${fundId}/who-funds-what`) });
  };

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <Link className="app-back-link" to={`/funds/${fundId}/who-funds-what`}>
          Back to who funds what
        </Link>
        {changedMeanwhile ? (
          <NotificationBanner title="Someone else changed this focus meanwhile">
            <p className="app-body">Yours was not saved. The boxes now show theirs: look again, and save yours if they differ.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={problems} />
        <form onSubmit={submit} noValidate>
          <span className="app-caption-l">{funder.name}</span>
          <h1 className="app-heading-l">What {funder.name} focuses on</h1>
          <p className="app-body">Mark the priorities this funder means to fund here, so the partners can spread out and see what nobody is funding.</p>
          {KIND_SECTIONS.map((section, index) => {
            const items = offered.filter((priority) => priority.kind === section.kind);
            if (items.length === 0) return null;
            return (
              <Checkboxes
                key={section.kind}
                id={index === 0 ? 'focus' : `focus-${section.kind.toLowerCase()}`}
                name={`focus-${section.kind.toLowerCase()}`}
                legend={section.heading}
                legendSize="m"
                hint={section.hint}
                value={chosen.filter((key) => items.some((item) => item.key === key))}
                onChange={(keys) => setChosen([...chosen.filter((key) => !items.some((item) => item.key === key)), ...keys])}
                error={index === 0 ? messageFor(problems, 'focus') : undefined}
                items={items.map((priority) => ({ value: priority.key, label: priority.retired ? `${priority.label} (retired)` : priority.label, hint: priority.description ?? undefined }))}
              />
            );
          })}
          <Button type="submit" disabled={save.isPending}>
            Save the focus
          </Button>
        </form>
      </div>
    </div>
  );
}
