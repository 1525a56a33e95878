import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';

export function rolesIn(viewer: Viewer | null, fundId: string): ReadonlySet<FundRole> {
  return viewer?.roles.get(fundId) ?? new Set();
}

export function hasRole(viewer: Viewer | null, fundId: string, ...roles: FundRole[]) {
  const held = rolesIn(viewer, fundId);
  return roles.some((role) => held.has(role));
}

/** Staff roles: people who work for a funder or run the fund, as opposed to community panellists. */
export const STAFF_ROLES = [FundRole.COORDINATOR, FundRole.FUNDER_OFFICER, FundRole.PANELLIST] as const;
