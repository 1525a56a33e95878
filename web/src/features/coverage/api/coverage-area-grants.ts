import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { CoverageFilterInput } from './coverage.ts';

const CoverageAreaGrantsQuery = graphql(`
  query CoverageAreaGrants($fundId: ID!, $code: String!, $filter: CoverageFilter) {
    coverageAreaGrants(fundId: $fundId, code: $code, filter: $filter) {
      code
      name
      kind
      grants {
        ...CoverageGrantFields
      }
      widerGrants {
        ...CoverageGrantFields
      }
      externalGrants {
        id
        recipientName
        title
        funderName
        amountPence
        awardedOn
      }
    }
  }

  fragment CoverageGrantFields on CoverageGrant {
    id
    reference
    groupName
    title
    phaseName
    amountPence
    countedPence
    pencePlacedHere
    awardedOn
  }
`);

export type CoverageAreaGrants = ResultOf<typeof CoverageAreaGrantsQuery>['coverageAreaGrants'];

export const coverageAreaGrantsQueryOptions = (fundId: string, code: string, filter: CoverageFilterInput) =>
  queryOptions({ queryKey: ['fund', fundId, 'coverage-area', code, filter], queryFn: async () => (await request(CoverageAreaGrantsQuery, { fundId, code, filter })).coverageAreaGrants });

export const useCoverageAreaGrants = (fundId: string, code: string | null, filter: CoverageFilterInput) =>
  useQuery({ ...coverageAreaGrantsQueryOptions(fundId, code ?? '', filter), enabled: code !== null });
