import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { ReorderPrioritiesInput } from '../../../gql/graphql.ts';

const ReorderPrioritiesMutation = graphql(`
  mutation ReorderPriorities($input: ReorderPrioritiesInput!) {
    reorderPriorities(input: $input) {
      id
      position
    }
  }
`);

export const reorderPriorities = (input: ReorderPrioritiesInput) => request(ReorderPrioritiesMutation, { input });

export const useReorderPriorities = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reorderPriorities, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
