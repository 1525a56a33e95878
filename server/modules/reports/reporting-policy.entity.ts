import type { Rel } from '@mikro-orm/core';
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';

/**
 * How much a fund asks its grants to report, by size: nothing below one amount, a few sentences and
 * an optional photo up to another, then a short form; due some weeks after the award. A fund without
 * a row uses `DEFAULT_REPORTING_POLICY`; the coordinator's first change creates it.
 */
@Entity()
export class ReportingPolicy extends BaseEntity<'version' | 'updatedAt'> {
  @OneToOne(() => Fund, { owner: true, unique: true, deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Property()
  sentencesFromPence!: number;

  @Property()
  shortFormFromPence!: number;

  @Property({ type: 'smallint' })
  dueWeeks!: number;

  @Property({ version: true })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** The policy as the API shows it: the fund's own, or the defaults (version 0) until it sets one. */
@ObjectType('ReportingPolicy', { description: "A fund's reporting policy: what each size of grant is asked to report, and when." })
export class ReportingPolicyView {
  @Field(() => Int, { description: 'Grants of this amount or more (pence) report a few sentences and an optional photo; smaller grants report nothing.' })
  sentencesFromPence!: number;

  @Field(() => Int, { description: 'Grants of this amount or more (pence) fill in the short form.' })
  shortFormFromPence!: number;

  @Field(() => Int, { description: 'Reports are due this many weeks after the award.' })
  dueWeeks!: number;

  @Field(() => Int, { description: 'Send it back when you change the policy; 0 while the fund uses the defaults.' })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When the policy was last changed (UTC); none while the fund uses the defaults.' })
  updatedAt!: Date | null;
}
