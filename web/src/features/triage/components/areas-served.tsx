import { useState, type FormEvent } from 'react';
import { AREA_KIND_LABELS, type AreaKind } from '../../../../../shared/domain.ts';
import { ErrorCode } from '../../../../../shared/errors.ts';
import { messageFor } from '../../../app/form-problems.ts';
import { ApiError, fieldErrors } from '../../../app/graphql-client.ts';
import { Button } from '../../../components/button.tsx';
import { ChosenList } from '../../../components/chosen-list.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Select, type SelectOption } from '../../../components/select.tsx';
import { useFundAreasToChoose, useSetApplicationAreas } from '../api/application-areas.ts';
import type { TriageApplication } from '../api/triage.ts';

const kindLabel = (kind: AreaKind | `${AreaKind}`) => AREA_KIND_LABELS[kind as AreaKind];

/**
 * The areas the application's work serves: found from the group's postcode when it was sent, or chosen
 * here by an officer from the fund's areas. Money restricted to an area pays only for work in it.
 */
export function AreasServed({ application }: { application: TriageApplication }) {
  // Kept here, not in the form: the form starts again from each saved version, the outcome stays.
  const save = useSetApplicationAreas();
  const byCode = new Map(application.areas.map((area) => [area.code, area]));
  return (
    <section aria-labelledby="areas-heading">
      <h2 className="app-heading-l" id="areas-heading">
        Areas served
      </h2>
      {save.isSuccess ? (
        <NotificationBanner type="success" title="Areas saved">
          <p className="app-body">Money restricted to these areas can now pay for {application.reference}, and the map counts it there.</p>
        </NotificationBanner>
      ) : null}
      {application.areaCodes.length === 0 ? (
        <p className="app-body">Not placed yet: the group’s postcode is not in the postcode lookup.{application.viewerMayPlace ? ' Choose the areas the work serves.' : ''}</p>
      ) : (
        <ul className="app-list app-list--bullet" aria-label="Areas served">
          {application.areaCodes.map((code) => {
            const area = byCode.get(code);
            return <li key={code}>{area ? `${area.name} (${kindLabel(area.kind)}, ${code})` : code}</li>;
          })}
        </ul>
      )}
      {application.viewerMayPlace ? <AreasForm key={application.version} application={application} save={save} /> : null}
    </section>
  );
}

function AreasForm({ application, save }: { application: TriageApplication; save: ReturnType<typeof useSetApplicationAreas> }) {
  const { data } = useFundAreasToChoose(application.fundId);
  const [chosen, setChosen] = useState<string[]>([...application.areaCodes]);
  const [picked, setPicked] = useState('');
  const changedMeanwhile = save.error instanceof ApiError && save.error.code === ErrorCode.Conflict;
  const problems = changedMeanwhile ? [] : fieldErrors(save.error).map((problem) => ({ ...problem, field: 'areaCodes' }));
  const fund = data?.fund;
  const names = new Map<string, string>([
    ...application.areas.map((area) => [area.code, area.name] as const),
    ...(fund ? [...fund.localAuthorities, ...fund.wards, ...fund.lsoas].map((area) => [area.code, area.name] as const) : []),
  ]);
  const open = (code: string) => !chosen.includes(code);
  // Each ward, then its small areas; a local authority first when the work serves all of it.
  const choices: SelectOption[] = fund
    ? [
        ...fund.localAuthorities.map((area) => ({ value: area.code, label: `All of ${area.name}` })),
        ...fund.wards.flatMap((ward) => [
          { value: ward.code, label: `All of ${ward.name}` },
          ...fund.lsoas.filter((lsoa) => lsoa.wardCode === ward.code).map((lsoa) => ({ value: lsoa.code, label: `${lsoa.name}, in ${ward.name}` })),
        ]),
        ...fund.lsoas.filter((lsoa) => !fund.wards.some((ward) => ward.code === lsoa.wardCode)).map((lsoa) => ({ value: lsoa.code, label: lsoa.name })),
      ].filter((choice) => open(choice.value))
    : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    save.mutate({ applicationId: application.id, version: application.version, areaCodes: chosen });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Areas served by ${application.reference}`}>
      {changedMeanwhile ? (
        <NotificationBanner title="Someone else changed these areas meanwhile">
          <p className="app-body">Yours were not saved. The page now shows theirs: look again, and save yours if they differ.</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={problems} />
      {chosen.length > 0 ? (
        <ChosenList label="Areas chosen" codes={chosen} nameOf={(code) => names.get(code) ?? code} onRemove={(code) => setChosen(chosen.filter((other) => other !== code))} />
      ) : null}
      {fund && choices.length === 0 && chosen.length === 0 ? (
        <p className="app-body">The fund has no areas to choose from yet: its coordinator sets them in the fund settings.</p>
      ) : (
        <>
          <Select
            id="areaCodes"
            name="area"
            label="Add an area the work serves"
            hint="A small area (LSOA) where the work is, or the whole ward or local authority when it serves all of it"
            value={picked}
            onChange={(event) => setPicked(event.target.value)}
            error={messageFor(problems, 'areaCodes')}
            options={[{ value: '', label: 'Choose an area' }, ...choices]}
          />
          <div className="app-button-group">
            <Button
              variant="secondary"
              disabled={!picked}
              onClick={() => {
                setChosen([...chosen, picked]);
                setPicked('');
              }}
            >
              Add the area
            </Button>
            <Button type="submit" disabled={save.isPending}>
              Save the areas
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
