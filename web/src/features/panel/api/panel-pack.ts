import type { ResultOf } from '@graphql-typed-document-node/core';
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
        myRoles
        priorities {
          key
          label
          kind
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
      people {
        id
        role
        user {
          id
          name
        }
        funder {
          name
        }
      }
      minutes {
        attendees {
          name
          role
        }
        decisions {
          reference
          group
          decision
          amountPence
          note
        }
        recusals {
          name
          reference
          reason
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
        version
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
            id
            name
          }
        }
        conflicts {
          reason
          panellist {
            name
          }
        }
        duplicateFlags {
          ...DuplicateFlagFields
        }
        decision {
          id
          kind
          amountPence
          reason
          message
          referredTo
          version
          draws {
            amountPence
            contribution {
              id
              funder {
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const panelPackQueryOptions = (meetingId: string) =>
  queryOptions({ queryKey: ['meeting', meetingId, 'pack'], queryFn: () => request(PanelPackQuery, { id: meetingId }) });

export type PanelPack = ResultOf<typeof PanelPackQuery>['meeting'];
export type AgendaItem = PanelPack['agenda'][number];

export const usePanelPack = (meetingId: string) => useQuery(panelPackQueryOptions(meetingId));
