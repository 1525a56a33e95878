import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { PHASE_KIND_LABELS, PhaseKind, PhaseStatus } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { formatPence, penceToPoundsText } from '../../../../../shared/money.ts';
import { formProblems, messageFor, readPounds, readWhole } from '../../../app/form-problems.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Tag } from '../../../components/tag.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import type { FundSettingsQuery } from '../../../gql/graphql.ts';
import { useFundSettings } from '../api/fund-settings.ts';
import { useOpenPhase } from '../api/open-phase.ts';
import { useSavePhase } from '../api/save-phase.ts';
import { useUpdateFund } from '../api/update-fund.ts';
import { FundAreasForm } from './fund-areas-form.tsx';
import { EMPTY_PHASE, PhaseFields, readPhase, type PhaseValues } from './phase-fields.tsx';
import { RhythmFields, type RhythmValues } from './rhythm-fields.tsx';

type Fund = FundSettingsQuery['fund'];
type PhaseRow = Fund['phases'][number];

export function FundSettingsPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundSettings(fundId);
  usePageTitle(data ? `${data.fund.name}: settings` : 'Fund settings');
  if (isPending) return <p className="app-body" role="status">Loading the fund…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  if (!fund.viewerMay.manage) return <p className="app-body">Only the fund coordinator can change the fund settings.</p>;
  return <FundSettings fund={fund} />;
}

/** Moves `version` on when the change from `before` to `after` was this page's own. */
type FollowVersion = (before: number, after: number) => void;

function FundSettings({ fund }: { fund: Fund }) {
  const [saved, setSaved] = useState(false);
  // The fund version the settings form was filled in from. Phases share the fund's version, so a phase
  // this person adds or opens moves it on without touching what they typed in the settings form; a
  // change by anyone else leaves it behind, and saving is then refused as a conflict, not overwritten.
  const [settingsVersion, setSettingsVersion] = useState(fund.version);
  const follow: FollowVersion = (before, after) => setSettingsVersion((current) => (current === before ? after : current));
  // After each save the form starts again from what the server now holds (refetched before onSaved runs).
  const [saves, setSaves] = useState(0);
  const onSaved = (version: number | null) => {
    setSaved(version !== null);
    if (version === null) return;
    setSettingsVersion(version);
    setSaves((count) => count + 1);
  };
  return (
    <>
      <span className="app-caption-l">{fund.name}</span>
      <h1 className="app-heading-l">Fund settings</h1>
      {saved ? (
        <NotificationBanner type="success" title="Settings saved">
          <p className="app-body">Every funder screen now shows the new settings.</p>
        </NotificationBanner>
      ) : null}
      <SettingsForm key={`settings-${saves}`} fund={fund} version={settingsVersion} onSaved={onSaved} />
      <FundAreasForm fund={fund} onChanged={follow} />
      <Phases fund={fund} onChanged={follow} />
      <p className="app-body">
        <Link to="/funds/new">Set up another fund</Link>
      </p>
    </>
  );
}

/** `onSaved` gets the fund's new version after a save, and null when a new attempt starts. */
function SettingsForm({ fund, version, onSaved }: { fund: Fund; version: number; onSaved: (version: number | null) => void }) {
  const update = useUpdateFund(fund.id);
  const [local, setLocal] = useState<FieldError[]>([]);
  const [values, setValues] = useState({
    name: fund.name,
    purpose: fund.purpose,
    areaDescription: fund.areaDescription,
    reserve: penceToPoundsText(fund.reservedPence),
    cap: fund.unconstitutedCapPence == null ? '' : penceToPoundsText(fund.unconstitutedCapPence),
  });
  const [rhythm, setRhythm] = useState<RhythmValues>({
    panelWeekday: String(fund.panelWeekday),
    panelTime: fund.panelTime,
    cutoffHoursBefore: String(fund.cutoffHoursBefore),
  });
  const problems = formProblems(local, update.error, 'name');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const reservedPence = readPounds(values.reserve || '0', 'reservedPence', found, 'the reserve');
    const capPence = values.cap.trim() ? readPounds(values.cap, 'unconstitutedCapPence', found, 'the cap') : null;
    const cutoffHoursBefore = readWhole(rhythm.cutoffHoursBefore, 'cutoffHoursBefore', found, 'Enter the cut-off as a whole number of hours.');
    setLocal(found);
    onSaved(null);
    if (found.length > 0) return;
    update.mutate(
      {
        version,
        name: values.name.trim(),
        purpose: values.purpose.trim(),
        areaDescription: values.areaDescription.trim(),
        reservedPence,
        unconstitutedCapPence: capPence,
        removeUnconstitutedCap: capPence === null,
        panelWeekday: Number(rhythm.panelWeekday),
        panelTime: rhythm.panelTime,
        cutoffHoursBefore,
      },
      { onSuccess: (result) => onSaved(result.updateFund.version) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="settings-heading">
      <ErrorSummary errors={problems} />
      <h2 className="app-heading-m" id="settings-heading">
        The fund
      </h2>
      <TextInput id="name" name="name" label="Name of the fund" value={values.name} onChange={(event) => setValues({ ...values, name: event.target.value })} error={messageFor(problems, 'name')} />
      <TextArea
        id="purpose"
        name="purpose"
        label="Shared purpose"
        hint="Shown at the top of every funder screen, so everyone keeps it in mind"
        rows={4}
        value={values.purpose}
        onChange={(event) => setValues({ ...values, purpose: event.target.value })}
        error={messageFor(problems, 'purpose')}
      />
      <TextInput
        id="areaDescription"
        name="areaDescription"
        label="Areas the fund covers"
        hint="In words applicants recognise, for example Riverdale district and the Fells"
        value={values.areaDescription}
        onChange={(event) => setValues({ ...values, areaDescription: event.target.value })}
        error={messageFor(problems, 'areaDescription')}
      />
      <TextInput
        id="reservedPence"
        name="reserve"
        label="Reserve, in pounds"
        hint="Money held back, for example for a second wave. The panel cannot award it."
        prefix="£"
        width="10"
        inputMode="decimal"
        value={values.reserve}
        onChange={(event) => setValues({ ...values, reserve: event.target.value })}
        error={messageFor(problems, 'reservedPence')}
      />
      <TextInput
        id="unconstitutedCapPence"
        name="cap"
        label="Largest award to an unconstituted group, in pounds"
        hint="Leave empty for no cap beyond each phase's largest award"
        prefix="£"
        width="10"
        inputMode="decimal"
        value={values.cap}
        onChange={(event) => setValues({ ...values, cap: event.target.value })}
        error={messageFor(problems, 'unconstitutedCapPence')}
      />
      <h2 className="app-heading-m">Weekly panel</h2>
      <RhythmFields values={rhythm} onChange={setRhythm} problems={problems} />
      <Button type="submit" disabled={update.isPending}>
        Save settings
      </Button>
    </form>
  );
}

const STATUS_TAGS: Record<PhaseStatus, { colour: 'green' | 'grey' | 'blue'; label: string }> = {
  [PhaseStatus.OPEN]: { colour: 'green', label: 'Open' },
  [PhaseStatus.PLANNED]: { colour: 'blue', label: 'Planned' },
  [PhaseStatus.CLOSED]: { colour: 'grey', label: 'Closed' },
};

const valuesOf = (phase: PhaseRow): PhaseValues => ({
  name: phase.name,
  kind: phase.kind as PhaseKind,
  criteria: phase.criteria,
  minAward: penceToPoundsText(phase.minAwardPence),
  maxAward: penceToPoundsText(phase.maxAwardPence),
});

function Phases({ fund, onChanged }: { fund: Fund; onChanged: FollowVersion }) {
  // The phase being changed, "new" for one being added, or null.
  const [editing, setEditing] = useState<string | null>(null);
  const open = useOpenPhase(fund.id);
  // Refusals to open a phase are shown against the list of phases, where the buttons are.
  const openProblems = formProblems([], open.error, 'phases').map((problem) => ({ ...problem, field: 'phases' }));

  return (
    <section aria-labelledby="phases-heading">
      <h2 className="app-heading-m" id="phases-heading">
        Phases
      </h2>
      <p className="app-body">One phase is open for applications at a time. Opening another closes the open one; applications stay in the phase they applied in.</p>
      <ErrorSummary errors={openProblems} />
      <div id="phases" tabIndex={-1}>
        {fund.phases.length === 0 ? <p className="app-body">No phases yet. Add the first one below.</p> : null}
        {fund.phases.map((phase) =>
          editing === phase.id ? (
            <PhaseForm key={phase.id} fund={fund} phase={phase} onChanged={onChanged} onDone={() => setEditing(null)} />
          ) : (
            <article className="app-card" key={phase.id} aria-labelledby={`phase-${phase.id}`}>
              <h3 className="app-heading-s" id={`phase-${phase.id}`}>
                {phase.name} <Tag colour={STATUS_TAGS[phase.status].colour}>{STATUS_TAGS[phase.status].label}</Tag>
              </h3>
              <p className="app-body">{phase.criteria}</p>
              <p className="app-body-s">
                {PHASE_KIND_LABELS[phase.kind as PhaseKind]} phase · awards from {formatPence(phase.minAwardPence)} to {formatPence(phase.maxAwardPence)}
              </p>
              <div className="app-button-group">
                <Button variant="secondary" onClick={() => setEditing(phase.id)}>
                  Change<span className="app-visually-hidden"> the {phase.name} phase</span>
                </Button>
                {phase.status !== PhaseStatus.OPEN ? (
                  <Button variant="secondary" disabled={open.isPending} onClick={() => open.mutate({ phaseId: phase.id, version: fund.version }, { onSuccess: (result) => onChanged(fund.version, result.openPhase.version) })}>
                    Open the {phase.name} phase
                  </Button>
                ) : null}
              </div>
            </article>
          ),
        )}
      </div>
      {editing === 'new' ? (
        <PhaseForm fund={fund} onChanged={onChanged} onDone={() => setEditing(null)} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          Add a phase
        </Button>
      )}
    </section>
  );
}

function PhaseForm({ fund, phase, onChanged, onDone }: { fund: Fund; phase?: PhaseRow; onChanged: FollowVersion; onDone: () => void }) {
  const save = useSavePhase(fund.id);
  const [values, setValues] = useState<PhaseValues>(phase ? valuesOf(phase) : EMPTY_PHASE);
  const [local, setLocal] = useState<FieldError[]>([]);
  // The fund's own form on this page already has a "name" field, and several phases may be open for
  // changes at once, so each phase form prefixes its ids; the server's field names get the same prefix.
  const prefix = `phase-${phase?.id ?? 'new'}-`;
  const problems = local.length > 0 ? local : formProblems([], save.error, 'name').map((problem) => ({ ...problem, field: `${prefix}${problem.field}` }));
  const headingId = `phase-form-${phase?.id ?? 'new'}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const input = readPhase(values, prefix, found);
    setLocal(found);
    if (found.length > 0) return;
    save.mutate(
      { phaseId: phase?.id, version: fund.version, phase: input },
      {
        onSuccess: (version) => {
          onChanged(fund.version, version);
          onDone();
        },
      },
    );
  };

  return (
    <form className="app-card" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 className="app-heading-s" id={headingId}>
        {phase ? `Change the ${phase.name} phase` : 'Add a phase'}
      </h3>
      <ErrorSummary errors={problems} />
      {phase?.status === PhaseStatus.OPEN ? (
        <p className="app-body">This phase is open. Its limits must still include every award the panel may still change.</p>
      ) : null}
      <PhaseFields values={values} onChange={setValues} problems={problems} prefix={prefix} />
      <div className="app-button-group">
        <Button type="submit" disabled={save.isPending}>
          {phase ? 'Save phase' : 'Add phase'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
