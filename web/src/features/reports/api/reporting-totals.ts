import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

export const ReportingFiguresFragment = graphql(`
  fragment ReportingFiguresFields on ReportingFigures {
    grantCount
    pence
    peopleReached
    reportsSent
    reportsDue
    reportsOverdue
  }
`);

export const ReportingFiguresRowFragment = graphql(`
  fragment ReportingFiguresRowFields on ReportingFiguresRow {
    key
    label
    grantCount
    pence
    peopleReached
    reportsSent
    reportsDue
    reportsOverdue
  }
`);

const ReportingTotalsQuery = graphql(`
  query ReportingTotals($fundId: ID!) {
    fund(id: $fundId) {
      id
      name
    }
    reportingTotals(fundId: $fundId) {
      fundId
      all {
        ...ReportingFiguresFields
      }
      byPriority {
        ...ReportingFiguresRowFields
      }
      byPhase {
        ...ReportingFiguresRowFields
      }
      funderViews {
        id
        name
      }
    }
  }
`);

export type ReportingTotalsView = ResultOf<typeof ReportingTotalsQuery>['reportingTotals'];

export const reportingTotalsQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'reporting-totals'], queryFn: () => request(ReportingTotalsQuery, { fundId }) });

export const useReportingTotals = (fundId: string) => useQuery(reportingTotalsQueryOptions(fundId));
