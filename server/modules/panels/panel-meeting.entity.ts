import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}

registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

export interface Minutes {
  attendees: { name: string; role: string }[];
  decisions: { reference: string; group: string; decision: string; amountPence: number | null; note: string | null }[];
  recusals: { name: string; reference: string; reason: string }[];
}

/** One weekly meeting of a fund's joint panel. Its agenda is built at the cut-off by a job. */
@ObjectType({ description: "A weekly meeting of the fund's joint panel." })
@Entity()
@Unique({ properties: ['fund', 'meetsAt'] })
export class PanelMeeting extends BaseEntity<'status' | 'agendaBuiltAt' | 'version' | 'minutes'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field({ description: 'When the panel meets (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  meetsAt!: Date;

  @Field({ description: 'Applications ready by this time are on its agenda (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  cutoffAt!: Date;

  @Field(() => MeetingStatus)
  @Enum({ items: () => MeetingStatus, nativeEnumName: 'meeting_status' })
  status: MeetingStatus = MeetingStatus.SCHEDULED;

  @Field({ nullable: true, description: 'When the agenda was built at the cut-off.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  agendaBuiltAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;

  /** Written when the meeting closes: who was there, what was decided, who stood aside. */
  @Property({ type: 'json', nullable: true })
  minutes?: Minutes;

  @Property({ version: true })
  version: number = 1;
}
