import { graphql } from '../../../gql/index.ts';

/** What pages that filter a fund's grants offer to choose from: its phases, priorities and funders. */
export const FundFilterOptionsFragment = graphql(`
  fragment FundFilterOptions on Fund {
    id
    name
    phases {
      id
      name
    }
    priorities(includeRetired: false) {
      id
      key
      label
      kind
    }
    funders {
      id
      name
    }
  }
`);
