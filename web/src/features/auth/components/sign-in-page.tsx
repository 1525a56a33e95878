import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { useRequestSignInLink } from '../api/request-sign-in-link.ts';

export function SignInPage() {
  usePageTitle('Sign in');
  const [email, setEmail] = useState('');
  const requestLink = useRequestSignInLink();
  const problems = fieldErrors(requestLink.error).map((problem) => ({ ...problem, field: problem.field || 'email' }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Phones often add a space after an autocompleted address.
    requestLink.mutate(email.trim());
  };

  if (requestLink.isSuccess) {
    return (
      <>
        <NotificationBanner type="success" title="Check your email">
          <p className="app-body">{requestLink.data.requestSignInLink.message}</p>
        </NotificationBanner>
        <p className="app-body">Open the link on this device. If nothing arrives, check your spam folder or ask again.</p>
        <Button variant="secondary" onClick={() => requestLink.reset()}>
          Ask for another link
        </Button>
      </>
    );
  }

  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">
        <ErrorSummary errors={problems} />
        <h1 className="app-heading-l">Sign in</h1>
        <p className="app-body">
          We will email you a link to sign in. There is no password. Groups applying for money do not need to sign in.
        </p>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="email"
            name="email"
            type="email"
            label="Email address"
            hint="The address your fund coordinator invited"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={problems.find((problem) => problem.field === 'email')?.message}
          />
          <Button type="submit" disabled={requestLink.isPending}>
            Email me a sign-in link
          </Button>
        </form>
      </div>
    </div>
  );
}
