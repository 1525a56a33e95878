import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { FundInvite } from '../../server/modules/invites/fund-invite.entity.ts';
import { addMember, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.ts';

const INVITE = `mutation($input: InviteToFundInput!) { inviteToFund(input: $input) { id email name role state expiresAt funder { name kind } invitedBy { email } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvite(id: $id) { email state revokedAt } }`;
const PREVIEW = `query($token: String!) { invite(token: $token) { fundName name email role funderName invitedByName state } }`;
const ACCEPT = `mutation($token: String!) { acceptInvite(input: { token: $token }) { fundId fundName role } }`;
const PEOPLE = `query($id: ID!) { fund(id: $id) { members { role user { email name } funder { name } } invites { email role state funder { name } } } }`;
const ME = `{ me { user { email name } memberships { role fund { id } funder { name } } } }`;
const AUDIT = `query($id: ID!) { fund(id: $id) { auditLog { action entityType actor { email } changes } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function emailTo(address: string) {
  const rows = await app.em().getConnection().execute<{ subject: string; body: string; kind: string; status: string }[]>(
    'SELECT subject, body, kind, status FROM outbound_email WHERE to_address = ? ORDER BY created_at DESC',
    [address],
  );
  return rows;
}

const tokenIn = (body: string) => /\/invite\?token=([A-Za-z0-9_-]+)/.exec(body)![1];

async function fundWithCoordinator(name = 'Coordinator Person') {
  const fund = await createFund(app.em(), { name: `Invite fund ${Math.random().toString(36).slice(2, 8)}` });
  const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR, { user: await createUser(app.em(), { name }) });
  return { fund, coordinator, client: await app.signedInAs(coordinator) };
}

describe('inviting a person', () => {
  it('emails a one-use link that adds a new person as officer of a new funder and signs them in', async () => {
    const { fund, coordinator, client } = await fundWithCoordinator('Sam Coordinator');

    const sent = await client.gql(INVITE, {
      input: { fundId: fund.id, email: 'Robin@Council.Example', name: 'Robin Ashworth', role: 'FUNDER_OFFICER', newFunderName: 'Testshire County Council', newFunderKind: 'LOCAL_AUTHORITY' },
    });
    expect(sent.errors).toBeUndefined();
    const invite = sent.data!.inviteToFund;
    expect(invite).toMatchObject({
      email: 'robin@council.example',
      name: 'Robin Ashworth',
      role: 'FUNDER_OFFICER',
      state: 'PENDING',
      funder: { name: 'Testshire County Council', kind: 'LOCAL_AUTHORITY' },
      invitedBy: { email: coordinator.email },
    });
    const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const [email] = await emailTo('robin@council.example');
    expect(email).toMatchObject({ kind: 'fund-invite', status: 'KEPT', subject: `You are invited to ${fund.name}` });
    const token = tokenIn(email.body);
    expect(email.body).toBe(
      [
        'Hello Robin Ashworth,',
        '',
        `Sam Coordinator has invited you to join ${fund.name} on the pooled fund portal as funder officer for Testshire County Council.`,
        '',
        'Use this link to accept and sign in:',
        `http://localhost:4000/invite?token=${token}`,
        '',
        'The link works once and expires in 7 days. There is no password: next time, ask for a sign-in link with this address.',
        'If you were not expecting this, you can ignore this email.',
      ].join('\n'),
    );
    // Only the hash of the token is kept.
    const [stored] = await app.em().getConnection().execute('SELECT token_hash FROM fund_invite WHERE id = ?', [invite.id]);
    expect(stored).toEqual({ token_hash: hashToken(token) });

    // Opening the link shows who is invited to what, and spends nothing.
    const robin = app.client();
    const preview = await robin.gql(PREVIEW, { token });
    expect(preview.data?.invite).toEqual({
      fundName: fund.name,
      name: 'Robin Ashworth',
      email: 'robin@council.example',
      role: 'FUNDER_OFFICER',
      funderName: 'Testshire County Council',
      invitedByName: 'Sam Coordinator',
      state: 'PENDING',
    });

    const accepted = await robin.gql(ACCEPT, { token });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvite).toEqual({ fundId: fund.id, fundName: fund.name, role: 'FUNDER_OFFICER' });
    expect((await robin.gql(ME)).data?.me).toEqual({
      user: { email: 'robin@council.example', name: 'Robin Ashworth' },
      memberships: [{ role: 'FUNDER_OFFICER', fund: { id: fund.id }, funder: { name: 'Testshire County Council' } }],
    });

    const again = await app.client().gql(ACCEPT, { token });
    expect(again.data).toBeNull();
    expect(again.errors?.[0]).toMatchObject({
      message: 'This invite has expired, been withdrawn or already been used. Ask the fund coordinator for a new one.',
      extensions: { code: 'INVITE_LINK_INVALID' },
    });
    expect((await robin.gql(PREVIEW, { token })).data?.invite.state).toBe('ACCEPTED');

    const people = await client.gql(PEOPLE, { id: fund.id });
    expect(people.errors).toBeUndefined();
    expect(people.data?.fund.invites).toEqual([{ email: 'robin@council.example', role: 'FUNDER_OFFICER', state: 'ACCEPTED', funder: { name: 'Testshire County Council' } }]);
    expect(people.data?.fund.members).toEqual([
      { role: 'FUNDER_OFFICER', user: { email: 'robin@council.example', name: 'Robin Ashworth' }, funder: { name: 'Testshire County Council' } },
      { role: 'COORDINATOR', user: { email: coordinator.email, name: 'Sam Coordinator' }, funder: null },
    ]);

    const audit = (await client.gql(AUDIT, { id: fund.id })).data?.fund.auditLog;
    expect(audit.map((event: { action: string; actor: { email: string } | null }) => [event.action, event.actor?.email ?? null])).toEqual([
      ['invite.accepted', 'robin@council.example'],
      ['membership.added', 'robin@council.example'],
      ['user.created', null],
      ['invite.sent', coordinator.email],
      ['funder.added', coordinator.email],
    ]);
    expect(audit[3].changes).toEqual({ email: [null, 'robin@council.example'], role: [null, 'FUNDER_OFFICER'], funder: [null, 'Testshire County Council'] });
  });

  it('adds a role to a person who already has an account, keeping their name, and ends the session of whoever was signed in', async () => {
    const { fund, client } = await fundWithCoordinator();
    const funder = await createFunder(app.em(), { name: 'Fellside Trust' });
    await createContribution(app.em(), fund, { funder });
    const existing = await createUser(app.em(), { name: 'Kit Kendal', email: 'kit@fellside.example' });
    await addMember(app.em(), await createFund(app.em()), FundRole.PANELLIST, { user: existing });

    const sent = await client.gql(INVITE, { input: { fundId: fund.id, email: 'kit@fellside.example', name: 'Kit K', role: 'PANELLIST', funderId: funder.id } });
    expect(sent.errors).toBeUndefined();
    const token = tokenIn((await emailTo('kit@fellside.example'))[0].body);

    // Accepted in a browser where someone else is signed in: the invite signs Kit in instead.
    const browser = await app.signedInAs(await addMember(app.em(), await createFund(app.em()), FundRole.PANELLIST));
    const accepted = await browser.gql(ACCEPT, { token });
    expect(accepted.errors).toBeUndefined();
    const me = (await browser.gql(ME)).data?.me;
    expect(me.user).toEqual({ email: 'kit@fellside.example', name: 'Kit Kendal' });
    expect(me.memberships.filter((membership: { fund: { id: string } }) => membership.fund.id === fund.id)).toEqual([
      { role: 'PANELLIST', fund: { id: fund.id }, funder: { name: 'Fellside Trust' } },
    ]);
    expect(me.memberships).toHaveLength(2);
  });

  it('lets only one of two people using the same link at the same moment succeed', async () => {
    const { fund, client } = await fundWithCoordinator();
    await client.gql(INVITE, { input: { fundId: fund.id, email: 'race@test.example', name: 'Race Person', role: 'COMMUNITY_PANELLIST' } });
    const token = tokenIn((await emailTo('race@test.example'))[0].body);

    const results = await Promise.all([app.client().gql(ACCEPT, { token }), app.client().gql(ACCEPT, { token })]);

    expect(results.map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['INVITE_LINK_INVALID', 'OK']);
    const [row] = await app.em().getConnection().execute(
      `SELECT count(*)::int AS n FROM fund_membership m JOIN app_user u ON u.id = m.user_id WHERE m.fund_id = ? AND u.email = 'race@test.example'`,
      [fund.id],
    );
    expect(row).toEqual({ n: 1 });
  });
});

describe('withdrawn and expired invites', () => {
  it('stops a withdrawn invite working, records who withdrew it, and refuses to withdraw an accepted one', async () => {
    const { fund, coordinator, client } = await fundWithCoordinator();
    const sent = await client.gql(INVITE, { input: { fundId: fund.id, email: 'withdrawn@test.example', name: 'Wyn Drawn', role: 'PANELLIST' } });
    const token = tokenIn((await emailTo('withdrawn@test.example'))[0].body);

    const revoked = await client.gql(REVOKE, { id: sent.data!.inviteToFund.id });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeInvite).toMatchObject({ email: 'withdrawn@test.example', state: 'REVOKED' });
    expect((await app.client().gql(ACCEPT, { token })).errors?.[0].extensions?.code).toBe('INVITE_LINK_INVALID');
    expect((await app.client().gql(PREVIEW, { token })).data?.invite.state).toBe('REVOKED');
    const audit = (await client.gql(AUDIT, { id: fund.id })).data?.fund.auditLog;
    expect(audit[0]).toEqual({ action: 'invite.revoked', entityType: 'FundInvite', actor: { email: coordinator.email }, changes: { email: ['withdrawn@test.example', null], role: ['PANELLIST', null] } });

    // Withdrawn, it no longer blocks a fresh invite to the same address.
    const resent = await client.gql(INVITE, { input: { fundId: fund.id, email: 'withdrawn@test.example', name: 'Wyn Drawn', role: 'PANELLIST' } });
    expect(resent.errors).toBeUndefined();
    await app.client().gql(ACCEPT, { token: tokenIn((await emailTo('withdrawn@test.example'))[0].body) });
    const late = await client.gql(REVOKE, { id: resent.data!.inviteToFund.id });
    expect(late.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', message: 'withdrawn@test.example has already accepted this invite.' }] });
  });

  it('shows an invite past its date as expired, and it no longer works', async () => {
    const { fund, client } = await fundWithCoordinator();
    const sent = await client.gql(INVITE, { input: { fundId: fund.id, email: 'late@test.example', name: 'Lee Late', role: 'PANELLIST' } });
    const token = tokenIn((await emailTo('late@test.example'))[0].body);
    await app.em().getConnection().execute(`UPDATE fund_invite SET expires_at = now() - interval '1 minute' WHERE id = ?`, [sent.data!.inviteToFund.id]);

    expect((await app.client().gql(ACCEPT, { token })).errors?.[0].extensions?.code).toBe('INVITE_LINK_INVALID');
    expect((await client.gql(PEOPLE, { id: fund.id })).data?.fund.invites).toEqual([{ email: 'late@test.example', role: 'PANELLIST', state: 'EXPIRED', funder: null }]);
  });

  it('knows nothing of a token that was never issued', async () => {
    expect((await app.client().gql(PREVIEW, { token: 'x'.repeat(43) })).data).toEqual({ invite: null });
    expect((await app.client().gql(ACCEPT, { token: 'x'.repeat(43) })).errors?.[0].extensions?.code).toBe('INVITE_LINK_INVALID');
  });
});

describe('who may invite', () => {
  let fund: Fund;
  let officer: ApiClient;
  let panellist: ApiClient;
  let inviteId: string;
  beforeAll(async () => {
    const setUp = await fundWithCoordinator();
    fund = setUp.fund;
    inviteId = (await setUp.client.gql(INVITE, { input: { fundId: fund.id, email: 'someone@test.example', name: 'Some One', role: 'PANELLIST' } })).data!.inviteToFund.id;
    officer = await app.signedInAs(await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) }));
    panellist = await app.signedInAs(await addMember(app.em(), fund, FundRole.PANELLIST));
  });

  it('refuses funder officers and panellists of the fund with FORBIDDEN, and sends nothing', async () => {
    for (const client of [officer, panellist]) {
      const refused = await client.gql(INVITE, { input: { fundId: fund.id, email: 'friend@test.example', name: 'A Friend', role: 'COORDINATOR' } });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message: 'You do not have permission to change this fund.', extensions: { code: 'FORBIDDEN' } });
      expect((await client.gql(REVOKE, { id: inviteId })).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
      const people = await client.gql(PEOPLE, { id: fund.id });
      expect(people.data).toBeNull();
      expect(people.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await emailTo('friend@test.example')).toEqual([]);
    const [row] = await app.em().getConnection().execute(`SELECT state FROM (SELECT CASE WHEN revoked_at IS NULL THEN 'PENDING' ELSE 'REVOKED' END AS state FROM fund_invite WHERE id = ?) s`, [inviteId]);
    expect(row).toEqual({ state: 'PENDING' });
  });

  it('shows an officer or coordinator of another fund nothing of this one', async () => {
    const otherFund = await createFund(app.em());
    const strangers = [
      await app.signedInAs(await addMember(app.em(), otherFund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) })),
      await app.signedInAs(await addMember(app.em(), otherFund, FundRole.COORDINATOR)),
    ];
    for (const stranger of strangers) {
      expect((await stranger.gql(PEOPLE, { id: fund.id })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
      expect((await stranger.gql(INVITE, { input: { fundId: fund.id, email: 'friend@test.example', name: 'A Friend', role: 'PANELLIST' } })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
      expect((await stranger.gql(REVOKE, { id: inviteId })).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    }
  });
});

describe('what an invite must say', () => {
  it('names each problem: funder officers need a funder, community panellists have none, no repeats', async () => {
    const { fund, coordinator, client } = await fundWithCoordinator();
    const elsewhere = await createFunder(app.em(), { name: 'Not In This Fund' });

    const noFunder = await client.gql(INVITE, { input: { fundId: fund.id, email: 'officer@test.example', name: 'Oli Officer', role: 'FUNDER_OFFICER' } });
    expect(noFunder.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'funderId', message: 'Choose a funder, or name a new one.' }] });

    const foreignFunder = await client.gql(INVITE, { input: { fundId: fund.id, email: 'officer@test.example', name: 'Oli Officer', role: 'FUNDER_OFFICER', funderId: elsewhere.id } });
    expect(foreignFunder.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'funderId', message: 'Choose one of the funders in this fund.' }] });

    const community = await client.gql(INVITE, { input: { fundId: fund.id, email: 'c@test.example', name: 'Cal Community', role: 'COMMUNITY_PANELLIST', newFunderName: 'A Trust', newFunderKind: 'CHARITABLE_TRUST' } });
    expect(community.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'funderId', message: 'Community panellists take part as community members, not for a funder.' }] });

    const self = await client.gql(INVITE, { input: { fundId: fund.id, email: coordinator.email.toUpperCase(), name: 'Me Again', role: 'COORDINATOR' } });
    expect(self.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: `${coordinator.email} is already a coordinator in this fund.` }] });

    expect((await client.gql(INVITE, { input: { fundId: fund.id, email: 'twice@test.example', name: 'Tw Ice', role: 'PANELLIST' } })).errors).toBeUndefined();
    const twice = await client.gql(INVITE, { input: { fundId: fund.id, email: 'twice@test.example', name: 'Tw Ice', role: 'PANELLIST' } });
    expect(twice.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'email', message: 'An invite for twice@test.example as panellist is already waiting. Withdraw it first to send a new one.' }],
    });

    const malformed = await client.gql(INVITE, { input: { fundId: fund.id, email: 'not-an-address', name: 'X', role: 'PANELLIST' } });
    expect(malformed.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'email', message: 'Enter an email address in the correct format, like name@example.org.' },
        { field: 'name', message: "Enter the person's name in 2 to 120 characters." },
      ],
    });
    const [row] = await app.em().getConnection().execute(`SELECT count(*)::int AS n FROM funder WHERE name = 'A Trust'`);
    expect(row).toEqual({ n: 0 });
  });

  it('caps the invites a fund sends in an hour', async () => {
    const { fund, coordinator, client } = await fundWithCoordinator();
    const em = app.em();
    for (let i = 0; i < 30; i++) {
      em.create(FundInvite, { fund: fund.id, email: `bulk${i}@test.example`, name: 'Bulk', role: FundRole.PANELLIST, tokenHash: hashToken(`bulk-${fund.id}-${i}`), expiresAt: new Date(Date.now() + 86_400_000), invitedBy: coordinator.id });
    }
    await em.flush();

    const refused = await client.gql(INVITE, { input: { fundId: fund.id, email: 'one-more@test.example', name: 'One More', role: 'PANELLIST' } });

    expect(refused.errors?.[0]).toMatchObject({ message: 'Too many requests. Wait 60 minutes and try again.', extensions: { code: 'RATE_LIMITED' } });
    expect(await emailTo('one-more@test.example')).toEqual([]);
  });
});
