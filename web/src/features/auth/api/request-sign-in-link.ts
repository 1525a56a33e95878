import { useMutation } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const RequestSignInLinkMutation = graphql(`
  mutation RequestSignInLink($input: RequestSignInLinkInput!) {
    requestSignInLink(input: $input) {
      message
    }
  }
`);

export const useRequestSignInLink = () =>
  useMutation({
    mutationFn: (email: string) => request(RequestSignInLinkMutation, { input: { email } }),
  });
