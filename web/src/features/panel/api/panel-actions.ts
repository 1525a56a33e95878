import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { CloseMeetingInput, DecisionInput, DeclareConflictInput, ScoreInput } from '../../../gql/graphql.ts';

const ScoreMutation = graphql(`
  mutation ScoreApplication($input: ScoreInput!) {
    scoreApplication(input: $input) {
      id
      value
    }
  }
`);

const DeclareConflictMutation = graphql(`
  mutation DeclareConflict($input: DeclareConflictInput!) {
    declareConflict(input: $input) {
      id
    }
  }
`);

const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: DecisionInput!) {
    recordDecision(input: $input) {
      id
      kind
      version
    }
  }
`);

const CloseMeetingMutation = graphql(`
  mutation CloseMeeting($input: CloseMeetingInput!) {
    closeMeeting(input: $input) {
      id
      status
    }
  }
`);

/** Every panel action changes the pack and the fund's money, so both are read again afterwards. */
function usePanelMutation<TInput>(meetingId: string, mutationFn: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['meeting', meetingId] }), queryClient.invalidateQueries({ queryKey: ['fund'] })]);
    },
  });
}

export const useScoreApplication = (meetingId: string) => usePanelMutation(meetingId, (input: ScoreInput) => request(ScoreMutation, { input }));
export const useDeclareConflict = (meetingId: string) => usePanelMutation(meetingId, (input: DeclareConflictInput) => request(DeclareConflictMutation, { input }));
export const useRecordDecision = (meetingId: string) => usePanelMutation(meetingId, (input: DecisionInput) => request(RecordDecisionMutation, { input }));
export const useCloseMeeting = (meetingId: string) => usePanelMutation(meetingId, (input: CloseMeetingInput) => request(CloseMeetingMutation, { input }));
