import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { useSignIn } from '../api/sign-in.ts';

/**
 * Opening a link must not spend it: email scanners fetch links before people do. Only pressing
 * Continue sends the token.
 */
export function ContinueSignInPage() {
  usePageTitle('Continue signing in');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signIn = useSignIn();
  const navigate = useNavigate();
  const problem = signIn.error
    ? [{ field: 'continue', message: signIn.error instanceof ApiError ? signIn.error.message : 'Something went wrong. Try again.' }]
    : [];

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={problem} />
        <h1 className="app-heading-l">Continue signing in</h1>
        {token ? (
          <>
            <p className="app-body">Press Continue to sign in on this device.</p>
            <Button
              id="continue"
              onClick={() => signIn.mutate(token, { onSuccess: () => navigate('/', { replace: true }) })}
              disabled={signIn.isPending}
            >
              Continue
            </Button>
          </>
        ) : (
          <p className="app-body">This link is not complete. Copy the whole link from the email, or ask for a new one.</p>
        )}
        <p className="app-body">
          <Link to="/sign-in">Ask for a new sign-in link</Link>
        </p>
      </div>
    </div>
  );
}
