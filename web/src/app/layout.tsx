import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { FundRole } from '../../../shared/domain.ts';
import { Tag } from '../components/tag.tsx';
import { useMe } from '../features/auth/api/me.ts';
import { useSignOut } from '../features/auth/api/sign-out.ts';

export function Layout() {
  const { data } = useMe();
  const me = data?.me;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const isCoordinator = me?.memberships.some((membership) => membership.role === FundRole.COORDINATOR) ?? false;
  const showsDemo = me?.memberships.some((membership) => membership.fund.isDemo) ?? false;
  // On a fund's pages, links to that fund's money, and for its coordinators its people and settings.
  const fundId = /^\/funds\/([0-9a-f-]{36})(\/|$)/.exec(useLocation().pathname)?.[1];
  const inFund = me?.memberships.filter((membership) => membership.fund.id === fundId) ?? [];
  const coordinatesFund = inFund.some((membership) => membership.role === FundRole.COORDINATOR);

  return (
    <>
      <a className="app-skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-width-container app-header__container">
          <Link className="app-header__service-name" to="/">
            Pooled fund portal
          </Link>
          {me ? (
            <nav aria-label="Main">
              <ul className="app-header__nav">
                <li>
                  <NavLink to="/" end>
                    Home
                  </NavLink>
                </li>
                {inFund.length > 0 ? (
                  <li>
                    <NavLink to={`/funds/${fundId}/money`}>Money</NavLink>
                  </li>
                ) : null}
                {coordinatesFund ? (
                  <>
                    <li>
                      <NavLink to={`/funds/${fundId}/people`}>People</NavLink>
                    </li>
                    <li>
                      <NavLink to={`/funds/${fundId}/settings`}>Settings</NavLink>
                    </li>
                  </>
                ) : null}
                {isCoordinator ? (
                  <li>
                    <NavLink to="/areas">Areas</NavLink>
                  </li>
                ) : null}
                {isCoordinator ? (
                  <li>
                    <NavLink to="/outbox">Outbox</NavLink>
                  </li>
                ) : null}
                <li>
                  <button
                    type="button"
                    className="app-header__link-button"
                    onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in') })}
                  >
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
      </header>
      <div className="app-width-container">
        {showsDemo ? (
          <div className="app-phase-banner">
            <Tag colour="orange">Demo data</Tag>{' '}
            <span>The Riverdale fund, its funders, groups and people are invented, to show how the portal works.</span>
          </div>
        ) : null}
        <main className="app-main" id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </>
  );
}
