// Domain vocabulary shared by the server, the web app and the tests. Values are stored as-is in
// PostgreSQL and exposed as GraphQL enums, so they never change once released.

export enum FundRole {
  Coordinator = 'COORDINATOR',
  FunderOfficer = 'FUNDER_OFFICER',
  Panellist = 'PANELLIST',
  CommunityPanellist = 'COMMUNITY_PANELLIST',
}

export const FUND_ROLE_LABELS: Record<FundRole, string> = {
  [FundRole.Coordinator]: 'Coordinator',
  [FundRole.FunderOfficer]: 'Funder officer',
  [FundRole.Panellist]: 'Panellist',
  [FundRole.CommunityPanellist]: 'Community panellist',
};

export enum FunderKind {
  CommunityFoundation = 'COMMUNITY_FOUNDATION',
  CharitableTrust = 'CHARITABLE_TRUST',
  LocalAuthority = 'LOCAL_AUTHORITY',
  NhsBody = 'NHS_BODY',
  Company = 'COMPANY',
  Other = 'OTHER',
}

export enum PhaseKind {
  Emergency = 'EMERGENCY',
  Recovery = 'RECOVERY',
  Other = 'OTHER',
}

export enum PhaseStatus {
  Planned = 'PLANNED',
  Open = 'OPEN',
  Closed = 'CLOSED',
}

export enum LegalForm {
  RegisteredCharity = 'REGISTERED_CHARITY',
  Cio = 'CIO',
  CharitableCompany = 'CHARITABLE_COMPANY',
  Cic = 'CIC',
  Company = 'COMPANY',
  ConstitutedCommunityGroup = 'CONSTITUTED_COMMUNITY_GROUP',
  UnconstitutedGroup = 'UNCONSTITUTED_GROUP',
  SchoolOrPublicBody = 'SCHOOL_OR_PUBLIC_BODY',
}

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  [LegalForm.RegisteredCharity]: 'Registered charity',
  [LegalForm.Cio]: 'Charitable incorporated organisation (CIO)',
  [LegalForm.CharitableCompany]: 'Charitable company',
  [LegalForm.Cic]: 'Community interest company (CIC)',
  [LegalForm.Company]: 'Company',
  [LegalForm.ConstitutedCommunityGroup]: 'Constituted community group',
  [LegalForm.UnconstitutedGroup]: 'Unconstituted group',
  [LegalForm.SchoolOrPublicBody]: 'School or public body',
};

export enum ApplicationStatus {
  Draft = 'DRAFT',
  Submitted = 'SUBMITTED',
  Checked = 'CHECKED',
  OnAgenda = 'ON_AGENDA',
  Decided = 'DECIDED',
}

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  [ApplicationStatus.Draft]: 'Draft',
  [ApplicationStatus.Submitted]: 'Submitted',
  [ApplicationStatus.Checked]: 'Checked',
  [ApplicationStatus.OnAgenda]: 'On agenda',
  [ApplicationStatus.Decided]: 'Decided',
};

export enum EmailStatus {
  /** No mail transport is configured: the message stays in the outbox for a coordinator to read. */
  Kept = 'KEPT',
  Queued = 'QUEUED',
  /** Handed to the transport; if the process died here we do not know, and we never resend. */
  Sending = 'SENDING',
  Sent = 'SENT',
  Failed = 'FAILED',
}
