import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PhaseKind } from '../../../shared/domain.ts';
import { CUTOFF_HOURS_MAX, FUND_NAME_MAX, MONEY_MAX_PENCE, PHASE_NAME_MAX, PHASES_MAX } from '../../../shared/limits.ts';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType({ description: 'Changes a coordinator makes to a fund. Omitted fields stay as they are.' })
export class UpdateFundInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a fund.' })
  id!: string;

  @Field(() => Int, { description: 'The version you edited, to detect changes made meanwhile.' })
  @IsInt()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, FUND_NAME_MAX, { message: `Enter a name between 3 and ${FUND_NAME_MAX} characters.` })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(10, 2000, { message: 'Describe the shared purpose in 10 to 2,000 characters.' })
  purpose?: string;

  @Field({ nullable: true, description: 'Where the fund works, in words applicants recognise.' })
  @IsOptional()
  @Length(2, 200, { message: 'Describe the area in 2 to 200 characters.' })
  areaDescription?: string;

  @Field(() => Int, { nullable: true, description: 'Money to hold back (pence).' })
  @IsOptional()
  @IsInt({ message: 'Enter the reserve in whole pence.' })
  @Min(0, { message: 'The reserve cannot be negative.' })
  @Max(MONEY_MAX_PENCE, { message: 'The reserve is too large.' })
  reservedPence?: number;

  @Field(() => Int, { nullable: true, description: 'Largest award to an unconstituted group (pence).' })
  @IsOptional()
  @IsInt({ message: 'Enter the cap in whole pence.' })
  @Min(1, { message: 'The cap for unconstituted groups must be more than £0.' })
  @Max(MONEY_MAX_PENCE, { message: 'The cap for unconstituted groups is too large.' })
  unconstitutedCapPence?: number;

  @Field({ nullable: true, description: 'True to have no cap for unconstituted groups beyond the phase limits.' })
  @IsOptional()
  @IsBoolean()
  removeUnconstitutedCap?: boolean;

  @Field(() => Int, { nullable: true, description: 'Day of the weekly panel, 1 = Monday ... 7 = Sunday.' })
  @IsOptional()
  @IsInt({ message: 'Choose the day the panel meets.' })
  @Min(1, { message: 'Choose the day the panel meets.' })
  @Max(7, { message: 'Choose the day the panel meets.' })
  panelWeekday?: number;

  @Field({ nullable: true, description: 'Time of the weekly panel, HH:MM in Europe/London.' })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'Enter the time on the 24-hour clock, like 14:00.' })
  panelTime?: string;

  @Field(() => Int, { nullable: true, description: 'Hours before the panel by which applications must be ready.' })
  @IsOptional()
  @IsInt({ message: 'Enter the cut-off as a whole number of hours.' })
  @Min(0, { message: 'The cut-off cannot be after the panel starts.' })
  @Max(CUTOFF_HOURS_MAX, { message: `Set the cut-off no more than ${CUTOFF_HOURS_MAX} hours (a week) before the panel.` })
  cutoffHoursBefore?: number;
}

@InputType({ description: 'A phase of a fund: its name, kind, criteria and award limits.' })
export class PhaseInput {
  @Field()
  @Length(2, PHASE_NAME_MAX, { message: `Name the phase in 2 to ${PHASE_NAME_MAX} characters.` })
  name!: string;

  @Field(() => PhaseKind)
  @IsIn(Object.values(PhaseKind), { message: 'Choose emergency, recovery or other.' })
  kind!: PhaseKind;

  @Field({ description: 'What this phase funds, in plain words.' })
  @Length(10, 2000, { message: 'Describe what this phase funds in 10 to 2,000 characters.' })
  criteria!: string;

  @Field(() => Int, { description: 'Smallest award (pence).' })
  @IsInt({ message: 'Enter the smallest award in whole pence.' })
  @Min(1, { message: 'The smallest award must be more than £0.' })
  @Max(MONEY_MAX_PENCE, { message: 'The smallest award is too large.' })
  minAwardPence!: number;

  @Field(() => Int, { description: 'Largest award (pence).' })
  @IsInt({ message: 'Enter the largest award in whole pence.' })
  @Min(1, { message: 'The largest award must be more than £0.' })
  @Max(MONEY_MAX_PENCE, { message: 'The largest award is too large.' })
  maxAwardPence!: number;
}

@InputType({ description: 'A new fund. The person who sets it up becomes its coordinator.' })
export class CreateFundInput {
  @Field()
  @Length(3, FUND_NAME_MAX, { message: `Enter a name between 3 and ${FUND_NAME_MAX} characters.` })
  name!: string;

  @Field({ description: 'The shared purpose, shown at the top of every funder screen.' })
  @Length(10, 2000, { message: 'Describe the shared purpose in 10 to 2,000 characters.' })
  purpose!: string;

  @Field()
  @Length(2, 200, { message: 'Describe the area in 2 to 200 characters.' })
  areaDescription!: string;

  @Field({ description: 'Two to six capital letters that start every application reference, e.g. RD.' })
  @Matches(/^[A-Z]{2,6}$/, { message: 'Enter 2 to 6 capital letters, like RD.' })
  referencePrefix!: string;

  @Field(() => Int)
  @IsInt({ message: 'Choose the day the panel meets.' })
  @Min(1, { message: 'Choose the day the panel meets.' })
  @Max(7, { message: 'Choose the day the panel meets.' })
  panelWeekday!: number;

  @Field()
  @Matches(TIME_OF_DAY, { message: 'Enter the time on the 24-hour clock, like 14:00.' })
  panelTime!: string;

  @Field(() => Int)
  @IsInt({ message: 'Enter the cut-off as a whole number of hours.' })
  @Min(0, { message: 'The cut-off cannot be after the panel starts.' })
  @Max(CUTOFF_HOURS_MAX, { message: `Set the cut-off no more than ${CUTOFF_HOURS_MAX} hours (a week) before the panel.` })
  cutoffHoursBefore!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Enter the cap in whole pence.' })
  @Min(1, { message: 'The cap for unconstituted groups must be more than £0.' })
  @Max(MONEY_MAX_PENCE, { message: 'The cap for unconstituted groups is too large.' })
  unconstitutedCapPence?: number;

  @Field(() => [PhaseInput], { defaultValue: [], description: 'The phases, in order. None is open until a coordinator opens one.' })
  @ArrayMaxSize(PHASES_MAX, { message: `A fund can have up to ${PHASES_MAX} phases.` })
  @ValidateNested({ each: true })
  phases!: PhaseInput[];
}

@InputType({ description: 'A coordinator adds a phase after the last one.' })
export class AddPhaseInput extends PhaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a fund.' })
  fundId!: string;

  @Field(() => Int, { description: 'The fund version you saw, to detect changes made meanwhile.' })
  @IsInt()
  version!: number;
}

@InputType({ description: "A coordinator changes a phase's name, kind, criteria or award limits." })
export class UpdatePhaseInput extends PhaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a fund.' })
  fundId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a phase.' })
  phaseId!: string;

  @Field(() => Int, { description: 'The fund version you saw, to detect changes made meanwhile.' })
  @IsInt()
  version!: number;
}

@InputType({ description: 'A coordinator opens another phase of the fund, e.g. recovery after emergency.' })
export class OpenPhaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a fund.' })
  fundId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose the phase to open.' })
  phaseId!: string;

  @Field(() => Int, { description: 'The fund version you saw, to detect changes made meanwhile.' })
  @IsInt()
  version!: number;
}
