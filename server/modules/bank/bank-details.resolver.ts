import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { maskBankDetails, requestBankDetails } from './bank-details.service.ts';

@ObjectType({ description: 'Bank details as staff see them: always masked.' })
class MaskedBankDetails {
  @Field() accountName!: string;
  @Field({ description: 'e.g. **-**-87' }) sortCode!: string;
  @Field({ description: 'e.g. ****3445' }) accountNumber!: string;
  @Field() updatedAt!: Date;
}

@Resolver(() => Application)
export class BankDetailsResolver {
  @Authorized()
  @Mutation(() => Boolean, { description: 'Emails the group (or its host) a one-use link to give bank details. Coordinators and funder officers.' })
  async requestBankDetails(@Arg('applicationId', () => ID) applicationId: string, @Ctx() { em, mailer, viewer, config }: Context) {
    await requestBankDetails(em, mailer, viewer, applicationId, config.publicUrl);
    return true;
  }

  @FieldResolver(() => MaskedBankDetails, { nullable: true, description: 'Masked bank details, for coordinators and funder officers only; null otherwise or when none were given.' })
  async bankDetails(@Root() application: Application, @Ctx() { viewer, vault, loaders }: Context) {
    if (!canOnFund(viewer, 'handleBankDetails', application.fund)) return null;
    return maskBankDetails(vault, await loaders.bankDetails.load(application.id));
  }
}
