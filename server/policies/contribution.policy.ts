import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole } from './roles.ts';

export type ContributionAction = 'record' | 'edit';

/**
 * Who may record or change a funder's contribution. The coordinator keeps the books for every funder
 * in the fund; a funder officer only for the funder they work for (`officerFunderIds`: the funders
 * this viewer is an officer of in this fund).
 */
export function canOnContribution(
  viewer: Viewer | null,
  action: ContributionAction,
  contribution: { fund: { id: string }; funder: { id: string } },
  officerFunderIds: ReadonlySet<string>,
): boolean {
  const fundId = contribution.fund.id;
  switch (action) {
    case 'record':
    case 'edit':
      if (hasRole(viewer, fundId, FundRole.COORDINATOR)) return true;
      return hasRole(viewer, fundId, FundRole.FUNDER_OFFICER) && officerFunderIds.has(contribution.funder.id);
  }
}
