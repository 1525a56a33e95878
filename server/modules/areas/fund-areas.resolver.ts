import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { AreaKind } from '../../../shared/domain.ts';
import type { Context } from '../../context.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Area } from './area.entity.ts';
import { asksForGeometry } from './area.resolver.ts';
import { SetApplicationAreasInput, SetFundAreasInput } from './area.inputs.ts';
import { listFundAreas, mayPlace, setApplicationAreas, setFundAreas } from './fund-areas.service.ts';

@Resolver(() => Fund)
export class FundAreasResolver {
  @Authorized()
  @Mutation(() => Fund, { description: 'Sets the areas the fund covers (local authorities, wards or LSOAs the portal holds). Coordinators only.' })
  setFundAreas(@Arg('input') input: SetFundAreasInput, @Ctx() { em, viewer }: Context) {
    return setFundAreas(em, viewer!, input);
  }

  @FieldResolver(() => [Area], {
    description:
      "The fund's areas of one kind: those it lists and those inside them (the LSOAs or wards of its local authorities). Without a kind, the areas it lists. For the map and for choosing an application's areas.",
  })
  areas(@Root() fund: Fund, @Ctx() { em }: Context, @Info() info: GraphQLResolveInfo, @Arg('kind', () => AreaKind, { nullable: true }) kind?: AreaKind) {
    return listFundAreas(em, fund, kind, { withGeometry: asksForGeometry(info) });
  }
}

@Resolver(() => Application)
export class ApplicationAreasResolver {
  @Authorized()
  @Mutation(() => Application, { description: "Sets or corrects the areas an application's work serves, from the fund's areas; the ward and local authority holding each are added. Officers and the coordinator." })
  setApplicationAreas(@Arg('input') input: SetApplicationAreasInput, @Ctx() { em, viewer }: Context) {
    return setApplicationAreas(em, viewer!, input);
  }

  @FieldResolver(() => [Area], { description: 'The areas the work serves, most specific first; a code the portal holds no area for is left out (see areaCodes).' })
  async areas(@Root() application: Application, @Ctx() { loaders }: Context) {
    const found = await loaders.areasByCode.loadMany(application.areaCodes);
    return found.filter((area): area is Area => area instanceof Area);
  }

  @FieldResolver(() => Boolean, { description: 'The signed-in person may set or correct the areas now.' })
  viewerMayPlace(@Root() application: Application, @Ctx() { viewer }: Context) {
    return canOnFund(viewer, 'view', application.fund) && mayPlace(viewer, application);
  }
}
