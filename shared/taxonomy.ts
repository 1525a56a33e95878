// The shared priority taxonomy: themes (what the work is about) and communities (who it is for).
// Every fund starts with DEFAULT_PRIORITIES and its coordinator edits the fund's own copy. Keys never
// change once made (applications, contributions and focus marks hold them); labels may.
import { PriorityKind } from './domain.ts';

export interface DefaultPriority {
  key: string;
  label: string;
  kind: PriorityKind;
}

export const DEFAULT_PRIORITIES: readonly DefaultPriority[] = [
  { key: 'financial-hardship', label: 'Financial hardship', kind: PriorityKind.THEME },
  { key: 'food', label: 'Food', kind: PriorityKind.THEME },
  { key: 'mental-health', label: 'Mental health', kind: PriorityKind.THEME },
  { key: 'isolation', label: 'Isolation and loneliness', kind: PriorityKind.THEME },
  { key: 'children-young-people', label: 'Children and young people', kind: PriorityKind.THEME },
  { key: 'domestic-abuse', label: 'Domestic abuse', kind: PriorityKind.THEME },
  { key: 'digital-inclusion', label: 'Digital inclusion', kind: PriorityKind.THEME },
  { key: 'arts-culture', label: 'Arts and culture', kind: PriorityKind.THEME },
  { key: 'sport', label: 'Sport and physical activity', kind: PriorityKind.THEME },
  { key: 'environment', label: 'Environment', kind: PriorityKind.THEME },
  { key: 'older-people', label: 'Older people', kind: PriorityKind.COMMUNITY },
  { key: 'disabled-people', label: 'Disabled people', kind: PriorityKind.COMMUNITY },
  { key: 'black-asian-minority-ethnic', label: 'Black, Asian and minority ethnic communities', kind: PriorityKind.COMMUNITY },
  { key: 'lgbtq', label: 'LGBTQ+ people', kind: PriorityKind.COMMUNITY },
  { key: 'young-carers', label: 'Young carers', kind: PriorityKind.COMMUNITY },
  { key: 'bereaved-people', label: 'Bereaved people', kind: PriorityKind.COMMUNITY },
  { key: 'rural-communities', label: 'Rural communities', kind: PriorityKind.COMMUNITY },
];

/** What a label lookup needs of a fund's priority. */
export interface PriorityName {
  key: string;
  label: string;
}

/** Lower-case words joined by single hyphens, as every key is (and a CHECK on the table insists). */
export const PRIORITY_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A key made from a label: "LGBTQ+ people" → "lgbtq-people". Empty when the label has no letters or digits. */
export function priorityKeyOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

/**
 * Labels from a fund's own taxonomy, falling back to the default labels, then to the key itself
 * (a priority deleted since, or one from another fund's list).
 */
export function priorityLabeller(priorities: readonly PriorityName[] = []): (key: string) => string {
  const labels = new Map<string, string>([...DEFAULT_PRIORITIES, ...priorities].map((priority) => [priority.key, priority.label]));
  return (key: string) => labels.get(key) ?? key;
}
