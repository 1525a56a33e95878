import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { FundRole, InviteState } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Funder } from '../funders/funder.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { User } from '../users/user.entity.ts';

/**
 * An emailed invitation to take a role in a fund. Like a sign-in link it works once and only the
 * SHA-256 of its token is stored; accepting it signs the person in and adds their role.
 */
@ObjectType({ description: 'An invitation, sent by email, to take a role in a fund.' })
@Entity()
@Index({ properties: ['fund', 'createdAt'] })
export class FundInvite extends BaseEntity<'acceptedAt' | 'acceptedBy' | 'revokedAt' | 'revokedBy'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field({ description: 'Lower-cased address the invite was sent to.' })
  @Property({ length: 254 })
  email!: string;

  @Field({ description: 'The name the person is greeted by, and given if they are new to the portal.' })
  @Property({ length: 120 })
  name!: string;

  @Field(() => FundRole)
  @Enum({ items: () => FundRole, nativeEnumName: 'fund_role' })
  role!: FundRole;

  @Field(() => Funder, { nullable: true, description: 'The funder the person will represent.' })
  @ManyToOne(() => Funder, { nullable: true })
  funder?: Rel<Funder>;

  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @Field({ description: 'After this the link no longer works (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => User)
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  invitedBy!: Rel<User>;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acceptedAt?: Date;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  acceptedBy?: Rel<User>;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  revokedBy?: Rel<User>;
}

export function inviteState(invite: Pick<FundInvite, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InviteState {
  if (invite.acceptedAt) return InviteState.ACCEPTED;
  if (invite.revokedAt) return InviteState.REVOKED;
  return invite.expiresAt <= now ? InviteState.EXPIRED : InviteState.PENDING;
}
