import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { UpdatePriorityInput } from '../../../gql/graphql.ts';

const UpdatePriorityMutation = graphql(`
  mutation UpdatePriority($input: UpdatePriorityInput!) {
    updatePriority(input: $input) {
      id
      label
      kind
      description
      version
    }
  }
`);

export const updatePriority = (input: UpdatePriorityInput) => request(UpdatePriorityMutation, { input });

/** Reads the list again whatever the outcome, so a change made meanwhile by someone else shows. */
export const useUpdatePriority = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updatePriority, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
