// Runs in its own thread, so the clients do not share an event loop with the server they measure.
// Keeps `concurrency` requests in flight for `seconds`, client i signed in as cookies[i mod n], and
// returns every latency in milliseconds.
import { parentPort, workerData } from 'node:worker_threads';

const { url, cookies, body, concurrency, seconds } = workerData;
const latencies = [];
let failures = 0;
const until = performance.now() + seconds * 1000;

async function client(index) {
  const cookie = cookies[index % cookies.length];
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) failures += 1;
    latencies.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
parentPort.postMessage({ latencies, failures });
