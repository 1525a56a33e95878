import type { EntityManager } from '@mikro-orm/postgresql';
import {
  SESSION_DAYS,
  SIGN_IN_LINK_MINUTES,
  SIGN_IN_REQUESTS_PER_EMAIL,
  SIGN_IN_REQUESTS_PER_IP,
  SIGN_IN_WINDOW_MINUTES,
} from '../../shared/limits.ts';
import { errors } from '../errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import type { Mailer } from '../modules/notifications/mailer.ts';
import { User } from '../modules/users/user.entity.ts';
import { Session } from './session.entity.ts';
import { SignInRequest } from './sign-in-request.entity.ts';
import { SignInToken } from './sign-in-token.entity.ts';
import { hashToken, newToken, normaliseEmail } from './tokens.ts';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/**
 * Sends a one-use sign-in link to a known address. The answer, and the rate limit, are the same
 * whether or not the address is known, so the form cannot be used to find out who has an account.
 */
export async function requestSignInLink(
  em: EntityManager,
  mailer: Mailer,
  input: { email: string; ip: string; publicUrl: string },
): Promise<void> {
  const email = normaliseEmail(input.email);
  const emailHash = hashToken(email);
  const since = minutesAgo(SIGN_IN_WINDOW_MINUTES);
  const [byEmail, byIp] = await Promise.all([
    em.count(SignInRequest, { emailHash, createdAt: { $gt: since } }),
    em.count(SignInRequest, { ip: input.ip, createdAt: { $gt: since } }),
  ]);
  if (byEmail >= SIGN_IN_REQUESTS_PER_EMAIL || byIp >= SIGN_IN_REQUESTS_PER_IP) {
    throw errors.rateLimited(SIGN_IN_WINDOW_MINUTES);
  }
  em.create(SignInRequest, { emailHash, ip: input.ip });

  const user = await em.findOne(User, { email });
  if (user) {
    const token = addSignInToken(em, user);
    mailer.queue(em, {
      to: user.email,
      kind: 'sign-in-link',
      subject: 'Your sign-in link',
      body: signInEmailBody(user.name, signInUrl(input.publicUrl, token)),
    });
  }
  await em.flush();
  if (user) mailer.nudge();
}

function addSignInToken(em: EntityManager, user: User): string {
  const token = newToken();
  em.create(SignInToken, {
    tokenHash: hashToken(token),
    user,
    expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
  });
  return token;
}

export function signInUrl(publicUrl: string, token: string) {
  return `${publicUrl}/sign-in/continue?token=${token}`;
}

function signInEmailBody(name: string, url: string) {
  return [
    `Hello ${name},`,
    '',
    'Use this link to sign in to the pooled fund portal:',
    url,
    '',
    `The link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes.`,
    'If you did not ask to sign in, you can ignore this email.',
  ].join('\n');
}

/** Issues a sign-in link without email, for the demo people printed at start-up and CLI tools. */
export async function issueSignInLink(em: EntityManager, user: User, publicUrl: string): Promise<string> {
  const token = addSignInToken(em, user);
  await em.flush();
  return signInUrl(publicUrl, token);
}

/**
 * Uses a sign-in link and opens a new session. The token is spent by one conditional UPDATE, so two
 * requests racing with the same link cannot both succeed.
 */
export async function completeSignIn(
  em: EntityManager,
  input: { token: string; previousSessionId?: string },
): Promise<{ session: Session; sessionToken: string }> {
  const [spent] = await em
    .getConnection()
    .execute<{ user_id: string }[]>(
      `UPDATE sign_in_token SET used_at = now()
        WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [hashToken(input.token)],
    );
  if (!spent) throw errors.signInLinkInvalid();
  const user = await em.findOneOrFail(User, spent.user_id);
  const started = await startSession(em, user, input.previousSessionId);
  await em.flush();
  return started;
}

/**
 * Opens a new session for a person who has just proved they own their address (a sign-in link, an
 * invite). Added to the unit of work; the caller flushes.
 */
export async function startSession(em: EntityManager, user: User, previousSessionId?: string): Promise<{ session: Session; sessionToken: string }> {
  // A fresh session on every sign-in: an old cookie planted before sign-in is worth nothing after it.
  if (previousSessionId) await em.nativeDelete(Session, { id: previousSessionId });
  const sessionToken = newToken();
  const session = em.create(Session, {
    tokenHash: hashToken(sessionToken),
    user,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  user.lastSignedInAt = new Date();
  recordAudit(em, { actor: user, action: 'auth.signed-in', entityType: 'User', entityId: user.id });
  return { session, sessionToken };
}

export async function findSession(em: EntityManager, sessionToken: string): Promise<Session | null> {
  return em.findOne(
    Session,
    { tokenHash: hashToken(sessionToken), expiresAt: { $gt: new Date() } },
    { populate: ['user'] },
  );
}

export async function signOut(em: EntityManager, sessionId: string) {
  await em.nativeDelete(Session, { id: sessionId });
}

export async function signOutEverywhere(em: EntityManager, user: User) {
  const ended = await em.nativeDelete(Session, { user });
  recordAudit(em, { actor: user, action: 'auth.signed-out-everywhere', entityType: 'User', entityId: user.id, changes: { sessionsEnded: ended } });
  await em.flush();
  return ended;
}
