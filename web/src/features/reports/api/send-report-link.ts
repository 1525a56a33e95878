import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const SendReportLinkMutation = graphql(`
  mutation SendReportLink($grantId: ID!) {
    sendReportLink(grantId: $grantId)
  }
`);

export const sendReportLink = (grantId: string) => request(SendReportLinkMutation, { grantId });

/** Reads the grant and its report again whatever the outcome, so a change made meanwhile shows. */
export const useSendReportLink = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendReportLink, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
