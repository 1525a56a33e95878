import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A counter per fund that database triggers raise, in the same transaction, whenever something a
 * panel pack shows changes (see the migration that adds it). The pack cache keys on it, so a
 * cached pack is never served after a change has committed. Only the triggers write it.
 */
@Entity({ tableName: 'fund_data_version' })
export class FundDataVersion {
  @PrimaryKey({ type: 'uuid' })
  fundId!: string;

  @Property({ type: 'bigint' })
  version!: string;
}
