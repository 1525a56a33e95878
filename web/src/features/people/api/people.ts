import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundPeopleQuery = graphql(`
  query FundPeople($id: ID!) {
    fund(id: $id) {
      id
      name
      funders {
        id
        name
      }
      members {
        id
        role
        user {
          id
          name
          email
        }
        funder {
          id
          name
        }
      }
      invites {
        id
        email
        name
        role
        state
        createdAt
        expiresAt
        funder {
          id
          name
        }
        invitedBy {
          id
          name
        }
      }
    }
  }
`);

export const fundPeopleQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'people'], queryFn: () => request(FundPeopleQuery, { id: fundId }) });

export const useFundPeople = (fundId: string) => useQuery(fundPeopleQueryOptions(fundId));
