import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { AreaImportKind } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { User } from '../users/user.entity.ts';

/** One area file imported, by a coordinator on the admin screen or with `npm run areas:import`. */
@ObjectType({ description: 'One area file imported: boundaries, deprivation, population or a postcode lookup.' })
@Entity()
@Index({ properties: ['createdAt'] })
export class AreaImport extends BaseEntity<'areasCreated' | 'areasUpdated' | 'postcodes'> {
  @Field(() => AreaImportKind)
  @Enum({ items: () => AreaImportKind, nativeEnumName: 'area_import_kind' })
  kind!: AreaImportKind;

  @Field()
  @Property({ length: 200 })
  fileName!: string;

  @Field(() => Int, { description: 'Features (boundary files) or rows (CSV files) read.' })
  @Property()
  rowsRead!: number;

  @Field(() => Int, { description: 'Areas the file added.' })
  @Property()
  areasCreated: number = 0;

  @Field(() => Int, { description: 'Areas already known that the file updated.' })
  @Property()
  areasUpdated: number = 0;

  @Field(() => Int, { description: 'Postcodes stored (postcode lookups only).' })
  @Property()
  postcodes: number = 0;

  /** Empty when imported with the command, which runs as no one in particular. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  importedBy?: Rel<User>;
}
