import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';
import { hasRole } from './roles.ts';

export type AreaAction = 'view' | 'import' | 'readImports';

/**
 * Areas are public statistics (ONS boundaries, the Indices of Deprivation, population estimates, all
 * under the Open Government Licence), so anyone may read them, signed in or not: applicants choosing
 * where they work need them too. Areas are shared by every fund, so changing them, and the log of who
 * did, is for people who coordinate a fund.
 */
export function canOnAreas(viewer: Viewer | null, action: AreaAction): boolean {
  switch (action) {
    case 'view':
      return true;
    case 'import':
    case 'readImports':
      return [...(viewer?.roles.values() ?? [])].some((roles) => roles.has(FundRole.COORDINATOR));
  }
}

/**
 * Who sets or corrects the areas an application serves once it is sent: the coordinator and funder
 * officers, who check applications. Area-restricted money follows these areas, so panellists do not.
 */
export function canPlaceApplication(viewer: Viewer | null, application: { fund: { id: string } }): boolean {
  return hasRole(viewer, application.fund.id, FundRole.COORDINATOR, FundRole.FUNDER_OFFICER);
}
