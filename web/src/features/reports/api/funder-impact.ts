import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FunderImpactQuery = graphql(`
  query FunderImpact($fundId: ID!, $funderId: ID!) {
    funderImpact(fundId: $fundId, funderId: $funderId) {
      fundId
      fundName
      csvUrl
      unsharedStories
      funder {
        id
        name
      }
      all {
        ...ReportingFiguresFields
      }
      byPriority {
        ...ReportingFiguresRowFields
      }
      byPhase {
        ...ReportingFiguresRowFields
      }
      grants {
        id
        reference
        title
        groupName
        amountPence
        funderPence
        awardedOn
        phaseName
        requirement
        reportState
        reportDueOn
        peopleCount
        consent
        priorities {
          key
          label
        }
        areas {
          code
          name
        }
        funders {
          id
          name
          pence
        }
        story {
          ...StoryFields
        }
      }
    }
  }
`);

export type FunderImpactView = ResultOf<typeof FunderImpactQuery>['funderImpact'];

export const funderImpactQueryOptions = (fundId: string, funderId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'funder-impact', funderId], queryFn: () => request(FunderImpactQuery, { fundId, funderId }) });

export const useFunderImpact = (fundId: string, funderId: string) => useQuery(funderImpactQueryOptions(fundId, funderId));
