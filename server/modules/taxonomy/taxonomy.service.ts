import type { EntityManager } from '@mikro-orm/postgresql';
import { PriorityKind } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { PRIORITIES_MAX, PRIORITY_DESCRIPTION_MAX, PRIORITY_LABEL_MAX, PRIORITY_TAGS_MAX } from '../../../shared/limits.ts';
import { DEFAULT_PRIORITIES, priorityKeyOf } from '../../../shared/taxonomy.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { postgresArray } from '../../db/postgres-array.ts';
import { errors } from '../../errors.ts';
import { canOnTaxonomy, type TaxonomyAction } from '../../policies/priority.policy.ts';
import { changedFields, recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Priority } from './priority.entity.ts';

/** Adds the starting taxonomy to a new fund's unit of work. */
export function seedPriorities(em: EntityManager, fund: Fund): Priority[] {
  return DEFAULT_PRIORITIES.map((priority, position) => em.create(Priority, { fund, key: priority.key, label: priority.label, kind: priority.kind, position }));
}

/** A fund's priorities in their order, retired ones included. */
export function fundPriorities(em: EntityManager, fundId: string): Promise<Priority[]> {
  return em.find(Priority, { fund: fundId }, { orderBy: { position: 'asc', createdAt: 'asc' } });
}

/** Loads a fund whose taxonomy the viewer may act on; a fund they cannot see looks like one that does not exist. */
export async function requireTaxonomy(em: EntityManager, viewer: Viewer | null, fundId: string, action: TaxonomyAction): Promise<Fund> {
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnTaxonomy(viewer, 'view', fund)) throw errors.notFound('fund');
  if (!canOnTaxonomy(viewer, action, fund)) throw errors.forbidden('change the priorities of this fund');
  return fund;
}

/** Loads one priority the coordinator is changing, refusing it when it changed since they saw it. */
async function requirePriority(em: EntityManager, viewer: Viewer, id: string, version: number): Promise<Priority> {
  const priority = await findById(em, Priority, id, { populate: ['fund'] });
  if (!priority || !canOnTaxonomy(viewer, 'view', priority.fund)) throw errors.notFound('priority');
  if (!canOnTaxonomy(viewer, 'edit', priority.fund)) throw errors.forbidden('change the priorities of this fund');
  if (priority.version !== version) throw errors.conflict('priority');
  return priority;
}

export interface PriorityText {
  label: string;
  kind: PriorityKind;
  description?: string | null;
}

/** Cleans a label and description and checks them against the fund's other priorities. */
function readText(input: PriorityText, others: Priority[]): { label: string; description: string | null; problems: FieldError[] } {
  const label = input.label.trim().replace(/\s+/g, ' ');
  const description = input.description?.trim().replace(/\s+/g, ' ') || null;
  const problems: FieldError[] = [];
  if (label.length < 2 || label.length > PRIORITY_LABEL_MAX) problems.push({ field: 'label', message: `Name the priority in 2 to ${PRIORITY_LABEL_MAX} characters.` });
  else if (!priorityKeyOf(label)) problems.push({ field: 'label', message: 'Use some letters or numbers in the name.' });
  else if (/[<>]/.test(label)) problems.push({ field: 'label', message: 'Remove the < and > characters.' });
  else {
    const same = others.find((other) => other.label.toLowerCase() === label.toLowerCase());
    if (same) problems.push({ field: 'label', message: same.retired ? `There is already a retired priority called ${same.label}. Restore it instead.` : `There is already a priority called ${same.label}.` });
  }
  if (description && description.length > PRIORITY_DESCRIPTION_MAX) problems.push({ field: 'description', message: `Keep the description to ${PRIORITY_DESCRIPTION_MAX} characters or fewer.` });
  if (!Object.values(PriorityKind).includes(input.kind)) problems.push({ field: 'kind', message: 'Choose theme or community.' });
  return { label, description, problems };
}

/** A key nobody in the fund has used: made from the label, with a number added if it is taken. */
function freshKey(label: string, taken: Set<string>): string {
  const base = priorityKeyOf(label);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const describe = (priority: Pick<Priority, 'label' | 'kind' | 'description'>) => ({
  label: priority.label,
  kind: priority.kind,
  description: priority.description ?? null,
});

/** A whole priority as the audit log shows one appearing (`appeared`) or going. */
function whole(priority: Priority, appeared: boolean): Record<string, [unknown, unknown]> {
  const fields = { key: priority.key, label: priority.label, kind: priority.kind, description: priority.description ?? null };
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, appeared ? [null, value] : [value, null]]));
}

export async function addPriority(em: EntityManager, viewer: Viewer, input: PriorityText & { fundId: string }): Promise<Priority> {
  const fund = await requireTaxonomy(em, viewer, input.fundId, 'edit');
  return em.transactional(async (tx) => {
    // One addition at a time per fund, so two coordinators adding "Food banks" get one key each.
    await tx.getConnection().execute('SELECT id FROM fund WHERE id = ? FOR NO KEY UPDATE', [fund.id], 'all', tx.getTransactionContext());
    const existing = await fundPriorities(tx, fund.id);
    const { label, description, problems } = readText(input, existing);
    if (existing.length >= PRIORITIES_MAX) problems.push({ field: 'label', message: `A fund can have up to ${PRIORITIES_MAX} priorities. Retire or delete one first.` });
    if (problems.length > 0) throw errors.badInput(problems);
    const priority = tx.create(Priority, {
      fund,
      key: freshKey(label, new Set(existing.map((other) => other.key))),
      label,
      kind: input.kind,
      description,
      position: Math.max(-1, ...existing.map((other) => other.position)) + 1,
    });
    recordAudit(tx, { actor: viewer.user, action: 'priority.added', entityType: 'Priority', entityId: priority.id, fundId: fund.id, changes: whole(priority, true) });
    return priority;
  });
}

/** Renames, describes or changes the kind of a priority. Its key stays, so everything tagged keeps it. */
export async function updatePriority(em: EntityManager, viewer: Viewer, input: PriorityText & { id: string; version: number }): Promise<Priority> {
  const priority = await requirePriority(em, viewer, input.id, input.version);
  const others = (await fundPriorities(em, priority.fund.id)).filter((other) => other.id !== priority.id);
  const { label, description, problems } = readText(input, others);
  if (problems.length > 0) throw errors.badInput(problems);
  const changes = changedFields(describe(priority), { label, kind: input.kind, description });
  if (Object.keys(changes).length === 0) return priority;
  em.assign(priority, { label, kind: input.kind, description });
  recordAudit(em, { actor: viewer.user, action: 'priority.updated', entityType: 'Priority', entityId: priority.id, fundId: priority.fund.id, changes: { key: priority.key, ...changes } });
  await em.flush();
  return priority;
}

/** Retires a priority (no longer offered, kept where it is used), or brings it back. */
export async function setPriorityRetired(em: EntityManager, viewer: Viewer, input: { id: string; version: number; retired: boolean }): Promise<Priority> {
  const priority = await requirePriority(em, viewer, input.id, input.version);
  if (priority.retired === input.retired) return priority;
  priority.retired = input.retired;
  recordAudit(em, {
    actor: viewer.user,
    action: input.retired ? 'priority.retired' : 'priority.restored',
    entityType: 'Priority',
    entityId: priority.id,
    fundId: priority.fund.id,
    changes: { key: priority.key, label: priority.label, retired: [!input.retired, input.retired] },
  });
  await em.flush();
  return priority;
}

/**
 * Puts the fund's priorities in a new order. The list sent must name every priority the fund has, so
 * a priority added or deleted meanwhile by someone else is noticed rather than lost from the order.
 */
export async function reorderPriorities(em: EntityManager, viewer: Viewer, input: { fundId: string; priorityIds: string[] }): Promise<Priority[]> {
  const fund = await requireTaxonomy(em, viewer, input.fundId, 'edit');
  await em.transactional(async (tx) => {
    const current = await tx.getConnection().execute<{ id: string; key: string }[]>(
      'SELECT id, key FROM priority WHERE fund_id = ? ORDER BY position, created_at FOR UPDATE',
      [fund.id],
      'all',
      tx.getTransactionContext(),
    );
    const wanted = [...new Set(input.priorityIds)];
    const known = new Set(current.map((row) => row.id));
    if (wanted.length !== input.priorityIds.length || wanted.length !== current.length || wanted.some((id) => !known.has(id))) throw errors.conflict('list of priorities');
    const before = current.map((row) => row.key);
    const keyOf = new Map(current.map((row) => [row.id, row.key]));
    const after = wanted.map((id) => keyOf.get(id)!);
    if (before.join() === after.join()) return;
    // Positions are not part of a priority's version: moving one does not make another's edit stale.
    await tx.getConnection().execute(
      'UPDATE priority p SET position = o.ord - 1 FROM unnest(?::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE p.id = o.id AND p.fund_id = ?',
      [postgresArray(wanted), fund.id],
      'run',
      tx.getTransactionContext(),
    );
    recordAudit(tx, { actor: viewer.user, action: 'priorities.reordered', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes: { order: [before, after] } });
  });
  return fundPriorities(em.fork(), fund.id);
}

export interface PriorityUsage {
  /** Sent applications (any stage) tagged with it. */
  applications: number;
  /** Applications being filled in whose group chose it. */
  drafts: number;
  contributions: number;
  focusMarks: number;
}

/** What uses each priority, in one statement for any number of them. */
export async function priorityUsage(em: EntityManager, priorityIds: readonly string[]): Promise<PriorityUsage[]> {
  const rows = await em.getConnection().execute<{ id: string; applications: number; drafts: number; contributions: number; focus_marks: number }[]>(
    `SELECT p.id,
            (SELECT count(*)::int FROM application a WHERE a.fund_id = p.fund_id AND p.key = ANY(a.priority_tags)) AS applications,
            (SELECT count(*)::int FROM application_draft d WHERE d.fund_id = p.fund_id AND d.application_id IS NULL
                AND p.key = ANY(string_to_array(d.answers->'priorities'->>'priorityTags', ','))) AS drafts,
            (SELECT count(*)::int FROM contribution c WHERE c.fund_id = p.fund_id AND p.key = ANY(c.restricted_to_priorities)) AS contributions,
            (SELECT count(*)::int FROM funder_focus f WHERE f.priority_id = p.id) AS focus_marks
       FROM priority p WHERE p.id = ANY(?::uuid[])`,
    [postgresArray(priorityIds)],
    'all',
    em.getTransactionContext(),
  );
  const byId = new Map(rows.map((row) => [row.id, { applications: row.applications, drafts: row.drafts, contributions: row.contributions, focusMarks: row.focus_marks }]));
  return priorityIds.map((id) => byId.get(id) ?? { applications: 0, drafts: 0, contributions: 0, focusMarks: 0 });
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Deletes a priority nothing uses; one in use can only be retired, so no record loses a tag. */
export async function deletePriority(em: EntityManager, viewer: Viewer, input: { id: string; version: number }): Promise<Fund> {
  const priority = await requirePriority(em, viewer, input.id, input.version);
  await em.transactional(async (tx) => {
    // The row lock makes tagging wait (it takes a key-share lock on the priorities it adds), so nothing
    // can be tagged with this priority between the check and the delete.
    const [locked] = await tx.getConnection().execute<{ version: number }[]>('SELECT version FROM priority WHERE id = ? FOR UPDATE', [priority.id], 'all', tx.getTransactionContext());
    if (!locked || locked.version !== input.version) throw errors.conflict('priority');
    const [usage] = await priorityUsage(tx, [priority.id]);
    const uses = [
      usage.applications > 0 ? counted(usage.applications, 'application', 'applications') : '',
      usage.drafts > 0 ? counted(usage.drafts, 'application being filled in', 'applications being filled in') : '',
      usage.contributions > 0 ? counted(usage.contributions, "contribution's restrictions", "contributions' restrictions") : '',
      usage.focusMarks > 0 ? counted(usage.focusMarks, "funder's focus", "funders' focus") : '',
    ].filter(Boolean);
    if (uses.length > 0) {
      throw errors.badInput([{ field: 'priority', message: `${priority.label} is used by ${uses.join(', ')}, so it cannot be deleted. Retire it instead: it stays where it is used, and is no longer offered.` }]);
    }
    await tx.getConnection().execute('DELETE FROM priority WHERE id = ?', [priority.id], 'run', tx.getTransactionContext());
    recordAudit(tx, { actor: viewer.user, action: 'priority.deleted', entityType: 'Priority', entityId: priority.id, fundId: priority.fund.id, changes: whole(priority, false) });
  });
  em.getUnitOfWork().unsetIdentity(priority);
  return priority.fund;
}

/** What checking a choice needs of each priority. */
export type TaxonomyEntry = Pick<Priority, 'key' | 'label' | 'retired'>;

/**
 * The fund's priorities with these keys, locked against deletion until the transaction ends, so a
 * tag is never added to a priority being deleted at the same moment. Call inside a transaction.
 */
export function lockPriorities(tx: EntityManager, fundId: string, keys: readonly string[]): Promise<TaxonomyEntry[]> {
  return tx.getConnection().execute<TaxonomyEntry[]>(
    'SELECT key, label, retired FROM priority WHERE fund_id = ? AND key = ANY(?::text[]) ORDER BY position, created_at FOR KEY SHARE',
    [fundId, postgresArray(keys)],
    'all',
    tx.getTransactionContext(),
  );
}

export interface TagCheck {
  /** The keys in the taxonomy's order, without repeats. */
  keys: string[];
  problems: FieldError[];
}

/**
 * Checks chosen priority keys against a fund's taxonomy: each must exist, and a retired one may only
 * stay where it already was (`kept`), never be newly added. `field` names the form field to blame.
 */
export function checkPriorityKeys(priorities: readonly TaxonomyEntry[], chosen: readonly string[], options: { field: string; kept?: readonly string[]; max?: number }): TagCheck {
  const byKey = new Map(priorities.map((priority) => [priority.key, priority]));
  const wanted = new Set(chosen);
  const problems: FieldError[] = [];
  const unknown = [...wanted].filter((key) => !byKey.has(key));
  if (unknown.length > 0) problems.push({ field: options.field, message: `There is no priority called ${unknown.join(', ')} in this fund.` });
  const retired = [...wanted].filter((key) => byKey.get(key)?.retired && !options.kept?.includes(key));
  if (retired.length > 0) {
    const labels = retired.map((key) => byKey.get(key)!.label);
    problems.push({ field: options.field, message: `${labels.join(', ')} ${labels.length === 1 ? 'has' : 'have'} been retired. Choose a current priority.` });
  }
  const max = options.max ?? PRIORITY_TAGS_MAX;
  if (wanted.size > max) problems.push({ field: options.field, message: `Choose ${max} priorities or fewer.` });
  return { keys: priorities.map((priority) => priority.key).filter((key) => wanted.has(key)), problems };
}
