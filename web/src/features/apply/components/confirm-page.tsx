import type { FieldError } from '../../../../../shared/errors.ts';
import { formatPence } from '../../../../../shared/money.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Panel } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { TextArea } from '../../../components/text-area.tsx';

export interface ConfirmPageProps {
  token: string;
  kind: 'HOST' | 'REFEREE';
  status: 'PENDING' | 'CONFIRMED' | 'DECLINED';
  personName: string;
  organisation: string;
  groupName: string;
  fundName: string;
  title: string;
  amountPence: number;
  reference: string;
  errors: FieldError[];
}

/** What a host organisation or referee sees when they open the link we emailed them. */
export function ConfirmPage(props: ConfirmPageProps) {
  const { token, kind, status, personName, organisation, groupName, fundName, title, amountPence, reference, errors } = props;
  if (status !== 'PENDING') {
    return (
      <div className="app-grid-row">
        <div className="app-grid-column-two-thirds">
          <Panel title={status === 'CONFIRMED' ? 'Thank you for confirming' : 'Thank you for telling us'}>Reference {reference}</Panel>
          <p className="app-body">
            We have recorded your answer. If you need to change it, contact {fundName} and quote reference {reference}.
          </p>
        </div>
      </div>
    );
  }
  const role = kind === 'HOST' ? `receive and hold the money for ${groupName}` : `vouch for ${groupName}`;
  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="app-heading-l">Can you confirm you will {role}?</h1>
        <p className="app-body">
          {groupName} has applied to {fundName} for {formatPence(amountPence)} for “{title}” (reference {reference}). They named
          you, {personName} at {organisation}, {kind === 'HOST' ? 'as the organisation that will receive and hold the money for them.' : 'as their referee.'}
        </p>
        <form method="post" action={`/confirm/${token}`} noValidate>
          <Radios
            id="answer"
            name="answer"
            legend="Is that right?"
            error={errors.find((error) => error.field === 'answer')?.message}
            items={[
              { value: 'CONFIRMED', label: kind === 'HOST' ? 'Yes, we will hold the money for them' : 'Yes, I know this group and vouch for it' },
              { value: 'DECLINED', label: 'No, I do not agree to this' },
            ]}
          />
          <TextArea id="note" name="note" label="Anything you want to tell the fund (optional)" rows={3} error={errors.find((error) => error.field === 'note')?.message} />
          <Button type="submit">Send answer</Button>
        </form>
      </div>
    </div>
  );
}
