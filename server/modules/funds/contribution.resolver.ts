import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { canOnContribution } from '../../policies/contribution.policy.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { canOnTaxonomy } from '../../policies/priority.policy.ts';
import { Funder } from '../funders/funder.entity.ts';
import { fundersInFund } from '../funders/funder.service.ts';
import { Contribution } from './contribution.entity.ts';
import { RecordContributionInput, UpdateContributionInput } from './contribution.inputs.ts';
import { recordContribution, updateContribution } from './contribution.service.ts';
import { Fund } from './fund.entity.ts';
import { FundPermissions } from './fund.types.ts';

const officerFunders = ({ loaders, viewer }: Context, fundId: string) =>
  viewer ? loaders.officerFunders.load(`${viewer.user.id}:${fundId}`) : Promise.resolve(new Set<string>());

@Resolver(() => Contribution)
export class ContributionChangesResolver {
  @FieldResolver(() => Boolean, { description: 'True when the signed-in person may change this contribution.' })
  async viewerCanEdit(@Root() contribution: Contribution, @Ctx() context: Context) {
    return canOnContribution(context.viewer, 'edit', contribution, await officerFunders(context, contribution.fund.id));
  }

  @Authorized()
  @Mutation(() => Contribution, { description: "Records a funder's contribution and its restrictions. Coordinators, or the funder's own officers." })
  recordContribution(@Arg('input') input: RecordContributionInput, @Ctx() { em, viewer }: Context) {
    return recordContribution(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Contribution, { description: 'Changes a contribution; never below, or out of reach of, what awards already drew from it.' })
  updateContribution(@Arg('input') input: UpdateContributionInput, @Ctx() { em, viewer }: Context) {
    return updateContribution(em, viewer!, input);
  }
}

@Resolver(() => Fund)
export class FundMoneyResolver {
  @FieldResolver(() => [Funder], { description: 'Funders in this fund: who has contributed, has people here, or has been invited.' })
  funders(@Root() fund: Fund, @Ctx() { em }: Context) {
    return fundersInFund(em, fund.id);
  }

  @FieldResolver(() => [Funder], { description: 'The funders the signed-in person may record contributions for.' })
  async recordableFunders(@Root() fund: Fund, @Ctx() context: Context) {
    if (!canOnFund(context.viewer, 'recordContribution', fund)) return [];
    const funders = await fundersInFund(context.em, fund.id);
    const own = await officerFunders(context, fund.id);
    return funders.filter((funder) => canOnContribution(context.viewer, 'record', { fund, funder }, own));
  }

  @FieldResolver(() => FundPermissions)
  viewerMay(@Root() fund: Fund, @Ctx() { viewer }: Context): FundPermissions {
    return {
      manage: canOnFund(viewer, 'manage', fund),
      invite: canOnFund(viewer, 'invite', fund),
      recordContribution: canOnFund(viewer, 'recordContribution', fund),
      addFunder: canOnFund(viewer, 'manage', fund),
      editPriorities: canOnTaxonomy(viewer, 'edit', fund),
    };
  }
}
