import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';
import { startServer } from '../../server/server.ts';
import { freePort } from '../support/postgres.ts';

/** The value below which `share` of the measurements fall (0.5 for the median, 0.95 for p95). */
export const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];

/**
 * The real server as production runs it (no background jobs), on a fresh embedded PostgreSQL in a
 * data folder of its own, which `close` removes. `env` adds or overrides settings.
 */
export async function startBenchServer(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pooled-fund-bench-'));
  // Running as root, PostgreSQL runs as another user, who must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const settings = { NODE_ENV: 'production', BANK_DETAILS_KEY: randomBytes(32).toString('base64'), HOST: '127.0.0.1', JOBS: 'false', LOG_LEVEL: 'warn', ...env };
  const config = loadConfig({ ...settings, PORT: String(await freePort()), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
  const running = await startServer(config, logger.child({}, { level: 'warn' }));
  return {
    running,
    /** The settings without the port and data folder, for a second app on the same database. */
    settings,
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
