import { ref } from '@mikro-orm/core';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApplicationStatus } from '../../../shared/domain.ts';
import { PRIORITY_TAGS_MAX } from '../../../shared/limits.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import type { Context } from '../../context.ts';
import { canOnApplication } from '../../policies/application.policy.ts';
import { Phase } from '../funds/phase.entity.ts';
import { ApplicantGroup } from './applicant-group.entity.ts';
import { Application } from './application.entity.ts';
import { GroupConfirmation } from './group-confirmation.entity.ts';
import { triageApplication } from './triage.service.ts';

@ObjectType({ description: "How to reach a group. Personal data: only funders' staff receive it." })
export class GroupContact {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true, description: 'Normalised postcode, e.g. CA1 1AA.' })
  postcode?: string;
}

@ObjectType({ description: "The officers' due-diligence checklist." })
class ChecklistView {
  @Field({ nullable: true }) eligibilityConfirmed?: boolean;
  @Field({ nullable: true, description: 'Only for unconstituted groups.' }) hostOrRefereeConfirmed?: boolean;
  @Field({ nullable: true, description: 'NOT_NEEDED, POLICY_SEEN or MISSING.' }) safeguarding?: string;
  @Field({ nullable: true }) bankDetailsChecked?: boolean;
}

@InputType({ description: "A funder officer's triage of one application." })
class TriageInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an application.' }) applicationId!: string;
  @Field(() => Int, { description: 'The version you saw, to detect changes made meanwhile.' }) @IsInt() version!: number;
  @Field() @IsBoolean() eligibilityConfirmed!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() hostOrRefereeConfirmed!: boolean;
  @Field({ description: 'NOT_NEEDED, POLICY_SEEN or MISSING.' })
  @IsIn(['NOT_NEEDED', 'POLICY_SEEN', 'MISSING'], { message: 'Say whether a safeguarding policy is needed and seen.' })
  safeguarding!: 'NOT_NEEDED' | 'POLICY_SEEN' | 'MISSING';
  @Field({ defaultValue: false }) @IsBoolean() bankDetailsChecked!: boolean;
  @Field(() => [String], { nullable: true, description: 'Priority keys; omit to leave the tags as they are (tagApplication changes them on their own).' })
  @IsOptional()
  @ArrayMaxSize(PRIORITY_TAGS_MAX, { message: `Choose ${PRIORITY_TAGS_MAX} priorities or fewer.` })
  @IsString({ each: true })
  priorityTags?: string[] | null;
  @Field() @IsBoolean() readyForPanel!: boolean;
}

// Relations load through MikroORM's dataloader, so a list of applications costs one query per relation.
@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized()
  @Query(() => Application, { description: 'One application in a fund you have a role in.' })
  async application(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context) {
    const application = await findById(em, Application, id, { populate: ['group', 'phase'] });
    if (!application || application.status === ApplicationStatus.DRAFT || !canOnApplication(viewer, 'view', application)) throw errors.notFound('application');
    return application;
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Triage by a funder officer: checklist, priority tags (optional), and ready for panel.' })
  triageApplication(@Arg('input') input: TriageInput, @Ctx() { em, viewer }: Context) {
    return triageApplication(em, viewer!, input);
  }

  @FieldResolver(() => Int, { description: 'Version for optimistic locking: send it back when you triage.' })
  version(@Root() application: Application) {
    return application.version;
  }

  @FieldResolver(() => ChecklistView, { nullable: true, description: "The due-diligence checklist; funders' staff only." })
  checklist(@Root() application: Application, @Ctx() { viewer }: Context) {
    return canOnApplication(viewer, 'readContact', application) ? application.checklist : null;
  }

  // The id only, which a reference always holds, so it costs no query; pages need no more for a link.
  @FieldResolver(() => ID, { description: 'The fund this application belongs to, for links to its pages.' })
  fundId(@Root() application: Application) {
    return application.fund.id;
  }

  @FieldResolver(() => ApplicantGroup)
  group(@Root() application: Application) {
    return ref(application.group).loadOrFail();
  }

  @FieldResolver(() => Phase)
  phase(@Root() application: Application) {
    return ref(application.phase).loadOrFail();
  }

  @FieldResolver(() => [GroupConfirmation], {
    nullable: true,
    description: "Answers from an unconstituted group's host or referee; null for people who may not see personal data.",
  })
  confirmations(@Root() application: Application, @Ctx() { viewer, loaders }: Context) {
    if (!canOnApplication(viewer, 'readContact', application)) return null;
    return loaders.confirmations.load(application.id);
  }

  @FieldResolver(() => GroupContact, {
    nullable: true,
    description: 'The group contact; null for people who may not see personal data (community panellists).',
  })
  async contact(@Root() application: Application, @Ctx() { viewer }: Context): Promise<GroupContact | null> {
    if (!canOnApplication(viewer, 'readContact', application)) return null;
    const group = await ref(application.group).loadOrFail();
    return { name: group.contactName, email: group.contactEmail, phone: group.contactPhone, postcode: group.postcode };
  }
}
