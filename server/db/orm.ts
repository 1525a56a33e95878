import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataloaderType } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrations } from '../../migrations/index.ts';
import type { Logger } from '../logger.ts';
import { entities } from './entities.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function ormOptions(clientUrl: string, logger?: Logger, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // Relations touched in lists load in one query per relation, not one per row.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    debug: false,
    logger: logger ? (message) => logger.debug({ orm: message }, 'orm') : undefined,
    pool: { min: 0, max: 10 },
    // The pack cache's triggers and their function are written by hand in a migration and tested by
    // behaviour (test/integration/pack-cache.test.ts); the schema comparison leaves them alone.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    migrations: {
      path: path.join(root, 'migrations'),
      pathTs: path.join(root, 'migrations'),
      migrationsList: migrations,
      snapshotName: '.snapshot-pooled-fund',
      snapshotOnMigrate: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
    },
    ...overrides,
  });
}

export type Orm = MikroORM;

export async function openOrm(clientUrl: string, logger?: Logger, overrides?: Partial<Options>): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, logger, overrides));
}

export async function migrate(orm: Orm) {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
