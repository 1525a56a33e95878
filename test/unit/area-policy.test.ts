import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canOnAreas, canPlaceApplication } from '../../server/policies/area.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

describe('canOnAreas', () => {
  it('lets anyone read areas, signed in or not', () => {
    expect(canOnAreas(null, 'view')).toBe(true);
    expect(canOnAreas(viewer(), 'view')).toBe(true);
    expect(canOnAreas(viewer({ [FUND_A.id]: [FundRole.COMMUNITY_PANELLIST] }), 'view')).toBe(true);
  });

  it('lets people who coordinate any fund import areas and read the import log, and no one else', () => {
    const coordinatorOfB = viewer({ [FUND_A.id]: [FundRole.PANELLIST], [FUND_B.id]: [FundRole.COORDINATOR] });
    for (const action of ['import', 'readImports'] as const) {
      expect(canOnAreas(coordinatorOfB, action)).toBe(true);
      expect(canOnAreas(viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER, FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST] }), action)).toBe(false);
      expect(canOnAreas(viewer(), action)).toBe(false);
      expect(canOnAreas(null, action)).toBe(false);
    }
  });
});

describe('canPlaceApplication', () => {
  const application = { fund: FUND_A };

  it("lets the fund's coordinator and funder officers set an application's areas", () => {
    expect(canPlaceApplication(viewer({ [FUND_A.id]: [FundRole.COORDINATOR] }), application)).toBe(true);
    expect(canPlaceApplication(viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] }), application)).toBe(true);
  });

  it('refuses panellists, people of other funds and people not signed in', () => {
    expect(canPlaceApplication(viewer({ [FUND_A.id]: [FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST] }), application)).toBe(false);
    expect(canPlaceApplication(viewer({ [FUND_B.id]: [FundRole.COORDINATOR, FundRole.FUNDER_OFFICER] }), application)).toBe(false);
    expect(canPlaceApplication(null, application)).toBe(false);
  });
});
