import { PRIORITY_KIND_LABELS, PriorityKind } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { PRIORITY_DESCRIPTION_MAX } from '../../../../../shared/limits.ts';
import { messageFor } from '../../../app/form-problems.ts';
import { Radios } from '../../../components/radios.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';

export interface PriorityValues {
  label: string;
  kind: string;
  description: string;
}

/** A priority's name, kind and description, as both adding one and changing one ask for them. */
export function PriorityFields({
  values,
  onChange,
  problems,
  labelHint,
}: {
  values: PriorityValues;
  onChange: (values: PriorityValues) => void;
  problems: readonly FieldError[];
  labelHint: string;
}) {
  return (
    <>
      <TextInput
        id="label"
        name="label"
        label="Name"
        hint={labelHint}
        value={values.label}
        onChange={(event) => onChange({ ...values, label: event.target.value })}
        error={messageFor(problems, 'label')}
      />
      <Radios
        id="kind"
        name="kind"
        legend="Kind"
        legendSize="s"
        inline
        value={values.kind}
        onChange={(kind) => onChange({ ...values, kind })}
        error={messageFor(problems, 'kind')}
        items={Object.values(PriorityKind).map((kind) => ({ value: kind, label: PRIORITY_KIND_LABELS[kind] }))}
      />
      <TextArea
        id="description"
        name="description"
        label="Short description (optional)"
        hint={`Shown to applicants under the name, up to ${PRIORITY_DESCRIPTION_MAX} characters.`}
        rows={3}
        value={values.description}
        onChange={(event) => onChange({ ...values, description: event.target.value })}
        error={messageFor(problems, 'description')}
      />
    </>
  );
}
