import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { ReviewDuplicateInput } from '../../../gql/graphql.ts';

const ReviewDuplicateMutation = graphql(`
  mutation ReviewDuplicate($input: ReviewDuplicateInput!) {
    reviewDuplicate(input: $input) {
      id
      verdict
      note
      version
    }
  }
`);

export const reviewDuplicate = (input: ReviewDuplicateInput) => request(ReviewDuplicateMutation, { input });

/**
 * Reads the fund's flags again whatever the outcome: after a save the flag moves to the reviewed ones,
 * and after a refusal because someone else reviewed it meanwhile, their review is the one to show.
 * The mutation stays pending until then, so its outcome is shown beside the flag's new state.
 */
export const useReviewDuplicate = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewDuplicate,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['fund', fundId] }), queryClient.invalidateQueries({ queryKey: ['application'] }), queryClient.invalidateQueries({ queryKey: ['meeting'] })]),
  });
};
