import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../support/postgres.ts';
import { ApiClient, SIGN_IN } from '../support/test-app.ts';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the server exactly as `npm start` does (after the web build) and waits for its banner. */
async function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/index.ts'], {
    // No background jobs: the weekly agenda job would move demo applications on some days of the week.
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', JOBS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('No SMTP_URL')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  const url = /Pooled fund portal: (\S+)/.exec(output)![1];
  const links = [...output.matchAll(/^\s{4}(\S.*?)\s{2,}.*\n\s+(http\S+)$/gm)].map((match) => ({ role: match[1], url: match[2] }));
  return { child, url, links };
}

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

async function signInAsCoordinator(server: Awaited<ReturnType<typeof start>>) {
  const link = server.links.find((entry) => entry.role === 'Coordinator')!;
  const client = new ApiClient(server.url);
  const result = await client.gql(SIGN_IN, { token: new URL(link.url).searchParams.get('token') });
  expect(result.errors).toBeUndefined();
  const funds = await client.gql(`{ funds { id version purpose applicationCounts { status count } auditLog(limit: 200) { action } } }`);
  return { client, fund: funds.data!.funds[0] };
}

it('keeps its data across restarts and loads the demo only once', { timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pooled-fund-restart-'));
  await chmod(dataDir, 0o755);
  const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };

  const first = await start(env);
  expect(first.url).toBe(`http://localhost:${env.PORT}`);
  expect(first.links.map((link) => link.role)).toEqual(['Coordinator', 'Funder officer', 'Panellist', 'Community panellist']);
  const before = await signInAsCoordinator(first);
  const changed = await before.client.gql(
    `mutation($id: ID!, $version: Int!) { updateFund(input: { id: $id, version: $version, purpose: "Changed before the restart, and kept after it." }) { purpose } }`,
    { id: before.fund.id, version: before.fund.version },
  );
  expect(changed.errors).toBeUndefined();
  expect(await stop(first.child)).toBe(0);

  const second = await start(env);
  const after = await signInAsCoordinator(second);
  expect(after.fund.id).toBe(before.fund.id);
  expect(after.fund.purpose).toBe('Changed before the restart, and kept after it.');
  expect(after.fund.applicationCounts).toEqual(before.fund.applicationCounts);
  // The demo: six past meetings decided 39 emergency applications and deferred one back to the officers;
  // this week's agenda holds the 10 checked recovery ones.
  expect(after.fund.applicationCounts).toEqual([
    { status: 'DRAFT', count: 10 },
    { status: 'SUBMITTED', count: 26 },
    { status: 'CHECKED', count: 0 },
    { status: 'ON_AGENDA', count: 10 },
    { status: 'DECIDED', count: 39 },
  ]);
  expect(after.fund.auditLog.filter((event: { action: string }) => event.action === 'demo.loaded')).toHaveLength(1);
  expect(await stop(second.child)).toBe(0);
});

/** A browser without JavaScript: posts forms, follows no redirects, keeps the apply cookie. */
async function post(url: string, form: Record<string, string>, cookie = '') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), cookie: response.headers.getSetCookie()[0]?.split(';')[0] ?? cookie };
}

it('loses no saved answer when the server is killed mid-application', { timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pooled-fund-kill-'));
  await chmod(dataDir, 0o755);
  const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
  try {
    const first = await start(env);
    const apply = `${first.url}/apply/riverdale-demo`;
    const started = await post(`${apply}/start`, {});
    expect(started).toMatchObject({ status: 303, location: `${apply}/eligibility`.replace(first.url, '') });
    const cookie = started.cookie;
    expect((await post(`${apply}/eligibility`, { worksInArea: 'yes', legalForm: 'CIO', amountPence: '2500', purpose: 'Warm space' }, cookie)).status).toBe(303);
    expect((await post(`${apply}/group`, { groupName: 'Millbeck Warm Space', charityNumber: '1187654' }, cookie)).status).toBe(303);

    // No shutdown at all: the process dies between one saved page and the next.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await start(env);
    const page = await fetch(`${second.url}/apply/riverdale-demo/group`, { headers: { cookie } }).then((response) => response.text());
    expect(page).toContain('value="Millbeck Warm Space"');
    expect(page).toContain('value="1187654"');
    const next = await fetch(`${second.url}/apply/riverdale-demo/continue`, { headers: { cookie }, redirect: 'manual' });
    expect(next.headers.get('location')).toBe('/apply/riverdale-demo/contact');
    expect(await stop(second.child)).toBe(0);
  } finally {
    // The killed server could not stop its PostgreSQL; the second one found it running and used it.
    try {
      execFileSync('pkill', ['-INT', '-f', `postgres -D ${dataDir}`]);
    } catch {
      // Already stopped.
    }
  }
});
