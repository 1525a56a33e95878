import { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../context.ts';

/**
 * Without a mail transport the outbox is the only way a sign-in link reaches anyone, so coordinators
 * can read it. Once mail is really sent, bodies (which hold sign-in links) are no longer shown.
 */
export function canOnOutbox(viewer: Viewer | null, action: 'list' | 'readBodies', mailIsSent: boolean) {
  const isCoordinator = [...(viewer?.roles.values() ?? [])].some((roles) => roles.has(FundRole.COORDINATOR));
  if (action === 'list') return isCoordinator;
  return isCoordinator && !mailIsSent;
}
