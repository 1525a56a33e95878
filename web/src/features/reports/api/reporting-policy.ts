import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundReportingPolicyQuery = graphql(`
  query FundReportingPolicy($id: ID!) {
    fund(id: $id) {
      id
      name
      myRoles
      reportingPolicy {
        sentencesFromPence
        shortFormFromPence
        dueWeeks
        version
        updatedAt
      }
    }
  }
`);

export const fundReportingPolicyQuery = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'reporting-policy'], queryFn: () => request(FundReportingPolicyQuery, { id: fundId }) });

export const useFundReportingPolicy = (fundId: string) => useQuery(fundReportingPolicyQuery(fundId));
