import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ErrorCode, type FieldError } from '../../../shared/errors.ts';

/** A refusal from the API, with its stable code and, for bad input, the fields to fix. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: FieldError[] } }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiError('We could not reach the portal. Check your connection and try again.', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const [first] = body.errors ?? [];
  if (first) {
    throw new ApiError(first.message, first.extensions?.code ?? ErrorCode.Internal, first.extensions?.fields ?? []);
  }
  if (!body.data) throw new ApiError('The portal sent an answer we could not read. Try again.', ErrorCode.Internal);
  return body.data;
}

export function fieldErrors(error: unknown): FieldError[] {
  if (error instanceof ApiError) return error.fields.length > 0 ? error.fields : [{ field: '', message: error.message }];
  return error ? [{ field: '', message: 'Something went wrong. Try again.' }] : [];
}
