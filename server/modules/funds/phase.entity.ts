import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { PhaseKind, PhaseStatus } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { User } from '../users/user.entity.ts';
import { Fund } from './fund.entity.ts';

@ObjectType({ description: 'A stage of a fund (emergency, recovery ...) with its own criteria and limits.' })
@Entity()
@Unique({ properties: ['fund', 'position'] })
export class Phase extends BaseEntity<'status' | 'openedAt' | 'closedAt' | 'openedBy'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field()
  @Property({ length: 80 })
  name!: string;

  @Field(() => PhaseKind)
  @Enum({ items: () => PhaseKind, nativeEnumName: 'phase_kind' })
  kind!: PhaseKind;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  position!: number;

  @Field({ description: 'What this phase funds, in plain words.' })
  @Property({ type: 'text' })
  criteria!: string;

  @Field(() => Int)
  @Property()
  minAwardPence!: number;

  @Field(() => Int)
  @Property()
  maxAwardPence!: number;

  @Field(() => PhaseStatus)
  @Enum({ items: () => PhaseStatus, nativeEnumName: 'phase_status' })
  status: PhaseStatus = PhaseStatus.PLANNED;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  openedAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;

  /** The coordinator who decided to open this phase; empty for phases opened when the fund was set up. */
  @Field(() => User, { nullable: true, description: 'Who decided to open this phase.' })
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  openedBy?: Rel<User>;
}
