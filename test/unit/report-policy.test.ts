import { describe, expect, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { ReportStatus, StoryConsent } from '../../shared/reporting.ts';
import { canOnReport, type ReportAction } from '../../server/policies/report.policy.ts';
import { FUND_A, FUND_B, viewer } from '../support/viewers.ts';

const coordinatorOfA = viewer({ [FUND_A.id]: [FundRole.COORDINATOR] });
const officerOfA = viewer({ [FUND_A.id]: [FundRole.FUNDER_OFFICER] });
const panellistOfA = viewer({ [FUND_A.id]: [FundRole.PANELLIST] });
const communityOfA = viewer({ [FUND_A.id]: [FundRole.COMMUNITY_PANELLIST] });
const coordinatorOfB = viewer({ [FUND_B.id]: [FundRole.COORDINATOR] });
const report = (status: ReportStatus, storyConsent: StoryConsent | null = null) => ({ fund: FUND_A, status, storyConsent });

describe('canOnReport', () => {
  it('lets the coordinator and funder officers of the fund read and handle its reports, drafts too', () => {
    for (const action of ['read', 'record', 'reply', 'setReporting', 'sendLink', 'readStory'] as ReportAction[]) {
      for (const staff of [coordinatorOfA, officerOfA]) expect(canOnReport(staff, action, report(ReportStatus.DRAFT, StoryConsent.NOT_SHARED)), action).toBe(true);
      for (const other of [panellistOfA, communityOfA, coordinatorOfB, viewer(), null]) {
        expect(canOnReport(other, action, report(ReportStatus.DRAFT, StoryConsent.PUBLIC)), action).toBe(false);
      }
    }
  });

  it('refuses everything but a story the group allowed to everyone else', () => {
    for (const action of ['read', 'record', 'reply', 'setReporting', 'sendLink'] as ReportAction[]) {
      for (const other of [panellistOfA, communityOfA, coordinatorOfB, null]) expect(canOnReport(other, action, report(ReportStatus.SUBMITTED, StoryConsent.PUBLIC)), action).toBe(false);
    }
  });

  it('shares a sent story with the rest of the fund when the group said funders or the public, and with anyone when it said the public', () => {
    const cases: [StoryConsent | null, { inFund: boolean; outside: boolean }][] = [
      [null, { inFund: false, outside: false }],
      [StoryConsent.NOT_SHARED, { inFund: false, outside: false }],
      [StoryConsent.FUNDERS, { inFund: true, outside: false }],
      [StoryConsent.PUBLIC, { inFund: true, outside: true }],
    ];
    for (const [consent, allowed] of cases) {
      for (const member of [panellistOfA, communityOfA]) expect(canOnReport(member, 'readStory', report(ReportStatus.SUBMITTED, consent)), String(consent)).toBe(allowed.inFund);
      for (const stranger of [coordinatorOfB, viewer(), null]) expect(canOnReport(stranger, 'readStory', report(ReportStatus.SUBMITTED, consent)), String(consent)).toBe(allowed.outside);
    }
  });
});
