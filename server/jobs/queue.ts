import type { EntityManager } from '@mikro-orm/postgresql';
import { PgBoss } from 'pg-boss';
import type { Orm } from '../db/orm.ts';
import type { Logger } from '../logger.ts';
import { expireDrafts } from '../modules/applications/draft-expiry.ts';
import { deliverDueEmails, type Mailer } from '../modules/notifications/mailer.ts';
import { runPanelRhythm } from '../modules/panels/agenda.service.ts';
import { allFundIds, checkFund } from '../modules/duplicates/duplicates.service.ts';
import { sendReportReminders } from '../modules/reports/report-reminders.ts';

export const QUEUES = {
  deliverEmail: 'outbox.deliver',
  expireDrafts: 'drafts.expire',
  panelRhythm: 'panels.rhythm',
  duplicates: 'duplicates.check',
  reportReminders: 'reports.remind',
} as const;

export interface Jobs {
  stop(): Promise<void>;
}

/**
 * Background work runs on pg-boss, a queue kept in PostgreSQL (its own schema, `pgboss`, managed by
 * pg-boss's own migrations), so any number of server processes share it and each job runs once.
 */
export async function startJobs(options: { url: string; orm: Orm; mailer: Mailer; logger: Logger; publicUrl: string }): Promise<Jobs> {
  const { url, orm, mailer, logger, publicUrl } = options;
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();

  // One delivery run at a time is enough; `stately` keeps at most one queued and one active.
  await boss.createQueue(QUEUES.deliverEmail, { policy: 'stately', retryLimit: 3 });
  await boss.work(QUEUES.deliverEmail, { pollingIntervalSeconds: 2 }, async () => {
    const em: EntityManager = orm.em.fork();
    const delivered = await deliverDueEmails(em, mailer, logger);
    if (delivered > 0) logger.info({ delivered }, 'emails delivered');
  });
  // Retries fall due later; the schedule picks them up even when nothing new is queued.
  await boss.schedule(QUEUES.deliverEmail, '* * * * *', null, { tz: 'Europe/London' });
  await boss.createQueue(QUEUES.expireDrafts, { policy: 'stately', retryLimit: 3 });
  await boss.work(QUEUES.expireDrafts, async () => {
    const result = await expireDrafts(orm.em.fork(), mailer, publicUrl);
    logger.info(result, 'unfinished applications expired and warned');
  });
  await boss.schedule(QUEUES.expireDrafts, '15 3 * * *', null, { tz: 'Europe/London' });

  await boss.createQueue(QUEUES.panelRhythm, { policy: 'stately', retryLimit: 3 });
  await boss.work(QUEUES.panelRhythm, async () => {
    const result = await runPanelRhythm(orm.em.fork());
    if (result.scheduled + result.agendasBuilt > 0) logger.info(result, 'panel meetings scheduled and agendas built');
  });
  await boss.schedule(QUEUES.panelRhythm, '*/5 * * * *', null, { tz: 'Europe/London' });
  await boss.send(QUEUES.panelRhythm, null);

  // The nightly whole-fund check: catches anything a check on sending missed (a failure, a changed
  // application, new bank details) and every pair with grants imported since.
  await boss.createQueue(QUEUES.duplicates, { policy: 'stately', retryLimit: 3 });
  await boss.work(QUEUES.duplicates, async () => {
    for (const fundId of await allFundIds(orm.em.fork())) {
      const result = await checkFund(orm.em.fork(), fundId);
      logger.info({ fundId, ...result }, 'fund checked for duplicates');
    }
  });
  await boss.schedule(QUEUES.duplicates, '40 2 * * *', null, { tz: 'Europe/London' });

  // Reports due within a week, and overdue ones: each reminder once, however many processes run this.
  await boss.createQueue(QUEUES.reportReminders, { policy: 'stately', retryLimit: 3 });
  await boss.work(QUEUES.reportReminders, async () => {
    const result = await sendReportReminders(orm.em.fork(), mailer, publicUrl);
    if (result.dueSoon + result.overdue > 0) logger.info(result, 'report reminders sent');
  });
  await boss.schedule(QUEUES.reportReminders, '0 9 * * *', null, { tz: 'Europe/London' });
  await boss.send(QUEUES.reportReminders, null);

  mailer.onQueued(() => {
    boss.send(QUEUES.deliverEmail, null).catch((error) => logger.warn({ err: error }, 'could not queue delivery'));
  });

  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
