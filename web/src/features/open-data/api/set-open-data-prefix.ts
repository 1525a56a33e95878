import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { SetOpenDataPrefixInput } from '../../../gql/graphql.ts';

const SetOpenDataPrefixMutation = graphql(`
  mutation SetOpenDataPrefix($input: SetOpenDataPrefixInput!) {
    setOpenDataPrefix(input: $input) {
      id
      openData {
        prefix
        prefixIsDefault
      }
    }
  }
`);

export const setOpenDataPrefix = (input: SetOpenDataPrefixInput) => request(SetOpenDataPrefixMutation, { input });

export const useSetOpenDataPrefix = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setOpenDataPrefix, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
