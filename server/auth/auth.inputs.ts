import { IsEmail, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { EMAIL_MAX } from '../../shared/limits.ts';

@InputType()
export class RequestSignInLinkInput {
  @Field({ description: 'The email address the person uses for this portal.' })
  @MaxLength(EMAIL_MAX, { message: 'Enter an email address of 254 characters or fewer.' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org.' })
  email!: string;
}

@InputType()
export class SignInInput {
  @Field({ description: 'The token from the sign-in link.' })
  @Length(20, 100, { message: 'This sign-in link is not complete. Copy the whole link from the email.' })
  token!: string;
}
