import { IsDateString, IsUUID } from 'class-validator';
import { ref } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { Application } from '../applications/application.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Grant, Payment } from './grant.entity.ts';
import { markPaymentPaid } from './payment.service.ts';

@InputType({ description: 'Records that a payment of a grant went out.' })
class MarkPaymentPaidInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a payment.' }) paymentId!: string;
  @Field({ description: 'The day the money left the account (YYYY-MM-DD).' })
  @IsDateString({ strict: true }, { message: 'Enter the day the payment was made, like 2026-11-23.' })
  paidOn!: string;
}

@Resolver(() => Fund)
export class FundGrantsResolver {
  @FieldResolver(() => [Grant], { description: 'Grants made by the panel, newest first.' })
  grants(@Root() fund: Fund, @Ctx() { em }: Context) {
    return em.find(Grant, { application: { fund } }, { orderBy: { createdAt: 'desc' }, populate: ['application', 'application.group'] });
  }
}

@Resolver(() => Grant)
export class GrantResolver {
  @Authorized()
  @Mutation(() => Payment, { description: 'Records a payment as made. Coordinators and funder officers; the group must have given bank details.' })
  markPaymentPaid(@Arg('input') input: MarkPaymentPaidInput, @Ctx() { em, viewer }: Context) {
    return markPaymentPaid(em, viewer!, input);
  }

  @FieldResolver(() => Application)
  application(@Root() grant: Grant) {
    return ref(grant.application).loadOrFail();
  }

  @FieldResolver(() => [Payment])
  payments(@Root() grant: Grant, @Ctx() { loaders }: Context) {
    return loaders.payments.load(grant.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the group (or its host) has given bank details; the details themselves stay on the server.' })
  async bankDetailsGiven(@Root() grant: Grant, @Ctx() { loaders }: Context) {
    return (await loaders.bankDetails.load(grant.application.id)) !== null;
  }
}
