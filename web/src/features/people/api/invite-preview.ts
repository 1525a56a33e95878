import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const InvitePreviewQuery = graphql(`
  query InvitePreview($token: String!) {
    invite(token: $token) {
      fundName
      name
      email
      role
      funderName
      invitedByName
      expiresAt
      state
    }
  }
`);

export const invitePreviewQueryOptions = (token: string) =>
  queryOptions({ queryKey: ['invite', token], queryFn: () => request(InvitePreviewQuery, { token }), enabled: token.length > 0 });

export const useInvitePreview = (token: string) => useQuery(invitePreviewQueryOptions(token));
