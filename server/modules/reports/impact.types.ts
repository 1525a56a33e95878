import { IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportingRequirement, StoryConsent } from '../../../shared/reporting.ts';
import { Funder } from '../funders/funder.entity.ts';

/** Where a grant's report stands. */
export enum ReportState {
  /** No report is asked of this grant. */
  NONE = 'NONE',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
  SENT = 'SENT',
}
registerEnumType(ReportState, { name: 'ReportState', description: "Where a grant's report stands: none asked, due, overdue, or sent." });

// Sums of pence over many grants pass GraphQL's 32-bit Int (£21 million), so they travel as Float:
// always whole pence, exact up to 2^53 (as the coverage map's do).

@InputType({ description: 'Which sent stories the feed shows. Every filter is optional; together they all apply.' })
export class StoryFilter {
  @Field(() => String, { nullable: true, description: "Only grants tagged with this priority (a theme's or a community's key)." })
  @IsOptional()
  @MaxLength(60)
  priority?: string | null;

  @Field(() => String, { nullable: true, description: 'Only grants serving this area: a ward or local authority code (or any area code an application names); an application’s LSOAs and wards count in the wards and local authorities that hold them.' })
  @IsOptional()
  @MaxLength(20)
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only grants this funder's contributions paid towards." })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a funder of the fund.' })
  funderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only grants from applications to this phase.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a phase of the fund.' })
  phaseId?: string | null;

  @Field(() => StoryConsent, { nullable: true, description: 'Only stories the group shared this way (e.g. PUBLIC: those that may be published).' })
  @IsOptional()
  @IsIn(Object.values(StoryConsent))
  consent?: StoryConsent | null;
}

@ObjectType({ description: 'A priority a grant is tagged with, by the fund’s label.' })
export class StoryPriority {
  @Field() key!: string;
  @Field() label!: string;
}

@ObjectType({ description: 'An area a grant serves: its code and name (the code when the portal holds no area for it).' })
export class StoryArea {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType({ description: "A funder whose contributions paid towards a grant, with its part." })
export class StoryFunder {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Its part of the grant (pence).' }) pence!: number;
}

@ObjectType({ description: "A story's photo, served at its url only to those the group allowed." })
export class StoryPhoto {
  @Field(() => ID) id!: string;
  @Field({ description: 'Where the image is served (JPEG).' }) url!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field(() => String, { nullable: true, description: 'What the photo shows, in the group’s words (its text alternative).' }) description!: string | null;
}

@ObjectType({ description: 'The grant a story comes from.' })
export class StoryGrant {
  @Field(() => ID) id!: string;
  @Field({ description: "The application's reference." }) reference!: string;
  @Field() title!: string;
  @Field() groupName!: string;
  @Field(() => Int, { description: 'The whole grant (pence).' }) amountPence!: number;
  @Field({ description: 'The London day it was awarded (YYYY-MM-DD).' }) awardedOn!: string;
  @Field(() => ID) phaseId!: string;
  @Field() phaseName!: string;
  @Field(() => [StoryPriority]) priorities!: StoryPriority[];
  @Field(() => [StoryArea]) areas!: StoryArea[];
  @Field(() => [StoryFunder], { description: 'The funders whose contributions paid for it, by name.' }) funders!: StoryFunder[];
}

@ObjectType({ description: "A sent report's story: a few sentences, or the short form's one story, with its photo when any." })
export class Story {
  @Field(() => ID, { description: "The report's id." }) id!: string;
  @Field() submittedAt!: Date;
  @Field(() => ReportingRequirement, { description: 'A few sentences, or the short form.' }) requirement!: ReportingRequirement;
  @Field(() => StoryConsent, { description: 'How the group let the story be shared: NOT_SHARED (the fund’s staff only, never passed on), FUNDERS (funders only), PUBLIC (may be published).' })
  consent!: StoryConsent;
  @Field({ description: 'The group’s own words.' }) text!: string;
  @Field(() => StoryPhoto, { nullable: true }) photo!: StoryPhoto | null;
  @Field(() => Int, { nullable: true, description: 'Short form: roughly how many people took part.' }) peopleCount!: number | null;
  @Field(() => StoryGrant) grant!: StoryGrant;
}

@ObjectType({ description: 'A page of the stories feed, newest first.' })
export class StoryFeed {
  @Field(() => ID) fundId!: string;
  @Field(() => [Story]) stories!: Story[];
  @Field(() => Int, { description: 'How many stories match the filters, on every page.' }) totalCount!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) nextCursor!: string | null;
  @Field({ description: 'The viewer is the coordinator or a funder officer, and so also reads stories the groups asked not to be shared.' }) includesUnshared!: boolean;
}

@ObjectType({ description: 'Grants, money, people reached and reports for a set of grants.' })
export class ReportingFigures {
  @Field(() => Int) grantCount!: number;
  @Field(() => Float, { description: 'Money (pence, whole): the grants, or one funder’s part of them.' }) pence!: number;
  @Field(() => Int, { description: 'People reached: the sum of “roughly how many people took part” from sent short forms.' }) peopleReached!: number;
  @Field(() => Int, { description: 'Reports sent.' }) reportsSent!: number;
  @Field(() => Int, { description: 'Reports asked for, not yet sent, and not yet late.' }) reportsDue!: number;
  @Field(() => Int, { description: 'Reports not sent by their due day (London).' }) reportsOverdue!: number;
}

@ObjectType({ description: 'The figures for one priority or one phase.' })
export class ReportingFiguresRow extends ReportingFigures {
  @Field(() => String, { nullable: true, description: "The priority's key or the phase's id; null for grants with no priority." }) key!: string | null;
  @Field({ description: "The priority's or phase's name." }) label!: string;
}

@ObjectType({ description: 'What the fund’s grants and their reports add up to, overall, by priority and by phase.' })
export class ReportingTotals {
  @Field(() => ID) fundId!: string;
  @Field(() => ReportingFigures, { description: 'Every grant once.' }) all!: ReportingFigures;
  @Field(() => [ReportingFiguresRow], { description: "By priority, in the fund's order (a grant with two priorities counts under both); grants with no priority last, key null." }) byPriority!: ReportingFiguresRow[];
  @Field(() => [ReportingFiguresRow], { description: 'By phase, in order.' }) byPhase!: ReportingFiguresRow[];
  @Field(() => [Funder], { description: 'The funders whose own view the viewer may open.' }) funderViews!: Funder[];
}

@ObjectType({ description: 'A grant one funder paid towards, with its report and, where the group shared it, its story.' })
export class FunderImpactGrant extends StoryGrant {
  @Field(() => Int, { description: "This funder's part of the grant (pence)." }) funderPence!: number;
  @Field(() => ReportingRequirement) requirement!: ReportingRequirement;
  @Field(() => ReportState) reportState!: ReportState;
  @Field(() => String, { nullable: true, description: 'The day the report is due (YYYY-MM-DD); null when none is asked.' }) reportDueOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Short form, sent: roughly how many people took part.' }) peopleCount!: number | null;
  @Field(() => StoryConsent, { nullable: true, description: 'How the group let its story be shared, once sent.' }) consent!: StoryConsent | null;
  @Field(() => Story, { nullable: true, description: 'The story and photo, only when sent and shared with the funders or the public: what may go to the funder’s board.' }) story!: Story | null;
}

@ObjectType({ description: "What one funder's contributions paid for: its grants, its figures, and the stories it may take to its board." })
export class FunderImpact {
  @Field(() => ID) fundId!: string;
  @Field() fundName!: string;
  @Field(() => Funder) funder!: Funder;
  @Field(() => ReportingFigures, { description: 'The grants it paid towards, each once; money is its part.' }) all!: ReportingFigures;
  @Field(() => [ReportingFiguresRow]) byPriority!: ReportingFiguresRow[];
  @Field(() => [ReportingFiguresRow]) byPhase!: ReportingFiguresRow[];
  @Field(() => [FunderImpactGrant], { description: 'Newest award first.' }) grants!: FunderImpactGrant[];
  @Field(() => Int, { description: 'Sent stories left out because the group asked for them not to be shared.' }) unsharedStories!: number;
  @Field({ description: 'Where the CSV of these grants is downloaded.' }) csvUrl!: string;
}
