import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundWeekQuery = graphql(`
  query FundWeek($id: ID!) {
    fund(id: $id) {
      id
      name
      slug
      purpose
      isDemo
      myRoles
      openPhase {
        id
        name
        kind
        maxAwardPence
      }
      ledger {
        contributedPence
        reservedPence
        committedPence
        paidPence
        availablePence
      }
      nextPanel {
        meetsAt
        cutoffAt
      }
      upcomingMeeting {
        id
        meetsAt
        status
      }
      applicationCounts {
        status
        count
      }
      duplicatesToReview
      applications(limit: 10) {
        id
        reference
        title
        status
        amountRequestedPence
        submittedAt
        assisted
        group {
          id
          name
          legalForm
        }
        phase {
          id
          name
        }
      }
    }
  }
`);

export const fundWeekQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'week'], queryFn: () => request(FundWeekQuery, { id: fundId }) });

export const useFundWeek = (fundId: string) => useQuery(fundWeekQueryOptions(fundId));
