import { formatPence } from '../../../../shared/money.ts';
import { restrictionsInWords, type RestrictionTerms } from '../../../../shared/restrictions.ts';
import type { DecisionKind } from '../../gql/graphql.ts';
import type { AgendaItem } from './api/panel-pack.ts';

/** A contribution's restrictions for the pack's money table: the money page's sentences, in one cell. */
export function restrictionsOf(contribution: RestrictionTerms, label?: (key: string) => string) {
  const words = restrictionsInWords(contribution, label);
  return words.length > 0 ? words.join(' ') : 'Unrestricted';
}

const DECISION_LABELS: Record<DecisionKind, string> = {
  AWARD: 'Award',
  DECLINE: 'Decline',
  DEFER: 'Defer',
  REFER: 'Refer',
};

export function decisionText(decision: AgendaItem['decision']) {
  if (!decision) return 'Not decided';
  return decision.kind === 'AWARD' ? `Award ${formatPence(decision.amountPence ?? 0)}` : DECISION_LABELS[decision.kind];
}
