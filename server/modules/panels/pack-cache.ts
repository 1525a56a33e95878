import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { isUUID } from 'class-validator';
import { Kind, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../../context.ts';

/**
 * Room for this week's and last week's packs for a whole panel. Entries are kept as the answer
 * objects themselves (about 1 MB each for a 150-application pack), since parsing stored JSON on
 * every hit cost as much as the rest of the request.
 */
const MAX_ENTRIES = 50;

/** The meeting id of an operation that asks for exactly one meeting and nothing else, if it is one. */
function packMeetingId(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | null {
  const [field, ...others] = operation.selectionSet.selections;
  if (operation.operation !== 'query' || others.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== 'meeting') return null;
  const argument = field.arguments?.find((entry) => entry.name.value === 'id')?.value;
  const id = argument?.kind === Kind.VARIABLE ? variables?.[argument.name.value] : argument?.kind === Kind.STRING ? argument.value : null;
  return typeof id === 'string' && isUUID(id, 'all') ? id : null;
}

/**
 * Caches the panel pack, the largest answer in the product, which the whole panel reads at once
 * before a meeting. An entry is keyed by the person (what they may see differs: conflicts hide
 * scores), the exact operation, and the fund's data version, which database triggers raise in the
 * same transaction as any change the pack shows. So a cached pack is never served once a change
 * has committed, and nobody is served an answer that was not first computed, with every policy
 * check, for them.
 */
export function panelPackCache(): ApolloServerPlugin<Context> {
  const entries = new Map<string, FormattedExecutionResult>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation({ operation, request, source, contextValue }) {
          const meetingId = packMeetingId(operation, request.variables);
          const viewer = contextValue.viewer;
          if (!meetingId || !viewer) return null;
          const [row] = await contextValue.em
            .getConnection()
            .execute<{ version: string }[]>(
              'SELECT coalesce(v.version, 0) AS version FROM panel_meeting m LEFT JOIN fund_data_version v ON v.fund_id = m.fund_id WHERE m.id = ?',
              [meetingId],
            );
          if (!row) return null;
          key = createHash('sha256')
            .update(JSON.stringify([viewer.user.id, row.version, request.operationName ?? null, request.variables ?? null, source]))
            .digest('base64url');
          const hit = entries.get(key);
          if (hit === undefined) return null;
          // Most recently used last, so the oldest entry is the first to go.
          entries.delete(key);
          entries.set(key, hit);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit } };
        },
        async willSendResponse({ response }) {
          if (!key || entries.has(key) || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          entries.set(key, response.body.singleResult);
          if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        },
      };
    },
  };
}
