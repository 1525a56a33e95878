import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { FundMembership } from '../modules/funds/fund-membership.entity.ts';
import { User } from '../modules/users/user.entity.ts';
import { RequestSignInLinkInput, SignInInput } from './auth.inputs.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { completeSignIn, requestSignInLink, signOut, signOutEverywhere } from './sign-in.service.ts';

@ObjectType({ description: 'The signed-in person and their roles.' })
export class Me {
  @Field(() => User)
  user!: User;

  @Field(() => [FundMembership])
  memberships!: FundMembership[];
}

@ObjectType()
export class SignInLinkRequested {
  @Field({ description: 'The same words whether or not the address has an account.' })
  message!: string;
}

const isSecure = (context: Context) => context.config.publicUrl.startsWith('https://');

@Resolver()
export class AuthResolver {
  @Query(() => Me, { nullable: true, description: 'The signed-in person, or null.' })
  async me(@Ctx() { em, viewer }: Context): Promise<Me | null> {
    if (!viewer) return null;
    const memberships = await em.find(
      FundMembership,
      { user: viewer.user },
      { populate: ['fund', 'funder'], orderBy: { fund: { name: 'asc' }, role: 'asc' } },
    );
    return { user: viewer.user, memberships };
  }

  @Mutation(() => SignInLinkRequested, { description: 'Emails a one-use sign-in link that expires in 10 minutes.' })
  async requestSignInLink(@Arg('input') input: RequestSignInLinkInput, @Ctx() { em, mailer, req, config }: Context) {
    await requestSignInLink(em, mailer, { email: input.email, ip: req.ip ?? 'unknown', publicUrl: config.publicUrl });
    return { message: 'If that address has an account, a sign-in link is on its way. It expires in 10 minutes.' };
  }

  @Mutation(() => Me, { description: 'Uses a sign-in link and starts a session (sets a cookie).' })
  async signIn(@Arg('input') input: SignInInput, @Ctx() context: Context): Promise<Me> {
    const { em, res } = context;
    const { session, sessionToken } = await completeSignIn(em, { token: input.token, previousSessionId: context.viewer?.sessionId });
    setSessionCookie(res, sessionToken, isSecure(context));
    const memberships = await em.find(FundMembership, { user: session.user }, { populate: ['fund', 'funder'] });
    return { user: session.user, memberships };
  }

  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(@Ctx() context: Context) {
    if (context.viewer) await signOut(context.em, context.viewer.sessionId);
    clearSessionCookie(context.res, isSecure(context));
    return true;
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Ends every session of the signed-in person, on every device. Returns how many.' })
  async signOutEverywhere(@Ctx() context: Context) {
    const ended = await signOutEverywhere(context.em, context.viewer!.user);
    clearSessionCookie(context.res, isSecure(context));
    return ended;
  }
}
