import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { addMember, createApplication, createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const REQUEST = `mutation($id: ID!) { requestBankDetails(applicationId: $id) }`;
const SEE = `query($id: ID!) { fund(id: $id) { applications { reference bankDetails { accountName sortCode accountNumber } } } }`;

let app: TestApp;
let fund: Fund;
let application: Application;
beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
  application = await createApplication(app.em(), fund, { group: { contactEmail: 'treasurer@group.example', name: 'Eastbrook Pantry' } });
});
afterAll(() => app.close());

const form = (token: string, fields: Record<string, string>) =>
  fetch(`${app.url}/bank-details/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('bank details', () => {
  it('are asked for by a one-use link, stored encrypted, and shown to officers only masked', async () => {
    const officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER));
    expect((await officer.gql(REQUEST, { id: application.id })).data?.requestBankDetails).toBe(true);
    const [mail] = await app.em().getConnection().execute<{ subject: string; body: string }[]>(
      `SELECT subject, body FROM outbound_email WHERE kind = 'bank-details-request' AND to_address = 'treasurer@group.example'`,
    );
    expect(mail.subject).toBe(`Bank details for Eastbrook Pantry's grant (${application.reference})`);
    const token = /\/bank-details\/([\w-]+)/.exec(mail.body)![1];

    expect((await fetch(`${app.url}/bank-details/${token}`)).status).toBe(200);
    const bad = await form(token, { accountName: '', sortCode: '12-34', accountNumber: 'abc' });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    for (const message of ['Enter the name on the account.', 'Enter a valid sort code, like 30 94 87.', 'Enter a valid account number, like 00733445. It must be between 6 and 8 digits.']) {
      expect(page).toContain(message);
    }

    const good = await form(token, { accountName: 'Eastbrook Pantry', sortCode: '30-94-87', accountNumber: '733445' });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('sort code **-**-87, account number ****3445');
    expect((await form(token, { accountName: 'Someone Else', sortCode: '111111', accountNumber: '22222222' })).status).toBe(404);

    const [stored] = await app.em().getConnection().execute<Record<string, string>[]>('SELECT * FROM bank_details WHERE application_id = ?', [application.id]);
    expect(JSON.stringify(stored)).not.toMatch(/309487|00733445|Eastbrook Pantry/);

    const seen = await officer.gql(SEE, { id: fund.id });
    expect(seen.data?.fund.applications).toEqual([{ reference: application.reference, bankDetails: { accountName: 'Eastbrook Pantry', sortCode: '**-**-87', accountNumber: '****3445' } }]);
    for (const role of [FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST]) {
      const other = await app.signedInAs(await addMember(app.em(), fund, role));
      expect((await other.gql(SEE, { id: fund.id })).data?.fund.applications, role).toEqual([{ reference: application.reference, bankDetails: null }]);
    }
    const audit = await app.em().getConnection().execute(`SELECT action FROM audit_event WHERE entity_id = ? ORDER BY at`, [application.id]);
    expect(audit).toEqual([{ action: 'bank-details.requested' }, { action: 'bank-details.given' }]);
  });

  it('may be requested only by coordinators and funder officers of that fund', async () => {
    const panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
    expect((await panellist.gql(REQUEST, { id: application.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherFund = await createFund(app.em());
    const outsider = await app.signedInAs(await addMember(app.em(), otherFund, FundRole.COORDINATOR));
    expect((await outsider.gql(REQUEST, { id: application.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.client().gql(REQUEST, { id: application.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await panellist.gql(REQUEST, { id: 'not-an-id' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
