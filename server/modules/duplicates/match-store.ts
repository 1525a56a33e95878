// The duplicates engine's records in PostgreSQL: what each application and imported grant looks like to
// the engine, and the search for candidates (shared blocking keys through a GIN index on `keys`, and
// alike core names from the server's in-memory index of the fund's names, fund-names.ts).

import type { EntityManager } from '@mikro-orm/postgresql';
import { Application } from '../applications/application.entity.ts';
import { BankDetails } from '../bank/bank-details.entity.ts';
import { chooseCandidates, isNameKey, type NameFound } from './candidate-choice.ts';
import { NAME_CANDIDATE_THRESHOLD } from './candidate-index.ts';
import type { ExternalGrant } from './external-grant.entity.ts';
import { fundNames } from './fund-names.ts';
import { blockingKeys, type GrantRecord, postcodeOfKeys, type PreparedRecord, prepareRecord } from './grant-record.ts';
import { postgresArray } from '../../db/postgres-array.ts';

/** At most this many records with alike names are found (and fewer judged: see candidate-choice.ts). */
export const NAME_CANDIDATE_LIMIT = 100;

/** Keys that put two records side by side as possibly the same work in the same place. */
export function placeKeys(prepared: PreparedRecord): string[] {
  const keys = (prepared.record.areas ?? []).map((area) => `area:${area.toLowerCase()}`);
  if (prepared.postcode) keys.push(`sector:${prepared.postcode.sector}`);
  return keys;
}

export function searchKeys(prepared: PreparedRecord): string[] {
  return [...new Set([...blockingKeys(prepared), ...placeKeys(prepared)])];
}

const isoDate = (date: Date | undefined | null) => (date ? date.toISOString().slice(0, 10) : null);

/** An application as the engine sees it. The work runs while its phase is open. */
export function applicationRecord(application: Application, bankKey: string | null): Omit<GrantRecord, 'id'> {
  const { group, phase } = application;
  return {
    name: group.name,
    charityNumber: group.charityNumber ?? null,
    companyNumber: group.companyNumber ?? null,
    email: group.contactEmail,
    phone: group.contactPhone ?? null,
    bankHash: bankKey,
    hostName: group.hostName ?? null,
    postcode: group.postcode ?? null,
    areas: [],
    title: application.title,
    text: [application.title, application.summary, application.description].filter(Boolean).join('. '),
    tags: application.priorityTags,
    startsOn: isoDate(phase.openedAt ?? application.submittedAt ?? application.createdAt),
    endsOn: isoDate(phase.closedAt) ?? isoDate(addMonths(phase.openedAt ?? application.submittedAt ?? application.createdAt, 3)),
  };
}

function addMonths(date: Date, months: number) {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** A published grant as the engine sees it. */
export function externalGrantRecord(grant: ExternalGrant): Omit<GrantRecord, 'id'> {
  return {
    name: grant.recipientName,
    orgId: grant.recipientOrgId ?? null,
    charityNumber: grant.charityNumber ?? null,
    companyNumber: grant.companyNumber ?? null,
    postcode: grant.postcode ?? null,
    areas: grant.areas,
    title: grant.title,
    text: [grant.title, grant.description].filter(Boolean).join('. '),
    tags: [],
    startsOn: grant.plannedStart ?? grant.awardDate,
    endsOn: grant.plannedEnd ?? null,
  };
}

/** The columns a match record stores for a record. */
export function matchColumns(id: string, record: Omit<GrantRecord, 'id'>) {
  const prepared = prepareRecord({ ...record, id });
  return { nameCore: prepared.name.core, keys: searchKeys(prepared), record };
}

/** Brings the match records of these applications up to date with the applications and their bank details. */
export interface SyncedRecord {
  applicationId: string;
  fundId: string;
  /** The application's match record. */
  recordId: string;
}

export async function syncApplicationRecords(em: EntityManager, applicationIds: string[]): Promise<SyncedRecord[]> {
  if (applicationIds.length === 0) return [];
  const applications = await em.find(Application, { id: { $in: applicationIds } }, { populate: ['group', 'phase', 'fund'] });
  const bank = await em.find(BankDetails, { application: { $in: applicationIds } }, { fields: ['application', 'accountKey'] });
  const bankKeys = new Map(bank.map((details) => [details.application.id, details.accountKey ?? null]));
  const rows = applications.map((application) => ({ application, record: applicationRecord(application, bankKeys.get(application.id) ?? null) }));
  const existing = await em.execute<{ id: string; application_id: string }[]>(
    `SELECT id, application_id FROM match_record WHERE application_id = ANY(?::uuid[])`,
    [postgresArray(applicationIds)],
  );
  const ids = new Map(existing.map((row) => [row.application_id, row.id]));
  const synced: SyncedRecord[] = [];
  for (const { application, record } of rows) {
    const id = ids.get(application.id) ?? crypto.randomUUID();
    const columns = matchColumns(id, record);
    await em.execute(
      `INSERT INTO match_record (id, created_at, updated_at, fund_id, application_id, name_core, keys, record)
         VALUES (?, now(), now(), ?, ?, ?, ?::text[], ?::jsonb)
       ON CONFLICT (application_id) DO UPDATE
         SET name_core = excluded.name_core, keys = excluded.keys, record = excluded.record, updated_at = now()
         WHERE (match_record.record, match_record.keys, match_record.name_core) IS DISTINCT FROM (excluded.record, excluded.keys, excluded.name_core)`,
      [id, application.fund.id, application.id, columns.nameCore, postgresArray(columns.keys), JSON.stringify(record)],
    );
    synced.push({ applicationId: application.id, fundId: application.fund.id, recordId: id });
  }
  return synced;
}

export interface StoredRecord {
  id: string;
  applicationId: string | null;
  externalGrantId: string | null;
  prepared: PreparedRecord;
}

/** A match record's row as read for judging. */
export interface StoredRow {
  id: string;
  application_id: string | null;
  external_grant_id: string | null;
  record: Omit<GrantRecord, 'id'>;
}

export const storedOf = (row: StoredRow): StoredRecord => ({
  id: row.id,
  applicationId: row.application_id,
  externalGrantId: row.external_grant_id,
  prepared: prepareRecord({ ...row.record, id: row.id }),
});

export async function loadStoredRecord(em: EntityManager, id: string): Promise<StoredRecord | null> {
  const [row] = await em.execute<StoredRow[]>(
    `SELECT id, application_id, external_grant_id, record FROM match_record WHERE id = ?`,
    [id],
  );
  return row ? storedOf(row) : null;
}

/**
 * The records a check judges: every record in the fund that shares a search key other than a name with
 * this one, and of those found by name alone (a shared name key, or a core name among the
 * NAME_CANDIDATE_LIMIT most alike by pg_trgm similarity, at least NAME_CANDIDATE_THRESHOLD) the nearest
 * (candidate-choice.ts). The keys' records are listed with their keys first, which are small, and only
 * the chosen ones are read whole. Equally alike records are taken in id order, so the limits always cut
 * in the same place and the batch link (batch-link.ts) finds the same records.
 */
export async function findCandidates(em: EntityManager, fundId: string, query: StoredRecord): Promise<StoredRecord[]> {
  const names = await fundNames(em, fundId);
  const byName: NameFound[] = names
    .search(query.prepared.name.core, NAME_CANDIDATE_THRESHOLD, NAME_CANDIDATE_LIMIT, query.id)
    .map((alike) => ({ id: alike.recordId, postcode: alike.postcode, closeness: alike.similarity }));
  const keys = searchKeys(query.prepared);
  const evidence = new Set(keys.filter((key) => !isNameKey(key)));
  const keyed = await em.execute<{ id: string; keys: string[] }[]>(
    `SELECT id, keys FROM match_record WHERE fund_id = ? AND id <> ? AND keys && ?::text[]`,
    [fundId, query.id, postgresArray(keys)],
  );
  const byKey: string[] = [];
  for (const row of keyed) {
    if (row.keys.some((key) => evidence.has(key))) byKey.push(row.id);
    else byName.push({ id: row.id, postcode: postcodeOfKeys(row.keys), closeness: 1 });
  }
  const chosen = chooseCandidates({ id: query.id, postcode: query.prepared.postcode?.full ?? null }, byKey, byName);
  const rows = await em.execute<StoredRow[]>(
    `SELECT id, application_id, external_grant_id, record FROM match_record WHERE fund_id = ? AND id = ANY(?::uuid[]) ORDER BY id`,
    [fundId, postgresArray(chosen)],
  );
  return rows.map(storedOf);
}
