import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { FunderFocusInput } from '../../../gql/graphql.ts';

const SetFunderFocusMutation = graphql(`
  mutation SetFunderFocus($input: FunderFocusInput!) {
    setFunderFocus(input: $input) {
      funder {
        id
        name
      }
      priorityKeys
    }
  }
`);

export const setFunderFocus = (input: FunderFocusInput) => request(SetFunderFocusMutation, { input });

export const useSetFunderFocus = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setFunderFocus, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
