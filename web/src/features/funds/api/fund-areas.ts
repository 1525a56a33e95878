import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const LocalAuthoritiesQuery = graphql(`
  query LocalAuthoritiesToCover {
    areas(kind: LOCAL_AUTHORITY) {
      code
      name
      demo
    }
  }
`);

const SetFundAreasMutation = graphql(`
  mutation SetFundAreas($input: SetFundAreasInput!) {
    setFundAreas(input: $input) {
      id
      version
      areaCodes
    }
  }
`);

/** Every local authority the portal holds, to choose the fund's from. */
export const useLocalAuthorities = () =>
  useQuery(queryOptions({ queryKey: ['areas', 'LOCAL_AUTHORITY'], queryFn: () => request(LocalAuthoritiesQuery) }));

export const useSetFundAreas = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; areaCodes: string[] }) => request(SetFundAreasMutation, { input: { ...input, fundId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
