import { formatPence } from '../../../../shared/money.ts';
import { DEFAULT_PRIORITIES } from '../../../../shared/taxonomy.ts';
import type { DecisionKind } from '../../gql/graphql.ts';
import type { AgendaItem } from './api/panel-pack.ts';

export const priorityLabel = (key: string) => DEFAULT_PRIORITIES.find((priority) => priority.key === key)?.label ?? key;

export function restrictionsOf(contribution: {
  restrictedToPriorities: string[];
  restrictedToAreas: string[];
  excludesUnconstituted: boolean;
  spendBy?: string | null;
  restrictedToPhase?: { name: string } | null;
}) {
  const words = [
    contribution.restrictedToPriorities.length > 0 ? `only ${contribution.restrictedToPriorities.map(priorityLabel).join(', ').toLowerCase()}` : '',
    contribution.restrictedToAreas.length > 0 ? `only areas ${contribution.restrictedToAreas.join(', ')}` : '',
    contribution.excludesUnconstituted ? 'not for unconstituted groups' : '',
    contribution.restrictedToPhase ? `only the ${contribution.restrictedToPhase.name.toLowerCase()} phase` : '',
    contribution.spendBy ? `spend by ${contribution.spendBy}` : '',
  ].filter(Boolean);
  return words.length > 0 ? words.join('; ') : 'Unrestricted';
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
