import type { Rel } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AreaImport } from './area-import.entity.ts';

/**
 * Where a postcode is, from the ONS postcode directory: the codes of its LSOA, ward and local authority.
 * Codes, not links to areas, because the lookup covers far more places than the areas a deployment
 * has boundaries for.
 */
@Entity()
@Index({ properties: ['lsoaCode'] })
export class PostcodeArea {
  [OptionalProps]?: 'updatedAt';

  /** Normalised: "CA1 2AB". */
  @PrimaryKey({ length: 8 })
  postcode!: string;

  @Property({ length: 9, nullable: true })
  lsoaCode?: string;

  @Property({ length: 9, nullable: true })
  wardCode?: string;

  @Property({ length: 9, nullable: true })
  localAuthorityCode?: string;

  @ManyToOne(() => AreaImport, { deleteRule: 'cascade' })
  importedFrom!: Rel<AreaImport>;

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
