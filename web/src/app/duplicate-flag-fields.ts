import { graphql } from '../gql/index.ts';

/**
 * What every page that shows a duplicate flag asks for: the words of shared/duplicates.ts (kind, both
 * sides, the review) and the reasons. Pages spread it and add what only they need.
 */
export const DuplicateFlagFields = graphql(`
  fragment DuplicateFlagFields on DuplicateFlag {
    id
    kind
    score
    reasons
    current
    verdict
    note
    reviewedAt
    reviewedBy {
      id
      name
    }
    applications {
      id
      reference
      group {
        name
      }
    }
    externalGrant {
      id
      funderName
      recipientName
      currency
      amountAwardedMinor
      awardDate
    }
  }
`);
