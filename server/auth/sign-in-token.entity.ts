import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../db/base.entity.ts';
import { User } from '../modules/users/user.entity.ts';

/** A one-use sign-in link. Only the SHA-256 of the token is stored, so a database leak signs nobody in. */
@Entity()
export class SignInToken extends BaseEntity<'usedAt'> {
  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date;
}
