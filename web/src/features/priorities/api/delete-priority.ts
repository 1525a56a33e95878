import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { DeletePriorityInput } from '../../../gql/graphql.ts';

const DeletePriorityMutation = graphql(`
  mutation DeletePriority($input: DeletePriorityInput!) {
    deletePriority(input: $input) {
      id
    }
  }
`);

export const deletePriority = (input: DeletePriorityInput) => request(DeletePriorityMutation, { input });

export const useDeletePriority = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deletePriority, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
