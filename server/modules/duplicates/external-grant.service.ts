// Importing other funders' published grants (360Giving Data Standard), so the engine also finds groups
// the pool is about to fund twice with money from outside it. All or nothing: a file with any problem
// imports nothing, and the problems name the row and the field.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { checkFund } from './duplicates.service.ts';
import { ExternalGrant, ExternalGrantImport } from './external-grant.entity.ts';
import { externalGrantRecord, matchColumns } from './match-store.ts';
import { parseThreeSixtyGiving, type PublishedGrant } from './three-sixty-giving.ts';
import { postgresArray } from '../../db/postgres-array.ts';

/** Big enough for a year of a large funder's grants (the 4,116-grant Lloyds file is 3.6 MB). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** Everything but the row's own id and creation time is replaced by a newer copy of a grant. */
const MERGED: Exclude<keyof ExternalGrant, symbol>[] = ['importedFrom', 'title', 'description', 'currency', 'amountAwardedMinor', 'awardDate', 'plannedStart', 'plannedEnd', 'recipientName', 'recipientOrgId', 'charityNumber', 'companyNumber', 'postcode', 'areas', 'funderName', 'funderIdentifier'];

export interface ImportInput {
  fundId: string;
  fileName: string;
  content: string;
}

export async function importExternalGrants(em: EntityManager, viewer: Viewer, input: ImportInput) {
  const fund = await findById(em, Fund, input.fundId);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  if (!canOnFund(viewer, 'assistApplication', fund)) throw errors.forbidden('import grants into this fund');
  const fileName = input.fileName.trim().slice(0, 200);
  if (!/\.(json|csv)$/i.test(fileName)) {
    throw errors.badInput([{ field: 'file', message: 'Choose a 360Giving file ending in .json or .csv.' }]);
  }
  if (Buffer.byteLength(input.content, 'utf8') > MAX_IMPORT_BYTES) {
    throw errors.badInput([{ field: 'file', message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it by year and import each part.` }]);
  }
  const parsed = parseThreeSixtyGiving(input.content, fileName);
  if (!parsed.ok) {
    throw errors.badInput(
      parsed.problems.map((problem) => ({
        field: 'file',
        message: problem.row > 0 ? `Row ${problem.row}, ${problem.field}: ${problem.message}` : problem.message,
      })),
    );
  }

  const batch = await em.transactional(async (tx) => {
    const funderNames = [...new Set(parsed.grants.map((grant) => grant.funderName))].sort();
    const batch = tx.create(ExternalGrantImport, {
      fund,
      fileName,
      funderNames,
      grantCount: parsed.grants.length,
      skippedIndividuals: parsed.skipped.individuals,
      importedBy: viewer.user,
    });
    await tx.flush();
    await storeExternalGrants(tx, fund, batch, parsed.grants);
    recordAudit(tx, {
      actor: viewer.user,
      action: 'external-grants.imported',
      entityType: 'ExternalGrantImport',
      entityId: batch.id,
      fundId: fund.id,
      changes: { fileName, grants: parsed.grants.length, funders: funderNames.join(', ') },
    });
    return batch;
  });

  // Every application in the fund against what the file brought.
  await checkFund(em.fork(), fund.id);
  return batch;
}

/**
 * Stores a file's grants and their match records. A grant already imported (the same publisher's id)
 * is updated in place, so importing a newer copy of a file neither duplicates grants nor loses reviews.
 */
export async function storeExternalGrants(tx: EntityManager, fund: Fund, batch: ExternalGrantImport, published: PublishedGrant[]) {
  const grants = await tx.upsertMany(
    ExternalGrant,
    published.map((grant) => ({
      id: crypto.randomUUID(),
      createdAt: new Date(),
      fund,
      importedFrom: batch,
      grantIdentifier: grant.id,
      title: grant.title,
      description: grant.description ?? undefined,
      currency: grant.currency,
      amountAwardedMinor: Math.round(grant.amountAwarded * 100),
      awardDate: grant.awardDate,
      plannedStart: grant.plannedStart ?? undefined,
      plannedEnd: grant.plannedEnd ?? undefined,
      recipientName: grant.recipientName,
      recipientOrgId: grant.recipientOrgId ?? undefined,
      charityNumber: grant.charityNumber ?? undefined,
      companyNumber: grant.companyNumber ?? undefined,
      postcode: grant.postcode ?? undefined,
      areas: grant.areas,
      funderName: grant.funderName,
      funderIdentifier: grant.funderId ?? undefined,
    })),
    { onConflictFields: ['fund', 'grantIdentifier'], onConflictAction: 'merge', onConflictMergeFields: MERGED, batchSize: 500 },
  );
  for (let start = 0; start < grants.length; start += 500) {
    const slice = grants.slice(start, start + 500);
    const values: unknown[] = [];
    const rows = slice.map((grant) => {
      const id = crypto.randomUUID();
      const record = externalGrantRecord(grant);
      const columns = matchColumns(id, record);
      values.push(id, fund.id, grant.id, columns.nameCore, postgresArray(columns.keys), JSON.stringify(record));
      return `(?, now(), now(), ?, ?, ?, ?::text[], ?::jsonb)`;
    });
    await tx.execute(
      `INSERT INTO match_record (id, created_at, updated_at, fund_id, external_grant_id, name_core, keys, record)
         VALUES ${rows.join(', ')}
       ON CONFLICT (external_grant_id) DO UPDATE
         SET name_core = excluded.name_core, keys = excluded.keys, record = excluded.record, updated_at = now()`,
      values,
    );
  }
}

export async function fundImports(em: EntityManager, viewer: Viewer | null, fundId: string) {
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  return em.find(ExternalGrantImport, { fund }, { orderBy: { createdAt: 'desc' } });
}
