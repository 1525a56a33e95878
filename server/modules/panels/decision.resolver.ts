import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { Application } from '../applications/application.entity.ts';
import { Grant } from '../grants/grant.entity.ts';
import { AwardDraw, Decision, DecisionKind } from './decision.entity.ts';
import { recordDecision } from './decision.service.ts';

@InputType({ description: "The panel's decision on one application, as the coordinator records it in the meeting." })
class DecisionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an application.' }) applicationId!: string;
  @Field(() => Int, { description: 'The decision version you saw; 0 if there was none.' }) @IsInt() @Min(0) expectedVersion!: number;
  @Field(() => DecisionKind) @IsIn(Object.values(DecisionKind), { message: 'Choose award, decline, defer or refer.' }) kind!: DecisionKind;
  @Field(() => Int, { nullable: true, description: 'For an award (pence).' }) @IsOptional() @IsInt({ message: 'Enter the award in whole pence.' }) amountPence?: number;
  @Field({ nullable: true, description: 'Conditions of an award, or the reason for a decline.' }) @IsOptional() reason?: string;
  @Field({ nullable: true, description: 'Feedback for the group (decline), or the question to answer (defer).' }) @IsOptional() message?: string;
  @Field({ nullable: true, description: 'For a referral: the funder outside the pool.' }) @IsOptional() referredTo?: string;
}

@Resolver(() => Application)
export class ApplicationDecisionResolver {
  @Authorized()
  @Mutation(() => Decision, { description: 'Records or changes a decision in the meeting. Coordinators only; awards are split across contributions.' })
  recordDecision(@Arg('input') input: DecisionInput, @Ctx() { em, viewer }: Context) {
    return recordDecision(em, viewer!, input);
  }

  @FieldResolver(() => Grant, { nullable: true, description: 'The grant, once the meeting that awarded it has closed.' })
  grant(@Root() application: Application, @Ctx() { loaders }: Context) {
    return loaders.grants.load(application.id);
  }

  @FieldResolver(() => Decision, { nullable: true, description: "The panel's decision, once made." })
  decision(@Root() application: Application, @Ctx() { loaders }: Context) {
    return loaders.decisions.load(application.id);
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => [AwardDraw], { description: 'For an award: how it is split across contributions.' })
  async draws(@Root() decision: Decision) {
    return decision.draws.isInitialized() ? decision.draws.getItems() : decision.draws.load({ populate: ['contribution', 'contribution.funder'] });
  }
}
