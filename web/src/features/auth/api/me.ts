import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const MeQuery = graphql(`
  query Me {
    me {
      user {
        id
        name
        email
      }
      memberships {
        id
        role
        fund {
          id
          name
          isDemo
        }
        funder {
          id
          name
        }
      }
    }
  }
`);

export const meQueryOptions = () => queryOptions({ queryKey: ['me'], queryFn: () => request(MeQuery) });

export const useMe = () => useQuery(meQueryOptions());
