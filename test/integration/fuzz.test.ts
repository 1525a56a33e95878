// Bad input, thousands of times: every query and mutation in the schema, called by someone signed out
// and by a fund's coordinator, with arguments built from the schema's own types out of random and
// hostile values (empty, huge, control characters, lone surrogates, injections, impossible numbers and
// dates, missing required fields, wrong enum values, ids of real records of every kind and of none).
// Whatever is sent, the answer is never a 500, never carries a stack trace, never is the generic
// "something went wrong" of an unexpected error, and every refusal has a code and a message.
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isCompositeType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors.ts';
import { FundRole } from '../../shared/domain.ts';
import { createAward } from '../factories/award.ts';
import { addMember, createApplication, createContribution, createFund, createFunder } from '../factories/index.ts';
import { type ApiClient, startTestApp, type TestApp } from '../support/test-app.ts';

const REQUESTS = 2_000;
const schema = buildSchema(readFileSync(new URL('../../shared/schema.graphql', import.meta.url), 'utf8'));

/** Signing out would leave the rest of the run signed out; it takes no arguments to fuzz anyway. */
const LEFT_OUT = new Set(['signOut', 'signOutEverywhere']);
const operations = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
].filter(({ field }) => !LEFT_OUT.has(field.name));

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Egnp.exe',
  "'; DROP TABLE fund; --",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '=HYPERLINK("http://example.com")',
  '%s%s%n',
  '\r\n\r\n',
  '١٢٣',
  '🙂'.repeat(500),
  'x'.repeat(20_000),
  'null',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
  ' e05009001 ',
  '00000000-0000-0000-0000-000000000000',
];

let app: TestApp;
let clients: { who: string; client: ApiClient }[];
/** Ids of real records of every kind, and real codes, so that some calls get past the first check. */
let realIds: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  const fund = await createFund(em, { name: 'Fuzzdale Fund' });
  const funder = await createFunder(em, { name: 'Fuzzdale Trust' });
  const contribution = await createContribution(em, fund, { funder, amountPence: 100_000_00 });
  await createAward(em, fund, { amountPence: 1_000_00, from: contribution, grant: true });
  await createApplication(em, fund);
  const coordinator = await addMember(em, fund, FundRole.COORDINATOR);
  clients = [
    { who: 'signed out', client: app.client() },
    { who: 'coordinator', client: await app.signedInAs(coordinator) },
  ];
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `SELECT id::text FROM fund UNION ALL SELECT id::text FROM phase UNION ALL SELECT id::text FROM funder
     UNION ALL SELECT id::text FROM contribution UNION ALL SELECT id::text FROM application UNION ALL SELECT id::text FROM decision
     UNION ALL SELECT id::text FROM fund_grant UNION ALL SELECT id::text FROM panel_meeting UNION ALL SELECT id::text FROM app_user
     UNION ALL SELECT id::text FROM priority UNION ALL SELECT reference FROM application`,
  );
  realIds = rows.map((row) => row.id);
});
afterAll(() => app.close());

function scalarValue(type: GraphQLScalarType): fc.Arbitrary<unknown> {
  const hostile = fc.constantFrom(...HOSTILE_STRINGS);
  switch (type.name) {
    case 'ID':
      return fc.oneof(fc.constantFrom(...realIds), fc.uuid(), hostile);
    case 'Int':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 2 ** 40, 1.5, '12'));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.01, 1e308, '1.5'));
    case 'Boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 0));
    case 'DateTimeISO':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), hostile);
    case 'JSONObject':
      return fc.oneof(fc.object({ maxDepth: 2 }), fc.constantFrom([], 'text'));
    default:
      return fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...realIds));
  }
}

/** A value for an argument or field of `type`: mostly of the type, now and then null where it may not be, or of another shape. */
function valueOf(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) return fc.oneof({ weight: 19, arbitrary: valueOf(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const value = (() => {
    if (type instanceof GraphQLList) {
      return fc.oneof(
        { weight: 9, arbitrary: fc.array(valueOf(type.ofType, depth + 1), { maxLength: 4 }) },
        { weight: 1, arbitrary: valueOf(type.ofType, depth + 1).map((one) => Array.from({ length: 300 }, () => one)) },
      );
    }
    if (type instanceof GraphQLEnumType) return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((entry) => entry.name)) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
    if (type instanceof GraphQLInputObjectType) {
      if (depth > 4) return fc.constant({});
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, depth + 1)])), { requiredKeys: fields.filter((field) => field.type instanceof GraphQLNonNull).map((field) => field.name) });
    }
    return scalarValue(type as GraphQLScalarType);
  })();
  return fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

/** The operation calling one field with every argument as a variable, selecting only __typename. */
function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

const STACK_TRACE = /\bat [\w.<>]+ \(?[^()\s]+:\d+:\d+\)?|stacktrace/i;

describe('bad input', () => {
  it(`never gets a 500, a stack trace or an unexpected error, in ${REQUESTS.toLocaleString('en-GB')} requests to every operation`, async () => {
    const called = new Set<string>();
    const call = fc
      .tuple(fc.constantFrom(...operations), fc.constantFrom(...clients))
      .chain(([operation, caller]) =>
        fc.record({
          operation: fc.constant(operation),
          caller: fc.constant(caller),
          variables: fc.record(Object.fromEntries(operation.field.args.map((arg) => [arg.name, valueOf(arg.type, 0)]))),
        }),
      );
    await fc.assert(
      fc.asyncProperty(call, async ({ operation, caller, variables }) => {
        called.add(operation.field.name);
        const response = await fetch(`${caller.client.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(caller.client.cookie ? { cookie: caller.client.cookie } : {}) },
          body: JSON.stringify({ query: documentFor(operation.kind, operation.field), variables }),
        });
        const text = await response.text();
        const what = `${operation.field.name} as ${caller.who}: ${response.status} ${text.slice(0, 300)}`;
        expect(response.status, what).toBeLessThan(500);
        expect(text, what).not.toMatch(STACK_TRACE);
        const body = JSON.parse(text) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
        for (const error of body.errors ?? []) {
          expect(typeof error.message === 'string' && error.message.length > 0, what).toBe(true);
          expect(typeof error.extensions?.code, what).toBe('string');
          expect(error.extensions?.code, what).not.toBe(ErrorCode.Internal);
        }
      }),
      { numRuns: REQUESTS, seed: 8_2026, endOnFailure: true },
    );
    // Every operation was called.
    expect([...operations.map(({ field }) => field.name)].filter((name) => !called.has(name))).toEqual([]);
  }, 600_000);
});
