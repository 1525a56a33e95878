/**
 * Something wrong in an area file. `row` is the feature's position (boundary files, from 1) or the
 * spreadsheet row (CSV files, the header being row 1), 0 for the whole file; `field` the property or
 * column; `message` what is wrong there; `text` the whole sentence a coordinator reads, e.g.
 * "Feature 12 (E01019001): no geometry" or "Row 7, Index of Multiple Deprivation (IMD) Decile: 11 is
 * not a decile from 1 to 10".
 */
export interface AreaFileProblem {
  row: number;
  field: string;
  message: string;
  text: string;
}

export type AreaFileRead<T> = ({ ok: true } & T) | { ok: false; problems: AreaFileProblem[] };

/** Enough to fix a file by; past this the rest are usually the same mistake again. */
export const MAX_PROBLEMS = 50;

export const fileProblem = (message: string): AreaFileProblem => ({ row: 0, field: 'file', message, text: message });

export const rowProblem = (row: number, field: string, message: string): AreaFileProblem => ({ row, field, message, text: `Row ${row}, ${field}: ${message}` });

/** A value as the coordinator would see it in their file, short enough for a message. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;
}
