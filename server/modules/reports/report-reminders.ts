import type { EntityManager } from '@mikro-orm/postgresql';
import { londonIsoDate } from '../../../shared/london-time.ts';
import { addDays, DUE_SOON_DAYS, ReportingRequirement, ReportStatus } from '../../../shared/reporting.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { Report } from './report.entity.ts';
import { queueReportLink } from './report.service.ts';

type Reminder = 'due-soon' | 'overdue';

// The overdue reminder also stands for the due-soon one it made unnecessary.
const CLAIM: Record<Reminder, { set: string; unsent: string }> = {
  'due-soon': { set: 'due_soon_reminded_at = ?', unsent: 'r.due_soon_reminded_at IS NULL' },
  overdue: { set: 'overdue_reminded_at = ?, due_soon_reminded_at = coalesce(r.due_soon_reminded_at, ?)', unsent: 'r.overdue_reminded_at IS NULL' },
};

/**
 * Emails each group whose report is due within a week, and again once it is overdue; each reminder
 * once per due date. Every report's reminder is claimed by a conditional UPDATE in the same
 * transaction as its email, so two servers running this at once send it once: the second waits for
 * the first's row lock, then finds the stamp set. A report already overdue when first seen gets only
 * the overdue reminder, not both.
 */
export async function sendReportReminders(em: EntityManager, mailer: Mailer, publicUrl: string, now = new Date()) {
  const today = londonIsoDate(now);
  const soon = addDays(today, DUE_SOON_DAYS);
  const sent: Record<Reminder, number> = { 'due-soon': 0, overdue: 0 };
  const candidates = await em.find(
    Report,
    {
      status: ReportStatus.DRAFT,
      grant: { reporting: { $ne: ReportingRequirement.NONE }, reportDueOn: { $ne: null, $lte: soon } },
      $or: [{ dueSoonRemindedAt: null }, { overdueRemindedAt: null }],
    },
    { fields: ['id', 'grant.reportDueOn'], orderBy: { id: 'asc' } },
  );
  for (const candidate of candidates) {
    const reminder: Reminder = candidate.grant.reportDueOn! < today ? 'overdue' : 'due-soon';
    const claimed = await em.fork().transactional(async (tx) => {
      const [row] = await tx.getConnection().execute<{ id: string }[]>(
        `UPDATE report r SET ${CLAIM[reminder].set}
           FROM fund_grant g
          WHERE r.id = ? AND g.id = r.grant_id AND r.status = 'DRAFT' AND ${CLAIM[reminder].unsent}
            AND g.reporting <> 'NONE' AND g.report_due_on = ?
          RETURNING r.id`,
        [...(reminder === 'overdue' ? [now, now] : [now]), candidate.id, candidate.grant.reportDueOn],
        'all',
        tx.getTransactionContext(),
      );
      if (!row) return false;
      const report = await tx.findOneOrFail(Report, row.id, { populate: ['grant', 'grant.application', 'grant.application.fund', 'grant.application.group'] });
      queueReportLink(tx, mailer, report, report.grant.application, reminder, publicUrl);
      return true;
    });
    if (claimed) sent[reminder] += 1;
  }
  if (sent['due-soon'] + sent.overdue > 0) mailer.nudge();
  return { dueSoon: sent['due-soon'], overdue: sent.overdue };
}
