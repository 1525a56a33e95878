import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApplicationStatus, FundRole, PhaseStatus } from '../../../shared/domain.ts';
import type { Context } from '../../context.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { rolesIn } from '../../policies/roles.ts';
import { errors } from '../../errors.ts';
import { Application } from '../applications/application.entity.ts';
import { AuditEvent } from '../audit/audit-event.entity.ts';
import { Contribution } from './contribution.entity.ts';
import { Fund } from './fund.entity.ts';
import { AddPhaseInput, CreateFundInput, OpenPhaseInput, UpdateFundInput, UpdatePhaseInput } from './fund.inputs.ts';
import { addPhase, createFund, updatePhase } from './fund-setup.service.ts';
import { fundLedger, listFundsFor, nextPanel, openPhase, requireFund, updateFund } from './fund.service.ts';
import { ContributionLedger, FundLedger, NextPanel, StatusCount } from './fund.types.ts';
import { Phase } from './phase.entity.ts';

@Resolver(() => Fund)
export class FundResolver {
  @Authorized()
  @Query(() => [Fund], { description: 'The funds the signed-in person has a role in.' })
  funds(@Ctx() { em, viewer }: Context) {
    return listFundsFor(em, viewer!);
  }

  @Authorized()
  @Query(() => Fund, { description: 'One fund the signed-in person has a role in.' })
  fund(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context) {
    return requireFund(em, viewer, id);
  }

  @Authorized()
  @Mutation(() => Fund, { description: 'Sets up a new fund; its creator becomes its coordinator. For people who coordinate a fund already.' })
  createFund(@Arg('input') input: CreateFundInput, @Ctx() { em, viewer }: Context) {
    return createFund(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Fund, { description: 'Adds a phase after the last one. Coordinators only.' })
  addPhase(@Arg('input') input: AddPhaseInput, @Ctx() { em, viewer }: Context) {
    return addPhase(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Fund, { description: "Changes a phase's name, kind, criteria or award limits. Coordinators only." })
  updatePhase(@Arg('input') input: UpdatePhaseInput, @Ctx() { em, viewer }: Context) {
    return updatePhase(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Fund, { description: "Coordinators change a fund's settings: name, purpose, area, reserve, cap for unconstituted groups, panel rhythm." })
  updateFund(@Arg('input') input: UpdateFundInput, @Ctx() { em, viewer }: Context) {
    return updateFund(em, viewer!, input);
  }

  @Authorized()
  @Mutation(() => Fund, { name: 'openPhase', description: 'Opens another phase (closing the open one), recorded with who decided and when. Coordinators only.' })
  decideToOpenPhase(@Arg('input') input: OpenPhaseInput, @Ctx() { em, viewer }: Context) {
    return openPhase(em, viewer!, input);
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'Version for optimistic locking: send it back when you change the fund.' })
  version(@Root() fund: Fund) {
    return fund.version;
  }

  @FieldResolver(() => [FundRole], { description: 'Roles the signed-in person holds in this fund.' })
  myRoles(@Root() fund: Fund, @Ctx() { viewer }: Context) {
    return [...rolesIn(viewer, fund.id)];
  }

  @FieldResolver(() => [Phase])
  async phases(@Root() fund: Fund) {
    return fund.phases.load({ populate: ['openedBy'] });
  }

  @FieldResolver(() => Phase, { nullable: true, description: 'The phase open for applications, if any.' })
  async openPhase(@Root() fund: Fund) {
    return (await fund.phases.load()).find((phase) => phase.status === PhaseStatus.OPEN) ?? null;
  }

  @FieldResolver(() => [Contribution])
  async contributions(@Root() fund: Fund) {
    return fund.contributions.load({ populate: ['funder', 'restrictedToPhase'], orderBy: { receivedOn: 'asc', createdAt: 'asc' } });
  }

  @FieldResolver(() => FundLedger)
  ledger(@Root() fund: Fund, @Ctx() { loaders }: Context) {
    return fundLedger(loaders, fund);
  }

  @FieldResolver(() => NextPanel)
  nextPanel(@Root() fund: Fund) {
    return nextPanel(fund);
  }

  @FieldResolver(() => [StatusCount], { description: 'Applications by stage.' })
  async applicationCounts(@Root() fund: Fund, @Ctx() { loaders }: Context) {
    const counts = await loaders.applicationCounts.load(fund.id);
    return Object.values(ApplicationStatus).map((status) => ({ status, count: counts[status] }));
  }

  @FieldResolver(() => [Application], { description: 'Applications in this fund, newest first.' })
  applications(
    @Root() fund: Fund,
    @Ctx() { em }: Context,
    @Arg('status', () => ApplicationStatus, { nullable: true }) status?: ApplicationStatus,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ) {
    if (limit < 1 || limit > 200) throw errors.badInput([{ field: 'limit', message: 'Ask for between 1 and 200 applications.' }]);
    return em.find(
      Application,
      { fund, ...(status ? { status } : { status: { $ne: ApplicationStatus.DRAFT } }) },
      { orderBy: { submittedAt: 'desc', reference: 'desc' }, limit, populate: ['group', 'phase'] },
    );
  }

  @FieldResolver(() => [AuditEvent], { description: 'Recent changes to this fund; coordinators only.' })
  auditLog(
    @Root() fund: Fund,
    @Ctx() { em, viewer }: Context,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ) {
    if (!canOnFund(viewer, 'readAuditLog', fund)) throw errors.forbidden('read the audit log of this fund');
    return em.find(AuditEvent, { fundId: fund.id }, { orderBy: { at: 'desc', id: 'desc' }, limit: Math.min(Math.max(limit, 1), 200), populate: ['actor'] });
  }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => ContributionLedger)
  async ledger(@Root() contribution: Contribution, @Ctx() { loaders }: Context): Promise<ContributionLedger> {
    const { committedPence, paidPence } = await loaders.contributionMoney.load(contribution.id);
    return { contributedPence: contribution.amountPence, committedPence, paidPence, availablePence: contribution.amountPence - committedPence - paidPence };
  }
}
