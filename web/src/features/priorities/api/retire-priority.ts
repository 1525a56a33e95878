import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { RetirePriorityInput } from '../../../gql/graphql.ts';

const RetirePriorityMutation = graphql(`
  mutation RetirePriority($input: RetirePriorityInput!) {
    setPriorityRetired(input: $input) {
      id
      label
      retired
      version
    }
  }
`);

export const retirePriority = (input: RetirePriorityInput) => request(RetirePriorityMutation, { input });

export const useRetirePriority = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: retirePriority, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
