import type { ResultOf } from '@graphql-typed-document-node/core';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { request } from '../../../app/graphql-client.ts';
import { graphql } from '../../../gql/index.ts';
import type { StoryFilter } from '../../../gql/graphql.ts';

export const STORY_PAGE_SIZE = 10;

// What a story shows, wherever it is shown: the feed and a funder's own view.
export const StoryFieldsFragment = graphql(`
  fragment StoryFields on Story {
    id
    submittedAt
    requirement
    consent
    text
    peopleCount
    photo {
      id
      url
      width
      height
      description
    }
  }
`);

const StoryFeedOptionsQuery = graphql(`
  query StoryFeedOptions($fundId: ID!) {
    fund(id: $fundId) {
      ...FundFilterOptions
      wards: areas(kind: WARD) {
        code
        name
      }
      localAuthorities: areas(kind: LOCAL_AUTHORITY) {
        code
        name
      }
    }
  }
`);

const StoryFeedQuery = graphql(`
  query StoryFeed($fundId: ID!, $filter: StoryFilter, $first: Int, $after: String) {
    storyFeed(fundId: $fundId, filter: $filter, first: $first, after: $after) {
      fundId
      totalCount
      nextCursor
      includesUnshared
      stories {
        ...StoryFields
        grant {
          id
          reference
          title
          groupName
          amountPence
          awardedOn
          phaseName
          priorities {
            key
            label
          }
          areas {
            code
            name
          }
          funders {
            id
            name
            pence
          }
        }
      }
    }
  }
`);

export type StoryFeedPage = ResultOf<typeof StoryFeedQuery>['storyFeed'];
export type FeedStory = StoryFeedPage['stories'][number];
export type StoryFeedOptions = ResultOf<typeof StoryFeedOptionsQuery>['fund'];

export const storyFeedOptionsQueryOptions = (fundId: string) =>
  queryOptions({ queryKey: ['fund', fundId, 'story-feed-options'], queryFn: () => request(StoryFeedOptionsQuery, { fundId }) });

export const useStoryFeedOptions = (fundId: string) => useQuery(storyFeedOptionsQueryOptions(fundId));

export const storyFeedQueryOptions = (fundId: string, filter: StoryFilter) =>
  infiniteQueryOptions({
    queryKey: ['fund', fundId, 'story-feed', filter],
    queryFn: ({ pageParam }) => request(StoryFeedQuery, { fundId, filter, first: STORY_PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.storyFeed.nextCursor,
  });

export const useStoryFeed = (fundId: string, filter: StoryFilter) => useInfiniteQuery(storyFeedQueryOptions(fundId, filter));
