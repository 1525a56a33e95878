import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { UpdateFundInput } from '../../../gql/graphql.ts';

const UpdateFundMutation = graphql(`
  mutation UpdateFundSettings($input: UpdateFundInput!) {
    updateFund(input: $input) {
      id
      version
    }
  }
`);

export const useUpdateFund = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<UpdateFundInput, 'id'>) => request(UpdateFundMutation, { input: { ...input, id: fundId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
