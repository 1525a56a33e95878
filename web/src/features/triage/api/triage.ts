import type { ResultOf } from '@graphql-typed-document-node/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { TriageInput } from '../../../gql/graphql.ts';

const TriageQueueQuery = graphql(`
  query TriageQueue($id: ID!) {
    fund(id: $id) {
      id
      name
      nextPanel {
        cutoffAt
      }
      submitted: applications(status: SUBMITTED, limit: 200) {
        id
        reference
        title
        amountRequestedPence
        submittedAt
        group {
          name
          legalForm
        }
      }
      ready: applications(status: CHECKED, limit: 200) {
        id
        reference
        title
        amountRequestedPence
        readyForPanelAt
        group {
          name
          legalForm
        }
      }
    }
  }
`);

const TriageApplicationQuery = graphql(`
  query ApplicationToCheck($id: ID!) {
    application(id: $id) {
      id
      fundId
      reference
      status
      version
      title
      summary
      description
      beneficiaries
      budget
      amountRequestedPence
      submittedAt
      assisted
      priorityTags
      viewerMayTag
      areaCodes
      viewerMayPlace
      areas {
        code
        name
        kind
      }
      tagOrigins {
        key
        byGroup
        addedAt
        addedBy {
          name
        }
      }
      readyForPanelAt
      group {
        name
        legalForm
      }
      phase {
        name
        maxAwardPence
      }
      contact {
        name
        email
        phone
        postcode
      }
      confirmations {
        kind
        name
        organisation
        status
        note
      }
      checklist {
        eligibilityConfirmed
        hostOrRefereeConfirmed
        safeguarding
        bankDetailsChecked
      }
      duplicateFlags {
        ...DuplicateFlagFields
      }
    }
  }
`);

const TriageMutation = graphql(`
  mutation TriageApplication($input: TriageInput!) {
    triageApplication(input: $input) {
      id
      status
      version
    }
  }
`);

export type TriageApplication = ResultOf<typeof TriageApplicationQuery>['application'];

export const useTriageQueue = (fundId: string) =>
  useQuery(queryOptions({ queryKey: ['fund', fundId, 'triage'], queryFn: () => request(TriageQueueQuery, { id: fundId }) }));

export const useTriageApplication = (applicationId: string) =>
  useQuery(queryOptions({ queryKey: ['application', applicationId], queryFn: () => request(TriageApplicationQuery, { id: applicationId }) }));

export const useTriage = (applicationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TriageInput) => request(TriageMutation, { input }),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['application', applicationId] }), queryClient.invalidateQueries({ queryKey: ['fund'] })]),
  });
};
