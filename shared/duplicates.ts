// A duplicate flag in plain words, the same way on the officers' page, the checks page and the panel pack.
import { DUPLICATE_VERDICT_LABELS, DuplicateKind, type DuplicateVerdict } from './domain.ts';
import { formatCalendarDate } from './london-time.ts';
import { formatMinorUnits } from './money.ts';

export interface FlaggedApplication {
  id: string;
  reference: string;
  group: { name: string };
}

export interface FlaggedGrant {
  funderName: string;
  recipientName: string;
  amountAwardedMinor: number;
  currency: string;
  awardDate: string;
}

/** The parts of a flag these words need; the generated GraphQL types give enums as string literals. */
export interface FlagTerms {
  kind: DuplicateKind | `${DuplicateKind}`;
  verdict?: DuplicateVerdict | `${DuplicateVerdict}` | null;
  note?: string | null;
  reviewedBy?: { name: string } | null;
  applications: readonly FlaggedApplication[];
  externalGrant?: FlaggedGrant | null;
}

/** "92% sure"; rounded down, since the engine is never quite certain (a hair above, for float error). */
export const percentSure = (score: number) => `${Math.floor(score * 100 + 1e-9)}% sure`;

/** "PF-00012 Carlisle Foodbank". */
export const applicationInWords = (application: FlaggedApplication) => `${application.reference} ${application.group.name}`;

/** "Carlisle Food Bank, funded by Fellside Trust (£2,500 on 1 October 2026)". */
export const grantInWords = (grant: FlaggedGrant) =>
  `${grant.recipientName}, funded by ${grant.funderName} (${formatMinorUnits(grant.amountAwardedMinor, grant.currency)} on ${formatCalendarDate(grant.awardDate)})`;

/** The other side of a flag, seen from one of its applications: the other application or the published grant. */
export function otherSideInWords(flag: FlagTerms, applicationId: string): string {
  const other = flag.applications.find((application) => application.id !== applicationId);
  if (other) return applicationInWords(other);
  return flag.externalGrant ? grantInWords(flag.externalGrant) : 'a record that no longer exists';
}

/** "Possible duplicate — same group as PF-00012 Carlisle Foodbank", or "Same work, same place as …". */
export function flagInWords(flag: FlagTerms, applicationId: string): string {
  const other = otherSideInWords(flag, applicationId);
  return flag.kind === DuplicateKind.SAME_GROUP ? `Possible duplicate — same group as ${other}` : `Same work, same place as ${other}`;
}

/** "Duplicate, reviewed by Dan Officer: ‘Same food bank.’", or "not reviewed yet". */
export function reviewInWords(flag: FlagTerms): string {
  if (!flag.verdict) return 'not reviewed yet';
  const by = flag.reviewedBy ? `, reviewed by ${flag.reviewedBy.name}` : ', reviewed';
  return `${DUPLICATE_VERDICT_LABELS[flag.verdict]}${by}${flag.note ? `: ‘${flag.note}’` : ''}`;
}
