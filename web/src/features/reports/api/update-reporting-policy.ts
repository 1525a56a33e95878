import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { UpdateReportingPolicyInput } from '../../../gql/graphql.ts';

const UpdateReportingPolicyMutation = graphql(`
  mutation UpdateReportingPolicy($input: UpdateReportingPolicyInput!) {
    updateReportingPolicy(input: $input) {
      sentencesFromPence
      shortFormFromPence
      dueWeeks
      version
      updatedAt
    }
  }
`);

export const updateReportingPolicy = (input: UpdateReportingPolicyInput) => request(UpdateReportingPolicyMutation, { input });

/** Reads the policy again whatever the outcome, so a change made meanwhile by someone else shows. */
export const useUpdateReportingPolicy = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateReportingPolicy, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
