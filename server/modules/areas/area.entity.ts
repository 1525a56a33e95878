import type { Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AreaKind } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { AreaImport } from './area-import.entity.ts';
import type { AreaGeometry } from './geometry.ts';

/**
 * An official area (LSOA, ward or local authority), national rather than per fund: ONS codes name the
 * same place for every fund. Its figures come from separate files (boundaries; deprivation; population),
 * so each may be missing until its file is imported, and each remembers the import that set it.
 */
@ObjectType({ description: 'An official area (LSOA, ward or local authority) with its ONS code, boundary, population and deprivation.' })
@Entity()
@Index({ properties: ['kind', 'localAuthorityCode'] })
@Check({ name: 'area_imd_decile_range', expression: '(imd_decile >= 1) AND (imd_decile <= 10)' })
export class Area extends BaseEntity<'updatedAt' | 'demo'> {
  @Field({ description: 'The ONS (GSS) code, e.g. E01019078.' })
  @Property({ length: 9, unique: true })
  code!: string;

  @Field(() => AreaKind)
  @Enum({ items: () => AreaKind, nativeEnumName: 'area_kind' })
  kind!: AreaKind;

  @Field({ description: 'The official name, e.g. "Allerdale 007A" or "Botcherby".' })
  @Property({ length: 200 })
  name!: string;

  @Field({ nullable: true, description: 'The code of the local authority the area is in; empty for a local authority.' })
  @Property({ length: 9, nullable: true })
  localAuthorityCode?: string;

  /** For an LSOA: the ward holding its centroid, or failing that the ward most of its postcodes are in. */
  @Field({ nullable: true, description: 'For an LSOA, the code of its ward (the ward holding its centre, or where most of its postcodes are), when known.' })
  @Property({ length: 9, nullable: true })
  wardCode?: string;

  /**
   * Ready to draw: coordinates are longitude and latitude rounded to 5 decimal places (about 1 m), and
   * rings are wound as d3-geo expects (outer rings clockwise, holes anticlockwise). Lazy, as it is by
   * far the largest column and most reads need only the figures.
   */
  @Property({ type: 'json', nullable: true, lazy: true })
  geometry?: AreaGeometry;

  @Field(() => Float, { nullable: true, description: 'Area in km², from the boundary.' })
  @Property({ type: 'double', nullable: true })
  areaKm2?: number;

  /** The boundary's centroid, or a point inside it where the centroid falls outside (a crescent, islands). */
  @Property({ type: 'double', nullable: true })
  centroidLon?: number;

  @Property({ type: 'double', nullable: true })
  centroidLat?: number;

  @Field(() => Int, { nullable: true, description: 'People living here, from the population file; empty until imported.' })
  @Property({ type: 'int', nullable: true })
  population?: number;

  @Field(() => Int, { nullable: true, description: 'Index of Multiple Deprivation rank among English LSOAs: 1 is the most deprived.' })
  @Property({ type: 'int', nullable: true })
  imdRank?: number;

  @Field(() => Int, { nullable: true, description: 'Index of Multiple Deprivation decile: 1 is the most deprived tenth of English LSOAs, 10 the least.' })
  @Property({ type: 'smallint', nullable: true })
  imdDecile?: number;

  @Field({ description: 'Generated for the demo fund: a fictional area, not a real place.' })
  @Property()
  demo: boolean = false;

  @ManyToOne(() => AreaImport, { nullable: true, deleteRule: 'set null' })
  boundaryImport?: Rel<AreaImport>;

  @ManyToOne(() => AreaImport, { nullable: true, deleteRule: 'set null' })
  deprivationImport?: Rel<AreaImport>;

  @ManyToOne(() => AreaImport, { nullable: true, deleteRule: 'set null' })
  populationImport?: Rel<AreaImport>;

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
