import type { EntityManager } from '@mikro-orm/postgresql';
import { FundRole } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { londonToday } from '../../../shared/london-time.ts';
import { ReportingRequirement, ReportStatus, StoryConsent } from '../../../shared/reporting.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFunderImpact, canOnImpact, type ImpactAction } from '../../policies/impact.policy.ts';
import { canOnReport } from '../../policies/report.policy.ts';
import { hasRole } from '../../policies/roles.ts';
import { Funder } from '../funders/funder.entity.ts';
import { funderIdsInFund, officerFunderIds } from '../funders/funder.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { funderGrants, reportingFigures, storyPage, type FiguresRow, type FunderGrantRow, type StoryCursor, type StoryRow } from './impact-query.ts';
import {
  ReportState,
  type FunderImpact,
  type FunderImpactGrant,
  type ReportingFigures,
  type ReportingFiguresRow,
  type ReportingTotals,
  type Story,
  type StoryFeed,
  type StoryFilter,
  type StoryGrant,
} from './impact.types.ts';

export const STORY_PAGE_DEFAULT = 20;
export const STORY_PAGE_MAX = 50;

async function requireImpactFund(em: EntityManager, viewer: Viewer | null, fundId: string, action: ImpactAction): Promise<Fund> {
  if (!viewer) throw errors.unauthenticated();
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnImpact(viewer, action, fund)) throw errors.notFound('fund');
  return fund;
}

/** A cursor is opaque to the client: where the last story of a page was sent, and its id. */
export const encodeCursor = (cursor: StoryCursor) => Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');

function decodeCursor(text: string): StoryCursor | null {
  const [at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !id || !/^[0-9a-f-]{36}$/i.test(id) || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(at)) return null;
  return { at, id };
}

const grantOf = (row: Omit<StoryRow, 'id' | 'submitted_at' | 'cursor_at' | 'story_consent' | 'text'>): StoryGrant => ({
  id: row.grant_id,
  reference: row.reference,
  title: row.title,
  groupName: row.group_name,
  amountPence: row.amount_pence,
  awardedOn: row.awarded_on,
  phaseId: row.phase_id,
  phaseName: row.phase_name,
  priorities: row.priorities,
  areas: row.areas,
  funders: row.funders.map((funder) => ({ ...funder, pence: Number(funder.pence) })),
});

function storyOf(row: StoryRow): Story {
  return {
    id: row.id,
    // The driver hands timestamps of hand-written statements back as text.
    submittedAt: new Date(row.submitted_at),
    requirement: row.reporting as ReportingRequirement,
    consent: row.story_consent,
    text: row.text ?? '',
    photo: row.photo_id ? { id: row.photo_id, url: `/report-photos/${row.photo_id}`, width: row.photo_width!, height: row.photo_height!, description: row.photo_description } : null,
    peopleCount: row.reporting === ReportingRequirement.SHORT_FORM ? row.people_count : null,
    grant: grantOf(row),
  };
}

/** The consents whose sent stories the viewer may read, straight from the report policy. */
function readableConsents(viewer: Viewer, fund: Fund): StoryConsent[] {
  return Object.values(StoryConsent).filter((storyConsent) => canOnReport(viewer, 'readStory', { fund, status: ReportStatus.SUBMITTED, storyConsent }));
}

/**
 * The fund's sent stories, newest first, a page at a time. The coordinator and funder officers read
 * every one, those the groups asked not to share too (each marked with its consent, so nothing kept
 * in the fund is passed on by mistake); everyone else in the fund reads those the groups shared with
 * the funders or the public, as `canOnReport(…, 'readStory')` says, and the count leaves the rest out.
 */
export async function storyFeed(em: EntityManager, viewer: Viewer | null, args: { fundId: string; filter?: StoryFilter | null; first?: number | null; after?: string | null }): Promise<StoryFeed> {
  const fund = await requireImpactFund(em, viewer, args.fundId, 'readStories');
  const first = args.first ?? STORY_PAGE_DEFAULT;
  const after = args.after ? decodeCursor(args.after) : null;
  const problems: FieldError[] = [];
  if (!Number.isInteger(first) || first < 1 || first > STORY_PAGE_MAX) problems.push({ field: 'first', message: `Ask for 1 to ${STORY_PAGE_MAX} stories at a time.` });
  if (args.after && !after) problems.push({ field: 'after', message: 'That page of stories does not exist. Start from the first page.' });
  if (problems.length > 0) throw errors.badInput(problems);

  const filter = args.filter ?? {};
  const readable = readableConsents(viewer!, fund);
  const consents = filter.consent ? readable.filter((consent) => consent === filter.consent) : readable;
  const { total, stories } = await storyPage(em, { fundId: fund.id, consents, filter, after, limit: first + 1 });
  const page = stories.slice(0, first);
  const last = page.at(-1);
  return {
    fundId: fund.id,
    // The statement read only what the policy allows; each story is checked again on its way out.
    stories: page.filter((row) => canOnReport(viewer, 'readStory', { fund, status: ReportStatus.SUBMITTED, storyConsent: row.story_consent })).map(storyOf),
    totalCount: total,
    nextCursor: stories.length > first && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
    includesUnshared: readable.includes(StoryConsent.NOT_SHARED),
  };
}

const figuresOf = (row: FiguresRow | undefined): ReportingFigures => ({
  grantCount: row?.grants ?? 0,
  pence: Number(row?.pence ?? 0),
  peopleReached: Number(row?.people ?? 0),
  reportsSent: row?.sent ?? 0,
  reportsDue: row?.due ?? 0,
  reportsOverdue: row?.overdue ?? 0,
});

function figureTables(rows: FiguresRow[]) {
  const rowOf = (row: FiguresRow, label: string): ReportingFiguresRow => ({ ...figuresOf(row), key: row.key, label });
  return {
    all: figuresOf(rows.find((row) => row.level === 'all')),
    byPriority: rows.filter((row) => row.level === 'priority').map((row) => rowOf(row, row.key === null ? 'No priority' : (row.label ?? row.key))),
    byPhase: rows.filter((row) => row.level === 'phase').map((row) => rowOf(row, row.label ?? '')),
  };
}

/** The funders whose own view the viewer may open: every funder of the fund for the coordinator, their own for an officer. */
async function funderViewsFor(em: EntityManager, viewer: Viewer, fund: Fund): Promise<Funder[]> {
  let ids: string[] = [];
  if (hasRole(viewer, fund.id, FundRole.COORDINATOR)) ids = await funderIdsInFund(em, fund.id);
  else if (hasRole(viewer, fund.id, FundRole.FUNDER_OFFICER)) ids = [...(await officerFunderIds(em, viewer, fund.id))];
  const own = new Set(ids);
  const allowed = ids.filter((id) => canOnFunderImpact(viewer, { fund, funder: { id } }, own));
  return allowed.length === 0 ? [] : em.find(Funder, { id: { $in: allowed } }, { orderBy: { name: 'asc', id: 'asc' } });
}

/** What the fund's grants and reports add up to, for everyone in the fund. */
export async function reportingTotals(em: EntityManager, viewer: Viewer | null, fundId: string, today = londonToday()): Promise<ReportingTotals> {
  const fund = await requireImpactFund(em, viewer, fundId, 'readTotals');
  const [rows, funderViews] = await Promise.all([reportingFigures(em, { fundId: fund.id, funderId: null, today }), funderViewsFor(em, viewer!, fund)]);
  return { fundId: fund.id, ...figureTables(rows), funderViews };
}

/**
 * A funder the viewer may read the own view of: the fund must be one they are in (else "not found"), the
 * funder one of the fund's (else "not found"), and the viewer its coordinator or one of the funder's
 * officers (else refused).
 */
export async function requireFunderImpact(em: EntityManager, viewer: Viewer | null, fundId: string, funderId: string): Promise<{ fund: Fund; funder: Funder }> {
  if (!viewer) throw errors.unauthenticated();
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnImpact(viewer, 'readTotals', fund)) throw errors.notFound('fund');
  const funder = await findById(em, Funder, funderId);
  const [ids, own] = funder ? await Promise.all([funderIdsInFund(em, fund.id), officerFunderIds(em, viewer, fund.id)]) : [[], new Set<string>()];
  if (!funder || !ids.includes(funder.id)) throw errors.notFound('funder');
  if (!canOnFunderImpact(viewer, { fund, funder }, own)) throw errors.forbidden("read this funder's own view");
  return { fund, funder };
}

function reportStateOf(row: FunderGrantRow, today: string): ReportState {
  if (row.report_status === ReportStatus.SUBMITTED) return ReportState.SENT;
  if (row.reporting === ReportingRequirement.NONE || !row.report_id) return ReportState.NONE;
  return row.report_due_on !== null && row.report_due_on < today ? ReportState.OVERDUE : ReportState.DUE;
}

function impactGrantOf(row: FunderGrantRow, today: string): FunderImpactGrant {
  const shared = row.report_status === ReportStatus.SUBMITTED && (row.story_consent === StoryConsent.FUNDERS || row.story_consent === StoryConsent.PUBLIC) && row.text !== null;
  const grant = grantOf(row);
  return {
    ...grant,
    funderPence: Number(row.funder_pence),
    requirement: row.reporting as ReportingRequirement,
    reportState: reportStateOf(row, today),
    reportDueOn: row.reporting === ReportingRequirement.NONE ? null : row.report_due_on,
    peopleCount: row.people_count,
    consent: row.report_status === ReportStatus.SUBMITTED ? row.story_consent : null,
    story: shared
      ? storyOf({ ...row, id: row.report_id!, submitted_at: row.submitted_at!, cursor_at: '', story_consent: row.story_consent!, text: row.text })
      : null,
  };
}

/**
 * What one funder's contributions paid for, for its board: the grants it paid towards (its part and the
 * whole), its figures by priority and phase, each grant's report, and the stories and photos the groups
 * shared with the funders or the public. Stories kept to the fund's staff are left out here for
 * everyone, the coordinator too, and counted, since this view is made to be taken outside the fund.
 */
export async function funderImpact(em: EntityManager, viewer: Viewer | null, fundId: string, funderId: string, today = londonToday()): Promise<FunderImpact> {
  const { fund, funder } = await requireFunderImpact(em, viewer, fundId, funderId);
  const [figures, rows] = await Promise.all([reportingFigures(em, { fundId: fund.id, funderId: funder.id, today }), funderGrants(em, { fundId: fund.id, funderId: funder.id })]);
  const grants = rows.map((row) => impactGrantOf(row, today));
  return {
    fundId: fund.id,
    fundName: fund.name,
    funder,
    ...figureTables(figures),
    grants,
    unsharedStories: grants.filter((grant) => grant.reportState === ReportState.SENT && grant.consent === StoryConsent.NOT_SHARED).length,
    csvUrl: `/funds/${fund.id}/funders/${funder.id}/impact.csv`,
  };
}
