import { Field, Int, ObjectType } from 'type-graphql';
import { ApplicationStatus, FundRole } from '../../../shared/domain.ts';

@ObjectType({ description: 'Where the money in a fund stands, in pence.' })
export class FundLedger {
  @Field(() => Int, { description: 'Everything funders have put in.' })
  contributedPence!: number;

  @Field(() => Int, { description: 'Held back, e.g. for a second wave.' })
  reservedPence!: number;

  @Field(() => Int, { description: 'Promised by awards and not yet paid.' })
  committedPence!: number;

  @Field(() => Int, { description: 'Paid out to groups.' })
  paidPence!: number;

  @Field(() => Int, { description: 'Free for the panel to award: contributed less reserved, committed and paid.' })
  availablePence!: number;
}

@ObjectType({ description: 'Where one contribution stands, in pence. The reserve is held at fund level.' })
export class ContributionLedger {
  @Field(() => Int, { description: 'What the funder put in.' })
  contributedPence!: number;

  @Field(() => Int, { description: 'Drawn by awards whose grant is not yet paid.' })
  committedPence!: number;

  @Field(() => Int, { description: 'Drawn by awards whose grant is paid.' })
  paidPence!: number;

  @Field(() => Int, { description: 'Contributed less committed and paid.' })
  availablePence!: number;
}

@ObjectType({ description: 'The next weekly panel meeting, from the fund rhythm.' })
export class NextPanel {
  @Field({ description: 'When the panel meets (UTC).' })
  meetsAt!: Date;

  @Field({ description: 'Applications ready by this time join this meeting (UTC).' })
  cutoffAt!: Date;
}

@ObjectType({ description: 'How many applications are at one stage.' })
export class StatusCount {
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A role the signed-in person holds in a fund.' })
export class MyRole {
  @Field(() => FundRole)
  role!: FundRole;
}

@ObjectType({ description: 'What the signed-in person may do in this fund, so screens offer only that.' })
export class FundPermissions {
  @Field({ description: 'Change the fund settings and phases.' })
  manage!: boolean;

  @Field({ description: 'Invite people and see who is in the fund.' })
  invite!: boolean;

  @Field({ description: 'Record contributions (for the funders in recordableFunders).' })
  recordContribution!: boolean;

  @Field({ description: 'Name a new funder when recording a contribution or inviting.' })
  addFunder!: boolean;

  @Field({ description: "Add, rename, describe, reorder, retire and delete the fund's priorities." })
  editPriorities!: boolean;
}
