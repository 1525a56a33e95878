import { ArrayMaxSize, IsUUID } from 'class-validator';
import { ref } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { FundMembership } from '../funds/fund-membership.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { closeMeeting } from './close-meeting.ts';
import { MeetingStatus, PanelMeeting } from './panel-meeting.entity.ts';

// Meetings are reached through a fund, which only its members can read.
@Resolver(() => Fund)
export class FundMeetingsResolver {
  @FieldResolver(() => [PanelMeeting], { description: 'Panel meetings, latest first.' })
  meetings(@Root() fund: Fund, @Ctx() { em }: Context, @Arg('limit', () => Int, { defaultValue: 10 }) limit = 10) {
    return em.find(PanelMeeting, { fund }, { orderBy: { meetsAt: 'desc' }, limit: Math.min(Math.max(limit, 1), 100) });
  }

  @FieldResolver(() => PanelMeeting, { nullable: true, description: 'The earliest meeting not yet closed: the one to prepare for, or to finish.' })
  upcomingMeeting(@Root() fund: Fund, @Ctx() { em }: Context) {
    return em.findOne(PanelMeeting, { fund, status: { $ne: MeetingStatus.CLOSED } }, { orderBy: { meetsAt: 'asc' } });
  }
}

@Resolver(() => PanelMeeting)
export class PanelMeetingResolver {
  @Authorized()
  @Query(() => PanelMeeting, { description: 'One panel meeting of a fund you have a role in: its pack.' })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context) {
    const meeting = await findById(em, PanelMeeting, id, { populate: ['fund'] });
    if (!meeting || !canOnFund(viewer, 'view', meeting.fund)) throw errors.notFound('meeting');
    return meeting;
  }

  @FieldResolver(() => Fund)
  fund(@Root() meeting: PanelMeeting) {
    return ref(meeting.fund).loadOrFail();
  }

  @FieldResolver(() => [FundMembership], { description: 'Everyone with a role in the fund: who may attend the meeting.' })
  people(@Root() meeting: PanelMeeting, @Ctx() { em }: Context) {
    return em.find(FundMembership, { fund: meeting.fund }, { populate: ['user', 'funder'], orderBy: { user: { name: 'asc' }, role: 'asc' } });
  }

  @FieldResolver(() => [Application], { description: 'The applications on this meeting’s agenda, oldest ready first.' })
  agenda(@Root() meeting: PanelMeeting, @Ctx() { em }: Context) {
    return em.find(Application, { meeting }, { orderBy: { readyForPanelAt: 'asc', reference: 'asc' }, populate: ['group', 'phase'] });
  }
}

@ObjectType()
class MinutesAttendee {
  @Field() name!: string;
  @Field() role!: string;
}

@ObjectType()
class MinutesDecision {
  @Field() reference!: string;
  @Field() group!: string;
  @Field({ description: 'Awarded, Declined, Deferred or Referred.' }) decision!: string;
  @Field(() => Int, { nullable: true }) amountPence?: number | null;
  @Field(() => String, { nullable: true, description: 'Conditions, reason, question or the funder referred to.' }) note?: string | null;
}

@ObjectType()
class MinutesRecusal {
  @Field() name!: string;
  @Field() reference!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'The minutes written when a meeting closes.' })
class MinutesView {
  @Field(() => [MinutesAttendee]) attendees!: MinutesAttendee[];
  @Field(() => [MinutesDecision]) decisions!: MinutesDecision[];
  @Field(() => [MinutesRecusal]) recusals!: MinutesRecusal[];
}

@InputType()
class CloseMeetingInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a meeting.' }) meetingId!: string;
  @Field(() => [ID], { description: 'Who attended.' }) @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'Choose the people who attended.' }) attendeeIds!: string[];
}

@Resolver(() => PanelMeeting)
export class CloseMeetingResolver {
  @Authorized()
  @Mutation(() => PanelMeeting, { description: 'Closes a meeting: minutes, decision emails, and a grant with a payment due for each award. Coordinators only.' })
  closeMeeting(@Arg('input') input: CloseMeetingInput, @Ctx() { em, mailer, viewer, config }: Context) {
    return closeMeeting(em, mailer, viewer!, input, config.publicUrl);
  }

  @FieldResolver(() => MinutesView, { nullable: true })
  minutes(@Root() meeting: PanelMeeting) {
    return meeting.minutes ?? null;
  }
}
