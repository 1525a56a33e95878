// One funder's own view as a CSV sheet for its board: one row per grant its contributions paid towards,
// with the story and photo only where the group shared them with the funders or the public. Quoted and
// made safe for spreadsheets by the open-data export's own cell writer.
import { StoryConsent } from '../../../shared/reporting.ts';
import { csvCell } from '../open-data/grant-package-csv.ts';
import { ReportState, type FunderImpact, type FunderImpactGrant } from './impact.types.ts';

const REPORT_STATES: Record<ReportState, string> = {
  [ReportState.NONE]: 'None asked',
  [ReportState.DUE]: 'Due',
  [ReportState.OVERDUE]: 'Overdue',
  [ReportState.SENT]: 'Sent',
};

export const CONSENT_WORDS: Record<StoryConsent, string> = {
  [StoryConsent.NOT_SHARED]: 'Not to be shared (story left out)',
  [StoryConsent.FUNDERS]: 'Funders only',
  [StoryConsent.PUBLIC]: 'May be published',
};

/** Whole pence as pounds with two decimals and no symbol or separators, so a spreadsheet adds them up: 1500.00. */
export function poundsCell(pence: number): string {
  const whole = Math.abs(Math.trunc(pence));
  return `${pence < 0 ? '-' : ''}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

export function funderImpactCsv(impact: FunderImpact, publicUrl: string): string {
  const columns: [string, (grant: FunderImpactGrant) => string][] = [
    ['Reference', (grant) => grant.reference],
    ['Group', (grant) => grant.groupName],
    ['Grant for', (grant) => grant.title],
    ['Phase', (grant) => grant.phaseName],
    ['Awarded on', (grant) => grant.awardedOn],
    ['Areas', (grant) => grant.areas.map((area) => (area.name === area.code ? area.code : `${area.name} (${area.code})`)).join('; ')],
    ['Priorities', (grant) => grant.priorities.map((priority) => priority.label).join('; ')],
    ['Grant (£)', (grant) => poundsCell(grant.amountPence)],
    [`Paid by ${impact.funder.name} (£)`, (grant) => poundsCell(grant.funderPence)],
    ['Report', (grant) => REPORT_STATES[grant.reportState]],
    ['Report due on', (grant) => grant.reportDueOn ?? ''],
    ['People taking part', (grant) => (grant.peopleCount === null ? '' : String(grant.peopleCount))],
    ['Sharing', (grant) => (grant.consent ? CONSENT_WORDS[grant.consent] : '')],
    ['Story', (grant) => grant.story?.text ?? ''],
    ['Photo', (grant) => (grant.story?.photo ? new URL(grant.story.photo.url, publicUrl).href : '')],
    ['Photo shows', (grant) => grant.story?.photo?.description ?? ''],
  ];
  const rows = [columns.map(([title]) => title), ...impact.grants.map((grant) => columns.map(([, value]) => value(grant)))];
  // The byte order mark tells spreadsheet programs the file is UTF-8 (names with accents, "’").
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A file name from the funder's name: letters, digits and dashes only. */
export function funderImpactFileName(impact: FunderImpact, today: string): string {
  const slug = impact.funder.name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-').slice(0, 60) || 'funder';
  return `${slug}-grants-and-stories-${today}.csv`;
}
