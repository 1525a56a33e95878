import type { EntityManager } from '@mikro-orm/postgresql';
import type { Mailer } from '../notifications/mailer.ts';
import { ApplicationDraft } from './application-draft.entity.ts';

export const DRAFT_LIFETIME_DAYS = 90;
/** Warnings go this many days before deletion; the nth warning is remindersSent = n. */
export const DRAFT_WARNING_DAYS = [30, 7, 1] as const;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Deletes drafts nobody has touched for 90 days, after warning by email 30, 7 and 1 days before, so
 * no one's details are kept without a purpose. Sent applications are not drafts and stay. A draft that
 * missed a warning (the job did not run) gets only the latest one due, not a burst of three.
 */
export async function expireDrafts(em: EntityManager, mailer: Mailer, publicUrl: string, now = new Date()) {
  const deleted = await em.nativeDelete(ApplicationDraft, {
    application: null,
    updatedAt: { $lt: daysBefore(now, DRAFT_LIFETIME_DAYS) },
  });

  let reminded = 0;
  for (let stage = DRAFT_WARNING_DAYS.length; stage >= 1; stage -= 1) {
    const daysLeft = DRAFT_WARNING_DAYS[stage - 1];
    const due = await em.find(
      ApplicationDraft,
      {
        application: null,
        reminderEmail: { $ne: null },
        remindersSent: { $lt: stage },
        updatedAt: { $lt: daysBefore(now, DRAFT_LIFETIME_DAYS - daysLeft) },
      },
      { populate: ['fund'] },
    );
    for (const draft of due) {
      draft.remindersSent = stage;
      mailer.queue(em, {
        to: draft.reminderEmail!,
        kind: 'draft-expiry-warning',
        subject: `Your unfinished application to ${draft.fund.name} will be deleted in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
        body: [
          'Hello,',
          '',
          `You started an application to ${draft.fund.name} but have not sent it.`,
          `We delete unfinished applications after ${DRAFT_LIFETIME_DAYS} days so that we do not keep your details without a reason.`,
          `Yours will be deleted in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} unless you carry on with it.`,
          '',
          `To carry on, use the link we sent you when you saved it, or start again at ${publicUrl}/apply/${draft.fund.slug}`,
        ].join('\n'),
      });
      reminded += 1;
    }
    // Flushed per stage, so a draft warned at a later stage is not picked up by an earlier one.
    await em.flush();
  }
  if (reminded > 0) mailer.nudge();
  return { deleted, reminded };
}
