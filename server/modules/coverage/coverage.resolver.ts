import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { type AreaTable, toAreaTable } from '../../../shared/coverage.ts';
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

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      'The same areas as `areas`, as one table: `columns` names the values (code, name, kind, grantCount, pence, population, pencePerHead, imdDecile, imdDecileDerived, areaKm2, peoplePerKm2, rural, ruralPopulationShare, externalGrantCount, externalPence) and `rows` holds one array per area, by code. What the map asks for: a third of the bytes, and far quicker to answer for thousands of areas.',
  })
  areaTable(@Root() coverage: Coverage): AreaTable {
    return toAreaTable(coverage.areas);
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
