/**
 * A PostgreSQL array literal for one `?::type[]` parameter (the driver would spread a JS array into a
 * list). Every element is quoted, so text with commas, quotes or spaces survives, and ids and numbers
 * read the same.
 */
export function postgresArray(values: readonly (string | number)[]): string {
  return `{${values.map((value) => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
