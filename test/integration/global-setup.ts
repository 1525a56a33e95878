import pg from 'pg';
import type { TestProject } from 'vitest/node';
import 'reflect-metadata';
import { migrate, openOrm } from '../../server/db/orm.ts';
import { startTestPostgres, withDatabase } from '../support/postgres.ts';

export const TEMPLATE_DATABASE = 'pooled_fund_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/**
 * One PostgreSQL for the run; migrations run once into a template database, and each test file
 * copies it (CREATE DATABASE ... TEMPLATE), which is far quicker than migrating per file.
 */
export default async function setup(project: TestProject) {
  const { server } = await startTestPostgres();
  const adminUrl = server.url('postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const orm = await openOrm(withDatabase(adminUrl, TEMPLATE_DATABASE));
  await migrate(orm);
  await orm.close();

  project.provide('postgresAdminUrl', adminUrl);
  return async () => {
    await server.stop();
  };
}
