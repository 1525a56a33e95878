import { IsEmail, IsIn, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { FunderKind, FundRole } from '../../../shared/domain.ts';
import { EMAIL_MAX } from '../../../shared/limits.ts';

@InputType({ description: 'A coordinator invites a person to a role in the fund.' })
export class InviteToFundInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a fund.' })
  fundId!: string;

  @Field()
  @MaxLength(EMAIL_MAX, { message: 'Enter an email address of 254 characters or fewer.' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org.' })
  email!: string;

  @Field({ description: "The person's name, used to greet them." })
  @Length(2, 120, { message: "Enter the person's name in 2 to 120 characters." })
  name!: string;

  @Field(() => FundRole)
  @IsIn(Object.values(FundRole), { message: 'Choose the role this person will have.' })
  role!: FundRole;

  @Field(() => ID, { nullable: true, description: 'The funder they work for, from those in this fund.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose one of the funders in this fund.' })
  funderId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or a funder new to this fund.' })
  @IsOptional()
  @MaxLength(160, { message: "Enter the funder's name in 2 to 160 characters." })
  newFunderName?: string | null;

  @Field(() => FunderKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(FunderKind), { message: 'Choose what kind of organisation the funder is.' })
  newFunderKind?: FunderKind | null;
}

@InputType()
export class AcceptInviteInput {
  @Field({ description: 'The token from the invite link.' })
  @Length(20, 100, { message: 'This invite link is not complete. Copy the whole link from the email.' })
  token!: string;
}
