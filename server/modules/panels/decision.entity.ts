import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from '../applications/application.entity.ts';
import { Contribution } from '../funds/contribution.entity.ts';
import { User } from '../users/user.entity.ts';
import { PanelMeeting } from './panel-meeting.entity.ts';

export enum DecisionKind {
  AWARD = 'AWARD',
  DECLINE = 'DECLINE',
  DEFER = 'DEFER',
  REFER = 'REFER',
}

registerEnumType(DecisionKind, { name: 'DecisionKind', description: 'What the panel decided.' });

/** The panel's decision on one application, recorded in the meeting. */
@ObjectType({ description: "The panel's decision on one application." })
@Entity()
export class Decision extends BaseEntity<'version' | 'decidedAt'> {
  @OneToOne(() => Application, { owner: true, unique: true, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @ManyToOne(() => PanelMeeting, { deleteRule: 'cascade' })
  meeting!: Rel<PanelMeeting>;

  @Field(() => DecisionKind)
  @Enum({ items: () => DecisionKind, nativeEnumName: 'decision_kind' })
  kind!: DecisionKind;

  @Field(() => Int, { nullable: true, description: 'For an award (pence).' })
  @Property({ nullable: true })
  amountPence?: number;

  @Field({ nullable: true, description: 'Conditions of an award, or the reason for a decline.' })
  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Field({ nullable: true, description: 'Feedback for the group (decline), or the question to answer (defer).' })
  @Property({ type: 'text', nullable: true })
  message?: string;

  @Field({ nullable: true, description: 'The funder outside the pool it was referred to.' })
  @Property({ length: 200, nullable: true })
  referredTo?: string;

  @Field(() => User)
  @ManyToOne(() => User)
  decidedBy!: Rel<User>;

  @Field()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  decidedAt: Date = new Date();

  @Field(() => Int, { description: 'Send it back when you change the decision, so no one overwrites a change they did not see.' })
  @Property({ version: true })
  version: number = 1;

  @OneToMany(() => AwardDraw, (draw) => draw.decision)
  draws = new Collection<AwardDraw>(this);
}

/** The part of an award paid from one contribution. */
@ObjectType({ description: 'The part of an award paid from one contribution.' })
@Entity()
export class AwardDraw extends BaseEntity {
  @Index()
  @ManyToOne(() => Decision, { deleteRule: 'cascade' })
  decision!: Rel<Decision>;

  @Field(() => Contribution)
  @ManyToOne(() => Contribution)
  contribution!: Rel<Contribution>;

  @Field(() => Int)
  @Property()
  amountPence!: number;
}
