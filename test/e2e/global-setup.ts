import { execFileSync } from 'node:child_process';
import { mkdtemp, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';
import { runPanelRhythm } from '../../server/modules/panels/agenda.service.ts';
import { startServer } from '../../server/server.ts';
import { freePort } from '../support/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
  }
}

/**
 * The browser tests use the product as a newcomer gets it: the built web app, the real server with
 * its embedded PostgreSQL in a fresh data folder, the demo fund and the job queue.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pooled-fund-e2e-'));
  await chmod(dataDir, 0o755);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  });
  const running = await startServer(config, logger.child({}, { level: 'warn' }));
  // Settle this week's agenda now, so the tests do not race the job that would do it in the background.
  await runPanelRhythm(running.database.orm.em.fork());
  project.provide('appUrl', running.url);
  project.provide('appDatabaseUrl', running.database.url);
  return () => running.close();
}
