/**
 * Binds `$name` placeholders, in order, as the driver's `?` (a name may appear several times). The
 * values reach PostgreSQL as parameters of an unnamed statement, which it plans knowing them: a filter
 * left empty drops out of the plan, and the estimates are for these values, not generic ones.
 */
export function bindNamed(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/\$([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`SQL: no value for $${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}
