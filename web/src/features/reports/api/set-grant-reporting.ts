import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { SetGrantReportingInput } from '../../../gql/graphql.ts';

const SetGrantReportingMutation = graphql(`
  mutation SetGrantReporting($input: SetGrantReportingInput!) {
    setGrantReporting(input: $input) {
      id
      reporting
      reportDueOn
      version
    }
  }
`);

export const setGrantReporting = (input: SetGrantReportingInput) => request(SetGrantReportingMutation, { input });

/** Reads the grant and its report again whatever the outcome, so a change made meanwhile shows. */
export const useSetGrantReporting = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setGrantReporting, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
