import type { Rel } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from '../applications/application.entity.ts';
import { User } from '../users/user.entity.ts';
import { PanelPerson } from './panel-person.ts';

export const SCORE_MIN = 1;
export const SCORE_MAX = 4;

/** A panellist's score for an application, seen by the whole panel: there are no separate pre-meetings. */
@ObjectType({ description: "A panellist's view of an application before the meeting, shared with the whole panel." })
@Entity()
@Unique({ properties: ['application', 'panellist'] })
// Written as PostgreSQL prints it back, so the schema check sees no difference.
@Check({ name: 'score_value_range', expression: '(value >= 1) AND (value <= 4)' })
export class Score extends BaseEntity<'updatedAt' | 'comment'> {
  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => PanelPerson)
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  panellist!: Rel<User>;

  @Field(() => Int, { nullable: true, description: '1 (do not fund) to 4 (fund it); empty when the panellist had not enough knowledge to score.' })
  @Property({ type: 'smallint', nullable: true })
  value?: number;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string;

  @Field()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
