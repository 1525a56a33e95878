import type { Rel } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { User } from '../users/user.entity.ts';

@ObjectType({ description: 'One change: who did what to which record, and when. Never updated or deleted.' })
@Entity()
@Index({ properties: ['fundId', 'at'] })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEvent {
  [OptionalProps]?: 'id' | 'at';

  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @Field(() => User, { nullable: true, description: 'Who made the change; empty for the system itself.' })
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor?: Rel<User>;

  @Field({ description: 'What happened, e.g. fund.updated, auth.signed-in.' })
  @Property({ length: 60 })
  action!: string;

  @Field()
  @Property({ length: 60 })
  entityType!: string;

  @Field()
  @Property({ length: 60 })
  entityId!: string;

  @Property({ type: 'uuid', nullable: true })
  fundId?: string;

  @Field(() => GraphQLJSONObject, { description: 'Changed fields as { field: [before, after] }.' })
  @Property({ type: 'json' })
  changes: Record<string, unknown> = {};
}
