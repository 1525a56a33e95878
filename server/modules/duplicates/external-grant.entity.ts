import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { User } from '../users/user.entity.ts';

/** One 360Giving file a coordinator imported, so duplicates outside the pool are found too. */
@ObjectType({ description: 'A file of grants another funder published (360Giving Data Standard), imported into a fund.' })
@Entity()
@Index({ properties: ['fund', 'createdAt'] })
export class ExternalGrantImport extends BaseEntity {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field()
  @Property({ length: 200 })
  fileName!: string;

  @Field(() => [String], { description: 'The funders whose grants the file holds.' })
  @Property({ type: 'text[]' })
  funderNames!: string[];

  @Field(() => Int, { description: 'Grants to organisations read from the file (new or updated).' })
  @Property()
  grantCount!: number;

  @Field(() => Int, { description: 'Grants to individuals, which are not groups and so were left out.' })
  @Property()
  skippedIndividuals!: number;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  importedBy?: Rel<User>;
}

/** A grant another funder made, as published; matched against the pool's applications. */
@ObjectType({ description: 'A grant another funder published, imported from a 360Giving file.' })
@Entity()
@Unique({ properties: ['fund', 'grantIdentifier'] })
export class ExternalGrant extends BaseEntity {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @ManyToOne(() => ExternalGrantImport, { deleteRule: 'cascade' })
  importedFrom!: Rel<ExternalGrantImport>;

  @Field({ description: "The publisher's grant identifier, e.g. 360G-wolfson-19750." })
  @Property({ length: 200 })
  grantIdentifier!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @Field()
  @Property({ length: 3 })
  currency!: string;

  @Field(() => Int, { description: 'In the smallest unit of the currency (pence for GBP).' })
  @Property({ type: 'bigint' })
  amountAwardedMinor!: number;

  @Field({ description: 'yyyy-mm-dd' })
  @Property({ type: 'date' })
  awardDate!: string;

  @Field({ nullable: true })
  @Property({ type: 'date', nullable: true })
  plannedStart?: string;

  @Field({ nullable: true })
  @Property({ type: 'date', nullable: true })
  plannedEnd?: string;

  @Field()
  @Property({ type: 'text' })
  recipientName!: string;

  @Field({ nullable: true })
  @Property({ length: 200, nullable: true })
  recipientOrgId?: string;

  @Property({ length: 20, nullable: true })
  charityNumber?: string;

  @Property({ length: 20, nullable: true })
  companyNumber?: string;

  /** The recipient's published postcode (an organisation's address, published by the funder). */
  @Property({ length: 10, nullable: true })
  postcode?: string;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  areas: string[] = [];

  @Field()
  @Property({ type: 'text' })
  funderName!: string;

  @Property({ length: 200, nullable: true })
  funderIdentifier?: string;
}
