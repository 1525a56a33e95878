// Links the grants of one 360Giving file to those of others and prints the pairs that look like the same
// group, as CSV, so a coordinator can check a funder's list against what other funders published.
// The same path (linkRecords) as the accuracy benchmark, so what it measures is what this prints.
// Run: npm run duplicates:link -- --corpus FILE... --query FILE [--min-score X] [--no-identifiers]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { linkRecords } from '../server/modules/duplicates/candidate-index.ts';
import { parseThreeSixtyGiving, type PublishedGrant, toGrantRecord } from '../server/modules/duplicates/three-sixty-giving.ts';

const USAGE = 'Usage: npm run duplicates:link -- --corpus FILE... --query FILE [--min-score X] [--no-identifiers]';
const DEFAULT_MIN_SCORE = 0.5;

export interface LinkOptions {
  corpus: string[];
  query: string;
  minScore: number;
  identifiers: boolean;
}

/** The options, or what is wrong with the command line. "--corpus" takes every file up to the next option. */
export function readOptions(argv: string[]): LinkOptions | { error: string } {
  const corpus: string[] = [];
  let query: string | undefined;
  let minScore = DEFAULT_MIN_SCORE;
  let identifiers = true;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--corpus') {
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) corpus.push(argv[++i]);
    } else if (arg === '--query') {
      if (query !== undefined) return { error: 'give --query once' };
      query = argv[++i];
      if (query === undefined || query.startsWith('--')) return { error: '--query needs a file' };
    } else if (arg === '--min-score') {
      const text = argv[++i];
      minScore = Number(text);
      if (text === undefined || text.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1) return { error: `--min-score needs a number from 0 to 1; it is '${text ?? ''}'` };
    } else if (arg === '--no-identifiers') {
      identifiers = false;
    } else {
      return { error: `unknown argument '${arg}'` };
    }
  }
  if (corpus.length === 0) return { error: '--corpus needs at least one file' };
  if (query === undefined) return { error: '--query needs a file' };
  return { corpus, query, minScore, identifiers };
}

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type Read = { grants: PublishedGrant[]; problems: string[] };

function readGrants(file: string): Read {
  const result = parseThreeSixtyGiving(readFileSync(file, 'utf8'), basename(file));
  if (result.ok) return { grants: result.grants, problems: [] };
  return { grants: [], problems: result.problems.map((problem) => `${file}:${problem.row}: ${problem.field}: ${problem.message}`) };
}

export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  const options = readOptions(argv);
  if ('error' in options) {
    err(`duplicates:link: ${options.error}`);
    err(USAGE);
    return 2;
  }
  const files = [...options.corpus, options.query];
  const reads = new Map<string, Read>();
  for (const file of files) {
    try {
      reads.set(file, readGrants(file));
    } catch (error) {
      err(`duplicates:link: cannot read ${file}: ${(error as Error).message}`);
      err(USAGE);
      return 2;
    }
  }
  const problems = files.flatMap((file) => reads.get(file)!.problems);
  if (problems.length > 0) {
    for (const problem of problems) err(problem);
    return 1;
  }
  // A grant published in two corpus files (the same file twice, say) is one grant.
  const corpus = new Map<string, PublishedGrant>();
  for (const file of options.corpus) for (const grant of reads.get(file)!.grants) if (!corpus.has(grant.id)) corpus.set(grant.id, grant);
  const record = (grant: PublishedGrant) => toGrantRecord(grant, { identifiers: options.identifiers });
  const links = linkRecords([...corpus.values()].map(record), reads.get(options.query)!.grants.map(record), options.minScore);
  out('query_id,match_id,score,reasons');
  for (const link of links) out([link.queryId, link.matchId, link.score.toFixed(3), link.reasons.join('; ')].map(csvField).join(','));
  return 0;
}

// Run as a script, not when a test imports it.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = main(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
}
