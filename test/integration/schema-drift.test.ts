import { afterEach, describe, expect, it } from 'vitest';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import { createTestDatabase } from '../support/test-app.ts';

// The schema changes only through migrations. If an entity changes without one, the database that
// the migrations build no longer matches the entities, and the ORM would want to alter it.
let orm: Orm | null = null;
afterEach(async () => {
  await orm?.close();
  orm = null;
});

describe('entities and migrations', () => {
  it('agree: the migrated database needs no change to match the entities', async () => {
    orm = await openOrm(await createTestDatabase());
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  it('disagree as soon as the database drifts, so the check above can fail', async () => {
    orm = await openOrm(await createTestDatabase());
    await orm.em.getConnection().execute('ALTER TABLE fund DROP COLUMN panel_time');

    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });

    expect(sql).toBe('alter table "fund" add "panel_time" varchar(5) not null;\n');
  });
});
