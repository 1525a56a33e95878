import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FunderKind } from '../../../shared/domain.ts';
import { MONEY_MAX_PENCE, RESTRICTED_AREAS_MAX } from '../../../shared/limits.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The money and its restrictions: what recording and changing a contribution have in common. */
@InputType({ description: 'How much a funder put in, when, and what it may be spent on.' })
export class ContributionTermsInput {
  @Field(() => Int, { description: 'Amount contributed (pence).' })
  @IsInt({ message: 'Enter the amount in whole pence.' })
  @Min(1, { message: 'Enter an amount of more than £0.' })
  @Max(MONEY_MAX_PENCE, { message: 'That amount is too large. Record it as more than one contribution.' })
  amountPence!: number;

  @Field({ description: 'Date the money was received or pledged (YYYY-MM-DD).' })
  @Matches(ISO_DATE, { message: 'Enter the date the money was received, like 2026-11-23.' })
  receivedOn!: string;

  @Field(() => [String], { defaultValue: [], description: 'Only for these priorities (keys from the fund taxonomy); empty means any.' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  restrictedToPriorities!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Only for these area codes; empty means anywhere in the fund.' })
  @ArrayMaxSize(RESTRICTED_AREAS_MAX, { message: `Restrict the money to ${RESTRICTED_AREAS_MAX} areas or fewer.` })
  @IsString({ each: true })
  restrictedToAreas!: string[];

  @Field({ defaultValue: false, description: 'True when this money may not go to unconstituted groups.' })
  @IsBoolean()
  excludesUnconstituted!: boolean;

  @Field(() => ID, { nullable: true, description: 'Only for this phase of the fund.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose one of the phases of this fund.' })
  restrictedToPhaseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Must be spent by this date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Enter the spend-by date, like 2027-03-31.' })
  spendBy?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: 'Keep the note to 1,000 characters or fewer.' })
  note?: string | null;
}

@InputType({ description: "A funder's payment into the fund, recorded by the coordinator or the funder's officer." })
export class RecordContributionInput extends ContributionTermsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a fund.' })
  fundId!: string;

  @Field(() => ID, { nullable: true, description: 'A funder already in this fund.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose one of the funders in this fund.' })
  funderId?: string | null;

  @Field(() => String, { nullable: true, description: 'Coordinators only: a funder new to this fund.' })
  @IsOptional()
  @MaxLength(160, { message: "Enter the funder's name in 2 to 160 characters." })
  newFunderName?: string | null;

  @Field(() => FunderKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(FunderKind), { message: 'Choose what kind of organisation the funder is.' })
  newFunderKind?: FunderKind | null;
}

@InputType({ description: 'A change to a contribution; its funder stays the same.' })
export class UpdateContributionInput extends ContributionTermsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a contribution.' })
  id!: string;

  @Field(() => Int, { description: 'The contribution version you saw, to detect changes made meanwhile.' })
  @IsInt()
  version!: number;
}
