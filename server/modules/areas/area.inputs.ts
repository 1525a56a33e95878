import { ArrayMaxSize, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { APPLICATION_AREAS_MAX, FUND_AREAS_MAX } from '../../../shared/limits.ts';

@InputType({ description: 'The coordinator sets the areas the fund covers, by code.' })
export class SetFundAreasInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a fund.' }) fundId!: string;
  @Field(() => Int, { description: 'The fund version you saw, to detect changes made meanwhile.' }) @IsInt() version!: number;
  @Field(() => [String], { description: 'Codes of local authorities, wards or LSOAs held on the Areas page; empty for none.' })
  @ArrayMaxSize(FUND_AREAS_MAX, { message: `Choose ${FUND_AREAS_MAX} areas or fewer; a local authority covers all its wards and LSOAs.` })
  @IsString({ each: true })
  @MaxLength(20, { each: true, message: 'Enter area codes like E07000028.' })
  areaCodes!: string[];
}

@InputType({ description: "An officer sets or corrects the areas an application's work serves." })
export class SetApplicationAreasInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an application.' }) applicationId!: string;
  @Field(() => Int, { description: 'The application version you saw, to detect changes made meanwhile.' }) @IsInt() @Min(1) version!: number;
  @Field(() => [String], { description: "Codes from the fund's areas (LSOAs or wards); the areas holding them are added." })
  @ArrayMaxSize(APPLICATION_AREAS_MAX, { message: `Choose ${APPLICATION_AREAS_MAX} areas or fewer.` })
  @IsString({ each: true })
  @MaxLength(20, { each: true, message: 'Choose areas from the fund’s list.' })
  areaCodes!: string[];
}
