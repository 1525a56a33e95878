import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canMarkFocus } from '../../policies/priority.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Funder } from '../funders/funder.entity.ts';
import { funderIdsInFund, officerFunderIds } from '../funders/funder.service.ts';
import { FunderFocus } from './funder-focus.entity.ts';
import { Priority } from './priority.entity.ts';
import { checkPriorityKeys, requireTaxonomy } from './taxonomy.service.ts';

export interface FocusInput {
  fundId: string;
  funderId: string;
  /** The focus the person saw, so a change made meanwhile by someone else is not silently undone. */
  previousKeys: string[];
  priorityKeys: string[];
}

/** Each funder's focus priorities in a fund, as keys in the taxonomy's order, by funder id. */
export async function focusByFunder(em: EntityManager, fundId: string): Promise<Map<string, string[]>> {
  const rows = await em.getConnection().execute<{ funder_id: string; key: string }[]>(
    `SELECT f.funder_id, p.key FROM funder_focus f JOIN priority p ON p.id = f.priority_id
      WHERE f.fund_id = ? ORDER BY p.position, p.created_at`,
    [fundId],
    'all',
    em.getTransactionContext(),
  );
  const focus = new Map<string, string[]>();
  for (const row of rows) focus.set(row.funder_id, [...(focus.get(row.funder_id) ?? []), row.key]);
  return focus;
}

/**
 * Sets the priorities a funder focuses on in this fund: the coordinator for any funder, a funder
 * officer for their own. Retired priorities may stay but not be newly marked. Audited.
 */
export async function setFunderFocus(em: EntityManager, viewer: Viewer, input: FocusInput): Promise<{ funder: Funder; keys: string[] }> {
  const fund = await requireTaxonomy(em, viewer, input.fundId, 'view');
  const funder = (await funderIdsInFund(em, fund.id)).includes(input.funderId) ? await em.findOne(Funder, input.funderId) : null;
  if (!funder) throw errors.badInput([{ field: 'funderId', message: 'Choose one of the funders in this fund.' }]);
  if (!canMarkFocus(viewer, { fund, funder }, await officerFunderIds(em, viewer, fund.id))) throw errors.forbidden(`mark the focus of ${funder.name}`);

  return em.transactional(async (tx) => {
    // One change at a time per funder and fund; the funder row's lock does not hold up contributions.
    await tx.getConnection().execute('SELECT id FROM funder WHERE id = ? FOR NO KEY UPDATE', [funder.id], 'all', tx.getTransactionContext());
    const before = (await focusByFunder(tx, fund.id)).get(funder.id) ?? [];
    if ([...input.previousKeys].sort().join() !== [...before].sort().join()) throw errors.conflict(`focus of ${funder.name}`);
    const priorities = await tx.find(Priority, { fund }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    const { keys, problems } = checkPriorityKeys(priorities, input.priorityKeys, { field: 'priorityKeys', kept: before, max: priorities.length });
    if (problems.length > 0) throw errors.badInput(problems);
    if (keys.join() === before.join()) return { funder, keys };
    const byKey = new Map(priorities.map((priority) => [priority.key, priority]));
    const removed = before.filter((key) => !keys.includes(key));
    if (removed.length > 0) await tx.nativeDelete(FunderFocus, { fund, funder, priority: { $in: removed.map((key) => byKey.get(key)!.id) } });
    for (const key of keys.filter((candidate) => !before.includes(candidate))) tx.create(FunderFocus, { fund, funder, priority: byKey.get(key)!, markedBy: viewer.user });
    recordAudit(tx, {
      actor: viewer.user,
      action: 'funder.focus-changed',
      entityType: 'Funder',
      entityId: funder.id,
      fundId: fund.id,
      changes: { funder: funder.name, focus: [before, keys], added: keys.filter((key) => !before.includes(key)), removed },
    });
    return { funder, keys };
  });
}
