import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole, rolesIn } from './roles.ts';

export type FundAction = 'view' | 'manage' | 'readAuditLog' | 'recordContribution' | 'assistApplication';

/** What a person may do with a fund, decided by the roles they hold in that fund only. */
export function canOnFund(viewer: Viewer | null, action: FundAction, fund: { id: string }): boolean {
  switch (action) {
    case 'view':
      return rolesIn(viewer, fund.id).size > 0;
    case 'manage':
    case 'readAuditLog':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR);
    // Filling in an application for a group, e.g. over the phone, is an officer's job too.
    case 'recordContribution':
    case 'assistApplication':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR, FundRole.FUNDER_OFFICER);
  }
}
