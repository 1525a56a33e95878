import type { EntityManager } from '@mikro-orm/postgresql';
import { nextWeekly } from '../../../shared/london-time.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import type { Loaders } from '../../loaders.ts';
import { canOnFund, type FundAction } from '../../policies/fund.policy.ts';
import { changedFields, recordAudit } from '../audit/audit.service.ts';
import { Fund } from './fund.entity.ts';
import type { UpdateFundInput } from './fund.inputs.ts';
import type { FundLedger, NextPanel } from './fund.types.ts';

export async function listFundsFor(em: EntityManager, viewer: Viewer): Promise<Fund[]> {
  const ids = [...viewer.roles.keys()];
  if (ids.length === 0) return [];
  return em.find(Fund, { id: { $in: ids } }, { orderBy: { name: 'asc' } });
}

/** Loads a fund the viewer may act on; a fund they cannot see looks the same as one that does not exist. */
export async function requireFund(em: EntityManager, viewer: Viewer | null, id: string, action: FundAction = 'view') {
  const fund = await findById(em, Fund, id);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  if (!canOnFund(viewer, action, fund)) throw errors.forbidden('change this fund');
  return fund;
}

export async function updateFund(em: EntityManager, viewer: Viewer, input: UpdateFundInput): Promise<Fund> {
  const fund = await requireFund(em, viewer, input.id, 'manage');
  if (fund.version !== input.version) throw errors.conflict('fund');
  const { id: _id, version: _version, ...fields } = input;
  // A field sent as null is left as it is, like an omitted one: none of these columns may be empty.
  const edits = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as typeof fields;
  const changes = changedFields(fund, edits);
  if (Object.keys(changes).length === 0) return fund;
  em.assign(fund, edits);
  recordAudit(em, { actor: viewer.user, action: 'fund.updated', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes });
  await em.flush();
  return fund;
}

export async function fundLedger(loaders: Loaders, fund: Fund): Promise<FundLedger> {
  const money = await loaders.fundMoney.load(fund.id);
  return {
    ...money,
    reservedPence: fund.reservedPence,
    availablePence: money.contributedPence - fund.reservedPence - money.committedPence - money.paidPence,
  };
}

export function nextPanel(fund: Fund, now = new Date()): NextPanel {
  const meetsAt = nextWeekly(now, fund.panelWeekday, fund.panelTime);
  return { meetsAt, cutoffAt: new Date(meetsAt.getTime() - fund.cutoffHoursBefore * 3_600_000) };
}
