import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DuplicateKind, DuplicateVerdict } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { User } from '../users/user.entity.ts';
import { MatchRecord } from './match-record.entity.ts';

/**
 * A suspected duplicate: two records (at least one an application in the pool), the engine's score
 * and its evidence in words, and an officer's review. One row per pair, kept when the engine checks
 * again, so a review is remembered for the pair.
 */
@ObjectType({ description: 'A suspected duplicate: two applications, or an application and a grant another funder made.' })
@Entity()
@Unique({ properties: ['recordA', 'recordB'] })
@Index({ properties: ['recordB'] })
@Index({ properties: ['fund', 'kind'] })
@Check({ name: 'duplicate_flag_pair_order', expression: '(record_a_id < record_b_id)' })
export class DuplicateFlag extends BaseEntity<'updatedAt' | 'version'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  /** The pair, in id order, so each pair has one row. */
  @ManyToOne(() => MatchRecord, { deleteRule: 'cascade' })
  recordA!: Rel<MatchRecord>;

  @ManyToOne(() => MatchRecord, { deleteRule: 'cascade' })
  recordB!: Rel<MatchRecord>;

  @Field(() => DuplicateKind)
  @Enum({ items: () => DuplicateKind, nativeEnumName: 'duplicate_kind' })
  kind!: DuplicateKind;

  /** 0 to 1: the engine's belief that the pair is what `kind` says. */
  @Field(() => Float, { description: '0 to 1: how sure the engine is.' })
  @Property({ type: 'double' })
  score!: number;

  @Field(() => [String], { description: 'The evidence in words, strongest first.' })
  @Property({ type: 'text[]' })
  reasons!: string[];

  /** False once a later check no longer finds the pair; kept for its review. */
  @Field({ description: 'False once a later check no longer finds the pair (kept for its review).' })
  @Property()
  current: boolean = true;

  @Field(() => DuplicateVerdict, { nullable: true, description: 'What an officer decided; empty until reviewed.' })
  @Enum({ items: () => DuplicateVerdict, nativeEnumName: 'duplicate_verdict', nullable: true })
  verdict?: DuplicateVerdict;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  reviewedBy?: Rel<User>;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  reviewedAt?: Date;

  @Field(() => Int)
  @Property({ version: true })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
