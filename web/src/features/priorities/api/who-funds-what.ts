import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const WhoFundsWhatQuery = graphql(`
  query WhoFundsWhat($fundId: ID!) {
    fund(id: $fundId) {
      id
      name
    }
    whoFundsWhat(fundId: $fundId) {
      fundId
      funders {
        funder {
          id
          name
        }
        focusKeys
        viewerMayMarkFocus
        totalPence
        grantCount
      }
      rows {
        priority {
          id
          key
          label
          kind
          retired
        }
        cells {
          funderId
          pence
          grantCount
          focus
        }
        totalPence
        grantCount
        focusCount
        overlap
        gap
      }
      untagged {
        cells {
          funderId
          pence
          grantCount
        }
        totalPence
        grantCount
      }
      totals {
        cells {
          funderId
          pence
          grantCount
        }
        totalPence
        grantCount
      }
    }
  }
`);

export type WhoFundsWhat = ResultOf<typeof WhoFundsWhatQuery>['whoFundsWhat'];

export const whoFundsWhatQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'who-funds-what'], queryFn: () => request(WhoFundsWhatQuery, { fundId }) });

export const useWhoFundsWhat = (fundId: string) => useQuery(whoFundsWhatQueryOptions(fundId));
