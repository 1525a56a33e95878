import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ApplicationStatus } from '../shared/domain.ts';
import { GroupConfirmation } from './modules/applications/group-confirmation.entity.ts';
import { BankDetails } from './modules/bank/bank-details.entity.ts';
import { Decision } from './modules/panels/decision.entity.ts';
import type { DuplicateFlag } from './modules/duplicates/duplicate-flag.entity.ts';
import { flagsForApplications } from './modules/duplicates/duplicates.service.ts';
import { Grant, Payment } from './modules/grants/grant.entity.ts';
import { postgresArray } from './db/postgres-array.ts';
import type { Application } from './modules/applications/application.entity.ts';
import { Area } from './modules/areas/area.entity.ts';
import { Priority } from './modules/taxonomy/priority.entity.ts';
import { tagOrigins, type TagOrigin } from './modules/taxonomy/tagging.service.ts';
import { priorityUsage, type PriorityUsage } from './modules/taxonomy/taxonomy.service.ts';

export interface FundMoney {
  contributedPence: number;
  committedPence: number;
  paidPence: number;
}

export interface ContributionMoney {
  committedPence: number;
  paidPence: number;
}

export type StatusCounts = Record<ApplicationStatus, number>;

/** Panellists appear to the panel by name only (PanelPerson). */
export interface PanellistView {
  id: string;
  name: string;
}
export interface ScoreRow {
  id: string;
  value: number | null;
  comment: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface ConflictRow {
  id: string;
  reason: string;
  createdAt: Date;
}
export type PanelRow<Row> = Row & { panellist: PanellistView };
interface PanellistColumns {
  panellist_id: string;
  panellist_name: string;
}
const PANELLIST_COLUMNS = 'u.id AS panellist_id, u.name AS panellist_name';
const panellistOf = (row: PanellistColumns): PanellistView => ({ id: row.panellist_id, name: row.panellist_name });

/** Rows grouped under each key, in the order the keys were asked for: one pass, not one per key. */
function groupRows<Row, Out>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string, shape: (row: Row) => Out): Out[][] {
  const groups = new Map<string, Out[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(shape(row));
  return keys.map((key) => groups.get(key)!);
}

function firstOf<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): (Row | null)[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) if (!byKey.has(keyOf(row))) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/**
 * Per-request batch loaders for figures computed in SQL, so a list of funds costs one query per
 * figure rather than one per fund. Entity relations batch through MikroORM's own dataloader.
 */
export function createLoaders(em: EntityManager) {
  const connection = em.getConnection();
  return {
    fundMoney: new DataLoader<string, FundMoney>(async (fundIds) => {
      // Awarded money is committed until it is paid; then it counts as paid instead.
      const rows = await connection.execute<{ fund_id: string; contributed: string; awarded: string; paid: string }[]>(
        `SELECT f.id AS fund_id,
                (SELECT coalesce(sum(c.amount_pence), 0) FROM contribution c WHERE c.fund_id = f.id) AS contributed,
                (SELECT coalesce(sum(d.amount_pence), 0) FROM award_draw d JOIN contribution c ON c.id = d.contribution_id
                  WHERE c.fund_id = f.id) AS awarded,
                (SELECT coalesce(sum(p.amount_pence), 0) FROM payment p JOIN fund_grant g ON g.id = p.grant_id
                   JOIN application a ON a.id = g.application_id WHERE a.fund_id = f.id AND p.status = 'PAID') AS paid
           FROM fund f WHERE f.id = ANY(?::uuid[])`,
        [postgresArray(fundIds)],
      );
      const byFund = new Map(rows.map((row) => [row.fund_id, row]));
      return fundIds.map((id) => {
        const row = byFund.get(id);
        const paid = Number(row?.paid ?? 0);
        return { contributedPence: Number(row?.contributed ?? 0), committedPence: Number(row?.awarded ?? 0) - paid, paidPence: paid };
      });
    }),
    // A draw counts as paid once its grant has no payment still due; until then it is committed.
    contributionMoney: new DataLoader<string, ContributionMoney>(async (contributionIds) => {
      const rows = await connection.execute<{ contribution_id: string; awarded: string; paid: string }[]>(
        `SELECT d.contribution_id, sum(d.amount_pence) AS awarded,
                sum(d.amount_pence) FILTER (WHERE g.id IS NOT NULL AND NOT EXISTS
                  (SELECT 1 FROM payment p WHERE p.grant_id = g.id AND p.status <> 'PAID')) AS paid
           FROM award_draw d LEFT JOIN fund_grant g ON g.decision_id = d.decision_id
          WHERE d.contribution_id = ANY(?::uuid[]) GROUP BY d.contribution_id`,
        [postgresArray(contributionIds)],
      );
      const byContribution = new Map(rows.map((row) => [row.contribution_id, row]));
      return contributionIds.map((id) => {
        const row = byContribution.get(id);
        const paid = Number(row?.paid ?? 0);
        return { committedPence: Number(row?.awarded ?? 0) - paid, paidPence: paid };
      });
    }),
    // Keyed "userId:fundId": the funders a person is an officer of in a fund, for per-row permissions.
    officerFunders: new DataLoader<string, ReadonlySet<string>>(async (keys) => {
      const pairs = keys.map((key) => key.split(':'));
      const rows = await connection.execute<{ user_id: string; fund_id: string; funder_id: string }[]>(
        `SELECT user_id, fund_id, funder_id FROM fund_membership
          WHERE role = 'FUNDER_OFFICER' AND funder_id IS NOT NULL AND user_id = ANY(?::uuid[]) AND fund_id = ANY(?::uuid[])`,
        [postgresArray(pairs.map(([userId]) => userId)), postgresArray(pairs.map(([, fundId]) => fundId))],
      );
      return pairs.map(([userId, fundId]) => new Set(rows.filter((row) => row.user_id === userId && row.fund_id === fundId).map((row) => row.funder_id)));
    }),
    applicationCounts: new DataLoader<string, StatusCounts>(async (fundIds) => {
      const rows = await connection.execute<{ fund_id: string; status: ApplicationStatus; count: string }[]>(
        `SELECT fund_id, status, count(*) AS count FROM application
          WHERE fund_id = ANY(?::uuid[]) GROUP BY fund_id, status`,
        [postgresArray(fundIds)],
      );
      return fundIds.map((id) => {
        const counts = Object.fromEntries(Object.values(ApplicationStatus).map((status) => [status, 0])) as StatusCounts;
        for (const row of rows) if (row.fund_id === id) counts[row.status] = Number(row.count);
        return counts;
      });
    }),
    confirmations: new DataLoader<string, GroupConfirmation[]>(async (applicationIds) => {
      const found = await em.find(GroupConfirmation, { application: { $in: applicationIds as string[] } }, { orderBy: { createdAt: 'asc' } });
      return groupRows(applicationIds, found, (confirmation) => confirmation.application.id, (confirmation) => confirmation);
    }),
    bankDetails: new DataLoader<string, BankDetails | null>(async (applicationIds) => {
      const found = await em.find(BankDetails, { application: { $in: applicationIds as string[] } });
      return firstOf(applicationIds, found, (details) => details.application.id);
    }),
    // Scores and conflicts are read for every application in a panel pack (over a thousand rows), so
    // they come back as plain rows shaped like their GraphQL types, without entity hydration.
    scores: new DataLoader<string, PanelRow<ScoreRow>[]>(async (applicationIds) => {
      const rows = await connection.execute<(ScoreRow & PanellistColumns & { application_id: string })[]>(
        `SELECT s.id, s.application_id, s.value, s.comment, s.created_at AS "createdAt", s.updated_at AS "updatedAt", ${PANELLIST_COLUMNS}
           FROM score s JOIN app_user u ON u.id = s.panellist_id
          WHERE s.application_id = ANY(?::uuid[]) ORDER BY s.updated_at, s.id`,
        [postgresArray(applicationIds)],
      );
      return groupRows(applicationIds, rows, (row) => row.application_id, ({ id, value, comment, createdAt, updatedAt, ...panellist }) => ({ id, value, comment, createdAt, updatedAt, panellist: panellistOf(panellist) }));
    }),
    conflicts: new DataLoader<string, PanelRow<ConflictRow>[]>(async (applicationIds) => {
      const rows = await connection.execute<(ConflictRow & PanellistColumns & { application_id: string })[]>(
        `SELECT c.id, c.application_id, c.reason, c.created_at AS "createdAt", ${PANELLIST_COLUMNS}
           FROM conflict_of_interest c JOIN app_user u ON u.id = c.panellist_id
          WHERE c.application_id = ANY(?::uuid[]) ORDER BY c.created_at, c.id`,
        [postgresArray(applicationIds)],
      );
      return groupRows(applicationIds, rows, (row) => row.application_id, ({ id, reason, createdAt, ...panellist }) => ({ id, reason, createdAt, panellist: panellistOf(panellist) }));
    }),
    decisions: new DataLoader<string, Decision | null>(async (applicationIds) => {
      const found = await em.find(Decision, { application: { $in: applicationIds as string[] } }, { populate: ['decidedBy', 'draws', 'draws.contribution', 'draws.contribution.funder'] });
      return firstOf(applicationIds, found, (decision) => decision.application.id);
    }),
    payments: new DataLoader<string, Payment[]>(async (grantIds) => {
      const found = await em.find(Payment, { grant: { $in: grantIds as string[] } }, { orderBy: { createdAt: 'asc' } });
      return groupRows(grantIds, found, (payment) => payment.grant.id, (payment) => payment);
    }),
    grants: new DataLoader<string, Grant | null>(async (applicationIds) => {
      const found = await em.find(Grant, { application: { $in: applicationIds as string[] } });
      return firstOf(applicationIds, found, (grant) => grant.application.id);
    }),
    duplicateFlags: new DataLoader<string, DuplicateFlag[]>((applicationIds) => flagsForApplications(em, applicationIds)),
    // A fund's priority taxonomy in its order, retired ones included.
    fundPriorities: new DataLoader<string, Priority[]>(async (fundIds) => {
      const found = await em.find(Priority, { fund: { $in: fundIds as string[] } }, { orderBy: { position: 'asc', createdAt: 'asc' } });
      return groupRows(fundIds, found, (priority) => priority.fund.id, (priority) => priority);
    }),
    priorityUsage: new DataLoader<string, PriorityUsage>((priorityIds) => priorityUsage(em, priorityIds)),
    tagOrigins: new DataLoader<Application, TagOrigin[], string>((applications) => tagOrigins(em, applications), { cacheKeyFn: (application) => application.id }),
    // Areas by code (without boundaries), for the areas applications are placed in.
    areasByCode: new DataLoader<string, Area | null>(async (codes) => {
      const found = await em.find(Area, { code: { $in: codes as string[] } });
      return firstOf(codes, found, (area) => area.code);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
