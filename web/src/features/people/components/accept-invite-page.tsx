import { Link, useNavigate, useSearchParams } from 'react-router';
import { FUND_ROLE_LABELS, InviteState } from '../../../../../shared/domain.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { ApiError } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { useAcceptInvite } from '../api/accept-invite.ts';
import { useInvitePreview } from '../api/invite-preview.ts';

const NOT_USABLE: Partial<Record<InviteState, string>> = {
  [InviteState.ACCEPTED]: 'This invite has already been accepted. Sign in with your email address instead.',
  [InviteState.EXPIRED]: 'This invite has expired. Ask the fund coordinator to send a new one.',
  [InviteState.REVOKED]: 'This invite has been withdrawn. Ask the fund coordinator if you think that is a mistake.',
};

/**
 * Opening an invite link must not use it: email scanners fetch links before people do. Reading who
 * is invited to what spends nothing; only pressing Continue accepts.
 */
export function AcceptInvitePage() {
  usePageTitle('Accept your invite');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitePreview(token);
  const accept = useAcceptInvite();
  const navigate = useNavigate();
  const invite = preview.data?.invite;
  const problem = accept.error
    ? [{ field: 'continue', message: accept.error instanceof ApiError ? accept.error.message : 'Something went wrong. Try again.' }]
    : [];

  let body;
  if (!token) body = <p className="app-body">This link is not complete. Copy the whole link from the email.</p>;
  else if (preview.isPending) body = <p className="app-body" role="status">Checking your invite…</p>;
  else if (preview.error) body = <p className="app-body" role="alert">{preview.error.message}</p>;
  else if (!invite) body = <p className="app-body">We could not find this invite. Copy the whole link from the email, or ask the fund coordinator for a new one.</p>;
  else if (invite.state !== InviteState.PENDING) body = <p className="app-body">{NOT_USABLE[invite.state]}</p>;
  else {
    body = (
      <>
        <p className="app-body">
          {invite.invitedByName} has invited {invite.name} ({invite.email}) to join <strong>{invite.fundName}</strong> as{' '}
          {FUND_ROLE_LABELS[invite.role].toLowerCase()}
          {invite.funderName ? ` for ${invite.funderName}` : ''}.
        </p>
        <p className="app-body">The invite works until {formatLondonDateTime(new Date(invite.expiresAt))}. Press Continue to accept it and sign in on this device.</p>
        <Button
          id="continue"
          onClick={() => accept.mutate(token, { onSuccess: (data) => navigate(`/funds/${data.acceptInvite.fundId}`, { replace: true }) })}
          disabled={accept.isPending}
        >
          Continue
        </Button>
      </>
    );
  }

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={problem} />
        <h1 className="app-heading-l">Accept your invite</h1>
        {body}
        <p className="app-body">
          <Link to="/sign-in">Sign in another way</Link>
        </p>
      </div>
    </div>
  );
}
