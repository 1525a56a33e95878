/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptInviteInput = {
  /** The token from the invite link. */
  token: string;
};

/** A coordinator adds a phase after the last one. */
export type AddPhaseInput = {
  /** What this phase funds, in plain words. */
  criteria: string;
  fundId: string | number;
  kind: PhaseKind;
  /** Largest award (pence). */
  maxAwardPence: number;
  /** Smallest award (pence). */
  minAwardPence: number;
  name: string;
  /** The fund version you saw, to detect changes made meanwhile. */
  version: number;
};

/** The coordinator adds a priority to the fund; its key is made from the name. */
export type AddPriorityInput = {
  /** Shown to applicants as a hint; empty for none. */
  description?: string | null | undefined;
  fundId: string | number;
  kind: PriorityKind;
  /** What people read, e.g. "Flood recovery". */
  label: string;
};

export type ApplicationStatus =
  | 'CHECKED'
  | 'DECIDED'
  | 'DRAFT'
  | 'ON_AGENDA'
  | 'SUBMITTED';

/** What an area file holds. */
export type AreaImportKind =
  | 'BOUNDARIES'
  | 'DEPRIVATION'
  | 'POPULATION'
  | 'POSTCODES';

/** A kind of official area, told by its ONS code. */
export type AreaKind =
  | 'LOCAL_AUTHORITY'
  | 'LSOA'
  | 'WARD';

export type CloseMeetingInput = {
  /** Who attended. */
  attendeeIds: Array<string | number>;
  meetingId: string | number;
};

/** Who vouches for an unconstituted group. */
export type ConfirmationKind =
  | 'HOST'
  | 'REFEREE';

export type ConfirmationStatus =
  | 'CONFIRMED'
  | 'DECLINED'
  | 'PENDING';

/** Which grants a coverage map counts. Every filter is optional; together they all apply. */
export type CoverageFilter = {
  /** Awarded on or after this day (YYYY-MM-DD, Europe/London). */
  awardedFrom?: string | null | undefined;
  /** Awarded on or before this day (YYYY-MM-DD, Europe/London). */
  awardedTo?: string | null | undefined;
  /** Only grants tagged with this community (a COMMUNITY priority's key). */
  community?: string | null | undefined;
  /** Only money drawn from this funder's contributions: the grants it paid towards, and only its share of each. */
  funderId?: string | number | null | undefined;
  /** Only grants from applications to this phase. */
  phaseId?: string | number | null | undefined;
  /** Only grants tagged with this theme (a THEME priority's key). */
  priority?: string | null | undefined;
};

/** A new fund. The person who sets it up becomes its coordinator. */
export type CreateFundInput = {
  areaDescription: string;
  cutoffHoursBefore: number;
  name: string;
  panelTime: string;
  panelWeekday: number;
  /** The phases, in order. None is open until a coordinator opens one. */
  phases?: Array<PhaseInput>;
  /** The shared purpose, shown at the top of every funder screen. */
  purpose: string;
  /** Two to six capital letters that start every application reference, e.g. RD. */
  referencePrefix: string;
  unconstitutedCapPence?: number | null | undefined;
};

/** The panel's decision on one application, as the coordinator records it in the meeting. */
export type DecisionInput = {
  /** For an award (pence). */
  amountPence?: number | null | undefined;
  applicationId: string | number;
  /** The decision version you saw; 0 if there was none. */
  expectedVersion: number;
  kind: DecisionKind;
  /** Feedback for the group (decline), or the question to answer (defer). */
  message?: string | null | undefined;
  /** Conditions of an award, or the reason for a decline. */
  reason?: string | null | undefined;
  /** For a referral: the funder outside the pool. */
  referredTo?: string | null | undefined;
};

/** What the panel decided. */
export type DecisionKind =
  | 'AWARD'
  | 'DECLINE'
  | 'DEFER'
  | 'REFER';

export type DeclareConflictInput = {
  applicationId: string | number;
  reason: string;
};

/** Deletes a priority that nothing uses. */
export type DeletePriorityInput = {
  id: string | number;
  /** The priority version you saw. */
  version: number;
};

/** What a duplicate flag suspects. */
export type DuplicateKind =
  | 'SAME_GROUP'
  | 'SAME_WORK';

/** An officer’s answer to a duplicate flag. */
export type DuplicateVerdict =
  | 'COMPLEMENTARY'
  | 'DUPLICATE'
  | 'NOT_DUPLICATE';

export type EmailStatus =
  | 'FAILED'
  | 'KEPT'
  | 'QUEUED'
  | 'SENDING'
  | 'SENT';

/** What a person does in a fund. */
export type FundRole =
  | 'COMMUNITY_PANELLIST'
  | 'COORDINATOR'
  | 'FUNDER_OFFICER'
  | 'PANELLIST';

/** The priorities a funder focuses on in this fund. */
export type FunderFocusInput = {
  fundId: string | number;
  funderId: string | number;
  /** The focus you saw (priority keys), to detect changes made meanwhile. */
  previousKeys: Array<string>;
  /** Priority keys; empty for no focus. */
  priorityKeys: Array<string>;
};

export type FunderKind =
  | 'CHARITABLE_TRUST'
  | 'COMMUNITY_FOUNDATION'
  | 'COMPANY'
  | 'LOCAL_AUTHORITY'
  | 'NHS_BODY'
  | 'OTHER';

/** Where an invite stands. */
export type InviteState =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

/** A coordinator invites a person to a role in the fund. */
export type InviteToFundInput = {
  email: string;
  fundId: string | number;
  /** The funder they work for, from those in this fund. */
  funderId?: string | number | null | undefined;
  /** The person's name, used to greet them. */
  name: string;
  newFunderKind?: FunderKind | null | undefined;
  /** Or a funder new to this fund. */
  newFunderName?: string | null | undefined;
  role: FundRole;
};

/** The legal form of an applicant group. */
export type LegalForm =
  | 'CHARITABLE_COMPANY'
  | 'CIC'
  | 'CIO'
  | 'COMPANY'
  | 'CONSTITUTED_COMMUNITY_GROUP'
  | 'REGISTERED_CHARITY'
  | 'SCHOOL_OR_PUBLIC_BODY'
  | 'UNCONSTITUTED_GROUP';

/** Records that a payment of a grant went out. */
export type MarkPaymentPaidInput = {
  /** The day the money left the account (YYYY-MM-DD). */
  paidOn: string;
  paymentId: string | number;
};

export type MeetingStatus =
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'SCHEDULED';

/** A coordinator opens another phase of the fund, e.g. recovery after emergency. */
export type OpenPhaseInput = {
  fundId: string | number;
  phaseId: string | number;
  /** The fund version you saw, to detect changes made meanwhile. */
  version: number;
};

/** Who receives the money: the group, or its host organisation. */
export type Payee =
  | 'GROUP'
  | 'HOST';

export type PaymentStatus =
  | 'DUE'
  | 'PAID';

/** A phase of a fund: its name, kind, criteria and award limits. */
export type PhaseInput = {
  /** What this phase funds, in plain words. */
  criteria: string;
  kind: PhaseKind;
  /** Largest award (pence). */
  maxAwardPence: number;
  /** Smallest award (pence). */
  minAwardPence: number;
  name: string;
};

export type PhaseKind =
  | 'EMERGENCY'
  | 'OTHER'
  | 'RECOVERY';

export type PhaseStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'PLANNED';

/** A theme (what the work is about) or a community (who it is for). */
export type PriorityKind =
  | 'COMMUNITY'
  | 'THEME';

/** A funder's payment into the fund, recorded by the coordinator or the funder's officer. */
export type RecordContributionInput = {
  /** Amount contributed (pence). */
  amountPence: number;
  /** True when this money may not go to unconstituted groups. */
  excludesUnconstituted?: boolean;
  fundId: string | number;
  /** A funder already in this fund. */
  funderId?: string | number | null | undefined;
  newFunderKind?: FunderKind | null | undefined;
  /** Coordinators only: a funder new to this fund. */
  newFunderName?: string | null | undefined;
  note?: string | null | undefined;
  /** Date the money was received or pledged (YYYY-MM-DD). */
  receivedOn: string;
  /** Only for these area codes; empty means anywhere in the fund. */
  restrictedToAreas?: Array<string>;
  /** Only for this phase of the fund. */
  restrictedToPhaseId?: string | number | null | undefined;
  /** Only for these priorities (keys from the fund taxonomy); empty means any. */
  restrictedToPriorities?: Array<string>;
  /** Must be spent by this date (YYYY-MM-DD). */
  spendBy?: string | null | undefined;
};

/** A report an officer took by phone. The fields the grant’s requirement asks for are needed. */
export type RecordPhoneReportInput = {
  grantId: string | number;
  /** Pence; 0 when none is left. */
  moneyLeftPence?: number | null | undefined;
  peopleCount?: number | null | undefined;
  sentences?: string | null | undefined;
  story?: string | null | undefined;
  /** Needed: checked with the other answers, so a missing one is named with them. */
  storyConsent?: StoryConsent | null | undefined;
  whatChanged?: string | null | undefined;
  whatHappened?: string | null | undefined;
};

/** The fund's priorities in their new order: every one of them, once. */
export type ReorderPrioritiesInput = {
  fundId: string | number;
  priorityIds: Array<string | number>;
};

/** A reply from the fund to a report. */
export type ReplyToReportInput = {
  message: string;
  reportId: string | number;
};

/** Where a grant's report stands: none asked, due, overdue, or sent. */
export type ReportState =
  | 'DUE'
  | 'NONE'
  | 'OVERDUE'
  | 'SENT';

/** A report being filled in, or sent. */
export type ReportStatus =
  | 'DRAFT'
  | 'SUBMITTED';

export type ReportingRequirement =
  | 'NONE'
  | 'SENTENCES'
  | 'SHORT_FORM';

export type RequestSignInLinkInput = {
  /** The email address the person uses for this portal. */
  email: string;
};

/** Retires a priority (kept where used, no longer offered) or restores it. */
export type RetirePriorityInput = {
  id: string | number;
  retired: boolean;
  /** The priority version you saw. */
  version: number;
};

/** An officer's answer to a duplicate flag. */
export type ReviewDuplicateInput = {
  flagId: string | number;
  /** What you found; needed unless it is not a duplicate. */
  note?: string | null | undefined;
  verdict: DuplicateVerdict;
  /** The flag version you saw. */
  version: number;
};

/** A score given before the meeting, or "not enough knowledge to score". */
export type ScoreInput = {
  applicationId: string | number;
  comment?: string | null | undefined;
  notEnoughKnowledge?: boolean;
  value?: number | null | undefined;
};

/** An officer sets or corrects the areas an application's work serves. */
export type SetApplicationAreasInput = {
  applicationId: string | number;
  /** Codes from the fund's areas (LSOAs or wards); the areas holding them are added. */
  areaCodes: Array<string>;
  /** The application version you saw, to detect changes made meanwhile. */
  version: number;
};

/** The coordinator sets the areas the fund covers, by code. */
export type SetFundAreasInput = {
  /** Codes of local authorities, wards or LSOAs held on the Areas page; empty for none. */
  areaCodes: Array<string>;
  fundId: string | number;
  /** The fund version you saw, to detect changes made meanwhile. */
  version: number;
};

/** What one grant reports, and by when. */
export type SetGrantReportingInput = {
  /** The day the report is due (YYYY-MM-DD); needed unless no report is asked. */
  dueOn?: string | null | undefined;
  grantId: string | number;
  reporting: ReportingRequirement;
  /** The grant version you saw. */
  version: number;
};

/** Sets the fund's 360Giving publisher prefix. */
export type SetOpenDataPrefixInput = {
  fundId: string | number;
  /** The prefix 360Giving issued, like 360G-RiverdaleFund; empty goes back to the default. */
  prefix?: string | null | undefined;
};

export type SignInInput = {
  /** The token from the sign-in link. */
  token: string;
};

/** Whether the group's story and photo may be shared beyond the fund's staff, and with whom. */
export type StoryConsent =
  | 'FUNDERS'
  | 'NOT_SHARED'
  | 'PUBLIC';

/** Which sent stories the feed shows. Every filter is optional; together they all apply. */
export type StoryFilter = {
  /** Only grants serving this area: a ward or local authority code (or any area code an application names); an application’s LSOAs and wards count in the wards and local authorities that hold them. */
  areaCode?: string | null | undefined;
  /** Only stories the group shared this way (e.g. PUBLIC: those that may be published). */
  consent?: StoryConsent | null | undefined;
  /** Only grants this funder's contributions paid towards. */
  funderId?: string | number | null | undefined;
  /** Only grants from applications to this phase. */
  phaseId?: string | number | null | undefined;
  /** Only grants tagged with this priority (a theme's or a community's key). */
  priority?: string | null | undefined;
};

/** An officer or panellist adds or corrects an application's priority tags. */
export type TagApplicationInput = {
  applicationId: string | number;
  /** Priority keys from the fund taxonomy. */
  priorityTags: Array<string>;
  /** The application version you saw, to detect changes made meanwhile. */
  version: number;
};

/** A funder officer's triage of one application. */
export type TriageInput = {
  applicationId: string | number;
  bankDetailsChecked?: boolean;
  eligibilityConfirmed: boolean;
  hostOrRefereeConfirmed?: boolean;
  /** Priority keys; omit to leave the tags as they are (tagApplication changes them on their own). */
  priorityTags?: Array<string> | null | undefined;
  readyForPanel: boolean;
  /** NOT_NEEDED, POLICY_SEEN or MISSING. */
  safeguarding: string;
  /** The version you saw, to detect changes made meanwhile. */
  version: number;
};

/** A change to a contribution; its funder stays the same. */
export type UpdateContributionInput = {
  /** Amount contributed (pence). */
  amountPence: number;
  /** True when this money may not go to unconstituted groups. */
  excludesUnconstituted?: boolean;
  id: string | number;
  note?: string | null | undefined;
  /** Date the money was received or pledged (YYYY-MM-DD). */
  receivedOn: string;
  /** Only for these area codes; empty means anywhere in the fund. */
  restrictedToAreas?: Array<string>;
  /** Only for this phase of the fund. */
  restrictedToPhaseId?: string | number | null | undefined;
  /** Only for these priorities (keys from the fund taxonomy); empty means any. */
  restrictedToPriorities?: Array<string>;
  /** Must be spent by this date (YYYY-MM-DD). */
  spendBy?: string | null | undefined;
  /** The contribution version you saw, to detect changes made meanwhile. */
  version: number;
};

/** Changes a coordinator makes to a fund. Omitted fields stay as they are. */
export type UpdateFundInput = {
  /** Where the fund works, in words applicants recognise. */
  areaDescription?: string | null | undefined;
  /** Hours before the panel by which applications must be ready. */
  cutoffHoursBefore?: number | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  /** Time of the weekly panel, HH:MM in Europe/London. */
  panelTime?: string | null | undefined;
  /** Day of the weekly panel, 1 = Monday ... 7 = Sunday. */
  panelWeekday?: number | null | undefined;
  purpose?: string | null | undefined;
  /** True to have no cap for unconstituted groups beyond the phase limits. */
  removeUnconstitutedCap?: boolean | null | undefined;
  /** Money to hold back (pence). */
  reservedPence?: number | null | undefined;
  /** Largest award to an unconstituted group (pence). */
  unconstitutedCapPence?: number | null | undefined;
  /** The version you edited, to detect changes made meanwhile. */
  version: number;
};

/** A coordinator changes a phase's name, kind, criteria or award limits. */
export type UpdatePhaseInput = {
  /** What this phase funds, in plain words. */
  criteria: string;
  fundId: string | number;
  kind: PhaseKind;
  /** Largest award (pence). */
  maxAwardPence: number;
  /** Smallest award (pence). */
  minAwardPence: number;
  name: string;
  phaseId: string | number;
  /** The fund version you saw, to detect changes made meanwhile. */
  version: number;
};

/** The coordinator renames, describes or changes the kind of a priority. Its key stays. */
export type UpdatePriorityInput = {
  /** Shown to applicants as a hint; empty for none. */
  description?: string | null | undefined;
  id: string | number;
  kind: PriorityKind;
  /** What people read, e.g. "Flood recovery". */
  label: string;
  /** The priority version you saw, to detect changes made meanwhile. */
  version: number;
};

/** The fund's reporting bands and due weeks, as the coordinator sets them. */
export type UpdateReportingPolicyInput = {
  /** Weeks from the award to the due date. */
  dueWeeks: number;
  fundId: string | number;
  /** Grants of this amount or more (pence) report a few sentences; smaller grants report nothing. */
  sentencesFromPence: number;
  /** Grants of this amount or more (pence) fill in the short form. */
  shortFormFromPence: number;
  /** The policy version you saw; 0 while the fund used the defaults. */
  version: number;
};

export type DuplicateFlagFieldsFragment = { id: string, kind: DuplicateKind, score: number, reasons: Array<string>, current: boolean, verdict: DuplicateVerdict | null, note: string | null, reviewedAt: string | null, reviewedBy: { id: string, name: string } | null, applications: Array<{ id: string, reference: string, group: { name: string } }>, externalGrant: { id: string, funderName: string, recipientName: string, currency: string, amountAwardedMinor: number, awardDate: string } | null };

export type AreasOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AreasOverviewQuery = { areaSummary: { postcodes: number, kinds: Array<{ kind: AreaKind, areas: number, withBoundary: number, withPopulation: number, withDeprivation: number, demo: number }> }, areaImports: Array<{ id: string, kind: AreaImportKind, fileName: string, rowsRead: number, areasCreated: number, areasUpdated: number, postcodes: number, importedBy: string | null, createdAt: string }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { user: { id: string, name: string, email: string }, memberships: Array<{ id: string, role: FundRole, fund: { id: string, name: string, isDemo: boolean }, funder: { id: string, name: string } | null }> } | null };

export type RequestSignInLinkMutationVariables = Exact<{
  input: RequestSignInLinkInput;
}>;


export type RequestSignInLinkMutation = { requestSignInLink: { message: string } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { user: { id: string } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { signOutEverywhere: number };

export type CoverageAreaGrantsQueryVariables = Exact<{
  fundId: string | number;
  code: string;
  filter?: CoverageFilter | null | undefined;
}>;


export type CoverageAreaGrantsQuery = { coverageAreaGrants: { code: string, name: string, kind: AreaKind, grants: Array<{ id: string, reference: string, groupName: string, title: string, phaseName: string, amountPence: number, countedPence: number, pencePlacedHere: number, awardedOn: string }>, widerGrants: Array<{ id: string, reference: string, groupName: string, title: string, phaseName: string, amountPence: number, countedPence: number, pencePlacedHere: number, awardedOn: string }>, externalGrants: Array<{ id: string, recipientName: string, title: string, funderName: string, amountPence: number, awardedOn: string }> } };

export type CoverageGrantFieldsFragment = { id: string, reference: string, groupName: string, title: string, phaseName: string, amountPence: number, countedPence: number, pencePlacedHere: number, awardedOn: string };

export type CoverageBoundariesQueryVariables = Exact<{
  fundId: string | number;
  level: AreaKind;
}>;


export type CoverageBoundariesQuery = { coverageBoundaries: { level: AreaKind, version: string, withoutBoundary: number, featureCollection: Record<string, unknown> } };

export type CoverageOptionsQueryVariables = Exact<{
  fundId: string | number;
}>;


export type CoverageOptionsQuery = { fund: { id: string, name: string, phases: Array<{ id: string, name: string }>, priorities: Array<{ id: string, key: string, label: string, kind: PriorityKind }>, funders: Array<{ id: string, name: string }> } };

export type CoverageQueryVariables = Exact<{
  fundId: string | number;
  level: AreaKind;
  filter?: CoverageFilter | null | undefined;
}>;


export type CoverageQuery = { coverage: { fundId: string, level: AreaKind, areaTable: Record<string, unknown>, ruralPeoplePerKm2: number, medianPencePerHead: number | null, littlePencePerHead: number | null, fundAreas: Array<{ code: string, name: string, kind: AreaKind | null }>, grants: { all: { grantCount: number, pence: number }, inAreas: { grantCount: number, pence: number }, wider: { grantCount: number, pence: number }, outside: { grantCount: number, pence: number }, unplaced: { grantCount: number, pence: number }, noArea: { grantCount: number, pence: number } }, external: { otherCurrencyCount: number, totals: { all: { grantCount: number, pence: number }, inAreas: { grantCount: number, pence: number }, wider: { grantCount: number, pence: number }, outside: { grantCount: number, pence: number }, unplaced: { grantCount: number, pence: number }, noArea: { grantCount: number, pence: number } } }, gaps: { deprived: Array<{ code: string }>, rural: { unknownCount: number, rural: { areaCount: number, unfundedCount: number, population: number, pence: number, pencePerHead: number | null }, urban: { areaCount: number, unfundedCount: number, population: number, pence: number, pencePerHead: number | null }, unfunded: Array<{ code: string }>, little: Array<{ code: string }> }, communities: Array<{ grantCount: number, pence: number, priority: { id: string, key: string, label: string } }>, noCommunity: { grantCount: number, pence: number } } } };

export type CoverageTotalsFieldsFragment = { all: { grantCount: number, pence: number }, inAreas: { grantCount: number, pence: number }, wider: { grantCount: number, pence: number }, outside: { grantCount: number, pence: number }, unplaced: { grantCount: number, pence: number }, noArea: { grantCount: number, pence: number } };

export type AreaGroupFieldsFragment = { areaCount: number, unfundedCount: number, population: number, pence: number, pencePerHead: number | null };

export type CheckFundForDuplicatesMutationVariables = Exact<{
  fundId: string | number;
}>;


export type CheckFundForDuplicatesMutation = { checkFundForDuplicates: { applications: number, flagged: number } };

export type FundDuplicatesQueryVariables = Exact<{
  id: string | number;
}>;


export type FundDuplicatesQuery = { fund: { id: string, name: string, myRoles: Array<FundRole>, duplicateFlags: Array<{ version: number, id: string, kind: DuplicateKind, score: number, reasons: Array<string>, current: boolean, verdict: DuplicateVerdict | null, note: string | null, reviewedAt: string | null, applications: Array<{ title: string, id: string, reference: string, group: { name: string } }>, externalGrant: { grantIdentifier: string, title: string, id: string, funderName: string, recipientName: string, currency: string, amountAwardedMinor: number, awardDate: string } | null, reviewedBy: { id: string, name: string } | null }>, externalGrantImports: Array<{ id: string, fileName: string, grantCount: number, skippedIndividuals: number, funderNames: Array<string>, createdAt: string }> } };

export type ReviewDuplicateMutationVariables = Exact<{
  input: ReviewDuplicateInput;
}>;


export type ReviewDuplicateMutation = { reviewDuplicate: { id: string, verdict: DuplicateVerdict | null, note: string | null, version: number } };

export type CreateFundMutationVariables = Exact<{
  input: CreateFundInput;
}>;


export type CreateFundMutation = { createFund: { id: string, name: string } };

export type LocalAuthoritiesToCoverQueryVariables = Exact<{ [key: string]: never; }>;


export type LocalAuthoritiesToCoverQuery = { areas: Array<{ code: string, name: string, demo: boolean }> };

export type SetFundAreasMutationVariables = Exact<{
  input: SetFundAreasInput;
}>;


export type SetFundAreasMutation = { setFundAreas: { id: string, version: number, areaCodes: Array<string> } };

export type FundFilterOptionsFragment = { id: string, name: string, phases: Array<{ id: string, name: string }>, priorities: Array<{ id: string, key: string, label: string, kind: PriorityKind }>, funders: Array<{ id: string, name: string }> };

export type FundSettingsQueryVariables = Exact<{
  id: string | number;
}>;


export type FundSettingsQuery = { fund: { id: string, name: string, purpose: string, areaDescription: string, referencePrefix: string, reservedPence: number, unconstitutedCapPence: number | null, panelWeekday: number, panelTime: string, cutoffHoursBefore: number, version: number, areaCodes: Array<string>, areas: Array<{ code: string, name: string, kind: AreaKind }>, viewerMay: { manage: boolean }, phases: Array<{ id: string, name: string, kind: PhaseKind, position: number, criteria: string, minAwardPence: number, maxAwardPence: number, status: PhaseStatus }> } };

export type FundWeekQueryVariables = Exact<{
  id: string | number;
}>;


export type FundWeekQuery = { fund: { id: string, name: string, slug: string, purpose: string, isDemo: boolean, myRoles: Array<FundRole>, duplicatesToReview: number, openPhase: { id: string, name: string, kind: PhaseKind, maxAwardPence: number } | null, ledger: { contributedPence: number, reservedPence: number, committedPence: number, paidPence: number, availablePence: number }, nextPanel: { meetsAt: string, cutoffAt: string }, upcomingMeeting: { id: string, meetsAt: string, status: MeetingStatus } | null, applicationCounts: Array<{ status: ApplicationStatus, count: number }>, applications: Array<{ id: string, reference: string, title: string, status: ApplicationStatus, amountRequestedPence: number, submittedAt: string | null, assisted: boolean, group: { id: string, name: string, legalForm: LegalForm }, phase: { id: string, name: string } }> } };

export type OpenPhaseFromSettingsMutationVariables = Exact<{
  input: OpenPhaseInput;
}>;


export type OpenPhaseFromSettingsMutation = { openPhase: { id: string, version: number } };

export type AddPhaseMutationVariables = Exact<{
  input: AddPhaseInput;
}>;


export type AddPhaseMutation = { addPhase: { id: string, version: number } };

export type UpdatePhaseMutationVariables = Exact<{
  input: UpdatePhaseInput;
}>;


export type UpdatePhaseMutation = { updatePhase: { id: string, version: number } };

export type UpdateFundSettingsMutationVariables = Exact<{
  input: UpdateFundInput;
}>;


export type UpdateFundSettingsMutation = { updateFund: { id: string, version: number } };

export type FundGrantsQueryVariables = Exact<{
  id: string | number;
}>;


export type FundGrantsQuery = { fund: { id: string, name: string, myRoles: Array<FundRole>, ledger: { committedPence: number, paidPence: number }, openData: { grantCount: number } | null, grants: Array<{ id: string, amountPence: number, payee: Payee, payeeName: string, reporting: ReportingRequirement, reportDueOn: string | null, bankDetailsGiven: boolean, report: { id: string, status: ReportStatus, overdue: boolean } | null, application: { id: string, reference: string, group: { name: string } }, payments: Array<{ id: string, amountPence: number, status: PaymentStatus, paidAt: string | null }> }> } };

export type MarkPaymentPaidMutationVariables = Exact<{
  input: MarkPaymentPaidInput;
}>;


export type MarkPaymentPaidMutation = { markPaymentPaid: { id: string, status: PaymentStatus, paidAt: string | null } };

export type FundMoneyQueryVariables = Exact<{
  id: string | number;
}>;


export type FundMoneyQuery = { fund: { id: string, name: string, viewerMay: { recordContribution: boolean, addFunder: boolean }, recordableFunders: Array<{ id: string, name: string }>, phases: Array<{ id: string, name: string }>, priorities: Array<{ key: string, label: string, retired: boolean }>, ledger: { contributedPence: number, reservedPence: number, committedPence: number, paidPence: number, availablePence: number }, contributions: Array<{ id: string, version: number, amountPence: number, receivedOn: string, restrictedToPriorities: Array<string>, restrictedToAreas: Array<string>, excludesUnconstituted: boolean, spendBy: string | null, note: string | null, viewerCanEdit: boolean, restrictedToPhase: { id: string, name: string } | null, funder: { id: string, name: string }, ledger: { contributedPence: number, committedPence: number, paidPence: number, availablePence: number } }> } };

export type RecordContributionMutationVariables = Exact<{
  input: RecordContributionInput;
}>;


export type RecordContributionMutation = { recordContribution: { id: string } };

export type UpdateContributionMutationVariables = Exact<{
  input: UpdateContributionInput;
}>;


export type UpdateContributionMutation = { updateContribution: { id: string, version: number } };

export type FundOpenDataQueryVariables = Exact<{
  id: string | number;
}>;


export type FundOpenDataQuery = { fund: { id: string, name: string, openData: { prefix: string, defaultPrefix: string, prefixIsDefault: boolean, grantCount: number, jsonPath: string, csvPath: string, canSetPrefix: boolean } | null } };

export type SetOpenDataPrefixMutationVariables = Exact<{
  input: SetOpenDataPrefixInput;
}>;


export type SetOpenDataPrefixMutation = { setOpenDataPrefix: { id: string, openData: { prefix: string, prefixIsDefault: boolean } | null } };

export type OutboxQueryVariables = Exact<{ [key: string]: never; }>;


export type OutboxQuery = { outbox: Array<{ id: string, createdAt: string, toAddress: string, subject: string, body: string, kind: string, status: EmailStatus, attempts: number, sentAt: string | null, lastError: string | null }> };

export type ScoreApplicationMutationVariables = Exact<{
  input: ScoreInput;
}>;


export type ScoreApplicationMutation = { scoreApplication: { id: string, value: number | null } };

export type DeclareConflictMutationVariables = Exact<{
  input: DeclareConflictInput;
}>;


export type DeclareConflictMutation = { declareConflict: { id: string } };

export type RecordDecisionMutationVariables = Exact<{
  input: DecisionInput;
}>;


export type RecordDecisionMutation = { recordDecision: { id: string, kind: DecisionKind, version: number } };

export type CloseMeetingMutationVariables = Exact<{
  input: CloseMeetingInput;
}>;


export type CloseMeetingMutation = { closeMeeting: { id: string, status: MeetingStatus } };

export type PanelPackQueryVariables = Exact<{
  id: string | number;
}>;


export type PanelPackQuery = { meeting: { id: string, meetsAt: string, cutoffAt: string, status: MeetingStatus, fund: { id: string, name: string, purpose: string, myRoles: Array<FundRole>, priorities: Array<{ key: string, label: string, kind: PriorityKind, retired: boolean }>, ledger: { contributedPence: number, reservedPence: number, committedPence: number, paidPence: number, availablePence: number }, contributions: Array<{ id: string, amountPence: number, restrictedToPriorities: Array<string>, restrictedToAreas: Array<string>, excludesUnconstituted: boolean, spendBy: string | null, restrictedToPhase: { name: string } | null, funder: { name: string }, ledger: { committedPence: number, paidPence: number, availablePence: number } }> }, people: Array<{ id: string, role: FundRole, user: { id: string, name: string }, funder: { name: string } | null }>, minutes: { attendees: Array<{ name: string, role: string }>, decisions: Array<{ reference: string, group: string, decision: string, amountPence: number | null, note: string | null }>, recusals: Array<{ name: string, reference: string, reason: string }> } | null, agenda: Array<{ id: string, reference: string, title: string, summary: string, description: string | null, beneficiaries: string | null, budget: string | null, amountRequestedPence: number, priorityTags: Array<string>, version: number, assisted: boolean, myConflict: boolean, group: { name: string, legalForm: LegalForm }, phase: { name: string }, scores: Array<{ value: number | null, comment: string | null, panellist: { id: string, name: string } }> | null, conflicts: Array<{ reason: string, panellist: { name: string } }>, duplicateFlags: Array<{ id: string, kind: DuplicateKind, score: number, reasons: Array<string>, current: boolean, verdict: DuplicateVerdict | null, note: string | null, reviewedAt: string | null, reviewedBy: { id: string, name: string } | null, applications: Array<{ id: string, reference: string, group: { name: string } }>, externalGrant: { id: string, funderName: string, recipientName: string, currency: string, amountAwardedMinor: number, awardDate: string } | null }>, decision: { id: string, kind: DecisionKind, amountPence: number | null, reason: string | null, message: string | null, referredTo: string | null, version: number, draws: Array<{ amountPence: number, contribution: { id: string, funder: { name: string } } }> } | null }> } };

export type AcceptInviteMutationVariables = Exact<{
  input: AcceptInviteInput;
}>;


export type AcceptInviteMutation = { acceptInvite: { fundId: string, fundName: string, role: FundRole } };

export type InvitePreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitePreviewQuery = { invite: { fundName: string, name: string, email: string, role: FundRole, funderName: string | null, invitedByName: string, expiresAt: string, state: InviteState } | null };

export type InviteToFundMutationVariables = Exact<{
  input: InviteToFundInput;
}>;


export type InviteToFundMutation = { inviteToFund: { id: string, email: string } };

export type FundPeopleQueryVariables = Exact<{
  id: string | number;
}>;


export type FundPeopleQuery = { fund: { id: string, name: string, funders: Array<{ id: string, name: string }>, members: Array<{ id: string, role: FundRole, user: { id: string, name: string, email: string }, funder: { id: string, name: string } | null }>, invites: Array<{ id: string, email: string, name: string, role: FundRole, state: InviteState, createdAt: string, expiresAt: string, funder: { id: string, name: string } | null, invitedBy: { id: string, name: string } }> } };

export type RevokeInviteMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeInviteMutation = { revokeInvite: { id: string, state: InviteState } };

export type AddPriorityMutationVariables = Exact<{
  input: AddPriorityInput;
}>;


export type AddPriorityMutation = { addPriority: { id: string, key: string, label: string } };

export type DeletePriorityMutationVariables = Exact<{
  input: DeletePriorityInput;
}>;


export type DeletePriorityMutation = { deletePriority: { id: string } };

export type FundPrioritiesQueryVariables = Exact<{
  id: string | number;
}>;


export type FundPrioritiesQuery = { fund: { id: string, name: string, viewerMay: { editPriorities: boolean }, priorities: Array<{ id: string, key: string, label: string, kind: PriorityKind, description: string | null, position: number, retired: boolean, version: number, usage: { applications: number, drafts: number, contributions: number, focusMarks: number, inUse: boolean } | null }> } };

export type ReorderPrioritiesMutationVariables = Exact<{
  input: ReorderPrioritiesInput;
}>;


export type ReorderPrioritiesMutation = { reorderPriorities: Array<{ id: string, position: number }> };

export type RetirePriorityMutationVariables = Exact<{
  input: RetirePriorityInput;
}>;


export type RetirePriorityMutation = { setPriorityRetired: { id: string, label: string, retired: boolean, version: number } };

export type SetFunderFocusMutationVariables = Exact<{
  input: FunderFocusInput;
}>;


export type SetFunderFocusMutation = { setFunderFocus: { priorityKeys: Array<string>, funder: { id: string, name: string } } };

export type TagApplicationMutationVariables = Exact<{
  input: TagApplicationInput;
}>;


export type TagApplicationMutation = { tagApplication: { id: string, version: number, priorityTags: Array<string> } };

export type UpdatePriorityMutationVariables = Exact<{
  input: UpdatePriorityInput;
}>;


export type UpdatePriorityMutation = { updatePriority: { id: string, label: string, kind: PriorityKind, description: string | null, version: number } };

export type WhoFundsWhatQueryVariables = Exact<{
  fundId: string | number;
}>;


export type WhoFundsWhatQuery = { fund: { id: string, name: string }, whoFundsWhat: { fundId: string, funders: Array<{ focusKeys: Array<string>, viewerMayMarkFocus: boolean, totalPence: number, grantCount: number, funder: { id: string, name: string } }>, rows: Array<{ totalPence: number, grantCount: number, focusCount: number, overlap: boolean, gap: boolean, priority: { id: string, key: string, label: string, kind: PriorityKind, retired: boolean }, cells: Array<{ funderId: string, pence: number, grantCount: number, focus: boolean }> }>, untagged: { totalPence: number, grantCount: number, cells: Array<{ funderId: string, pence: number, grantCount: number }> }, totals: { totalPence: number, grantCount: number, cells: Array<{ funderId: string, pence: number, grantCount: number }> } } };

export type FunderImpactQueryVariables = Exact<{
  fundId: string | number;
  funderId: string | number;
}>;


export type FunderImpactQuery = { funderImpact: { fundId: string, fundName: string, csvUrl: string, unsharedStories: number, funder: { id: string, name: string }, all: { grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number }, byPriority: Array<{ key: string | null, label: string, grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number }>, byPhase: Array<{ key: string | null, label: string, grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number }>, grants: Array<{ id: string, reference: string, title: string, groupName: string, amountPence: number, funderPence: number, awardedOn: string, phaseName: string, requirement: ReportingRequirement, reportState: ReportState, reportDueOn: string | null, peopleCount: number | null, consent: StoryConsent | null, priorities: Array<{ key: string, label: string }>, areas: Array<{ code: string, name: string }>, funders: Array<{ id: string, name: string, pence: number }>, story: { id: string, submittedAt: string, requirement: ReportingRequirement, consent: StoryConsent, text: string, peopleCount: number | null, photo: { id: string, url: string, width: number, height: number, description: string | null } | null } | null }> } };

export type GrantReportQueryVariables = Exact<{
  fundId: string | number;
  grantId: string | number;
}>;


export type GrantReportQuery = { fund: { id: string, name: string, myRoles: Array<FundRole>, grants: Array<{ id: string, amountPence: number, reporting: ReportingRequirement, reportDueOn: string | null, version: number, application: { id: string, reference: string, title: string, group: { name: string } } }> }, grantReport: { id: string, status: ReportStatus, requirement: ReportingRequirement, dueOn: string | null, overdue: boolean, sentences: string | null, whatHappened: string | null, peopleCount: number | null, story: string | null, whatChanged: string | null, moneyLeftPence: number | null, storyConsent: StoryConsent | null, submittedAt: string | null, updatedAt: string, takenByPhone: boolean, takenBy: { name: string } | null, photo: { url: string, width: number, height: number, description: string | null } | null, replies: Array<{ id: string, message: string, createdAt: string, author: { name: string } }> } | null };

export type RecordPhoneReportMutationVariables = Exact<{
  input: RecordPhoneReportInput;
}>;


export type RecordPhoneReportMutation = { recordPhoneReport: { id: string, status: ReportStatus } };

export type ReplyToReportMutationVariables = Exact<{
  input: ReplyToReportInput;
}>;


export type ReplyToReportMutation = { replyToReport: { id: string } };

export type FundReportingPolicyQueryVariables = Exact<{
  id: string | number;
}>;


export type FundReportingPolicyQuery = { fund: { id: string, name: string, myRoles: Array<FundRole>, reportingPolicy: { sentencesFromPence: number, shortFormFromPence: number, dueWeeks: number, version: number, updatedAt: string | null } } };

export type ReportingFiguresFieldsFragment = { grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number };

export type ReportingFiguresRowFieldsFragment = { key: string | null, label: string, grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number };

export type ReportingTotalsQueryVariables = Exact<{
  fundId: string | number;
}>;


export type ReportingTotalsQuery = { fund: { id: string, name: string }, reportingTotals: { fundId: string, all: { grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number }, byPriority: Array<{ key: string | null, label: string, grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number }>, byPhase: Array<{ key: string | null, label: string, grantCount: number, pence: number, peopleReached: number, reportsSent: number, reportsDue: number, reportsOverdue: number }>, funderViews: Array<{ id: string, name: string }> } };

export type SendReportLinkMutationVariables = Exact<{
  grantId: string | number;
}>;


export type SendReportLinkMutation = { sendReportLink: boolean };

export type SetGrantReportingMutationVariables = Exact<{
  input: SetGrantReportingInput;
}>;


export type SetGrantReportingMutation = { setGrantReporting: { id: string, reporting: ReportingRequirement, reportDueOn: string | null, version: number } };

export type StoryFieldsFragment = { id: string, submittedAt: string, requirement: ReportingRequirement, consent: StoryConsent, text: string, peopleCount: number | null, photo: { id: string, url: string, width: number, height: number, description: string | null } | null };

export type StoryFeedOptionsQueryVariables = Exact<{
  fundId: string | number;
}>;


export type StoryFeedOptionsQuery = { fund: { id: string, name: string, wards: Array<{ code: string, name: string }>, localAuthorities: Array<{ code: string, name: string }>, phases: Array<{ id: string, name: string }>, priorities: Array<{ id: string, key: string, label: string, kind: PriorityKind }>, funders: Array<{ id: string, name: string }> } };

export type StoryFeedQueryVariables = Exact<{
  fundId: string | number;
  filter?: StoryFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StoryFeedQuery = { storyFeed: { fundId: string, totalCount: number, nextCursor: string | null, includesUnshared: boolean, stories: Array<{ id: string, submittedAt: string, requirement: ReportingRequirement, consent: StoryConsent, text: string, peopleCount: number | null, grant: { id: string, reference: string, title: string, groupName: string, amountPence: number, awardedOn: string, phaseName: string, priorities: Array<{ key: string, label: string }>, areas: Array<{ code: string, name: string }>, funders: Array<{ id: string, name: string, pence: number }> }, photo: { id: string, url: string, width: number, height: number, description: string | null } | null }> } };

export type UpdateReportingPolicyMutationVariables = Exact<{
  input: UpdateReportingPolicyInput;
}>;


export type UpdateReportingPolicyMutation = { updateReportingPolicy: { sentencesFromPence: number, shortFormFromPence: number, dueWeeks: number, version: number, updatedAt: string | null } };

export type FundAreasToChooseQueryVariables = Exact<{
  id: string | number;
}>;


export type FundAreasToChooseQuery = { fund: { id: string, localAuthorities: Array<{ code: string, name: string }>, wards: Array<{ code: string, name: string, localAuthorityCode: string | null }>, lsoas: Array<{ code: string, name: string, wardCode: string | null }> } };

export type SetApplicationAreasMutationVariables = Exact<{
  input: SetApplicationAreasInput;
}>;


export type SetApplicationAreasMutation = { setApplicationAreas: { id: string, version: number, areaCodes: Array<string> } };

export type TriageQueueQueryVariables = Exact<{
  id: string | number;
}>;


export type TriageQueueQuery = { fund: { id: string, name: string, nextPanel: { cutoffAt: string }, submitted: Array<{ id: string, reference: string, title: string, amountRequestedPence: number, submittedAt: string | null, group: { name: string, legalForm: LegalForm } }>, ready: Array<{ id: string, reference: string, title: string, amountRequestedPence: number, readyForPanelAt: string | null, group: { name: string, legalForm: LegalForm } }> } };

export type ApplicationToCheckQueryVariables = Exact<{
  id: string | number;
}>;


export type ApplicationToCheckQuery = { application: { id: string, fundId: string, reference: string, status: ApplicationStatus, version: number, title: string, summary: string, description: string | null, beneficiaries: string | null, budget: string | null, amountRequestedPence: number, submittedAt: string | null, assisted: boolean, priorityTags: Array<string>, viewerMayTag: boolean, areaCodes: Array<string>, viewerMayPlace: boolean, readyForPanelAt: string | null, areas: Array<{ code: string, name: string, kind: AreaKind }>, tagOrigins: Array<{ key: string, byGroup: boolean, addedAt: string | null, addedBy: { name: string } | null }>, group: { name: string, legalForm: LegalForm }, phase: { name: string, maxAwardPence: number }, contact: { name: string, email: string, phone: string | null, postcode: string | null } | null, confirmations: Array<{ kind: ConfirmationKind, name: string, organisation: string, status: ConfirmationStatus, note: string | null }> | null, checklist: { eligibilityConfirmed: boolean | null, hostOrRefereeConfirmed: boolean | null, safeguarding: string | null, bankDetailsChecked: boolean | null } | null, duplicateFlags: Array<{ id: string, kind: DuplicateKind, score: number, reasons: Array<string>, current: boolean, verdict: DuplicateVerdict | null, note: string | null, reviewedAt: string | null, reviewedBy: { id: string, name: string } | null, applications: Array<{ id: string, reference: string, group: { name: string } }>, externalGrant: { id: string, funderName: string, recipientName: string, currency: string, amountAwardedMinor: number, awardDate: string } | null }> } };

export type TriageApplicationMutationVariables = Exact<{
  input: TriageInput;
}>;


export type TriageApplicationMutation = { triageApplication: { id: string, status: ApplicationStatus, version: number } };

export const DuplicateFlagFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DuplicateFlagFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateFlag"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amountAwardedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"awardDate"}}]}}]}}]} as unknown as DocumentNode<DuplicateFlagFieldsFragment, unknown>;
export const CoverageGrantFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageGrantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"phaseName"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"countedPence"}},{"kind":"Field","name":{"kind":"Name","value":"pencePlacedHere"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}}]}}]} as unknown as DocumentNode<CoverageGrantFieldsFragment, unknown>;
export const CoverageTotalsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageTotalsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outside"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unplaced"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"noArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}}]}}]} as unknown as DocumentNode<CoverageTotalsFieldsFragment, unknown>;
export const AreaGroupFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AreaGroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AreaGroupFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areaCount"}},{"kind":"Field","name":{"kind":"Name","value":"unfundedCount"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"pencePerHead"}}]}}]} as unknown as DocumentNode<AreaGroupFieldsFragment, unknown>;
export const FundFilterOptionsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FundFilterOptions"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<FundFilterOptionsFragment, unknown>;
export const ReportingFiguresFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportingFiguresFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportingFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"peopleReached"}},{"kind":"Field","name":{"kind":"Name","value":"reportsSent"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDue"}},{"kind":"Field","name":{"kind":"Name","value":"reportsOverdue"}}]}}]} as unknown as DocumentNode<ReportingFiguresFieldsFragment, unknown>;
export const ReportingFiguresRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportingFiguresRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportingFiguresRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"peopleReached"}},{"kind":"Field","name":{"kind":"Name","value":"reportsSent"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDue"}},{"kind":"Field","name":{"kind":"Name","value":"reportsOverdue"}}]}}]} as unknown as DocumentNode<ReportingFiguresRowFieldsFragment, unknown>;
export const StoryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Story"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"peopleCount"}},{"kind":"Field","name":{"kind":"Name","value":"photo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<StoryFieldsFragment, unknown>;
export const AreasOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AreasOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areaSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postcodes"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"withBoundary"}},{"kind":"Field","name":{"kind":"Name","value":"withPopulation"}},{"kind":"Field","name":{"kind":"Name","value":"withDeprivation"}},{"kind":"Field","name":{"kind":"Name","value":"demo"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"areaImports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"areasCreated"}},{"kind":"Field","name":{"kind":"Name","value":"areasUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"postcodes"}},{"kind":"Field","name":{"kind":"Name","value":"importedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AreasOverviewQuery, AreasOverviewQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const RequestSignInLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestSignInLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestSignInLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestSignInLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<RequestSignInLinkMutation, RequestSignInLinkMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SignOutEverywhereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOutEverywhere"}}]}}]} as unknown as DocumentNode<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const CoverageAreaGrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageAreaGrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverageAreaGrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageGrantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"widerGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageGrantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageGrantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"phaseName"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"countedPence"}},{"kind":"Field","name":{"kind":"Name","value":"pencePlacedHere"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}}]}}]} as unknown as DocumentNode<CoverageAreaGrantsQuery, CoverageAreaGrantsQueryVariables>;
export const CoverageBoundariesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageBoundaries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AreaKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverageBoundaries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"withoutBoundary"}},{"kind":"Field","name":{"kind":"Name","value":"featureCollection"}}]}}]}}]} as unknown as DocumentNode<CoverageBoundariesQuery, CoverageBoundariesQueryVariables>;
export const CoverageOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FundFilterOptions"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FundFilterOptions"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CoverageOptionsQuery, CoverageOptionsQueryVariables>;
export const CoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Coverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AreaKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"fundAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areaTable"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageTotalsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"external"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageTotalsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherCurrencyCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ruralPeoplePerKm2"}},{"kind":"Field","name":{"kind":"Name","value":"medianPencePerHead"}},{"kind":"Field","name":{"kind":"Name","value":"littlePencePerHead"}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deprived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rural"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rural"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AreaGroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"urban"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AreaGroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unknownCount"}},{"kind":"Field","name":{"kind":"Name","value":"unfunded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"little"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"noCommunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageTotalsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outside"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unplaced"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"noArea"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AreaGroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AreaGroupFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areaCount"}},{"kind":"Field","name":{"kind":"Name","value":"unfundedCount"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"pencePerHead"}}]}}]} as unknown as DocumentNode<CoverageQuery, CoverageQueryVariables>;
export const CheckFundForDuplicatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckFundForDuplicates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkFundForDuplicates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}}]}}]}}]} as unknown as DocumentNode<CheckFundForDuplicatesMutation, CheckFundForDuplicatesMutationVariables>;
export const FundDuplicatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundDuplicates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"myRoles"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DuplicateFlagFields"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrantImports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"skippedIndividuals"}},{"kind":"Field","name":{"kind":"Name","value":"funderNames"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DuplicateFlagFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateFlag"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amountAwardedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"awardDate"}}]}}]}}]} as unknown as DocumentNode<FundDuplicatesQuery, FundDuplicatesQueryVariables>;
export const ReviewDuplicateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewDuplicate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewDuplicateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewDuplicate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ReviewDuplicateMutation, ReviewDuplicateMutationVariables>;
export const CreateFundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateFundMutation, CreateFundMutationVariables>;
export const LocalAuthoritiesToCoverDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LocalAuthoritiesToCover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"LOCAL_AUTHORITY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"demo"}}]}}]}}]} as unknown as DocumentNode<LocalAuthoritiesToCoverQuery, LocalAuthoritiesToCoverQueryVariables>;
export const SetFundAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFundAreas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetFundAreasInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFundAreas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"areaCodes"}}]}}]}}]} as unknown as DocumentNode<SetFundAreasMutation, SetFundAreasMutationVariables>;
export const FundSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"areaDescription"}},{"kind":"Field","name":{"kind":"Name","value":"referencePrefix"}},{"kind":"Field","name":{"kind":"Name","value":"reservedPence"}},{"kind":"Field","name":{"kind":"Name","value":"unconstitutedCapPence"}},{"kind":"Field","name":{"kind":"Name","value":"panelWeekday"}},{"kind":"Field","name":{"kind":"Name","value":"panelTime"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffHoursBefore"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"areaCodes"}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerMay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"}},{"kind":"Field","name":{"kind":"Name","value":"minAwardPence"}},{"kind":"Field","name":{"kind":"Name","value":"maxAwardPence"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<FundSettingsQuery, FundSettingsQueryVariables>;
export const FundWeekDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"myRoles"}},{"kind":"Field","name":{"kind":"Name","value":"openPhase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"maxAwardPence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributedPence"}},{"kind":"Field","name":{"kind":"Name","value":"reservedPence"}},{"kind":"Field","name":{"kind":"Name","value":"committedPence"}},{"kind":"Field","name":{"kind":"Name","value":"paidPence"}},{"kind":"Field","name":{"kind":"Name","value":"availablePence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextPanel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetsAt"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upcomingMeeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"meetsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicationCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicatesToReview"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedPence"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assisted"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundWeekQuery, FundWeekQueryVariables>;
export const OpenPhaseFromSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenPhaseFromSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenPhaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openPhase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<OpenPhaseFromSettingsMutation, OpenPhaseFromSettingsMutationVariables>;
export const AddPhaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddPhase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddPhaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPhase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<AddPhaseMutation, AddPhaseMutationVariables>;
export const UpdatePhaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePhase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePhaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePhase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdatePhaseMutation, UpdatePhaseMutationVariables>;
export const UpdateFundSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFundSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateFundSettingsMutation, UpdateFundSettingsMutationVariables>;
export const FundGrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundGrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"myRoles"}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committedPence"}},{"kind":"Field","name":{"kind":"Name","value":"paidPence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"payeeName"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"}},{"kind":"Field","name":{"kind":"Name","value":"reportDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bankDetailsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundGrantsQuery, FundGrantsQueryVariables>;
export const MarkPaymentPaidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkPaymentPaid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkPaymentPaidInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markPaymentPaid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]} as unknown as DocumentNode<MarkPaymentPaidMutation, MarkPaymentPaidMutationVariables>;
export const FundMoneyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundMoney"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordContribution"}},{"kind":"Field","name":{"kind":"Name","value":"addFunder"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordableFunders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributedPence"}},{"kind":"Field","name":{"kind":"Name","value":"reservedPence"}},{"kind":"Field","name":{"kind":"Name","value":"committedPence"}},{"kind":"Field","name":{"kind":"Name","value":"paidPence"}},{"kind":"Field","name":{"kind":"Name","value":"availablePence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedToPriorities"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedToAreas"}},{"kind":"Field","name":{"kind":"Name","value":"excludesUnconstituted"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedToPhase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spendBy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributedPence"}},{"kind":"Field","name":{"kind":"Name","value":"committedPence"}},{"kind":"Field","name":{"kind":"Name","value":"paidPence"}},{"kind":"Field","name":{"kind":"Name","value":"availablePence"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundMoneyQuery, FundMoneyQueryVariables>;
export const RecordContributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordContribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordContributionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordContribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordContributionMutation, RecordContributionMutationVariables>;
export const UpdateContributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateContribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContributionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateContributionMutation, UpdateContributionMutationVariables>;
export const FundOpenDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundOpenData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"openData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"prefixIsDefault"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"jsonPath"}},{"kind":"Field","name":{"kind":"Name","value":"csvPath"}},{"kind":"Field","name":{"kind":"Name","value":"canSetPrefix"}}]}}]}}]}}]} as unknown as DocumentNode<FundOpenDataQuery, FundOpenDataQueryVariables>;
export const SetOpenDataPrefixDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetOpenDataPrefix"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetOpenDataPrefixInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setOpenDataPrefix"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"openData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"prefixIsDefault"}}]}}]}}]}}]} as unknown as DocumentNode<SetOpenDataPrefixMutation, SetOpenDataPrefixMutationVariables>;
export const OutboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"toAddress"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]} as unknown as DocumentNode<OutboxQuery, OutboxQueryVariables>;
export const ScoreApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScoreApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoreApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<ScoreApplicationMutation, ScoreApplicationMutationVariables>;
export const DeclareConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclareConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclareConflictInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declareConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeclareConflictMutation, DeclareConflictMutationVariables>;
export const RecordDecisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<RecordDecisionMutation, RecordDecisionMutationVariables>;
export const CloseMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseMeetingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CloseMeetingMutation, CloseMeetingMutationVariables>;
export const PanelPackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelPack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"meetsAt"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"myRoles"}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributedPence"}},{"kind":"Field","name":{"kind":"Name","value":"reservedPence"}},{"kind":"Field","name":{"kind":"Name","value":"committedPence"}},{"kind":"Field","name":{"kind":"Name","value":"paidPence"}},{"kind":"Field","name":{"kind":"Name","value":"availablePence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedToPriorities"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedToAreas"}},{"kind":"Field","name":{"kind":"Name","value":"excludesUnconstituted"}},{"kind":"Field","name":{"kind":"Name","value":"spendBy"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedToPhase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committedPence"}},{"kind":"Field","name":{"kind":"Name","value":"paidPence"}},{"kind":"Field","name":{"kind":"Name","value":"availablePence"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"minutes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recusals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedPence"}},{"kind":"Field","name":{"kind":"Name","value":"priorityTags"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"assisted"}},{"kind":"Field","name":{"kind":"Name","value":"myConflict"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"panellist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"panellist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicateFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DuplicateFlagFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"referredTo"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"draws"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DuplicateFlagFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateFlag"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amountAwardedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"awardDate"}}]}}]}}]} as unknown as DocumentNode<PanelPackQuery, PanelPackQueryVariables>;
export const AcceptInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"fundName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const InvitePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"invitedByName"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<InvitePreviewQuery, InvitePreviewQueryVariables>;
export const InviteToFundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteToFund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteToFundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteToFund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<InviteToFundMutation, InviteToFundMutationVariables>;
export const FundPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundPeopleQuery, FundPeopleQueryVariables>;
export const RevokeInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RevokeInviteMutation, RevokeInviteMutationVariables>;
export const AddPriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddPriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddPriorityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<AddPriorityMutation, AddPriorityMutationVariables>;
export const DeletePriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletePriorityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeletePriorityMutation, DeletePriorityMutationVariables>;
export const FundPrioritiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundPriorities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editPriorities"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"}},{"kind":"Field","name":{"kind":"Name","value":"focusMarks"}},{"kind":"Field","name":{"kind":"Name","value":"inUse"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundPrioritiesQuery, FundPrioritiesQueryVariables>;
export const ReorderPrioritiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReorderPriorities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReorderPrioritiesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reorderPriorities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<ReorderPrioritiesMutation, ReorderPrioritiesMutationVariables>;
export const RetirePriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetirePriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetirePriorityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPriorityRetired"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<RetirePriorityMutation, RetirePriorityMutationVariables>;
export const SetFunderFocusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFunderFocus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FunderFocusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFunderFocus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorityKeys"}}]}}]}}]} as unknown as DocumentNode<SetFunderFocusMutation, SetFunderFocusMutationVariables>;
export const TagApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TagApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TagApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tagApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"priorityTags"}}]}}]}}]} as unknown as DocumentNode<TagApplicationMutation, TagApplicationMutationVariables>;
export const UpdatePriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePriorityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdatePriorityMutation, UpdatePriorityMutationVariables>;
export const WhoFundsWhatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhoFundsWhat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"whoFundsWhat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"focusKeys"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayMarkFocus"}},{"kind":"Field","name":{"kind":"Name","value":"totalPence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"focus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalPence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"focusCount"}},{"kind":"Field","name":{"kind":"Name","value":"overlap"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}}]}},{"kind":"Field","name":{"kind":"Name","value":"untagged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalPence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalPence"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}}]}}]}}]} as unknown as DocumentNode<WhoFundsWhatQuery, WhoFundsWhatQueryVariables>;
export const FunderImpactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FunderImpact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderImpact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}},{"kind":"Argument","name":{"kind":"Name","value":"funderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"fundName"}},{"kind":"Field","name":{"kind":"Name","value":"csvUrl"}},{"kind":"Field","name":{"kind":"Name","value":"unsharedStories"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportingFiguresFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportingFiguresRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPhase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportingFiguresRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"funderPence"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}},{"kind":"Field","name":{"kind":"Name","value":"phaseName"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"reportState"}},{"kind":"Field","name":{"kind":"Name","value":"reportDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"peopleCount"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"story"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoryFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportingFiguresFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportingFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"peopleReached"}},{"kind":"Field","name":{"kind":"Name","value":"reportsSent"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDue"}},{"kind":"Field","name":{"kind":"Name","value":"reportsOverdue"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportingFiguresRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportingFiguresRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"peopleReached"}},{"kind":"Field","name":{"kind":"Name","value":"reportsSent"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDue"}},{"kind":"Field","name":{"kind":"Name","value":"reportsOverdue"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Story"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"peopleCount"}},{"kind":"Field","name":{"kind":"Name","value":"photo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<FunderImpactQuery, FunderImpactQueryVariables>;
export const GrantReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"myRoles"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"}},{"kind":"Field","name":{"kind":"Name","value":"reportDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappened"}},{"kind":"Field","name":{"kind":"Name","value":"peopleCount"}},{"kind":"Field","name":{"kind":"Name","value":"story"}},{"kind":"Field","name":{"kind":"Name","value":"whatChanged"}},{"kind":"Field","name":{"kind":"Name","value":"moneyLeftPence"}},{"kind":"Field","name":{"kind":"Name","value":"storyConsent"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"takenByPhone"}},{"kind":"Field","name":{"kind":"Name","value":"takenBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"photo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantReportQuery, GrantReportQueryVariables>;
export const RecordPhoneReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPhoneReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPhoneReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPhoneReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RecordPhoneReportMutation, RecordPhoneReportMutationVariables>;
export const ReplyToReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplyToReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyToReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReplyToReportMutation, ReplyToReportMutationVariables>;
export const FundReportingPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundReportingPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"myRoles"}},{"kind":"Field","name":{"kind":"Name","value":"reportingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentencesFromPence"}},{"kind":"Field","name":{"kind":"Name","value":"shortFormFromPence"}},{"kind":"Field","name":{"kind":"Name","value":"dueWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<FundReportingPolicyQuery, FundReportingPolicyQueryVariables>;
export const ReportingTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportingTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportingTotals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportingFiguresFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportingFiguresRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPhase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportingFiguresRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funderViews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportingFiguresFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportingFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"peopleReached"}},{"kind":"Field","name":{"kind":"Name","value":"reportsSent"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDue"}},{"kind":"Field","name":{"kind":"Name","value":"reportsOverdue"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportingFiguresRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportingFiguresRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}},{"kind":"Field","name":{"kind":"Name","value":"peopleReached"}},{"kind":"Field","name":{"kind":"Name","value":"reportsSent"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDue"}},{"kind":"Field","name":{"kind":"Name","value":"reportsOverdue"}}]}}]} as unknown as DocumentNode<ReportingTotalsQuery, ReportingTotalsQueryVariables>;
export const SendReportLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendReportLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendReportLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}]}]}}]} as unknown as DocumentNode<SendReportLinkMutation, SendReportLinkMutationVariables>;
export const SetGrantReportingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetGrantReporting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetGrantReportingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGrantReporting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"}},{"kind":"Field","name":{"kind":"Name","value":"reportDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SetGrantReportingMutation, SetGrantReportingMutationVariables>;
export const StoryFeedOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryFeedOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FundFilterOptions"}},{"kind":"Field","alias":{"kind":"Name","value":"wards"},"name":{"kind":"Name","value":"areas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"WARD"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"localAuthorities"},"name":{"kind":"Name","value":"areas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"LOCAL_AUTHORITY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FundFilterOptions"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StoryFeedOptionsQuery, StoryFeedOptionsQueryVariables>;
export const StoryFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoryFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StoryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storyFeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}},{"kind":"Field","name":{"kind":"Name","value":"includesUnshared"}},{"kind":"Field","name":{"kind":"Name","value":"stories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoryFields"}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"amountPence"}},{"kind":"Field","name":{"kind":"Name","value":"awardedOn"}},{"kind":"Field","name":{"kind":"Name","value":"phaseName"}},{"kind":"Field","name":{"kind":"Name","value":"priorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pence"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Story"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"peopleCount"}},{"kind":"Field","name":{"kind":"Name","value":"photo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<StoryFeedQuery, StoryFeedQueryVariables>;
export const UpdateReportingPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateReportingPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateReportingPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateReportingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentencesFromPence"}},{"kind":"Field","name":{"kind":"Name","value":"shortFormFromPence"}},{"kind":"Field","name":{"kind":"Name","value":"dueWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateReportingPolicyMutation, UpdateReportingPolicyMutationVariables>;
export const FundAreasToChooseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundAreasToChoose"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"localAuthorities"},"name":{"kind":"Name","value":"areas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"LOCAL_AUTHORITY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"wards"},"name":{"kind":"Name","value":"areas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"WARD"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"localAuthorityCode"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"lsoas"},"name":{"kind":"Name","value":"areas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"LSOA"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"wardCode"}}]}}]}}]}}]} as unknown as DocumentNode<FundAreasToChooseQuery, FundAreasToChooseQueryVariables>;
export const SetApplicationAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetApplicationAreas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetApplicationAreasInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setApplicationAreas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"areaCodes"}}]}}]}}]} as unknown as DocumentNode<SetApplicationAreasMutation, SetApplicationAreasMutationVariables>;
export const TriageQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TriageQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nextPanel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cutoffAt"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"submitted"},"name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUBMITTED"}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedPence"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"ready"},"name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"CHECKED"}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedPence"}},{"kind":"Field","name":{"kind":"Name","value":"readyForPanelAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TriageQueueQuery, TriageQueueQueryVariables>;
export const ApplicationToCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationToCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fundId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"amountRequestedPence"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assisted"}},{"kind":"Field","name":{"kind":"Name","value":"priorityTags"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayTag"}},{"kind":"Field","name":{"kind":"Name","value":"areaCodes"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayPlace"}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagOrigins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"byGroup"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"readyForPanelAt"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maxAwardPence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligibilityConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"hostOrRefereeConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"safeguarding"}},{"kind":"Field","name":{"kind":"Name","value":"bankDetailsChecked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicateFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DuplicateFlagFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DuplicateFlagFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateFlag"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amountAwardedMinor"}},{"kind":"Field","name":{"kind":"Name","value":"awardDate"}}]}}]}}]} as unknown as DocumentNode<ApplicationToCheckQuery, ApplicationToCheckQueryVariables>;
export const TriageApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriageApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TriageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triageApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<TriageApplicationMutation, TriageApplicationMutationVariables>;