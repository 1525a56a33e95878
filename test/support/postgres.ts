import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../server/db/embedded.ts';
import { logger } from '../../server/logger.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One throwaway PostgreSQL for a whole test run, in a temporary folder. */
export async function startTestPostgres() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pooled-fund-test-'));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as another user that must enter it.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), logger: logger.child({}, { level: 'warn' }) });
  return { server, dataDir };
}

export function withDatabase(adminUrl: string, database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
