// Applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR.
import 'reflect-metadata';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/orm.ts';
import { logger } from '../server/logger.ts';

const database = await openDatabase(loadConfig(), logger);
try {
  const applied = await migrate(database.orm);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the database is up to date.');
} finally {
  await database.close();
}
