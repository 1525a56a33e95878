import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { AREA_KIND_LABELS, type AreaKind } from '../../../../../shared/domain.ts';
import { formProblems, messageFor } from '../../../app/form-problems.ts';
import { Button } from '../../../components/button.tsx';
import { ChosenList } from '../../../components/chosen-list.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Select } from '../../../components/select.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useLocalAuthorities, useSetFundAreas } from '../api/fund-areas.ts';

export interface FundAreasFormProps {
  fund: { id: string; version: number; areaCodes: readonly string[]; areas: readonly { code: string; name: string; kind: AreaKind | `${AreaKind}` }[] };
  /** Told the fund's version before and after a save made here, so the settings form can follow it. */
  onChanged: (before: number, after: number) => void;
}

/**
 * The official areas the fund covers: usually its local authorities, chosen from those the portal
 * holds, or a ward or LSOA by its code. The map draws them; officers place applications inside them.
 */
export function FundAreasForm({ fund, onChanged }: FundAreasFormProps) {
  // Kept here, not in the form: the form starts again from what was saved, the outcome stays.
  const save = useSetFundAreas(fund.id);
  return (
    <section aria-labelledby="fund-areas-heading">
      <h2 className="app-heading-m" id="fund-areas-heading">
        Official areas
      </h2>
      <p className="app-body">
        The areas the fund covers, by their official codes. The coverage map draws them, and officers place applications in the wards and LSOAs inside them. Load
        boundaries on the <Link to="/areas">Areas</Link> page.
      </p>
      {save.isSuccess ? (
        <NotificationBanner type="success" title="Areas saved">
          <p className="app-body">The map and the checks page now use these areas.</p>
        </NotificationBanner>
      ) : null}
      <AreasChooser key={fund.areaCodes.join()} fund={fund} onChanged={onChanged} save={save} />
    </section>
  );
}

function AreasChooser({ fund, onChanged, save }: FundAreasFormProps & { save: ReturnType<typeof useSetFundAreas> }) {
  const { data } = useLocalAuthorities();
  const [chosen, setChosen] = useState<string[]>([...fund.areaCodes]);
  const [authority, setAuthority] = useState('');
  const [typed, setTyped] = useState('');
  const problems = formProblems([], save.error, 'areaCodes');
  const names = new Map([...(data?.areas ?? []).map((area) => [area.code, `${area.name}, local authority`] as const), ...fund.areas.map((area) => [area.code, `${area.name}, ${AREA_KIND_LABELS[area.kind as AreaKind].toLowerCase()}`] as const)]);
  const offered = (data?.areas ?? []).filter((area) => !chosen.includes(area.code));
  const add = (code: string) => {
    const clean = code.trim().toUpperCase();
    if (clean && !chosen.includes(clean)) setChosen([...chosen, clean]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    save.mutate({ version: fund.version, areaCodes: chosen }, { onSuccess: (result) => onChanged(fund.version, result.setFundAreas.version) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Official areas">
      <ErrorSummary errors={problems} />
      {chosen.length === 0 ? (
        <p className="app-body">No areas yet.</p>
      ) : (
        <ChosenList
          label="Areas the fund covers"
          codes={chosen}
          nameOf={(code) => names.get(code) ?? code}
          describe={(code) => `${names.get(code) ?? 'Not saved yet'} (${code})`}
          onRemove={(code) => setChosen(chosen.filter((other) => other !== code))}
        />
      )}
      <Select
        id="areaCodes"
        name="localAuthority"
        label="Add a local authority"
        value={authority}
        onChange={(event) => setAuthority(event.target.value)}
        error={messageFor(problems, 'areaCodes')}
        options={[{ value: '', label: offered.length > 0 ? 'Choose a local authority' : 'No other local authorities held' }, ...offered.map((area) => ({ value: area.code, label: `${area.name} (${area.code})` }))]}
      />
      <div className="app-button-group">
        <Button
          variant="secondary"
          disabled={!authority}
          onClick={() => {
            add(authority);
            setAuthority('');
          }}
        >
          Add the local authority
        </Button>
      </div>
      <TextInput id="areaCode" name="areaCode" label="Or add a ward or LSOA by its code" hint="For example E05009001" width="10" value={typed} onChange={(event) => setTyped(event.target.value)} />
      <div className="app-button-group">
        <Button
          variant="secondary"
          disabled={!typed.trim()}
          onClick={() => {
            add(typed);
            setTyped('');
          }}
        >
          Add the area
        </Button>
        <Button type="submit" disabled={save.isPending}>
          Save the areas
        </Button>
      </div>
    </form>
  );
}
