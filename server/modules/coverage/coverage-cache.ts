// Coverage maps are the same for everyone in a fund and change only when the fund's grants, their
// applications, the fund's areas or priorities, the areas or the published grants do; a county's map
// is small, but an England-wide one at LSOA level is 33,000 areas. So the figures and the page's whole
// answer are kept per process, keyed by the versions of everything they are computed from.
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import { Kind, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../../context.ts';
import { canOnCoverage } from '../../policies/coverage.policy.ts';

/**
 * What a fund's coverage is computed from, as versions that change whenever any of it does: `areas`,
 * the area imports (boundaries, figures, postcodes), which is all the map's areas and their own
 * figures depend on; and `all`, which adds the fund's data version (raised by database triggers, in the
 * same transaction, on any change to its grants' applications, decisions and draws, its contributions,
 * phases, priorities or areas) and the fund's 360Giving imports.
 */
export async function coverageVersions(em: EntityManager, fundId: string): Promise<{ all: string; areas: string }> {
  const [row] = await em.getConnection().execute<{ fund: string; areas: string; external: string }[]>(
    `SELECT coalesce((SELECT version FROM fund_data_version WHERE fund_id = ?), 0)::text AS fund,
            (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM area_import) AS areas,
            (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM external_grant_import WHERE fund_id = ?) AS external`,
    [fundId, fundId],
  );
  return { all: `${row.fund}/${row.areas}/${row.external}`, areas: row.areas };
}

/** A bounded map, least recently used out first, weighed by the areas each entry holds. */
export class AreaWeightedCache<T> {
  private readonly entries = new Map<string, { value: T; weight: number }>();
  private total = 0;

  constructor(private readonly maxAreas: number) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, areas: number) {
    const weight = Math.max(1, areas);
    if (weight > this.maxAreas) return;
    const old = this.entries.get(key);
    if (old) this.total -= old.weight;
    this.entries.delete(key);
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxAreas) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }
}

/** The fund of an operation that asks for exactly one coverage map and nothing else, if it is one. */
function coverageFundId(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | null {
  const [field, ...others] = operation.selectionSet.selections;
  if (operation.operation !== 'query' || others.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== 'coverage' || field.alias) return null;
  const argument = field.arguments?.find((entry) => entry.name.value === 'fundId')?.value;
  const id = argument?.kind === Kind.VARIABLE ? variables?.[argument.name.value] : argument?.kind === Kind.STRING ? argument.value : null;
  return typeof id === 'string' && isUUID(id, 'all') ? id : null;
}

/**
 * Serves the coverage page's answer again while nothing it shows has changed: it is the same for
 * everyone who may see the fund's map, who are checked on every request; answers with errors are never
 * kept. An England-wide LSOA map is 8.8 MB of JSON, and turning 33,000 areas into it takes GraphQL
 * most of a second.
 */
export function coverageResponseCache(maxAreas = 100_000): ApolloServerPlugin<Context> {
  const answers = new AreaWeightedCache<FormattedExecutionResult>(maxAreas);
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation({ operation, request, source, contextValue }) {
          const fundId = coverageFundId(operation, request.variables);
          if (!fundId || !canOnCoverage(contextValue.viewer, 'view', { id: fundId })) return null;
          const version = (await coverageVersions(contextValue.em, fundId)).all;
          key = createHash('sha256')
            .update(JSON.stringify([fundId, version, request.operationName ?? null, request.variables ?? null, source]))
            .digest('base64url');
          const hit = answers.get(key);
          return hit ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit } } : null;
        },
        async willSendResponse({ response }) {
          if (!key || response.body.kind !== 'single' || response.body.singleResult.errors || answers.get(key)) return;
          // Weighed by the areas it holds, as objects or as the table's rows.
          const coverage = response.body.singleResult.data?.coverage as { areas?: unknown[]; areaTable?: { rows?: unknown[] } } | undefined;
          answers.set(key, response.body.singleResult, Math.max(coverage?.areas?.length ?? 0, coverage?.areaTable?.rows?.length ?? 0));
        },
      };
    },
  };
}
