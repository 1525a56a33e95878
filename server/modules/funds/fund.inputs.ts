import { IsOptional, IsUUID, Length, Max, Min, IsInt } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FUND_NAME_MAX } from '../../../shared/limits.ts';

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

  @Field(() => Int, { nullable: true, description: 'Money to hold back (pence).' })
  @IsOptional()
  @IsInt({ message: 'Enter the reserve in whole pence.' })
  @Min(0, { message: 'The reserve cannot be negative.' })
  @Max(2_000_000_000, { message: 'The reserve is too large.' })
  reservedPence?: number;
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
