import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const OpenPhaseMutation = graphql(`
  mutation OpenPhaseFromSettings($input: OpenPhaseInput!) {
    openPhase(input: $input) {
      id
      version
    }
  }
`);

export const useOpenPhase = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ phaseId, version }: { phaseId: string; version: number }) => request(OpenPhaseMutation, { input: { fundId, phaseId, version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
