import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const AreasOverviewQuery = graphql(`
  query AreasOverview {
    areaSummary {
      postcodes
      kinds {
        kind
        areas
        withBoundary
        withPopulation
        withDeprivation
        demo
      }
    }
    areaImports(limit: 50) {
      id
      kind
      fileName
      rowsRead
      areasCreated
      areasUpdated
      postcodes
      importedBy
      createdAt
    }
  }
`);

export type AreasOverview = ResultOf<typeof AreasOverviewQuery>;

export const areasOverviewQueryOptions = () => queryOptions({ queryKey: ['areas', 'overview'], queryFn: () => request(AreasOverviewQuery) });

export const useAreasOverview = () => useQuery(areasOverviewQueryOptions());
