import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../../../app/graphql-client.ts';
import { useMe } from '../api/me.ts';

export function RequireSignIn() {
  const { data, error, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <p className="app-body" role="status">Loading…</p>;
  if (error) {
    return (
      <p className="app-body" role="alert">
        {error instanceof ApiError ? error.message : 'Something went wrong. Reload the page to try again.'}
      </p>
    );
  }
  if (!data.me) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
