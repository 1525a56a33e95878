import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { TagApplicationInput } from '../../../gql/graphql.ts';

const TagApplicationMutation = graphql(`
  mutation TagApplication($input: TagApplicationInput!) {
    tagApplication(input: $input) {
      id
      version
      priorityTags
    }
  }
`);

export const tagApplication = (input: TagApplicationInput) => request(TagApplicationMutation, { input });

/** The checks page, the pack and the fund's figures all show tags: each is read again after a change. */
export const useTagApplication = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: tagApplication,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['application'] }),
        queryClient.invalidateQueries({ queryKey: ['meeting'] }),
        queryClient.invalidateQueries({ queryKey: ['fund'] }),
      ]),
  });
};
