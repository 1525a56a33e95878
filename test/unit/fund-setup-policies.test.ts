import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canOnContribution } from '../../server/policies/contribution.policy.ts';
import { canCreateFund, canOnFund } from '../../server/policies/fund.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

const TRUST = { id: '00000000-0000-4000-8000-0000000000f1' };
const COUNCIL = { id: '00000000-0000-4000-8000-0000000000f2' };

const coordinatorOfA = viewer({ [FUND_A.id]: [FundRole.COORDINATOR] });
const officerOfA = viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] });
const panellistOfA = viewer({ [FUND_A.id]: [FundRole.PANELLIST, FundRole.COMMUNITY_PANELLIST] });
const noFunders = new Set<string>();
const trustOnly = new Set([TRUST.id]);

describe('canCreateFund', () => {
  it('lets people who coordinate some fund set up another, and nobody else', () => {
    expect(canCreateFund(coordinatorOfA)).toBe(true);
    expect(canCreateFund(viewer({ [FUND_A.id]: [FundRole.PANELLIST], [FUND_B.id]: [FundRole.COORDINATOR] }))).toBe(true);
    expect(canCreateFund(officerOfA)).toBe(false);
    expect(canCreateFund(panellistOfA)).toBe(false);
    expect(canCreateFund(viewer())).toBe(false);
    expect(canCreateFund(null)).toBe(false);
  });
});

describe("canOnFund 'invite'", () => {
  it('lets only the coordinator of that fund invite people', () => {
    expect(canOnFund(coordinatorOfA, 'invite', FUND_A)).toBe(true);
    expect(canOnFund(coordinatorOfA, 'invite', FUND_B)).toBe(false);
    expect(canOnFund(officerOfA, 'invite', FUND_A)).toBe(false);
    expect(canOnFund(panellistOfA, 'invite', FUND_A)).toBe(false);
    expect(canOnFund(null, 'invite', FUND_A)).toBe(false);
  });
});

describe('canOnContribution', () => {
  it("lets the coordinator record and change any funder's money in their fund", () => {
    for (const action of ['record', 'edit'] as const) {
      expect(canOnContribution(coordinatorOfA, action, { fund: FUND_A, funder: COUNCIL }, noFunders)).toBe(true);
      expect(canOnContribution(coordinatorOfA, action, { fund: FUND_B, funder: COUNCIL }, noFunders)).toBe(false);
    }
  });

  it("lets a funder officer handle their own funder's money only", () => {
    for (const action of ['record', 'edit'] as const) {
      expect(canOnContribution(officerOfA, action, { fund: FUND_A, funder: TRUST }, trustOnly)).toBe(true);
      expect(canOnContribution(officerOfA, action, { fund: FUND_A, funder: COUNCIL }, trustOnly)).toBe(false);
      expect(canOnContribution(officerOfA, action, { fund: FUND_B, funder: TRUST }, trustOnly)).toBe(false);
    }
  });

  it('refuses panellists, even ones listed against a funder, and people signed out', () => {
    expect(canOnContribution(panellistOfA, 'record', { fund: FUND_A, funder: TRUST }, trustOnly)).toBe(false);
    expect(canOnContribution(null, 'edit', { fund: FUND_A, funder: TRUST }, trustOnly)).toBe(false);
  });
});
