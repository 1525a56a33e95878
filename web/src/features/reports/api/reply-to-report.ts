import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { ReplyToReportInput } from '../../../gql/graphql.ts';

const ReplyToReportMutation = graphql(`
  mutation ReplyToReport($input: ReplyToReportInput!) {
    replyToReport(input: $input) {
      id
    }
  }
`);

export const replyToReport = (input: ReplyToReportInput) => request(ReplyToReportMutation, { input });

/** Reads the grant and its report again whatever the outcome, so a change made meanwhile shows. */
export const useReplyToReport = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: replyToReport, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
