import { IsBoolean, IsInt, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { canOnPanel } from '../../policies/panel.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { ConflictOfInterest } from './conflict.entity.ts';
import { declareConflict, scoreApplication } from './panel.service.ts';
import { Score } from './score.entity.ts';

@InputType({ description: 'A score given before the meeting, or "not enough knowledge to score".' })
class ScoreInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an application.' }) applicationId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'Choose a whole-number score.' }) value?: number;
  @Field({ defaultValue: false }) @IsBoolean() notEnoughKnowledge!: boolean;
  @Field({ nullable: true }) @IsOptional() @MaxLength(2000, { message: 'Use 2,000 characters or fewer.' }) comment?: string;
}

@InputType()
class DeclareConflictInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an application.' }) applicationId!: string;
  @Field() @Length(3, 500, { message: 'Say in a few words what the conflict is, in 500 characters or fewer.' }) reason!: string;
}

async function viewerIsConflicted({ viewer, loaders }: Context, application: Application) {
  if (!viewer) return false;
  return (await loaders.conflicts.load(application.id)).some((conflict) => conflict.panellist.id === viewer.user.id);
}

@Resolver(() => Application)
export class PanelResolver {
  @Authorized()
  @Mutation(() => Score, { description: 'Panellists score an application before the meeting; everyone on the panel sees it.' })
  scoreApplication(@Arg('input') input: ScoreInput, @Ctx() { em, viewer }: Context) {
    return scoreApplication(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => ConflictOfInterest, { description: 'Declares a conflict of interest: you can no longer score, see scores on, or decide this application.' })
  declareConflict(@Arg('input') input: DeclareConflictInput, @Ctx() { em, viewer }: Context) {
    return declareConflict(em, viewer!, input);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in person has declared a conflict on this application.' })
  myConflict(@Root() application: Application, @Ctx() context: Context) {
    return viewerIsConflicted(context, application);
  }

  @FieldResolver(() => [Score], { nullable: true, description: "Every panellist's score; null for someone with a conflict on this application." })
  async scores(@Root() application: Application, @Ctx() context: Context) {
    const { viewer, loaders } = context;
    if (!canOnPanel(viewer, 'seeScores', application, await viewerIsConflicted(context, application))) return null;
    return loaders.scores.load(application.id);
  }

  @FieldResolver(() => [ConflictOfInterest], { description: 'Declared conflicts: these people stand aside from this application.' })
  conflicts(@Root() application: Application, @Ctx() { loaders }: Context) {
    return loaders.conflicts.load(application.id);
  }
}
