import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canOnCoverage } from '../../server/policies/coverage.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

describe('canOnCoverage', () => {
  it("lets every member of the fund see its coverage map: coordinator, funder officers, panellists", () => {
    for (const role of [FundRole.COORDINATOR, FundRole.FUNDER_OFFICER, FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST]) {
      expect(canOnCoverage(viewer({ [FUND_A.id]: [role] }), 'view', FUND_A)).toBe(true);
    }
  });

  it('refuses people of another fund, people in no fund, and nobody signed in', () => {
    expect(canOnCoverage(viewer({ [FUND_B.id]: [FundRole.COORDINATOR] }), 'view', FUND_A)).toBe(false);
    expect(canOnCoverage(viewer(), 'view', FUND_A)).toBe(false);
    expect(canOnCoverage(null, 'view', FUND_A)).toBe(false);
  });
});
