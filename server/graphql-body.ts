// What reaches the GraphQL endpoint before Apollo reads it: text that PostgreSQL cannot store gets the
// same kind of answer as any other bad input (a coded GraphQL error, naming the variable), not a failed
// statement later on. (A body that is not JSON, or too large, is answered by the app's error handler.)
import type { RequestHandler, Response } from 'express';
import { ErrorCode, type FieldError } from '../shared/errors.ts';
import { isStorable } from './storable-text.ts';

function refuse(res: Response, status: number, message: string, fields?: FieldError[]) {
  res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BadUserInput, ...(fields ? { fields } : {}) } }] });
}

/** The first place in a parsed body where a string cannot be stored, as a dotted path. */
function unstorableAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorable(value) ? null : path;
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

/** Text that cannot be stored (storable-text.ts) is refused wherever it is in the request, naming the variable. */
export const refuseUnstorableText: RequestHandler = (req, res, next) => {
  const body = req.body as { query?: unknown; variables?: unknown } | undefined;
  const inQuery = typeof body?.query === 'string' && !isStorable(body.query);
  const inVariables = unstorableAt(body?.variables, '');
  if (!inQuery && !inVariables) return next();
  const message = 'Text cannot contain the null character (U+0000) or broken characters. Remove them and try again.';
  refuse(res, 400, message, inVariables ? [{ field: inVariables.replace(/^input\./, ''), message }] : undefined);
};
