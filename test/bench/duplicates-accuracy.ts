// Benchmark: how well the duplicates engine tells "the same group" on real published grants, with the
// recipient org id as ground truth. It links query grants to reference grants through linkRecords,
// the function the link command (npm run duplicates:link) uses, in two ways of splitting the data and
// two modes: (a) with identifiers, (b) with names, postcodes and descriptions only, the way the pool
// sees a small group that has no registered number. Two plain baselines run beside mode (b).
// Run: npm run bench:duplicates-accuracy   (-- --examples 20 prints misses and false alarms;
// -- --split year or --split funder runs one split)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { linkRecords, type Link } from '../../server/modules/duplicates/candidate-index.ts';
import { normaliseName, readOrgId } from '../../server/modules/duplicates/normalise.ts';
import { trigramSimilarity, trigrams } from '../../server/modules/duplicates/similarity.ts';
import { parseThreeSixtyGiving, type PublishedGrant, toGrantRecord } from '../../server/modules/duplicates/three-sixty-giving.ts';
import { GRANTS_DATA as DATA, PUBLICATIONS as FILES } from './grants-data.ts';

/** Awards up to the end of this year are the reference; later ones are the queries. Tuning used this split. */
const LAST_REFERENCE_YEAR = '2013';
const MIN_SCORE = 0.5;
const GOALS = { a: { precision: 0.98, recall: 0.95 }, b: { precision: 0.95, recall: 0.85 } };

const { values: options } = parseArgs({ options: { examples: { type: 'string', default: '0' }, split: { type: 'string', default: 'both' } } });
const EXAMPLES = Number(options.examples);

const started = performance.now();

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function loadGrants(): PublishedGrant[] {
  const byId = new Map<string, PublishedGrant>();
  for (const file of FILES) {
    const result = parseThreeSixtyGiving(readFileSync(`${DATA}${file}`, 'utf8'), file);
    if (!result.ok) throw new Error(`${file}: ${result.problems.map((problem) => `${problem.row}: ${problem.field}: ${problem.message}`).join('\n')}`);
    for (const grant of result.grants) if (!byId.has(grant.id)) byId.set(grant.id, grant);
  }
  return [...byId.values()];
}

const grants = loadGrants();
const grantById = new Map(grants.map((grant) => [grant.id, grant]));

// ---------------------------------------------------------------------------------------------------
// Ground truth: two grants went to the same organisation when their recipient org ids are the same
// register entry (GB-CHC-0212345 and GB-CHC-212345 are). Only the org id counts, not the charity or
// company numbers some publishers write beside it: those are sometimes another organisation's (a
// community business giving the number of the charity that supports it). Not counted, as neither a
// hit nor a false alarm, are pairs:
// - with a placeholder id on either side (DUMMY01, GB-REV, GB-CHC-n/a, 360G-ocf-org:);
// - sharing an umbrella number, carried by three or more unlike names (the Scouts' charity number
//   on many local groups), which does not say two grants went to one group;
// - whose ids are in no common register: Wolfson's own id for a charity and another funder's GB-CHC
//   id for it may or may not be one organisation, and nothing in the data says which.

/** The register entry a grant's recipient org id names, as charity:…, company:… or org:…; null for a placeholder. */
function organisationKey(grant: PublishedGrant): string | null {
  const fromId = readOrgId(grant.recipientOrgId);
  if (fromId.charityNumber) return `charity:${fromId.charityNumber}`;
  if (fromId.companyNumber) return `company:${fromId.companyNumber}`;
  return fromId.other ? `org:${fromId.other}` : null;
}

/**
 * The register a key belongs to. Charity and company numbers are national registers; a publisher's
 * own ids (360G-wolfson:org-13177) form a register of that publisher's alone.
 */
function registerOf(key: string): string {
  if (!key.startsWith('org:')) return key.slice(0, key.indexOf(':'));
  return /^org:(360G-[A-Z0-9]+|[A-Z]{2}-[A-Z]+)/.exec(key)?.[1] ?? key;
}

/**
 * Names that are one organisation's name written two ways: one's words all within the other's ("NCVO"
 * and "NCVO - National Council for Voluntary Organisations"), the same letters spaced differently, or
 * a typo apart. "4th Bristol Scout Group" and "19th Walsall Scout Group" are not.
 */
function variantNames(a: string, b: string): boolean {
  const x = normaliseName(a).words;
  const y = normaliseName(b).words;
  const within = (small: string[], large: string[]) => small.every((word) => large.includes(word));
  return within(x, y) || within(y, x) || x.join('') === y.join('') || trigramSimilarity(x.join(' '), y.join(' ')) >= 0.8;
}

/** Keys carried by three or more names that are not variants of each other: umbrellas over separate groups. */
function findUmbrellas(all: PublishedGrant[]): Map<string, string[]> {
  const namesByKey = new Map<string, Set<string>>();
  for (const grant of all) {
    const key = organisationKey(grant);
    if (key) namesByKey.set(key, (namesByKey.get(key) ?? new Set()).add(grant.recipientName.trim()));
  }
  const umbrellas = new Map<string, string[]>();
  for (const [key, names] of namesByKey) {
    const distinct: string[] = [];
    for (const name of names) if (!distinct.some((seen) => variantNames(seen, name))) distinct.push(name);
    if (distinct.length >= 3) umbrellas.set(key, distinct);
  }
  return umbrellas;
}

const umbrellas = findUmbrellas(grants);
const organisationById = new Map(grants.map((grant) => [grant.id, organisationKey(grant)]));

type PairKind = 'same' | 'different' | 'placeholder' | 'umbrella' | 'unknown';

function pairKind(queryId: string, matchId: string): PairKind {
  const query = organisationById.get(queryId);
  const match = organisationById.get(matchId);
  if (!query || !match) return 'placeholder';
  if (query === match) return umbrellas.has(query) ? 'umbrella' : 'same';
  return registerOf(query) === registerOf(match) ? 'different' : 'unknown';
}

// ---------------------------------------------------------------------------------------------------
// Splits and scoring.

interface Split {
  name: string;
  /** Each run links its queries to its reference; a split of several runs sums them. */
  runs: { reference: PublishedGrant[]; queries: PublishedGrant[] }[];
}

const funderOf = (grant: PublishedGrant) => grant.funderId ?? grant.funderName;
const funders = [...new Set(grants.map(funderOf))];

const SPLITS: Split[] = [
  {
    name: `by year (to ${LAST_REFERENCE_YEAR} / after)`,
    runs: [{ reference: grants.filter((grant) => grant.awardDate.slice(0, 4) <= LAST_REFERENCE_YEAR), queries: grants.filter((grant) => grant.awardDate.slice(0, 4) > LAST_REFERENCE_YEAR) }],
  },
  {
    name: `by funder (each of ${funders.length} against the rest)`,
    runs: funders.map((funder) => ({ reference: grants.filter((grant) => funderOf(grant) !== funder), queries: grants.filter((grant) => funderOf(grant) === funder) })),
  },
];

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  placeholder: number;
  umbrella: number;
  unknown: number;
  /** False alarms whose names are the same once normalised: mostly one group under a new charity number. */
  sameName: number;
  /** True pairs left out of the ground truth because they share an umbrella number. */
  umbrellaTruth: number;
  falseAlarms: Link[];
  misses: [string, string][];
}

/** All true pairs of a run (a query and a reference grant to the same organisation), and how many were left out as umbrella pairs. */
function truePairs(reference: PublishedGrant[], queries: PublishedGrant[]): { pairs: Set<string>; umbrella: number } {
  const byOrganisation = new Map<string, string[]>();
  for (const grant of reference) {
    const organisation = organisationById.get(grant.id);
    if (organisation) addTo(byOrganisation, organisation, grant.id);
  }
  const pairs = new Set<string>();
  let umbrella = 0;
  for (const query of queries) {
    const organisation = organisationById.get(query.id);
    if (!organisation) continue;
    for (const match of byOrganisation.get(organisation) ?? []) {
      if (pairKind(query.id, match) === 'same') pairs.add(`${query.id}\n${match}`);
      else umbrella += 1;
    }
  }
  return { pairs, umbrella };
}

const sameNormalisedNames = (x: string, y: string) => normaliseName(grantById.get(x)!.recipientName).core === normaliseName(grantById.get(y)!.recipientName).core;

function tally(split: Split, link: (reference: PublishedGrant[], queries: PublishedGrant[]) => Link[]): Tally {
  const result: Tally = { tp: 0, fp: 0, fn: 0, placeholder: 0, umbrella: 0, unknown: 0, sameName: 0, umbrellaTruth: 0, falseAlarms: [], misses: [] };
  for (const { reference, queries } of split.runs) {
    const truth = truePairs(reference, queries);
    result.umbrellaTruth += truth.umbrella;
    const found = new Set<string>();
    for (const pair of link(reference, queries)) {
      const kind = pairKind(pair.queryId, pair.matchId);
      if (kind === 'placeholder') result.placeholder += 1;
      else if (kind === 'umbrella') result.umbrella += 1;
      else if (kind === 'unknown') result.unknown += 1;
      else if (kind === 'same') {
        result.tp += 1;
        found.add(`${pair.queryId}\n${pair.matchId}`);
      } else {
        result.fp += 1;
        if (sameNormalisedNames(pair.queryId, pair.matchId)) result.sameName += 1;
        result.falseAlarms.push(pair);
      }
    }
    for (const pair of truth.pairs) {
      if (found.has(pair)) continue;
      result.fn += 1;
      result.misses.push(pair.split('\n') as [string, string]);
    }
  }
  return result;
}

const engine =
  (identifiers: boolean) =>
  (reference: PublishedGrant[], queries: PublishedGrant[]): Link[] =>
    linkRecords(
      reference.map((grant) => toGrantRecord(grant, { identifiers })),
      queries.map((grant) => toGrantRecord(grant, { identifiers })),
      MIN_SCORE,
    );

/** Baseline: the same name once lower-cased, punctuation and legal forms aside (normaliseName().full). */
function sameNormalisedName(reference: PublishedGrant[], queries: PublishedGrant[]): Link[] {
  const byName = new Map<string, string[]>();
  for (const grant of reference) {
    addTo(byName, normaliseName(grant.recipientName).full, grant.id);
  }
  return queries.flatMap((query) => (byName.get(normaliseName(query.recipientName).full) ?? []).map((matchId) => ({ queryId: query.id, matchId, score: 1, reasons: [] })));
}

/** Baseline: names whose pg_trgm similarity, as written but lower-cased, is 0.7 or more. */
function namesTrigramAlike(reference: PublishedGrant[], queries: PublishedGrant[]): Link[] {
  const sets = reference.map((grant) => trigrams(grant.recipientName.toLowerCase()));
  const byTrigram = new Map<string, number[]>();
  sets.forEach((set, index) => {
    for (const trigram of set) addTo(byTrigram, trigram, index);
  });
  const links: Link[] = [];
  for (const query of queries) {
    const set = trigrams(query.recipientName.toLowerCase());
    const shared = new Map<number, number>();
    for (const trigram of set) for (const index of byTrigram.get(trigram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    for (const [index, count] of shared) {
      // The same sum as setSimilarity, from counts already made.
      const score = count / (set.size + sets[index].size - count);
      if (score >= 0.7) links.push({ queryId: query.id, matchId: reference[index].id, score, reasons: [] });
    }
  }
  return links;
}

const METHODS = [
  { name: '(a) engine, with identifiers', link: engine(true), goal: GOALS.a },
  { name: '(b) engine, no identifiers', link: engine(false), goal: GOALS.b },
  { name: '(b) baseline: same normalised name', link: sameNormalisedName, goal: null },
  { name: '(b) baseline: name trigrams >= 0.7', link: namesTrigramAlike, goal: null },
];

// ---------------------------------------------------------------------------------------------------
// Report.

const ratio = (part: number, whole: number) => (whole === 0 ? 'n/a' : (part / whole).toFixed(3));
const describe = (id: string) => {
  const grant = grantById.get(id)!;
  return `${grant.recipientName} [${grant.recipientOrgId ?? '-'}${grant.postcode ? `, ${grant.postcode}` : ''}; ${grant.funderName} ${grant.awardDate.slice(0, 4)}]`;
};

console.log(`Duplicates engine accuracy: ${grants.length} grants to organisations from ${funders.length} funders (${FILES.length} files), min score ${MIN_SCORE}.`);
console.log('Ground truth: the same recipient org id. Linked pairs not counted (neither TP nor FP): a placeholder id on either side;');
console.log('an umbrella number shared; ids in no common register (a publisher\'s own id against a charity number, say).');
console.log(`Umbrella numbers (3+ unlike names): ${[...umbrellas].map(([key, names]) => `${key} (${names.join(' | ')})`).join('; ') || 'none'}.`);
console.log(`Grants whose org id is a placeholder: ${[...organisationById.values()].filter((key) => !key).length}.`);
for (const split of SPLITS) console.log(`Split ${split.name}: ${split.runs.reduce((sum, run) => sum + run.queries.length, 0)} queries, each run against ${split.runs.map((run) => run.reference.length).join('/')} reference grants.`);
console.log('');

const header = ['split', 'method', 'precision', 'recall', 'TP', 'FP', 'FN', 'FP same name', 'not counted: placeholder', 'umbrella', 'no common register', 'goal', 'seconds'];
const rows: string[][] = [];
const umbrellaTruth = new Map<string, number>();
for (const split of SPLITS.filter((_, index) => options.split === 'both' || (options.split === 'year' ? index === 0 : index === 1))) {
  for (const method of METHODS) {
    const start = performance.now();
    const result = tally(split, method.link);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    umbrellaTruth.set(split.name, result.umbrellaTruth);
    const precision = result.tp / (result.tp + result.fp);
    const recall = result.tp / (result.tp + result.fn);
    const goal = method.goal ? `P>=${method.goal.precision} R>=${method.goal.recall}: ${precision >= method.goal.precision && recall >= method.goal.recall ? 'met' : 'NOT met'}` : '';
    rows.push([
      split.name, method.name, ratio(result.tp, result.tp + result.fp), ratio(result.tp, result.tp + result.fn),
      `${result.tp}`, `${result.fp}`, `${result.fn}`, `${result.sameName}`, `${result.placeholder}`, `${result.umbrella}`, `${result.unknown}`, goal, seconds,
    ]);
    if (EXAMPLES > 0 && method.goal) {
      console.log(`-- ${split.name}, ${method.name}: false alarms`);
      for (const pair of result.falseAlarms.slice(0, EXAMPLES)) console.log(`   ${pair.score.toFixed(3)} ${describe(pair.queryId)} ~ ${describe(pair.matchId)}\n        ${pair.reasons.join('; ')}`);
      console.log(`-- ${split.name}, ${method.name}: misses`);
      for (const [query, match] of result.misses.slice(0, EXAMPLES)) console.log(`   ${describe(query)} ~ ${describe(match)}`);
    }
  }
}
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => (column >= 2 && column <= 10 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of rows) console.log(line(row));
console.log('');
console.log(`True pairs left out because they share an umbrella number: ${[...umbrellaTruth].map(([split, count]) => `${count} ${split}`).join(', ')}.`);
console.log("FP same name: false alarms whose names are the same once normalised, at different org ids. Most are one group that");
console.log('re-registered under a new charity number (on incorporating or becoming a CIO), which the org id counts as another.');
console.log('By funder: each funder\'s grants are queries against all other funders\' grants, summed, so a pair is counted from both sides.');
console.log('Weights were set from the by-year split\'s errors; the by-funder split\'s errors were read too, to sort misses into kinds,');
console.log(`so it is a check rather than an untouched test. Total time ${((performance.now() - started) / 1000).toFixed(1)} s.`);
