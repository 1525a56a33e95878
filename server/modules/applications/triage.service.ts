import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus, LegalForm } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { changedFields, recordAudit } from '../audit/audit.service.ts';
import { recordTagChange } from '../taxonomy/tagging.service.ts';
import { checkPriorityKeys, fundPriorities } from '../taxonomy/taxonomy.service.ts';
import { Application, type Checklist } from './application.entity.ts';
import { ConfirmationStatus, GroupConfirmation } from './group-confirmation.entity.ts';

export interface TriageInput {
  applicationId: string;
  version: number;
  eligibilityConfirmed: boolean;
  hostOrRefereeConfirmed: boolean;
  safeguarding: NonNullable<Checklist['safeguarding']>;
  bankDetailsChecked: boolean;
  /** Omitted to leave the tags as they are (the checks page changes them on their own). */
  priorityTags?: string[] | null;
  readyForPanel: boolean;
}

/**
 * A funder officer's triage: the due-diligence checklist, priority tags, and "ready for panel". An
 * application marked ready by the cut-off joins the next meeting's agenda. Bank details are checked
 * before payment, after an award, so they are on the list but do not hold an application back.
 */
export async function triageApplication(em: EntityManager, viewer: Viewer, input: TriageInput) {
  const application = await findById(em, Application, input.applicationId, { populate: ['fund', 'group'] });
  if (!application || !canOnFund(viewer, 'view', application.fund)) throw errors.notFound('application');
  if (!canOnFund(viewer, 'assistApplication', application.fund)) throw errors.forbidden('triage applications in this fund');
  if (application.version !== input.version) throw errors.conflict('application');
  if (![ApplicationStatus.SUBMITTED, ApplicationStatus.CHECKED].includes(application.status)) {
    throw errors.badInput([{ field: 'applicationId', message: 'This application is already on an agenda or decided, so triage is closed.' }]);
  }

  const problems: FieldError[] = [];
  let tags = application.priorityTags;
  if (input.priorityTags) {
    const checked = checkPriorityKeys(await fundPriorities(em, application.fund.id), input.priorityTags, { field: 'priorityTags', kept: application.priorityTags });
    problems.push(...checked.problems);
    tags = checked.keys;
  }
  const unconstituted = application.group.legalForm === LegalForm.UNCONSTITUTED_GROUP;
  if (input.readyForPanel) {
    if (!input.eligibilityConfirmed) problems.push({ field: 'eligibilityConfirmed', message: 'Confirm the group is eligible before the panel sees it.' });
    if (input.safeguarding === 'MISSING') problems.push({ field: 'safeguarding', message: 'Get the group’s safeguarding policy first: it works with children or adults at risk.' });
    if (unconstituted) {
      const confirmed = await em.count(GroupConfirmation, { application, status: ConfirmationStatus.CONFIRMED });
      if (!input.hostOrRefereeConfirmed || confirmed === 0) {
        problems.push({ field: 'hostOrRefereeConfirmed', message: 'Wait for the host organisation or referee to confirm before the panel sees it.' });
      }
    }
  }
  if (problems.length > 0) throw errors.badInput(problems);

  const checklist: Checklist = {
    eligibilityConfirmed: input.eligibilityConfirmed,
    hostOrRefereeConfirmed: unconstituted ? input.hostOrRefereeConfirmed : undefined,
    safeguarding: input.safeguarding,
    bankDetailsChecked: input.bankDetailsChecked,
  };
  const next = {
    checklist,
    priorityTags: tags,
    status: input.readyForPanel ? ApplicationStatus.CHECKED : ApplicationStatus.SUBMITTED,
    readyForPanelAt: input.readyForPanel ? (application.readyForPanelAt ?? new Date()) : undefined,
  };
  const { priorityTags: _tags, ...checks } = next;
  const changes = changedFields({ ...application, checklist: JSON.stringify(application.checklist) }, { ...checks, checklist: JSON.stringify(checklist) });
  // Tags are audited on their own, as every change of tags is, so who added each can be told.
  recordTagChange(em, viewer, application, application.priorityTags, tags);
  em.assign(application, next);
  if (Object.keys(changes).length > 0) {
    recordAudit(em, { actor: viewer.user, action: 'application.triaged', entityType: 'Application', entityId: application.id, fundId: application.fund.id, changes });
  }
  await em.flush();
  return application;
}
