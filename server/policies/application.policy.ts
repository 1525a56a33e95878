import type { Viewer } from '../context.ts';
import { hasRole, rolesIn, STAFF_ROLES } from './roles.ts';

export type ApplicationAction = 'view' | 'readContact';

/**
 * Everyone on a fund's panel sees its applications. Contact details and postcodes are personal
 * data (often a volunteer's home), so community panellists never receive them.
 */
export function canOnApplication(
  viewer: Viewer | null,
  action: ApplicationAction,
  application: { fund: { id: string } },
): boolean {
  const fundId = application.fund.id;
  switch (action) {
    case 'view':
      return rolesIn(viewer, fundId).size > 0;
    case 'readContact':
      return hasRole(viewer, fundId, ...STAFF_ROLES);
  }
}
