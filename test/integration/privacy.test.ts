import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { addMember, createApplication, createFund, createFunder } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const APPLICATIONS = `query($id: ID!) {
  fund(id: $id) {
    applications { reference contact { name email phone postcode } group { name } }
  }
}`;

let app: TestApp;
let fund: Fund;
let application: Application;
let withoutPhone: Application;
beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
  application = await createApplication(app.em(), fund, {
    submittedAt: new Date('2026-11-03T09:00:00Z'),
    group: { name: 'Alston Moor Pantry', contactName: 'Jo Bell', contactEmail: 'jo@alston-pantry.example', contactPhone: '07700 900456', postcode: 'CA9 3QZ' },
  });
  withoutPhone = await createApplication(app.em(), fund, {
    submittedAt: new Date('2026-11-02T09:00:00Z'),
    group: { name: 'Kirkby Stephen Lunch Club', contactName: 'Sam Ho', contactEmail: 'sam@lunch.example', contactPhone: undefined, postcode: undefined },
  });
});
afterAll(() => app.close());

const withContact = () => [
  {
    reference: application.reference,
    contact: { name: 'Jo Bell', email: 'jo@alston-pantry.example', phone: '07700 900456', postcode: 'CA9 3QZ' },
    group: { name: 'Alston Moor Pantry' },
  },
  {
    reference: withoutPhone.reference,
    contact: { name: 'Sam Ho', email: 'sam@lunch.example', phone: null, postcode: null },
    group: { name: 'Kirkby Stephen Lunch Club' },
  },
];

describe("a group's contact details", () => {
  it('are shown to the coordinator', async () => {
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const result = await (await app.signedInAs(coordinator)).gql(APPLICATIONS, { id: fund.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.fund.applications).toEqual(withContact());
  });

  it('are shown to a funder officer', async () => {
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });
    const result = await (await app.signedInAs(officer)).gql(APPLICATIONS, { id: fund.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.fund.applications).toEqual(withContact());
  });

  it("are shown to a panellist from a funder's staff", async () => {
    const panellist = await addMember(app.em(), fund, FundRole.PANELLIST, { funder: await createFunder(app.em()) });
    const result = await (await app.signedInAs(panellist)).gql(APPLICATIONS, { id: fund.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.fund.applications).toEqual(withContact());
  });

  it('are null for a community panellist, who still sees the group name', async () => {
    const communityPanellist = await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST);
    const client = await app.signedInAs(communityPanellist);

    const result = await client.gql(APPLICATIONS, { id: fund.id });

    expect(result.errors).toBeUndefined();
    expect(result.data?.fund.applications).toEqual([
      { reference: application.reference, contact: null, group: { name: 'Alston Moor Pantry' } },
      { reference: withoutPhone.reference, contact: null, group: { name: 'Kirkby Stephen Lunch Club' } },
    ]);
    // The raw answer holds none of the personal data, not even in errors or other fields.
    const raw = JSON.stringify(result);
    for (const secret of ['Jo Bell', 'jo@alston-pantry.example', '07700 900456', 'CA9 3QZ', 'Sam Ho']) expect(raw).not.toContain(secret);
  });

  it('are not reachable through the group, which has no contact fields', async () => {
    const communityPanellist = await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST);
    const result = await (await app.signedInAs(communityPanellist)).gql(`query($id: ID!) { fund(id: $id) { applications { group { contactEmail } } } }`, { id: fund.id });
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/^Cannot query field "contactEmail" on type "ApplicantGroup"\./);
  });
});

describe('applications in another fund', () => {
  it('cannot be read at all by a member of that other fund, even its coordinator', async () => {
    const otherFund = await createFund(app.em());
    const stranger = await addMember(app.em(), otherFund, FundRole.COORDINATOR);
    const client = await app.signedInAs(stranger);

    const result = await client.gql(APPLICATIONS, { id: fund.id });

    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      { message: 'That fund does not exist, or you cannot see it.', path: ['fund'], locations: [{ line: 2, column: 3 }], extensions: { code: 'NOT_FOUND' } },
    ]);
    expect(JSON.stringify(result)).not.toContain('Alston Moor Pantry');

    // Their own fund's list is empty: nothing leaks across funds through it either.
    const own = await client.gql(APPLICATIONS, { id: otherFund.id });
    expect(own.errors).toBeUndefined();
    expect(own.data?.fund.applications).toEqual([]);
    const throughMe = await client.gql(`{ me { memberships { fund { applications { reference } } } } }`);
    expect(throughMe.data?.me.memberships).toEqual([{ fund: { applications: [] } }]);
  });
});
