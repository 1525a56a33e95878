import { FundRole } from '../../shared/domain.ts';
import { ReportStatus, StoryConsent } from '../../shared/reporting.ts';
import type { Viewer } from '../context.ts';
import { hasRole, rolesIn } from './roles.ts';

export type ReportAction = 'read' | 'record' | 'reply' | 'setReporting' | 'sendLink' | 'readStory';

/** What a policy needs to know of a report: its fund, whether it was sent, and what the group consented to. */
export interface ReportFacts {
  fund: { id: string };
  status: ReportStatus;
  storyConsent?: StoryConsent | null;
}

/**
 * Reports are read and handled by the people who run the fund's grants: the coordinator and funder
 * officers see every report whole, drafts too, and take reports by phone, reply and change what a grant
 * reports. A group's story and photo go further only as the group said, and only once sent: to
 * everyone in the fund (panellists, community panellists) when it consented to funders or the public,
 * and to anyone at all when it consented to the public.
 */
export function canOnReport(viewer: Viewer | null, action: ReportAction, report: ReportFacts): boolean {
  const fundId = report.fund.id;
  const staff = hasRole(viewer, fundId, FundRole.COORDINATOR, FundRole.FUNDER_OFFICER);
  switch (action) {
    case 'read':
    case 'record':
    case 'reply':
    case 'setReporting':
    case 'sendLink':
      return staff;
    case 'readStory': {
      if (staff) return true;
      if (report.status !== ReportStatus.SUBMITTED) return false;
      if (report.storyConsent === StoryConsent.PUBLIC) return true;
      return report.storyConsent === StoryConsent.FUNDERS && rolesIn(viewer, fundId).size > 0;
    }
  }
}
