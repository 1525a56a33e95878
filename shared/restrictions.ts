// A contribution's restrictions in plain words, for funders reading the money page and the panel.
import { formatCalendarDate } from './london-time.ts';
import { priorityLabeller } from './taxonomy.ts';

export interface RestrictionTerms {
  restrictedToPriorities: readonly string[];
  restrictedToAreas: readonly string[];
  excludesUnconstituted: boolean;
  restrictedToPhase?: { name: string } | null;
  spendBy?: string | null;
}

/**
 * A priority's label from the default taxonomy (or the key itself). Where a fund's own taxonomy is at
 * hand, label with `priorityLabeller(fund.priorities)` instead: a fund may rename or add priorities.
 */
export const priorityLabel: (key: string) => string = priorityLabeller();

/** One sentence per restriction; an unrestricted contribution gives none. Priorities are named by `label`. */
export function restrictionsInWords(terms: RestrictionTerms, label: (key: string) => string = priorityLabel): string[] {
  const words: string[] = [];
  if (terms.restrictedToPriorities.length > 0) words.push(`Only for ${terms.restrictedToPriorities.map((key) => label(key)).join(', ')}.`);
  if (terms.restrictedToAreas.length > 0) words.push(`Only in the areas ${terms.restrictedToAreas.join(', ')}.`);
  if (terms.excludesUnconstituted) words.push('Not for unconstituted groups.');
  if (terms.restrictedToPhase) words.push(`Only in the ${terms.restrictedToPhase.name.toLowerCase()} phase.`);
  if (terms.spendBy) words.push(`To be spent by ${formatCalendarDate(terms.spendBy)}.`);
  return words;
}
