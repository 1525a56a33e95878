import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkEligibility, type Eligibility } from '../../../shared/apply/eligibility.ts';
import { journey, nextUnanswered, validatePage, type ApplyPageId, type DraftAnswers } from '../../../shared/apply/questions.ts';
import { ApplicationStatus, LegalForm, PhaseStatus } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { formatPence } from '../../../shared/money.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Viewer } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Phase } from '../funds/phase.entity.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { ApplicantGroup } from './applicant-group.entity.ts';
import { ApplicationDraft } from './application-draft.entity.ts';
import { requestConfirmation } from './confirmation.service.ts';
import { Application } from './application.entity.ts';

// The one place where applications are started, saved and submitted: the server-rendered pages and
// the GraphQL API both call these functions.

export interface OpenFund {
  fund: Fund;
  phase: Phase;
}

export async function findOpenFund(em: EntityManager, slug: string): Promise<OpenFund> {
  const fund = await em.findOne(Fund, { slug });
  if (!fund) throw errors.notFound('fund');
  const phase = await em.findOne(Phase, { fund, status: PhaseStatus.OPEN });
  if (!phase) throw errors.notTakingApplications();
  return { fund, phase };
}

/** Starts a draft; `assistedBy` is the officer filling it in for a group, if they may. */
export async function startDraft(em: EntityManager, slug: string, options: { assistedBy?: Viewer | null } = {}) {
  const { fund, phase } = await findOpenFund(em, slug);
  if (options.assistedBy !== undefined && !canOnFund(options.assistedBy, 'assistApplication', fund)) {
    throw options.assistedBy ? errors.forbidden('fill in applications for groups in this fund') : errors.unauthenticated();
  }
  const token = newToken();
  const draft = em.create(ApplicationDraft, { tokenHash: hashToken(token), fund, phase, assistedBy: options.assistedBy?.user });
  await em.flush();
  return { draft, token };
}

export async function findDraft(em: EntityManager, token: string | undefined): Promise<ApplicationDraft> {
  const draft = token ? await em.findOne(ApplicationDraft, { tokenHash: hashToken(token) }, { populate: ['fund', 'phase', 'application'] }) : null;
  if (!draft) throw errors.draftNotFound();
  return draft;
}

export function eligibilityOf(draft: ApplicationDraft): Eligibility | null {
  const answers = draft.answers.eligibility;
  if (!answers) return null;
  return checkEligibility(answers, {
    areaDescription: draft.fund.areaDescription,
    phaseName: draft.phase.name,
    minAwardPence: draft.phase.minAwardPence,
    maxAwardPence: draft.phase.maxAwardPence,
    unconstitutedCapPence: draft.fund.unconstitutedCapPence,
  });
}

export type SaveResult = { ok: true; draft: ApplicationDraft; next: ApplyPageId | 'check' } | { ok: false; errors: FieldError[] };

/** Saves one page of answers. Bad answers are refused with a message per field and nothing is saved. */
export async function savePage(em: EntityManager, token: string | undefined, page: ApplyPageId, input: Record<string, unknown>): Promise<SaveResult> {
  const draft = await findDraft(em, token);
  if (draft.application) throw errors.alreadySubmitted();
  const result = validatePage(page, input, draft.answers);
  if (!result.ok) return result;
  // New objects, so the ORM sees the JSON change.
  draft.answers = { ...draft.answers, [page]: result.answers };
  draft.typing = Object.fromEntries(Object.entries(draft.typing).filter(([key]) => key !== page));
  if (page === 'contact') draft.reminderEmail = result.answers.contactEmail;
  draft.updatedAt = new Date();
  await em.flush();
  return { ok: true, draft, next: nextPageAfter(draft.answers, page) };
}

const TYPING_MAX_FIELDS = 12;
const TYPING_MAX_LENGTH = 5000;

/** Keeps what someone is typing on a page, unchecked, so nothing is lost before they press continue. */
export async function saveTyping(em: EntityManager, token: string | undefined, page: ApplyPageId, input: Record<string, unknown>) {
  const draft = await findDraft(em, token);
  if (draft.application) throw errors.alreadySubmitted();
  const fields = Object.entries(input)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^[a-zA-Z0-9]{1,40}$/.test(entry[0]))
    .slice(0, TYPING_MAX_FIELDS)
    .map(([field, value]) => [field, value.slice(0, TYPING_MAX_LENGTH)]);
  draft.typing = { ...draft.typing, [page]: Object.fromEntries(fields) };
  draft.updatedAt = new Date();
  await em.flush();
}

function nextPageAfter(answers: DraftAnswers, page: ApplyPageId): ApplyPageId | 'check' {
  const pages = journey(answers);
  const following = pages.slice(pages.indexOf(page) + 1).find((candidate) => !answers[candidate]);
  return following ?? nextUnanswered(answers) ?? 'check';
}

/**
 * Sends the application. Safe to call twice (a double click, a retry after a dropped connection):
 * the draft row is locked, and a draft already sent returns the application it became.
 */
export async function submitDraft(em: EntityManager, mailer: Mailer, token: string | undefined, publicUrl: string): Promise<Application> {
  const tokenHash = token ? hashToken(token) : '';
  const application = await em.transactional(async (tx) => {
    const draft = await tx.findOne(ApplicationDraft, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!draft) throw errors.draftNotFound();
    if (draft.application) return tx.findOneOrFail(Application, draft.application.id);
    await tx.populate(draft, ['fund', 'phase']);
    // An application belongs to the phase open when it is sent, and meets that phase's rules.
    const open = await tx.findOne(Phase, { fund: draft.fund, status: PhaseStatus.OPEN });
    if (!open) throw errors.notTakingApplications();
    draft.phase = open;

    const answers = draft.answers;
    const missing = journey(answers).filter((page) => !answers[page]);
    if (missing.length > 0) {
      throw errors.badInput(missing.map((page) => ({ field: page, message: `Answer the questions on the "${page}" page before you send the application.` })));
    }
    // Answers are checked again as a whole: the legal form decides what the group page needs.
    const problems = journey(answers).flatMap((page) => {
      const result = validatePage(page, answers[page]!, answers);
      return result.ok ? [] : result.errors;
    });
    if (problems.length > 0) throw errors.badInput(problems);
    const eligibility = eligibilityOf(draft);
    if (eligibility && !eligibility.eligible) throw errors.notEligible(eligibility.reasons);

    const { eligibility: about, group: groupAnswers, contact, where, work, budget } = answers as Required<DraftAnswers>;
    const unconstituted = about.legalForm === LegalForm.UNCONSTITUTED_GROUP;
    const host = unconstituted ? answers.host : undefined;
    const members = unconstituted ? answers.members : undefined;
    const group = tx.create(ApplicantGroup, {
      name: groupAnswers.groupName,
      legalForm: about.legalForm as LegalForm,
      charityNumber: groupAnswers.charityNumber,
      companyNumber: groupAnswers.companyNumber?.toUpperCase(),
      postcode: where.postcode,
      contactName: contact.contactName,
      contactEmail: contact.contactEmail,
      contactPhone: contact.contactPhone,
      hostName: host?.hostName,
      hostContactName: host?.hostContactName,
      hostEmail: host?.hostEmail,
      memberNames: members ? [members.member1Name, members.member2Name] : undefined,
      refereeName: members?.refereeName,
      refereeOrganisation: members?.refereeOrganisation,
      refereeEmail: members?.refereeEmail,
    });

    // Numbered per fund, in the same transaction, so two submissions never share a reference.
    const [{ last_reference_number: number }] = await tx
      .getConnection()
      .execute<{ last_reference_number: number }[]>(
        'UPDATE fund SET last_reference_number = last_reference_number + 1 WHERE id = ? RETURNING last_reference_number',
        [draft.fund.id],
        'all',
        tx.getTransactionContext(),
      );
    const now = new Date();
    const created = tx.create(Application, {
      reference: `${draft.fund.referencePrefix}-${String(number).padStart(5, '0')}`,
      fund: draft.fund,
      phase: draft.phase,
      group,
      status: ApplicationStatus.SUBMITTED,
      title: work.title,
      summary: about.purpose,
      description: work.description,
      beneficiaries: work.beneficiaries,
      budget: budget.budget,
      amountRequestedPence: Number(about.amountPence),
      assisted: Boolean(draft.assistedBy),
      submittedAt: now,
      createdAt: draft.createdAt,
      updatedAt: now,
    });
    draft.application = created;
    draft.updatedAt = now;
    // The answers now live in the application; the draft stays only so a second send finds it.
    draft.answers = {};
    draft.typing = {};
    draft.reminderEmail = undefined;
    recordAudit(tx, {
      actor: draft.assistedBy ?? null,
      action: 'application.submitted',
      entityType: 'Application',
      entityId: created.id,
      fundId: draft.fund.id,
      changes: { reference: created.reference, assisted: created.assisted },
    });
    if (unconstituted) requestConfirmation(tx, mailer, { application: created, group, fund: draft.fund, publicUrl });
    mailer.queue(tx, {
      to: contact.contactEmail,
      kind: 'application-received',
      subject: `We have your application ${created.reference}`,
      body: confirmationEmail(contact.contactName, created, draft.fund, publicUrl),
    });
    return created;
  });
  mailer.nudge();
  return application;
}

function confirmationEmail(name: string, application: Application, fund: Fund, publicUrl: string) {
  return [
    `Hello ${name},`,
    '',
    `Thank you. We have your application to ${fund.name}.`,
    '',
    `Your reference is ${application.reference}.`,
    `You asked for ${formatPence(application.amountRequestedPence)} for: ${application.title}.`,
    '',
    'The panel meets every week. We will email you when it has decided, or if we need to ask you anything.',
    `Quote your reference if you contact us. More about the fund: ${publicUrl}/apply/${fund.slug}`,
  ].join('\n');
}
