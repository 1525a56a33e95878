import type { EntityManager } from '@mikro-orm/postgresql';
import { FUND_ROLE_LABELS, FundRole, InviteState } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { INVITE_DAYS, INVITES_PER_FUND_PER_HOUR } from '../../../shared/limits.ts';
import { startSession } from '../../auth/sign-in.service.ts';
import { hashToken, newToken, normaliseEmail } from '../../auth/tokens.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Funder } from '../funders/funder.entity.ts';
import { chooseFunder } from '../funders/funder.service.ts';
import { FundMembership } from '../funds/fund-membership.entity.ts';
import { requireFund } from '../funds/fund.service.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { User } from '../users/user.entity.ts';
import { FundInvite, inviteState } from './fund-invite.entity.ts';
import type { InviteToFundInput } from './invite.inputs.ts';

export function inviteUrl(publicUrl: string, token: string) {
  return `${publicUrl}/invite?token=${token}`;
}

function roleInWords(role: FundRole, funder?: Funder) {
  const label = FUND_ROLE_LABELS[role].toLowerCase();
  return funder ? `${label} for ${funder.name}` : label;
}

function inviteEmailBody(invite: FundInvite, inviter: User, url: string) {
  return [
    `Hello ${invite.name},`,
    '',
    `${inviter.name} has invited you to join ${invite.fund.name} on the pooled fund portal as ${roleInWords(invite.role, invite.funder)}.`,
    '',
    'Use this link to accept and sign in:',
    url,
    '',
    `The link works once and expires in ${INVITE_DAYS} days. There is no password: next time, ask for a sign-in link with this address.`,
    'If you were not expecting this, you can ignore this email.',
  ].join('\n');
}

/**
 * Invites a person by email to a role in the fund. A funder officer always works for a funder (an
 * existing one of this fund's, or a new one named here); community panellists take part as community
 * members, for no funder.
 */
export async function inviteToFund(em: EntityManager, mailer: Mailer, viewer: Viewer, input: InviteToFundInput, publicUrl: string): Promise<FundInvite> {
  const fund = await requireFund(em, viewer, input.fundId, 'invite');
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const problems: FieldError[] = [];
  if (name.length < 2) problems.push({ field: 'name', message: "Enter the person's name in 2 to 120 characters." });

  const existingUser = await em.findOne(User, { email });
  if (existingUser && (await em.count(FundMembership, { fund, user: existingUser, role: input.role })) > 0) {
    problems.push({ field: 'email', message: `${email} is already a ${FUND_ROLE_LABELS[input.role].toLowerCase()} in this fund.` });
  }
  const waiting = await em.count(FundInvite, { fund, email, role: input.role, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
  if (waiting > 0) {
    problems.push({ field: 'email', message: `An invite for ${email} as ${FUND_ROLE_LABELS[input.role].toLowerCase()} is already waiting. Withdraw it first to send a new one.` });
  }

  const wantsFunder = Boolean(input.funderId || input.newFunderName?.trim());
  let funder: Funder | undefined;
  if (input.role === FundRole.COMMUNITY_PANELLIST && wantsFunder) {
    problems.push({ field: 'funderId', message: 'Community panellists take part as community members, not for a funder.' });
  } else if (input.role === FundRole.FUNDER_OFFICER || wantsFunder) {
    // A new funder joins the unit of work here, and is only written if nothing below refuses.
    const chosen = await chooseFunder(em, viewer, fund, input, true);
    problems.push(...chosen.problems);
    funder = chosen.funder;
  }
  if (problems.length > 0) throw errors.badInput(problems);

  const sentLastHour = await em.count(FundInvite, { fund, createdAt: { $gt: new Date(Date.now() - 3_600_000) } });
  if (sentLastHour >= INVITES_PER_FUND_PER_HOUR) throw errors.rateLimited(60);

  const token = newToken();
  const invite = em.create(FundInvite, {
    fund,
    email,
    name,
    role: input.role,
    funder,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
    invitedBy: viewer.user,
  });
  mailer.queue(em, {
    to: email,
    kind: 'fund-invite',
    subject: `You are invited to ${fund.name}`,
    body: inviteEmailBody(invite, viewer.user, inviteUrl(publicUrl, token)),
  });
  recordAudit(em, {
    actor: viewer.user,
    action: 'invite.sent',
    entityType: 'FundInvite',
    entityId: invite.id,
    fundId: fund.id,
    changes: { email: [null, email], role: [null, input.role], funder: [null, funder?.name ?? null] },
  });
  await em.flush();
  mailer.nudge();
  return invite;
}

export async function revokeInvite(em: EntityManager, viewer: Viewer, id: string): Promise<FundInvite> {
  const invite = await findById(em, FundInvite, id, { populate: ['fund', 'funder', 'invitedBy'] });
  if (!invite || !canOnFund(viewer, 'view', invite.fund)) throw errors.notFound('invite');
  if (!canOnFund(viewer, 'invite', invite.fund)) throw errors.forbidden('withdraw invites to this fund');
  const state = inviteState(invite);
  if (state === InviteState.ACCEPTED) throw errors.badInput([{ field: 'id', message: `${invite.email} has already accepted this invite.` }]);
  if (state === InviteState.REVOKED) return invite;
  // Spent in one statement, so an invite being accepted at this moment is either accepted or withdrawn.
  const revoked = await em.nativeUpdate(FundInvite, { id: invite.id, acceptedAt: null, revokedAt: null }, { revokedAt: new Date(), revokedBy: viewer.user.id });
  if (revoked === 0) throw errors.badInput([{ field: 'id', message: `${invite.email} has already accepted this invite.` }]);
  recordAudit(em, { actor: viewer.user, action: 'invite.revoked', entityType: 'FundInvite', entityId: invite.id, fundId: invite.fund.id, changes: { email: [invite.email, null], role: [invite.role, null] } });
  await em.flush();
  await em.refresh(invite);
  return invite;
}

/** What the person following an invite link is shown before they accept; reading it spends nothing. */
export async function previewInvite(em: EntityManager, token: string) {
  const invite = await em.findOne(FundInvite, { tokenHash: hashToken(token) }, { populate: ['fund', 'funder', 'invitedBy'] });
  if (!invite) return null;
  return {
    fundName: invite.fund.name,
    name: invite.name,
    email: invite.email,
    role: invite.role,
    funderName: invite.funder?.name ?? null,
    invitedByName: invite.invitedBy.name,
    expiresAt: invite.expiresAt,
    state: inviteState(invite),
  };
}

/**
 * Accepts an invite: spends it by one conditional UPDATE (two requests with the same link cannot both
 * succeed), makes the person's account if they are new, adds their role, and signs them in.
 */
export async function acceptInvite(em: EntityManager, input: { token: string; previousSessionId?: string }) {
  return em.transactional(async (tx) => {
    const [spent] = await tx.getConnection().execute<{ id: string }[]>(
      `UPDATE fund_invite SET accepted_at = now()
        WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id`,
      [hashToken(input.token)],
      'all',
      tx.getTransactionContext(),
    );
    if (!spent) throw errors.inviteLinkInvalid();
    const invite = await tx.findOneOrFail(FundInvite, spent.id, { populate: ['fund', 'funder'] });
    let user = await tx.findOne(User, { email: invite.email });
    if (!user) {
      user = tx.create(User, { email: invite.email, name: invite.name });
      recordAudit(tx, { actor: null, action: 'user.created', entityType: 'User', entityId: user.id, fundId: invite.fund.id, changes: { email: [null, user.email], name: [null, user.name] } });
    }
    invite.acceptedBy = user;
    const held = await tx.findOne(FundMembership, { fund: invite.fund, user, role: invite.role });
    if (!held) {
      const membership = tx.create(FundMembership, { fund: invite.fund, user, role: invite.role, funder: invite.funder });
      recordAudit(tx, {
        actor: user,
        action: 'membership.added',
        entityType: 'FundMembership',
        entityId: membership.id,
        fundId: invite.fund.id,
        changes: { user: [null, user.email], role: [null, invite.role], funder: [null, invite.funder?.name ?? null] },
      });
    }
    recordAudit(tx, { actor: user, action: 'invite.accepted', entityType: 'FundInvite', entityId: invite.id, fundId: invite.fund.id, changes: { email: [null, invite.email], role: [null, invite.role] } });
    const started = await startSession(tx, user, input.previousSessionId);
    await tx.flush();
    return { ...started, user, fund: invite.fund, role: invite.role };
  });
}
