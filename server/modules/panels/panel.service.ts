import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus } from '../../../shared/domain.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnApplication } from '../../policies/application.policy.ts';
import { canOnPanel } from '../../policies/panel.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ConflictOfInterest } from './conflict.entity.ts';
import { Score, SCORE_MAX, SCORE_MIN } from './score.entity.ts';

const SCORABLE = [ApplicationStatus.CHECKED, ApplicationStatus.ON_AGENDA];

async function requireApplication(em: EntityManager, viewer: Viewer | null, id: string) {
  const application = await findById(em, Application, id, { populate: ['fund'] });
  if (!application || !canOnApplication(viewer, 'view', application)) throw errors.notFound('application');
  return application;
}

export async function hasConflict(em: EntityManager, viewer: Viewer | null, application: Application) {
  return viewer ? (await em.count(ConflictOfInterest, { application, panellist: viewer.user })) > 0 : false;
}

export async function scoreApplication(
  em: EntityManager,
  viewer: Viewer,
  input: { applicationId: string; value?: number | null; notEnoughKnowledge: boolean; comment?: string | null },
) {
  const application = await requireApplication(em, viewer, input.applicationId);
  const conflicted = await hasConflict(em, viewer, application);
  if (!canOnPanel(viewer, 'score', application, conflicted)) {
    throw errors.forbidden(conflicted ? 'score an application you have declared a conflict of interest on' : 'score applications in this fund');
  }
  if (!SCORABLE.includes(application.status)) {
    throw errors.badInput([{ field: 'applicationId', message: 'Only applications checked for the panel can be scored.' }]);
  }
  const value = input.notEnoughKnowledge ? null : (input.value ?? null);
  if (!input.notEnoughKnowledge && (value === null || !Number.isInteger(value) || value < SCORE_MIN || value > SCORE_MAX)) {
    throw errors.badInput([{ field: 'value', message: `Choose a score from ${SCORE_MIN} to ${SCORE_MAX}, or say you do not know enough to score.` }]);
  }
  const comment = input.comment?.trim() || undefined;
  if (comment && comment.length > 2000) throw errors.badInput([{ field: 'comment', message: 'Use 2,000 characters or fewer.' }]);

  const score = (await em.findOne(Score, { application, panellist: viewer.user })) ?? em.create(Score, { application, panellist: viewer.user });
  score.value = value ?? undefined;
  score.comment = comment;
  score.updatedAt = new Date();
  await em.flush();
  return score;
}

/**
 * Records a conflict of interest. A score the panellist gave before declaring it is withdrawn, so it
 * cannot sway the decision they now stand aside from.
 */
export async function declareConflict(em: EntityManager, viewer: Viewer, input: { applicationId: string; reason: string }) {
  const application = await requireApplication(em, viewer, input.applicationId);
  if (!canOnPanel(viewer, 'declareConflict', application, false)) throw errors.forbidden('declare a conflict here');
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw errors.badInput([{ field: 'reason', message: 'Say in a few words what the conflict is, in 500 characters or fewer.' }]);
  }
  const existing = await em.findOne(ConflictOfInterest, { application, panellist: viewer.user });
  if (existing) return existing;
  const conflict = em.create(ConflictOfInterest, { application, panellist: viewer.user, reason });
  await em.nativeDelete(Score, { application, panellist: viewer.user });
  recordAudit(em, { actor: viewer.user, action: 'conflict.declared', entityType: 'Application', entityId: application.id, fundId: application.fund.id, changes: { reason } });
  await em.flush();
  return conflict;
}
