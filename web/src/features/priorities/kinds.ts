import { PriorityKind } from '../../../../shared/domain.ts';

/** The two halves of a taxonomy, in the order every screen shows them. */
export const KIND_SECTIONS = [
  { kind: PriorityKind.THEME, heading: 'Themes', hint: 'What the work is about.' },
  { kind: PriorityKind.COMMUNITY, heading: 'Communities', hint: 'Who the work is for.' },
] as const;
