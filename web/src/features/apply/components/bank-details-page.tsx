import type { FieldError } from '../../../../../shared/errors.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { InsetText, Panel } from '../../../components/panel.tsx';
import { TextInput } from '../../../components/text-input.tsx';

export interface BankDetailsPageProps {
  token: string;
  groupName: string;
  reference: string;
  values: Record<string, string>;
  errors: FieldError[];
  saved?: { accountName: string; sortCode: string; accountNumber: string };
}

/** The one-use page where a group, or its host, gives the account a grant is paid into. */
export function BankDetailsPage({ token, groupName, reference, values, errors, saved }: BankDetailsPageProps) {
  if (saved) {
    return (
      <div className="app-grid-row">
        <div className="app-grid-column-two-thirds">
          <Panel title="Bank details received">Reference {reference}</Panel>
          <p className="app-body">
            We will pay into the account named {saved.accountName}, sort code {saved.sortCode}, account number {saved.accountNumber}.
          </p>
          <p className="app-body">If that is wrong, contact the fund. We will never ask for bank details by phone or by replying to an email.</p>
        </div>
      </div>
    );
  }
  const error = (field: string) => errors.find((item) => item.field === field)?.message;
  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="app-heading-l">Bank details for {groupName}</h1>
        <InsetText>The grant is paid into this account. Check the details with your bank statement.</InsetText>
        <form method="post" action={`/bank-details/${token}`} noValidate>
          <TextInput id="accountName" name="accountName" label="Name on the account" autoComplete="off" spellCheck={false} defaultValue={values.accountName ?? ''} error={error('accountName')} />
          <TextInput id="sortCode" name="sortCode" label="Sort code" hint="Must be 6 digits long" width="5" inputMode="numeric" autoComplete="off" spellCheck={false} defaultValue={values.sortCode ?? ''} error={error('sortCode')} />
          <TextInput id="accountNumber" name="accountNumber" label="Account number" hint="Must be between 6 and 8 digits long" width="10" inputMode="numeric" autoComplete="off" spellCheck={false} defaultValue={values.accountNumber ?? ''} error={error('accountNumber')} />
          <Button type="submit">Send bank details</Button>
        </form>
      </div>
    </div>
  );
}
