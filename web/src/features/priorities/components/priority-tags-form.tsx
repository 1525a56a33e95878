import { useState, type FormEvent } from 'react';
import { PriorityKind } from '../../../../../shared/domain.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { messageFor } from '../../../app/form-problems.ts';
import { ApiError, fieldErrors } from '../../../app/graphql-client.ts';
import { Button } from '../../../components/button.tsx';
import { Checkboxes } from '../../../components/checkboxes.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { useTagApplication } from '../api/tag-application.ts';

/** What the form needs of a fund's priority. */
export interface TaggablePriority {
  key: string;
  label: string;
  kind: PriorityKind | `${PriorityKind}`;
  retired: boolean;
}

export interface PriorityTagsFormProps {
  application: { id: string; reference: string; version: number; priorityTags: readonly string[] };
  priorities: readonly TaggablePriority[];
  /** Makes ids unique where several forms share a page (the pack). */
  idPrefix?: string;
}

/**
 * Adds or corrects an application's priority tags. The form starts again from each saved version;
 * the outcome stays above it.
 */
export function PriorityTagsEditor(props: PriorityTagsFormProps) {
  const tag = useTagApplication();
  const { application } = props;
  return (
    <>
      {tag.isSuccess ? (
        <NotificationBanner type="success" title="Priorities saved">
          <p className="app-body">The funders' figures now count {application.reference} under its new priorities.</p>
        </NotificationBanner>
      ) : null}
      <PriorityTagsForm key={application.version} {...props} tag={tag} />
    </>
  );
}

/**
 * Retired priorities are offered only where the application already has them, as the server allows.
 * Says so when someone else changed the tags meanwhile.
 */
function PriorityTagsForm({ application, priorities, idPrefix = 'tags', tag }: PriorityTagsFormProps & { tag: ReturnType<typeof useTagApplication> }) {
  const [tags, setTags] = useState<string[]>([...application.priorityTags]);
  const changedMeanwhile = tag.error instanceof ApiError && tag.error.code === ErrorCode.Conflict;
  const field = `${idPrefix}-priorityTags`;
  const problems = changedMeanwhile ? [] : fieldErrors(tag.error).map((problem) => ({ ...problem, field }));
  const offered = priorities.filter((priority) => !priority.retired || application.priorityTags.includes(priority.key));
  const groups = [
    { kind: PriorityKind.THEME, legend: 'Themes' },
    { kind: PriorityKind.COMMUNITY, legend: 'Communities' },
  ]
    .map((group) => ({ ...group, items: offered.filter((priority) => priority.kind === group.kind) }))
    .filter((group) => group.items.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    tag.reset();
    tag.mutate({ applicationId: application.id, version: application.version, priorityTags: tags });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Priorities of ${application.reference}`}>
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else changed these priorities meanwhile">
          <p className="app-body">Yours were not saved. The boxes now show theirs: look again, and save yours if they differ.</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={problems} />
      {groups.map((group, index) => (
        <Checkboxes
          key={group.kind}
          id={index === 0 ? field : `${field}-${group.kind.toLowerCase()}`}
          name={`${idPrefix}-${group.kind.toLowerCase()}`}
          legend={group.legend}
          legendSize="s"
          value={tags.filter((key) => group.items.some((item) => item.key === key))}
          onChange={(chosen) => setTags([...tags.filter((key) => !group.items.some((item) => item.key === key)), ...chosen])}
          error={index === 0 ? messageFor(problems, field) : undefined}
          items={group.items.map((priority) => ({ value: priority.key, label: priority.retired ? `${priority.label} (retired)` : priority.label }))}
        />
      ))}
      <Button type="submit" disabled={tag.isPending}>
        Save the priorities
      </Button>
    </form>
  );
}
