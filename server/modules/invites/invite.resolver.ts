import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { FundRole, InviteState } from '../../../shared/domain.ts';
import { setSessionCookie } from '../../auth/session-cookie.ts';
import type { Context } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { FundMembership } from '../funds/fund-membership.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { FundInvite, inviteState } from './fund-invite.entity.ts';
import { AcceptInviteInput, InviteToFundInput } from './invite.inputs.ts';
import { acceptInvite, inviteToFund, previewInvite, revokeInvite } from './invite.service.ts';

@ObjectType({ description: 'What a person following an invite link may know before accepting it.' })
class InvitePreview {
  @Field() fundName!: string;
  @Field({ description: 'The name the invite greets.' }) name!: string;
  @Field() email!: string;
  @Field(() => FundRole) role!: FundRole;
  @Field(() => String, { nullable: true }) funderName!: string | null;
  @Field() invitedByName!: string;
  @Field() expiresAt!: Date;
  @Field(() => InviteState) state!: InviteState;
}

@ObjectType({ description: 'An accepted invite: the person is signed in and holds the role.' })
class AcceptedInvite {
  @Field(() => ID) fundId!: string;
  @Field() fundName!: string;
  @Field(() => FundRole) role!: FundRole;
}

@Resolver(() => FundInvite)
export class FundInviteResolver {
  @FieldResolver(() => InviteState, { description: 'Waiting, accepted, expired or withdrawn.' })
  state(@Root() invite: FundInvite) {
    return inviteState(invite);
  }

  @Authorized()
  @Mutation(() => FundInvite, { description: 'Emails a one-use invite to a role in the fund. Coordinators only.' })
  inviteToFund(@Arg('input') input: InviteToFundInput, @Ctx() { em, mailer, viewer, config }: Context) {
    return inviteToFund(em, mailer, viewer!, input, config.publicUrl);
  }

  @Authorized()
  @Mutation(() => FundInvite, { description: 'Withdraws an invite that has not been accepted. Coordinators only.' })
  revokeInvite(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context) {
    return revokeInvite(em, viewer!, id);
  }

  @Query(() => InvitePreview, { nullable: true, description: 'Who is invited to what, by the token in an invite link. Does not use the invite.' })
  invite(@Arg('token') token: string, @Ctx() { em }: Context) {
    return previewInvite(em, token);
  }

  @Mutation(() => AcceptedInvite, { description: 'Uses an invite link: adds the role and starts a session (sets a cookie).' })
  async acceptInvite(@Arg('input') input: AcceptInviteInput, @Ctx() context: Context): Promise<AcceptedInvite> {
    const accepted = await acceptInvite(context.em, { token: input.token, previousSessionId: context.viewer?.sessionId });
    setSessionCookie(context.res, accepted.sessionToken, context.config.publicUrl.startsWith('https://'));
    return { fundId: accepted.fund.id, fundName: accepted.fund.name, role: accepted.role };
  }
}

@Resolver(() => Fund)
export class FundPeopleResolver {
  @FieldResolver(() => [FundMembership], { description: "Everyone's roles in this fund. Coordinators only." })
  members(@Root() fund: Fund, @Ctx() { em, viewer }: Context) {
    if (!canOnFund(viewer, 'invite', fund)) throw errors.forbidden("see this fund's people");
    return em.find(FundMembership, { fund }, { populate: ['user', 'funder'], orderBy: { user: { name: 'asc' }, role: 'asc' } });
  }

  @FieldResolver(() => [FundInvite], { description: 'Invites sent, newest first. Coordinators only.' })
  invites(@Root() fund: Fund, @Ctx() { em, viewer }: Context) {
    if (!canOnFund(viewer, 'invite', fund)) throw errors.forbidden("see this fund's invites");
    return em.find(FundInvite, { fund }, { populate: ['funder', 'invitedBy'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: 200 });
  }
}
