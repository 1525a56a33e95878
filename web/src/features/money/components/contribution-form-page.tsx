import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FUNDER_KIND_LABELS, FunderKind } from '../../../../../shared/domain.ts';
import type { FieldError } from '../../../../../shared/errors.ts';
import { penceToPoundsText } from '../../../../../shared/money.ts';
import { formProblems, messageFor, readPounds } from '../../../app/form-problems.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { Checkboxes } from '../../../components/checkboxes.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios } from '../../../components/radios.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import type { FundMoneyQuery } from '../../../gql/graphql.ts';
import { useFundMoney } from '../api/fund-money.ts';
import { useSaveContribution } from '../api/save-contribution.ts';

type Fund = FundMoneyQuery['fund'];
type Contribution = Fund['contributions'][number];

const NEW_FUNDER = 'new';
const ANY_PHASE = 'any';
const EXCLUDES = 'excludes';

/** Records a contribution (no id in the address) or changes one. */
export function ContributionFormPage() {
  const { fundId = '', contributionId } = useParams();
  const { data, error, isPending } = useFundMoney(fundId);
  usePageTitle(contributionId ? 'Change a contribution' : 'Record a contribution');
  if (isPending) return <p className="app-body" role="status">Loading…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const contribution = contributionId ? data.fund.contributions.find((candidate) => candidate.id === contributionId) : undefined;
  if (contributionId && !contribution) return <p className="app-body">That contribution does not exist, or you cannot see it.</p>;
  if (contribution && !contribution.viewerCanEdit) return <p className="app-body">You cannot change this contribution. Ask the fund coordinator.</p>;
  if (!contribution && !data.fund.viewerMay.recordContribution) return <p className="app-body">You cannot record contributions in this fund.</p>;
  return <ContributionForm fund={data.fund} contribution={contribution} />;
}

function ContributionForm({ fund, contribution }: { fund: Fund; contribution?: Contribution }) {
  const save = useSaveContribution(fund.id);
  const navigate = useNavigate();
  const [local, setLocal] = useState<FieldError[]>([]);
  const onlyFunder = fund.recordableFunders.length === 1 && !fund.viewerMay.addFunder ? fund.recordableFunders[0].id : '';
  const [values, setValues] = useState({
    funder: onlyFunder,
    newFunderName: '',
    newFunderKind: '',
    amount: contribution ? penceToPoundsText(contribution.amountPence) : '',
    receivedOn: contribution?.receivedOn ?? '',
    priorities: contribution?.restrictedToPriorities ?? [],
    areas: contribution?.restrictedToAreas.join(', ') ?? '',
    excludes: contribution?.excludesUnconstituted ? [EXCLUDES] : [],
    phase: contribution?.restrictedToPhase?.id ?? ANY_PHASE,
    spendBy: contribution?.spendBy ?? '',
    note: contribution?.note ?? '',
  });
  const problems = formProblems(local, save.error, 'amountPence');
  const set = <K extends keyof typeof values>(field: K) => (value: (typeof values)[K]) => setValues({ ...values, [field]: value });
  const heading = contribution ? `Change ${contribution.funder.name}'s contribution` : 'Record a contribution';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const amountPence = readPounds(values.amount, 'amountPence', found, 'the amount');
    if (!contribution && !values.funder) found.push({ field: 'funderId', message: 'Choose the funder this money comes from.' });
    setLocal(found);
    if (found.length > 0) return;
    const terms = {
      amountPence,
      receivedOn: values.receivedOn,
      restrictedToPriorities: values.priorities,
      restrictedToAreas: values.areas.split(/[,\s]+/).filter(Boolean),
      excludesUnconstituted: values.excludes.includes(EXCLUDES),
      restrictedToPhaseId: values.phase === ANY_PHASE ? null : values.phase,
      spendBy: values.spendBy || null,
      note: values.note.trim() || null,
    };
    const done = () => navigate(`/funds/${fund.id}/money`);
    if (contribution) {
      save.mutate({ kind: 'update', id: contribution.id, version: contribution.version, terms }, { onSuccess: done });
    } else if (values.funder === NEW_FUNDER) {
      save.mutate({ kind: 'record', terms, newFunderName: values.newFunderName.trim(), newFunderKind: (values.newFunderKind || undefined) as FunderKind | undefined }, { onSuccess: done });
    } else {
      save.mutate({ kind: 'record', terms, funderId: values.funder }, { onSuccess: done });
    }
  };

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={problems} />
        <span className="app-caption-l">{fund.name}</span>
        <h1 className="app-heading-l">{heading}</h1>
        <form onSubmit={submit} noValidate>
          {contribution ? null : (
            <>
              <Radios
                id="funderId"
                name="funder"
                legend="Which funder is it from?"
                legendSize="s"
                items={[
                  ...fund.recordableFunders.map((funder) => ({ value: funder.id, label: funder.name })),
                  ...(fund.viewerMay.addFunder ? [{ value: NEW_FUNDER, label: 'A funder new to this fund' }] : []),
                ]}
                value={values.funder}
                onChange={set('funder')}
                error={messageFor(problems, 'funderId')}
              />
              {values.funder === NEW_FUNDER ? (
                <>
                  <TextInput id="newFunderName" name="newFunderName" label="Name of the funder" value={values.newFunderName} onChange={(event) => set('newFunderName')(event.target.value)} error={messageFor(problems, 'newFunderName')} />
                  <Radios
                    id="newFunderKind"
                    name="newFunderKind"
                    legend="Kind of funder"
                    legendSize="s"
                    items={Object.values(FunderKind).map((kind) => ({ value: kind, label: FUNDER_KIND_LABELS[kind] }))}
                    value={values.newFunderKind}
                    onChange={set('newFunderKind')}
                    error={messageFor(problems, 'newFunderKind')}
                  />
                </>
              ) : null}
            </>
          )}
          <TextInput id="amountPence" name="amount" label="Amount, in pounds" prefix="£" width="10" inputMode="decimal" value={values.amount} onChange={(event) => set('amount')(event.target.value)} error={messageFor(problems, 'amountPence')} />
          <TextInput id="receivedOn" name="receivedOn" type="date" label="Date received or pledged" width="10" value={values.receivedOn} onChange={(event) => set('receivedOn')(event.target.value)} error={messageFor(problems, 'receivedOn')} />
          <h2 className="app-heading-m">Restrictions</h2>
          <p className="app-body">Leave these empty for money the panel may award to anything the fund funds.</p>
          <Checkboxes
            id="restrictedToPriorities"
            name="priorities"
            legend="Only for these priorities"
            legendSize="s"
            hint="Awards paid from this money must have at least one of them"
            items={fund.priorities
              .filter((priority) => !priority.retired || contribution?.restrictedToPriorities.includes(priority.key))
              .map((priority) => ({ value: priority.key, label: priority.retired ? `${priority.label} (retired)` : priority.label }))}
            value={values.priorities}
            onChange={set('priorities')}
            error={messageFor(problems, 'restrictedToPriorities')}
          />
          <TextInput
            id="restrictedToAreas"
            name="areas"
            label="Only in these areas"
            hint="Area codes, separated by commas, for example E05009001, E05009002"
            spellCheck={false}
            autoCapitalize="characters"
            value={values.areas}
            onChange={(event) => set('areas')(event.target.value)}
            error={messageFor(problems, 'restrictedToAreas')}
          />
          <Checkboxes
            id="excludesUnconstituted"
            name="excludesUnconstituted"
            legend="Unconstituted groups"
            legendSize="s"
            items={[{ value: EXCLUDES, label: 'This money may not go to unconstituted groups' }]}
            value={values.excludes}
            onChange={set('excludes')}
            error={messageFor(problems, 'excludesUnconstituted')}
          />
          <Radios
            id="restrictedToPhaseId"
            name="phase"
            legend="Only in one phase"
            legendSize="s"
            items={[{ value: ANY_PHASE, label: 'Any phase' }, ...fund.phases.map((phase) => ({ value: phase.id, label: `Only the ${phase.name} phase` }))]}
            value={values.phase}
            onChange={set('phase')}
            error={messageFor(problems, 'restrictedToPhaseId')}
          />
          <TextInput id="spendBy" name="spendBy" type="date" label="Must be spent by (optional)" width="10" value={values.spendBy} onChange={(event) => set('spendBy')(event.target.value)} error={messageFor(problems, 'spendBy')} />
          <TextArea id="note" name="note" label="Note (optional)" rows={3} value={values.note} onChange={(event) => set('note')(event.target.value)} error={messageFor(problems, 'note')} />
          <div className="app-button-group">
            <Button type="submit" disabled={save.isPending}>
              {contribution ? 'Save changes' : 'Record contribution'}
            </Button>
            <Link className="app-link" to={`/funds/${fund.id}/money`}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
