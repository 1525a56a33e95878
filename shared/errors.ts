// Stable error codes. The server puts one on every refusal (GraphQL `extensions.code`) and the web
// app chooses its message by code, so a code is never renamed once released.
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RateLimited = 'RATE_LIMITED',
  SignInLinkInvalid = 'SIGN_IN_LINK_INVALID',
  InviteLinkInvalid = 'INVITE_LINK_INVALID',
  Conflict = 'CONFLICT',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export interface FieldError {
  field: string;
  message: string;
}
