import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { canOnTaxonomy } from '../../policies/priority.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { setFunderFocus } from './focus.service.ts';
import { Priority } from './priority.entity.ts';
import { mayTag, tagApplication } from './tagging.service.ts';
import { AddPriorityInput, DeletePriorityInput, FunderFocusInput, ReorderPrioritiesInput, RetirePriorityInput, TagApplicationInput, UpdatePriorityInput } from './taxonomy.inputs.ts';
import { addPriority, deletePriority, reorderPriorities, setPriorityRetired, updatePriority } from './taxonomy.service.ts';
import { FunderFocusView, PriorityTagOrigin, PriorityUsageView, WhoFundsWhatView } from './taxonomy.types.ts';
import { whoFundsWhat } from './who-funds-what.service.ts';

@Resolver(() => Priority)
export class PriorityResolver {
  @Authorized()
  @Mutation(() => Priority, { description: 'Adds a priority to the fund, at the end of its list. Coordinators only.' })
  addPriority(@Arg('input') input: AddPriorityInput, @Ctx() { em, viewer }: Context) {
    return addPriority(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Priority, { description: 'Renames, describes or changes the kind of a priority; its key stays. Coordinators only.' })
  updatePriority(@Arg('input') input: UpdatePriorityInput, @Ctx() { em, viewer }: Context) {
    return updatePriority(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Priority, { description: 'Retires a priority (it stays where used, and is no longer offered), or restores it. Coordinators only.' })
  setPriorityRetired(@Arg('input') input: RetirePriorityInput, @Ctx() { em, viewer }: Context) {
    return setPriorityRetired(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => [Priority], { description: "Puts the fund's priorities in a new order. Coordinators only." })
  reorderPriorities(@Arg('input') input: ReorderPrioritiesInput, @Ctx() { em, viewer }: Context) {
    return reorderPriorities(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Fund, { description: 'Deletes a priority that nothing uses; one in use can only be retired. Coordinators only.' })
  deletePriority(@Arg('input') input: DeletePriorityInput, @Ctx() { em, viewer }: Context) {
    return deletePriority(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => FunderFocusView, { description: "Sets a funder's focus priorities in the fund: the coordinator for any funder, officers for their own." })
  async setFunderFocus(@Arg('input') input: FunderFocusInput, @Ctx() { em, viewer }: Context): Promise<FunderFocusView> {
    const { funder, keys } = await setFunderFocus(em, viewer!, input);
    return { funder, priorityKeys: keys };
  }

  @Authorized()
  @Query(() => WhoFundsWhatView, { description: "Who funds what: the fund's priorities against its funders, with money paid to grants, counts and focus." })
  async whoFundsWhat(@Arg('fundId', () => ID) fundId: string, @Ctx() { em, viewer }: Context): Promise<WhoFundsWhatView> {
    return { fundId, ...(await whoFundsWhat(em, viewer!, fundId)) };
  }

  @FieldResolver(() => PriorityUsageView, { nullable: true, description: "What uses this priority; null for people outside the fund (the apply pages list priorities too)." })
  async usage(@Root() priority: Priority, @Ctx() { loaders, viewer }: Context): Promise<PriorityUsageView | null> {
    if (!canOnTaxonomy(viewer, 'view', priority.fund)) return null;
    const usage = await loaders.priorityUsage.load(priority.id);
    return { ...usage, inUse: usage.applications + usage.drafts + usage.contributions + usage.focusMarks > 0 };
  }
}

@Resolver(() => Fund)
export class FundPrioritiesResolver {
  @FieldResolver(() => [Priority], { description: "The fund's priority taxonomy, in order." })
  async priorities(@Root() fund: Fund, @Ctx() { loaders }: Context, @Arg('includeRetired', { defaultValue: true }) includeRetired: boolean) {
    const priorities = await loaders.fundPriorities.load(fund.id);
    return includeRetired ? priorities : priorities.filter((priority) => !priority.retired);
  }
}

@Resolver(() => Application)
export class ApplicationTagsResolver {
  @Authorized()
  @Mutation(() => Application, { description: "Adds or corrects an application's priority tags: coordinators and officers, and panellists while it is before the panel." })
  tagApplication(@Arg('input') input: TagApplicationInput, @Ctx() { em, viewer }: Context) {
    return tagApplication(em, viewer!, input);
  }

  @FieldResolver(() => [PriorityTagOrigin], { description: 'Who added each priority tag, and when (from the audit log).' })
  tagOrigins(@Root() application: Application, @Ctx() { viewer, loaders }: Context) {
    if (!canOnFund(viewer, 'view', application.fund)) return [];
    return loaders.tagOrigins.load(application);
  }

  @FieldResolver(() => Boolean, { description: 'The signed-in person may change the priority tags now.' })
  async viewerMayTag(@Root() application: Application, @Ctx() { em, viewer, loaders }: Context) {
    if (!viewer || !canOnFund(viewer, 'view', application.fund)) return false;
    const conflicted = (await loaders.conflicts.load(application.id)).some((conflict) => conflict.panellist.id === viewer.user.id);
    return mayTag(em, viewer, application, conflicted);
  }
}
