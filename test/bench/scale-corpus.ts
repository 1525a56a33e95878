// Storing the synthetic corpus and new applications for the duplicates scale benchmark: the grants and
// their match records as an import stores them (external-grant.service.ts), thousands of rows to a
// statement, and applications with their match records through the product's own syncApplicationRecords.
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { ApplicationStatus, LegalForm } from '../../shared/domain.ts';
import { ApplicantGroup } from '../../server/modules/applications/applicant-group.entity.ts';
import { Application } from '../../server/modules/applications/application.entity.ts';
import type { ExternalGrant } from '../../server/modules/duplicates/external-grant.entity.ts';
import { postcodeParts } from '../../server/modules/duplicates/normalise.ts';
import { externalGrantRecord, matchColumns, syncApplicationRecords } from '../../server/modules/duplicates/match-store.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Phase } from '../../server/modules/funds/phase.entity.ts';
import { type Group, type RealData, type Random, syntheticGrant, varyName, varyPostcode } from './synthetic-grants.ts';
import { postgresArray } from '../../server/db/postgres-array.ts';

/** Rows per INSERT: big enough that round trips do not count, small enough to keep memory flat. */
const LOAD_BATCH = 5_000;

// One statement for both tables, so PostgreSQL stores a batch in one round trip while the next is built.
const INSERT_GRANTS_AND_RECORDS = `
  WITH grants AS (
    INSERT INTO external_grant (id, created_at, fund_id, imported_from_id, grant_identifier, title, description, currency,
        amount_awarded_minor, award_date, planned_start, planned_end, recipient_name, recipient_org_id, charity_number,
        company_number, postcode, areas, funder_name)
      SELECT id, now(), $1, $2, grant_identifier, title, description, 'GBP', amount, award_date, planned_start, planned_end,
          recipient_name, recipient_org_id, charity_number, company_number, postcode, areas::text[], funder_name
        FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::date[], $9::date[], $10::date[],
            $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
          AS t(id, grant_identifier, title, description, amount, award_date, planned_start, planned_end, recipient_name,
            recipient_org_id, charity_number, company_number, postcode, areas, funder_name)
      RETURNING id)
  INSERT INTO match_record (id, created_at, updated_at, fund_id, external_grant_id, name_core, keys, record)
    SELECT id, now(), now(), $1, grant_id, name_core, keys::text[], record::jsonb
      FROM unnest($18::uuid[], $3::uuid[], $19::text[], $20::text[], $21::text[]) AS t(id, grant_id, name_core, keys, record)`;

/** The GIN index on keys, as the duplicates migration creates it. */
export const GIN_INDEXES = {
  match_record_keys_gin: `CREATE INDEX match_record_keys_gin ON match_record USING gin (keys)`,
};

const GRANT_RECORD_PREFIX = '00000000-0000-4000-8000-';

/** Match record ids in load order, so a run's ties break the same way as the last run's. */
const grantRecordId = (index: number) => `${GRANT_RECORD_PREFIX}${index.toString(16).padStart(12, '0')}`;

/** The load order of a corpus grant's match record, or null for any other record (an application's). */
export const grantIndexOf = (recordId: string) => (recordId.startsWith(GRANT_RECORD_PREFIX) ? parseInt(recordId.slice(GRANT_RECORD_PREFIX.length), 16) : null);

export interface Corpus {
  client: pg.Client;
  random: Random;
  data: RealData;
  groups: Group[];
  fundId: string;
  importId: string;
  /** The truth: the index in `groups` of the group each grant (by load order) went to. */
  groupOf: Int32Array;
}

/** One batch of synthetic grants as the statement's parameters, match columns as the product computes them. */
function corpusBatch(corpus: Corpus, from: number, to: number) {
  const { random, data, groups } = corpus;
  const columns: unknown[][] = Array.from({ length: 19 }, () => []);
  for (let index = from; index < to; index += 1) {
    const group = Math.floor(random() * groups.length);
    corpus.groupOf[index] = group;
    const grant = syntheticGrant(random, data, groups[group], index);
    // The product builds the record from the stored entity (external-grant.service.ts); the same fields here.
    const record = externalGrantRecord({ ...grant, description: grant.description ?? undefined } as unknown as ExternalGrant);
    const recordId = grantRecordId(index);
    const { nameCore, keys } = matchColumns(recordId, record);
    const values = [
      grant.id, grant.grantIdentifier, grant.title, grant.description, grant.amountAwardedMinor, grant.awardDate, grant.plannedStart, grant.plannedEnd,
      grant.recipientName, grant.recipientOrgId, grant.charityNumber, grant.companyNumber, grant.postcode, postgresArray(grant.areas), grant.funderName,
      recordId, nameCore, postgresArray(keys), JSON.stringify(record),
    ];
    values.forEach((value, column) => columns[column].push(value));
  }
  return [corpus.fundId, corpus.importId, ...columns];
}

/** Stores grants [from, to), building the next batch while PostgreSQL stores the last one. */
export async function loadGrants(corpus: Corpus, from: number, to: number) {
  let pending: Promise<unknown> = Promise.resolve();
  for (let start = from; start < to; start += LOAD_BATCH) {
    const parameters = corpusBatch(corpus, start, Math.min(to, start + LOAD_BATCH));
    await pending;
    pending = corpus.client.query(INSERT_GRANTS_AND_RECORDS, parameters);
  }
  await pending;
}

export interface ApplicationSpec {
  group: Group;
  /** True when the group has grants in the corpus. */
  known: boolean;
}

let applicationNumber = 0;

/**
 * Creates the applications and their groups in one flush, then their match records the product's way.
 * Returns the match record ids, in the order of `specs`.
 */
export async function createApplications(em: EntityManager, fund: Fund, data: RealData, specs: ApplicationSpec[], random: Random) {
  const phase = await em.findOneOrFail(Phase, { fund, position: 0 });
  // References are unique across the database, which may hold an earlier run's applications.
  applicationNumber ||= Number((await em.execute<{ count: string }[]>(`SELECT count(*) FROM application`))[0].count);
  const applications = specs.map(({ group: applicant }) => {
    const n = (applicationNumber += 1);
    const { works } = applicant;
    const work = works.length > 0 ? works[Math.floor(random() * works.length)] : data.works[n % data.works.length];
    // Small groups often have no number, or leave it out.
    const identified = random() < 0.4;
    const group = em.create(ApplicantGroup, {
      name: varyName(random, applicant.name).slice(0, 200),
      legalForm: identified && applicant.charityNumber ? LegalForm.REGISTERED_CHARITY : LegalForm.CONSTITUTED_COMMUNITY_GROUP,
      charityNumber: identified ? (applicant.charityNumber ?? undefined) : undefined,
      companyNumber: identified ? (applicant.companyNumber ?? undefined) : undefined,
      // The form stores postcodes normalised.
      postcode: postcodeParts(varyPostcode(random, data, applicant.postcode))?.full ?? undefined,
      contactName: `Contact ${n}`,
      contactEmail: `contact${n}@group.example`,
      contactPhone: `07700 ${String(900_000 + n).slice(-6)}`,
    });
    return em.create(Application, {
      reference: `S-${String(n).padStart(7, '0')}`,
      fund,
      phase,
      group,
      status: ApplicationStatus.SUBMITTED,
      title: work.title.slice(0, 200),
      summary: work.description ?? work.title,
      amountRequestedPence: 1_500_00,
      submittedAt: new Date('2026-11-02T10:00:00Z'),
    });
  });
  await em.flush();
  const recordIds: string[] = [];
  for (let start = 0; start < applications.length; start += 1000) {
    const slice = applications.slice(start, start + 1000).map((application) => application.id);
    const synced = new Map((await syncApplicationRecords(em, slice)).map((record) => [record.applicationId, record.recordId]));
    recordIds.push(...slice.map((id) => synced.get(id)!));
  }
  em.clear();
  return recordIds;
}
