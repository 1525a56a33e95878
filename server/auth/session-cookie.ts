import type { EntityManager } from '@mikro-orm/postgresql';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import { SESSION_DAYS } from '../../shared/limits.ts';
import type { Viewer } from '../context.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import type { FundRole } from '../../shared/domain.ts';
import { findSession } from './sign-in.service.ts';

// Over HTTPS the __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only
// and for the whole site.
const cookieName = (secure: boolean) => (secure ? '__Host-pf_session' : 'pf_session');

export function readSessionToken(req: Request, secure: boolean): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookie(header)[cookieName(secure)] : undefined;
}

export function setSessionCookie(res: Response, token: string, secure: boolean) {
  res.append(
    'Set-Cookie',
    stringifySetCookie({
      name: cookieName(secure),
      value: token,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: SESSION_DAYS * 86_400,
    }),
  );
}

export function clearSessionCookie(res: Response, secure: boolean) {
  res.append(
    'Set-Cookie',
    stringifySetCookie({ name: cookieName(secure), value: '', httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 }),
  );
}

export async function loadViewer(em: EntityManager, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const session = await findSession(em, token);
  if (!session) return null;
  const memberships = await em.find(FundMembership, { user: session.user }, { fields: ['fund', 'role'] });
  const roles = new Map<string, Set<FundRole>>();
  for (const membership of memberships) {
    const fundId = membership.fund.id;
    if (!roles.has(fundId)) roles.set(fundId, new Set());
    roles.get(fundId)!.add(membership.role);
  }
  return { user: session.user, sessionId: session.id, roles };
}
