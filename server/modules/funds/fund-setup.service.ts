import type { EntityManager } from '@mikro-orm/postgresql';
import { FundRole, PHASE_KIND_LABELS } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { PHASES_MAX } from '../../../shared/limits.ts';
import { formatPence } from '../../../shared/money.ts';
import type { Viewer } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canCreateFund } from '../../policies/fund.policy.ts';
import { changedFields, recordAudit } from '../audit/audit.service.ts';
import { FundMembership } from './fund-membership.entity.ts';
import { Fund } from './fund.entity.ts';
import type { AddPhaseInput, CreateFundInput, PhaseInput, UpdatePhaseInput } from './fund.inputs.ts';
import { requireFund } from './fund.service.ts';
import { limitsBreakingAwards, liveAwards } from './live-awards.ts';
import { Phase } from './phase.entity.ts';
import { seedPriorities } from '../taxonomy/taxonomy.service.ts';

function phaseLimitProblems(phase: Pick<PhaseInput, 'minAwardPence' | 'maxAwardPence'>, prefix = ''): FieldError[] {
  if (phase.maxAwardPence >= phase.minAwardPence) return [];
  return [{ field: `${prefix}maxAwardPence`, message: `The largest award must be at least the smallest, ${formatPence(phase.minAwardPence)}.` }];
}

function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'fund';
}

async function uniqueSlug(em: EntityManager, name: string): Promise<string> {
  const base = slugOf(name);
  const taken = new Set((await em.find(Fund, { slug: { $like: `${base}%` } }, { fields: ['slug'] })).map((fund) => fund.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const phaseSummary = (phase: PhaseInput) =>
  `${phase.name} (${PHASE_KIND_LABELS[phase.kind].toLowerCase()}, ${formatPence(phase.minAwardPence)} to ${formatPence(phase.maxAwardPence)})`;

/**
 * Sets up a new fund with its phases; the person who sets it up becomes its coordinator. No phase is
 * open yet: opening the first one is a recorded decision like any other move between phases.
 */
export async function createFund(em: EntityManager, viewer: Viewer, input: CreateFundInput): Promise<Fund> {
  if (!canCreateFund(viewer)) throw errors.forbidden('set up a fund');
  const problems: FieldError[] = input.phases.flatMap((phase, index) => phaseLimitProblems(phase, `phases.${index}.`));
  // References are unique across the portal, so two funds may not share the letters that start them.
  if ((await em.count(Fund, { referencePrefix: input.referencePrefix })) > 0) {
    problems.push({ field: 'referencePrefix', message: `Another fund already uses ${input.referencePrefix}. Choose other letters.` });
  }
  if (problems.length > 0) throw errors.badInput(problems);

  const slug = await uniqueSlug(em, input.name);
  return em.transactional(async (tx) => {
    const fund = tx.create(Fund, {
      name: input.name.trim(),
      slug,
      purpose: input.purpose.trim(),
      areaDescription: input.areaDescription.trim(),
      referencePrefix: input.referencePrefix,
      panelWeekday: input.panelWeekday,
      panelTime: input.panelTime,
      cutoffHoursBefore: input.cutoffHoursBefore,
      unconstitutedCapPence: input.unconstitutedCapPence ?? undefined,
    });
    input.phases.forEach((phase, position) => {
      tx.create(Phase, { fund, position, name: phase.name.trim(), kind: phase.kind, criteria: phase.criteria.trim(), minAwardPence: phase.minAwardPence, maxAwardPence: phase.maxAwardPence });
    });
    tx.create(FundMembership, { fund, user: viewer.user, role: FundRole.COORDINATOR });
    // Every fund starts with the shared taxonomy, which its coordinator then makes its own.
    const priorities = seedPriorities(tx, fund);
    recordAudit(tx, {
      actor: viewer.user,
      action: 'fund.created',
      entityType: 'Fund',
      entityId: fund.id,
      fundId: fund.id,
      changes: {
        name: [null, fund.name],
        slug: [null, fund.slug],
        purpose: [null, fund.purpose],
        areaDescription: [null, fund.areaDescription],
        referencePrefix: [null, fund.referencePrefix],
        panelWeekday: [null, fund.panelWeekday],
        panelTime: [null, fund.panelTime],
        cutoffHoursBefore: [null, fund.cutoffHoursBefore],
        unconstitutedCapPence: [null, fund.unconstitutedCapPence ?? null],
        phases: [null, input.phases.map(phaseSummary)],
        coordinator: [null, viewer.user.email],
        priorities: [null, priorities.map((priority) => priority.key)],
      },
    });
    return fund;
  });
}

/** Compare-and-set on the fund's version, so two coordinators editing its settings never both win. */
async function claimVersion(tx: EntityManager, fund: Fund, version: number) {
  const claimed = await tx.nativeUpdate(Fund, { id: fund.id, version }, { version: version + 1 });
  if (claimed === 0) throw errors.conflict('fund');
}

export async function addPhase(em: EntityManager, viewer: Viewer, input: AddPhaseInput): Promise<Fund> {
  const fund = await requireFund(em, viewer, input.fundId, 'manage');
  const phases = await fund.phases.load();
  const problems = phaseLimitProblems(input);
  if (phases.length >= PHASES_MAX) problems.push({ field: 'name', message: `A fund can have up to ${PHASES_MAX} phases.` });
  if (problems.length > 0) throw errors.badInput(problems);
  await em.transactional(async (tx) => {
    await claimVersion(tx, fund, input.version);
    const phase = tx.create(Phase, {
      fund,
      position: Math.max(-1, ...phases.map((existing) => existing.position)) + 1,
      name: input.name.trim(),
      kind: input.kind,
      criteria: input.criteria.trim(),
      minAwardPence: input.minAwardPence,
      maxAwardPence: input.maxAwardPence,
    });
    recordAudit(tx, { actor: viewer.user, action: 'phase.added', entityType: 'Phase', entityId: phase.id, fundId: fund.id, changes: { phase: [null, phaseSummary(input)] } });
  });
  await em.refresh(fund);
  return fund;
}

export async function updatePhase(em: EntityManager, viewer: Viewer, input: UpdatePhaseInput): Promise<Fund> {
  const fund = await requireFund(em, viewer, input.fundId, 'manage');
  const phase = (await fund.phases.load()).find((candidate) => candidate.id === input.phaseId);
  if (!phase) throw errors.notFound('phase');
  const edits = { name: input.name.trim(), kind: input.kind, criteria: input.criteria.trim(), minAwardPence: input.minAwardPence, maxAwardPence: input.maxAwardPence };
  const problems = phaseLimitProblems(edits);
  if (problems.length === 0) problems.push(...limitsBreakingAwards(phase.id, edits, await liveAwards(em, fund.id)));
  if (problems.length > 0) throw errors.badInput(problems);
  const changes = changedFields(phase, edits);
  if (fund.version !== input.version) throw errors.conflict('fund');
  if (Object.keys(changes).length === 0) return fund;
  await em.transactional(async (tx) => {
    await claimVersion(tx, fund, input.version);
    tx.assign(phase, edits);
    recordAudit(tx, { actor: viewer.user, action: 'phase.updated', entityType: 'Phase', entityId: phase.id, fundId: fund.id, changes });
  });
  await em.refresh(fund);
  return fund;
}
