import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { SIGN_IN_REQUESTS_PER_EMAIL } from '../../shared/limits.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { addMember, createFund, createUser } from '../factories/index.ts';
import { SIGN_IN, startTestApp, type TestApp } from '../support/test-app.ts';

const REQUEST = `mutation Request($email: String!) { requestSignInLink(input: { email: $email }) { message } }`;
const ME = `{ me { user { email } memberships { role fund { name } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function outboxFor(address: string) {
  return app.em().getConnection().execute<{ body: string; status: string; kind: string }[]>(
    'SELECT body, status, kind FROM outbound_email WHERE to_address = ? ORDER BY created_at',
    [address],
  );
}

const tokenFrom = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)![1];

describe('sign-in links', () => {
  it('gives the same answer for known and unknown addresses, and emails only the known one', async () => {
    const user = await createUser(app.em(), { email: 'known@fund.example' });
    const known = await app.client().gql(REQUEST, { email: 'Known@Fund.EXAMPLE' });
    const unknown = await app.client().gql(REQUEST, { email: 'nobody@fund.example' });

    expect(known.data).toEqual(unknown.data);
    expect(known.data?.requestSignInLink.message).toBe('If that address has an account, a sign-in link is on its way. It expires in 10 minutes.');
    const mail = await outboxFor(user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ status: 'KEPT', kind: 'sign-in-link' });
    expect(await outboxFor('nobody@fund.example')).toHaveLength(0);
  });

  it('stores only a hash of the token, and the link works once', async () => {
    const user = await createUser(app.em());
    await app.client().gql(REQUEST, { email: user.email });
    const token = tokenFrom((await outboxFor(user.email))[0].body);

    const stored = await app.em().getConnection().execute<{ token_hash: string }[]>('SELECT token_hash FROM sign_in_token WHERE user_id = ?', [user.id]);
    expect(stored.map((row) => row.token_hash)).toEqual([hashToken(token)]);

    const browser = app.client();
    const first = await browser.gql(SIGN_IN, { token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.signIn.user.email).toBe(user.email);
    expect((await browser.gql(ME)).data?.me.user.email).toBe(user.email);

    const again = await app.client().gql(SIGN_IN, { token });
    expect(again.errors?.[0].extensions?.code).toBe('SIGN_IN_LINK_INVALID');
  });

  it('refuses an expired link', async () => {
    const user = await createUser(app.em());
    await app.client().gql(REQUEST, { email: user.email });
    const token = tokenFrom((await outboxFor(user.email))[0].body);
    await app.em().getConnection().execute(`UPDATE sign_in_token SET expires_at = now() - interval '1 second' WHERE user_id = ?`, [user.id]);

    const result = await app.client().gql(SIGN_IN, { token });
    expect(result.errors?.[0].extensions?.code).toBe('SIGN_IN_LINK_INVALID');
    expect(result.errors?.[0].message).toBe('This sign-in link has expired or has already been used. Ask for a new one.');
  });

  it('does not spend the link when the page is only opened (mail scanners fetch links first)', async () => {
    const user = await createUser(app.em());
    await app.client().gql(REQUEST, { email: user.email });
    const token = tokenFrom((await outboxFor(user.email))[0].body);

    await fetch(`${app.url}/sign-in/continue?token=${token}`);
    const result = await app.client().gql(SIGN_IN, { token });
    expect(result.errors).toBeUndefined();
  });

  it('sets an httpOnly, SameSite session cookie', async () => {
    const user = await createUser(app.em());
    await app.client().gql(REQUEST, { email: user.email });
    const token = tokenFrom((await outboxFor(user.email))[0].body);
    const result = await app.client().gql(SIGN_IN, { token });
    const cookie = result.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^pf_session=[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('limits requests per address alike for known and unknown addresses', async () => {
    const user = await createUser(app.em());
    for (const email of [user.email, 'stranger@fund.example']) {
      for (let attempt = 0; attempt < SIGN_IN_REQUESTS_PER_EMAIL; attempt += 1) {
        expect((await app.client().gql(REQUEST, { email })).errors).toBeUndefined();
      }
      const limited = await app.client().gql(REQUEST, { email });
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    }
    expect(await outboxFor(user.email)).toHaveLength(SIGN_IN_REQUESTS_PER_EMAIL);
  });

  it('names the field when the address is malformed', async () => {
    const result = await app.client().gql(REQUEST, { email: 'not-an-address' });
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.org.' }],
    });
  });
});

describe('sessions', () => {
  it('starts a new session at sign-in and ends the old one', async () => {
    const user = await createUser(app.em());
    const browser = await app.signedInAs(user);
    const oldCookie = browser.cookie;
    const link = new URL((await import('../../server/auth/sign-in.service.ts')).signInUrl(app.url, 'x'));
    expect(link.pathname).toBe('/sign-in/continue');

    const { issueSignInLink } = await import('../../server/auth/sign-in.service.ts');
    const token = new URL(await issueSignInLink(app.em(), user, app.url)).searchParams.get('token');
    await browser.gql(SIGN_IN, { token });
    expect(browser.cookie).not.toBe(oldCookie);

    const stale = app.client();
    stale.cookie = oldCookie;
    expect((await stale.gql(ME)).data?.me).toBeNull();
    expect((await browser.gql(ME)).data?.me.user.email).toBe(user.email);
  });

  it('signs out everywhere', async () => {
    const fund = await createFund(app.em());
    const user = await addMember(app.em(), fund, FundRole.PANELLIST);
    const laptop = await app.signedInAs(user);
    const phone = await app.signedInAs(user);
    expect((await phone.gql(ME)).data?.me.memberships).toEqual([{ role: 'PANELLIST', fund: { name: fund.name } }]);

    const ended = await laptop.gql(`mutation { signOutEverywhere }`);
    expect(ended.data?.signOutEverywhere).toBe(2);
    expect((await phone.gql(ME)).data?.me).toBeNull();
    expect((await laptop.gql(ME)).data?.me).toBeNull();
  });

  it('refuses signed-out people with a code', async () => {
    const result = await app.client().gql(`{ funds { id } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'Sign in to continue.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
