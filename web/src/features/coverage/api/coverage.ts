import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { type CoverageAreaFigures, fromAreaTable } from '../../../../../shared/coverage.ts';
import { graphql } from '../../../gql/index.ts';

const CoverageOptionsQuery = graphql(`
  query CoverageOptions($fundId: ID!) {
    fund(id: $fundId) {
      ...FundFilterOptions
    }
  }
`);

// Asks for the map and nothing else, so the server can serve the whole answer again while nothing in
// it has changed (coverage-cache.ts).
const CoverageQuery = graphql(`
  query Coverage($fundId: ID!, $level: AreaKind!, $filter: CoverageFilter) {
    coverage(fundId: $fundId, level: $level, filter: $filter) {
      fundId
      level
      fundAreas {
        code
        name
        kind
      }
      areaTable
      grants {
        ...CoverageTotalsFields
      }
      external {
        totals {
          ...CoverageTotalsFields
        }
        otherCurrencyCount
      }
      ruralPeoplePerKm2
      medianPencePerHead
      littlePencePerHead
      gaps {
        deprived {
          code
        }
        rural {
          rural {
            ...AreaGroupFields
          }
          urban {
            ...AreaGroupFields
          }
          unknownCount
          unfunded {
            code
          }
          little {
            code
          }
        }
        communities {
          priority {
            id
            key
            label
          }
          grantCount
          pence
        }
        noCommunity {
          grantCount
          pence
        }
      }
    }
  }

  fragment CoverageTotalsFields on CoverageTotals {
    all {
      grantCount
      pence
    }
    inAreas {
      grantCount
      pence
    }
    wider {
      grantCount
      pence
    }
    outside {
      grantCount
      pence
    }
    unplaced {
      grantCount
      pence
    }
    noArea {
      grantCount
      pence
    }
  }

  fragment AreaGroupFields on AreaGroupFigures {
    areaCount
    unfundedCount
    population
    pence
    pencePerHead
  }
`);

export type CoverageOptions = ResultOf<typeof CoverageOptionsQuery>['fund'];
type CoverageAnswer = ResultOf<typeof CoverageQuery>['coverage'];
export type CoverageAreaView = CoverageAreaFigures;
/** The map as the page uses it: the area table read back into one object per area. */
export type CoverageView = Omit<CoverageAnswer, 'areaTable'> & { areas: CoverageAreaView[] };
export type CoverageVariables = VariablesOf<typeof CoverageQuery>;
export type CoverageFilterInput = NonNullable<CoverageVariables['filter']>;

export const coverageQueryOptions = (variables: CoverageVariables) =>
  queryOptions({
    queryKey: ['fund', variables.fundId, 'coverage', variables.level, variables.filter ?? {}],
    queryFn: async (): Promise<{ coverage: CoverageView }> => {
      const { areaTable, ...coverage } = (await request(CoverageQuery, variables)).coverage;
      return { coverage: { ...coverage, areas: fromAreaTable(areaTable) } };
    },
  });

export const coverageOptionsQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'coverage-options'], queryFn: async () => (await request(CoverageOptionsQuery, { fundId })).fund });

/** The fund's name, and its phases, priorities and funders to filter by. */
export const useCoverageOptions = (fundId: string) => useQuery(coverageOptionsQueryOptions(fundId));

/** Keeps the last map on screen while a changed filter loads, so the page does not jump. */
export const useCoverage = (variables: CoverageVariables) => useQuery({ ...coverageQueryOptions(variables), placeholderData: keepPreviousData });
