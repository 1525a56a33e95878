import type { FundRole } from '../../shared/domain.ts';
import type { Viewer } from '../../server/context.ts';
import type { User } from '../../server/modules/users/user.entity.ts';

export const FUND_A = { id: '00000000-0000-4000-8000-00000000000a' };
export const FUND_B = { id: '00000000-0000-4000-8000-00000000000b' };

/** A signed-in person holding the given roles, fund by fund, for policy tests without a database. */
export function viewer(roles: Record<string, FundRole[]> = {}): Viewer {
  return {
    user: { id: 'user-1', email: 'person@test.example', name: 'Person' } as User,
    sessionId: 'session-1',
    roles: new Map(Object.entries(roles).map(([fundId, held]) => [fundId, new Set(held)])),
  };
}
