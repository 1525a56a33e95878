import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const RevokeInviteMutation = graphql(`
  mutation RevokeInvite($id: ID!) {
    revokeInvite(id: $id) {
      id
      state
    }
  }
`);

export const useRevokeInvite = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(RevokeInviteMutation, { id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId, 'people'] }),
  });
};
