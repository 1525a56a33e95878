import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, FundRole, PhaseKind } from '../../shared/domain.ts';
import { londonTimeToUtc } from '../../shared/london-time.ts';
import type { Viewer } from '../context.ts';
import { Application } from '../modules/applications/application.entity.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import { Fund } from '../modules/funds/fund.entity.ts';
import { nextPanel } from '../modules/funds/fund.service.ts';
import type { Mailer } from '../modules/notifications/mailer.ts';
import { closeMeeting } from '../modules/panels/close-meeting.ts';
import { DecisionKind } from '../modules/panels/decision.entity.ts';
import { recordDecision } from '../modules/panels/decision.service.ts';
import { MeetingStatus, PanelMeeting } from '../modules/panels/panel-meeting.entity.ts';
import { declareConflict, scoreApplication } from '../modules/panels/panel.service.ts';
import { seedDemoReportingPolicy } from './seed-reports.ts';

// Six Thursdays of the emergency phase; each meeting decided the applications ready by its Tuesday cut-off.
const PAST_MEETINGS = ['2026-09-24', '2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22', '2026-10-29'];

/** A viewer for seeding through the services, as a member with these memberships. */
export function viewerOf(membershipsOfUser: FundMembership[]): Viewer {
  const roles = new Map<string, Set<FundRole>>();
  for (const membership of membershipsOfUser) roles.set(membership.fund.id, new Set([...(roles.get(membership.fund.id) ?? []), membership.role]));
  return { user: membershipsOfUser[0].user, sessionId: 'demo', roles };
}

/**
 * The demo fund's history, made through the same services the panel uses: six weekly meetings of the
 * emergency phase with scores, a declared conflict, decisions of every kind, minutes and grants; and
 * the next meeting with this week's checked applications on its agenda, ready to run.
 */
export async function seedDemoPanelHistory(em: EntityManager, mailer: Mailer, publicUrl: string): Promise<boolean> {
  const fund = await em.findOne(Fund, { isDemo: true });
  if (!fund || (await em.count(PanelMeeting, { fund, status: MeetingStatus.CLOSED })) > 0) return false;

  const memberships = await em.find(FundMembership, { fund }, { populate: ['user', 'fund'], orderBy: { createdAt: 'asc' } });
  const as = (role: FundRole, index = 0) => viewerOf([memberships.filter((membership) => membership.role === role)[index]]);
  const coordinator = as(FundRole.COORDINATOR);
  const panellists = [as(FundRole.PANELLIST, 0), as(FundRole.PANELLIST, 1), as(FundRole.COMMUNITY_PANELLIST, 0)];
  const attendeeIds = [...new Set(memberships.filter((membership) => membership.role !== FundRole.FUNDER_OFFICER).map((membership) => membership.user.id))];

  // Grants are made as meetings close, with what the fund's reporting policy asks of their size.
  await seedDemoReportingPolicy(em, fund);
  const emergency = await em.find(
    Application,
    { fund, status: ApplicationStatus.CHECKED, phase: { kind: PhaseKind.EMERGENCY } },
    { populate: ['group'], orderBy: { reference: 'asc' } },
  );
  for (const [week, day] of PAST_MEETINGS.entries()) {
    const [year, month, date] = day.split('-').map(Number);
    const meetsAt = londonTimeToUtc(year, month, date, 14, 0);
    const meeting = em.create(PanelMeeting, { fund, meetsAt, cutoffAt: new Date(meetsAt.getTime() - fund.cutoffHoursBefore * 3_600_000), agendaBuiltAt: new Date(meetsAt.getTime() - 47 * 3_600_000) });
    const items = emergency.filter((_, index) => index % PAST_MEETINGS.length === week);
    for (const application of items) {
      application.meeting = meeting;
      application.status = ApplicationStatus.ON_AGENDA;
    }
    await em.flush();

    for (const [index, application] of items.entries()) {
      if (index === 1) await declareConflict(em, panellists[(week + 1) % 2], { applicationId: application.id, reason: 'I volunteer with this group.' });
      for (const [which, panellist] of panellists.entries()) {
        if (index === 1 && which === (week + 1) % 2) continue;
        await scoreApplication(em, panellist, { applicationId: application.id, value: 1 + ((index + which + week) % 4), notEnoughKnowledge: which === 2 && index % 3 === 2, comment: null });
      }
      const kind = index === 2 && week % 2 === 0 ? DecisionKind.DECLINE : index === 3 && week === 1 ? DecisionKind.REFER : index === 4 && week === 4 ? DecisionKind.DEFER : DecisionKind.AWARD;
      await recordDecision(
        em,
        coordinator,
        {
          applicationId: application.id,
          expectedVersion: 0,
          kind,
          amountPence: kind === DecisionKind.AWARD ? application.amountRequestedPence : undefined,
          reason: kind === DecisionKind.DECLINE ? 'Another group already does this work in the same place.' : undefined,
          message:
            kind === DecisionKind.DECLINE
              ? 'Talk to the other group about working together, and apply again in the recovery phase.'
              : kind === DecisionKind.DEFER
                ? 'Please send a simple budget showing what the money buys.'
                : undefined,
          referredTo: kind === DecisionKind.REFER ? 'Heritage Lanes Trust (demo) small grants' : undefined,
        },
        new Date(meetsAt.getTime() + 30 * 60_000),
      );
    }
    await closeMeeting(em, mailer, coordinator, { meetingId: meeting.id, attendeeIds }, publicUrl, new Date(meetsAt.getTime() + 90 * 60_000));
  }

  // This week's meeting, with the recovery applications already checked on its agenda.
  const { meetsAt, cutoffAt } = nextPanel(fund);
  const upcoming = em.create(PanelMeeting, { fund, meetsAt, cutoffAt, agendaBuiltAt: new Date() });
  const ready = await em.find(Application, { fund, status: ApplicationStatus.CHECKED, meeting: null });
  for (const application of ready) {
    application.meeting = upcoming;
    application.status = ApplicationStatus.ON_AGENDA;
  }
  await em.flush();
  return true;
}
