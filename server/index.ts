import { loadConfig } from './config.ts';
import { logger } from './logger.ts';
import { startServer } from './server.ts';

const config = loadConfig();
const running = await startServer(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error instanceof Error ? error : new Error(String(error)) }, 'the server could not start');
  process.exit(1);
});

const lines = [
  '',
  `  Pooled fund portal: ${running.url}`,
  `  Database: ${running.database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
];
if (running.demoLinks.length > 0) {
  lines.push('', '  Demo sign-in links (each works once, for 10 minutes; `npm run demo:links` prints fresh ones):');
  for (const link of running.demoLinks) lines.push(`    ${link.label.padEnd(20)} ${link.name} <${link.email}>`, `      ${link.url}`);
}
if (!config.SMTP_URL) lines.push('', '  No SMTP_URL: emails stay in the outbox, which coordinators can read at /outbox.');
process.stdout.write(`${lines.join('\n')}\n\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // Finish the requests in flight, then stop jobs, the pool and the embedded PostgreSQL cleanly.
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
