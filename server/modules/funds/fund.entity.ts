import { Collection } from '@mikro-orm/core';
import { Entity, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Contribution } from './contribution.entity.ts';
import { FundMembership } from './fund-membership.entity.ts';
import { Phase } from './phase.entity.ts';

@ObjectType({ description: 'A pooled fund that several funders pay into and decide on together.' })
@Entity()
export class Fund extends BaseEntity<'reservedPence' | 'isDemo' | 'currency' | 'version' | 'lastReferenceNumber' | 'areaCodes'> {
  @Field()
  @Property({ length: 120 })
  name!: string;

  @Field({ description: 'URL-safe name used in public links.' })
  @Unique()
  @Property({ length: 80 })
  slug!: string;

  @Field({ description: 'The shared purpose, shown at the top of every funder screen.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field({ description: 'Where the fund works, in words applicants recognise, e.g. "Riverdale district".' })
  @Property({ length: 200 })
  areaDescription!: string;

  /**
   * The areas the fund covers, by code: usually local authorities, or some wards or LSOAs. The areas
   * inside them (`fundAreas`) are what officers place applications in and what the map draws.
   */
  @Field(() => [String], { description: 'Codes of the areas the fund covers (local authorities, wards or LSOAs); the areas inside them count too.' })
  @Property({ type: 'text[]' })
  areaCodes: string[] = [];

  @Field({ description: 'Letters that start every application reference, e.g. RD.' })
  @Property({ length: 6 })
  referencePrefix!: string;

  /** The number in the last reference issued; raised in the same transaction as each submission. */
  @Property()
  lastReferenceNumber: number = 0;

  @Field()
  @Property({ length: 3 })
  currency: string = 'GBP';

  @Field(() => Int, { description: 'Money held back, e.g. for a second wave (pence).' })
  @Property()
  reservedPence: number = 0;

  @Field(() => Int, { nullable: true, description: 'Largest award to an unconstituted group (pence).' })
  @Property({ nullable: true })
  unconstitutedCapPence?: number;

  @Field(() => Int, { description: 'Day of the weekly panel, 1 = Monday ... 7 = Sunday (Europe/London).' })
  @Property({ type: 'smallint' })
  panelWeekday!: number;

  @Field({ description: 'Time of the weekly panel, HH:MM in Europe/London.' })
  @Property({ length: 5 })
  panelTime!: string;

  @Field(() => Int, { description: 'Hours before the panel by which applications must be ready.' })
  @Property({ type: 'smallint' })
  cutoffHoursBefore!: number;

  @Field({ description: 'True for the fictional demonstration fund.' })
  @Property()
  isDemo: boolean = false;

  /** The 360Giving publisher prefix a coordinator set; empty means the default made from the slug (open-data module). */
  @Property({ type: 'string', length: 60, nullable: true })
  openDataPrefix?: string | null;

  @Property({ version: true })
  version: number = 1;

  @OneToMany(() => Phase, (phase) => phase.fund, { orderBy: { position: 'asc' } })
  phases = new Collection<Phase>(this);

  @OneToMany(() => Contribution, (contribution) => contribution.fund)
  contributions = new Collection<Contribution>(this);

  @OneToMany(() => FundMembership, (membership) => membership.fund)
  memberships = new Collection<FundMembership>(this);
}
