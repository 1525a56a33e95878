import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { SetApplicationAreasInput } from '../../../gql/graphql.ts';

const FundAreasToChooseQuery = graphql(`
  query FundAreasToChoose($id: ID!) {
    fund(id: $id) {
      id
      localAuthorities: areas(kind: LOCAL_AUTHORITY) {
        code
        name
      }
      wards: areas(kind: WARD) {
        code
        name
        localAuthorityCode
      }
      lsoas: areas(kind: LSOA) {
        code
        name
        wardCode
      }
    }
  }
`);

const SetApplicationAreasMutation = graphql(`
  mutation SetApplicationAreas($input: SetApplicationAreasInput!) {
    setApplicationAreas(input: $input) {
      id
      version
      areaCodes
    }
  }
`);

/** The fund's local authorities, wards and small areas, to place an application in. */
export const useFundAreasToChoose = (fundId: string) =>
  useQuery(queryOptions({ queryKey: ['fund', fundId, 'areas-to-choose'], queryFn: () => request(FundAreasToChooseQuery, { id: fundId }) }));

/** The checks page, the pack and the map show an application's areas: each is read again after a change. */
export const useSetApplicationAreas = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetApplicationAreasInput) => request(SetApplicationAreasMutation, { input }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['application'] }),
        queryClient.invalidateQueries({ queryKey: ['meeting'] }),
        queryClient.invalidateQueries({ queryKey: ['fund'] }),
      ]),
  });
};
