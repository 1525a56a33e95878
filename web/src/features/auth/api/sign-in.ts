import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
      }
    }
  }
`);

export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => request(SignInMutation, { input: { token } }),
    // Everything cached belonged to whoever was signed in before.
    onSuccess: () => queryClient.resetQueries(),
  });
};
