import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkEligibility, type Eligibility } from '../../../shared/apply/eligibility.ts';
import { chosenAreaCodes, chosenPriorities, journey, nextUnanswered, validatePage, type ApplyPageId, type DraftAnswers } from '../../../shared/apply/questions.ts';
import { ApplicationStatus, AreaKind, LegalForm, PhaseStatus } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { formatPence } from '../../../shared/money.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Viewer } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import type { Area } from '../areas/area.entity.ts';
import { listFundAreas } from '../areas/fund-areas.service.ts';
import { placeApplication } from '../areas/placement.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Phase } from '../funds/phase.entity.ts';
import type { Priority } from '../taxonomy/priority.entity.ts';
import { fundPriorities, lockPriorities } from '../taxonomy/taxonomy.service.ts';
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

/** The priorities a group may choose from: the fund's own, less those retired. */
export async function offeredPriorities(em: EntityManager, fundId: string): Promise<Priority[]> {
  return (await fundPriorities(em, fundId)).filter((priority) => !priority.retired);
}

/**
 * The areas a group may say its work is in: the fund's wards, or, for a fund listing smaller areas
 * only, the areas it lists. Wards rather than small areas keep the list short enough to read on a phone.
 */
export async function offeredAreas(em: EntityManager, fund: Pick<Fund, 'areaCodes'>): Promise<Area[]> {
  const wards = await listFundAreas(em, fund, AreaKind.WARD, { withGeometry: false });
  return wards.length > 0 ? wards : listFundAreas(em, fund, null, { withGeometry: false });
}

export type SaveResult = { ok: true; draft: ApplicationDraft; next: ApplyPageId | 'check' } | { ok: false; errors: FieldError[] };

/** Saves one page of answers. Bad answers are refused with a message per field and nothing is saved. */
export async function savePage(em: EntityManager, token: string | undefined, page: ApplyPageId, input: Record<string, unknown>): Promise<SaveResult> {
  const draft = await findDraft(em, token);
  if (draft.application) throw errors.alreadySubmitted();
  const priorityKeys = page === 'priorities' ? (await offeredPriorities(em, draft.fund.id)).map((priority) => priority.key) : [];
  const areaCodes = page === 'areas' ? (await offeredAreas(em, draft.fund)).map((area) => area.code) : [];
  const result = validatePage(page, input, draft.answers, { priorityKeys, areaCodes });
  if (!result.ok) return result;
  // New objects, so the ORM sees the JSON change.
  draft.answers = { ...draft.answers, [page]: result.answers };
  draft.typing = Object.fromEntries(Object.entries(draft.typing).filter(([key]) => key !== page));
  if (page === 'contact') draft.reminderEmail = result.answers.contactEmail;
  draft.updatedAt = new Date();
  await em.flush();
  return { ok: true, draft, next: nextPageAfter(draft, page) };
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

function nextPageAfter({ answers, fund }: ApplicationDraft, page: ApplyPageId): ApplyPageId | 'check' {
  const pages = journey(answers, fund);
  const following = pages.slice(pages.indexOf(page) + 1).find((candidate) => !answers[candidate]);
  return following ?? nextUnanswered(answers, fund) ?? 'check';
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
    const pages = journey(answers, draft.fund);
    const missing = pages.filter((page) => !answers[page]);
    if (missing.length > 0) {
      throw errors.badInput(missing.map((page) => ({ field: page, message: `Answer the questions on the "${page}" page before you send the application.` })));
    }
    // Answers are checked again as a whole: the legal form decides what the group page needs. A
    // priority chosen then retired still counts; one deleted since does not (the lock keeps the
    // chosen ones from being deleted until this commits).
    const chosen = await lockPriorities(tx, draft.fund.id, chosenPriorities(answers.priorities));
    // The fund's areas may have changed since the group chose: what is sent must still be among them.
    const areaCodes = pages.includes('areas') ? (await offeredAreas(tx, draft.fund)).map((area) => area.code) : [];
    const problems = pages.flatMap((page) => {
      const result = validatePage(page, answers[page]!, answers, { priorityKeys: chosen.map((priority) => priority.key), areaCodes });
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
      priorityTags: chosen.map((priority) => priority.key),
      submittedAt: now,
      createdAt: draft.createdAt,
      updatedAt: now,
    });
    // The areas the group chose; else from its postcode, when the postcode lookup has it; otherwise
    // officers choose them.
    const groupAreaCodes = pages.includes('areas') ? chosenAreaCodes(answers.areas) : [];
    created.areaCodes = [...groupAreaCodes];
    await placeApplication(tx, created);
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
      // The group's own tags (so the checks page can say who added each tag) and its own areas.
      changes: { reference: created.reference, assisted: created.assisted, priorityTags: created.priorityTags, areaCodes: groupAreaCodes },
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
