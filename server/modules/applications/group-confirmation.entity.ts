import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from './application.entity.ts';

export enum ConfirmationKind {
  HOST = 'HOST',
  REFEREE = 'REFEREE',
}

export enum ConfirmationStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
}

registerEnumType(ConfirmationKind, { name: 'ConfirmationKind', description: 'Who vouches for an unconstituted group.' });
registerEnumType(ConfirmationStatus, { name: 'ConfirmationStatus' });

/**
 * An unconstituted group's host organisation or referee, asked by email link to confirm that they
 * will hold the money or vouch for the group. Only the hash of the link's token is stored.
 */
@ObjectType({ description: "A host organisation's or referee's answer for an unconstituted group. Personal data: staff only." })
@Entity()
@Index({ properties: ['application'] })
export class GroupConfirmation extends BaseEntity<'status' | 'respondedAt' | 'note'> {
  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Field(() => ConfirmationKind)
  @Enum({ items: () => ConfirmationKind, nativeEnumName: 'confirmation_kind' })
  kind!: ConfirmationKind;

  @Field({ description: 'The person asked.' })
  @Property({ length: 120 })
  name!: string;

  @Field({ description: 'Their organisation.' })
  @Property({ length: 200 })
  organisation!: string;

  @Field()
  @Property({ length: 254 })
  email!: string;

  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @Field(() => ConfirmationStatus)
  @Enum({ items: () => ConfirmationStatus, nativeEnumName: 'confirmation_status' })
  status: ConfirmationStatus = ConfirmationStatus.PENDING;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date;

  @Field({ nullable: true, description: 'What they added, in their words.' })
  @Property({ type: 'text', nullable: true })
  note?: string;
}
