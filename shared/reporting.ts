// What a group is asked to report, in proportion to its grant. Issue 7 lets a fund set its own bands;
// until then every fund uses these.
export enum ReportingRequirement {
  NONE = 'NONE',
  /** A few sentences and an optional photo. */
  SENTENCES = 'SENTENCES',
  /** What happened, roughly how many people, one story, what changed, any money left. */
  SHORT_FORM = 'SHORT_FORM',
}

export const REPORTING_BANDS = { sentencesFromPence: 0, shortFormFromPence: 1_000_00 } as const;

export function reportingFor(amountPence: number): ReportingRequirement {
  return amountPence >= REPORTING_BANDS.shortFormFromPence ? ReportingRequirement.SHORT_FORM : ReportingRequirement.SENTENCES;
}
