import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const PanelPackQuery = graphql(`
  query PanelPack($id: ID!) {
    meeting(id: $id) {
      id
      meetsAt
      cutoffAt
      status
      fund {
        id
        name
        purpose
        ledger {
          reservedPence
          availablePence
        }
        contributions {
          id
          amountPence
          restrictedToPriorities
          restrictedToAreas
          excludesUnconstituted
          spendBy
          restrictedToPhase {
            name
          }
          funder {
            name
          }
          ledger {
            committedPence
            paidPence
            availablePence
          }
        }
      }
      agenda {
        id
        reference
        title
        summary
        description
        beneficiaries
        budget
        amountRequestedPence
        priorityTags
        assisted
        myConflict
        group {
          name
          legalForm
        }
        phase {
          name
        }
        scores {
          value
          comment
          panellist {
            name
          }
        }
        conflicts {
          reason
          panellist {
            name
          }
        }
        decision {
          kind
          amountPence
        }
      }
    }
  }
`);

export const panelPackQueryOptions = (meetingId: string) =>
  queryOptions({ queryKey: ['meeting', meetingId, 'pack'], queryFn: () => request(PanelPackQuery, { id: meetingId }) });

export const usePanelPack = (meetingId: string) => useQuery(panelPackQueryOptions(meetingId));
