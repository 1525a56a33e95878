import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity.ts';
import { AuditEvent } from './audit-event.entity.ts';

export interface AuditEntry {
  actor: User | null;
  action: string;
  entityType: string;
  entityId: string;
  fundId?: string;
  changes?: Record<string, unknown>;
}

/** Adds an audit event to the unit of work, so it commits (or rolls back) with the change itself. */
export function recordAudit(em: EntityManager, entry: AuditEntry): AuditEvent {
  return em.create(AuditEvent, {
    actor: entry.actor ?? undefined,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    fundId: entry.fundId,
    changes: entry.changes ?? {},
  });
}

/** The fields whose values differ, as { field: [before, after] }. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before[field as keyof T];
    if (value !== undefined && value !== previous) changes[field] = [previous, value];
  }
  return changes;
}
