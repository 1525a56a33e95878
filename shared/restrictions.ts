// A contribution's restrictions in plain words, for funders reading the money page and the panel.
import { formatCalendarDate } from './london-time.ts';
import { DEFAULT_PRIORITIES } from './taxonomy.ts';

export interface RestrictionTerms {
  restrictedToPriorities: readonly string[];
  restrictedToAreas: readonly string[];
  excludesUnconstituted: boolean;
  restrictedToPhase?: { name: string } | null;
  spendBy?: string | null;
}

export function priorityLabel(key: string): string {
  return DEFAULT_PRIORITIES.find((priority) => priority.key === key)?.label ?? key;
}

/** One sentence per restriction; an unrestricted contribution gives none. */
export function restrictionsInWords(terms: RestrictionTerms): string[] {
  const words: string[] = [];
  if (terms.restrictedToPriorities.length > 0) words.push(`Only for ${terms.restrictedToPriorities.map(priorityLabel).join(', ')}.`);
  if (terms.restrictedToAreas.length > 0) words.push(`Only in the areas ${terms.restrictedToAreas.join(', ')}.`);
  if (terms.excludesUnconstituted) words.push('Not for unconstituted groups.');
  if (terms.restrictedToPhase) words.push(`Only in the ${terms.restrictedToPhase.name.toLowerCase()} phase.`);
  if (terms.spendBy) words.push(`To be spent by ${formatCalendarDate(terms.spendBy)}.`);
  return words;
}
