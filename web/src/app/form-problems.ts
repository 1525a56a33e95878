import type { FieldError } from '../../../shared/errors.ts';
import { poundsToPence } from '../../../shared/money.ts';
import { fieldErrors } from './graphql-client.ts';

/**
 * The problems a form shows: its own checks first (a typed amount that is not money never reaches the
 * server), otherwise the server's, each under the field it names. A refusal that names no field is
 * put against `fallbackField` so the error summary still links somewhere useful.
 */
export function formProblems(local: readonly FieldError[], serverError: unknown, fallbackField: string): FieldError[] {
  if (local.length > 0) return [...local];
  return fieldErrors(serverError).map((problem) => ({ ...problem, field: problem.field || fallbackField }));
}

export const messageFor = (problems: readonly FieldError[], field: string) =>
  problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(' ') || undefined;

/** Reads a typed amount of pounds, adding a problem for `field` when it is not one. */
export function readPounds(text: string, field: string, problems: FieldError[], what: string): number {
  const pence = poundsToPence(text);
  if (pence === null) problems.push({ field, message: `Enter ${what} in pounds, like 1500 or 1,500.50.` });
  return pence ?? 0;
}

/** Reads a whole number typed into a form, adding a problem for `field` when it is not one. */
export function readWhole(text: string, field: string, problems: FieldError[], message: string): number {
  if (/^\s*-?\d+\s*$/.test(text)) return Number(text);
  problems.push({ field, message });
  return 0;
}
