import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AreaKind } from '../../../shared/domain.ts';
import type { Context } from '../../context.ts';
import { coverageAreaGrants, coverageBoundaries, fundCoverage } from './coverage.service.ts';
import { Coverage, CoverageAreaGrants, CoverageBoundaries, CoverageFilter } from './coverage.types.ts';

@Resolver(() => Coverage)
export class CoverageResolver {
  @Authorized()
  @Query(() => Coverage, { description: "Where the fund's grants went, area by area at one level, against population and need, with the gaps. Everyone in the fund." })
  coverage(
    @Arg('fundId', () => ID) fundId: string,
    @Arg('level', () => AreaKind) level: AreaKind,
    @Ctx() { em, viewer }: Context,
    @Arg('filter', () => CoverageFilter, { nullable: true }) filter?: CoverageFilter,
  ) {
    return fundCoverage(em, viewer, { fundId, level, filter });
  }

  @Authorized()
  @Query(() => CoverageAreaGrants, { description: 'The grants behind one area of the coverage map, under the same filters. Everyone in the fund.' })
  coverageAreaGrants(
    @Arg('fundId', () => ID) fundId: string,
    @Arg('code') code: string,
    @Ctx() { em, viewer }: Context,
    @Arg('filter', () => CoverageFilter, { nullable: true }) filter?: CoverageFilter,
  ) {
    return coverageAreaGrants(em, viewer, { fundId, code, filter });
  }

  @Authorized()
  @Query(() => CoverageBoundaries, { description: "The boundaries of the coverage map's areas at one level, simplified for drawing; changes only when a boundary does. Everyone in the fund." })
  coverageBoundaries(@Arg('fundId', () => ID) fundId: string, @Arg('level', () => AreaKind) level: AreaKind, @Ctx() { em, viewer }: Context) {
    return coverageBoundaries(em, viewer, { fundId, level });
  }
}
