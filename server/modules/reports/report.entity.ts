import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportStatus, StoryConsent, type ReportPageId } from '../../../shared/reporting.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Grant } from '../grants/grant.entity.ts';
import { User } from '../users/user.entity.ts';

registerEnumType(ReportStatus, { name: 'ReportStatus', description: 'A report being filled in, or sent.' });
registerEnumType(StoryConsent, { name: 'StoryConsent', description: "Whether the group's story and photo may be shared beyond the fund's staff, and with whom." });

/** Text typed on a page of the report and saved as it was typed, before the page was sent: not yet checked. */
export type ReportTyping = Partial<Record<ReportPageId, Record<string, string>>>;

/**
 * A grant's report: the group's answers, saved page by page as it goes (or all at once when an officer
 * takes it by phone), then sent. The answers are typed columns so the funders' totals can add them up.
 */
@ObjectType({ description: "A grant's report: a few sentences, or a short form, with an optional photo." })
@Entity()
@Index({ properties: ['status'] })
export class Report extends BaseEntity<'status' | 'typing' | 'updatedAt'> {
  @OneToOne(() => Grant, { owner: true, unique: true, deleteRule: 'cascade' })
  grant!: Rel<Grant>;

  @Field(() => ReportStatus)
  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status' })
  status: ReportStatus = ReportStatus.DRAFT;

  @Field({ nullable: true, description: 'For a few sentences: what the grant paid for and what difference it made.' })
  @Property({ type: 'text', nullable: true })
  sentences?: string;

  @Field({ nullable: true, description: 'Short form: what happened.' })
  @Property({ type: 'text', nullable: true })
  whatHappened?: string;

  @Field(() => Int, { nullable: true, description: 'Short form: roughly how many people took part.' })
  @Property({ nullable: true })
  peopleCount?: number;

  @Field({ nullable: true, description: 'Short form: one story.' })
  @Property({ type: 'text', nullable: true })
  story?: string;

  @Field({ nullable: true, description: 'Short form: what changed.' })
  @Property({ type: 'text', nullable: true })
  whatChanged?: string;

  @Field(() => Int, { nullable: true, description: 'Short form: money left over (pence); 0 when none.' })
  @Property({ nullable: true })
  moneyLeftPence?: number;

  @Field(() => StoryConsent, { nullable: true, description: 'Whether the story (the sentences or the one story) and the photo may be shared, and with whom.' })
  @Enum({ items: () => StoryConsent, nativeEnumName: 'story_consent', nullable: true })
  storyConsent?: StoryConsent;

  @Field({ nullable: true, description: 'When the report was sent (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date;

  /** The officer who took the report by phone; none when the group sent it by its link. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  takenBy?: Rel<User>;

  @Property({ type: 'json' })
  typing: ReportTyping = {};

  @Field({ description: 'When an answer was last saved (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  /** When the "due soon" reminder went; cleared when the due date moves. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dueSoonRemindedAt?: Date;

  /** When the "overdue" reminder went; cleared when the due date moves. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  overdueRemindedAt?: Date;
}

/**
 * A link to a report, emailed to the group: whoever holds it can fill in the report with no account.
 * Only its hash is kept; each email carries a fresh one, and every one keeps working, so an old email
 * still opens the report (and, once sent, the fund's replies).
 */
@Entity()
export class ReportLink extends BaseEntity {
  @ManyToOne(() => Report, { deleteRule: 'cascade' })
  report!: Rel<Report>;

  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @Property({ length: 254 })
  sentTo!: string;
}

/**
 * The report's photo. The image is a file in the photo folder (outside the database), re-encoded as
 * JPEG with no metadata, so no location or camera data is kept; this row says where it is.
 */
@ObjectType({ description: "A report's photo, re-encoded with no location or camera data." })
@Entity()
export class ReportPhoto extends BaseEntity {
  @OneToOne(() => Report, { owner: true, unique: true, deleteRule: 'cascade' })
  report!: Rel<Report>;

  /** The file's name in the photo folder. */
  @Property({ length: 80 })
  storageKey!: string;

  @Field(() => Int)
  @Property()
  width!: number;

  @Field(() => Int)
  @Property()
  height!: number;

  @Field(() => Int, { description: 'Size of the stored image in bytes.' })
  @Property()
  bytes!: number;

  @Field({ nullable: true, description: 'What the photo shows, in the group’s words (its text alternative).' })
  @Property({ length: 300, nullable: true })
  description?: string;
}

/** A reply from the fund to a report, which the group reads on its link. */
@ObjectType({ description: 'A reply from the fund to a report; the group sees it.' })
@Entity()
export class ReportReply extends BaseEntity {
  @ManyToOne(() => Report, { deleteRule: 'cascade' })
  report!: Rel<Report>;

  @ManyToOne(() => User)
  author!: Rel<User>;

  @Field()
  @Property({ type: 'text' })
  message!: string;
}

/** Someone at the fund, by name only. */
@ObjectType({ description: 'Someone at the fund, by name.' })
export class ReportPerson {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
