import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { RecordPhoneReportInput } from '../../../gql/graphql.ts';

const RecordPhoneReportMutation = graphql(`
  mutation RecordPhoneReport($input: RecordPhoneReportInput!) {
    recordPhoneReport(input: $input) {
      id
      status
    }
  }
`);

export const recordPhoneReport = (input: RecordPhoneReportInput) => request(RecordPhoneReportMutation, { input });

/** Reads the grant and its report again whatever the outcome, so a change made meanwhile shows. */
export const useRecordPhoneReport = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordPhoneReport, onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }) });
};
