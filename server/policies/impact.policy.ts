import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole, rolesIn } from './roles.ts';

export type ImpactAction = 'readStories' | 'readTotals';

/**
 * What the fund's reports add up to is for everyone on the fund's side: the stories feed and the totals
 * are read by the coordinator, funder officers, panellists and community panellists. Each story in the
 * feed still goes only as far as its group allowed (`canOnReport(…, 'readStory')`), so panellists see
 * only the stories shared with the funders or the public. People outside the fund see nothing.
 */
export function canOnImpact(viewer: Viewer | null, action: ImpactAction, fund: { id: string }): boolean {
  switch (action) {
    case 'readStories':
    case 'readTotals':
      return rolesIn(viewer, fund.id).size > 0;
  }
}

/**
 * One funder's own view (what its contributions paid for, its stories, its CSV) is the paper its officers
 * take to its board: the coordinator, who keeps every funder's books, and that funder's own officers
 * (`officerFunderIds`: the funders this viewer is an officer of in this fund) read it. Other funders'
 * officers and the panel are refused: they read the fund's totals and who funds what instead, and a
 * funder's board paper is its own to share.
 */
export function canOnFunderImpact(viewer: Viewer | null, funderImpact: { fund: { id: string }; funder: { id: string } }, officerFunderIds: ReadonlySet<string>): boolean {
  const fundId = funderImpact.fund.id;
  if (hasRole(viewer, fundId, FundRole.COORDINATOR)) return true;
  return hasRole(viewer, fundId, FundRole.FUNDER_OFFICER) && officerFunderIds.has(funderImpact.funder.id);
}
