import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUND_ROLE_LABELS, type FundRole } from '../shared/domain.ts';
import { createApp } from './app.ts';
import { issueSignInLink } from './auth/sign-in.service.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/orm.ts';
import { demoPrintedPeople, seedDemo } from './demo/seed-demo.ts';
import { reviewDemoDuplicates } from './demo/seed-duplicates.ts';
import { seedDemoGeography } from './demo/seed-geography.ts';
import { seedDemoPanelHistory } from './demo/seed-panel-history.ts';
import { seedDemoReports } from './demo/seed-reports.ts';
import { PhotoStore } from './modules/reports/photo-store.ts';
import { startJobs, type Jobs } from './jobs/queue.ts';
import type { Logger } from './logger.ts';
import { Area } from './modules/areas/area.entity.ts';
import { BankVault } from './modules/bank/bank-vault.ts';
import { warmFundNames } from './modules/duplicates/fund-names.ts';
import { Fund } from './modules/funds/fund.entity.ts';
import { Mailer } from './modules/notifications/mailer.ts';

export interface RunningServer {
  url: string;
  database: Database;
  demoLinks: { role: FundRole; label: string; name: string; email: string; url: string }[];
  close(): Promise<void>;
}

/** Opens the database (embedded or DATABASE_URL), migrates it, loads the demo once, and listens. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(config, logger);
  let jobs: Jobs | null = null;
  try {
    const applied = await migrate(database.orm);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');

    const em = database.orm.em.fork();
    const mailer = Mailer.fromSettings(config.SMTP_URL, config.MAIL_FROM);
    if (config.DEMO) {
      if (await seedDemo(em)) logger.info('demo fund loaded');
      // A demo data folder made before the demo had its geography gets it now. Once it is there (as
      // seedDemo leaves it), nothing is generated or read again at start-up.
      if ((await em.count(Area, { demo: true })) === 0) {
        await em.transactional(async (tx) => {
          const demoFund = await tx.findOne(Fund, { isDemo: true });
          if (demoFund) await seedDemoGeography(tx, demoFund);
        });
      }
      if (await seedDemoPanelHistory(em, mailer, config.publicUrl)) logger.info('demo panel meetings loaded');
      if (await seedDemoReports(em, new PhotoStore(config.reportPhotosDir))) logger.info('demo reports loaded');
      if (await reviewDemoDuplicates(em)) logger.info('demo duplicates checked and partly reviewed');
    }

    if (config.JOBS) jobs = await startJobs({ url: database.url, orm: database.orm, mailer, logger, publicUrl: config.publicUrl });
    const vault = await BankVault.fromSettings(config);
    const { app, apollo } = await createApp({ orm: database.orm, config, logger, mailer, vault });

    const server: Server = await new Promise((resolve, reject) => {
      const listening = app.listen(config.PORT, config.HOST, (error?: Error) => (error ? reject(error) : resolve(listening)));
    });
    const { port } = server.address() as AddressInfo;
    // The duplicate check's in-memory names, read while the server already answers (a check arriving
    // first waits for its fund's names).
    const warming = warmFundNames(database.orm.em.fork()).catch((error: unknown) => logger.warn({ err: error }, 'could not read the funds’ names for duplicate checks; each check will read them'));
    const url = config.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;

    const demoLinks = [];
    if (config.DEMO) {
      for (const { user, role } of await demoPrintedPeople(em)) {
        demoLinks.push({ role, label: FUND_ROLE_LABELS[role], name: user.name, email: user.email, url: await issueSignInLink(em, user, url) });
      }
    }

    let closing: Promise<void> | null = null;
    return {
      url,
      database,
      demoLinks,
      close() {
        closing ??= (async () => {
          // Stop taking requests and let those in flight finish, then release the database.
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          });
          await apollo.stop();
          await jobs?.stop();
          await warming;
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}
