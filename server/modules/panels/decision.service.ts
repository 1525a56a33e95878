import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, LegalForm } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { londonIsoDate } from '../../../shared/london-time.ts';
import { priorityLabeller } from '../../../shared/taxonomy.ts';
import { formatPence } from '../../../shared/money.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { withContainingAreas } from '../areas/area-hierarchy.ts';
import { Area } from '../areas/area.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Contribution } from '../funds/contribution.entity.ts';
import { fundPriorities } from '../taxonomy/taxonomy.service.ts';
import { allocate, type AllocationAward } from './allocation.ts';
import { AwardDraw, Decision, DecisionKind } from './decision.entity.ts';
import { MeetingStatus } from './panel-meeting.entity.ts';
import { hasConflict } from './panel.service.ts';
import { postgresArray } from '../../db/postgres-array.ts';

export interface DecisionInput {
  applicationId: string;
  /** The version of the decision the person saw; 0 when they saw none. */
  expectedVersion: number;
  kind: DecisionKind;
  amountPence?: number | null;
  reason?: string | null;
  message?: string | null;
  referredTo?: string | null;
}

const text = (value: string | null | undefined) => value?.trim() || undefined;

function checkDecision(input: DecisionInput, application: Application): FieldError[] {
  const problems: FieldError[] = [];
  const long = (field: 'reason' | 'message' | 'referredTo', max: number) => {
    if ((text(input[field])?.length ?? 0) > max) problems.push({ field, message: `Use ${max.toLocaleString('en-GB')} characters or fewer.` });
  };
  long('reason', 2000);
  long('message', 2000);
  long('referredTo', 200);
  switch (input.kind) {
    case DecisionKind.AWARD: {
      const { phase, fund, group } = application;
      const amount = input.amountPence ?? 0;
      const cap = group.legalForm === LegalForm.UNCONSTITUTED_GROUP ? fund.unconstitutedCapPence : null;
      const most = cap != null ? Math.min(cap, phase.maxAwardPence) : phase.maxAwardPence;
      if (!Number.isInteger(amount) || amount < phase.minAwardPence || amount > most) {
        problems.push({
          field: 'amountPence',
          message: `Award between ${formatPence(phase.minAwardPence)} and ${formatPence(most)}${cap != null ? ' (the cap for unconstituted groups)' : ` (the ${phase.name.toLowerCase()} phase limit)`}.`,
        });
      }
      break;
    }
    case DecisionKind.DECLINE:
      if (!text(input.reason)) problems.push({ field: 'reason', message: 'Give the reason for declining.' });
      if (!text(input.message)) problems.push({ field: 'message', message: 'Write the feedback the group will receive.' });
      break;
    case DecisionKind.DEFER:
      if (!text(input.message)) problems.push({ field: 'message', message: 'Write the question the group needs to answer.' });
      break;
    case DecisionKind.REFER:
      if (!text(input.referredTo)) problems.push({ field: 'referredTo', message: 'Name the funder it is referred to.' });
      break;
  }
  return problems;
}


/**
 * Records (or changes) the panel's decision on an application in its meeting. Awards are allocated
 * across contributions together with every other award in the meeting; when no split exists, nothing
 * is saved and the panel is told which restriction blocks it. Two people changing the same decision:
 * the one who saw the older version is told to look again.
 */
export async function recordDecision(em: EntityManager, viewer: Viewer, input: DecisionInput, now = new Date()): Promise<Decision> {
  const found = await findById(em, Application, input.applicationId, { populate: ['fund', 'group', 'phase', 'meeting'] });
  if (!found || !canOnFund(viewer, 'view', found.fund)) throw errors.notFound('application');
  if (!canOnFund(viewer, 'chairMeeting', found.fund)) throw errors.forbidden('record panel decisions');
  if (await hasConflict(em, viewer, found)) throw errors.forbidden('decide an application you have declared a conflict of interest on');
  if (!found.meeting || ![ApplicationStatus.ON_AGENDA, ApplicationStatus.DECIDED].includes(found.status)) {
    throw errors.badInput([{ field: 'applicationId', message: 'Only applications on a meeting agenda can be decided.' }]);
  }
  if (found.meeting.status === MeetingStatus.CLOSED) throw errors.badInput([{ field: 'applicationId', message: 'That meeting is closed; its decisions are final.' }]);
  const problems = checkDecision(input, found);
  if (problems.length > 0) throw errors.badInput(problems);

  return em.transactional(async (tx) => {
    // One decision at a time per application: the row lock makes the version check race-free.
    const application = await tx.findOneOrFail(Application, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const existing = await tx.findOne(Decision, { application });
    if ((existing?.version ?? 0) !== input.expectedVersion) throw errors.conflict('decision');

    const decision = existing ?? tx.create(Decision, { application, meeting: found.meeting!, kind: input.kind, decidedBy: viewer.user });
    const previousKind = existing?.kind;
    tx.assign(decision, {
      kind: input.kind,
      amountPence: input.kind === DecisionKind.AWARD ? input.amountPence! : undefined,
      reason: text(input.reason),
      message: text(input.message),
      referredTo: input.kind === DecisionKind.REFER ? text(input.referredTo) : undefined,
      decidedBy: viewer.user,
      decidedAt: now,
    });
    application.status = input.kind === DecisionKind.DEFER ? ApplicationStatus.ON_AGENDA : ApplicationStatus.DECIDED;
    await tx.flush();

    await reallocateMeeting(tx, found.meeting!.id, found.fund.id, found.fund.reservedPence, now);
    recordAudit(tx, {
      actor: viewer.user,
      action: 'decision.recorded',
      entityType: 'Application',
      entityId: application.id,
      fundId: found.fund.id,
      changes: { kind: [previousKind ?? null, input.kind], amountPence: input.kind === DecisionKind.AWARD ? input.amountPence : null },
    });
    await tx.flush();
    return decision;
  });
}

/** Splits every award of the meeting across the fund's contributions again, as one flow problem. */
async function reallocateMeeting(em: EntityManager, meetingId: string, fundId: string, reservePence: number, now: Date) {
  const awards = await em.find(Decision, { meeting: meetingId, kind: DecisionKind.AWARD }, { populate: ['application', 'application.group'], orderBy: { createdAt: 'asc' } });
  await em.getConnection().execute(
    'DELETE FROM award_draw WHERE decision_id IN (SELECT id FROM decision WHERE meeting_id = ?)',
    [meetingId],
    'run',
    em.getTransactionContext(),
  );
  if (awards.length === 0) return;

  // Shared locks until commit: an edit to a contribution (which locks it for update) waits for this
  // split to commit and then checks against it, and this split never works from a stale amount.
  await em.getConnection().execute('SELECT id FROM contribution WHERE fund_id = ? ORDER BY id FOR SHARE', [fundId], 'all', em.getTransactionContext());
  const contributions = await em.find(Contribution, { fund: fundId }, { populate: ['funder'], refresh: true });
  const committedElsewhere = await em.getConnection().execute<{ contribution_id: string; committed: string }[]>(
    `SELECT d.contribution_id, sum(d.amount_pence) AS committed FROM award_draw d JOIN decision x ON x.id = d.decision_id
      WHERE x.meeting_id <> ? AND d.contribution_id = ANY(?::uuid[]) GROUP BY d.contribution_id`,
    [meetingId, postgresArray(contributions.map((c) => c.id))],
    'all',
    em.getTransactionContext(),
  );
  const committed = new Map(committedElsewhere.map((row) => [row.contribution_id, Number(row.committed)]));
  const decidedOn = londonIsoDate(now);
  // Each award is in the areas its application serves and in the wards and local authorities holding them.
  const placed = await withContainingAreas(em, awards.map((decision) => decision.application.areaCodes));
  // A refusal names the restrictions as the panel knows them: the fund's labels and the areas' names.
  const label = priorityLabeller(await fundPriorities(em, fundId));
  const restrictedAreas = await em.find(Area, { code: { $in: [...new Set(contributions.flatMap((c) => c.restrictedToAreas))] } }, { fields: ['code', 'name'] });
  const areaName = new Map(restrictedAreas.map((area) => [area.code, area.name]));
  const result = allocate({
    reservePence,
    contributions: contributions.map((c) => ({
      id: c.id,
      funderName: c.funder.name,
      availablePence: c.amountPence - (committed.get(c.id) ?? 0),
      restrictedToPriorities: c.restrictedToPriorities,
      restrictedToAreas: c.restrictedToAreas,
      priorityNames: c.restrictedToPriorities.map(label),
      areaNames: c.restrictedToAreas.map((code) => areaName.get(code) ?? code),
      excludesUnconstituted: c.excludesUnconstituted,
      restrictedToPhaseId: c.restrictedToPhase?.id ?? null,
      spendBy: c.spendBy ?? null,
    })),
    awards: awards.map((decision, index): AllocationAward => ({
      id: decision.id,
      amountPence: decision.amountPence!,
      priorities: decision.application.priorityTags,
      areaCodes: placed[index],
      unconstituted: decision.application.group.legalForm === LegalForm.UNCONSTITUTED_GROUP,
      phaseId: decision.application.phase.id,
      decidedOn,
    })),
  });
  if (!result.ok) {
    const fields = result.shortfalls.flatMap((shortfall) => {
      const application = awards.find((decision) => decision.id === shortfall.awardId)!.application;
      const reasons = shortfall.reasons.map((reason) => (reason.endsWith('.') ? reason : `${reason}.`)).join(' ');
      return [{ field: 'amountPence', message: `${application.reference}: ${formatPence(shortfall.missingPence)} cannot be paid. ${reasons}` }];
    });
    throw errors.badInput(fields);
  }
  for (const draw of result.draws) {
    em.create(AwardDraw, { decision: draw.awardId, contribution: draw.contributionId, amountPence: draw.amountPence });
  }
}
