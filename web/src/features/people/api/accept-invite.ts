import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const AcceptInviteMutation = graphql(`
  mutation AcceptInvite($input: AcceptInviteInput!) {
    acceptInvite(input: $input) {
      fundId
      fundName
      role
    }
  }
`);

export const useAcceptInvite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => request(AcceptInviteMutation, { input: { token } }),
    // Accepting signs the person in: everything cached belonged to whoever was signed in before.
    onSuccess: () => queryClient.resetQueries(),
  });
};
