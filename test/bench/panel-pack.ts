// Benchmark: the panel pack of a meeting with 150 applications, 8 panellists and 12 contributions,
// read by 20 clients at once (the 8 panellists and the coordinator, each in several tabs), against a
// trivial query (who am I) read the same way in the same run. The pack is measured with its cache,
// as it runs, and without it (a second app on the same database with PACK_CACHE=false), so the
// cost of computing it stays visible.
// Run: npm run bench:panel-pack   (BENCH_SECONDS sets the length of each phase; default 15)
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { FundRole } from '../../shared/domain.ts';
import { createApp } from '../../server/app.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { loadConfig } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';
import { BankVault } from '../../server/modules/bank/bank-vault.ts';
import { Mailer } from '../../server/modules/notifications/mailer.ts';
import { addMember, createFund } from '../factories/index.ts';
import { createScoredMeeting } from '../factories/panel-meeting.ts';
import { PANEL_PACK } from '../integration/panel-pack.query.ts';
import { ApiClient, SIGN_IN } from '../support/test-app.ts';
import { percentile, startBenchServer } from './bench-server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = 20;
const TRIVIAL = `{ me { user { id } } }`;

function load(url: string, cookies: string[], query: string, variables: Record<string, unknown>, seconds: number) {
  return new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url: `${url}/graphql`, cookies, body: JSON.stringify({ query, variables }), concurrency: CONCURRENCY, seconds },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const { running, settings, close } = await startBenchServer({ DEMO: 'false' });
// The same product without the pack cache, on the same database.
const uncachedConfig = loadConfig({ ...settings, DATABASE_URL: running.database.url, PACK_CACHE: 'false' });
const uncached = await createApp({ orm: running.database.orm, config: uncachedConfig, logger: logger.child({}, { level: 'warn' }), mailer: new Mailer(null, uncachedConfig.MAIL_FROM), vault: BankVault.withKey(randomBytes(32)) });
const uncachedServer = uncached.app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => uncachedServer.once('listening', () => resolve()));
const uncachedUrl = `http://127.0.0.1:${(uncachedServer.address() as AddressInfo).port}`;
try {
  const em = running.database.orm.em.fork();
  const fund = await createFund(em, { name: 'Benchmark fund' });
  const { meeting, panellists } = await createScoredMeeting(em, fund, { applications: 150, panellists: 8, contributions: 12 });
  const readers = [...panellists, await addMember(em, fund, FundRole.COORDINATOR)];
  const cookies: string[] = [];
  for (const reader of readers) {
    const client = new ApiClient(running.url);
    await client.gql(SIGN_IN, { token: new URL(await issueSignInLink(em, reader, running.url)).searchParams.get('token') });
    cookies.push(client.cookie!);
  }
  const check = await new ApiClient(running.url).gql(PANEL_PACK, { id: meeting.id }, { cookie: cookies[1] });
  if (check.errors || check.data!.meeting.agenda.length !== 150) throw new Error(`the pack did not load: ${JSON.stringify(check.errors)}`);
  console.log(`panel pack: 150 applications, 8 panellists, 12 contributions; ${Math.round(JSON.stringify(check.data).length / 1024)} KB of JSON; ${readers.length} people reading`);

  const runs: [string, string, string, Record<string, unknown>][] = [
    ['trivial query (me)', running.url, TRIVIAL, {}],
    ['panel pack, cached', running.url, PANEL_PACK, { id: meeting.id }],
    ['panel pack, no cache', uncachedUrl, PANEL_PACK, { id: meeting.id }],
  ];
  const results: Record<string, number[]> = {};
  for (const [name, url, query, variables] of runs) {
    await load(url, cookies, query, variables, 2); // warm-up
    const { latencies, failures } = await load(url, cookies, query, variables, SECONDS);
    results[name] = latencies;
    console.log(
      `${name.padEnd(22)} ${CONCURRENCY} clients, ${SECONDS} s: ${latencies.length} requests (${(latencies.length / SECONDS).toFixed(0)}/s), ` +
        `median ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, failures ${failures}`,
    );
  }
  const p95 = (name: string) => percentile(results[name], 0.95);
  console.log(`p95 ratios to the trivial query: cached pack ${(p95('panel pack, cached') / p95('trivial query (me)')).toFixed(1)}x, uncached pack ${(p95('panel pack, no cache') / p95('trivial query (me)')).toFixed(1)}x (goal: pack p95 under 150 ms)`);
} finally {
  await new Promise<void>((resolve) => uncachedServer.close(() => resolve()));
  uncachedServer.closeAllConnections();
  await uncached.apollo.stop();
  await close();
}
