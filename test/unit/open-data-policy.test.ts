import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canOnOpenData } from '../../server/policies/open-data.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

describe('canOnOpenData', () => {
  it("lets the fund's coordinators and funder officers export its grants, and no one else", () => {
    expect(canOnOpenData(viewer({ [FUND_A.id]: [FundRole.COORDINATOR] }), 'export', FUND_A)).toBe(true);
    expect(canOnOpenData(viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] }), 'export', FUND_A)).toBe(true);
    expect(canOnOpenData(viewer({ [FUND_A.id]: [FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST] }), 'export', FUND_A)).toBe(false);
    expect(canOnOpenData(viewer({ [FUND_B.id]: [FundRole.COORDINATOR, FundRole.FUNDER_OFFICER] }), 'export', FUND_A)).toBe(false);
    expect(canOnOpenData(viewer(), 'export', FUND_A)).toBe(false);
    expect(canOnOpenData(null, 'export', FUND_A)).toBe(false);
  });

  it("lets only the fund's coordinators set its 360Giving prefix", () => {
    expect(canOnOpenData(viewer({ [FUND_A.id]: [FundRole.COORDINATOR] }), 'setPrefix', FUND_A)).toBe(true);
    expect(canOnOpenData(viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER, FundRole.PANELLIST] }), 'setPrefix', FUND_A)).toBe(false);
    expect(canOnOpenData(viewer({ [FUND_B.id]: [FundRole.COORDINATOR] }), 'setPrefix', FUND_A)).toBe(false);
    expect(canOnOpenData(null, 'setPrefix', FUND_A)).toBe(false);
  });
});
