import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ApplicationStatus } from '../shared/domain.ts';
import { GroupConfirmation } from './modules/applications/group-confirmation.entity.ts';
import { BankDetails } from './modules/bank/bank-details.entity.ts';
import { ConflictOfInterest } from './modules/panels/conflict.entity.ts';
import { Decision } from './modules/panels/decision.entity.ts';
import { Grant, Payment } from './modules/grants/grant.entity.ts';
import { Score } from './modules/panels/score.entity.ts';

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

// Passed as one text parameter and cast in SQL, since the driver would spread a JS array into a list.
const postgresArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

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
      return applicationIds.map((id) => found.filter((confirmation) => confirmation.application.id === id));
    }),
    bankDetails: new DataLoader<string, BankDetails | null>(async (applicationIds) => {
      const found = await em.find(BankDetails, { application: { $in: applicationIds as string[] } });
      return applicationIds.map((id) => found.find((details) => details.application.id === id) ?? null);
    }),
    scores: new DataLoader<string, Score[]>(async (applicationIds) => {
      const found = await em.find(Score, { application: { $in: applicationIds as string[] } }, { populate: ['panellist'], orderBy: { updatedAt: 'asc' } });
      return applicationIds.map((id) => found.filter((score) => score.application.id === id));
    }),
    conflicts: new DataLoader<string, ConflictOfInterest[]>(async (applicationIds) => {
      const found = await em.find(ConflictOfInterest, { application: { $in: applicationIds as string[] } }, { populate: ['panellist'], orderBy: { createdAt: 'asc' } });
      return applicationIds.map((id) => found.filter((conflict) => conflict.application.id === id));
    }),
    decisions: new DataLoader<string, Decision | null>(async (applicationIds) => {
      const found = await em.find(Decision, { application: { $in: applicationIds as string[] } }, { populate: ['decidedBy', 'draws', 'draws.contribution', 'draws.contribution.funder'] });
      return applicationIds.map((id) => found.find((decision) => decision.application.id === id) ?? null);
    }),
    payments: new DataLoader<string, Payment[]>(async (grantIds) => {
      const found = await em.find(Payment, { grant: { $in: grantIds as string[] } }, { orderBy: { createdAt: 'asc' } });
      return grantIds.map((id) => found.filter((payment) => payment.grant.id === id));
    }),
    grants: new DataLoader<string, Grant | null>(async (applicationIds) => {
      const found = await em.find(Grant, { application: { $in: applicationIds as string[] } });
      return applicationIds.map((id) => found.find((grant) => grant.application.id === id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
