import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Funder } from '../funders/funder.entity.ts';
import { PanelPerson } from '../panels/panel-person.ts';
import { Priority } from './priority.entity.ts';

@ObjectType({ description: 'What uses a priority; one in use cannot be deleted, only retired.' })
export class PriorityUsageView {
  @Field(() => Int, { description: 'Sent applications tagged with it.' }) applications!: number;
  @Field(() => Int, { description: 'Applications being filled in whose group chose it.' }) drafts!: number;
  @Field(() => Int, { description: 'Contributions restricted to it.' }) contributions!: number;
  @Field(() => Int, { description: 'Funders focusing on it.' }) focusMarks!: number;
  @Field() inUse!: boolean;
}

@ObjectType({ description: 'Who put a priority tag on an application, and when.' })
export class PriorityTagOrigin {
  @Field() key!: string;
  @Field(() => PanelPerson, { nullable: true, description: 'The officer or panellist who last added it; empty when the group chose it or it is not known.' })
  addedBy?: PanelPerson | null;
  @Field(() => Date, { nullable: true }) addedAt?: Date | null;
  @Field({ description: 'The group chose it when it applied.' }) byGroup!: boolean;
}

@ObjectType({ description: 'The priorities a funder focuses on in a fund.' })
export class FunderFocusView {
  @Field(() => Funder) funder!: Funder;
  @Field(() => [String], { description: 'Priority keys, in the taxonomy order.' }) priorityKeys!: string[];
}

@ObjectType({ description: "One funder's part of a priority: its money in grants with that priority (pence) and whether it focuses there." })
export class MoneyCell {
  @Field(() => ID) funderId!: string;
  @Field(() => Int, { description: "What this funder's contributions paid to these grants (pence)." }) pence!: number;
  @Field(() => Int) grantCount!: number;
  @Field({ description: 'The funder marks this priority as a focus.' }) focus!: boolean;
}

@ObjectType({ description: 'One priority against every funder.' })
export class WhoFundsWhatRow {
  @Field(() => Priority) priority!: Priority;
  @Field(() => [MoneyCell], { description: 'In the order of WhoFundsWhat.funders.' }) cells!: MoneyCell[];
  @Field(() => Int, { description: 'All funders together (pence).' }) totalPence!: number;
  @Field(() => Int, { description: 'Grants with this priority; one paid by two funders counts once.' }) grantCount!: number;
  @Field(() => Int, { description: 'Funders focusing on it.' }) focusCount!: number;
  @Field({ description: 'Two or more funders focus on it.' }) overlap!: boolean;
  @Field({ description: 'Nobody focuses on it and no grant has it.' }) gap!: boolean;
}

@ObjectType({ description: 'Money per funder without priorities: each grant once.' })
export class WhoFundsWhatTotals {
  @Field(() => [MoneyCell]) cells!: MoneyCell[];
  @Field(() => Int) totalPence!: number;
  @Field(() => Int) grantCount!: number;
}

@ObjectType({ description: 'A funder in the who-funds-what view.' })
export class WhoFundsWhatFunder {
  @Field(() => Funder) funder!: Funder;
  @Field(() => [String], { description: 'Priority keys it focuses on.' }) focusKeys!: string[];
  @Field({ description: 'The signed-in person may change this funder’s focus.' }) viewerMayMarkFocus!: boolean;
  @Field(() => Int, { description: 'All its money in grants (pence), each grant once.' }) totalPence!: number;
  @Field(() => Int) grantCount!: number;
}

@ObjectType({ description: 'Priorities against funders: money paid to grants, counts, focus, overlaps and gaps.' })
export class WhoFundsWhatView {
  @Field(() => ID) fundId!: string;
  @Field(() => [WhoFundsWhatFunder], { description: 'The columns, by name.' }) funders!: WhoFundsWhatFunder[];
  @Field(() => [WhoFundsWhatRow], { description: 'The rows, in the taxonomy order; retired priorities only where they hold money or focus.' }) rows!: WhoFundsWhatRow[];
  @Field(() => WhoFundsWhatTotals, { description: 'Grants with no priority tag.' }) untagged!: WhoFundsWhatTotals;
  @Field(() => WhoFundsWhatTotals, { description: 'Every grant once, per funder and overall.' }) totals!: WhoFundsWhatTotals;
}
