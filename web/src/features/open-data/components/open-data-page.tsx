import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formProblems, messageFor } from '../../../app/form-problems.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button, ButtonLink } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { InsetText } from '../../../components/panel.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useFundOpenData } from '../api/fund-open-data.ts';
import { useSetOpenDataPrefix } from '../api/set-open-data-prefix.ts';

/**
 * The fund's grants as files in the 360Giving Data Standard, for the fund to publish if it decides to.
 * Coordinators and funder officers download them; coordinators set the prefix 360Giving issued the fund.
 */
export function OpenDataPage() {
  const { fundId = '' } = useParams();
  const { data, error, isPending } = useFundOpenData(fundId);
  usePageTitle(data ? `${data.fund.name}: open data` : 'Open data');
  if (isPending) return <p className="app-body" role="status">Loading…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { fund } = data;
  const openData = fund.openData;

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <Link className="app-back-link" to={`/funds/${fundId}/grants`}>
          Back to grants and payments
        </Link>
        <span className="app-caption">{fund.name}</span>
        <h1 className="app-heading-xl">Grants as open data</h1>
        {!openData ? (
          <p className="app-body">Only the fund’s coordinators and funder officers can export its grants.</p>
        ) : (
          <>
            <p className="app-body">
              Download the fund’s grants in the 360Giving Data Standard, as a JSON package or a CSV spreadsheet, to publish on the fund’s website and register with
              360Giving. Nothing is published from here: whether and when to publish is the fund’s decision.
            </p>
            {openData.grantCount === 0 ? (
              <p className="app-body">There are no grants yet: they are made when a panel meeting closes.</p>
            ) : (
              <div className="app-button-group">
                <ButtonLink href={openData.jsonPath} download>
                  Download {openData.grantCount === 1 ? 'the grant' : `${openData.grantCount} grants`} as JSON
                </ButtonLink>
                <ButtonLink href={openData.csvPath} download variant="secondary">
                  Download as CSV
                </ButtonLink>
              </div>
            )}
            <h2 className="app-heading-m">What the files hold</h2>
            <ul className="app-list app-list--bullet">
              <li>each grant’s title and the group’s own short summary, the amounts applied for, awarded and paid so far, and the day the panel awarded it</li>
              <li>the fund as the funder, and the funders whose contributions paid for each grant</li>
              <li>registered charities and companies by their numbers; other groups by an identifier of the fund’s own</li>
              <li>where a host organisation received the money for an unconstituted group, the host as the recipient, with the group named in the description</li>
              <li>the phase as the grant programme, the priorities, and the areas the work serves by their official codes</li>
            </ul>
            <h2 className="app-heading-m">What is left out</h2>
            <p className="app-body">
              Contact names, email addresses, phone numbers and postcodes (a small group’s is often a volunteer’s home), members’ and referees’ names, bank details, scores,
              notes and the panel’s conditions. Phone numbers, email addresses and postcodes written into a summary are taken out. Demo areas are named as fictional, with no
              code.
            </p>
            <PrefixSection fundId={fundId} prefix={openData.prefix} defaultPrefix={openData.defaultPrefix} prefixIsDefault={openData.prefixIsDefault} canSetPrefix={openData.canSetPrefix} />
          </>
        )}
      </div>
    </div>
  );
}

interface PrefixSectionProps {
  fundId: string;
  prefix: string;
  defaultPrefix: string;
  prefixIsDefault: boolean;
  canSetPrefix: boolean;
}

function PrefixSection({ fundId, prefix, defaultPrefix, prefixIsDefault, canSetPrefix }: PrefixSectionProps) {
  const [value, setValue] = useState(prefixIsDefault ? '' : prefix);
  const save = useSetOpenDataPrefix(fundId);
  const problems = formProblems([], save.error, 'prefix');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    save.mutate({ fundId, prefix: value.trim() || null });
  };

  return (
    <>
      <h2 className="app-heading-m">The fund’s 360Giving prefix</h2>
      <p className="app-body">
        Every identifier in the files starts with <strong>{prefix}</strong>.
      </p>
      {prefixIsDefault ? (
        <InsetText>This is a default made from the fund’s name. Before publishing, ask 360Giving for the fund’s own prefix and set it here, so the identifiers never have to change.</InsetText>
      ) : null}
      {canSetPrefix ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={problems} />
          <TextInput
            id="prefix"
            name="prefix"
            label="Prefix issued by 360Giving"
            hint={`Like 360G-RiverdaleFund. Leave it empty to use the default, ${defaultPrefix}.`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={messageFor(problems, 'prefix')}
            width="20"
            spellCheck={false}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            Save the prefix
          </Button>
          {save.isSuccess ? (
            <p className="app-body" role="status">
              Saved.
            </p>
          ) : null}
        </form>
      ) : (
        <p className="app-body">Only a coordinator can change it.</p>
      )}
    </>
  );
}
