import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import 'reflect-metadata';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { loadConfig } from '../../server/config.ts';
import { openOrm } from '../../server/db/orm.ts';
import { logger } from '../../server/logger.ts';
import { BankVault } from '../../server/modules/bank/bank-vault.ts';
import { Mailer } from '../../server/modules/notifications/mailer.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { TEMPLATE_DATABASE } from '../integration/global-setup.ts';
import { withDatabase } from './postgres.ts';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[] | undefined;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie between requests, as a browser would. */
export class ApiClient {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const body = (await response.json()) as { data?: T; errors?: GraphQLResult['errors'] };
    return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
  }
}

export const SIGN_IN = `mutation SignIn($token: String!) { signIn(input: { token: $token }) { user { id email } } }`;

export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

/** The real Express app and GraphQL API on a fresh copy of the migrated database, on a free port. */
export async function startTestApp(options: { mailer?: Mailer; env?: Record<string, string>; onQuery?: (sql: string) => void } = {}) {
  const databaseUrl = await createTestDatabase();
  const quiet = logger.child({}, { level: 'silent' });
  const orm = await openOrm(databaseUrl, undefined, {
    onQuery: (sql) => {
      options.onQuery?.(sql);
      return sql;
    },
  });
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, DEMO: 'false', JOBS: 'false', ...options.env });
  const mailer = options.mailer ?? new Mailer(null, config.MAIL_FROM);
  const vault = BankVault.withKey(randomBytes(32));
  const { app, apollo } = await createApp({ orm, config, logger: quiet, mailer, vault });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    orm,
    databaseUrl,
    mailer,
    vault,
    em: () => orm.em.fork(),
    client: () => new ApiClient(url),
    /** Signs a person in the way the product does: a link is issued, and the link's token is posted. */
    async signedInAs(user: User): Promise<ApiClient> {
      const link = await issueSignInLink(orm.em.fork(), user, url);
      const client = new ApiClient(url);
      const result = await client.gql(SIGN_IN, { token: new URL(link).searchParams.get('token') });
      if (result.errors) throw new Error(`sign-in failed: ${result.errors[0].message}`);
      return client;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
      await orm.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
