import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.ts';
import { canMarkFocus } from '../../policies/priority.policy.ts';
import type { Funder } from '../funders/funder.entity.ts';
import { fundersInFund, officerFunderIds } from '../funders/funder.service.ts';
import type { Priority } from './priority.entity.ts';
import { focusByFunder } from './focus.service.ts';
import { fundPriorities, requireTaxonomy } from './taxonomy.service.ts';

export interface MoneyCell {
  funderId: string;
  /** What this funder's contributions paid towards the grants in this cell (pence). */
  pence: number;
  grantCount: number;
  focus: boolean;
}

export interface WhoFundsWhatRow {
  priority: Priority;
  cells: MoneyCell[];
  /** All funders together; a grant paid by two funders counts once. */
  totalPence: number;
  grantCount: number;
  focusCount: number;
  /** Two or more funders focus on it. */
  overlap: boolean;
  /** Nobody focuses on it and no grant has it. */
  gap: boolean;
}

export interface WhoFundsWhatFunder {
  funder: Funder;
  focusKeys: string[];
  viewerMayMarkFocus: boolean;
  /** All this funder's money in grants: each grant once, however many priorities it has. */
  totalPence: number;
  grantCount: number;
}

export interface WhoFundsWhatTotals {
  cells: MoneyCell[];
  totalPence: number;
  grantCount: number;
}

export interface WhoFundsWhat {
  funders: WhoFundsWhatFunder[];
  rows: WhoFundsWhatRow[];
  /** Grants with no priority tag at all. */
  untagged: WhoFundsWhatTotals;
  /** Per funder and overall: each grant once. */
  totals: WhoFundsWhatTotals;
}

interface MoneyRow {
  funder_id: string | null;
  tag: string | null;
  /** 'cell' for one funder and tag (tag null: untagged), 'tag' for all funders, 'funder' and 'all' without tags. */
  level: 'cell' | 'tag' | 'funder' | 'all';
  pence: string;
  grants: number;
}

/**
 * The money each funder's contributions paid to grants, by the grants' priority tags, in one
 * statement. A grant's money comes from its award's draws on contributions; a grant with two tags
 * counts under both, so totals are taken again without the tags, each grant once.
 */
async function grantMoney(em: EntityManager, fundId: string): Promise<MoneyRow[]> {
  return em.getConnection().execute<MoneyRow[]>(
    `WITH draws AS (
       SELECT g.id AS grant_id, c.funder_id, d.amount_pence, a.priority_tags
         FROM fund_grant g JOIN application a ON a.id = g.application_id
         JOIN award_draw d ON d.decision_id = g.decision_id
         JOIN contribution c ON c.id = d.contribution_id
        WHERE a.fund_id = ?
     ), tagged AS (
       SELECT draws.*, tag FROM draws LEFT JOIN LATERAL unnest(draws.priority_tags) AS tag ON true
     )
     SELECT funder_id, tag, CASE WHEN grouping(funder_id) = 1 THEN 'tag' ELSE 'cell' END AS level,
            sum(amount_pence) AS pence, count(DISTINCT grant_id)::int AS grants
       FROM tagged GROUP BY GROUPING SETS ((funder_id, tag), (tag))
     UNION ALL
     SELECT funder_id, NULL, CASE WHEN grouping(funder_id) = 1 THEN 'all' ELSE 'funder' END,
            sum(amount_pence), count(DISTINCT grant_id)::int
       FROM draws GROUP BY GROUPING SETS ((funder_id), ())`,
    [fundId],
  );
}

/**
 * Who funds what in a fund: its priorities (rows) against its funders (columns), with the money each
 * funder's contributions paid to grants with that priority and how many grants, each funder's focus
 * marked; overlaps (several funders focus on a priority) and gaps (nobody focuses on or funds it).
 * Retired priorities appear only where they hold money or a focus.
 */
export async function whoFundsWhat(em: EntityManager, viewer: Viewer, fundId: string): Promise<WhoFundsWhat> {
  const fund = await requireTaxonomy(em, viewer, fundId, 'view');
  const [priorities, funders, focus, money, own] = await Promise.all([
    fundPriorities(em, fund.id),
    fundersInFund(em, fund.id),
    focusByFunder(em, fund.id),
    grantMoney(em, fund.id),
    officerFunderIds(em, viewer, fund.id),
  ]);
  const find = (level: MoneyRow['level'], funderId: string | null, tag: string | null) =>
    money.find((row) => row.level === level && row.funder_id === funderId && row.tag === tag);
  const cellsFor = (tag: string | null, focusKey?: string): MoneyCell[] =>
    funders.map((funder) => {
      const row = find('cell', funder.id, tag);
      return { funderId: funder.id, pence: Number(row?.pence ?? 0), grantCount: row?.grants ?? 0, focus: focusKey !== undefined && (focus.get(funder.id) ?? []).includes(focusKey) };
    });

  const rows = priorities
    .map((priority): WhoFundsWhatRow => {
      const cells = cellsFor(priority.key, priority.key);
      const whole = find('tag', null, priority.key);
      const focusCount = cells.filter((cell) => cell.focus).length;
      const grantCount = whole?.grants ?? 0;
      return { priority, cells, totalPence: Number(whole?.pence ?? 0), grantCount, focusCount, overlap: focusCount >= 2, gap: focusCount === 0 && grantCount === 0 };
    })
    .filter((row) => !row.priority.retired || row.grantCount > 0 || row.focusCount > 0);
  const untaggedWhole = find('tag', null, null);
  const all = find('all', null, null);
  return {
    funders: funders.map((funder) => {
      const row = find('funder', funder.id, null);
      return {
        funder,
        focusKeys: focus.get(funder.id) ?? [],
        viewerMayMarkFocus: canMarkFocus(viewer, { fund, funder }, own),
        totalPence: Number(row?.pence ?? 0),
        grantCount: row?.grants ?? 0,
      };
    }),
    rows,
    untagged: { cells: cellsFor(null), totalPence: Number(untaggedWhole?.pence ?? 0), grantCount: untaggedWhole?.grants ?? 0 },
    totals: {
      cells: funders.map((funder) => {
        const row = find('funder', funder.id, null);
        return { funderId: funder.id, pence: Number(row?.pence ?? 0), grantCount: row?.grants ?? 0, focus: false };
      }),
      totalPence: Number(all?.pence ?? 0),
      grantCount: all?.grants ?? 0,
    },
  };
}
