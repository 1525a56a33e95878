// Benchmark: the duplicates engine against a million published grants in PostgreSQL (issue 5). A
// synthetic corpus made from the real names (synthetic-grants.ts) is stored the way an import stores
// grants (scale-corpus.ts); then (1) new applications are checked one at a time with checkRecord, as
// when each is sent, and (2) ten thousand new applications are linked against the corpus at once with
// the batch link (batch-link.ts), in a process of its own so that its memory is measured alone, and a
// sample of them is checked one at a time too, to compare the findings and the time.
// Run: npm run bench:duplicates-scale
//   SCALE_RECORDS   grants in the corpus (1,000,000)
//   SCALE_QUERIES   single checks (200)
//   LINK_RECORDS    applications linked at once (10,000)
//   LINK_SAMPLE     of those, checked one at a time too (200)
//   LINK_HEAP_MB    the batch link process's V8 heap limit (768): without one V8 lets the heap grow far
//                   past what is live (2 GB for 500 MB live), as it may when memory is plentiful
//   SCALE_GRANTS_PER_GROUP  grants per group in the corpus (5); SCALE_SEED (1)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { RecordFindings } from '../../server/modules/duplicates/batch-link.ts';
import { fundNames } from '../../server/modules/duplicates/fund-names.ts';
import { NAME_CANDIDATE_THRESHOLD } from '../../server/modules/duplicates/candidate-index.ts';
import { checkRecord, judge } from '../../server/modules/duplicates/duplicates.service.ts';
import { ExternalGrantImport } from '../../server/modules/duplicates/external-grant.entity.ts';
import { findCandidates, loadStoredRecord, NAME_CANDIDATE_LIMIT, searchKeys } from '../../server/modules/duplicates/match-store.ts';
import { createFund } from '../factories/index.ts';
import { percentile, startBenchServer } from './bench-server.ts';
import { type ApplicationSpec, createApplications, GIN_INDEXES, grantIndexOf, loadGrants, type Corpus } from './scale-corpus.ts';
import { DuplicateKind } from '../../shared/domain.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { corpusGroups, type Group, loadRealData, realGroup } from './synthetic-grants.ts';
import { postgresArray } from '../../server/db/postgres-array.ts';

const RECORDS = Number(process.env.SCALE_RECORDS ?? 1_000_000);
const QUERIES = Number(process.env.SCALE_QUERIES ?? 200);
const LINK_RECORDS = Number(process.env.LINK_RECORDS ?? 10_000);
const LINK_SAMPLE = Math.min(LINK_RECORDS, Number(process.env.LINK_SAMPLE ?? 200));
const LINK_HEAP_MB = Number(process.env.LINK_HEAP_MB ?? 768);
const SEED = Number(process.env.SCALE_SEED ?? 1);
/** Real 360Giving data has a few grants per recipient; each real name also stands for namesakes elsewhere. */
const GRANTS_PER_GROUP = Number(process.env.SCALE_GRANTS_PER_GROUP ?? 5);
const GOALS = { singleP95Ms: 50, linkSeconds: 60, linkMemoryMb: 1024 };
/** The last rows of the corpus are stored with the indexes in place, to show what the indexes cost per row. */
const INDEXED_TAIL = Math.min(20_000, Math.floor(RECORDS * 0.02));

const started = performance.now();
const random = seededRandom(SEED);
const since = (mark: number) => performance.now() - mark;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const thousands = (value: number) => Math.round(value).toLocaleString('en-GB');
const median = (values: number[]) => percentile(values, 0.5);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A Markdown table with aligned columns, ready for the README. */
function printTable(title: string, header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  console.log(`\n${title}\n`);
  for (const [index, row] of cells.entries()) {
    console.log(`| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`);
    if (index === 0) console.log(`| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`);
  }
}

/** Half the applications come from groups in the corpus, half from organisations held out of it. */
function applicationSpecs(count: number, corpus: Group[], heldOut: Group[]): ApplicationSpec[] {
  return Array.from({ length: count }, (_, index) => {
    const known = index % 2 === 0;
    const from = known ? corpus : heldOut;
    return { group: from[Math.floor(random() * from.length)], known };
  });
}

/** PostgreSQL's memory: the proportional set size of the cluster's processes, summed (shared memory counted once). */
async function postgresMemory(postmasterPid: number) {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(entry) !== postmasterPid && parent !== postmasterPid) continue;
      const rollup = await readFile(`/proc/${entry}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // A process that ended while we looked.
    }
  }
  return total;
}

/** Runs the batch link in a child process and watches PostgreSQL's memory meanwhile. */
async function runLink(env: Record<string, string>, postmasterPid: number) {
  let postgresPeak = 0;
  const watching = setInterval(() => void postgresMemory(postmasterPid).then((bytes) => (postgresPeak = Math.max(postgresPeak, bytes))), 500);
  const child = spawn(process.execPath, [`--max-old-space-size=${LINK_HEAP_MB}`, ...process.execArgv, new URL('./duplicates-link-run.ts', import.meta.url).pathname], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(watching);
  if (code !== 0) throw new Error(`the batch link stopped with code ${code}: ${output}`);
  return { ...JSON.parse(output.trim().split('\n').pop()!), postgresPeak };
}

const findingKey = (otherId: string, kind: string, score: number) => `${otherId} ${kind} ${score}`;

interface Checked {
  spec: ApplicationSpec;
  findings: { otherId: string; kind: DuplicateKind }[];
}

/**
 * Flags against the corpus measured with the truth it was made with: a same-group flag is right when
 * the grant went to the applicant's group, and recall counts every grant that group got (some with its
 * name or postcode written so differently that no engine would find them). Flags between two of the
 * new applications are left out.
 */
function flagAccuracy(corpus: Corpus, checked: Checked[]) {
  const groupIndex = new Map(corpus.groups.map((group, index) => [group, index]));
  const grantsOf = new Int32Array(corpus.groups.length);
  for (const group of corpus.groupOf) grantsOf[group] += 1;
  let right = 0;
  let flagged = 0;
  let relevant = 0;
  let sameWork = 0;
  for (const { spec, findings } of checked) {
    // Applications from organisations held out of the corpus have no group in it.
    const group = groupIndex.get(spec.group) ?? -1;
    if (group >= 0) relevant += grantsOf[group];
    for (const finding of findings) {
      const grant = grantIndexOf(finding.otherId);
      if (grant === null) continue;
      if (finding.kind === DuplicateKind.SAME_WORK) sameWork += 1;
      else {
        flagged += 1;
        if (corpus.groupOf[grant] === group) right += 1;
      }
    }
  }
  return `same group: precision ${(right / flagged).toFixed(3)} (${thousands(right)} of ${thousands(flagged)} flags), recall ${(right / relevant).toFixed(3)} (of ${thousands(relevant)} grants to the applicants' groups); same work: ${thousands(sameWork)} flags`;
}

// ---------------------------------------------------------------------------------------------------

const { running, close } = await startBenchServer({ DEMO: 'false' });
const client = new pg.Client({ connectionString: running.database.url });
await client.connect();
const work = await mkdtemp(path.join(tmpdir(), 'duplicates-scale-'));
try {
  const data = loadRealData(random);
  // Organisations held out of the corpus: applications from them have no true counterpart in it.
  const shuffled = [...data.organisations].sort(() => random() - 0.5);
  const heldOut = shuffled.slice(0, Math.floor(shuffled.length / 10)).map(realGroup);
  const groups = corpusGroups(random, data, shuffled.slice(heldOut.length), Math.round(RECORDS / GRANTS_PER_GROUP));
  console.log(
    `real data: ${thousands(data.organisations.length)} distinct recipient names (${thousands(heldOut.length)} held out of the corpus), ` +
      `${thousands(data.postcodes.length)} postcodes, ${thousands(data.works.length)} grant descriptions. Corpus: ${thousands(RECORDS)} grants to ` +
      `${thousands(groups.length)} groups (each real name, then namesakes elsewhere), ${GRANTS_PER_GROUP} grants each on average.`,
  );
  const { rows: settings } = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'server_version')`,
  );
  console.log(`PostgreSQL: ${settings.map((row) => `${row.name} ${row.setting}${row.unit ?? ''}`).join(', ')} (embedded defaults)`);
  const postmasterPid = Number((await readFile(path.join((await client.query(`SHOW data_directory`)).rows[0].data_directory, 'postmaster.pid'), 'utf8')).split('\n')[0]);

  const em = running.database.orm.em.fork();
  const fund = await createFund(em, { name: 'Scale benchmark fund' });
  const batch = em.create(ExternalGrantImport, { fund, fileName: 'synthetic.json', funderNames: ['Synthetic'], grantCount: RECORDS, skippedIndividuals: 0 });
  await em.flush();
  const corpus: Corpus = { client, random, data, groups, fundId: fund.id, importId: batch.id, groupOf: new Int32Array(RECORDS) };

  // 1. The corpus, without the GIN index on keys, which is built once at the end.
  await client.query(`DROP INDEX match_record_keys_gin`);
  let mark = performance.now();
  await loadGrants(corpus, 0, RECORDS - INDEXED_TAIL);
  const loadMs = since(mark);
  // More memory for building the indexes than the default 64 MB, as an operator would give a bulk load.
  await client.query(`SET maintenance_work_mem = '512MB'`);
  const indexMs: Record<string, number> = {};
  for (const [name, statement] of Object.entries(GIN_INDEXES)) {
    mark = performance.now();
    await client.query(statement);
    indexMs[name] = since(mark);
  }
  await client.query(`RESET maintenance_work_mem`);
  mark = performance.now();
  await loadGrants(corpus, RECORDS - INDEXED_TAIL, RECORDS);
  const tailMs = since(mark);
  mark = performance.now();
  await client.query(`VACUUM ANALYZE external_grant, match_record`);
  const vacuumMs = since(mark);
  const { rows: sizes } = await client.query<{ name: string; bytes: string }>(
    `SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relname IN ('external_grant', 'match_record', 'match_record_keys_gin')`,
  );
  const size = (name: string) => mb(Number(sizes.find((row) => row.name === name)?.bytes ?? 0));
  printTable(`Storing the corpus: ${thousands(RECORDS)} grants and their match records`, ['step', 'time', 'rate or size'], [
    [`${thousands(RECORDS - INDEXED_TAIL)} rows, GIN indexes dropped`, seconds(loadMs), `${thousands(((RECORDS - INDEXED_TAIL) / loadMs) * 1000)} rows/s`],
    ['build the GIN index on keys', seconds(indexMs.match_record_keys_gin), size('match_record_keys_gin')],
    [`${thousands(INDEXED_TAIL)} more rows, indexes in place`, seconds(tailMs), `${thousands((INDEXED_TAIL / tailMs) * 1000)} rows/s`],
    ['VACUUM ANALYZE', seconds(vacuumMs), `match_record ${size('match_record')}, external_grant ${size('external_grant')}`],
  ]);

  // 2. Single checks: each new application's record checked as when it is sent. The server reads its
  // funds' names into memory when it starts (warmFundNames); here that read is timed on its own.
  const querySpecs = applicationSpecs(QUERIES, groups, heldOut);
  const queryIds = await createApplications(running.database.orm.em.fork(), fund, data, querySpecs, random);
  const checkEm = running.database.orm.em.fork();
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  mark = performance.now();
  const names = await fundNames(checkEm, fund.id);
  const nameIndexMs = since(mark);
  (globalThis as { gc?: () => void }).gc?.();
  const nameIndexBytes = process.memoryUsage().heapUsed - heapBefore;
  const baseline: number[] = [];
  const full: number[] = [];
  const flagged: number[] = [];
  for (const id of queryIds) {
    mark = performance.now();
    await checkEm.execute(`SELECT id FROM match_record WHERE id = ?`, [id]);
    baseline.push(since(mark));
    mark = performance.now();
    flagged.push(await checkRecord(checkEm, fund.id, id));
    full.push(since(mark));
    checkEm.clear();
  }
  // The same checks again, timed by part, and each source of candidates on its own.
  const parts: Record<string, number[]> = { load: [], find: [], judge: [], keys: [], names: [] };
  const counts = { all: [] as number[], keys: [] as number[], names: [] as number[] };
  const singleChecked: Checked[] = [];
  for (const [index, id] of queryIds.entries()) {
    mark = performance.now();
    const query = (await loadStoredRecord(checkEm, id))!;
    parts.load.push(since(mark));
    mark = performance.now();
    const candidates = await findCandidates(checkEm, fund.id, query);
    parts.find.push(since(mark));
    mark = performance.now();
    const findings = judge(query, candidates);
    parts.judge.push(since(mark));
    singleChecked.push({ spec: querySpecs[index], findings: findings.map((finding) => ({ otherId: finding.other.id, kind: finding.kind })) });
    counts.all.push(candidates.length);
    mark = performance.now();
    const keyed = await checkEm.execute(`SELECT id FROM match_record WHERE fund_id = ? AND id <> ? AND keys && ?::text[]`, [fund.id, id, postgresArray(searchKeys(query.prepared))]);
    parts.keys.push(since(mark));
    counts.keys.push(keyed.length);
    mark = performance.now();
    const alike = (await fundNames(checkEm, fund.id)).search(query.prepared.name.core, NAME_CANDIDATE_THRESHOLD, NAME_CANDIDATE_LIMIT, id);
    parts.names.push(since(mark));
    counts.names.push(alike.length);
    checkEm.clear();
  }
  const row = (name: string, values: number[]) => [name, millis(median(values)), millis(percentile(values, 0.95)), millis(Math.max(...values)), `${(median(values) / median(baseline)).toFixed(1)}×`];
  printTable(
    `Single check: ${QUERIES} new applications (half from groups in the corpus), one at a time. Goal: p95 under ${GOALS.singleP95Ms} ms`,
    ['measured', 'median', 'p95', 'max', 'median ÷ baseline'],
    [
      row('baseline: primary-key SELECT', baseline),
      row('checkRecord: load, candidates, judge, store flags', full),
      row('  load the record', parts.load),
      row('  findCandidates: names, keys’ records, then the chosen read and prepared', parts.find),
      row('    records sharing a key alone (ids only, GIN on keys)', parts.keys),
      row('    alike names alone (catch up with changes, search the index)', parts.names),
      row('  judge', parts.judge),
    ],
  );
  const spread = (values: number[]) => `median ${median(values)}, p95 ${percentile(values, 0.95)}, max ${Math.max(...values)}`;
  console.log(
    `\nCandidates per check: ${spread(counts.all)} (sharing a key: ${spread(counts.keys)}; alike names: ${spread(counts.names)}). ` +
      `Flags per check: median ${median(flagged)}, max ${Math.max(...flagged)}. checkRecord p95 ${millis(percentile(full, 0.95))}: ` +
      `goal ${percentile(full, 0.95) < GOALS.singleP95Ms ? 'met' : 'missed'}. The server's name index took ${seconds(nameIndexMs)} to read ` +
      `${thousands(names.records)} names (${thousands(names.names)} distinct) and holds ${mb(nameIndexBytes)} of heap.` +
      `\nFlags against the corpus, ${QUERIES} single checks: ${flagAccuracy(corpus, singleChecked)}.`,
  );

  // 3. The batch link: LINK_RECORDS new applications against the corpus, in a process of its own.
  mark = performance.now();
  const linkSpecs = applicationSpecs(LINK_RECORDS, groups, heldOut);
  const linkIds = await createApplications(running.database.orm.em.fork(), fund, data, linkSpecs, random);
  const storeMs = since(mark);
  await client.query(`VACUUM ANALYZE match_record`);
  const sampleIds = linkIds.filter((_, index) => index % Math.floor(LINK_RECORDS / LINK_SAMPLE) === 0).slice(0, LINK_SAMPLE);
  const files = { ids: path.join(work, 'ids'), sample: path.join(work, 'sample'), out: path.join(work, 'out.json') };
  await writeFile(files.ids, linkIds.join('\n'));
  await writeFile(files.sample, sampleIds.join('\n'));
  const link = await runLink(
    { DATABASE_URL: running.database.url, FUND_ID: fund.id, IDS_FILE: files.ids, SAMPLE_FILE: files.sample, OUT_FILE: files.out },
    postmasterPid,
  );
  const batchFindings = new Map((JSON.parse(await readFile(files.out, 'utf8')) as RecordFindings[]).map((result) => [result.recordId, result.findings]));

  // The same sample checked one at a time (findCandidates and judge, no writes), alone and two at a time.
  const perRecord: number[] = [];
  let agreeing = 0;
  const differences: string[] = [];
  for (const id of sampleIds) {
    mark = performance.now();
    const query = (await loadStoredRecord(checkEm, id))!;
    const findings = judge(query, await findCandidates(checkEm, fund.id, query));
    perRecord.push(since(mark));
    const single = findings.map((finding) => findingKey(finding.other.id, finding.kind, finding.score)).sort();
    const batched = (batchFindings.get(id) ?? []).map((finding) => findingKey(finding.otherId, finding.kind, finding.score)).sort();
    if (single.join('|') === batched.join('|')) agreeing += 1;
    else differences.push(`${id}: one at a time ${single.length} findings, batch ${batched.length}`);
    checkEm.clear();
  }
  mark = performance.now();
  const queue = [...sampleIds];
  await Promise.all(
    [0, 1].map(async () => {
      const own = running.database.orm.em.fork();
      for (let id = queue.shift(); id; id = queue.shift()) {
        const query = (await loadStoredRecord(own, id))!;
        judge(query, await findCandidates(own, fund.id, query));
        own.clear();
      }
    }),
  );
  const twoAtATimeMs = since(mark);
  const perRecordTotal = perRecord.reduce((sum, value) => sum + value, 0);
  const extrapolate = (sampleMs: number) => (sampleMs / sampleIds.length) * LINK_RECORDS;
  const { stats } = link;
  const linkRow = (name: string, ms: number, note: string) => [name, seconds(ms), note];
  printTable(
    `Batch link: ${thousands(LINK_RECORDS)} new applications against ${thousands(RECORDS)} grants, in a process of its own (V8 heap limit ${LINK_HEAP_MB} MB). Goal: under ${GOALS.linkSeconds} s and ${GOALS.linkMemoryMb} MB`,
    ['step', 'time', 'work'],
    [
      linkRow('read the fund’s names into the name index', stats.names.ms, `${thousands(stats.names.records)} records, ${thousands(stats.names.distinct)} distinct names`),
      linkRow('read and prepare the records to check', stats.load.ms, `${thousands(stats.queries)} records`),
      linkRow('records sharing a key (one hash join)', stats.keys.ms, `${thousands(stats.keys.keys)} keys, ${thousands(stats.keys.postings)} records found`),
      linkRow('list candidates: keys’ records and alike names', stats.alike.ms, `${thousands(stats.alike.pairs)} pairs`),
      linkRow('read, prepare and judge candidates', stats.judge.ms, `${thousands(stats.judge.fetched)} records read (${seconds(stats.judge.fetchMs)}) and prepared (${seconds(stats.judge.prepareMs)}); judged (${seconds(stats.judge.judgeMs)})`),
      linkRow('batch link, all of the above', link.linkedMs, `${thousands(stats.judge.findings)} findings; peak RSS ${Math.round(link.maxRssMb)} MB (PostgreSQL: ${mb(link.postgresPeak)} PSS at peak, separate)`),
      linkRow('store the flags (set-based upserts)', link.storeMs, `${thousands(link.current)} pairs current`),
      linkRow(`one at a time (findCandidates + judge), ${LINK_SAMPLE} of them`, perRecordTotal, `→ ${seconds(extrapolate(perRecordTotal))} for ${thousands(LINK_RECORDS)}`),
      linkRow(`the same, two connections at a time`, twoAtATimeMs, `→ ${seconds(extrapolate(twoAtATimeMs))} for ${thousands(LINK_RECORDS)}`),
      linkRow('for scale: storing the applications and their match records', storeMs, `${thousands(LINK_RECORDS)} applications, the product's syncApplicationRecords`),
    ],
  );
  console.log(
    `\nBatch link ${seconds(link.linkedMs)} (${(extrapolate(perRecordTotal) / link.linkedMs).toFixed(1)}× faster than one at a time), peak RSS ${Math.round(link.maxRssMb)} MB: ` +
      `goal ${link.linkedMs < GOALS.linkSeconds * 1000 && link.maxRssMb < GOALS.linkMemoryMb ? 'met' : 'missed'}${LINK_RECORDS < 10_000 || RECORDS < 1_000_000 ? ' (at this scale; the goal is for 10,000 against 1,000,000)' : ''}. ` +
      `Findings agree with one-at-a-time checks for ` +
      `${agreeing} of ${sampleIds.length} sampled applications.${differences.length > 0 ? `\n  ${differences.slice(0, 10).join('\n  ')}` : ''}` +
      `\nFlags against the corpus, batch link of ${thousands(LINK_RECORDS)}: ` +
      flagAccuracy(corpus, linkIds.map((id, index) => ({ spec: linkSpecs[index], findings: batchFindings.get(id) ?? [] }))) + '.',
  );
} finally {
  await client.end();
  await close();
  await rm(work, { recursive: true, force: true });
  console.log(`\nTotal bench time ${seconds(since(started))}.`);
}
