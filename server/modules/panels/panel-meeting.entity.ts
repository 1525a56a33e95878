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

/** One weekly meeting of a fund's joint panel. Its agenda is built at the cut-off by a job. */
@ObjectType({ description: "A weekly meeting of the fund's joint panel." })
@Entity()
@Unique({ properties: ['fund', 'meetsAt'] })
export class PanelMeeting extends BaseEntity<'status' | 'agendaBuiltAt' | 'version'> {
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

  @Property({ version: true })
  version: number = 1;
}
