import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const FundMoneyQuery = graphql(`
  query FundMoney($id: ID!) {
    fund(id: $id) {
      id
      name
      viewerMay {
        recordContribution
        addFunder
      }
      recordableFunders {
        id
        name
      }
      phases {
        id
        name
      }
      priorities {
        key
        label
        retired
      }
      ledger {
        contributedPence
        reservedPence
        committedPence
        paidPence
        availablePence
      }
      contributions {
        id
        version
        amountPence
        receivedOn
        restrictedToPriorities
        restrictedToAreas
        excludesUnconstituted
        restrictedToPhase {
          id
          name
        }
        spendBy
        note
        viewerCanEdit
        funder {
          id
          name
        }
        ledger {
          contributedPence
          committedPence
          paidPence
          availablePence
        }
      }
    }
  }
`);

export const fundMoneyQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'money'], queryFn: () => request(FundMoneyQuery, { id: fundId }) });

export const useFundMoney = (fundId: string) => useQuery(fundMoneyQueryOptions(fundId));
