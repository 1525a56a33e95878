import { WEEKDAY_NAMES } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { messageFor } from '../../../app/form-problems.ts';
import { Radios } from '../../../components/radios.tsx';
import { TextInput } from '../../../components/text-input.tsx';

export interface RhythmValues {
  panelWeekday: string;
  panelTime: string;
  cutoffHoursBefore: string;
}

/** The weekly panel: its day and time in London, and how long before it applications must be ready. */
export function RhythmFields({ values, onChange, problems }: { values: RhythmValues; onChange: (values: RhythmValues) => void; problems: readonly FieldError[] }) {
  return (
    <>
      <Radios
        id="panelWeekday"
        name="panelWeekday"
        legend="Day the panel meets each week"
        legendSize="s"
        items={WEEKDAY_NAMES.map((day, index) => ({ value: String(index + 1), label: day }))}
        value={values.panelWeekday}
        onChange={(panelWeekday) => onChange({ ...values, panelWeekday })}
        error={messageFor(problems, 'panelWeekday')}
      />
      <TextInput
        id="panelTime"
        name="panelTime"
        label="Time the panel meets"
        hint="On the 24-hour clock, UK time, for example 14:00"
        width="5"
        inputMode="numeric"
        value={values.panelTime}
        onChange={(event) => onChange({ ...values, panelTime: event.target.value.trim() })}
        error={messageFor(problems, 'panelTime')}
      />
      <TextInput
        id="cutoffHoursBefore"
        name="cutoffHoursBefore"
        label="Cut-off, in hours before the panel"
        hint="Applications ready by then join that week's agenda; later ones wait for the next. At most 168 (a week)."
        width="5"
        inputMode="numeric"
        suffix="hours"
        value={values.cutoffHoursBefore}
        onChange={(event) => onChange({ ...values, cutoffHoursBefore: event.target.value })}
        error={messageFor(problems, 'cutoffHoursBefore')}
      />
    </>
  );
}
