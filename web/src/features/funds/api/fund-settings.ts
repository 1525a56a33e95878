import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundSettingsQuery = graphql(`
  query FundSettings($id: ID!) {
    fund(id: $id) {
      id
      name
      purpose
      areaDescription
      referencePrefix
      reservedPence
      unconstitutedCapPence
      panelWeekday
      panelTime
      cutoffHoursBefore
      version
      areaCodes
      areas {
        code
        name
        kind
      }
      viewerMay {
        manage
      }
      phases {
        id
        name
        kind
        position
        criteria
        minAwardPence
        maxAwardPence
        status
      }
    }
  }
`);

export const fundSettingsQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'settings'], queryFn: () => request(FundSettingsQuery, { id: fundId }) });

export const useFundSettings = (fundId: string) => useQuery(fundSettingsQueryOptions(fundId));
