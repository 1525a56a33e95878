import type { EntityManager } from '@mikro-orm/postgresql';
import { formatPence } from '../../../shared/money.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Fund } from '../funds/fund.entity.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { ApplicantGroup } from './applicant-group.entity.ts';
import type { Application } from './application.entity.ts';
import { ConfirmationKind, ConfirmationStatus, GroupConfirmation } from './group-confirmation.entity.ts';

/** Asks an unconstituted group's host or referee to confirm, by an emailed link. Part of the caller's transaction. */
export function requestConfirmation(em: EntityManager, mailer: Mailer, input: { application: Application; group: ApplicantGroup; fund: Fund; publicUrl: string }) {
  const { application, group, fund, publicUrl } = input;
  const asHost = Boolean(group.hostEmail);
  const token = newToken();
  const confirmation = em.create(GroupConfirmation, {
    application,
    kind: asHost ? ConfirmationKind.HOST : ConfirmationKind.REFEREE,
    name: (asHost ? group.hostContactName : group.refereeName)!,
    organisation: (asHost ? group.hostName : group.refereeOrganisation)!,
    email: (asHost ? group.hostEmail : group.refereeEmail)!,
    tokenHash: hashToken(token),
  });
  const role = asHost
    ? `as the organisation that will receive and hold the money for them`
    : `as a referee who knows the group and can vouch for it`;
  mailer.queue(em, {
    to: confirmation.email,
    kind: asHost ? 'host-confirmation' : 'referee-confirmation',
    subject: `Can you confirm you support ${group.name}?`,
    body: [
      `Hello ${confirmation.name},`,
      '',
      `${group.name} has applied to ${fund.name} for ${formatPence(application.amountRequestedPence)} for "${application.title}".`,
      `They named you, at ${confirmation.organisation}, ${role}.`,
      '',
      'Please tell us whether that is right. It takes a minute:',
      `${publicUrl}/confirm/${token}`,
      '',
      `If you do not know this group, use the same link to say so. Their reference is ${application.reference}.`,
    ].join('\n'),
  });
  return confirmation;
}

export async function findConfirmation(em: EntityManager, token: string) {
  const confirmation = await em.findOne(GroupConfirmation, { tokenHash: hashToken(token) }, { populate: ['application', 'application.group', 'application.fund'] });
  if (!confirmation) throw errors.notFound('confirmation link');
  return confirmation;
}

/** Records the answer once; the link then shows what was said. */
export async function respondToConfirmation(em: EntityManager, token: string, answer: string, note: string) {
  const confirmation = await findConfirmation(em, token);
  if (confirmation.status !== ConfirmationStatus.PENDING) return { confirmation, errors: [] };
  if (answer !== ConfirmationStatus.CONFIRMED && answer !== ConfirmationStatus.DECLINED) {
    return { confirmation, errors: [{ field: 'answer', message: 'Select whether you confirm this or not.' }] };
  }
  if (note.length > 1000) return { confirmation, errors: [{ field: 'note', message: 'Use 1,000 characters or fewer.' }] };
  confirmation.status = answer;
  confirmation.respondedAt = new Date();
  confirmation.note = note.trim() || undefined;
  recordAudit(em, {
    actor: null,
    action: `confirmation.${answer.toLowerCase()}`,
    entityType: 'Application',
    entityId: confirmation.application.id,
    fundId: confirmation.application.fund.id,
    changes: { kind: confirmation.kind, organisation: confirmation.organisation },
  });
  await em.flush();
  return { confirmation, errors: [] };
}
