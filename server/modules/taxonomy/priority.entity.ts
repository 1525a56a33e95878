import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { PriorityKind } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';

/**
 * One priority in a fund's taxonomy. Applications, contributions and focus marks hold its key, which
 * never changes; the coordinator may rename, describe, reorder and retire it. A retired priority
 * stays on what already has it, and in reports, but is no longer offered to applicants.
 */
@ObjectType({ description: "A theme or community in the fund's shared priority taxonomy." })
@Entity()
@Unique({ properties: ['fund', 'key'] })
@Index({ properties: ['fund', 'position'] })
// Written as PostgreSQL prints it back, so the schema check sees no difference.
@Check({ name: 'priority_key_format', expression: "((key)::text ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text)" })
export class Priority extends BaseEntity<'retired' | 'version' | 'description'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field({ description: 'Stable key held by applications and contributions, e.g. older-people. Never changes.' })
  @Property({ length: 60 })
  key!: string;

  @Field({ description: 'What people read, e.g. "Older people".' })
  @Property({ length: 80 })
  label!: string;

  @Field(() => PriorityKind)
  @Enum({ items: () => PriorityKind, nativeEnumName: 'priority_kind' })
  kind!: PriorityKind;

  @Field(() => String, { nullable: true, description: 'A short description, shown to applicants as a hint.' })
  @Property({ type: 'string', length: 300, nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Order in lists: lowest first.' })
  @Property()
  position!: number;

  @Field({ description: 'Retired priorities stay on what has them, but are not offered any more.' })
  @Property()
  retired: boolean = false;

  @Field(() => Int, { description: 'Send it back when you change the priority, so no one overwrites a change they did not see.' })
  @Property({ version: true })
  version: number = 1;
}
