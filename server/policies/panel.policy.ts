import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole, rolesIn } from './roles.ts';

export type PanelAction = 'score' | 'declareConflict' | 'seeScores';

/**
 * Who takes part in the panel's view of an application. `conflicted` is whether this viewer has
 * declared a conflict of interest on it: from then on they may not score it or see the panel's
 * scores and comments on it.
 */
export function canOnPanel(viewer: Viewer | null, action: PanelAction, application: { fund: { id: string } }, conflicted: boolean): boolean {
  const fundId = application.fund.id;
  switch (action) {
    case 'score':
      return !conflicted && hasRole(viewer, fundId, FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST);
    case 'declareConflict':
      return rolesIn(viewer, fundId).size > 0;
    case 'seeScores':
      return !conflicted && rolesIn(viewer, fundId).size > 0;
  }
}
