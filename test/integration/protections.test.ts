import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { addMember, createContribution, createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface RawAnswer {
  status: number;
  text: string;
  body: Record<string, unknown>;
  headers: Headers;
}

/** Every answer any test here receives, to check at the end that none gives away internals. */
const answers: { label: string; text: string }[] = [];

async function read(label: string, response: Response): Promise<RawAnswer> {
  const text = await response.text();
  answers.push({ label, text });
  return { status: response.status, text, body: JSON.parse(text), headers: response.headers };
}

const post = (label: string, body: string, headers: Record<string, string> = {}, base = app.url) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((response) => read(label, response));
const query = (label: string, text: string, base = app.url) => post(label, JSON.stringify({ query: text }), {}, base);

describe('query limits', () => {
  it('refuses a query nested deeper than 8 levels, with no data', async () => {
    // The deepest real path (6 levels), padded with inline fragments to 9.
    const answer = await query('too deep', `{ me { memberships { fund { contributions { restrictedToPhase { ... on Phase { ... on Phase { ... on Phase { name } } } } } } } } }`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [{ message: 'Syntax Error: Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('refuses a deep cycle through the schema (__type.fields.type ...), with no data', async () => {
    const answer = await query('deep cycle', `{ __type(name: "Fund") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }`);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors).toContainEqual({ message: 'Syntax Error: Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('still answers the deepest real query the schema allows', async () => {
    const fund = await createFund(app.em());
    await createContribution(app.em(), fund, { amountPence: 1_000_00 });
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const client = await app.signedInAs(coordinator);

    const result = await client.gql(`{ me { memberships { fund { contributions { amountPence restrictedToPhase { name } } } } } }`);

    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.memberships).toEqual([{ fund: { contributions: [{ amountPence: 100_000, restrictedToPhase: null }] } }]);
  });

  it('refuses more than 15 aliases, with no data, and allows 15', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { user { email } }`).join(' ')} }`;

    const refused = await query('16 aliases', aliases(16));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errors: [{ message: 'Syntax Error: Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });

    const allowed = await query('15 aliases', aliases(15));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ data: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`a${i}`, null])) });
  });
});

describe('requests that cannot be read', () => {
  it('answers malformed JSON with a 400 and a plain message', async () => {
    const answer = await post('malformed JSON', '{"query": "{ me');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual({ errors: [{ message: 'The request could not be read.', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('answers a body over the size limit with a 413 and a plain message', async () => {
    const answer = await post('too large', JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(250_000) }));
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ errors: [{ message: 'The request could not be read.', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('refuses text PostgreSQL cannot store, naming the variable, before anything reads it', async () => {
    const message = 'Text cannot contain the null character (U+0000) or broken characters. Remove them and try again.';
    const nul = await post('null character', JSON.stringify({ query: 'mutation($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) { message } }', variables: { input: { email: 'a\u0000@example.org' } } }));
    expect(nul.status).toBe(400);
    expect(nul.body).toEqual({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message }] } }] });
    const surrogate = await post('lone surrogate', JSON.stringify({ query: 'query($code: String!) { area(code: $code) { code } }', variables: { code: 'E01\uD800' } }));
    expect(surrogate.status).toBe(400);
    expect(surrogate.body).toEqual({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code', message }] } }] });
  });

  it('names an unknown field without any internals', async () => {
    const answer = await query('unknown field', '{ fundz }');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'Cannot query field "fundz" on type "Query". Did you mean "fund" or "funds"?',
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });
});

describe('cross-site request forgery', () => {
  const url = (base: string) => `${base}/graphql?query=${encodeURIComponent('{__typename}')}`;

  it('refuses a simple GET without a preflight header', async () => {
    const answer = await read('CSRF GET', await fetch(url(app.url)));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message:
            "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n",
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('refuses a simple text/plain POST, as a form on another site could send', async () => {
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    const answer = await read('CSRF POST', response);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect((answer.body.errors as { extensions: unknown }[])[0].extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('answers the same GET when the preflight header is there', async () => {
    const answer = await read('GET with preflight', await fetch(url(app.url), { headers: { 'apollo-require-preflight': 'true' } }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('unexpected failures', () => {
  it('reach the client as a generic message, without SQL, stack or path', async () => {
    const broken = await startTestApp();
    try {
      const fund = await createFund(broken.em());
      const coordinator = await addMember(broken.em(), fund, FundRole.COORDINATOR);
      const client = await broken.signedInAs(coordinator);
      // A database that has lost a table: the ledger query fails inside PostgreSQL.
      await broken.em().getConnection().execute('DROP TABLE contribution CASCADE');

      const response = await fetch(`${broken.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: client.cookie! },
        body: JSON.stringify({ query: `query($id: ID!) { fund(id: $id) { name ledger { contributedPence } } }`, variables: { id: fund.id } }),
      });
      const answer = await read('internal error', response);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Something went wrong on our side. Try again, and tell us if it keeps happening.',
            path: ['fund', 'ledger'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
      expect(answer.text).not.toMatch(/contribution|relation|SELECT/i);
    } finally {
      await broken.close();
    }
  });
});

describe('the health check', () => {
  it('reports the server and database as ok', async () => {
    const answer = await read('healthz', await fetch(`${app.url}/healthz`));
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{"status":"ok","database":"ok"}');
  });
});

describe('security headers', () => {
  it('send a strict Content-Security-Policy on pages and the API alike', async () => {
    for (const path of ['/', '/healthz', '/graphql?query=%7B__typename%7D']) {
      const response = await fetch(`${app.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      await read(`headers ${path}`, response).catch(() => undefined);
      const policy = response.headers.get('content-security-policy') ?? '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(policy.split(';')).toContain(directive);
      }
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('in production', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => production.close());

  const INTROSPECTION_REFUSED = {
    errors: [
      {
        message:
          'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ],
  };

  it('refuses introspection, which works outside production', async () => {
    const schema = await query('production __schema', '{ __schema { queryType { name } } }', production.url);
    expect(schema.status).toBe(400);
    expect(schema.body).toEqual(INTROSPECTION_REFUSED);
    const type = await query('production __type', '{ __type(name: "Fund") { name } }', production.url);
    expect(type.status).toBe(400);
    expect(type.body).toEqual(INTROSPECTION_REFUSED);

    const development = await query('test __schema', '{ __schema { queryType { name } } }');
    expect(development.status).toBe(200);
    expect(development.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('hides field suggestions, which would map the schema', async () => {
    const answer = await query('production unknown field', '{ fundz }', production.url);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('funds');
    expect((answer.body.errors as { message: string }[])[0].message).toBe('Cannot query field "fundz" on type "Query". [Suggestion hidden]?');
  });
});

describe('every answer above', () => {
  it('holds no stack trace and no file path', () => {
    // Runs last in this file (tests run in order), over every answer the tests before it received.
    expect(answers.map((answer) => answer.label)).toEqual(
      expect.arrayContaining(['too deep', 'deep cycle', '16 aliases', 'malformed JSON', 'too large', 'unknown field', 'CSRF GET', 'internal error', 'headers /', 'production __schema']),
    );
    for (const { label, text } of answers) {
      expect(text, label).not.toMatch(/stack/i);
      expect(text, label).not.toContain('/work/');
      expect(text, label).not.toContain(process.cwd());
      expect(text, label).not.toContain('node_modules');
    }
  });
});
