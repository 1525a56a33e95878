import type { EntityManager } from '@mikro-orm/postgresql';
import { PhaseStatus } from '../../../shared/domain.ts';
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
import { capBreakingAwards, liveAwards } from './live-awards.ts';

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
  const { id: _id, version: _version, removeUnconstitutedCap, ...fields } = input;
  // A field sent as null is left as it is, like an omitted one: none of these columns may be empty.
  // The cap is the one setting that may be empty, and is removed by saying so.
  const edits = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as Partial<Pick<Fund, keyof typeof fields>>;
  if (removeUnconstitutedCap) {
    if (edits.unconstitutedCapPence !== undefined) {
      throw errors.badInput([{ field: 'unconstitutedCapPence', message: 'Enter a cap, or choose to have none, not both.' }]);
    }
    if (fund.unconstitutedCapPence != null) edits.unconstitutedCapPence = null as unknown as undefined;
  }
  if (edits.unconstitutedCapPence != null && edits.unconstitutedCapPence !== fund.unconstitutedCapPence) {
    const problems = capBreakingAwards(edits.unconstitutedCapPence, await liveAwards(em, fund.id));
    if (problems.length > 0) throw errors.badInput(problems);
  }
  const changes = changedFields(fund, edits);
  if (Object.keys(changes).length === 0) return fund;
  em.assign(fund, edits);
  recordAudit(em, { actor: viewer.user, action: 'fund.updated', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes });
  await em.flush();
  return fund;
}

/**
 * Opens another phase, e.g. moving from emergency to recovery: a decision, recorded with who made it
 * and when. The open phase closes; applications already sent stay in the phase they applied in.
 */
export async function openPhase(em: EntityManager, viewer: Viewer, input: { fundId: string; phaseId: string; version: number }) {
  const fund = await requireFund(em, viewer, input.fundId, 'manage');
  const phases = await fund.phases.load();
  const next = phases.find((phase) => phase.id === input.phaseId);
  if (!next) throw errors.notFound('phase');
  await em.transactional(async (tx) => {
    // Compare-and-set on the fund's version: of two coordinators deciding at once, one wins and the
    // other is told, even if both read the fund before either wrote.
    const claimed = await tx.nativeUpdate(Fund, { id: fund.id, version: input.version }, { version: input.version + 1 });
    if (claimed === 0) throw errors.conflict('fund');
    if (next.status === PhaseStatus.OPEN) throw errors.badInput([{ field: 'phaseId', message: `The ${next.name.toLowerCase()} phase is already open.` }]);
    const now = new Date();
    const previous = phases.find((phase) => phase.status === PhaseStatus.OPEN);
    if (previous) {
      previous.status = PhaseStatus.CLOSED;
      previous.closedAt = now;
    }
    next.status = PhaseStatus.OPEN;
    next.openedAt = now;
    next.closedAt = undefined;
    next.openedBy = viewer.user;
    recordAudit(tx, {
      actor: viewer.user,
      action: 'phase.opened',
      entityType: 'Fund',
      entityId: fund.id,
      fundId: fund.id,
      changes: { openPhase: [previous?.name ?? null, next.name] },
    });
  });
  await em.refresh(fund);
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
