import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, FUND_ROLE_LABELS } from '../../../shared/domain.ts';
import { formatPence } from '../../../shared/money.ts';
import { ReportingRequirement } from '../../../shared/reporting.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sendBankDetailsRequest } from '../bank/bank-details.service.ts';
import { FundMembership } from '../funds/fund-membership.entity.ts';
import { Grant, Payee, Payment } from '../grants/grant.entity.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { openReport, reportingAtAward, reportingPolicyOf } from '../reports/report.service.ts';
import { ConflictOfInterest } from './conflict.entity.ts';
import { Decision, DecisionKind } from './decision.entity.ts';
import { MeetingStatus, PanelMeeting, type Minutes } from './panel-meeting.entity.ts';

const DECISION_WORDS: Record<DecisionKind, string> = {
  [DecisionKind.AWARD]: 'Awarded',
  [DecisionKind.DECLINE]: 'Declined',
  [DecisionKind.DEFER]: 'Deferred',
  [DecisionKind.REFER]: 'Referred',
};

/**
 * Closes a meeting once every item on its agenda has a decision: writes the minutes (who attended,
 * what was decided, who stood aside), emails every applicant its decision, and turns each award into a
 * grant with a payment due (to the group, or to its host) and the report the fund's policy asks for at
 * its size, with its due date; the group is emailed the report's link.
 * Deferred applications go back to the officers until their question is answered.
 */
export async function closeMeeting(em: EntityManager, mailer: Mailer, viewer: Viewer, input: { meetingId: string; attendeeIds: string[] }, publicUrl: string, now = new Date()) {
  const found = await findById(em, PanelMeeting, input.meetingId, { populate: ['fund'] });
  if (!found || !canOnFund(viewer, 'view', found.fund)) throw errors.notFound('meeting');
  if (!canOnFund(viewer, 'chairMeeting', found.fund)) throw errors.forbidden('close the meeting');

  const meeting = await em.transactional(async (tx) => {
    const meeting = await tx.findOneOrFail(PanelMeeting, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['fund'] });
    if (meeting.status === MeetingStatus.CLOSED) throw errors.badInput([{ field: 'meetingId', message: 'This meeting is already closed.' }]);
    const agenda = await tx.find(Application, { meeting }, { populate: ['group', 'fund'], orderBy: { reference: 'asc' } });
    const decisions = await tx.find(Decision, { meeting }, { populate: ['application'] });
    const undecided = agenda.filter((application) => !decisions.some((decision) => decision.application.id === application.id));
    if (undecided.length > 0) {
      throw errors.badInput([{ field: 'meetingId', message: `Decide every application first: ${undecided.map((application) => application.reference).join(', ')}.` }]);
    }

    const members = await tx.find(FundMembership, { fund: meeting.fund, user: { $in: input.attendeeIds } }, { populate: ['user'] });
    const attendees = [...new Map(members.map((member) => [member.user.id, member])).values()];
    if (attendees.length !== new Set(input.attendeeIds).size) {
      throw errors.badInput([{ field: 'attendeeIds', message: 'Everyone recorded as attending must have a role in this fund.' }]);
    }
    const reportingPolicy = await reportingPolicyOf(tx, meeting.fund.id);
    const conflicts = await tx.find(ConflictOfInterest, { application: { $in: agenda } }, { populate: ['panellist', 'application'] });

    const minutes: Minutes = {
      attendees: attendees.map((member) => ({ name: member.user.name, role: FUND_ROLE_LABELS[member.role] })).sort((a, b) => a.name.localeCompare(b.name)),
      decisions: agenda.map((application) => {
        const decision = decisions.find((candidate) => candidate.application.id === application.id)!;
        return {
          reference: application.reference,
          group: application.group.name,
          decision: DECISION_WORDS[decision.kind],
          amountPence: decision.kind === DecisionKind.AWARD ? decision.amountPence! : null,
          note: decision.reason ?? decision.referredTo ?? decision.message ?? null,
        };
      }),
      recusals: conflicts.map((conflict) => ({ name: conflict.panellist.name, reference: conflict.application.reference, reason: conflict.reason })),
    };

    for (const application of agenda) {
      const decision = decisions.find((candidate) => candidate.application.id === application.id)!;
      if (decision.kind === DecisionKind.AWARD) {
        const byHost = Boolean(application.group.hostName);
        const grant = tx.create(Grant, {
          application,
          decision,
          amountPence: decision.amountPence!,
          payee: byHost ? Payee.HOST : Payee.GROUP,
          payeeName: byHost ? application.group.hostName! : application.group.name,
          ...reportingAtAward(reportingPolicy, decision.amountPence!, now),
        });
        if (grant.reporting !== ReportingRequirement.NONE) openReport(tx, mailer, grant, application, publicUrl);
        tx.create(Payment, { grant, amountPence: decision.amountPence! });
        sendBankDetailsRequest(tx, mailer, application, publicUrl, viewer.user);
      }
      if (decision.kind === DecisionKind.DEFER) {
        application.status = ApplicationStatus.SUBMITTED;
        application.meeting = undefined;
        application.readyForPanelAt = undefined;
      }
      mailer.queue(tx, { to: application.group.contactEmail, kind: 'panel-decision', subject: decisionSubject(decision, application), body: decisionBody(decision, application, meeting.fund.name) });
    }

    meeting.status = MeetingStatus.CLOSED;
    meeting.closedAt = now;
    meeting.minutes = minutes;
    recordAudit(tx, { actor: viewer.user, action: 'meeting.closed', entityType: 'PanelMeeting', entityId: meeting.id, fundId: meeting.fund.id, changes: { decisions: decisions.length } });
    return meeting;
  });
  mailer.nudge();
  return meeting;
}

function decisionSubject(decision: Decision, application: Application) {
  switch (decision.kind) {
    case DecisionKind.AWARD:
      return `Good news: a grant of ${formatPence(decision.amountPence!)} (${application.reference})`;
    case DecisionKind.DECLINE:
      return `Your application ${application.reference}: the panel's decision`;
    case DecisionKind.DEFER:
      return `A question about your application ${application.reference}`;
    case DecisionKind.REFER:
      return `Your application ${application.reference} has been passed to another funder`;
  }
}

function decisionBody(decision: Decision, application: Application, fundName: string) {
  const opening = [`Hello ${application.group.contactName},`, ''];
  const closing = ['', `${fundName}`, `Reference: ${application.reference}`];
  switch (decision.kind) {
    case DecisionKind.AWARD:
      return [
        ...opening,
        `The ${fundName} panel has awarded ${application.group.name} ${formatPence(decision.amountPence!)} for "${application.title}".`,
        ...(decision.reason ? ['', `Conditions: ${decision.reason}`] : []),
        '',
        'We will email a separate link asking for the bank details to pay it into.',
        'We will ask for a short report later on; it will not take long.',
        ...closing,
      ].join('\n');
    case DecisionKind.DECLINE:
      return [...opening, `We are sorry: the panel could not fund "${application.title}" this time.`, '', decision.message ?? '', ...closing].join('\n');
    case DecisionKind.DEFER:
      return [...opening, `The panel would like to know more before deciding on "${application.title}":`, '', decision.message ?? '', '', 'Reply to this email or call us, and we will take it to a later meeting.', ...closing].join('\n');
    case DecisionKind.REFER:
      return [...opening, `The panel thinks "${application.title}" is a better fit for ${decision.referredTo}, and has passed it on to them. They will contact you.`, ...closing].join('\n');
  }
}
