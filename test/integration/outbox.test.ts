import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { logger } from '../../server/logger.ts';
import { deliverDueEmails, Mailer } from '../../server/modules/notifications/mailer.ts';
import { addMember, createFund, createFunder, createUser } from '../factories/index.ts';
import { freePort } from '../support/postgres.ts';
import { SIGN_IN, startTestApp, type TestApp } from '../support/test-app.ts';

const REQUEST = `mutation Request($email: String!) { requestSignInLink(input: { email: $email }) { message } }`;
const OUTBOX = `{ outbox { toAddress subject kind status attempts sentAt lastError body } }`;
const quiet = logger.child({}, { level: 'silent' });

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  /** True when sent_at is set. */
  has_sent_at: boolean;
  /** Seconds from now until the next attempt; negative when it is due. */
  due_in_seconds: number;
  body: string;
}

async function outboxRows(app: TestApp, address: string) {
  return app.em().getConnection().execute<OutboxRow[]>(
    `SELECT id, status, attempts, last_error, sent_at IS NOT NULL AS has_sent_at,
            extract(epoch FROM next_attempt_at - now())::float8 AS due_in_seconds, body
       FROM outbound_email WHERE to_address = ? ORDER BY created_at`,
    [address],
  );
}

const signInBody = (name: string, token: string) =>
  [
    `Hello ${name},`,
    '',
    'Use this link to sign in to the pooled fund portal:',
    `http://localhost:4000/sign-in/continue?token=${token}`,
    '',
    'The link works once and expires in 10 minutes.',
    'If you did not ask to sign in, you can ignore this email.',
  ].join('\n');

const tokenFrom = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)![1];

describe('the outbox with no mail transport', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows a coordinator the kept sign-in email, whose link signs the person in', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const colleague = await createUser(app.em(), { name: 'Ada Fell', email: 'ada@outbox.example' });
    const client = await app.signedInAs(coordinator);
    await app.client().gql(REQUEST, { email: colleague.email });

    const result = await client.gql(OUTBOX);

    expect(result.errors).toBeUndefined();
    const token = tokenFrom(result.data?.outbox[0].body);
    expect(result.data?.outbox).toEqual([
      {
        toAddress: 'ada@outbox.example',
        subject: 'Your sign-in link',
        kind: 'sign-in-link',
        status: 'KEPT',
        attempts: 0,
        sentAt: null,
        lastError: null,
        body: signInBody('Ada Fell', token),
      },
    ]);
    const signedIn = await app.client().gql(SIGN_IN, { token });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.signIn.user.email).toBe('ada@outbox.example');
  });

  it('refuses a funder officer with FORBIDDEN', async () => {
    const fund = await createFund(app.em());
    const officer = await addMember(app.em(), fund, FundRole.FUNDER_OFFICER, { funder: await createFunder(app.em()) });

    const result = await (await app.signedInAs(officer)).gql(OUTBOX);

    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      { message: 'You do not have permission to read the outbox.', path: ['outbox'], locations: [{ line: 1, column: 3 }], extensions: { code: 'FORBIDDEN' } },
    ]);
  });

  it('refuses panellists, and people who are not signed in', async () => {
    const fund = await createFund(app.em());
    const panellist = await addMember(app.em(), fund, FundRole.PANELLIST);
    const community = await addMember(app.em(), fund, FundRole.COMMUNITY_PANELLIST);

    expect((await (await app.signedInAs(panellist)).gql(OUTBOX)).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect((await (await app.signedInAs(community)).gql(OUTBOX)).errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect((await app.client().gql(OUTBOX)).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** The text of a received message: its headers, and its body with quoted-printable undone. */
function readMail(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
  let body = rest.join('\r\n\r\n');
  if (/^Content-Transfer-Encoding: quoted-printable$/im.test(head)) {
    body = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { subject: header('Subject'), to: header('To'), from: header('From'), body: body.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

describe('delivery through a real SMTP server', () => {
  const received: ReceivedMail[] = [];
  let rejectRecipients = false;
  let smtp: SMTPServer;
  let mailer: Mailer;
  let app: TestApp;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (!rejectRecipients) return callback();
        const error = new Error('Mailbox busy, try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(port, '127.0.0.1', () => resolve());
    });
    mailer = Mailer.fromSettings(`smtp://127.0.0.1:${port}`, 'Fund <fund@test.example>');
    app = await startTestApp({ mailer });
  });
  afterAll(async () => {
    await app.close();
    mailer.transport?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
    rejectRecipients = false;
  });

  it('sends a queued sign-in email once, and marks it sent', async () => {
    const user = await createUser(app.em(), { name: 'Bea Moss', email: 'bea@smtp.example' });
    await app.client().gql(REQUEST, { email: user.email });
    const [queued] = await outboxRows(app, user.email);
    expect(queued).toMatchObject({ status: 'QUEUED', attempts: 0, has_sent_at: false, last_error: null });

    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(1);

    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('fund@test.example');
    expect(received[0].to).toEqual(['bea@smtp.example']);
    const mail = readMail(received[0].raw);
    expect(mail).toMatchObject({ subject: 'Your sign-in link', to: 'bea@smtp.example', from: 'Fund <fund@test.example>' });
    expect(mail.body).toBe(signInBody('Bea Moss', tokenFrom(queued.body)));
    const [sent] = await outboxRows(app, user.email);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, last_error: null, has_sent_at: true });

    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(0);
    expect(received).toHaveLength(1);
    expect(await outboxRows(app, user.email)).toMatchObject([{ id: sent.id, status: 'SENT', attempts: 1, last_error: null, has_sent_at: true }]);
  });

  it('no longer shows bodies in the outbox once mail is really sent', async () => {
    const fund = await createFund(app.em());
    const coordinator = await addMember(app.em(), fund, FundRole.COORDINATOR);
    const user = await createUser(app.em(), { email: 'cal@smtp.example' });
    await app.client().gql(REQUEST, { email: user.email });
    await deliverDueEmails(app.em(), mailer, quiet);

    const result = await (await app.signedInAs(coordinator)).gql(`{ outbox(limit: 1) { toAddress status attempts body } }`);

    expect(result.errors).toBeUndefined();
    expect(result.data?.outbox).toEqual([{ toAddress: 'cal@smtp.example', status: 'SENT', attempts: 1, body: '(sent by email; not shown here)' }]);
    expect(JSON.stringify(result)).not.toContain('token=');
  });

  it('puts a message the server turns away back in the queue for later, and sends it then', async () => {
    const user = await createUser(app.em(), { email: 'dee@smtp.example' });
    await app.client().gql(REQUEST, { email: user.email });
    rejectRecipients = true;

    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(0);

    expect(received).toEqual([]);
    const [row] = await outboxRows(app, user.email);
    expect(row).toMatchObject({ status: 'QUEUED', attempts: 1, has_sent_at: false });
    expect(row.last_error).toBe("Can't send mail - all recipients were rejected: 451 Mailbox busy, try again later");
    // The first retry waits a minute.
    expect(row.due_in_seconds).toBeGreaterThan(50);
    expect(row.due_in_seconds).toBeLessThanOrEqual(60);

    // Not due yet, so the next run leaves it alone even though the server would now take it.
    rejectRecipients = false;
    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(0);
    expect(received).toEqual([]);

    await app.em().getConnection().execute(`UPDATE outbound_email SET next_attempt_at = now() - interval '1 second' WHERE id = ?`, [row.id]);
    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(1);
    expect(received.map((mail) => mail.to)).toEqual([['dee@smtp.example']]);
    expect(await outboxRows(app, user.email)).toMatchObject([{ status: 'SENT', attempts: 2, last_error: null }]);
  });

  it('gives up after the sixth failed attempt', async () => {
    const user = await createUser(app.em(), { email: 'eli@smtp.example' });
    await app.client().gql(REQUEST, { email: user.email });
    await app.em().getConnection().execute(`UPDATE outbound_email SET attempts = 5 WHERE to_address = ?`, [user.email]);
    rejectRecipients = true;

    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(0);

    const [row] = await outboxRows(app, user.email);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 6, has_sent_at: false });
    expect(row.last_error).toBe("Can't send mail - all recipients were rejected: 451 Mailbox busy, try again later");
    expect(received).toEqual([]);
  });

  it('never sends again a message left SENDING by a process that died', async () => {
    const user = await createUser(app.em(), { email: 'fay@smtp.example' });
    await app.client().gql(REQUEST, { email: user.email });
    await app.em().getConnection().execute(`UPDATE outbound_email SET status = 'SENDING', attempts = 1, next_attempt_at = now() - interval '1 hour' WHERE to_address = ?`, [user.email]);

    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(0);
    expect(await deliverDueEmails(app.em(), mailer, quiet)).toBe(0);

    expect(received).toEqual([]);
    expect(await outboxRows(app, user.email)).toMatchObject([{ status: 'SENDING', attempts: 1, has_sent_at: false, last_error: null }]);
  });
});
