import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole, rolesIn } from './roles.ts';

export type FundAction = 'view' | 'manage' | 'invite' | 'readAuditLog' | 'recordContribution' | 'assistApplication' | 'handleBankDetails' | 'chairMeeting';

/** What a person may do with a fund, decided by the roles they hold in that fund only. */
export function canOnFund(viewer: Viewer | null, action: FundAction, fund: { id: string }): boolean {
  switch (action) {
    case 'view':
      return rolesIn(viewer, fund.id).size > 0;
    // The coordinator runs the fund, and walks the agenda recording the panel's decisions.
    case 'manage':
    case 'invite':
    case 'readAuditLog':
    case 'chairMeeting':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR);
    // Officers' work too: contributions, applications filled in for groups (e.g. by phone), bank details.
    case 'recordContribution':
    case 'assistApplication':
    case 'handleBankDetails':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR, FundRole.FUNDER_OFFICER);
  }
}

/**
 * Setting up another fund is for people who already coordinate one: the portal is run by a
 * partnership's coordinators, and a stranger who signs in should not be able to start funds.
 */
export function canCreateFund(viewer: Viewer | null): boolean {
  return [...(viewer?.roles.values() ?? [])].some((roles) => roles.has(FundRole.COORDINATOR));
}
