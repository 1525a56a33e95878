import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { ensureDatabase, startEmbeddedPostgres } from './embedded.ts';
import { openOrm, type Orm } from './orm.ts';

export interface Database {
  orm: Orm;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE_NAME = 'pooled_fund';

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR when there is none. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.DATABASE_URL) {
    const orm = await openOrm(config.DATABASE_URL, logger);
    return { orm, url: config.DATABASE_URL, embedded: false, close: () => orm.close() };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.EMBEDDED_PG_PORT,
    logger,
  });
  try {
    await ensureDatabase(server.url('postgres'), EMBEDDED_DATABASE_NAME);
    const url = server.url(EMBEDDED_DATABASE_NAME);
    const orm = await openOrm(url, logger);
    return {
      orm,
      url,
      embedded: true,
      async close() {
        await orm.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
