// Which areas hold which: an LSOA lies in its ward and local authority, a ward in its local authority.
// Applications name the areas their work serves, as specifically as known; money restricted to a ward
// or a local authority follows every application placed inside it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { postgresArray } from '../../db/postgres-array.ts';

interface HierarchyRow {
  code: string;
  ward_code: string | null;
  local_authority_code: string | null;
}

/**
 * Each list of codes with the codes of the areas holding them added (its LSOAs' wards, its LSOAs' and
 * wards' local authorities), each once, in the order given. Codes the portal holds no area for stay as
 * they are. One statement for every list, inside the caller's transaction.
 */
export async function withContainingAreas(em: EntityManager, codeLists: readonly (readonly string[])[]): Promise<string[][]> {
  const codes = [...new Set(codeLists.flat())];
  if (codes.length === 0) return codeLists.map((list) => [...list]);
  const rows = await em
    .getConnection()
    .execute<HierarchyRow[]>('SELECT code, ward_code, local_authority_code FROM area WHERE code = ANY(?::text[])', [postgresArray(codes)], 'all', em.getTransactionContext());
  const holders = new Map(rows.map((row) => [row.code, [row.ward_code, row.local_authority_code].filter((code): code is string => Boolean(code))]));
  return codeLists.map((list) => [...new Set(list.flatMap((code) => [code, ...(holders.get(code) ?? [])]))]);
}
