import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { CreateFundInput } from '../../../gql/graphql.ts';

const CreateFundMutation = graphql(`
  mutation CreateFund($input: CreateFundInput!) {
    createFund(input: $input) {
      id
      name
    }
  }
`);

export const useCreateFund = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateFundInput) => request(CreateFundMutation, { input }),
    // The new fund brings a new role, which the header and the fund list read from "me".
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
};
