import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { postgresArray } from '../../db/postgres-array.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { canTagApplication } from '../../policies/priority.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { MeetingStatus } from '../panels/panel-meeting.entity.ts';
import { hasConflict } from '../panels/panel.service.ts';
import { checkPriorityKeys, fundPriorities, lockPriorities } from './taxonomy.service.ts';
import { priorityLabeller } from '../../../shared/taxonomy.ts';

export const TAGS_CHANGED = 'application.tags-changed';

/** The audit entry for a change of an application's tags; nothing when they are the same. */
export function recordTagChange(em: EntityManager, viewer: Viewer, application: Application, before: readonly string[], after: readonly string[]) {
  const added = after.filter((key) => !before.includes(key));
  const removed = before.filter((key) => !after.includes(key));
  if (added.length === 0 && removed.length === 0) return;
  recordAudit(em, {
    actor: viewer.user,
    action: TAGS_CHANGED,
    entityType: 'Application',
    entityId: application.id,
    fundId: application.fund.id,
    changes: { priorityTags: [[...before], [...after]], added, removed },
  });
}

/**
 * Whether the viewer may change this application's tags now (that they may see it is the caller's
 * check). `conflicted` may be given by a caller that has the conflicts batched already.
 */
export async function mayTag(em: EntityManager, viewer: Viewer | null, application: Application, conflicted?: boolean): Promise<boolean> {
  if (!viewer || application.status === ApplicationStatus.DRAFT) return false;
  const meeting = application.meeting ? await ref(application.meeting).load() : null;
  const onOpenAgenda = Boolean(meeting) && meeting!.status !== MeetingStatus.CLOSED;
  return canTagApplication(viewer, application, { conflicted: conflicted ?? (await hasConflict(em, viewer, application)), onOpenAgenda });
}

interface DrawRestriction {
  funder_name: string;
  restricted_to_priorities: string[];
}

/**
 * An award already split across contributions may only lose a tag if every contribution paying for
 * it still allows it: a restricted contribution needs at least one of its priorities on the award.
 */
function breaksDraws(reference: string, keys: readonly string[], draws: DrawRestriction[], label: (key: string) => string): FieldError[] {
  return draws
    .filter((draw) => draw.restricted_to_priorities.length > 0 && !draw.restricted_to_priorities.some((key) => keys.includes(key)))
    .map((draw) => ({
      field: 'priorityTags',
      message: `${reference} is paid partly from ${draw.funder_name}'s money, which is only for ${draw.restricted_to_priorities.map(label).join(', ')}. Keep at least one of those.`,
    }));
}

/**
 * An officer or panellist adds or corrects an application's priority tags: checked against the fund's
 * taxonomy (a retired priority may stay, but not be newly added), against what already pays for it,
 * and audited with who and when.
 */
export async function tagApplication(em: EntityManager, viewer: Viewer, input: { applicationId: string; version: number; priorityTags: string[] }): Promise<Application> {
  const found = await findById(em, Application, input.applicationId, { populate: ['fund', 'meeting'] });
  if (!found || found.status === ApplicationStatus.DRAFT || !canOnFund(viewer, 'view', found.fund)) throw errors.notFound('application');
  if (!(await mayTag(em, viewer, found))) throw errors.forbidden('change the priorities of this application');
  if (found.version !== input.version) throw errors.conflict('application');

  return em.transactional(async (tx) => {
    // The same row lock a decision takes, so tags and the split of an award never pass each other.
    const application = await tx.findOneOrFail(Application, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (application.version !== input.version) throw errors.conflict('application');
    const before = [...application.priorityTags];
    const priorities = await lockPriorities(tx, found.fund.id, [...new Set([...before, ...input.priorityTags])]);
    const { keys, problems } = checkPriorityKeys(priorities, input.priorityTags, { field: 'priorityTags', kept: before });
    if (problems.length === 0 && keys.join() !== before.join()) {
      const draws = await tx.getConnection().execute<DrawRestriction[]>(
        `SELECT f.name AS funder_name, c.restricted_to_priorities FROM award_draw d JOIN decision x ON x.id = d.decision_id
           JOIN contribution c ON c.id = d.contribution_id JOIN funder f ON f.id = c.funder_id
          WHERE x.application_id = ? ORDER BY f.name`,
        [application.id],
        'all',
        tx.getTransactionContext(),
      );
      if (draws.length > 0) problems.push(...breaksDraws(application.reference, keys, draws, priorityLabeller(await fundPriorities(tx, found.fund.id))));
    }
    if (problems.length > 0) throw errors.badInput(problems);
    if (keys.join() === before.join()) return application;
    application.priorityTags = keys;
    recordTagChange(tx, viewer, application, before, keys);
    return application;
  });
}

export interface TagOrigin {
  key: string;
  /** Who last added it: an officer or panellist; null when the group chose it, or it is not known. */
  addedBy: { id: string; name: string } | null;
  addedAt: Date | null;
  /** The group chose it when it applied. */
  byGroup: boolean;
}

interface TagEventRow {
  application_id: string;
  action: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  changes: { added?: string[]; priorityTags?: string[] };
}

/**
 * Who added each current tag of these applications, and when, from the audit log: the group's own
 * choice when it applied, or the latest officer or panellist who added it. One statement for all.
 */
export async function tagOrigins(em: EntityManager, applications: readonly { id: string; priorityTags: readonly string[] }[]): Promise<TagOrigin[][]> {
  const rows = await em.getConnection().execute<TagEventRow[]>(
    `SELECT e.entity_id AS application_id, e.action, e.at, u.id AS actor_id, u.name AS actor_name, e.changes
       FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
      WHERE e.entity_type = 'Application' AND e.entity_id = ANY(?::text[]) AND e.action IN ('application.submitted', ?)
      ORDER BY e.at, e.id`,
    [postgresArray(applications.map((application) => application.id)), TAGS_CHANGED],
  );
  return applications.map((application) => {
    const origins = new Map<string, TagOrigin>();
    for (const row of rows) {
      if (row.application_id !== application.id) continue;
      const submitted = row.action === 'application.submitted';
      const added = submitted ? (row.changes.priorityTags ?? []) : (row.changes.added ?? []);
      for (const key of added) {
        // An officer filling in the form for a group chose with the group: it counts as the group's.
        origins.set(key, { key, addedBy: !submitted && row.actor_id ? { id: row.actor_id, name: row.actor_name! } : null, addedAt: new Date(row.at), byGroup: submitted });
      }
    }
    return application.priorityTags.map((key) => origins.get(key) ?? { key, addedBy: null, addedAt: null, byGroup: false });
  });
}
