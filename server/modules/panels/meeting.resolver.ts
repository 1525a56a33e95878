import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { Application } from '../applications/application.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { PanelMeeting } from './panel-meeting.entity.ts';

// Meetings are reached through a fund, which only its members can read.
@Resolver(() => Fund)
export class FundMeetingsResolver {
  @FieldResolver(() => [PanelMeeting], { description: 'Panel meetings, latest first.' })
  meetings(@Root() fund: Fund, @Ctx() { em }: Context, @Arg('limit', () => Int, { defaultValue: 10 }) limit = 10) {
    return em.find(PanelMeeting, { fund }, { orderBy: { meetsAt: 'desc' }, limit: Math.min(Math.max(limit, 1), 100) });
  }
}

@Resolver(() => PanelMeeting)
export class PanelMeetingResolver {
  @FieldResolver(() => [Application], { description: 'The applications on this meeting’s agenda, oldest ready first.' })
  agenda(@Root() meeting: PanelMeeting, @Ctx() { em }: Context) {
    return em.find(Application, { meeting }, { orderBy: { readyForPanelAt: 'asc', reference: 'asc' }, populate: ['group', 'phase'] });
  }
}
