import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { AddPriorityInput } from '../../../gql/graphql.ts';

const AddPriorityMutation = graphql(`
  mutation AddPriority($input: AddPriorityInput!) {
    addPriority(input: $input) {
      id
      key
      label
    }
  }
`);

export const addPriority = (input: AddPriorityInput) => request(AddPriorityMutation, { input });

export const useAddPriority = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addPriority, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
