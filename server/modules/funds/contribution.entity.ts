import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Funder } from '../funders/funder.entity.ts';
import { Fund } from './fund.entity.ts';
import { Phase } from './phase.entity.ts';

@ObjectType({ description: "A funder's payment into the pool and the restrictions that come with it." })
@Entity()
export class Contribution extends BaseEntity<'restrictedToPriorities' | 'restrictedToAreas' | 'excludesUnconstituted' | 'version'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field(() => Funder)
  @ManyToOne(() => Funder)
  funder!: Rel<Funder>;

  @Field(() => Int, { description: 'Amount contributed (pence).' })
  @Property()
  amountPence!: number;

  @Field({ description: 'Date the money was received or pledged (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field(() => [String], { description: 'Only for these priorities; empty means any.' })
  @Property({ type: 'text[]' })
  restrictedToPriorities: string[] = [];

  @Field(() => [String], { description: 'Only for these area codes; empty means anywhere in the fund.' })
  @Property({ type: 'text[]' })
  restrictedToAreas: string[] = [];

  @Field({ description: 'True when this money may not go to unconstituted groups.' })
  @Property()
  excludesUnconstituted: boolean = false;

  @Field(() => Phase, { nullable: true, description: 'Only for this phase, when set.' })
  @ManyToOne(() => Phase, { nullable: true })
  restrictedToPhase?: Rel<Phase>;

  @Field({ nullable: true, description: 'Must be spent by this date (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  spendBy?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @Field(() => Int, { description: 'Send it back when you change the contribution, so no one overwrites a change they did not see.' })
  @Property({ version: true })
  version: number = 1;
}
