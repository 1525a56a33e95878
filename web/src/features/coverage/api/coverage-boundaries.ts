import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { AreaKind } from '../../../gql/graphql.ts';

const CoverageBoundariesQuery = graphql(`
  query CoverageBoundaries($fundId: ID!, $level: AreaKind!) {
    coverageBoundaries(fundId: $fundId, level: $level) {
      level
      version
      withoutBoundary
      featureCollection
    }
  }
`);

export type AreaFeatures = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
export type CoverageBoundaries = Omit<ResultOf<typeof CoverageBoundariesQuery>['coverageBoundaries'], 'featureCollection'> & { featureCollection: AreaFeatures };

// Boundaries change only when someone imports new ones, so a page keeps them for its whole visit. The
// JSON scalar is typed loosely by codegen; the schema says it is this GeoJSON.
export const coverageBoundariesQueryOptions = (fundId: string, level: AreaKind) =>
  queryOptions({
    queryKey: ['fund', fundId, 'coverage-boundaries', level],
    queryFn: async () => (await request(CoverageBoundariesQuery, { fundId, level })).coverageBoundaries as unknown as CoverageBoundaries,
    staleTime: Infinity,
    gcTime: 60 * 60 * 1000,
  });

export const useCoverageBoundaries = (fundId: string, level: AreaKind) => useQuery(coverageBoundariesQueryOptions(fundId, level));
