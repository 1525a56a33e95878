import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { MarkPaymentPaidInput } from '../../../gql/graphql.ts';

const FundGrantsQuery = graphql(`
  query FundGrants($id: ID!) {
    fund(id: $id) {
      id
      name
      myRoles
      ledger {
        committedPence
        paidPence
      }
      openData {
        grantCount
      }
      grants {
        id
        amountPence
        payee
        payeeName
        reporting
        reportDueOn
        report {
          id
          status
          overdue
        }
        bankDetailsGiven
        application {
          id
          reference
          group {
            name
          }
        }
        payments {
          id
          amountPence
          status
          paidAt
        }
      }
    }
  }
`);

const MarkPaymentPaidMutation = graphql(`
  mutation MarkPaymentPaid($input: MarkPaymentPaidInput!) {
    markPaymentPaid(input: $input) {
      id
      status
      paidAt
    }
  }
`);

export const useFundGrants = (fundId: string) =>
  useQuery(queryOptions({ queryKey: ['fund', fundId, 'grants'], queryFn: () => request(FundGrantsQuery, { id: fundId }) }));

export const useMarkPaymentPaid = (fundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkPaymentPaidInput) => request(MarkPaymentPaidMutation, { input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['fund', fundId] }),
  });
};
