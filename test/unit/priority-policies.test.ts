import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canMarkFocus, canOnTaxonomy, canTagApplication } from '../../server/policies/priority.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

const TRUST = { id: '00000000-0000-4000-8000-0000000000f1' };
const COUNCIL = { id: '00000000-0000-4000-8000-0000000000f2' };

const coordinatorOfA = viewer({ [FUND_A.id]: [FundRole.COORDINATOR] });
const officerOfA = viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] });
const panellistOfA = viewer({ [FUND_A.id]: [FundRole.PANELLIST] });
const communityPanellistOfA = viewer({ [FUND_A.id]: [FundRole.COMMUNITY_PANELLIST] });
const inA = { fund: FUND_A };
const inB = { fund: FUND_B };

describe('canOnTaxonomy', () => {
  it('lets everyone in the fund read its priorities, and nobody outside it', () => {
    for (const member of [coordinatorOfA, officerOfA, panellistOfA, communityPanellistOfA]) expect(canOnTaxonomy(member, 'view', FUND_A)).toBe(true);
    expect(canOnTaxonomy(coordinatorOfA, 'view', FUND_B)).toBe(false);
    expect(canOnTaxonomy(viewer(), 'view', FUND_A)).toBe(false);
    expect(canOnTaxonomy(null, 'view', FUND_A)).toBe(false);
  });

  it('lets only the coordinator of that fund edit them', () => {
    expect(canOnTaxonomy(coordinatorOfA, 'edit', FUND_A)).toBe(true);
    expect(canOnTaxonomy(coordinatorOfA, 'edit', FUND_B)).toBe(false);
    for (const member of [officerOfA, panellistOfA, communityPanellistOfA, null]) expect(canOnTaxonomy(member, 'edit', FUND_A)).toBe(false);
  });
});

describe('canMarkFocus', () => {
  it("lets the coordinator mark any funder's focus, and an officer only their own funder's", () => {
    expect(canMarkFocus(coordinatorOfA, { fund: FUND_A, funder: TRUST }, new Set())).toBe(true);
    expect(canMarkFocus(officerOfA, { fund: FUND_A, funder: TRUST }, new Set([TRUST.id]))).toBe(true);
    expect(canMarkFocus(officerOfA, { fund: FUND_A, funder: COUNCIL }, new Set([TRUST.id]))).toBe(false);
  });

  it('refuses panellists, people from another fund, and nobody signed in', () => {
    expect(canMarkFocus(panellistOfA, { fund: FUND_A, funder: TRUST }, new Set([TRUST.id]))).toBe(false);
    expect(canMarkFocus(coordinatorOfA, { fund: FUND_B, funder: TRUST }, new Set())).toBe(false);
    expect(canMarkFocus(null, { fund: FUND_A, funder: TRUST }, new Set([TRUST.id]))).toBe(false);
  });
});

describe('canTagApplication', () => {
  const waiting = { conflicted: false, onOpenAgenda: false };
  const beforePanel = { conflicted: false, onOpenAgenda: true };

  it('lets coordinators and officers tag at any stage', () => {
    expect(canTagApplication(coordinatorOfA, inA, waiting)).toBe(true);
    expect(canTagApplication(officerOfA, inA, waiting)).toBe(true);
  });

  it('lets panellists tag only while the application is before the panel', () => {
    expect(canTagApplication(panellistOfA, inA, beforePanel)).toBe(true);
    expect(canTagApplication(communityPanellistOfA, inA, beforePanel)).toBe(true);
    expect(canTagApplication(panellistOfA, inA, waiting)).toBe(false);
  });

  it('refuses anyone with a conflict of interest, and people from another fund', () => {
    expect(canTagApplication(officerOfA, inA, { conflicted: true, onOpenAgenda: true })).toBe(false);
    expect(canTagApplication(panellistOfA, inA, { conflicted: true, onOpenAgenda: true })).toBe(false);
    expect(canTagApplication(coordinatorOfA, inB, beforePanel)).toBe(false);
    expect(canTagApplication(null, inA, beforePanel)).toBe(false);
  });
});
