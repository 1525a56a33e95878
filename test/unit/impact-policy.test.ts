import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canOnFunderImpact, canOnImpact, type ImpactAction } from '../../server/policies/impact.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

const TRUST = { id: 'funder-trust' };
const COUNCIL = { id: 'funder-council' };

describe('canOnImpact', () => {
  it('lets everyone in the fund read its stories feed and totals, and nobody else', () => {
    for (const action of ['readStories', 'readTotals'] as ImpactAction[]) {
      for (const role of Object.values(FundRole)) expect(canOnImpact(viewer({ [FUND_A.id]: [role] }), action, FUND_A), `${action} ${role}`).toBe(true);
      for (const other of [viewer({ [FUND_B.id]: [FundRole.COORDINATOR] }), viewer(), null]) expect(canOnImpact(other, action, FUND_A), action).toBe(false);
    }
  });
});

describe('canOnFunderImpact', () => {
  const view = { fund: FUND_A, funder: TRUST };

  it("allows the fund's coordinator, for every funder", () => {
    expect(canOnFunderImpact(viewer({ [FUND_A.id]: [FundRole.COORDINATOR] }), view, new Set())).toBe(true);
    expect(canOnFunderImpact(viewer({ [FUND_A.id]: [FundRole.COORDINATOR] }), { fund: FUND_A, funder: COUNCIL }, new Set())).toBe(true);
  });

  it("allows the funder's own officers", () => {
    expect(canOnFunderImpact(viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] }), view, new Set([TRUST.id]))).toBe(true);
  });

  it("refuses other funders' officers, panellists, community panellists and people outside the fund", () => {
    expect(canOnFunderImpact(viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] }), view, new Set([COUNCIL.id]))).toBe(false);
    // A panellist who works for the trust is not its officer in this fund.
    expect(canOnFunderImpact(viewer({ [FUND_A.id]: [FundRole.PANELLIST] }), view, new Set([TRUST.id]))).toBe(false);
    expect(canOnFunderImpact(viewer({ [FUND_A.id]: [FundRole.COMMUNITY_PANELLIST] }), view, new Set())).toBe(false);
    expect(canOnFunderImpact(viewer({ [FUND_B.id]: [FundRole.COORDINATOR] }), view, new Set())).toBe(false);
    expect(canOnFunderImpact(viewer({ [FUND_B.id]: [FundRole.FUNDER_OFFICER] }), view, new Set([TRUST.id]))).toBe(false);
    expect(canOnFunderImpact(null, view, new Set())).toBe(false);
  });
});
