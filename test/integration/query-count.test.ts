import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// The coordinator's home page is the heaviest screen so far: a fund, its phases, money, counts and the
// latest applications with their groups and phases. Its cost must not grow with the number of rows.
const FUND_WEEK = `query($id: ID!) {
  fund(id: $id) {
    id name purpose isDemo myRoles
    openPhase { id name kind maxAwardPence }
    ledger { contributedPence reservedPence committedPence paidPence availablePence }
    nextPanel { meetsAt cutoffAt }
    applicationCounts { status count }
    duplicatesToReview
    applications(limit: 50) { id reference title status amountRequestedPence submittedAt assisted group { id name legalForm } phase { id name } contact { name } }
  }
}`;

let app: TestApp;
let statements: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ onQuery: (sql) => statements.push(sql) });
  await seedDemo(app.em());
});
afterAll(() => app.close());

it('loads the home page of the demo fund in a fixed number of SQL statements', async () => {
  const coordinator = await app.em().findOneOrFail(User, { email: 'coordinator@demo.pooled-fund.example' });
  const client = await app.signedInAs(coordinator);
  const fundId = (await client.gql(`{ funds { id } }`)).data!.funds[0].id;

  statements = [];
  const result = await client.gql(FUND_WEEK, { id: fundId });
  expect(result.errors).toBeUndefined();
  expect(result.data!.fund.applications).toHaveLength(50);
  // session + memberships (the viewer), the fund, its phases, money, counts, duplicate flags to
  // review (counted, not loaded), applications with groups and phases joined: 50 rows, and still no
  // statement per row.
  expect(statements.length).toBe(8);
});
