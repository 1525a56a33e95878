import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from '../applications/application.entity.ts';
import { User } from '../users/user.entity.ts';
import { PanelPerson } from './panel-person.ts';

/**
 * A panellist's declared conflict of interest. From then on they cannot score the application, read
 * private notes on it or take part in its decision; the minutes record the recusal.
 */
@ObjectType({ description: 'A declared conflict of interest: the panellist stands aside from this application.' })
@Entity()
@Unique({ properties: ['application', 'panellist'] })
export class ConflictOfInterest extends BaseEntity {
  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => PanelPerson)
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  panellist!: Rel<User>;

  @Field({ description: 'In their words, e.g. "I am a trustee of this group".' })
  @Property({ length: 500 })
  reason!: string;
}
