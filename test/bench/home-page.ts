// Benchmark: how long the coordinator's home page query takes on the demo fund, against a baseline
// measured in the same run (GET /healthz: one trivial SQL statement). Run: npm run bench
import { ApiClient, SIGN_IN } from '../support/test-app.ts';
import { percentile, startBenchServer } from './bench-server.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const FUND_WEEK = `query($id: ID!) { fund(id: $id) { id name purpose myRoles openPhase { id name } ledger { contributedPence availablePence }
  nextPanel { meetsAt cutoffAt } applicationCounts { status count }
  applications(limit: 10) { id reference title status amountRequestedPence group { name legalForm } phase { name } } } }`;

const median = (values: number[]) => percentile(values, 0.5);
const p95 = (values: number[]) => percentile(values, 0.95);

async function time(action: () => Promise<unknown>) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const { running, close } = await startBenchServer();
try {
  const client = new ApiClient(running.url);
  const link = running.demoLinks.find((entry) => entry.role === 'COORDINATOR')!;
  await client.gql(SIGN_IN, { token: new URL(link.url).searchParams.get('token') });
  const fundId = (await client.gql(`{ funds { id } }`)).data!.funds[0].id;

  const health: number[] = [];
  const home: number[] = [];
  // Interleaved, so both see the same background noise on a busy machine; the first rounds warm up.
  for (let round = 0; round < ROUNDS + 20; round += 1) {
    const h = await time(() => fetch(`${running.url}/healthz`).then((response) => response.text()));
    const q = await time(async () => {
      const result = await client.gql(FUND_WEEK, { id: fundId });
      if (result.errors) throw new Error(result.errors[0].message);
    });
    if (round >= 20) {
      health.push(h);
      home.push(q);
    }
  }
  console.log(`rounds: ${ROUNDS}`);
  console.log(`baseline GET /healthz: median ${median(health).toFixed(2)} ms, p95 ${p95(health).toFixed(2)} ms`);
  console.log(`home page query:       median ${median(home).toFixed(2)} ms, p95 ${p95(home).toFixed(2)} ms`);
  console.log(`ratio of medians: ${(median(home) / median(health)).toFixed(1)}x the baseline`);
} finally {
  await close();
}
