import type { Viewer } from '../context.ts';
import { rolesIn } from './roles.ts';

export type CoverageAction = 'view';

/**
 * The coverage map is shared by everyone on the fund's side: the coordinator, funder officers and
 * panellists, community panellists included (it names groups and sums grants, as the panel pack does,
 * and holds nobody's contact details). People outside the fund see nothing of it.
 */
export function canOnCoverage(viewer: Viewer | null, action: CoverageAction, fund: { id: string }): boolean {
  switch (action) {
    case 'view':
      return rolesIn(viewer, fund.id).size > 0;
  }
}
