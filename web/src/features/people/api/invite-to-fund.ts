import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { InviteToFundInput } from '../../../gql/graphql.ts';

const InviteToFundMutation = graphql(`
  mutation InviteToFund($input: InviteToFundInput!) {
    inviteToFund(input: $input) {
      id
      email
    }
  }
`);

export const useInviteToFund = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<InviteToFundInput, 'fundId'>) => request(InviteToFundMutation, { input: { ...input, fundId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
