import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from '../applications/application.entity.ts';

/** Where a grant is paid. Every field is encrypted (BankVault); no GraphQL type exposes it in clear. */
@Entity()
export class BankDetails extends BaseEntity<'updatedAt'> {
  @OneToOne(() => Application, { owner: true, unique: true, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Property({ type: 'text' })
  accountNameEncrypted!: string;

  @Property({ type: 'text' })
  sortCodeEncrypted!: string;

  @Property({ type: 'text' })
  accountNumberEncrypted!: string;

  /** BankVault.accountKey of the account: lets the duplicates engine spot one account given twice. */
  @Index()
  @Property({ length: 64, nullable: true })
  accountKey?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** A one-use link asking a group (or its host) for bank details once money is to be paid. */
@Entity()
@Index({ properties: ['application'] })
export class BankDetailsRequest extends BaseEntity<'usedAt'> {
  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Rel<Application>;

  @Property({ length: 254 })
  email!: string;

  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date;
}
