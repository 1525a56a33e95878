import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { ApplicationStatus } from '../../../shared/domain.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Phase } from '../funds/phase.entity.ts';
import { PanelMeeting } from '../panels/panel-meeting.entity.ts';
import { ApplicantGroup } from './applicant-group.entity.ts';

export interface Checklist {
  eligibilityConfirmed?: boolean;
  hostOrRefereeConfirmed?: boolean;
  /** NOT_NEEDED when the group does not work with children or adults at risk. */
  safeguarding?: 'NOT_NEEDED' | 'POLICY_SEEN' | 'MISSING';
  bankDetailsChecked?: boolean;
}

@ObjectType({ description: "A group's request for money from one phase of a fund." })
@Entity()
@Index({ properties: ['fund', 'status'] })
export class Application extends BaseEntity<'status' | 'assisted' | 'updatedAt' | 'submittedAt' | 'priorityTags' | 'areaCodes' | 'checklist' | 'version'> {
  @Field({ description: 'Reference quoted to the group, e.g. PF-24-00017.' })
  @Unique()
  @Property({ length: 20 })
  reference!: string;

  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @Field(() => Phase, { description: 'Applications belong to the phase they applied in.' })
  @ManyToOne(() => Phase)
  phase!: Rel<Phase>;

  @Field(() => ApplicantGroup)
  @ManyToOne(() => ApplicantGroup)
  group!: Rel<ApplicantGroup>;

  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'application_status' })
  status: ApplicationStatus = ApplicationStatus.DRAFT;

  @Field({ description: 'What the money is for, in a few words.' })
  @Property({ length: 200 })
  title!: string;

  @Field({ description: "The group's own short description of the work." })
  @Property({ type: 'text' })
  summary!: string;

  @Field({ nullable: true, description: 'What the group will do, in its own words.' })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @Field({ nullable: true, description: 'Who will benefit.' })
  @Property({ type: 'text', nullable: true })
  beneficiaries?: string;

  @Field({ nullable: true, description: 'Roughly how the money will be spent.' })
  @Property({ type: 'text', nullable: true })
  budget?: string;

  @Field(() => Int)
  @Property()
  amountRequestedPence!: number;

  @Field({ description: 'True when a funder officer filled this in for the group, e.g. by phone.' })
  @Property()
  assisted: boolean = false;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date;

  @Field(() => [String], { description: 'Shared priority tags (keys from the fund taxonomy), added by the group and by officers.' })
  @Property({ type: 'text[]' })
  priorityTags: string[] = [];

  /**
   * The areas the work serves, by code (LSOA, ward or local authority): found from the group's postcode
   * when the fund has a postcode lookup, or chosen by the group or an officer from the fund's areas.
   */
  @Field(() => [String], { description: 'Codes of the areas the work serves (LSOA, ward or local authority).' })
  @Property({ type: 'text[]' })
  areaCodes: string[] = [];

  /** The officers' due-diligence checklist, filled in at triage. */
  @Property({ type: 'json' })
  checklist: Checklist = {};

  @Field({ nullable: true, description: 'When an officer marked it ready for the panel; ready by the cut-off means the next meeting.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readyForPanelAt?: Date;

  /** The meeting whose agenda it is on, once the cut-off has passed. */
  @ManyToOne(() => PanelMeeting, { nullable: true, deleteRule: 'set null' })
  meeting?: Rel<PanelMeeting>;

  @Property({ version: true })
  version: number = 1;

  @Field()
  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
