import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldError } from '../../../shared/errors.ts';
import { formatCalendarDate, londonIsoDate, londonToday } from '../../../shared/london-time.ts';
import { formatPence } from '../../../shared/money.ts';
import {
  addWeeks,
  checkReportingBands,
  checkReportPage,
  DEFAULT_REPORTING_POLICY,
  isIsoDate,
  nextUnansweredPage,
  REPLY_MAX_CHARS,
  REPORT_PAGE_FIELDS,
  reportingFor,
  reportPages,
  ReportingRequirement,
  ReportStatus,
  type ReportAnswers,
  type ReportForm,
  type ReportingBands,
  type ReportPageId,
} from '../../../shared/reporting.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { canOnReport } from '../../policies/report.policy.ts';
import type { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Grant } from '../grants/grant.entity.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { PhotoStore } from './photo-store.ts';
import { Report, ReportLink, ReportPhoto, ReportReply } from './report.entity.ts';
import { preparePhoto } from './report-photo.ts';
import { ReportingPolicy, type ReportingPolicyView } from './reporting-policy.entity.ts';

export async function reportingPolicyOf(em: EntityManager, fundId: string): Promise<ReportingPolicyView> {
  const policy = await em.findOne(ReportingPolicy, { fund: fundId });
  if (!policy) return { ...DEFAULT_REPORTING_POLICY, version: 0, updatedAt: null };
  const { sentencesFromPence, shortFormFromPence, dueWeeks, version, updatedAt } = policy;
  return { sentencesFromPence, shortFormFromPence, dueWeeks, version, updatedAt };
}

export interface ReportingPolicyInput extends ReportingBands {
  fundId: string;
  /** The version the coordinator saw; 0 while the fund used the defaults. */
  version: number;
}

/** The coordinator sets the fund's bands and due weeks; grants already awarded keep what they were given. */
export async function updateReportingPolicy(em: EntityManager, viewer: Viewer, input: ReportingPolicyInput): Promise<ReportingPolicyView> {
  const fund = await findById(em, Fund, input.fundId);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  if (!canOnFund(viewer, 'manage', fund)) throw errors.forbidden("change the fund's reporting");
  const bands: ReportingBands = { sentencesFromPence: input.sentencesFromPence, shortFormFromPence: input.shortFormFromPence, dueWeeks: input.dueWeeks };
  const problems = checkReportingBands(bands);
  if (problems.length > 0) throw errors.badInput(problems);
  try {
    await em.transactional(async (tx) => {
      const existing = await tx.findOne(ReportingPolicy, { fund }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if ((existing?.version ?? 0) !== input.version) throw errors.conflict('reporting policy');
      const before = existing ? { sentencesFromPence: existing.sentencesFromPence, shortFormFromPence: existing.shortFormFromPence, dueWeeks: existing.dueWeeks } : DEFAULT_REPORTING_POLICY;
      if (existing) tx.assign(existing, { ...bands, updatedAt: new Date() });
      // Two coordinators saving a fund's first policy at once: the unique fund_id lets one in.
      else tx.create(ReportingPolicy, { fund, ...bands });
      const changes = Object.fromEntries(
        (Object.keys(bands) as (keyof ReportingBands)[]).filter((key) => before[key] !== bands[key]).map((key) => [key, [before[key], bands[key]]]),
      );
      recordAudit(tx, { actor: viewer.user, action: 'reporting-policy.changed', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw errors.conflict('reporting policy');
    throw error;
  }
  return reportingPolicyOf(em.fork(), fund.id);
}

/** What a grant is asked to report when it is awarded, and by when, from the fund's policy. */
export function reportingAtAward(policy: ReportingBands, amountPence: number, awardedAt: Date): { reporting: ReportingRequirement; reportDueOn?: string } {
  const reporting = reportingFor(amountPence, policy);
  return reporting === ReportingRequirement.NONE ? { reporting } : { reporting, reportDueOn: addWeeks(londonIsoDate(awardedAt), policy.dueWeeks) };
}

type LinkEmail = 'opened' | 'resent' | 'due-soon' | 'overdue';

/** Where report emails go: the group's contact, who knows what the money did (a host only held it). */
function emailOf(application: Application) {
  return application.group.contactEmail;
}

/**
 * Emails the group a fresh link to its report, for the reason given. Part of the caller's unit of work,
 * so the link and the email commit (or roll back) with whatever caused them.
 */
export function queueReportLink(em: EntityManager, mailer: Mailer, report: Report, application: Application, reason: LinkEmail, publicUrl: string) {
  const token = newToken();
  const to = emailOf(application);
  em.create(ReportLink, { report, tokenHash: hashToken(token), sentTo: to });
  const grant = report.grant;
  const due = grant.reportDueOn ? formatCalendarDate(grant.reportDueOn) : null;
  const link = `${publicUrl}/report/${token}`;
  const asks = grant.reporting === ReportingRequirement.SHORT_FORM
    ? 'a short form: what happened, roughly how many people took part, one story, what changed, and any money left over'
    : 'a few sentences about what the grant did, and a photo if you have one';
  const subjects: Record<LinkEmail, string> = {
    opened: `Telling us how your grant went (${application.reference})`,
    resent: `Your link to report on your grant (${application.reference})`,
    'due-soon': `Your grant report is due on ${due} (${application.reference})`,
    overdue: `Your grant report is overdue (${application.reference})`,
  };
  const openings: Record<LinkEmail, string> = {
    opened: `When the ${formatPence(grant.amountPence)} from ${application.fund.name} has been spent, please tell us how it went${due ? ` by ${due}` : ''}. We ask for ${asks}. It takes about ${grant.reporting === ReportingRequirement.SHORT_FORM ? 'fifteen' : 'five'} minutes, on a phone or a computer.`,
    resent: `Here is a link to your report on "${application.title}"${due ? `, due by ${due}` : ''}.`,
    'due-soon': `Your report on "${application.title}" is due by ${due}. We ask for ${asks}.`,
    overdue: `Your report on "${application.title}" was due by ${due}. If you can, please send it now: it helps the funders see what their money did. If something has gone wrong, reply and tell us; that is fine too.`,
  };
  mailer.queue(em, {
    to,
    kind: reason === 'opened' || reason === 'resent' ? 'report-link' : `report-reminder-${reason}`,
    subject: subjects[reason],
    body: [
      `Hello ${application.group.contactName},`,
      '',
      openings[reason],
      '',
      'Your answers are saved as you go, so you can stop and come back with this link:',
      link,
      '',
      'Keep this link to yourself: anyone with it can see and change your report. You can also phone us and tell us instead.',
      '',
      application.fund.name,
      `Reference: ${application.reference}`,
    ].join('\n'),
  });
}

/** Starts a grant's report and emails the group its link. Part of the caller's unit of work. */
export function openReport(em: EntityManager, mailer: Mailer, grant: Grant, application: Application, publicUrl: string): Report {
  const report = em.create(Report, { grant });
  queueReportLink(em, mailer, report, application, 'opened', publicUrl);
  return report;
}

const GRANT_POPULATE = ['application', 'application.fund', 'application.group'] as const;
const REPORT_POPULATE = ['grant', 'grant.application', 'grant.application.fund', 'grant.application.group'] as const;

/** A grant the viewer may see, or "not found". */
async function visibleGrant(em: EntityManager, viewer: Viewer | null, grantId: string) {
  const grant = await findById(em, Grant, grantId, { populate: GRANT_POPULATE });
  if (!grant || !canOnFund(viewer, 'view', grant.application.fund)) throw errors.notFound('grant');
  return grant;
}

/** The staff's view of a grant's report: coordinators and funder officers; null when it asks for none. */
export async function findGrantReport(em: EntityManager, viewer: Viewer, grantId: string): Promise<Report | null> {
  const grant = await visibleGrant(em, viewer, grantId);
  const fund = grant.application.fund;
  if (!canOnReport(viewer, 'read', { fund, status: ReportStatus.DRAFT })) throw errors.forbidden("read this grant's report");
  return em.findOne(Report, { grant }, { populate: REPORT_POPULATE });
}

export interface GrantReportingInput {
  grantId: string;
  reporting: ReportingRequirement;
  dueOn?: string | null;
  version: number;
}

/**
 * Changes what one grant reports and by when. Opening reporting on a grant that had none starts its
 * report and emails the link; a new due date lets the reminders go again for it. Version-checked.
 */
export async function setGrantReporting(em: EntityManager, mailer: Mailer, viewer: Viewer, input: GrantReportingInput, publicUrl: string): Promise<Grant> {
  const found = await visibleGrant(em, viewer, input.grantId);
  const fund = found.application.fund;
  if (!canOnReport(viewer, 'setReporting', { fund, status: ReportStatus.DRAFT })) throw errors.forbidden("change a grant's reporting");
  const asked = input.reporting !== ReportingRequirement.NONE;
  const dueOn = asked ? (input.dueOn ?? '').trim() : null;
  if (asked && !isIsoDate(dueOn!)) throw errors.badInput([{ field: 'dueOn', message: 'Enter the day the report is due, like 2027-03-31.' }]);

  const grant = await em.transactional(async (tx) => {
    const grant = await tx.findOneOrFail(Grant, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: GRANT_POPULATE, refresh: true });
    if (grant.version !== input.version) throw errors.conflict('grant');
    const report = await tx.findOne(Report, { grant });
    if (report?.status === ReportStatus.SUBMITTED && input.reporting !== grant.reporting) {
      throw errors.badInput([{ field: 'reporting', message: 'The group has sent its report, so what it reports can no longer change.' }]);
    }
    const before = { reporting: grant.reporting, dueOn: grant.reportDueOn ?? null };
    grant.reporting = input.reporting;
    grant.reportDueOn = dueOn ?? undefined;
    if (report && before.dueOn !== dueOn) {
      report.dueSoonRemindedAt = undefined;
      report.overdueRemindedAt = undefined;
    }
    if (asked && !report) openReport(tx, mailer, grant, grant.application, publicUrl);
    recordAudit(tx, {
      actor: viewer.user,
      action: 'grant.reporting-changed',
      entityType: 'Grant',
      entityId: grant.id,
      fundId: fund.id,
      changes: { reporting: [before.reporting, input.reporting], dueOn: [before.dueOn, dueOn] },
    });
    await tx.flush();
    return grant;
  });
  mailer.nudge();
  return grant;
}

/** An officer emails the group a fresh link (the first went astray, or a new person does the report). */
export async function sendReportLink(em: EntityManager, mailer: Mailer, viewer: Viewer, grantId: string, publicUrl: string): Promise<boolean> {
  const grant = await visibleGrant(em, viewer, grantId);
  const fund = grant.application.fund;
  const report = await em.findOne(Report, { grant });
  if (!canOnReport(viewer, 'sendLink', { fund, status: report?.status ?? ReportStatus.DRAFT })) throw errors.forbidden('send report links');
  if (!report || grant.reporting === ReportingRequirement.NONE) throw errors.badInput([{ field: 'grantId', message: 'This grant is not asked for a report.' }]);
  queueReportLink(em, mailer, report, grant.application, 'resent', publicUrl);
  recordAudit(em, { actor: viewer.user, action: 'report.link-sent', entityType: 'Report', entityId: report.id, fundId: fund.id, changes: { to: emailOf(grant.application) } });
  await em.flush();
  mailer.nudge();
  return true;
}

/** The answers a requirement asks for, checked page by page with the group's own rules. */
function checkWholeReport(requirement: ReportingRequirement, form: ReportForm, grantPence: number): { ok: true; answers: ReportAnswers } | { ok: false; errors: FieldError[] } {
  const problems: FieldError[] = [];
  let answers: ReportAnswers = {};
  for (const page of reportPages(requirement)) {
    if (page === 'photo') continue;
    const result = checkReportPage(page, form, grantPence);
    if (result.ok) answers = { ...answers, ...result.answers };
    else problems.push(...result.errors);
  }
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, answers };
}

export interface PhoneReportInput extends ReportAnswers {
  grantId: string;
}

/**
 * An officer records a report the group gave by phone: the same questions and rules as the link, sent
 * at once and marked as taken by that officer. A report the group has already sent is not replaced.
 */
export async function recordPhoneReport(em: EntityManager, viewer: Viewer, input: PhoneReportInput, now = new Date()): Promise<Report> {
  const grant = await visibleGrant(em, viewer, input.grantId);
  const fund = grant.application.fund;
  if (!canOnReport(viewer, 'record', { fund, status: ReportStatus.DRAFT })) throw errors.forbidden('record reports');
  if (grant.reporting === ReportingRequirement.NONE) throw errors.badInput([{ field: 'grantId', message: 'This grant is not asked for a report. Change its reporting first.' }]);
  // The phone form's fields as the link's pages post them, so one set of rules checks both.
  const form: ReportForm = {
    sentences: input.sentences ?? undefined,
    whatHappened: input.whatHappened ?? undefined,
    peopleCount: input.peopleCount == null ? undefined : String(input.peopleCount),
    story: input.story ?? undefined,
    whatChanged: input.whatChanged ?? undefined,
    anyLeft: input.moneyLeftPence == null ? undefined : input.moneyLeftPence > 0 ? 'yes' : 'no',
    moneyLeft: input.moneyLeftPence == null || !Number.isSafeInteger(input.moneyLeftPence) || input.moneyLeftPence < 0 ? undefined : (input.moneyLeftPence / 100).toFixed(2),
    storyConsent: input.storyConsent ?? undefined,
  };
  const checked = checkWholeReport(grant.reporting, form, grant.amountPence);
  if (!checked.ok) throw errors.badInput(checked.errors.map((error) => (error.field === 'anyLeft' || error.field === 'moneyLeft' ? { ...error, field: 'moneyLeftPence' } : error)));

  return em.transactional(async (tx) => {
    const report = (await tx.findOne(Report, { grant }, { lockMode: LockMode.PESSIMISTIC_WRITE })) ?? tx.create(Report, { grant });
    if (report.status === ReportStatus.SUBMITTED) throw errors.badInput([{ field: 'grantId', message: 'This grant’s report has already been sent.' }]);
    tx.assign(report, { ...checked.answers, typing: {}, status: ReportStatus.SUBMITTED, submittedAt: now, takenBy: viewer.user, updatedAt: now });
    recordAudit(tx, { actor: viewer.user, action: 'report.taken-by-phone', entityType: 'Report', entityId: report.id, fundId: fund.id, changes: { grantId: grant.id, reporting: grant.reporting } });
    await tx.flush();
    await tx.populate(report, REPORT_POPULATE);
    return report;
  });
}

/** The fund replies to a sent report; the group reads it on its link, and is told by email. */
export async function replyToReport(em: EntityManager, mailer: Mailer, viewer: Viewer, input: { reportId: string; message: string }, publicUrl: string): Promise<ReportReply> {
  const report = await findById(em, Report, input.reportId, { populate: REPORT_POPULATE });
  const application = report?.grant.application;
  if (!report || !application || !canOnFund(viewer, 'view', application.fund)) throw errors.notFound('report');
  if (!canOnReport(viewer, 'reply', { fund: application.fund, status: report.status })) throw errors.forbidden('reply to reports');
  const message = input.message.trim();
  if (!message) throw errors.badInput([{ field: 'message', message: 'Write your reply to the group.' }]);
  if (message.length > REPLY_MAX_CHARS) throw errors.badInput([{ field: 'message', message: `Use ${REPLY_MAX_CHARS.toLocaleString('en-GB')} characters or fewer.` }]);
  if (report.status !== ReportStatus.SUBMITTED) throw errors.badInput([{ field: 'reportId', message: 'The group has not sent this report yet.' }]);
  const reply = em.create(ReportReply, { report, author: viewer.user, message });
  const token = newToken();
  em.create(ReportLink, { report, tokenHash: hashToken(token), sentTo: emailOf(application) });
  mailer.queue(em, {
    to: emailOf(application),
    kind: 'report-reply',
    subject: `A reply to your grant report (${application.reference})`,
    body: [
      `Hello ${application.group.contactName},`,
      '',
      `${viewer.user.name} at ${application.fund.name} has replied to your report on "${application.title}":`,
      '',
      message,
      '',
      `You can read it again with your report here: ${publicUrl}/report/${token}`,
    ].join('\n'),
  });
  recordAudit(em, { actor: viewer.user, action: 'report.replied', entityType: 'Report', entityId: report.id, fundId: application.fund.id, changes: { replyId: reply.id } });
  await em.flush();
  mailer.nudge();
  return reply;
}

// The group's side, by its link.

export async function findReportByToken(em: EntityManager, token: string): Promise<Report> {
  const link = /^[\w-]{20,100}$/.test(token) ? await em.findOne(ReportLink, { tokenHash: hashToken(token) }, { populate: ['report'] }) : null;
  if (!link) throw errors.notFound('report link');
  const report = await em.findOneOrFail(Report, link.report.id, { populate: REPORT_POPULATE });
  if (report.grant.reporting === ReportingRequirement.NONE && report.status === ReportStatus.DRAFT) throw errors.notFound('report link');
  return report;
}

/** The report's row, locked for this transaction; a sent report cannot be changed. */
async function lockDraft(tx: EntityManager, report: Report): Promise<Report> {
  const locked = await tx.findOneOrFail(Report, report.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (locked.status === ReportStatus.SUBMITTED) throw errors.reportAlreadySent();
  return locked;
}

export type ReportSaveResult = { ok: true; report: Report; next: ReportPageId | 'check' } | { ok: false; report: Report; errors: FieldError[] };

/** Saves one page of the report; bad answers are refused with a message per field and nothing is saved. */
export async function saveReportPage(em: EntityManager, token: string, page: Exclude<ReportPageId, 'photo'>, form: ReportForm): Promise<ReportSaveResult> {
  const report = await findReportByToken(em, token);
  const checked = checkReportPage(page, form, report.grant.amountPence);
  if (!checked.ok) return { ok: false, report, errors: checked.errors };
  const saved = await em.transactional(async (tx) => {
    const locked = await lockDraft(tx, report);
    const { [page]: _typed, ...typing } = locked.typing;
    tx.assign(locked, { ...checked.answers, typing, updatedAt: new Date() });
    return locked;
  });
  return { ok: true, report, next: nextPageAfter(report.grant.reporting, saved, page) };
}

/** The page after this one; from the last page, the first still unanswered, or the check page. */
function nextPageAfter(requirement: ReportingRequirement, answers: ReportAnswers, page: ReportPageId): ReportPageId | 'check' {
  const pages = reportPages(requirement);
  const following = pages[pages.indexOf(page) + 1];
  if (following) return following;
  return nextUnansweredPage(requirement, answers) ?? 'check';
}

const TYPING_MAX_LENGTH = 10_000;

/** Keeps what the group is typing on a page, unchecked, so nothing is lost before it presses continue. */
export async function saveReportTyping(em: EntityManager, token: string, page: Exclude<ReportPageId, 'photo'>, form: ReportForm) {
  const report = await findReportByToken(em, token);
  const fields = Object.fromEntries(
    REPORT_PAGE_FIELDS[page].filter((field) => typeof form[field] === 'string').map((field) => [field, form[field]!.slice(0, TYPING_MAX_LENGTH)]),
  );
  await em.transactional(async (tx) => {
    const locked = await lockDraft(tx, report);
    locked.typing = { ...locked.typing, [page]: fields };
    locked.updatedAt = new Date();
  });
}

/**
 * Keeps the group's photo: checked by its content, re-encoded without metadata, written to the photo
 * folder (flushed to disk) before the row naming it commits. A photo it replaces is deleted after.
 */
export async function saveReportPhoto(em: EntityManager, store: PhotoStore, token: string, upload: { bytes: Buffer | null; tooBig: boolean }, description: string): Promise<{ report: Report; errors: FieldError[] }> {
  const report = await findReportByToken(em, token);
  const text = description.trim();
  if (text.length > 300) return { report, errors: [{ field: 'photoDescription', message: 'Describe the photo in 300 characters or fewer.' }] };
  if (upload.tooBig) return { report, errors: [{ field: 'photo', message: 'The photo must be smaller than 10 MB.' }] };
  const existing = await em.findOne(ReportPhoto, { report });
  if (!upload.bytes || upload.bytes.length === 0) {
    // No new file: keep (or re-describe) the photo already sent, or carry on without one.
    if (existing && (existing.description ?? '') !== text) {
      await em.transactional(async (tx) => {
        await lockDraft(tx, report);
        await tx.nativeUpdate(ReportPhoto, { id: existing.id }, { description: text || null });
      });
    }
    return { report, errors: [] };
  }
  const prepared = await preparePhoto(upload.bytes);
  if (!prepared.ok) return { report, errors: [{ field: 'photo', message: prepared.message }] };
  const key = await store.save(prepared.jpeg);
  let replaced: string | undefined;
  try {
    await em.transactional(async (tx) => {
      const locked = await lockDraft(tx, report);
      const previous = await tx.findOne(ReportPhoto, { report: locked });
      if (previous) {
        replaced = previous.storageKey;
        tx.remove(previous);
        await tx.flush();
      }
      tx.create(ReportPhoto, { report: locked, storageKey: key, width: prepared.width, height: prepared.height, bytes: prepared.jpeg.length, description: text || undefined });
      locked.updatedAt = new Date();
    });
  } catch (error) {
    await store.remove(key);
    throw error;
  }
  if (replaced) await store.remove(replaced);
  return { report, errors: [] };
}

export async function removeReportPhoto(em: EntityManager, store: PhotoStore, token: string): Promise<void> {
  const report = await findReportByToken(em, token);
  let removed: string | undefined;
  await em.transactional(async (tx) => {
    const locked = await lockDraft(tx, report);
    const photo = await tx.findOne(ReportPhoto, { report: locked });
    if (!photo) return;
    removed = photo.storageKey;
    tx.remove(photo);
  });
  if (removed) await store.remove(removed);
}

/**
 * Sends the report. Safe to call twice (a double click, a retry): the row is locked, and a report
 * already sent stays as it was. Returns the first page still unanswered instead, if there is one.
 */
export async function submitReport(em: EntityManager, token: string, now = new Date()): Promise<{ report: Report; missing: ReportPageId | null }> {
  const report = await findReportByToken(em, token);
  const missing = await em.transactional(async (tx) => {
    const locked = await tx.findOneOrFail(Report, report.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (locked.status === ReportStatus.SUBMITTED) return null;
    const unanswered = nextUnansweredPage(report.grant.reporting, locked);
    if (unanswered) return unanswered;
    tx.assign(locked, { status: ReportStatus.SUBMITTED, submittedAt: now, typing: {}, updatedAt: now });
    const application = report.grant.application;
    recordAudit(tx, { actor: null, action: 'report.submitted', entityType: 'Report', entityId: locked.id, fundId: application.fund.id, changes: { by: emailOf(application) } });
    return null;
  });
  return { report, missing };
}

/** Whether a report is late: not sent, still asked for, and its due day is over in London. */
export function isOverdue(report: Pick<Report, 'status'>, grant: Pick<Grant, 'reporting' | 'reportDueOn'>, today = londonToday()): boolean {
  return report.status === ReportStatus.DRAFT && grant.reporting !== ReportingRequirement.NONE && grant.reportDueOn != null && grant.reportDueOn < today;
}
