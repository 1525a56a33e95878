// What reaches the GraphQL endpoint before Apollo reads it: a body that is not JSON, or too large, or
// text that PostgreSQL cannot store, gets the same kind of answer as any other bad input (a coded
// GraphQL error, status 400 or 413), not Express's HTML error page or a failed statement later on.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ErrorCode, type FieldError } from '../shared/errors.ts';

function refuse(res: Response, status: number, message: string, fields?: FieldError[]) {
  res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BadUserInput, ...(fields ? { fields } : {}) } }] });
}

/** Text PostgreSQL cannot store as sent: U+0000, or half of a surrogate pair (not a character at all). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The first place in a parsed body where a string cannot be stored, as a dotted path. */
function unstorableAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableAt(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableAt(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000, a lone surrogate would be stored as something else, and nobody
 * types either: refuse them wherever they are in the request (query, variables), naming the variable.
 */
export const refuseUnstorableText: RequestHandler = (req, res, next) => {
  const body = req.body as { query?: unknown; variables?: unknown } | undefined;
  const inQuery = typeof body?.query === 'string' && unstorable(body.query);
  const inVariables = unstorableAt(body?.variables, '');
  if (!inQuery && !inVariables) return next();
  const message = 'Text cannot contain the null character (U+0000) or broken characters. Remove them and try again.';
  refuse(res, 400, message, inVariables ? [{ field: inVariables.replace(/^input\./, ''), message }] : undefined);
};

/** A body that is not JSON, or is larger than the limit, answered as GraphQL answers bad input. */
export const graphqlBodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (error.type === 'entity.too.large') return refuse(res, 413, 'The request is too large. Send less at once.');
  if (error.type === 'entity.parse.failed' || error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return refuse(res, 400, 'The request body is not valid JSON.');
  }
  next(error);
};
