import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { FieldError } from '../../../../../shared/errors.ts';
import { formProblems, messageFor, readPounds, readWhole } from '../../../app/form-problems.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useCreateFund } from '../api/create-fund.ts';
import { EMPTY_PHASE, PhaseFields, readPhase, type PhaseValues } from './phase-fields.tsx';
import { RhythmFields, type RhythmValues } from './rhythm-fields.tsx';

/** Sets up a new fund with its first phase; more phases are added in the fund settings. */
export function CreateFundPage() {
  usePageTitle('Set up a fund');
  const create = useCreateFund();
  const navigate = useNavigate();
  const [local, setLocal] = useState<FieldError[]>([]);
  const [values, setValues] = useState({ name: '', purpose: '', areaDescription: '', referencePrefix: '', cap: '' });
  const [rhythm, setRhythm] = useState<RhythmValues>({ panelWeekday: '4', panelTime: '14:00', cutoffHoursBefore: '48' });
  const [phase, setPhase] = useState<PhaseValues>({ ...EMPTY_PHASE, name: 'Emergency' });
  const problems = formProblems(local, create.error, 'name');
  const set = (field: keyof typeof values) => (text: string) => setValues({ ...values, [field]: text });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const firstPhase = readPhase(phase, 'phases.0.', found);
    const capPence = values.cap.trim() ? readPounds(values.cap, 'unconstitutedCapPence', found, 'the cap') : null;
    const cutoffHoursBefore = readWhole(rhythm.cutoffHoursBefore, 'cutoffHoursBefore', found, 'Enter the cut-off as a whole number of hours.');
    setLocal(found);
    if (found.length > 0) return;
    create.mutate(
      {
        name: values.name.trim(),
        purpose: values.purpose.trim(),
        areaDescription: values.areaDescription.trim(),
        referencePrefix: values.referencePrefix.trim().toUpperCase(),
        unconstitutedCapPence: capPence,
        panelWeekday: Number(rhythm.panelWeekday),
        panelTime: rhythm.panelTime,
        cutoffHoursBefore,
        phases: [firstPhase],
      },
      { onSuccess: (data) => navigate(`/funds/${data.createFund.id}/settings`) },
    );
  };

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={problems} />
        <h1 className="app-heading-l">Set up a fund</h1>
        <p className="app-body">You will be its coordinator. After this you can add phases, invite funders and panellists, and record contributions.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id="name" name="name" label="Name of the fund" value={values.name} onChange={(event) => set('name')(event.target.value)} error={messageFor(problems, 'name')} />
          <TextArea id="purpose" name="purpose" label="Shared purpose" hint="Shown at the top of every funder screen" rows={4} value={values.purpose} onChange={(event) => set('purpose')(event.target.value)} error={messageFor(problems, 'purpose')} />
          <TextInput id="areaDescription" name="areaDescription" label="Areas the fund covers" hint="In words applicants recognise" value={values.areaDescription} onChange={(event) => set('areaDescription')(event.target.value)} error={messageFor(problems, 'areaDescription')} />
          <TextInput
            id="referencePrefix"
            name="referencePrefix"
            label="Letters that start each application reference"
            hint="2 to 6 capital letters, for example RD for Riverdale"
            width="5"
            autoCapitalize="characters"
            spellCheck={false}
            value={values.referencePrefix}
            onChange={(event) => set('referencePrefix')(event.target.value)}
            error={messageFor(problems, 'referencePrefix')}
          />
          <TextInput
            id="unconstitutedCapPence"
            name="cap"
            label="Largest award to an unconstituted group, in pounds (optional)"
            prefix="£"
            width="10"
            inputMode="decimal"
            value={values.cap}
            onChange={(event) => set('cap')(event.target.value)}
            error={messageFor(problems, 'unconstitutedCapPence')}
          />
          <h2 className="app-heading-m">Weekly panel</h2>
          <RhythmFields values={rhythm} onChange={setRhythm} problems={problems} />
          <h2 className="app-heading-m">First phase</h2>
          <p className="app-body">It stays closed to applications until you open it in the fund settings.</p>
          <PhaseFields values={phase} onChange={setPhase} problems={problems} prefix="phases.0." />
          <Button type="submit" disabled={create.isPending}>
            Set up the fund
          </Button>
        </form>
      </div>
    </div>
  );
}
