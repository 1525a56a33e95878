import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from '../applications/application.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { ExternalGrant } from './external-grant.entity.ts';
import type { GrantRecord } from './grant-record.ts';

/**
 * What the duplicates engine knows about one application or imported grant, kept ready for searching:
 * blocking keys (GIN) and the core name, which each server holds in memory (fund-names.ts). Server-side
 * only: it holds contact details and a keyed hash of the bank account, and no GraphQL type exposes it.
 */
@Entity()
@Index({ name: 'match_record_keys_gin', expression: 'create index "match_record_keys_gin" on "match_record" using gin ("keys")' })
@Index({ properties: ['fund', 'nameTxid'] })
@Index({ properties: ['fund'] })
@Check({ name: 'match_record_one_source', expression: '(num_nonnulls(application_id, external_grant_id) = 1)' })
export class MatchRecord extends BaseEntity<'updatedAt'> {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @OneToOne(() => Application, { owner: true, nullable: true, unique: true, deleteRule: 'cascade' })
  application?: Rel<Application>;

  @OneToOne(() => ExternalGrant, { owner: true, nullable: true, unique: true, deleteRule: 'cascade' })
  externalGrant?: Rel<ExternalGrant>;

  @Property({ type: 'text' })
  nameCore!: string;

  /**
   * The transaction that last wrote the core name or the keys (set by a trigger), so that each server's
   * name index can read the names and postcodes changed since it last looked, including those of
   * transactions still open then.
   */
  @Property({ type: 'bigint' })
  nameTxid!: string;

  @Property({ type: 'text[]' })
  keys!: string[];

  /** The engine's input, without the id (which is this row's). */
  @Property({ type: 'jsonb' })
  record!: Omit<GrantRecord, 'id'>;

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
