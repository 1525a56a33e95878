import type { EntityManager } from '@mikro-orm/postgresql';
import { LegalForm } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { formatPence } from '../../../shared/money.ts';

/** An award the panel may still change: its meeting is not closed, so today's limits apply to it. */
export interface LiveAward {
  reference: string;
  amountPence: number;
  phaseId: string;
  unconstituted: boolean;
}

export async function liveAwards(em: EntityManager, fundId: string): Promise<LiveAward[]> {
  const rows = await em.getConnection().execute<{ reference: string; amount_pence: number; phase_id: string; legal_form: LegalForm }[]>(
    `SELECT a.reference, d.amount_pence, a.phase_id, g.legal_form
       FROM decision d JOIN application a ON a.id = d.application_id
       JOIN panel_meeting m ON m.id = d.meeting_id JOIN applicant_group g ON g.id = a.group_id
      WHERE a.fund_id = ? AND d.kind = 'AWARD' AND m.status <> 'CLOSED'
      ORDER BY a.reference`,
    [fundId],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((row) => ({ reference: row.reference, amountPence: row.amount_pence, phaseId: row.phase_id, unconstituted: row.legal_form === LegalForm.UNCONSTITUTED_GROUP }));
}

/**
 * A phase's limits must still hold every award the panel may revisit: awards in meetings not yet
 * closed are checked against the limits whenever they are changed. Awards in closed meetings are
 * final, so new limits apply from now on without touching them.
 */
export function limitsBreakingAwards(phaseId: string, limits: { minAwardPence: number; maxAwardPence: number }, awards: LiveAward[]): FieldError[] {
  const inPhase = awards.filter((award) => award.phaseId === phaseId);
  const problems: FieldError[] = [];
  const above = inPhase.filter((award) => award.amountPence > limits.maxAwardPence);
  if (above.length > 0) {
    const largest = Math.max(...above.map((award) => award.amountPence));
    problems.push({
      field: 'maxAwardPence',
      message: `${above.map((award) => `${award.reference} (${formatPence(award.amountPence)})`).join(', ')} ${above.length === 1 ? 'was' : 'were'} awarded in a meeting that is not closed yet. Set the largest award to at least ${formatPence(largest)}, or change ${above.length === 1 ? 'that award' : 'those awards'} first.`,
    });
  }
  const below = inPhase.filter((award) => award.amountPence < limits.minAwardPence);
  if (below.length > 0) {
    const smallest = Math.min(...below.map((award) => award.amountPence));
    problems.push({
      field: 'minAwardPence',
      message: `${below.map((award) => `${award.reference} (${formatPence(award.amountPence)})`).join(', ')} ${below.length === 1 ? 'was' : 'were'} awarded in a meeting that is not closed yet. Set the smallest award to at most ${formatPence(smallest)}, or change ${below.length === 1 ? 'that award' : 'those awards'} first.`,
    });
  }
  return problems;
}

/** The same rule for the fund-wide cap on awards to unconstituted groups. */
export function capBreakingAwards(capPence: number, awards: LiveAward[]): FieldError[] {
  const above = awards.filter((award) => award.unconstituted && award.amountPence > capPence);
  if (above.length === 0) return [];
  const largest = Math.max(...above.map((award) => award.amountPence));
  return [
    {
      field: 'unconstitutedCapPence',
      message: `${above.map((award) => `${award.reference} (${formatPence(award.amountPence)})`).join(', ')} went to unconstituted groups in a meeting that is not closed yet. Set the cap to at least ${formatPence(largest)}, or change ${above.length === 1 ? 'that award' : 'those awards'} first.`,
    },
  ];
}
