import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, registerEnumType, type AuthChecker } from 'type-graphql';
import {
  ApplicationStatus,
  AreaImportKind,
  AreaKind,
  DuplicateKind,
  DuplicateVerdict,
  EmailStatus,
  FunderKind,
  FundRole,
  InviteState,
  LegalForm,
  PhaseKind,
  PhaseStatus,
  PriorityKind,
} from '../shared/domain.ts';
import { AuthResolver } from './auth/auth.resolver.ts';
import type { Context } from './context.ts';
import { errors } from './errors.ts';
import { ApplicationResolver } from './modules/applications/application.resolver.ts';
import { ApplyResolver } from './modules/applications/apply.resolver.ts';
import { BankDetailsResolver } from './modules/bank/bank-details.resolver.ts';
import { ContributionChangesResolver, FundMoneyResolver } from './modules/funds/contribution.resolver.ts';
import { ContributionResolver, FundResolver } from './modules/funds/fund.resolver.ts';
import { FundInviteResolver, FundPeopleResolver } from './modules/invites/invite.resolver.ts';
import { OutboxResolver } from './modules/notifications/outbox.resolver.ts';
import { CloseMeetingResolver, FundMeetingsResolver, PanelMeetingResolver } from './modules/panels/meeting.resolver.ts';
import { PanelResolver } from './modules/panels/panel.resolver.ts';
import { FundGrantsResolver, GrantResolver } from './modules/grants/grant.resolver.ts';
import { ApplicationDecisionResolver, DecisionResolver } from './modules/panels/decision.resolver.ts';
import { AreaImportResolver, AreaResolver } from './modules/areas/area.resolver.ts';
import { ApplicationAreasResolver, FundAreasResolver } from './modules/areas/fund-areas.resolver.ts';
import { ApplicationDuplicatesResolver, DuplicateFlagResolver, FundDuplicatesResolver } from './modules/duplicates/duplicates.resolver.ts';
import { ApplicationTagsResolver, FundPrioritiesResolver, PriorityResolver } from './modules/taxonomy/taxonomy.resolver.ts';
import { CoverageResolver } from './modules/coverage/coverage.resolver.ts';
import { FundOpenDataResolver } from './modules/open-data/open-data.resolver.ts';
import { FundReportingResolver, GrantReportingResolver, ReportPhotoResolver, ReportReplyResolver, ReportResolver } from './modules/reports/report.resolver.ts';
import { ImpactResolver } from './modules/reports/impact.resolver.ts';

registerEnumType(FundRole, { name: 'FundRole', description: 'What a person does in a fund.' });
registerEnumType(FunderKind, { name: 'FunderKind' });
registerEnumType(PhaseKind, { name: 'PhaseKind' });
registerEnumType(PhaseStatus, { name: 'PhaseStatus' });
registerEnumType(LegalForm, { name: 'LegalForm', description: 'The legal form of an applicant group.' });
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
registerEnumType(EmailStatus, { name: 'EmailStatus' });
registerEnumType(DuplicateKind, { name: 'DuplicateKind', description: 'What a duplicate flag suspects.' });
registerEnumType(DuplicateVerdict, { name: 'DuplicateVerdict', description: 'An officer’s answer to a duplicate flag.' });
registerEnumType(InviteState, { name: 'InviteState', description: 'Where an invite stands.' });
registerEnumType(AreaKind, { name: 'AreaKind', description: 'A kind of official area, told by its ONS code.' });
registerEnumType(AreaImportKind, { name: 'AreaImportKind', description: 'What an area file holds.' });
registerEnumType(PriorityKind, { name: 'PriorityKind', description: 'A theme (what the work is about) or a community (who it is for).' });

/** `@Authorized()` means signed in; what a person may do with each object is decided in policies. */
const authChecker: AuthChecker<Context> = ({ context }) => {
  if (!context.viewer) throw errors.unauthenticated();
  return true;
};

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [AuthResolver, FundResolver, ContributionResolver, ContributionChangesResolver, FundMoneyResolver, FundInviteResolver, FundPeopleResolver, ApplicationResolver, ApplyResolver, BankDetailsResolver, OutboxResolver, PanelResolver, FundMeetingsResolver, PanelMeetingResolver, CloseMeetingResolver, ApplicationDecisionResolver, DecisionResolver, GrantResolver, FundGrantsResolver, DuplicateFlagResolver, ApplicationDuplicatesResolver, FundDuplicatesResolver, PriorityResolver, FundPrioritiesResolver, ApplicationTagsResolver, AreaResolver, AreaImportResolver, FundAreasResolver, ApplicationAreasResolver, FundOpenDataResolver, CoverageResolver, FundReportingResolver, GrantReportingResolver, ReportResolver, ReportPhotoResolver, ReportReplyResolver, ImpactResolver],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}

export function printSortedSchema(schema: GraphQLSchema) {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

export async function emitSchema(file: string) {
  await writeFile(file, printSortedSchema(await createSchema()));
}
