// Domain vocabulary shared by the server, the web app and the tests. Values are stored as-is in
// PostgreSQL and exposed as GraphQL enums, so they never change once released.

export enum FundRole {
  COORDINATOR = 'COORDINATOR',
  FUNDER_OFFICER = 'FUNDER_OFFICER',
  PANELLIST = 'PANELLIST',
  COMMUNITY_PANELLIST = 'COMMUNITY_PANELLIST',
}

export const FUND_ROLE_LABELS: Record<FundRole, string> = {
  [FundRole.COORDINATOR]: 'Coordinator',
  [FundRole.FUNDER_OFFICER]: 'Funder officer',
  [FundRole.PANELLIST]: 'Panellist',
  [FundRole.COMMUNITY_PANELLIST]: 'Community panellist',
};

export enum FunderKind {
  COMMUNITY_FOUNDATION = 'COMMUNITY_FOUNDATION',
  CHARITABLE_TRUST = 'CHARITABLE_TRUST',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  NHS_BODY = 'NHS_BODY',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}

export enum PhaseKind {
  EMERGENCY = 'EMERGENCY',
  RECOVERY = 'RECOVERY',
  OTHER = 'OTHER',
}

export enum PhaseStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum LegalForm {
  REGISTERED_CHARITY = 'REGISTERED_CHARITY',
  CIO = 'CIO',
  CHARITABLE_COMPANY = 'CHARITABLE_COMPANY',
  CIC = 'CIC',
  COMPANY = 'COMPANY',
  CONSTITUTED_COMMUNITY_GROUP = 'CONSTITUTED_COMMUNITY_GROUP',
  UNCONSTITUTED_GROUP = 'UNCONSTITUTED_GROUP',
  SCHOOL_OR_PUBLIC_BODY = 'SCHOOL_OR_PUBLIC_BODY',
}

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  [LegalForm.REGISTERED_CHARITY]: 'Registered charity',
  [LegalForm.CIO]: 'Charitable incorporated organisation (CIO)',
  [LegalForm.CHARITABLE_COMPANY]: 'Charitable company',
  [LegalForm.CIC]: 'Community interest company (CIC)',
  [LegalForm.COMPANY]: 'Company',
  [LegalForm.CONSTITUTED_COMMUNITY_GROUP]: 'Constituted community group',
  [LegalForm.UNCONSTITUTED_GROUP]: 'Unconstituted group',
  [LegalForm.SCHOOL_OR_PUBLIC_BODY]: 'School or public body',
};

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHECKED = 'CHECKED',
  ON_AGENDA = 'ON_AGENDA',
  DECIDED = 'DECIDED',
}

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  [ApplicationStatus.DRAFT]: 'Draft',
  [ApplicationStatus.SUBMITTED]: 'Submitted',
  [ApplicationStatus.CHECKED]: 'Checked',
  [ApplicationStatus.ON_AGENDA]: 'On agenda',
  [ApplicationStatus.DECIDED]: 'Decided',
};

export enum EmailStatus {
  /** No mail transport is configured: the message stays in the outbox for a coordinator to read. */
  KEPT = 'KEPT',
  QUEUED = 'QUEUED',
  /** Handed to the transport; if the process died here we do not know, and we never resend. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  [EmailStatus.KEPT]: 'Kept here: no mail server',
  [EmailStatus.QUEUED]: 'Waiting to send',
  [EmailStatus.SENDING]: 'Sending (check if stuck)',
  [EmailStatus.SENT]: 'Sent',
  [EmailStatus.FAILED]: 'Could not send',
};

export enum InviteState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  [InviteState.PENDING]: 'Waiting',
  [InviteState.ACCEPTED]: 'Accepted',
  [InviteState.EXPIRED]: 'Expired',
  [InviteState.REVOKED]: 'Withdrawn',
};

export const FUNDER_KIND_LABELS: Record<FunderKind, string> = {
  [FunderKind.COMMUNITY_FOUNDATION]: 'Community foundation',
  [FunderKind.CHARITABLE_TRUST]: 'Charitable trust',
  [FunderKind.LOCAL_AUTHORITY]: 'Local authority',
  [FunderKind.NHS_BODY]: 'NHS body',
  [FunderKind.COMPANY]: 'Company',
  [FunderKind.OTHER]: 'Other',
};

export const PHASE_KIND_LABELS: Record<PhaseKind, string> = {
  [PhaseKind.EMERGENCY]: 'Emergency',
  [PhaseKind.RECOVERY]: 'Recovery',
  [PhaseKind.OTHER]: 'Other',
};

/** 1 = Monday ... 7 = Sunday, as the fund's panel rhythm stores it. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What a duplicate flag suspects. */
export enum DuplicateKind {
  /** The same group, applying twice or also funded elsewhere. */
  SAME_GROUP = 'SAME_GROUP',
  /** Two groups doing the same work in the same place at the same time. */
  SAME_WORK = 'SAME_WORK',
}

/** An officer's answer to a duplicate flag, remembered for the pair. */
export enum DuplicateVerdict {
  DUPLICATE = 'DUPLICATE',
  NOT_DUPLICATE = 'NOT_DUPLICATE',
  COMPLEMENTARY = 'COMPLEMENTARY',
}

export const DUPLICATE_KIND_LABELS: Record<DuplicateKind, string> = {
  [DuplicateKind.SAME_GROUP]: 'Same group',
  [DuplicateKind.SAME_WORK]: 'Same work, same place',
};

export const DUPLICATE_VERDICT_LABELS: Record<DuplicateVerdict, string> = {
  [DuplicateVerdict.DUPLICATE]: 'Duplicate',
  [DuplicateVerdict.NOT_DUPLICATE]: 'Not a duplicate',
  [DuplicateVerdict.COMPLEMENTARY]: 'Complementary work',
};

/** A priority in a fund's taxonomy is a theme (what the work is about) or a community (who it is for). */
export enum PriorityKind {
  THEME = 'THEME',
  COMMUNITY = 'COMMUNITY',
}

export const PRIORITY_KIND_LABELS: Record<PriorityKind, string> = {
  [PriorityKind.THEME]: 'Theme',
  [PriorityKind.COMMUNITY]: 'Community',
};

/** A kind of official geography, told apart by the first three characters of its ONS (GSS) code. */
export enum AreaKind {
  /** Lower layer super output area: about 1,500 people (E01…, W01…). */
  LSOA = 'LSOA',
  /** Electoral ward (E05…, W05…). */
  WARD = 'WARD',
  /** Local authority district, unitary authority, metropolitan or London borough (E06…–E09…, W06…). */
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
}

export const AREA_KIND_LABELS: Record<AreaKind, string> = {
  [AreaKind.LSOA]: 'LSOA',
  [AreaKind.WARD]: 'Ward',
  [AreaKind.LOCAL_AUTHORITY]: 'Local authority',
};

/** What an area file brought: boundaries, figures per LSOA, or a postcode lookup. */
export enum AreaImportKind {
  BOUNDARIES = 'BOUNDARIES',
  DEPRIVATION = 'DEPRIVATION',
  POPULATION = 'POPULATION',
  POSTCODES = 'POSTCODES',
}

export const AREA_IMPORT_KIND_LABELS: Record<AreaImportKind, string> = {
  [AreaImportKind.BOUNDARIES]: 'Boundaries',
  [AreaImportKind.DEPRIVATION]: 'Deprivation (IMD)',
  [AreaImportKind.POPULATION]: 'Population',
  [AreaImportKind.POSTCODES]: 'Postcode lookup',
};
