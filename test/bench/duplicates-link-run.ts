// The batch link of the duplicates scale benchmark, in a process of its own so that its peak memory is
// its own: duplicates-scale.ts starts it with the database, the fund and the records to link, and reads
// one line of JSON back. The findings are written to OUT_FILE (in full for the records named in SAMPLE_FILE).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { openOrm } from '../../server/db/orm.ts';
import { linkRecords, storeFindings } from '../../server/modules/duplicates/batch-link.ts';
import { fundNames } from '../../server/modules/duplicates/fund-names.ts';

const { DATABASE_URL, FUND_ID, IDS_FILE, SAMPLE_FILE, OUT_FILE } = process.env;
const ids = readFileSync(IDS_FILE!, 'utf8').split('\n').filter(Boolean);
const sample = new Set(readFileSync(SAMPLE_FILE!, 'utf8').split('\n').filter(Boolean));

const orm = await openOrm(DATABASE_URL!);
try {
  const started = performance.now();
  const em = orm.em.fork();
  const names = await fundNames(em, FUND_ID!);
  const namesMs = performance.now() - started;
  const { results, stats } = await linkRecords(em, FUND_ID!, ids, { names });
  stats.names.ms = namesMs;
  const linkedMs = performance.now() - started;
  const current = await storeFindings(em, FUND_ID!, results);
  const totalMs = performance.now() - started;
  // The sample's findings in full, to compare with one-at-a-time checks; every record's otherwise, to measure against the truth.
  writeFileSync(
    OUT_FILE!,
    JSON.stringify(results.map((result) => (sample.has(result.recordId) ? result : { recordId: result.recordId, findings: result.findings.map(({ otherId, kind }) => ({ otherId, kind })) }))),
  );
  console.log(JSON.stringify({ stats, linkedMs, storeMs: totalMs - linkedMs, totalMs, current, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await orm.close();
}
