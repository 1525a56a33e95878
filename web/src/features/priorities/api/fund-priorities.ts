import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundPrioritiesQuery = graphql(`
  query FundPriorities($id: ID!) {
    fund(id: $id) {
      id
      name
      viewerMay {
        editPriorities
      }
      priorities {
        id
        key
        label
        kind
        description
        position
        retired
        version
        usage {
          applications
          drafts
          contributions
          focusMarks
          inUse
        }
      }
    }
  }
`);

export type FundPriority = ResultOf<typeof FundPrioritiesQuery>['fund']['priorities'][number];

export const fundPrioritiesQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'priorities'], queryFn: () => request(FundPrioritiesQuery, { id: fundId }) });

export const useFundPriorities = (fundId: string) => useQuery(fundPrioritiesQueryOptions(fundId));
