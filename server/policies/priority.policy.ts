import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole, rolesIn } from './roles.ts';

export type TaxonomyAction = 'view' | 'edit';

/**
 * The fund's priority taxonomy is shared by everyone in the fund, who all read it (and the who funds
 * what view built on it); the coordinator keeps it, as they keep the fund's settings.
 */
export function canOnTaxonomy(viewer: Viewer | null, action: TaxonomyAction, fund: { id: string }): boolean {
  switch (action) {
    case 'view':
      return rolesIn(viewer, fund.id).size > 0;
    case 'edit':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR);
  }
}

/**
 * A funder's focus priorities are marked by the coordinator, for any funder in the fund, or by the
 * funder's own officers (`officerFunderIds`: the funders this viewer is an officer of in this fund).
 */
export function canMarkFocus(viewer: Viewer | null, focus: { fund: { id: string }; funder: { id: string } }, officerFunderIds: ReadonlySet<string>): boolean {
  const fundId = focus.fund.id;
  if (hasRole(viewer, fundId, FundRole.COORDINATOR)) return true;
  return hasRole(viewer, fundId, FundRole.FUNDER_OFFICER) && officerFunderIds.has(focus.funder.id);
}

export interface TaggingContext {
  /** The viewer has declared a conflict of interest on this application. */
  conflicted: boolean;
  /** The application is on the agenda of a meeting that has not closed. */
  onOpenAgenda: boolean;
}

/**
 * Who adds or corrects an application's priority tags once it is sent: the coordinator and funder
 * officers at any time (tags feed the reports), panellists while it is before the panel. Nobody who
 * declared a conflict on it.
 */
export function canTagApplication(viewer: Viewer | null, application: { fund: { id: string } }, context: TaggingContext): boolean {
  const fundId = application.fund.id;
  if (context.conflicted) return false;
  if (hasRole(viewer, fundId, FundRole.COORDINATOR, FundRole.FUNDER_OFFICER)) return true;
  return context.onOpenAgenda && hasRole(viewer, fundId, FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST);
}
