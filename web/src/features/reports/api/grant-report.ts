import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const GrantReportQuery = graphql(`
  query GrantReport($fundId: ID!, $grantId: ID!) {
    fund(id: $fundId) {
      id
      name
      myRoles
      grants {
        id
        amountPence
        reporting
        reportDueOn
        version
        application {
          id
          reference
          title
          group {
            name
          }
        }
      }
    }
    grantReport(grantId: $grantId) {
      id
      status
      requirement
      dueOn
      overdue
      sentences
      whatHappened
      peopleCount
      story
      whatChanged
      moneyLeftPence
      storyConsent
      submittedAt
      updatedAt
      takenByPhone
      takenBy {
        name
      }
      photo {
        url
        width
        height
        description
      }
      replies {
        id
        message
        createdAt
        author {
          name
        }
      }
    }
  }
`);

export const grantReportQuery = (fundId: string, grantId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'grant-report', grantId], queryFn: () => request(GrantReportQuery, { fundId, grantId }) });

export const useGrantReport = (fundId: string, grantId: string) => useQuery(grantReportQuery(fundId, grantId));
