import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const CheckFundMutation = graphql(`
  mutation CheckFundForDuplicates($fundId: ID!) {
    checkFundForDuplicates(fundId: $fundId) {
      applications
      flagged
    }
  }
`);

export const checkFundForDuplicates = async (fundId: string) => (await request(CheckFundMutation, { fundId })).checkFundForDuplicates;

export const useCheckFund = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => checkFundForDuplicates(fundId),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['fund', fundId] }), queryClient.invalidateQueries({ queryKey: ['application'] }), queryClient.invalidateQueries({ queryKey: ['meeting'] })]),
  });
};
