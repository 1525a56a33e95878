// Checking for duplicates and recording what officers decide about them. One engine for everything:
// an application when it is sent, a fund's imported grants, and the whole fund in the nightly job.

import type { EntityManager } from '@mikro-orm/postgresql';
import { DuplicateKind, DuplicateVerdict } from '../../../shared/domain.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { isUmbrellaGroup } from './candidate-index.ts';
import { identifierKeys } from './grant-record.ts';
import { DuplicateFlag } from './duplicate-flag.entity.ts';
import { findCandidates, loadStoredRecord, type StoredRecord, syncApplicationRecords } from './match-store.ts';
import { reasonsInWords, scoreSameGroup } from './same-group.ts';
import { scoreSameWork } from './same-work.ts';
import { postgresArray } from '../../db/postgres-array.ts';

/** A pair at or above this score is flagged for an officer to look at. */
export const FLAG_THRESHOLD = 0.5;

export const MAX_NOTE_LENGTH = 1000;

interface Finding {
  other: StoredRecord;
  kind: DuplicateKind;
  score: number;
  reasons: string[];
}

/** What the engine makes of one record against its candidates. Pure: no writes. */
export function judge(query: StoredRecord, candidates: StoredRecord[]): Finding[] {
  const umbrella = new Map<string, boolean>();
  const context = {
    isUmbrella(key: string) {
      let known = umbrella.get(key);
      if (known === undefined) {
        const sharing = candidates.filter((candidate) => identifierKeys(candidate.prepared).includes(key));
        known = isUmbrellaGroup([query.prepared, ...sharing.map((candidate) => candidate.prepared)]);
        umbrella.set(key, known);
      }
      return known;
    },
  };
  const findings: Finding[] = [];
  for (const other of candidates) {
    // Two published grants are another funder's business; a flag always involves the pool.
    if (!query.applicationId && !other.applicationId) continue;
    // Judged in a fixed order (applications first, then by name), so the words read the same whichever
    // side was checked last.
    const [first, second] = readingOrder(query, other) <= 0 ? [query.prepared, other.prepared] : [other.prepared, query.prepared];
    const group = scoreSameGroup(first, second, context);
    if (group.score >= FLAG_THRESHOLD) {
      findings.push({ other, kind: DuplicateKind.SAME_GROUP, score: group.score, reasons: reasonsInWords(group) });
      continue;
    }
    const work = scoreSameWork(first, second);
    if (work.score >= FLAG_THRESHOLD) findings.push({ other, kind: DuplicateKind.SAME_WORK, score: work.score, reasons: reasonsInWords(work) });
  }
  return findings;
}

/** The order localeCompare gives, made once rather than on every comparison. */
const collator = new Intl.Collator();

function readingOrder(x: StoredRecord, y: StoredRecord) {
  const source = Number(!x.applicationId) - Number(!y.applicationId);
  return source || collator.compare(x.prepared.record.name, y.prepared.record.name) || collator.compare(x.id, y.id);
}

/**
 * Checks one match record against the fund and stores what it finds: new pairs are flagged, known
 * pairs get the new score and reasons (their review stays), and pairs no longer found stop being current.
 */
export async function checkRecord(em: EntityManager, fundId: string, recordId: string): Promise<number> {
  const query = await loadStoredRecord(em, recordId);
  if (!query) return 0;
  const findings = judge(query, await findCandidates(em, fundId, query));
  await em.transactional(async (tx) => {
    await upsertFlags(
      tx,
      fundId,
      findings.map((finding) => {
        const [a, b] = [query.id, finding.other.id].sort();
        return { a, b, kind: finding.kind, score: finding.score, reasons: finding.reasons };
      }),
    );
    const found = findings.map((finding) => finding.other.id);
    await tx.execute(
      `UPDATE duplicate_flag SET current = false, updated_at = now()
         WHERE current AND (record_a_id = ? OR record_b_id = ?)
           AND NOT (CASE WHEN record_a_id = ? THEN record_b_id ELSE record_a_id END = ANY(?::uuid[]))`,
      [query.id, query.id, query.id, postgresArray(found)],
    );
  });
  return findings.length;
}

/** A pair as stored: its two match records in id order. */
export interface FoundPair {
  a: string;
  b: string;
  kind: DuplicateKind;
  score: number;
  reasons: string[];
}

/**
 * Flags new pairs and gives known ones their new kind, score and reasons (an officer's review of the
 * pair stays), in one statement; a pair found as it was is not written at all.
 */
export async function upsertFlags(em: EntityManager, fundId: string, pairs: FoundPair[]) {
  if (pairs.length === 0) return;
  await em.execute(
    `INSERT INTO duplicate_flag (id, created_at, updated_at, fund_id, record_a_id, record_b_id, kind, score, reasons, current)
       SELECT gen_random_uuid(), now(), now(), ?, a, b, kind::duplicate_kind, score, reasons::text[], true
         FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::float8[], ?::text[]) AS t(a, b, kind, score, reasons)
     ON CONFLICT (record_a_id, record_b_id) DO UPDATE
       SET kind = excluded.kind, score = excluded.score, reasons = excluded.reasons, current = true, updated_at = now()
       WHERE (duplicate_flag.kind, duplicate_flag.score, duplicate_flag.reasons, duplicate_flag.current)
         IS DISTINCT FROM (excluded.kind, excluded.score, excluded.reasons, true)`,
    [
      fundId,
      postgresArray(pairs.map((pair) => pair.a)),
      postgresArray(pairs.map((pair) => pair.b)),
      postgresArray(pairs.map((pair) => pair.kind)),
      postgresArray(pairs.map((pair) => pair.score)),
      postgresArray(pairs.map((pair) => postgresArray(pair.reasons))),
    ],
  );
}

/** Brings these applications' records up to date and checks each. Returns the number of pairs flagged. */
export async function checkApplications(em: EntityManager, applicationIds: string[]): Promise<number> {
  let flagged = 0;
  for (const { fundId, recordId } of await syncApplicationRecords(em, applicationIds)) flagged += await checkRecord(em, fundId, recordId);
  return flagged;
}

/** Checked when an application is sent. A failure here must not fail the sending: the nightly check catches up. */
export async function checkSentApplication(em: EntityManager, applicationId: string, logger: Pick<Logger, 'warn'>) {
  try {
    await checkApplications(em.fork(), [applicationId]);
  } catch (error) {
    logger.warn({ err: error, applicationId }, 'duplicate check failed; the nightly check will try again');
  }
}

/** The whole fund: every application against every application and imported grant. */
export async function checkFund(em: EntityManager, fundId: string) {
  const rows = await em.execute<{ id: string }[]>(`SELECT id FROM application WHERE fund_id = ? ORDER BY submitted_at`, [fundId]);
  await checkApplications(em, rows.map((row) => row.id));
  const [{ flagged }] = await em.execute<{ flagged: number }[]>(`SELECT count(*)::int AS flagged FROM duplicate_flag WHERE fund_id = ? AND current`, [fundId]);
  return { applications: rows.length, flagged };
}

export async function allFundIds(em: EntityManager) {
  return (await em.execute<{ id: string }[]>(`SELECT id FROM fund ORDER BY created_at`)).map((row) => row.id);
}

export interface ReviewInput {
  flagId: string;
  version: number;
  verdict: DuplicateVerdict;
  note?: string | null;
}

/** An officer's answer for the pair, remembered whenever the engine checks again. */
export async function reviewDuplicate(em: EntityManager, viewer: Viewer, input: ReviewInput) {
  const flag = await findById(em, DuplicateFlag, input.flagId, { populate: ['fund'] });
  if (!flag || !canOnFund(viewer, 'view', flag.fund)) throw errors.notFound('duplicate flag');
  if (!canOnFund(viewer, 'assistApplication', flag.fund)) throw errors.forbidden('review duplicates in this fund');
  if (flag.version !== input.version) throw errors.conflict('duplicate flag');
  const note = input.note?.trim() || undefined;
  if (note && note.length > MAX_NOTE_LENGTH) throw errors.badInput([{ field: 'note', message: `Keep the note under ${MAX_NOTE_LENGTH} characters; it has ${note.length}.` }]);
  if (input.verdict !== DuplicateVerdict.NOT_DUPLICATE && !note) {
    throw errors.badInput([{ field: 'note', message: 'Say in a few words what you found, so the panel can read it.' }]);
  }
  const before = { verdict: flag.verdict ?? null, note: flag.note ?? null };
  em.assign(flag, { verdict: input.verdict, note, reviewedBy: viewer.user, reviewedAt: new Date() });
  recordAudit(em, {
    actor: viewer.user,
    action: 'duplicate.reviewed',
    entityType: 'DuplicateFlag',
    entityId: flag.id,
    fundId: flag.fund.id,
    changes: { verdict: [before.verdict, input.verdict], note: [before.note, note ?? null] },
  });
  await em.flush();
  return flag;
}

/** Both sides of each flag, loaded with it in one statement. */
const FLAG_POPULATE = ['recordA.application.group', 'recordB.application.group', 'recordA.externalGrant', 'recordB.externalGrant', 'reviewedBy'] as const;

/** What people see: flags still found, and those reviewed (a review stays with its pair). */
const SHOWN = { $or: [{ current: true }, { verdict: { $ne: null } }] };

/** Flags for a fund's officers to work through: current ones first, unreviewed before reviewed. */
export async function fundFlags(em: EntityManager, viewer: Viewer | null, fundId: string) {
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  return em.find(DuplicateFlag, { fund, ...SHOWN }, { populate: FLAG_POPULATE, strategy: 'joined', orderBy: { current: 'desc', reviewedAt: 'asc nulls first', score: 'desc' } });
}

/** How many flags wait for a decision: still found, and not yet reviewed. One count, for the fund's home page. */
export function countFlagsToReview(em: EntityManager, fund: Fund) {
  return em.count(DuplicateFlag, { fund, current: true, verdict: null });
}

/** Flags of each application, strongest first, for the per-request loader. */
export async function flagsForApplications(em: EntityManager, applicationIds: readonly string[]): Promise<DuplicateFlag[][]> {
  const flags = await em.find(
    DuplicateFlag,
    { $and: [{ $or: [{ recordA: { application: { $in: [...applicationIds] } } }, { recordB: { application: { $in: [...applicationIds] } } }] }, SHOWN] },
    { populate: FLAG_POPULATE, strategy: 'joined', orderBy: { score: 'desc', id: 'asc' } },
  );
  const byApplication = new Map<string, DuplicateFlag[]>(applicationIds.map((id) => [id, []]));
  for (const flag of flags) {
    for (const record of [flag.recordA, flag.recordB]) if (record.application) byApplication.get(record.application.id)?.push(flag);
  }
  return applicationIds.map((id) => byApplication.get(id)!);
}

/** A check of the whole fund on request, for the people who review flags. */
export async function checkFundNow(em: EntityManager, viewer: Viewer, fundId: string) {
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  if (!canOnFund(viewer, 'assistApplication', fund)) throw errors.forbidden('check this fund for duplicates');
  return checkFund(em, fund.id);
}
