import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole } from './roles.ts';

export type OpenDataAction = 'export' | 'setPrefix';

/**
 * The export is made to be published, but whether and when to publish is the fund's decision, so the
 * file is for the people who make it on the fund's behalf: its coordinators and its funders' officers.
 * Panellists and community panellists decide grants but do not publish them. The publisher prefix
 * names the fund in every identifier it ever publishes, so only a coordinator sets it.
 */
export function canOnOpenData(viewer: Viewer | null, action: OpenDataAction, fund: { id: string }): boolean {
  switch (action) {
    case 'export':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR, FundRole.FUNDER_OFFICER);
    case 'setPrefix':
      return hasRole(viewer, fund.id, FundRole.COORDINATOR);
  }
}
