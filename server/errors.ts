import { GraphQLError } from 'graphql';
import { ErrorCode, type FieldError } from '../shared/errors.ts';

// Every refusal the API gives is made here, with a stable code from shared/errors.ts and a message a
// person can act on.
function refusal(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const errors = {
  unauthenticated: () => refusal(ErrorCode.Unauthenticated, 'Sign in to continue.'),
  forbidden: (what = 'do that') => refusal(ErrorCode.Forbidden, `You do not have permission to ${what}.`),
  notFound: (thing: string) => refusal(ErrorCode.NotFound, `That ${thing} does not exist, or you cannot see it.`),
  badInput: (fields: FieldError[]) =>
    refusal(ErrorCode.BadUserInput, fields.map((field) => field.message).join(' '), { fields }),
  rateLimited: (minutes: number) =>
    refusal(ErrorCode.RateLimited, `Too many requests. Wait ${minutes} minutes and try again.`),
  signInLinkInvalid: () =>
    refusal(
      ErrorCode.SignInLinkInvalid,
      'This sign-in link has expired or has already been used. Ask for a new one.',
    ),
  inviteLinkInvalid: () =>
    refusal(
      ErrorCode.InviteLinkInvalid,
      'This invite has expired, been withdrawn or already been used. Ask the fund coordinator for a new one.',
    ),
  draftNotFound: () =>
    refusal(
      ErrorCode.NotFound,
      'We could not find that application. The link may be old or incomplete: start a new application, or use the newest link we emailed you.',
    ),
  notTakingApplications: () =>
    refusal(ErrorCode.NotFound, 'This fund is not taking applications at the moment.'),
  notEligible: (reasons: string[]) =>
    refusal(ErrorCode.BadUserInput, reasons.join(' '), { fields: reasons.map((message) => ({ field: 'eligibility', message })) }),
  alreadySubmitted: () =>
    refusal(ErrorCode.Conflict, 'This application has been sent, so it cannot be changed. Contact the fund if something is wrong.'),
  reportAlreadySent: () =>
    refusal(ErrorCode.Conflict, 'This report has been sent, so it cannot be changed. Contact the fund if something is wrong.'),
  conflict: (thing: string) =>
    refusal(ErrorCode.Conflict, `Someone else changed this ${thing} while you were editing. Check the new version and try again.`),
};

export function isRefusal(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions?.code === 'string';
}
