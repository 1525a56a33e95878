import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { FunderKind, UpdateContributionInput } from '../../../gql/graphql.ts';

/** The money and its restrictions, as both recording and changing a contribution send them. */
export type ContributionTerms = Omit<UpdateContributionInput, 'id' | 'version'>;

const RecordContributionMutation = graphql(`
  mutation RecordContribution($input: RecordContributionInput!) {
    recordContribution(input: $input) {
      id
    }
  }
`);

const UpdateContributionMutation = graphql(`
  mutation UpdateContribution($input: UpdateContributionInput!) {
    updateContribution(input: $input) {
      id
      version
    }
  }
`);

export type SaveContribution =
  | { kind: 'record'; terms: ContributionTerms; funderId?: string; newFunderName?: string; newFunderKind?: FunderKind }
  | { kind: 'update'; terms: ContributionTerms; id: string; version: number };

export const useSaveContribution = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (save: SaveContribution) => {
      if (save.kind === 'record') {
        const { funderId = null, newFunderName = null, newFunderKind = null } = save;
        await request(RecordContributionMutation, { input: { ...save.terms, fundId, funderId, newFunderName, newFunderKind } });
      } else {
        await request(UpdateContributionMutation, { input: { ...save.terms, id: save.id, version: save.version } });
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
