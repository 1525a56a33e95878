import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { EmailStatus } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';

@ObjectType({ description: 'An email in the outbox: kept for reading, queued, sent or failed.' })
@Entity()
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboundEmail extends BaseEntity<'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError'> {
  @Field()
  @Property({ length: 254 })
  toAddress!: string;

  @Field()
  @Property({ length: 200 })
  subject!: string;

  @Field({ description: 'Plain-text body.' })
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'What kind of message this is, e.g. sign-in-link.' })
  @Property({ length: 40 })
  kind!: string;

  @Field(() => EmailStatus)
  @Enum({ items: () => EmailStatus, nativeEnumName: 'email_status' })
  status!: EmailStatus;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string;
}
