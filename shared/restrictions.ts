// A contribution's restrictions in plain words, for funders reading the money page and the panel.
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

/** "2026-12-31" as "31 December 2026"; the date is a calendar day, so no time zone applies. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
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
