// Text PostgreSQL cannot store as it was sent: U+0000, which text columns refuse outright, and half of
// a surrogate pair (not a character at all), which would be stored as something else. Nobody types
// either; they come from broken clients and from people probing.
import type { RequestHandler } from 'express';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export const isStorable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** The text without U+0000, and with U+FFFD for each lone surrogate, as a browser shows it. */
export const storable = (text: string) => text.replaceAll('\u0000', '').replace(LONE_SURROGATES, '\uFFFD');

/**
 * For the public HTML forms: what a form posts is cleaned rather than refused, since a person filling
 * it in cannot have typed what is taken out, and refusing would lose the rest of their answer.
 */
export const cleanFormText: RequestHandler = (req, _res, next) => {
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && !isStorable(value)) body[key] = storable(value);
      else if (Array.isArray(value)) body[key] = value.map((item) => (typeof item === 'string' ? storable(item) : item));
    }
  }
  next();
};
