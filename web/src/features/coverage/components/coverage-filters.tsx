import { Select, type SelectOption } from '../../../components/select.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { MEASURES } from '../scale.ts';

export interface FilterState {
  level: string;
  measure: string;
  phase: string;
  theme: string;
  community: string;
  funder: string;
  /** YYYY-MM-DD or empty. */
  from: string;
  to: string;
  external: boolean;
}

export interface CoverageFiltersProps {
  state: FilterState;
  onChange: (next: Partial<FilterState>) => void;
  levels: SelectOption[];
  phases: readonly { id: string; name: string }[];
  priorities: readonly { key: string; label: string; kind: string }[];
  funders: readonly { id: string; name: string }[];
  /** A refusal from the server, e.g. dates the wrong way round. */
  error?: string;
}

const MEASURE_PARAM: Record<string, string> = { perHead: 'per-head', grants: 'grants', decile: 'decile' };

/**
 * What the map shows and which grants it counts. Every change applies at once (the map is redrawn, and a
 * status message says so); nothing on the page moves focus.
 */
export function CoverageFilters({ state, onChange, levels, phases, priorities, funders, error }: CoverageFiltersProps) {
  const any = (label: string): SelectOption => ({ value: '', label });
  return (
    <form className="app-coverage-filters" aria-label="Map settings and filters" onSubmit={(event) => event.preventDefault()}>
      <div className="app-coverage-filters__row">
        <Select id="coverage-level" name="level" label="Areas" options={levels} value={state.level} onChange={(event) => onChange({ level: event.target.value })} />
        <Select
          id="coverage-measure"
          name="show"
          label="Colour the map by"
          options={MEASURES.map((measure) => ({ value: MEASURE_PARAM[measure.value], label: measure.label }))}
          value={state.measure}
          onChange={(event) => onChange({ measure: event.target.value })}
        />
      </div>
      <fieldset className="app-fieldset app-coverage-filters__group">
        <legend className="app-fieldset__legend app-fieldset__legend--s">Which grants to count</legend>
        {error ? (
          <p className="app-error-message" role="alert">
            <span className="app-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="app-coverage-filters__row">
          <Select id="coverage-phase" name="phase" label="Phase" options={[any('All phases'), ...phases.map((phase) => ({ value: phase.id, label: phase.name }))]} value={state.phase} onChange={(event) => onChange({ phase: event.target.value })} />
          <Select
            id="coverage-theme"
            name="theme"
            label="Priority"
            options={[any('All priorities'), ...priorities.filter((priority) => priority.kind === 'THEME').map((priority) => ({ value: priority.key, label: priority.label }))]}
            value={state.theme}
            onChange={(event) => onChange({ theme: event.target.value })}
          />
          <Select
            id="coverage-community"
            name="community"
            label="Community"
            options={[any('All communities'), ...priorities.filter((priority) => priority.kind === 'COMMUNITY').map((priority) => ({ value: priority.key, label: priority.label }))]}
            value={state.community}
            onChange={(event) => onChange({ community: event.target.value })}
          />
          <Select
            id="coverage-funder"
            name="funder"
            label="Funder"
            hint="Counts only the money drawn from that funder’s contributions."
            options={[any('All funders'), ...funders.map((funder) => ({ value: funder.id, label: funder.name }))]}
            value={state.funder}
            onChange={(event) => onChange({ funder: event.target.value })}
          />
        </div>
        <div className="app-coverage-filters__row">
          <TextInput id="coverage-from" name="from" type="date" label="Awarded from" width="10" value={state.from} onChange={(event) => onChange({ from: event.target.value })} />
          <TextInput id="coverage-to" name="to" type="date" label="Awarded to" width="10" value={state.to} onChange={(event) => onChange({ to: event.target.value })} />
        </div>
      </fieldset>
      <div className="app-checkboxes app-coverage-filters__layer">
        <div className="app-checkboxes__item">
          <input className="app-checkboxes__input" id="coverage-external" name="external" type="checkbox" checked={state.external} onChange={(event) => onChange({ external: event.target.checked })} />
          <label className="app-checkboxes__label" htmlFor="coverage-external">
            Show other funders’ published grants
          </label>
        </div>
      </div>
    </form>
  );
}
