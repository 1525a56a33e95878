import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';

const OutboxQuery = graphql(`
  query Outbox {
    outbox(limit: 50) {
      id
      createdAt
      toAddress
      subject
      body
      kind
      status
      attempts
      sentAt
      lastError
    }
  }
`);

export const outboxQueryOptions = () => queryOptions({ queryKey: ['outbox'], queryFn: () => request(OutboxQuery), staleTime: 0 });

export const useOutbox = () => useQuery(outboxQueryOptions());
