import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, FundRole, LegalForm } from '../../shared/domain.ts';
import { DEFAULT_PRIORITIES } from '../../shared/taxonomy.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import type { Contribution } from '../../server/modules/funds/contribution.entity.ts';
import { ConflictOfInterest } from '../../server/modules/panels/conflict.entity.ts';
import { AwardDraw, Decision, DecisionKind } from '../../server/modules/panels/decision.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { Score } from '../../server/modules/panels/score.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFunder } from './index.ts';

export interface MeetingSize {
  applications: number;
  panellists: number;
  contributions: number;
}

/**
 * A meeting with its agenda full: every panellist scores every application, except the one they
 * declared a conflict on (panellist i on application i, while there are both), and a few say they
 * know too little to score. Contributions alternate between unrestricted and restricted money. One in
 * five applications is declined and one in five awarded, as if the meeting were under way.
 */
export async function createScoredMeeting(em: EntityManager, fund: Fund, size: MeetingSize, meetsAt = new Date('2026-11-26T14:00:00Z')) {
  const contributions: Contribution[] = [];
  for (let i = 0; i < size.contributions; i++) {
    const contribution = await createContribution(em, fund, { funder: await createFunder(em, { name: `Funder ${i + 1}` }), amountPence: 20_000_00 + i * 1_000_00 });
    if (i % 2 === 1) contribution.restrictedToPriorities = [DEFAULT_PRIORITIES[i % DEFAULT_PRIORITIES.length].key];
    if (i % 3 === 2) contribution.excludesUnconstituted = true;
    contributions.push(contribution);
  }
  const meeting = em.create(PanelMeeting, { fund, meetsAt, cutoffAt: new Date(meetsAt.getTime() - 48 * 3_600_000) });
  const panellists: User[] = [];
  for (let i = 0; i < size.panellists; i++) panellists.push(await addMember(em, fund, i === 0 ? FundRole.COMMUNITY_PANELLIST : FundRole.PANELLIST));

  const agenda: Application[] = [];
  for (let i = 0; i < size.applications; i++) {
    const application = await createApplication(em, fund, {
      status: ApplicationStatus.ON_AGENDA,
      amountRequestedPence: 500_00 + (i % 10) * 250_00,
      group: { legalForm: i % 4 === 0 ? LegalForm.UNCONSTITUTED_GROUP : LegalForm.CIO },
    });
    application.meeting = meeting;
    application.readyForPanelAt = new Date(meetsAt.getTime() - 72 * 3_600_000 + i * 60_000);
    application.priorityTags = [DEFAULT_PRIORITIES[i % DEFAULT_PRIORITIES.length].key];
    agenda.push(application);
    panellists.forEach((panellist, p) => {
      if (p === i) em.create(ConflictOfInterest, { application, panellist, reason: 'I am a trustee of this group.' });
      else em.create(Score, { application, panellist, value: (i + p) % 7 === 0 ? undefined : 1 + ((i + p) % 4), comment: 'Clear need, sensible budget.' });
    });
    // Part of the agenda is already decided: a decline, and an award drawn from the first contribution.
    if (i % 5 === 3 && panellists.length > 0) {
      em.create(Decision, { application, meeting, kind: DecisionKind.DECLINE, reason: 'Outside the criteria.', message: 'Talk to us about the recovery phase.', decidedBy: panellists[0] });
    }
    if (i % 5 === 4 && panellists.length > 0 && contributions.length > 0) {
      const decision = em.create(Decision, { application, meeting, kind: DecisionKind.AWARD, amountPence: application.amountRequestedPence, decidedBy: panellists[0] });
      em.create(AwardDraw, { decision, contribution: contributions[0], amountPence: application.amountRequestedPence });
    }
  }
  await em.flush();
  return { meeting, panellists, agenda };
}
