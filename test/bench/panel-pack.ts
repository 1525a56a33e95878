// Benchmark: the panel pack of a meeting with 150 applications, 8 panellists and 12 contributions,
// read by 20 clients at once, against a trivial query (who am I) read the same way in the same run.
// Run: npm run bench:panel-pack   (BENCH_SECONDS sets the length of each phase; default 15)
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FundRole } from '../../shared/domain.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { loadConfig } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';
import { startServer } from '../../server/server.ts';
import { addMember, createFund } from '../factories/index.ts';
import { createScoredMeeting } from '../factories/panel-meeting.ts';
import { PANEL_PACK } from '../integration/panel-pack.query.ts';
import { freePort } from '../support/postgres.ts';
import { ApiClient, SIGN_IN } from '../support/test-app.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = 20;
const TRIVIAL = `{ me { user { id } } }`;

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];

function load(url: string, cookie: string, query: string, variables: Record<string, unknown>, seconds: number) {
  return new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url: `${url}/graphql`, cookie, body: JSON.stringify({ query, variables }), concurrency: CONCURRENCY, seconds },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'pooled-fund-bench-'));
await chmod(dataDir, 0o755);
const config = loadConfig({ NODE_ENV: 'production', BANK_DETAILS_KEY: randomBytes(32).toString('base64'), PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), JOBS: 'false', DEMO: 'false', LOG_LEVEL: 'warn' });
const running = await startServer(config, logger.child({}, { level: 'warn' }));
try {
  const em = running.database.orm.em.fork();
  const fund = await createFund(em, { name: 'Benchmark fund' });
  const { meeting } = await createScoredMeeting(em, fund, { applications: 150, panellists: 8, contributions: 12 });
  const coordinator = await addMember(em, fund, FundRole.COORDINATOR);
  const client = new ApiClient(running.url);
  await client.gql(SIGN_IN, { token: new URL(await issueSignInLink(em, coordinator, running.url)).searchParams.get('token') });
  const check = await client.gql(PANEL_PACK, { id: meeting.id });
  if (check.errors || check.data!.meeting.agenda.length !== 150) throw new Error(`the pack did not load: ${JSON.stringify(check.errors)}`);
  console.log(`panel pack: 150 applications, 8 panellists, 12 contributions; ${Math.round(JSON.stringify(check.data).length / 1024)} KB of JSON`);

  // Warm up both, then measure each for the same time at the same concurrency.
  await load(running.url, client.cookie!, TRIVIAL, {}, 2);
  await load(running.url, client.cookie!, PANEL_PACK, { id: meeting.id }, 2);
  const trivial = await load(running.url, client.cookie!, TRIVIAL, {}, SECONDS);
  const pack = await load(running.url, client.cookie!, PANEL_PACK, { id: meeting.id }, SECONDS);

  for (const [name, result] of [['trivial query (me)', trivial], ['panel pack', pack]] as const) {
    const { latencies, failures } = result;
    console.log(
      `${name.padEnd(20)} ${CONCURRENCY} clients, ${SECONDS} s: ${latencies.length} requests (${(latencies.length / SECONDS).toFixed(0)}/s), ` +
        `median ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, failures ${failures}`,
    );
  }
  console.log(`p95 ratio: the pack is ${(percentile(pack.latencies, 0.95) / percentile(trivial.latencies, 0.95)).toFixed(1)}x the trivial query (goal: pack p95 under 150 ms)`);
} finally {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
}
