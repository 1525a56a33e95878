import { IsIn, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { londonToday } from '../../../shared/london-time.ts';
import { ReportingRequirement, StoryConsent } from '../../../shared/reporting.ts';
import type { Context } from '../../context.ts';
import { canOnReport, type ReportAction } from '../../policies/report.policy.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Grant } from '../grants/grant.entity.ts';
import { Report, ReportPerson, ReportPhoto, ReportReply } from './report.entity.ts';
import {
  findGrantReport,
  isOverdue,
  recordPhoneReport,
  replyToReport,
  reportingPolicyOf,
  sendReportLink,
  setGrantReporting,
  updateReportingPolicy,
} from './report.service.ts';
import { ReportingPolicyView } from './reporting-policy.entity.ts';

@InputType({ description: "The fund's reporting bands and due weeks, as the coordinator sets them." })
class UpdateReportingPolicyInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a fund.' }) fundId!: string;
  @Field(() => Int, { description: 'Grants of this amount or more (pence) report a few sentences; smaller grants report nothing.' })
  @IsInt({ message: 'Enter the amount in whole pence.' })
  sentencesFromPence!: number;
  @Field(() => Int, { description: 'Grants of this amount or more (pence) fill in the short form.' })
  @IsInt({ message: 'Enter the amount in whole pence.' })
  shortFormFromPence!: number;
  @Field(() => Int, { description: 'Weeks from the award to the due date.' }) @IsInt({ message: 'Enter a whole number of weeks.' }) dueWeeks!: number;
  @Field(() => Int, { description: 'The policy version you saw; 0 while the fund used the defaults.' }) @IsInt() @Min(0) version!: number;
}

@InputType({ description: 'What one grant reports, and by when.' })
class SetGrantReportingInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a grant.' }) grantId!: string;
  @Field(() => ReportingRequirement) @IsIn(Object.values(ReportingRequirement), { message: 'Choose what the grant reports.' }) reporting!: ReportingRequirement;
  @Field({ nullable: true, description: 'The day the report is due (YYYY-MM-DD); needed unless no report is asked.' }) @IsOptional() dueOn?: string;
  @Field(() => Int, { description: 'The grant version you saw.' }) @IsInt() @Min(0) version!: number;
}

@InputType({ description: 'A report an officer took by phone. The fields the grant’s requirement asks for are needed.' })
class RecordPhoneReportInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a grant.' }) grantId!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10_000) sentences?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10_000) whatHappened?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'Enter a whole number of people.' }) @Min(0, { message: 'Enter a whole number of people, 0 or more.' }) peopleCount?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10_000) story?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10_000) whatChanged?: string;
  @Field(() => Int, { nullable: true, description: 'Pence; 0 when none is left.' })
  @IsOptional()
  @IsInt({ message: 'Enter the money left over in whole pence.' })
  @Min(0, { message: 'Enter the money left over in whole pence, 0 or more.' })
  moneyLeftPence?: number;
  @Field(() => StoryConsent, { nullable: true, description: 'Needed: checked with the other answers, so a missing one is named with them.' })
  @IsOptional()
  @IsIn(Object.values(StoryConsent), { message: 'Say whether the story may be shared, and with whom.' })
  storyConsent?: StoryConsent;
}

@InputType({ description: 'A reply from the fund to a report.' })
class ReplyToReportInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a report.' }) reportId!: string;
  @Field() message!: string;
}

/** Per-request batches, so a list of grants costs one query for their reports, photos and replies. */
const loaderSets = new WeakMap<EntityManager, ReturnType<typeof createReportLoaders>>();
function createReportLoaders(em: EntityManager) {
  return {
    reports: new DataLoader<string, Report | null>(async (grantIds) => {
      const rows = await em.find(Report, { grant: { $in: [...grantIds] } }, { populate: ['grant', 'grant.application', 'takenBy'] });
      return grantIds.map((id) => rows.find((row) => row.grant.id === id) ?? null);
    }),
    photos: new DataLoader<string, ReportPhoto | null>(async (reportIds) => {
      const rows = await em.find(ReportPhoto, { report: { $in: [...reportIds] } });
      return reportIds.map((id) => rows.find((row) => row.report.id === id) ?? null);
    }),
    replies: new DataLoader<string, ReportReply[]>(async (reportIds) => {
      const rows = await em.find(ReportReply, { report: { $in: [...reportIds] } }, { populate: ['author'], orderBy: { createdAt: 'asc', id: 'asc' } });
      return reportIds.map((id) => rows.filter((row) => row.report.id === id));
    }),
  };
}
const reportLoaders = (em: EntityManager) => {
  let loaders = loaderSets.get(em);
  if (!loaders) loaderSets.set(em, (loaders = createReportLoaders(em)));
  return loaders;
};

const person = (user: { id: string; name: string }): ReportPerson => ({ id: user.id, name: user.name });

@Resolver(() => Fund)
export class FundReportingResolver {
  @FieldResolver(() => ReportingPolicyView, { description: "What each size of grant reports, and when it is due. Anyone in the fund; the coordinator changes it." })
  reportingPolicy(@Root() fund: Fund, @Ctx() { em }: Context) {
    return reportingPolicyOf(em, fund.id);
  }

  @Authorized()
  @Mutation(() => ReportingPolicyView, { description: "Sets the fund's reporting bands and due weeks, for grants awarded from now on. Coordinators; audited." })
  updateReportingPolicy(@Arg('input') input: UpdateReportingPolicyInput, @Ctx() { em, viewer }: Context) {
    return updateReportingPolicy(em, viewer!, input);
  }
}

@Resolver(() => Grant)
export class GrantReportingResolver {
  @Authorized()
  @Mutation(() => Grant, { description: "Changes what one grant reports and by when. Coordinators and funder officers; version-checked and audited." })
  setGrantReporting(@Arg('input') input: SetGrantReportingInput, @Ctx() { em, viewer, mailer, config }: Context) {
    return setGrantReporting(em, mailer, viewer!, input, config.publicUrl);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Emails the group a fresh link to its report. Coordinators and funder officers; audited.' })
  sendReportLink(@Arg('grantId', () => ID) grantId: string, @Ctx() { em, viewer, mailer, config }: Context) {
    return sendReportLink(em, mailer, viewer!, grantId, config.publicUrl);
  }

  @FieldResolver(() => Report, { nullable: true, description: "The grant's report, for coordinators and funder officers; null when none is asked, or for anyone else." })
  async report(@Root() grant: Grant, @Ctx() { em, viewer }: Context) {
    const report = await reportLoaders(em).reports.load(grant.id);
    return report && canOnReport(viewer, 'read', { fund: report.grant.application.fund, status: report.status }) ? report : null;
  }
}

@Resolver(() => Report)
export class ReportResolver {
  @Authorized()
  @Query(() => Report, { nullable: true, description: "A grant's report. Coordinators and funder officers; null when the grant asks for none." })
  grantReport(@Arg('grantId', () => ID) grantId: string, @Ctx() { em, viewer }: Context) {
    return findGrantReport(em, viewer!, grantId);
  }

  @Authorized()
  @Mutation(() => Report, { description: 'Records a report the group gave by phone, and sends it. Coordinators and funder officers; audited.' })
  recordPhoneReport(@Arg('input') input: RecordPhoneReportInput, @Ctx() { em, viewer }: Context) {
    return recordPhoneReport(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => ReportReply, { description: 'Replies to a sent report; the group reads it on its link and is emailed. Coordinators and funder officers; audited.' })
  replyToReport(@Arg('input') input: ReplyToReportInput, @Ctx() { em, viewer, mailer, config }: Context) {
    return replyToReport(em, mailer, viewer!, input, config.publicUrl);
  }

  @FieldResolver(() => Grant)
  grant(@Root() report: Report) {
    return report.grant;
  }

  @FieldResolver(() => ReportingRequirement, { description: "What the grant asks for (the grant's reporting)." })
  requirement(@Root() report: Report) {
    return report.grant.reporting;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The day the report is due (YYYY-MM-DD, London).' })
  dueOn(@Root() report: Report) {
    return report.grant.reportDueOn ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Not sent, and its due day is over (London).' })
  overdue(@Root() report: Report) {
    return isOverdue(report, report.grant, londonToday());
  }

  @FieldResolver(() => Boolean, { description: 'Whether an officer took it by phone.' })
  takenByPhone(@Root() report: Report) {
    return report.takenBy != null;
  }

  @FieldResolver(() => ReportPerson, { nullable: true, description: 'The officer who took it by phone.' })
  async takenBy(@Root() report: Report, @Ctx() { em, viewer }: Context) {
    if (!report.takenBy || !this.may(viewer, 'read', report)) return null;
    await em.populate(report, ['takenBy']);
    return person(report.takenBy);
  }

  @FieldResolver(() => ReportPhoto, { nullable: true, description: 'The optional photo; its url serves it only to those the group allowed.' })
  photo(@Root() report: Report, @Ctx() { em, viewer }: Context) {
    return this.may(viewer, 'readStory', report) ? reportLoaders(em).photos.load(report.id) : null;
  }

  @FieldResolver(() => [ReportReply], { description: 'The fund’s replies, oldest first.' })
  async replies(@Root() report: Report, @Ctx() { em, viewer }: Context) {
    return this.may(viewer, 'read', report) ? reportLoaders(em).replies.load(report.id) : [];
  }

  // The group's own words may name people; they go no further than the group allowed.
  @FieldResolver(() => String, { nullable: true, description: 'For a few sentences: what the grant paid for and what difference it made.' })
  sentences(@Root() report: Report, @Ctx() { viewer }: Context) {
    return this.may(viewer, 'readStory', report) ? (report.sentences ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Short form: one story.' })
  story(@Root() report: Report, @Ctx() { viewer }: Context) {
    return this.may(viewer, 'readStory', report) ? (report.story ?? null) : null;
  }

  private may(viewer: Context['viewer'], action: ReportAction, report: Report) {
    return canOnReport(viewer, action, { fund: report.grant.application.fund, status: report.status, storyConsent: report.storyConsent });
  }
}

@Resolver(() => ReportPhoto)
export class ReportPhotoResolver {
  @FieldResolver(() => String, { description: 'Where the image is served (JPEG), to those allowed to see it.' })
  url(@Root() photo: ReportPhoto) {
    return `/report-photos/${photo.id}`;
  }
}

@Resolver(() => ReportReply)
export class ReportReplyResolver {
  @FieldResolver(() => ReportPerson)
  author(@Root() reply: ReportReply) {
    return person(reply.author);
  }
}
