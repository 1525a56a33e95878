import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../db/base.entity.ts';
import { User } from '../modules/users/user.entity.ts';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
@Entity()
@Index({ properties: ['user'] })
export class Session extends BaseEntity<'lastSeenAt'> {
  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt: Date = new Date();
}
