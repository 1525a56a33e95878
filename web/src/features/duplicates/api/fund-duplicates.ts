import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundDuplicatesQuery = graphql(`
  query FundDuplicates($id: ID!) {
    fund(id: $id) {
      id
      name
      myRoles
      duplicateFlags {
        ...DuplicateFlagFields
        version
        applications {
          title
        }
        externalGrant {
          grantIdentifier
          title
        }
      }
      externalGrantImports {
        id
        fileName
        grantCount
        skippedIndividuals
        funderNames
        createdAt
      }
    }
  }
`);

export type FundDuplicates = ResultOf<typeof FundDuplicatesQuery>['fund'];
export type DuplicateFlagView = FundDuplicates['duplicateFlags'][number];

// Under the fund's key, so whatever changes the fund (a triage, an import) reads the flags again too.
export const fundDuplicatesQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'duplicates'], queryFn: () => request(FundDuplicatesQuery, { id: fundId }) });

export const useFundDuplicates = (fundId: string) => useQuery(fundDuplicatesQueryOptions(fundId));
