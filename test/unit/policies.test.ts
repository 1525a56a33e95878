import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { canOnApplication } from '../../server/policies/application.policy.ts';
import { canOnFund } from '../../server/policies/fund.policy.ts';
import { canOnOutbox } from '../../server/policies/outbox.policy.ts';
import { canOnPanel } from '../../server/policies/panel.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

const coordinatorOfA = viewer({ [FUND_A.id]: [FundRole.COORDINATOR] });
const officerOfA = viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] });
const panellistOfA = viewer({ [FUND_A.id]: [FundRole.PANELLIST] });
const communityPanellistOfA = viewer({ [FUND_A.id]: [FundRole.COMMUNITY_PANELLIST] });
const nobody = viewer();

describe('canOnFund', () => {
  it('lets every member view their fund, and no one else', () => {
    expect(canOnFund(coordinatorOfA, 'view', FUND_A)).toBe(true);
    expect(canOnFund(communityPanellistOfA, 'view', FUND_A)).toBe(true);
    expect(canOnFund(coordinatorOfA, 'view', FUND_B)).toBe(false);
    expect(canOnFund(nobody, 'view', FUND_A)).toBe(false);
    expect(canOnFund(null, 'view', FUND_A)).toBe(false);
  });

  it('lets only the coordinator of that fund manage it', () => {
    expect(canOnFund(coordinatorOfA, 'manage', FUND_A)).toBe(true);
    expect(canOnFund(coordinatorOfA, 'manage', FUND_B)).toBe(false);
    expect(canOnFund(officerOfA, 'manage', FUND_A)).toBe(false);
    expect(canOnFund(panellistOfA, 'manage', FUND_A)).toBe(false);
    expect(canOnFund(null, 'manage', FUND_A)).toBe(false);
  });

  it('judges each fund by the roles held in it, not in another fund', () => {
    const mixed = viewer({ [FUND_A.id]: [FundRole.PANELLIST], [FUND_B.id]: [FundRole.COORDINATOR] });
    expect(canOnFund(mixed, 'manage', FUND_B)).toBe(true);
    expect(canOnFund(mixed, 'manage', FUND_A)).toBe(false);
  });

  it('shows the audit log to the coordinator only', () => {
    expect(canOnFund(coordinatorOfA, 'readAuditLog', FUND_A)).toBe(true);
    expect(canOnFund(coordinatorOfA, 'readAuditLog', FUND_B)).toBe(false);
    expect(canOnFund(officerOfA, 'readAuditLog', FUND_A)).toBe(false);
    expect(canOnFund(panellistOfA, 'readAuditLog', FUND_A)).toBe(false);
  });

  it('lets coordinators and funder officers record contributions, and not panellists', () => {
    expect(canOnFund(coordinatorOfA, 'recordContribution', FUND_A)).toBe(true);
    expect(canOnFund(officerOfA, 'recordContribution', FUND_A)).toBe(true);
    expect(canOnFund(officerOfA, 'recordContribution', FUND_B)).toBe(false);
    expect(canOnFund(panellistOfA, 'recordContribution', FUND_A)).toBe(false);
    expect(canOnFund(communityPanellistOfA, 'recordContribution', FUND_A)).toBe(false);
  });
});

describe('chairing the meeting', () => {
  it('lets only the coordinator of the fund record decisions', () => {
    expect(canOnFund(coordinatorOfA, 'chairMeeting', FUND_A)).toBe(true);
    expect(canOnFund(coordinatorOfA, 'chairMeeting', FUND_B)).toBe(false);
    expect(canOnFund(officerOfA, 'chairMeeting', FUND_A)).toBe(false);
    expect(canOnFund(panellistOfA, 'chairMeeting', FUND_A)).toBe(false);
  });
});

describe('assisted applications', () => {
  it('lets coordinators and funder officers fill in an application for a group, and no one else', () => {
    expect(canOnFund(officerOfA, 'assistApplication', FUND_A)).toBe(true);
    expect(canOnFund(coordinatorOfA, 'assistApplication', FUND_A)).toBe(true);
    expect(canOnFund(officerOfA, 'assistApplication', FUND_B)).toBe(false);
    expect(canOnFund(panellistOfA, 'assistApplication', FUND_A)).toBe(false);
    expect(canOnFund(communityPanellistOfA, 'assistApplication', FUND_A)).toBe(false);
    expect(canOnFund(null, 'assistApplication', FUND_A)).toBe(false);
  });
});

describe('canOnApplication', () => {
  const inA = { fund: FUND_A };
  const inB = { fund: FUND_B };

  it('lets every member of the fund view its applications, and no one else', () => {
    expect(canOnApplication(communityPanellistOfA, 'view', inA)).toBe(true);
    expect(canOnApplication(officerOfA, 'view', inA)).toBe(true);
    expect(canOnApplication(officerOfA, 'view', inB)).toBe(false);
    expect(canOnApplication(nobody, 'view', inA)).toBe(false);
    expect(canOnApplication(null, 'view', inA)).toBe(false);
  });

  it("gives contact details to funders' staff only", () => {
    expect(canOnApplication(coordinatorOfA, 'readContact', inA)).toBe(true);
    expect(canOnApplication(officerOfA, 'readContact', inA)).toBe(true);
    expect(canOnApplication(panellistOfA, 'readContact', inA)).toBe(true);
    expect(canOnApplication(communityPanellistOfA, 'readContact', inA)).toBe(false);
    expect(canOnApplication(officerOfA, 'readContact', inB)).toBe(false);
    expect(canOnApplication(null, 'readContact', inA)).toBe(false);
  });

  it('gives contact details to a community panellist who is also staff in the same fund', () => {
    const both = viewer({ [FUND_A.id]: [FundRole.COMMUNITY_PANELLIST, FundRole.FUNDER_OFFICER] });
    expect(canOnApplication(both, 'readContact', inA)).toBe(true);
  });
});

describe('canOnOutbox', () => {
  it('lists the outbox for a coordinator of any fund, whether or not mail is sent', () => {
    expect(canOnOutbox(coordinatorOfA, 'list', false)).toBe(true);
    expect(canOnOutbox(coordinatorOfA, 'list', true)).toBe(true);
  });

  it('refuses the list to everyone else', () => {
    expect(canOnOutbox(officerOfA, 'list', false)).toBe(false);
    expect(canOnOutbox(panellistOfA, 'list', false)).toBe(false);
    expect(canOnOutbox(communityPanellistOfA, 'list', false)).toBe(false);
    expect(canOnOutbox(nobody, 'list', false)).toBe(false);
    expect(canOnOutbox(null, 'list', false)).toBe(false);
  });

  it('shows bodies to a coordinator while mail stays in the outbox', () => {
    expect(canOnOutbox(coordinatorOfA, 'readBodies', false)).toBe(true);
    expect(canOnOutbox(officerOfA, 'readBodies', false)).toBe(false);
    expect(canOnOutbox(null, 'readBodies', false)).toBe(false);
  });

  it('refuses bodies to everyone once mail is really sent', () => {
    expect(canOnOutbox(coordinatorOfA, 'readBodies', true)).toBe(false);
    expect(canOnOutbox(officerOfA, 'readBodies', true)).toBe(false);
  });
});

describe('canOnPanel', () => {
  const application = { fund: FUND_A };

  it('lets panellists and community panellists score, unless they declared a conflict', () => {
    expect(canOnPanel(panellistOfA, 'score', application, false)).toBe(true);
    expect(canOnPanel(communityPanellistOfA, 'score', application, false)).toBe(true);
    expect(canOnPanel(panellistOfA, 'score', application, true)).toBe(false);
    expect(canOnPanel(officerOfA, 'score', application, false)).toBe(false);
    expect(canOnPanel(coordinatorOfA, 'score', { fund: FUND_B }, false)).toBe(false);
  });

  it('shows scores to everyone in the fund except someone with a conflict', () => {
    expect(canOnPanel(officerOfA, 'seeScores', application, false)).toBe(true);
    expect(canOnPanel(communityPanellistOfA, 'seeScores', application, false)).toBe(true);
    expect(canOnPanel(panellistOfA, 'seeScores', application, true)).toBe(false);
    expect(canOnPanel(nobody, 'seeScores', application, false)).toBe(false);
  });

  it('lets anyone in the fund declare a conflict, and no one outside it', () => {
    expect(canOnPanel(coordinatorOfA, 'declareConflict', application, false)).toBe(true);
    expect(canOnPanel(null, 'declareConflict', application, false)).toBe(false);
    expect(canOnPanel(coordinatorOfA, 'declareConflict', { fund: FUND_B }, false)).toBe(false);
  });
});
