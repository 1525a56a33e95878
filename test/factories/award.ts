import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, LegalForm } from '../../shared/domain.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { Phase } from '../../server/modules/funds/phase.entity.ts';
import { AwardDraw, Decision, DecisionKind } from '../../server/modules/panels/decision.entity.ts';
import { MeetingStatus, PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { Grant, Payee } from '../../server/modules/grants/grant.entity.ts';
import { reportingFor } from '../../shared/reporting.ts';
import { createApplication, createUser } from './index.ts';

export interface AwardOptions {
  amountPence: number;
  /** The contribution the whole award is drawn from; none leaves the award without draws. */
  from?: Contribution;
  meetingStatus?: MeetingStatus;
  legalForm?: LegalForm;
  priorityTags?: string[];
  phase?: Phase;
  decidedAt?: Date;
  /** Splits the award across several contributions instead of `from`: [contribution, pence] each. */
  draws?: [Contribution, number][];
  /** Makes it a grant, as closing its meeting does. */
  grant?: boolean;
}

let meetings = 0;

/** An award as the panel leaves it: an application decided in a meeting, drawn from one contribution. */
export async function createAward(em: EntityManager, fund: Fund, options: AwardOptions) {
  // One meeting per award, a week apart, since a fund meets once at a time.
  const meetsAt = new Date(Date.parse('2026-11-26T14:00:00Z') + (meetings += 1) * 7 * 86_400_000);
  const meeting = em.create(PanelMeeting, {
    fund,
    meetsAt,
    cutoffAt: new Date(meetsAt.getTime() - 48 * 3_600_000),
    status: options.meetingStatus ?? (options.grant ? MeetingStatus.CLOSED : MeetingStatus.IN_PROGRESS),
  });
  const application = await createApplication(em, fund, { status: ApplicationStatus.DECIDED, group: { legalForm: options.legalForm ?? LegalForm.CIO } });
  application.meeting = meeting;
  application.priorityTags = options.priorityTags ?? [];
  if (options.phase) application.phase = options.phase;
  const decision = em.create(Decision, {
    application,
    meeting,
    kind: DecisionKind.AWARD,
    amountPence: options.amountPence,
    decidedBy: await createUser(em),
    decidedAt: options.decidedAt ?? new Date('2026-11-26T15:00:00Z'),
  });
  if (options.from) em.create(AwardDraw, { decision, contribution: options.from, amountPence: options.amountPence });
  for (const [contribution, amountPence] of options.draws ?? []) em.create(AwardDraw, { decision, contribution, amountPence });
  if (options.grant) {
    em.create(Grant, { application, decision, amountPence: options.amountPence, payee: Payee.GROUP, payeeName: application.group.name, reporting: reportingFor(options.amountPence) });
  }
  await em.flush();
  return { application, decision, meeting };
}

export async function phaseNamed(em: EntityManager, fund: Fund, name: string) {
  return em.findOneOrFail(Phase, { fund, name });
}
