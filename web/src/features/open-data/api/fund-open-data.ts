import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundOpenDataQuery = graphql(`
  query FundOpenData($id: ID!) {
    fund(id: $id) {
      id
      name
      openData {
        prefix
        defaultPrefix
        prefixIsDefault
        grantCount
        jsonPath
        csvPath
        canSetPrefix
      }
    }
  }
`);

export const fundOpenDataQuery = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'open-data'], queryFn: () => request(FundOpenDataQuery, { id: fundId }) });

export const useFundOpenData = (fundId: string) => useQuery(fundOpenDataQuery(fundId));
