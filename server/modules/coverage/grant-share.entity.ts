import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Rel } from '@mikro-orm/core';
import { AreaKind } from '../../../shared/domain.ts';
import { Grant } from '../grants/grant.entity.ts';

// What the coverage map reads instead of every grant: written only by the database triggers of
// Migration20261123183500_grant_shares, in the same transaction as the change they follow. The
// entities exist so the schema is described in one place; the map reads them in SQL (coverage-query.ts).

/** A grant's share for one of the area codes its application names (or its only row, without a code), placed at each level. */
@Entity({ tableName: 'grant_share' })
@Index({
  name: 'grant_share_spread_index',
  expression:
    'create index "grant_share_spread_index" on "grant_share" ("fund_id", "grant_id", "place_lsoa", "place_ward", "place_la", "places_lsoa", "places_ward", "places_la", "funder_ids") where "areas" > 1',
})
export class GrantShare {
  @ManyToOne(() => Grant, { primary: true, deleteRule: 'cascade' })
  grant!: Rel<Grant>;

  /** The code's place in the application's list, from 1. */
  @PrimaryKey({ type: 'smallint' })
  position!: number;

  @Index()
  @Property({ type: 'uuid' })
  fundId!: string;

  @Property({ type: 'uuid' })
  phaseId!: string;

  @Property({ type: 'uuid' })
  decisionId!: string;

  /** The award's day in Europe/London. */
  @Property({ type: 'date' })
  awardedOn!: string;

  @Property({ type: 'text[]' })
  tags!: string[];

  /** Areas' changes find the grants to place again by it. */
  @Index()
  @Property({ type: 'text', nullable: true })
  code!: string | null;

  /** How many area codes the application names. */
  @Property({ type: 'smallint' })
  areas!: number;

  @Property({ type: 'bigint' })
  amountPence!: string;

  @Property({ type: 'bigint' })
  sharePence!: string;

  /** Where the share lands on each level's map: an area code, or 'no_area', 'wider:<code>', 'unplaced:<code>'. */
  @Property({ type: 'text' })
  placeLsoa!: string;

  @Property({ type: 'text' })
  placeWard!: string;

  @Property({ type: 'text' })
  placeLa!: string;

  /** In how many places of each level the grant has money (the same on each of its shares). */
  @Property({ type: 'smallint' })
  placesLsoa!: number;

  @Property({ type: 'smallint' })
  placesWard!: number;

  @Property({ type: 'smallint' })
  placesLa!: number;

  /** The funders who paid towards the grant, and each one's pence, in the same order. */
  @Property({ type: 'uuid[]' })
  funderIds!: string[];

  @Property({ type: 'bigint[]' })
  funderPence!: string[];
}

/** The money in one place of one level's map, summed over a fund's grants, for whole grants or one funder's part. */
@Entity({ tableName: 'coverage_money' })
export class CoverageMoney {
  @PrimaryKey({ type: 'uuid' })
  fundId!: string;

  /** The nil UUID for whole grants. */
  @PrimaryKey({ type: 'uuid' })
  funderId!: string;

  @Enum({ items: () => AreaKind, nativeEnumName: 'area_kind', primary: true })
  level!: AreaKind;

  @PrimaryKey({ type: 'text' })
  place!: string;

  @Property({ type: 'int' })
  grants!: number;

  @Property({ type: 'int' })
  singleGrants!: number;

  @Property({ type: 'bigint' })
  pence!: string;
}

/** A fund's grants with one set of priorities, for whole grants or one funder's part. */
@Entity({ tableName: 'coverage_tag_money' })
export class CoverageTagMoney {
  @PrimaryKey({ type: 'uuid' })
  fundId!: string;

  @PrimaryKey({ type: 'uuid' })
  funderId!: string;

  @PrimaryKey({ type: 'text[]' })
  tags!: string[];

  @Property({ type: 'int' })
  grants!: number;

  @Property({ type: 'bigint' })
  pence!: string;
}
