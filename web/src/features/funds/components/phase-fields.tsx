import { PHASE_KIND_LABELS, PhaseKind } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { messageFor, readPounds } from '../../../app/form-problems.ts';
import { Radios } from '../../../components/radios.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import type { PhaseInput } from '../../../gql/graphql.ts';

export interface PhaseValues {
  name: string;
  kind: PhaseKind;
  criteria: string;
  minAward: string;
  maxAward: string;
}

export const EMPTY_PHASE: PhaseValues = { name: '', kind: PhaseKind.EMERGENCY, criteria: '', minAward: '', maxAward: '' };

/** Turns typed values into the API's phase, adding a problem for each amount that is not money. */
export function readPhase(values: PhaseValues, prefix: string, problems: FieldError[]): PhaseInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    criteria: values.criteria.trim(),
    minAwardPence: readPounds(values.minAward, `${prefix}minAwardPence`, problems, 'the smallest award'),
    maxAwardPence: readPounds(values.maxAward, `${prefix}maxAwardPence`, problems, 'the largest award'),
  };
}

/**
 * A phase's questions. `prefix` makes the ids match the field names the server gives back, e.g.
 * "phases.0." when the phase is part of a new fund, so each message lands next to its field (the fund
 * settings use "phase-<id>-" and prefix the server's field names to match).
 */
export function PhaseFields({ values, onChange, problems, prefix = '' }: { values: PhaseValues; onChange: (values: PhaseValues) => void; problems: readonly FieldError[]; prefix?: string }) {
  const set = (field: keyof PhaseValues) => (value: string) => onChange({ ...values, [field]: value });
  return (
    <>
      <TextInput id={`${prefix}name`} name={`${prefix}name`} label="Name of the phase" hint="For example, Emergency or Recovery" value={values.name} onChange={(event) => set('name')(event.target.value)} error={messageFor(problems, `${prefix}name`)} />
      <Radios
        id={`${prefix}kind`}
        name={`${prefix}kind`}
        legend="Kind of phase"
        legendSize="s"
        inline
        items={Object.values(PhaseKind).map((kind) => ({ value: kind, label: PHASE_KIND_LABELS[kind] }))}
        value={values.kind}
        onChange={set('kind')}
        error={messageFor(problems, `${prefix}kind`)}
      />
      <TextArea id={`${prefix}criteria`} name={`${prefix}criteria`} label="What this phase funds" hint="In plain words; applicants read this" rows={3} value={values.criteria} onChange={(event) => set('criteria')(event.target.value)} error={messageFor(problems, `${prefix}criteria`)} />
      <TextInput id={`${prefix}minAwardPence`} name={`${prefix}minAward`} label="Smallest award, in pounds" prefix="£" width="10" inputMode="decimal" value={values.minAward} onChange={(event) => set('minAward')(event.target.value)} error={messageFor(problems, `${prefix}minAwardPence`)} />
      <TextInput id={`${prefix}maxAwardPence`} name={`${prefix}maxAward`} label="Largest award, in pounds" prefix="£" width="10" inputMode="decimal" value={values.maxAward} onChange={(event) => set('maxAward')(event.target.value)} error={messageFor(problems, `${prefix}maxAwardPence`)} />
    </>
  );
}
