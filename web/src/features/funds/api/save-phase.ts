import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { PhaseInput } from '../../../gql/graphql.ts';

const AddPhaseMutation = graphql(`
  mutation AddPhase($input: AddPhaseInput!) {
    addPhase(input: $input) {
      id
      version
    }
  }
`);

const UpdatePhaseMutation = graphql(`
  mutation UpdatePhase($input: UpdatePhaseInput!) {
    updatePhase(input: $input) {
      id
      version
    }
  }
`);

export interface SavePhase {
  /** Empty for a new phase, added after the last. */
  phaseId?: string;
  version: number;
  phase: PhaseInput;
}

export const useSavePhase = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    /** Resolves to the fund's version after the change. */
    mutationFn: async ({ phaseId, version, phase }: SavePhase): Promise<number> => {
      if (phaseId) return (await request(UpdatePhaseMutation, { input: { ...phase, fundId, phaseId, version } })).updatePhase.version;
      return (await request(AddPhaseMutation, { input: { ...phase, fundId, version } })).addPhase.version;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
