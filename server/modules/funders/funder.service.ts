import type { EntityManager } from '@mikro-orm/postgresql';
import { FunderKind } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Viewer } from '../../context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Fund } from '../funds/fund.entity.ts';
import { Funder } from './funder.entity.ts';

/** A funder picked from the fund's own, or a new one named by the coordinator. */
export interface FunderChoice {
  funderId?: string | null;
  newFunderName?: string | null;
  newFunderKind?: FunderKind | null;
}

/**
 * Funders belong to no single fund (a trust may pay into several pools), so "the fund's funders" are
 * those it already knows: who has contributed, who has people in it, and who has been invited.
 */
export async function funderIdsInFund(em: EntityManager, fundId: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ funder_id: string }[]>(
    `SELECT funder_id FROM contribution WHERE fund_id = ?
     UNION SELECT funder_id FROM fund_membership WHERE fund_id = ? AND funder_id IS NOT NULL
     UNION SELECT funder_id FROM fund_invite WHERE fund_id = ? AND funder_id IS NOT NULL`,
    [fundId, fundId, fundId],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((row) => row.funder_id);
}

export async function fundersInFund(em: EntityManager, fundId: string): Promise<Funder[]> {
  const ids = await funderIdsInFund(em, fundId);
  if (ids.length === 0) return [];
  return em.find(Funder, { id: { $in: ids } }, { orderBy: { name: 'asc' } });
}

/** The funders a person is an officer of in this fund. */
export async function officerFunderIds(em: EntityManager, viewer: Viewer, fundId: string): Promise<Set<string>> {
  const rows = await em.getConnection().execute<{ funder_id: string }[]>(
    `SELECT funder_id FROM fund_membership WHERE fund_id = ? AND user_id = ? AND role = 'FUNDER_OFFICER' AND funder_id IS NOT NULL`,
    [fundId, viewer.user.id],
  );
  return new Set(rows.map((row) => row.funder_id));
}

/**
 * Reads a funder choice: an existing funder must already be one of this fund's (an id from another
 * fund is answered as if it did not exist); a new one is added to the unit of work, and audited.
 * `field` names the field the web shows the problem next to.
 */
export async function chooseFunder(
  em: EntityManager,
  viewer: Viewer,
  fund: Fund,
  choice: FunderChoice,
  allowNew: boolean,
): Promise<{ funder?: Funder; problems: FieldError[] }> {
  const newName = choice.newFunderName?.trim();
  if (choice.funderId) {
    const known = await funderIdsInFund(em, fund.id);
    if (!known.includes(choice.funderId)) return { problems: [{ field: 'funderId', message: 'Choose one of the funders in this fund.' }] };
    return { funder: await em.findOneOrFail(Funder, choice.funderId), problems: [] };
  }
  if (!newName) return { problems: [{ field: 'funderId', message: allowNew ? 'Choose a funder, or name a new one.' : 'Choose a funder.' }] };
  if (!allowNew) return { problems: [{ field: 'newFunderName', message: 'Only the fund coordinator can add a new funder.' }] };
  const problems: FieldError[] = [];
  if (newName.length < 2 || newName.length > 160) problems.push({ field: 'newFunderName', message: "Enter the funder's name in 2 to 160 characters." });
  if (!choice.newFunderKind || !Object.values(FunderKind).includes(choice.newFunderKind)) {
    problems.push({ field: 'newFunderKind', message: 'Choose what kind of organisation the funder is.' });
  }
  if (problems.length > 0) return { problems };
  const existing = await fundersInFund(em, fund.id);
  const same = existing.find((funder) => funder.name.toLowerCase() === newName.toLowerCase());
  if (same) return { funder: same, problems: [] };
  const funder = em.create(Funder, { name: newName, kind: choice.newFunderKind! });
  recordAudit(em, {
    actor: viewer.user,
    action: 'funder.added',
    entityType: 'Funder',
    entityId: funder.id,
    fundId: fund.id,
    changes: { name: [null, funder.name], kind: [null, funder.kind] },
  });
  return { funder, problems: [] };
}
