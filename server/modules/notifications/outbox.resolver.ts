import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canOnOutbox } from '../../policies/outbox.policy.ts';
import { OutboundEmail } from './outbound-email.entity.ts';

@Resolver(() => OutboundEmail)
export class OutboxResolver {
  @Authorized()
  @Query(() => [OutboundEmail], { description: 'Recent emails, newest first. Coordinators only.' })
  outbox(@Ctx() { em, viewer, mailer }: Context, @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50) {
    if (!canOnOutbox(viewer, 'list', mailer.sends)) throw errors.forbidden('read the outbox');
    return em.find(OutboundEmail, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: Math.min(Math.max(limit, 1), 200) });
  }

  @FieldResolver(() => String, { description: 'Plain-text body; hidden once mail is really being sent, since it may hold a sign-in link.' })
  body(@Root() email: OutboundEmail, @Ctx() { viewer, mailer }: Context) {
    return canOnOutbox(viewer, 'readBodies', mailer.sends) ? email.body : '(sent by email; not shown here)';
  }
}
