import type { EntityManager } from '@mikro-orm/postgresql';
import { kindOfAnyAreaCode } from '../../../shared/areas.ts';
import { FundRole, LegalForm } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { londonParts } from '../../../shared/london-time.ts';
import { formatPence } from '../../../shared/money.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnContribution } from '../../policies/contribution.policy.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { hasRole } from '../../policies/roles.ts';
import { withContainingAreas } from '../areas/area-hierarchy.ts';
import { areasNotInFund } from '../areas/fund-areas.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { chooseFunder, officerFunderIds } from '../funders/funder.service.ts';
import { checkPriorityKeys, fundPriorities } from '../taxonomy/taxonomy.service.ts';
import { restrictionBlocking, type AllocationAward, type AllocationContribution } from '../panels/allocation.ts';
import { Contribution } from './contribution.entity.ts';
import type { ContributionTermsInput, RecordContributionInput, UpdateContributionInput } from './contribution.inputs.ts';
import type { Fund } from './fund.entity.ts';
import { requireFund } from './fund.service.ts';
import type { Phase } from './phase.entity.ts';

/** The terms as they are stored: cleaned, with the phase looked up in the fund. */
interface Terms {
  amountPence: number;
  receivedOn: string;
  restrictedToPriorities: string[];
  restrictedToAreas: string[];
  excludesUnconstituted: boolean;
  restrictedToPhase?: Phase;
  spendBy?: string;
  note?: string;
}

function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads and checks the terms; `kept` are the priorities the contribution is already restricted to (a retired one may stay). */
/** Reads and checks the terms; `kept` restrictions the contribution already has may stay though no longer offered (a retired priority, say). */
async function readTerms(em: EntityManager, fund: Fund, input: ContributionTermsInput, kept: { priorities: readonly string[]; areas: readonly string[] } = { priorities: [], areas: [] }): Promise<{ terms: Terms; problems: FieldError[] }> {
  const problems: FieldError[] = [];
  if (!isCalendarDate(input.receivedOn)) problems.push({ field: 'receivedOn', message: 'Enter a real date for when the money was received, like 2026-11-23.' });
  const spendBy = input.spendBy?.trim() || undefined;
  if (spendBy && !isCalendarDate(spendBy)) problems.push({ field: 'spendBy', message: 'Enter a real spend-by date, like 2027-03-31.' });
  else if (spendBy && isCalendarDate(input.receivedOn) && spendBy < input.receivedOn) {
    problems.push({ field: 'spendBy', message: 'The spend-by date must be on or after the date the money was received.' });
  }
  // Restrictions name the fund's own priorities, by key, as the allocation compares them with tags.
  const taxonomy = await fundPriorities(em, fund.id);
  const priorities = checkPriorityKeys(taxonomy, input.restrictedToPriorities, { field: 'restrictedToPriorities', kept: kept.priorities, max: taxonomy.length });
  problems.push(...priorities.problems);
  const areas = [...new Set(input.restrictedToAreas.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  // Real ONS codes of LSOAs, wards and local authorities, or the demo's (RD-W03).
  const badAreas = areas.filter((code) => kindOfAnyAreaCode(code) === null);
  if (badAreas.length > 0) {
    problems.push({ field: 'restrictedToAreas', message: `${badAreas.join(', ')} ${badAreas.length === 1 ? 'is not an area code' : 'are not area codes'}. Enter codes like E05009001, separated by commas.` });
  }
  const { unknown, outside } = await areasNotInFund(em, fund, areas.filter((code) => !badAreas.includes(code) && !kept.areas.includes(code)));
  if (unknown.length > 0) {
    problems.push({ field: 'restrictedToAreas', message: `The portal holds no area ${unknown.join(', ')}. Check the ${unknown.length === 1 ? 'code' : 'codes'}, or import the areas on the Areas page first.` });
  }
  if (outside.length > 0) {
    problems.push({ field: 'restrictedToAreas', message: `${outside.join(', ')} ${outside.length === 1 ? 'is not one of' : 'are not among'} the fund's areas, so no award could be paid from this money there.` });
  }
  let phase: Phase | undefined;
  if (input.restrictedToPhaseId) {
    phase = (await fund.phases.load()).find((candidate) => candidate.id === input.restrictedToPhaseId);
    if (!phase) problems.push({ field: 'restrictedToPhaseId', message: 'Choose one of the phases of this fund.' });
  }
  return {
    terms: {
      amountPence: input.amountPence,
      receivedOn: input.receivedOn,
      restrictedToPriorities: priorities.keys,
      restrictedToAreas: areas,
      excludesUnconstituted: input.excludesUnconstituted,
      restrictedToPhase: phase,
      spendBy,
      note: input.note?.trim() || undefined,
    },
    problems,
  };
}

/** The terms as the audit log and the change list show them: plain values, the phase by name. */
function auditable(terms: Terms | Contribution) {
  return {
    amountPence: terms.amountPence,
    receivedOn: terms.receivedOn,
    restrictedToPriorities: [...terms.restrictedToPriorities],
    restrictedToAreas: [...terms.restrictedToAreas],
    excludesUnconstituted: terms.excludesUnconstituted,
    restrictedToPhase: terms.restrictedToPhase?.name ?? null,
    spendBy: terms.spendBy ?? null,
    note: terms.note ?? null,
  };
}

function differences(before: ReturnType<typeof auditable>, after: ReturnType<typeof auditable>) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
  }
  return changes;
}

export async function recordContribution(em: EntityManager, viewer: Viewer, input: RecordContributionInput): Promise<Contribution> {
  const fund = await requireFund(em, viewer, input.fundId, 'recordContribution');
  const { terms, problems } = await readTerms(em, fund, input);
  if (problems.length > 0) throw errors.badInput(problems);
  const chosen = await chooseFunder(em, viewer, fund, input, hasRole(viewer, fund.id, FundRole.COORDINATOR));
  if (chosen.problems.length > 0) throw errors.badInput(chosen.problems);
  const funder = chosen.funder!;
  if (!canOnContribution(viewer, 'record', { fund, funder }, await officerFunderIds(em, viewer, fund.id))) {
    throw errors.forbidden(`record contributions for ${funder.name}`);
  }
  const contribution = em.create(Contribution, { fund, funder, ...terms });
  recordAudit(em, {
    actor: viewer.user,
    action: 'contribution.recorded',
    entityType: 'Contribution',
    entityId: contribution.id,
    fundId: fund.id,
    changes: { funder: [null, funder.name], ...differences(auditable({ amountPence: 0, receivedOn: '', restrictedToPriorities: [], restrictedToAreas: [], excludesUnconstituted: false }), auditable(terms)) },
  });
  await em.flush();
  return contribution;
}

interface DrawRow {
  amount_pence: number;
  reference: string;
  priority_tags: string[];
  area_codes: string[];
  phase_id: string;
  legal_form: LegalForm;
  decided_at: Date;
}

const londonDay = (instant: Date) => {
  const parts = londonParts(instant);
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
};

const UNRESTRICTED: Omit<AllocationContribution, 'id' | 'funderName'> = {
  availablePence: 0,
  restrictedToPriorities: [],
  restrictedToAreas: [],
  excludesUnconstituted: false,
  restrictedToPhaseId: null,
  spendBy: null,
};

/**
 * What awards already drawn from this contribution need of it: at least the money they drew, and
 * restrictions that still let them be paid from it. Each new restriction is tried on its own, with the
 * same test the allocation uses, so the message can name the field that breaks an award.
 */
function breaksDraws(contribution: Contribution, terms: Terms, draws: DrawRow[]): FieldError[] {
  const problems: FieldError[] = [];
  const drawn = draws.reduce((sum, draw) => sum + draw.amount_pence, 0);
  if (terms.amountPence < drawn) {
    problems.push({
      field: 'amountPence',
      message: `Awards already draw ${formatPence(drawn)} from this contribution, so it cannot be less than ${formatPence(drawn)}.`,
    });
  }
  const awards = draws.map((draw): AllocationAward & { reference: string } => ({
    id: draw.reference,
    reference: draw.reference,
    amountPence: draw.amount_pence,
    priorities: draw.priority_tags,
    // The application's areas, exactly as the allocation sees them.
    areaCodes: draw.area_codes,
    unconstituted: draw.legal_form === LegalForm.UNCONSTITUTED_GROUP,
    phaseId: draw.phase_id,
    decidedOn: londonDay(new Date(draw.decided_at)),
  }));
  const base = { ...UNRESTRICTED, id: contribution.id, funderName: contribution.funder.name };
  const checks: [field: string, trial: AllocationContribution, clause: string][] = [
    ['restrictedToPriorities', { ...base, restrictedToPriorities: terms.restrictedToPriorities }, 'none of the chosen priorities'],
    ['restrictedToAreas', { ...base, restrictedToAreas: terms.restrictedToAreas }, 'no place in the chosen areas'],
    ['excludesUnconstituted', { ...base, excludesUnconstituted: terms.excludesUnconstituted }, 'an unconstituted group as the recipient'],
    ['restrictedToPhaseId', { ...base, restrictedToPhaseId: terms.restrictedToPhase?.id ?? null }, 'a different phase'],
    ['spendBy', { ...base, spendBy: terms.spendBy ?? null }, 'a decision after that date'],
  ];
  for (const [field, trial, clause] of checks) {
    const blocked = [...new Set(awards.filter((award) => restrictionBlocking(trial, award) !== null).map((award) => award.reference))];
    if (blocked.length === 0) continue;
    const one = blocked.length === 1;
    problems.push({
      field,
      message: `${one ? 'An award' : 'Awards'} already paid from this money (${blocked.join(', ')}) ${one ? 'has' : 'have'} ${clause}. Keep this restriction as it was, or change ${one ? 'that award' : 'those awards'} first.`,
    });
  }
  return problems;
}

export async function updateContribution(em: EntityManager, viewer: Viewer, input: UpdateContributionInput): Promise<Contribution> {
  const contribution = await findById(em, Contribution, input.id, { populate: ['fund', 'funder', 'restrictedToPhase'] });
  if (!contribution || !canOnFund(viewer, 'view', contribution.fund)) throw errors.notFound('contribution');
  if (!canOnContribution(viewer, 'edit', contribution, await officerFunderIds(em, viewer, contribution.fund.id))) {
    throw errors.forbidden('change this contribution');
  }
  const { terms, problems } = await readTerms(em, contribution.fund, input, { priorities: contribution.restrictedToPriorities, areas: contribution.restrictedToAreas });
  if (problems.length > 0) throw errors.badInput(problems);
  if (contribution.version !== input.version) throw errors.conflict('contribution');
  const changes = differences(auditable(contribution), auditable(terms));
  if (Object.keys(changes).length === 0) return contribution;

  await em.transactional(async (tx) => {
    // The row lock keeps two edits of this contribution from both passing the checks below.
    const [locked] = await tx.getConnection().execute<{ version: number }[]>(
      'SELECT version FROM contribution WHERE id = ? FOR UPDATE',
      [contribution.id],
      'all',
      tx.getTransactionContext(),
    );
    if (locked.version !== input.version) throw errors.conflict('contribution');
    const draws = await tx.getConnection().execute<DrawRow[]>(
      `SELECT d.amount_pence, a.reference, a.priority_tags, a.area_codes, a.phase_id, g.legal_form, x.decided_at
         FROM award_draw d JOIN decision x ON x.id = d.decision_id
         JOIN application a ON a.id = x.application_id JOIN applicant_group g ON g.id = a.group_id
        WHERE d.contribution_id = ? ORDER BY a.reference`,
      [contribution.id],
      'all',
      tx.getTransactionContext(),
    );
    // As the allocation sees them: in their areas and in the wards and local authorities holding those.
    const placed = await withContainingAreas(tx, draws.map((draw) => draw.area_codes));
    const broken = breaksDraws(contribution, terms, draws.map((draw, index) => ({ ...draw, area_codes: placed[index] })));
    if (broken.length > 0) throw errors.badInput(broken);
    tx.assign(contribution, { ...terms, restrictedToPhase: terms.restrictedToPhase ?? null, spendBy: terms.spendBy ?? null, note: terms.note ?? null });
    recordAudit(tx, { actor: viewer.user, action: 'contribution.updated', entityType: 'Contribution', entityId: contribution.id, fundId: contribution.fund.id, changes });
  });
  return contribution;
}
