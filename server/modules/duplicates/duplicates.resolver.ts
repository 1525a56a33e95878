import { IsIn, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { DuplicateVerdict } from '../../../shared/domain.ts';
import type { Context } from '../../context.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { PanelPerson } from '../panels/panel-person.ts';
import { DuplicateFlag } from './duplicate-flag.entity.ts';
import { checkFundNow, countFlagsToReview, fundFlags, MAX_NOTE_LENGTH, reviewDuplicate } from './duplicates.service.ts';
import { ExternalGrant, ExternalGrantImport } from './external-grant.entity.ts';
import { fundImports } from './external-grant.service.ts';

@InputType({ description: "An officer's answer to a duplicate flag." })
class ReviewDuplicateInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a flag.' }) flagId!: string;
  @Field(() => Int, { description: 'The flag version you saw.' }) @IsInt() @Min(1) version!: number;
  @Field(() => DuplicateVerdict) @IsIn(Object.values(DuplicateVerdict), { message: 'Choose duplicate, not a duplicate, or complementary work.' }) verdict!: DuplicateVerdict;
  @Field({ nullable: true, description: 'What you found; needed unless it is not a duplicate.' })
  @IsOptional()
  @MaxLength(MAX_NOTE_LENGTH, { message: `Keep the note under ${MAX_NOTE_LENGTH} characters.` })
  note?: string;
}

@ObjectType({ description: 'What a check of the whole fund found.' })
class DuplicateCheck {
  @Field(() => Int) applications!: number;
  @Field(() => Int, { description: 'Pairs the engine flags in the fund now, new or known.' }) flagged!: number;
}

@Resolver(() => DuplicateFlag)
export class DuplicateFlagResolver {
  @Authorized()
  @Mutation(() => DuplicateFlag, { description: 'Marks a flag duplicate, not a duplicate, or complementary work, with a note. Coordinators and funder officers.' })
  reviewDuplicate(@Arg('input') input: ReviewDuplicateInput, @Ctx() { em, viewer }: Context) {
    return reviewDuplicate(em, viewer!, input);
  }

  @FieldResolver(() => [Application], { description: 'The applications in the pair (one or two).' })
  applications(@Root() flag: DuplicateFlag) {
    return [flag.recordA, flag.recordB].map((record) => record.application).filter((application) => application !== undefined && application !== null);
  }

  @FieldResolver(() => ExternalGrant, { nullable: true, description: 'The published grant in the pair, if one is.' })
  externalGrant(@Root() flag: DuplicateFlag) {
    return flag.recordA.externalGrant ?? flag.recordB.externalGrant ?? null;
  }

  @FieldResolver(() => PanelPerson, { nullable: true, description: 'Who reviewed it.' })
  reviewedBy(@Root() flag: DuplicateFlag): PanelPerson | null {
    return flag.reviewedBy ? { id: flag.reviewedBy.id, name: flag.reviewedBy.name } : null;
  }
}

@Resolver(() => Application)
export class ApplicationDuplicatesResolver {
  @FieldResolver(() => [DuplicateFlag], { description: 'Suspected duplicates of this application: current ones and any reviewed, strongest first.' })
  async duplicateFlags(@Root() application: Application, @Ctx() { viewer, loaders }: Context) {
    if (!canOnFund(viewer, 'view', application.fund)) return [];
    return loaders.duplicateFlags.load(application.id);
  }
}

@Resolver(() => Fund)
export class FundDuplicatesResolver {
  @FieldResolver(() => [DuplicateFlag], { description: 'Every suspected duplicate in the fund, for coordinators and funder officers; empty for others.' })
  duplicateFlags(@Root() fund: Fund, @Ctx() { em, viewer }: Context) {
    if (!canOnFund(viewer, 'assistApplication', fund)) return [];
    return fundFlags(em, viewer, fund.id);
  }

  @FieldResolver(() => Int, { description: 'Flags still found and not yet reviewed, for coordinators and funder officers; 0 for others.' })
  duplicatesToReview(@Root() fund: Fund, @Ctx() { em, viewer }: Context) {
    if (!canOnFund(viewer, 'assistApplication', fund)) return 0;
    return countFlagsToReview(em, fund);
  }

  @FieldResolver(() => [ExternalGrantImport], { description: '360Giving files imported into the fund, newest first.' })
  externalGrantImports(@Root() fund: Fund, @Ctx() { em, viewer }: Context) {
    if (!canOnFund(viewer, 'assistApplication', fund)) return [];
    return fundImports(em, viewer, fund.id);
  }

  @Authorized()
  @Mutation(() => DuplicateCheck, { description: 'Checks every application in the fund now, as the nightly job does. Coordinators and funder officers.' })
  checkFundForDuplicates(@Arg('fundId', () => ID) fundId: string, @Ctx() { em, viewer }: Context) {
    return checkFundNow(em, viewer!, fundId);
  }
}
