import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const useSignOut = (everywhere = false) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      await (everywhere ? request(SignOutEverywhereMutation) : request(SignOutMutation));
    },
    onSuccess: () => queryClient.clear(),
  });
};
