import { Session } from '../auth/session.entity.ts';
import { SignInRequest } from '../auth/sign-in-request.entity.ts';
import { SignInToken } from '../auth/sign-in-token.entity.ts';
import { ApplicationDraft } from '../modules/applications/application-draft.entity.ts';
import { GroupConfirmation } from '../modules/applications/group-confirmation.entity.ts';
import { ApplicantGroup } from '../modules/applications/applicant-group.entity.ts';
import { Application } from '../modules/applications/application.entity.ts';
import { BankDetails, BankDetailsRequest } from '../modules/bank/bank-details.entity.ts';
import { AuditEvent } from '../modules/audit/audit-event.entity.ts';
import { Funder } from '../modules/funders/funder.entity.ts';
import { Contribution } from '../modules/funds/contribution.entity.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import { Fund } from '../modules/funds/fund.entity.ts';
import { Phase } from '../modules/funds/phase.entity.ts';
import { FundInvite } from '../modules/invites/fund-invite.entity.ts';
import { ConflictOfInterest } from '../modules/panels/conflict.entity.ts';
import { AwardDraw, Decision } from '../modules/panels/decision.entity.ts';
import { Grant, Payment } from '../modules/grants/grant.entity.ts';
import { FundDataVersion } from '../modules/panels/fund-data-version.entity.ts';
import { CoverageMoney, CoverageTagMoney, GrantShare } from '../modules/coverage/grant-share.entity.ts';
import { PanelMeeting } from '../modules/panels/panel-meeting.entity.ts';
import { Score } from '../modules/panels/score.entity.ts';
import { OutboundEmail } from '../modules/notifications/outbound-email.entity.ts';
import { User } from '../modules/users/user.entity.ts';
import { DuplicateFlag } from '../modules/duplicates/duplicate-flag.entity.ts';
import { ExternalGrant, ExternalGrantImport } from '../modules/duplicates/external-grant.entity.ts';
import { MatchRecord } from '../modules/duplicates/match-record.entity.ts';
import { Area } from '../modules/areas/area.entity.ts';
import { AreaImport } from '../modules/areas/area-import.entity.ts';
import { PostcodeArea } from '../modules/areas/postcode-area.entity.ts';
import { FunderFocus } from '../modules/taxonomy/funder-focus.entity.ts';
import { Priority } from '../modules/taxonomy/priority.entity.ts';
import { Report, ReportLink, ReportPhoto, ReportReply } from '../modules/reports/report.entity.ts';
import { ReportingPolicy } from '../modules/reports/reporting-policy.entity.ts';

// Listed by hand rather than discovered by glob, so the same list works under swc-node, Vitest and
// the compiled build.
export const entities = [
  User,
  FundDataVersion,
  GrantShare,
  CoverageMoney,
  CoverageTagMoney,
  Funder,
  Fund,
  Phase,
  Contribution,
  FundMembership,
  FundInvite,
  ApplicantGroup,
  Application,
  ApplicationDraft,
  GroupConfirmation,
  AuditEvent,
  BankDetails,
  BankDetailsRequest,
  OutboundEmail,
  Score,
  PanelMeeting,
  Decision,
  AwardDraw,
  Grant,
  Payment,
  ConflictOfInterest,
  SignInToken,
  SignInRequest,
  Session,
  ExternalGrantImport,
  ExternalGrant,
  MatchRecord,
  DuplicateFlag,
  Priority,
  FunderFocus,
  AreaImport,
  Area,
  PostcodeArea,
  ReportingPolicy,
  Report,
  ReportLink,
  ReportPhoto,
  ReportReply,
];
