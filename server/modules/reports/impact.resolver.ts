import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.ts';
import { funderImpact, reportingTotals, storyFeed } from './impact.service.ts';
import { FunderImpact, ReportingTotals, StoryFeed, StoryFilter } from './impact.types.ts';

@Resolver()
export class ImpactResolver {
  @Authorized()
  @Query(() => StoryFeed, {
    description:
      "The fund's sent stories, newest first. Everyone in the fund; the coordinator and funder officers also read those the groups asked not to share (marked NOT_SHARED), everyone else only those shared with the funders or the public.",
  })
  storyFeed(
    @Arg('fundId', () => ID) fundId: string,
    @Ctx() { em, viewer }: Context,
    @Arg('filter', () => StoryFilter, { nullable: true }) filter?: StoryFilter,
    @Arg('first', () => Int, { nullable: true, description: 'How many stories (1 to 50; 20 when not given).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The nextCursor of the page before.' }) after?: string,
  ) {
    return storyFeed(em, viewer, { fundId, filter, first, after });
  }

  @Authorized()
  @Query(() => ReportingTotals, { description: "Grants, money, people reached and reports, overall, by priority and by phase. Everyone in the fund." })
  reportingTotals(@Arg('fundId', () => ID) fundId: string, @Ctx() { em, viewer }: Context) {
    return reportingTotals(em, viewer, fundId);
  }

  @Authorized()
  @Query(() => FunderImpact, { description: "What one funder's contributions paid for, with the stories the groups shared: the coordinator and that funder's officers." })
  funderImpact(@Arg('fundId', () => ID) fundId: string, @Arg('funderId', () => ID) funderId: string, @Ctx() { em, viewer }: Context) {
    return funderImpact(em, viewer, fundId, funderId);
  }
}
