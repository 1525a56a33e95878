import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PriorityKind } from '../../../shared/domain.ts';
import { PRIORITIES_MAX, PRIORITY_DESCRIPTION_MAX, PRIORITY_LABEL_MAX, PRIORITY_TAGS_MAX } from '../../../shared/limits.ts';

// Lengths are checked again, with the fund's other priorities, in the service; these stop oversized input early.
@InputType({ description: "A priority's name, kind and short description." })
class PriorityTextInput {
  @Field({ description: 'What people read, e.g. "Flood recovery".' })
  @MaxLength(PRIORITY_LABEL_MAX, { message: `Name the priority in 2 to ${PRIORITY_LABEL_MAX} characters.` })
  label!: string;

  @Field(() => PriorityKind)
  @IsIn(Object.values(PriorityKind), { message: 'Choose theme or community.' })
  kind!: PriorityKind;

  @Field(() => String, { nullable: true, description: 'Shown to applicants as a hint; empty for none.' })
  @IsOptional()
  @MaxLength(PRIORITY_DESCRIPTION_MAX, { message: `Keep the description to ${PRIORITY_DESCRIPTION_MAX} characters or fewer.` })
  description?: string | null;
}

@InputType({ description: 'The coordinator adds a priority to the fund; its key is made from the name.' })
export class AddPriorityInput extends PriorityTextInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a fund.' }) fundId!: string;
}

@InputType({ description: 'The coordinator renames, describes or changes the kind of a priority. Its key stays.' })
export class UpdatePriorityInput extends PriorityTextInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a priority.' }) id!: string;
  @Field(() => Int, { description: 'The priority version you saw, to detect changes made meanwhile.' }) @IsInt() version!: number;
}

@InputType({ description: 'Retires a priority (kept where used, no longer offered) or restores it.' })
export class RetirePriorityInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a priority.' }) id!: string;
  @Field(() => Int, { description: 'The priority version you saw.' }) @IsInt() version!: number;
  @Field() @IsBoolean() retired!: boolean;
}

@InputType({ description: 'Deletes a priority that nothing uses.' })
export class DeletePriorityInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a priority.' }) id!: string;
  @Field(() => Int, { description: 'The priority version you saw.' }) @IsInt() version!: number;
}

@InputType({ description: "The fund's priorities in their new order: every one of them, once." })
export class ReorderPrioritiesInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a fund.' }) fundId!: string;
  @Field(() => [ID]) @ArrayMaxSize(PRIORITIES_MAX) @IsUUID('all', { each: true, message: 'Choose priorities of this fund.' }) priorityIds!: string[];
}

@InputType({ description: 'The priorities a funder focuses on in this fund.' })
export class FunderFocusInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a fund.' }) fundId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the funders in this fund.' }) funderId!: string;
  @Field(() => [String], { description: 'The focus you saw (priority keys), to detect changes made meanwhile.' })
  @ArrayMaxSize(PRIORITIES_MAX)
  @IsString({ each: true })
  previousKeys!: string[];
  @Field(() => [String], { description: 'Priority keys; empty for no focus.' })
  @ArrayMaxSize(PRIORITIES_MAX)
  @IsString({ each: true })
  priorityKeys!: string[];
}

@InputType({ description: "An officer or panellist adds or corrects an application's priority tags." })
export class TagApplicationInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose an application.' }) applicationId!: string;
  @Field(() => Int, { description: 'The application version you saw, to detect changes made meanwhile.' }) @IsInt() @Min(1) version!: number;
  @Field(() => [String], { description: 'Priority keys from the fund taxonomy.' })
  @ArrayMaxSize(PRIORITY_TAGS_MAX, { message: `Choose ${PRIORITY_TAGS_MAX} priorities or fewer.` })
  @IsString({ each: true })
  priorityTags!: string[];
}
